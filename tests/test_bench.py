"""The benchmark's builders are correct: unique corpus copies, exact synthetic row counts. No timings asserted."""
from __future__ import annotations

import codecs
import csv
import hashlib
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from bench.corpus import (MANIFEST, Page, build_corpus, copies_for, corpus_files, join_articles, source_pages,
                          unique_line)
from bench.queries import build_synthetic, query_files
from bench.run import StageClock, chunks, parse_gnu_time, phases_from
from tasks.batch import BATCH_SCHEMAS, RawDocument, process_batch
from warehouse.store import write_table

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PAGES = [
    Page("a/one.txt", "本报讯 区委书记主持召开会议。\n".encode(), "2022-01-01", "某某日报", "某区"),
    Page("a/two.txt", "会议强调，要抓好安全生产。\n".encode(), "2022", None, None),
    Page("b/three.txt", "會議強調要抓好防疫工作。\n".encode("big5"), None, None, None),
]


def test_corpus_has_n_unique_copies_of_every_page(tmp_path):
    corpus = build_corpus(tmp_path / "c", 3, PAGES)
    files = corpus_files(corpus.root)
    assert corpus.files == len(files) == 3 * len(PAGES)
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == len(files)
    assert corpus.bytes == sum(f.stat().st_size for f in files)
    assert (corpus.root / "copy-0002" / "b" / "three.txt").exists()


def test_each_copy_keeps_the_page_and_adds_one_line(tmp_path):
    root = build_corpus(tmp_path / "c", 2, PAGES).root
    data = (root / "copy-0001" / "b" / "three.txt").read_bytes()
    assert data.startswith(PAGES[2].data)
    assert data[len(PAGES[2].data):].decode("ascii").strip() == "bench copy 00001"
    assert "會議".encode("big5") in data  # appended ASCII leaves Big5 bytes decodable


def test_one_root_manifest_lists_every_file_with_its_entry(tmp_path):
    root = build_corpus(tmp_path / "c", 2, PAGES).root
    rows = list(csv.DictReader((root / MANIFEST).open(encoding="utf-8")))
    assert sorted(r["file"] for r in rows) == sorted(f.relative_to(root).as_posix() for f in corpus_files(root))
    first = next(r for r in rows if r["file"] == "copy-0001/a/one.txt")
    assert (first["published"], first["source"], first["region"]) == ("2022-01-01", "某某日报", "某区")
    assert not list(root.glob("copy-*/**/" + MANIFEST))  # a manifest in a subfolder would be read as a page


def test_rebuilding_replaces_the_previous_corpus(tmp_path):
    build_corpus(tmp_path / "c", 3, PAGES)
    corpus = build_corpus(tmp_path / "c", 1, PAGES)
    assert len(corpus_files(corpus.root)) == len(PAGES)


def test_utf16_pages_get_the_line_in_their_own_encoding():
    data = codecs.BOM_UTF16_LE + "新闻".encode("utf-16-le")
    assert (data + unique_line(7, data)).decode("utf-16").endswith("bench copy 00007\n")


def test_one_article_files_are_packed_per_date_without_losing_any():
    arts = [Page(f"pd/{i}.txt", ("文" * 1000).encode(), "1998-01-0" + ("1" if i < 5 else "2")) for i in range(8)]
    pages = join_articles(arts, "pd", page_bytes=7000)
    assert sum(p.data.count("文".encode()) for p in pages) == 8 * 1000
    assert all(len(p.data) <= 7000 + 2 * 8 for p in pages)
    # 3,000-byte articles, two to a 7,000-byte page: 5 on the 1st make 3 pages, 3 on the 2nd make 2.
    assert [p.published for p in pages] == ["1998-01-01"] * 3 + ["1998-01-02"] * 2


def test_the_real_sources_are_all_there_and_pd1998_is_joined():
    pages = source_pages()
    kinds = {p.rel_path.split("/")[0] for p in pages}
    assert kinds == {"seeds", "xwlb", "udn", "pd1998"}
    pd = [p for p in pages if p.rel_path.startswith("pd1998/")]
    assert 30 < len(pd) < 200 and max(len(p.data) for p in pd) < 12_000
    assert 100 <= copies_for(105_000_000, pages) <= 140


def test_chunks_cover_every_document_in_order():
    raws = [RawDocument(str(i), b"x" * 300) for i in range(10)]
    parts = chunks(raws, size=1000)
    assert [r.doc_id for part in parts for r in part] == [str(i) for i in range(10)]
    assert all(sum(len(r.data) for r in part) >= 1000 for part in parts[:-1])


