"""A synthetic warehouse of N articles (default 1,000,000) and the time of every query in warehouse/queries/.

The rows of a real run are replicated in DuckDB SQL: replica r of an article gets a new article_id, its
page a new doc_id, its meetings new meeting_ids. A person keeps one id within each block of
PEOPLE_BLOCK articles and gets a new one in the next block, so the number of people grows with the
warehouse (a million articles from many places and years name far more officials than one corpus copy)
while each person still recurs across many articles. The replicas are cut into segments of as many
articles as a published warehouse of that size would hold (below), and written with the pipeline's schemas
(tables/<table>/<segment>.parquet, nullability included), with the people table materialised and a
dibao.duckdb of views built by warehouse/build.py, exactly as a publish does. The token table is
replicated only on request: no example query reads it and it holds ~700 rows per article.
"""
from __future__ import annotations

import logging
import math
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from tasks.batch import BATCH_SCHEMAS
from tasks.config import Settings
from warehouse.build import PEOPLE_SCHEMA, PEOPLE_SQL, VIEWS_SQL
from warehouse.lake import sql_string
from warehouse.store import PARQUET_OPTIONS

log = logging.getLogger(__name__)

QUERIES_DIR = Path(__file__).resolve().parent.parent / "warehouse" / "queries"
PEOPLE_BLOCK = 25_000
SEGMENT_PREFIX = "synthetic-"
QUERY_REPEATS = 3
# A query slower than SLOW_S is not repeated; one slower than QUERY_TIMEOUT_S is interrupted.
SLOW_S = 10.0
QUERY_TIMEOUT_S = 300.0
# Interactive time, as the issue means it: an analyst waits for the answer without switching tasks.
INTERACTIVE_S = 2.0

# How each table's ids change in replica `rep`: doc, article, meeting and person ids are replaced;
# everything else is copied as is.
NEW_DOC = "'synthetic/' || lpad(s.rep::VARCHAR, 5, '0') || '/' || t.doc_id"
NEW_ARTICLE = "substr(md5(t.article_id || '/' || s.rep::VARCHAR), 1, 16)"
NEW_MEETING = "substr(md5(t.meeting_id || '/' || s.rep::VARCHAR), 1, 16)"
NEW_PERSON = "substr(md5(t.person_id || '/' || s.pblock::VARCHAR), 1, 16)"
REPLACED = {"doc_id": NEW_DOC, "article_id": NEW_ARTICLE, "meeting_id": NEW_MEETING, "person_id": NEW_PERSON}


@dataclass
class Synthetic:
    root: Path
    articles: int
    replicas: int
    segments: int
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    schema_mismatch: list[str] = field(default_factory=list)


def source_files(source: Path) -> dict[str, list[Path]]:
    """The current Parquet files of every batch table of a real warehouse (its lake), or of a folder of
    tables/<table>/*.parquet."""
    from warehouse.lake import Location, open_lake
    loc = Location.parse(source)
    if not loc.catalog.is_file():
        if not (source / "tables").is_dir():
            raise FileNotFoundError(f"{source} holds no published warehouse; run dibao (or bench without --queries) first")
        return {t: sorted((source / "tables" / t).glob("*.parquet")) for t in BATCH_SCHEMAS}
    con = open_lake(loc, read_only=True)
    try:
        return {t: [Path(r[0]) for r in con.execute("SELECT data_file FROM ducklake_list_files('lake', ?)", [t]).fetchall()]
                for t in BATCH_SCHEMAS}
    finally:
        con.close()


def _read(files: list[Path]) -> str:
    return "read_parquet([" + ", ".join(sql_string(str(f)) for f in files) + "])"


def plan_replicas(con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]], articles: int,
                  layout: Layout, people_block: int = PEOPLE_BLOCK) -> tuple[int, int]:
    """Temp tables `sel` (one row per synthetic article: rep, article, segment, person block) and
    `msel` (meetings of the selected articles). Returns (replicas, segments)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE base AS SELECT article_id, doc_id, "
                f"row_number() OVER (ORDER BY doc_id, seq) - 1 AS idx FROM {_read(files['articles'])}")
    n = con.execute("SELECT count(*) FROM base").fetchone()[0]
    if n == 0:
        raise ValueError("the source warehouse has no articles to replicate")
    replicas = math.ceil(articles / n)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE sel AS
        SELECT r.range AS rep, b.article_id, b.doc_id, {layout.segment_sql(f"r.range * {n} + b.idx")} AS seg,
               (r.range * {n} + b.idx) // {people_block} AS pblock
        FROM range({replicas}) AS r CROSS JOIN base AS b
        WHERE r.range * {n} + b.idx < {articles}""")
    # A page goes to the segment of its first article; a meeting belongs to one article.
    con.execute("CREATE OR REPLACE TEMP TABLE dsel AS SELECT rep, doc_id, min(seg) AS seg, min(pblock) AS pblock "
                "FROM sel GROUP BY rep, doc_id")
    con.execute(f"CREATE OR REPLACE TEMP TABLE msel AS SELECT s.rep, m.meeting_id, s.seg, s.pblock "
                f"FROM {_read(files['meetings'])} AS m JOIN sel AS s USING (article_id)")
    segments = con.execute("SELECT count(DISTINCT seg) FROM sel").fetchone()[0]
    return replicas, segments


