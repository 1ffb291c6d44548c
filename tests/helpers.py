"""Test helpers: build input folders and compare warehouses row by row."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tasks.articles import ArticleDraft, split_articles
from tasks.clean import clean_page
from tasks.normalise import normalise_page
from tests.conftest import SEEDS, SHARED

# Columns that say when something happened, not what it is: two equal warehouses may differ here.
CLOCK_COLUMNS = {"ingested_at", "seen_at"}
COMPARED = ["documents", "rejects", "articles", "article_people", "people", "meetings", "meeting_participants",
            "places", "organisations", "slogans", "tokens"]


def pipeline(raw: str) -> list[ArticleDraft]:
    """A raw page through clean, normalise and split: its articles, as a run makes them."""
    return split_articles(normalise_page(clean_page(raw))[0])


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.iterdir():
        shutil.copy(p, target / p.name)
    return target


def add_eval_pages(target: Path, folder: str, limit: int | None = None) -> list[str]:
    """Copy some eval pages (without their manifest) into a subfolder; returns their relative paths."""
    sub = target / folder
    sub.mkdir(parents=True, exist_ok=True)
    names = []
    pages = [p for p in sorted((SHARED / "eval" / folder).iterdir()) if p.name != "manifest.csv"]
    for p in pages[:limit]:
        shutil.copy(p, sub / p.name)
        names.append(f"{folder}/{p.name}")
    return names


def snapshot_rows(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every compared view, sorted, clock columns left out."""
    con = duckdb.connect(str(warehouse / "dibao.duckdb"), read_only=True)
    try:
        return rows_of(con)
    finally:
        con.close()


def rows_of(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """snapshot_rows over any connection that has the warehouse's views."""
    out = {}
    for view in COMPARED:
        cols = [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall() if r[0] not in CLOCK_COLUMNS]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM {view}").fetchall()
        out[view] = sorted(rows, key=repr)
    return out


def lake_query(warehouse: Path, sql: str, *params) -> list[tuple]:
    """Rows of a query on the warehouse's lake itself (tables `lake.<name>`, DuckLake's functions)."""
    from warehouse.lake import Location, open_lake
    con = open_lake(Location.parse(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def data_files(warehouse: Path, table: str) -> list[str]:
    """The data files of a table in the lake's current snapshot."""
    return [r[0] for r in lake_query(warehouse, "SELECT data_file FROM ducklake_list_files('lake', ?)", table)]
