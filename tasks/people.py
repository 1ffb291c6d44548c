"""People and the titles written beside them (filled by the extraction work; interface fixed here).

How a name is found, strongest evidence first (the rules' word lists live in tasks/data/):

1. A title right before it: ``区委副书记、区长、指挥部执行指挥长赵六`` gives 赵六 three titles, and a
   title before a list (``县领导吴九、周八、孙七等出席``) goes to every name of the list. The title is the
   run of text before the name back to punctuation or to a lead word (titles_lead.txt); it must end with a
   title word (titles_suffix.txt).
2. A title or honorific right after it: ``郑十总书记``, ``钱乙总理``, ``刘丙同志``, ``格兰特总统``
   (titles_after.txt).
3. Lists of bare names: ``在主席台就座的还有：钱乙、孙七…``, ``刘一、欧阳甲和陈二出席会议``, membership
   lists with asides (``钱乙（女）、孙七（满族）…``).
4. A bare name opening a clause before a verb of meeting reports: ``钱乙主持会议``, ``孙七作总结讲话``.
5. jieba's person tag (``nr``) inside a sentence, next to a speech verb or a preposition of persons; for a
   transliterated name (``马可强调``) the verb or preposition is required.
6. A line or a parenthesis holding nothing but a name; 7. a name joined by middle dots anywhere;
   8. person words written back to back after a found name (a headline ``钱乙孙七获胜``).
9. The learned name model (tasks/ner.py, a character CRF trained on labelled news text by ``make train``):
   every name it reads, with the titles written before it. One arbiter (``model_name_ok``) settles where
   a model name and a rule's name overlap, and the names of the weakest rules (jieba's tag alone, a
   clause position) stand only where the model reads a name too (``veto_unread``). ``make eval`` measures
   every change of these rules on the labelled dev split.

Where a name ends is decided by what follows it (people_followers.txt, punctuation, a title) and by
jieba's token boundaries: ``吴九主持`` is 吴九, ``周八主持`` is 周八. Names inside fixed formulas
(people_fixed.txt, ``以郑十同志为核心的党中央``) are blanked out before the rules run. Finally a name is
dropped when it is a place (people_places.txt, entities' place lexicon) or when every occurrence of it is a
byline (记者 X), a dateline place (新华社X电), an item of a list of places (…等国) or, for names resting on
jieba's tag alone, a word in a work's title (《…》). The article is tagged once by the pipeline
(ArticleContext.tags); its tokens are reused here.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter

from tasks import ner
from tasks.config import DATA_DIR
from tasks.entities import PLACE_LEXICON
from tasks.lexicon import sections, trie_regex, words
from tasks.records import ArticleContext, PersonMention
from tasks.segment import engine

log = logging.getLogger(__name__)


def _section_words(name: str) -> tuple[str, ...]:
    """A [section] of tasks/data/people_words.txt as a tuple of words."""
    return tuple(w for row in sections("people_words.txt")[name] for w in row)


def _section_chars(name: str) -> frozenset[str]:
    """A [section] of tasks/data/people_words.txt listing characters run together."""
    return frozenset("".join(_section_words(name)))

HAN = "\u4e00-\u9fff"
HAN_RE = re.compile(f"[{HAN}]")
# HAN's bounds: one character is tested by two comparisons, cheaper than a regex match.
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
DOTS = "·•・"
# Characters that end a name or a title run: punctuation (full-width and ASCII), spaces, digits, Latin.
DELIM_SET = frozenset("，,、；;。.！!？?：:（）()“”\"‘’'「」『』《》〈〉【】[]／/—…\n\r\t 　-~～%％")
DELIM_SET |= frozenset("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A name joined by middle dots (多吉·次仁, 阿里·本·哈桑).
DOT_NAME_RE = re.compile(f"[{HAN}]{{1,8}}(?:[{DOTS}][{HAN}]{{1,8}})+")
DOTS_RE = re.compile(f"[{DOTS}]")
# Characters that almost never stand inside a Chinese given name (function words, measure words,
# administrative units, title heads): they stop "吴九主持" from becoming "吴九主" and "王科长" a name.
NOT_GIVEN = _section_chars("not_given")
# Punctuation after which a clause (and possibly a bare name as its subject) begins.
CLAUSE_OPEN = frozenset("。；;！!？?：:\n，,")
LIST_JOIN = ("以及", "、", "和", "与", "及")
# A short parenthesis after a name: a photo position or the name in Latin letters ("（左）", "（John Smith）").
ASIDE_RE = re.compile(r"[（(][^（()）\n]{1,24}[)）]")
# Reporters and photographers belong to bylines (the article splitter's business), not to subjects.
BYLINE_BEFORE = _section_words("byline_before")
BYLINE_AFTER = _section_words("byline_after")
BYLINE_AFTER_RE = re.compile(f"[ 　]*(?:{'|'.join(BYLINE_AFTER)})(?![{HAN}]{{0,1}}[的了])")
# The characters a byline word can end with before a name, or start with after it (spaces included).
BYLINE_BEFORE_LAST = frozenset(w[-1] for w in BYLINE_BEFORE) | {" ", "　"}
BYLINE_AFTER_FIRST = frozenset(w[0] for w in BYLINE_AFTER) | {" ", "　"}
# Verbs that make a bare clause-opening word a person (rule 4) and that back jieba's nr tag (rule 5).
SUBJECT_VERBS = _section_words("subject_verbs")


def _by_head(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first character, so a position is tested only against the words it can start."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


VERBS_BY_HEAD = _by_head(SUBJECT_VERBS)
# Words right before a bare name that mark a person ("据孙七介绍", "由孙七主持", "图为周八").
PERSON_BEFORE = _section_words("person_before")
NR_TAGS = frozenset({"nr", "nrfg", "nrt"})
# jieba's tags for ordinary words: a candidate that jieba reads as one such word is not a name.
COMMON_POS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "m", "q", "t", "f", "s", "c", "p", "r", "l",
                        "i", "j", "b", "z", "u", "uj", "nt"})
MAX_TITLE = 40
# jieba's tags of words that never belong to a title (prepositions, adverbs, pronouns, particles, time):
# "依去年全国人大委员长" -> 全国人大委员长, "来自本市的渔业工会秘书长" -> 渔业工会秘书长.
LEAD_POS = frozenset({"p", "d", "r", "t", "u", "ul", "uj", "uz", "ud", "ug", "uv", "y", "e", "o"})
# Adverb-like words that jieba tags d but that belong to a title ("特别协调员", "常务副区长", "首席代表").
TITLE_INNER = frozenset(_section_words("title_inner"))


def _words(name: str) -> list[str]:
    return list(words(name))


_alternation = trie_regex


@dataclass(frozen=True)
class Lexicon:
    """Every word list of the rules, compiled once per process."""
    surnames: frozenset[str]
    compound: frozenset[str]
    translit: frozenset[str]
    stop: frozenset[str]
    after_titles: frozenset[str]
    title_re: re.Pattern[str]       # a title word at a position
    after_re: re.Pattern[str]
    follow_re: re.Pattern[str]
    lead: frozenset[str]
    weak: frozenset[str]
    fixed: tuple[re.Pattern[str], ...]
    fixed_anchors: tuple[tuple[str, int], ...]   # per formula: a literal every match holds, the longest match
    places: frozenset[str]           # words that name a place, never a person
    # The word lists behind title_re, after_re and follow_re: their fullmatch is a set lookup, and a
    # position whose character starts no word of a list needs no regex match there.
    titles: frozenset[str] = frozenset()
    afters: frozenset[str] = frozenset()
    followers: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    after_heads: frozenset[str] = frozenset()
    follow_heads: frozenset[str] = frozenset()
    name_chars: frozenset[str] = frozenset()   # translit | surnames: the characters of a dotted name
    # Where a title word may start (see _start_filter): searched for before title_re is tried, as that
    # regex costs much more per position it is tried at. (after_re is matched at too few places to gain.)
    title_starts: re.Pattern[str] | None = None
    # Offsets inside a title word where a longer title word may start ("总指挥" at 1: "指挥长").
    title_inner: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, hash=False)
    shaped: dict[str, bool] = field(default_factory=dict, compare=False, hash=False)   # surname_shaped memo


HONORIFICS = frozenset(_section_words("honorifics"))
# Forms of address that follow a bare surname ("王先生", "李指导", "张老师"): not given names.
ADDRESS_FORMS = HONORIFICS | frozenset(_section_words("address_forms"))


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    surnames = _words("names_surnames.txt")
    suffixes = _words("titles_suffix.txt")
    after = _words("titles_after.txt")
    followers = _words("people_followers.txt")
    formulas = [line.strip() for line in (DATA_DIR / "people_fixed.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    fixed = tuple(re.compile(line.replace("NAME", f"(?P<name>[{HAN}]{{2,4}}?)")) for line in formulas)
    surname_chars = frozenset(ch for w in surnames if len(w) != 2 for ch in w)
    translit = frozenset("".join(_words("names_translit.txt")))
    return Lexicon(
        surnames=surname_chars,
        compound=frozenset(w for w in surnames if len(w) == 2),
        translit=translit,
        stop=frozenset(_words("people_stop.txt")), after_titles=frozenset(after) - HONORIFICS,
        title_re=re.compile(_alternation(suffixes)),
        after_re=re.compile(_alternation(after)), follow_re=re.compile(_alternation(followers)),
        lead=frozenset(_words("titles_lead.txt")), weak=frozenset(_words("titles_weak.txt")), fixed=fixed,
        fixed_anchors=tuple(map(_formula_anchor, formulas)),
        places=frozenset(_words("people_places.txt")) | frozenset(PLACE_LEXICON),
        titles=frozenset(suffixes), afters=frozenset(after), followers=frozenset(followers),
        title_heads=_heads(suffixes), after_heads=_heads(after), follow_heads=_heads(followers),
        name_chars=translit | surname_chars, title_inner=_inner_starts(suffixes),
        title_starts=_start_filter(suffixes))


def _start_filter(words: list[str]) -> re.Pattern[str]:
    """A regex matching one character where a word of the list may start: the word's first character, followed
    by a character that is second in some word (for a list holding one-character words: any first character).
    sre tries a long alternation branch by branch at every position whose character starts a word (every
    branch, as they all fail but one); this filter is a pair of character sets, tried at C speed."""
    heads = "".join(sorted({w[0] for w in words}))
    if min(map(len, words)) < 2:
        return re.compile(f"[{re.escape(heads)}]")
    seconds = "".join(sorted({w[1] for w in words}))
    return re.compile(f"[{re.escape(heads)}](?=[{re.escape(seconds)}])")


def _word_matches(rx: re.Pattern[str], starts: re.Pattern[str], s: str):
    """rx.finditer(s) for a regex of a word list (no empty match) and its _start_filter: rx is tried only
    where the filter matches, from left to right, and not inside the last match (as finditer goes on from its
    end). Every position finditer would match at passes the filter, so the matches are the same."""
    match, done = rx.match, 0
    for c in starts.finditer(s):
        i = c.start()
        if i >= done and (m := match(s, i)) is not None:
            done = m.end()
            yield m


# What a formula line is cut at to find its plain words: NAME and the simple optional groups (?:a|b)?.
FORMULA_PARTS_RE = re.compile(r"NAME|\(\?:[^()]*\)\??")
REGEX_SPECIAL_RE = re.compile(r"[\\.^$*+?{}\[\]|()]")


def _formula_anchor(line: str) -> tuple[str, int]:
    """The longest plain word every match of a people_fixed.txt formula holds, and a bound on the length of
    a match (the line's own length: NAME stands for at most four characters, a group for at most its text).
    ("", 0) when the line has anything else (nested groups, repetition, top-level alternation)."""
    parts = FORMULA_PARTS_RE.split(line)
    if any(map(REGEX_SPECIAL_RE.search, parts)):
        return "", 0
    plain = [p for p in parts if p]
    return (max(plain, key=len), len(line)) if plain else ("", 0)


def _heads(words: list[str]) -> frozenset[str]:
    """The first characters of a word list."""
    return frozenset(w[0] for w in words)


def _inner_starts(words: list[str]) -> dict[str, tuple[int, ...]]:
    """For each word, the offsets k > 0 where a word of the list may start and run past its end: the
    word's tail w[k:] is a proper prefix of another word."""
    return {w: tuple(k for k in range(1, len(w)) if any(o.startswith(w[k:]) and len(o) > len(w) - k for o in words))
            for w in set(words)}


class Names(dict):
    """Found names -> their titles, with the first characters of the names: at a position whose character
    starts no name there is no known name to look for (most positions the rules ask about). `heads` is
    None once an empty name is added (it starts everywhere)."""

    def __init__(self) -> None:
        super().__init__()
        self.heads: set[str] | None = set()

    def _saw(self, name: str) -> None:
        if self.heads is not None:
            if name:
                self.heads.add(name[0])
            else:
                self.heads = None

    def setdefault(self, name, default=None):
        self._saw(name)
        return super().setdefault(name, default)

    def __setitem__(self, name, value) -> None:
        self._saw(name)
        super().__setitem__(name, value)


def _may_start_known(s: str, i: int, known: dict[str, list[str]]) -> bool:
    """False when no known name can start at i (cheap, from Names.heads); True means: look."""
    heads = getattr(known, "heads", None)
    return heads is None or s[i:i + 1] in heads


@dataclass
class Found:
    """Names in order of discovery with their titles; `rule` says which rule found each (for debugging)."""
    titles: dict[str, list[str]] = field(default_factory=Names)
    rule: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, titles: list[str] | tuple[str, ...] = (), rule: str = "") -> None:
        have = self.titles.setdefault(name, [])
        self.rule.setdefault(name, rule)
        for t in titles:
            if t and t not in have:
                have.append(t)


