"""Every word list of tasks/data/ the extractors read, loaded and compiled once, in one place.

Files are read through tasks/lexicon.py (``words``, ``sections``); lists become matchers here: sets for
lookups, and regexes that match the longest word at a position (tries written as regexes: ``trie_regex``,
``word_regex``).
The people rules' lists live in `Lexicon` (``lexicon()``) and the people_words.txt sections below; the
places, organisations and slogans lists are module constants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tasks.config import DATA_DIR
from tasks.extract.chars import HAN
from tasks.lexicon import section_words, sections, trie_regex, words


def _section_words(name: str) -> tuple[str, ...]:
    """A [section] of tasks/data/people_words.txt as a tuple of words."""
    return section_words("people_words.txt", name)


def _section_chars(name: str) -> frozenset[str]:
    """A [section] of tasks/data/people_words.txt listing characters run together."""
    return frozenset("".join(_section_words(name)))


# Characters that almost never stand inside a Chinese given name (function words, measure words,
# administrative units, title heads): they stop "吴九主持" from becoming "吴九主" and "王科长" a name.
NOT_GIVEN = _section_chars("not_given")


# The two-character parts of Tibetan given names: two back to back after a title make one name (次仁旺堆).
TIBETAN_PARTS = frozenset(_section_words("tibetan_parts"))

# What the word after 向 or 应 opens with, or is, when it is no given name ("县长向上级汇报", "向获奖代表颁奖").
LEAD_DIRECTIONS = _section_chars("lead_directions")
LEAD_NOT_NAMES = frozenset(_section_words("lead_not_names"))
# A leader's verbs of speaking: after such a word, named again opening a sentence, it is a given name ("…。向红兵要求").
LEADER_SPEECH_VERBS = tuple(_section_words("leader_speech_verbs"))
# What a leader does that nobody does to whom a leader turns: after 向 and a noun, a given name ("副县长向世兵陪同调研").
LEAD_NAME_ROLES = tuple(_section_words("lead_name_roles"))
# Japanese family names of two or three characters (names_japanese.txt), and their first characters.
JAPANESE_SURNAMES = frozenset(words("names_japanese.txt"))
JAPANESE_HEADS = frozenset(n[0] for n in JAPANESE_SURNAMES)
# Surnames jieba reads as function words, and those of them that join two parties as often.
SURNAME_LEADS = _section_chars("surname_leads")
JOINING_LEADS = _section_chars("joining_leads")
# Of those and the other lead surnames, the ones that open a list of members glued to the noun before it (男队由…组成).
LIST_LEADS = _section_chars("list_leads")
# Words holding 由 that are not the preposition naming an agent (由于, 理由).
BY_WORDS = frozenset(_section_words("by_words"))

# What closes an Amdo woman's name of one Tibetan part (拉毛草).
TIBETAN_ENDS = _section_chars("tibetan_ends")
TIBETAN_ADVERB_ENDS = _section_chars("tibetan_adverb_ends")

# Yi clan names, each before a two-character given name (阿苏拉则), and the parts of Mongolian names (乌兰图雅).
YI_CLANS = frozenset(_section_words("yi_clans"))
YI_GIVEN_OK = _section_chars("yi_given_ok")
# Two-character words that open with a YI_GIVEN_OK character but are a time or adverb (日前, 日常): no given name.
YI_GIVEN_NOT = frozenset(_section_words("yi_given_not"))
MONGOLIAN_PARTS = frozenset(_section_words("mongolian_parts"))
UYGHUR_PARTS = frozenset(_section_words("uyghur_parts"))
# Surnames read only right after a title (纳, 妥: 纳入, 妥善 elsewhere).
TITLED_SURNAMES = _section_chars("titled_surnames")
# What a Dai man's name opens with: after a title, such a name stands where jieba reads a common word (岩块/n).
DAI_HEADS = _section_chars("dai_heads")
# Verbs after a name that ends in 和 (彭德和主持会议), when no 的 follows them in the clause (甲和出席会议的代表).
HE_NAME_VERBS = _section_words("he_name_verbs")
# Verbs attributing a quotation to the name after its closing quote (“…”甲说).
QUOTE_VERBS = _section_words("quote_verbs")
# The characters a Tibetan, Yi, Mongolian or Uyghur name can open with: a cheap test before reading one.
MINORITY_HEADS = frozenset(part[0] for part in TIBETAN_PARTS | YI_CLANS | MONGOLIAN_PARTS | UYGHUR_PARTS)

# Times and ages ending in 年 (people_words.txt [year_words]): a titled name may end in 年, but not in these.
YEAR_WORDS = frozenset(_section_words("year_words"))
# Given names holding a not_given character that jieba reads as words (people_words.txt [given_words]): 大为, 有为.
GIVEN_WORDS = frozenset(_section_words("given_words"))


# Endings of places that never end a person's name (嘎查, 社区).
PLACE_ENDS_NO_NAME = _section_words("place_ends")


# Reporters and photographers belong to bylines (the article splitter's business), not to subjects.
BYLINE_BEFORE = _section_words("byline_before")


BYLINE_AFTER = _section_words("byline_after")
# A leading group's posts before a colon over a roster's line ("组长：县长甲"; people_words.txt [roster_posts]).
ROSTER_POSTS = _section_words("roster_posts")


# Verbs that make a bare clause-opening word a person (rule 4) and that back jieba's nr tag (rule 5).
SUBJECT_VERBS = _section_words("subject_verbs")
# What an ending that is an adverb as often (太) may close a Tibetan name before: a leader's words, a subject's verbs
# of more than one character ("市委书记才让太调研…"), not the adjectives the adverb goes with ("才让太高兴了").
ADVERB_END_FOLLOWERS = tuple(w for w in SUBJECT_VERBS if len(w) > 1) + LEADER_SPEECH_VERBS + LEAD_NAME_ROLES


def _by_head(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first character, so a position is tested only against the words it can start."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


VERBS_BY_HEAD = _by_head(SUBJECT_VERBS)


# Words right before a bare name that mark a person ("据孙七介绍", "由孙七主持", "图为周八").
PERSON_BEFORE = _section_words("person_before")


# Nouns a place's first character is split off before (people_words.txt [place_after_one_char]: 润/v 城镇/ns).
PLACE_AFTER_ONE_CHAR = frozenset(_section_words("place_after_one_char"))


# Adverb-like words that jieba tags d but that belong to a title ("特别协调员", "常务副区长", "首席代表").
TITLE_INNER = frozenset(_section_words("title_inner"))


HONORIFICS = frozenset(_section_words("honorifics"))


# Forms of address that follow a bare surname ("王先生", "李指导", "张老师"): not given names.
ADDRESS_FORMS = HONORIFICS | frozenset(_section_words("address_forms"))


# Characters of NOT_GIVEN that do occur in given names once jieba reads the whole word as a person:
# in the middle ("周在甲", "钱人乙", "孙向丙") or, for 年, at the end ("赵万年"). Elsewhere they end a name
# wrongly ("钱乙在", "段时间", "清水桥", "安平县").
GIVEN_MIDDLE_OK = _section_chars("given_middle_ok")


LIST_OPENERS = _section_words("list_openers")


# Function words that no item of a list of names contains (given names may hold 庄, 年, 向, 堂…).
LIST_FUNCTION = _section_chars("list_function")


# Words after a person that end like a place suffix but say whose home it is ("钱乙家乡", "他的故乡").
HOME_WORDS = _section_words("home_words")
# Titles after which "甲家" is 甲's home (贫困户甲家), not a name ending in 家.
HOME_TITLES = frozenset(_section_words("home_titles"))
DESCRIBED_RE = re.compile(trie_regex(_section_words("described")))
CROWD_TITLES = frozenset(_section_words("crowd_titles"))
KIN_AFTER_COUNT = _section_words("kin_after_count")
# ... and the home that ends a dotted name ("叶尔兰·努尔兰家的新房")
DOTTED_HOME = _section_words("dotted_home")
# ... and the one-character verb of saying jieba glues to a dotted name's last character ("依明说": 明说/v)
GLUED_SAID = frozenset(_section_words("glued_said"))


NOT_LAST = _section_chars("not_last")


# Words after a firm's or a brand's name ("…电器公司", "…牌羽绒服"): the word before them is no person.
# Business categories are listed too, as they come between a brand and 公司 ("…体育用品公司").
ORG_AFTER = _section_words("org_after")
# Words after a name that make it a venue's, a school's, an event's or a product's ("孔子学院", "张飞牛肉").
VENUE_AFTER = _section_words("venue_after")
# A list's close after 等 that makes its items firms or brands ("…、周黑鸭等企业"), unless people of them follow.
ORG_LIST_END_RE = re.compile("等(?:{})(?!{})".format(
    "|".join(sorted(_section_words("org_list_ends"), key=len, reverse=True)),
    "|".join(sorted(_section_words("org_list_people"), key=len, reverse=True))))


def _listed(name: str) -> list[str]:
    return list(words(name))


# What a meeting heard or relayed, listed with 和/及/与 before the next one's giver and titles ("…的汇报和县农业
# 农村局局长乙…", "…全会精神和市委书记丙…"): the title starts after the joiner.
REPORTS_LISTED = section_words("titles_relayed.txt", "relayed")
# Verbs of relaying before a speaker's title, as written ("传达学习市委书记甲…"): jieba cuts them in two.
RELAY_VERB_RE = re.compile(trie_regex(section_words("titles_relayed.txt", "relay_verbs")))
RELAY_SUBJECTS = section_words("titles_relayed.txt", "relay_subjects")
# What stands before the verb where the meeting relays: the meeting and adverbs ("…常务会议认真传达学习"), or adverbs
# alone from the clause's start ("，集中传达学习…")
_RELAY_ADVERBS = f"(?:{'|'.join(section_words('titles_relayed.txt', 'relay_adverbs'))})*"
RELAY_BY_MEETING_RE = re.compile(f"(?:{'|'.join(RELAY_SUBJECTS)}){_RELAY_ADVERBS}$")
RELAY_ADVERBS_RE = re.compile(_RELAY_ADVERBS)


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
    name_chars: frozenset[str] = frozenset()   # translit | surnames | names_dotted.txt: a dotted name's characters
    # Where a title word may start (see _start_filter): searched for before title_re is tried, as that
    # regex costs much more per position it is tried at. (after_re is matched at too few places to gain.)
    title_starts: re.Pattern[str] | None = None
    # The two characters every title word opens with (see _start_pairs): a set lookup at a filter's match
    # before title_re is tried there.
    title_pairs: frozenset[str] | None = None
    # Offsets inside a title word where a longer title word may start ("总指挥" at 1: "指挥长").
    title_inner: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, hash=False)
    shaped: dict[str, bool] = field(default_factory=dict, compare=False, hash=False)   # surname_shaped memo


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    surnames = _listed("names_surnames.txt")
    suffixes = _listed("titles_suffix.txt")
    after = _listed("titles_after.txt")
    followers = _listed("people_followers.txt")
    formulas = [line.strip() for line in (DATA_DIR / "people_fixed.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    fixed = tuple(re.compile(line.replace("NAME", f"(?P<name>[{HAN}]{{2,4}}?)")) for line in formulas)
    surname_chars = frozenset(ch for w in surnames if len(w) != 2 for ch in w)
    translit = frozenset("".join(_listed("names_translit.txt")))
    dotted = frozenset("".join(_listed("names_dotted.txt")))
    return Lexicon(
        surnames=surname_chars,
        compound=frozenset(w for w in surnames if len(w) == 2),
        translit=translit,
        stop=frozenset(_listed("people_stop.txt")), after_titles=frozenset(after) - HONORIFICS,
        title_re=re.compile(trie_regex(suffixes)),
        after_re=re.compile(trie_regex(after)), follow_re=re.compile(trie_regex(followers)),
        lead=frozenset(_listed("titles_lead.txt")), weak=frozenset(_listed("titles_weak.txt")), fixed=fixed,
        fixed_anchors=tuple(map(_formula_anchor, formulas)),
        places=frozenset(_listed("people_places.txt")) | frozenset(PLACE_LEXICON),
        titles=frozenset(suffixes), afters=frozenset(after), followers=frozenset(followers),
        title_heads=_heads(suffixes), after_heads=_heads(after), follow_heads=_heads(followers),
        name_chars=translit | surname_chars | dotted, title_inner=_inner_starts(suffixes),
        title_starts=_start_filter(suffixes), title_pairs=_start_pairs(suffixes))


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


def _start_pairs(words: list[str]) -> frozenset[str] | None:
    """The first two characters of every word (None for a list holding one-character words). Of the title
    words' _start_filter positions in the bench corpus, 35,094 over two copies, 12,960 start one of these
    293 pairs and 5,476 a word: the lookup spares title_re's match at the rest (word_matches over them 39 -> 24 ms)."""
    if min(map(len, words)) < 2:
        return None
    return frozenset(w[:2] for w in words)


