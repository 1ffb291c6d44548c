"""The annotated article: built once per article and shared by every extractor; its fast paths against
their plain forms."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tasks.extract import annotate as A
from tasks.extract.lexicon import lexicon
from tasks.extract.orgs import extract_organisations
from tasks.extract.people import extract_people, find_people
from tasks.extract.places import extract_places
from tasks.records import ArticleContext
from tasks.segment import tag_raw


def ctx(body: str, title: str = "标题") -> ArticleContext:
    return ArticleContext(article_id="a", doc_id="d", title=title, body=body, tags=tuple(tag_raw(f"{title}\n{body}")))


def test_the_extractors_of_one_article_read_one_annotated_article():
    article = ctx("11月25日，县委书记钱乙在青石镇主持召开全县工作调度会。")
    a = A.annotate(article)
    t, _ = find_people(article)
    extract_places(article)
    extract_organisations(article)
    assert A.annotate(article) is a
    assert t is a.words                      # the people rules' view, built once
    assert A.tagged(a.text) is a.tagged      # the words places and organisations read
    assert A.annotate(ctx("另一篇。")) is not a


def test_the_annotated_article_gives_the_same_people_when_read_again():
    article = ctx("县委书记钱乙主持会议。县长孙七出席。")
    first = [(p.name, p.titles, p.mentions) for p in extract_people(article)]
    again = [(p.name, p.titles, p.mentions) for p in extract_people(article)]
    assert first == again == [("钱乙", ["县委书记"], 1), ("孙七", ["县长"], 1)]


def test_formula_spans_are_the_blanked_names():
    article = ctx("坚持以郑十同志为核心的党中央坚强领导。")
    a = A.annotate(article)
    spans = a.formula_spans
    assert [a.raw[i:j] for i, j in spans] == ["郑十"]
    assert all(set(a.words.s[i:j]) == {"〇"} for i, j in spans)


def test_bylines_and_datelines_of_the_view():
    a = A.annotate(ctx("本报讯（记者钱乙）新华社开罗3月2日电 会议召开。"))
    assert [a.words.s[i:j] for i, j in a.words.bylines] == ["钱乙"]
    assert [a.words.s[i:i + 3] for i in a.words.dateline_heads] == ["本报讯", "新华社"]


@given(st.text(alphabet="甲乙〇丙", max_size=200), st.data())
def test_differences_are_the_positions_that_differ(a, data):
    b = "".join(data.draw(st.sampled_from([c, "〇"])) for c in a)
    assert A._differences(a, b) == [i for i in range(len(a)) if a[i] != b[i]]


@given(st.lists(st.text(alphabet="甲乙丙丁", min_size=1, max_size=4), max_size=30), st.data())
def test_masked_tiling_is_the_plain_masking(tokens, data):
    raw = "".join(tokens)
    s = "".join(data.draw(st.sampled_from([c, "〇"])) for c in raw)
    pairs = [(tok, "n") for tok in tokens]
    ends, at = [], 0
    for tok in tokens:
        at += len(tok)
        ends.append(at)
    plain, at = [], 0
    for tok, pos in pairs:   # every token compared with the blanked text under it
        piece = s[at:at + len(tok)]
        plain.append((tok, pos) if piece == tok else (piece, "x"))
        at += len(tok)
    assert A._mask_tiling(pairs, raw, s, ends) == plain


FORMULA_PIECES = ["以", "钱乙", "郑十", "同志", "为", "总书记的", "核心的", "党中央", "为核心", "总书记", "新时代中国特色社会主义思想",
                  "经济", "思想", "理论", "，", "坚持", "的"]


def test_a_formula_without_the_common_words_is_blanked():
    """以…同志为总书记的党中央 holds none of 思想, 理论, 为核心: it is blanked all the same."""
    assert A.blank_fixed_phrases("坚持以钱乙同志为总书记的党中央领导", lexicon()) == "坚持以〇〇同志为总书记的党中央领导"


@given(st.lists(st.sampled_from(FORMULA_PIECES), max_size=14))
def test_blanking_formulas_is_the_plain_substitution_of_every_formula(pieces):
    text = "".join(pieces)
    lex = lexicon()
    plain = replace(lex, fixed_anchors=tuple(("", 0) for _ in lex.fixed))   # every formula by rx.sub over the text
    assert A.blank_fixed_phrases(text, lex) == A.blank_fixed_phrases(text, plain)


@given(st.lists(st.tuples(st.text(alphabet="甲乙丙丁", min_size=1, max_size=3), st.sampled_from(["n", "nr", "v", "nrt"])),
                max_size=30))
def test_persons_read_off_a_tiling_are_the_plain_ones(pairs):
    """Text.of reads jieba's person words off the running offsets; _persons walks the token dict."""
    text = "".join(tok for tok, _ in pairs)
    t = A.Text.of(text, text, pairs)
    assert t.persons == A._persons(t.starts)
