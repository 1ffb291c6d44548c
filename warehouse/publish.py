"""Publishing a run into the lake: one DuckLake transaction over every table (see warehouse/store.py).

A reader sees the previous snapshot or the new one, never a mix. After the commit, DuckLake's own
maintenance runs (rewrite of files that lost rows, merge of small files, expiry of snapshots older than
the retention, deletion of files no snapshot needs), then dibao.duckdb is rebuilt over the new snapshot.
Each maintenance step is a transaction of its own that changes no row, so a crash during it leaves the
published snapshot as it was.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from tasks.tables import BATCH_SCHEMAS, REJECTS_SCHEMA
from warehouse.build import (
    LAKE_SCHEMAS, PEOPLE_SQL, RUNS_SCHEMA, all_files, build_database, built_for, lake_columns, quote_name,
)
from warehouse.compact import tables_to_merge
from warehouse.lake import LAKE, LakeError, Location, close_lake, current_snapshot, one_line, open_lake, sql_string
from warehouse.store import DocState

log = logging.getLogger(__name__)

TABLES = list(BATCH_SCHEMAS)
REPAIR_HINT = ("restore the warehouse folder from a backup, or rebuild its rows from the input with "
               "dibao run --full-refresh (which reads no old data file)")
# Touched right after a publish commits, when set: for monitoring, and for the crash tests' timing.
COMMITTED_MARKER = "DIBAO_COMMITTED_MARKER"
COUNTED = ("documents", "rejects", "articles", "article_people", "people", "meetings", "meeting_participants",
           "places", "organisations", "slogans", "tokens")


@dataclass
class LakeState:
    """What the last snapshot says: the documents it holds and the rejects found before reading."""
    snapshot: int | None = None
    version: str = ""                                          # pipeline version of the last completed run
    docs: dict[str, DocState] = field(default_factory=dict)
    discovery_rejects: pa.Table | None = None                  # rejects of files that were never read
    owners: dict[str, str | None] = field(default_factory=dict)    # doc id -> its source (None: before sources)
    versions: dict[str, str | None] = field(default_factory=dict)  # doc id -> pipeline version it was read with


@dataclass
class Staged:
    """One worker chunk: the data file written for each table, and the documents it holds."""
    files: dict[str, str]
    docs: dict[str, DocState]


@dataclass
class Published:
    snapshot: int
    counts: dict[str, int]     # rows per table; people_named: people named in an article's text (the report's count)
    upkeep_error: str = ""     # the upkeep after the commit failed (the next run does it): why
    rejects: tuple[tuple[str, str], ...] = ()   # (path, reason) of every file now rejected, by path


@dataclass(frozen=True)
class Upkeep:
    retention_days: float = 7.0
    merge_target: int = 32 * 1024 * 1024
    merge_max_small: int = 128


def key_column(table: str) -> str:
    return "path" if table == "rejects" else "doc_id"


def duckdb_types(con: duckdb.DuckDBPyConnection, schema: pa.Schema) -> list[tuple[str, str]]:
    empty = schema.empty_table()   # noqa: F841 (read by the query below, by name)
    return [(r[0], r[1]) for r in con.execute("DESCRIBE SELECT * FROM empty").fetchall()]


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and add columns the declared schemas gained (one transaction)."""
    existing = {t: {n for n, _ in cols} for t, cols in lake_columns(con).items()}
    statements = []
    for table, schema in LAKE_SCHEMAS.items():
        if set(schema.names) <= existing.get(table, set()):
            continue
        columns = duckdb_types(con, schema)
        if table not in existing:
            cols = ", ".join(f"{quote_name(n)} {t}" for n, t in columns)
            statements.append(f"CREATE TABLE {LAKE}.{quote_name(table)} ({cols})")
            continue
        statements += [f"ALTER TABLE {LAKE}.{quote_name(table)} ADD COLUMN {quote_name(n)} {t}"
                       for n, t in columns if n not in existing[table]]
    if statements:
        con.execute("BEGIN")
        for s in statements:
            con.execute(s)
        con.execute("COMMIT")


