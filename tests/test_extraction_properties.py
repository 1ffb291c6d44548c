"""Properties of extraction on arbitrary text: it never raises, and never invents a name."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.meetings import extract_meetings
from tasks.extract.people import extract_people
from tasks.records import ArticleContext
from tests.conftest import SEEDS

SENTENCES = [s for p in sorted(SEEDS.glob("00[0-3]*.txt"))
             for s in re.split(r"(?<=[。；])", p.read_text(encoding="utf-8").replace("\n", "")) if s.strip()]
SPACE = re.compile(r"\s+")


def ctx_of(title: str, body: str) -> ArticleContext:
    return ArticleContext(article_id="a", doc_id="d", title=title, body=body, region="某区", year=2022)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12), st.text(max_size=30))
def test_every_name_and_participant_is_in_the_text(sentences, noise):
    body = noise.join(sentences)
    ctx = ctx_of(sentences[0][:20], body)
    text = SPACE.sub("", ctx.title + ctx.body)
    people = extract_people(ctx)
    assert all(p.name and p.name in text for p in people)
    for meeting in extract_meetings(ctx, people):
        assert all(name in text for name, _ in meeting.participants)
        assert {role for _, role in meeting.participants} <= {"chair", "speaker", "attendee"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.text(max_size=40))
def test_extraction_never_raises_on_arbitrary_text(body, title):
    ctx = ctx_of(title, body)
    extract_meetings(ctx, extract_people(ctx))
