"""Word segmentation: jieba's dictionary and cuts, run by jieba-rs (rjieba) for speed.

rjieba cuts Chinese text exactly as ``jieba.cut`` does (tests/test_segment.py checks every page of
the seeds and ../shared/eval) at ~30x the speed; the one difference is that jieba-rs keeps ASCII runs
joined by '.', '-' or '/' ("2017-06-28", "qq.com") as one token where jieba splits them, so those
tokens are re-split here. ``jieba`` itself stays available as the reference engine.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from tasks.config import DATA_DIR

log = logging.getLogger(__name__)

USER_DICT = DATA_DIR / "userdict.txt"
# jieba (finalseg's re_skip) splits a mixed ASCII run into alphanumeric runs, keeping a decimal part and a
# trailing % ("8.9%"), and single punctuation characters ("qq.com" -> qq / . / com).
ASCII_PIECES = re.compile(r"[A-Za-z0-9]+(?:\.\d+)?%?|[^A-Za-z0-9]")
NEEDS_RESPLIT = re.compile(r"[A-Za-z0-9][^A-Za-z0-9\u4e00-\u9fff]|[^A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9]")
# NEEDS_RESPLIT for Arrow's regex engine (RE2 spells the ideograph range \x{...}), run over a whole
# column of tokens at once; tests/test_segment.py checks that both agree.
NEEDS_RESPLIT_RE2 = r"[A-Za-z0-9][^A-Za-z0-9\x{4e00}-\x{9fff}]|[^A-Za-z0-9\x{4e00}-\x{9fff}][A-Za-z0-9]"


def read_user_dict(path: Path = USER_DICT) -> list[tuple[str, int, str | None]]:
    """(word, frequency, part of speech) rows of a jieba-format dictionary; '#' starts a comment."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else None))
    return rows


def guessed_word(word: str) -> bool:
    """A word of more than one character that jieba made up (its HMM) rather than read from its dictionary."""
    return len(word) > 1 and not engine().has_word(word)


def engine(name: str = "rjieba"):
    """A segmenter with the domain dictionary loaded; one per process. (The cache is keyed by the name alone:
    lru_cache keys `engine()` and `engine("rjieba")` apart, which loaded the dictionary twice, ~0.08 s and its
    memory in every process.)"""
    return _engine(name)


@lru_cache(maxsize=None)
def _engine(name: str):
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
    """Pairs with jieba's tokens: blanks dropped, ASCII runs re-split as jieba.cut splits them (as `cut`
    does). Off the hot path: the tokens table applies the same rules in Arrow (tasks.batch.TokenRows)."""
    out: list[tuple[str, str]] = []
    for token, pos in pairs:
        if token.isspace():
            continue
        if NEEDS_RESPLIT.search(token):
            out.extend(zip(*resplit_pieces(token, pos)))
        else:
            out.append((token, pos))
    return out


def resplit_pieces(token: str, pos: str) -> tuple[list[str], list[str]]:
    """A token NEEDS_RESPLIT matches inside, as jieba.cut splits it, with each piece's part of speech."""
    pieces = ASCII_PIECES.findall(token)
    return pieces, [pos] if len(pieces) == 1 else ["m" if p.isdigit() else "x" for p in pieces]


def tag(text: str, name: str = "rjieba") -> list[tuple[str, str]]:
    """(token, part of speech) pairs; the same tokens as ``cut``; whitespace dropped."""
    return clean_tags(tag_raw(text, name))
