"""Writing data files for the lake, and the one-writer lock.

Layout of a warehouse folder::

    dibao.ducklake                  the DuckLake catalog (a DuckDB file): tables, snapshots, which files hold what
    data/main/<table>/*.parquet     the data files (paths in the catalog are relative to data/)
    dibao.duckdb                    views over the current snapshot's files, for any DuckDB client
    .dibao.lock                     held (flock) by the one run that may write

Workers write their Parquet files straight into data/main/<table>/ (or the s3:// prefix of the warehouse):
a file is part of the warehouse only once a publish has registered it in the catalog (warehouse/publish.py),
so files of a run that died are never read, and the next run deletes them (DuckLake's orphan cleanup).
"""
from __future__ import annotations

import fcntl
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pyarrow as pa
import pyarrow.parquet as pq

log = logging.getLogger(__name__)

LOCK_FILE = ".dibao.lock"
# zstd level 1: the same file sizes as the default level on dibao's tables, and writing took ~25% less
# time (bench: ~10 ms less per MB of input, in every worker).
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 1}


class WarehouseBusy(RuntimeError):
    pass


@dataclass
class DocState:
    """What the planner needs to know of a document next time: its hash, size and modification time."""
    sha256: str
    size: int = 0
    mtime_ns: int = 0


def s3_filesystem():
    """pyarrow's S3 file system configured from the standard AWS variables."""
    from pyarrow import fs
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    kwargs = {"region": os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"}
    if os.environ.get("AWS_ACCESS_KEY_ID"):
        kwargs.update(access_key=os.environ["AWS_ACCESS_KEY_ID"],
                      secret_key=os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
                      session_token=os.environ.get("AWS_SESSION_TOKEN"))
    if endpoint:
        url = urlparse(endpoint)
        kwargs.update(endpoint_override=url.netloc or url.path, scheme=url.scheme or "https")
    return fs.S3FileSystem(**kwargs)


def write_table(table: pa.Table, url: str, schema: pa.Schema) -> None:
    """Write one table to a local path or an s3:// URL after checking it has exactly its declared schema."""
    if not table.schema.equals(schema):
        raise TypeError(f"{url}: schema differs from the declared one:\n{table.schema}\nvs\n{schema}")
    if url.startswith("s3://"):
        pq.write_table(table, url[len("s3://"):], filesystem=s3_filesystem(), **PARQUET_OPTIONS)
        return
    # Written in place: until a publish registers it, a file is not part of the warehouse, and a partial
    # one left by a crash or a full disk is deleted by the next run's orphan cleanup.
    Path(url).parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, url, **PARQUET_OPTIONS)


def data_file_url(table_url: str, run_id: str, segment: str) -> str:
    return f"{table_url}dibao-{run_id}-{segment}.parquet"


def write_segment(table_urls: dict[str, str], run_id: str, segment: str, tables: dict[str, pa.Table],
                  schemas: dict[str, pa.Schema]) -> dict[str, str]:
    """Write a chunk's non-empty tables as data files; returns table -> file URL, for the publish to register."""
    out = {}
    for name, schema in schemas.items():
        if tables[name].num_rows == 0:
            continue
        url = data_file_url(table_urls[name], run_id, segment)
        write_table(tables[name], url, schema)
        out[name] = url
    return out


class WarehouseLock:
    """One writer per warehouse: an flock on .dibao.lock holding the writer's pid.

    The kernel releases an flock when its process dies (even by kill -9), so a lock left by a dead run
    is simply taken over; the pid in the file only serves the message shown to a second run.
    """

    def __init__(self, root: Path, wait: float | None = None, poll: float = 0.2) -> None:
        self.path = root / LOCK_FILE
        self.wait = wait
        self.poll = poll
        self.fh = None

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown"
        except OSError:
            return "unknown"

    def acquire(self, on_wait=None) -> "WarehouseLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+", encoding="utf-8")
        deadline = None if self.wait is None else time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    holder = self.holder()
                    self.fh.close()
                    raise WarehouseBusy(f"another dibao run (pid {holder}) is writing {self.path.parent}; "
                                        "wait for it to finish or run again later") from None
                if on_wait and not told:
                    on_wait(self.holder())
                    told = True
                time.sleep(self.poll)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def release(self) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None

    def __enter__(self) -> "WarehouseLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
