"""Word segmentation: jieba's dictionary and cuts, run by jieba-rs (rjieba) for speed.

rjieba cuts Chinese text exactly as ``jieba.cut`` does (tests/test_segment.py checks every page of
the seeds and ../shared/eval) at ~30x the speed; the one difference is that jieba-rs keeps ASCII runs
joined by '.', '-' or '/' ("2017-06-28", "qq.com") as one token where jieba splits them, so those
tokens are re-split here. ``jieba`` itself stays available as the reference engine.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter, not_
from pathlib import Path

import pyarrow as pa

from tasks.config import DATA_DIR

log = logging.getLogger(__name__)

USER_DICT = DATA_DIR / "userdict.txt"
# jieba (finalseg's re_skip) splits a mixed ASCII run into alphanumeric runs, keeping a decimal part and a
# trailing % ("8.9%"), and single punctuation characters ("qq.com" -> qq / . / com).
ASCII_PIECES = re.compile(r"[A-Za-z0-9]+(?:\.\d+)?%?|[^A-Za-z0-9]")
NEEDS_RESPLIT = re.compile(r"[A-Za-z0-9][^A-Za-z0-9\u4e00-\u9fff]|[^A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9]")
BLANK = re.compile(r"\s+")
# NEEDS_RESPLIT for Arrow's regex engine (RE2 spells the ideograph range \x{...}), run over a whole
# column of tokens at once; tests/test_segment.py checks that both agree.
NEEDS_RESPLIT_RE2 = r"[A-Za-z0-9][^A-Za-z0-9\x{4e00}-\x{9fff}]|[^A-Za-z0-9\x{4e00}-\x{9fff}][A-Za-z0-9]"
ASCII_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")
# Neither an ASCII letter or digit nor a CJK ideograph: NEEDS_RESPLIT's other character.
OTHER_CHAR = re.compile(r"[^A-Za-z0-9\u4e00-\u9fff]")

TOKENS_SCHEMA = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("position", pa.int32(), nullable=False),
    pa.field("token", pa.string(), nullable=False),
    pa.field("pos", pa.string()),
    pa.field("field", pa.string()),  # "title" or "body"
])


def read_user_dict(path: Path = USER_DICT) -> list[tuple[str, int, str | None]]:
    """(word, frequency, part of speech) rows of a jieba-format dictionary; '#' starts a comment."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else None))
    return rows


@lru_cache(maxsize=None)
def engine(name: str = "rjieba"):
    """A segmenter with the domain dictionary loaded; one per process."""
    words = read_user_dict()
    if name == "jieba":
        import jieba
        jieba.setLogLevel(logging.WARNING)
        seg = jieba.Tokenizer()
        for word, freq, tag in words:
            seg.add_word(word, freq, tag)
        return seg
    import rjieba
    seg = rjieba.Jieba()
    for word, freq, tag in words:
        seg.add_word(word, freq, tag)
    return seg


def _resplit(token: str) -> list[str]:
    return ASCII_PIECES.findall(token) if NEEDS_RESPLIT.search(token) else [token]


def cut(text: str, name: str = "rjieba") -> list[str]:
    """Tokens as jieba.cut gives them (whitespace tokens included, like jieba)."""
    if name == "jieba":
        return list(engine("jieba").cut(text))
    return [piece for token in engine(name).cut(text) for piece in _resplit(token)]


def tag_raw(text: str, name: str = "rjieba") -> list[tuple[str, str]]:
    """The engine's own (token, part of speech) pairs: they tile the text, blanks and ASCII runs included."""
    return engine(name).tag(text)


def clean_tags(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs with jieba's tokens: blanks dropped, ASCII runs re-split as jieba.cut splits them."""
    words = list(map(itemgetter(0), pairs))
    resplit = _tokens_to_resplit(words)
    if not resplit:
        return list(compress(pairs, map(not_, map(str.isspace, words))))
    out: list[tuple[str, str]] = []
    append = out.append
    for k, (token, pos) in enumerate(pairs):
        if token.isspace():
            continue
        if k not in resplit:
            append((token, pos))
            continue
        out.extend(zip(*resplit_pieces(token, pos)))
    return out


def resplit_pieces(token: str, pos: str) -> tuple[list[str], list[str]]:
    """A token NEEDS_RESPLIT matches inside, as jieba.cut splits it, with each piece's part of speech."""
    pieces = ASCII_PIECES.findall(token)
    return pieces, [pos] if len(pieces) == 1 else ["m" if p.isdigit() else "x" for p in pieces]


def _tokens_to_resplit(words: list[str]) -> set[int]:
    """Indices of the tokens that NEEDS_RESPLIT matches inside (a match across two tokens does not count)."""
    hits = _resplit_hits("".join(words))
    if not hits:
        return set()
    ends = list(accumulate(map(len, words)))
    out = set()
    for i in hits:
        k = bisect_right(ends, i)   # the token holding character i
        if i + 2 <= ends[k]:
            out.add(k)
    return out


def _resplit_hits(text: str) -> list[int]:
    """Every i where NEEDS_RESPLIT matches text[i:i + 2], overlapping matches included. Both of its
    characters can only be letters or digits at the edge of a run of them, so the runs are found (few)
    and their two neighbours tested, instead of trying the pattern at every character of the text."""
    out = []
    for m in ASCII_ALNUM_RUN.finditer(text):
        s, e = m.span()
        if s > 0 and OTHER_CHAR.match(text, s - 1):
            out.append(s - 1)
        if e < len(text) and OTHER_CHAR.match(text, e):
            out.append(e - 1)
    return out


def tag(text: str, name: str = "rjieba") -> list[tuple[str, str]]:
    """(token, part of speech) pairs; the same tokens as ``cut``; whitespace dropped."""
    return clean_tags(tag_raw(text, name))
