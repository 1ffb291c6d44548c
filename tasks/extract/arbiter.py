"""The one place where candidates are settled into people.

Candidates come from the rules (rules.py, each name labelled with the rule that found it in `Found`) and
from the learned name model (tasks/ner.py). Here: where a model name and a rule's name overlap, the
better-ended one wins (`model_name_ok`); the weakest rules' names stand only where the model reads a name
too (`veto_unread`, VETOED_RULES); a name is dropped when it is a place or when every occurrence of it is
a byline, a dateline place, an item of a list of places or (for bare names) a word in a work's title
(`drop_non_persons`); names seen only inside longer names leave with `mentions`.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

from tasks.extract.bylines import DATELINE_HEAD_REACH, DATELINE_RE, byline_before
from tasks.extract.chars import BOOK_CLOSE, BOOK_OPEN, DOTS, DOTS_RE, HAN, HAN_FIRST, HAN_LAST, NO_TOKEN, occurrences
from tasks.extract.lexicon import CROWD_TITLES, DESCRIBED_RE, LIST_LEADS, ORG_AFTER, ORG_LIST_END_RE, PLACE_ENDS_NO_NAME, VENUE_AFTER
from tasks.extract.names import addressed, follow_rank, follower_before_title, given_ok, uyghur_parts_end
from tasks.extract.titles import TAG_ALONE_RULES, last_match, share_with_list, title_after, titles_before
from tasks.records import PersonMention
from tasks.segment import guessed_word

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.lexicon import Lexicon


log = logging.getLogger(__name__)


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


# What the model may propose: Han names, dotted names, and Latin-letter names holding a lower-case letter
# ("编剧CoreyMay称", "影评人rayn认为"); a word of capitals alone is an acronym far more often (CCM, SCEA).
MODEL_NAME_RE = re.compile(f"[{HAN}]{{2,6}}|[{HAN}]{{1,8}}(?:[{DOTS}][{HAN}]{{1,8}})+|(?=[A-Za-z]{{3,24}}$)[A-Z]*[a-z][A-Za-z]*")


# Transliterations longer than MODEL_NAME_RE's Han names, or joined by a dash ("罗德—拉森"), each part made
# of transliteration characters only.
LONG_TRANSLIT_RE = re.compile(f"[{HAN}]{{7,10}}|[{HAN}]{{2,8}}[—－-][{HAN}]{{2,8}}")


NO_DASHES = str.maketrans("", "", "—－-")


def model_shape_ok(name: str, lex: Lexicon) -> bool:
    if MODEL_NAME_RE.fullmatch(name) is not None:
        return True
    return LONG_TRANSLIT_RE.fullmatch(name) is not None and lex.translit.issuperset(name.translate(NO_DASHES))


def model_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 9: names the learned model reads (tasks/ner.py), with the titles written before them. The
    model sees the text with fixed formulas blanked, so a formula's leader is no candidate. Where a name
    the rules found overlaps the model's, the arbiter (`model_name_ok`) keeps the better-bounded one."""
    s = t.s
    read = {s[a:b] for a, b in t.model_spans}
    starts = t.model_starts
    for a, b in t.model_spans:
        name = s[a:b]
        if name in found.titles:
            if DOTS_RE.search(name):   # "法官|维克多·佩罗塔" found beside 维克多·佩罗塔
                _absorb(found, name, _dotted_names_around(t, a, b, _known_near(s, a, b, found), lex))
            if not found.titles[name]:
                # a weak rule's name without its titles: the ones written beside this occurrence are its own,
                # and the 、-list after it shares those before it ("县政协副主席甲乙丙、丁戊己参加")
                before = titles_before(t, a, lex, found.titles)
                found.add(name, before + title_after(t, b, lex, found.titles, titled=bool(before)))
                if before:
                    share_with_list(t, b, before, lex, found)
            continue
        if _thing_list_item(s, a, b, read, found) and not title_after(t, b, lex, found.titles) \
                and not titles_before(t, a, lex, found.titles):
            continue   # an item of a list of things ("学校、医院、商超等场所"), not "、甲乙丙参议员、", "总理甲乙丙、"
        if not model_shape_ok(name, lex) or byline_before(s, a):
            continue   # a byline's name is the splitter's (a reporter, not a subject)
        if (name in lex.places or name in lex.stop) and not titles_before(t, a, lex, found.titles):
            continue   # a place's name or a word is a person's only with a title before it ("县长江山主持")
        if len(t.token_at(a)[0]) > b - a and t.token_at(a)[1] in PLACE_TAGS \
                and not titles_before(t, a, lex, found.titles):
            continue   # the head of a place's name jieba reads whole ("乌兰哈达区": 乌兰哈达/ns)
        near = _known_near(s, a, b, found)
        wider = _dotted_names_around(t, a, b, near, lex)   # "法官|维克多·佩罗塔" holding the model's name
        if not model_name_ok(t, a, b, lex, found, read, starts, [k for k in near if k not in wider]):
            continue
        before = titles_before(t, a, lex, found.titles) or _list_titles_before(s, a, found)
        found.add(name, before + title_after(t, b, lex, found.titles, titled=bool(before)), "model")
        _absorb(found, name, wider)
        if before:   # "副区长甲乙丙、丁戊己" where only the model reads 甲乙丙: the list shares the title
            share_with_list(t, b, before, lex, found)


PLACE_TAGS = frozenset({"ns"})   # (not nt: "克林顿政府" holds a person)
# The rules whose names carry the titles written before them, which a 、-list after them shares.
TITLED_BEFORE_RULES = frozenset({"title", "title-list"})


def _list_titles_before(s: str, a: int, found: Found) -> list[str]:
    """The titles a 、-list shares with a name the model alone reads in it: those of the name just before
    the 、, when they were written before that name ("县政协委员甲、隗乙" where the title rule's list stopped
    at a surname it does not know)."""
    if a < 3 or s[a - 1] != "、":
        return []
    for name, titles in found.titles.items():
        if titles and found.rule.get(name) in TITLED_BEFORE_RULES and s.endswith(name, 0, a - 1):
            if found.rule.get(name) == "title-list":
                return list(titles)   # the list shares it already ("村党支部书记甲、乙、丙")
            return [t for t in titles if _held_by_several(t)]
    return []


