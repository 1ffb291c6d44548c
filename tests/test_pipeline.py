"""End to end on seeds/: what a newcomer's `make run` produces, checked against the hand-made reference."""
from __future__ import annotations

import importlib.util
import json
import re

import pytest

from tests.conftest import SHARED

GOLD = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
PUNCT = re.compile(r"[\s\u3000\W_]+")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(seed_warehouse):
    score = load_scorer()
    return score.score(GOLD, score.load_prediction(str(seed_warehouse / "dibao.duckdb")))


def test_article_counts_per_page(seed_db):
    counts = dict(seed_db.execute("select doc_id, count(*) from articles group by doc_id").fetchall())
    expected = {doc: len(d["articles"]) for doc, d in GOLD["documents"].items()}
    assert counts == expected


def test_titles_per_page(seed_db):
    for doc, d in GOLD["documents"].items():
        rows = seed_db.execute("select title, body from articles where doc_id = ? order by seq", [doc]).fetchall()
        for gold_article, (title, body) in zip(d["articles"], rows):
            key = PUNCT.sub("", gold_article["title_key"])
            assert key in PUNCT.sub("", title) or key in PUNCT.sub("", body[:300]), (doc, title)


@pytest.mark.parametrize("label", ["articles", "bylines"])
def test_scorer_f1_at_least_095(figures, label):
    assert figures[label]["f1"] >= 0.95, figures[label]


def test_scorer_date_accuracy(figures):
    assert figures["dates"]["accuracy"] >= 0.95, figures["dates"]


def test_every_input_file_is_accounted_for(seed_db):
    from tests.conftest import SEEDS
    pages = {p.name for p in SEEDS.iterdir() if p.name != "manifest.csv"}
    docs = {r[0] for r in seed_db.execute("select doc_id from documents").fetchall()}
    rejects = {r[0] for r in seed_db.execute("select path from rejects").fetchall()}
    assert docs | rejects == pages and not docs & rejects


def test_bylines_are_never_subjects(seed_db):
    clash = seed_db.execute("""
        select s.name from article_people s join article_people b using (article_id, name)
        where s.role = 'subject' and b.role in ('reporter', 'photographer', 'editor')""").fetchall()
    assert clash == []


def test_traditional_page_is_simplified(seed_db):
    script, body = seed_db.execute("""select d.script, a.body from documents d join articles a using (doc_id)
                                      where d.doc_id like '004%'""").fetchone()
    assert script == "traditional"
    assert "两江新区" in body and "兩" not in body and "(qū)" not in body


def test_masthead_and_furniture_are_gone(seed_db):
    text = "\n".join(r[0] for r in seed_db.execute("select title || '\n' || body from articles").fetchall())
    for furniture in ("主办", "http", "@", "ICP", "下转第二版", "热线"):
        assert furniture not in text
