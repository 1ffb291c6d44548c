"""`dibao serve`: a managed local Prefect server whose cron schedule really fires, and nothing left running.

The end-to-end test waits for a real cron tick (up to a minute away), so it takes 45-90 s; every wait is
bounded so that the whole test ends within 6 minutes even when something hangs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows import serve

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SERVER_LINE = re.compile(r"started a Prefect server at (http://127\.0\.0\.1:\d+) \(pid (\d+)")
TERMINAL_BAD = {"FAILED", "CRASHED", "CANCELLED"}
FINISHED = ["COMPLETED", *sorted(TERMINAL_BAD)]
# Budget (s): server start <= 120 + imports, first cron tick <= 60 after the deployment exists, the run ~10;
# TOTAL_WAIT + STOP_WAIT + the last kill and 3 suggested commands stay under 6 minutes whatever fails.
PID_LINE_WAIT = 150
TOTAL_WAIT = 200
STOP_WAIT = 20
COMMAND_WAIT = 60
SUGGESTED = re.compile(r"^dibao serve: (?:run the deployment now|a one-off run shown in this UI|recent flow runs): (.+)$",
                       re.M)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")


def gone(members, within: float = 10.0) -> list[int]:
    """members() once it is empty, or what is still there after `within` seconds."""
    deadline = time.monotonic() + within
    while (left := members()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def group_members(pgid: int) -> list[int]:
    """Live processes whose process group is `pgid` (Linux /proc)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def api_post(api: str, path: str, body: dict) -> list[dict]:
    req = urllib.request.Request(f"{api}{path}", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read())


def wait_for_line(path: Path, pattern: re.Pattern, proc: subprocess.Popen, deadline: float) -> re.Match:
    while time.monotonic() < deadline:
        m = pattern.search(path.read_text(errors="replace"))
        if m:
            return m
        assert proc.poll() is None, f"serve exited with {proc.returncode}:\n{path.read_text()}"
        time.sleep(0.25)
    raise AssertionError(f"no line matching {pattern.pattern} in time:\n{path.read_text()}")


def wait_for_scheduled_run(api: str, proc: subprocess.Popen, out: Path, deadline: float) -> dict:
    """The first flow run the scheduler itself created (auto_scheduled) that completed."""
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"serve exited with {proc.returncode}:\n{out.read_text()}"
        # Only finished runs: the scheduler also creates ~100 future SCHEDULED runs for an every-minute cron.
        runs = api_post(api, "/flow_runs/filter", {"limit": 20, "flow_runs": {"state": {"type": {"any_": FINISHED}}}})
        bad = [r for r in runs if r["state_type"] in TERMINAL_BAD]
        assert not bad, f"flow run ended {bad[0]['state_type']}:\n{out.read_text()}"
        done = [r for r in runs if r["state_type"] == "COMPLETED" and r["auto_scheduled"]]
        if done:
            return done[0]
        time.sleep(1)
    raise AssertionError(f"no scheduled flow run completed in time:\n{out.read_text()}")


