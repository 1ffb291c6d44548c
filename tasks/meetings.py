"""Meetings, symposia, inspection tours and talks an article reports (interface fixed here)."""
from __future__ import annotations

import logging

from tasks.records import ArticleContext, Meeting, PersonMention

log = logging.getLogger(__name__)


def extract_meetings(ctx: ArticleContext, people: list[PersonMention]) -> list[Meeting]:
    """The events this article reports, with chair / speaker / attendee roles."""
    return []
