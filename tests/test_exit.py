"""`dibao run` ends without the interpreter's teardown (flows.cli.exit_now): tested against the plain exit."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import DIBAO, ROOT, SEEDS, run_dibao
from tests.helpers import snapshot_rows


RUN_ID = re.compile(r"\d{8}T\d{6}-[0-9a-f]{6}")
# The environment without PYTHONUNBUFFERED (which this one may set): output then waits in buffers the exit flushes.
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def _script(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    code = "import sys; sys.path.insert(0, %r)\nfrom flows.cli import exit_now\n" % str(ROOT) + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=BUFFERED)


def test_exit_now_keeps_the_code_the_output_and_the_exit_handlers(tmp_path):
    proc = _script(tmp_path, """
        import atexit, logging, pathlib
        atexit.register(lambda: pathlib.Path("handler-ran").write_text("yes"))
        logging.basicConfig(filename="log.txt", level=logging.INFO)
        logging.getLogger("x").info("logged before the exit")
        sys.stdout.write("no newline, still buffered")
        sys.stderr.write("to stderr")
        exit_now(3)
        sys.stdout.write("never")
    """)
    assert proc.returncode == 3
    assert proc.stdout == "no newline, still buffered" and proc.stderr == "to stderr"
    assert (tmp_path / "handler-ran").read_text() == "yes"
    assert "logged before the exit" in (tmp_path / "log.txt").read_text()


def test_a_live_thread_gets_the_plain_exit_that_waits_for_it(tmp_path):
    proc = _script(tmp_path, """
        import pathlib, threading, time
        def late():
            time.sleep(0.3)
            pathlib.Path("thread-done").write_text("yes")
        threading.Thread(target=late).start()
        exit_now(4)
    """)
    assert proc.returncode == 4
    assert (tmp_path / "thread-done").read_text() == "yes"


def test_a_closed_pipe_does_not_turn_the_exit_into_a_traceback(tmp_path):
    code = ("import sys; sys.path.insert(0, %r)\nfrom flows.cli import exit_now\n"
            "sys.stdout.write('still buffered')\nsys.stdin.read()\nexit_now(0)\n") % str(ROOT)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BUFFERED)
    proc.stdout.close()   # the reader went away, as with `dibao run | head -1` ...
    proc.stdin.close()    # ... before the command flushed its output
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 0 and err == ""


@pytest.mark.slow
def test_a_run_ends_the_same_with_the_fast_exit_and_the_plain_one(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in sorted(SEEDS.glob("*.txt"))[:2]:
        (pages / page.name).write_bytes(page.read_bytes())
    fast = run_dibao("run", "--input", str(pages), "--warehouse", str(tmp_path / "fast"))
    plain_cmd = [sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main(sys.argv[1:]))",
                 "run", "--input", str(pages), "--warehouse", str(tmp_path / "plain")]
    plain = subprocess.run(plain_cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert DIBAO[-1] == "flows.cli"   # run_dibao ran `python -m flows.cli`, whose __main__ exits fast
    assert fast.returncode == plain.returncode == 0, fast.stderr + plain.stderr
    assert fast.stderr == plain.stderr

    def summary(out: str, wh: str) -> str:   # less what differs between any two runs: ids, seconds, folders,
        kept = "".join(line for line in out.splitlines(keepends=True)   # and the stages, listed slowest first
                       if not line.lstrip().startswith("stages"))
        return re.sub(r"\d+(\.\d+)? s\b", "N s", RUN_ID.sub("RUN", kept)).replace(str(tmp_path / wh), "WH")
    assert summary(fast.stdout, "fast") == summary(plain.stdout, "plain")
    assert "completed" in fast.stdout and "2 new" in fast.stdout
    assert snapshot_rows(tmp_path / "fast") == snapshot_rows(tmp_path / "plain")


@pytest.mark.slow
def test_a_refused_run_exits_fast_with_its_code_and_message(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_dibao("run", "--input", str(tmp_path / "empty"), "--warehouse", str(tmp_path / "wh"))
    assert proc.returncode == 2 and "holds no files" in proc.stderr
