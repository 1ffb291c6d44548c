"""`dibao sql`: read-only SQL on a built warehouse, printed as a terminal table, CSV, JSON or Parquet.

Two independent locks (SECURITY.md): the connection (`open_readonly`) can read only the warehouse folder,
loads no extension and cannot be reconfigured; and only one statement that reads (SELECT, or EXPLAIN of
a SELECT) is let through, because a file-system allowance is read *and* write, and `EXPLAIN ANALYZE`
runs the statement it explains. DuckDB's own error text already names the view or column that is wrong;
it is passed through on one line, with a hint listing what does exist.
"""
from __future__ import annotations

import argparse
import csv
import io
import logging
import re
import shutil
import sys
import unicodedata
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tasks.config import DUCKDB_FILE, Settings

log = logging.getLogger(__name__)

QUERIES_DIR = Path(__file__).resolve().parent.parent / "warehouse" / "queries"
FORMATS = ("table", "csv", "json", "parquet")
# The only statement kind that runs as is; EXPLAIN passes only when what it explains is a SELECT (EXPLAIN
# ANALYZE executes its statement: `EXPLAIN ANALYZE COPY ... TO` would write a file).
READ_STATEMENT = duckdb.StatementType.SELECT
# Set before the connection is locked, in this order (allowed_directories can no longer change once
# external access is off). Extensions are never fetched nor loaded: a query must not reach the network.
CONNECT_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                  "allow_community_extensions": False}
# The leading EXPLAIN of a statement, with its optional ANALYZE or (options), after any comments.
EXPLAIN_HEAD = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*EXPLAIN\s*(?:ANALY[SZ]E\b|\([^()]*\))?",
                          re.IGNORECASE | re.DOTALL)
# What a reader of the terminal cannot act on in a cell: nested values become JSON text, the rest plain text.
CSV_NATIVE = (pa.types.is_integer, pa.types.is_floating, pa.types.is_decimal, pa.types.is_string,
              pa.types.is_large_string, pa.types.is_boolean, pa.types.is_date, pa.types.is_null)

REFUSED_HINT = ("for scratch tables, attach the warehouse from your own DuckDB session: "
                "ATTACH 'WAREHOUSE/dibao.duckdb' AS dibao (READ_ONLY)")
REFUSED_HINTS = {kind: "to save a result, use --format csv|json|parquet with --out FILE" for kind in ("COPY", "EXPORT")}

MISSING_TABLE = re.compile(r"Table with name (\S+) does not exist|Table Function with name (\S+) does not exist")
MISSING_COLUMN = re.compile(r'Referenced column "?([^"\s]+)"? not found'
                            r'|column "?([^"\s]+)"? (?:does not exist|not found)')
MISSING_FILE = re.compile(r"No files found|No such file|Could not open file|does not exist", re.IGNORECASE)
LOCKED_OUT = re.compile(r"disabled (?:by|through) configuration|configuration has been locked", re.IGNORECASE)
ERROR_CONTEXT = re.compile(r"^\s*LINE \d+:")   # DuckDB's echo of the query with a caret under the fault
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
HEADER_COMMENT = re.compile(r"^\s*--\s?(.*)$")
DOC_COUNTS_SQL = ("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM articles), "
                  "(SELECT count(*) FROM people), (SELECT count(*) FROM meetings), (SELECT count(*) FROM slogans)")

# Terminal table layout.
DEFAULT_MAX_ROWS = 50
MAX_CELL_WIDTH = 40
MIN_CELL_WIDTH = 6
NULL_TEXT = "NULL"
ELLIPSIS = "…"
EXIT_OK, EXIT_SQL_ERROR, EXIT_USAGE = 0, 1, 2


