"""`dibao sql` is read-only for real (issue 13, items 1 and 2): the connection reads only the warehouse and
loads no extension, only one statement that reads gets through, and every column of a result is output.

A tiny warehouse (one Parquet segment and a view over it, as warehouse/build.py makes them) is enough; no
pipeline run is needed.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import sql
from tests.test_sql import dibao_sql


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_state(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): digest(p) for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def wh(tmp_path) -> Path:
    """<tmp>/wh: tables/articles/seg-0001.parquet (3 rows) and dibao.duckdb with a view reading it."""
    root = tmp_path / "wh"
    seg = root / "tables" / "articles" / "seg-0001.parquet"
    seg.parent.mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["a1", "a2", "a3"], "title": ["甲", "乙", "丙"],
                             "titles": [["区长"], [], ["区委书记", "区长"]]}), seg)
    con = duckdb.connect(str(root / "dibao.duckdb"))
    con.execute(f"CREATE VIEW articles AS SELECT * FROM read_parquet('{seg.resolve()}')")
    con.execute("CREATE VIEW people AS SELECT 'p1' AS person_id, '张三' AS name")
    con.close()
    return root


@pytest.fixture()
def outside(tmp_path) -> Path:
    """A folder beside the warehouse, with a file that must stay unreadable and where nothing may appear."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text("the-secret-text\n", encoding="utf-8")
    return folder


# ---------------------------------------------------------------- item 1: nothing written, nothing outside read


def test_explain_analyze_copy_writes_nothing(wh, outside, capsys):
    seg = wh / "tables" / "articles" / "seg-0001.parquet"
    before = tree_state(wh)
    for target in (seg, outside / "authorized_keys"):
        code, _, err = dibao_sql(capsys, "--warehouse", str(wh),
                                 f"EXPLAIN ANALYZE COPY (select 'ssh-ed25519 AAAA' as x) TO '{target}' (FORMAT parquet)")
        assert code == 1 and "refused" in err and "COPY" in err
    assert tree_state(wh) == before
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]
    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv", "select count(*) as n from articles")
    assert code == 0 and out.splitlines()[1] == "3"


@pytest.mark.parametrize("statement", [
    "EXPLAIN ANALYZE COPY (select 1) TO '{out}/x.csv'",
    "explain (analyze) copy (select 1) to '{out}/x.csv'",
    "/* a comment */ -- another\n EXPLAIN   ANALYSE\tCOPY (select 1) TO '{out}/x.csv'",
    "EXPLAIN ANALYZE INSTALL httpfs",
    "EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1",
    "EXPLAIN COPY (select 1) TO '{out}/x.csv'",
    "COPY (select 1) TO '{out}/x.csv'",
    "EXPORT DATABASE '{out}/dump'",
    "ATTACH '{out}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "RESET allowed_directories",
    "PRAGMA enable_profiling",
    "CALL pragma_version()",
    "PIVOT articles ON title",
    "CREATE SECRET s (TYPE s3)",
    "select 1; select 2",
    "select 1; COPY (select 1) TO '{out}/x.csv'",
])
def test_only_one_reading_statement_is_let_through(wh, outside, capsys, statement):
    before = tree_state(wh)
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), statement.format(out=outside))
    assert code == 1 and out == ""
    assert "refused" in err and "read-only" in err
    assert tree_state(wh) == before
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]


@pytest.mark.parametrize("statement", [
    "select * from query('COPY (select 1) TO ''{seg}'' (FORMAT parquet)')",
    "select * from query('EXPLAIN ANALYZE COPY (select 1) TO ''{seg}'' (FORMAT parquet)')",
    "select * from query_table('articles') ; ",
])
def test_a_select_cannot_smuggle_a_write(wh, capsys, statement):
    seg = wh / "tables" / "articles" / "seg-0001.parquet"
    before = tree_state(wh)
    dibao_sql(capsys, "--warehouse", str(wh), statement.format(seg=seg))
    assert tree_state(wh) == before


@pytest.mark.parametrize("statement", [
    "select title from articles order by article_id",
    "EXPLAIN select * from articles",
    "EXPLAIN ANALYZE select count(*) from articles",
    "-- what is there\nDESCRIBE articles",
    "SUMMARIZE articles",
    "SHOW TABLES",
    "FROM people",
    "WITH t AS (SELECT * FROM articles) SELECT count(*) FROM t;",
])
def test_reading_statements_still_run(wh, capsys, statement):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), statement)
    assert code == 0, err
    assert out.strip()


