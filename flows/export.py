"""`dibao export --sqlite FILE`: the warehouse as one SQLite file that Datasette (and any SQLite tool) opens.

Datasette cannot read the warehouse itself (with datasette-parquet every view page fails), so the views are
copied into SQLite: list columns as JSON arrays (Datasette facets them with `_facet_array`), dates and times
as ISO text, and a `metadata.json` in Datasette's format carrying the data dictionary's descriptions.

Full-text search: SQLite's FTS5 tokenizers see a run of Chinese characters as one word (unicode61) or
only match three characters and more (trigram), so neither finds 疫情 in 疫情防控工作. `articles_fts`
therefore indexes words: jieba's search-mode cut of title and body (疫情防控 gives 疫情, 防控 and 疫情防控),
plus the names dibao extracted from the article (people, places, organisations), which jieba may glue to
a neighbouring character. Its rowid is the article's rowid, which `metadata.json` tells Datasette.

The warehouse is read only through `<warehouse>/dibao.duckdb`, opened read-only. The SQLite file is built
under a temporary name and renamed into place, so an interrupted export never leaves a half-written file.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tasks.config import Settings

log = logging.getLogger(__name__)

# The contract's views, then the extraction tables and the run log; derived views are queries over these.
EXPORTED = ("documents", "rejects", "articles", "article_people", "people", "meetings", "meeting_participants",
            "places", "organisations", "slogans", "tokens", "runs")
FTS_TABLE = "articles_fts"
ROWS_PER_FETCH = 20_000
# Columns joined on, indexed so that Datasette's links and hand-written joins stay fast on big exports.
INDEXED = ("doc_id", "article_id", "person_id", "meeting_id", "name")
# What a journalist filters by first, offered as facets on each table's page.
FACETS: dict[str, list] = {
    "documents": ["encoding", "script", "region"],
    "articles": ["region", "source"],
    "article_people": ["role", "region", {"array": "titles"}, {"array": "posts"}],
    "people": ["region", {"array": "roles"}, {"array": "titles"}, {"array": "posts"}],
    "meetings": ["kind", "region", "format"],
    "meeting_participants": ["role"],
    "places": ["kind"], "organisations": ["kind"], "slogans": ["kind"],
    "runs": ["status"],
}
NESTED_TYPE = re.compile(r"\[\]$|^(STRUCT|MAP|UNION|JSON)\b")
INTEGER_TYPES = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT", "HUGEINT"}
REAL_TYPE = re.compile(r"^(FLOAT|DOUBLE|REAL|DECIMAL)")
NAMES_SQL = """
SELECT a.article_id, list(DISTINCT n.name) AS names
FROM articles AS a JOIN (
    SELECT article_id, name FROM article_people UNION ALL SELECT article_id, name FROM places
    UNION ALL SELECT article_id, name FROM organisations) AS n USING (article_id)
GROUP BY a.article_id
"""


class ExportError(RuntimeError):
    """A problem `export` reports in one line (exit 1)."""


@dataclass
class ExportResult:
    path: Path
    metadata: Path
    rows: dict[str, int]
    seconds: float


def sqlite_type(duckdb_type: str) -> str:
    if duckdb_type in INTEGER_TYPES:
        return "INTEGER"
    if REAL_TYPE.match(duckdb_type):
        return "REAL"
    return "TEXT"


def select_expression(column: str, duckdb_type: str) -> str:
    """The column as SQLite can store it: nested values as JSON text, dates and times as ISO text."""
    quoted = '"' + column.replace('"', '""') + '"'
    if NESTED_TYPE.search(duckdb_type):
        return f"to_json({quoted})::VARCHAR"
    if sqlite_type(duckdb_type) == "TEXT" and duckdb_type != "VARCHAR":
        return f"{quoted}::VARCHAR"
    return quoted


def search_text(words: list[str], names: list[str]) -> str:
    """What the full-text index holds for one field: words separated by spaces (blanks dropped), then names."""
    return " ".join(w for w in (*words, *names) if w and not w.isspace())


def open_warehouse(warehouse: Path) -> duckdb.DuckDBPyConnection:
    db = warehouse / "dibao.duckdb"
    if not db.is_file():
        raise ExportError(f"no warehouse at {db}; build one first with `dibao run --warehouse {warehouse}`")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise ExportError(f"cannot open {db} read-only ({exc}); is another program holding it for writing?") from exc
    con.execute("SET TimeZone = 'UTC'")   # timestamps as text in UTC, whatever the machine's zone
    return con


def copy_view(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection, view: str) -> int:
    columns = [(r[0], r[1]) for r in con.execute(f'DESCRIBE "{view}"').fetchall()]
    names = ", ".join('"' + c.replace('"', '""') + '"' for c, _ in columns)
    out.execute(f'CREATE TABLE "{view}" (' + ", ".join(f'"{c}" {sqlite_type(t)}' for c, t in columns) + ")")
    cursor = con.execute(f'SELECT {", ".join(select_expression(c, t) for c, t in columns)} FROM "{view}"')
    insert = f'INSERT INTO "{view}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    count = 0
    while rows := cursor.fetchmany(ROWS_PER_FETCH):
        out.executemany(insert, rows)
        count += len(rows)
    for column in INDEXED:
        if column in dict(columns):
            out.execute(f'CREATE INDEX "{view}_{column}" ON "{view}" ("{column}")')
    return count


def build_search(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection) -> int:
    """articles_fts: one row per article (rowid = the article's rowid), title and body as indexed words."""
    from tasks.segment import engine
    cut = engine().cut_for_search
    names = dict(con.execute(NAMES_SQL).fetchall())
    out.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, tokenize = 'unicode61')")
    rows = out.execute("SELECT rowid, article_id, title, body FROM articles").fetchall()
    out.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)",
                    ((rowid, search_text(cut(title or "", True), []),
                      search_text(cut(body or "", True), sorted(names.get(aid) or [])))
                     for rowid, aid, title, body in rows))
    return len(rows)


