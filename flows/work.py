"""The CPU-bound work of one batch, runnable in a plain worker process (no Prefect imported here).

Prefect's per-task-run overhead (~3-4 ms with threads, ~55 ms per process-pool task, each worker
process starting its own temporary API server) makes one task run per document far too dear; a batch
task hands its files to this module through a process pool that never touches Prefect.

The pool's processes never outlive the run (SECURITY.md): each worker watches the run's main process
(a pidfd, else a poll) and exits the moment it ends, however it ends (kill -9 included); it also asks
Linux for a parent-death signal, ignores Ctrl-C (the main process decides), and lets go of its copy of
the forkserver's liveness pipe, so that the forkserver, and then multiprocessing's resource tracker,
see the main process end and exit too. On SIGINT/SIGTERM the main process kills the workers at once
(`interrupt_pool`): their chunks were only staged, never published.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing as mp
import os
import select
import signal
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

import pyarrow as pa

from tasks.ingest import ManifestEntry, RejectError, SourceFile, read_source
from tasks.plan import FileInfo, fingerprint, segment_id
from tasks.tables import BATCH_SCHEMAS, RawDocument
from warehouse.store import DocState, write_segment

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
    # Here, not at the top: the main process of a run with nothing new never needs the extractors (~0.4 s),
    # and pool workers have them already (the forkserver preloads tasks.batch).
    from tasks.batch import process_batch
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


# Linux prctl(2) option: the kernel sends this process a signal when its parent ends.
PR_SET_PDEATHSIG = 1
# Where pidfds are unavailable, how often a worker checks that the main process is still there.
WATCH_POLL_S = 0.5


class Interrupted(RuntimeError):
    """The run was interrupted (SIGINT/SIGTERM): the pool's workers are gone and no new work starts."""


_INTERRUPTED = threading.Event()


def _warm() -> None:
    """Load the segmenter's dictionary once per worker, before the first real chunk arrives. (Running a whole
    page through every stage here too made a no-change run ~1 s slower: both workers warmed up on the 2
    cores Prefect's start-up needs, for batches such a run never has.)"""
    from tasks.segment import engine
    engine()


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send `sig` to this process when its parent ends; False where prctl is not available."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def release_forkserver() -> None:
    """Close this worker's copy of the forkserver's liveness pipe (multiprocessing hands every child one, so
    that it could start processes itself; ours never do). The forkserver ends when the pipe has no writer
    left: with the workers' copies closed, that is when the main process ends."""
    from multiprocessing import forkserver
    fd = getattr(forkserver._forkserver, "_forkserver_alive_fd", None)
    if fd is not None:
        forkserver._forkserver._forkserver_alive_fd = None
        try:
            os.close(fd)
        except OSError:
            pass


def _wait_for_exit(pid: int) -> None:
    """Return when process `pid` has ended (a pidfd becomes readable then; else poll)."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])
        return
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        except PermissionError:
            pass
        time.sleep(WATCH_POLL_S)


def watch_process(pid: int) -> threading.Thread:
    """A daemon thread that ends this process as soon as process `pid` ends."""
    def watch() -> None:
        _wait_for_exit(pid)
        os._exit(1)
    thread = threading.Thread(target=watch, name=f"watch-{pid}", daemon=True)
    thread.start()
    return thread


def _worker_init(main_pid: int) -> None:
    """Every pool worker, first thing: never outlive the run, never take Ctrl-C itself, then load."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    release_forkserver()
    watch_process(main_pid)
    if os.getppid() == 1:   # the parent ended before the signal was asked for
        os._exit(1)
    use_jemalloc()
    _warm()


# Set by a user who wants another Arrow allocator (Arrow's own setting); dibao then leaves the choice alone.
ARROW_POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"


def use_jemalloc() -> str:
    """Build this process's Arrow tables with jemalloc where pyarrow has it (its Linux wheels do). pyarrow's
    default here, mimalloc, hands its pages back to the kernel after every chunk and faults them in again:
    `python -m bench.allocator` (alternating fresh processes) measured the same documents at 0.88-1.02x
    the CPU with jemalloc in four runs of 4-10 rounds, and system time down from 0.44-0.49 s to 0.09-0.19 s
    every time. Returns the allocator in use."""
    if not os.environ.get(ARROW_POOL_ENV):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:   # a pyarrow built without jemalloc: keep its default
            pass
    return pa.default_memory_pool().backend_name


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool shared by every batch of this process (forkserver: never fork Prefect's threads)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != workers:
            if _POOL is not None:
                _POOL.shutdown(wait=False)
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["tasks.batch"])
            _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                        initargs=(os.getpid(),))
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


def new_bytes(root: Path, since: float | None, enough: int) -> int:
    """Bytes of the files under root written or copied in after `since` (seconds since the epoch; every file
    when None), counted until `enough`. ctime counts: `cp -a` keeps a file's old mtime, never its ctime."""
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            if since is None or max(st.st_mtime, st.st_ctime) > since:
                total += st.st_size
                if total >= enough:
                    return total
    return total


