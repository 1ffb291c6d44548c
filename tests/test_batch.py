"""tasks/batch.py: the row buffers, and a document failing half-way through leaving no rows behind."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pytest

import tasks.batch as batch
from tasks.batch import BATCH_SCHEMAS, RawDocument, TokenRows, _positions, _runs, process_batch

NOW = datetime(2024, 5, 1, tzinfo=timezone.utc)
PAGE_A = "区委召开常委会\n\n会议由区委书记张小明主持。会议强调，要抓好安全生产工作。\n".encode()
PAGE_B = "全区开展防汛演练\n\n本报讯 昨日，全区开展防汛应急演练，各部门参加。\n".encode()


def test_runs_expand_each_value_its_length_and_skip_empty_runs():
    assert _runs(["a", "b", "c"], [2, 0, 3]).to_pylist() == ["a", "a", "c", "c", "c"]
    assert _runs([], []).to_pylist() == []


def test_positions_restart_for_each_article():
    assert _positions([3, 0, 2]).to_pylist() == [0, 1, 2, 0, 1]
    assert _positions([]).to_pylist() == []


def test_positions_beyond_the_cached_range():
    n = (1 << 16) + 5
    out = _positions([n, 1]).to_pylist()
    assert out[-3:] == [n - 2, n - 1, 0]


def test_token_rows_table_matches_row_by_row_construction():
    rows = TokenRows()
    rows.add("a1", "d1", (("标题", "n"), ("\n", "x"), ("正文", "n"), ("qq.com", "eng"), ("。", "x")), 2)
    rows.add("a2", "d1", (), 0)
    rows.add("a3", "d2", (("二", "m"), (" ", "x")), 2)
    expected = pa.table({
        "article_id": ["a1"] * 6 + ["a3"], "position": [0, 1, 2, 3, 4, 5, 0],
        "token": ["标题", "正文", "qq", ".", "com", "。", "二"], "pos": ["n", "n", "x", "x", "x", "x", "m"],
        "field": ["title"] + ["body"] * 5 + ["title"], "doc_id": ["d1"] * 6 + ["d2"],
    }, schema=BATCH_SCHEMAS["tokens"])
    assert rows.table().equals(expected)


def _title_pairs_plain(title, tags):
    """The body's first pair, walked to as add_tokens did before it read the shared offsets."""
    at = 0
    for i, (token, _) in enumerate(tags):
        if at > len(title):
            return i
        at += len(token)
    return len(tags)


@pytest.mark.parametrize("title,body", [("区委召开常委会", "会议由区委书记张小明主持。qq.com 2024-05-01"), ("", "正文"),
                                        ("标题", ""), ("", ""), ("A 股 ", " 二\u3000三")])
def test_token_rows_from_the_shared_columns_equal_the_plain_rows(title, body):
    from tasks.records import ArticleContext
    from tasks.segment import tag_raw
    tags = tuple(tag_raw(f"{title}\n{body}"))
    ctx = ArticleContext(article_id="a1", doc_id="d1", title=title, body=body, tags=tags)
    shared, plain = batch.Rows(), TokenRows()
    batch.add_tokens(shared, ctx)
    plain.add("a1", "d1", tags, _title_pairs_plain(title, tags))
    assert shared.tokens.articles == plain.articles
    assert shared.tokens.table().equals(plain.table())


def test_arrow_whitespace_is_str_isspace_for_every_code_point():
    """TokenRows drops blank tokens with Arrow's utf8_is_space, standing in for str.isspace."""
    import pyarrow.compute as pc
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert pc.utf8_is_space(pa.array(chars)).to_pylist() == [c.isspace() for c in chars]
    tokens = ["", " ", "\u3000\n", " a", "a ", "\u2028", "\x1c", "\u200b", "甲"]
    assert pc.utf8_is_space(pa.array(tokens)).to_pylist() == [t.isspace() for t in tokens]


def test_token_rows_drop_removes_one_document_only():
    rows = TokenRows()
    rows.add("a1", "d1", (("甲", "n"), ("乙", "n")), 1)
    rows.add("a2", "d2", (("丙", "n"),), 1)
    rows.add("a3", "d1", (("丁", "n"),), 0)
    rows.drop("d1")
    assert rows.table().to_pydict()["token"] == ["丙"]


