"""The article, read once: every extractor reads the same annotated article.

`annotate(ctx)` builds an `Annotated` per article (kept for the last article of each thread, so people,
places, organisations and slogans of one article share it): the headline-and-body text and its jieba-rs
words with character offsets (`tagged`, read by places and organisations), and the people rules' view
(`words`: every headline line, fixed formulas blanked, tokens by character offset, with the byline and
dateline spans). The article is tagged once by the pipeline (ArticleContext.tags) and those tags are reused.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import TYPE_CHECKING

from tasks.extract.bylines import byline_spans, dateline_head_starts
from tasks.extract.chars import BOOK_OPEN, COMMON_POS, DOTS_RE, GUESSED_LEN, HAN_ONLY, NR_TAGS
from tasks.extract.lexicon import lexicon
from tasks.extract.names import surname_shaped
from tasks.records import ArticleContext, EntityMention
from tasks.segment import engine, tag

if TYPE_CHECKING:
    from tasks.extract.lexicon import Lexicon


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
    # (start, end) of the names the learned model reads in `s` (tasks/ner.py); set by find_people through
    # `read_by_model`, which also keeps where they start.
    model_spans: list[tuple[int, int]] = field(default_factory=list)
    model_starts: frozenset[int] = frozenset()
    dots: bool = field(init=False)    # the text holds a middle dot: dotted names are possible
    books: bool = field(init=False)   # the text opens a work's title (《, 〈)

    def __post_init__(self) -> None:
        self.dots = DOTS_RE.search(self.s) is not None
        self.books = any(c in self.s for c in BOOK_OPEN)

    def read_by_model(self, spans: list[tuple[int, int]]) -> None:
        self.model_spans = sorted(spans)   # the model gives them in text order; the titles' search relies on it
        self.model_starts = frozenset(a for a, _ in spans)

    @classmethod
    def of(cls, raw: str, s: str, pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...] | None = None,
           offsets: list[int] | None = None) -> "Text":
        """`pairs`: the article's own tagging of `raw` (ArticleContext.tags); without it `s` is tagged here.
        `offsets`: the running lengths of `pairs`' tokens when the caller has them (TagColumns), read not
        changed. Tokens over a blanked formula are masked by offset rather than tagged again."""
        tagged_here = pairs is None
        if tagged_here:
            # tasks.segment.tag's clean-up (dropping blanks, re-splitting ASCII runs) costs more than the
            # tagging and changes no name: the engine's own pairs are used.
            pairs = engine().tag(s)
            offsets = None
        if offsets is None:
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

    @cached_property
    def bylines(self) -> list[tuple[int, int]]:
        """(start, end) of the names of byline runs (记者 X, 通讯员 X … 报道)."""
        return byline_spans(self.s)

    @cached_property
    def dateline_heads(self) -> list[int]:
        """Where the words that open a dateline (新华社, 本报…) start, in order."""
        return dateline_head_starts(self.s)

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
        """jieba reads the whole candidate as one ordinary word (干部, 会议, 包干制), not a name. A three-character
        word of jieba's guessing (its HMM, no dictionary word: "县委书记农国强出席": 农国强/nt) is no such word."""
        tok, pos = self.token_at(i)
        return tok == name and pos in COMMON_POS and (len(name) != GUESSED_LEN or engine().has_word(name))



def _persons(starts: dict[int, tuple[str, str]]) -> list[tuple[int, str, str, int, str]]:
    """Text.persons read off the tokens in text order."""
    out, prev_end, prev_name = [], -1, ""
    for i, (tok, pos) in starts.items():
        if pos in NR_TAGS:
            out.append((i, tok, pos, prev_end, prev_name))
        prev_end, prev_name = i + len(tok), tok
    return out


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


def blank_fixed_phrases(text: str, lex: Lexicon) -> str:
    """Blank a leader's name inside a doctrine formula (same length, so offsets hold)."""
    def blank(m: re.Match[str]) -> str:
        text, at = m.group(), m.start("name") - m.start()
        name = m.group("name")
        for k in range(len(name) - 1):  # "以郑十新时代…": the name is the surname-shaped tail
            if surname_shaped(name[k:], lex):
                return text[:at + k] + "〇" * (len(name) - k) + text[at + len(name):]
        return text

    # A formula with an anchor is tried only near its anchor's occurrences (_sub_near): a text without them
    # costs one str.find per formula. (A check for a few words every formula was thought to hold skipped
    # "以…同志为总书记的党中央", which holds none of them.)
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


@dataclass(frozen=True, slots=True, eq=False)
class TagColumns:
    """ArticleContext.tags as columns, listed once per article for every view that reads them (tagged(), Text.of,
    the name model): each of those listing the pairs again cost more than its own work on them. Read, never
    changed: Tagged holds `words` and `poss` themselves."""
    words: list[str]
    poss: list[str]
    offsets: list[int]   # running lengths of the words, from 0: offsets[k] is where word k starts

    @classmethod
    def of(cls, pairs) -> "TagColumns":
        words = list(map(itemgetter(0), pairs))
        return cls(words, list(map(itemgetter(1), pairs)), list(accumulate(map(len, words), initial=0)))