# Titles a 、-list of several people may share: deputies, members, representatives, groups; not a post one
# person holds ("县委书记甲、乙等一同植树": 乙 is no county party secretary).
SHARED_TITLE_ENDS = ("常委", "委员", "代表", "领导", "成员", "干部", "同志", "党员", "议员", "专家", "教授", "员")


def _held_by_several(title: str) -> bool:
    return "副" in title or title.endswith(SHARED_TITLE_ENDS)


def _absorb(found: Found, name: str, wider: dict[tuple[int, int], str]) -> None:
    """The wider names leave; their titles go to the name they held."""
    for w in dict.fromkeys(wider.values()):
        found.add(name, found.titles.pop(w))
        del found.rule[w]


def _dotted_names_around(t: Text, a: int, b: int, near: list[tuple[int, int]], lex: Lexicon) -> dict[tuple[int, int], str]:
    """Of the rules' names `near` s[a:b], the dotted ones that hold the model's dotted name and, beside it,
    only whole jieba words that are no person's word and not all transliteration characters: a title, a
    verb or an adverb read into the name ("法官|维克多·佩罗塔", "名叫|保罗·邦珀", "弗雷德·伯格斯滕|甚至")."""
    s = t.s
    if DOTS_RE.search(s, a, b) is None:
        return {}
    out = {}
    for ka, kb in near:
        if not (ka <= a and b <= kb) or (ka, kb) == (a, b):
            continue
        extras = [s[x:y] for x, y in ((ka, a), (b, kb)) if x < y]
        if b < kb and uyghur_parts_end(s, max(s.rfind(d, a, b) for d in DOTS) + 1) > b:
            continue   # the model's last part stops inside a Uyghur part ("麦麦提敏·阿布|都拉": 阿布都)
        if any(d in e for e in extras for d in DOTS) or all(lex.translit.issuperset(e) for e in extras) \
                or not (_whole_words(t, ka, a) and _whole_words(t, b, kb)) or _noun_read_before(t, ka, a, lex):
            continue
        out[ka, kb] = s[ka:kb]
    return out


def _noun_read_before(t: Text, x: int, y: int, lex: Lexicon) -> bool:
    """s[x:y] before the model's dotted name holds a common noun or is all a dotted name's characters, and ends
    in no title: the name's own first syllables ("副县长木合|塔尔·阿不力米提": jieba's 木合/n; "县长阿不都热合|曼·
    吐尔洪"), not a title or a verb read into it ("法官|维克多·佩罗塔", "名叫|保罗·邦珀")."""
    if x >= y:
        return False
    last = last_match(lex.title_re, t.s, x, y)
    if last is not None and last.end() == y:
        return False
    if lex.name_chars.issuperset(t.s[x:y]) and t.s[x:y] not in lex.lead:
        return True
    k = x
    while k < y:
        tok, pos = t.starts.get(k, NO_TOKEN)
        if pos == "n":
            return True
        k += len(tok) or 1
    return False


def _whole_words(t: Text, x: int, y: int) -> bool:
    """s[x:y] is tiled by jieba words, none tagged as a person's."""
    while x < y:
        tok, pos = t.starts.get(x, NO_TOKEN)
        if not tok or x + len(tok) > y or pos.startswith("nr"):
            return False
        x += len(tok)
    return True


RULE_END_WINS = True
LIST_JOINS = frozenset("和与及")


def model_name_ok(t: Text, a: int, b: int, lex: Lexicon, found: Found, read: set[str], starts: set[int],
                  near: list[tuple[int, int]]) -> bool:
    """The arbiter between the model and the rules at one place of the text.

    A name the rules found there wins when the model's span runs past it into a word that can follow a
    name at least as well as what follows the model's span ("甲乙丙率…": the model's 甲乙丙率 loses to the
    rules' 甲乙丙; "甲乙丙和丁…": the model's 甲乙丙, joined to a next name, beats the rules' 甲乙 before 丙)
    or stops inside it; the model's span wins (it is added; a rule name seen only inside it then leaves
    with `mentions`) when it ends where a name can end. An item of a list of places is no person.
    `read`, `starts`: the names the model reads in the text, and where they start; `near`: where the rules'
    names overlap s[a:b] (`_known_near`)."""
    s = t.s
    rank = follow_rank(s, b, lex, found.titles)
    if rank == 1 and s[b:b + 1] in LIST_JOINS and b + 1 in starts:
        rank = 3   # "甲乙丙和丁戊己": joined to the next name the model reads, as a list's 、 would
    if rank < 3 and b in starts and not _strong_name_across(s, a, b, near, found):
        rank = 3   # "甲乙丙丁戊己庚辛": names written back to back, as a membership list prints them
    ends_well = rank >= 2
    if near and (_longer_transliteration(s, a, b, near, lex, found, rank)
                 or _rules_end_inside_a_word(t, a, b, near, lex, found)):
        return not _place_list_item(s, a, b, lex, read, found)
    for k in near:
        ka, kb = k
        if ka <= a and b <= kb:
            return False                       # inside a name the rules found
        if ka == a and kb == b - 1 and follower_before_title(t, a, b, lex):
            return False                       # "导演贾平携主演": the model's 贾平携 runs into a verb before a title
        if ka == a + 1 and kb == b and s[a] in LIST_LEADS and found.rule.get(s[ka:kb]) == "list":
            return False                       # a list's preposition glued to its first name ("男队由林浩、…")
        if a <= ka and kb < b and s[kb] in DOTS:
            continue                           # a part of the model's dotted name ("穆莱耶" of 穆莱耶·布克莱斯)
        if ka == a and kb < b and (not ends_well or RULE_END_WINS and follow_rank(s, kb, lex, found.titles) >= rank):
            return False                       # runs past a name that ends at least as well
        if ka > a or kb > b:
            if not ends_well:
                return False
    return not _place_list_item(s, a, b, lex, read, found)