def test_a_document_failing_mid_way_leaves_only_its_reject(monkeypatch):
    real = batch.places.extract_places

    def fail_on_b(ctx):
        if ctx.doc_id == "b.txt":
            raise RuntimeError("boom")
        return real(ctx)

    # Places run after the article, token and people rows of the document were appended.
    monkeypatch.setattr(batch.places, "extract_places", fail_on_b)
    tables = process_batch([RawDocument("a.txt", PAGE_A), RawDocument("b.txt", PAGE_B)], version="t", now=NOW)
    for name, table in tables.items():
        assert table.schema == BATCH_SCHEMAS[name]
        if "doc_id" in table.column_names:
            assert set(table["doc_id"].to_pylist()) <= {"a.txt"}, name
    assert tables["rejects"]["path"].to_pylist() == ["b.txt"]
    assert "RuntimeError: boom" in tables["rejects"]["reason"][0].as_py()
    assert tables["tokens"].num_rows > 0 and tables["articles"].num_rows == 1


@pytest.mark.parametrize("pages", [[PAGE_A], [PAGE_A, PAGE_B]])
def test_token_positions_are_dense_per_article(pages):
    tables = process_batch([RawDocument(f"{i}.txt", p) for i, p in enumerate(pages)], version="t", now=NOW)
    tokens = tables["tokens"].to_pydict()
    by_article: dict[str, list[int]] = {}
    for aid, pos in zip(tokens["article_id"], tokens["position"]):
        by_article.setdefault(aid, []).append(pos)
    assert set(by_article) == set(tables["articles"]["article_id"].to_pylist())
    assert all(p == list(range(len(p))) for p in by_article.values())


YEAR_END_ITEMS = ("县政府召开常务会议\n1月5日，县长甲某某主持召开常务会议。\n县委召开全委会\n12月28日，县委召开全委会议。\n"
                  "县政协召开主席会议\n1月6日，县政协召开主席会议。\n")


@pytest.mark.parametrize(("page", "years"), [
    (YEAR_END_ITEMS, [2012, 2011, 2012]),
    # the page's header dates it
    ("2012年1月6日 星期五\n县委召开全委会\n12月28日，县委召开全委会议。\n", [2011]),
    ("2012年12月30日 星期日\n县委召开全委会\n12月28日，县委召开全委会议。\n", [2012]),
    # nothing tells when the page is: its year
    ("县委召开全委会\n12月28日，县委召开全委会议。\n", [2012]),
    ("县委召开全委会\n6月28日，县委召开全委会议。\n县政协召开主席会议\n1月6日，县政协召开主席会议。\n"
     "县政府召开常务会议\n12月5日，县政府召开常务会议。\n", [2012, 2012, 2012]),
    # a January day looked ahead to is no January news: a page of December announcing the new year's rules
    ("县委召开常委会\n12月28日，县委召开常委会议。\n医保缴费标准调整\n1月1日起，我县城乡居民医保个人缴费标准调整。\n"
     "县人大常委会召开会议\n12月26日，县人大常委会召开第十五次会议。\n", [2012, 2012, 2012]),
])
def test_an_item_dated_in_the_december_before_its_january_page_is_of_the_year_before(page, years):
    from tasks.articles import split_articles
    drafts = split_articles(page)
    assert batch.article_years(page, drafts, 2012) == years
    assert batch.article_years(page, drafts, 2012, ref=batch.date(2012, 1, 6)) == [2012] * len(drafts)


HEADED_PAGE = ("梅溪报\n2023年6月14日 星期三 第3125期\n\n县委常委会召开会议\n"
               "本报讯（记者 黄晓彤）昨天上午，县委常委会召开会议。县委书记罗启鸿主持会议并讲话。\n\n"
               "全县安全生产工作会议召开\n本报讯 12日下午，全县安全生产工作会议召开。副县长李明远出席会议并讲话。\n\n"
               "我县荣获省级卫生县城称号\n本报讯 我县荣获省级卫生县城称号。\n")


def _dated(page: str, published: str | None) -> tuple[list, list]:
    from tasks.ingest import ManifestEntry
    manifest = ManifestEntry(published, "梅溪报", "梅溪县", None) if published else None
    tables = process_batch([RawDocument("a.txt", page.encode(), manifest)], version="t", now=NOW)
    articles = dict(zip(tables["articles"]["article_id"].to_pylist(), tables["articles"]["title"].to_pylist()))
    meetings = sorted((articles[a], str(d)) for a, d in zip(tables["meetings"]["article_id"].to_pylist(),
                                                            tables["meetings"]["meeting_date"].to_pylist()))
    return [str(d) for d in tables["articles"]["published_date"].to_pylist()], meetings


@pytest.mark.parametrize(("published", "header"), [
    ("2023", "2023年6月14日 星期三 第3125期"), (None, "2023年6月14日 星期三 第3125期"),
    ("2023", "2023年6月14日 第3125期"), ("2023", "第3125期 2023-06-14 第03版：要闻"), ("2023", "2023-06-14（星期三）"),
    ("2023", "2023年6月14日 癸卯年四月廿七 星期三"), ("2023", "2023年6月14日 农历癸卯年四月廿七 星期三 第3125期"),
])
def test_the_page_headers_day_dates_yesterday_and_a_bare_day(published, header):
    dates, meetings = _dated(HEADED_PAGE.replace("2023年6月14日 星期三 第3125期", header), published)
    # the header's day is a reference, not every item's date: the undated item stays undated
    assert dates == ["2023-06-13", "2023-06-12", "None"]
    assert meetings == [("全县安全生产工作会议召开", "2023-06-12"), ("县委常委会召开会议", "2023-06-13")]


