"""Character classes and tag sets every extractor shares: Han characters, middle dots, delimiters, jieba's tags."""
from __future__ import annotations

import re



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


HANS_RE = re.compile(f"[{HAN}]+")


# Punctuation after which a clause (and possibly a bare name as its subject) begins.
CLAUSE_OPEN = frozenset("。；;！!？?：:\n，,")


LIST_JOIN = ("以及", "、", "和", "与", "及")


NR_TAGS = frozenset({"nr", "nrfg", "nrt"})


# jieba's tags for ordinary words: a candidate that jieba reads as one such word is not a name.
COMMON_POS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "m", "q", "t", "f", "s", "c", "p", "r", "l",
                        "i", "j", "b", "z", "u", "uj", "nt"})


# jieba's tags of words that never belong to a title (prepositions, adverbs, pronouns, particles, time):
# "依去年全国人大委员长" -> 全国人大委员长, "来自本市的渔业工会秘书长" -> 渔业工会秘书长.
LEAD_POS = frozenset({"p", "d", "r", "t", "u", "ul", "uj", "uz", "ud", "ug", "uv", "y", "e", "o"})


NO_TOKEN = ("", "")
# The length of a word jieba guesses (no dictionary word) that reads as a name rather than an ordinary word:
# three characters guessed are mostly a name with a rare surname; two are as often a verb or noun (压实/v).
GUESSED_LEN = 3


# An organisation name starts at a national prefix or at a level character (区委, 县交通局, 市疫情防控指挥部).
ORG_ANCHOR_RE = re.compile("国家|中央|中共|全国|[省市区县州镇乡]")


ANCHOR_HEADS = frozenset("国中全省市区县州镇乡")   # the characters ORG_ANCHOR_RE can match first


BOOK_OPEN, BOOK_CLOSE = "《〈", "》〉"


HAN_ONLY = re.compile(rf"[{HAN}]+")


def occurrences(text: str, word: str) -> list[int]:
    """Where the word starts in the text, overlapping occurrences included."""
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out