def word_matches(rx: re.Pattern[str], starts: re.Pattern[str], s: str, pairs: frozenset[str] | None = None):
    """rx.finditer(s) for a regex of a word list (no empty match) and its _start_filter (and _start_pairs):
    rx is tried only where the filter matches (and a pair starts), from left to right, and not inside the
    last match (as finditer goes on from its end). Every position finditer would match at passes the
    filter, so the matches are the same."""
    match, done = rx.match, 0
    for c in starts.finditer(s):
        i = c.start()
        if i >= done and (pairs is None or s[i:i + 2] in pairs) and (m := match(s, i)) is not None:
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


@lru_cache(maxsize=None)
def title_split_re() -> re.Pattern[str]:
    """A body's last word (titles_split.txt [bodies])."""
    return re.compile(f"(?:{trie_regex(_split_words('bodies'))})")


def _split_words(section: str) -> tuple[str, ...]:
    return section_words("titles_split.txt", section)


@lru_cache(maxsize=None)
def government_body_re() -> re.Pattern[str]:
    """A party or government body or a level of government in a title (titles_split.txt [government]); 市 is
    one too, but not in 市场 (a company's market department)."""
    return re.compile(f"(?:{trie_regex(_split_words('government'))})|市(?!场)")


@lru_cache(maxsize=None)
def government_post_re() -> re.Pattern[str]:
    """A government post ending a title (titles_split.txt [government_posts])."""
    return re.compile(f"(?:{trie_regex(_split_words('government_posts'))})$")


