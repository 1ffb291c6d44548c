"""Crashes and damage on the DuckLake warehouse: a SIGTERM just after the commit, a full disk, a damaged
data file. Each ends in a warehouse that opens, a clear one-line message, and a next run that finishes."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import ROOT, run_dibao
from tests.helpers import add_eval_pages, copy_seeds, data_files, snapshot_rows

CONTRACT_VIEWS = ["documents", "rejects", "articles", "article_people", "people", "meetings",
                  "meeting_participants", "tokens"]


def run_ok(inp, wh, *extra):
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def opens(wh) -> dict[str, int]:
    """The warehouse as a plain DuckDB client sees it: every contract view answers."""
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    try:
        return {v: con.execute(f"select count(*) from {v}").fetchone()[0] for v in CONTRACT_VIEWS}
    finally:
        con.close()


def clean_rows(inp, tmp_path) -> dict:
    wh = tmp_path / "clean"
    shutil.rmtree(wh, ignore_errors=True)
    run_ok(inp, wh)
    return snapshot_rows(wh)


def test_sigterm_0_to_5_ms_after_the_commit_leaves_a_warehouse_that_opens(tmp_path):
    inp = copy_seeds(tmp_path / "in")
    spare = tmp_path / "spare"
    pages = add_eval_pages(spare, "xwlb", limit=20)
    (inp / "xwlb").mkdir()
    wh = tmp_path / "wh"
    run_ok(inp, wh)
    marker = tmp_path / "committed"
    rng = random.Random(14)
    for trial, page in enumerate(pages):
        shutil.copy(spare / page, inp / page)                 # something to publish in every trial
        marker.unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(inp), "--warehouse",
                                 str(wh)], cwd=ROOT, env={**os.environ, "DIBAO_COMMITTED_MARKER": str(marker)},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 300
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0002)
        assert marker.exists(), f"trial {trial}: the run ended without committing: {proc.communicate()}"
        time.sleep(rng.uniform(0, 0.005))
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        proc.communicate(timeout=60)
        assert opens(wh)["documents"] >= 5 + trial           # the previous views, or the new ones
    run_ok(inp, wh)
    assert opens(wh)["documents"] == 5 + len(pages)
    assert snapshot_rows(wh) == clean_rows(inp, tmp_path)


def test_a_damaged_data_file_stops_the_run_with_its_name_and_full_refresh_repairs(tmp_path):
    inp = copy_seeds(tmp_path / "in")
    add_eval_pages(inp, "xwlb", limit=6)
    wh = tmp_path / "wh"
    run_ok(inp, wh)
    before = opens(wh)
    damaged = max(data_files(wh, "articles"), key=os.path.getsize)
    with open(damaged, "r+b") as fh:                           # 64 zeroed bytes in the middle of the file
        fh.seek(os.path.getsize(damaged) // 2)
        fh.write(b"\0" * 64)
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh))
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.startswith("dibao:")]
    assert len(lines) == 1 and damaged in lines[0] and "--full-refresh" in lines[0], proc.stderr
    assert opens(wh) == before                                 # the warehouse still opens, unchanged
    query = run_dibao("sql", "--warehouse", str(wh), "select * from articles")
    assert query.returncode == 1 and query.stderr.startswith("dibao sql: ")
    run_ok(inp, wh, "--full-refresh")
    assert snapshot_rows(wh) == clean_rows(inp, tmp_path)
    run_ok(inp, wh)                                            # and the next run goes on as usual


@pytest.fixture()
def small_disk(tmp_path):
    """A 24 MB tmpfs (root only; the test is skipped where mounting is refused)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_full_disk_fails_the_run_in_one_line_and_the_next_run_finishes(small_disk, tmp_path):
    inp = copy_seeds(tmp_path / "in")
    wh = small_disk / "wh"
    run_ok(inp, wh)
    before = opens(wh)
    add_eval_pages(inp, "pd1998", limit=300)
    add_eval_pages(inp, "xwlb")
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    with open(filler, "wb") as fh:                            # leave 64 KB: too little for the new pages
        fh.write(b"\0" * max(0, free - 64 * 1024))
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "no space left" in proc.stderr.lower(), proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.startswith("dibao:")]) == 1, proc.stderr
    assert opens(wh) == before
    filler.unlink()
    run_ok(inp, wh)
    assert snapshot_rows(wh) == clean_rows(inp, tmp_path)
    # every file dibao's workers wrote is registered: the failed run's partial files are gone
    from warehouse.build import LAKE_SCHEMAS
    listed = {f for t in LAKE_SCHEMAS for f in data_files(wh, t)}
    written = {str(p) for p in (wh / "data").rglob("dibao-*.parquet")}
    assert written <= listed
