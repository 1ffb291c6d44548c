"""Several sources in one warehouse: a run replaces only its own source's documents."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tasks.plan import FileInfo, Recorded, assign_doc_ids, plan_run, source_docs, valid_source_name
from tests.conftest import SEEDS, SHARED, run_dibao
from tests.helpers import copy_seeds, snapshot_rows


def query(wh: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def ok(*args: str):
    proc = run_dibao(*args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def eval_folder(target: Path, name: str, limit: int) -> Path:
    """`limit` eval pages of one corpus with their manifest."""
    target.mkdir(parents=True)
    pages = sorted(p for p in (SHARED / "eval" / name).iterdir() if p.name != "manifest.csv")[:limit]
    for p in pages:
        shutil.copy(p, target / p.name)
    rows = (SHARED / "eval" / name / "manifest.csv").read_text(encoding="utf-8").splitlines()
    names = {p.name for p in pages}
    (target / "manifest.csv").write_text("\n".join([rows[0]] + [r for r in rows[1:] if r.split(",")[0] in names]),
                                         encoding="utf-8")
    return target


# --- the planner, pure ---------------------------------------------------------------------------------------

def test_a_path_another_source_holds_gets_the_source_as_prefix():
    owners = {"a.txt": "seeds", "web/b.txt": "web", "old.txt": None}
    assert assign_doc_ids(["a.txt", "b.txt", "c.txt", "old.txt"], "web", owners) == {
        "a.txt": "web/a.txt", "b.txt": "web/b.txt", "c.txt": "c.txt", "old.txt": "old.txt"}
    assert assign_doc_ids(["a.txt"], "seeds", owners) == {"a.txt": "a.txt"}
    assert source_docs(owners, "web") == {"web/b.txt", "old.txt"}   # no source: recorded before sources


def test_a_plan_never_deletes_another_sources_documents():
    recorded = {"a.txt": Recorded("s1", "seg", 1, 1), "b.txt": Recorded("s2", "seg", 1, 1)}
    owners = {"a.txt": "seeds", "b.txt": "web"}
    mine = {d: r for d, r in recorded.items() if d in source_docs(owners, "web")}
    plan = plan_run([FileInfo("c.txt", "/x/c.txt", 1, 1)], mine, version_changed=False)
    assert plan.new == ["c.txt"] and plan.deleted == ["b.txt"] and plan.removed == {"b.txt"}


@pytest.mark.parametrize("name", ["", " a", "a/b", "..", "a\x00b"])
def test_bad_source_names(name):
    assert valid_source_name(name)


# --- through the command ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_sources(tmp_path_factory):
    """The seeds, then udn pages (one named like a seed page), run one after the other into one warehouse."""
    root = tmp_path_factory.mktemp("sources")
    seeds = copy_seeds(root / "seeds")
    udn = eval_folder(root / "udn", "udn", 3)
    shutil.copy(SEEDS / "001_b7cc8050b06c14b8.txt", udn / "001_b7cc8050b06c14b8.txt")   # the same path in both
    wh = root / "wh"
    ok("run", "--input", str(seeds), "--warehouse", str(wh))
    ok("run", "--input", str(udn), "--warehouse", str(wh), "--source", "联合报")
    return root, seeds, udn, wh


def test_two_folders_one_after_the_other_are_both_there(two_sources):
    _root, _seeds, _udn, wh = two_sources
    counts = dict(query(wh, "select source_name, count(*) from documents group by 1"))
    assert counts == {"seeds": 5, "联合报": 4}
    art = dict(query(wh, "select source_name, count(*) from articles group by 1"))
    assert art["seeds"] == 18 and art["联合报"] >= 4
    ids = {r[0] for r in query(wh, "select doc_id from documents")}
    assert {"001_b7cc8050b06c14b8.txt", "联合报/001_b7cc8050b06c14b8.txt"} <= ids
    # the udn manifest's dates were applied to its pages
    assert query(wh, "select count(*) from articles where source_name = '联合报' and doc_id like '%udn%' "
                     "and published_date is null")[0][0] == 0


def test_sources_lists_each_source_with_counts_and_last_run(two_sources):
    _root, _seeds, _udn, wh = two_sources
    proc = ok("sources", "--warehouse", str(wh))
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:4] == ["source", "documents", "rejects", "articles"]
    seeds_line = next(line for line in lines if line.startswith("seeds"))
    assert seeds_line.split()[1:4] == ["5", "0", "18"] and "completed" in seeds_line
    assert any(line.startswith("联合报") for line in lines)


def test_a_third_run_of_the_first_folder_removes_only_its_deleted_file(two_sources):
    root, seeds, _udn, wh = two_sources
    tmp = root / "third"
    shutil.copytree(seeds, tmp)
    (tmp / "002_be03ec69b60a77f1.txt").unlink()
    proc = ok("run", "--input", str(tmp), "--warehouse", str(wh), "--source", "seeds")
    assert "1 deleted" in proc.stdout
    counts = dict(query(wh, "select source_name, count(*) from documents group by 1"))
    assert counts == {"seeds": 4, "联合报": 4}
    assert query(wh, "select count(*) from documents where doc_id = '002_be03ec69b60a77f1.txt'")[0][0] == 0


def test_an_empty_or_missing_input_is_refused_and_the_warehouse_untouched(two_sources, tmp_path):
    _root, _seeds, _udn, wh = two_sources
    before = snapshot_rows(wh)
    catalog = (wh / "dibao.ducklake").read_bytes()   # the lake's catalog: every commit changes it
    empty = tmp_path / "seeds"
    (empty / "sub").mkdir(parents=True)
    (empty / "manifest.csv").write_text("file,published\n", encoding="utf-8")   # a manifest is no page
    for folder in (empty, tmp_path / "missing"):
        proc = run_dibao("run", "--input", str(folder), "--warehouse", str(wh))
        assert proc.returncode == 2 and proc.stderr.startswith("dibao: ") and "not changed" in proc.stderr
        assert proc.stderr.count("\n") == 1
    assert (wh / "dibao.ducklake").read_bytes() == catalog
    assert snapshot_rows(wh) == before


def test_remove_source_asks_first_then_removes_only_that_source(two_sources, tmp_path):
    root, _seeds, _udn, _wh = two_sources
    wh = tmp_path / "wh"
    shutil.copytree(two_sources[3], wh)
    refused = run_dibao("remove-source", "联合报", "--warehouse", str(wh))   # no terminal to ask, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert dict(query(wh, "select source_name, count(*) from documents group by 1")).get("联合报") == 4
    missing = run_dibao("remove-source", "nope", "--warehouse", str(wh), "--yes")
    assert missing.returncode == 1 and "no source named 'nope'" in missing.stderr
    ok("remove-source", "联合报", "--warehouse", str(wh), "--yes")
    assert {r[0] for r in query(wh, "select distinct source_name from documents")} == {"seeds"}
    assert query(wh, "select count(*) from articles where source_name = '联合报'")[0][0] == 0
    assert "联合报" not in ok("sources", "--warehouse", str(wh)).stdout


def test_allow_empty_removes_the_sources_documents(tmp_path):
    inp, wh = copy_seeds(tmp_path / "seeds"), tmp_path / "wh"
    ok("run", "--input", str(inp), "--warehouse", str(wh))
    for p in inp.iterdir():
        p.unlink()
    proc = ok("run", "--input", str(inp), "--warehouse", str(wh), "--allow-empty")
    assert "5 deleted" in proc.stdout
    assert query(wh, "select count(*) from documents")[0][0] == 0


def test_a_manifest_change_is_re_applied(tmp_path):
    inp, wh = copy_seeds(tmp_path / "seeds"), tmp_path / "wh"
    ok("run", "--input", str(inp), "--warehouse", str(wh))
    manifest = inp / "manifest.csv"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("001_b7cc8050b06c14b8.txt,2020,,南川区",
                                     "001_b7cc8050b06c14b8.txt,2020,,南川区,https://example.gov.cn/nc/1.html")
                        .replace("file,published,source,region", "file,published,source,region,url"),
                        encoding="utf-8")
    proc = ok("run", "--input", str(inp), "--warehouse", str(wh))
    assert "1 changed, 4 unchanged" in proc.stdout
    urls = {r[0] for r in query(wh, "select url from articles where doc_id = '001_b7cc8050b06c14b8.txt'")}
    assert urls == {"https://example.gov.cn/nc/1.html"}
    again = ok("run", "--input", str(inp), "--warehouse", str(wh))
    assert "0 changed, 5 unchanged" in again.stdout


def test_a_folder_of_sources_as_subfolders_each_with_its_manifest(tmp_path):
    inp, wh = tmp_path / "corpus", tmp_path / "wh"
    eval_folder(inp / "xwlb", "xwlb", 8)
    eval_folder(inp / "udn", "udn", 4)
    copy_seeds(inp / "seeds")
    # A deeper manifest wins over the root's row for the same file; the root's applies where none is deeper.
    (inp / "manifest.csv").write_text("file,published,source,region,url\n"
                                      "seeds/000_0bf9055ec49ad083.txt,2021,,,https://example.gov.cn/yc/0.html\n"
                                      "udn/extra.txt,2017-06-29,,台北市,\n", encoding="utf-8")
    (inp / "udn" / "extra.txt").write_text("勞動部長林美珠昨日主持基本工資工作小組會議，勞資雙方各自表述。", encoding="utf-8")
    proc = ok("run", "--input", str(inp), "--warehouse", str(wh))
    assert "warning" not in proc.stdout
    docs = {r[0] for r in query(wh, "select doc_id from documents")}
    assert not any(d.endswith("manifest.csv") for d in docs)
    assert query(wh, "select count(*) from rejects")[0][0] == 0
    undated = query(wh, "select count(*) from articles where doc_id like 'xwlb/%' and published_date is null")[0][0]
    assert undated == 0
    assert query(wh, "select published, url from documents d join articles a using (doc_id) "
                     "where doc_id = 'seeds/000_0bf9055ec49ad083.txt' limit 1") == [("2022", None)]   # seeds' own row
    assert query(wh, "select region, cast(published_date as varchar) from articles where doc_id = 'udn/extra.txt'") == \
        [("台北市", "2017-06-29")]