def _longer_transliteration(s: str, a: int, b: int, near: list[tuple[int, int]], lex: Lexicon, found: Found,
                            rank: int) -> bool:
    """The model reads a transliterated name whole where the rules hold pieces of it that end badly: jieba
    cut "普兰德|利" or "范马尔|韦克", its person words gave the rules the pieces, and the model the name."""
    if not lex.translit.issuperset(s[a:b]):
        return False
    return all(a <= ka and kb <= b and kb - ka < b - a and follow_rank(s, kb, lex, found.titles) < min(2, rank + 1)
               for ka, kb in near)


# Rules whose names rest on jieba's cut of a run of names: the model's names back to back outweigh them.
WEAK_CUT_RULES = frozenset({"nr", "clause", "adjacent", "by"})


def _strong_name_across(s: str, a: int, b: int, near: list[tuple[int, int]], found: Found) -> bool:
    """A name a strong rule found (a list with separators, a title) starts inside s[a:b] or runs across b:
    the rules' cut of the run stands ("蔡奇丁|薛祥" loses to 蔡奇 and 丁薛祥 listed elsewhere)."""
    return any((a < ka < b or ka < b < kb) and found.rule.get(s[ka:kb]) not in WEAK_CUT_RULES for ka, kb in near)


def _rules_end_inside_a_word(t: Text, a: int, b: int, near: list[tuple[int, int]], lex: Lexicon,
                             found: Found) -> bool:
    """The model's name ends where jieba ends a word and holds the rules' names, which end inside one, and
    not before a one-character follower jieba glued to a name it does not tag as a transliteration: a
    follower word read inside a transliteration cut them ("托德·海|因斯", "乔尔·克莱|因": 因 read as
    "because"), where "李希|在" is cut right."""
    if b not in t.ends:
        return False
    last_part = max(t.s.rfind(d, a, b) for d in DOTS) + 1   # 0 for a name without a dot
    for ka, kb in near:
        if last_part and a < ka and kb == b and (ka >= last_part or t.s[ka - 1] in DOTS):
            continue   # its last parts, found alone (安徒生 of 汉斯·…·安徒生, 杰森·李 of 珍妮佛·杰森·李)
        if not (a <= ka and kb < b) or kb in t.ends:
            return False
        word_end = next((e for e in range(kb + 1, b + 1) if e in t.ends), b)
        word_start = next((k for k in range(kb - 1, max(-1, kb - 12), -1) if k in t.starts), kb)
        if word_end - kb == 1 and follow_rank(t.s, kb, lex, found.titles) >= 2 \
                and t.token_at(word_start)[1] != "nrt":   # 克莱因/nrt is a transliteration: 因 is its own
            return False
    return True


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
    """s[a:b] is an item of a 、-list none of whose items is a person: neither a neighbour written right
    beside it nor any other item of the list, whole ("湖北长阳何新华、河南信阳|胡玉成|、山东济宁小宁等")."""
    prev = s[max(0, a - 9):a - 1].split("、")[-1].split("\n")[-1] if s[a - 1:a] == "、" else ""
    nxt = s[b + 1:b + 9].split("、")[0].split("\n")[0] if s[b:b + 1] == "、" else ""
    items = [x for x in (prev, nxt) if x]
    # no item beside it ("阵中尚有甲乙丙、" where a line was cut): no list to judge it by
    return bool(items) and not any(_holds_person(x, read, found) for x in items) \
        and not any(_holds_person(x, read, found, start, end) for x, start, end in _other_list_items(s, a, b))


# Where a list's run of items stops: a clause's punctuation, a line's end, or 等 closing the list.
LIST_STOP_RE = re.compile(r"[\n，。；：！？,;:!?（）()“”\"《》]|等")
LIST_REACH = 40   # characters either side searched for the list's other items
ITEM_ASIDE_RE = re.compile(r"[（(][^（()）\n]{1,12}[）)]")
LIST_ITEM_MAX = 12   # a piece longer than this is a clause, not an item


def _other_list_items(s: str, a: int, b: int) -> list[tuple[str, bool, bool]]:
    """The other items of the 、-list s[a:b] stands in, nearest first, as far as the list runs within
    LIST_REACH characters, each with whether its start and its end are the item's: the first piece may
    open with its clause's words ("是日，甲先后前往|乙、…"), the last may run on ("…、乙或与他们交谈时")
    unless 等 closes the list."""
    left = ITEM_ASIDE_RE.sub("", s[max(0, a - LIST_REACH):a])   # "甲（切尔西）、乙（不莱梅）": items are names
    stops = list(LIST_STOP_RE.finditer(left))
    before = (left[stops[-1].end():] if stops else left).split("、")[:-1]
    right = ITEM_ASIDE_RE.sub("", s[b:b + LIST_REACH])
    stop = LIST_STOP_RE.search(right)
    after = (right[:stop.start()] if stop else right).split("、")[1:]
    closed = stop is not None and stop.group() == "等"
    out = []
    for side, left_side in ((before[::-1], True), (after, False)):
        for k, x in enumerate(side):
            if not x or len(x) > LIST_ITEM_MAX:
                break
            outer = k == len(side) - 1   # the piece farthest from the name
            out.append((x, not (outer and left_side), not (outer and not left_side and not closed)))
    return out


def _holds_person(item: str, read: set[str], found: Found, at_start: bool = True, at_end: bool = True) -> bool:
    """A list item holds a person the model reads or the rules found where an item's name stands: at its
    start, or at its end when a title comes first ("院士甲乙丙、丁戊己")."""
    return any(k and (at_start and item.startswith(k) or at_end and item.endswith(k)) for k in (*read, *found.titles))


PLACE_ITEM_END_RE = re.compile(f"[{HAN}]{{1,8}}(?:省|市|县|区|镇|乡|村|街道|社区|国|州)$")