@lru_cache(maxsize=None)
def business_posts() -> frozenset[str]:
    """Posts a title is split before with no body word in it (titles_split.txt [business_posts])."""
    return frozenset(_split_words("business_posts"))


@lru_cache(maxsize=None)
def post_re() -> re.Pattern[str]:
    """A post alone, to fullmatch: a title word (titles_suffix.txt) after what may open a post, openers and a
    field in either order ("高级行业分析师", "财务副总监", "金融学教授")."""
    openers = trie_regex(_split_words("post_openers"))
    fields = f"(?:{trie_regex(_split_words('post_fields'))}|[{HAN}]{{1,3}}学)"
    return re.compile(f"(?:{openers})?(?:{fields})?(?:{openers})?(?:{trie_regex(_listed('titles_suffix.txt'))})")


def read_rules(name: str) -> dict[str, list[list[str]]]:
    """Rows of whitespace-separated fields per '[section]' ('' before the first); '#' starts a comment."""
    return {"": [], **sections(name)}


def _row_words(rows: list[list[str]]) -> frozenset[str]:
    return frozenset(w for row in rows for w in row)


def _followers(rows: list[list[str]]) -> frozenset[str]:
    """'市 场 民' rows -> {'市场', '市民'}: a suffix and the character that makes it another word."""
    return frozenset(row[0] + nxt for row in rows for nxt in row[1:])


