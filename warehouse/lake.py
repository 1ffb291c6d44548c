"""Where the warehouse lives and how to open its DuckLake.

Every table is a table of one DuckLake: the catalog `dibao.ducklake` (a DuckDB file) and the Parquet data
under `data/`. The catalog stores data paths relative to `data/`, and dibao always attaches it with the
data path of the folder it finds the catalog in, so the folder can be moved or copied.

A warehouse is a local folder, or `s3://BUCKET/PATH` for data on S3-compatible storage (the standard
AWS variables: AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION). The catalog of
an S3 warehouse is a DuckDB file, which cannot be written on S3: it lives in a local folder
(DIBAO_LAKE_STATE, default ~/.local/state/dibao/s3/BUCKET/PATH), with the lock.

The extensions come from PyPI packages (duckdb-extension-ducklake, duckdb-extension-httpfs) and are
LOADed from the package's folder: DuckDB's automatic INSTALL would try to reach its download site.
"""
from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import duckdb

from warehouse.marks import read_marks, write_marks

log = logging.getLogger(__name__)

CATALOG_FILE = "dibao.ducklake"
DUCKDB_FILE = "dibao.duckdb"
DATA_DIR = "data"
LAKE = "lake"                    # the name the lake is attached under
# Extensions are loaded from files, never fetched.
CONNECT_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# A DuckDB file is opened by one writer or by readers: a reader attaching the catalog while a run commits
# waits this long for it (a publish holds the catalog for about a second).
LOCK_WAIT_SECONDS = 60.0
LOCK_ERROR = "Could not set lock"