def _place_list_item(s: str, a: int, b: int, lex: Lexicon, read: set[str], found: Found) -> bool:
    """s[a:b] stands in a 、-list whose neighbours are places ("…、甲乙镇、丙丁、戊己县…"). A neighbour
    holding a person is no place, whatever it ends with ("院士王建国、李明华": 国)."""
    if s[a - 1:a] != "、" and s[b:b + 1] != "、":
        return False
    lo = max(0, a - 12)
    before = s[lo:a - 1].split("、")[-1] if s[a - 1:a] == "、" else ""
    after = s[b + 1:b + 13].split("、")[0] if s[b:b + 1] == "、" else ""
    if any(x and (x in lex.places or PLACE_ITEM_END_RE.search(x)) and not _holds_person(x, read, found)
           for x in (before, after)):
        return True
    run = LIST_RUN_RE.match(s, b)   # the rest of the list, then what it counts: "…和城口7个区县"
    return run is not None and PLACE_COUNT_RE.match(s, run.end()) is not None


# Items hold no separator, and the run is atomic: a failed tail costs one pass, not a backtracking search.
LIST_RUN_RE = re.compile(r"(?>(?:[、和及与][^\W\d_、和及与]{1,8})*)(?=[0-9一二三四五六七八九十两]+个|等)")


PLACE_COUNT_RE = re.compile("(?:等)?[0-9一二三四五六七八九十两]*个?(?:区县|县区|县市|市县|县|区|市|镇|乡|街道|村|国家|国|省|地区|地)"
                            "(?![委长领级政人党四直有])")   # 甲、乙等县领导: the county's people, as in PLACE_LIST_TAIL_RE


# The head noun of a list says what its items are: "法国、德国、意大利和西班牙等国", "甲市、乙县、丙镇等地".
# An item holds no 等: "郑咏、程志等演唱了中国、俄罗斯和意大利等国的歌曲" lists singers, then countries.
PLACE_LIST_TAIL_RE = re.compile(f"(?:(?:、|和|与|及|以及)(?:(?!等)[{HAN}]){{1,8}}?)*?等(?:国家|国|地区|地|省区|省|城市|市|县|州|岛)"
                                "(?![委长领级政人党四直有])")   # 等县四大班子领导, 等县直部门负责人: the county's people


PLACE_LIST_FIRST = frozenset("、和与及以等")   # the characters a PLACE_LIST_TAIL_RE match can start with


# Rules whose names rest on jieba's tag alone: a place tag outweighs them (a list of names does not: its
# neighbours say what its items are). No rule but a title before the name outweighs a work's title.
TAG_RULES = frozenset({"nr", "clause"})


BARE_RULES = TAG_RULES | {"list", "alone", "after", "appointee", "dotted", "model", "quoted", "by"}


def _in_book_title(s: str, i: int) -> bool:
    """The position is inside 《…》 on its line: a work's title ("《某某经营许可证》")."""
    line_start = s.rfind("\n", 0, i) + 1
    opened = max(s.rfind(c, line_start, i) for c in BOOK_OPEN)
    return opened >= 0 and max(s.rfind(c, line_start, i) for c in BOOK_CLOSE) < opened


def _place_occurrence(t: Text, i: int, name: str, heads: list[int] | None = None, titled: bool = False) -> bool:
    """This occurrence names a place: in a dateline, or an item of a list of countries or places, unless a
    title was read beside the name (`titled`: "副总理甲乙·丙丁以及法国、南非等国的部长" joins a person to a list).
    `heads`: where the text's DATELINE_HEADS words start, if known (a dateline starts with one)."""
    lo, hi = max(0, i - 12), i + len(name) + 8
    if (heads is None or heads and _any_between(heads, lo - DATELINE_HEAD_REACH, hi)) \
            and any(m.start(1) <= i < m.end(1) for m in DATELINE_RE.finditer(t.s, lo, hi)):
        return True
    j = i + len(name)
    return not titled and t.s[j:j + 1] in PLACE_LIST_FIRST and PLACE_LIST_TAIL_RE.match(t.s, j) is not None


def _any_between(sorted_at: list[int], lo: int, hi: int) -> bool:
    """Some value of the sorted list lies in [lo, hi)."""
    k = bisect_left(sorted_at, lo)
    return k < len(sorted_at) and sorted_at[k] < hi


# jieba's tags of the set phrases and nouns of its dictionary that a name may end inside ("千手观音/i").
SET_PHRASE_POS = frozenset({"i", "l", "n", "nz"})
SET_PHRASE_MIN = 3
SET_PHRASE_REACH = 3


def _inside_set_phrase(t: Text, a: int, b: int) -> bool:
    """s[a:b] is the end or the middle of a word of three or more characters of jieba's dictionary that starts
    before it: an idiom or a noun (千手观音), not a guess of jieba's that glued a character to a name."""
    for k in range(a - 1, max(-1, a - SET_PHRASE_REACH - 1), -1):
        tok, pos = t.starts.get(k, NO_TOKEN)
        if tok:
            return len(tok) >= SET_PHRASE_MIN and k + len(tok) >= b and pos in SET_PHRASE_POS \
                and not guessed_word(tok)
    return False


# The levels of townships, which follow a township's name and no person's but as the first character of a post
# ("甲乡长": an honorific).
TOWNSHIP_LEVELS = frozenset("乡镇")
LEVEL_POST_ENDS = frozenset("长")


def _opens_township(s: str, j: int) -> bool:
    """A township's level follows at j, not as a post's first character."""
    return s[j:j + 1] in TOWNSHIP_LEVELS and s[j + 1:j + 2] not in LEVEL_POST_ENDS


def _ends_township(s: str, i: int, name: str) -> bool:
    """The name read ends in a township's level itself ("孔田镇"), not before a post's last character."""
    return len(name) > 2 and name[-1] in TOWNSHIP_LEVELS and s[i + len(name):i + len(name) + 1] not in LEVEL_POST_ENDS


