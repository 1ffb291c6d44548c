"""Organisations named in an article: party, government and legislative bodies, committees, companies.

A suffix grammar kept as data (orgs_suffixes.txt, orgs_generic.txt, orgs_national.txt): a suffix (局,
指挥部, 集团) is found by regex and the name before it is read leftwards along jieba-rs word edges to an
anchor (a place, a national prefix, a level character such as 区 in 区委). A body right after another
without an anchor of its own is a part of it (国务院新闻办公室).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tasks.extract.annotate import Tagged, annotate, entity_mentions, tag_indices, tagged, word_at
from tasks.extract.chars import ANCHOR_HEADS, HAN_FIRST, HAN_LAST, ORG_ANCHOR_RE
from tasks.extract.lexicon import (ORG_ENDINGS, ORG_FOLLOWERS, ORG_GENERIC_NAMES, ORG_NATIONAL, ORG_NATIONAL_RE,
                                   ORG_STOP_WORDS, ORG_SUFFIXES, ORG_SUFFIX_END_RE, ORG_SUFFIX_RE, PLACE_FUNCTION_CHARS)
from tasks.extract.places import lexicon_places, name_start, place_spans
from tasks.records import ArticleContext, EntityMention


# Longest name between anchor and suffix: 新冠肺炎疫情防控工作 (10) fits, runaway clauses do not.
ORG_MAX_NAME = 14




# Level characters that end a common word are not anchors (社区居委会 is not 区居委会); 全区/我县/本市
# are deictic, so the body starts at the level character (全市疫情防控指挥部 -> 市疫情防控指挥部).
# Two levels together or a level with 级 are generic plurals (市县党委, 省级城市党委), not anchors.
LEVEL_WORD_HEADS = frozenset("社地辖城园景片山小郊矿林牧街专校疫老新都超上股楼门菜夜集场家故他异农省市区县州镇乡")


LEVEL_WORD_TAILS = frozenset("省市区县州镇乡级")


ORG_NAME_POS = frozenset({"n", "ns", "nt", "nz", "ng", "j", "b", "s", "x", "vn", "v", "an", "a", "l", "zg"})


# jieba's organisation names (nt) stand for any suffix; its ordinary dictionary words only for the
# "lexical" suffixes (财政部/n, a party name/nt), not for 中心 or 厅 (音乐厅/n).
ORG_TAG = frozenset({"nt"})


LEXICAL_POS = frozenset({"n", "nt", "j", "nz"})


# An organisation name without an anchor starts with a noun ("访问欧洲议会" -> 欧洲议会).
ORG_LEAD_POS = frozenset({"n", "ns", "nt", "nz", "ng", "j", "b", "vn", "x"})


def _is_level(text: str, i: int, m: re.Match[str]) -> bool:
    """A national prefix, or a level character that neither ends a word (社区) nor starts a plural (市县)."""
    if len(m.group()) > 1:
        return True
    return not (i > 0 and text[i - 1] in LEVEL_WORD_HEADS) and text[i + 1:i + 2] not in LEVEL_WORD_TAILS


def _anchor(text: str, s: int, p: int, places: dict[int, int]) -> int | None:
    """Leftmost start in [s, p) of a place (ending before p) or of a national or level prefix."""
    for i in range(s, p):
        if places.get(i, p + 1) <= p:
            return i
        if text[i] not in ANCHOR_HEADS:   # no prefix can start here: skip the regex
            continue
        m = ORG_ANCHOR_RE.match(text, i, p)
        if m and _is_level(text, i, m):
            return i
    return None


def _only_anchors(text: str, a: int, p: int, places: dict[int, int]) -> bool:
    """Nothing but places and prefixes between a and p (中共成都市委, 区委): the body of that level."""
    while a < p:
        if places.get(a, p + 1) <= p:
            a = places[a]
        elif m := ORG_ANCHOR_RE.match(text, a, p):
            a = m.end()
        else:
            return False
    return True


def _generic_name(t: Tagged, s: int, p: int) -> bool:
    """Every word of the name is a generic description (大型|企业 集团, 私营|商业 银行)."""
    j = bisect_right(t.starts, s - 1)
    while j < len(t.starts) and t.starts[j] < p:
        if t.text[max(t.starts[j], s):min(t.ends[j], p)] not in ORG_GENERIC_NAMES:
            return False
        j += 1
    return True


def _nouns_only(t: Tagged, s: int, p: int) -> bool:
    """Every word in [s, p) is noun-like (政治|工作部 is a unit; 召集|上市公司 is a clause); a word that
    runs into the suffix is judged with it (宣传部/nr)."""
    j = bisect_right(t.starts, s - 1)
    while j < len(t.starts) and t.ends[j] <= p:
        if t.poss[j] not in ORG_LEAD_POS:
            return False
        j += 1
    return True


def _noun_lead(t: Tagged, s: int, p: int) -> int:
    """First position in [s, p) where a noun-like word starts ("访问欧洲议会" -> 欧洲议会)."""
    starts = t.starts
    j = bisect_right(starts, s - 1)
    while j < len(starts) and starts[j] < p and (
            t.poss[j] not in ORG_LEAD_POS or t.words[j][0] in PLACE_FUNCTION_CHARS):
        j += 1
    return starts[j] if j < len(starts) and starts[j] < p else p


def _dictionary_org(t: Tagged, s: int, p: int, e: int, pos: frozenset[str]) -> int | None:
    """Start of a jieba word of three or more characters with a tag in pos, in [s, p), ending at e
    (财政部/n, 澳门政府/nt)."""
    j = word_at(t, e - 1)
    if j < 0:
        return None
    start, word = t.starts[j], t.words[j]
    if t.ends[j] == e and s <= start < p and len(word) >= 3 and t.poss[j] in pos \
            and word[0] not in PLACE_FUNCTION_CHARS:
        return start
    return None


@dataclass(frozen=True, slots=True)
class OrgHit:
    start: int
    end: int
    kind: str
    anchored: bool


def _org_at(t: Tagged, p: int, e: int, suffix: str, floor: int, after_org: bool,
            places: dict[int, int]) -> OrgHit | None:
    """The body whose suffix is text[p:e], read leftwards to its anchor; None when rejected. Without an
    anchor of its own, a name reaching back to the body just before it is a part of that body. The
    caller has ruled out a guarded suffix (one starting or ending another word: 部署, 干部)."""
    rule = ORG_SUFFIXES[suffix]
    # No name can start before floor or cross a character that is not Han: then it is empty.
    if p == floor or not HAN_FIRST <= t.text[p - 1] <= HAN_LAST:
        s = p
    else:
        s, _ = name_start(t, p, floor, ORG_MAX_NAME, ORG_NAME_POS, ORG_STOP_WORDS)
    a = _anchor(t.text, s, p, places) if s < p else None
    if a is not None:
        return OrgHit(a, e, rule.bare_kind if _only_anchors(t.text, a, p, places) else rule.kind, True)
    # Directly after a body: a unit of it (国务院|新闻办公室, 中央政治局|常委会), but not a one-character
    # suffix repeated as a title (国家疾控局|局长).
    if after_org and rule.part and s == floor and (s < p or len(suffix) > 1) and _nouns_only(t, s, p):
        return OrgHit(s, e, rule.kind, False)
    s = _noun_lead(t, s, p)
    if rule.mode in ("named", "standalone") and p - s >= 2 and not _generic_name(t, s, p):
        return OrgHit(s, e, rule.kind, False)
    if rule.mode == "standalone" and s == p:
        return OrgHit(p, e, rule.kind, False)
    # jieba's organisation names (nt) stand for any suffix; its ordinary dictionary words only for
    # ministries, commissions, bureaux and parties (财政部, a party name), not for 中心, 厅 (音乐厅).
    d = _dictionary_org(t, s, p, e, LEXICAL_POS if rule.mode == "lexical" else ORG_TAG)
    if d is None or _generic_name(t, d, p):
        return None
    return OrgHit(d, e, rule.kind, False)


def _national_end(t: Tagged, m: re.Match[str]) -> int:
    """End of a central body, or of jieba's longer organisation name starting with it (国务院新闻办公室/nt)."""
    j = word_at(t, m.start())
    if j >= 0 and t.starts[j] == m.start() and t.ends[j] > m.end() and t.poss[j] == "nt" \
            and ORG_SUFFIX_END_RE.search(t.words[j]):
        return t.ends[j]
    return m.end()


