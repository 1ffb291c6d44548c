"""The public interface: every view and column of ../shared/CONTRACT.md exists in a built warehouse."""
from __future__ import annotations

import re

import pytest

from tasks.batch import BATCH_SCHEMAS
from tests.conftest import SHARED

ROW = re.compile(r"^\|\s*`(\w+)`\s*\|(.+)\|\s*$")
COLUMN = re.compile(r"`(\w+)`")
ASIDE = re.compile(r"\([^)]*\)")  # "(`subject`, `reporter`…)" lists values, not columns


def contract_views() -> dict[str, list[str]]:
    views = {}
    for line in (SHARED / "CONTRACT.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            # A view may have several rows (the contract's later sections add columns to earlier views).
            views.setdefault(m.group(1), []).extend(COLUMN.findall(ASIDE.sub("", m.group(2))))
    return views


def test_contract_is_parsed():
    views = contract_views()
    assert {"documents", "rejects", "articles", "article_people", "people", "meetings",
            "meeting_participants", "tokens"} <= set(views)
    assert "published_date" in views["articles"]


@pytest.mark.parametrize("view", sorted(contract_views()))
def test_every_contract_view_has_its_columns(seed_db, view):
    columns = {r[0] for r in seed_db.execute(f"DESCRIBE {view}").fetchall()}
    missing = [c for c in contract_views()[view] if c not in columns]
    assert missing == []


def test_typed_columns(seed_db):
    types = {(t, r[0]): r[1] for t in ("articles", "article_people", "people", "meetings")
             for r in seed_db.execute(f"DESCRIBE {t}").fetchall()}
    assert types[("articles", "published_date")] == "DATE"
    assert types[("article_people", "titles")] == "VARCHAR[]"
    assert types[("article_people", "mentions")] == "INTEGER"
    assert types[("people", "titles")] == "VARCHAR[]"
    assert types[("meetings", "meeting_date")] == "DATE"


@pytest.mark.parametrize("table", sorted(BATCH_SCHEMAS))
def test_parquet_files_carry_the_declared_schema(seed_warehouse, seed_db, table):
    import pyarrow.parquet as pq
    from tests.helpers import data_files
    files = data_files(seed_warehouse, table)     # the lake's files (a table with no row has none)
    assert bool(files) == (seed_db.execute(f"select count(*) from {table}").fetchone()[0] > 0)
    for f in files:
        assert pq.read_schema(f).equals(BATCH_SCHEMAS[table])


def test_extra_views_exist(seed_db):
    names = {r[0] for r in seed_db.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert {"places", "organisations", "slogans", "runs", "meeting_people", "appearances"} <= names
