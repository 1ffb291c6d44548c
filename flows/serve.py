"""`dibao serve`: run the pipeline on a cron schedule that really fires.

Prefect's embedded (ephemeral) server never runs its scheduler, so serving against it logs "Cannot schedule
flows on an ephemeral server" and nothing ever runs. `serve` therefore needs a real API:

* when ``PREFECT_API_URL`` is configured (environment or Prefect profile), the flow is served against it;
* otherwise a local ``prefect server start`` is started on a free loopback port as a managed child process in
  its own process group (its output goes to ``<warehouse>/state/prefect-server.log``), and it is stopped by
  pid when `serve` stops, however it stops (Ctrl-C, SIGTERM, SIGHUP, an error, or the parent dying).

Prefect is imported only after ``PREFECT_API_URL`` is set, because Prefect captures its settings at import.
"""
from __future__ import annotations

import argparse
import asyncio
import ctypes
import logging
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from tasks.config import Settings

log = logging.getLogger(__name__)

DEFAULT_CRON = "0 6 * * *"
DEFAULT_NAME = "scheduled"
LOOPBACK = "127.0.0.1"
SERVER_LOG = Path("state") / "prefect-server.log"
# A fresh PREFECT_HOME (database migrations) took ~10 s here, a warm one ~3 s, but over 60 s with the two cores
# shared by several test suites (load average 13): 120 s leaves room for a loaded machine and slow disks.
HEALTH_TIMEOUT_S = 120.0
# The server answers ~3 s after it is spawned; asking a port nobody listens on yet costs ~0.1 ms, and steps of
# 0.25 s kept every run waiting ~0.12 s on average after the server was up.
HEALTH_POLL_S = 0.02
HEALTH_REQUEST_TIMEOUT_S = 1.0
# uvicorn shuts down in well under a second; the grace period covers a server busy writing to SQLite.
STOP_GRACE_S = 10.0
NEXT_RUNS_SHOWN = 3
# Linux prctl(PR_SET_PDEATHSIG): the child server gets SIGTERM if `serve` dies without cleaning up (SIGKILL).
PR_SET_PDEATHSIG = 1
# Telemetry would send traffic off the machine; a managed local server has no reason to.
MANAGED_SERVER_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "true",
}
# Left by `dibao run` (quiet_prefect) or the user; they would hide the UI the user is told to open.
MANAGED_SERVER_ENV_DROPPED = ("PREFECT_UI_ENABLED", "PREFECT_API_URL")


class ServeError(RuntimeError):
    """A problem `serve` reports in one line and exits non-zero for."""


class StopServing(Exception):
    """Raised from the SIGTERM/SIGHUP handler so that `finally` blocks stop the managed server."""


@dataclass
class ManagedServer:
    process: subprocess.Popen
    port: int
    log_path: Path
    seconds_to_healthy: float = 0.0
    # The Prefect database this server checked the migrations of at its start (flows.early); None if skipped.
    migrated_db: Path | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"


@dataclass(frozen=True)
class ServeOptions:
    input_dir: Path
    warehouse_dir: Path
    cron: str
    timezone: str
    name: str
    runner: str
    full_refresh: bool

    def parameters(self) -> dict:
        return {"input_dir": str(self.input_dir), "warehouse_dir": str(self.warehouse_dir),
                "full_refresh": self.full_refresh, "runner": self.runner}


def free_port(host: str = LOOPBACK) -> int:
    """A port nobody listens on now (the server re-checks it and fails clearly if it was taken since)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def local_timezone() -> str:
    """The machine's IANA zone name, so that "0 6 * * *" means 06:00 where the user is; UTC if unknown."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if "/" in tz or tz == "UTC":
        return tz
    target = os.path.realpath("/etc/localtime")
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    return "UTC"


def server_command(port: int) -> list[str]:
    return [sys.executable, "-m", "prefect", "server", "start", "--host", LOOPBACK, "--port", str(port)]


