"""Sources: several input folders in one warehouse. `dibao sources` lists them, `dibao remove-source` removes one.

A document's source is ``documents.source_name`` (``rejects.source_name`` for files that were not read);
the planner (tasks/plan.py) uses it so that a run replaces only its own source's documents. This module
reads those columns from the published tables and wires the two commands; removing a source is a publish
with the source's documents as the removed set and no new segment.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tasks.config import Settings

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


@dataclass
class SourceStats:
    name: str | None
    documents: int = 0
    rejects: int = 0
    articles: int = 0
    last_run: datetime | None = None
    last_status: str | None = None
    input_dir: str | None = None
    doc_ids: set[str] = field(default_factory=set)


def other_sources(table: pa.Table | None, source: str) -> pa.Table | None:
    """Rows of other sources (rows of no source count as `source`'s: they predate sources)."""
    if table is None:
        return None
    keep = pc.fill_null(pc.not_equal(table["source_name"], pa.scalar(source)), False)
    return table.filter(keep)


def source_stats(warehouse: str) -> list[SourceStats]:
    """Every source of the published warehouse with its counts and its last run."""
    from warehouse.snapshots import open_snapshot
    con = open_snapshot(warehouse)
    stats: dict[str | None, SourceStats] = {}

    def of(name: str | None) -> SourceStats:
        return stats.setdefault(name, SourceStats(name))

    try:
        for d, s in con.execute("SELECT doc_id, source_name FROM documents").fetchall():
            of(s).documents += 1
            of(s).doc_ids.add(d)
        for s, n in con.execute("SELECT source_name, count(*) FROM rejects GROUP BY 1").fetchall():
            of(s).rejects += n
        for s, n in con.execute("SELECT source_name, count(*) FROM articles GROUP BY 1").fetchall():
            of(s).articles += n
        runs = con.execute("SELECT source_name, finished_at, status, input_dir FROM runs ORDER BY finished_at").fetchall()
    finally:
        con.close()
    for name, finished, status, input_dir in runs:
        if name is None and name not in stats:
            continue
        st = of(name)
        if st.last_run is None or finished >= st.last_run:
            st.last_run, st.last_status, st.input_dir = finished, status, input_dir
    # A removed source stays in `runs` (its history), not in the list of what the warehouse holds.
    live = [s for s in stats.values() if s.documents or s.rejects or s.last_status != "removed"]
    return sorted(live, key=lambda s: (s.name is None, s.name or ""))


def format_sources(stats: list[SourceStats]) -> str:
    header = ("source", "documents", "rejects", "articles", "last run (UTC)", "status", "input")
    rows = [(s.name if s.name is not None else "(before sources)", str(s.documents), str(s.rejects), str(s.articles),
             s.last_run.strftime("%Y-%m-%d %H:%M:%S") if s.last_run else "", s.last_status or "", s.input_dir or "")
            for s in stats]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, tuple("─" * w for w in widths), *rows]:
        cells = [c.rjust(w - _width(c) + len(c)) if i in (1, 2, 3) and r is not header else c.ljust(w - _width(c) + len(c))
                 for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def has_warehouse(warehouse: str) -> bool:
    from warehouse.lake import Location
    loc = Location.parse(warehouse)
    return loc.s3 or loc.catalog.exists()


def cmd_sources(args: argparse.Namespace) -> int:
    if not has_warehouse(args.warehouse):
        print(f"dibao: no warehouse in {args.warehouse}; build one with: dibao run --input DIR --warehouse "
              f"{args.warehouse}", file=sys.stderr)
        return EXIT_FAILED
    stats = source_stats(args.warehouse)
    if not stats:
        print(f"no sources in {args.warehouse} yet")
        return EXIT_OK
    print(format_sources(stats))
    return EXIT_OK


def remove_source(warehouse: str, name: str, *, confirm=None, lock_wait: float | None = 0.0) -> SourceStats | None:
    """Publish the warehouse without `name`'s documents and rejects, in one lake transaction; None when there
    is no such source. `confirm(stats) -> bool` is asked under the lock, before anything changes."""
    from warehouse.lake import Location
    from warehouse.publish import load_state, publish
    from warehouse.store import WarehouseLock
    loc = Location.parse(warehouse)
    lock = WarehouseLock(loc.root, wait=lock_wait)
    lock.acquire()
    try:
        stats = next((s for s in source_stats(warehouse) if s.name == name), None)
        if stats is None:
            return None
        if confirm is not None and not confirm(stats):
            return stats
        started = time.time()
        now = datetime.now(timezone.utc)
        run_id = now.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        state = load_state(loc)
        removed = {d for d, s in state.owners.items() if s == name}
        kept = other_sources(state.discovery_rejects, name)
        from tasks.tables import REJECTS_SCHEMA   # here: `dibao --help` and every command import this module
        publish(loc, state, [], removed=removed,
                discovery_rejects=kept if kept is not None else REJECTS_SCHEMA.empty_table(),
                run_row=_removal_row(run_id, name, len(removed), started, state.version))
        return stats
    finally:
        lock.release()


def _removal_row(run_id: str, name: str, removed: int, started: float, version: str) -> dict:
    # The pipeline version of the last completed run is kept: removing a source re-reads nothing.
    return {"run_id": run_id, "started_at": datetime.fromtimestamp(started, timezone.utc),
            "finished_at": datetime.now(timezone.utc), "status": "removed", "input_dir": None,
            "runner": None, "pipeline_version": version, "documents_seen": 0, "documents_new": 0,
            "documents_changed": 0, "documents_skipped": 0, "documents_deleted": removed, "rejects": 0,
            "articles": 0, "tokens": 0, "seconds": round(time.time() - started, 2),
            "message": f"dibao remove-source {name}", "source_name": name}


def cmd_remove_source(args: argparse.Namespace) -> int:
    from warehouse.store import WarehouseBusy
    root = args.warehouse
    if not has_warehouse(root):
        print(f"dibao: no warehouse in {root}", file=sys.stderr)
        return EXIT_FAILED

    def confirm(stats: SourceStats) -> bool:
        what = f"{stats.documents} documents, {stats.articles} articles, {stats.rejects} rejects"
        if args.yes:
            return True
        if not sys.stdin.isatty():
            print(f"dibao: removing source '{args.name}' ({what}) needs confirmation; pass --yes to confirm",
                  file=sys.stderr)
            return False
        answer = input(f"Remove source '{args.name}' ({what}) from {root}? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    answered: list[bool] = []
    try:
        stats = remove_source(root, args.name, confirm=lambda s: answered.append(confirm(s)) or answered[-1])
    except WarehouseBusy as exc:
        print(f"dibao: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except Exception as exc:  # one clear line: the previous warehouse is untouched until publish commits
        print(f"dibao: the source could not be removed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if stats is None:
        names = ", ".join(s.name for s in source_stats(root) if s.name is not None) or "none"
        print(f"dibao: no source named '{args.name}' in {root} (sources: {names}); list them with: dibao sources",
              file=sys.stderr)
        return EXIT_FAILED
    if not answered[-1]:
        print("dibao: nothing removed", file=sys.stderr)
        return EXIT_FAILED
    print(f"removed source '{args.name}': {stats.documents} documents, {stats.articles} articles, "
          f"{stats.rejects} rejects")
    return EXIT_OK


def add_sources_parsers(subparsers) -> None:
    defaults = Settings()
    p = subparsers.add_parser("sources", help="list the sources of a warehouse with their counts and last run")
    p.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="warehouse folder (default: %(default)s)")
    p.set_defaults(func=cmd_sources)
    r = subparsers.add_parser("remove-source", help="remove one source's documents from a warehouse")
    r.add_argument("name", help="the source's name (see: dibao sources)")
    r.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="warehouse folder (default: %(default)s)")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.set_defaults(func=cmd_remove_source)
