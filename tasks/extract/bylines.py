"""Bylines and datelines: where a report names its reporters and the place it was filed from.

Their names are the article splitter's business (reporter, photographer rows), never subjects; a
dateline's place (新华社开罗3月2日电) is no person.
"""
from __future__ import annotations

import re

from tasks.extract.chars import HAN
from tasks.extract.lexicon import BYLINE_AFTER, BYLINE_BEFORE


BYLINE_AFTER_RE = re.compile(f"[ 　]*(?:{'|'.join(BYLINE_AFTER)})(?![{HAN}]{{0,1}}[的了])")


# The characters a byline word can end with before a name, or start with after it (spaces included).
BYLINE_BEFORE_LAST = frozenset(w[-1] for w in BYLINE_BEFORE) | {" ", "　"}


BYLINE_AFTER_FIRST = frozenset(w[0] for w in BYLINE_AFTER) | {" ", "　"}


# "《焦裕禄》作者X", "这本书的作者X": the author of a work the article names, no byline; and a paper's or a
# station's chief editor ("县融媒体中心主任、总编辑X"), a post, no credit.
WORK_AUTHOR_RE = re.compile("[》的]作者[ 　]*$|总编辑[ 　]*$")


def byline_before(s: str, i: int) -> bool:
    """A byline word (记者, 通讯员, 作者 …) is written right before position i, and not as a work's author."""
    return i > 0 and s[i - 1] in BYLINE_BEFORE_LAST and s[max(0, i - 5):i].rstrip(" 　").endswith(BYLINE_BEFORE) \
        and WORK_AUTHOR_RE.search(s, max(0, i - 5), i) is None


def is_byline(s: str, i: int, name: str) -> bool:
    if byline_before(s, i):
        return True
    j = i + len(name)
    return s[j:j + 1] in BYLINE_AFTER_FIRST and BYLINE_AFTER_RE.match(s, j) is not None


# A byline run: the names after 记者/通讯员 up to 报道, 摄, a closing parenthesis or the end of the line
# ("新华社记者甲乙丙丁新华社通讯员戊己", "本报记者甲乙丙丁", "（记者甲乙、丙丁）").
BYLINE_RUN_RE = re.compile(f"(?:记者|通讯员|摄影)[ 　]*([{HAN}、 　]{{2,18}}?)(?=报道|报导|摄|[)）／/]|$)", re.M)


# A dateline names the place a report was filed from: "据新华社开罗3月2日电", "本报东京5月8日电".
DATELINE_HEADS = "新华社|中新社|本报|本社|社驻|报驻"


DATELINE_HEAD_RE = re.compile(DATELINE_HEADS)


DATELINE_HEAD_REACH = max(map(len, DATELINE_HEADS.split("|"))) - 1


DATELINE_RE = re.compile(f"(?:{DATELINE_HEADS})([{HAN}]{{2,8}}?)(?=[0-9０-９一二三四五六七八九十〇○]{{1,4}}[月日]|电|讯)")


def byline_spans(s: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in BYLINE_RUN_RE.finditer(s)]


def dateline_head_starts(s: str) -> list[int]:
    """Where DATELINE_HEADS words start in s, in order. A head word starting inside another one (社驻 in
    新华社驻) is not listed: it starts at most DATELINE_HEAD_REACH after a listed one."""
    return [m.start() for m in DATELINE_HEAD_RE.finditer(s)]