def _die_with_parent() -> None:
    """Runs in the child before exec: ask Linux to SIGTERM it when the parent dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's finally block is the only guard
        pass


def managed_server_env(base: dict[str, str] | None = None, port: int | None = None) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    for key in MANAGED_SERVER_ENV_DROPPED:
        env.pop(key, None)
    env.update(MANAGED_SERVER_ENV)
    if port is not None:
        # The UI asks /ui-settings where the API is; `--port` reaches uvicorn but not Prefect's settings, which
        # would answer 127.0.0.1:4200 ("Can't connect to Server API"), so the URL is given explicitly.
        env.pop("PREFECT_UI_API_URL", None)
        env["PREFECT_SERVER_UI_API_URL"] = f"http://{LOOPBACK}:{port}/api"
    return env


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_healthy(server: ManagedServer, timeout: float) -> float:
    """Seconds until /api/health answered; ServeError naming the log file if the child died or never answered."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if server.process.poll() is not None:
            raise ServeError(f"the Prefect server exited with code {server.process.returncode} before answering; "
                             f"see {server.log_path}:\n{log_tail(server.log_path)}")
        if is_healthy(server.api_url, timeout=HEALTH_REQUEST_TIMEOUT_S):
            return time.monotonic() - started
        time.sleep(HEALTH_POLL_S)
    raise ServeError(f"the Prefect server at {server.url} did not answer {server.api_url}/health within "
                     f"{timeout:.0f} s; see {server.log_path}:\n{log_tail(server.log_path)}")


def spawn_server(log_path: Path, command: Callable[[int], list[str]] = server_command,
                 env: dict[str, str] | None = None) -> ManagedServer:
    """Start a Prefect API server process on a free loopback port, in its own process group; do not wait."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = managed_server_env(port=port) if env is None else env
    with open(log_path, "ab") as out:
        out.write(f"\n--- dibao: starting Prefect server on {LOOPBACK}:{port} at {datetime.now()}\n".encode())
        out.flush()
        proc = subprocess.Popen(command(port), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True,
                                preexec_fn=_die_with_parent)
    log.info("started Prefect server pid %d on port %d", proc.pid, port)
    return ManagedServer(proc, port, log_path)


def start_server(warehouse_dir: Path, timeout: float = HEALTH_TIMEOUT_S,
                 command: Callable[[int], list[str]] = server_command) -> ManagedServer:
    """Start `prefect server start` on a free loopback port in its own process group and wait until healthy."""
    server = spawn_server(warehouse_dir / SERVER_LOG, command)
    try:
        server.seconds_to_healthy = wait_healthy(server, timeout)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: ManagedServer, grace: float = STOP_GRACE_S) -> int | None:
    """Terminate the server's process group, then kill it after `grace` seconds. Returns the exit code."""
    proc = server.process
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)  # start_new_session made the child its own group leader
        except ProcessLookupError:
            break
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            log.warning("Prefect server pid %d still running %.0f s after %s", proc.pid, grace, sig.name)
    _reap_group(proc.pid)
    return proc.poll()


def _reap_group(pgid: int) -> None:
    """Anything the server spawned stays in its group; make sure none of it outlives the server."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def next_run_times(cron: str, timezone: str, n: int = NEXT_RUNS_SHOWN) -> list[datetime]:
    """The next `n` times the cron fires, computed by Prefect's own schedule (validates the cron too)."""
    from prefect.server.schemas.schedules import CronSchedule
    schedule = CronSchedule(cron=cron, timezone=timezone)
    return [datetime.fromisoformat(str(d)) for d in asyncio.run(schedule.get_dates(n=n))]


def validate_schedule(cron: str, timezone: str) -> None:
    try:
        next_run_times(cron, timezone, 1)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        errors = getattr(exc, "errors", None)
        reason = errors()[0]["msg"] if callable(errors) else str(exc)
        raise ServeError(f"invalid schedule --cron {cron!r} --timezone {timezone!r}: {reason}") from exc


def configured_api_url() -> str | None:
    from prefect.settings import get_current_settings
    return get_current_settings().api.url


def check_api(api_url: str) -> None:
    """Fail early and clearly when the configured server does not answer (Prefect's client handles auth)."""
    from prefect.client.orchestration import get_client

    async def probe() -> Exception | None:
        async with get_client() as client:
            return await client.api_healthcheck()

    exc = asyncio.run(probe())
    if exc is not None:
        raise ServeError(f"the Prefect API at {api_url} (PREFECT_API_URL) does not answer: {exc}")


def ui_url_for(api_url: str) -> str:
    from prefect.settings import get_current_settings
    configured = get_current_settings().ui_url
    return configured or api_url.removesuffix("/").removesuffix("/api")


