"""warehouse/compact.py: small segments merged into larger ones, with no row gained, lost or changed."""
from __future__ import annotations

import json
import os

import pytest

from tests.conftest import run_dibao
from tests.helpers import add_eval_pages, copy_seeds, snapshot_rows
from warehouse.compact import plan_compaction


def test_nothing_is_merged_until_enough_small_segments_gather():
    assert plan_compaction({f"s{i}": 10 for i in range(4)}, target=100, max_small=4) == []


def test_small_segments_are_grouped_up_to_the_target():
    sizes = {f"s{i}": 30 for i in range(7)}
    assert plan_compaction(sizes, target=100, max_small=2) == [["s0", "s1", "s2", "s3"], ["s4", "s5", "s6"]]


def test_big_segments_and_a_lone_leftover_stay():
    sizes = {"big": 60, "a": 40, "b": 40, "c": 40, "empty": 0}
    # "big" is at least target / 2: already merged, never rewritten again; "c" alone is not worth a rewrite.
    assert plan_compaction(sizes, target=100, max_small=1) == [["a", "b", "c"]]
    assert plan_compaction({"a": 40, "b": 40, "c": 40, "d": 10}, target=100, max_small=1) == [["a", "b", "c"]]


def test_every_small_segment_is_in_at_most_one_group():
    sizes = {f"s{i:02d}": (i * 7) % 23 + 1 for i in range(40)}
    groups = plan_compaction(sizes, target=50, max_small=5)
    flat = [s for g in groups for s in g]
    assert len(flat) == len(set(flat)) and all(len(g) > 1 for g in groups)


def segments(wh):
    return json.loads((wh / "state" / "current.json").read_text())["segments"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    inp = copy_seeds(tmp_path_factory.mktemp("compact_in"))
    add_eval_pages(inp, "xwlb", limit=12)
    return inp


def test_merged_warehouse_equals_an_unmerged_one_through_changes(corpus, tmp_path):
    """Tiny batches make many segments; merging them changes no row, and a changed or deleted page in a
    merged segment is replaced as in any other."""
    merge = {"DIBAO_COMPACT_MAX_SMALL": "2", "DIBAO_COMPACT_TARGET_BYTES": "60000"}
    plain, merged = tmp_path / "plain", tmp_path / "merged"

    def both(label):
        for wh, env in ((plain, {}), (merged, merge)):
            proc = run_dibao("run", "--input", str(corpus), "--warehouse", str(wh), "--batch-bytes", "8000", env=env)
            assert proc.returncode == 0, label + proc.stdout + proc.stderr
        assert snapshot_rows(merged) == snapshot_rows(plain), label

    both("first run")
    assert len(segments(merged)) < len(segments(plain)) - 2
    assert len(list((merged / "tables" / "articles").glob("*.parquet"))) <= len(segments(merged)) * 2 + 1

    page = sorted((corpus / "xwlb").iterdir())[0]
    page.write_text(page.read_text(encoding="utf-8").replace("会议", "会晤", 1) + "\n补记一行。\n", encoding="utf-8")
    os.utime(page, ns=(1, 1))
    both("changed page")
    sorted((corpus / "xwlb").iterdir())[1].unlink()
    both("deleted page")