@pytest.mark.parametrize("page", [
    HEADED_PAGE.replace("2023年", "2021年"),                       # a header of another year than the manifest's
    HEADED_PAGE.replace("2023年6月14日 星期三", "第3125期"),       # no header date
    HEADED_PAGE.replace("2023年6月14日 星期三 第3125期", "2023年6月14日第二期培训班开班"),   # a date in a line of text
    # a site's bar giving the reader's day, and a lead dated with its weekday, are no header
    HEADED_PAGE.replace("2023年6月14日 星期三 第3125期", "今天是：2023年6月14日 星期三"),
    # a weekday date far down the page is an article's own, not the header's
    HEADED_PAGE.replace("2023年6月14日 星期三 第3125期", "第3125期") + "县城面貌焕然一新\n" + "县城街道干净整洁。" * 70
    + "\n2023年6月14日 星期三，检查组复核。\n",
])
def test_without_the_headers_day_yesterday_stays_undated(page):
    dates, _ = _dated(page, "2023")
    assert "2023-06-13" not in dates and "2023-06-12" not in dates   # 昨天 and 12日 stay undated


BRIEFS_PAGE = ("简讯\n本报讯 3月4日，县委书记罗启鸿到县人民医院调研。\n\n"
               "本报讯 5日上午，县长李明远主持召开县政府常务会议，研究春耕生产工作。\n\n"
               "本报讯 2日，县委副书记黄晓彤到梅溪镇检查防汛工作。\n\n"
               "本报讯 近日，我县荣获省级卫生县城称号。\n")


def test_a_brief_dated_by_its_day_alone_takes_the_month_of_the_item_above():
    dates, meetings = _dated(BRIEFS_PAGE, "2024")
    assert dates == ["2024-03-04", "2024-03-05", "2024-03-02", "None"]
    assert ("5日上午，县长李明远主持召开县政府常务会议", "2024-03-05") in meetings


@pytest.mark.parametrize("page", [
    BRIEFS_PAGE.replace("3月4日", "近日"),                    # no item above gives a month
    BRIEFS_PAGE.replace("5日上午", "将于5日上午"),             # a day looked ahead to is no item's date
    # the item above is dated by what its text speaks of, not by the day it opens with
    BRIEFS_PAGE.replace("3月4日，县委书记罗启鸿到县人民医院调研。", "近日，县委理论学习中心组重温1949年3月4日的讲话。"),
    BRIEFS_PAGE.replace("3月4日，县委书记罗启鸿到县人民医院调研。", "近日，县长罗启鸿要求各乡镇于3月4日前完成春耕备耕。"),
    BRIEFS_PAGE.replace("3月4日", "2023年3月4日"),            # an item of another year than the page's
])
def test_a_bare_day_stays_undated_without_a_month_above(page):
    dates, _ = _dated(page, "2024")
    assert not any(d.endswith("-03-05") for d in dates)


def test_a_bare_day_reads_forward_from_the_day_above():
    # a column runs forward in time: a later day is of the same month however far on, and so is the next bare day
    page = BRIEFS_PAGE.replace("3月4日", "6月2日").replace("5日上午", "20日上午").replace("本报讯 2日", "本报讯 28日")
    assert _dated(page, "2024")[0][:3] == ["2024-06-02", "2024-06-20", "2024-06-28"]
    # a day far before the one above is of the next month; a few days before, of the same
    page = BRIEFS_PAGE.replace("3月4日", "3月30日").replace("5日上午", "1日上午")
    assert _dated(page, "2024")[0][:2] == ["2024-03-30", "2024-04-01"]


def test_a_lead_dated_with_its_weekday_is_an_item_not_the_header():
    dates, _ = _dated(HEADED_PAGE.replace("2023年6月14日 星期三 第3125期", "2023年6月14日（星期三）上午，县里召开大会。"),
                      "2023")
    # 昨天 has no header day to count from; 12日 takes the month of the item dated above it
    assert dates == ["2023-06-14", "None", "2023-06-12", "None"]


def test_a_manifests_full_date_stays_every_items_date():
    dates, meetings = _dated(HEADED_PAGE, "2023-06-15")
    assert dates == ["2023-06-15"] * 3
    assert meetings == [("全县安全生产工作会议召开", "2023-06-12"), ("县委常委会召开会议", "2023-06-14")]
