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
import pyarrow.parquet as pq

from tasks.batch import REJECTS_SCHEMA
from tasks.config import DUCKDB_FILE, Settings

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


def read_columns(paths: list[Path], columns: list[str]) -> pa.Table:
    """The named columns of a table's files; a column a file predates (written before sources) is null."""
    parts = []
    for path in paths:
        if not path.exists():
            continue
        f = pq.ParquetFile(path)
        present = [c for c in columns if c in f.schema_arrow.names]
        t = f.read(columns=present)
        for c in columns:
            if c not in present:
                t = t.append_column(c, pa.nulls(t.num_rows, pa.string()))
        parts.append(t.select(columns).cast(pa.schema([(c, pa.string()) for c in columns])))
    if not parts:
        return pa.table({c: pa.array([], pa.string()) for c in columns})
    return pa.concat_tables(parts)


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A table written before columns were added, with those columns as nulls (same order as `schema`)."""
    cols = [table[f.name] if f.name in table.column_names else pa.nulls(table.num_rows, f.type) for f in schema]
    return pa.Table.from_arrays(cols, schema=schema)


def recorded_owners(root: Path, snap) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(doc id -> source name, doc id -> pipeline version) for every document the snapshot holds."""
    if snap is None:
        return {}, {}
    docs = read_columns(snap.files(root, "documents"), ["doc_id", "source_name", "pipeline_version"])
    rejects = read_columns(_segment_only(root, snap, "rejects"), ["path", "source_name"])
    owners: dict[str, str | None] = dict.fromkeys(snap.docs)
    owners.update(zip(rejects["path"].to_pylist(), rejects["source_name"].to_pylist()))
    ids = docs["doc_id"].to_pylist()
    owners.update(zip(ids, docs["source_name"].to_pylist()))
    versions = dict(zip(ids, docs["pipeline_version"].to_pylist()))
    return {d: owners[d] for d in snap.docs}, versions


def _segment_only(root: Path, snap, table: str) -> list[Path]:
    extra = snap.extras.get(table)
    return [p for p in snap.files(root, table) if extra is None or p != root / extra]


def discovery_rejects_of(root: Path, snap) -> pa.Table | None:
    """The published discovery rejects (files never read: links, FIFOs, manifests…), of every source."""
    if snap is None or "rejects" not in snap.extras or not (root / snap.extras["rejects"]).exists():
        return None
    return conform(pq.read_table(root / snap.extras["rejects"]), REJECTS_SCHEMA)


def other_sources(table: pa.Table | None, source: str) -> pa.Table | None:
    """Rows of other sources (rows of no source count as `source`'s: they predate sources)."""
    if table is None:
        return None
    keep = pc.fill_null(pc.not_equal(table["source_name"], pa.scalar(source)), False)
    return table.filter(keep)


def source_stats(root: Path) -> list[SourceStats]:
    """Every source of the published warehouse with its counts and its last run."""
    from warehouse.publish import RUNS_FILE
    from warehouse.store import load_snapshot
    snap = load_snapshot(root)
    stats: dict[str | None, SourceStats] = {}

    def of(name: str | None) -> SourceStats:
        return stats.setdefault(name, SourceStats(name))

    if snap is not None:
        docs = read_columns(snap.files(root, "documents"), ["doc_id", "source_name"])
        for d, s in zip(docs["doc_id"].to_pylist(), docs["source_name"].to_pylist()):
            of(s).documents += 1
            of(s).doc_ids.add(d)
        rejects = read_columns(snap.files(root, "rejects"), ["path", "source_name"])
        for p, s in zip(rejects["path"].to_pylist(), rejects["source_name"].to_pylist()):
            of(s).rejects += 1
        for s in read_columns(snap.files(root, "articles"), ["source_name"])["source_name"].to_pylist():
            of(s).articles += 1
    runs_path = root / RUNS_FILE
    if runs_path.exists():
        runs = pq.read_table(runs_path)
        names = runs["source_name"].to_pylist() if "source_name" in runs.column_names else [None] * runs.num_rows
        for name, finished, status, input_dir in zip(names, runs["finished_at"].to_pylist(),
                                                     runs["status"].to_pylist(), runs["input_dir"].to_pylist()):
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


def cmd_sources(args: argparse.Namespace) -> int:
    root = Path(args.warehouse)
    if not (root / "state").exists():
        print(f"dibao: no warehouse in {root}; build one with: dibao run --input DIR --warehouse {root}", file=sys.stderr)
        return EXIT_FAILED
    stats = source_stats(root)
    if not stats:
        print(f"no sources in {root} yet")
        return EXIT_OK
    print(format_sources(stats))
    return EXIT_OK


def remove_source(root: Path, name: str, *, confirm=None, lock_wait: float | None = 0.0) -> SourceStats | None:
    """Publish the warehouse without `name`'s documents and rejects; None when there is no such source.
    `confirm(stats) -> bool` is asked under the lock, before anything changes."""
    from warehouse.publish import append_run, finish, publish
    from warehouse.store import Staging, WarehouseLock, load_snapshot
    lock = WarehouseLock(root, wait=lock_wait)
    lock.acquire()
    try:
        previous = load_snapshot(root)
        stats = next((s for s in source_stats(root) if s.name == name), None)
        if previous is None or stats is None:
            return None
        if confirm is not None and not confirm(stats):
            return stats
        started = time.time()
        now = datetime.now(timezone.utc)
        run_id = now.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        owners, _versions = recorded_owners(root, previous)
        removed = {d for d, s in owners.items() if s == name}
        kept = other_sources(discovery_rejects_of(root, previous), name)
        staging = Staging(root, run_id)
        snap = publish(root, staging, previous, [], removed=removed,
                       discovery_rejects=kept if kept is not None else REJECTS_SCHEMA.empty_table(),
                       run_id=run_id, version=previous.version)
        staging.discard()
        append_run(root, _removal_row(run_id, name, len(removed), started))
        finish(root, root / DUCKDB_FILE, snap, previous)
        return stats
    finally:
        lock.release()


def _removal_row(run_id: str, name: str, removed: int, started: float) -> dict:
    return {"run_id": run_id, "started_at": datetime.fromtimestamp(started, timezone.utc),
            "finished_at": datetime.now(timezone.utc), "status": "removed", "input_dir": None,
            "runner": None, "pipeline_version": None, "documents_seen": 0, "documents_new": 0,
            "documents_changed": 0, "documents_skipped": 0, "documents_deleted": removed, "rejects": 0,
            "articles": 0, "tokens": 0, "seconds": round(time.time() - started, 2),
            "message": f"dibao remove-source {name}", "source_name": name}


def cmd_remove_source(args: argparse.Namespace) -> int:
    from warehouse.store import WarehouseBusy
    root = Path(args.warehouse)
    if not (root / "state").exists():
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
