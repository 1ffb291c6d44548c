"""Reading the warehouse as of a run or a time, and reading it where dibao.duckdb cannot.

`dibao sql` and `dibao report` read dibao.duckdb when they can. They read the lake itself, with the same
views in an in-memory catalog, when asked for the past (--as-of RUN_ID or a time), for an s3:// warehouse,
and for a folder that was moved or copied since its dibao.duckdb was written (its views name the files of
the folder they were written in).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import duckdb

from warehouse.build import built_for, create_lake_views
from warehouse.lake import LAKE, LakeError, Location, attach, new_connection, open_lake, one_line

log = logging.getLogger(__name__)

RUN_ID = re.compile(r"^\d{8}T\d{6}-[0-9a-f]{6}$")
AS_OF_HINT = ("--as-of takes a run id (see: dibao sql \"select run_id, finished_at, snapshot from runs\") "
              "or a time such as 2026-03-01 or '2026-03-01 14:30:00+08'")


def needs_lake(warehouse: str) -> bool:
    """Whether dibao.duckdb cannot answer for this warehouse: s3://, or written for another folder."""
    loc = Location.parse(warehouse)
    if loc.s3:
        return True
    if not loc.catalog.is_file():
        return False    # nothing to read either way: dibao.duckdb's reader says what to do
    built = built_for(loc.duckdb_file)
    return built is None or Path(built[0]) != loc.root


def resolve_as_of(con: duckdb.DuckDBPyConnection, as_of: str) -> dict:
    """The attach option for --as-of: the snapshot a run committed, or a point in time."""
    text = as_of.strip()
    row = con.execute(f"SELECT snapshot, status FROM {LAKE}.runs WHERE run_id = ?", [text]).fetchone()
    if row is not None:
        if row[0] is None:
            raise LakeError(f"run {text} {row[1]} and published nothing", AS_OF_HINT)
        return {"snapshot": int(row[0])}
    if RUN_ID.match(text):
        raise LakeError(f"no run {text} in this warehouse", AS_OF_HINT)
    try:
        when = con.execute("SELECT CAST(? AS TIMESTAMPTZ)", [text]).fetchone()[0]
    except duckdb.Error:
        raise LakeError(f"--as-of {text!r} is neither a run id of this warehouse nor a time", AS_OF_HINT) from None
    return {"snapshot_time": when.isoformat()}


def open_snapshot(warehouse: str, as_of: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory connection whose views (documents, articles, people, runs, …) read the lake as of
    `as_of` (a run id or a time; None: now). Read-only, and it can reach no file outside the warehouse."""
    loc = Location.parse(warehouse)
    con = open_lake(loc, read_only=True)
    try:
        if as_of is not None:
            option = resolve_as_of(con, as_of)
            con.execute(f"DETACH {LAKE}")
            try:
                attach(con, loc, read_only=True, **option)
            except LakeError as exc:
                raise LakeError(f"the warehouse has no snapshot for --as-of {as_of}: {exc.message}",
                                "snapshots are kept for DIBAO_SNAPSHOT_RETENTION_DAYS (7 by default) and "
                                "begin with the first run") from None
        create_lake_views(con)
        if not loc.s3:
            con.execute("SET allowed_directories = ?", [[str(loc.root) + "/"]])
            con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        return con
    except duckdb.Error as exc:
        con.close()
        raise LakeError(f"cannot read the warehouse {warehouse}: {one_line(exc)}") from exc
    except BaseException:
        con.close()
        raise


__all__ = ["LakeError", "needs_lake", "open_snapshot", "resolve_as_of", "new_connection"]
