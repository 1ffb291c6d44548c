"""People rules 3 and 8: lists of names, and names written back to back.

``在主席台就座的还有：钱乙、孙七…``, ``刘一、欧阳甲和陈二出席会议``, membership lists with asides
(``钱乙（女）、孙七（满族）…``); the items after a found name (``、周八、孙七等``, ``和陈二``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.extract.chars import CLAUSE_OPEN, DELIM_SET, DOTS, DOTS_RE, DOT_NAME_RE, HAN, HANS_RE, LEAD_POS, LIST_JOIN, NO_TOKEN
from tasks.extract.lexicon import LIST_FUNCTION, LIST_LEADS, LIST_OPENERS, MINORITY_HEADS, TITLED_SURNAMES
from tasks.extract.names import (follow_rank, foreign_name_at, foreign_name_before, given_ok, is_translit,
                                 jieba_full_name, minority_name_at, name_at, surname_shaped, verb_after)

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.arbiter import Found
    from tasks.extract.lexicon import Lexicon


# A short parenthesis after a name: a photo position or the name in Latin letters ("（左）", "（John Smith）").
ASIDE_RE = re.compile(r"[（(][^（()）\n]{1,24}[)）]")


def _skip_aside(s: str, j: int) -> int:
    m = ASIDE_RE.match(s, j)
    return m.end() if m else j


# Spaces part the names of a list a title or a colon opens, where a page prints them so: "出席会议的县领导：甲 乙 丙".
LIST_SPACES = frozenset(" \u3000")
# A two-character name such a list pads to the width of three ("韦 芳"): an item the list goes on past.
PADDED_ITEM_RE = re.compile(f"[{HAN}][ \u3000][{HAN}](?=[ \u3000]|\n|$)")


def list_after(t: Text, j: int, lex: Lexicon, known: dict[str, list[str]], with_joins: bool = False,
               spaced: bool = False) -> list:
    """Further names of a list after a name ending at j: "、周八、孙七等", "和陈二" (with_joins: (name, join));
    `spaced`: a space parts them too, as a 、 does ("县领导：甲 乙 丙")."""
    s, out = t.s, []
    while True:
        j = _skip_aside(s, j)
        sep = next((w for w in LIST_JOIN if s.startswith(w, j)), None)
        if sep is None and spaced and s[j:j + 1] in LIST_SPACES:
            sep = s[j]
        if sep is None:
            return out
        i = j + len(sep)
        if sep in LIST_SPACES and PADDED_ITEM_RE.match(s, i):
            j = i + 3
            continue
        listed = sep == "、" or sep in LIST_SPACES
        item = _delimited_item(s, i, lex) if sep == "、" else None
        if item is None and sep == "、" and s[i:i + 1] in lex.surnames:
            item = _word_like_item(t, i, lex, known)
        name = item or name_at(t, i, lex, known, titled=listed) or _foreign_item(t, i, lex)
        if name is None or name not in known and item is None and (
                t.common_word(i, name) and not _minority_item(s, i, name, lex, known) or not listed and not t.nr_covers(i, i + len(name))
                and not (surname_shaped(name, lex) and (verb_after(t, i + len(name))
                                                        or s.startswith("、", i + len(name))))):
            # "副主席甲及仇建平、乙出席": after 及, a name shape that opens a list of its own (仇/n 建平/n)
            return out
        out.append((name, sep) if with_joins else name)
        j = i + len(name)


def _minority_item(s: str, i: int, name: str, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """The item is a name of a minority's name parts, no common word though jieba reads one ("市委常委甲、乙、完玛才旦
    出席": jieba's one word of the Tibetan parts), as the title rule reads it."""
    return s[i] in MINORITY_HEADS and minority_name_at(s, i, lex, known) == name


# A list item that is a name and a word at once (高原, 江南, 向阳): how many such items may stand back to back
# before the name or the verb that shows the list is one of names.
WORD_ITEMS_MOST = 3