QUOTE_OPEN, QUOTE_CLOSE = "“\"", "”\""
QUOTED_LIST_SEPARATORS = "、，"


def _quoted_list_item(s: str, a: int, b: int) -> bool:
    """s[a:b] fills a pair of quotation marks that stands next to another quoted item, with or without a separator
    between: a list of the names of things (brands, shops, products, varieties), never of people, whom lists
    write without quotation marks."""
    if s[a - 1:a] not in QUOTE_OPEN or not s[a - 1:a] or s[b:b + 1] not in QUOTE_CLOSE or not s[b:b + 1]:
        return False
    after = s[b + 2:b + 3] if s[b + 1:b + 2] in QUOTED_LIST_SEPARATORS else s[b + 1:b + 2]
    before = s[a - 3:a - 2] if s[a - 2:a - 1] in QUOTED_LIST_SEPARATORS else s[a - 2:a - 1]
    return bool(after) and after in QUOTE_OPEN or bool(before) and before in QUOTE_CLOSE


# How far after a name the close of its list of firms is looked for; how the name's item ends (a product's word
# may end it: "王守义十三香"); what the list holds up to its close (items, separators, quotation marks).
ORG_LIST_REACH = 40
ORG_ITEM_END_RE = re.compile("[\u4e00-\u9fff]{0,4}?[、等和与及”]")
ORG_LIST_ITEMS_RE = re.compile("[\u4e00-\u9fff、“”和与及]*")


def _firms_list_item(s: str, j: int) -> bool:
    """The name ending at j is an item of a list that 等 closes with firms or brands ("王老吉、李锦记等企业")."""
    if ORG_ITEM_END_RE.match(s, j) is None:
        return False
    close = s.find("等", j, j + ORG_LIST_REACH)
    while close >= 0:
        if ORG_LIST_END_RE.match(s, close):
            return ORG_LIST_ITEMS_RE.fullmatch(s, j, close) is not None
        close = s.find("等", close + 1, j + ORG_LIST_REACH)
    return False


def _runs_into_place_end(t: Text, j: int) -> bool:
    """One character and a place's ending that ends no name follow at j, and jieba reads that character with the
    ending's first ("巴彦图嘎嘎查": 嘎嘎/o): the character is the village's last, so the name before it is the
    village's head (not "甲在嘎查…": 在/p stands alone)."""
    tok = t.token_at(j)[0]
    return len(tok) > 1 and t.s.startswith(PLACE_ENDS_NO_NAME, j + 1)


def _stands_as_person(t: Text, i: int, name: str, rule: str, bylines: list[tuple[int, int]],
                      heads: list[int] | None = None, titled: bool = False) -> bool:
    if bylines and any(a <= i < b for a, b in bylines) or _place_occurrence(t, i, name, heads, titled):
        return False
    if rule in BARE_RULES and t.books and _in_book_title(t.s, i):
        return False
    if rule in BARE_RULES and not titled and _inside_set_phrase(t, i, i + len(name)):
        return False  # "千手观音书签": the end of a phrase of jieba's dictionary, no name
    if rule == "model" and not titled and (_opens_township(t.s, i + len(name)) or _ends_township(t.s, i, name)):
        return False  # "托扎敏乡乡长", "托扎敏乡林下种植", "孔田镇组织…": the township's name, which the model read as a person's
    if rule in BARE_RULES and not titled and _quoted_list_item(t.s, i, i + len(name)):
        return False  # "“周大福”“王老五”等老字号", "“红颜”“章姬”等品种": brands, products, varieties
    if rule in BARE_RULES and not titled and "等" in t.s and _firms_list_item(t.s, i + len(name)):
        return False  # "王老吉、李锦记、周黑鸭等企业参展": firms and brands named after people
    if rule in BARE_RULES and not titled and t.s.startswith(VENUE_AFTER, i + len(name)):
        return False  # "孔子学院", "陶渊明文化园", "张飞牛肉": named after the person
    if rule in BARE_RULES and not titled and (t.s.startswith(PLACE_ENDS_NO_NAME, i + len(name))
                                              or _runs_into_place_end(t, i + len(name))):
        return False  # "乌兰嘎查", "巴音苏木": a village's or township's name, not a person's
    if (rule in TAG_RULES or rule == "dotted") and t.s.startswith(ORG_AFTER, i + len(name)):
        return False  # "霍华德电器公司", "格兰特空调设备厂", "葛兰素·威康公司": a brand or a firm
    return rule not in TAG_RULES or t.token_at(i) != (name, "ns")


def drop_non_persons(t: Text, lex: Lexicon, found: Found) -> None:
    """Remove names that are places or title words, or whose every occurrence is a byline, a place or a
    work's title."""
    s = t.s
    bylines = t.bylines
    heads = t.dateline_heads
    places, rules = lex.places, found.rule
    headline_end = s.find("\n")
    for name in list(found.titles):
        # a title word is no name, whatever jieba tags it ("刘伯承元帅": 元帅/nr); nor is a surname with a form
        # of address or a title ("王大爷", "张书记"), whoever read it; nor a description and the surname after it
        # ("居民许阿姨": the model's 居民许)
        if name not in places and name not in lex.titles and name not in lex.afters and not addressed(name, lex) \
                and not name.endswith(PLACE_ENDS_NO_NAME) \
                and not _headline_guess(s, name, headline_end, rules.get(name), found.titles[name]) \
                and not (rules.get(name) in BARE_RULES and not found.titles[name] and _county_stem(s, name)) \
                and not ((m := DESCRIBED_RE.match(name)) is not None and m.end() < len(name)):
            rule, titled = rules.get(name, ""), bool(found.titles[name])
            holding = _titles_holding(name, found) if rule == "model" and not titled else ()
            # Occurrences left to right, not overlapping: the first that stands as a person keeps the name.
            i = s.find(name)
            while i >= 0 and (not _stands_as_person(t, i, name, rule, bylines, heads, titled)
                              or holding and _inside_title(s, i, holding)):
                i = s.find(name, i + len(name))
            if i >= 0:
                continue
        log.debug("not a person here: %s (%s)", name, found.rule.get(name))
        del found.titles[name]
        found.rule.pop(name, None)


