"""What a run must do: which files are new, changed, unchanged or gone, and how to batch the work.

Pure: the caller supplies what it found on disk and what the last snapshot recorded.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from tasks.ids import stable_id


@dataclass(frozen=True, slots=True)
class FileInfo:
    rel_path: str
    abs_path: str
    size: int
    mtime_ns: int
    sha256: str | None = None  # None when size and mtime already prove the file unchanged


@dataclass(frozen=True, slots=True)
class Recorded:
    sha256: str
    segment: str
    size: int
    mtime_ns: int


@dataclass
class RunPlan:
    process: list[FileInfo] = field(default_factory=list)     # new and changed files, to run through the stages
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def removed(self) -> set[str]:
        """Doc ids whose old rows must leave the warehouse."""
        return set(self.changed) | set(self.deleted)


def same_by_stat(f: FileInfo, rec: Recorded | None) -> bool:
    """Cheap fast path: identical size and mtime mean we need not even hash the file."""
    return rec is not None and rec.size == f.size and rec.mtime_ns == f.mtime_ns


def plan_run(files: list[FileInfo], recorded: dict[str, Recorded], *, version_changed: bool) -> RunPlan:
    plan = RunPlan()
    if version_changed:   # new rules: every file is processed again
        plan.deleted = sorted(set(recorded) - {f.rel_path for f in files})
        for f in files:
            (plan.changed if f.rel_path in recorded else plan.new).append(f.rel_path)
        plan.process = list(files)
        return plan
    seen = set()
    for f in files:
        seen.add(f.rel_path)
        rec = recorded.get(f.rel_path)
        if rec is None:
            plan.new.append(f.rel_path)
            plan.process.append(f)
        elif same_by_stat(f, rec) or (f.sha256 is not None and f.sha256 == rec.sha256):
            plan.unchanged.append(f.rel_path)
        else:
            plan.changed.append(f.rel_path)
            plan.process.append(f)
    plan.deleted = sorted(set(recorded) - seen)
    return plan


def make_batches(files: list[FileInfo], batch_bytes: int) -> list[list[FileInfo]]:
    """Consecutive files (sorted by path) grouped until a batch reaches batch_bytes."""
    batches: list[list[FileInfo]] = []
    current: list[FileInfo] = []
    size = 0
    for f in sorted(files, key=lambda f: f.rel_path):
        current.append(f)
        size += f.size
        if size >= batch_bytes:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches


def segment_id(version: str, members: list[tuple[str, str]]) -> str:
    """A batch's id from the documents it holds: reruns and other runners give the same id."""
    return stable_id("segment", version, *sorted(f"{doc}:{sha}" for doc, sha in members))


def code_version(base: str, roots: list[Path]) -> str:
    """The pipeline version: a declared number plus a hash of the rule code and data that shape the output."""
    digest = hashlib.sha256(base.encode())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".txt", ".json", ".csv", ".tsv"} and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{base}+{digest.hexdigest()[:12]}"
