"""The warehouse as a DuckLake: a folder that moves, readers that keep a connection, time travel, and
dibao.duckdb read by a plain DuckDB from anywhere."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import run_dibao
from tests.helpers import add_eval_pages, copy_seeds, lake_query, snapshot_rows

CONTRACT_VIEWS = ["documents", "rejects", "articles", "article_people", "people", "meetings",
                  "meeting_participants", "tokens", "places", "organisations", "slogans", "runs",
                  "meeting_people", "appearances"]


def run_ok(inp, wh, *extra):
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def sql_json(wh, query, *extra):
    import json
    proc = run_dibao("sql", "--warehouse", str(wh), "--format", "json", *extra, query)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)


def counts(con) -> dict[str, int]:
    return {v: con.execute(f"select count(*) from {v}").fetchone()[0] for v in CONTRACT_VIEWS}


def test_a_plain_duckdb_answers_every_view_from_any_folder(seed_warehouse, tmp_path):
    """What the scorer and dashboards do: nothing but the duckdb package, another working folder."""
    code = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True, "
            "config={'autoinstall_known_extensions': False, 'autoload_known_extensions': False}); "
            f"print([con.execute('select count(*) from ' + v).fetchone()[0] for v in {CONTRACT_VIEWS!r}])")
    proc = subprocess.run([sys.executable, "-c", code, str(seed_warehouse / "dibao.duckdb")], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert eval(proc.stdout)[CONTRACT_VIEWS.index("articles")] == 18
    con = duckdb.connect(str(seed_warehouse / "dibao.duckdb"), read_only=True)
    assert not [r for r in con.execute("select extension_name from duckdb_extensions() where loaded").fetchall()
                if r[0] == "ducklake"]
    con.close()


def test_a_moved_or_copied_warehouse_answers_dibao_sql(seed_warehouse, tmp_path):
    first = tmp_path / "first"
    shutil.copytree(seed_warehouse, first, symlinks=True)   # cp -a: the copy must read its own files
    moved = tmp_path / "elsewhere" / "moved"
    moved.parent.mkdir()
    os.rename(first, moved)
    expected = sql_json(seed_warehouse, "select count(*) as n from articles")
    assert sql_json(moved, "select count(*) as n from articles") == expected
    assert sql_json(moved, "select count(*) as n from meeting_people")[0]["n"] > 0
    # the copy reads its own data folder, not the original's: emptying the original changes nothing
    copy = tmp_path / "copy"
    shutil.copytree(moved, copy, symlinks=True)
    shutil.rmtree(moved / "data")
    assert sql_json(copy, "select count(*) as n from articles") == expected


@pytest.fixture(scope="module")
def growing(tmp_path_factory):
    base = tmp_path_factory.mktemp("growing")
    inp = copy_seeds(base / "in")
    return inp, base / "wh"


def test_a_reader_keeps_one_connection_across_three_publishes_and_as_of_goes_back(growing):
    inp, wh = growing
    run_ok(inp, wh)
    reader = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    first = counts(reader)
    first_run = reader.execute("select run_id from runs").fetchone()[0]
    names = add_eval_pages(inp, "xwlb", limit=6)
    run_ok(inp, wh)                                            # publish 1: pages added
    page = inp / names[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n补记一行。\n", encoding="utf-8")
    os.utime(page, ns=(1, 1))
    run_ok(inp, wh)                                            # publish 2: a page changed
    (inp / names[1]).unlink()
    run_ok(inp, wh)                                            # publish 3: a page deleted
    for _ in range(2):                                         # the held connection still answers everything
        assert counts(reader) == first
    reader.close()
    now = counts(duckdb.connect(str(wh / "dibao.duckdb"), read_only=True))
    assert now["documents"] == first["documents"] + 5 and now["runs"] == 4

    as_of = sql_json(wh, "select (select count(*) from documents) as documents, "
                         "(select count(*) from articles) as articles, (select count(*) from runs) as runs",
                     "--as-of", first_run)[0]
    assert as_of == {"documents": first["documents"], "articles": first["articles"], "runs": 1}
    snapshots = [r[0] for r in lake_query(wh, "select snapshot from lake.runs order by started_at")]
    assert snapshots == sorted(snapshots) and len(set(snapshots)) == 4


def test_as_of_a_time_and_a_report_as_of_a_run(growing, tmp_path):
    inp, wh = growing
    first_run, finished = lake_query(wh, "select run_id, finished_at from lake.runs order by started_at limit 1")[0]
    at_time = sql_json(wh, "select count(*) as n from runs", "--as-of", finished.isoformat())
    assert at_time == [{"n": 1}]
    out = tmp_path / "r.html"
    proc = run_dibao("report", "--warehouse", str(wh), "--out", str(out), "--as-of", first_run)
    assert proc.returncode == 0, proc.stderr
    assert "(18 articles," in proc.stdout                     # the seeds' articles, not the grown warehouse's
    bad = run_dibao("sql", "--warehouse", str(wh), "--as-of", "19990101T000000-abcdef", "select 1")
    assert bad.returncode == 2 and "no run 19990101T000000-abcdef" in bad.stderr


def test_snapshots_and_data_files_follow_the_retention(growing):
    inp, wh = growing
    # every publish is one snapshot of the lake (plus DuckLake's own upkeep): none expired within 7 days
    runs = lake_query(wh, "select count(*) from lake.runs")[0][0]
    snaps = lake_query(wh, "select count(*) from ducklake_snapshots('lake')")[0][0]
    assert snaps >= runs
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), env={"DIBAO_SNAPSHOT_RETENTION_DAYS": "0"})
    assert proc.returncode == 0, proc.stderr
    # retention 0: only the current snapshot is left, and only its files stay on disk
    assert lake_query(wh, "select count(*) from ducklake_snapshots('lake')")[0][0] == 1
    listed = {r[0] for t in ("articles", "tokens") for r in
              lake_query(wh, "select data_file from ducklake_list_files('lake', ?)", t)}
    on_disk = {str(p) for t in ("articles", "tokens") for p in (wh / "data" / "main" / t).glob("*.parquet")}
    assert listed == on_disk


def test_a_run_s_counts_in_one_query_are_the_tables_row_counts(seed_warehouse):
    from warehouse.lake import LAKE, Location, open_lake
    from warehouse.publish import COUNTED, table_counts
    con = open_lake(Location.parse(seed_warehouse), read_only=True)
    try:
        con.execute(f"USE {LAKE}")
        got = table_counts(con)
        one_by_one = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in COUNTED}
        named = con.execute("SELECT count(DISTINCT person_id) FROM article_people WHERE role = 'subject'").fetchone()[0]
    finally:
        con.close()
    assert got == {**one_by_one, "people_named": named}
    assert got["articles"] == 18 and got["people_named"] > 0


def test_views_built_from_the_upkeep_s_listing_are_the_views_built_from_a_fresh_one(seed_warehouse, tmp_path):
    """The upkeep hands build_database the file listing it made when no rewrite or merge changed it."""
    from warehouse.build import all_files, build_database
    from warehouse.lake import Location, close_lake, current_snapshot, open_lake
    copy = tmp_path / "wh"
    shutil.copytree(seed_warehouse, copy)
    loc = Location.parse(copy)

    def view_sql() -> dict[str, str]:
        con = duckdb.connect(str(loc.duckdb_file), read_only=True)
        try:
            return dict(con.execute("select view_name, sql from duckdb_views() where not internal").fetchall())
        finally:
            con.close()

    con = open_lake(loc, read_only=False, shared=True)
    try:
        snapshot = current_snapshot(con)
        build_database(loc, con, snapshot)
        plain = view_sql()
        build_database(loc, con, snapshot, files=all_files(con, snapshot))
        handed = view_sql()
    finally:
        close_lake(con)
    assert handed == plain and "read_parquet" in plain["articles"]


def test_a_warehouse_written_before_a_column_existed_gains_it_on_the_next_run(tmp_path):
    # article_people.posts and people.posts came after warehouses were in use: a run on a lake without
    # them adds the columns (publish.ensure_tables) and every view answers with them.
    from warehouse.lake import Location, close_lake, open_lake
    inp = copy_seeds(tmp_path / "in")
    wh = tmp_path / "wh"
    run_ok(inp, wh)
    con = open_lake(Location.parse(wh), read_only=False, shared=True)
    try:
        for table in ("article_people", "people"):
            con.execute(f"ALTER TABLE lake.{table} DROP COLUMN posts")
    finally:
        close_lake(con)
    add_eval_pages(inp, "udn", limit=3)
    run_ok(inp, wh)
    added = sql_json(wh, "select count(posts) as n from article_people where doc_id like 'udn/%' and role = 'subject'")
    assert added[0]["n"] > 0
    assert sql_json(wh, "select count(*) as n from people where posts is not null")[0]["n"] > 0
    reader = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    assert "posts" in [r[0] for r in reader.execute("describe appearances").fetchall()]
    assert all(n >= 0 for n in counts(reader).values())
    reader.close()


@pytest.fixture()
def extension_copy(tmp_path, monkeypatch):
    """A copy of the DuckLake binary that the lake module loads, and a state folder of this test's own."""
    from warehouse import lake
    copy = tmp_path / "ext" / "ducklake.duckdb_extension"
    copy.parent.mkdir()
    shutil.copyfile(lake.extension_file("ducklake"), copy)
    monkeypatch.setattr(lake, "extension_file", lambda name: str(copy))
    monkeypatch.setenv("DIBAO_LAKE_STATE", str(tmp_path / "state"))
    return copy