def word_regex(words) -> re.Pattern[str]:
    """The words as one compiled regex matching the longest word at a position (a trie: 高新区 wins over
    新区 and 新区 over 区)."""
    return re.compile(trie_regex(words))


@dataclass(frozen=True, slots=True)
class PlaceSuffix:
    kind: str
    limit: int       # longest name part
    proper: bool     # the name part must hold a proper-name word


@dataclass(frozen=True, slots=True)
class OrgSuffix:
    kind: str
    mode: str        # anchored | lexical | named | standalone
    part: bool       # may name a unit of the body just before it
    bare_kind: str   # kind when only an anchor stands before it


def _endings_by_suffix(endings: frozenset[str], suffixes) -> dict[str, tuple[str, ...]]:
    """For each suffix, the generic words that end with it and are longer (城区 for 区, 干部 for 部)."""
    return {x: tuple(g for g in endings if g.endswith(x) and len(g) > len(x)) for x in suffixes}


_PLACE_GENERIC = read_rules("places_generic.txt")


PLACE_SUFFIXES: dict[str, PlaceSuffix] = {
    r[0]: PlaceSuffix(r[1], int(r[2]), r[3] == "yes") for r in read_rules("places_suffixes.txt")[""]}


PLACE_SUFFIX_RE = word_regex(PLACE_SUFFIXES)