def _word_like_item(t: Text, i: int, lex: Lexicon, known: dict[str, list[str]], depth: int = 0) -> str | None:
    """A list item after a name that is shaped as a name but is a word too (a stop word or a place): a name
    where the list goes on to a name after it ("甲、高原、乙出席"), or it closes the list before a verb
    ("甲、乙、江南出席会议"); an ordinary word has neither ("甲、乙、高原地区", "甲、乙在高原")."""
    s = t.s
    for size in (2, 3):
        name, j = s[i:i + size], i + size
        if len(name) != size or HANS_RE.fullmatch(name) is None:
            continue
        if not given_ok(name[1:]) or lex.title_re.search(name) or LIST_FUNCTION.intersection(name):
            continue
        if s.startswith("、", j):
            nxt = _delimited_item(s, j + 1, lex) or name_at(t, j + 1, lex, known, titled=True)
            if nxt is not None and not t.common_word(j + 1, nxt) or depth < WORD_ITEMS_MOST and s[j + 1:j + 2] \
                    in lex.surnames and _word_like_item(t, j + 1, lex, known, depth + 1):
                return name
        elif depth and verb_after(t, j) or not depth and j in t.ends and verb_after(t, j):
            return name
    return None


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
    if lex.title_re.search(m.group()) or not (given_ok(m.group()[1:]) or len(m.group()) == 4
                                             or DOTS_RE.search(m.group())):
        return None
    return m.group()


# A list of names separated by 、, each item possibly followed by a short aside: "甲乙（女）、丙丁（满族）、…",
# "罗伯特（美国）、伊万（俄罗斯）" (membership lists, award lists).
LIST_ASIDE_BODY = r"[（(][^（()）\n]{1,10}[)）]"


LIST_ASIDE = f"(?:{LIST_ASIDE_BODY})?"


LIST_RE = re.compile(f"[{HAN}{DOTS}]{{2,12}}{LIST_ASIDE}(?:、[{HAN}{DOTS}]{{2,12}}{LIST_ASIDE})+")


ITEM_RUN_RE = re.compile(f"[{HAN}{DOTS}]+")


LIST_ITEM_RE = re.compile(f"([{HAN}{DOTS}]+)({LIST_ASIDE_BODY})?(?:、|$)")


# An aside that says the item is a person: sex or nationality ("（女）", "（满族）", "（女，壮族）").
PERSON_ASIDE_RE = re.compile(f"[（(](?:女|男)?[，,]?(?:[{HAN}]{{1,5}}族)?[)）]")


def bare_lists(t: Text, lex: Lexicon, found: Found) -> None:
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
        if last is None and _closed_item(s, spans[-1][1]) and len(parts) >= 5 \
                and _whole_last_item(t, spans[-1], lex):
            last = parts[-1]  # "…、乌力吉图门（蒙古族）": a long list's closed last item is whole
        if last is None:
            continue
        items = [first] + [y for y, _ in inner] + [last]
        marked = {y for y, aside in inner if aside is not None and PERSON_ASIDE_RE.fullmatch(aside)}
        if not _mostly_names(items, lex, found, marked):
            continue
        if sum(x not in found.titles for x in items) and _nr_share(t, spans[0][0], items) < 0.5:
            continue
        first_at = spans[0][1] - len(first)
        opened = first_at == 0 or s[first_at - 1] in CLAUSE_OPEN or s[max(0, first_at - 3):first_at].endswith(LIST_OPENERS)
        after_last = _skip_aside(s, last_at + len(last))
        followed = follow_rank(s, after_last, lex, found.titles) >= 2
        if len(items) >= 3 or followed or opened:
            # a list the title rule read in part ("大会执行主席甲、乙、丙" where it stopped before 丙): the items
            # it left share the title it gave the list
            shared = next((found.titles[y] for y in reversed(items) if found.rule.get(y) == "title-list"), [])
            for x in items + list_after(t, last_at + len(last), lex, found.titles):
                found.add(x, () if x in found.titles else shared, "list")


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
    if _rare_surname_item(item):
        return True
    if aside is not None and PERSON_ASIDE_RE.fullmatch(aside):
        return True
    return len(item) <= MAX_FOREIGN_ITEM and is_translit(item, lex) and item not in lex.places


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
        lead, pos = t.starts.get(start, NO_TOKEN)
        if 0 < len(lead) <= length - 2 and (pos in LEAD_POS or lead in lex.lead):
            return s[start + len(lead):end]   # "由钱乙、孙七…": 由 opens the clause, the item is 钱乙
        return s[start:end]
    surnames, compound = lex.surnames, lex.compound
    glued = _lead_before_pair(s, start, end, lex)
    for n in (3, 2):
        name = s[end - n:end]
        # surname_shaped's own first test inlined: most runs end with no name.
        if (name[0] in surnames or name[:2] in compound) and surname_shaped(name, lex) \
                and (end - n in t.starts or t.nr_covers(end - n, end) or glued) and not (glued and n == 3):
            return name
    foreign = foreign_name_before(t, end, lex)  # "罗伯特（美国）、伊万（俄罗斯）…"
    return foreign if foreign is not None and len(foreign) <= length and foreign not in lex.places else None


