"""Turn a run's staged segments into the published warehouse, atomically (see warehouse/store.py)."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.batch import BATCH_SCHEMAS, REJECTS_SCHEMA
from tasks.ids import stable_id
from warehouse.build import RUNS_SCHEMA, build_database, materialise_people
from warehouse.compact import merge_segments, plan_compaction
from warehouse.store import (
    DocState, Snapshot, Staging, collect_garbage, read_table, save_snapshot, segment_path, write_atomic, write_table,
)

log = logging.getLogger(__name__)

TABLES = list(BATCH_SCHEMAS)
RUNS_FILE = Path("state") / "runs.parquet"


@dataclass
class StagedSegment:
    segment: str
    docs: dict[str, DocState]   # every doc id the segment holds (documents and decode rejects)


def key_column(table: str) -> str:
    return "path" if table == "rejects" else "doc_id"


def rewrite_without(root: Path, staging: Staging, segment: str, drop: set[str], kept: list[str]) -> str | None:
    """Copy a live segment minus the dropped documents into staging; None when nothing is left."""
    if not kept:
        return None
    new_id = stable_id("rewrite", segment, *sorted(kept))
    for table, schema in BATCH_SCHEMAS.items():
        data = read_table(segment_path(root, table, segment), schema)
        mask = pc.invert(pc.is_in(data[key_column(table)], value_set=pa.array(sorted(drop), pa.string())))
        write_table(data.filter(mask), staging.path(table, new_id), schema)
    return new_id


def files_by_table(root: Path, snap: Snapshot) -> dict[str, list[Path]]:
    out = {t: snap.files(root, t) for t in TABLES}
    out["people"] = [root / snap.extras["people"]]
    runs = root / RUNS_FILE
    out["runs"] = [runs] if runs.exists() else []
    return out


def empty_segment(root: Path, staging: Staging) -> str:
    """An all-empty segment so that every view has its columns even on an empty warehouse."""
    seg = "empty"
    for table, schema in BATCH_SCHEMAS.items():
        write_table(schema.empty_table(), staging.path(table, seg), schema)
    return seg


def compact(root: Path, staging: Staging, segments: dict[str, list[str]], size_of: dict[str, int], *,
            target: int, max_small: int) -> None:
    """Merge small live segments (warehouse/compact.py) in `segments`, which maps segment -> documents."""
    sizes = {seg: sum(size_of[d] for d in docs) for seg, docs in segments.items()}
    for group in plan_compaction(sizes, target=target, max_small=max_small):
        new_id = merge_segments(root, staging, group, BATCH_SCHEMAS)
        staging.promote(new_id, TABLES)
        segments[new_id] = sorted(d for seg in group for d in segments.pop(seg))


def publish(root: Path, staging: Staging, previous: Snapshot | None, staged: list[StagedSegment], *,
            removed: set[str], discovery_rejects: pa.Table, run_id: str, version: str,
            compact_target: int = 32 * 1024 * 1024, compact_max_small: int = 128) -> Snapshot:
    """Commit a run: keep clean live segments, rewrite dirty ones, add new ones, then swap the database."""
    prev = previous or Snapshot()
    snap = Snapshot(run_id=run_id, version=version, published_at=time.time())
    dirty = {prev.docs[d].segment for d in removed if d in prev.docs}
    for seg, docs in prev.segments.items():
        if seg == "empty":
            continue
        if seg not in dirty:
            snap.segments[seg] = docs
            continue
        kept = [d for d in docs if d not in removed]
        new_id = rewrite_without(root, staging, seg, removed, kept)
        if new_id:
            staging.promote(new_id, TABLES)
            snap.segments[new_id] = kept
    for s in staged:
        staging.promote(s.segment, TABLES)
        snap.segments[s.segment] = sorted(s.docs)
    fresh = {d: state for s in staged for d, state in s.docs.items()}
    state_of = {d: fresh.get(d) or prev.docs[d] for docs in snap.segments.values() for d in docs}
    compact(root, staging, snap.segments, {d: s.size for d, s in state_of.items()},
            target=compact_target, max_small=compact_max_small)
    for seg, docs in snap.segments.items():
        for d in docs:
            state = state_of[d]
            snap.docs[d] = DocState(state.sha256, seg, state.size, state.mtime_ns)
    if not snap.segments:
        staging.promote(empty_segment(root, staging), TABLES)
        snap.segments["empty"] = []
    rejects_file = Path("tables") / "rejects" / f"discovery-{run_id}.parquet"
    write_table(discovery_rejects, root / rejects_file, REJECTS_SCHEMA)
    snap.extras["rejects"] = rejects_file.as_posix()
    people_file = Path("tables") / "people" / f"people-{run_id}.parquet"
    materialise_people({t: snap.files(root, t) for t in TABLES}, root / people_file)
    snap.extras["people"] = people_file.as_posix()
    save_snapshot(root, snap)   # the commit point
    return snap


def finish(root: Path, db_path: Path, snap: Snapshot | None, previous: Snapshot | None) -> None:
    """Rebuild the database over the snapshot and drop files no snapshot still needs."""
    if snap is None:
        return
    build_database(db_path, files_by_table(root, snap))
    keep = snap.referenced(root, TABLES + ["people"])
    if previous is not None:
        keep |= previous.referenced(root, TABLES + ["people"])
    collect_garbage(root, keep)


def append_run(root: Path, row: dict) -> None:
    """Add this run's row to state/runs.parquet (rewritten whole: it is small)."""
    path = root / RUNS_FILE
    new = pa.Table.from_pylist([row], schema=RUNS_SCHEMA)
    if path.exists():
        old = pq.read_table(path)   # rows written before a column was added get it as null
        old = pa.Table.from_arrays([old[f.name] if f.name in old.column_names else pa.nulls(old.num_rows, f.type)
                                    for f in RUNS_SCHEMA], schema=RUNS_SCHEMA)
        table = pa.concat_tables([old, new])
    else:
        table = new
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    write_atomic(path, sink.getvalue().to_pybytes())

