"""Small data files merged by DuckLake (when warehouse/compact.py says so), with no row gained, lost or changed."""
from __future__ import annotations

import os

import pytest

from tests.conftest import run_dibao
from tests.helpers import add_eval_pages, copy_seeds, data_files, snapshot_rows
from warehouse.compact import tables_to_merge


def test_nothing_is_merged_until_enough_small_files_gather():
    assert tables_to_merge({"articles": [10] * 4}, target=100, max_small=4) == []
    assert tables_to_merge({"articles": [10] * 5}, target=100, max_small=4) == ["articles"]


def test_big_files_do_not_count_as_small():
    sizes = {"articles": [60, 60, 60, 40, 40], "tokens": [40, 40, 40], "runs": []}
    # a file of at least half the target is merged already: only "tokens" has more than two small ones
    assert tables_to_merge(sizes, target=100, max_small=2) == ["tokens"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    inp = copy_seeds(tmp_path_factory.mktemp("compact_in"))
    add_eval_pages(inp, "xwlb", limit=12)
    return inp


def test_merged_warehouse_equals_an_unmerged_one_through_changes(corpus, tmp_path):
    """Tiny batches make many data files; merging them changes no row, and a changed or deleted page in a
    merged file is replaced as in any other."""
    merge = {"DIBAO_COMPACT_MAX_SMALL": "2", "DIBAO_COMPACT_TARGET_BYTES": "60000"}
    plain, merged = tmp_path / "plain", tmp_path / "merged"

    def both(label):
        for wh, env in ((plain, {}), (merged, merge)):
            proc = run_dibao("run", "--input", str(corpus), "--warehouse", str(wh), "--batch-bytes", "8000", env=env)
            assert proc.returncode == 0, label + proc.stdout + proc.stderr
        assert snapshot_rows(merged) == snapshot_rows(plain), label

    both("first run")
    assert len(data_files(merged, "articles")) < len(data_files(plain, "articles")) - 2

    page = sorted((corpus / "xwlb").iterdir())[0]
    page.write_text(page.read_text(encoding="utf-8").replace("会议", "会晤", 1) + "\n补记一行。\n", encoding="utf-8")
    os.utime(page, ns=(1, 1))
    both("changed page")
    sorted((corpus / "xwlb").iterdir())[1].unlink()
    both("deleted page")