# The pipeline tags each article once (ArticleContext.tags); prime() hands those pairs to tagged().
# Per thread: two threads extracting from different articles must not evict each other's pairs (tagged()
# would then re-tag the text with tasks.segment.tag, whose tokens differ).
_PRIMED = threading.local()


def _primed() -> dict[str, "Annotated"]:
    if not hasattr(_PRIMED, "pairs"):
        _PRIMED.pairs = {}
    return _PRIMED.pairs


def prime(ctx: ArticleContext) -> str:
    """The article's text, with its ready-made tags registered for tagged()."""
    return annotate(ctx).text


def _register(text: str, article: "Annotated") -> None:
    """tagged(text) reads the article's tags (as its TagColumns) instead of tagging the text again."""
    primed = _primed()
    if article.ctx.tags and text not in primed:
        primed.clear()
        primed[text] = article


@lru_cache(maxsize=16)
def tagged(text: str) -> Tagged:
    """jieba-rs tokens with character offsets; cached so the extractors of one article tag it once.
    Blank words stay: every rule looks words up at Han characters and stops reading a name at a word
    that is not all Han, so a blank word there ends a name exactly as the gap left by deleting it would,
    and finding the blanks cost more than all the lookups that meet them."""
    article = _primed().get(text)
    if article is not None:
        pairs = article.ctx.tags
        cols = article.columns
    else:
        pairs = tag(text)
        cols = TagColumns.of(pairs)
    offsets = cols.offsets
    # Lengths adding up to the text's means the pairs tile it: the article's own tags always do, and
    # tasks.segment.tag's pairs (blanks dropped, ASCII runs re-split into pieces of themselves) only
    # when nothing was dropped. Offsets are then running lengths, found without a search.
    if offsets[-1] != len(text):
        return _tagged_by_search(text, pairs)
    return Tagged(text, offsets[:-1], offsets[1:], cols.words, cols.poss)


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
def han_word(word: str) -> bool:
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


def word_at(t: Tagged, i: int) -> int:
    """Index of the jieba word covering character i, or -1."""
    j = bisect_right(t.starts, i) - 1
    return j if j >= 0 and t.ends[j] > i else -1


def entity_mentions(counts: Counter[str], kinds: dict[str, str]) -> list[EntityMention]:
    return [EntityMention(text=k, kind=kinds.get(k), count=n) for k, n in counts.most_common()]


class Annotated:
    """One article as the extractors read it. Each view is built on first use and kept."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx

    @cached_property
    def text(self) -> str:
        """Headline and body: what places, organisations and slogans read and count mentions in (spaces left
        by cleaning separate headline phrases, so they end names). Its tags are registered for tagged()."""
        text = f"{self.ctx.title or ''}\n{self.ctx.body or ''}"
        _register(text, self)
        return text

    @cached_property
    def columns(self) -> TagColumns:
        """ctx.tags as columns (what `tagged`, `words` and the name model read)."""
        return TagColumns.of(self.ctx.tags or ())

    @cached_property
    def tagged(self) -> Tagged:
        """The words of `text` with character offsets (the article's own tags when it has them)."""
        return tagged(self.text)

    @cached_property
    def raw(self) -> str:
        """Every headline line and the body: what the people rules read."""
        return article_text(self.ctx)

    @cached_property
    def pairs(self) -> list[tuple[str, str]] | tuple[tuple[str, str], ...] | None:
        """The article's tags extended over `raw`; None when the context carries none."""
        return _article_pairs(self.ctx, self.raw)

    @cached_property
    def words(self) -> Text:
        """`raw` with fixed formulas blanked and its tokens laid over it (with byline and dateline spans)."""
        pairs = self.pairs
        offsets = self.columns.offsets if pairs is not None and pairs is self.ctx.tags else None
        return Text.of(self.raw, blank_fixed_phrases(self.raw, lexicon()), pairs, offsets)

    @cached_property
    def formula_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the names blanked inside fixed formulas (以…同志为核心的党中央)."""
        out: list[tuple[int, int]] = []
        for i in _differences(self.raw, self.words.s):
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
        return out


# The last article annotated, per thread (two threads extract from different articles): its context is
# held, so its identity cannot be reused by another article while it is kept.
_LAST = threading.local()


def annotate(ctx: ArticleContext) -> Annotated:
    """The annotated article of this context, built once for all its extractors."""
    last = getattr(_LAST, "article", None)
    if last is None or last.ctx is not ctx:
        last = _LAST.article = Annotated(ctx)
    return last
