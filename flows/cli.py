"""The `dibao` command: run the pipeline, and (as they arrive) serve, sql and report.

Exit codes of `dibao run` (README): 0 done, 1 could not complete, 2 bad arguments, 3 the warehouse is busy
and --no-wait was given, 4 --strict and some file was rejected, 128+N stopped by signal N (130 SIGINT,
143 SIGTERM, 129 SIGHUP). Every expected failure is one `dibao:` line; --debug adds the traceback.
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tasks.config import Settings

log = logging.getLogger("dibao")


def quiet_prefect() -> None:
    """Keep Prefect's own chatter off a user's terminal unless they asked for it, while the run's INFO logs
    (files found, the plan, each batch's files) still reach the API, so the UI's Logs tab is not empty."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    # The embedded server's telemetry cannot reach anything from most research machines and logs an ERROR.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def process_seconds() -> float | None:
    """Seconds since this process started (Linux /proc), so a summary counts interpreter start-up and imports."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(") ", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def format_summary(s, wall_seconds: float | None = None) -> str:
    """The run's summary for a terminal; `wall_seconds` is the whole command's time (the flow's otherwise)."""
    from flows.artifacts import next_commands
    took = f"{wall_seconds:.1f} s (the flow {s.seconds:.1f} s)" if wall_seconds else f"{s.seconds:.1f} s"
    # Counted as `dibao report` counts them: people named in articles; bylines-only people are in `people` too.
    byline_only = max(0, s.people - s.people_named)
    people = f"{s.people_named} people" + (f" (+{byline_only} only in bylines)" if byline_only else "")
    lines = [
        f"dibao run {s.run_id}: {s.status} in {took}",
        f"  input      {s.input_dir} (source {s.source_name})",
        f"  warehouse  {s.warehouse_dir}" + ("" if str(s.warehouse_dir).startswith("s3://") else "/dibao.duckdb"),
        f"  documents  {s.documents_seen} seen: {s.documents_new} new, {s.documents_changed} changed, "
        f"{s.documents_skipped} unchanged, {s.documents_deleted} deleted ({s.batches} batches)",
        f"  tables     {s.documents} documents, {s.rejects} rejects, {s.articles} articles, {s.tokens} tokens, "
        f"{people}, {s.meetings} meetings",
    ]
    for w in s.warnings[:10]:
        lines.append(f"  warning    {w}")
    if s.rejects:
        lines.append(f"  rejects    {s.rejects} file(s) not read as pages (the first command below lists them)")
    if s.stage_seconds:
        busiest = sorted(s.stage_seconds.items(), key=lambda kv: -kv[1])[:4]
        lines.append("  stages     " + ", ".join(f"{k} {v:.1f} s" for k, v in busiest) + " (worker seconds)")
    lines.append("  next")
    lines += [f"    {c}" for c in next_commands(s.warehouse_dir, bool(s.rejects))]
    return "\n".join(lines)


EXIT_FAILED, EXIT_USAGE, EXIT_BUSY, EXIT_STRICT = 1, 2, 3, 4
# What stops a run from outside; the exit code is the shell's 128 + signal number.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class RunInterrupted(BaseException):
    """Raised in the main thread by SIGINT/SIGTERM/SIGHUP. A BaseException, like KeyboardInterrupt, so that
    no `except Exception` on the way (ours or Prefect's) mistakes it for a failure and carries on."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def interrupted_exit(signum: int) -> int:
    print(f"dibao: interrupted by {signal.Signals(signum).name}; the warehouse is as the last completed run "
          "left it", file=sys.stderr)
    return 128 + signum


@contextmanager
def stop_on_signals(on_stop) -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP call `on_stop` at once and raise RunInterrupted in the main thread (once).

    Prefect swaps in its own SIGTERM handler while the flow runs; a thread woken through the signal wakeup
    fd, which Python writes whichever handler is installed, still calls `on_stop` at once (it kills the
    worker processes, so that no batch keeps the run waiting)."""
    raised = threading.Event()

    def handler(signum, _frame) -> None:
        on_stop()
        if not raised.is_set():
            raised.set()
            raise RunInterrupted(signum)

    # A signal ignored from the start stays ignored: `nohup dibao run` must survive the terminal closing.
    caught = [sig for sig in STOP_SIGNALS if signal.getsignal(sig) is not signal.SIG_IGN]
    previous = {sig: signal.signal(sig, handler) for sig in caught}
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    stops = {int(sig) for sig in caught}

    def watch() -> None:
        while data := os.read(read_fd, 64):
            if stops.intersection(data):
                on_stop()

    watcher = threading.Thread(target=watch, name="dibao-signals", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        os.close(write_fd)
        watcher.join(1.0)
        os.close(read_fd)
        for sig, old in previous.items():
            signal.signal(sig, old)


def positive_int(what: str):
    """An argparse type: a whole number above zero, else exit 2 naming the value."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of {what}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{value} is not allowed: give a number of {what} above 0")
        return value
    return parse


def same_or_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_run_args(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments of `dibao run`, in one sentence, or None."""
    input_dir = Path(args.input)
    if not input_dir.is_dir():
        return f"input folder {input_dir} does not exist or is not a folder; pass --input DIR (the warehouse was not changed)"
    inp, wh = input_dir.resolve(), Path(args.warehouse).resolve()
    if inp == wh:
        return (f"--input and --warehouse are the same folder ({inp}): the warehouse would be read as pages; "
                "give the warehouse its own folder")
    if same_or_inside(inp, wh):
        return (f"--input {args.input} is inside --warehouse {args.warehouse}: dibao would read its own output; "
                "give the pages a folder outside the warehouse")
    if wh.exists() and not wh.is_dir():
        return f"--warehouse {args.warehouse} is a file, not a folder"
    settings = Settings()
    for name, value in (("DIBAO_BATCH_BYTES", settings.batch_bytes), ("DIBAO_WORKERS", settings.workers)):
        if value <= 0:
            return f"{name}={value} in the environment is not allowed: give a number above 0"
    return None


def effective_workers(requested: int | None, cores: int, configured: int) -> tuple[int, str | None]:
    """Worker processes to start, and a note when the request was capped at the cores this process may use."""
    if requested is None:
        return max(1, min(configured, cores)), None
    if requested > cores:
        return cores, f"--workers {requested} is more than the {cores} cores available; using {cores}"
    return requested, None


DRAINING = "Still processing items"
# Prefect's loggers that report a failed or crashed flow or task run, which `dibao run` reports itself.
RUN_STATE_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")


class NoTraceback(logging.Filter):
    """Keeps failure reports off the terminal: tracebacks, and Prefect's errors about the run's state (which
    `dibao:` tells in one line, and Prefect keeps in its own run logs). --debug turns this off."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR:
            # Prefect's queue services say so while they drain at exit: progress of a shutdown, nothing to do
            return not (record.levelno == logging.WARNING and str(record.msg).startswith(DRAINING))
        return not (record.exc_info or record.name.startswith(RUN_STATE_LOGGERS))


def quiet_tracebacks() -> None:
    """Put NoTraceback on every terminal handler Prefect (and the root logger) has."""
    names = [""] + [n for n in logging.Logger.manager.loggerDict if n.startswith("prefect")]
    for name in names:
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler) and not any(isinstance(f, NoTraceback) for f in handler.filters):
                handler.addFilter(NoTraceback())


def check_source(args: argparse.Namespace, input_dir: Path) -> int | None:
    """Exit 2 before anything starts when the run would remove a source's documents by mistake (an empty
    input folder) or names its source badly; None when the run may go on."""
    from tasks.ingest import has_input
    from tasks.plan import valid_source_name
    name = args.source or Path(os.path.abspath(input_dir)).name
    problem = valid_source_name(name)
    if problem:
        print(f"dibao: --source '{name}': {problem}", file=sys.stderr)
        return EXIT_USAGE
    if not args.allow_empty and not has_input(input_dir):
        print(f"dibao: input folder {input_dir} holds no files; the warehouse was not changed (to remove the documents "
              f"of source '{name}', run with --allow-empty, or use: dibao remove-source {name})", file=sys.stderr)
        return EXIT_USAGE
    return None


def cmd_run(args: argparse.Namespace) -> int:
    quiet_prefect()
    problem = check_run_args(args)
    if problem:
        print(f"dibao: {problem}", file=sys.stderr)
        return EXIT_USAGE
    input_dir = Path(args.input)
    refused = check_source(args, input_dir)
    if refused is not None:
        return refused
    with stop_on_signals(lambda: _if_pool_loaded("interrupt_pool")):
        try:
            return _start(args, input_dir)
        except RunInterrupted as exc:
            return interrupted_exit(exc.signum)
        except Exception as exc:   # before or after the flow: starting the server or the pool, stopping them
            if args.debug:
                raise
            print(f"dibao: the run could not complete: {describe(exc)}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            _if_pool_loaded("shutdown_pool", wait=False)


def _if_pool_loaded(action: str, **kwargs) -> None:
    """Call flows.work's `action` if the module is loaded (no pool exists before it is; a signal can arrive
    while it is still being imported). Importing it loads the extraction modules (~0.7 s), which must not
    delay the Prefect server's start (`_start`)."""
    call = getattr(sys.modules.get("flows.work"), action, None)
    if call is not None:
        call(**kwargs)


def _start(args: argparse.Namespace, input_dir: Path) -> int:
    from flows.early import run_api, start_early
    # First, so that its start-up overlaps everything below (not with --dask-address: remote workers).
    log_dir = Path(args.warehouse)
    if str(args.warehouse).startswith("s3://"):   # the server's log goes beside the lake's local catalog
        from warehouse.lake import Location
        log_dir = Location.parse(args.warehouse).root
    server = start_early(log_dir, remote_workers=bool(args.dask_address))
    from flows.work import INLINE_BYTES, cpu_count, new_bytes, warm_for
    workers, note = effective_workers(args.workers, cpu_count(), Settings().workers)
    if note:
        print(f"dibao: note: {note}", file=sys.stderr)

    def warm() -> None:   # what the run needs, loaded while Prefect's server starts (the main process would wait)
        if args.runner == "thread":
            warm_for(new_bytes(input_dir, last_change(args), INLINE_BYTES), workers)
        from warehouse.lake import Location, preload
        preload(Location.parse(args.warehouse))
        from flows import pipeline   # noqa: F401  (Prefect's flow and task modules, ~0.4 s)

    with run_api(server, meanwhile=warm):
        code, summary = _run(args, input_dir, workers)
    # Printed after the run's server has stopped, so that the time shown is the command's own.
    if summary is not None:
        print(format_summary(summary, process_seconds()))
        if args.strict and summary.rejects:
            print(f"dibao: --strict: {summary.rejects} file(s) were rejected", file=sys.stderr)
            return EXIT_STRICT
    return code


def last_change(args: argparse.Namespace) -> float | None:
    """When the warehouse's catalog last changed (its file's mtime), or None for a full refresh or a new
    warehouse (every file is then work)."""
    if args.full_refresh:
        return None
    from warehouse.lake import Location
    try:
        return Location.parse(args.warehouse).catalog.stat().st_mtime
    except (OSError, ValueError):
        return None


def _run(args: argparse.Namespace, input_dir: Path, workers: int):
    """(exit code, summary or None)."""
    from prefect.exceptions import TerminationSignal

    from flows.pipeline import pipeline
    from flows.runners import make_runner
    from warehouse.store import WarehouseBusy
    if not args.debug:
        quiet_tracebacks()
    try:
        plan = make_runner(args.runner, workers, args.dask_address)
        summary = pipeline.with_options(task_runner=plan.task_runner)(
            input_dir=str(input_dir), warehouse_dir=str(args.warehouse), full_refresh=args.full_refresh,
            batch_bytes=args.batch_bytes, workers=workers, inner_workers=plan.inner_workers,
            lock_wait=0.0 if args.no_wait else None, runner=args.runner, progress=sys.stderr.isatty(),
            source_name=args.source, allow_empty=args.allow_empty)
    except TerminationSignal as exc:   # Prefect's own SIGTERM handler, while the flow runs
        return interrupted_exit(exc.signal), None
    except WarehouseBusy as exc:
        print(f"dibao: {exc}", file=sys.stderr)
        return EXIT_BUSY, None
    except Exception as exc:  # one clear line; the traceback is in Prefect's logs, and shown with --debug
        if args.debug:
            raise
        print(f"dibao: the run could not complete: {describe(exc)}", file=sys.stderr)
        return EXIT_FAILED, None
    return 0, summary


def describe(exc: BaseException) -> str:
    """An exception in one line: disk full and permission problems said plainly, with the path."""
    import errno
    cause = exc
    while not isinstance(cause, OSError) and cause.__cause__ is not None:
        cause = cause.__cause__
    text = " ".join(str(exc).split())
    if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        where = f" writing {cause.filename}" if cause.filename else ""
        return f"no space left on the device{where} ({cause.strerror}); free some space and run again"
    if "No space left on device" in text or "File too large" in text:
        return f"no space left on the device ({text}); free some space and run again"
    return f"{type(exc).__name__}: {text}"


def build_parser(run_only: bool = False) -> argparse.ArgumentParser:
    defaults = Settings()
    parser = argparse.ArgumentParser(prog="dibao", description="Chinese local-government news pages -> tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the pipeline on a folder of pages")
    run.add_argument("--input", default=str(defaults.input_dir), help="folder of pages (default: %(default)s)")
    run.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="output folder (default: %(default)s)")
    run.add_argument("--full-refresh", action="store_true", help="reprocess every document")
    run.add_argument("--strict", action="store_true", help="exit non-zero when any file is rejected")
    run.add_argument("--runner", choices=["thread", "process", "dask"], default=defaults.runner)
    run.add_argument("--dask-address", default=defaults.dask_address,
                     help="tcp://HOST:PORT of an existing Dask scheduler (with --runner dask)")
    run.add_argument("--batch-bytes", type=positive_int("bytes"), default=None, help="bytes of input per batch task")
    run.add_argument("--workers", type=positive_int("worker processes"), default=None,
                     help="worker processes for the CPU-bound stages (at most the number of cores)")
    run.add_argument("--no-wait", action="store_true", help="refuse instead of waiting when another run holds the warehouse")
    run.add_argument("--debug", action="store_true", help="show tracebacks and Prefect's error logs on failure")
    run.add_argument("--source", default=None,
                     help="name of the source these pages come from (default: the input folder's name)")
    run.add_argument("--allow-empty", action="store_true",
                     help="let an empty input folder remove its source's documents (refused otherwise)")
    run.set_defaults(func=cmd_run)
    if run_only:
        return parser
    from flows.report import add_report_parser
    from flows.serve import add_serve_parser
    from flows.sql import add_sql_parser
    add_sql_parser(sub)
    add_report_parser(sub)
    add_serve_parser(sub)
    from flows.export import add_export_parser
    add_export_parser(sub)
    from flows.sources import add_sources_parsers
    add_sources_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    terminal = logging.StreamHandler()
    terminal.setLevel(logging.WARNING)   # Prefect's INFO run logs propagate here too: they are for its API
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", handlers=[terminal])
    try:
        # `dibao run …` needs no other command's parser, whose modules (~0.3 s) would delay the run's start
        parser = build_parser(run_only=(sys.argv[1:] if argv is None else argv)[:1] == ["run"])
    except ValueError as exc:   # a DIBAO_* variable that should be a number is not
        print(f"dibao: a DIBAO_* setting in the environment is not valid: {exc}", file=sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(argv)
    return args.func(args)


def console() -> None:
    """The `dibao` command: main(), then, after a run, an exit that skips the interpreter's teardown."""
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] == ["run"]:
        exit_now(code)
    sys.exit(code)


def exit_now(code: int) -> None:
    """Run the exit handlers, flush, and end the process without tearing the interpreter down.

    After a run, Python's own teardown (freeing the modules and objects of Prefect, pydantic, DuckDB and
    Arrow) took ~0.3 s of every `dibao run`, 7% of a run with nothing to do (measured on 2 cores). By then the
    lake is closed, the lock released, the server stopped and Prefect drained; the atexit handlers (the
    multiprocessing pool's, temporary folders') still run here. A live non-daemon thread gets the normal
    exit, which waits for it."""
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    import atexit
    atexit._run_exitfuncs()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (`dibao run | head`): nothing more can be written
            pass
    os._exit(code)


if __name__ == "__main__":
    console()
