"""The dibao flow: discover -> fingerprint -> map batches -> publish. Wiring only; the logic is in tasks/."""
from __future__ import annotations

import logging
import os
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.artifacts import (TABLES_SHOWN, RunReport, add_seconds, next_commands, publish_batch_artifact,
                             publish_run_artifacts)
from flows.runners import batch_bytes_for
from flows.work import ChunkResult, cpu_count, stage_batch
from tasks.tables import REJECTS_SCHEMA
from tasks.config import PIPELINE_VERSION, Settings
from flows.sources import other_sources
from tasks.ingest import ManifestEntry, discover_all, has_input, read_manifests, sha256_hex
from tasks.plan import (
    FileInfo, Recorded, assign_doc_ids, code_version, make_batches, needs_hash, plan_run, source_docs,
    valid_source_name,
)
from warehouse.lake import Location
from warehouse.publish import (
    LakeState, Published, Staged, Upkeep, load_state, publish, rebuild_views, record_failed_run,
)
from warehouse.store import WarehouseLock

log = logging.getLogger(__name__)
TASKS_DIR = Path(__file__).resolve().parent.parent / "tasks"


class EmptyInput(RuntimeError):
    """The input folder holds no file: a run would delete its source's documents, so it is refused."""


@dataclass
class Discovery:
    files: list[FileInfo]
    rejects: list[tuple[str, str, int | None]]
    manifest: dict[str, ManifestEntry]
    warnings: list[str]


@dataclass
class BatchResult:
    index: int
    chunks: list[ChunkResult]
    seconds: float = 0.0      # wall time of the batch task

    def stage_seconds(self) -> dict[str, float]:
        total: dict[str, float] = {}
        for c in self.chunks:
            add_seconds(total, c.stage_seconds)
        return total

    def total(self, field_name: str) -> int:
        return sum(getattr(c, field_name) for c in self.chunks)

    @property
    def bytes(self) -> int:
        return sum(d.size for c in self.chunks for d in c.docs.values())


@dataclass
class RunSummary:
    run_id: str
    status: str
    input_dir: str
    warehouse_dir: str
    source_name: str = ""
    documents_seen: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_skipped: int = 0
    documents_deleted: int = 0
    documents: int = 0          # rows now in the documents table
    rejects: int = 0            # rows now in the rejects table
    articles: int = 0
    tokens: int = 0
    people: int = 0
    meetings: int = 0
    batches: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    message: str = ""
    people_named: int = 0       # people named in articles (the report's count); the rest are only in bylines
    stage_seconds: dict[str, float] = field(default_factory=dict)   # worker seconds per stage, all batches
    phase_seconds: dict[str, float] = field(default_factory=dict)   # wall seconds of the flow's phases


def pipeline_version() -> str:
    return code_version(PIPELINE_VERSION, [TASKS_DIR])


def inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@task(name="discover", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_task(input_dir: str, max_file_bytes: int, warehouse_dir: str) -> Discovery:
    root = Path(input_dir)
    found, rejects, manifests = discover_all(root, max_file_bytes)
    # A warehouse kept inside the input folder holds dibao's own output, never pages to read.
    own = Path(warehouse_dir).resolve()
    if inside(own, root.resolve()):
        found = [f for f in found if not inside(Path(f.abs_path).resolve(), own)]
        manifests = [f for f in manifests if not inside(Path(f.abs_path).resolve(), own)]
        rejects = [(p, r) for p, r in rejects if not inside((root / p).resolve(), own)]
    files = []
    for f in found:
        try:
            st = os.stat(f.abs_path)
            files.append(FileInfo(f.rel_path, f.abs_path, st.st_size, st.st_mtime_ns))
        except OSError as exc:
            rejects.append((f.rel_path, f"cannot stat the file ({exc.strerror}); check it still exists"))
    manifest, warnings, manifest_rejects = read_manifests(manifests, {f.rel_path for f in files})
    rejects.extend(manifest_rejects)
    get_run_logger().info("found %d files (%d not readable as pages) under %s", len(files), len(rejects), root)
    return Discovery(files, [(p, r, None) for p, r in rejects], manifest, warnings)


@task(name="fingerprint", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def fingerprint_task(files: list[FileInfo], recorded: dict[str, Recorded]) -> list[FileInfo]:
    """Hash only files whose size or mtime moved since the last snapshot."""
    out = []
    for f in files:
        if not needs_hash(f, recorded.get(f.rel_path)):
            out.append(f)
            continue
        try:
            with open(f.abs_path, "rb") as fh:
                digest = sha256_hex(fh.read())
        except OSError:
            digest = ""
        out.append(FileInfo(f.rel_path, f.abs_path, f.size, f.mtime_ns, digest, f.source_name, f.manifest_key))
    return out


@task(name="process-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE,
      task_run_name="batch-{index}")
def process_batch_task(index: int, files: list[FileInfo], manifest: dict[str, ManifestEntry], data_url: str,
                       run_id: str, version: str, now: datetime, workers: int) -> BatchResult:
    logger = get_run_logger()
    logger.info("batch %d: %d files, %.1f MB (%s ... %s)", index, len(files), sum(f.size for f in files) / 1e6,
                files[0].rel_path, files[-1].rel_path)
    started = time.perf_counter()
    chunks = stage_batch(files, manifest, version=version, now=now, workers=workers, data_url=data_url,
                         run_id=run_id)
    result = BatchResult(index, chunks, time.perf_counter() - started)
    publish_batch_artifact(index, len(files), sum(f.size for f in files) / 1e6, result.seconds, result.stage_seconds())
    return result


def discovery_rejects_table(rejects: list[tuple[str, str, int | None]], previous: pa.Table | None,
                            now: datetime, source: str | None = None) -> pa.Table:
    """This run's discovery rejects, keeping the first seen_at of any (path, reason) seen before, after the
    discovery rejects of the other sources (which this run leaves as they were)."""
    seen = {}
    if previous is not None:
        for p, r, s in zip(*(previous[c].to_pylist() for c in ("path", "reason", "seen_at"))):
            seen[(p, r)] = s
    rows = [{"path": p, "reason": r, "size_bytes": s, "sha256": None, "seen_at": seen.get((p, r), now),
             "source_name": source} for p, r, s in sorted(rejects)]
    mine = pa.Table.from_pylist(rows, schema=REJECTS_SCHEMA)
    others = other_sources(previous, source) if source is not None else None
    return pa.concat_tables([others, mine]) if others is not None and others.num_rows else mine


def source_of(input_dir: str, source_name: str | None) -> str:
    """The run's source: the name given, else the input folder's name."""
    name = source_name or Path(os.path.abspath(input_dir)).name
    problem = valid_source_name(name)
    if problem:
        raise ValueError(f"source name '{name}': {problem}; pass --source NAME")
    return name


def source_files(found: Discovery, source: str, owners: dict[str, str | None]
                 ) -> tuple[list[FileInfo], dict[str, ManifestEntry], list[tuple[str, str, int | None]]]:
    """The run's files under their doc ids (see tasks.plan.assign_doc_ids), with the source and manifest
    row in each file's record, the manifest keyed by doc id, and the rejects under their doc ids."""
    ids = assign_doc_ids([f.rel_path for f in found.files] + [p for p, _r, _s in found.rejects], source, owners)
    files, manifest = [], {}
    for f in found.files:
        entry = found.manifest.get(f.rel_path)
        doc = ids[f.rel_path]
        files.append(FileInfo(doc, f.abs_path, f.size, f.mtime_ns, None, source, entry.key() if entry else ""))
        if entry is not None:
            manifest[doc] = entry
    return files, manifest, [(ids[p], r, s) for p, r, s in found.rejects]


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(loc: Location, state: LakeState, results: list[BatchResult], removed: set[str],
                 discovery_rejects: pa.Table, run_row: dict, upkeep: Upkeep) -> Published:
    staged = [Staged(c.files, c.docs) for r in results for c in r.chunks]
    return publish(loc, state, staged, removed=removed, discovery_rejects=discovery_rejects, run_row=run_row,
                   upkeep=upkeep)


def recorded_docs(state: LakeState) -> dict[str, Recorded]:
    return {d: Recorded(s.sha256, "", s.size, s.mtime_ns) for d, s in state.docs.items()}


def fill_summary(summary: RunSummary, published: Published, found: Discovery, plan, batches: int,
                 results: list[BatchResult]) -> None:
    summary.status = "completed"
    summary.documents_seen = len(found.files) + len(found.rejects)
    summary.documents_new, summary.documents_changed = len(plan.new), len(plan.changed)
    summary.documents_skipped, summary.documents_deleted = len(plan.unchanged), len(plan.deleted)
    summary.batches = batches
    summary.warnings = list(found.warnings)
    for t, n in published.counts.items():
        setattr(summary, t, n)
    summary.stage_seconds = {}
    for r in results:
        add_seconds(summary.stage_seconds, r.stage_seconds())


@flow(name="dibao", log_prints=False, validate_parameters=False)
def pipeline(input_dir: str = "seeds", warehouse_dir: str = "warehouse", full_refresh: bool = False,
             batch_bytes: int | None = None, workers: int | None = None, lock_wait: float | None = None,
             runner: str = "thread", inner_workers: int | None = None, progress: bool = False,
             source_name: str | None = None, allow_empty: bool = False) -> RunSummary:
    """Run every stage over the input folder and publish the warehouse atomically: the documents of the
    run's source (``source_name``, default the input folder's name) are replaced, other sources' stay."""
    source = source_of(input_dir, source_name)
    if not allow_empty and not has_input(Path(input_dir)):
        # Before the lock and before any write: the warehouse stays exactly as it was.
        raise EmptyInput(f"input folder {input_dir} holds no files; nothing was changed (a run over an empty "
                         f"folder would remove the documents of source '{source}': pass --allow-empty to do that)")
    settings = Settings()
    batch_bytes = batch_bytes or settings.batch_bytes
    workers = workers or min(settings.workers, cpu_count())
    loc = Location.parse(warehouse_dir)
    logger = get_run_logger()
    started, now = time.time(), datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    summary = RunSummary(run_id, "running", str(input_dir), str(warehouse_dir), source)
    lock = WarehouseLock(loc.root, wait=lock_wait)
    lock.acquire(on_wait=lambda pid: logger.warning("waiting for the dibao run with pid %s to finish", pid))
    version = ""
    published = None
    phase = Phases(summary.phase_seconds)
    try:
        # The lake's state (loading the extension, attaching the catalog) is read while discovery walks
        # the input: the two overlap instead of adding up.
        with ThreadPoolExecutor(max_workers=1) as reader:
            pending = reader.submit(load_state, loc, verify=not full_refresh)
            version = pipeline_version()
            found = discover_task(str(input_dir), settings.max_file_bytes, str(loc.root))
            state = pending.result()
        phase.done("discover")
        mine = source_docs(state.owners, source)
        recorded = {d: r for d, r in recorded_docs(state).items() if d in mine}
        # Other sources' documents keep the version they were read with until their own next run.
        version_changed = (full_refresh or not state.version or state.version != version
                           or any(state.versions.get(d, version) not in (None, version) for d in mine))
        files, manifest, rejects = source_files(found, source, state.owners)
        found = Discovery(files, rejects, manifest, found.warnings)
        # quote(): Prefect walks every task parameter looking for futures; over tens of thousands of file
        # records that walk cost ~1 s per task here, and none of these values holds a future.
        files = fingerprint_task(quote(found.files), quote({} if version_changed else recorded))
        phase.done("fingerprint")
        plan = plan_run(files, recorded, version_changed=version_changed)
        total = sum(f.size for f in plan.process)
        batches = make_batches(plan.process, batch_bytes_for(runner, batch_bytes, total, workers))
        logger.info("%d new, %d changed, %d unchanged, %d deleted: %d batches", len(plan.new), len(plan.changed),
                    len(plan.unchanged), len(plan.deleted), len(batches))
        # Each batch gets only its own manifest rows: Prefect walks every task parameter, and the whole
        # manifest passed to every batch task made that walk quadratic in the number of files.
        manifests = [{f.rel_path: found.manifest[f.rel_path] for f in b if f.rel_path in found.manifest}
                     for b in batches]
        # Not quoted: a Dask worker receives the quote as a plain tuple. Each batch's walk is small anyway.
        futures = process_batch_task.map(list(range(len(batches))), batches, manifest=manifests,
                                         data_url=unmapped(loc.data_url), run_id=unmapped(run_id),
                                         version=unmapped(version), now=unmapped(now),
                                         workers=unmapped(inner_workers or workers)) if batches else []
        results = collect(futures, Progress(len(batches), total, enabled=progress))
        phase.done("batches")
        disc = discovery_rejects_table(found.rejects, state.discovery_rejects, now, source)
        fill_summary(summary, Published(0, {}), found, plan, len(batches), results)
        summary.status = "completed"
        summary.seconds = round(time.time() - started, 2)
        upkeep = Upkeep(settings.snapshot_retention_days, settings.compact_target_bytes, settings.compact_max_small)
        published = publish_task(loc, quote(state), quote(results), quote(plan.removed), disc,
                                 quote(run_row(summary, runner, version)), upkeep)   # the commit point
        phase.done("publish")
        fill_summary(summary, published, found, plan, len(batches), results)
    except BaseException as exc:
        summary.status = "failed"
        summary.message = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        summary.seconds = round(time.time() - started, 2)
        try:
            finish(loc, summary, runner, version, published)
        finally:
            lock.release()
            report_run(summary, published)
    return summary


def report_run(summary: RunSummary, published: Published | None) -> None:
    """Publish the run's artifacts; reporting must not fail a run that published."""
    try:
        rows = {t: published.counts[t] for t in TABLES_SHOWN if t in published.counts} if published else {}
        rejects = list(published.rejects) if published else []
        publish_run_artifacts(RunReport(
            run_id=summary.run_id, status=summary.status, input_dir=summary.input_dir,
            warehouse_dir=summary.warehouse_dir, seconds=summary.seconds,
            documents={"new": summary.documents_new, "changed": summary.documents_changed,
                       "unchanged": summary.documents_skipped, "deleted": summary.documents_deleted,
                       "rejected": len(rejects)},
            rows=rows, stage_seconds=summary.stage_seconds, phase_seconds=summary.phase_seconds, rejects=rejects,
            next_commands=next_commands(summary.warehouse_dir, bool(rejects)) if published else [],
            message=summary.message))
    except Exception as exc:
        get_run_logger().warning("could not report the run in the UI: %s", exc)


class Phases:
    """Wall seconds of each phase of the flow, each measured from the end of the one before."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into, self.last = into, time.perf_counter()

    def done(self, phase: str) -> None:
        now = time.perf_counter()
        self.into[phase] = now - self.last
        self.last = now


def finish(loc: Location, summary: RunSummary, runner: str, version: str, published: Published | None) -> None:
    """After a failure: the run's row, and dibao.duckdb showing it. Never depends on the run having got
    anywhere; the publish did its own upkeep."""
    if published is not None:
        return
    try:
        record_failed_run(loc, run_row(summary, runner, version))
        rebuild_views(loc)
    except Exception as exc:   # e.g. a full disk: the run's own failure is what the user must hear about
        log.warning("run %s failed, and its row could not be recorded: %s", summary.run_id,
                    " ".join(str(exc).split())[:300])


class Progress:
    """One line on a terminal, rewritten as batches finish; silent when disabled (not a terminal)."""

    def __init__(self, batches: int, total_bytes: int, enabled: bool) -> None:
        self.batches, self.total, self.enabled = batches, total_bytes, enabled and batches > 0
        self.done = self.bytes = 0
        self.started = time.monotonic()

    def advance(self, result: BatchResult, size: int) -> None:
        self.done += 1
        self.bytes += size
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.batches
        rate = self.bytes / 1e6 / max(time.monotonic() - self.started, 1e-6)
        sys.stderr.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.batches} batches, "
                         f"{self.bytes / 1e6:.1f}/{self.total / 1e6:.1f} MB, {rate:.1f} MB/s ")
        if self.done == self.batches:
            sys.stderr.write("\n")
        sys.stderr.flush()


def collect(futures: list, progress: Progress) -> list[BatchResult]:
    """Batch results in batch order, advancing the progress line as each one finishes."""
    from prefect.futures import as_completed
    results: dict[int, BatchResult] = {}
    for future in as_completed(futures):
        r = future.result()
        results[r.index] = r
        progress.advance(r, r.bytes)
    return [results[i] for i in sorted(results)]


def run_row(s: RunSummary, runner: str, version: str) -> dict:
    return {"run_id": s.run_id, "started_at": datetime.fromtimestamp(time.time() - s.seconds, timezone.utc),
            "finished_at": datetime.now(timezone.utc), "status": s.status, "input_dir": s.input_dir,
            "runner": runner, "pipeline_version": version, "documents_seen": s.documents_seen,
            "documents_new": s.documents_new, "documents_changed": s.documents_changed,
            "documents_skipped": s.documents_skipped, "documents_deleted": s.documents_deleted,
            "rejects": s.rejects, "articles": s.articles, "tokens": s.tokens, "seconds": s.seconds,
            "message": s.message, "source_name": s.source_name}
