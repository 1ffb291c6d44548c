"""jieba-rs (rjieba) must cut exactly as jieba does, with dibao's user dictionary, on every real page."""
from __future__ import annotations

from pathlib import Path

import pytest

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