def _lead_before_pair(s: str, start: int, end: int, lex: Lexicon) -> bool:
    """The three characters before `end` are a list's preposition glued to the noun before it and a name of two
    ("男队由林浩、…": jieba's 由林浩/nr; 由 is a surname too, but not after 男队 in the same run)."""
    return end - 3 > start and s[end - 3] in LIST_LEADS and surname_shaped(s[end - 2:end], lex)


def _mostly_names(items: list[str], lex: Lexicon, found: Found, marked: set[str] = frozenset()) -> bool:
    """Every item, or in a long list all but a few (扎西次仁 and other minority names have no Han surname),
    looks like a name or is `marked` one by its aside ("乃登（蒙古族）")."""
    bad = [x for x in items if x not in marked and not _bare_ok(x, lex, found)]
    if not bad:
        return True
    return len(items) >= 5 and len(bad) * 5 <= len(items) and all(
        2 <= len(x) <= MAX_MINORITY_NAME and not LIST_FUNCTION.intersection(x) and x not in lex.stop
        and x not in lex.places for x in bad)


# A transliterated list item ("霍华德（美国）") runs up to six characters.
MAX_FOREIGN_ITEM = 6


# Tibetan, Mongolian or Uyghur names written without a dot run up to six or seven characters.
MAX_MINORITY_NAME = 7


def _split_joined(item: str, lex: Lexicon) -> list[str]:
    """Two names run together where a line break was lost ("甲乙丙丁戊" -> "甲乙丙", "丁戊")."""
    if len(item) < 5 or DOTS_RE.search(item):
        return [item]
    for k in (3, 2):
        if surname_shaped(item[:k], lex) and surname_shaped(item[k:], lex):
            return [item[:k], item[k:]]
    return [item]


def _whole_last_item(t: Text, span: tuple[int, int], lex: Lexicon) -> bool:
    """The last item of a long list is a name as a whole when a person aside closes it, the model reads it
    whole, or it is as short as a name: "…、李岚清步入会场。" (步入/n) is no name of seven characters."""
    a, b = span
    return b - a <= 4 or PERSON_ASIDE_RE.match(t.s, b) is not None or (a, b) in t.model_spans


def _closed_item(s: str, end: int) -> bool:
    """A list item ends at `end` with an aside, punctuation or the end of the line."""
    return end >= len(s) or s[end] in DELIM_SET


def _rare_surname_item(item: str) -> bool:
    """A list item of a surname read only after a title and a given name of two ("出席：零建明、韦丽芳、黄志坚",
    "…、于海川、同继业"): in a list of names, the list stands for the title."""
    return len(item) == 3 and item[0] in TITLED_SURNAMES and given_ok(item[1:])


def _bare_ok(name: str, lex: Lexicon, found: Found) -> bool:
    """An item of a bare list: a known name, a dotted name, surname-shaped (four characters allowed) or a
    transliterated name ("霍华德")."""
    if name in found.titles or DOT_NAME_RE.fullmatch(name) or _rare_surname_item(name):
        return True
    if name in lex.places:
        return False
    if 2 <= len(name) <= MAX_FOREIGN_ITEM and is_translit(name, lex):
        return True
    if name in lex.stop or not 2 <= len(name) <= 4 or not given_ok(name[1:]):
        return False
    return surname_shaped(name, lex) or (len(name) == 4 and name[0] in lex.surnames)


def _nr_share(t: Text, s_from: int, items: list[str]) -> float:
    """The share of list items that jieba tags as person names (or that are dotted names)."""
    s, hits, pos = t.s, 0, s_from
    for x in items:
        at = s.find(x, pos)
        if at >= 0:
            hits += t.nr_covers(at, at + len(x)) or DOT_NAME_RE.fullmatch(x) is not None \
                or s[at - 1:at] in LIST_LEADS and t.nr_covers(at - 1, at + len(x))   # jieba's 由林浩/nr
            pos = at + len(x)
    return hits / len(items)


def adjacent_names(t: Text, lex: Lexicon, found: Found) -> None:
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