def load_state(loc: Location, *, verify: bool = True) -> LakeState:
    """Open (or create) the lake, delete files that dead runs left unregistered, check the data files
    changed since dibao last wrote the warehouse, and read its state."""
    con = open_lake(loc, read_only=False, shared=True)
    try:
        ensure_tables(con)
        # Only the lock holder writes data files, and it has registered all of its own: any unregistered
        # file under data/ is from a run that died (kill -9, full disk) and can never become visible.
        con.execute(f"CALL ducklake_delete_orphaned_files({sql_string(LAKE)}, cleanup_all => true)")
        state = LakeState(snapshot=current_snapshot(con))
        if verify and not loc.s3:
            check_changed_files(con, loc, state.snapshot)
        for doc, sha, size, mtime in con.execute(f"SELECT doc_id, sha256, size, mtime_ns FROM {LAKE}.file_state").fetchall():
            state.docs[doc] = DocState(sha, size, mtime)
        row = con.execute(f"SELECT pipeline_version FROM {LAKE}.runs WHERE status = 'completed' "
                          "ORDER BY finished_at DESC LIMIT 1").fetchone()
        state.version = row[0] if row else ""
        rejects = con.execute(f"SELECT * FROM {LAKE}.rejects ORDER BY path").to_arrow_table().cast(REJECTS_SCHEMA)
        read = pa.array(list(state.docs), pa.string())
        state.discovery_rejects = rejects.filter(pc.invert(pc.is_in(rejects["path"], value_set=read)))
        state.owners, state.versions = owners_of(con, state.docs)
        return state
    finally:
        close_lake(con)


def owners_of(con: duckdb.DuckDBPyConnection, docs: dict[str, DocState]
              ) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(doc id -> source name, doc id -> pipeline version) of every document the lake remembers: a run plans
    against its own source's documents only (tasks/plan.py)."""
    owners: dict[str, str | None] = dict.fromkeys(docs)
    for path, source in con.execute(f"SELECT path, source_name FROM {LAKE}.rejects").fetchall():
        if path in owners:
            owners[path] = source
    versions: dict[str, str | None] = {}
    for doc, source, version in con.execute(f"SELECT doc_id, source_name, pipeline_version FROM {LAKE}.documents").fetchall():
        if doc in owners:
            owners[doc] = source
        versions[doc] = version
    return owners, versions


def check_changed_files(con: duckdb.DuckDBPyConnection, loc: Location, snapshot: int) -> None:
    """Read whole every data file modified after the last publish's upkeep (nothing of dibao's writes a
    data file after that): a file damaged on disk stops the run with its name, instead of a run that
    completes over a warehouse whose queries fail. Costs a stat per file when nothing was touched."""
    info = built_for(loc.duckdb_file)
    if info is None:
        return
    built = info[2].timestamp()
    for table, listed in all_files(con, snapshot).items():
        for data_file, delete_file, _ in listed:
            for path in filter(None, (data_file, delete_file)):
                try:
                    touched = os.stat(path).st_mtime > built
                except FileNotFoundError:
                    raise LakeError(f"data file {path} of table {table} is missing",
                                    REPAIR_HINT) from None
                if touched:
                    try:
                        con.execute(f"SELECT sum(hash(COLUMNS(*))) FROM read_parquet({sql_string(path)})").fetchall()
                    except duckdb.Error as exc:
                        raise LakeError(f"data file {path} of table {table} was changed after dibao wrote it "
                                        f"and no longer reads ({one_line(exc)[:200]})", REPAIR_HINT) from None


def same_rejects(a: pa.Table | None, b: pa.Table) -> bool:
    if a is None:
        return b.num_rows == 0
    cols = ["path", "reason"]
    return a.select(cols).to_pylist() == b.select(cols).to_pylist()