@pytest.mark.slow
def test_serve_every_minute_fires_builds_warehouse_and_stops_everything(tmp_path):
    warehouse = tmp_path / "wh"
    out = tmp_path / "serve.out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "flows.serve", "--input", str(SEEDS), "--warehouse", str(warehouse),
           "--cron", "* * * * *", "--timezone", "UTC", "--name", "test-every-minute"]
    started = time.monotonic()
    with open(out, "wb") as sink:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
                                start_new_session=True)
    server_pid, signalled = None, False
    try:
        m = wait_for_line(out, SERVER_LINE, proc, started + PID_LINE_WAIT)
        api, server_pid = m.group(1) + "/api", int(m.group(2))
        assert api.startswith("http://127.0.0.1:")
        assert alive(server_pid) and os.getpgid(server_pid) == server_pid  # its own process group
        assert os.getpgid(server_pid) != os.getpgid(proc.pid)
        assert (warehouse / "state" / "prefect-server.log").stat().st_size > 0

        run = wait_for_scheduled_run(api, proc, out, started + TOTAL_WAIT)
        expected = datetime.fromisoformat(run["expected_start_time"])
        assert expected.second == 0 and expected.microsecond == 0  # a cron tick, not an ad hoc run
        assert run["parameters"]["warehouse_dir"] == str(warehouse.resolve())
        [deployment] = api_post(api, "/deployments/filter", {})
        assert deployment["id"] == run["deployment_id"] and deployment["name"] == "test-every-minute"
        assert deployment["schedules"][0]["schedule"]["cron"] == "* * * * *"

        # The UI it prints asks /ui-settings where the API is: it must name this server, not 127.0.0.1:4200.
        ui = re.search(r"Prefect UI\s+(\S+)", out.read_text()).group(1)
        with urllib.request.urlopen(f"{ui}/ui-settings", timeout=5) as resp:
            assert json.loads(resp.read())["api_url"] == api
        # Every suggested command runs as printed, from another folder, with the venv's bin/ not on PATH.
        commands = SUGGESTED.findall(out.read_text())
        assert len(commands) == 3, out.read_text()
        bare = {**env, "PATH": "/usr/bin:/bin"}
        for command in commands:
            done = subprocess.run(["/bin/sh", "-c", command], cwd=tmp_path, env=bare, capture_output=True,
                                  text=True, timeout=COMMAND_WAIT)
            assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"

        proc.send_signal(signal.SIGTERM)
        signalled = True
        assert proc.wait(STOP_WAIT) == 0, out.read_text()
        assert "stopped the Prefect server" in out.read_text()
        assert not alive(server_pid)
        # A flow-run child may still be exiting on a loaded machine; anything left after a few seconds is a leak.
        assert gone(lambda: group_members(server_pid) + group_members(proc.pid)) == []

        # Read after stopping, so that no next-minute run holds the DuckDB file meanwhile.
        con = duckdb.connect(str(warehouse / "dibao.duckdb"), read_only=True)
        try:
            assert con.execute("select count(*) from articles").fetchone()[0] > 0
        finally:
            con.close()
    finally:
        if proc.poll() is None and not signalled:
            proc.send_signal(signal.SIGTERM)  # let serve stop its server itself if it still can
            try:
                proc.wait(STOP_WAIT / 2)
            except subprocess.TimeoutExpired:
                pass
        kill_group(proc.pid)
        if server_pid is not None:
            kill_group(server_pid)
        proc.wait(5)


def never_healthy(pid_file: Path):
    """A stand-in server that logs a line, records its pid and never answers /api/health."""
    code = (f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); "
            "print('still booting', flush=True); time.sleep(60)")
    return lambda port: [sys.executable, "-c", code]


def test_start_server_names_the_log_file_when_the_server_never_answers(tmp_path):
    pid_file = tmp_path / "child.pid"
    with pytest.raises(serve.ServeError) as err:
        serve.start_server(tmp_path, timeout=2, command=never_healthy(pid_file))
    log_file = tmp_path / "state" / "prefect-server.log"
    assert str(log_file) in str(err.value) and "did not answer" in str(err.value)
    assert "still booting" in str(err.value)  # the log's tail is shown
    child = int(pid_file.read_text())
    assert not alive(child) and group_members(child) == []


def test_start_server_reports_a_server_that_exits_early(tmp_path):
    def crashing(port: int) -> list[str]:
        return [sys.executable, "-c", f"print('Port {port} is already in use'); raise SystemExit(1)"]
    with pytest.raises(serve.ServeError) as err:
        serve.start_server(tmp_path, timeout=30, command=crashing)
    assert "exited with code 1" in str(err.value) and "already in use" in str(err.value)
    assert str(tmp_path / "state" / "prefect-server.log") in str(err.value)