def _in_reading_order(national: list[re.Match[str]], suffixes) -> Iterator[tuple[re.Match[str], bool]]:
    """(match, is national) for both kinds of match by start, the longer first and a national body before a
    suffix match of the same span: a merge of two ordered streams (each regex's matches are in order and do
    not overlap), with no sort and no key per match."""
    k, n = 0, len(national)
    for m in suffixes:
        if k < n:
            ps, pe = m.span()
            while k < n and (national[k].start() < ps or national[k].start() == ps and national[k].end() >= pe):
                yield national[k], True
                k += 1
        yield m, False
    for rest in national[k:]:
        yield rest, True


@lru_cache(maxsize=16)
def org_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of bodies in reading order. A body directly after another without an anchor of
    its own is a part of it (国务院新闻办公室, 区委宣传部, 中央政治局常委会)."""
    t = tagged(text)
    # Anchors: lexicon places, jieba's organisation names (中国石油集团/nt 党委), suffixed places.
    starts, ends, words = t.starts, t.ends, t.words
    places = {starts[j]: ends[j] for j in tag_indices(t, "nt") if len(words[j]) >= 3}
    places.update((starts[j], ends[j]) for j in lexicon_places(t))
    places.update((sp.start, sp.end) for sp in place_spans(text))
    found: list[list] = []
    floor = 0
    for m, is_national in _in_reading_order(list(ORG_NATIONAL_RE.finditer(text)), ORG_SUFFIX_RE.finditer(text)):
        p = m.start()
        if p < floor:
            continue
        if is_national:
            hit = OrgHit(p, _national_end(t, m), ORG_NATIONAL[m.group()], True)
        else:
            e, suffix = m.end(), m.group()
            # The suffix starts another word (部署, 局面) or ends one (干部, 大局, 举办): nearly half of them,
            # rejected here before any call.
            if text[p:e + 1] in ORG_FOLLOWERS or text.endswith(ORG_ENDINGS[suffix], 0, e):
                continue
            hit = _org_at(t, p, e, suffix, floor, bool(found) and found[-1][1] == floor, places)
        if hit is None:
            continue
        if found and found[-1][1] == hit.start and not hit.anchored:
            found[-1][1] = hit.end
        else:
            found.append([hit.start, hit.end, hit.kind])
        floor = hit.end
    return tuple((s, e, k) for s, e, k in found)


def _merge_bare(counts: Counter[str], first: dict[str, int]) -> None:
    """A standalone suffix (指挥部) refers back to the one body with that suffix named before it, if any."""
    for suffix, rule in ORG_SUFFIXES.items():
        if rule.mode != "standalone" or suffix not in counts:
            continue
        full = [o for o in counts if o != suffix and o.endswith(suffix)]
        if len(full) == 1 and first[full[0]] < first[suffix]:
            counts[full[0]] += counts.pop(suffix)


def extract_organisations(ctx: ArticleContext) -> list[EntityMention]:
    """Party, government and legislative bodies, committees and companies named in the title and body."""
    text = annotate(ctx).text
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    first: dict[str, int] = {}
    for s, e, kind in org_spans(text):
        counts[text[s:e]] += 1
        kinds.setdefault(text[s:e], kind)
        first.setdefault(text[s:e], s)
    _merge_bare(counts, first)
    return entity_mentions(counts, kinds)
