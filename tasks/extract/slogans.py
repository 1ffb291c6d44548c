"""Quoted policy slogans (“外防输入、内防反弹”, “动态清零”): short quotations that carry a policy cue
(slogans_cues.txt), are numbered (两个统筹) or enumerate short parts, with the number of times each is quoted.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from tasks.extract.annotate import annotate, entity_mentions
from tasks.extract.chars import HAN
from tasks.extract.lexicon import SLOGAN_HEADS, SLOGAN_NAME_ENDS, SLOGAN_NOT_AFTER, SLOGAN_TITLE_BEFORE, SLOGAN_VERBS
from tasks.records import ArticleContext, EntityMention


CUE_WINDOW = 8   # characters before a quotation searched for a cue word


# Quotations: Chinese double quotes, ASCII double quotes within a line, corner brackets.
QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")


QUOTE_OPENERS = ("“", '"', "「", "『")   # the first character of each QUOTE_RE branch


CURLY_QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”")   # QUOTE_RE's first branch alone


CURLY_ONLY = [True, False, False, False]


SLOGAN_MIN, SLOGAN_MAX = 2, 20


# Sentence punctuation inside a quotation makes it speech; 、 joins the parts of one slogan.
SPEECH_PUNCT = re.compile(r"[，。！？；：,.!?;:…《》]")


BLANKS = re.compile(r"\s+")


HAN_OR_DIGIT = re.compile(rf"[{HAN}0-9]")


ENUMERATION_PART_MAX = 8   # 外防输入、内防反弹: each part of an enumerated slogan is short


SLOGAN_TRIM = re.compile(r"^[\s、，。：；,.;:·‘’'\"“”「」『』]+|[\s、，。：；,.;:·‘’'\"“”「」『』]+$")


# Numbered slogans: a numeral and a measure word (两个统筹, 四种形态), a short numeral-led phrase (三农,
# 四早, 双碳), or two numerals or more (两不愁三保障, 一府一委两院, 1+3+N, 十四五). "一定要…" is not one.
NUMERALS = "一二三四五六七八九十两双百千万〇○零0-9"


NUMBER_MEASURE = re.compile(rf"^[{NUMERALS}]+[个项大条张种类场批次字]")


NUMBER_SHORT = re.compile(r"^[一二三四五六七八九十两百千0-9].{1,3}$|^双.{1,2}$")


NUMERAL_RUN = re.compile(rf"[{NUMERALS}]+")


NUMBERED_MAX = 10


# Years, codes and model numbers (2020…, AB123) mark names of events and products, and a bare date
# (9·30) names an event, not a slogan.
LONG_NUMBER = re.compile(r"[0-9]{3,}|^[0-9]{1,2}[·.．][0-9]{1,2}$")


def normalise_slogan(raw: str) -> str:
    """NFKC (full-width digits and plus signs), no spaces, no surrounding punctuation or quotes."""
    return SLOGAN_TRIM.sub("", BLANKS.sub("", unicodedata.normalize("NFKC", raw)))


def _is_patterned(s: str) -> bool:
    """Numbered (四应四尽, 两个统筹, 1+3+N) or an ABAC/ABCB four-character pattern (一村一品, 应检尽检)."""
    if NUMBER_MEASURE.match(s) or NUMBER_SHORT.match(s):
        return True
    if len(s) <= NUMBERED_MAX and len(NUMERAL_RUN.findall(s)) >= 2:
        return True
    return len(s) == 4 and (s[0] == s[2] or s[1] == s[3])


def _own_cue(s: str) -> str | None:
    """What makes the quotation a slogan by itself: 'numbered' (四应四尽, 两个统筹) or 'enumeration'
    (外防输入、内防反弹); None when only a policy cue around it can (see _slogan_of)."""
    if _is_patterned(s):
        return "numbered"
    if "、" in s and all(len(part) <= ENUMERATION_PART_MAX for part in s.split("、")):
        return "enumeration"
    return None


@lru_cache(maxsize=1 << 12)
def _quoted(raw: str) -> tuple[str, str | None] | None:
    """(normalised slogan, its own cue) for a quotation's text, or None for speech, names and numbers:
    everything that depends on the quoted words alone, kept because the same slogans recur."""
    if SPEECH_PUNCT.search(raw):
        return None
    s = normalise_slogan(raw)
    if not SLOGAN_MIN <= len(s) <= SLOGAN_MAX or not HAN_OR_DIGIT.search(s) or s.endswith(SLOGAN_NAME_ENDS) \
            or LONG_NUMBER.search(s):
        return None
    return s, _own_cue(s)


def _slogan_of(text: str, m: re.Match[str]) -> tuple[str, str] | None:
    """(normalised slogan, cue) quoted by m, or None for speech, titles, names and scare-quoted words.
    The cue is numbered or enumeration (see _own_cue), else 'policy' for a head noun after the quotation
    or a verb of implementation before it."""
    quoted = _quoted(m.group(m.lastindex))   # one group per kind of quotation mark: the one that matched
    if quoted is None:
        return None
    start, end = m.start(), m.end()
    if SLOGAN_NOT_AFTER.match(text, end) or SLOGAN_TITLE_BEFORE.search(text, max(0, start - CUE_WINDOW), start):
        return None
    s, cue = quoted
    if cue is None and (SLOGAN_HEADS.match(text, end) or SLOGAN_VERBS.search(text, max(0, start - CUE_WINDOW), start)):
        cue = "policy"
    return (s, cue) if cue else None


def extract_slogans(ctx: ArticleContext) -> list[EntityMention]:
    """Quoted policy phrases (“外防输入、内防反弹”, “动态清零”) with the number of times each is quoted;
    kind is the cue that made the first quotation a slogan (numbered, enumeration, policy)."""
    text = annotate(ctx).text
    # A quotation starts at its opening mark, so marks absent from the text rule their kind out: with only
    # Chinese double quotes (nearly always) their own regex, which searches for its literal first
    # character, finds the same quotations much faster than the four-way one.
    present = [mark in text for mark in QUOTE_OPENERS]
    if not any(present):
        return []
    quote_re = CURLY_QUOTE_RE if present == CURLY_ONLY else QUOTE_RE
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for m in quote_re.finditer(text):
        found = _slogan_of(text, m)
        if found is not None:
            counts[found[0]] += 1
            kinds.setdefault(*found)
    return entity_mentions(counts, kinds)
