"""dibao.duckdb: views over the lake's current snapshot, readable by any DuckDB client without extensions.

Clients such as the DuckDB CLI, dashboards and scoring scripts open `dibao.duckdb` read-only and cannot
load the DuckLake extension, so the file holds plain views: each one reads the Parquet files that the
lake's snapshot lists (by absolute path), minus the rows that snapshot's delete files remove. The file is
tiny, written next to the old one and renamed over it; a reader holding the old one open keeps reading
the old snapshot, whose files the lake keeps for the snapshot retention period (7 days by default).
"""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks.tables import BATCH_SCHEMAS
from warehouse.lake import LAKE, Location, sql_string

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PEOPLE_SQL = HERE / "people.sql"
VIEWS_SQL = HERE / "views.sql"
BUILD_TABLE = "warehouse_build"   # where dibao.duckdb says which folder and snapshot its views read

PEOPLE_SCHEMA = pa.schema([
    pa.field("person_id", pa.string()), pa.field("name", pa.string()), pa.field("region", pa.string()),
    pa.field("titles", pa.list_(pa.string())), pa.field("roles", pa.list_(pa.string())),
    pa.field("article_count", pa.int32()), pa.field("mention_count", pa.int32()),
    pa.field("first_seen", pa.date32()), pa.field("last_seen", pa.date32()),
    pa.field("posts", pa.list_(pa.string())),
])
RUNS_SCHEMA = pa.schema([
    pa.field("run_id", pa.string()), pa.field("started_at", pa.timestamp("us", tz="UTC")),
    pa.field("finished_at", pa.timestamp("us", tz="UTC")), pa.field("status", pa.string()),
    pa.field("input_dir", pa.string()), pa.field("runner", pa.string()), pa.field("pipeline_version", pa.string()),
    pa.field("documents_seen", pa.int64()), pa.field("documents_new", pa.int64()),
    pa.field("documents_changed", pa.int64()), pa.field("documents_skipped", pa.int64()),
    pa.field("documents_deleted", pa.int64()), pa.field("rejects", pa.int64()), pa.field("articles", pa.int64()),
    pa.field("tokens", pa.int64()), pa.field("seconds", pa.float64()), pa.field("message", pa.string()),
    pa.field("snapshot", pa.int64()),
    pa.field("source_name", pa.string()),
])
# What the planner remembers of each input file (not a view: dibao's own bookkeeping).
FILE_STATE_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string()), pa.field("sha256", pa.string()), pa.field("size", pa.int64()),
    pa.field("mtime_ns", pa.int64()),
])
# Every table of the lake, and which of them dibao.duckdb shows as views.
LAKE_SCHEMAS: dict[str, pa.Schema] = {**BATCH_SCHEMAS, "people": PEOPLE_SCHEMA, "runs": RUNS_SCHEMA,
                                      "file_state": FILE_STATE_SCHEMA}
