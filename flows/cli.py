"""The `dibao` command: run the pipeline, and (as they arrive) serve, sql and report."""
from __future__ import annotations

import argparse
import logging
import os
import sys
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
        f"  warehouse  {s.warehouse_dir}/dibao.duckdb",
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


def check_source(args: argparse.Namespace, input_dir: Path) -> int | None:
    """Exit 2 before anything starts when the run would remove a source's documents by mistake (an empty
    input folder) or names its source badly; None when the run may go on."""
    from tasks.ingest import has_input
    from tasks.plan import valid_source_name
    name = args.source or Path(os.path.abspath(input_dir)).name
    problem = valid_source_name(name)
    if problem:
        print(f"dibao: --source '{name}': {problem}", file=sys.stderr)
        return 2
    if not args.allow_empty and not has_input(input_dir):
        print(f"dibao: input folder {input_dir} holds no files; the warehouse was not changed (to remove the documents "
              f"of source '{name}', run with --allow-empty, or use: dibao remove-source {name})", file=sys.stderr)
        return 2
    return None


def cmd_run(args: argparse.Namespace) -> int:
    quiet_prefect()
    input_dir = Path(args.input)
    if not input_dir.is_dir():
        print(f"dibao: input folder {input_dir} does not exist or is not a folder; pass --input DIR "
              "(the warehouse was not changed)", file=sys.stderr)
        return 2
    refused = check_source(args, input_dir)
    if refused is not None:
        return refused
    from flows.early import run_api, start_early
    # First, so that its start-up overlaps everything below (not with --dask-address: remote workers).
    server = start_early(Path(args.warehouse), remote_workers=bool(args.dask_address))
    from flows.work import INLINE_BYTES, cpu_count, has_bytes, prewarm
    workers = args.workers or min(Settings().workers, cpu_count())

    def warm() -> None:   # the batch tasks' process pool (flows/work.py), loading while Prefect starts
        if args.runner == "thread" and has_bytes(input_dir, INLINE_BYTES):
            prewarm(workers)

    with run_api(server, meanwhile=warm):
        code, summary = _run(args, input_dir, workers)
    # Printed after the run's server has stopped, so that the time shown is the command's own.
    if summary is not None:
        print(format_summary(summary, process_seconds()))
        if args.strict and summary.rejects:
            print(f"dibao: --strict: {summary.rejects} file(s) were rejected", file=sys.stderr)
            return 4
    return code


def _run(args: argparse.Namespace, input_dir: Path, workers: int):
    """(exit code, summary or None)."""
    from flows.pipeline import pipeline
    from flows.runners import make_runner
    from warehouse.store import WarehouseBusy
    try:
        plan = make_runner(args.runner, workers, args.dask_address)
        summary = pipeline.with_options(task_runner=plan.task_runner)(
            input_dir=str(input_dir), warehouse_dir=str(args.warehouse), full_refresh=args.full_refresh,
            batch_bytes=args.batch_bytes, workers=workers, inner_workers=plan.inner_workers,
            lock_wait=0.0 if args.no_wait else None, runner=args.runner, progress=sys.stderr.isatty(),
            source_name=args.source, allow_empty=args.allow_empty)
    except WarehouseBusy as exc:
        print(f"dibao: {exc}", file=sys.stderr)
        return 3, None
    except Exception as exc:  # one clear line; the traceback is in Prefect's logs
        print(f"dibao: the run could not complete: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1, None
    return 0, summary


def build_parser() -> argparse.ArgumentParser:
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
    run.add_argument("--batch-bytes", type=int, default=None, help="bytes of input per batch task")
    run.add_argument("--workers", type=int, default=None, help="worker processes for the CPU-bound stages")
    run.add_argument("--no-wait", action="store_true", help="refuse instead of waiting when another run holds the warehouse")
    run.add_argument("--source", default=None,
                     help="name of the source these pages come from (default: the input folder's name)")
    run.add_argument("--allow-empty", action="store_true",
                     help="let an empty input folder remove its source's documents (refused otherwise)")
    run.set_defaults(func=cmd_run)
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
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