PLACE_ENDINGS = _endings_by_suffix(_row_words(_PLACE_GENERIC["ending"]), PLACE_SUFFIXES)


PLACE_NAME_ENDINGS = _endings_by_suffix(_row_words(_PLACE_GENERIC["ending_unless_name"]), PLACE_SUFFIXES)


PLACE_FOLLOWERS = _followers(_PLACE_GENERIC["following"])


_PLACE_MODIFIERS = read_rules("places_modifiers.txt")


PLACE_DEICTICS = _row_words(_PLACE_MODIFIERS["deictic"])


PLACE_QUALIFIER_RE = word_regex(_row_words(_PLACE_MODIFIERS["qualifier"]))


QUALIFIER_HEADS = frozenset(w[0] for w in _row_words(_PLACE_MODIFIERS["qualifier"]))


PLACE_FUNCTION_CHARS = _row_words(_PLACE_MODIFIERS["function"])


PLACE_BEFORE_SUFFIX_STOP = _row_words(_PLACE_MODIFIERS["before_suffix"])


PLACE_LEXICON: dict[str, str] = {r[0]: r[1] for r in read_rules("places_lexicon.txt")[""]}


_ORG_GENERIC = read_rules("orgs_generic.txt")


ORG_SUFFIXES: dict[str, OrgSuffix] = {
    r[0]: OrgSuffix(r[1], r[2], r[3] == "part", r[4] if len(r) > 4 else r[1])
    for r in read_rules("orgs_suffixes.txt")[""]}


ORG_SUFFIX_RE = word_regex(ORG_SUFFIXES)


ORG_SUFFIX_END_RE = re.compile(f"(?:{ORG_SUFFIX_RE.pattern})$")


ORG_ENDINGS = _endings_by_suffix(_row_words(_ORG_GENERIC["ending"]), ORG_SUFFIXES)


ORG_FOLLOWERS = _followers(_ORG_GENERIC["following"])


ORG_STOP_WORDS = _row_words(_ORG_GENERIC["stop"])


ORG_GENERIC_NAMES = _row_words(_ORG_GENERIC["generic_name"])


ORG_NATIONAL: dict[str, str] = {r[0]: r[1] for r in read_rules("orgs_national.txt")[""]}


ORG_NATIONAL_RE = word_regex(ORG_NATIONAL)


_SLOGAN_CUES = read_rules("slogans_cues.txt")


SLOGAN_HEADS = re.compile(f"(?:的|为)?(?:{word_regex(_row_words(_SLOGAN_CUES['after'])).pattern})")


SLOGAN_VERBS = re.compile(f"(?:{word_regex(_row_words(_SLOGAN_CUES['before'])).pattern})$")


SLOGAN_SPEECH = word_regex(_row_words(_SLOGAN_CUES["speech"]))


SLOGAN_TITLE_AFTER = word_regex(_row_words(_SLOGAN_CUES["title"]))


SLOGAN_TITLE_BEFORE = re.compile(f"(?:{SLOGAN_TITLE_AFTER.pattern})$")


# Speech or a title after the closing mark: one match for both.
SLOGAN_NOT_AFTER = re.compile(f"{SLOGAN_SPEECH.pattern}|{SLOGAN_TITLE_AFTER.pattern}")


SLOGAN_NAME_ENDS = tuple(_row_words(_SLOGAN_CUES["name_end"]))