def warm_for(new: int, workers: int) -> str:
    """Start loading what the run's batches need, given the bytes it will likely process, while Prefect
    starts: the pool's workers for a run big enough to use them, else this process's own segmenter and name
    model. Nothing for a run with nothing new: warming would only slow the Prefect server's start-up on a
    small machine (a run that has work after all, e.g. under a new pipeline version, loads on demand).
    Returns what it started: "pool", "inline" or ""."""
    if new >= INLINE_BYTES and workers > 1:
        prewarm(workers)
        return "pool"
    if new:
        use_jemalloc()
        _warm()
        import tasks.batch  # noqa: F401  (the extractors and their lexicons, ~0.4 s)
        from tasks.ner import model
        from tasks.segment import engine
        names = model()
        if names is not None:   # the first call loads the compiled tagging loop (~0.3 s)
            names.spans("县长", engine().tag("县长"))
        from tasks.normalise import normalise_page
        normalise_page("县长")   # OpenCC's tables and the script classes (~0.2 s), else the first page's
        return "inline"
    return ""


def shutdown_pool(wait: bool = True) -> None:
    """Stop the pool: let its workers finish (wait), or kill them (not waiting, or after an interrupt).
    Killed workers are joined at once: a pool left to stop on its own races the interpreter's exit, whose
    hook can write to the pool's closed wake-up pipe (an "OSError: Bad file descriptor" traceback)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            if _INTERRUPTED.is_set() or not wait:
                _kill_workers(_POOL)
            _POOL.shutdown(wait=True, cancel_futures=True)
            _POOL = None
        _INTERRUPTED.clear()   # the interrupted pool is gone; a later one starts clean


def _kill_workers(executor: ProcessPoolExecutor) -> list[int]:
    """SIGKILL the executor's worker processes (their futures then fail with BrokenProcessPool)."""
    killed = []
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            proc.kill()
            killed.append(proc.pid)
        except (OSError, ValueError):   # already gone, or closed
            pass
    return killed


def interrupt_pool() -> list[int]:
    """The run is being interrupted: kill the workers now (no lock taken: this may run while a batch thread
    holds it) and refuse new work. Returns the pids killed."""
    _INTERRUPTED.set()
    executor = _POOL
    return _kill_workers(executor) if executor is not None else []


def check_not_interrupted() -> None:
    if _INTERRUPTED.is_set():
        raise Interrupted("the run was interrupted")


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
    """What a worker wrote: one data file per non-empty table (for the publish to register), the documents
    they hold, and row counts; the tables themselves stay in the files."""
    segment: str
    files: dict[str, str]
    docs: dict[str, DocState]
    documents: int
    rejects: int
    articles: int
    tokens: int
    # Seconds per stage in the worker (read, then tasks.batch.STAGES; write includes the Parquet files).
    stage_seconds: dict[str, float] = field(default_factory=dict)


def stage_chunk(files: list[FileInfo], manifest: dict[str, ManifestEntry], *, version: str, now: datetime,
                data_url: str, run_id: str) -> ChunkResult:
    """Process a chunk and write its tables as data files of the lake (a local folder or s3://), in the
    worker itself: Parquet encoding then runs on every core, workers need no shared disk, and only file
    names and a few numbers travel back instead of the Arrow tables."""
    clock: dict[str, float] = {}
    tables = work_chunk(files, manifest, version, now, clock)
    by_path = {f.rel_path: f for f in files}
    docs: dict[str, DocState] = {}
    for t, key in (("documents", "doc_id"), ("rejects", "path")):
        for doc, sha in zip(tables[t][key].to_pylist(), tables[t]["sha256"].to_pylist()):
            f = by_path[doc]
            docs[doc] = DocState(fingerprint(sha or "", f.manifest_key), f.size, f.mtime_ns)
    seg = segment_id(version, [(d, s.sha256) for d, s in docs.items()])
    urls = {t: f"{data_url}main/{t}/" for t in BATCH_SCHEMAS}
    started = time.perf_counter()
    written = write_segment(urls, run_id, seg, tables, BATCH_SCHEMAS)
    clock["write"] = clock.get("write", 0.0) + time.perf_counter() - started
    return ChunkResult(seg, written, docs, tables["documents"].num_rows, tables["rejects"].num_rows,
                       tables["articles"].num_rows, tables["tokens"].num_rows, clock)


def stage_batch(files: list[FileInfo], manifest: dict[str, ManifestEntry], *, version: str, now: datetime,
                workers: int, data_url: str, run_id: str, executor: Executor | None = None,
                inline_bytes: int = INLINE_BYTES) -> list[ChunkResult]:
    """Stage one batch as one segment per chunk, on worker processes when the batch is big enough."""
    check_not_interrupted()
    job = partial(stage_chunk, version=version, now=now, data_url=data_url, run_id=run_id)
    if workers <= 1 or sum(f.size for f in files) < inline_bytes:
        return [job(files, manifest)]
    chunks = split_evenly(files, workers * 2)
    subsets = [{f.rel_path: manifest[f.rel_path] for f in c if f.rel_path in manifest} for c in chunks]
    return list((executor or pool(workers)).map(job, chunks, subsets))


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