def publish(loc: Location, state: LakeState, staged: list[Staged], *, removed: set[str],
            discovery_rejects: pa.Table, run_row: dict, upkeep: Upkeep = Upkeep()) -> Published:
    """Commit a run as one lake transaction: drop the removed documents' rows, register the staged files,
    replace the discovery rejects, recompute people, and add the run's row with its snapshot id. Then the
    upkeep and dibao.duckdb, on the same connection; their failure cannot undo the commit."""
    con = open_lake(loc, read_only=False, shared=True)
    try:
        published = _publish(con, state, staged, removed, discovery_rejects, run_row)
        try:
            published.snapshot = _maintain(con, loc, upkeep)
        except (duckdb.Error, OSError) as exc:   # e.g. a full disk: dibao.duckdb stays the previous one
            published.upkeep_error = one_line(exc)[:300]
            log.warning("run %s is published, but the upkeep after it did not finish (the next run does it): %s",
                        run_row.get("run_id"), published.upkeep_error)
        return published
    finally:
        close_lake(con)


def _publish(con, state, staged, removed, discovery_rejects, run_row) -> Published:
    fresh = {d: s for chunk in staged for d, s in chunk.docs.items()}
    file_rows = pa.table({"doc_id": list(fresh), "sha256": [s.sha256 for s in fresh.values()],
                          "size": [s.size for s in fresh.values()], "mtime_ns": [s.mtime_ns for s in fresh.values()]},
                         schema=LAKE_SCHEMAS["file_state"])
    everything = bool(removed) and set(state.docs) <= removed
    rejects_changed = everything or not same_rejects(state.discovery_rejects, discovery_rejects)
    changed = bool(removed or staged or rejects_changed)
    insert_files, insert_rejects = file_rows.num_rows > 0, rejects_changed and discovery_rejects.num_rows > 0
    # Registering an Arrow table costs ~6 ms: a run that inserts none of these rows registers nothing.
    if insert_files:
        con.register("dibao_file_rows", file_rows)
    if insert_rejects:
        con.register("dibao_discovery_rejects", discovery_rejects)
    con.execute(f"USE {LAKE}")
    before = current_snapshot(con)
    con.execute("BEGIN")
    try:
        if everything:   # a full refresh drops whole files without reading them (a damaged one too)
            for table in [*TABLES, "file_state"]:
                con.execute(f"DELETE FROM {quote_name(table)}")
        elif removed:
            for table in [*TABLES, "file_state"]:
                key = "doc_id" if table == "file_state" else key_column(table)
                con.execute(f"DELETE FROM {quote_name(table)} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))",
                            [sorted(removed)])
        if rejects_changed and not everything and state.discovery_rejects is not None \
                and state.discovery_rejects.num_rows:
            con.execute("DELETE FROM rejects WHERE path IN (SELECT unnest(?::VARCHAR[]))",
                        [state.discovery_rejects["path"].to_pylist()])
        if insert_rejects:
            con.execute("INSERT INTO rejects SELECT * FROM dibao_discovery_rejects")
        for chunk in staged:
            for table, url in chunk.files.items():
                con.execute(f"CALL ducklake_add_data_files({sql_string(LAKE)}, ?, ?, allow_missing => true)",
                            [table, url])
        if insert_files:
            con.execute("INSERT INTO file_state SELECT * FROM dibao_file_rows")
        if changed:
            con.execute("DELETE FROM people")
            con.execute("INSERT INTO people " + PEOPLE_SQL.read_text(encoding="utf-8"))
        counts = table_counts(con)
        rejected = tuple(con.execute("SELECT path, reason FROM rejects ORDER BY path").fetchall())
        row = dict(run_row, rejects=counts["rejects"], articles=counts["articles"], tokens=counts["tokens"],
                   finished_at=datetime.now(timezone.utc), snapshot=before + 1)
        insert_run(con, row)
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:   # the failed COMMIT ended the transaction already: keep its own error
            log.debug("nothing to roll back", exc_info=True)
        raise
    if os.environ.get(COMMITTED_MARKER):
        with open(os.environ[COMMITTED_MARKER], "a", encoding="utf-8") as fh:
            fh.write(f"{before + 1}\n")
    snapshot = current_snapshot(con)
    if snapshot != before + 1:   # one writer holds the lock, so nothing else can commit in between
        log.warning("run %s committed snapshot %s, recorded as %s", run_row.get("run_id"), snapshot, before + 1)
    return Published(snapshot, counts, rejects=rejected)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of every COUNTED table, and the distinct people named as subjects, in one query (one catalog
    round trip instead of twelve: ~15 ms of every run)."""
    named = "SELECT count(DISTINCT person_id) FROM article_people WHERE role = 'subject'"
    parts = [f"(SELECT count(*) FROM {quote_name(t)})" for t in COUNTED] + [f"({named})"]
    row = con.execute("SELECT " + ", ".join(parts)).fetchone()
    return dict(zip([*COUNTED, "people_named"], row))


def insert_run(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    names = RUNS_SCHEMA.names
    con.execute(f"INSERT INTO {LAKE}.runs ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row.get(n) for n in names])


def record_failed_run(loc: Location, row: dict) -> None:
    """A failed run's row, in a transaction of its own (its data was never committed)."""
    con = open_lake(loc, read_only=False, shared=True)
    try:
        insert_run(con, dict(row, snapshot=None))
    finally:
        close_lake(con)


