"""Places, organisations and quoted slogans named in an article, with how often each is named.

All three read the article's title and body joined by a newline, and count mentions there. Places and
organisations follow a suffix grammar kept as data (tasks/data/places_*.txt, orgs_*.txt): a suffix (镇,
街道, 社区, …局, …指挥部, …集团) is found by regex and the name in front of it is read leftwards along
jieba-rs word edges until a word that cannot be part of a name (a verb, a preposition, punctuation, a
deictic such as 全/我/各). jieba-rs tags the article once; places and organisations share that tagging
through a small cache. Slogans are short quotations that carry a policy cue (tasks/data/slogans_cues.txt).
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from tasks.lexicon import sections
from tasks.records import ArticleContext, EntityMention
from tasks.segment import tag

log = logging.getLogger(__name__)

HAN = "\u4e00-\u9fff"
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"   # HAN's range, for a test of one character without a regex
HAN_ONLY = re.compile(rf"[{HAN}]+")


# ---------------------------------------------------------------- rules as data

def read_rules(name: str) -> dict[str, list[list[str]]]:
    """Rows of whitespace-separated fields per '[section]' ('' before the first); '#' starts a comment."""
    return {"": [], **sections(name)}


def _words(rows: list[list[str]]) -> frozenset[str]:
    return frozenset(w for row in rows for w in row)


def _followers(rows: list[list[str]]) -> frozenset[str]:
    """'市 场 民' rows -> {'市场', '市民'}: a suffix and the character that makes it another word."""
    return frozenset(row[0] + nxt for row in rows for nxt in row[1:])


def _alternation(words) -> re.Pattern[str]:
    """One regex trying longer words first, so 高新区 wins over 新区 and 新区 over 区. Words are grouped by
    their first character (区(?:委|)): the engine tries every branch wherever a first character occurs,
    and one branch per character is fewer tries than one per word, for the same matches."""
    by_head: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_head.setdefault(w[0], []).append(re.escape(w[1:]))
    return re.compile("|".join(re.escape(head) + ("" if rests == [""] else f"(?:{'|'.join(rests)})")
                               for head, rests in by_head.items()))


@dataclass(frozen=True, slots=True)
class PlaceSuffix:
    kind: str
    limit: int       # longest name part
    proper: bool     # the name part must hold a proper-name word


@dataclass(frozen=True, slots=True)
class OrgSuffix:
    kind: str
    mode: str        # anchored | lexical | named | standalone
    part: bool       # may name a unit of the body just before it
    bare_kind: str   # kind when only an anchor stands before it


def _endings_by_suffix(endings: frozenset[str], suffixes) -> dict[str, tuple[str, ...]]:
    """For each suffix, the generic words that end with it and are longer (城区 for 区, 干部 for 部)."""
    return {x: tuple(g for g in endings if g.endswith(x) and len(g) > len(x)) for x in suffixes}


_PLACE_GENERIC = read_rules("places_generic.txt")
PLACE_SUFFIXES: dict[str, PlaceSuffix] = {
    r[0]: PlaceSuffix(r[1], int(r[2]), r[3] == "yes") for r in read_rules("places_suffixes.txt")[""]}
PLACE_SUFFIX_RE = _alternation(PLACE_SUFFIXES)
PLACE_ENDINGS = _endings_by_suffix(_words(_PLACE_GENERIC["ending"]), PLACE_SUFFIXES)
PLACE_NAME_ENDINGS = _endings_by_suffix(_words(_PLACE_GENERIC["ending_unless_name"]), PLACE_SUFFIXES)
PLACE_FOLLOWERS = _followers(_PLACE_GENERIC["following"])
_PLACE_MODIFIERS = read_rules("places_modifiers.txt")
PLACE_DEICTICS = _words(_PLACE_MODIFIERS["deictic"])
PLACE_QUALIFIER_RE = _alternation(_words(_PLACE_MODIFIERS["qualifier"]))
QUALIFIER_HEADS = frozenset(w[0] for w in _words(_PLACE_MODIFIERS["qualifier"]))
PLACE_FUNCTION_CHARS = _words(_PLACE_MODIFIERS["function"])
PLACE_BEFORE_SUFFIX_STOP = _words(_PLACE_MODIFIERS["before_suffix"])
PLACE_LEXICON: dict[str, str] = {r[0]: r[1] for r in read_rules("places_lexicon.txt")[""]}
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

_ORG_GENERIC = read_rules("orgs_generic.txt")
ORG_SUFFIXES: dict[str, OrgSuffix] = {
    r[0]: OrgSuffix(r[1], r[2], r[3] == "part", r[4] if len(r) > 4 else r[1])
    for r in read_rules("orgs_suffixes.txt")[""]}
ORG_SUFFIX_RE = _alternation(ORG_SUFFIXES)
ORG_SUFFIX_END_RE = re.compile(f"(?:{ORG_SUFFIX_RE.pattern})$")
ORG_ENDINGS = _endings_by_suffix(_words(_ORG_GENERIC["ending"]), ORG_SUFFIXES)
ORG_FOLLOWERS = _followers(_ORG_GENERIC["following"])
ORG_STOP_WORDS = _words(_ORG_GENERIC["stop"])
ORG_GENERIC_NAMES = _words(_ORG_GENERIC["generic_name"])
# Longest name between anchor and suffix: 新冠肺炎疫情防控工作 (10) fits, runaway clauses do not.
ORG_MAX_NAME = 14
ORG_NATIONAL: dict[str, str] = {r[0]: r[1] for r in read_rules("orgs_national.txt")[""]}
ORG_NATIONAL_RE = _alternation(ORG_NATIONAL)
# An organisation name starts at a national prefix or at a level character (区委, 县交通局, 市疫情防控指挥部).
ORG_ANCHOR_RE = re.compile("国家|中央|中共|全国|[省市区县州镇乡]")
ANCHOR_HEADS = frozenset("国中全省市区县州镇乡")   # the characters ORG_ANCHOR_RE can match first
# Level characters that end a common word are not anchors (社区居委会 is not 区居委会); 全区/我县/本市
# are deictic, so the body starts at the level character (全市疫情防控指挥部 -> 市疫情防控指挥部).
# Two levels together or a level with 级 are generic plurals (市县党委, 省级城市党委), not anchors.
LEVEL_WORD_HEADS = frozenset("社地辖城园景片山小郊矿林牧街专校疫老新都超上股楼门菜夜集场家故他异农省市区县州镇乡")
LEVEL_WORD_TAILS = frozenset("省市区县州镇乡级")
# Words that may stand in a name when reading leftwards (jieba-rs / ICTCLAS tags): nouns, names,
# abbreviations, distinguishing words; verbal nouns only in venue names (…生产基地); verbs, adjectives
# and idioms only inside organisation names (区招商服务促进局, 国家卫生健康委), which hold no person names.
PLACE_NAME_POS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "j", "b", "s", "x"})
VENUE_NAME_POS = PLACE_NAME_POS | {"vn"}
ORG_NAME_POS = frozenset({"n", "ns", "nt", "nz", "ng", "j", "b", "s", "x", "vn", "v", "an", "a", "l", "zg"})
# jieba's organisation names (nt) stand for any suffix; its ordinary dictionary words only for the
# "lexical" suffixes (财政部/n, a party name/nt), not for 中心 or 厅 (音乐厅/n).
ORG_TAG = frozenset({"nt"})
# Tags of the words that may anchor an organisation as a place or a body (see org_spans).
ANCHOR_POS = frozenset({"nt", "ns"})
LEXICAL_POS = frozenset({"n", "nt", "j", "nz"})
# An organisation name without an anchor starts with a noun ("访问欧洲议会" -> 欧洲议会).
ORG_LEAD_POS = frozenset({"n", "ns", "nt", "nz", "ng", "j", "b", "vn", "x"})

_SLOGAN_CUES = read_rules("slogans_cues.txt")
SLOGAN_HEADS = re.compile(f"(?:的|为)?(?:{_alternation(_words(_SLOGAN_CUES['after'])).pattern})")
SLOGAN_VERBS = re.compile(f"(?:{_alternation(_words(_SLOGAN_CUES['before'])).pattern})$")
SLOGAN_SPEECH = _alternation(_words(_SLOGAN_CUES["speech"]))
SLOGAN_TITLE_AFTER = _alternation(_words(_SLOGAN_CUES["title"]))
SLOGAN_TITLE_BEFORE = re.compile(f"(?:{SLOGAN_TITLE_AFTER.pattern})$")
# Speech or a title after the closing mark: one match for both.
SLOGAN_NOT_AFTER = re.compile(f"{SLOGAN_SPEECH.pattern}|{SLOGAN_TITLE_AFTER.pattern}")
CUE_WINDOW = 8   # characters before a quotation searched for a cue word
SLOGAN_NAME_ENDS = tuple(_words(_SLOGAN_CUES["name_end"]))
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


# ---------------------------------------------------------------- shared text and tokens

def article_text(ctx: ArticleContext) -> str:
    """Title and body, the text mentions are counted in. Spaces left by cleaning separate headline phrases
    (OCR spaces are already gone), so they end names."""
    last_ctx, last_text = _LAST_TEXT
    if last_ctx is ctx:   # the three extractors of one article share one string, hashed once by the caches
        return last_text
    text = f"{ctx.title or ''}\n{ctx.body or ''}"
    _LAST_TEXT[:] = [ctx, text]
    return text


# The last article's context (held, so its identity cannot be reused) and its text; contexts are frozen.
_LAST_TEXT: list = [None, ""]


@dataclass(frozen=True, slots=True, eq=False)
class Tagged:
    """The article's words as parallel lists (start, end, word, tag), blank words included when the tags
    tile the text (see tagged): an object per word costs more than
    all the rules that read them. Hashed by identity: tagged() makes one per article, and caches of
    per-article answers (tag_indices) key on it."""
    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    poss: list[str]


# The pipeline tags each article once (ArticleContext.tags); prime() hands those pairs to tagged().
# Per thread: two threads extracting from different articles must not evict each other's pairs (tagged()
# would then re-tag the text with tasks.segment.tag, whose tokens differ).
_PRIMED = threading.local()


def _primed() -> dict[str, tuple[tuple[str, str], ...]]:
    if not hasattr(_PRIMED, "pairs"):
        _PRIMED.pairs = {}
    return _PRIMED.pairs


def prime(ctx: ArticleContext) -> str:
    """The article's text, with its ready-made tags registered for tagged()."""
    text = article_text(ctx)
    primed = _primed()
    if ctx.tags and text not in primed:
        primed.clear()
        primed[text] = ctx.tags
    return text


