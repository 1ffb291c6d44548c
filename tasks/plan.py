"""What a run must do: which files are new, changed, unchanged or gone, and how to batch the work.

Pure: the caller supplies what it found on disk and what the last snapshot recorded.

Sources: a warehouse holds the documents of several sources (input folders run one after the other); a
run plans against its own source's documents only, so it adds, replaces and deletes nothing of another's.
A document's source is ``documents.source_name`` (and ``rejects.source_name``); documents recorded before
sources existed (no source) count as the running source's, which is what every run did then.

A file's fingerprint is its sha256 plus, when a manifest row applies to it, a hash of that row
(``sha256:rowhash``): an edited row re-applies on the next run. A file that could not be read at all is
recorded with an empty sha256, and is looked at again on every run (a ``chmod`` does not move size or mtime).
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
    source_name: str | None = None   # the run's source (documents.source_name)
    manifest_key: str = ""           # hash of the manifest row that applies to the file ("" when none)


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


def fingerprint(sha256: str, manifest_key: str = "") -> str:
    """What a run records for a file: its content hash, and its manifest row's hash when it has one."""
    return f"{sha256}:{manifest_key}" if manifest_key else sha256


def split_fingerprint(recorded: str) -> tuple[str, str]:
    sha, _, key = recorded.partition(":")
    return sha, key


def same_by_stat(f: FileInfo, rec: Recorded | None) -> bool:
    """Cheap fast path: identical size and mtime mean we need not even hash the file (unless it could not
    be read last time: making it readable moves neither)."""
    return (rec is not None and rec.size == f.size and rec.mtime_ns == f.mtime_ns
            and split_fingerprint(rec.sha256)[0] != "")


def needs_hash(f: FileInfo, rec: Recorded | None) -> bool:
    """Whether the fingerprint task must read the file to tell if it changed."""
    return rec is not None and not same_by_stat(f, rec)


def _unchanged(f: FileInfo, rec: Recorded) -> bool:
    sha, key = split_fingerprint(rec.sha256)
    if key != f.manifest_key:
        return False
    return same_by_stat(f, rec) or (f.sha256 is not None and f.sha256 == sha)


# ---------------------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------------------

def source_docs(owners: dict[str, str | None], source: str) -> set[str]:
    """The recorded doc ids a run of `source` answers for (its own, and those recorded with no source)."""
    return {d for d, s in owners.items() if s is None or s == source}


def assign_doc_ids(rel_paths: list[str], source: str, owners: dict[str, str | None]) -> dict[str, str]:
    """Each file's doc id: its path, unless another source already holds that path, then "source/path".
    A file keeps the id it was recorded under, so ids do not move from run to run."""
    out = {}
    for rel in rel_paths:
        prefixed = f"{source}/{rel}"
        owner = owners.get(rel, source)
        if owners.get(prefixed) == source or (owner is not None and owner != source):
            out[rel] = prefixed
        else:
            out[rel] = rel
    return out


def valid_source_name(name: str) -> str | None:
    """None when `name` can name a source, else what is wrong with it."""
    if not name or not name.strip():
        return "a source name cannot be empty"
    if name != name.strip():
        return "a source name cannot start or end with spaces"
    if "/" in name or "\\" in name or name in (".", ".."):
        return "a source name cannot contain '/' or '\\' or be '.' or '..'"
    if any(not c.isprintable() for c in name):
        return "a source name cannot contain control characters"
    if len(name) > 200:
        return "a source name is at most 200 characters"
    return None


def plan_run(files: list[FileInfo], recorded: dict[str, Recorded], *, version_changed: bool) -> RunPlan:
    """New, changed, unchanged and deleted files; `recorded` is the running source's documents only."""
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
        elif _unchanged(f, rec):
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


# What shapes the output: the rule code, its word lists and tables, and the name model's weights (`make train`
# writes a new .npz; without it here, a retrained model left every document read by the old one).
VERSIONED_SUFFIXES = frozenset({".py", ".txt", ".json", ".csv", ".tsv", ".npz"})


def code_version(base: str, roots: list[Path]) -> str:
    """The pipeline version: a declared number plus a hash of the rule code and data that shape the output."""
    digest = hashlib.sha256(base.encode())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in VERSIONED_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{base}+{digest.hexdigest()[:12]}"
