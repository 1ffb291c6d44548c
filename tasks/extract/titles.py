"""Titles written before and after a name: people rules 1 and 2, and rules 10 to 12, which add titles only.

A title is the run of text before a name back to punctuation or to a lead word (titles_lead.txt); it must
end with a title word (titles_suffix.txt). Titles joined by 、 all belong to the name
(``区委副书记、区长、指挥部执行指挥长赵六``); a title or honorific right after a name (titles_after.txt) marks
it too (``钱乙总理``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import repeat
from typing import TYPE_CHECKING

from tasks.extract.bylines import is_byline
from tasks.extract.chars import (CLAUSE_OPEN, DELIM_SET, HAN, HAN_FIRST, HAN_LAST, HANS_RE, LEAD_POS, LIST_JOIN, NO_TOKEN, NR_TAGS,
                                 ORG_ANCHOR_RE)
from tasks.extract.lexicon import DAI_HEADS, DESCRIBED_RE, HOME_TITLES, LIST_FUNCTION, MINORITY_HEADS, PLACE_AFTER_ONE_CHAR, PLACE_ENDS_NO_NAME, ORG_SUFFIX_RE, RELAY_ADVERBS_RE, RELAY_BY_MEETING_RE, RELAY_VERB_RE, REPORTS_LISTED, ROSTER_POSTS, TITLE_INNER, business_posts, government_body_re, government_post_re, post_re, title_split_re, word_matches
from tasks.extract.lists import LIST_SPACES, list_after
from tasks.extract.names import (GLUED_JOINERS, JOINING_POS, addressed, follow_rank, foreign_name_before, given_ok,
                                 known_ends_at, longest_known, minority_name_at, mongolian_name_ends, name_at,
                                 surname_shaped)
from tasks.segment import guessed_word

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.arbiter import Found
    from tasks.extract.lexicon import Lexicon


MAX_TITLE = 40
# The level a title's body may open with ("县人大常委会主任"), which jieba may glue to the word before it.
LEVELS = frozenset("省市区县州镇乡村旗盟")
# Leaders introduced as a list: "在主席台就座的县领导有：甲、乙", "县领导：丙、丁", "出席会议的县领导还有甲、乙",
# "在主席台就座的县领导有甲、乙" (a name must follow: "县领导有力推动" holds none).
LEADERS_LIST_RE = re.compile("(?:还有|有|为|是)?[：:]|还有|有")
LEADERS_LIST_HEADS = frozenset("还有为是：:")
# A list of names right after a title and its colon: a name, then 、.
COLON_LIST_RE = re.compile(f"[{HAN_FIRST}-{HAN_LAST}]{{2,4}}、")
# Leads jieba glues to the unit's name after them ("由民二庭", "据城关所", "会见了蓉川新材料…": 了蓉川/j): no title
# opens with them.
GLUED_LEADS = frozenset("由据了")
# A short aside between a title and its name, kept out of the title: "副区长（挂职）", "主任（兼）".
TITLE_ASIDE_RE = re.compile(f"[（(][{HAN_FIRST}-{HAN_LAST}]{{1,6}}[)）]")
TITLE_ASIDE_BEFORE_RE = re.compile(TITLE_ASIDE_RE.pattern + "$")   # one ending a piece of a chain
TITLE_ASIDE_MAX = 8


# A short quoted word inside a unit's name, after its level: "县“两新”工委书记", "市“三农”办主任".
QUOTED_IN_TITLE_RE = re.compile(f"[{''.join(sorted(LEVELS))}]“[{HAN_FIRST}-{HAN_LAST}]{{2,4}}”$")
QUOTED_IN_TITLE_MAX = 7


def _run_start(s: str, end: int) -> int:
    i = end
    while i > 0 and s[i - 1] not in DELIM_SET:
        i -= 1
        # the quotes stand inside the title, not between two runs, when a unit's word (orgs_suffixes.txt) follows
        # them ("县“两新”工委书记"); else the quoted word is an honour the clause gives ("荣获县“十佳”村党支部书记")
        if s[i - 1:i] == "”" and ORG_SUFFIX_RE.match(s, i) \
                and (quoted := QUOTED_IN_TITLE_RE.search(s, max(0, i - QUOTED_IN_TITLE_MAX), i)):
            i = quoted.start() + 1
    return i


# The deck of a profile or an interview, after a dash: "——记某村党支部书记甲", "——访某镇党委书记乙" (记 and 访 are lead
# words, but jieba glues them to the place).
PROFILE_LEADS = frozenset("记访")
PROFILE_DASHES = frozenset("—－-")
LIST_JOINERS = frozenset("和及与")
# An adverb and a joining word right after a person, which jieba glues to the unit's level that follows
# ("甲正和村党支部书记乙一起核对": 正和村/ns): after a person no title opens there; at a clause's start the same
# characters are a village's name (正和村党支部书记).
ADVERB_JOIN_RE = re.compile("[正也还又就都][和与同跟]")


# jieba's tags of a place's first part after which a pronoun or adverb holding a level ends that place ("巴格/nrt
# 其镇/r党委书记": 其镇 is no lead word but the town's end).
PLACE_HEAD_POS = frozenset({"ns", "nr", "nrt", "nz"})


def _place_end(tok: str, before: str) -> bool:
    """jieba's word after a place's first part (tagged `before`) ends with a level: the place's end, no lead word."""
    return len(tok) > 1 and tok[-1] in LEVELS and before in PLACE_HEAD_POS


# A joining word jieba tags a preposition inside a unit's name, after a noun of the name ("市海洋与渔业局副局长",
# "经济与社会发展研究中心主任"), where it opens no clause; after a person or a pronoun it does ("他与县委书记甲").
UNIT_JOINERS = frozenset({"与"})
UNIT_PART_POS = frozenset({"n", "ns", "nz", "l", "vn", "nt"})