class TilingEnds:
    """The set of token ends of tokens that tile the text, none of them empty: every token start but the
    first, and the text's end. Asked a few thousand times per batch, it is not worth building."""
    __slots__ = ("end", "starts")

    def __init__(self, starts: dict[int, tuple[str, str]], end: int) -> None:
        self.starts, self.end = starts, end

    def __contains__(self, j: object) -> bool:
        return j in self.starts and j != 0 or j == self.end


@dataclass
class Text:
    """An article's text (fixed formulas blanked in `s`, untouched in `raw`) with jieba's tokens laid over it."""
    s: str
    raw: str
    starts: dict[int, tuple[str, str]]   # token start offset -> (token, part of speech)
    ends: set[int] | TilingEnds
    # The tokens jieba tags as persons, in text order, each as (start, token, tag, end of the token
    # before it, that token): rules 5 and 8 read only these, collected once here.
    persons: list[tuple[int, str, str, int, str]] = field(default_factory=list)
    # (start, end) of the names the learned model reads in `s` (tasks/ner.py); filled by find_people.
    model_spans: list[tuple[int, int]] = field(default_factory=list)
    dots: bool = field(init=False)    # the text holds a middle dot: dotted names are possible
    books: bool = field(init=False)   # the text opens a work's title (《, 〈)

    def __post_init__(self) -> None:
        self.dots = DOTS_RE.search(self.s) is not None
        self.books = any(c in self.s for c in BOOK_OPEN)

    @classmethod
    def of(cls, raw: str, s: str, pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...] | None = None) -> "Text":
        """`pairs`: the article's own tagging of `raw` (ArticleContext.tags); without it `s` is tagged here.
        Tokens over a blanked formula are masked by offset rather than tagged again."""
        tagged_here = pairs is None
        if tagged_here:
            # tasks.segment.tag's clean-up (dropping blanks, re-splitting ASCII runs) costs more than the
            # tagging and changes no name: the engine's own pairs are used.
            pairs = engine().tag(s)
        offsets = list(accumulate(map(len, map(itemgetter(0), pairs)), initial=0))
        if not tagged_here and s != raw:
            if len(s) == len(raw) and offsets[-1] == len(raw) and "".join(map(itemgetter(0), pairs)) == raw:
                pairs = _mask_tiling(pairs, raw, s, offsets[1:])   # masked tokens keep their lengths
            else:
                pairs = _mask_pairs(pairs, raw, s)
                offsets = list(accumulate(map(len, map(itemgetter(0), pairs)), initial=0))
        if offsets[-1] == len(s):  # the tokens tile the text: offsets are running lengths
            starts = dict(zip(offsets, pairs))
            if len(starts) < len(pairs):   # empty tokens share an offset: read the persons off the dict
                return cls(s, raw, starts, set(offsets[1:]), _persons(starts))
            persons = [(offsets[k], *pairs[k], offsets[k] if k else -1, pairs[k - 1][0] if k else "")
                       for k in compress(range(len(pairs)), map(NR_TAGS.__contains__, map(itemgetter(1), pairs)))]
            return cls(s, raw, starts, TilingEnds(starts, len(s)) if pairs else set(), persons)
        starts = {}
        ends: set[int] = set()
        pos = 0
        for tok, p in pairs:
            at = s.find(tok, pos)
            if at >= 0:
                starts[at] = (tok, p)
                pos = at + len(tok)
                ends.add(pos)
        return cls(s, raw, starts, ends, _persons(starts))

    def token_at(self, i: int) -> tuple[str, str]:
        return self.starts.get(i, ("", ""))

    def nr_exact(self, i: int, j: int) -> bool:
        tok, pos = self.token_at(i)
        return len(tok) == j - i and pos in NR_TAGS

    def nr_covers(self, i: int, j: int) -> bool:
        """Tokens tile s[i:j] exactly and at least one is tagged as a person name (潘/nr 文峰/n)."""
        k, tagged = i, False
        while k < j:
            tok, pos = self.token_at(k)
            if not tok:
                return False
            tagged = tagged or pos in NR_TAGS
            k += len(tok)
        return k == j and tagged

    def common_word(self, i: int, name: str) -> bool:
        """jieba reads the whole candidate as one ordinary word (干部, 会议, 包干制), not a name."""
        tok, pos = self.token_at(i)
        return tok == name and pos in COMMON_POS


def _persons(starts: dict[int, tuple[str, str]]) -> list[tuple[int, str, str, int, str]]:
    """Text.persons read off the tokens in text order."""
    out, prev_end, prev_name = [], -1, ""
    for i, (tok, pos) in starts.items():
        if pos in NR_TAGS:
            out.append((i, tok, pos, prev_end, prev_name))
        prev_end, prev_name = i + len(tok), tok
    return out


