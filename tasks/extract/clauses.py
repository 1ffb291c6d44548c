"""People rules 4-7 and the quotation's speaker: bare names that rest on where they stand and on jieba's person tag.

A name opening a clause before a verb of meeting reports (``钱乙主持会议``), jieba's ``nr`` tag beside a
speech verb or a preposition of persons, a line or a parenthesis holding nothing but a name, a name
joined by middle dots, and the name right after a quotation's closing quote before a verb of saying
(``“…。”钱乙激动地说``).
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import TYPE_CHECKING

from tasks.extract.bylines import is_byline
from tasks.extract.chars import CLAUSE_OPEN, DOTS, DOTS_RE, DOT_NAME_RE, HAN, HAN_RE, LEAD_POS, NO_TOKEN, NR_TAGS
from tasks.extract.lexicon import BY_WORDS, HOME_WORDS, LIST_LEADS, NOT_LAST, PERSON_BEFORE, QUOTE_VERBS
from tasks.extract.lists import list_after
from tasks.extract.names import (dotted_name, follow_rank, foreign_name_at, is_translit, jieba_full_name, name_at,
                                 surname_shaped, verb_after)

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.arbiter import Found
    from tasks.extract.lexicon import Lexicon


def _clause_heads(t: Text) -> list[int]:
    """Clause openings (after CLAUSE_OPEN punctuation or at the start, on a Han character) where jieba tags
    a person: the word there, or the word after a one-character word there. Read off Text.persons rather
    than by visiting every clause."""
    s, starts = t.s, t.starts
    out = set(map(itemgetter(0), t.persons))
    out.update([p - 1 for p in out if len(starts.get(p - 1, NO_TOKEN)[0]) == 1])
    return sorted(i for i in out if (i == 0 or s[i - 1] in CLAUSE_OPEN) and HAN_RE.match(s, i))


def clause_subjects(t: Text, lex: Lexicon, found: Found) -> None:
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
            for other in list_after(t, j, lex, found.titles):
                found.add(other, (), "list")


# The preposition naming the agent of a passive clause ("会议由甲主持", "奖由乙获得", "由丙执导").
BY = "由"
# follow_rank's answer for a word that follows names (a verb, not punctuation or a title: "奖由乙获得")
VERB_RANK = 2


def by_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 4b: a bare name after 由 that jieba glued to the preposition (由林浩/nr, 奖由方琳琳/n, 由宁/c 浩然/a),
    before a verb that follows names: the agent of "会议由甲主持", "奖由乙获得". Where jieba cut 由 off as a word
    of its own the other rules read the name. The model reads none of these (jieba's cut is its input too), so
    no veto: the preposition, a surname's shape and the verb at jieba's word end are the evidence."""
    s = t.s
    if BY not in s:
        return
    at = s.find(BY)
    while at >= 0:
        i = at + 1
        at = s.find(BY, i)
        if t.starts.get(i - 1, NO_TOKEN)[0] == BY or i in t.starts:
            continue   # 由 is a word of its own, or ends one: the name after it starts a word the rules read
        if any(w in BY_WORDS for w in (s[i - 1:i + 1], s[i - 2:i], s[i - 1:i + 2], s[i - 3:i])):
            continue   # 由于, 理由, 由不得
        name = name_at(t, i, lex, found.titles, titled=False)
        if name is None or name in found.titles or name in lex.stop or not surname_shaped(name, lex):
            continue
        j = i + len(name)
        if j in t.ends and (verb_after(t, j) or follow_rank(s, j, lex, found.titles) == VERB_RANK):
            found.add(name, (), "by")


# Last characters of jieba "names" that are really words or a name glued to a verb: 幸福感, 严峻性,
# 安全观, 高端化, 吴九作; things, papers, prizes and events jieba's dictionary tags nr (…证, …书, …杯, …节,
# …声, …会); and the 家 of place names (张家口, 李家沱).
PLACE_AFTER_RE = re.compile(f"[{HAN}]?(?:街道|镇|县|市|区|乡|村|路|街)")


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


def tagged_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 5: jieba's nr tag with a speech verb after it or a preposition of persons before it."""
    s = t.s
    for i, tok, _, _, _ in t.persons:
        if tok in found.titles or tok in lex.stop or is_byline(s, i, tok):
            continue
        if len(tok) == 3 and tok[0] in LIST_LEADS and tok[1:] in found.titles:
            continue  # "男队由林浩、…": jieba glued a list's preposition to a name the list rule found
        if len(tok) == 3 and surname_shaped(tok[:2], lex) and lex.follow_re.fullmatch(tok[2]) \
                and not jieba_full_name(t, i, tok, lex):
            tok = tok[:2]  # "钱乙在主持…": jieba glued a verb to a two-character name
        elif not (surname_shaped(tok, lex) or jieba_full_name(t, i, tok, lex)):
            if is_translit(tok, lex):   # else foreign_name_at reads no name from this token: nothing to do
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
            for other in list_after(t, j, lex, found.titles):   # as weak as the tag they follow
                found.add(other, (), "nr")


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


def dotted_names(t: Text, lex: Lexicon, found: Found) -> None:
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
        while k > max(0, done) and s[k - 1] in name_chars:   # not back into the name found before
            k -= 1
        while k < d and k not in t.starts:
            k += 1
        lead, pos = t.starts.get(k, NO_TOKEN)
        while lead and k + len(lead) < d and (pos in LEAD_POS and len(lead) == 1 or lead in lex.lead):
            # "分别由斯蒂芬·加勒特": 由 is a surname character, but jieba reads a preposition; "阿不都热合曼·…"
            # keeps jieba's 阿不都/d, a name's syllables
            k += len(lead)
            lead, pos = t.starts.get(k, NO_TOKEN)
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


def standalone_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 6: a line or a parenthesis holding nothing but a name (an author line, "（陈二）")."""
    for m in _standalone_matches(t.s):
        name, i = m.group(1), m.start(1)
        if name not in found.titles and surname_shaped(name, lex) and t.nr_covers(i, i + len(name)):
            found.add(name, (), "alone")


# After a name that follows a quotation: how it was said (激动地, 笑着, 乐呵呵地; at most five characters), then the
# verb of saying ("“…”钱乙激动地说").
QUOTE_ATTRIBUTION_RE = re.compile(f"(?:[{HAN}]{{1,5}}?[地着])?(?:{'|'.join(sorted(QUOTE_VERBS, key=len, reverse=True))})")


def quoted_speakers(t: Text, lex: Lexicon, found: Found) -> None:
    """A name right after a quotation's closing quote, before a verb of saying (and how it was said): the
    speaker ("“有了这笔钱，孩子上学不愁了。”钱乙激动地说"). The name ends where jieba ends a word."""
    s = t.s
    if "”" not in s:
        return
    at = s.find("”")
    while at >= 0:
        i = at + 1
        for size in (3, 2):
            name, j = s[i:i + size], i + size
            # two characters are too often a firm's name (“…”华为表示): those need jieba's person tag
            # (a preposition jieba reads apart from the noun after it is no surname: "…”由居民说了算", 由/p 居民/n)
            if j in t.ends and surname_shaped(name, lex) and name not in lex.stop \
                    and (size == 3 and t.starts.get(i, NO_TOKEN)[1] != "p" or t.token_at(i)[1] in NR_TAGS) \
                    and QUOTE_ATTRIBUTION_RE.match(s, j) and not is_byline(s, i, name):
                found.add(name, (), "quoted")
                break
        at = s.find("”", i)