@lru_cache(maxsize=16)
def tagged(text: str) -> Tagged:
    """jieba-rs tokens with character offsets; cached so the extractors of one article tag it once.
    Blank words stay: every rule looks words up at Han characters and stops reading a name at a word
    that is not all Han, so a blank word there ends a name exactly as the gap left by deleting it would,
    and finding the blanks cost more than all the lookups that meet them."""
    pairs = _primed().get(text) or tag(text)
    words = list(map(itemgetter(0), pairs))
    offsets = list(accumulate(map(len, words), initial=0))
    # Lengths adding up to the text's means the pairs tile it: the article's own tags always do, and
    # tasks.segment.tag's pairs (blanks dropped, ASCII runs re-split into pieces of themselves) only
    # when nothing was dropped. Offsets are then running lengths, found without a search.
    if offsets[-1] != len(text):
        return _tagged_by_search(text, pairs)
    return Tagged(text, offsets[:-1], offsets[1:], words, list(map(itemgetter(1), pairs)))


def _tagged_by_search(text: str, pairs) -> Tagged:
    """Offsets of pairs that do not tile the text (tasks.segment.tag drops blanks, re-splits ASCII runs)."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    poss: list[str] = []
    at = 0
    for word, pos in pairs:
        if word.isspace():
            continue
        i = text.find(word, at)
        if i < 0:
            continue
        at = i + len(word)
        starts.append(i)
        ends.append(at)
        words.append(word)
        poss.append(pos)
    return Tagged(text, starts, ends, words, poss)


@lru_cache(maxsize=1 << 16)
def _han_word(word: str) -> bool:
    """The word is all Han characters; words repeat across articles, so the answer is kept."""
    return HAN_ONLY.fullmatch(word) is not None


@lru_cache(maxsize=16)
def tag_indices(t: Tagged, pos: str) -> tuple[int, ...]:
    """Indices of the words tagged pos, ascending; list.index compares at C speed, and places and
    organisations share the answer."""
    out = []
    poss = t.poss
    j = -1
    try:
        while True:
            j = poss.index(pos, j + 1)
            out.append(j)
    except ValueError:
        return tuple(out)


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
        if not (_han_word(word) if tok_end <= end else HAN_ONLY.fullmatch(t.text, tok_start, start)):
            break
        if end - tok_start > limit:
            return start, True
        start = tok_start
        j -= 1
    return start, False


def word_at(t: Tagged, i: int) -> int:
    """Index of the jieba word covering character i, or -1."""
    j = bisect_right(t.starts, i) - 1
    return j if j >= 0 and t.ends[j] > i else -1


def _mentions(counts: Counter[str], kinds: dict[str, str]) -> list[EntityMention]:
    return [EntityMention(text=k, kind=kinds.get(k), count=n) for k, n in counts.most_common()]


# ---------------------------------------------------------------- places

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
    text = prime(ctx)
    t = tagged(text)
    spans = place_spans(text)
    counts: Counter[str] = Counter(sp.text for sp in spans)
    kinds = {sp.text: sp.kind for sp in spans}
    for place, kind in _bare_places(t, spans, ctx.region):
        counts[place] += 1
        kinds.setdefault(place, kind)
    return _mentions(counts, kinds)


# ---------------------------------------------------------------- organisations

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
    text = prime(ctx)
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    first: dict[str, int] = {}
    for s, e, kind in org_spans(text):
        counts[text[s:e]] += 1
        kinds.setdefault(text[s:e], kind)
        first.setdefault(text[s:e], s)
    _merge_bare(counts, first)
    return _mentions(counts, kinds)


# ---------------------------------------------------------------- slogans

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
    text = article_text(ctx)
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
    return _mentions(counts, kinds)