def test_stage_clock_labels_a_callee_by_its_caller():
    clock = StageClock()
    engine = clock.wrap("jieba-rs engine (native)", lambda: 1, by_caller=True)
    inner = clock.wrap("segment.tag", lambda: engine(), by_caller=True)
    outer = clock.wrap("people", lambda: inner() + 1)
    assert outer() == 2 and inner() == 1
    # The engine called through segment.tag is still charged to the stage that called the segmenter.
    assert clock.calls == {"people": 1, "segment.tag: people": 1, "jieba-rs engine (native): people": 1,
                           "segment.tag: outside documents": 1, "jieba-rs engine (native): outside documents": 1}


def test_gnu_time_output_is_parsed():
    err = "\tUser time (seconds): 6.07\n\tSystem time (seconds): 0.75\n\tMaximum resident set size (kbytes): 423628\n"
    assert parse_gnu_time(err) == {"user": 6.07, "sys": 0.75, "maxrss": 423628.0}


def test_prefect_phases_add_up_to_the_wall_time():
    tasks = [("discover-1a", 11.0, 11.5), ("batch-0", 12.0, 20.0), ("batch-1", 12.0, 21.0), ("publish-2b", 21.5, 22.0)]
    ph = phases_from(10.0, 23.0, tasks, started=2.0, ended=24.0)
    assert ph["task process-batch"] == 9.0 and ph["batches"] == 2
    assert sum(v for k, v in ph.items() if k != "batches") == pytest.approx(24.0 - 2.0)


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory) -> Path:
    """A published warehouse of two seed pages, written without Prefect."""
    root = tmp_path_factory.mktemp("bench_src")
    pages = sorted(p for p in SEEDS.iterdir() if p.name != MANIFEST)[:2]
    now = datetime.now(timezone.utc)
    tables = process_batch([RawDocument(p.name, p.read_bytes()) for p in pages], version="t", now=now)
    for name, schema in BATCH_SCHEMAS.items():
        write_table(tables[name], str(root / "tables" / name / "seg1.parquet"), schema)
    return root


def test_synthetic_warehouse_has_exactly_the_requested_articles(tiny_warehouse, tmp_path):
    src = duckdb.connect()
    n_src = src.execute(f"SELECT count(*) FROM '{tiny_warehouse}/tables/articles/*.parquet'").fetchone()[0]
    src.close()
    syn = build_synthetic(tiny_warehouse, tmp_path / "syn", articles=3 * n_src + 1, segment_articles=4)
    con = duckdb.connect(str(tmp_path / "syn" / "dibao.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (3 * n_src + 1,) * 2
        assert syn.replicas == 4 and syn.schema_mismatch == []
        orphans = con.execute("SELECT count(*) FROM article_people WHERE article_id NOT IN "
                              "(SELECT article_id FROM articles)").fetchone()[0]
        assert orphans == 0
        assert con.execute("SELECT count(*) FROM articles WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
                           ).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM people").fetchone()[0] > 0
    finally:
        con.close()
    files = sorted((tmp_path / "syn" / "tables" / "articles").glob("synthetic-*.parquet"))
    assert sum(pq.ParquetFile(f).metadata.num_rows for f in files) == 3 * n_src + 1
    assert len(files) == syn.segments == -(-(3 * n_src + 1) // 4)


def test_no_query_folder_means_no_queries(tmp_path):
    assert query_files(tmp_path / "missing") == [] and query_files(tmp_path) == []


def test_synthetic_layout_has_small_segments_then_merged_ones():
    import duckdb

    from bench.queries import Layout
    layout = Layout(small=3, small_articles=10, merged_articles=100)
    segs = [r[0] for r in duckdb.sql(f"SELECT {layout.segment_sql('g')} FROM range(300) t(g)").fetchall()]
    assert segs[:30] == [g // 10 for g in range(30)]          # three chunk-sized segments
    assert set(segs[30:130]) == {3} and set(segs[130:230]) == {4} and set(segs[230:]) == {5}
    uniform = Layout(0, 1, 7)
    assert [r[0] for r in duckdb.sql(f"SELECT {uniform.segment_sql('g')} FROM range(15) t(g)").fetchall()] == \
        [g // 7 for g in range(15)]


def test_side_by_side_knows_which_tree_accepts_an_empty_folder(tmp_path):
    from bench.incremental import HERE_TREE, empty_flags, side_by_side
    assert empty_flags(HERE_TREE) == ("--allow-empty",)
    with pytest.raises(SystemExit, match="no .venv"):
        side_by_side(tmp_path, tmp_path, 1)   # a tree without its own environment is refused up front


def test_children_cpu_counts_the_seconds_a_waited_child_spent():
    import subprocess
    import sys

    from bench.incremental import children_cpu
    before = children_cpu()
    subprocess.run([sys.executable, "-c", "sum(range(3_000_000))"], check=True)
    assert children_cpu() > before
