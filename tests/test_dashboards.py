"""The recipes of docs/dashboards.md, run as written with the clients the dev dependencies install:
the DuckDB CLI (PyPI `duckdb-cli`) and SQLAlchemy with duckdb-engine. Datasette over `dibao export` is run
by tests/test_export.py."""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def test_duckdb_cli_reads_the_warehouse_read_only(seed_warehouse, seed_db):
    db = str(seed_warehouse / "dibao.duckdb")
    proc = subprocess.run([str(BIN / "duckdb"), "-readonly", "-json", db, "-c",
                           "select name, titles from people order by article_count desc, name limit 3"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    want = seed_db.execute("select name, titles from people order by article_count desc, name limit 3").fetchall()
    assert [(r["name"], r["titles"]) for r in rows] == [(n, t) for n, t in want]


@pytest.fixture()
def engine(seed_warehouse):
    import sqlalchemy as sa
    eng = sa.create_engine(f"duckdb:///{seed_warehouse / 'dibao.duckdb'}", connect_args={"read_only": True})
    yield eng
    eng.dispose()


def test_sqlalchemy_lists_views_and_runs_queries(engine, seed_warehouse):
    import duckdb
    import sqlalchemy as sa
    query = "select name, array_to_string(titles, '、') as titles from people order by article_count desc, name limit 3"
    # Closed before the engine connects: DuckDB refuses a second in-process connection with other settings.
    with duckdb.connect(str(seed_warehouse / "dibao.duckdb"), read_only=True) as con:
        want = con.execute(query).fetchall()
    insp = sa.inspect(engine)
    assert {"articles", "people", "meetings", "meeting_people", "appearances"} <= set(insp.get_view_names())
    with engine.connect() as con:
        got = con.execute(sa.text(query)).fetchall()
    assert [tuple(r) for r in got] == want


def test_sqlalchemy_reflects_list_columns_as_null_type(engine):
    """What docs/dashboards.md warns about: duckdb-engine has no SQLAlchemy type for VARCHAR[]."""
    import sqlalchemy as sa
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # "Did not recognize type": the very point of this test
        types = {c["name"]: c["type"] for c in sa.inspect(engine).get_columns("people")}
    assert isinstance(types["titles"], sa.types.NullType)
    assert isinstance(types["article_count"], sa.Integer) and isinstance(types["first_seen"], sa.Date)


def test_sqlalchemy_primary_key_reflection_matches_the_documented_versions(engine):
    """docs/dashboards.md: duckdb-engine 0.17.0 reflects keys with SQLAlchemy 2.0.36-2.0.54 and fails with
    2.0.55 and later (Prefect's cap keeps dibao's own environment below 2.1, where column reflection fails
    too). Superset reflects keys when a dataset is added, so its environment needs the working range."""
    import sqlalchemy as sa
    from sqlalchemy.exc import ProgrammingError
    version = tuple(int(p) for p in sa.__version__.split(".")[:3])
    if version < (2, 0, 55):
        assert sa.inspect(engine).get_pk_constraint("people")["constrained_columns"] == []
    else:
        with pytest.raises(ProgrammingError, match="REGCLASS"):
            sa.inspect(engine).get_pk_constraint("people")