def metadata_for(con: duckdb.DuckDBPyConnection, database: str, rows: dict[str, int]) -> dict:
    """Datasette's metadata.json: each table's and column's description from the data dictionary."""
    from warehouse.dictionary import VIEW_DESCRIPTIONS, description
    tables: dict[str, dict] = {}
    for view in rows:
        columns = {c: d for c, _ in ((r[0], r[1]) for r in con.execute(f'DESCRIBE "{view}"').fetchall())
                   if (d := description(view, c))}
        entry = {"description": VIEW_DESCRIPTIONS.get(view, ""), "columns": columns}
        if view in FACETS:
            entry["facets"] = FACETS[view]
        tables[view] = entry
    if "articles" not in tables:
        return {"databases": {database: {"tables": tables}}}
    tables["articles"].update(fts_table=FTS_TABLE, fts_pk="rowid", searchmode="escaped")
    tables[FTS_TABLE] = {"description": "Full-text index of articles: jieba's search-mode words of title and "
                                        "body, plus the names extracted from each article.", "hidden": True}
    return {"title": "dibao 邸报", "description": "Articles, people and meetings from Chinese local-government "
                                                  "news pages, exported from a dibao warehouse.",
            "databases": {database: {"tables": tables}}}


def merge_metadata(path: Path, ours: dict) -> dict:
    """Keep what an existing metadata.json says about other databases; ours replaces our database's entry."""
    if not path.exists():
        return ours
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path} exists and is not readable JSON ({exc}); move it away or pass "
                          f"--metadata OTHER_FILE") from exc
    if not isinstance(existing, dict):
        raise ExportError(f"{path} is not a Datasette metadata object; move it away or pass --metadata OTHER_FILE")
    databases = {**existing.get("databases", {}), **ours["databases"]}
    return {**existing, **{k: v for k, v in ours.items() if k not in existing}, "databases": databases}


def write_atomically(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_sqlite(warehouse: Path, target: Path, metadata_path: Path | None = None,
                  skip: tuple[str, ...] = ()) -> ExportResult:
    """Copy every exported view of the warehouse (but those in `skip`) into a new SQLite file at `target`,
    replacing it. Search needs `articles`: skipping it leaves no full-text index."""
    started = time.perf_counter()
    metadata_path = metadata_path or target.with_name("metadata.json")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give the SQLite file to write, e.g. {target / 'dibao.sqlite'}")
    target.parent.mkdir(parents=True, exist_ok=True)
    con = open_warehouse(warehouse)
    rows: dict[str, int] = {}
    try:
        present = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        present |= {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        missing = [v for v in EXPORTED if v not in present]
        if missing:
            raise ExportError(f"the warehouse {warehouse} has no {', '.join(missing)}; rebuild it with "
                              f"`dibao run --warehouse {warehouse}`")

        def write(tmp: Path) -> None:
            out = sqlite3.connect(tmp)
            try:
                out.execute("PRAGMA journal_mode = OFF")   # a temporary file: renamed into place only when whole
                out.execute("PRAGMA synchronous = OFF")
                for view in EXPORTED:
                    if view not in skip:
                        rows[view] = copy_view(con, out, view)
                if "articles" in rows:
                    build_search(con, out)
                out.commit()
            finally:
                out.close()

        write_atomically(target, write)
        meta = merge_metadata(metadata_path, metadata_for(con, target.stem, rows))
        write_atomically(metadata_path, lambda tmp: tmp.write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"))
    finally:
        con.close()
    return ExportResult(target, metadata_path, rows, time.perf_counter() - started)


def cmd_export(args: argparse.Namespace) -> int:
    if not args.sqlite:
        print("dibao export: say what to write: --sqlite FILE", file=sys.stderr)
        return 2
    target = Path(args.sqlite)
    try:
        result = export_sqlite(Path(args.warehouse), target, Path(args.metadata) if args.metadata else None,
                               skip=tuple(args.skip or ()))
    except ExportError as exc:
        print(f"dibao export: {exc}", file=sys.stderr)
        return 1
    total = sum(result.rows.values())
    search = ", full-text search on articles" if "articles" in result.rows else ""
    print(f"dibao export: wrote {result.path} ({len(result.rows)} tables, {total} rows{search}) and "
          f"{result.metadata} in {result.seconds:.1f} s")
    print(f"  browse it:  datasette {result.path} --metadata {result.metadata}")
    return 0


def add_export_parser(subparsers) -> argparse.ArgumentParser:
    """Register `dibao export` on the `dibao` command's subparsers."""
    defaults = Settings()
    p = subparsers.add_parser("export", help="copy the warehouse into a SQLite file for Datasette and SQLite tools")
    p.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="warehouse folder (default: %(default)s)")
    p.add_argument("--sqlite", metavar="FILE", help="SQLite file to write (replaced if it exists)")
    p.add_argument("--metadata", metavar="FILE",
                   help="Datasette metadata file to write (default: metadata.json beside the SQLite file)")
    p.add_argument("--skip", action="append", choices=EXPORTED, metavar="TABLE",
                   help="leave a table out (repeatable), e.g. --skip tokens: one row per word, the largest by far")
    p.set_defaults(func=cmd_export)
    return p
