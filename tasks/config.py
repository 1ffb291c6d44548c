"""Every path and setting of dibao in one place.

Pure task functions never read this module's globals at import time for their data; the flow reads a
``Settings`` and passes values down as arguments. Environment variables (``DIBAO_*``) override the
defaults so that a scheduled deployment can be tuned without code changes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"

# Bump when a change to cleaning/splitting/extraction rules should reprocess already-seen documents.
# The data files under tasks/data/ are hashed into the effective version as well (see pipeline_version()).
PIPELINE_VERSION = "1"

DUCKDB_FILE = "dibao.duckdb"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"DIBAO_{name}", default)


@dataclass(frozen=True)
class Settings:
    input_dir: Path = field(default_factory=lambda: Path(_env("INPUT", "seeds")))
    warehouse_dir: Path = field(default_factory=lambda: Path(_env("WAREHOUSE", "warehouse")))
    # A batch is sized by bytes so that tens, not thousands, of Prefect task runs cover a corpus.
    # 8 MiB rather than 4: on the ~105 MB bench, 13 batches instead of 26 ran ~1.7 s (5%) faster (fewer task
    # runs and segments, 2 MiB worker chunks) for ~0.1 GB more peak memory.
    batch_bytes: int = field(default_factory=lambda: int(_env("BATCH_BYTES", str(8 * 1024 * 1024))))
    # Worker processes for the CPU-bound stages inside a batch (outside Prefect's task machinery).
    workers: int = field(default_factory=lambda: int(_env("WORKERS", str(os.cpu_count() or 1))))
    runner: str = field(default_factory=lambda: _env("RUNNER", "thread"))
    dask_address: str | None = field(default_factory=lambda: os.environ.get("DIBAO_DASK_ADDRESS") or None)
    full_refresh: bool = False
    strict: bool = False
    # Files larger than this are rejected rather than read into memory.
    max_file_bytes: int = field(default_factory=lambda: int(_env("MAX_FILE_BYTES", str(64 * 1024 * 1024))))
    segmenter: str = field(default_factory=lambda: _env("SEGMENTER", "rjieba"))
    # A table's small data files (one per worker chunk) are merged by DuckLake into files of about this many
    # bytes once more than compact_max_small have gathered (warehouse/compact.py): fewer files, faster queries.
    compact_target_bytes: int = field(default_factory=lambda: int(_env("COMPACT_TARGET_BYTES", str(32 * 1024 * 1024))))
    compact_max_small: int = field(default_factory=lambda: int(_env("COMPACT_MAX_SMALL", "128")))
    # Snapshots of the lake (and the files only they read) are kept this long: time travel reaches back
    # this far, and a reader holding an old dibao.duckdb open keeps working for as long.
    snapshot_retention_days: float = field(default_factory=lambda: float(_env("SNAPSHOT_RETENTION_DAYS", "7")))

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def duckdb_path(self) -> Path:
        return self.warehouse_dir / DUCKDB_FILE
