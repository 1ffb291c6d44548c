"""Build dibao.duckdb: views over the published Parquet files, swapped in by rename.

The database holds only views, so it is tiny and rebuilt whole on every publish; a reader that has the
old file open keeps reading the old snapshot (whose files are kept for one more generation).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import duckdb
import pyarrow as pa

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PEOPLE_SQL = HERE / "people.sql"
VIEWS_SQL = HERE / "views.sql"

PEOPLE_SCHEMA = pa.schema([
    pa.field("person_id", pa.string()), pa.field("name", pa.string()), pa.field("region", pa.string()),
    pa.field("titles", pa.list_(pa.string())), pa.field("roles", pa.list_(pa.string())),
    pa.field("article_count", pa.int32()), pa.field("mention_count", pa.int32()),
    pa.field("first_seen", pa.date32()), pa.field("last_seen", pa.date32()),
])
RUNS_SCHEMA = pa.schema([
    pa.field("run_id", pa.string()), pa.field("started_at", pa.timestamp("us", tz="UTC")),
    pa.field("finished_at", pa.timestamp("us", tz="UTC")), pa.field("status", pa.string()),
    pa.field("input_dir", pa.string()), pa.field("runner", pa.string()), pa.field("pipeline_version", pa.string()),
    pa.field("documents_seen", pa.int64()), pa.field("documents_new", pa.int64()),
    pa.field("documents_changed", pa.int64()), pa.field("documents_skipped", pa.int64()),
    pa.field("documents_deleted", pa.int64()), pa.field("rejects", pa.int64()), pa.field("articles", pa.int64()),
    pa.field("tokens", pa.int64()), pa.field("seconds", pa.float64()), pa.field("message", pa.string()),
    pa.field("source_name", pa.string()),
])


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def parquet_source(files: list[Path]) -> str:
    return "read_parquet([" + ", ".join(sql_string(str(f.resolve())) for f in files) + "])"


def create_base_views(con: duckdb.DuckDBPyConnection, files_by_table: dict[str, list[Path]]) -> None:
    for table, files in files_by_table.items():
        con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM {parquet_source(files)}")


def materialise_people(files_by_table: dict[str, list[Path]], target: Path) -> None:
    """Aggregate article_people over all live files into one Parquet file (people view)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    con = duckdb.connect()
    try:
        create_base_views(con, {t: files_by_table[t] for t in ("article_people", "articles")})
        table = con.execute(PEOPLE_SQL.read_text(encoding="utf-8")).to_arrow_table()
    finally:
        con.close()
    table = table.cast(PEOPLE_SCHEMA)
    import pyarrow.parquet as pq
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)


def build_database(path: Path, files_by_table: dict[str, list[Path]]) -> None:
    """Write a fresh database of views next to `path`, then rename it over `path`."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        create_base_views(con, files_by_table)
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    os.replace(tmp, path)