@pytest.mark.parametrize("query", [
    "select * from read_text('{out}/secret.txt')",
    "select * from read_csv('{out}/secret.txt')",
    "select * from read_text('/etc/passwd')",
    "select * from glob('/root/*')",
    "select * from glob('{out}/*')",
    "select * from read_text('{wh}/../outside/secret.txt')",
    "select * from read_csv('https://example.com/x.csv')",
])
def test_read_text_outside_warehouse_fails(wh, outside, capsys, query):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), query.format(out=outside, wh=wh))
    assert code == 1
    assert "the-secret-text" not in out and "secret.txt" not in out and "root:" not in out
    assert "disabled by configuration" in err and "SECURITY.md" in err


def test_files_inside_the_warehouse_are_readable(wh, capsys):
    seg = wh / "tables" / "articles" / "seg-0001.parquet"
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv",
                               f"select count(*) as n from read_parquet('{seg}')")
    assert code == 0 and out.splitlines() == ["n", "3"], err


def test_connection_is_locked_and_loads_no_extension(wh):
    con = sql.open_warehouse(wh)
    try:
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration',"
            " 'autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions')").fetchall())
        assert settings == {"enable_external_access": "false", "lock_configuration": "true",
                            "autoinstall_known_extensions": "false", "autoload_known_extensions": "false",
                            "allow_community_extensions": "false"}
        for statement in ("SET enable_external_access = true", "SET allowed_directories = ['/']",
                          "SET lock_configuration = false", "LOAD httpfs", "INSTALL httpfs"):
            with pytest.raises(duckdb.Error):
                con.execute(statement)
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE t AS SELECT 1")   # and the database itself is opened read-only
    finally:
        con.close()


def test_open_readonly_runs_prepare_before_the_lock(wh, outside):
    seen = []
    con = sql.open_readonly(wh / "dibao.duckdb", readable=[outside],
                            prepare=lambda c: seen.append(c.execute("SELECT current_setting('lock_configuration')").fetchone()[0]))
    try:
        assert seen == [False]
        assert con.execute(f"select * from read_text('{outside}/secret.txt')").fetchone()[1] == "the-secret-text\n"
    finally:
        con.close()


def test_report_reads_through_the_same_connection(wh, monkeypatch):
    from flows import report
    opened = []
    real = sql.open_readonly

    def spy(*args, **kwargs):
        opened.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(sql, "open_readonly", spy)
    report.open_for_query(str(wh), None).close()
    assert opened == [wh / "dibao.duckdb"]


# ---------------------------------------------------------------- item 2: every column, duplicate names included


def test_duplicate_column_names_kept(wh, tmp_path, capsys):
    query = "select 1 as a, 2 as a"
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), query)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["a", "a"] and lines[2].split() == ["1", "2"]

    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv", query)
    assert code == 0 and list(csv.reader(io.StringIO(out))) == [["a", "a"], ["1", "2"]]

    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "json", query)
    assert code == 0 and json.loads(out) == [{"a": 1, "a_1": 2}]

    target = tmp_path / "r.parquet"
    code, _, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "parquet", "--out", str(target), query)
    assert code == 0 and pq.read_table(target).to_pylist() == [{"a": 1, "a_1": 2}]


def test_same_name_from_two_tables_kept(wh, capsys):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv",
                               "select a.title, p.name, a.title from articles a, people p order by a.article_id")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["title", "name", "title"] and rows[1] == ["甲", "张三", "甲"]


def test_csv_writes_lists_as_json_and_null_as_empty(wh, capsys):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv",
                               "select article_id, titles, null as nothing, date '2022-11-13' as d "
                               "from articles order by article_id")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [json.loads(r["titles"]) for r in rows] == [["区长"], [], ["区委书记", "区长"]]
    assert {r["nothing"] for r in rows} == {""} and rows[0]["d"] == "2022-11-13"


def test_unique_names_follow_duckdb():
    assert sql.unique_names(["a", "a", "A", "a_1", "b"]) == ["a", "a_1", "A_2", "a_1_1", "b"]