def tool_command(script: str, module: str) -> str:
    """How to call one of this environment's commands so that it runs as printed: the script beside this
    Python (a virtualenv's bin/ is often not on PATH), else `python -m module`."""
    beside = Path(sys.executable).parent / script
    if beside.is_file() and os.access(beside, os.X_OK):
        return shlex.quote(str(beside))
    return f"{shlex.quote(sys.executable)} -m {module}"


def suggested_commands(opts: ServeOptions, api_url: str) -> list[tuple[str, str]]:
    """(what, command line) pairs printed by `serve`; each one runs as printed from any folder."""
    api = f"PREFECT_API_URL={shlex.quote(api_url)}"
    prefect, dibao = tool_command("prefect", "prefect"), tool_command("dibao", "flows.cli")
    return [
        ("run the deployment now", f"{api} {prefect} deployment run {shlex.quote('dibao/' + opts.name)}"),
        ("a one-off run shown in this UI", f"{api} {dibao} run --input {shlex.quote(str(opts.input_dir))} "
                                           f"--warehouse {shlex.quote(str(opts.warehouse_dir))}"),
        ("recent flow runs", f"{api} {prefect} flow-run ls --limit 5"),
    ]


def say(message: str) -> None:
    print(f"dibao serve: {message}", flush=True)


def announce(opts: ServeOptions, api_url: str, server: ManagedServer | None) -> None:
    if server is not None:
        say(f"started a Prefect server at {server.url} (pid {server.process.pid}, healthy in "
            f"{server.seconds_to_healthy:.1f} s; log {server.log_path})")
    say(f"Prefect API  {api_url}")
    say(f"Prefect UI   {ui_url_for(api_url)}")
    times = ", ".join(t.strftime("%Y-%m-%d %H:%M %Z") for t in next_run_times(opts.cron, opts.timezone))
    say(f"deployment 'dibao/{opts.name}': cron '{opts.cron}' ({opts.timezone}); next runs: {times}")
    say(f"input {opts.input_dir} -> warehouse {opts.warehouse_dir}")
    for what, command in suggested_commands(opts, api_url):
        say(f"{what}: {command}")
    say("stop with Ctrl-C" + (" (this also stops the Prefect server)" if server else ""))


async def serve_until_stopped(opts: ServeOptions) -> str:
    """Create/update the deployment and run its scheduled runs until SIGINT, SIGTERM or SIGHUP; returns which."""
    from prefect.runner import Runner
    from prefect.schedules import Cron
    from flows.pipeline import pipeline

    loop, main = asyncio.get_running_loop(), asyncio.current_task()
    stopped_by: list[str] = []

    def stop(signum: int = signal.SIGTERM, *_) -> None:
        # The runner lets a flow run in progress finish; a second signal means "now": terminate it.
        if stopped_by:
            terminate_flow_runs()
        stopped_by.append(signal.Signals(signum).name)
        loop.call_soon_threadsafe(main.cancel)

    # limit=1: scheduled runs never overlap on one warehouse (the warehouse lock would only make them wait).
    runner = Runner(name=f"dibao-{opts.name}", pause_on_shutdown=True, limit=1)
    # Prefect's own SIGTERM handler calls sys.exit() inside the event loop, which leaves tracebacks; cancelling
    # the main task takes the same clean path as Ctrl-C (asyncio.run's SIGINT handling).
    runner.handle_sigterm = stop
    loop.add_signal_handler(signal.SIGHUP, stop, signal.SIGHUP)
    await runner.aadd_flow(pipeline, name=opts.name, schedule=Cron(opts.cron, timezone=opts.timezone),
                           parameters=opts.parameters(),
                           description=f"dibao over {opts.input_dir} into {opts.warehouse_dir}")
    try:
        await runner.start()
    except asyncio.CancelledError:
        if not stopped_by:  # SIGINT: let asyncio.run turn it into KeyboardInterrupt
            raise
    return stopped_by[0] if stopped_by else "runner stopped"


def terminate_flow_runs() -> list:
    """Served flow runs are multiprocessing children of `serve`: SIGTERM them (Prefect marks them crashed)."""
    import multiprocessing
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    return children


def stop_flow_runs(grace: float = STOP_GRACE_S) -> None:
    """Stop any flow run still running before the server goes, killing it after `grace` seconds."""
    children = terminate_flow_runs()
    deadline = time.monotonic() + grace
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            log.warning("flow run process %d ignored SIGTERM; killing it", child.pid)
            child.kill()
            child.join(1)