VIEW_TABLES = [t for t in LAKE_SCHEMAS if t != "file_state"]


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lake_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """(column, type) of every table of the lake, in one catalog query."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table, name, typ in con.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() "
                                        "WHERE database_name = ? ORDER BY table_name, column_index", [LAKE]).fetchall():
        out.setdefault(table, []).append((name, typ))
    return out


def all_files(con: duckdb.DuckDBPyConnection, snapshot: int) -> dict[str, list[tuple[str, str | None, int]]]:
    """file_list of every table, in one query."""
    parts = " UNION ALL ".join(
        f"SELECT {sql_string(t)} AS t, data_file, delete_file, data_file_size_bytes FROM ducklake_list_files("
        f"{sql_string(LAKE)}, {sql_string(t)}, snapshot_version => {int(snapshot)})" for t in LAKE_SCHEMAS)
    out: dict[str, list[tuple[str, str | None, int]]] = {t: [] for t in LAKE_SCHEMAS}
    for t, f, d, n in con.execute(f"SELECT * FROM ({parts}) ORDER BY t, data_file").fetchall():
        out[t].append((f, d, n))
    return out


def file_list(con: duckdb.DuckDBPyConnection, table: str, snapshot: int) -> list[tuple[str, str | None, int]]:
    """(data file, its delete file or None, data file bytes) of a table as of a snapshot."""
    return con.execute(f"SELECT data_file, delete_file, data_file_size_bytes FROM ducklake_list_files("
                       f"{sql_string(LAKE)}, ?, snapshot_version => ?) ORDER BY data_file", [table, snapshot]).fetchall()


def columns_present(con: duckdb.DuckDBPyConnection, files: list[str], wanted: list[str]) -> set[str]:
    """Which of the table's columns some file holds (the newest file usually holds all of them: only when
    it lacks one are all footers read)."""
    def names(paths: list[str]) -> set[str]:
        listing = "[" + ", ".join(sql_string(f) for f in paths) + "]"
        return {r[0] for r in con.execute(f"SELECT DISTINCT name FROM parquet_schema({listing})").fetchall()}
    present = names([files[-1]])
    return present if set(wanted) <= present else names(files)


def files_view_sql(con: duckdb.DuckDBPyConnection, columns: list[tuple[str, str]],
                   files: list[tuple[str, str | None, int]]) -> str:
    """The SELECT of one table (its columns, its files as of a snapshot), reading the Parquet files directly."""
    if not files:
        cols = ", ".join(f"CAST(NULL AS {typ}) AS {quote_name(name)}" for name, typ in columns)
        return f"SELECT {cols} WHERE false"
    paths = "[" + ", ".join(sql_string(f) for f, _, _ in files) + "]"
    present = columns_present(con, [f for f, _, _ in files], [name for name, _ in columns])
    # A column added to the table after some files were written reads as NULL in those files.
    cols = ", ".join(f"d.{quote_name(name)}" if name in present else f"CAST(NULL AS {typ}) AS {quote_name(name)}"
                     for name, typ in columns)
    deletes = [(f, d) for f, d, _ in files if d]
    if not deletes:
        return f"SELECT {cols} FROM read_parquet({paths}, union_by_name = true) AS d"
    gone = " UNION ALL ".join(f"SELECT {sql_string(f)} AS file, pos FROM read_parquet({sql_string(d)})"
                              for f, d in deletes)
    return (f"SELECT {cols} FROM read_parquet({paths}, union_by_name = true, filename = true, "
            f"file_row_number = true) AS d ANTI JOIN ({gone}) AS x "
            "ON d.filename = x.file AND d.file_row_number = x.pos")


def build_database(loc: Location, con: duckdb.DuckDBPyConnection, snapshot: int,
                   checked_at: datetime | None = None,
                   files: dict[str, list[tuple[str, str | None, int]]] | None = None) -> None:
    """Write dibao.duckdb (views over the snapshot's files) next to the old one, then rename it over.
    `checked_at`: the time through which the data files are known as dibao wrote them (default now);
    `files`: the snapshot's all_files() when the caller has just listed them."""
    path = loc.duckdb_file
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    columns = lake_columns(con)
    files = all_files(con, snapshot) if files is None else files
    statements = [f"CREATE OR REPLACE VIEW {quote_name(t)} AS {files_view_sql(con, columns[t], files[t])}"
                  for t in VIEW_TABLES]
    try:
        write_views(tmp, loc, statements, snapshot, checked_at)
    except BaseException:   # e.g. a full disk: the old dibao.duckdb stays, and no half-written copy
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    os.replace(tmp, path)


def write_views(tmp: Path, loc: Location, statements: list[str], snapshot: int, checked_at: datetime | None) -> None:
    out = duckdb.connect(str(tmp))
    try:
        for statement in statements:
            out.execute(statement)
        out.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        now = datetime.now(timezone.utc)
        out.execute(f"CREATE TABLE {BUILD_TABLE} AS SELECT ? AS root, ? AS snapshot, ? AS built_at, "
                    "? AS checked_at", [str(loc.root), snapshot, now, checked_at or now])
        out.execute("CHECKPOINT")
    finally:
        out.close()


def built_for(path: Path) -> tuple[str, int, datetime] | None:
    """(folder, snapshot, checked_at) of dibao.duckdb's views; None when the file is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(f"SELECT root, snapshot, checked_at FROM {BUILD_TABLE}").fetchone()
        return (row[0], row[1], row[2]) if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def create_lake_views(con: duckdb.DuckDBPyConnection) -> None:
    """In a connection with the lake attached: the warehouse's views in the connection's own catalog."""
    for table in VIEW_TABLES:
        con.execute(f"CREATE OR REPLACE VIEW {quote_name(table)} AS SELECT * FROM {LAKE}.{quote_name(table)}")
    con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