class SqlError(Exception):
    """A query that could not run: a one-line message and an optional hint, both meant for a person."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class WarehouseMissing(SqlError):
    """There is no dibao.duckdb in the folder given."""


# ---------------------------------------------------------------- connecting and running


def open_readonly(db_path: Path, *, readable: Iterable[Path] = (),
                  prepare: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to `db_path` that can read files only under its folder (and `readable`), with
    no extension install or load, and its configuration locked so that no statement can undo any of it.

    `prepare` runs on the connection before it is locked down (e.g. to attach a catalog the views need).
    The folder must stay readable: the views read the warehouse's Parquet files by absolute path.
    """
    db_path = Path(db_path)
    folders = {str(Path(p).resolve()) + "/" for p in (db_path.parent, *readable)}
    folders |= {str(Path(p).absolute()) + "/" for p in (db_path.parent, *readable)}
    con = duckdb.connect(str(db_path), read_only=True, config=CONNECT_CONFIG)
    try:
        if prepare is not None:
            prepare(con)
        con.execute("SET allowed_directories = ?", [sorted(folders)])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def open_warehouse(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """`open_readonly` on <warehouse>/dibao.duckdb, or SqlError saying how to make one."""
    path = Path(warehouse) / DUCKDB_FILE
    if not path.is_file():
        raise WarehouseMissing(f"no warehouse database at {path}",
                       f"build one with: dibao run --input DIR --warehouse {warehouse}")
    try:
        return open_readonly(path)
    except duckdb.Error as exc:
        raise SqlError(one_line(str(exc)),
                       "is a run rebuilding the warehouse right now? try again when it ends") from exc


def open_for_query(warehouse: str, as_of: str | None = None) -> duckdb.DuckDBPyConnection:
    """dibao.duckdb; or the lake itself, with the same views, as of a run or a time (--as-of), for an s3://
    warehouse, and for a folder moved or copied since its dibao.duckdb was written (warehouse/snapshots.py)."""
    from warehouse.snapshots import LakeError, needs_lake, open_snapshot
    try:
        if as_of is None and not needs_lake(str(warehouse)):
            return open_warehouse(Path(warehouse))
        return open_snapshot(str(warehouse), as_of)
    except LakeError as exc:
        raise SqlError(exc.message, exc.hint) from exc


def refused(kind: str) -> SqlError:
    return SqlError(f"refused the {kind} statement: dibao sql is read-only (one SELECT, WITH, FROM, DESCRIBE, "
                    "SHOW, SUMMARIZE or EXPLAIN of one of these)", REFUSED_HINTS.get(kind, REFUSED_HINT))


def explained(con: duckdb.DuckDBPyConnection, sql: str) -> list:
    """The statements an EXPLAIN wraps, parsed by DuckDB; [] when the head is not one we can take apart."""
    head = EXPLAIN_HEAD.match(sql)
    if head is None:
        return []
    try:
        return con.extract_statements(sql[head.end():])
    except duckdb.Error:
        return []


def check_read_only(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Refuse anything but exactly one statement that only reads, naming what was refused. DuckDB's parser
    decides what each statement is; an EXPLAIN is judged by the statement it explains."""
    parse = con.extract_statements if con is not None else duckdb.extract_statements
    statements = parse(sql)
    if not statements:
        raise SqlError("the SQL text holds no statement")
    if len(statements) > 1:
        kinds = ", ".join(st.type.name for st in statements)
        raise SqlError(f"refused {len(statements)} statements ({kinds}): dibao sql is read-only and runs one "
                       "statement at a time", "run each query on its own")
    kind = statements[0].type
    if kind == duckdb.StatementType.EXPLAIN:
        inner = explained(con or duckdb, sql)
        if len(inner) != 1 or inner[0].type != READ_STATEMENT:
            raise refused("EXPLAIN " + (inner[0].type.name if len(inner) == 1 else "(not of one SELECT)"))
    elif kind != READ_STATEMENT:
        raise refused(kind.name)


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """Run read-only SQL; its result as an Arrow table (duplicate column names kept). Errors become SqlError."""
    try:
        check_read_only(sql, con)
        result = con.execute(sql)
        return to_arrow(result) if result.description else pa.table({})
    except duckdb.Error as exc:
        message = one_line(str(exc))
        raise SqlError(message, error_hint(con, message, sql)) from exc


def to_arrow(result: duckdb.DuckDBPyConnection) -> pa.Table:
    """The result as an Arrow table (DuckDB 1.5 renamed fetch_arrow_table to to_arrow_table)."""
    fetch = getattr(result, "to_arrow_table", None) or result.fetch_arrow_table
    return fetch()


def one_line(message: str) -> str:
    """DuckDB's message without the echoed query and caret, folded onto one line."""
    kept = []
    for line in message.splitlines():
        if ERROR_CONTEXT.match(line):
            break
        if line.strip():
            kept.append(line.strip())
    return " ".join(kept) or message.strip()


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                       "UNION SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def view_columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                       [view]).fetchall()
    return [r[0] for r in rows]


def error_hint(con: duckdb.DuckDBPyConnection, message: str, sql: str) -> str | None:
    """What exists, for the mistakes people make most: a wrong view name, a wrong column, a moved warehouse."""
    try:
        views = view_names(con)
        if MISSING_TABLE.search(message):
            return "the views are: " + ", ".join(views)
        if MISSING_COLUMN.search(message):
            used = [v for v in dict.fromkeys(WORD.findall(sql.lower())) if v in views]
            parts = [f"{v}({', '.join(view_columns(con, v))})" for v in used[:3]]
            return ("columns: " + "; ".join(parts)) if parts else None
        if LOCKED_OUT.search(message):
            return ("dibao sql reads only the warehouse's own files and loads no extension (SECURITY.md); "
                    "to query other files, attach the warehouse from your own DuckDB session")
        if MISSING_FILE.search(message):
            return ("a data file of the warehouse is missing or damaged: restore the folder from a copy, or "
                    "rebuild it with `dibao run --full-refresh --warehouse DIR`")
    except duckdb.Error:
        log.debug("no hint: the catalog could not be read", exc_info=True)
    return None


# ---------------------------------------------------------------- output formats


def cell_text(value: object) -> str:
    """One value as a person reads it in a table cell."""
    if value is None:
        return NULL_TEXT
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) >= 1e6 else f"{round(value, 4):g}"
    if isinstance(value, list):
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return " ".join(str(value).split())   # newlines and tabs would break the grid


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int) -> str:
    """Cut to `width` terminal columns, marking the cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def fit_widths(widths: list[int], limit: int | None) -> list[int]:
    """Shrink the widest columns until the row fits `limit` terminal columns (two spaces between columns)."""
    widths = [min(w, MAX_CELL_WIDTH) for w in widths]
    if limit is None:
        return widths
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= MIN_CELL_WIDTH:
            break
        widths[widest] -= 1
    return widths


def is_numeric(typ: pa.DataType) -> bool:
    return pa.types.is_integer(typ) or pa.types.is_floating(typ) or pa.types.is_decimal(typ)


def format_table(table: pa.Table, *, max_rows: int = DEFAULT_MAX_ROWS, width: int | None = None) -> str:
    """A plain aligned table: header, rule, rows, and a footer with the row count (and what was cut)."""
    names = table.column_names
    if not names:
        return "(no result)"
    shown = table.slice(0, max_rows) if max_rows > 0 else table
    # Column by column, by position: `select m.name, p.name` has two columns called name.
    columns = [[cell_text(v) for v in col.to_pylist()] for col in shown.columns]
    rows = [list(row) for row in zip(*columns)]
    widths = fit_widths([max([display_width(n)] + [display_width(r[i]) for r in rows])
                         for i, n in enumerate(names)], width)
    right = [is_numeric(f.type) for f in table.schema]
    lines = ["  ".join(pad(clip(n, w), w, r) for n, w, r in zip(names, widths, right)).rstrip(),
             "  ".join("─" * w for w in widths)]
    lines += ["  ".join(pad(clip(c, w), w, r) for c, w, r in zip(row, widths, right)).rstrip() for row in rows]
    footer = f"({table.num_rows} row{'s' if table.num_rows != 1 else ''}"
    if shown.num_rows < table.num_rows:
        footer += f", first {shown.num_rows} shown: --max-rows 0 shows all, --format csv|json for files"
    lines.append(footer + ")")
    return "\n".join(lines)


def unique_names(names: list[str]) -> list[str]:
    """Names made unique as DuckDB makes a subquery's: a, a_1, a_2 (where a key must be unique: JSON, Parquet)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 0
        while candidate.lower() in seen:   # DuckDB's identifiers are case-insensitive
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _converter() -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB that only reformats a result already fetched: no file, no extension."""
    return duckdb.connect(config={**CONNECT_CONFIG, "enable_external_access": False, "threads": 1,
                                  "preserve_insertion_order": True})


def _convert(table: pa.Table, expressions: list[str]) -> pa.Table:
    """`SELECT expressions FROM table` in the converter (the table's columns renamed unique first)."""
    con = _converter()
    try:
        con.register("result_rows", table.rename_columns(unique_names(table.column_names)))
        return to_arrow(con.execute(f"SELECT {', '.join(expressions)} FROM result_rows"))
    finally:
        con.close()


def json_rows(table: pa.Table) -> list[str]:
    """One JSON object per row, written by DuckDB's to_json (dates as ISO text, lists as arrays, HUGEINT
    sums as whole numbers); a repeated column name gets DuckDB's suffix (a, a_1) so no value is lost."""
    names = unique_names(table.column_names)
    if not names or table.num_rows == 0:
        return []
    row = "{" + ", ".join(f"{quote_text(n)}: {quote_ident(n)}" for n in names) + "}"
    return _convert(table, [f"to_json({row})"]).column(0).to_pylist()


def format_json(table: pa.Table) -> str:
    """A JSON array of row objects, one row per line (valid JSON that still greps well)."""
    rows = json_rows(table)
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def csv_ready(table: pa.Table) -> pa.Table:
    """The result with every column Arrow's CSV writer writes as a person expects: lists and structs as JSON
    text, times, timestamps, intervals and bytes as DuckDB prints them. Column names and order unchanged."""
    if all(any(ok(f.type) for ok in CSV_NATIVE) for f in table.schema):
        return table
    exprs = []
    for name, f in zip(unique_names(table.column_names), table.schema):
        col = quote_ident(name)
        if any(ok(f.type) for ok in CSV_NATIVE):
            exprs.append(col)
        elif pa.types.is_nested(f.type):
            exprs.append(f"CAST(to_json({col}) AS VARCHAR)")
        else:
            exprs.append(f"CAST({col} AS VARCHAR)")
    converted = _convert(table, exprs)
    return pa.Table.from_arrays(converted.columns, names=table.column_names)


def csv_header(names: list[str]) -> bytes:
    """The header line, quoted only where needed (Arrow's writer quotes every header name)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(names)
    return buf.getvalue().encode("utf-8")


def write_csv(table: pa.Table, sink: io.RawIOBase | io.BufferedIOBase) -> None:
    """RFC 4180 CSV, the rows by Arrow's writer, under a header naming every column (repeated names too);
    NULL is an empty field."""
    sink.write(csv_header(table.column_names))
    pacsv.write_csv(csv_ready(table), sink, pacsv.WriteOptions(include_header=False, quoting_style="needed"))


def format_csv(table: pa.Table) -> str:
    buf = io.BytesIO()
    write_csv(table, buf)
    return buf.getvalue().decode("utf-8")


def write_parquet(table: pa.Table, out: Path) -> None:
    """Parquet by Arrow's writer; repeated names get DuckDB's suffix, as readers key columns by name."""
    pq.write_table(table.rename_columns(unique_names(table.column_names)), out, compression="zstd")


def write_output(table: pa.Table, fmt: str, out: Path | None, *, max_rows: int, width: int | None) -> None:
    """Print or save the result in the asked format."""
    if fmt == "parquet":
        write_parquet(table, out)
        return
    if fmt == "csv":
        if out is not None:
            with open(out, "wb") as sink:
                write_csv(table, sink)
            return
        text = format_csv(table)
    elif fmt == "json":
        text = format_json(table) + "\n"
    else:
        text = format_table(table, max_rows=max_rows, width=width) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- example queries


def query_header(sql: str) -> str:
    """The leading comment block of a query file: the question it answers."""
    lines = []
    for line in sql.splitlines():
        m = HEADER_COMMENT.match(line)
        if not m:
            break
        lines.append(m.group(1).rstrip())
    return "\n".join(lines).strip()


def example_queries(folder: Path = QUERIES_DIR) -> list[Path]:
    return sorted(folder.glob("*.sql"))


def list_queries(folder: Path = QUERIES_DIR) -> str:
    """One line per example query: its file and the first line of its question."""
    out = []
    for path in example_queries(folder):
        first = (query_header(path.read_text(encoding="utf-8")).splitlines() or [""])[0]
        out.append(f"{path.name:45s} {first}")
    return "\n".join(out)


def render_queries_doc(con: duckdb.DuckDBPyConnection, folder: Path = QUERIES_DIR, *, max_rows: int = 10,
                       corpus: str = "") -> str:
    """docs/queries.md: each example query, its SQL, and its output on the warehouse `con` reads."""
    counts = con.execute(DOC_COUNTS_SQL).fetchone()
    parts = ["# Example queries", "",
             "Each file under `warehouse/queries/` answers one question. Run one with",
             "`dibao sql -f warehouse/queries/<file>.sql` (add `--format csv|json|parquet --out FILE` to save it;",
             "`dibao sql --list` lists them).", "",
             f"Outputs below are from {corpus or 'a warehouse'}: {counts[0]} pages, {counts[1]} articles, "
             f"{counts[2]} people, {counts[3]} meetings, {counts[4]} (article, slogan) rows; the first {max_rows} rows "
             "of each result.", "",
             "Regenerate this page with "
             "`python -m flows.sql --warehouse DIR --corpus 'WHAT IT WAS BUILT FROM' --queries-doc docs/queries.md`.",
             ""]
    for path in example_queries(folder):
        sql = path.read_text(encoding="utf-8")
        table = run_query(con, sql)
        title = (query_header(sql).splitlines() or [path.stem])[0]
        parts += [f"## {path.name}: {title}", "", "```sql", sql.strip(), "```", "",
                  f"Output ({table.num_rows} rows):", "", "```",
                  format_table(table, max_rows=max_rows), "```", ""]
    return "\n".join(parts)


# ---------------------------------------------------------------- the command


def read_sql(args: argparse.Namespace) -> str:
    """The SQL from the argument or from -f FILE ('-' reads standard input)."""
    if args.file and args.query:
        raise SqlError("give the SQL either as an argument or with -f FILE, not both")
    if args.file:
        if args.file == "-":
            return sys.stdin.read()
        path = Path(args.file)
        if not path.is_file():
            raise SqlError(f"no SQL file at {path}", "the example queries are under warehouse/queries/ "
                                                    "(dibao sql --list shows them)")
        return path.read_text(encoding="utf-8")
    if not args.query:
        raise SqlError('no SQL given: dibao sql "select * from articles limit 5" (or -f FILE.sql)')
    return args.query


def check_output_args(args: argparse.Namespace) -> None:
    if args.format == "parquet" and not args.out:
        raise SqlError("--format parquet writes a file: add --out FILE.parquet")


def report_error(exc: SqlError) -> None:
    print(f"dibao sql: {exc.message}", file=sys.stderr)
    if exc.hint:
        print(f"dibao sql: hint: {exc.hint}", file=sys.stderr)


def cmd_sql(args: argparse.Namespace) -> int:
    """Run the query and print or save its result. 0 ok, 1 the SQL failed or was refused, 2 bad arguments."""
    if args.list:
        print(list_queries())
        return EXIT_OK
    try:
        check_output_args(args)
        sql = read_sql(args)
        con = open_for_query(args.warehouse, args.as_of)
    except SqlError as exc:
        report_error(exc)
        return EXIT_USAGE
    try:
        table = run_query(con, sql)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        write_output(table, args.format, Path(args.out) if args.out else None, max_rows=args.max_rows, width=width)
    except SqlError as exc:
        report_error(exc)
        return EXIT_SQL_ERROR
    except OSError as exc:
        print(f"dibao sql: could not write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        con.close()
    return EXIT_OK


def add_sql_parser(subparsers) -> argparse.ArgumentParser:
    """Register `dibao sql` on the CLI's subparsers."""
    defaults = Settings()
    p = subparsers.add_parser(
        "sql", help="run read-only SQL on the warehouse",
        description="Run read-only SQL on the warehouse's views (dibao sql --list shows example queries).")
    p.add_argument("query", nargs="?", help='the SQL, e.g. "select * from people order by article_count desc"')
    p.add_argument("-f", "--file", help="read the SQL from this file ('-' for standard input)")
    p.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="warehouse folder (default: %(default)s)")
    p.add_argument("--as-of", metavar="RUN_ID|TIME",
                   help="answer as the warehouse was after that run, or at that time (e.g. 2026-03-01)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: %(default)s)")
    p.add_argument("--out", help="write the result to this file instead of standard output (needed for parquet)")
    p.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS,
                   help="rows shown by --format table; 0 shows all (default: %(default)s)")
    p.add_argument("--list", action="store_true", help="list the example queries under warehouse/queries/")
    p.set_defaults(func=cmd_sql)
    return p


def main(argv: list[str] | None = None) -> int:
    """`python -m flows.sql --warehouse DIR --queries-doc FILE`: regenerate docs/queries.md."""
    parser = argparse.ArgumentParser(prog="python -m flows.sql", description=main.__doc__)
    parser.add_argument("--warehouse", default=str(Settings().warehouse_dir))
    parser.add_argument("--queries-doc", required=True, help="Markdown file to write")
    parser.add_argument("--corpus", default="", help="a sentence saying which input the warehouse was built from")
    args = parser.parse_args(argv)
    try:
        con = open_warehouse(Path(args.warehouse))
        Path(args.queries_doc).write_text(render_queries_doc(con, corpus=args.corpus), encoding="utf-8")
    except SqlError as exc:
        report_error(exc)
        return EXIT_SQL_ERROR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
