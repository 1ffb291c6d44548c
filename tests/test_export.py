"""`dibao export --sqlite`: every exported view with the warehouse's row counts and values, list columns as
JSON, Chinese full-text search that finds words inside longer words and extracted names, metadata.json
from the data dictionary, and Datasette serving it (search and facets) on a loopback port."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from flows import export
from flows.serve import free_port
from tests.conftest import run_dibao
from warehouse.dictionary import description

DATASETTE = Path(sys.executable).parent / "datasette"


@pytest.fixture(scope="module")
def exported(seed_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "dibao.sqlite"
    proc = run_dibao("export", "--warehouse", str(seed_warehouse), "--sqlite", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "datasette" in proc.stdout
    con = sqlite3.connect(out)
    yield out, con
    con.close()


def test_every_view_has_the_warehouse_row_count(exported, seed_db):
    _, con = exported
    for view in export.EXPORTED:
        assert con.execute(f'select count(*) from "{view}"').fetchone() == seed_db.execute(
            f"select count(*) from {view}").fetchone(), view


def test_values_survive_lists_as_json_dates_as_iso(exported, seed_db):
    _, con = exported
    want = sorted(seed_db.execute("select person_id, titles, roles, first_seen, article_count from people").fetchall())
    got = sorted((p, json.loads(t), json.loads(r), f, n) for p, t, r, f, n in
                 con.execute("select person_id, titles, roles, first_seen, article_count from people"))
    assert got == [(p, t, r, f.isoformat() if f else None, n) for p, t, r, f, n in want]
    types = {r[1]: r[2] for r in con.execute("pragma table_info(articles)")}
    assert types["char_count"] == "INTEGER" and types["published_date"] == "TEXT" and types["title"] == "TEXT"


def fts_hits(con: sqlite3.Connection, word: str) -> set[str]:
    return {r[0] for r in con.execute(
        "select article_id from articles where rowid in (select rowid from articles_fts where articles_fts match ?)",
        [f'"{word}"'])}


def test_search_finds_a_word_inside_longer_words(exported):
    _, con = exported
    # 疫情 is written mostly inside 疫情防控 / 新冠肺炎疫情, where unicode61 alone would never find it.
    having = {r[0] for r in con.execute("select article_id from articles where title || body like '%疫情%'")}
    assert len(having) > 5 and fts_hits(con, "疫情") == having


def test_search_finds_every_person_named_as_subject(exported):
    _, con = exported
    for article_id, name in con.execute("select article_id, name from article_people where role = 'subject'"):
        assert article_id in fts_hits(con, name), name


def test_metadata_describes_tables_columns_facets_and_search(exported):
    out, con = exported
    meta = json.loads((out.parent / "metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"][out.stem]["tables"]
    assert set(export.EXPORTED) <= set(tables)
    for view in export.EXPORTED:
        assert tables[view]["description"], view
        for column in (r[1] for r in con.execute(f'pragma table_info("{view}")')):
            assert tables[view]["columns"].get(column) == description(view, column), (view, column)
    assert tables["articles"]["fts_table"] == "articles_fts" and tables["articles"]["fts_pk"] == "rowid"


def test_existing_metadata_for_other_databases_is_kept(tmp_path):
    path = tmp_path / "metadata.json"
    path.write_text(json.dumps({"title": "mine", "databases": {"other": {"tables": {}}}}), encoding="utf-8")
    merged = export.merge_metadata(path, {"title": "dibao", "databases": {"dibao": {"tables": {}}}})
    assert merged["title"] == "mine" and set(merged["databases"]) == {"other", "dibao"}
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(export.ExportError, match="move it away"):
        export.merge_metadata(path, {"databases": {}})


def test_missing_warehouse_is_one_clear_line(tmp_path):
    proc = run_dibao("export", "--warehouse", str(tmp_path / "none"), "--sqlite", str(tmp_path / "x.sqlite"))
    assert proc.returncode == 1 and "dibao run --warehouse" in proc.stderr
    assert not (tmp_path / "x.sqlite").exists()


def test_sqlite_types_and_expressions():
    assert export.sqlite_type("BIGINT") == "INTEGER" and export.sqlite_type("DOUBLE") == "REAL"
    assert export.sqlite_type("DATE") == "TEXT" and export.sqlite_type("VARCHAR[]") == "TEXT"
    assert export.select_expression("titles", "VARCHAR[]") == 'to_json("titles")::VARCHAR'
    assert export.select_expression("d", "DATE") == '"d"::VARCHAR'
    assert export.select_expression("n", "INTEGER") == '"n"'
    assert export.search_text(["疫情", " ", "防控"], ["张三"]) == "疫情 防控 张三"


def get_json(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_datasette_serves_search_and_facets(exported, tmp_path):
    out, _ = exported
    port = free_port()
    log = open(tmp_path / "datasette.log", "wb")
    proc = subprocess.Popen([str(DATASETTE), str(out), "--metadata", str(out.parent / "metadata.json"),
                             "-h", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/{out.stem}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get_json(f"{base}.json")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "datasette.log").read_text()
                time.sleep(0.3)
        hits = get_json(f"{base}/articles.json?_shape=array&_col=title&_search=" + urllib.parse.quote("疫情"))
        assert hits and all("rowid" in h for h in hits)
        people = get_json(f"{base}/people.json?_size=0&_facet=region&_facet_array=titles")
        assert {"region", "titles"} <= set(people["facet_results"])
        assert people["facet_results"]["region"]["results"]
        page = urllib.request.urlopen(f"{base}/articles", timeout=10).read().decode()
        assert "One row per article" in page  # the table's description from metadata.json
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def test_skip_leaves_a_table_out_of_the_file_and_the_metadata(seed_warehouse, tmp_path):
    out = tmp_path / "small.sqlite"
    proc = run_dibao("export", "--warehouse", str(seed_warehouse), "--sqlite", str(out), "--skip", "tokens")
    assert proc.returncode == 0, proc.stderr
    con = sqlite3.connect(out)
    try:
        names = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    finally:
        con.close()
    assert "tokens" not in names and {"articles", "articles_fts", "people"} <= names
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert "tokens" not in meta["databases"]["small"]["tables"]