# The levels a county report writes after a place's name (乾安县, 城关镇), and what after them makes the name a
# person's with his post ("甲县长", "乙市委书记" are rare orders, but the name then holds no place).
COUNTY_LEVELS = frozenset("县区市镇乡旗")
POST_AFTER_LEVEL = frozenset("长委")


def _county_stem(s: str, name: str) -> bool:
    """The article writes the name with a level after it as a place's ("乾安县所字镇"): a name read bare is that
    place's short form ("乾安这家企业…"), as county papers write their county, not a person's."""
    i = s.find(name)
    while i >= 0:
        j = i + len(name)
        if s[j:j + 1] in COUNTY_LEVELS and s[j + 1:j + 2] not in POST_AFTER_LEVEL:
            return True
        i = s.find(name, j)
    return False


def _titles_holding(name: str, found: Found) -> list[tuple[str, int]]:
    """The titles of other found names that hold `name`, each with where `name` starts in it."""
    return [(title, title.find(name)) for other, titles in found.titles.items() if other != name
            for title in titles if name in title]


def _inside_title(s: str, i: int, holding: list[tuple[str, int]]) -> bool:
    """The occurrence of a name at i is part of a title written for another name ("巴彦胡舒苏木党委书记斯琴":
    the model reads 巴彦 in the township's name that the title rule gives 斯琴 whole)."""
    return any(i >= k and s.startswith(title, i - k) for title, k in holding)


def _headline_guess(s: str, name: str, headline_end: int, rule: str | None, titles: list[str]) -> bool:
    """A name only the model reads, with no title, written in the headline and nowhere below it: headlines
    are phrases without the context the model learned from ("山村里的“流动课堂”", "稻田画"), and the text
    of an item names again whom its headline names."""
    # ... and a name the title rule reads after a crowd's word in the headline alone: the word before a verb phrase
    # ("渔民喜开海", "果农笑开颜"), where the text names no such person
    return (rule == "model" and not titles or rule == "title" and bool(titles) and CROWD_TITLES.issuperset(titles)) \
        and 0 <= headline_end and s.find(name, headline_end) < 0


def titles_of_bare_names(t: Text, lex: Lexicon, found: Found) -> None:
    """A name found without titles takes those written right before any of its occurrences: the title rule
    reads the name at each title, but may not have known it there ("区长甲乙丙到…": jieba's 丙到 left the
    name to a later clause, "甲乙丙一行…"). Every occurrence gives its titles: a headline's short title does
    not hide the chain the body writes ("县长甲乙为学员授课" over "县委副书记、县长甲乙为学员讲授…")."""
    s = t.s
    for name, titles in found.titles.items():
        if len(name) < 2:
            continue
        # a model name carries the titles of the occurrence the model first read; its other occurrences are read here
        bare = not titles
        given = _first_read(s, name, t.model_spans) if found.rule.get(name) == "model" else None
        unread = given is not None
        i = s.find(name)
        while i >= 0:
            end = i + len(name)
            # a titled name shares only with a list right after it (a cheap test first)
            # (a title ends right before a name: a Han character there, the cheap test of the model name's others)
            if bare or s[end:end + 1] in LIST_AFTER_NAME or unread and i != given and HAN_FIRST <= s[i - 1:i] <= HAN_LAST:
                before = titles_before(t, i, lex, found.titles)
                if bare or unread:
                    titles.extend(x for x in dict.fromkeys(before) if x not in titles)
                if before:
                    _share_with_bare_items(s, end, before, found)
            i = s.find(name, end)


LIST_AFTER_NAME = frozenset("、（(")


def _first_read(s: str, name: str, spans: list[tuple[int, int]]) -> int | None:
    """Where the model first read the name: the occurrence that gave a model name its titles (model_names)."""
    return next((a for a, b in spans if b - a == len(name) and s.startswith(name, a)), None)


def _share_with_bare_items(s: str, j: int, titles: list[str], found: Found) -> None:
    """The untitled names listed with 、 right after a name with the title before it share that title: "县领导
    况小兵、邹建新参加" where the list rule, not the title rule, read the first (况/c), and "县政协常委甲、乙、丙围绕…
    作了发言" where only jieba's tag read the last (丙围绕: no verb the title rule's list takes after a name)."""
    shared = [x for x in titles if _held_by_several(x)]   # not 县委书记 (_list_titles_before)
    if not shared:
        return
    while True:
        aside = ITEM_ASIDE_RE.match(s, j)
        j = aside.end() if aside else j
        if s[j:j + 1] != "、":
            return
        item = next((n for n in found.titles if len(n) > 1 and s.startswith(n, j + 1)), None)
        if item is None or found.titles[item] and found.titles[item] != shared:
            return   # (an item that shares the titles already goes on with the list)
        if not found.titles[item]:
            found.titles[item].extend(shared)
        j += 1 + len(item)


def drop_others_titles(lex: Lexicon, found: Found) -> None:
    """A title chain read before a name can hold another name with the title written after it
    ("甲参议员、协会主席乙": 甲参议员 is no title of 乙): such a link leaves the chain once 甲 is found,
    whichever rule found 甲 after the chain was read."""
    heads = {k[:1] for k in found.titles}
    for name, titles in found.titles.items():
        if any(x[:1] in heads for x in titles):
            found.titles[name] = [x for x in titles if not any(
                x.startswith(k) and x[len(k):] in lex.after_titles for k in found.titles if k != name)]


def _occurs_at(s: str, name: str, starts: set[int]) -> bool:
    i = s.find(name)
    while i >= 0:
        if i in starts:
            return True
        i = s.find(name, i + 1)
    return False