# ---------------------------------------------------------------------------------------------
# Whether a string can be a name, and where a name ends
# ---------------------------------------------------------------------------------------------

def _mask_pairs(pairs, raw: str, s: str) -> list[tuple[str, str]]:
    """Tokens of `raw` laid over `s` (same length): a token that covers a blanked character becomes
    the blank itself, tagged x, so no rule reads the formula's name."""
    if len(s) == len(raw) and "".join(map(itemgetter(0), pairs)) == raw:
        return _mask_tiling(pairs, raw, s, list(accumulate(map(len, map(itemgetter(0), pairs)))))
    out, at = [], 0
    for tok, pos in pairs:
        end = at + len(tok)
        piece = s[at:end]
        out.append((tok, pos) if piece == tok else (piece, "x"))
        at = end
    return out


def _mask_tiling(pairs, raw: str, s: str, ends: list[int]) -> list[tuple[str, str]]:
    """_mask_pairs for pairs that tile `raw` and end at `ends`: only the tokens holding a blanked
    character change."""
    out = list(pairs)
    for i in sorted({bisect_right(ends, i) for i in _differences(raw, s)}):
        start = ends[i] - len(out[i][0])
        out[i] = (s[start:ends[i]], "x")
    return out


def _differences(a: str, b: str, step: int = 64) -> list[int]:
    """Positions where two strings of the same length differ, comparing whole chunks first."""
    return [i for k in range(0, len(a), step) if a[k:k + step] != b[k:k + step]
            for i in range(k, min(k + step, len(a))) if a[i] != b[i]]


HANS_RE = re.compile(f"[{HAN}]+")


def _given_ok(given: str) -> bool:
    return HANS_RE.fullmatch(given) is not None and NOT_GIVEN.isdisjoint(given)


def surname_shaped(name: str, lex: Lexicon) -> bool:
    """Surname first, then one or two plausible given-name characters (a compound surname allows four).
    A surname with a form of address (王先生, 李指导) names someone but is not a name.
    The rules ask about the same few thousand strings over and over: answers are kept (a bounded memo)."""
    memo = lex.shaped
    got = memo.get(name)
    if got is None:
        if len(memo) >= SHAPED_MEMO:
            memo.clear()
        got = memo[name] = _surname_shaped(name, lex)
    return got


# How many surname_shaped answers are kept (short strings: well under 10 MB).
SHAPED_MEMO = 1 << 16


def _surname_shaped(name: str, lex: Lexicon) -> bool:
    if name[0] not in lex.surnames and name[:2] not in lex.compound:
        return False  # the answer whatever follows (checked first as it is the common case)
    if name in lex.stop or name[1:] in ADDRESS_FORMS or name[2:] in ADDRESS_FORMS and len(name) == 4:
        return False
    if name[1:] in lex.titles:
        return False  # a surname and a title ("钱总理", "吴书记") refer to someone without naming them
    if name[:2] in lex.compound:
        return 3 <= len(name) <= 4 and _given_ok(name[2:])
    return name[0] in lex.surnames and 2 <= len(name) <= 3 and _given_ok(name[1:])


# Characters of NOT_GIVEN that do occur in given names once jieba reads the whole word as a person:
# in the middle ("周在甲", "钱人乙", "孙向丙") or, for 年, at the end ("赵万年"). Elsewhere they end a name
# wrongly ("钱乙在", "段时间", "清水桥", "安平县").
GIVEN_MIDDLE_OK = _section_chars("given_middle_ok")
GIVEN_LAST_OK = frozenset("年")


def jieba_full_name(t: Text, i: int, name: str, lex: Lexicon) -> bool:
    """jieba reads a surname and a two-character given name as one person word ("赵万年", "周在甲"): the
    given name may then hold a few characters NOT_GIVEN keeps out of names built by the rules."""
    if len(name) != 3 or name[0] not in lex.surnames or not t.nr_exact(i, i + 3) or name in lex.stop:
        return False
    mid, last = name[1], name[2]
    return (mid not in NOT_GIVEN or mid in GIVEN_MIDDLE_OK) and (last not in NOT_GIVEN or last in GIVEN_LAST_OK) \
        and last not in NOT_LAST and HAN_RE.match(mid) is not None and HAN_RE.match(last) is not None \
        and name[1:] not in ADDRESS_FORMS and name[1:] not in lex.titles


def _translit(name: str, lex: Lexicon) -> bool:
    return len(name) >= 2 and lex.translit.issuperset(name)


MAX_FOREIGN = 10


def foreign_name_at(t: Text, i: int, lex: Lexicon) -> str | None:
    """A transliterated name jieba tags as a person at i: one or more nr/nrt words of transliteration
    characters, possibly joined by a middle dot ("马可", "伊万诺夫", "罗伯特·格兰特")."""
    k, name = i, ""
    while len(name) < MAX_FOREIGN:
        tok, pos = t.token_at(k)
        # `tok and`: past the end token_at gives "", which `in DOTS` accepts, and the loop never ended.
        if pos in NR_TAGS and _translit(tok, lex) or tok and tok in DOTS and name and name[-1] not in DOTS:
            name, k = name + tok, k + len(tok)
        else:
            break
    name = name.rstrip(DOTS)
    return name if len(name) >= 2 else None


def foreign_name_before(t: Text, j: int, lex: Lexicon) -> str | None:
    """The transliterated person name that ends at j ("格兰特总统" -> 格兰特), as foreign_name_at reads it."""
    if j < 2 or t.s[j - 1] not in lex.translit:
        return None  # a transliterated name ends with a transliteration character
    for i in range(max(0, j - MAX_FOREIGN), j - 1):
        if i in t.starts and (i == 0 or t.s[i - 1] not in lex.translit or i - 1 not in t.starts and i not in t.ends):
            name = foreign_name_at(t, i, lex)
            if name is not None and i + len(name) == j:
                return name
    return None