def test_stop_server_kills_a_server_that_ignores_sigterm(tmp_path):
    stubborn = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('up', flush=True)\ntime.sleep(120)"
    proc = subprocess.Popen([sys.executable, "-c", stubborn], start_new_session=True, stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"up"
        server = serve.ManagedServer(proc, 0, tmp_path / "x.log")
        assert serve.stop_server(server, grace=0.5) == -signal.SIGKILL
        assert not alive(proc.pid) and group_members(proc.pid) == []
    finally:
        kill_group(proc.pid)
        proc.wait(5)


def test_free_port_is_bindable_on_loopback():
    port = serve.free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_next_run_times_daily_at_six():
    times = serve.next_run_times("0 6 * * *", "UTC")
    assert len(times) == serve.NEXT_RUNS_SHOWN
    assert all((t.hour, t.minute) == (6, 0) for t in times)
    assert [b - a for a, b in zip(times, times[1:])] == [timedelta(days=1)] * (len(times) - 1)


def test_next_run_times_follow_the_time_zone():
    [t] = serve.next_run_times("0 6 * * *", "Asia/Shanghai", 1)
    assert t.utcoffset() == timedelta(hours=8) and t.hour == 6


@pytest.mark.parametrize("cron", ["61 * * * *", "every day", "* * *"])
def test_bad_cron_is_rejected(cron):
    with pytest.raises(ValueError):
        serve.next_run_times(cron, "UTC")


def test_managed_server_env_keeps_the_ui_on_and_telemetry_off():
    env = serve.managed_server_env({"PREFECT_API_URL": "http://elsewhere/api", "PREFECT_UI_ENABLED": "false",
                                    "PATH": "/bin"})
    assert "PREFECT_API_URL" not in env and "PREFECT_UI_ENABLED" not in env
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false" and env["PREFECT_SERVER_UI_ENABLED"] == "true"
    assert env["PATH"] == "/bin"


def test_local_timezone_reads_tz(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Taipei")
    assert serve.local_timezone() == "Asia/Taipei"
    monkeypatch.setenv("TZ", ":Europe/Paris")
    assert serve.local_timezone() == "Europe/Paris"


def test_serve_parser_defaults_and_paths(tmp_path):
    parser = argparse.ArgumentParser()
    serve.add_serve_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--input", str(SEEDS), "--warehouse", "rel/wh", "--runner", "process"])
    assert args.cron == "0 6 * * *" and args.func is serve.cmd_serve and args.name == serve.DEFAULT_NAME
    opts = serve.options_from_args(args)
    assert opts.warehouse_dir.is_absolute() and opts.input_dir == SEEDS.resolve()
    assert opts.parameters() == {"input_dir": str(SEEDS.resolve()), "warehouse_dir": str(opts.warehouse_dir),
                                 "full_refresh": False, "runner": "process"}


def test_missing_input_fails_before_starting_anything(tmp_path, capsys):
    code = serve.main(["--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "wh").exists()


def test_managed_server_env_points_the_ui_at_the_chosen_port():
    env = serve.managed_server_env({"PREFECT_UI_API_URL": "http://127.0.0.1:4200/api"}, port=41234)
    assert env["PREFECT_SERVER_UI_API_URL"] == "http://127.0.0.1:41234/api" and "PREFECT_UI_API_URL" not in env


def test_suggested_commands_name_this_environments_scripts(tmp_path):
    opts = serve.ServeOptions(SEEDS, tmp_path / "w h", "0 6 * * *", "UTC", "daily", "thread", False)
    commands = dict(serve.suggested_commands(opts, "http://127.0.0.1:1234/api"))
    assert len(commands) == 3
    for command in commands.values():
        assert command.startswith("PREFECT_API_URL=http://127.0.0.1:1234/api /")
        program = command.split()[1]
        assert Path(program).is_absolute() and os.access(program, os.X_OK), command
    assert f"--warehouse '{tmp_path / 'w h'}'" in commands["a one-off run shown in this UI"]
    assert commands["run the deployment now"].endswith("deployment run dibao/daily")