def replica_sql(table: str, files: list[Path]) -> str:
    """SELECT of one table's replicated rows, columns in schema order, plus the segment `seg`."""
    names = BATCH_SCHEMAS[table].names
    if "article_id" in names:
        join = "JOIN sel AS s ON s.article_id = t.article_id"
    elif "meeting_id" in names:
        join = "JOIN msel AS s ON s.meeting_id = t.meeting_id"
    else:
        join = "JOIN dsel AS s ON s.doc_id = t.doc_id"
    cols = ", ".join(f"{REPLACED[c]} AS {c}" if c in REPLACED else f"t.{c}" for c in names)
    return f"SELECT {cols}, s.seg FROM {_read(files)} AS t {join}"


def write_table(con: duckdb.DuckDBPyConnection, table: str, files: list[Path], root: Path) -> int:
    """Write one table's replicas as tables/<table>/synthetic-<seg>.parquet with the declared schema."""
    tmp = root / "staging" / table
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY ({replica_sql(table, files)}) TO {sql_string(str(tmp))} "
                f"(FORMAT parquet, PARTITION_BY (seg), OVERWRITE_OR_IGNORE)")
    target = root / "tables" / table
    target.mkdir(parents=True, exist_ok=True)
    schema, rows = BATCH_SCHEMAS[table], 0
    for part in sorted(tmp.glob("seg=*")):
        seg = int(part.name.split("=", 1)[1])
        # DuckDB writes every column OPTIONAL; a pass through Arrow restores the declared nullability.
        data = pq.read_table(sorted(part.glob("*.parquet"))).select(schema.names).cast(schema)
        pq.write_table(data, target / f"{SEGMENT_PREFIX}{seg:06d}.parquet", **PARQUET_OPTIONS)
        rows += data.num_rows
    shutil.rmtree(tmp, ignore_errors=True)
    return rows


def check_schemas(root: Path) -> list[str]:
    """Tables whose first file's schema differs from the declared one (should be none)."""
    bad = []
    for table, schema in BATCH_SCHEMAS.items():
        first = next(iter(sorted((root / "tables" / table).glob("*.parquet"))), None)
        if first is not None and not pq.read_schema(first).remove_metadata().equals(schema):
            bad.append(table)
    return bad


@dataclass(frozen=True)
class Layout:
    """How the synthetic articles are cut into segments: as dibao keeps a big warehouse (warehouse/compact.py),
    the worst case of it: `small` segments of a run's chunk size waiting to be merged (one fewer than
    would trigger merging), then merged segments of `merged` articles (compact_target_bytes of input)."""
    small: int
    small_articles: int
    merged_articles: int

    def segment_sql(self, g: str) -> str:
        cut = self.small * self.small_articles
        return (f"CASE WHEN {g} < {cut} THEN ({g}) // {self.small_articles} "
                f"ELSE {self.small} + (({g}) - {cut}) // {self.merged_articles} END")


def layout_of(files: dict[str, list[Path]], segment_articles: int | None = None) -> Layout:
    """The published layout for the source's articles; one uniform segment size when one is given."""
    if segment_articles:
        return Layout(0, 1, segment_articles)
    articles = sum(pq.ParquetFile(f).metadata.num_rows for f in files["articles"])
    input_bytes = duckdb.sql(f"SELECT coalesce(sum(size_bytes), 0) FROM {_read(files['documents'])}").fetchone()[0]
    settings = Settings()
    chunk = max(1, round(articles / max(1, len(files["articles"]))))
    merged = max(1, round(articles * settings.compact_target_bytes / max(1, input_bytes)))
    return Layout(settings.compact_max_small, chunk, merged)


def build_synthetic(source: Path, root: Path, articles: int = 1_000_000, *, tokens: bool = False,
                    segment_articles: int | None = None) -> Synthetic:
    """Replicate the source warehouse's rows into a new warehouse of `articles` articles under root."""
    t0 = time.perf_counter()
    files = source_files(source)
    layout = layout_of(files, segment_articles)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    con = duckdb.connect()
    try:
        replicas, segments = plan_replicas(con, files, articles, layout)
        syn = Synthetic(root, articles, replicas, segments)
        for table in BATCH_SCHEMAS:
            if table == "rejects" or (table == "tokens" and not tokens):
                # Rejects are per input file, tokens optional: one copy of the source's rows keeps the view.
                syn.rows[table] = copy_source(files[table], root / "tables" / table)
                continue
            syn.rows[table] = write_table(con, table, files[table], root)
    finally:
        con.close()
    shutil.rmtree(root / "staging", ignore_errors=True)
    finish_warehouse(source, root)
    syn.schema_mismatch = check_schemas(root)
    syn.seconds = time.perf_counter() - t0
    return syn


def copy_source(files: list[Path], target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, target / f.name)
    return sum(pq.ParquetFile(f).metadata.num_rows for f in files)