def drain_prefect_clients(timeout: float = 5.0) -> None:
    """Send the logs and events still queued in this process while the server can still receive them."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except Exception as exc:  # best effort: nothing here may keep the server from being stopped
            log.debug("could not drain %s: %s", worker.__name__, exc)


def use_api_url(api_url: str | None) -> None:
    """Point this process, its flow-run subprocesses and an already-imported Prefect at `api_url` (None:
    at no API). The settings Prefect read at import are refreshed too: threads it starts without a context
    (the process runner's message forwarder) read those, and would otherwise start a server of their own."""
    if api_url is None:
        os.environ.pop("PREFECT_API_URL", None)
    else:
        os.environ["PREFECT_API_URL"] = api_url
    if "prefect" in sys.modules:
        import prefect.context
        prefect.context.refresh_global_settings_context()


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
CLEANUP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _raise_stop(signum: int, _frame) -> None:
    raise StopServing(signal.Signals(signum).name)


def set_handlers(signals, handler) -> dict[int, object]:
    return {sig: signal.signal(sig, handler) for sig in signals}


def options_from_args(args: argparse.Namespace) -> ServeOptions:
    input_dir = Path(args.input).expanduser().resolve()
    if not input_dir.is_dir():
        raise ServeError(f"input folder {input_dir} does not exist or is not a folder; pass --input DIR")
    # Absolute paths: the scheduled runs must not depend on the folder `serve` happened to start in.
    return ServeOptions(input_dir=input_dir, warehouse_dir=Path(args.warehouse).expanduser().resolve(),
                        cron=args.cron, timezone=args.timezone, name=args.name, runner=args.runner,
                        full_refresh=args.full_refresh)


def cmd_serve(args: argparse.Namespace) -> int:
    server: ManagedServer | None = None
    # Without these, SIGTERM/SIGHUP while the server starts would kill `serve` without running `finally`.
    previous = set_handlers(STOP_SIGNALS, _raise_stop)
    previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)
    try:
        opts = options_from_args(args)
        validate_schedule(opts.cron, opts.timezone)  # fail before any server starts
        api_url = configured_api_url()
        if api_url:
            check_api(api_url)
        else:
            opts.warehouse_dir.mkdir(parents=True, exist_ok=True)
            server = start_server(opts.warehouse_dir)
            api_url = server.api_url
            use_api_url(api_url)
        announce(opts, api_url, server)
        say(f"stopping ({asyncio.run(serve_until_stopped(opts))})")
        return 0
    except (KeyboardInterrupt, StopServing) as exc:
        say(f"stopping ({str(exc) or 'SIGINT'})")
        return 0
    except ServeError as exc:
        print(f"dibao serve: {exc}", file=sys.stderr, flush=True)
        return 2
    finally:
        # Cleanup is bounded (grace periods); a second Ctrl-C must not cut it short and orphan the server.
        set_handlers(CLEANUP_SIGNALS, signal.SIG_IGN)
        stop_flow_runs()
        if server is not None:
            drain_prefect_clients()
            code = stop_server(server)
            say(f"stopped the Prefect server (pid {server.process.pid}, exit {code})")
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def add_serve_parser(subparsers) -> argparse.ArgumentParser:
    """Register `dibao serve` on the `dibao` command's subparsers."""
    defaults = Settings()
    p = subparsers.add_parser("serve", help="run the pipeline on a cron schedule (starts a local Prefect server "
                                            "unless PREFECT_API_URL is set)")
    p.add_argument("--input", default=str(defaults.input_dir), help="folder of pages (default: %(default)s)")
    p.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="output folder (default: %(default)s)")
    p.add_argument("--cron", default=DEFAULT_CRON, help="cron schedule (default: %(default)r, daily at 06:00)")
    p.add_argument("--timezone", default=local_timezone(), help="IANA time zone of the cron (default: %(default)s)")
    p.add_argument("--name", default=DEFAULT_NAME, help="deployment name, shown as dibao/NAME (default: %(default)s)")
    p.add_argument("--runner", choices=["thread", "process", "dask"], default=defaults.runner)
    p.add_argument("--full-refresh", action="store_true", help="make every scheduled run reprocess everything")
    p.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="dibao")
    add_serve_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["serve", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