def maintain(loc: Location, upkeep: Upkeep = Upkeep()) -> int:
    """DuckLake's own upkeep, then dibao.duckdb over the current snapshot; returns the snapshot."""
    con = open_lake(loc, read_only=False, shared=True)
    try:
        return _maintain(con, loc, upkeep)
    finally:
        close_lake(con)


def _maintain(con: duckdb.DuckDBPyConnection, loc: Location, upkeep: Upkeep) -> int:
    snapshot = current_snapshot(con)
    files = all_files(con, snapshot)
    rewritten = [t for t, listed in files.items() if any(d for _, d, _ in listed)]
    for table in rewritten:   # rows were deleted: rewrite those files without them
        con.execute(f"CALL ducklake_rewrite_data_files({sql_string(LAKE)}, ?, delete_threshold => 0)", [table])
    sizes = {t: [size for _, _, size in listed] for t, listed in files.items()}
    merged = tables_to_merge(sizes, target=upkeep.merge_target, max_small=upkeep.merge_max_small)
    for table in merged:
        con.execute(f"CALL ducklake_merge_adjacent_files({sql_string(LAKE)}, ?, max_file_size => ?)",
                    [table, upkeep.merge_target])
    older = f"now() - INTERVAL {float(upkeep.retention_days) * 86400:.0f} SECOND"
    con.execute(f"CALL ducklake_expire_snapshots({sql_string(LAKE)}, older_than => {older})")
    con.execute(f"CALL ducklake_cleanup_old_files({sql_string(LAKE)}, cleanup_all => true)")
    snapshot = current_snapshot(con)
    if not loc.s3:
        # Expiry and cleanup never touch the current snapshot's files: the listing is listed again only
        # when a rewrite or merge made a new snapshot (~15 ms of every run that changes nothing).
        build_database(loc, con, snapshot, files=None if rewritten or merged else files)
    return snapshot


def rebuild_views(loc: Location) -> None:
    """dibao.duckdb over the current snapshot (after a failed run, so that `runs` shows it)."""
    if loc.s3:
        return
    info = built_for(loc.duckdb_file)
    con = open_lake(loc, read_only=True, shared=True)
    try:   # a failed run checked nothing new: the files are known good only through the last upkeep
        build_database(loc, con, current_snapshot(con), checked_at=info[2] if info else None)
    finally:
        close_lake(con)
