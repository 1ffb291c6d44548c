"""The CPU-bound work of one batch, runnable in a plain worker process (no Prefect imported here).

Prefect's per-task-run overhead (~3-4 ms with threads, ~55 ms per process-pool task, each worker
process starting its own temporary API server) makes one task run per document far too dear; a batch
task hands its files to this module through a process pool that never touches Prefect.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

import pyarrow as pa

from tasks.batch import BATCH_SCHEMAS, RawDocument, process_batch
from tasks.ingest import ManifestEntry, RejectError, SourceFile, read_source
from tasks.plan import FileInfo, fingerprint, segment_id
from warehouse.store import DocState, Staging

log = logging.getLogger(__name__)

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
# Batch tasks run on threads: without this lock two of them could each start a pool (twice the memory).
_POOL_LOCK = threading.Lock()
# Below this many bytes a batch is done in-process: starting workers would cost more than it saves.
INLINE_BYTES = 512 * 1024


def read_batch(files: list[FileInfo], manifest: dict[str, ManifestEntry]) -> tuple[list[RawDocument], list[tuple[str, str, int]]]:
    """Read each file's bytes; a file that cannot be read becomes (path, reason, size)."""
    raws, failed = [], []
    for f in files:
        try:
            data = read_source(SourceFile(f.rel_path, f.abs_path, f.size))
        except RejectError as exc:
            failed.append((f.rel_path, str(exc), f.size))
            continue
        raws.append(RawDocument(f.rel_path, data, manifest.get(f.rel_path), f.source_name, f.abs_path))
    return raws, failed


def work_chunk(files: list[FileInfo], manifest: dict[str, ManifestEntry], version: str, now: datetime,
               clock: dict[str, float] | None = None) -> dict[str, pa.Table]:
    started = time.perf_counter()
    raws, failed = read_batch(files, manifest)
    if clock is not None:
        clock["read"] = clock.get("read", 0.0) + time.perf_counter() - started
    tables = process_batch(raws, version=version, now=now, clock=clock)
    if failed:
        extra = pa.table({"path": [p for p, _, _ in failed], "reason": [r for _, r, _ in failed],
                          "size_bytes": [s for _, _, s in failed], "sha256": [None] * len(failed),
                          "seen_at": [now] * len(failed), "source_name": [files[0].source_name] * len(failed)},
                         schema=BATCH_SCHEMAS["rejects"])
        tables["rejects"] = pa.concat_tables([tables["rejects"], extra])
    return tables


def _warm() -> None:
    """Load dictionaries once per worker, before the first real chunk arrives."""
    from tasks.segment import engine
    engine()


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool shared by every batch of this process (forkserver: never fork Prefect's threads)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != workers:
            if _POOL is not None:
                _POOL.shutdown(wait=False)
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["tasks.batch"])
            _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm)
            _POOL_SIZE = workers
        return _POOL


def _ready() -> None:
    """A no-op job: submitting it makes the pool start a worker, whose initializer loads the dictionaries."""


def prewarm(workers: int) -> None:
    """Start the pool's workers now, without waiting, so that they load while Prefect starts."""
    if workers > 1:
        executor = pool(workers)
        for _ in range(workers):
            executor.submit(_ready)


def has_bytes(root: Path, at_least: int) -> bool:
    """Whether the files under root add up to at_least bytes; stops walking as soon as they do."""
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            try:
                total += os.stat(os.path.join(folder, name)).st_size
            except OSError:
                continue
            if total >= at_least:
                return True
    return False


def shutdown_pool() -> None:
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(cancel_futures=True)
            _POOL = None


def split_evenly(files: list[FileInfo], parts: int) -> list[list[FileInfo]]:
    """Parts of roughly equal bytes, keeping path order inside each part."""
    parts = max(1, min(parts, len(files)))
    total = sum(f.size for f in files) or 1
    out: list[list[FileInfo]] = [[] for _ in range(parts)]
    acc = 0
    for f in files:
        out[min(parts - 1, acc * parts // total)].append(f)
        acc += f.size
    return [p for p in out if p]


@dataclass
class ChunkResult:
    """What a worker staged: one segment (its id and documents) and row counts; the tables stay on disk."""
    segment: str
    docs: dict[str, DocState]
    documents: int
    rejects: int
    articles: int
    tokens: int
    # Seconds per stage in the worker (read, then tasks.batch.STAGES; write includes the Parquet files).
    stage_seconds: dict[str, float] = field(default_factory=dict)


def stage_chunk(files: list[FileInfo], manifest: dict[str, ManifestEntry], *, version: str, now: datetime,
                staging_root: str, run_id: str) -> ChunkResult:
    """Process a chunk and write its tables as one staged segment, in the worker itself: Parquet encoding
    then runs on every core, and only a few numbers travel back instead of the Arrow tables."""
    clock: dict[str, float] = {}
    tables = work_chunk(files, manifest, version, now, clock)
    by_path = {f.rel_path: f for f in files}
    docs: dict[str, DocState] = {}
    for t, key in (("documents", "doc_id"), ("rejects", "path")):
        for doc, sha in zip(tables[t][key].to_pylist(), tables[t]["sha256"].to_pylist()):
            f = by_path[doc]
            docs[doc] = DocState(fingerprint(sha or "", f.manifest_key), "", f.size, f.mtime_ns)
    seg = segment_id(version, [(d, s.sha256) for d, s in docs.items()])
    started = time.perf_counter()
    Staging(Path(staging_root), run_id).write_segment(seg, tables, BATCH_SCHEMAS)
    clock["write"] = clock.get("write", 0.0) + time.perf_counter() - started
    return ChunkResult(seg, docs, tables["documents"].num_rows, tables["rejects"].num_rows,
                       tables["articles"].num_rows, tables["tokens"].num_rows, clock)


def stage_batch(files: list[FileInfo], manifest: dict[str, ManifestEntry], *, version: str, now: datetime,
                workers: int, staging_root: str, run_id: str, executor: Executor | None = None,
                inline_bytes: int = INLINE_BYTES) -> list[ChunkResult]:
    """Stage one batch as one segment per chunk, on worker processes when the batch is big enough."""
    job = partial(stage_chunk, version=version, now=now, staging_root=staging_root, run_id=run_id)
    if workers <= 1 or sum(f.size for f in files) < inline_bytes:
        return [job(files, manifest)]
    chunks = split_evenly(files, workers * 2)
    subsets = [{f.rel_path: manifest[f.rel_path] for f in c if f.rel_path in manifest} for c in chunks]
    return list((executor or pool(workers)).map(job, chunks, subsets))


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
