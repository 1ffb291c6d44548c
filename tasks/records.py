"""Plain records passed between stages (no IO, no Prefect)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the extractors see of one article: clean simplified text plus where and when it is from."""
    article_id: str
    doc_id: str
    title: str
    body: str
    kicker: str | None = None
    subtitle: str | None = None
    region: str | None = None
    published_date: date | None = None
    year: int | None = None        # the year to give dates written without one (manifest, else the page)
    ref_date: date | None = None   # a full publication date when one is known (manifest or page header)
    # jieba-rs (token, part of speech) pairs tiling f"{title}\n{body}", blanks included: the article is
    # tagged once and every extractor reuses it.
    tags: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class PersonMention:
    """A person named in an article, with the titles written beside the name there."""
    name: str
    titles: list[str] = field(default_factory=list)
    mentions: int = 1
    # Each title reduced to its post ("某某公司总经理" -> 总经理), for asking who holds a post anywhere.
    posts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Meeting:
    """An event the article reports: kind is meeting | symposium | inspection | talks."""
    kind: str
    name: str
    meeting_date: date | None = None
    format: str | None = None
    participants: list[tuple[str, str]] = field(default_factory=list)  # (name, chair|speaker|attendee)
    evidence: str | None = None    # the sentence that reports the event
    # (name, role) -> the sentence the role was read from
    participant_evidence: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass(slots=True)
class EntityMention:
    """A place, organisation or quoted slogan and how often the article names it."""
    text: str
    kind: str | None = None
    count: int = 1