def follow_rank(s: str, j: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """How well the text at j can follow a name: 3 punctuation/title/等, 2 a verb, 1 a conjunction, 0 not."""
    if j >= len(s):
        return 3
    c = s[j]
    if c in DELIM_SET or c in DOTS:
        return 3
    if c in lex.after_heads and lex.after_re.match(s, j) or c in lex.title_heads and lex.title_re.match(s, j):
        return 3
    m = lex.follow_re.match(s, j) if c in lex.follow_heads else None
    if m:
        word = m.group()
        return 3 if word in ("等", "等人", "一行") else 1 if word in ("和", "与", "同", "及", "跟", "的") else 2
    return 1 if _may_start_known(s, j, known) and any(map(s.startswith, known, repeat(j))) else 0


def dotted_name(t: Text, i: int, lex: Lexicon) -> str | None:
    """A foreign or minority name joined by middle dots at i (多吉·次仁, 汤姆·卡尔所说 -> 汤姆·卡尔).

    Every part is made of transliteration or surname characters; the last part ends where jieba ends a
    word, before anything else ("彼得·卡尔森圣马力诺" -> 彼得·卡尔森)."""
    m = DOT_NAME_RE.match(t.s, i) if t.dots else None
    if not m:
        return None
    text = m.group()
    cut = max(text.rfind(d) for d in DOTS) + 1
    name_chars = lex.name_chars
    head = DOTS_RE.split(text, maxsplit=1)[0]
    if len(head) > 4 and not name_chars.issuperset(head):
        return None  # "苏丹总统奥马尔·…": the name starts later, after the title
    end = i + len(text)
    for k in range(cut + 1, len(text)):
        if lex.follow_re.match(t.s, i + k):
            text, end = text[:k], i + k  # "汤姆·卡尔一行", "汤姆·卡尔认为"
            break
    if len(text) - cut <= 6 and (end >= len(t.s) or t.s[end] in DELIM_SET or text != m.group()):
        return text  # the last part is closed by punctuation or a verb: all of it is the name
    run = cut
    while run < len(text) and text[run] in name_chars:
        run += 1
    k = run
    while k > cut and i + k not in t.ends and k < len(text):
        k -= 1
    k = k if k > cut else run
    return text[:k] if k > cut else None


# Names built by the rules are at most seven characters (a transliterated run after a title): the Han run
# at a position is read that far.
HAN_RUN_RE = re.compile(f"[{HAN}]{{1,7}}")
NO_TOKEN = ("", "")
NOT_A_NAME = (0,)


def _shapes(s: str, i: int, lex: Lexicon, titled: bool) -> list[str]:
    """Strings at i shaped like a name: surname + 1-2 characters, or (after a title) a foreign name.
    Each length once, shortest first (name_at keeps the best whatever the order: no two keys tie)."""
    run = HAN_RUN_RE.match(s, i)
    han = run.end() - i if run else 0   # s[i:i + n] is all Han for n <= han
    if han < 2:
        return []
    sizes = {2, 3, 4} if s[i:i + 2] in lex.compound else {2, 3}
    if titled:
        j = i
        while j < len(s) and j - i < 7 and s[j] in lex.translit:
            j += 1
        sizes.update(range(2, j - i + 1))
    return [s[i:i + k] for k in sorted(sizes) if k <= han and s[i + 1:i + k] not in HONORIFICS]


def _longest_known(s: str, i: int, known: dict[str, list[str]]) -> str | None:
    """The longest known name written at i."""
    if not _may_start_known(s, i, known) or not any(map(s.startswith, known, repeat(i))):
        return None
    return max((k for k in known if s.startswith(k, i)), key=len)


def name_at(t: Text, i: int, lex: Lexicon, known: dict[str, list[str]], *, titled: bool) -> str | None:
    """The name that starts at i, or None. `titled`: a title stands right before, so a name without a
    known surname (水明远) or a foreign one (卡尔森) is allowed when jieba or the shape supports it."""
    s = t.s
    if i >= len(s) or not HAN_FIRST <= s[i] <= HAN_LAST:
        return None
    c = s[i]
    heads = getattr(known, "heads", None)   # _longest_known, its cheap test inlined
    if (heads is None or c in heads) and any(map(s.startswith, known, repeat(i))):
        return max((k for k in known if s.startswith(k, i)), key=len)
    first, first_pos = t.starts.get(i, NO_TOKEN)
    # A preposition or adverb starts here ("由教育部长", "都算"), unless jieba itself sees a name (何/r 卫东/nr).
    lead_start = first in lex.lead or first_pos in LEAD_POS or first_pos == "c"
    dotted = dotted_name(t, i, lex) if t.dots else None
    if dotted and not (lead_start and s[i + len(first):i + len(first) + 1] not in DOTS):
        return dotted  # "和彼得·卡尔" is no name at 和, "本·卡尔" keeps 本
    if not (c in lex.surnames or s[i:i + 2] in lex.compound
            or titled and (c in lex.translit or len(first) == 3 and first_pos in NR_TAGS)):
        return None  # _shape_key finds every shape implausible: no surname, no foreign name, no nr word
    best, best_key = None, NOT_A_NAME
    for n in _shapes(s, i, lex, titled):
        if lead_start and not t.nr_covers(i, i + len(n)):
            continue
        key = _shape_key(t, i, n, lex, known, titled, first, first_pos)
        if key > best_key:
            best, best_key = n, key
    return best


def _shape_key(t: Text, i: int, n: str, lex: Lexicon, known: dict[str, list[str]], titled: bool,
               first: str, first_pos: str) -> tuple:
    """How good a name `n` at i is (compared as a tuple; (0,) means not a name): what follows it first,
    then jieba's agreement, then length. The checks that need no look at the following text come first.
    `first`, `first_pos`: the token at i (name_at has it already)."""
    j = i + len(n)
    nr_first = first_pos in NR_TAGS
    if len(first) > len(n) and not nr_first:
        return NOT_A_NAME  # the name would end inside a word ("卫生局长")
    if n in lex.stop or len(n) == 3 and n[1:] in lex.followers:
        return NOT_A_NAME  # "时强调": a surname-like character and a verb
    exact = nr_first and len(first) == len(n)   # t.nr_exact(i, j)
    shaped = surname_shaped(n, lex) or jieba_full_name(t, i, n, lex) \
        or titled and exact and len(n) == 3 and _given_ok(n)
    foreign = not shaped and titled and _translit(n, lex)
    if not (shaped or foreign):
        return NOT_A_NAME
    rank = follow_rank(t.s, j, lex, known)
    if rank == 0:
        return NOT_A_NAME  # nothing a name can stand before
    if rank < 3 and j not in t.ends and not nr_first:
        return NOT_A_NAME  # jieba reads the last character with the next word ("申领场所" is not 申领场 + 所)
    if foreign and len(n) < 3 and rank != 3:
        return NOT_A_NAME  # a two-character transliteration needs punctuation or a title after it
    verb_tail = len(n) == 3 and n[2] in lex.followers  # "王五将主持": 王五 + 将
    return (rank, not verb_tail, exact, j in t.ends, t.nr_covers(i, j), len(n))


def _is_byline(s: str, i: int, name: str) -> bool:
    if i > 0 and s[i - 1] in BYLINE_BEFORE_LAST and s[max(0, i - 5):i].rstrip(" 　").endswith(BYLINE_BEFORE):
        return True
    j = i + len(name)
    return s[j:j + 1] in BYLINE_AFTER_FIRST and BYLINE_AFTER_RE.match(s, j) is not None


# ---------------------------------------------------------------------------------------------
# Titles written before a name
# ---------------------------------------------------------------------------------------------

def _run_start(s: str, end: int) -> int:
    i = end
    while i > 0 and s[i - 1] not in DELIM_SET:
        i -= 1
    return i


def _cut_lead(t: Text, start: int, end: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """Where the title proper starts in s[start:end]: after the last lead word or known name in it."""
    cut = start
    k, starts = start, t.starts
    while k < end:   # word by word: tokens do not overlap, so no word starts inside another
        tok, pos = starts.get(k, NO_TOKEN)
        if not tok:
            k += 1
            continue
        if (tok in lex.lead or pos in LEAD_POS and tok not in TITLE_INNER and tok not in lex.places) \
                and k + len(tok) < end:
            cut = max(cut, k + len(tok))
        k += len(tok)
    for name in known:  # "总统卡尔森顾问安娜": the title of 安娜 starts after 卡尔森; "钱乙和南非外长马可"
        at = t.s.rfind(name, start, end)
        if at < 0 or at + len(name) >= end or at not in t.starts or at + len(name) not in t.ends:
            continue  # absent, or a piece of a longer word ("阿尔" in 阿尔及利亚)
        after = at + len(name)
        join = next((w for w in LIST_JOIN if t.s.startswith(w, after)), "")
        # "外长甲乙·丙丁圣马力诺外长…": a name then a country starts the next title ("钱乙基金会" does not)
        if join or lex.title_re.match(t.s, after) or t.token_at(after)[1] == "ns":
            cut = max(cut, after + len(join))
    return cut


def _is_title(text: str, lex: Lexicon) -> bool:
    if not text or len(text) > MAX_TITLE or text in lex.weak:
        return False
    last = None
    for last in lex.title_re.finditer(text):
        pass
    return last is not None and last.end() == len(text)


def _verb_before_weak(t: Text, start: int, end: int, lex: Lexicon) -> bool:
    """A weak title word after a verb ("要发挥领导智慧") is no title: 区领导 and 驻欧盟代表 have a noun there."""
    last = None
    for last in lex.title_re.finditer(t.s, start, end):
        pass
    if last is None or last.group() not in lex.weak or last.end() != end:
        return False
    k = last.start() - 1
    while k >= start and k not in t.starts:
        k -= 1
    return k >= start and t.token_at(k)[1] in ("v", "vn", "d", "ad", "p")


def titles_before(t: Text, name_start: int, lex: Lexicon, known: dict[str, list[str]]) -> list[str]:
    """The title chain written before a name: "区委副书记、区长、指挥部执行指挥长" -> three titles.

    Titles joined by 、 all belong to the name; one comma may join two such chains when the part before it
    is nothing but titles ("市委常委、新区党工委书记，新区…组长、指挥部指挥长赵六")."""
    s, chain = t.s, []
    end, comma_used = name_start, False
    while True:
        start = _run_start(s, end)
        cut = _cut_lead(t, start, end, lex, known)
        seg = t.raw[cut:end]
        if not _is_title(seg, lex) or _verb_before_weak(t, cut, end, lex):
            break
        chain.insert(0, seg)
        if cut > start or start < 2 or s[start - 1] not in "、，,":
            break
        if s[start - 1] != "、":
            before = _run_start(s, start - 1)
            if comma_used or (before > 0 and s[before - 1] not in CLAUSE_OPEN | {"、", " ", "　"}):
                break
            comma_used = True
        end = start - 1
    return chain


def _skip_aside(s: str, j: int) -> int:
    m = ASIDE_RE.match(s, j)
    return m.end() if m else j


def _list_after(t: Text, j: int, lex: Lexicon, known: dict[str, list[str]], with_joins: bool = False) -> list:
    """Further names of a list after a name ending at j: "、周八、孙七等", "和陈二" (with_joins: (name, join))."""
    s, out = t.s, []
    while True:
        j = _skip_aside(s, j)
        sep = next((w for w in LIST_JOIN if s.startswith(w, j)), None)
        if sep is None:
            return out
        i = j + len(sep)
        item = _delimited_item(s, i, lex) if sep == "、" else None
        name = item or name_at(t, i, lex, known, titled=sep == "、") or _foreign_item(t, i, lex)
        if name is None or name not in known and item is None and (
                t.common_word(i, name) or sep != "、" and not t.nr_covers(i, i + len(name))
                and not (surname_shaped(name, lex) and verb_after(t, i + len(name)))):
            return out
        out.append((name, sep) if with_joins else name)
        j = i + len(name)


def _foreign_item(t: Text, i: int, lex: Lexicon) -> str | None:
    """"钱乙和伊万讨论": a transliterated person word jieba tags nr, followed by a verb."""
    name = foreign_name_at(t, i, lex)
    return name if name is not None and name not in lex.places and verb_after(t, i + len(name)) else None


ITEM_RE = re.compile(f"[{HAN}]{{2,4}}(?=、)|[{HAN}]{{1,8}}(?:[{DOTS}][{HAN}]{{1,8}})+(?=、)")


def _delimited_item(s: str, i: int, lex: Lexicon) -> str | None:
    """A list item closed by another 、: its whole text is the name (格桑次仁, 扎西次仁, 陈二, 甲乙·丙丁).
    An item holding a title word or a function word is no bare name."""
    m = ITEM_RE.match(s, i)
    if m is None or m.group() in lex.stop or m.group() in lex.places or LIST_FUNCTION.intersection(m.group()):
        return None
    if lex.title_re.search(m.group()) or not (_given_ok(m.group()[1:]) or len(m.group()) == 4
                                             or DOTS_RE.search(m.group())):
        return None
    return m.group()


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

def _title_end(s: str, m: re.Match[str], lex: Lexicon) -> int:
    """Where a title word found at m really ends: a longer one may start inside it (总指挥|指挥长)."""
    start = m.start()
    end = m.end()
    for k in lex.title_inner[m.group()]:
        longer = lex.title_re.match(s, start + k)
        if longer and longer.end() > end:
            end = longer.end()
    return end


def _titled_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 1: names right after a title word, with the title chain and any list that follows."""
    s, starts, inner = t.s, t.starts, lex.title_inner
    n = len(s)
    for m in _word_matches(lex.title_re, lex.title_starts, s):
        i = _title_end(s, m, lex) if inner[m.group()] else m.end()
        if i >= n or not HAN_FIRST <= s[i] <= HAN_LAST:
            continue  # name_at finds no name there (a title before punctuation, digits or the end)
        at_word = i in starts
        glued = not at_word and t.token_at(i - 1)[1] in NR_TAGS  # "安平区长周八": jieba read 长周 as a name
        if not at_word and not glued and (i >= len(s) or _longest_known(s, i, found.titles) is None):
            continue  # a new name must start a word (or follow a glued one), and no known name starts here
        name = name_at(t, i, lex, found.titles, titled=True)
        if name is None or _is_byline(s, i, name):
            continue
        if name not in found.titles and (not at_word and not glued or t.common_word(i, name)):
            continue
        titles = titles_before(t, i, lex, found.titles)
        if not titles:
            continue
        after = lex.after_re.match(s, i + len(name))
        own = titles + ([after.group()] if after and after.group() in lex.after_titles else [])
        found.add(name, own, "title")
        for other, sep in _list_after(t, i + len(name), lex, found.titles, with_joins=True):
            # "县领导甲、乙": the title goes to every item; "总统甲与总理乙会晤": not to one with a title of its own
            found.add(other, titles if sep == "、" or not found.titles.get(other) else (), "title-list")


def _names_before_titles(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 2: "郑十总书记", "钱乙总理", "刘丙同志": a name right before a title or honorific."""
    s, known, surnames, compound = t.s, found.titles, lex.surnames, lex.compound
    for m in lex.after_re.finditer(s):
        j = m.start()
        for n in (4, 3, 2):
            i = j - n
            if i < 0:
                continue
            name = s[i:j]
            # surname_shaped's own first test inlined: most strings before a title start with no surname.
            if name in known or ((name[0] in surnames or name[:2] in compound) and surname_shaped(name, lex)
                                 and t.nr_covers(i, j)):
                title = m.group()
                found.add(name, [title] if title in lex.after_titles else [], "after")
                break
        else:
            name = foreign_name_before(t, j, lex)  # "格兰特总统", "伊万诺夫总理"
            if name is not None and m.group() in lex.after_titles and name not in lex.places:
                found.add(name, [m.group()], "after")


# A list of names separated by 、, each item possibly followed by a short aside: "甲乙（女）、丙丁（满族）、…",
# "罗伯特（美国）、伊万（俄罗斯）" (membership lists, award lists).
LIST_ASIDE_BODY = r"[（(][^（()）\n]{1,10}[)）]"
LIST_ASIDE = f"(?:{LIST_ASIDE_BODY})?"
LIST_RE = re.compile(f"[{HAN}{DOTS}]{{2,12}}{LIST_ASIDE}(?:、[{HAN}{DOTS}]{{2,12}}{LIST_ASIDE})+")
ITEM_RUN_RE = re.compile(f"[{HAN}{DOTS}]+")
LIST_ITEM_RE = re.compile(f"([{HAN}{DOTS}]+)({LIST_ASIDE_BODY})?(?:、|$)")
# An aside that says the item is a person: sex or nationality ("（女）", "（满族）", "（女，壮族）").
PERSON_ASIDE_RE = re.compile(f"[（(](?:女|男)?[，,]?(?:[{HAN}]{{1,5}}族)?[)）]")
LIST_OPENERS = _section_words("list_openers")


def _bare_lists(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 3: lists of two or more bare names separated by 、 ("钱乙、孙七、周八…")."""
    s = t.s
    for m in _list_matches(s):
        # The first item is the run of Han characters and dots the match starts with (LIST_ITEM_RE's first
        # item): most lists end here, their first item being no name.
        first = _first_item(t, m.start(), ITEM_RUN_RE.match(s, m.start()).end() - m.start(), lex, found)
        if first is None:
            continue
        matches = list(LIST_ITEM_RE.finditer(m.group()))
        spans = [(m.start() + x.start(1), m.start() + x.end(1)) for x in matches]
        parts = [s[a:b] for a, b in spans]
        inner = [(y, x.group(2)) for x in matches[1:-1] for y in _split_joined(x.group(1), lex)]
        if sum(_looks_listed(y, aside, lex, found) for y, aside in inner) * 5 < len(inner) * 4:
            continue  # most inner items are no names: not a list of people
        last_at = spans[-1][0]
        last = name_at(t, last_at, lex, found.titles, titled=True)
        if last is None and _closed_item(s, spans[-1][1]) and len(parts) >= 5:
            last = parts[-1]  # "…、乌力吉图门（蒙古族）": a long list's closed last item is whole
        if last is None:
            continue
        items = [first] + [y for y, _ in inner] + [last]
        if not _mostly_names(items, lex, found):
            continue
        if sum(x not in found.titles for x in items) and _nr_share(t, spans[0][0], items) < 0.5:
            continue
        first_at = spans[0][1] - len(first)
        opened = first_at == 0 or s[first_at - 1] in CLAUSE_OPEN or s[max(0, first_at - 3):first_at].endswith(LIST_OPENERS)
        after_last = _skip_aside(s, last_at + len(last))
        followed = follow_rank(s, after_last, lex, found.titles) >= 2
        if len(items) >= 3 or followed or opened:
            for x in items + _list_after(t, last_at + len(last), lex, found.titles):
                found.add(x, (), "list")


# What follows the first item of a LIST_RE match: its aside, then 、 and a second item (the rest of the
# list is optional), and the characters such a tail starts with.
LIST_TAIL_RE = re.compile(f"{LIST_ASIDE}、[{HAN}{DOTS}]{{2}}")
LIST_TAIL_HEAD_RE = re.compile("[（(、]")
LIST_ITEM_MAX = 12
# A run of Han characters and dots reaching the end of the text searched (searched with an endpos).
RUN_TO_END_RE = re.compile(f"[{HAN}{DOTS}]+\\Z")


def _list_matches(s: str):
    """LIST_RE.finditer(s), read from the ends of first items rather than tried at every character.

    A first item is a run of Han characters or dots that cannot stop before the run does (what follows it
    must be a parenthesis or 、): a list starts at the earliest point, at most 12 characters back, of the
    run that ends right before a LIST_TAIL_RE, and no earlier than the previous list's end."""
    if "、" not in s:
        return  # every list holds one
    pos = 0
    for head in LIST_TAIL_HEAD_RE.finditer(s):
        end = head.start()
        if end - pos < 2 or LIST_TAIL_RE.match(s, end) is None:
            continue
        run = RUN_TO_END_RE.search(s, max(pos, end - LIST_ITEM_MAX), end)   # the run back from the head
        if run is None or end - run.start() < 2:
            continue
        start = run.start()
        m = LIST_RE.match(s, start)
        if m is not None:
            yield m
            pos = m.end()


def _looks_listed(item: str, aside: str | None, lex: Lexicon, found: Found) -> bool:
    """An inner list item shaped like a name: short with a surname, known, dotted, transliterated, or
    marked as a person by its aside (sex, nationality)."""
    if len(item) <= 4 and (item[0] in lex.surnames or item in found.titles) or DOTS_RE.search(item):
        return True
    if aside is not None and PERSON_ASIDE_RE.fullmatch(aside):
        return True
    return len(item) <= MAX_FOREIGN_ITEM and _translit(item, lex) and item not in lex.places


def _first_item(t: Text, start: int, length: int, lex: Lexicon, found: Found) -> str | None:
    """The first item of a list: the end of the run before the first 、 ("决定刘一、" -> 刘一)."""
    s, known, dots = t.s, found.titles, t.dots
    end = start + length
    for n in (4, 3, 2):
        if end - n >= start:
            name = s[end - n:end]
            if name in known or dots and DOT_NAME_RE.fullmatch(name):
                return name
    if length <= 3:
        return s[start:end]
    surnames, compound = lex.surnames, lex.compound
    for n in (3, 2):
        name = s[end - n:end]
        # surname_shaped's own first test inlined: most runs end with no name.
        if (name[0] in surnames or name[:2] in compound) and surname_shaped(name, lex) \
                and (end - n in t.starts or t.nr_covers(end - n, end)):
            return name
    foreign = foreign_name_before(t, end, lex)  # "罗伯特（美国）、伊万（俄罗斯）…"
    return foreign if foreign is not None and len(foreign) <= length and foreign not in lex.places else None


def _mostly_names(items: list[str], lex: Lexicon, found: Found) -> bool:
    """Every item, or in a long list all but a few (扎西次仁 and other minority names have no Han surname),
    looks like a name."""
    bad = [x for x in items if not _bare_ok(x, lex, found)]
    if not bad:
        return True
    return len(items) >= 5 and len(bad) * 5 <= len(items) and all(
        2 <= len(x) <= MAX_MINORITY_NAME and not LIST_FUNCTION.intersection(x) and x not in lex.stop
        and x not in lex.places for x in bad)


# A transliterated list item ("霍华德（美国）") runs up to six characters.
MAX_FOREIGN_ITEM = 6
# Tibetan, Mongolian or Uyghur names written without a dot run up to six or seven characters.
MAX_MINORITY_NAME = 7
# Function words that no item of a list of names contains (given names may hold 庄, 年, 向, 堂…).
LIST_FUNCTION = _section_chars("list_function")


def _split_joined(item: str, lex: Lexicon) -> list[str]:
    """Two names run together where a line break was lost ("甲乙丙丁戊" -> "甲乙丙", "丁戊")."""
    if len(item) < 5 or DOTS_RE.search(item):
        return [item]
    for k in (3, 2):
        if surname_shaped(item[:k], lex) and surname_shaped(item[k:], lex):
            return [item[:k], item[k:]]
    return [item]


def _closed_item(s: str, end: int) -> bool:
    """A list item ends at `end` with an aside, punctuation or the end of the line."""
    return end >= len(s) or s[end] in DELIM_SET


def _bare_ok(name: str, lex: Lexicon, found: Found) -> bool:
    """An item of a bare list: a known name, a dotted name, surname-shaped (four characters allowed) or a
    transliterated name ("霍华德")."""
    if name in found.titles or DOT_NAME_RE.fullmatch(name):
        return True
    if name in lex.places:
        return False
    if 2 <= len(name) <= MAX_FOREIGN_ITEM and _translit(name, lex):
        return True
    if name in lex.stop or not 2 <= len(name) <= 4 or not _given_ok(name[1:]):
        return False
    return surname_shaped(name, lex) or (len(name) == 4 and name[0] in lex.surnames)


def _nr_share(t: Text, s_from: int, items: list[str]) -> float:
    """The share of list items that jieba tags as person names (or that are dotted names)."""
    s, hits, pos = t.s, 0, s_from
    for x in items:
        at = s.find(x, pos)
        if at >= 0:
            hits += t.nr_covers(at, at + len(x)) or DOT_NAME_RE.fullmatch(x) is not None
            pos = at + len(x)
    return hits / len(items)


def verb_after(t: Text, j: int) -> bool:
    """A subject verb starts at j as a word of its own: "钱乙主持会议" yes, "发挥作用" (作 inside 作用) no."""
    verbs = VERBS_BY_HEAD.get(t.s[j:j + 1])
    if verbs is None:
        return False
    tok = t.token_at(j)[0]
    for verb in verbs:
        if t.s.startswith(verb, j) and (j + len(verb) in t.ends or len(verb) > 1 and tok.startswith(verb)):
            return True
    return False


def _clause_heads(t: Text) -> list[int]:
    """Clause openings (after CLAUSE_OPEN punctuation or at the start, on a Han character) where jieba tags
    a person: the word there, or the word after a one-character word there. Read off Text.persons rather
    than by visiting every clause."""
    s, starts = t.s, t.starts
    out = set(map(itemgetter(0), t.persons))
    out.update([p - 1 for p in out if len(starts.get(p - 1, NO_TOKEN)[0]) == 1])
    return sorted(i for i in out if (i == 0 or s[i - 1] in CLAUSE_OPEN) and HAN_RE.match(s, i))


def _clause_subjects(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 4: a bare name opening a clause before a strong verb: "钱乙主持会议", "孙七作总结讲话".

    The rule needs jieba's person tag on the name, so only _clause_heads are read. (A clause opening on a
    known name is read as that name, which is already found: nothing to do there.)"""
    s = t.s
    for i in _clause_heads(t):
        name = name_at(t, i, lex, found.titles, titled=False)
        if name is None or name in found.titles or t.common_word(i, name):
            continue
        j = i + len(name)
        nr = t.nr_covers(i, j) or DOT_NAME_RE.fullmatch(name) is not None
        if not nr or _place_like(t, i, name):
            continue
        if verb_after(t, j) or len(name) >= 3 and t.nr_exact(i, j) and follow_rank(s, j, lex, found.titles) >= 1:
            found.add(name, (), "clause")
            for other in _list_after(t, j, lex, found.titles):
                found.add(other, (), "list")


# Last characters of jieba "names" that are really words or a name glued to a verb: 幸福感, 严峻性,
# 安全观, 高端化, 吴九作; things, papers, prizes and events jieba's dictionary tags nr (…证, …书, …杯, …节,
# …声, …会); and the 家 of place names (张家口, 李家沱).
PLACE_AFTER_RE = re.compile(f"[{HAN}]?(?:街道|镇|县|市|区|乡|村|路|街)")
# Words after a person that end like a place suffix but say whose home it is ("钱乙家乡", "他的故乡").
HOME_WORDS = _section_words("home_words")
NOT_LAST = _section_chars("not_last")


def _likely_full_name(t: Text, i: int, tok: str, lex: Lexicon, found: Found) -> bool:
    """A three-character nr token that reads as a full name where it stands."""
    return not (_place_like(t, i, tok) or any(tok.startswith(k) for k in found.titles))


def _place_like(t: Text, i: int, name: str) -> bool:
    """Shaped like a place or a word rather than a bare name: 张家口, 李家沱, 岳阳 (ns), 幸福感."""
    tok, pos = t.token_at(i)
    if (tok == name and pos in ("ns", "nt", "nz")) or name[-1] in NOT_LAST or (len(name) == 3 and name[1] == "家"):
        return True
    j = i + len(name)
    return PLACE_AFTER_RE.match(t.s, j) is not None and not t.s.startswith(HOME_WORDS, j)


def _tagged_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 5: jieba's nr tag with a speech verb after it or a preposition of persons before it."""
    s = t.s
    for i, tok, _, _, _ in t.persons:
        if tok in found.titles or tok in lex.stop or _is_byline(s, i, tok):
            continue
        if len(tok) == 3 and surname_shaped(tok[:2], lex) and lex.follow_re.fullmatch(tok[2]) \
                and not jieba_full_name(t, i, tok, lex):
            tok = tok[:2]  # "钱乙在主持…": jieba glued a verb to a two-character name
        elif not (surname_shaped(tok, lex) or jieba_full_name(t, i, tok, lex)):
            if _translit(tok, lex):   # else foreign_name_at reads no name from this token: nothing to do
                _tagged_foreign(t, i, lex, found)
            continue
        elif len(tok) >= 3 and tok[-1] in NOT_LAST and tok[:2] not in lex.compound:
            continue  # "某某会在…", "…证": a meeting or a paper jieba's dictionary tags nr
        j = i + len(tok)
        before_ok = s[max(0, i - 3):i].endswith(PERSON_BEFORE) and follow_rank(s, j, lex, found.titles) >= 2
        # jieba's three-character names are reliable once shaped like a Chinese name; two characters
        # are too often ordinary words (光荣, 文明) and need a verb or a preposition of persons beside them.
        if verb_after(t, j) or before_ok or len(tok) >= 3 and _likely_full_name(t, i, tok, lex, found):
            found.add(tok, (), "nr")
            for other in _list_after(t, j, lex, found.titles):
                found.add(other, (), "list")


# What the model may propose: Han names, dotted names, and Latin-letter names the context marks as a
# person ("编剧CoreyMay称"): the model reads letters by their kind only, so only context speaks there.
MODEL_NAME_RE = re.compile(f"[{HAN}]{{2,6}}|[{HAN}]{{1,8}}(?:[{DOTS}][{HAN}]{{1,8}})+|[A-Z][a-z]{{2,15}}(?:[A-Z][a-z]{{1,15}}){{0,2}}")


def _model_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 9: names the learned model reads (tasks/ner.py), with the titles written before them. The
    model sees the text with fixed formulas blanked, so a formula's leader is no candidate. Where a name
    the rules found overlaps the model's, the arbiter (`model_name_ok`) keeps the better-bounded one."""
    s = t.s
    read = {s[a:b] for a, b in t.model_spans}
    for a, b in t.model_spans:
        name = s[a:b]
        if _thing_list_item(s, a, b, read, found):
            continue   # an item of a list of things ("学校、医院、商超等场所")
        if MODEL_NAME_RE.fullmatch(name) is None or name in lex.places or name in lex.stop \
                or name in found.titles or s[max(0, a - 3):a].endswith(BYLINE_BEFORE) \
                or not model_name_ok(t, a, b, lex, found):
            continue   # a byline's name is the splitter's (a reporter, not a subject)
        found.add(name, titles_before(t, a, lex, found.titles), "model")


RULE_END_WINS = True


def model_name_ok(t: Text, a: int, b: int, lex: Lexicon, found: Found) -> bool:
    """The arbiter between the model and the rules at one place of the text.

    A name the rules found there wins when the model's span runs past it into a word that can follow a
    name ("甲乙丙率…": the model's 甲乙丙率 loses to the rules' 甲乙丙) or stops inside it; the model's
    span wins (it is added; a rule name seen only inside it then leaves with `mentions`) when it ends
    where a name can end. An item of a list of places is no person."""
    s = t.s
    ends_well = follow_rank(s, b, lex, found.titles) >= 2
    for k in _known_near(s, a, b, found):
        ka, kb = k
        if ka <= a and b <= kb:
            return False                       # inside a name the rules found
        if ka == a and kb < b and (not ends_well or RULE_END_WINS and follow_rank(s, kb, lex, found.titles) >= 2):
            return False                       # runs past a well-ended name
        if ka > a or kb > b:
            if not ends_well:
                return False
    return not _place_list_item(s, a, b, lex)


def _known_near(s: str, a: int, b: int, found: Found) -> list[tuple[int, int]]:
    """Occurrences of names the rules found that overlap s[a:b]."""
    out = []
    for k in found.titles:
        i = s.find(k, max(0, a - len(k) + 1), b + len(k) - 1)
        while 0 <= i < b:
            if i + len(k) > a:
                out.append((i, i + len(k)))
            i = s.find(k, i + 1, b + len(k) - 1)
    return out


def _thing_list_item(s: str, a: int, b: int, read: set[str], found: Found) -> bool:
    """s[a:b] is an item of a 、-list none of whose neighbouring items is a person."""
    prev = s[max(0, a - 9):a - 1].split("、")[-1] if s[a - 1:a] == "、" else None
    nxt = s[b + 1:b + 9].split("、")[0] if s[b:b + 1] == "、" else None
    if prev is None and nxt is None:
        return False
    near = [x for x in (prev, nxt) if x]
    return not any(x in read or x in found.titles or any(x.startswith(k) for k in read) for x in near)


PLACE_ITEM_END_RE = re.compile(f"[{HAN}]{{1,8}}(?:省|市|县|区|镇|乡|村|街道|社区|国|州)$")


def _place_list_item(s: str, a: int, b: int, lex: Lexicon) -> bool:
    """s[a:b] stands in a 、-list whose neighbours are places ("…、甲乙镇、丙丁、戊己县…")."""
    if s[a - 1:a] != "、" and s[b:b + 1] != "、":
        return False
    lo = max(0, a - 12)
    before = s[lo:a - 1].split("、")[-1] if s[a - 1:a] == "、" else ""
    after = s[b + 1:b + 13].split("、")[0] if s[b:b + 1] == "、" else ""
    if any(x and (x in lex.places or PLACE_ITEM_END_RE.search(x)) for x in (before, after)):
        return True
    run = LIST_RUN_RE.match(s, b)   # the rest of the list, then what it counts: "…和城口7个区县"
    return run is not None and PLACE_COUNT_RE.match(s, run.end()) is not None


# Items hold no separator, and the run is atomic: a failed tail costs one pass, not a backtracking search.
LIST_RUN_RE = re.compile(r"(?>(?:[、和及与][^\W\d_、和及与]{1,8})*)(?=[0-9一二三四五六七八九十两]+个|等)")
PLACE_COUNT_RE = re.compile("(?:等)?[0-9一二三四五六七八九十两]*个?(?:区县|县区|县市|市县|县|区|市|镇|乡|街道|村|国家|国|省|地区|地)")


def _adjacent_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Names written back to back in a headline or a name line ("甲乙丙丁戊获胜", "甲乙丙丁戊己"): a person
    word right after a found name is a name too."""
    for i, tok, _, prev_end, prev_name in t.persons:   # in text order
        if i == prev_end and prev_name in found.titles and tok not in found.titles \
                and (surname_shaped(tok, lex) or jieba_full_name(t, i, tok, lex)) \
                and not _overlaps_known(t.s, i, tok, found.titles):
            found.add(tok, (), "list")


def _overlaps_known(s: str, i: int, tok: str, known: dict[str, list[str]]) -> bool:
    """jieba cut a run of names in the wrong place ("钱乙孙|丙丁" where 钱乙 and 孙丙丁 are known)."""
    return any(k != tok and (tok.startswith(k) or s.startswith(k, i + len(tok) - 1)) for k in known)


def _tagged_foreign(t: Text, i: int, lex: Lexicon, found: Found) -> None:
    """A transliterated name tagged nr, acting: "马可强调", "伊万认为", "对此格兰特称", "据罗伯特介绍"."""
    if i > 0 and t.s[i - 1] in lex.translit and i not in t.ends:
        return  # inside a longer run
    name = foreign_name_at(t, i, lex)
    if name is None or name in found.titles or name in lex.places or i > 0 and t.s[i - 1] in DOTS:
        return
    j = i + len(name)
    before_ok = t.s[max(0, i - 3):i].endswith(PERSON_BEFORE) and follow_rank(t.s, j, lex, found.titles) >= 2
    if verb_after(t, j) or before_ok:
        found.add(name, (), "nr")


def _dotted_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 7: a name joined by middle dots anywhere ("侄女索菲亚·米勒", "宇航员罗伯特·格兰特"): its
    parts are transliteration or surname characters, read back from the dot to where they stop."""
    if not t.dots:
        return
    name_chars = lex.name_chars
    s, done = t.s, -1
    for dot in DOTS_RE.finditer(s):
        d = dot.start()
        if d < done:
            continue
        k = d
        while k > 0 and s[k - 1] in name_chars:
            k -= 1
        while k < d and k not in t.starts:
            k += 1
        name = dotted_name(t, k, lex) if k < d else None
        if name is None or name in found.titles or not all(ch in name_chars or ch in DOTS for ch in name):
            continue
        found.add(name, (), "dotted")
        done = k + len(name)


STANDALONE_RE = re.compile(f"(?:^|(?<=\n)|(?<=[（(]))[ 　]*([{HAN}]{{2,4}})[ 　]*(?=$|\n|[)）])")
# STANDALONE_RE after the text's start, with the line break or parenthesis before it read as its first
# character: a pattern starting with a character class is searched for much faster than a lookbehind.
STANDALONE_AFTER_RE = re.compile(f"[\n（(][ 　]*([{HAN}]{{2,4}})[ 　]*(?=$|\n|[)）])")


def _standalone_matches(s: str):
    """STANDALONE_RE.finditer(s). A match holds no line break nor parenthesis, so the next one starts after
    the line break or parenthesis STANDALONE_AFTER_RE reads first."""
    head = STANDALONE_RE.match(s)
    if head is not None:
        yield head
    yield from STANDALONE_AFTER_RE.finditer(s, head.end() if head is not None else 0)


def _standalone_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 6: a line or a parenthesis holding nothing but a name (an author line, "（陈二）")."""
    for m in _standalone_matches(t.s):
        name, i = m.group(1), m.start(1)
        if name not in found.titles and surname_shaped(name, lex) and t.nr_covers(i, i + len(name)):
            found.add(name, (), "alone")


# ---------------------------------------------------------------------------------------------
# Occurrences that are no person: bylines, places, titles of works
# ---------------------------------------------------------------------------------------------

# A byline run: the names after 记者/通讯员 up to 报道, 摄, a closing parenthesis or the end of the line
# ("新华社记者甲乙丙丁新华社通讯员戊己", "本报记者甲乙丙丁", "（记者甲乙、丙丁）").
BYLINE_RUN_RE = re.compile(f"(?:记者|通讯员|摄影)[ 　]*([{HAN}、 　]{{2,18}}?)(?=报道|报导|摄|[)）／/]|$)", re.M)
# A dateline names the place a report was filed from: "据新华社开罗3月2日电", "本报东京5月8日电".
DATELINE_HEADS = "新华社|中新社|本报|本社|社驻|报驻"
DATELINE_HEAD_RE = re.compile(DATELINE_HEADS)
DATELINE_HEAD_REACH = max(map(len, DATELINE_HEADS.split("|"))) - 1
DATELINE_RE = re.compile(f"(?:{DATELINE_HEADS})([{HAN}]{{2,8}}?)(?=[0-9０-９一二三四五六七八九十〇○]{{1,4}}[月日]|电|讯)")
# The head noun of a list says what its items are: "法国、德国、意大利和西班牙等国", "甲市、乙县、丙镇等地".
PLACE_LIST_TAIL_RE = re.compile(f"(?:(?:、|和|与|及|以及)[{HAN}]{{1,8}}?)*?等(?:国家|国|地区|地|省区|省|城市|市|县|州|岛)"
                                "(?![委长领级政人党])")
PLACE_LIST_FIRST = frozenset("、和与及以等")   # the characters a PLACE_LIST_TAIL_RE match can start with
BOOK_OPEN, BOOK_CLOSE = "《〈", "》〉"
# Words after a firm's or a brand's name ("…电器公司", "…牌羽绒服"): the word before them is no person.
# Business categories are listed too, as they come between a brand and 公司 ("…体育用品公司").
ORG_AFTER = _section_words("org_after")
# Rules whose names rest on jieba's tag alone: a place tag outweighs them (a list of names does not: its
# neighbours say what its items are). No rule but a title before the name outweighs a work's title.
TAG_RULES = frozenset({"nr", "clause"})
BARE_RULES = TAG_RULES | {"list", "alone", "after", "dotted", "model"}


def _byline_spans(s: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in BYLINE_RUN_RE.finditer(s)]


def _in_book_title(s: str, i: int) -> bool:
    """The position is inside 《…》 on its line: a work's title ("《某某经营许可证》")."""
    line_start = s.rfind("\n", 0, i) + 1
    opened = max(s.rfind(c, line_start, i) for c in BOOK_OPEN)
    return opened >= 0 and max(s.rfind(c, line_start, i) for c in BOOK_CLOSE) < opened


def _place_occurrence(t: Text, i: int, name: str, heads: list[int] | None = None) -> bool:
    """This occurrence names a place: in a dateline, or an item of a list of countries or places.
    `heads`: where the text's DATELINE_HEADS words start, if known (a dateline starts with one)."""
    lo, hi = max(0, i - 12), i + len(name) + 8
    if (heads is None or heads and _any_between(heads, lo - DATELINE_HEAD_REACH, hi)) \
            and any(m.start(1) <= i < m.end(1) for m in DATELINE_RE.finditer(t.s, lo, hi)):
        return True
    j = i + len(name)
    return t.s[j:j + 1] in PLACE_LIST_FIRST and PLACE_LIST_TAIL_RE.match(t.s, j) is not None


def _any_between(sorted_at: list[int], lo: int, hi: int) -> bool:
    """Some value of the sorted list lies in [lo, hi)."""
    k = bisect_left(sorted_at, lo)
    return k < len(sorted_at) and sorted_at[k] < hi


def _dateline_heads(s: str) -> list[int]:
    """Where DATELINE_HEADS words start in s, in order. A head word starting inside another one (社驻 in
    新华社驻) is not listed: it starts at most DATELINE_HEAD_REACH after a listed one."""
    return [m.start() for m in DATELINE_HEAD_RE.finditer(s)]


def _stands_as_person(t: Text, i: int, name: str, rule: str, bylines: list[tuple[int, int]],
                      heads: list[int] | None = None) -> bool:
    if bylines and any(a <= i < b for a, b in bylines) or _place_occurrence(t, i, name, heads):
        return False
    if rule in BARE_RULES and t.books and _in_book_title(t.s, i):
        return False
    if rule in TAG_RULES and t.s.startswith(ORG_AFTER, i + len(name)):
        return False  # "霍华德电器公司", "格兰特空调设备厂": a brand or a firm
    return rule not in TAG_RULES or t.token_at(i) != (name, "ns")


def drop_non_persons(t: Text, lex: Lexicon, found: Found) -> None:
    """Remove names that are places, or whose every occurrence is a byline, a place or a work's title."""
    s = t.s
    bylines = _byline_spans(s)
    heads = _dateline_heads(s)
    places, rules = lex.places, found.rule
    for name in list(found.titles):
        if name not in places:
            rule = rules.get(name, "")
            # Occurrences left to right, not overlapping: the first that stands as a person keeps the name.
            i = s.find(name)
            while i >= 0 and not _stands_as_person(t, i, name, rule, bylines, heads):
                i = s.find(name, i + len(name))
            if i >= 0:
                continue
        log.debug("not a person here: %s (%s)", name, found.rule.get(name))
        del found.titles[name]
        found.rule.pop(name, None)


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------

# Every formula of people_fixed.txt contains one of these words: texts without them skip the formulas.
FIXED_ANCHOR_RE = re.compile("思想|理论|为核心")


def blank_fixed_phrases(text: str, lex: Lexicon) -> str:
    """Blank a leader's name inside a doctrine formula (same length, so offsets hold)."""
    def blank(m: re.Match[str]) -> str:
        text, at = m.group(), m.start("name") - m.start()
        name = m.group("name")
        for k in range(len(name) - 1):  # "以郑十新时代…": the name is the surname-shaped tail
            if surname_shaped(name[k:], lex):
                return text[:at + k] + "〇" * (len(name) - k) + text[at + len(name):]
        return text

    if not FIXED_ANCHOR_RE.search(text):
        return text
    for rx, (anchor, span) in zip(lex.fixed, lex.fixed_anchors):
        text = _sub_near(rx, anchor, span, blank, text) if anchor else rx.sub(blank, text)
    return text


def _sub_near(rx: re.Pattern[str], anchor: str, span: int, repl, text: str) -> str:
    """rx.sub(repl, text) for a regex whose every match holds `anchor` and is at most `span` long (and that
    never reads further than that from where it is tried): the regex is tried only from `span` before an
    occurrence of the anchor up to it, over a text cut `span` after it (the regex has no prefix of its own
    to scan for). No match starts before that window, so the matches are the ones sub finds."""
    out, pos, done = [], 0, 0
    while (at := text.find(anchor, pos)) >= 0:
        m = rx.search(text, max(pos, at - span), at + span)
        if m is None or m.start() > at:
            pos = at + 1   # no match holds this occurrence (one starting later is read at the next)
            continue
        out += (text[done:m.start()], repl(m))
        pos = done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def article_text(ctx: ArticleContext) -> str:
    """Headline and body first (what ArticleContext.tags tiles), then the kicker and deck lines."""
    return "\n".join([ctx.title, ctx.body] + [p for p in (ctx.kicker, ctx.subtitle) if p])


def _article_pairs(ctx: ArticleContext, raw: str) -> list[tuple[str, str]] | tuple[tuple[str, str], ...] | None:
    """ctx.tags extended over the kicker and deck lines; None when the context carries no tags."""
    title, body = ctx.title, ctx.body
    head = len(title) + 1 + len(body)   # f"{title}\n{body}", compared in place
    if not ctx.tags or not (raw.startswith(title) and raw[len(title):len(title) + 1] == "\n"
                            and raw.startswith(body, len(title) + 1)):
        return None
    if len(raw) == head:
        return ctx.tags
    return [*ctx.tags, *engine().tag(raw[head:])]


def find_people(ctx: ArticleContext) -> tuple[Text, Found]:
    """Run every rule over the article; the Found keeps which rule found each name."""
    lex = lexicon()
    raw = article_text(ctx)
    pairs = _article_pairs(ctx, raw)
    t = Text.of(raw, blank_fixed_phrases(raw, lex), pairs)
    found = Found()
    names = ner.model()
    if names is not None:
        t.model_spans = names.spans(t.s, pairs if pairs is not None else engine().tag(raw))
    for rule in RULES:
        rule(t, lex, found)
    if names is not None:
        veto_unread(t, found)
    drop_non_persons(t, lex, found)
    return t, found


def _occurs_at(s: str, name: str, starts: set[int]) -> bool:
    i = s.find(name)
    while i >= 0:
        if i in starts:
            return True
        i = s.find(name, i + 1)
    return False


# Rules whose names rest on weak evidence (jieba's tag, a clause position): the model must read the name
# too, at one of its occurrences at least, or it is dropped.
VETOED_RULES = frozenset({"nr", "clause"})


def veto_unread(t: Text, found: Found) -> None:
    """Drop the weak rules' names that the model reads nowhere: not as they are, and no name of the
    model's starts where one of their occurrences does (there the boundary is the arbiter's business)."""
    read = {t.s[a:b] for a, b in t.model_spans}
    starts = {a for a, _ in t.model_spans}
    for name, rule in list(found.rule.items()):
        if rule in VETOED_RULES and name not in read and not _occurs_at(t.s, name, starts):
            log.debug("the model does not read %s (%s) as a name", name, rule)
            del found.titles[name]
            del found.rule[name]


RULES = (_titled_names, _names_before_titles, _bare_lists, _clause_subjects, _tagged_names, _standalone_names,
         _dotted_names, _adjacent_names, _model_names)


def extract_people(ctx: ArticleContext) -> list[PersonMention]:
    """Every person named in the article's headline lines and body, with titles as written, no bylines."""
    t, found = find_people(ctx)
    out = mentions(t.s, found.titles)
    lex = lexicon()
    for p in out:
        p.titles = [form for title in p.titles for form in title_forms(title, lex)]
    return out


@lru_cache(maxsize=1)
def _split_re() -> re.Pattern[str]:
    return re.compile(f"(?:{trie_regex(words('titles_split.txt'))})")


def title_forms(title: str, lex: Lexicon) -> list[str]:
    """The title as written, and the post alone when a body outside party and government stands before it
    (titles_split.txt): "某某大学法学院教授" -> 某某大学法学院教授, 教授."""
    last = None
    for last in _split_re().finditer(title):
        pass
    if last is None or last.end() >= len(title) or last.start() == 0:
        return [title]   # no post after the body, or a body with no name of its own ("杂志副主编")
    post = title[last.end():]
    if _is_title(post, lex) and post != title:
        return [title, post]
    return [title]


def mentions(text: str, titles: dict[str, list[str]]) -> list[PersonMention]:
    """One PersonMention per name, in order of first appearance. A name seen only inside a longer name
    (乙丁 in 钱乙丁) is dropped; mentions count the name's own occurrences."""
    out = []
    joined = "\n".join(titles)   # a name held by another name occurs more than once here
    for name, its in titles.items():
        first = text.find(name)
        if first < 0:
            continue  # no occurrence: a count of 0, whatever longer names hold it
        count = text.count(name, first)   # the first occurrence found, counting starts there
        if joined.count(name) > 1 or "\n" in name:
            longer = [o for o in titles if name != o and name in o]
            count -= sum(text.count(o) * o.count(name) for o in longer)
        if count > 0:
            out.append((first, PersonMention(name, list(its), count)))
    return [p for _, p in sorted(out, key=itemgetter(0))]
