"""`dibao run` is safe to stop and hard to misuse (issue 13, items 3 and 6): no process of a run outlives
it (kill -9 included), SIGTERM/SIGINT stop it promptly with one line and 128+N, the previous warehouse
stays as it was, and bad arguments or expected failures are one `dibao:` line without a traceback.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from flows import cli, work
from tests.conftest import DIBAO, ROOT, SEEDS, run_dibao
from warehouse.store import WarehouseLock

# How long a killed run's processes may take to go (the bound), and a SIGTERM'd run to exit.
GONE_WITHIN_S = 20.0
STOP_WITHIN_S = 5.0
COPIES = 160   # ~8.5 MB of seed pages: long enough a run that it is killed mid-batch


# ---------------------------------------------------------------- processes, read from /proc


def _stat(pid: int) -> tuple[str, int]:
    """(state, parent pid) of a process."""
    with open(f"/proc/{pid}/stat", "rb") as fh:
        raw = fh.read()
    fields = raw[raw.rindex(b")") + 2:].split()
    return fields[0].decode(), int(fields[1])


def descendants(root: int) -> set[int]:
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = _stat(int(entry.name))[1]
            except OSError:
                continue
    out, todo = set(), [root]
    while todo:
        pid = todo.pop()
        kids = [c for c, p in parents.items() if p == pid]
        out.update(kids)
        todo.extend(kids)
    return out


def alive(pid: int) -> bool:
    try:
        return _stat(pid)[0] != "Z"
    except OSError:
        return False


def pool_workers(run_pid: int) -> set[int]:
    """Processes two levels below the run: the pool's workers, forked by the forkserver."""
    return {p for p in descendants(run_pid) if alive(p) and _stat(p)[1] != run_pid}


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    """COPIES copies of the seed pages, each with a line of its own (no two files alike)."""
    root = tmp_path_factory.mktemp("big_input")
    pages = [p for p in sorted(SEEDS.iterdir()) if p.name != "manifest.csv"]
    for i in range(COPIES):
        folder = root / f"copy-{i:04d}"
        folder.mkdir()
        for page in pages:
            (folder / page.name).write_bytes(page.read_bytes() + f"\n副本 {i}\n".encode("gb18030"))
    return root


@pytest.fixture()
def built(tmp_path) -> Path:
    """A warehouse built from the seeds: the 'previous warehouse' an interrupted run must leave alone."""
    wh = tmp_path / "wh"
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stderr
    return wh


def table_state(wh: Path) -> dict[str, object]:
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    try:
        out = {t: con.execute(f"select count(*), min({k}), max({k}) from {t}").fetchone()
               for t, k in (("documents", "doc_id"), ("articles", "article_id"), ("people", "person_id"))}
        # the lake snapshot the views show: no run committed another one
        out["snapshot"] = con.execute("select max(snapshot) from runs").fetchone()
    finally:
        con.close()
    return out


def _as_from_a_terminal() -> None:
    """In the child, before dibao starts: SIGINT as a terminal leaves it. A suite launched in the background
    of a non-interactive shell inherits SIGINT ignored, and dibao keeps an ignored signal ignored (as it
    must under nohup), so the Ctrl-C test would test the launcher instead of dibao."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_run(input_dir: Path, wh: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*DIBAO, "run", "--input", str(input_dir), "--warehouse", str(wh), "--workers", "2",
                             *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_as_from_a_terminal)


def wait_for_batches(proc: subprocess.Popen, wh: Path, timeout: float = 120.0) -> set[int]:
    """Wait until the run's pool workers are busy on a batch (a staged segment exists); their pids and the
    run's other processes (forkserver, resource tracker)."""
    deadline = time.monotonic() + timeout
    before = set(data_files(wh))
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        staged = set(data_files(wh)) - before   # written by this run's workers, not yet registered
        if staged and len(pool_workers(proc.pid)) >= 2:
            return descendants(proc.pid)
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("the run never got to its batches")


def data_files(wh: Path) -> list[Path]:
    return list((wh / "data").rglob("*.parquet")) if (wh / "data").is_dir() else []


