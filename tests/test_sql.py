"""`dibao sql` and the example queries under warehouse/queries/.

Real data: the seeds plus ../shared/eval/xwlb, built once per session (test_report.py reuses it).
Synthetic data: a warehouse of declared-schema tables with hundreds of meetings, so the meeting
queries are checked whatever the extractors find today.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows import sql
from tasks.batch import BATCH_SCHEMAS
from tests.conftest import SEEDS, SHARED, run_dibao
from warehouse.build import PEOPLE_SCHEMA, PEOPLE_SQL, RUNS_SCHEMA, VIEWS_SQL

XWLB = SHARED / "eval" / "xwlb"
QUERIES = sql.example_queries()


# ---------------------------------------------------------------- warehouses (shared with test_report.py)


def combined_input(dest: Path) -> Path:
    """seeds/ and eval/xwlb/ in one folder, their manifests merged (one header)."""
    dest.mkdir(parents=True, exist_ok=True)
    manifests = []
    for folder in (SEEDS, XWLB):
        for f in sorted(folder.iterdir()):
            if f.name == "manifest.csv":
                manifests.append(f.read_text(encoding="utf-8").strip().splitlines())
            elif f.is_file():
                shutil.copy2(f, dest / f.name)
    lines = manifests[0] + [line for m in manifests[1:] for line in m[1:]]
    (dest / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def combined_warehouse(tmp_path_factory) -> Path:
    """Build the seeds+xwlb warehouse once per session; later callers get the same folder."""
    base = tmp_path_factory.getbasetemp()
    wh = base / "wh_seeds_xwlb"
    if not (wh / "dibao.duckdb").exists():
        src = combined_input(base / "in_seeds_xwlb")
        proc = run_dibao("run", "--input", str(src), "--warehouse", str(wh),
                         env={"PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return wh


SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡"
GIVEN = ["伟", "芳", "建国", "敏", "静", "立新", "强", "磊", "军", "洋", "海燕", "志刚"]
PLACES = "东西南北中"
TITLES = [["区委书记"], ["区长"], ["副区长"], ["区委常委", "常务副区长"], ["县委书记"], ["县长"]]
KINDS = ["meeting", "symposium", "inspection", "talks"]
ROLES = ["chair", "speaker", "attendee", "attendee"]
SLOGANS = [f"{n}个{w}" for n in "两三四五六" for w in ("坚持", "确保", "必须", "聚焦", "统筹")]


def _rows(schema: pa.Schema, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist([{f.name: r.get(f.name) for f in schema} for r in rows], schema=schema)


def synthetic_tables(articles: int, seed: int = 7) -> dict[str, pa.Table]:
    """Declared-schema tables for `articles` articles, each reporting meetings with known participants."""
    rng = random.Random(seed)
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    regions = [f"{p}{s}{k}" for p in PLACES for s in "山河湖" for k in ("区", "县")][:max(2, articles // 20)]
    people = [(f"{s}{g}", rng.choice(regions)) for s in SURNAMES for g in GIVEN][:max(6, articles)]
    t: dict[str, list[dict]] = {name: [] for name in BATCH_SCHEMAS}
    for i in range(articles):
        doc, aid, region = f"page{i:04d}.txt", f"a{i:05d}", regions[i % len(regions)]
        day = date(2021, 1, 4) + timedelta(days=(i * 37) % 1100)
        cast = [p for p in people if p[1] == region] or people[:3]
        named = rng.sample(cast, min(len(cast), 4))
        body = ("召开会议研究部署疫情防控工作。" if i % 3 == 0 else "召开会议研究部署经济工作。") * 5
        t["documents"].append(dict(doc_id=doc, sha256="0" * 64, encoding="utf-8", script="simplified",
                                   char_count=len(body), size_bytes=3 * len(body), article_count=1,
                                   published=day.isoformat(), source="某某日报", region=region,
                                   pipeline_version="test", ingested_at=now))
        t["articles"].append(dict(article_id=aid, doc_id=doc, seq=0, title=f"{region}召开第{i}次工作会议",
                                  source=["某某日报", "某某晚报", None][i % 3], region=region, published_date=day,
                                  body=body, char_count=len(body), title_from_lead=False))
        for k, (name, home) in enumerate(named):
            pid = f"{name}@{home}"
            t["article_people"].append(dict(article_id=aid, person_id=pid, name=name, region=home, doc_id=doc,
                                            titles=TITLES[(i // 40 + k) % len(TITLES)], role="subject", mentions=k + 1))
        for m in range(1 + i % 2):
            mid = f"m{i:05d}-{m}"
            t["meetings"].append(dict(meeting_id=mid, article_id=aid, kind=KINDS[(i + m) % 4], name=f"第{i}次工作会议",
                                      meeting_date=day - timedelta(days=m), region=region, doc_id=doc,
                                      format="电视电话会议" if m else None))
            for k, (name, home) in enumerate(named):
                t["meeting_participants"].append(dict(meeting_id=mid, person_id=f"{name}@{home}", name=name,
                                                      role=ROLES[k % 4], doc_id=doc))
        for s in rng.sample(SLOGANS, 3):
            t["slogans"].append(dict(article_id=aid, name=s, kind="numbered", count=rng.randint(1, 3), doc_id=doc))
        t["places"].append(dict(article_id=aid, name=region, kind="district", count=2, doc_id=doc))
        t["organisations"].append(dict(article_id=aid, name=f"{region}委", kind="party", count=1, doc_id=doc))
        t["tokens"].append(dict(article_id=aid, position=0, token="会议", pos="n", field="title", doc_id=doc))
    tables = {name: _rows(BATCH_SCHEMAS[name], rows) for name, rows in t.items()}
    tables["runs"] = _rows(RUNS_SCHEMA, [dict(run_id="test-run", started_at=now, finished_at=now, status="completed",
                                              input_dir="synthetic", runner="thread", pipeline_version="test",
                                              documents_seen=articles, articles=articles, seconds=0.1, message="")])
    return tables


def synthetic_warehouse(root: Path, articles: int, seed: int = 7) -> Path:
    """<root>/dibao.duckdb holding the synthetic tables, the people aggregate and the derived views."""
    root.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(root / "dibao.duckdb"))
    try:
        for name, table in synthetic_tables(articles, seed).items():
            con.register("src", table)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM src")
            con.unregister("src")
        people = sql.to_arrow(con.execute(PEOPLE_SQL.read_text(encoding="utf-8"))).cast(PEOPLE_SCHEMA)
        con.register("src", people)
        con.execute("CREATE TABLE people AS SELECT * FROM src")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
    finally:
        con.close()
    return root


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    return combined_warehouse(tmp_path_factory)


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    return synthetic_warehouse(tmp_path_factory.mktemp("wh_synth_sql"), articles=300)


def dibao_sql(capsys, *argv: str) -> tuple[int, str, str]:
    """`dibao sql ARGV` in process, through the same parser the CLI registers."""
    parser = argparse.ArgumentParser(prog="dibao")
    sql.add_sql_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["sql", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- output formats


def test_table_output_is_aligned_and_counts_rows(wh, capsys):
    query = "select name, region, article_count from people order by article_count desc, name limit 3"
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), query)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["name", "region", "article_count"]
    assert set(lines[1].replace(" ", "")) == {"─"}
    assert lines[-1] == "(3 rows)"
    widths = {sql.display_width(line) for line in lines[:2]}
    assert len(widths) == 1        # header and rule line up, CJK counted as two columns


def test_table_output_cuts_long_results_and_says_so(wh, capsys):
    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--max-rows", "5", "select token from tokens")
    assert code == 0
    assert len(out.splitlines()) == 2 + 5 + 1
    assert "first 5 shown" in out.splitlines()[-1]


def test_json_output(wh, capsys):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "json",
                               "select name, titles, first_seen, article_count from people order by person_id limit 4")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 4
    assert set(rows[0]) == {"name", "titles", "first_seen", "article_count"}
    assert all(isinstance(r["titles"], list) and isinstance(r["article_count"], int) for r in rows)
    assert all(r["first_seen"] is None or date.fromisoformat(r["first_seen"]) for r in rows)


def test_json_keeps_whole_number_sums_whole(wh, capsys):
    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "json",
                             "select sum(char_count) as chars from articles")   # a HUGEINT in DuckDB
    assert code == 0 and isinstance(json.loads(out)[0]["chars"], int)


def test_json_of_an_empty_result_is_an_empty_array(wh, capsys):
    code, out, _ = dibao_sql(capsys, "--warehouse", str(wh), "--format", "json", "select * from articles where false")
    assert code == 0 and json.loads(out) == []


def test_csv_output_has_every_row(wh, capsys):
    n = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True).execute("select count(*) from articles").fetchone()[0]
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "csv",
                               "select article_id, title, published_date from articles")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == n > 0
    assert all(r["article_id"] for r in rows)


def test_parquet_output_needs_out_and_writes_a_file(wh, tmp_path, capsys):
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "parquet", "select 1")
    assert code == 2 and "--out" in err
    target = tmp_path / "people.parquet"
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh), "--format", "parquet", "--out", str(target),
                             "select person_id, name, titles from people")
    assert code == 0, err
    table = pq.read_table(target)
    assert table.column_names == ["person_id", "name", "titles"] and table.num_rows > 0


def test_sql_from_a_file(wh, capsys):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "-f", str(QUERIES[0]))
    assert code == 0, err
    assert "region" in out.splitlines()[0]


# ---------------------------------------------------------------- errors and read-only


def test_a_bad_column_is_named_with_the_columns_that_exist(wh, capsys):
    code, out, err = dibao_sql(capsys, "--warehouse", str(wh), "select nam from people")
    assert code == 1 and out == ""
    first, hint = err.splitlines()
    assert '"nam"' in first and "Binder Error" in first
    assert "people(" in hint and "name" in hint


def test_a_bad_view_is_named_with_the_views_that_exist(wh, capsys):
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh), "select * from peeple")
    assert code == 1
    first, hint = err.splitlines()
    assert "peeple" in first
    assert all(v in hint for v in ("articles", "people", "meetings", "meeting_people"))


def test_a_syntax_error_is_one_line(wh, capsys):
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh), "selec name from people")
    assert code == 1
    assert len(err.splitlines()) == 1 and "selec" in err


@pytest.mark.parametrize("statement", [
    "create table x as select 1",
    "insert into articles select * from articles",
    "drop view people",
    "copy (select 1) to '{tmp}/copied.csv'",
    "attach '{tmp}/other.duckdb' as other",
    "install httpfs",
    "select 1; delete from articles",
])
def test_writes_are_refused_and_change_nothing(wh, tmp_path, capsys, statement):
    before = file_digest(wh / "dibao.duckdb")
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh), statement.format(tmp=tmp_path))
    assert code == 1
    assert "read-only" in err
    assert file_digest(wh / "dibao.duckdb") == before
    assert list(tmp_path.iterdir()) == []


def test_a_missing_warehouse_is_a_usage_error(tmp_path, capsys):
    code, _, err = dibao_sql(capsys, "--warehouse", str(tmp_path / "nowhere"), "select 1")
    assert code == 2 and "dibao run" in err


def test_no_sql_is_a_usage_error(wh, capsys):
    code, _, err = dibao_sql(capsys, "--warehouse", str(wh))
    assert code == 2 and "no SQL" in err


def test_list_names_every_example_query(capsys):
    code, out, _ = dibao_sql(capsys, "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [q.name for q in QUERIES]


# ---------------------------------------------------------------- the example queries


def test_there_are_enough_example_queries():
    assert len(QUERIES) >= 7


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_query_says_its_question(path):
    question = sql.query_header(path.read_text(encoding="utf-8")).splitlines()
    assert question[0].endswith("?") and len(question) >= 2


@pytest.mark.parametrize("warehouse", ["wh", "synth"], ids=["seeds_and_xwlb", "synthetic_with_meetings"])
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_query_returns_rows(request, warehouse, path):
    con = sql.open_warehouse(request.getfixturevalue(warehouse))
    try:
        assert sql.run_query(con, path.read_text(encoding="utf-8")).num_rows > 0
    finally:
        con.close()


def test_chair_counts_match_the_participants(synth):
    con = sql.open_warehouse(synth)
    try:
        roles = sql.run_query(con, (sql.QUERIES_DIR / "04_chair_vs_attendee_roles.sql").read_text(encoding="utf-8"))
        chairs = con.execute("select count(distinct meeting_id) from meeting_participants "
                             "where role = 'chair'").fetchone()[0]
    finally:
        con.close()
    assert sum(roles.column("chair").to_pylist()) == chairs


def test_the_queries_page_shows_every_query(synth):
    con = sql.open_warehouse(synth)
    try:
        page = sql.render_queries_doc(con, corpus="synthetic")
    finally:
        con.close()
    assert all(f"## {q.name}" in page for q in QUERIES)


# ---------------------------------------------------------------- pieces


def test_one_line_drops_the_echoed_query():
    message = 'Binder Error: Referenced column "x" not found\n\nLINE 1: select x from people\n               ^'
    assert sql.one_line(message) == 'Binder Error: Referenced column "x" not found'


def test_cells_read_naturally():
    assert sql.cell_text(None) == "NULL"
    assert sql.cell_text(["区长", "区委副书记"]) == "[区长, 区委副书记]"
    assert sql.cell_text(date(2022, 11, 13)) == "2022-11-13"
    assert sql.cell_text("第一行\n第二行") == "第一行 第二行"


@given(st.text(alphabet=st.sampled_from("ab区长书记, …"), max_size=60), st.integers(min_value=2, max_value=50))
def test_clipped_text_fits_its_width(text, width):
    clipped = sql.clip(text, width)
    assert sql.display_width(clipped) <= width
    assert clipped == text or clipped.endswith("…")


# The co-appearance query before it learnt to skip article pairs that cannot reach its top 50: the pruned
# query must return exactly what this one does.
CO_APPEARANCE_UNPRUNED = """
WITH took_part AS (        -- one row per person and meeting, whatever their roles
    SELECT DISTINCT meeting_id, person_id, name FROM meeting_people
), meeting_pairs AS (
    SELECT a.person_id AS id_a, b.person_id AS id_b,
           any_value(a.name) AS name_a, any_value(b.name) AS name_b,
           count(*) AS shared_meetings
    FROM took_part AS a
    JOIN took_part AS b ON a.meeting_id = b.meeting_id AND a.person_id < b.person_id
    GROUP BY a.person_id, b.person_id
), article_pairs AS (
    SELECT a.person_id AS id_a, b.person_id AS id_b,
           any_value(a.name) AS name_a, any_value(b.name) AS name_b,
           count(*) AS shared_articles,   -- one subject row per person and article: no DISTINCT needed
           min(a.published_date) AS first_together,
           max(a.published_date) AS last_together
    FROM appearances AS a
    JOIN appearances AS b ON a.article_id = b.article_id AND a.person_id < b.person_id
    GROUP BY a.person_id, b.person_id
)
SELECT coalesce(m.name_a, r.name_a)       AS person_a,
       coalesce(pa.region, '(no region)') AS region_a,
       coalesce(m.name_b, r.name_b)       AS person_b,
       coalesce(pb.region, '(no region)') AS region_b,
       coalesce(m.shared_meetings, 0)     AS shared_meetings,
       coalesce(r.shared_articles, 0)     AS shared_articles,
       r.first_together,
       r.last_together
FROM meeting_pairs AS m
FULL JOIN article_pairs AS r USING (id_a, id_b)
LEFT JOIN people AS pa ON pa.person_id = id_a
LEFT JOIN people AS pb ON pb.person_id = id_b
ORDER BY shared_meetings DESC, shared_articles DESC, person_a, person_b, region_a, region_b, id_a, id_b
LIMIT 50;
"""


@pytest.mark.parametrize("articles,seed", [(12, 1), (60, 2), (400, 3), (900, 4)])
def test_co_appearance_pruning_changes_nothing(tmp_path, articles, seed):
    root = synthetic_warehouse(tmp_path / f"w{articles}", articles, seed)
    pruned = (sql.QUERIES_DIR / "02_co_appearance_pairs.sql").read_text(encoding="utf-8")
    con = sql.open_warehouse(root)
    try:
        cutoff = pruned[pruned.index("WITH"):pruned.index("SELECT coalesce(m.name_a")] + "SELECT k FROM cutoff"
        k = con.execute(cutoff).fetchone()[0]
        assert con.execute(pruned).fetchall() == con.execute(CO_APPEARANCE_UNPRUNED).fetchall()
    finally:
        con.close()
    assert (k > 0) == (articles > 12)   # both paths are exercised