class LakeError(RuntimeError):
    """The lake cannot be opened or read: one line for a person, and what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message if hint is None else f"{message}; {hint}")
        self.message = message
        self.hint = hint


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class Location:
    """A warehouse: `root` is the local folder of the catalog, lock and dibao.duckdb; `data_url` is where
    the Parquet files are (a local folder or an s3:// prefix), always ending in '/'."""
    given: str
    root: Path
    data_url: str

    @classmethod
    def parse(cls, warehouse: str | os.PathLike) -> "Location":
        text = str(warehouse)
        if text.startswith("s3://"):
            url = urlparse(text)
            if not url.netloc:
                raise LakeError(f"{text}: no bucket named", "write the warehouse as s3://BUCKET/PATH")
            path = url.path.strip("/")
            root = state_dir() / "s3" / url.netloc / path
            return cls(text, root, f"s3://{url.netloc}/{path + '/' if path else ''}{DATA_DIR}/")
        root = Path(text).resolve()
        return cls(text, root, str(root / DATA_DIR) + "/")

    @property
    def s3(self) -> bool:
        return self.data_url.startswith("s3://")

    @property
    def catalog(self) -> Path:
        return self.root / CATALOG_FILE

    @property
    def duckdb_file(self) -> Path:
        return self.root / DUCKDB_FILE

    def table_url(self, table: str) -> str:
        """Where a table's data files go (the layout DuckLake itself uses: data/<schema>/<table>/)."""
        return f"{self.data_url}main/{table}/"


def extension_file(name: str) -> str:
    """The extension binary shipped by the duckdb-extension-<name> package, for this DuckDB version."""
    try:
        module = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError as exc:
        raise LakeError(f"the DuckDB extension package duckdb-extension-{name} is not installed",
                        "reinstall dibao (pip install -e .)") from exc
    path = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise LakeError(f"duckdb-extension-{name} holds no build for DuckDB {duckdb.__version__}",
                        "install the duckdb version pinned in pyproject.toml")
    return str(path)


def s3_secret_sql() -> str:
    """A DuckDB S3 secret from the standard AWS variables (httpfs does not read them itself)."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or ""
    parts = ["TYPE s3", "URL_STYLE 'path'"]
    for option, var in (("KEY_ID", "AWS_ACCESS_KEY_ID"), ("SECRET", "AWS_SECRET_ACCESS_KEY"),
                        ("SESSION_TOKEN", "AWS_SESSION_TOKEN")):
        if os.environ.get(var):
            parts.append(f"{option} {sql_string(os.environ[var])}")
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    if region:
        parts.append(f"REGION {sql_string(region)}")
    if endpoint:
        url = urlparse(endpoint)
        parts.append(f"ENDPOINT {sql_string(url.netloc or url.path)}")
        parts.append(f"USE_SSL {'false' if url.scheme == 'http' else 'true'}")
    return f"CREATE OR REPLACE SECRET dibao_s3 ({', '.join(parts)})"


# DuckDB checks an extension's signature at every LOAD by hashing the whole binary: 36 MB for DuckLake, 0.14 s
# of CPU in every run against 0.013 s unchecked (measured on this machine). The binary is the one pip installed
# beside duckdb itself. Once DuckDB has checked it, the run's own DuckDB (which runs no user SQL) loads it
# unchecked while its path, size, mtime and inode are those noted then, as Python trusts a .pyc by its
# source's mtime and size. Any other file, a changed one, or another DuckDB version is checked again.
VERIFIED_MARKS = "extensions-verified.json"
UNCHECKED_CONFIG = {**CONNECT_CONFIG, "allow_unsigned_extensions": True}


def state_dir() -> Path:
    """dibao's own state folder on this machine (DIBAO_LAKE_STATE, default ~/.local/state/dibao)."""
    return Path(os.environ.get("DIBAO_LAKE_STATE") or Path.home() / ".local" / "state" / "dibao")


def file_mark(path: str) -> list:
    st = os.stat(path)
    return [duckdb.__version__, st.st_size, st.st_mtime_ns, st.st_ino]


def all_verified(paths: list[str]) -> bool:
    """Whether DuckDB has checked the signature of each of these files as they are now."""
    marks = read_marks(state_dir() / VERIFIED_MARKS)
    try:
        return all(marks.get(p) == file_mark(p) for p in paths)
    except OSError:
        return False


def note_verified(paths: list[str]) -> None:
    """After DuckDB loaded these files with their signatures checked."""
    marks = read_marks(state_dir() / VERIFIED_MARKS)
    try:
        marks.update({p: file_mark(p) for p in paths})
        write_marks(state_dir() / VERIFIED_MARKS, marks)
    except OSError as exc:   # a read-only home: every run simply keeps checking
        log.debug("could not note the checked extensions: %s", exc)


# LOADing the DuckLake binary costs ~0.1-0.4 s: a run loads it once, into one in-memory DuckDB whose cursors
# attach and detach the lake as each step needs it (a cursor shares its instance's attached databases).
_SHARED: dict[bool, duckdb.DuckDBPyConnection] = {}
_SHARED_LOCK = threading.Lock()


def new_connection(loc: Location, *, shared: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the DuckLake extension (and httpfs with a secret for S3) loaded; with
    `shared`, a cursor of this process's one such DuckDB (close it with close_lake)."""
    if shared:
        with _SHARED_LOCK:
            if loc.s3 not in _SHARED:
                _SHARED[loc.s3] = _loaded(loc, trust_checked=True)
            return _SHARED[loc.s3].cursor()
    return _loaded(loc, trust_checked=False)


def _loaded(loc: Location, *, trust_checked: bool) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB with the lake's extensions loaded; with `trust_checked`, files DuckDB has
    checked before load unchecked (only for the run's own DuckDB: user SQL never runs on it)."""
    files = [extension_file("ducklake")] + ([extension_file("httpfs")] if loc.s3 else [])
    unchecked = trust_checked and all_verified(files)
    con = duckdb.connect(config=UNCHECKED_CONFIG if unchecked else CONNECT_CONFIG)
    try:
        for path in files:
            con.execute(f"LOAD {sql_string(path)}")
        if loc.s3:
            con.execute(s3_secret_sql())
    except BaseException:
        con.close()
        raise
    if trust_checked and not unchecked:
        note_verified(files)
    return con


def preload(loc: Location) -> None:
    """Load the extensions into this process's shared DuckDB now (while something slower starts beside it),
    so that the run's first open_lake only attaches. Takes no lock: nothing is attached."""
    new_connection(loc, shared=True).close()


def attach_sql(loc: Location, *, read_only: bool, snapshot: int | None = None,
               snapshot_time: str | None = None) -> str:
    options = [f"DATA_PATH {sql_string(loc.data_url)}", "OVERRIDE_DATA_PATH true",
               # Every row is in a Parquet file: dibao.duckdb's views read the files, not the catalog.
               "DATA_INLINING_ROW_LIMIT 0"]
    if read_only:
        options.append("READ_ONLY")
    if snapshot is not None:
        options.append(f"SNAPSHOT_VERSION {int(snapshot)}")
    if snapshot_time is not None:
        options.append(f"SNAPSHOT_TIME {sql_string(snapshot_time)}")
    return f"ATTACH {sql_string('ducklake:' + str(loc.catalog))} AS {LAKE} ({', '.join(options)})"


def attach(con: duckdb.DuckDBPyConnection, loc: Location, *, read_only: bool, wait: float = LOCK_WAIT_SECONDS,
           **snapshot) -> None:
    """Attach the lake, waiting while another process holds the catalog file (DuckDB locks it whole)."""
    if read_only and not loc.catalog.is_file():
        raise LakeError(f"no warehouse at {loc.given} (no {CATALOG_FILE})",
                        f"build one with: dibao run --input DIR --warehouse {loc.given}")
    if not read_only:
        loc.root.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            con.execute(attach_sql(loc, read_only=read_only, **snapshot))
            return
        except duckdb.IOException as exc:
            if LOCK_ERROR not in str(exc) or time.monotonic() >= deadline:
                raise LakeError(f"cannot open the catalog {loc.catalog}: {one_line(exc)}",
                                "another program holds it; try again when it is done") from exc
            time.sleep(0.05)
        except duckdb.Error as exc:
            raise LakeError(f"cannot open the catalog {loc.catalog}: {one_line(exc)}",
                            "restore the warehouse folder from a copy, or build it again with --full-refresh "
                            "into a new folder") from exc


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def open_lake(loc: Location, *, read_only: bool, shared: bool = False, **snapshot) -> duckdb.DuckDBPyConnection:
    """A connection with the lake attached as `lake`; a `shared` one must be closed with close_lake."""
    con = new_connection(loc, shared=shared)
    try:
        attach(con, loc, read_only=read_only, **snapshot)
    except BaseException:
        con.close()
        raise
    return con


def close_lake(con: duckdb.DuckDBPyConnection) -> None:
    """Detach the lake (releasing the catalog file for other processes) and close the connection."""
    try:
        con.execute("USE memory")
        con.execute(f"DETACH DATABASE IF EXISTS {LAKE}")
    finally:
        con.close()


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT id FROM {LAKE}.current_snapshot()").fetchone()[0]