def flip_one_byte(path) -> None:
    """Change a byte in the middle of the file, keeping its size (the signature covers every byte)."""
    with open(path, "r+b") as fh:
        fh.seek(os.path.getsize(path) // 2)
        byte = fh.read(1)
        fh.seek(-1, os.SEEK_CUR)
        fh.write(bytes([byte[0] ^ 0xFF]))


def unsigned_allowed(con) -> bool:
    return con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()[0]


def test_the_run_s_duckdb_loads_a_checked_extension_unchecked_until_the_file_changes(extension_copy, tmp_path):
    from warehouse import lake
    loc = lake.Location.parse(tmp_path / "wh")
    first = lake._loaded(loc, trust_checked=True)     # never checked here: DuckDB checks it, dibao notes it
    assert not unsigned_allowed(first)
    assert lake.all_verified([str(extension_copy)])
    again = lake._loaded(loc, trust_checked=True)
    assert unsigned_allowed(again)
    assert again.execute("SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'ducklake' "
                         "AND loaded").fetchone()[0] == 1
    user = lake._loaded(loc, trust_checked=False)     # a connection user SQL may run on: always checked
    assert not unsigned_allowed(user)
    for con in (first, again, user):
        con.close()
    flip_one_byte(extension_copy)                      # same path and size, new mtime: checked again
    assert not lake.all_verified([str(extension_copy)])
    with pytest.raises(duckdb.Error, match="signature"):
        lake._loaded(loc, trust_checked=True)


def test_a_changed_extension_is_refused_even_when_it_keeps_the_noted_mtime(extension_copy, tmp_path):
    from warehouse import lake
    loc = lake.Location.parse(tmp_path / "wh")
    lake._loaded(loc, trust_checked=True).close()
    st = os.stat(extension_copy)
    replacement = extension_copy.with_name("other.duckdb_extension")
    shutil.copyfile(extension_copy, replacement)
    flip_one_byte(replacement)
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, extension_copy)            # a new file (inode) under the noted path
    assert not lake.all_verified([str(extension_copy)])
    with pytest.raises(duckdb.Error, match="signature"):
        lake._loaded(loc, trust_checked=True)


def test_an_unwritable_state_folder_keeps_every_load_checked(extension_copy, tmp_path, monkeypatch):
    from warehouse import lake
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DIBAO_LAKE_STATE", str(blocker / "state"))
    loc = lake.Location.parse(tmp_path / "wh")
    for _ in range(2):
        con = lake._loaded(loc, trust_checked=True)
        assert not unsigned_allowed(con)
        con.close()
