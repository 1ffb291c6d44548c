"""Places named in an article: districts, counties, towns, streets, communities, villages, venues,
provinces and countries, one row per place with its number of mentions.

A suffix grammar kept as data (places_*.txt): a suffix (镇, 街道, 社区) is found by regex and the name in
front of it is read leftwards along jieba-rs word edges until a word that cannot be part of a name (a
verb, a preposition, punctuation, a deictic such as 全/我/各). Short forms of places named in the article
and lexicon places (places_lexicon.txt) count too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tasks.extract.annotate import Tagged, annotate, entity_mentions, han_word, tag_indices, tagged, word_at
from tasks.extract.chars import HAN_FIRST, HAN_LAST, HAN_ONLY
from tasks.extract.lexicon import (PLACE_BEFORE_SUFFIX_STOP, PLACE_DEICTICS, PLACE_ENDINGS, PLACE_FOLLOWERS,
                                   PLACE_FUNCTION_CHARS, PLACE_LEXICON, PLACE_NAME_ENDINGS, PLACE_QUALIFIER_RE,
                                   PLACE_SUFFIXES, PLACE_SUFFIX_RE, QUALIFIER_HEADS)
from tasks.records import ArticleContext, EntityMention


# Administrative kinds: a name part may start with a province or municipality (浙江东湖新区).
ADMIN_KINDS = frozenset({"province", "city", "district", "county", "town", "street", "community", "village"})


# Shortest name part: one-character names (城区, 地区) are nearly always common nouns.
MIN_NAME = 2


# jieba tags for proper names: a leading deictic character inside one of these is part of the name.
PROPER_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j", "nt"})


# A short form of a place named in the article may carry any proper-name tag: jieba tags the same
# district short form nr in one sentence and ns in the next.
STEM_POS = frozenset({"ns", "nr", "nz", "j"})


# jieba tags for person names: a candidate of four or more characters that is one such word is a person
# (a transliterated name ending in 村), not a village; shorter ones are jieba's guesses at unknown
# place names (a district name tagged nr).
PERSON_POS = frozenset({"nr", "nrt", "nrfg"})


PERSON_MIN = 4


# Ethnic autonomous areas put the people after the place (广西壮族自治区): never split off the province.
AUTONOMOUS = "自治"


# Words that may stand in a name when reading leftwards (jieba-rs / ICTCLAS tags): nouns, names,
# abbreviations, distinguishing words; verbal nouns only in venue names (…生产基地); verbs, adjectives
# and idioms only inside organisation names (区招商服务促进局, 国家卫生健康委), which hold no person names.
PLACE_NAME_POS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "j", "b", "s", "x"})


VENUE_NAME_POS = PLACE_NAME_POS | {"vn"}


# Tags of the words that may anchor an organisation as a place or a body (see org_spans).
ANCHOR_POS = frozenset({"nt", "ns"})


@lru_cache(maxsize=16)
def lexicon_places(t: Tagged) -> tuple[int, ...]:
    """Indices of the ns words that are lexicon places, ascending: places and organisations both read them."""
    words = t.words
    return tuple(j for j in tag_indices(t, "ns") if words[j] in PLACE_LEXICON)


def name_start(t: Tagged, end: int, floor: int, limit: int, allowed: frozenset[str],
               stop_words: frozenset[str] = frozenset()) -> tuple[int, bool]:
    """Leftmost start of the run of name-like words ending at `end`, not before `floor`, at most `limit`
    long; and whether the limit (rather than a non-name word) ended it.

    The word holding `end` is cut there (a suffix may begin inside a jieba word: 区新冠); a word
    crossing `floor` ends the run.
    """
    start = end
    starts, ends, words, poss = t.starts, t.ends, t.words, t.poss
    j = bisect_right(starts, end - 1) - 1
    while j >= 0:
        tok_start, tok_end = starts[j], ends[j]
        if tok_start < floor or min(tok_end, end) != start:
            break
        # A word running into the suffix is jieba's reading of name and suffix together (宣传部/nr).
        pos, word = poss[j], words[j]
        if not (pos in allowed or tok_end > end and pos in PROPER_POS) or word in stop_words \
                or word in PLACE_FUNCTION_CHARS:
            break
        # Only the word holding `end` is cut; every word before it is read whole.
        if not (han_word(word) if tok_end <= end else HAN_ONLY.fullmatch(t.text, tok_start, start)):
            break
        if end - tok_start > limit:
            return start, True
        start = tok_start
        j -= 1
    return start, False


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    kind: str
    stem: str   # the name part without its suffix: 石桥 of 石桥区


def _clean_name(t: Tagged, s: int, p: int) -> int:
    """Start of the name part after its last qualifier (中高风险 -> '') and a leading deictic that jieba
    does not read as part of a proper name (全区, 各村 -> ''; a proper name such as 两湖/ns stays)."""
    if not QUALIFIER_HEADS.isdisjoint(t.text[s:p]):   # most names hold no qualifier's first character
        last = None
        for m in PLACE_QUALIFIER_RE.finditer(t.text, s, p):
            last = m
        if last is not None:
            s = last.end()
    starts, words, poss = t.starts, t.words, t.poss
    j = bisect_right(starts, s - 1)
    n = len(starts)
    while j < n and starts[j] < p:
        if words[j][0] in PLACE_DEICTICS and poss[j] not in PROPER_POS:
            s = starts[j] + 1
        j += 1
    return s


def _name_of(t: Tagged, p: int, e: int, floor: int, kind: str, limit: int, jp: int) -> int | None:
    """Start of the name part before the suffix [p, e) (jp: index of the word covering p, or -1), or None
    when there is no acceptable one."""
    # A jieba word that runs into the suffix (石门村/ns, X峡镇/n); None when the suffix starts a word.
    glued = t.starts[jp] if jp >= 0 and t.starts[jp] < p else None
    if glued is not None and t.text[glued] in PLACE_FUNCTION_CHARS \
            or t.text[p - 1:p] in PLACE_BEFORE_SUFFIX_STOP:
        return None
    allowed = VENUE_NAME_POS if kind == "venue" else PLACE_NAME_POS
    s, limited = name_start(t, p, floor, limit, allowed)
    if limited:
        # Too long a run: keep the word glued to the suffix if it is a place (龙潭沟石门村 -> 石门村), or
        # the run cut at the limit if it starts with a proper name (四川青山白沙街道 -> 青山白沙街道).
        lead = word_at(t, s)
        if glued is not None and t.poss[jp] == "ns" and glued >= floor:
            s = glued
        elif s == p or lead < 0 or t.poss[lead] != "ns":
            return None
    if p - s < MIN_NAME:   # too short already: cleaning only moves the start right, and the caller rejects it
        return s
    return _clean_name(t, s, p)


def _split_suffix(t: Tagged, jp: int, p: int, e: int) -> bool:
    """The suffix is not a word of the text: jieba puts it inside a longer word (常务副区长), unless that
    word is itself a place or organisation name (X市委/nt), or splits it (人民公社|区域 has no 社区).
    jp: index of the word covering p, or -1."""
    if jp < 0:
        return False
    tok_start, tok_end = t.starts[jp], t.ends[jp]
    if tok_start < p and tok_end > e and t.poss[jp] not in ANCHOR_POS:
        return True
    return p < tok_end < e


def _has_proper(t: Tagged, s: int, p: int) -> bool:
    """Some word overlapping [s, p) is tagged as a proper name."""
    starts, ends, poss = t.starts, t.ends, t.poss
    j = max(bisect_right(starts, s) - 1, 0)
    n = len(starts)
    while j < n and starts[j] < p:
        if ends[j] > s and poss[j] in PROPER_POS:
            return True
        j += 1
    return False


def _place_at(t: Tagged, m: re.Match[str], floor: int) -> Span | None:
    """The place whose suffix is match m, or None when the grammar rejects it."""
    p, e = m.span()
    suffix = m.group()
    text = t.text
    if len(suffix) == 1 and text[p:e + 1] in PLACE_FOLLOWERS:
        return None
    # The name is read leftwards over Han words, never before floor: without MIN_NAME characters of room,
    # or with a character that is not Han just before the suffix (one candidate in eight), it is too short.
    if p - floor < MIN_NAME or not HAN_FIRST <= text[p - 1] <= HAN_LAST:
        return None
    jp = word_at(t, p)
    if _split_suffix(t, jp, p, e):
        return None
    # Every test here only rejects, so their order changes no result: the cheap ones go first (a common
    # noun ending in the suffix, 城区, rules out a fifth of the matches before the name is read).
    if text.endswith(PLACE_ENDINGS[suffix], 0, e):
        return None
    rule = PLACE_SUFFIXES[suffix]
    s = _name_of(t, p, e, floor, rule.kind, rule.limit, jp)
    if s is None or p - s < MIN_NAME or rule.proper and not _has_proper(t, s, p):
        return None
    whole = word_at(t, s)
    if whole >= 0 and t.poss[whole] in PERSON_POS and t.starts[whole] == s and t.ends[whole] >= e >= s + PERSON_MIN:
        return None
    if _generic_ending(t, e, PLACE_NAME_ENDINGS[suffix]):
        return None
    name = text[s:p]
    return Span(s, e, name + suffix, rule.kind, name)


def _generic_ending(t: Tagged, e: int, endings: tuple[str, ...]) -> bool:
    """The text before e ends in a common noun that also ends real names (城市, 山区), and jieba does not
    read its first character as part of a place or organisation word (晋城/ns 市, 成都市/ns, X市委/nt)."""
    for g in endings:
        if t.text.endswith(g, 0, e):
            j = word_at(t, e - len(g))
            if j < 0 or t.starts[j] == e - len(g) or t.poss[j] not in ANCHOR_POS:
                return True
    return False


def _split_province(t: Tagged, span: Span) -> list[Span]:
    """浙江东湖新区 -> 浙江 + 东湖新区: an administrative name led by a province or municipality and
    followed by another proper name (湖南经济技术开发区 and 广西壮族自治区 stay whole)."""
    if span.kind not in ADMIN_KINDS or span.text[len(span.stem):].startswith(AUTONOMOUS):
        return [span]
    for n in (3, 2):
        head = span.stem[:n]
        if head not in PLACE_LEXICON or len(span.stem) - n < MIN_NAME:
            continue
        s = span.start + n
        rest = word_at(t, s)
        if rest >= 0 and t.starts[rest] == s and t.poss[rest] in PROPER_POS:
            return [Span(span.start, s, head, PLACE_LEXICON[head], head),
                    Span(s, span.end, span.text[n:], span.kind, span.stem[n:])]
    return [span]


@lru_cache(maxsize=16)
def place_spans(text: str) -> tuple[Span, ...]:
    """Suffixed places in reading order; each ends where the next may begin (石桥区 | 白沙街道)."""
    t = tagged(text)
    spans: list[Span] = []
    floor = 0
    for m in PLACE_SUFFIX_RE.finditer(text):
        span = _place_at(t, m, floor)
        if span is not None:
            spans.extend(_split_province(t, span))
            floor = span.end
    return tuple(spans)


def _bare_places(t: Tagged, spans: tuple[Span, ...], region: str | None) -> list[tuple[str, str]]:
    """(place, kind) for ns-tagged words outside suffixed places: a stem of a place named in the
    article or of its region (石桥 -> 石桥区), else a province, municipality or country by lexicon."""
    stems: dict[str, Span | None] = {}
    for sp in spans:
        if sp.stem != sp.text:
            seen = stems.get(sp.stem, sp)
            stems[sp.stem] = sp if seen is not None and seen.text == sp.text else None   # ambiguous: none
    if region and (rm := PLACE_SUFFIX_RE.search(region)) and rm.end() == len(region) and rm.start() >= MIN_NAME:
        stems.setdefault(region[:rm.start()], Span(0, 0, region, PLACE_SUFFIXES[rm.group()].kind, ""))
    span_starts = [sp.start for sp in spans]
    out = []
    starts, words, poss = t.starts, t.words, t.poss
    # Only a word that is a stem, or a lexicon word tagged ns, can count: those words, in text order.
    wanted = set(lexicon_places(t))
    wanted.update(_words_equal_to(t, stems))
    for j in sorted(wanted):
        if poss[j] not in STEM_POS:
            continue
        start = starts[j]
        k = bisect_right(span_starts, start) - 1
        if k >= 0 and start < spans[k].end:
            continue
        word = words[j]
        target = stems.get(word)
        if target is not None:
            out.append((target.text, target.kind))
        elif poss[j] == "ns" and word in PLACE_LEXICON:
            out.append((word, PLACE_LEXICON[word]))
    return out


def _words_equal_to(t: Tagged, strings) -> list[int]:
    """Indices of the words equal to one of the strings: each string's occurrences in the text (few) that
    start and end a word, instead of comparing every word of the article."""
    out = []
    starts, ends, words, text = t.starts, t.ends, t.words, t.text
    n = len(starts)
    for w in strings:
        if not w:   # the empty word has no occurrences to find: compare every word
            out.extend(j for j in range(n) if not words[j])
            continue
        k = text.find(w)
        while k >= 0:
            j = bisect_left(starts, k)
            while j < n and starts[j] == k:
                if ends[j] == k + len(w):
                    out.append(j)
                j += 1
            k = text.find(w, k + 1)
    return out


def extract_places(ctx: ArticleContext) -> list[EntityMention]:
    """Districts, counties, towns, streets, communities, villages, venues, provinces and countries named
    in the title and body, one row per place with its number of mentions."""
    a = annotate(ctx)
    text, t = a.text, a.tagged
    spans = place_spans(text)
    counts: Counter[str] = Counter(sp.text for sp in spans)
    kinds = {sp.text: sp.kind for sp in spans}
    for place, kind in _bare_places(t, spans, ctx.region):
        counts[place] += 1
        kinds.setdefault(place, kind)
    return entity_mentions(counts, kinds)
