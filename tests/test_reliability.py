"""Crashes and concurrent runs: the warehouse is always readable and ends up equal to a clean run."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import ROOT, run_dibao
from tests.helpers import add_eval_pages, copy_seeds, snapshot_rows


# The folders below are versions of one corpus: one source, so that a run of the whole replaces the first part.
SOURCE = "corpus"


def start_dibao(inp, wh) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(inp), "--warehouse", str(wh),
                             "--source", SOURCE],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def run_ok(inp, wh):
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), "--source", SOURCE)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """Two input folders (a first part, and the whole), a clean warehouse of each, and a run's duration."""
    base = tmp_path_factory.mktemp("rel")
    first = copy_seeds(base / "in_first")
    add_eval_pages(first, "udn", limit=8)
    inp = base / "in"
    shutil.copytree(first, inp)                   # copy2 keeps mtimes: the shared files are unchanged
    add_eval_pages(inp, "xwlb")
    add_eval_pages(inp, "pd1998", limit=400)
    first_wh, whole = base / "wh_first", base / "wh_whole"
    run_ok(first, first_wh)
    started = time.monotonic()
    run_ok(inp, whole)
    return inp, first, first_wh, whole, time.monotonic() - started


def test_kill_9_at_any_moment_leaves_the_previous_warehouse_and_a_rerun_finishes(grown, tmp_path):
    inp, first, first_wh, whole, duration = grown
    wh = tmp_path / "wh"
    run_ok(first, wh)
    before = snapshot_rows(first_wh)
    assert snapshot_rows(wh) == before
    after = snapshot_rows(whole)
    for fraction in (0.35, 0.7, 0.85, 0.95):
        proc = start_dibao(inp, wh)
        time.sleep(duration * fraction)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        state = snapshot_rows(wh)            # always opens, always a complete snapshot
        assert state in (before, after)
    run_ok(inp, wh)
    assert snapshot_rows(wh) == after


def test_two_runs_at_once_equal_one_clean_run(grown, tmp_path):
    inp, _, _, whole, _ = grown
    wh = tmp_path / "wh"
    a, b = start_dibao(inp, wh), start_dibao(inp, wh)
    out_a, out_b = a.communicate(timeout=300), b.communicate(timeout=300)
    assert a.returncode == 0, out_a
    assert b.returncode == 0, out_b
    assert snapshot_rows(wh) == snapshot_rows(whole)


def test_no_wait_refuses_with_the_holders_pid(grown, tmp_path):
    from warehouse.store import WarehouseLock
    inp, _, _, _, _ = grown
    wh = tmp_path / "wh"
    with WarehouseLock(wh):
        proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), "--no-wait")
    assert proc.returncode == 3
    assert f"pid {os.getpid()}" in proc.stderr


def test_readers_see_the_published_state_while_a_run_writes(grown, tmp_path):
    inp, _, _, _, duration = grown
    wh = tmp_path / "wh"
    run_ok(inp, wh)
    proc = start_dibao(inp, wh)
    try:
        deadline = time.monotonic() + duration
        while proc.poll() is None and time.monotonic() < deadline:
            con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
            assert con.execute("select count(*) from articles").fetchone()[0] > 0
            con.close()
            time.sleep(0.5)
    finally:
        proc.communicate(timeout=300)
    assert proc.returncode == 0
