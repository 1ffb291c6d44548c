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
                         max_size=12), max_size=6), st.data())
def test_token_rows_are_clean_tags_of_each_title_and_body(texts, data):
    """tasks.batch.TokenRows builds in Arrow what clean_tags gives per article, title then body."""
    from tasks.batch import TokenRows
    from tasks.segment import clean_tags
    rows, expected = TokenRows(), []
    for k, tags in enumerate(texts):
        split = data.draw(st.integers(0, len(tags)))
        rows.add(f"a{k}", f"d{k % 2}", tuple(tags), split)
        title, body = clean_tags(tags[:split]), clean_tags(tags[split:])
        expected += [(f"a{k}", i, t, p, "title" if i < len(title) else "body", f"d{k % 2}")
                     for i, (t, p) in enumerate(title + body)]
    table = rows.table().to_pydict()
    assert list(zip(*table.values())) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab09 .-/%会议\n\u3000，A\u9fff\u4e00\u3400", max_size=12))
def test_the_arrow_pattern_agrees_with_python(token):
    import pyarrow as pa
    import pyarrow.compute as pc

    from tasks.segment import NEEDS_RESPLIT, NEEDS_RESPLIT_RE2
    arrow = pc.match_substring_regex(pa.array([token]), NEEDS_RESPLIT_RE2)[0].as_py()
    assert arrow == bool(NEEDS_RESPLIT.search(token))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ab09 .-/%会议\n\u3000，A", min_size=1, max_size=8), max_size=8))
def test_a_token_is_resplit_when_the_pattern_matches_inside_it(words):
    """Every overlapping match of the pattern over the joined words, kept when both its characters fall in
    one word, marks exactly the words clean_tags re-splits (a match across two words does not count)."""
    import re

    from tasks.segment import NEEDS_RESPLIT, clean_tags
    joined, starts, at = "".join(words), [], 0
    for w in words:
        starts.append(at)
        at += len(w)
    inside = {k for m in re.finditer(f"(?=(?:{NEEDS_RESPLIT.pattern}))", joined)
              for k, st_ in enumerate(starts) if st_ <= m.start() and m.start() + 2 <= st_ + len(words[k])}
    expected = []
    for k, w in enumerate(words):
        if w.isspace():
            continue
        expected += re.findall(r"[A-Za-z0-9]+(?:\.\d+)?%?|[^A-Za-z0-9]", w) if k in inside else [w]
    assert [t for t, _ in clean_tags([(w, "x") for w in words])] == expected


def test_one_segmenter_per_process_however_it_is_asked_for():
    from tasks.segment import engine
    assert engine() is engine("rjieba") is engine(name="rjieba")
