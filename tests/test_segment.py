"""jieba-rs (rjieba) must cut exactly as jieba does, with dibao's user dictionary, on every real page."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.segment import cut, read_user_dict, tag

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = sorted(SHARED.glob("seeds/*.txt")) + sorted(p for p in SHARED.glob("eval/*/*") if p.suffix in {".txt", ".md"})


def test_pages_are_there():
    assert len(PAGES) > 1000, "../shared/seeds and ../shared/eval should be beside the project"


def test_rjieba_cuts_like_jieba_on_every_seed_and_eval_page():
    differing = []
    for path in PAGES:
        text = path.read_text(encoding="utf-8")
        if cut(text, "rjieba") != cut(text, "jieba"):
            differing.append(path.name)
    assert differing == []


def test_tag_gives_the_same_tokens_as_cut_without_blanks():
    text = (SHARED / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    assert [t for t, _ in tag(text)] == [t for t in cut(text) if t.strip()]


@pytest.mark.parametrize("word", ["动态清零", "外防输入", "核酸检测", "常务副区长"])
def test_user_dictionary_keeps_domain_terms_whole(word):
    text = f"会议要求坚持{word}不动摇"
    assert word in cut(text, "rjieba")
    assert word in cut(text, "jieba")


def test_ascii_runs_are_split_like_jieba():
    assert cut("日期2017-06-28邮箱qq.com") == cut("日期2017-06-28邮箱qq.com", "jieba")


def test_user_dict_has_explicit_frequencies():
    rows = read_user_dict()
    assert rows and all(freq > 0 for _, freq, _ in rows)


WORD_PARTS = ["会议", "区委", " ", "\n", "\u3000", "qq.com", "2017-06-28", "8.9%", "COVID-19", "A", "。", "，", "x/y", "ab"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(WORD_PARTS), st.sampled_from(["n", "x", "eng", "m"])),
                         max_size=12), max_size=6))
def test_clean_indices_is_clean_tags_of_each_text_laid_end_to_end(texts):
    from tasks.segment import clean_indices, clean_tags
    words = [w for t in texts for w, _ in t]
    poss = [p for t in texts for _, p in t]
    src, idx, pieces, piece_pos = clean_indices(words, poss)
    got = [((words + pieces)[i], (poss + piece_pos)[i]) for i in idx]
    assert got == [pair for t in texts for pair in clean_tags(t)]
    assert src == sorted(src) and len(src) == len(idx)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab09 .-/%会议\n\u3000，A", max_size=40))
def test_resplit_hits_are_every_overlapping_match_of_the_pattern(text):
    import re

    from tasks.segment import NEEDS_RESPLIT, _resplit_hits
    every = [m.start() for m in re.finditer(f"(?=(?:{NEEDS_RESPLIT.pattern}))", text)]
    assert _resplit_hits(text) == every