def wait_gone(pids: set[int], timeout: float) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def reap(pids: set[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# ---------------------------------------------------------------- item 3: no orphan, prompt stop


def test_kill9_leaves_no_worker(big_input, built):
    before = table_state(built)
    proc = start_run(big_input, built)
    family = wait_for_batches(proc, built)
    assert len(family) >= 3          # forkserver, resource tracker, workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    left = wait_gone(family, GONE_WITHIN_S)
    reap(left)
    assert left == set(), "processes of the killed run still running"
    proc.communicate(timeout=GONE_WITHIN_S)   # nothing holds the caller's output pipes open any more
    assert table_state(built) == before


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_stops_within_5s(big_input, built, sig):
    before = table_state(built)
    proc = start_run(big_input, built)
    family = wait_for_batches(proc, built)
    sent = time.monotonic()
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=STOP_WITHIN_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        reap(descendants(proc.pid) | family)
        pytest.fail(f"{sig.name} did not stop the run within {STOP_WITHIN_S} s")
    stopped_after = time.monotonic() - sent
    left = wait_gone(family, GONE_WITHIN_S)
    reap(left)
    assert proc.returncode == 128 + sig, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"dibao: interrupted by {sig.name}; the warehouse is as the last completed run left it"], err
    assert "Traceback" not in err and out == ""
    assert left == set()
    assert table_state(built) == before
    assert stopped_after < STOP_WITHIN_S


def test_interrupting_the_pool_kills_its_workers_and_refuses_new_work(tmp_path):
    work.shutdown_pool()
    executor = work.pool(2)
    try:
        for _ in range(2):
            executor.submit(work._ready).result(timeout=60)
        pids = set(executor._processes)
        assert pids and all(alive(p) for p in pids)
        assert set(work.interrupt_pool()) == pids
        assert wait_gone(pids, GONE_WITHIN_S) == set()
        with pytest.raises(work.Interrupted):
            work.stage_batch([], {}, version="v", now=None, workers=2, data_url=f"{tmp_path}/", run_id="r")
    finally:
        work.shutdown_pool(wait=False)
    assert not work._INTERRUPTED.is_set()   # a later pool starts clean


def test_a_worker_exits_when_the_process_it_watches_ends():
    sleeper = subprocess.Popen(["sleep", "600"])
    child = subprocess.Popen([os.sys.executable, "-c",
                              "import sys, time; from flows.work import watch_process; "
                              f"watch_process({sleeper.pid}); time.sleep(600)"], cwd=ROOT)
    try:
        time.sleep(1.0)
        assert child.poll() is None
        sleeper.kill()
        sleeper.wait()
        assert child.wait(timeout=GONE_WITHIN_S) == 1
    finally:
        child.kill()
        sleeper.kill()


# ---------------------------------------------------------------- item 6: arguments, expected failures


def one_dibao_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert len(lines) == 1 and lines[0].startswith("dibao"), err
    return lines[0]


@pytest.mark.parametrize("option,value", [("--batch-bytes", "0"), ("--batch-bytes", "-1"), ("--workers", "0"),
                                          ("--workers", "-3"), ("--workers", "two")])
def test_batch_bytes_zero_refused(tmp_path, option, value):
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh"), option, value)
    assert proc.returncode == 2
    assert f"argument {option}" in proc.stderr and value in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "wh").exists()


def test_workers_capped_at_cores():
    assert cli.effective_workers(1000, 2, 8) == (2, "--workers 1000 is more than the 2 cores available; using 2")
    assert cli.effective_workers(2, 2, 8) == (2, None)
    assert cli.effective_workers(None, 2, 8) == (2, None)
    assert cli.effective_workers(None, 4, 1) == (1, None)


def test_too_many_workers_is_a_note_and_the_run_completes(tmp_path):
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh"), "--workers", "1000")
    assert proc.returncode == 0, proc.stderr
    assert f"--workers 1000 is more than the {work.cpu_count()} cores available" in proc.stderr