# Rules whose names rest on weak evidence (jieba's tag, a clause position): the model must read the name
# too, at one of its occurrences at least, or it is dropped.
VETOED_RULES = TAG_ALONE_RULES
# A two-character name before a title or honorific rests on jieba's person tag as much as the nr rule's
# ("华裔议员", "杜马议员" are nr to jieba): it too stands only where the model reads it (dev: precision
# 0.948 -> 0.950, recall unchanged).
VETOED_SHORT_RULES = frozenset({"after"})
SHORT_NAME = 2


def veto_unread(t: Text, found: Found) -> None:
    """Drop the weak rules' names that the model reads nowhere: not as they are, and no name of the
    model's starts where one of their occurrences does (there the boundary is the arbiter's business)."""
    read = {t.s[a:b] for a, b in t.model_spans}
    starts = t.model_starts
    for name, rule in list(found.rule.items()):
        vetoed = rule in VETOED_RULES or rule in VETOED_SHORT_RULES and len(name) == SHORT_NAME
        if not vetoed or name in read:
            continue
        if not _occurs_at(t.s, name, starts):
            log.debug("the model does not read %s (%s) as a name", name, rule)
            del found.titles[name]
            del found.rule[name]
            continue
        shorter = _model_prefix(t, name)
        if shorter is not None:
            log.debug("the model reads %s where %s (%s) glued a word on", shorter, name, rule)
            titles = found.titles.pop(name)
            rule = found.rule.pop(name)
            found.add(shorter, titles, found.rule.get(shorter, rule))


def _model_prefix(t: Text, name: str) -> str | None:
    """The model's one name wherever it starts an occurrence of `name` and stops short of its end
    ("陈浩带着记者…": 陈浩带 is jieba's person word, 陈浩 the model's), else None."""
    s, read = t.s, set()
    spans = dict(t.model_spans)
    i = s.find(name)
    while i >= 0:
        b = spans.get(i)
        if b is not None:
            if b - i >= len(name) or b - i < 2:
                return None
            read.add(s[i:b])
        i = s.find(name, i + 1)
    return read.pop() if len(read) == 1 else None


# A speech verb opened by 作 ("作重要讲话", "作典型发言", "作了工作报告"): jieba may glue 作 to the name's last
# character (凌志|远作: 远作/v) or read a name's last character with it as a word (李振作: 振作).
ZUO_SPEECH_RE = re.compile("作了?(?:重要|动员|总结|专题|工作|政府工作|典型|表态|交流|书面|情况|简要|辅导|述职)?"
                           "(?:讲话|报告|发言|部署|说明|汇报|点评|述职|辅导)|作了?关于"   # 作关于…的报告
                           "|作[了的]?[^，,。；;！？!?\n、]{1,20}?报告")   # 作的县人民法院工作报告


# What makes one word with the 作 after a name, but never ends a given name: "听取了副县长王伟所作的报告" (所作/n).
ZUO_OPENERS = frozenset("所")


def mend_cut_names(t: Text, found: Found) -> None:
    """Names whose last character jieba gave to the word after them, or took from a verb: "凌志远作重要讲话"
    (远作/v) -> 凌志远, "李振作动员讲话" (振作) -> 李振. A name is mended where an occurrence shows it; its titles
    go with it. (A name ending in 和 before a verb, "赵德和主持会议", is not mended: on the labelled lines 和
    before what jieba tags a verb joined two parties four times out of four: "甲和攻关小组的同事们".)"""
    s = t.s
    if "作" not in s:
        return   # every mend reads a 作 (most articles have none)
    for name in list(found.titles):
        if not (2 <= len(name) <= 3) or not HAN_FIRST <= name[0] <= HAN_LAST:
            continue
        mended = None
        i = s.find(name)
        while i >= 0 and mended is None:
            j = i + len(name)
            if len(name) == 2 and ZUO_SPEECH_RE.match(s, j + 1) and t.starts.get(j, NO_TOKEN)[0] == s[j:j + 2] \
                    and s[j] not in ZUO_OPENERS:
                mended = name + s[j]          # 凌志|远作重要讲话
            elif len(name) == 3 and name[-1] == "作" and ZUO_SPEECH_RE.match(s, j - 1):
                mended = name[:-1]             # 李振作|动员讲话
            i = s.find(name, j)
        if mended is not None and mended not in found.titles:
            found.add(mended, found.titles.pop(name), found.rule.pop(name, ""))


def mend_compound_surnames(t: Text, lex: Lexicon, found: Found) -> None:
    """Names the model cut at a two-character surname (欧阳, 上官, 公孙…), which its training text holds
    few of: "上官秀英说" read as 秀英, "公孙明德说" as 孙明德, "欧阳明辉说" as 欧阳明. The surname must open its
    clause (a title's last character before a name is no surname's: 县长孙建国), and a character taken after
    the name must stand before a verb (欧阳明家，: 家 is a word's)."""
    s = t.s
    for name in list(found.titles):
        i = s.find(name)
        if i < 0 or not 2 <= len(name) <= 3:
            continue
        j = i + len(name)
        mended = None
        if len(name) == 2 and i >= 2 and s[i - 2:i] in lex.compound and _clause_opens(s, i - 2):
            mended = s[i - 2:i] + name                          # 上官|秀英
        elif len(name) == 3 and i >= 1 and s[i - 1:i + 1] in lex.compound and _clause_opens(s, i - 1):
            mended = s[i - 1] + name                            # 公|孙明德
        elif name[:2] in lex.compound and j + 1 <= len(s) and HAN_FIRST <= s[j:j + 1] <= HAN_LAST \
                and follow_rank(s, j, lex, found.titles) == 0 and follow_rank(s, j + 1, lex, found.titles) == VERB_FOLLOWS:
            mended = name + s[j]                                # 欧阳明|辉说
        if mended is not None and mended not in found.titles:
            log.debug("%s is %s: the model cut it at its two-character surname", name, mended)
            found.add(mended, found.titles.pop(name), found.rule.pop(name, ""))


