"""Incremental runs: unchanged files are skipped, changed ones replaced, deleted ones removed."""
from __future__ import annotations

import os

import pytest

from tests.conftest import run_dibao
from tests.helpers import add_eval_pages, copy_seeds, lake_query, snapshot_rows


def run_ok(inp, wh, *extra):
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def last_run(wh):
    import duckdb
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    row = con.execute("""select documents_new, documents_changed, documents_skipped, documents_deleted, status
                         from runs order by started_at desc limit 1""").fetchone()
    con.close()
    return row


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    inp = copy_seeds(tmp_path_factory.mktemp("inc_in"))
    add_eval_pages(inp, "udn", limit=6)
    return inp


def test_incremental_lifecycle(corpus, tmp_path):
    wh = tmp_path / "wh"
    run_ok(corpus, wh)
    first = snapshot_rows(wh)
    assert last_run(wh) == (11, 0, 0, 0, "completed")

    run_ok(corpus, wh)                                   # nothing changed: nothing reprocessed
    assert last_run(wh) == (0, 0, 11, 0, "completed")
    assert snapshot_rows(wh) == first

    page = corpus / "udn" / "added.txt"                  # one new page: only it is processed
    page.write_text("標題：新頁\n日期：2017-06-29 10:00\n\n台北市長柯文哲昨日出席會議並致詞，強調城市交流。", encoding="utf-8")
    run_ok(corpus, wh)
    assert last_run(wh) == (1, 0, 11, 0, "completed")
    assert snapshot_rows(wh)["documents"] != first["documents"]

    page.write_text("標題：改過的頁\n日期：2017-06-29 10:00\n\n新北市長朱立倫出席活動。", encoding="utf-8")
    os.utime(page, ns=(1, 1))                            # a changed file replaces its rows
    run_ok(corpus, wh)
    assert last_run(wh) == (0, 1, 11, 0, "completed")
    rows = snapshot_rows(wh)
    titles = {r for r in rows["articles"] if r[1] == "udn/added.txt"}
    assert len(titles) == 1 and "改过的页" in repr(titles)

    page.unlink()                                        # a deleted file's rows leave
    run_ok(corpus, wh)
    assert last_run(wh) == (0, 0, 0 + 11, 1, "completed")
    assert snapshot_rows(wh) == first

    run_ok(corpus, wh, "--full-refresh")                 # everything again, same result
    assert last_run(wh)[1] == 11
    assert snapshot_rows(wh) == first


def test_only_a_touched_but_identical_file_is_hashed_not_reprocessed(corpus, tmp_path):
    wh = tmp_path / "wh"
    run_ok(corpus, wh)
    os.utime(corpus / "udn" / sorted(os.listdir(corpus / "udn"))[0], None)
    run_ok(corpus, wh)
    assert last_run(wh) == (0, 0, 11, 0, "completed")
    assert lake_query(wh, "select count(*) from lake.file_state") == [(11,)]


def test_a_warehouse_inside_the_input_folder_is_not_read_as_pages(tmp_path):
    inp = copy_seeds(tmp_path / "in")
    run_ok(inp, inp / "warehouse")
    run_ok(inp, inp / "warehouse")
    assert last_run(inp / "warehouse") == (0, 0, 5, 0, "completed")