def parquet_views(con: duckdb.DuckDBPyConnection, by_table: dict[str, list[Path]]) -> None:
    for table, files in by_table.items():
        paths = ", ".join(sql_string(str(f.resolve())) for f in files)
        con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet([{paths}])")


def finish_warehouse(source: Path, root: Path) -> None:
    """People materialised and a dibao.duckdb of views over the synthetic files (plain files, not a lake:
    the queries read exactly what dibao.duckdb's views read in a published warehouse)."""
    by_table = {t: sorted((root / "tables" / t).glob("*.parquet")) for t in BATCH_SCHEMAS}
    people = root / "tables" / "people" / "people-synthetic.parquet"
    people.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        parquet_views(con, {t: by_table[t] for t in ("article_people", "articles")})
        pq.write_table(con.execute(PEOPLE_SQL.read_text(encoding="utf-8")).to_arrow_table().cast(PEOPLE_SCHEMA),
                       people, **PARQUET_OPTIONS)
    finally:
        con.close()
    by_table["people"] = [people]
    db = root / "dibao.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    try:
        parquet_views(con, by_table)
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
    finally:
        con.close()


@dataclass
class QueryTime:
    name: str
    rows: int
    first_s: float
    best_s: float
    error: str = ""


def query_files(folder: Path = QUERIES_DIR) -> list[Path]:
    return sorted(folder.glob("*.sql")) if folder.is_dir() else []


def time_query(db: Path, path: Path, repeats: int = QUERY_REPEATS, timeout: float = QUERY_TIMEOUT_S) -> QueryTime:
    """First and best of up to `repeats` runs, each on a fresh read-only connection (as a dashboard opens
    it); a slow query runs once, and one that passes `timeout` is interrupted and reported as such."""
    sql = path.read_text(encoding="utf-8")
    times, rows = [], 0
    for _ in range(repeats):
        con = duckdb.connect(str(db), read_only=True)
        timer = threading.Timer(timeout, con.interrupt)
        try:
            timer.start()
            t0 = time.perf_counter()
            rows = len(con.execute(sql).fetchall())
            times.append(time.perf_counter() - t0)
        except duckdb.InterruptException:
            return QueryTime(path.name, 0, timeout, timeout, f"interrupted after {timeout:.0f} s")
        except duckdb.Error as exc:
            return QueryTime(path.name, 0, 0.0, 0.0, f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
        finally:
            timer.cancel()
            con.close()
        if times[-1] > SLOW_S:
            break
    return QueryTime(path.name, rows, times[0], min(times))


def table_rows(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in ("articles", "people",
                "article_people", "meetings", "meeting_participants", "tokens") if n in names}
    finally:
        con.close()


def report_queries(source: Path, root: Path, articles: int, *, tokens: bool = False,
                   segment_articles: int | None = None, timeout: float = QUERY_TIMEOUT_S) -> dict:
    """Build the synthetic warehouse, time every query, print one line per query; returns the numbers."""
    queries = query_files()
    syn = build_synthetic(source, root, articles, tokens=tokens, segment_articles=segment_articles)
    counts = table_rows(root / "dibao.duckdb")
    print(f"{'synthetic':<12}{root}: {syn.articles:,} articles from {syn.replicas} replicas in {syn.segments} "
          f"segments, built in {syn.seconds:.0f} s; " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    if syn.schema_mismatch:
        print(f"{'':12}schemas differ from the declared ones for: {', '.join(syn.schema_mismatch)}")
    if not queries:
        print(f"{'queries':<12}none in {QUERIES_DIR} yet")
    out = []
    for q in queries:
        t = time_query(root / "dibao.duckdb", q, timeout=timeout)
        out.append(t)
        if t.error:
            print(f"{'query':<12}{t.name:<44} {t.error}")
            continue
        flag = "" if t.best_s <= INTERACTIVE_S else f"  (over {INTERACTIVE_S:.0f} s)"
        print(f"{'query':<12}{t.name:<44}{t.first_s:7.2f} s first {t.best_s:7.2f} s best {t.rows:>8,} rows{flag}")
    return {"synthetic": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(syn).items()} | {"views": counts},
            "queries": [vars(t) for t in out]}


def main(argv: list[str] | None = None) -> int:
    import argparse
    p = argparse.ArgumentParser(prog="python -m bench.queries", description="time warehouse/queries on a synthetic warehouse")
    p.add_argument("--source", type=Path, default=Path(__file__).resolve().parent / "out" / "warehouse")
    p.add_argument("--target", type=Path, default=Path(__file__).resolve().parent / "out" / "synthetic")
    p.add_argument("--articles", type=int, default=1_000_000)
    p.add_argument("--tokens", action="store_true", help="replicate the token table too (large)")
    p.add_argument("--segment-articles", type=int, default=None,
                   help="articles per segment file (default: as many as one batch of the source run)")
    p.add_argument("--timeout", type=float, default=QUERY_TIMEOUT_S, help="seconds before a query is interrupted")
    args = p.parse_args(argv)
    report_queries(args.source, args.target, args.articles, tokens=args.tokens, segment_articles=args.segment_articles,
                   timeout=args.timeout)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    raise SystemExit(main())