@pytest.mark.parametrize("variable", ["DIBAO_BATCH_BYTES", "DIBAO_WORKERS"])
def test_zero_in_the_environment_refused(tmp_path, variable):
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh"), env={variable: "0"})
    assert proc.returncode == 2 and variable in one_dibao_line(proc.stderr)


def test_not_a_number_in_the_environment_refused(tmp_path):
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh"), env={"DIBAO_WORKERS": "many"})
    assert proc.returncode == 2 and "many" in one_dibao_line(proc.stderr)


def test_input_same_as_warehouse_refused(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("本报讯 区委书记主持召开会议。\n", encoding="utf-8")
    proc = run_dibao("run", "--input", str(folder), "--warehouse", str(tmp_path / "." / "pages"))
    assert proc.returncode == 2 and "same folder" in one_dibao_line(proc.stderr)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_input_inside_warehouse_refused(built):
    proc = run_dibao("run", "--input", str(built / "data"), "--warehouse", str(built))
    assert proc.returncode == 2 and "inside --warehouse" in one_dibao_line(proc.stderr)


def test_no_wait_is_one_line_exit_3(tmp_path):
    wh = tmp_path / "wh"
    lock = WarehouseLock(wh, wait=0.0).acquire()
    try:
        proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(wh), "--no-wait")
    finally:
        lock.release()
    assert proc.returncode == 3
    assert f"pid {os.getpid()}" in one_dibao_line(proc.stderr)


# A full disk: tests/test_ducklake_crash.py fills a real tmpfs and checks the one line and the warehouse
# (a file-size limit set on the run also limits the Prefect server it starts, which then fails first).


def test_debug_shows_the_traceback(tmp_path):
    wh = tmp_path / "wh"
    lock = WarehouseLock(wh, wait=0.0).acquire()
    try:
        proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(wh), "--no-wait", "--debug")
    finally:
        lock.release()
    assert proc.returncode == 3 and "Traceback" in proc.stderr


def test_describe_says_disk_full_plainly():
    import errno
    exc = RuntimeError("could not write")
    exc.__cause__ = OSError(errno.ENOSPC, "No space left on device", "/w/tables/x.parquet")
    assert cli.describe(exc) == ("no space left on the device writing /w/tables/x.parquet (No space left on device); "
                                 "free some space and run again")
    assert cli.describe(ValueError("bad\n value")) == "ValueError: bad value"


@pytest.mark.parametrize("target", ["/proc/self/environ", "/sys/kernel/mm/transparent_hugepage/enabled",
                                    "/proc/self/cmdline"])
def test_a_symlink_to_a_system_file_is_not_read(tmp_path, target):
    from tasks.ingest import RejectError, SourceFile, read_source
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist on this machine")
    link = tmp_path / "page.txt"
    link.symlink_to(target)
    with pytest.raises(RejectError, match="system"):
        read_source(SourceFile("page.txt", str(link), 0))
    (tmp_path / "real.txt").write_text("本报讯 会议召开。\n", encoding="utf-8")
    (tmp_path / "ok.txt").symlink_to(tmp_path / "real.txt")
    assert read_source(SourceFile("ok.txt", str(tmp_path / "ok.txt"), 0)) == "本报讯 会议召开。\n".encode()


def test_an_ignored_hangup_stays_ignored():
    calls = []
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with cli.stop_on_signals(lambda: calls.append(1)):
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_IGN, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.2)
        assert calls == []
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_a_stop_signal_calls_back_and_raises_once():
    calls = []
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(cli.RunInterrupted) as raised:
        with cli.stop_on_signals(lambda: calls.append(1)):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    assert raised.value.signum == signal.SIGTERM and calls
    assert signal.getsignal(signal.SIGTERM) is before


def test_prefect_drain_notices_stay_off_the_terminal():
    from flows.cli import NoTraceback
    notice = logging.LogRecord("EventsWorker", logging.WARNING, "", 0, "Still processing items: 1 items remaining...",
                               None, None)
    other = logging.LogRecord("dibao", logging.WARNING, "", 0, "waiting for the dibao run with pid 1", None, None)
    assert not NoTraceback().filter(notice) and NoTraceback().filter(other)