def mend_word_cut_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Two-character names whose third character jieba joined to the word after it ("副书记邬文达到村里调研": 达到
    leaves 邬文), mended where one occurrence shows that character standing alone before a verb ("邬文达要求"):
    every occurrence of the two must go on with the same character."""
    s = t.s
    for name in list(found.titles):
        if len(name) != 2 or name[0] not in lex.surnames:
            continue
        ends = [i + len(name) for i in occurrences(s, name)]
        if not ends or ends[-1] >= len(s) or len({s[j] for j in ends}) != 1 or not given_ok(s[ends[0]]):
            continue
        if any(follow_rank(s, j, lex, found.titles) == 0 and follow_rank(s, j + 1, lex, found.titles) == VERB_FOLLOWS
               and _cut_shown(t, j, len(ends)) for j in ends):
            mended = name + s[ends[0]]
            if mended not in found.titles:
                log.debug("%s is %s: jieba gave its last character to the next word", name, mended)
                found.add(mended, found.titles.pop(name), found.rule.pop(name, ""))


# "甲乙丙来说：" read as 甲乙 and 来说 (jieba's particle of "对…来说"): the third character is the name's, 说 the verb.
LAI_SHUO = "来说"
LAI_SHUO_CLAUSE_END = frozenset("：:，,“")
FOR_WHOM_REACH = 12


def mend_lai_shuo_names(t: Text, lex: Lexicon, found: Found) -> None:
    """A two-character name before 来说 and a colon or a comma, with no 对 opening "对…来说" before it in its clause,
    is three characters long ("种粮大户邓某来说：" gives 邓某来); every occurrence must read so."""
    s = t.s
    if LAI_SHUO not in s:
        return
    for name in list(found.titles):
        if len(name) != 2 or name[0] not in lex.surnames:
            continue
        at = occurrences(s, name)
        if not at or not all(s.startswith(LAI_SHUO, i + 2) and s[i + 4:i + 5] in LAI_SHUO_CLAUSE_END for i in at):
            continue
        if any("对" in s[max(0, i - FOR_WHOM_REACH):i].rsplit("，", 1)[-1] for i in at):
            continue
        mended = name + "来"
        if mended not in found.titles:
            found.add(mended, found.titles.pop(name), found.rule.pop(name, ""))


def _cut_shown(t: Text, j: int, times: int) -> bool:
    """Whether the character at j, standing before a verb, shows a name cut short. Not where jieba opens a word of
    its dictionary with it: that word is more often the verb ("甲乙调到", "甲乙合作", "甲乙开出"). Once in the
    article, only where jieba guessed a word there (a name's last character and the verb: "甲乙丙作讲座", 丙作);
    a character no word holds may be a verb of its own ("甲乙死在…")."""
    tok = t.starts.get(j, NO_TOKEN)[0]
    return guessed_word(tok) if len(tok) > 1 else times > 1


VERB_FOLLOWS = 2   # follow_rank of a verb (a character before punctuation may be a word's: 欧阳明家，)


def _clause_opens(s: str, i: int) -> bool:
    return i == 0 or s[i - 1] in CLAUSE_BOUNDARY


# Where a clause, and so a name with no title before it, may start.
CLAUSE_BOUNDARY = frozenset("，,。；;：:！？!?、\n“”\"（）() 　")


def _listed(s: str, name: str) -> bool:
    """The name stands as an item of a list somewhere (before 、, 等, a comma or 和)."""
    i = s.find(name)
    while i >= 0:
        if s[i + len(name):i + len(name) + 1] in LIST_ITEM_ENDS:
            return True
        i = s.find(name, i + 1)
    return False


LIST_ITEM_ENDS = frozenset("、等，,和")


# One character of a preposition, a causative or a light verb written right after a name: "陈浩给孩子们上课",
# "曹阳带着记者", "甲让记者看". Not 和/与 (a name may end in them: 喻德和) nor the adverbs of
# GIVEN_NAME_ADVERBS.
GLUED_AFTER = frozenset("给带让把被向跟对从将")


def unglue_names(s: str, found: Found) -> None:
    """A name found both alone and with a function word glued on after it ("陈浩" and "陈浩给" in one
    article) is the shorter one: the model or jieba read the word into the name at some occurrence. Not an
    item of a list ("李国向、李国等"): two people."""
    names = set(found.titles)
    for name in list(found.titles):
        if len(name) >= 3 and name[-1] in GLUED_AFTER and name[:-1] in names and not _listed(s, name):
            log.debug("%s is %s and a word after it", name, name[:-1])
            found.add(name[:-1], found.titles.pop(name))
            found.rule.pop(name, None)


def mentions(text: str, titles: dict[str, list[str]]) -> list[PersonMention]:
    """One PersonMention per name, in order of first appearance. A name seen only inside a longer name
    (乙丁 in 钱乙丁) is dropped; mentions count the name's own occurrences. A name cut short by a rule
    ("甲乙" of "甲乙丙": the title rule stopped before a character that can also start a word) that never
    stands alone gives its titles to the one longer name starting with it."""
    counts: dict[str, tuple[int, int]] = {}
    joined = "\n".join(titles)   # a name held by another name occurs more than once here
    for name in titles:
        first = text.find(name)
        if first < 0:
            continue  # no occurrence: a count of 0, whatever longer names hold it
        count = text.count(name, first)   # the first occurrence found, counting starts there
        if joined.count(name) > 1 or "\n" in name:
            longer = [o for o in titles if name != o and name in o]
            count -= sum(text.count(o) * o.count(name) for o in longer)
        counts[name] = (first, count)
    own = {name: list(its) for name, its in titles.items()}
    for name, (_, count) in counts.items():
        if count <= 0 and own[name]:
            holders = [o for o in own if o != name and o.startswith(name) and counts.get(o, (0, 0))[1] > 0]
            if len(holders) == 1:
                own[holders[0]] += [t for t in own[name] if t not in own[holders[0]]]
    out = [(first, PersonMention(name, own[name], count)) for name, (first, count) in counts.items() if count > 0]
    return [p for _, p in sorted(out, key=itemgetter(0))]
