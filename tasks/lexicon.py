"""Word lists of tasks/data/, read and compiled in one place.

Every rule module takes its lists from here: ``words`` for a plain list file, ``sections`` for a file of
``[section]`` blocks (``section_words`` for one block's words), ``keyed`` for a file of ``key: words`` lines, ``trie_regex`` to compile a list into
one regex that matches the longest word at a position and reads each character once (a trie written as a
regex: ``主(?:任|席)``). The extractors' lists are compiled in tasks/extract/lexicon.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.config import DATA_DIR


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Entries of a data file: whitespace-separated, '#' starts a comment."""
    out: list[str] = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        out.extend(line.split("#", 1)[0].split())
    return tuple(out)


@lru_cache(maxsize=None)
def sections(name: str) -> dict[str, list[list[str]]]:
    """A data file of `[section]` blocks: per section, its rows split on whitespace."""
    out: dict[str, list[list[str]]] = {}
    current = ""
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        elif line:
            out.setdefault(current, []).append(line.split())
    return out


@lru_cache(maxsize=None)
def section_words(name: str, section: str) -> tuple[str, ...]:
    """Every word of one `[section]` of a data file, in file order."""
    return tuple(w for row in sections(name)[section] for w in row)


@lru_cache(maxsize=None)
def keyed(name: str) -> dict[str, list[str]]:
    """A data file of 'key: words' lines: per key, its words (several lines with the same key add up)."""
    out: dict[str, list[str]] = {}
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            key, _, listed = line.partition(":")
            out.setdefault(key.strip(), []).extend(listed.split())
    return out


def trie_regex(items) -> str:
    """A regex of the words that matches the longest word at a position, written as a trie ("主(?:任|席)"):
    the regex engine then reads each character once instead of trying every word. At each character the
    longer words are tried before the word ending there, so the match is the one of the plain alternation
    of the words sorted longest first."""
    trie: dict = {}
    for w in set(items):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"


def single_surnames() -> frozenset[str]:
    """Characters that are a family name by themselves (names_surnames.txt less its two-character ones)."""
    return frozenset(c for w in words("names_surnames.txt") if len(w) != 2 for c in w)
