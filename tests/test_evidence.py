"""Evidence: every person, meeting and participant row carries the sentence it was read from."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tasks import meetings
from tasks.extract.people import extract_people
from tasks.evidence import evidence_of, sentence_at, sentence_span
from tasks.records import ArticleContext

TEXT = "11月25日，县委书记钱乙主持召开全县工作调度会。县长孙七出席会议并讲话！他说：“要抓好落实。”\n会议传达学习了郑十总书记重要讲话精神。"


def test_sentence_at_points_at_the_sentence_holding_the_offset():
    assert sentence_at(TEXT, TEXT.index("钱乙")) == "11月25日，县委书记钱乙主持召开全县工作调度会。"
    assert sentence_at(TEXT, TEXT.index("孙七")) == "县长孙七出席会议并讲话！"
    assert sentence_at(TEXT, TEXT.index("他说")) == "他说：“要抓好落实。”"
    assert sentence_at(TEXT, TEXT.index("郑十")) == "会议传达学习了郑十总书记重要讲话精神。"


@given(st.text(alphabet="甲乙。！\n，", max_size=30), st.integers(0, 30))
def test_the_span_holds_the_offset_and_no_inner_sentence_end(text, i):
    a, b = sentence_span(text, i)
    i = min(i, len(text))
    assert a <= i <= b
    assert not any(c in "。！\n" for c in text[a:max(a, b - 1)] if c != "\n") or "\n" not in text[a:b]


def test_evidence_of_a_name_is_its_first_sentence():
    assert evidence_of(TEXT, "孙七") == "县长孙七出席会议并讲话！"
    assert evidence_of(TEXT, "无名") is None


def test_meeting_rows_carry_their_sentences():
    ctx = ArticleContext(article_id="a", doc_id="d", title="全县工作调度会召开", body=TEXT, year=2022)
    found = extract_people(ctx)
    m = meetings.extract_meetings(ctx, found)[0]
    assert m.evidence == "11月25日，县委书记钱乙主持召开全县工作调度会。"
    assert m.participant_evidence[("钱乙", "chair")] == m.evidence
    assert m.participant_evidence[("孙七", "speaker")] == "县长孙七出席会议并讲话！"


def test_a_relayed_speech_makes_no_participant():
    ctx = ArticleContext(article_id="a", doc_id="d", title="全县工作调度会召开", body=TEXT, year=2022)
    m = meetings.extract_meetings(ctx, extract_people(ctx))[0]
    assert not any(n == "郑十" for n, _ in m.participants)


def test_a_watched_meeting_speaker_is_no_participant():
    body = "12日上午，区委书记钱乙主持召开区委常委会会议。会议组织收看了郑十总书记重要讲话。钱乙强调，要抓好落实。"
    ctx = ArticleContext(article_id="a", doc_id="d", title="区委常委会召开", body=body, year=2022)
    m = meetings.extract_meetings(ctx, extract_people(ctx))[0]
    assert ("钱乙", "chair") in m.participants and not any(n == "郑十" for n, _ in m.participants)
