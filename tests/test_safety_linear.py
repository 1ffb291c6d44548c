"""Per-page work is linear in the page (issue 13, item 4): a page is scanned for years once, however many
articles it holds, and each article's place on the page is found by a bounded forward search. Pinned with
counters (calls, characters scanned), never with a clock.
"""
from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

import tasks.batch as batch
from bench.run import BIG_PAGE_SHAPES, big_page
from tasks.articles import ArticleDraft
from tasks.batch import RawDocument, article_starts, process_batch
from tasks.normalise import YEAR_MENTION_RE, YEAR_RANGE, YearIndex, _cn_number, year_near

NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)


def article(i: int, year: int | None) -> str:
    lead = f"{year}年3月{i % 28 + 1}日，" if year else f"3月{i % 28 + 1}日，"
    return (f"某区召开第{i}次工作会议\n"
            f"本报讯 {lead}某区召开会议，研究部署第{i}项工作。会议强调，要抓好落实。\n"
            "会议指出，要坚持问题导向，确保各项工作取得实效。\n\n")


def page_of(n: int) -> str:
    """n articles with headlines; a year stated in every tenth lead only."""
    return "".join(article(i, 2020 + i // 10 if i % 10 == 0 else None) for i in range(n))


class ScanCounter:
    """Counts YearIndex.of calls and the characters they scan."""

    def __init__(self, monkeypatch) -> None:
        self.calls = self.chars = 0
        real = YearIndex.of.__func__

        def counted(cls, text: str) -> YearIndex:
            self.calls += 1
            self.chars += len(text)
            return real(cls, text)

        monkeypatch.setattr(YearIndex, "of", classmethod(counted))


def test_year_found_once_per_page(monkeypatch):
    counter = ScanCounter(monkeypatch)
    tables = process_batch([RawDocument("p.txt", page_of(60).encode())], version="t", now=NOW)
    assert tables["articles"].num_rows == 60
    assert counter.calls == 1          # not once per article
    dates = tables["articles"]["published_date"].to_pylist()
    assert dates[0].year == 2020 and dates[15].year == 2021 and dates[59].year == 2025


def test_year_scan_grows_linearly_with_the_page(monkeypatch):
    scanned = {}
    for n in (20, 80):
        counter = ScanCounter(monkeypatch)
        process_batch([RawDocument("p.txt", page_of(n).encode())], version="t", now=NOW)
        scanned[n] = (counter.calls, counter.chars)
    assert scanned[20][0] == scanned[80][0] == 1
    assert scanned[80][1] <= 4 * scanned[20][1] + 100   # 4x the articles, 4x the characters scanned


class FindCounter(str):
    """A page that counts the characters each find() reads: up to the match, or its whole window."""
    scanned = 0

    def find(self, sub, start=0, end=None):  # noqa: A003 - str's own name
        at = str.find(self, sub, start, end)
        stop = at + len(sub) if at >= 0 else len(self) if end is None else min(end, len(self))
        FindCounter.scanned += max(0, stop - start)
        return at


def draft(seq: int, body: str, title: str = "标题") -> ArticleDraft:
    return ArticleDraft(seq=seq, title=title, kicker=None, subtitle=None, byline=None, source=None, dateline=None,
                        body=body)


def test_article_starts_scan_the_page_about_once():
    bodies = [f"第{i}篇文章的正文开头不一样，后面是很长的内容。" + "内容。" * 200 for i in range(300)]
    text = "".join(f"标题\n{b}\n\n" for b in bodies)
    FindCounter.scanned = 0
    starts = article_starts(FindCounter(text), [draft(i, b) for i, b in enumerate(bodies)])
    assert starts == [text.index(b) for b in bodies]
    assert FindCounter.scanned <= 1.1 * len(text)


def test_bodies_not_on_the_page_cost_a_bounded_search():
    bodies = [f"改写过的第{i}篇正文" + "内容。" * 200 for i in range(300)]
    text = "".join(f"标题\n原文第{i}篇\n\n" + "内容。" * 200 for i in range(300))
    FindCounter.scanned = 0
    starts = article_starts(FindCounter(text), [draft(i, b) for i, b in enumerate(bodies)])
    assert starts == sorted(starts) and all(0 <= s <= len(text) for s in starts)
    assert FindCounter.scanned <= 3 * len(text) + 300 * (2 * batch.BODY_SEARCH_SLACK)


def test_identical_articles_each_get_their_own_place():
    body = "本报讯 会议召开。"
    text = f"2020年\n标题\n{body}\n2021年\n标题\n{body}\n"
    drafts = [draft(0, body), draft(1, body)]
    starts = article_starts(text, drafts)
    assert starts == [text.index(body), text.rindex(body)]
    assert batch.article_years(text, drafts, None) == [2020, 2021]
    assert batch.article_years(text, drafts, 2019) == [2019, 2019]


def reference_year_near(text: str, pos: int) -> int | None:
    """year_near as it was: a scan of the whole text per position."""
    before = None
    for m in YEAR_MENTION_RE.finditer(text):
        year = int(m.group("y")) if m.group("y") else _cn_number(m.group("cy"))
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            continue
        if m.start() >= pos:
            return before if before is not None else year
        before = year
    return before


@given(st.lists(st.sampled_from(["2021年", "1850年", "二〇一五年", "2017-06-28", "会议", "11月13日", "，", "3000年"]),
                max_size=12),
       st.integers(min_value=0, max_value=80))
def test_year_index_answers_as_the_full_scan_did(pieces, pos):
    text = "".join(pieces)
    assert YearIndex.of(text).near(pos) == reference_year_near(text, pos) == year_near(text, pos)


def test_big_pages_of_the_bench_have_their_size_and_shape():
    text = "标题\n本报讯 会议召开，研究部署工作，强调要抓好落实。\n\n第二篇\n这是很长的一段正文，要有四十个字以上才算是正文段落的内容，所以这里再多写一些字，凑够长度。"
    for shape in BIG_PAGE_SHAPES:
        data = big_page(text, shape, 0.01)
        assert 10_000 - 4 <= len(data) <= 10_000
        decoded = data.decode("utf-8")
        assert ("\n" in decoded) == (shape != "one line")
        assert ("标题" in decoded) == (shape == "many articles")