def _cut_lead(t: Text, start: int, end: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """Where the title proper starts in s[start:end]: after the last lead word or known name in it."""
    cut = start
    k, starts, before = start, t.starts, ""
    while k < end:   # word by word: tokens do not overlap, so no word starts inside another
        tok, pos = starts.get(k, NO_TOKEN)
        if not tok:
            k, before = k + 1, ""
            continue
        if t.s[k:k + 2] in lex.title_pairs and k + len(tok) < end and lex.title_re.fullmatch(t.s, k, end):
            break   # "指挥部指挥长甲": jieba's 指挥/v 长江/ns; a title word runs from here to the name, no lead in it
        if tok in UNIT_JOINERS and before in UNIT_PART_POS:
            k, before = k + len(tok), pos   # "市海洋与渔业局副局长": 海洋/ns 与/p, a part of the unit's name
            continue
        relay = RELAY_VERB_RE.match(t.s, k, end - 1) if pos == "v" else None
        if relay is not None and _relays(t.s, cut, k):
            cut = k = relay.end()   # "会议传达学习市委书记甲…": jieba's 传达/v 学习/v
            before = "v"
            continue
        if (tok in lex.lead and not _opens_title_word(t.s, k, tok, lex)
                or pos in LEAD_POS and tok not in TITLE_INNER and tok not in lex.places
                and not t.s.startswith(PLACE_ENDS_NO_NAME, k)   # "嘎查长甲": jieba's 嘎/o 查长/v
                and not _place_end(tok, before)
                or pos == "v" and _verb_before_place(t, k, tok, before) and not JOINT_POST_RE.match(tok)
                # "拉依喀乡党委书记": jieba's 拉/v 依喀乡/ns, one character opening the run (or following its lead)
                # and a place: the character is the place's, as no verb of one character opens a title
                and not (len(tok) == 1 and k == cut and tok not in lex.lead)) \
                and k + len(tok) < end:   # "常务副市长兼市|财政局局长": jieba's 兼市/v joins two posts
            cut = max(cut, k + len(tok))
        elif len(tok) == 2 and tok[0] in lex.lead and tok not in lex.places and not _place_end(tok, before) \
                and (tok[1] in LEVELS or pos in NR_TAGS and tok[0] not in lex.surnames):   # not 向阳/nr: 向 is a surname
            # "会议由县人大常委会主任甲主持": jieba glues the lead to the level (由县), or to the place's first
            # character and calls it a name ("据枫亭街道党工委书记甲介绍": 据枫/nr)
            cut = max(cut, k + 1)
        elif len(tok) > 2 and tok[0] in GLUED_LEADS and (k + len(tok) < end or tok[1] in LEVELS):
            # "庭审由民二庭庭长甲担任审判长": jieba's 由民二庭/n; no title opens with 由 or 据. A glued token may
            # hold the whole post ("会议由旗长甲主持": 由旗长/n)
            cut = max(cut, k + 1)
        elif tok[0] in PROFILE_LEADS and len(tok) > 1 and t.s[k - 1:k] in PROFILE_DASHES:
            cut = max(cut, k + 1)   # a profile's or an interview's deck "——记青坪村党支部书记甲", "——访某镇党委书记乙":
                                     # jieba's 记青坪村/ns, 访沅溪县/ns
        elif tok[0] in LIST_JOINERS and (len(tok) == 1 or len(tok) == 2 and tok[1] in LEVELS) \
                and (t.s.endswith(REPORTS_LISTED, 0, k) or before == "r"):
            # "听取了甲…的汇报和县农业农村局局长乙…的汇报": jieba's 和县/ns, or 和/c 区/n; after a pronoun 和 joins
            # the person to it ("他和驻村工作队队员乙"), as it joins no part of a post
            cut = max(cut, k + 1)
        k += len(tok)
        before = pos
    for after, read in _names_ending_in(t, start, end, known):
        join = next((w for w in LIST_JOIN if t.s.startswith(w, after)), "")
        # "外长甲乙·丙丁圣马力诺外长…": a name then a country starts the next title ("钱乙基金会" does not).
        # After a name the model reads, a post's opening or a level may start it too ("县长甲乙丙副县长丁戊己",
        # "所长甲乙丙全国人大常委会副委员长丁戊己"), but not a body of its own ("孙中山纪念馆馆长").
        if join or lex.title_re.match(t.s, after) or t.token_at(after)[1] == "ns" \
                or read and (t.s[after] in POST_OPENERS or ORG_ANCHOR_RE.match(t.s, after)) \
                and _is_title(t.raw[after:end], lex) and _titled_before(t, start, after, lex):
            cut = max(cut, after + len(join))
    return cut


def _opens_title_word(s: str, k: int, tok: str, lex: Lexicon) -> bool:
    """The lead word at k opens a title word of its own (titles_suffix.txt): 联合 of 联合创始人 leads no clause."""
    m = lex.title_re.match(s, k)
    return m is not None and m.end() > k + len(tok)


def _relays(s: str, cut: int, k: int) -> bool:
    """The verb at k is the meeting's relaying: only adverbs stand before it in the run, or the meeting and adverbs
    ("，集中传达学习…", "会议认真传达学习…"), not a body whose name holds the verb ("县委学习贯彻…指导组")."""
    between = s[cut:k]
    return RELAY_ADVERBS_RE.fullmatch(between) is not None or RELAY_BY_MEETING_RE.search(between) is not None


def _titled_before(t: Text, start: int, name_end: int, lex: Lexicon) -> bool:
    """The model's name ending at name_end has a title of its own before it in the run: a person of a list of
    titled people ("所长甲乙丙全国人大常委会副委员长…"), not the founder a school is named after ("甲乙丙高级中学")."""
    k = bisect_left(t.model_spans, (start, 0))
    while k < len(t.model_spans) and t.model_spans[k][1] != name_end:
        k += 1
    if k == len(t.model_spans):
        return False
    a = t.model_spans[k][0]
    last = last_match(lex.title_re, t.s, start, a)
    return last is not None and last.end() == a


def _names_ending_in(t: Text, start: int, end: int, known: dict[str, list[str]]) -> list[tuple[int, bool]]:
    """Where names written inside s[start:end] end (before `end`), each with whether the model reads it: the
    names the model reads there, and the last occurrence of each known name that is whole jieba words."""
    spans = t.model_spans   # in text order
    out = []
    for k in range(bisect_left(spans, (start, 0)), len(spans)):
        a, b = spans[k]
        if b >= end:
            break
        out.append((b, True))
    heads = getattr(known, "heads", None)   # the first characters of the known names (Names)
    if heads is not None and heads.isdisjoint(t.s[start:end]):
        return out   # no known name can start in the run: the search below would find none
    for name in known:  # "总统卡尔森顾问安娜": the title of 安娜 starts after 卡尔森; "钱乙和南非外长马可"
        at = t.s.rfind(name, start, end)
        b = at + len(name)
        if at < 0 or b >= end or at not in t.starts or b not in t.ends and not _joiner_glued(t, b):
            continue  # absent, or a piece of a longer word ("阿尔" in 阿尔及利亚)
        out.append((at + len(name), False))
    return out


def _joiner_glued(t: Text, b: int) -> bool:
    """A joining word at b that jieba glued to the name before it ("县领导甲、龙德及县人武部部长乙": 龙德及/nr)."""
    return t.s[b] in GLUED_JOINERS and b + 1 in t.ends


# What jieba tags a place or a body: a verb before one opens no title ("谈到|现代集团名誉董事长").
PLACE_OR_BODY = frozenset({"ns", "nt"})


def _verb_before_place(t: Text, k: int, verb: str, before: str) -> bool:
    """A verb that a place or a body follows opens no title ("问及|美国总统", "谈到|某某集团董事长"), unless it is a
    word of titles (驻) or a place stands before it too: "河北省分行" is a body jieba tags 分行/v."""
    following, tag = t.starts.get(k + len(verb), NO_TOKEN)
    # "润|城镇中心学校校长": the one-character verb opens the place (润城镇), it leads nothing
    return verb not in TITLE_INNER and before != "ns" and tag in PLACE_OR_BODY \
        and not (len(verb) == 1 and following in PLACE_AFTER_ONE_CHAR)


def last_match(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The last of pattern's matches in text[start:end], as finditer finds them (not overlapping)."""
    last = None
    for last in pattern.finditer(text, start, len(text) if end is None else end):
        pass
    return last


def _is_title(text: str, lex: Lexicon) -> bool:
    if not text or len(text) > MAX_TITLE or text in lex.weak:
        return False
    last = last_match(lex.title_re, text)
    if last is None:
        return False
    # "村党总支书记": the word found last (支书) may hold the start of a longer one that ends the text (书记)
    return (_title_end(text, last, lex) if lex.title_inner[last.group()] else last.end()) == len(text)


def _verb_before_weak(t: Text, start: int, end: int, lex: Lexicon) -> bool:
    """A weak title word after a verb ("要发挥领导智慧") is no title: 区领导 and 驻欧盟代表 have a noun there."""
    last = last_match(lex.title_re, t.s, start, end)
    if last is None or last.group() not in lex.weak or last.end() != end:
        return False
    k = last.start() - 1
    while k >= start and k not in t.starts:
        k -= 1
    # (a verbal noun names the post's field: "宣传委员", "组织委员")
    if k >= start and t.token_at(k)[1] in ("v", "d", "ad", "p"):
        return True
    # a conjunction before it joins groups of people, no post ("慰问困难群众和老党员，副县长甲陪同"), unless a
    # body's suffix follows it: then it joins the fields of one body's name ("县文化和旅游局负责人")
    return any(t.token_at(j)[1] == "c" and not _body_after(t, j, last.start())
               for j in range(start, last.start()) if j in t.starts)


def _body_after(t: Text, start: int, end: int) -> bool:
    """An organisation's suffix (orgs_suffixes.txt) ends a jieba word in t.s[start:end] ("旅游局" in "和旅游局"; not
    the 党 of 党员)."""
    return any(m.end() in t.ends for m in ORG_SUFFIX_RE.finditer(t.s, start, end))


def _holds_known(s: str, a: int, b: int, known: dict[str, list[str]]) -> bool:
    """A known name is written in s[a:b] (a part of a chain that is another person's clause)."""
    part = s[a:b]
    return any(k and k in part for k in known)


def titles_before(t: Text, name_start: int, lex: Lexicon, known: dict[str, list[str]]) -> list[str]:
    """The title chain written before a name: "区委副书记、区长、指挥部执行指挥长" -> three titles.

    Titles joined by 、 all belong to the name; one comma may join two such chains when the part before it
    is nothing but titles ("市委常委、新区党工委书记，新区…组长、指挥部指挥长赵六")."""
    s, chain = t.s, []
    end, comma_used, opened = name_start, False, -1
    while True:
        start = _run_start(s, end)
        cut = _cut_lead(t, start, end, lex, known)
        if t.starts.get(cut, NO_TOKEN) == ("和", "c") and s[cut + 1:cut + 2] in LEVELS \
                and (cut == start or _token_ending_at(t, cut)[1] == "d"):
            # "和村调解员甲一起", "他正和村党支部书记乙": the conjunction before a unit's level (at the run's start or
            # after an adverb) joins two people, not two words
            cut += 1
        elif cut > start and ADVERB_JOIN_RE.match(s, cut) and known_ends_at(s, cut, known) \
                and s[cut + 2:cut + 3] in LEVELS:
            cut += 2   # "甲正和村党支部书记乙": jieba's 正和村/ns after a person is "just then with" and the title
        seg = t.raw[cut:end]
        if cut == start and start > 1 and s[start - 1] in STRAY_SPACES and HAN_FIRST <= s[start - 2] <= HAN_LAST:
            spanned = _title_over_space(t, start, end, lex, known)
            if spanned is not None:
                start, cut, seg = spanned
        if not _is_title(seg, lex) or _verb_before_weak(t, cut, end, lex):
            break
        if chain and cut > start and known_ends_at(s, cut, known):
            break   # "甲参议员、协会主席乙": a title written after another name is that name's
        if chain and _holds_known(s, cut if s[end:end + 1] == "、" else start, end, known):
            # "县长甲任组长，副县长乙参加": a clause of another person's, not a title of 乙's; but a 、 joins titles
            # only, and a name before the lead is the clause's subject ("县委书记甲会见某县县委副书记、县长乙")
            break
        chain[0:0] = _joint_posts(seg, lex)
        opened = start if cut == start else -1
        if cut > start or start < 2 or s[start - 1] not in "、，,":
            break
        if s[start - 1] != "、":
            before = _run_start(s, start - 1)
            if comma_used or (before > 0 and s[before - 1] not in CLAUSE_OPEN | {"、", " ", "　"}):
                break
            if before > 0 and s[before - 1] in "，," and known_ends_at(s, before - 1, known):
                break   # "…乙，县委常委，县长甲": a title alone between a name and a chain is a group of the list
            comma_used = True
        end = start - 1
        aside = TITLE_ASIDE_BEFORE_RE.search(s, max(0, end - TITLE_ASIDE_MAX), end)
        if aside is not None:
            if _name_in_parens(t, aside, lex):
                break   # "县环保局局长（甲）、县农委主任乙": the post of another entry of a roster
            end = aside.start()   # "县委副书记（正县级）、政法委书记甲": the aside closes the title before it
    label = _roster_label(t, opened, lex, known) if opened > 1 and s[opened - 1] in "：:" else None
    return [label, *chain] if label else chain


ROSTER_LABEL_MAX = 6


def _roster_label(t: Text, colon_after: int, lex: Lexicon, known: dict[str, list[str]]) -> str | None:
    """A group's post before a colon, over the chain of titles after it: a leading group's roster ("组长：县长甲",
    "副指挥长：副县长乙"), on a line of its own or run on after the line before it ("…如下：组长：县长甲副组长：…"
    once the cleaner joined the lines, where the post opens after the name before it)."""
    s, end = t.s, colon_after - 1
    start = _run_start(s, end)
    cut = max((k for k in range(start + 1, end) if k in t.starts
               and (_token_ending_at(t, k)[1] in NR_TAGS or known_ends_at(s, k, known))), default=start)
    label = s[cut:end]
    if not 2 <= len(label) <= ROSTER_LABEL_MAX or not label.endswith(ROSTER_POSTS) or not _is_title(label, lex):
        return None
    return label


# 兼 joining two posts one person holds ("县长兼县开发区党工委书记"); not 兼职, 兼任 (a verb), 兼管, 兼顾.
JOINT_POST_RE = re.compile("兼(?![职任管顾])")


def _joint_posts(title: str, lex: Lexicon) -> list[str]:
    """A title of two posts joined by 兼, as the two posts ("副董事长兼总裁" -> 副董事长, 总裁), when each
    part is a title; else the title as written."""
    if "兼" not in title:
        return [title]
    parts = JOINT_POST_RE.split(title)
    return parts if len(parts) > 1 and all(_is_title(p, lex) for p in parts) else [title]


def _title_end(s: str, m: re.Match[str], lex: Lexicon) -> int:
    """Where a title word found at m really ends: a longer one may start inside it (总指挥|指挥长)."""
    start = m.start()
    end = m.end()
    for k in lex.title_inner[m.group()]:
        longer = lex.title_re.match(s, start + k)
        if longer and longer.end() > end:
            end = longer.end()
    return end


def post_alone(title: str, lex: Lexicon) -> str:
    """The post a title names without the body that holds it, when the title is not party or government's
    (titles_split.txt): "某某大学法学院教授" -> 教授, "某某乐居总经理" -> 总经理; "县委办公室主任" and "某某省副省长"
    stay whole, as the body is part of the office."""
    if not title or _is_government(title):
        return title
    return _post_of(title, lex)


def _is_government(title: str) -> bool:
    """A party or government title: a level opens it, a government post ends it, or a body or level of
    government stands in it and no business or institution ("某某县档案馆馆长"; not "某某村镇银行行长", whose
    place names the bank, nor "某某集团华北区总经理", whose 区 is the firm's)."""
    if title[0] in LEVELS or government_post_re().search(title):
        return True
    return government_body_re().search(title) is not None and title_split_re().search(title) is None


def _post_of(title: str, lex: Lexicon) -> str:
    """The post a title ends with: what follows its body's last word less the department ("招商银行现金管理部
    总经理" -> 总经理); with no body word, the longest ending that is a title word and what may open a post
    ("某某乐居总经理" -> 总经理, "某某顾问营销四部策划总监" -> 策划总监)."""
    last = last_match(title_split_re(), title)
    if last is not None:
        if last.start() == 0 or last.end() >= len(title):
            return title   # a body with no name of its own ("杂志副主编"), or no post after the body
        post = _bare_post(title[last.end():], lex)
        return post if _is_title(post, lex) else title
    post = post_re()
    for k in range(len(title) - 1):
        if post.fullmatch(title, k):
            word = last_match(lex.title_re, title, k)
            return title[k:] if word is not None and word.group() in business_posts() else title
    return title


# The last character of a department inside a body, between its name and the post ("现金管理部|总经理",
# "社会学系|教授", "华北区|董事总经理", "研究中心|主任"): the post alone starts after it.
DEPARTMENT_ENDS = frozenset("部处科室系心区所组局厅办司站队")
# What a post may open with before its title word ("副总经理", "常务副院长", "高级行业分析师", "首席执行官").
POST_OPENERS = frozenset("副常执首高总正")


def _bare_post(post: str, lex: Lexicon) -> str:
    """The post without the department of the body written before it: the text after the last department
    character that stands before the post's last title word and is followed by a title word or a post's opening
    ("现金管理部总经理" -> 总经理, "华北区董事总经理" -> 董事总经理; not "区域经理" -> 域经理; "高级行业分析师" stays)."""
    last = last_match(lex.title_re, post)
    if last is None:
        return post
    cut = max((k + 1 for k in range(last.start()) if post[k] in DEPARTMENT_ENDS
               and (post[k + 1] in POST_OPENERS or lex.title_re.match(post, k + 1))), default=0)
    return post[cut:]


# What closes a roster's entry after a name in parentheses ("成员：县环保局局长（甲）、县农委主任（乙）"): an aside
# between a post and its name ("副区长（挂职）甲") has the name after it instead.
PARENS_NAME_CLOSERS = frozenset("、，,；;。\n")


TOKEN_MAX = 8   # the longest jieba word looked back for
# A scan's stray space, which the cleaner leaves inside a line ("公司总 经理甲", "县委 书记乙").
STRAY_SPACES = frozenset(" \u3000")
# What the piece of a title before such a space may end with: a level, a post's opening, or the last character of
# a unit's kind (县委, 党支部, 医院, 学校, 财政局, 砖厂, 派出所, 卫生院, 合作社, 协会, 组织部, 县政府办, 公司, 大队, 工作组).
UNIT_PIECE_ENDS = LEVELS | POST_OPENERS | frozenset("委党部院校局厂所站社会办司队组")


def _title_over_space(t: Text, start: int, end: int, lex: Lexicon, known: dict[str, list[str]]) \
        -> tuple[int, int, str] | None:
    """The title a stray space cut in two (the space at start - 1): (run start, title start, title without the
    space) when the piece before the space, cut after its lead words, holds no title word and ends no name, and the
    two pieces make one title ("公司总 经理" -> 公司总经理; not "获奖代表甲 县长乙": a title and a name before it)."""
    s, space = t.s, start - 1
    before = _run_start(s, space)
    cut = _cut_lead(t, before, end, lex, known)
    piece = t.raw[cut:space]
    if not piece or cut >= space or known_ends_at(s, space, known) or _token_ending_at(t, space)[1] in NR_TAGS \
            or surname_shaped(piece, lex) and len(piece) <= 3:
        return None
    joined = piece + t.raw[start:end]
    # a unit's word across the space ("县人大常委 会主任": 常委会), or a piece that ends as a unit's name or a post's
    # opening does ("县人民医院 院长", "村 党支部书记", "公司总 经理"); not "今年以来 镇长甲"
    across = any(m.start() < len(piece) < m.end() for m in ORG_SUFFIX_RE.finditer(joined, max(0, len(piece) - 3)))
    if not across and (last_match(lex.title_re, piece) is not None
                       or piece[-1] not in UNIT_PIECE_ENDS and not any(
                           m.end() == len(piece) for m in ORG_SUFFIX_RE.finditer(piece, max(0, len(piece) - 4)))):
        return None
    return (before, cut, joined) if _is_title(joined, lex) else None


def _token_ending_at(t: Text, k: int) -> tuple[str, str]:
    """jieba's word that ends at k (with its tag), or ("", "")."""
    for j in range(k - 1, max(-1, k - TOKEN_MAX), -1):
        tok, pos = t.starts.get(j, NO_TOKEN)
        if tok:
            return (tok, pos) if j + len(tok) == k else NO_TOKEN
    return NO_TOKEN


def _name_in_parens(t: Text, aside: re.Match, lex: Lexicon) -> bool:
    """The parentheses after a post hold its holder's name alone, and the entry ends there (or jieba reads the
    name whole in them: the cleaner ran the roster's last line on into the next, "…副局长（甲）领导小组办公室…")."""
    s, a, b = t.s, aside.start() + 1, aside.end() - 1
    inner = s[a:b]
    return 2 <= len(inner) <= 4 and surname_shaped(inner, lex) \
        and (aside.end() == len(s) or s[aside.end()] in PARENS_NAME_CLOSERS or t.nr_exact(a, b))


def titled_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 1: names right after a title word, with the title chain and any list that follows."""
    s, starts, inner = t.s, t.starts, lex.title_inner
    n = len(s)
    for m in word_matches(lex.title_re, lex.title_starts, s, lex.title_pairs):
        i = _title_end(s, m, lex) if inner[m.group()] else m.end()
        title_end = i
        if i < n and s[i] in "（(":
            aside = TITLE_ASIDE_RE.match(s, i)   # "副区长（挂职）甲": the name stands after the aside
            if aside is not None and _name_in_parens(t, aside, lex):
                i += 1   # "县环保局局长（甲）、…": a roster's name in parentheses after its post
            else:
                i = aside.end() if aside else i
        elif i < n and s[i] in LEADERS_LIST_HEADS and s.endswith("领导", 0, title_end):
            opens = LEADERS_LIST_RE.match(s, i)  # "出席会议的县领导有：甲、乙": the leaders are the list after
            i = opens.end() if opens else i
        elif i < n and s[i] in "：:" and COLON_LIST_RE.match(s, i + 1):
            i += 1   # "县委理论学习中心组成员：甲、乙、丙同志参加学习": the members are the list after the colon
        elif i + 1 < n and s[i] == "\n" and HAN_FIRST <= s[i + 1] <= HAN_LAST and i > s.find("\n") \
                and not _list_lines(s, i):
            # a scan's hard wrap between the title and the name in the body ("县卫健局局长\n甲乙丙陪同"); not the
            # headline's end ("甲乙丙会见某公司总裁\n甲乙丙…": the body opens with the headline's subject)
            i += 1
        if i < n and s[i] in "：:" and _colon_name_line(s, i, m.start()):
            i += 1   # "常务副县长：甲" on a line of its own (a government's division of work, 领导分工)
            if s[i:i + 1] == "\n":
                i += 1   # "常务副县长：\n甲": a portal's table cells, the post's and the name's, a line each
        elif i < n and s[i] in " \u3000" and (_signature_line(s, title_end) or _speaker_caption(s, m.start(), title_end)):
            i += 1   # "县委书记 甲" under a speech's title, "（村民 乙）" in a script: title and name, a space apart
        if i >= n or not HAN_FIRST <= s[i] <= HAN_LAST:
            continue  # name_at finds no name there (a title before punctuation, digits or the end)
        at_word = i in starts
        # "安平区长周八": jieba read 长周 as a name; "旗长格日勒图": jieba glued 旗长格, the name is a minority one's
        minority = minority_name_at(s, i, lex, found.titles) if s[i] in MINORITY_HEADS else None
        # "县领导有盖文清、…": jieba glued the list's opener to the surname (有盖/v)
        glued = not at_word and (t.token_at(i - 1)[1] in NR_TAGS or minority is not None
                                 or i > title_end and i - 1 in starts and s[i - 1] == "有"
                                 or i == title_end and (_guess_over_title_end(t, i, lex)
                                                        or _person_word_over_title_end(t, i, m.group(), lex)))
        if not at_word and not glued and (i >= len(s) or longest_known(s, i, found.titles) is None):
            continue  # a new name must start a word (or follow a glued one), and no known name starts here
        home = HOME_NAME_RE.match(s, i) if m.group() in HOME_TITLES else None
        if home is not None and surname_shaped(home.group(1), lex):
            name = home.group(1)   # "贫困户甲家": the household's name before 家, which jieba glued to it
        else:
            name = name_at(t, i, lex, found.titles, titled=True)
        word = None
        common = name is not None and t.common_word(i, name) and not _guessed_verb_pair(t, i, name, lex)
        if at_word and (name is None or name not in found.titles and common):
            word = _word_name(t, i, lex, found.titles)
            name = word or name
        if name is None or is_byline(s, i, name):
            continue
        if word is None and name not in found.titles and (not at_word and not glued or common and name != minority
                                         and not _dai_name(s, i, name, lex, found.titles)
                                         and not _opens_list(t, i + len(name), lex, found.titles)):
            continue   # a name of a minority's name parts is no common word though jieba reads one (其其格/c)
        titles = titles_before(t, title_end, lex, found.titles)
        if not titles or _title_of_name_before(t, m.start(), title_end, lex, found.titles) \
                or _counted_group(t, i, name, titles[0]):
            continue
        found.add(name, titles + title_after(t, i + len(name), lex, found.titles), "title")
        share_with_list(t, i + len(name), titles, lex, found)


# jieba's tags of a word after a description that says how the described feel or what they do, no name.
DESCRIBED_NOT_NAME_POS = frozenset({"a", "ad", "an", "v", "vd", "vn", "d", "i", "l"})


def described_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 1b: a name right after a description the convention keeps no title (people_words.txt [described]:
    "店主简明亮正忙着", "游客甲说"), where jieba reads the description as a word of its own and the name, led by
    a surname, ends before a verb or punctuation. Adds the name without a title."""
    s = t.s
    for m in DESCRIBED_RE.finditer(s):
        a, i = m.start(), m.end()
        if a not in t.starts or i not in t.starts and i - 1 not in t.starts or i >= len(s) \
                or s[i] not in lex.surnames and s[i:i + 2] not in lex.compound:
            continue   # "城市民宿": 市民 inside jieba's words; a name after it opens with a surname
        name = name_at(t, i, lex, found.titles, titled=False)
        if name is None or name in found.titles or is_byline(s, i, name) \
                or follow_rank(s, i + len(name), lex, found.titles) < 2 \
                or t.token_at(i) == (name, t.token_at(i)[1]) and t.token_at(i)[1] in DESCRIBED_NOT_NAME_POS:
            continue   # (not a word jieba reads as what the described feel or do: "让居民舒心": 舒心/a)
        found.add(name, [], "described")


# A count no named person follows: many, or about so many ("200多名村民来务工", "数十位群众", "百余名干部").
GROUP_COUNT_BEFORE_RE = re.compile(r"(?:\d{2,}|\d+[多余]|[百千万]|[数几]十)[多余]?[名位个]$")
GROUP_COUNT_REACH = 8


def _counted_group(t: Text, i: int, name: str, title: str) -> bool:
    """The title counts a crowd ("周边村的200多名村民来务工"): what follows it is what they did, not a name, unless
    the model reads one there."""
    k = t.s.rfind(title, max(0, i - len(title) - GROUP_COUNT_REACH), i)
    if k <= 0 or GROUP_COUNT_BEFORE_RE.search(t.s, max(0, k - GROUP_COUNT_REACH), k) is None:
        return False
    return not any(a == i and b == i + len(name) for a, b in t.model_spans)


# A name and 家 (the home), shortest first: "甲乙家去年脱贫" is 甲乙's home, "甲乙丙家中" 甲乙丙's.
HOME_NAME_RE = re.compile(f"([{HAN}]{{2,3}}?)家")


# What sets a name apart from its title on a list's line ("甲乙丙 县人民医院护士长").
LIST_LINE_GAPS = frozenset(" \u3000\t")


def _list_lines(s: str, k: int) -> bool:
    """The line ending at k, or the next, sets a name apart from a title by spaces: a list's lines (rule 15), where
    the title at a line's end is the name's on that line, not a hard wrap's."""
    start, end = s.rfind("\n", 0, k) + 1, s.find("\n", k + 1)
    return not LIST_LINE_GAPS.isdisjoint(s[start:end if end >= 0 else len(s)])


def _guessed_verb_pair(t: Text, i: int, name: str, lex: Lexicon) -> bool:
    """A surname and one character that jieba guessed as a verb of its own, none of its dictionary, after a title
    ("县长陈可主持会议": 陈可/v, as its HMM reads 可 a modal verb): a two-character name, not an ordinary word."""
    return len(name) == 2 and name[0] in lex.surnames and t.token_at(i)[1] == "v" and guessed_word(name)


# The longest run of names written back to back after a title that is read as a list (four names of three).
GLUED_RUN_MAX = 12


def _glued_run(t: Text, i: int, name: str, lex: Lexicon) -> list[str]:
    """Names written back to back after a title, the scan's spaces between them removed by the cleaner ("网格员甲乙丙
    丁戊作交流发言" from "网格员 甲乙丙 丁戊"): where the name at i runs on into Han characters up to a verb or a
    follower, and those characters split one way only into names that are no words of jieba's dictionary, the
    names of that split; else none. Asked only where no follower, title or punctuation closes the name at i."""
    s = t.s
    j = i + len(name)
    if j >= len(s) or s[j] not in lex.surnames and s[j:j + 2] not in lex.compound or follow_rank(s, j, lex, {}) >= 2:
        return []   # (the cheap test first: the next name of a glued list opens with a surname)
    end, limit = j, min(len(s), i + GLUED_RUN_MAX + 1)
    while end < limit and HAN_FIRST <= s[end] <= HAN_LAST and t.starts.get(end, NO_TOKEN)[1] != "v" \
            and follow_rank(s, end, lex, {}) < 2:
        end += 1
    if end == limit or end < len(s) and (lex.title_re.match(s, end) or _inside_word(t, end)):
        return []   # "院士甲乙丙气象专家": a title after the run ends a phrase; "甲乙丙工作失误": 工作 a word
    splits = _name_splits(t, i, end, lex)
    if len(splits) != 1 or len(splits[0]) < 2:
        return []
    cuts, k = set(), i
    for piece in splits[0][:-1]:
        k += len(piece)
        cuts.add(k)
    for a, b in t.model_spans:
        if a < end and b > i and t.nr_exact(a, b) and any(a < c < b for c in cuts):
            return []   # "检察长甲乙丙出庭": jieba and the model both read 甲乙丙, which the split would cut
    return splits[0]


def _inside_word(t: Text, k: int) -> bool:
    """A word of jieba's dictionary runs across k (工作 across 工|作), not a guess of its own (进作/vn of "钱进作")."""
    if k in t.starts:
        return False
    a = k - 1
    while a > 0 and a not in t.starts:
        a -= 1
    return not guessed_word(t.starts.get(a, NO_TOKEN)[0])


# jieba's tags of a word that is no given name in a glued run: numbers, adverbs, measure and time words, verbs,
# function words, pronouns, adjectives.
GLUED_GIVEN_NOT_POS = frozenset("mdqtvpcufra")


def _name_splits(t: Text, i: int, end: int, lex: Lexicon) -> list[list[str]]:
    """Every way s[i:end] splits into surname-shaped names that jieba reads as no word of its dictionary (or as a
    person); a second way found is enough to tell the run ambiguous."""
    if i == end:
        return [[]]
    out: list[list[str]] = []
    for k in (2, 3, 4):
        piece = t.s[i:i + k]
        if i + k > end or not surname_shaped(piece, lex) \
                or not (guessed_word(piece) or t.starts.get(i, NO_TOKEN) == (piece, "nr")):
            continue
        cut = 2 if piece[:2] in lex.compound else 1
        given, pos = t.starts.get(i + cut, NO_TOKEN)
        if given == piece[cut:] and pos[:1] in GLUED_GIVEN_NOT_POS:
            continue   # "县委书记甲乙丙多次深入…": 多次/m is a word of the clause, no given name
        out += [[piece, *rest] for rest in _name_splits(t, i + k, end, lex)]
        if len(out) > 1:
            break
    return out


# The longest guess of jieba's over a title's end and a surname that _guess_over_title_end reads: a title word of
# two and the surname.
GUESS_OVER_TITLE_MAX = 3


def _guess_over_title_end(t: Text, i: int, lex: Lexicon) -> bool:
    """jieba glued the title's last character to the surname at i in a guess of its own, no word of its dictionary
    ("首席财务官车永明": 官车/n), or the whole title and the surname ("柚农赖金水": 柚农赖/n): the name starts at i
    all the same."""
    if t.s[i] not in lex.surnames:
        return False
    for k in range(i - 1, max(-1, i - GUESS_OVER_TITLE_MAX), -1):
        tok = t.starts.get(k, NO_TOKEN)[0]
        if tok:
            return k + len(tok) == i + 1 and guessed_word(tok)
    return False


def _person_word_over_title_end(t: Text, i: int, title: str, lex: Lexicon) -> bool:
    """jieba read the title's last character and the surname at i as one word of its dictionary ("苗绣传承人龙玉门
    正在指导": 人龙/n, "新闻发言人马晓伟介绍": 人马/n, "县长江华山出席": 长江/ns, "主任何建国陪同": 任何/r): the name
    starts at i all the same. Whether a name stands there at all is name_at's to say ("县长安排部署": 安排 is a
    word, no name)."""
    tok = t.starts.get(i - 1, NO_TOKEN)[0]
    return len(tok) == 2 and tok[0] == title[-1] and t.s[i] in lex.surnames


# jieba's tags of the words inside a bare item that make it a phrase, not a name ("副县长分管农业、水利": 分管/vn 农业/n).
PHRASE_POS = frozenset({"n", "v", "vn", "nz", "ns", "nt", "l", "i"})
# jieba's tags of a joiner opening the item after a title ("主席和甲、乙": 和/c).
JOINER_POS = frozenset({"c", "p"})
# The longest bare item that opens a list after a title, closed by its 、.
BARE_ITEM_MAX = 4


def _word_name(t: Text, i: int, lex: Lexicon, known: dict[str, list[str]]) -> str | None:
    """A name right after a title that name_at takes for a word, where a 、-list of names goes on after it: the
    list shows it a name ("县领导曾经纬、…": 曾经/d; "县领导排早扎、…": no Han surname)."""
    s = t.s
    cut = s.find("、", i + 2, i + BARE_ITEM_MAX + 1)
    if cut < 0:
        return None
    tok, pos = t.token_at(i)
    if len(tok) == cut - i and pos not in NR_TAGS:
        return None   # one word of jieba's dictionary ("演员思想道德、文化理论、…": 思想道德/n), no name
    if _bare_item(s[i:cut], lex) and pos not in JOINER_POS and not _phrase(t, i, cut) \
            and list_after(t, cut, lex, known):
        return s[i:cut]   # (not "国家主席和甲、乙": a joiner opens it)
    return None


def _phrase(t: Text, i: int, end: int) -> bool:
    """jieba reads two words or more in s[i:end], one of them a noun or verb of two characters or more."""
    k, words, phrase = i, 0, False
    while k < end:
        tok, pos = t.token_at(k)
        if not tok:
            return False
        words += 1
        phrase = phrase or len(tok) > 1 and pos in PHRASE_POS
        k += len(tok)
    return words > 1 and phrase


def _bare_item(item: str, lex: Lexicon) -> bool:
    """A list item that can be a bare name: Han characters that open no function word, hold no title and name no
    place; of two characters, a surname first."""
    return HANS_RE.fullmatch(item) is not None and given_ok(item[1:]) and not LIST_FUNCTION.intersection(item) \
        and item not in lex.places and not lex.title_re.search(item) and (len(item) > 2 or item[0] in lex.surnames)


def _opens_list(t: Text, j: int, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """A 、 and a further name follow: a word-like name after a title opens a list of leaders ("县领导舒展、甲出席":
    舒展/v), where an ordinary word after a title is no list's first item."""
    return t.s.startswith("、", j) and bool(list_after(t, j, lex, known))


def _dai_name(s: str, i: int, name: str, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """A Dai man's name right after a title, which jieba reads as a word (县长岩块在…: 岩块/n): 岩 and one or two
    characters, before a verb or punctuation."""
    return name[0] in DAI_HEADS and follow_rank(s, i + len(name), lex, known) >= 2


# A speech's signature line: titles, a space, the name, perhaps the date in brackets ("县委书记 甲 （2023年12月20日）").
SIGNATURE_LINE_RE = re.compile(r"[ \u3000][\u4e00-\u9fff·]{2,8}(?:[ \u3000]*[（(][^（()）\n]{4,16}[)）])?[ \u3000]*(?:\n|$)")
SIGNATURE_LINE_MAX = 40
# A TV script's speaker caption: the title, a space and the name in brackets closing the line, the bracket opening it
# or after a cue ("【同期声】（县农业农村局局长 甲）", "（采访：村民 乙）").
BRACKET_OPENS = frozenset("（(")
# An interview's speaker on a line of the transcript: the title, a space, the name and a colon ("护林员 甲：…").
QA_SPEAKER_RE = re.compile(r"[ \u3000][\u4e00-\u9fff·]{2,8}[：:]")
# The cue may stand alone before it, unbracketed ("同期声：县农业农村局局长 甲").
SPEAKER_CAPTION_RE = re.compile(r"[ \u3000][\u4e00-\u9fff·]{2,8}[)）]?[ \u3000]*(?:\n|$)")
SPEAKER_CAPTION_OPEN_RE = re.compile(r"(?:【[^】\n]{1,6}】)?[（(](?:[\u4e00-\u9fff]{1,4}[：:])?[ \u3000]*"
                                     r"|(?:【[^】\n]{1,6}】|同期声?[：:])[ \u3000]*")
CLAUSE_PUNCT_RE = re.compile("[，,。；;：:！？]")


# A note of sex or nationality right after a name ("甲（女）", "乙（回族）", "丙（女，彝族）").
PERSON_NOTE = (f"[（(](?:女|男|[{HAN_FIRST}-{HAN_LAST}]{{1,3}}族)(?:[，,、][{HAN_FIRST}-{HAN_LAST}]{{1,3}}族)?[)）]")
# A name alone after a title and its colon, closing the line ("副县长（挂职）：甲\n"), or with a note after it
# ("副县长：甲（女）\n", as portals' leaders pages print a woman's name).
COLON_NAME_LINE_RE = re.compile(f"[{HAN_FIRST}-{HAN_LAST}]{{2,4}}(?:{PERSON_NOTE})?[ \u3000]*(?:\n|$)")


def _colon_name_line(s: str, colon: int, title_start: int) -> bool:
    """A line that holds nothing but a title, its colon and one name, or the name alone on the next line."""
    start = s.rfind("\n", 0, colon) + 1
    after = colon + 2 if s[colon + 1:colon + 2] == "\n" else colon + 1
    return title_start - start <= SIGNATURE_LINE_MAX and CLAUSE_PUNCT_RE.search(s, start, colon) is None \
        and COLON_NAME_LINE_RE.match(s, after) is not None


def _signature_line(s: str, title_end: int) -> bool:
    """The title opens a short line of its own that holds nothing but it, a space and one name."""
    start = s.rfind("\n", 0, title_end) + 1
    return title_end - start <= SIGNATURE_LINE_MAX and CLAUSE_PUNCT_RE.search(s, start, title_end) is None \
        and SIGNATURE_LINE_RE.match(s, title_end) is not None


def _speaker_caption(s: str, title_start: int, title_end: int) -> bool:
    """The title opens a speaker's caption that holds nothing but it, a space and one name: a TV script's line in
    brackets or after its cue ("【同期声】（县农业农村局局长 甲）", "同期声：村民 乙"), the source in brackets closing a
    paragraph ("…提高到120元。（县农业农村局副局长 丙）"), an interview's speaker before a colon ("护林员 丁：…")."""
    start = s.rfind("\n", 0, title_end) + 1
    if title_end - title_start > SIGNATURE_LINE_MAX:
        return False
    if QA_SPEAKER_RE.match(s, title_end) is not None:
        return CLAUSE_PUNCT_RE.search(s, start, title_end) is None and title_end - start <= SIGNATURE_LINE_MAX
    caption = SPEAKER_CAPTION_RE.match(s, title_end)
    if caption is None:
        return False
    if caption.group().rstrip().endswith(("）", ")")):   # a bracket that closes the caption opens it
        k = max(s.rfind("（", start, title_start + 1), s.rfind("(", start, title_start + 1))
        return k >= 0 and title_start - k <= SIGNATURE_LINE_MAX and CLAUSE_PUNCT_RE.search(s, k, title_end) is None \
            and "）" not in s[k:title_start] and ")" not in s[k:title_start]
    opening = SPEAKER_CAPTION_OPEN_RE.match(s, start, title_start)
    return opening is not None and BRACKET_OPENS.isdisjoint(opening.group()) and title_end - start <= SIGNATURE_LINE_MAX \
        and CLAUSE_PUNCT_RE.search(s, opening.end(), title_end) is None


def _spaced_list_opens(s: str, end: int) -> bool:
    """The name ending at `end` is in a list a colon opens on its line, with no clause's punctuation between
    ("出席会议的县领导：甲 乙 丙"): spaces there part the names."""
    line = s.rfind("\n", 0, end) + 1
    colon = max(s.rfind("：", line, end), s.rfind(":", line, end))
    return colon >= 0 and CLAUSE_PUNCT_RE.search(s, colon + 1, end) is None


def share_with_list(t: Text, end: int, titles: list[str], lex: Lexicon, found: Found) -> None:
    """The names of a list after a titled name ending at `end` take its titles: "县领导甲、乙" gives both
    the title, "总统甲与总理乙会晤" not the one with a title of its own."""
    spaced = t.s[end:end + 1] in LIST_SPACES and _spaced_list_opens(t.s, end)
    for other, sep in list_after(t, end, lex, found.titles, with_joins=True, spaced=spaced):
        found.add(other, titles if sep == "、" or not found.titles.get(other) else (), "title-list")
        if sep == "、" and found.rule.get(other) in TAG_ALONE_RULES:
            found.rule[other] = "title-list"


# The rules whose names rest on jieba's tag alone, which the arbiter drops unless the model reads the name too
# (its VETOED_RULES): such a name that is an item of a titled 、-list rests on the list, which the model need not
# read whole ("县委常委甲乙丙、丁戊己、杞云峰、…" where the model reads the first name and jieba's tag alone the
# rare surname's).
TAG_ALONE_RULES = frozenset({"nr", "clause"})


def title_after(t: Text, b: int, lex: Lexicon, known: dict[str, list[str]], titled: bool = True) -> list[str]:
    """The title written right after a name ending at b ("许某博士", "甲县长说"), if any (one at most). A title
    word that a name follows opens that name's title instead when the names of the list are titled before
    them (`titled`: "县委书记甲乙丙县长丁戊己", a list whose spaces the cleaner removed: 县长 is 丁戊己's), or
    when the next name has no title after it; in a list of names each with its title after it, it stays
    ("甲乙丙书记丁戊己县长")."""
    s = t.s
    after = lex.after_re.match(s, b) if s[b:b + 1] in lex.after_heads else None
    if after is None or after.group() not in lex.after_titles:
        return []
    nxt = _name_end_at(t, after.end(), known)
    if nxt is not None and (titled or not (s[nxt:nxt + 1] in lex.after_heads and lex.after_re.match(s, nxt))):
        return []
    return [after.group()]


def _name_end_at(t: Text, j: int, known: dict[str, list[str]]) -> int | None:
    """Where a name starting at j ends: one the model reads there, or the longest the rules found; None if none."""
    s = t.s
    k = bisect_left(t.model_spans, (j, 0))
    if k < len(t.model_spans) and t.model_spans[k][0] == j:
        return t.model_spans[k][1]
    heads = getattr(known, "heads", None)
    if j < len(s) and (heads is None or s[j] in heads):
        found = [n for n in known if n and s.startswith(n, j)]
        if found:
            return j + max(map(len, found))
    return None


def names_before_titles(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 2: "郑十总书记", "钱乙总理", "刘丙同志": a name right before a title or honorific."""
    s, known, surnames, compound = t.s, found.titles, lex.surnames, lex.compound
    read = t.model_starts
    for m in lex.after_re.finditer(s):
        j = m.start()
        # A found name right after the title word makes that word the end of its title, and what stands
        # before it the body of that title ("银监会主席刘明康"), unless the model reads a name there too.
        heads = getattr(known, "heads", None)
        leads_a_name = m.end() < len(s) and (heads is None or s[m.end()] in heads) \
            and any(map(s.startswith, known, repeat(m.end())))
        for n in (4, 3, 2):
            i = j - n
            if i < 0:
                continue
            name = s[i:j]
            if leads_a_name and i not in read:
                continue
            if n > 2 and t.starts.get(i, NO_TOKEN)[1] == "p" and i + 1 in t.starts:
                continue   # "向李鹏总理": jieba reads the surname-like 向 as a one-character preposition
            if n > 2 and t.starts.get(j - 1, NO_TOKEN)[1] in JOINING_POS:
                continue   # "李鹏和夫人": 和 joins the honorific's person to the name, it ends no name
            if n > 2 and name[-1] == "两":
                continue   # "甲乙和丙丁两首相": 两 counts the names before the title
            # surname_shaped's own first test inlined: most strings before a title start with no surname.
            if name in known or ((name[0] in surnames or name[:2] in compound) and surname_shaped(name, lex)
                                 and t.nr_covers(i, j)):
                found.add(name, _own_title_after(t, i, j, lex, known), "after")
                break
        else:
            name = foreign_name_before(t, j, lex)  # "格兰特总统", "伊万诺夫总理"
            if name is not None and m.group() in lex.after_titles and name not in lex.places \
                    and not (leads_a_name and j - len(name) not in read):
                found.add(name, _own_title_after(t, j - len(name), j, lex, known), "after")


COMRADE = "同志"
# The longest minority name (MAX_MINORITY_NAME's Tibetan and Mongolian runs) rule 2b reads before 同志.
COMRADE_NAME_MAX = 6


# The verbs of an appointment notice before whom they appoint or remove, and what follows that name there
# ("任命斯琴为旗教育局局长", "免去莫某某的县审计局局长职务"), and a congress's election ("选举吉克曲布为…主任"),
# by-election and co-option ("补选甲为…委员", "增补乙为县政协常委": CPPCC and people's congress session reports).
APPOINTING_VERBS = ("任命", "提名", "免去", "选举", "推选", "增补", "补选")
APPOINTEE_AFTER = ("为", "的", "同志")


# A personnel notice's profile opens with the name, the sex and the nationality or the birth year ("甲，男，蒙古族，
# 1983年5月出生，现任…", "乙，女，1981年11月生"): a person, whatever the name's shape (a Mongolian or Tibetan name has
# no surname). It opens a line or follows the profile before it.
PROFILE_NAME_RE = re.compile(f"(?m)(?:^|[；;。])[ \u3000]*([{HAN_FIRST}-{HAN_LAST}·]{{2,8}})[，,][男女][，,]"
                             f"(?:[{HAN_FIRST}-{HAN_LAST}]{{1,4}}族|(?:19|20)\\d\\d年)")


def profile_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 2c: the name opening a personnel notice's profile (任前公示, 任职通知: "甲，男，蒙古族，1983年5月出生")."""
    if "男，" not in t.s and "女，" not in t.s:
        return
    for m in PROFILE_NAME_RE.finditer(t.s):
        if m.group(1) not in found.titles:
            found.add(m.group(1), (), "profile")


def appointees(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 2b: the names of appointment formulas, where jieba reads a word and no title stands before them.
    After the verb of a notice that appoints or removes, a Han name or a minority's ("任命蓝某某为…": 蓝/nr
    光明/n; "免去莫某某的…职务": 莫某某/ns; "任命斯琴为…"). Before 同志, a name of a minority's name parts
    (Tibetan, Yi, Mongolian; a Han name is rule 2's): the appointments a banner's cadres hear announced
    ("宣布了决定：白音同志任旗委书记": 白音/n), the longest such name."""
    s = t.s
    for verb in APPOINTING_VERBS:
        at = s.find(verb)
        while at >= 0:
            i = at + len(verb)
            name = _appointee_at(s, i, lex, found)
            if name is not None:
                found.add(name, (), "appointee")
            at = s.find(verb, i)
    if "：" in s or ":" in s:
        for cue in APPOINTEE_LIST_RE.finditer(s):
            for i in _list_item_starts(s, cue.end()):
                name = _appointee_at(s, i, lex, found)
                if name is not None:
                    found.add(name, (), "appointee")
    if COMRADE not in s:
        return
    at = s.find(COMRADE)
    while at > 0:
        for i in range(max(0, at - COMRADE_NAME_MAX), at - 1):
            run = s[i:at]
            if s[i] in MINORITY_HEADS and run not in found.titles and minority_name_at(s, i, lex, found.titles) == run:
                # (not the short form of a name the article gives whole: "扎西平措同志…。…平措同志在任期间")
                if not any(len(n) > len(run) and n.endswith(run) for n in found.titles):
                    found.add(run, _own_title_after(t, i, at, lex, found.titles), "appointee")
                break
        at = s.find(COMRADE, at + len(COMRADE))


# What follows the name in an appointment formula: the post it is appointed to ("为县审计局局长", "同志为…"), or
# the post it is removed from ("的县审计局局长职务"); not "免去费用的…", "任命期为三年".
APPOINTEE_POST_RE = re.compile(r"(?:同志)?(?:为([^，,。；;、\n（(]{2,30})|的[^，,。；;\n]{2,30}职务)")


# A notice's list of appointments or removals after the verb and a colon ("任命：\n甲为…；\n乙为…。免去：\n丙的…职务"):
# each item opens a line or follows a semicolon, up to the sentence's end.
APPOINTEE_LIST_RE = re.compile("(?:" + "|".join(APPOINTING_VERBS) + ")[：:]")
ITEM_BREAKS_RE = re.compile("[；;\n]+[ \u3000]*")


def _list_item_starts(s: str, start: int) -> list[int]:
    """Where the items of a list that opens at `start` start, up to the sentence's end (APPOINTING_LIST_REACH at most)."""
    end = s.find("。", start)
    end = min(len(s) if end < 0 else end, start + APPOINTING_LIST_REACH)
    lead = ITEM_BREAKS_RE.match(s, start)
    return [lead.end() if lead else start] + [m.end() for m in ITEM_BREAKS_RE.finditer(s, start + 1, end)]


def _appointee_at(s: str, i: int, lex: Lexicon, found: Found) -> str | None:
    """The name right after an appointing verb, before its post: a minority's, or a Han name of three
    characters or two (not "任命书", "免去其…职务": no surname opens them)."""
    if s[i:i + 1] in MINORITY_HEADS:
        name = minority_name_at(s, i, lex, found.titles)
        if name is not None and _post_follows(s, i + len(name), lex):
            return name
        # a Mongolian name of one part before 的, which minority_name_at reads only before a verb or punctuation
        # ("免去孟和的…职务"): the post after it says it is whole
        end = next((j for j in mongolian_name_ends(s, i) if j - i >= 2 and _post_follows(s, j, lex)), None)
        if end is not None:
            return s[i:end]
    for n in (3, 2):
        name = s[i:i + n]
        # a name that is a word too (江山, 高峰) is a name here, where a post follows ("任命江山为县财政局局长")
        if len(name) == n and s.startswith(APPOINTEE_AFTER, i + n) \
                and (surname_shaped(name, lex) or name in lex.stop and _word_shaped(name, lex)) \
                and _post_follows(s, i + n, lex):
            return name
    return None


def _word_shaped(name: str, lex: Lexicon) -> bool:
    """A stop word with a name's shape: a surname and one or two given-name characters (江山, 高峰, 文明)."""
    return name[0] in lex.surnames and given_ok(name[1:]) and not addressed(name, lex)


def _post_follows(s: str, j: int, lex: Lexicon) -> bool:
    m = APPOINTEE_POST_RE.match(s, j)
    return m is not None and (m.group(1) is None or _is_title(m.group(1), lex))


def _title_of_name_before(t: Text, start: int, end: int, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """The title word at s[start:end] is the one written after the name before it, in a list of names each
    followed by its title ("林志远书记吴德明县长": 书记 is 林志远's, not 吴德明's)."""
    s = t.s
    if s[start:end] not in lex.after_titles:
        return False
    k = bisect_left(t.model_spans, (start, 0)) - 1   # the model's last name starting before the title word
    before = t.model_spans[k][0] if k >= 0 and t.model_spans[k][1] == start else \
        next((start - len(n) for n in known if n and s.endswith(n, 0, start)), None)
    if before is None:
        return False
    nxt = _name_end_at(t, end, known)
    return nxt is not None and bool(title_after(t, nxt, lex, known, titled=False)) \
        and not titles_before(t, before, lex, known)


def _own_title_after(t: Text, i: int, j: int, lex: Lexicon, known: dict[str, list[str]]) -> list[str]:
    """The title after the name at s[i:j], unless it opens the next name's (title_after; a name with a title
    before it heads a list of names titled so)."""
    s = t.s
    nxt = j + len(lex.after_re.match(s, j).group())
    if nxt >= len(s) or _name_end_at(t, nxt, known) is None:
        return title_after(t, j, lex, known, titled=False)   # nothing follows: no need to read the titles before
    return title_after(t, j, lex, known, titled=bool(titles_before(t, i, lex, known)))


# A title chain in parentheses right after a name: "王五（区委书记）", "赵六（区委常委、常务副区长）".
# A note of sex or nationality may come first: "林某（女，县人民医院护士长）", "扎西（藏族，村党支部书记）".
PAREN_TITLES_RE = re.compile(f"[（(](?:(?:女|男|[{HAN_FIRST}-{HAN_LAST}]{{1,3}}族)[，,、])?([^（()）\\n，,。]{{2,40}})[)）]")


def titles_in_parentheses(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 10: titles in parentheses right after a found name are that name's titles."""
    s = t.s
    if "（" not in s and "(" not in s:
        return
    for m in PAREN_TITLES_RE.finditer(s):
        before = s[max(0, m.start() - 8):m.start()]
        names = [n for n in found.titles if n and before.endswith(n)]
        if not names:
            continue
        titles = t.raw[m.start(1):m.end(1)].split("、")
        if all(_is_title(x, lex) for x in titles):
            found.add(max(names, key=len), titles, "paren")


# A line of a list of names (an award list, 表彰名单; a delegation, 名单如下): the name, spaces, then the post to the
# line's end ("王五 城关镇东关村党支部书记").
# A note of sex or nationality may stand between the name and the spaces ("刘某（女） 县人民医院护士长"), as award
# lists print it; a portal's leaders page gives a chain of posts ("甲 县委副书记、县长"); a TV script's caption
# opens with its cue ("【同期】甲 县农业农村局局长").
LIST_LINE_RE = re.compile(f"(?m)^(?:【[{HAN_FIRST}-{HAN_LAST}]{{2,4}}】|同期声?[：:])?[ \u3000]*"
                          f"([{HAN_FIRST}-{HAN_LAST}·]{{2,8}})(?:{PERSON_NOTE})?[ \u3000]+([^\\s，,。；：:]{{2,40}})[ \u3000]*$")
# A list line's name the other rules missed: a Han name of two or three characters.
HAN_NAME_RE = re.compile(f"[{HAN_FIRST}-{HAN_LAST}]{{2,3}}")


def titles_on_list_lines(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 15: on a line holding a found name, spaces and a title, the title is that name's. In a list where
    such a line stands, another line of a Han name opening with a surname, spaces and a title names a person
    the other rules missed (a rare given name: "冶国福 通贵乡司家桥村村委会主任")."""
    s = t.s
    if " " not in s and "\u3000" not in s:
        return
    lines = [(m.group(1), t.raw[m.start(2):m.end(2)].split("、")) for m in LIST_LINE_RE.finditer(s)]
    lines = [(name, titles) for name, titles in lines if all(_is_title(title, lex) for title in titles)]
    if not any(name in found.titles for name, _ in lines):
        return
    for name, titles in lines:
        if name in found.titles or len(lines) >= 2 and HAN_NAME_RE.fullmatch(name) and name[0] in lex.surnames:
            found.add(name, titles, "lines")


# An honour list of families ("最美家庭", "五好家庭" 名单): items of a name and 家庭, run together with 、 or spaces
# ("王甲家庭　李乙家庭、孙丙家庭"), the first after no Han character (so that "表彰王甲家庭" reads no 彰王甲); not a
# family farm (家庭农场); a kind of household (困难家庭) opens with no surname.
FAMILY_ITEMS_RE = re.compile(f"(?<![{HAN_FIRST}-{HAN_LAST}])(?:[{HAN_FIRST}-{HAN_LAST}]{{2,3}}家庭(?!农场)[、 \u3000]*){{2,}}")
FAMILY_ITEM_RE = re.compile(f"([{HAN_FIRST}-{HAN_LAST}]{{2,3}})家庭")


def families_listed(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 16: in an honour list of families where a name found by more than jieba's tag stands, the other names
    before 家庭 that open with a surname (a given name the model does not read: "李二虎家庭")."""
    s = t.s
    if "家庭" not in s:
        return
    for run in FAMILY_ITEMS_RE.finditer(s):
        names = FAMILY_ITEM_RE.findall(run.group())
        if not any(name in found.titles and found.rule.get(name) not in TAG_ALONE_RULES for name in names):
            continue
        for name in names:
            if name[0] not in lex.surnames:
                continue
            if found.rule.get(name) in TAG_ALONE_RULES:
                found.rule[name] = "families"   # jieba's tag alone would need the model: the list reads it
            found.add(name, [], "families")


# A title chain set off by commas right after a name that opens its clause: "甲，县妇联主席。", "乙，县委常委、
# 宣传部部长，在会上…". The chain ends its clause (a name after it makes it that name's title) and opens with a
# level (LEVELS): a firm's post so set off ("甲，本公司监事候选人") is a résumé's, not labelled beside the name.
APPOSED_TITLES_RE = re.compile(f"，([{HAN_FIRST}-{HAN_LAST}、]{{2,40}})(?=[，。；\n]|$)")
CLAUSE_OPENERS = frozenset("，。；：:！？\n")
# A chain naming a group, not one person's post ("甲，县直有关部门负责人。": who else came, listed after 甲).
GROUP_MARK_RE = re.compile("有关|相关|各")


# A cadre's profile in a personnel notice (任前公示, 拟任职干部公示): the name, its sex, birth and schooling, then
# the posts held now and the one proposed ("甲，男，汉族，1982年11月生，…，现任阿普乡党委副书记、乡长，拟任…"),
# which is not held yet (拟任, 拟提名为…人选, 拟推荐为…: any 拟). A résumé's profile (现任 with no 拟 after) names
# its posts far from the name, where the labelled résumés mark none. The fields before 现任 (birthplace, degree,
# when one began work and joined the party) may run past a hundred characters.
PROFILE_POSTS_RE = re.compile(f"，[男女]，[^。；\n]{{0,120}}?现任([{HAN_FIRST}-{HAN_LAST}、（）“”]{{2,40}})(?=，拟)")


def titles_in_apposition(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 14: a title chain set off by commas after a found name that opens its clause is that name's, and
    so are the posts a cadre's profile says are held now (现任)."""
    s = t.s
    profiles = "现任" in s
    for name in [n for n in found.titles if n]:
        at = s.find(name + "，")
        while at >= 0:
            profile = PROFILE_POSTS_RE.match(s, at + len(name)) if profiles else None
            if profile:
                held = TITLE_ASIDE_RE.sub("", t.raw[profile.start(1):profile.end(1)])   # "…副局长（正科级）": the rank
                posts = [x for post in held.split("、") for x in _joint_posts(post, lex)]
                found.add(name, [x for x in posts if _is_title(x, lex)])
                break
            m = APPOSED_TITLES_RE.match(s, at + len(name))
            if m and (at == 0 or s[at - 1] in CLAUSE_OPENERS):
                titles = [x for post in t.raw[m.start(1):m.end(1)].split("、") for x in _joint_posts(post, lex)]
                if titles[0][:1] in LEVELS and all(_is_title(x, lex) for x in titles) \
                        and not any(GROUP_MARK_RE.search(x) for x in titles):
                    found.add(name, titles)
                    break
            at = s.find(name + "，", at + 1)


def _split_glued_runs(t: Text, lex: Lexicon, found: Found) -> None:
    """A titled name right after its title that runs on into names written back to back ("村民甲乙丙丁戊围在…" read
    as 甲乙丙): the names of the run's one split, each with the title; a name misread across the run goes where it is written once."""
    s = t.s
    for name, titles in list(found.titles.items()):
        if not titles or not GLUED_ITEM_RE.fullmatch(name):
            continue
        at = s.find(name)
        run: list[str] = []
        while at >= 0 and not run:
            run = _glued_run(t, at, name, lex)
            at = at if run else s.find(name, at + 1)
        if not run or not titles_before(t, at, lex, found.titles):
            continue
        end = at + sum(map(len, run))
        for other in [n for n in found.titles if n not in run and n in s[at:end] and s.count(n) == 1]:
            del found.titles[other]   # the run misread ("甲乙丙丁戊" as 甲乙丙 or 丁戊己庚辛): written nowhere else
            found.rule.pop(other, None)
        for item in run:
            found.add(item, titles, "title")


# Names a glued list may hold: Han names of two or three characters (a dotted or a longer name is no item).
GLUED_ITEM_RE = re.compile(f"[{HAN_FIRST}-{HAN_LAST}]{{2,3}}")


def glued_list_titles(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 11: found names written back to back after a title share it: "县领导甲乙丙出席" is a list whose
    spaces the cleaner removed ("县领导 甲 乙 丙"), as "县领导甲、乙、丙" gives each the title. A titled name that runs
    on into such names, which no rule read, is split first (_split_glued_runs)."""
    _split_glued_runs(t, lex, found)
    names = [n for n in found.titles if GLUED_ITEM_RE.fullmatch(n)]
    if len(names) < 2:
        return
    s = t.s
    at_start: dict[int, str] = {}   # where a name starts a word -> the longest name written there
    for name in names:
        at = s.find(name)
        while at >= 0:
            if at in t.starts and len(name) > len(at_start.get(at, "")):
                at_start[at] = name
            at = s.find(name, at + 1)
    shared: dict[int, list[str]] = {}   # where a glued item starts -> the titles of its list
    for a in sorted(at_start):
        b = a + len(at_start[a])
        after = at_start.get(b)
        if after is None:
            continue
        titles = shared[a] if a in shared else titles_before(t, a, lex, found.titles)
        if titles:
            found.add(after, titles)
            shared[b] = titles


# A leaders' title behind 等 after a list of names: "甲、乙等县领导出席".
LEADERS_AFTER_LIST_RE = re.compile(f"等([{HAN_FIRST}-{HAN_LAST}]{{0,6}}领导)(?!的|小组)")


def leaders_after_a_list(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 12: "甲、乙等县领导出席": the leaders' title written behind 等 goes to every name of the list
    before it, when none of them has a title written before it there (adds no name)."""
    s = t.s
    if "领导" not in s:
        return
    longest_first = sorted(filter(None, found.titles), key=len, reverse=True)
    for m in LEADERS_AFTER_LIST_RE.finditer(s):
        title = t.raw[m.start(1):m.end(1)]
        if not _is_title(title, lex):
            continue
        names, end = [], m.start()
        while True:
            name = next((n for n in longest_first if s.endswith(n, 0, end)), None)
            if name is None or titles_before(t, end - len(name), lex, found.titles):
                names = [] if name is not None else names   # a titled name: the title behind 等 is a group's
                break
            names.append(name)
            end -= len(name)
            if end == 0 or s[end - 1] not in "、和":
                break
            end -= 1
        for name in names:
            found.add(name, [title])


# The post a found name is appointed or elected to, written after it: "任命甲为县教育局局长", "乙任项目负责人",
# "丙当选为村委会主任". The post runs to a clause's end, less a trailing 职务/一职.
APPOINTED_BEFORE_RE = re.compile("(?:任命|提名|选举|推选|增补|补选|聘任|聘请|推荐)$")
# A notice's list of appointments after the verb and a colon: "决定任命：甲为县教育局局长；乙为县卫生健康局局长。"
# Each item opens a clause of the sentence the verb opened.
APPOINTING_LIST_RE = re.compile("(?:任命|提名|选举|推选|增补|补选|聘任|聘请|推荐)[：:]")
APPOINTING_LIST_REACH = 400
ITEM_OPENERS = frozenset("：:；;\n")
APPOINTED_AFTER_RE = re.compile(f"(?:同志)?(?:为|(?:担任|出任|兼任|升任|调任|继任|当选为|当选|任))"
                                f"([{HAN_FIRST}-{HAN_LAST}（）()、]{{2,30}}?)(?:职务|一职)?(?=[，。；;,！？\\n]|$)")
# The count of a group named by its first member, between the name and 为 ("选举甲等29人为常务委员"): the first
# member holds the post the group is elected to.
COUNTED_GROUP_RE = re.compile("等(?:[0-9]{1,3}|[一二两三四五六七八九十百]{1,4})(?:人|名|位)(?=为)")
APPOINTED_CUES = ("任", "选", "聘", "提名", "推荐", "增补", "免去")   # one of each verb above and 免去 (增补 holds none of the others)
# The posts a name is removed from, after 免去 before it: "免去甲的县审计局局长职务", "免去乙同志县财政局局长、党组书记职务".
REMOVED_FROM_RE = re.compile(f"(?:同志)?的?([{HAN_FIRST}-{HAN_LAST}（）()、]{{2,40}}?)(?:等)?职务")
POST_LEAD_RE = re.compile("^(?:了|这次|此次|本次|本届|这届|新一届)")
# A note after the post, kept out of it ("任县交通运输局副局长（试用期一年）", "任副县长（挂职）").
TITLE_ASIDE_END_RE = re.compile("[（(][^（()）]{1,8}[)）]$")
# A note on the person between the name and the post ("任命甲（女，彝族）为县教育局局长").
NAME_ASIDE_RE = re.compile("[（(][^（()）\n]{1,12}[)）]")
# An appointment of its own inside a piece ("…主席、乙任副主席"): 任 not as a word's second character (主任, 责任).
ANOTHER_POST_RE = re.compile("(?<![主责信专兼继升调出担])任|当选")


# An election's or an appointment's chain with no colon: "选举甲为县政协主席，乙、丙为副主席，丁为秘书长": each
# clause after the verb's first names who and 为 what, up to the name.
APPOINTING_CHAIN_RE = re.compile("(?:任命|选举|推选|增补|补选)(?:[^，,。；;：:\n]{1,40}?为[^，,。；;：:\n]{2,30}[，,；;])+$")
CHAIN_OPENERS = frozenset("，,；;")


def _appointing_list_item(s: str, at: int) -> bool:
    """The name at `at` opens an item of a notice's list of appointments ("任命：甲为…；乙为…"): it opens a
    clause, and an appointing verb with its colon stands before it in the same sentence, or the verb's chain of
    "甲为…，" clauses runs up to it."""
    if at == 0 or s[at - 1] not in ITEM_OPENERS and s[at - 1] not in CHAIN_OPENERS:
        return False
    lo = max(0, at - APPOINTING_LIST_REACH)
    if s[at - 1] in CHAIN_OPENERS and APPOINTING_CHAIN_RE.search(s, lo, at):
        return True
    cue = last_match(APPOINTING_LIST_RE, s, lo, at)
    return cue is not None and "。" not in s[cue.end():at]


# Posts shared out in order among a list of names: "甲、乙分别任组长、副组长".
DISTRIBUTED_RE = re.compile(f"分别(?:担任|出任|当选为|当选|任|为)([{HAN_FIRST}-{HAN_LAST}、]{{2,40}}?)(?:职务|一职)?"
                            f"(?=[，。；;,！？\\n]|$)")


def _distributed_posts(t: Text, lex: Lexicon, found: Found) -> None:
    """Each name of a 、-list before 分别任 takes the post in its place in the list after it."""
    s = t.s
    for m in DISTRIBUTED_RE.finditer(s):
        names, end = [], m.start()
        while True:
            name = max((n for n in found.titles if n and s.endswith(n, 0, end)), key=len, default=None)
            if name is None:
                break
            names.insert(0, name)
            end -= len(name)
            if end < 1 or s[end - 1] != "、":
                break
            end -= 1
        posts = m.group(1).split("、")
        if len(names) >= 2 and len(posts) == len(names) and all(_is_title(p, lex) for p in posts):
            for name, post in zip(names, posts):
                found.add(name, [post])


def _names_listed_before(s: str, end: int, found: Found) -> list[str]:
    """The found names of a 、-list that ends with the 、 before `end` ("甲、乙、" before 丙), nearest first."""
    names = []
    while end >= 1 and s[end - 1] == "、":
        name = max((n for n in found.titles if n and s.endswith(n, 0, end - 1)), key=len, default=None)
        if name is None:
            break
        names.append(name)
        end -= 1 + len(name)
    return names


def appointed_titles(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 13: the post a found name is appointed or elected to ("任命甲为县教育局局长", "乙任项目负责人",
    "丙当选为村委会主任"), or removed from ("免去丁的县审计局局长职务": written beside the name as a post held until
    then): a title written beside the name, after it (adds no name). The names of a 、-list right before the verb
    share the post ("戊、己当选为县人大常委会副主任"), unless the verb is 为 alone."""
    s = t.s
    if not any(cue in s for cue in APPOINTED_CUES):
        return
    if "分别" in s:
        _distributed_posts(t, lex, found)
    for name in [n for n in found.titles if n]:
        at = s.find(name)
        while at >= 0:
            after = at + len(name)
            aside = NAME_ASIDE_RE.match(s, after) if s.startswith(("（", "("), after) else None
            start = aside.end() if aside else after
            if s.startswith("等", start):
                crowd = COUNTED_GROUP_RE.match(s, start)   # "选举甲等29人为常务委员"
                start = crowd.end() if crowd else start
            if s.endswith("免去", 0, at) and (removed := REMOVED_FROM_RE.match(s, after)) is not None:
                posts = [TITLE_ASIDE_END_RE.sub("", p) for p in t.raw[removed.start(1):removed.end(1)].split("、")]
                found.add(name, [p for p in posts if _is_title(p, lex)])
                at = s.find(name, after)
                continue
            m = APPOINTED_AFTER_RE.match(s, start)
            alone = m is not None and s.startswith(("为", "同志为"), m.start())
            # 为 alone needs an appointing verb before the name, or before the 、-list it ends ("任命甲为…",
            # "…，乙、丙为副主席"): "甲为…" is mostly a preposition
            listed = _names_listed_before(s, at, found) if m and alone and s[at - 1:at] == "、" else []
            head = at - sum(len(n) + 1 for n in listed)
            governed = alone and (APPOINTED_BEFORE_RE.search(s, max(0, head - 4), head) is not None
                                  or _appointing_list_item(s, head))
            if m and (not alone or governed):
                # "任县委常委、组织部部长": each post of the chain; a piece holding 的 or a name is a clause
                # ("出任委员会主席、乙任副主席"), and "担任了…", "担任这次…" keep the post after those words
                posts = (TITLE_ASIDE_END_RE.sub("", POST_LEAD_RE.sub("", p)) for p in t.raw[m.start(1):m.end(1)].split("、"))
                posts = [p for p in posts if _is_title(p, lex) and "的" not in p and not ANOTHER_POST_RE.search(p)
                         and not any(n in p for n in found.titles if n)]
                found.add(name, posts)
                if posts and s[at - 1:at] == "、" and (not alone or governed):
                    for other in listed or _names_listed_before(s, at, found):
                        found.add(other, posts)
            at = s.find(name, at + len(name))
