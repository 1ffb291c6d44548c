"""People and the titles written beside them (filled by the extraction work; interface fixed here).

How a name is found, strongest evidence first (the rules' word lists live in tasks/data/):

1. A title right before it: ``区委副书记、区长、指挥部执行指挥长赵六`` gives 赵六 three titles, and a
   title before a list (``县领导吴九、周八、孙七等出席``) goes to every name of the list. The title is the
   run of text before the name back to punctuation or to a lead word (titles_lead.txt); it must end with a
   title word (titles_suffix.txt).
2. A title or honorific right after it: ``郑十总书记``, ``钱乙总理``, ``刘丙同志`` (titles_after.txt).
3. Lists of bare names: ``在主席台就座的还有：钱乙、孙七…``, ``刘一、欧阳甲和陈二出席会议``.
4. A bare name opening a clause before a verb of meeting reports: ``钱乙主持会议``, ``孙七作总结讲话``.
5. jieba's person tag (``nr``) inside a sentence, next to a speech verb or a preposition of persons.

Where a name ends is decided by what follows it (people_followers.txt, punctuation, a title) and by
jieba's token boundaries: ``吴九主持`` is 吴九, ``周八主持`` is 周八. Names inside fixed formulas
(people_fixed.txt, ``以郑十同志为核心的党中央``) are blanked out before the rules run. Bylines (记者 X 摄)
belong to the article splitter and are skipped here.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from tasks.config import DATA_DIR
from tasks.records import ArticleContext, PersonMention
from tasks.segment import engine

log = logging.getLogger(__name__)

HAN = "\u4e00-\u9fff"
HAN_RE = re.compile(f"[{HAN}]")
DOTS = "·•・"
# Characters that end a name or a title run: punctuation (full-width and ASCII), spaces, digits, Latin.
DELIM_SET = frozenset("，,、；;。.！!？?：:（）()“”\"‘’'「」『』《》〈〉【】[]／/—…\n\r\t 　-~～%％")
DELIM_SET |= frozenset("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A name joined by middle dots (多吉·次仁, 阿里·本·哈桑).
DOT_NAME_RE = re.compile(f"[{HAN}]{{1,8}}(?:[{DOTS}][{HAN}]{{1,8}})+")
DOTS_RE = re.compile(f"[{DOTS}]")
# Characters that almost never stand inside a Chinese given name (function words, measure words,
# administrative units, title heads): they stop "吴九主持" from becoming "吴九主" and "王科长" a name.
NOT_GIVEN = frozenset("的了着过得地是在与及或等并也都就而被把对从向于以为副所这那此各每某该本我你他她它们个年月日时分秒"
                      "省市县区镇乡村街号室局处科部委厅院队组团站员者吗呢吧啊呀说称讲"
                      "人牌族鱼馆堂桥港堡湾庄寨屯店铺场厂园寺庙殿塔坝渠州")
# Punctuation after which a clause (and possibly a bare name as its subject) begins.
CLAUSE_OPEN = frozenset("。；;！!？?：:\n，,")
LIST_JOIN = ("以及", "、", "和", "与", "及")
# A short parenthesis after a name: a photo position or the name in Latin letters ("（左）", "（Andrey Kovatchev）").
ASIDE_RE = re.compile(r"[（(][^（()）\n]{1,24}[)）]")
# Reporters and photographers belong to bylines (the article splitter's business), not to subjects.
BYLINE_BEFORE = ("记者", "通讯员", "摄影", "编辑", "撰稿", "作者", "摄")
BYLINE_AFTER_RE = re.compile(r"[ 　]*(?:摄影|摄|报道|报导|翻摄|采写|整理)(?![\u4e00-\u9fff]{0,1}[的了])")
# Verbs that make a bare clause-opening word a person (rule 4) and that back jieba's nr tag (rule 5).
SUBJECT_VERBS = ("主持", "出席", "参加", "列席", "讲话", "发表", "作", "做", "致辞", "指出", "强调", "表示", "说",
                 "要求", "认为", "介绍", "宣布", "率", "带领", "来到", "前往", "走进", "察看", "听取", "会见", "看望",
                 "考察", "调研", "视察", "检查", "督导", "代表", "在", "也", "还", "等", "一行", "同志", "先生",
                 "女士", "兼任", "担任", "当选", "回答", "告诉", "透露", "称", "坦言", "希望", "呼吁", "批评",
                 "质疑", "提出", "宣读", "主讲", "报告", "汇报", "发言", "曾", "已", "将", "获", "荣获", "被",
                 "出任", "一同", "陪同", "分别", "先后", "亲自", "今天", "昨天", "日前", "近日", "当天", "上午",
                 "下午", "晚上", "昨", "今", "访问", "会晤", "会谈", "签署", "致信", "致电", "逝世", "去世")
# Words right before a bare name that mark a person ("据孙七介绍", "由孙七主持", "图为周八").
PERSON_BEFORE = ("据", "由", "图为", "与", "同", "向", "请", "邀请", "会见", "会晤", "接见", "看望", "陪同", "感谢",
                 "委托", "祝贺", "悼念", "纪念", "采访", "告诉", "问")
NR_TAGS = frozenset({"nr", "nrfg", "nrt"})
# jieba's tags for ordinary words: a candidate that jieba reads as one such word is not a name.
COMMON_POS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "m", "q", "t", "f", "s", "c", "p", "r", "l",
                        "i", "j", "b", "z", "u", "uj", "nt"})
MAX_TITLE = 40
# jieba's tags of words that never belong to a title (prepositions, adverbs, pronouns, particles, time):
# "依去年全国人大委员长" -> 全国人大委员长, "来自本市的渔业工会秘书长" -> 渔业工会秘书长.
LEAD_POS = frozenset({"p", "d", "r", "t", "u", "ul", "uj", "uz", "ud", "ug", "uv", "y", "e", "o"})


def _words(name: str) -> list[str]:
    """Entries of a data file: whitespace-separated, '#' starts a comment."""
    out: list[str] = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        out.extend(line.split("#", 1)[0].split())
    return out


def _alternation(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


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


HONORIFICS = frozenset({"同志", "先生", "女士", "小姐", "夫人", "老人"})
# Forms of address that follow a bare surname ("孙先生", "彭指导", "胡老师"): not given names.
ADDRESS_FORMS = HONORIFICS | {"老师", "指导", "师傅", "大爷", "大妈", "大娘", "阿姨", "大姐", "大哥", "教练", "医生",
                              "总", "老", "某", "某某", "氏", "家", "姓"}


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    surnames = _words("names_surnames.txt")
    suffixes = _words("titles_suffix.txt")
    after = _words("titles_after.txt")
    fixed = tuple(re.compile(line.strip().replace("NAME", f"(?P<name>[{HAN}]{{2,4}}?)"))
                  for line in (DATA_DIR / "people_fixed.txt").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#"))
    return Lexicon(
        surnames=frozenset(ch for w in surnames if len(w) != 2 for ch in w),
        compound=frozenset(w for w in surnames if len(w) == 2),
        translit=frozenset("".join(_words("names_translit.txt"))),
        stop=frozenset(_words("people_stop.txt")), after_titles=frozenset(after) - HONORIFICS,
        title_re=re.compile(_alternation(suffixes)),
        after_re=re.compile(_alternation(after)), follow_re=re.compile(_alternation(_words("people_followers.txt"))),
        lead=frozenset(_words("titles_lead.txt")), weak=frozenset(_words("titles_weak.txt")), fixed=fixed)


@dataclass
class Found:
    """Names in order of discovery with their titles; `rule` says which rule found each (for debugging)."""
    titles: dict[str, list[str]] = field(default_factory=dict)
    rule: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, titles: list[str] | tuple[str, ...] = (), rule: str = "") -> None:
        have = self.titles.setdefault(name, [])
        self.rule.setdefault(name, rule)
        for t in titles:
            if t and t not in have:
                have.append(t)


@dataclass
class Text:
    """An article's text (fixed formulas blanked in `s`, untouched in `raw`) with jieba's tokens laid over it."""
    s: str
    raw: str
    starts: dict[int, tuple[str, str]]   # token start offset -> (token, part of speech)
    ends: set[int]

    @classmethod
    def of(cls, raw: str, s: str) -> "Text":
        # The article's one tagging pass, straight from the jieba-rs engine: tasks.segment.tag's clean-up
        # (dropping blanks, re-splitting ASCII runs) costs more than the tagging and changes no name.
        pairs = engine().tag(s)
        offsets = list(accumulate(map(len, map(itemgetter(0), pairs)), initial=0))
        if offsets[-1] == len(s):  # the tokens tile the text: offsets are running lengths
            return cls(s, raw, dict(zip(offsets, pairs)), set(offsets[1:]))
        starts: dict[int, tuple[str, str]] = {}
        ends: set[int] = set()
        pos = 0
        for tok, p in pairs:
            at = s.find(tok, pos)
            if at >= 0:
                starts[at] = (tok, p)
                pos = at + len(tok)
                ends.add(pos)
        return cls(s, raw, starts, ends)

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
        """jieba reads the whole candidate as one ordinary word (干部, 会议, 包干制), not a name."""
        tok, pos = self.token_at(i)
        return tok == name and pos in COMMON_POS


# ---------------------------------------------------------------------------------------------
# Whether a string can be a name, and where a name ends
# ---------------------------------------------------------------------------------------------

def _given_ok(given: str) -> bool:
    return bool(given) and all(HAN_RE.match(c) and c not in NOT_GIVEN for c in given)


def surname_shaped(name: str, lex: Lexicon) -> bool:
    """Surname first, then one or two plausible given-name characters (a compound surname allows four).
    A surname with a form of address (孙先生, 彭指导) names someone but is not a name."""
    if name in lex.stop or name[1:] in ADDRESS_FORMS or name[2:] in ADDRESS_FORMS and len(name) == 4:
        return False
    if name[:2] in lex.compound:
        return 3 <= len(name) <= 4 and _given_ok(name[2:])
    return name[0] in lex.surnames and 2 <= len(name) <= 3 and _given_ok(name[1:])


def _translit(name: str, lex: Lexicon) -> bool:
    return len(name) >= 2 and all(c in lex.translit for c in name)


def follow_rank(s: str, j: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """How well the text at j can follow a name: 3 punctuation/title/等, 2 a verb, 1 a conjunction, 0 not."""
    if j >= len(s) or s[j] in DELIM_SET or s[j] in DOTS:
        return 3
    if lex.after_re.match(s, j) or lex.title_re.match(s, j):
        return 3
    m = lex.follow_re.match(s, j)
    if m:
        word = m.group()
        return 3 if word in ("等", "等人", "一行") else 1 if word in ("和", "与", "同", "及", "跟", "的") else 2
    return 1 if any(s.startswith(k, j) for k in known) else 0


def dotted_name(t: Text, i: int, lex: Lexicon) -> str | None:
    """A foreign or minority name joined by middle dots at i (多吉·次仁, 汤姆·卡尔所说 -> 汤姆·卡尔).

    Every part is made of transliteration or surname characters; the last part ends where jieba ends a
    word, before anything else ("彼得·卡尔森圣马力诺" -> 彼得·卡尔森)."""
    m = DOT_NAME_RE.match(t.s, i)
    if not m:
        return None
    text = m.group()
    cut = max(text.rfind(d) for d in DOTS) + 1
    name_chars = lex.translit | lex.surnames
    head = DOTS_RE.split(text, maxsplit=1)[0]
    if len(head) > 4 and not all(c in name_chars for c in head):
        return None  # "苏丹总统奥马尔·…": the name starts later, after the title
    end = i + len(text)
    for k in range(cut + 1, len(text)):
        if lex.follow_re.match(t.s, i + k):
            text, end = text[:k], i + k  # "汤姆·卡尔一行", "汤姆·卡尔认为"
            break
    if len(text) - cut <= 6 and (end >= len(t.s) or t.s[end] in DELIM_SET or text != m.group()):
        return text  # the last part is closed by punctuation or a verb: all of it is the name
    run = cut
    while run < len(text) and text[run] in name_chars:
        run += 1
    k = run
    while k > cut and i + k not in t.ends and k < len(text):
        k -= 1
    k = k if k > cut else run
    return text[:k] if k > cut else None


def _shapes(s: str, i: int, lex: Lexicon, titled: bool) -> list[str]:
    """Strings at i shaped like a name: surname + 1-2 characters, or (after a title) a foreign name."""
    out = []
    if s[i:i + 2] in lex.compound:
        out += [s[i:i + 3], s[i:i + 4]]
    out += [s[i:i + 2], s[i:i + 3]]
    if titled:
        j = i
        while j < len(s) and j - i < 7 and s[j] in lex.translit:
            j += 1
        out += [s[i:k] for k in range(j, i + 1, -1)]
    return [n for n in dict.fromkeys(out) if len(n) >= 2 and all(HAN_RE.match(c) for c in n)
            and n[1:] not in HONORIFICS]


def name_at(t: Text, i: int, lex: Lexicon, known: dict[str, list[str]], *, titled: bool) -> str | None:
    """The name that starts at i, or None. `titled`: a title stands right before, so a name without a
    known surname (水明远) or a foreign one (卡尔森) is allowed when jieba or the shape supports it."""
    s = t.s
    if i >= len(s) or not HAN_RE.match(s[i]):
        return None
    for k in sorted((k for k in known if s.startswith(k, i)), key=len, reverse=True):
        return k
    first, first_pos = t.token_at(i)
    # A preposition or adverb starts here ("由教育部长", "都算"), unless jieba itself sees a name (何/r 卫东/nr).
    lead_start = first in lex.lead or first_pos in LEAD_POS or first_pos == "c"
    dotted = dotted_name(t, i, lex)
    if dotted and not (lead_start and s[i + len(first):i + len(first) + 1] not in DOTS):
        return dotted  # "和彼得·卡尔" is no name at 和, "本·卡尔" keeps 本
    best, best_key = None, (0,)
    for n in _shapes(s, i, lex, titled):
        if lead_start and not t.nr_covers(i, i + len(n)):
            continue
        key = _shape_key(t, i, n, lex, known, titled)
        if key > best_key:
            best, best_key = n, key
    return best


def _shape_key(t: Text, i: int, n: str, lex: Lexicon, known: dict[str, list[str]], titled: bool) -> tuple:
    """How good a name `n` at i is (compared as a tuple; (0,) means not a name): what follows it first,
    then jieba's agreement, then length."""
    first, first_pos = t.token_at(i)
    j = i + len(n)
    if len(first) > len(n) and first_pos not in NR_TAGS:
        return (0,)  # the name would end inside a word ("卫生局长")
    rank = follow_rank(t.s, j, lex, known)
    if rank == 0 or n in lex.stop or len(n) == 3 and lex.follow_re.fullmatch(n[1:]):
        return (0,)  # nothing a name can stand before; or "时强调", a surname-like character and a verb
    if rank < 3 and j not in t.ends and first_pos not in NR_TAGS:
        return (0,)  # jieba reads the last character with the next word ("申领场所" is not 申领场 + 所)
    plausible = surname_shaped(n, lex) or titled and (
        t.nr_exact(i, j) and len(n) == 3 and _given_ok(n) or _translit(n, lex) and (len(n) >= 3 or rank == 3))
    if not plausible:
        return (0,)
    return (rank, t.nr_exact(i, j), j in t.ends, t.nr_covers(i, j), len(n))


def _is_byline(s: str, i: int, name: str) -> bool:
    before = s[max(0, i - 5):i].rstrip(" 　")
    return before.endswith(BYLINE_BEFORE) or bool(BYLINE_AFTER_RE.match(s, i + len(name)))


# ---------------------------------------------------------------------------------------------
# Titles written before a name
# ---------------------------------------------------------------------------------------------

def _run_start(s: str, end: int) -> int:
    i = end
    while i > 0 and s[i - 1] not in DELIM_SET:
        i -= 1
    return i


def _cut_lead(t: Text, start: int, end: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """Where the title proper starts in s[start:end]: after the last lead word or known name in it."""
    cut = start
    for k in range(start, end):
        tok, pos = t.token_at(k)
        if tok and (tok in lex.lead or pos in LEAD_POS) and k + len(tok) < end:
            cut = max(cut, k + len(tok))
    for name in known:  # "总统卡尔森顾问安娜": the title of 安娜 starts after 卡尔森; "钱乙和南非外长马可"
        at = t.s.rfind(name, start, end)
        if at < 0 or at + len(name) >= end:
            continue
        after = at + len(name)
        join = next((w for w in LIST_JOIN if t.s.startswith(w, after)), "")
        if join or lex.title_re.match(t.s, after):
            cut = max(cut, after + len(join))
    return cut


def _is_title(text: str, lex: Lexicon) -> bool:
    if not text or len(text) > MAX_TITLE or text in lex.weak:
        return False
    last = None
    for last in lex.title_re.finditer(text):
        pass
    return last is not None and last.end() == len(text)


def _verb_before_weak(t: Text, start: int, end: int, lex: Lexicon) -> bool:
    """A weak title word after a verb ("要发挥领导智慧") is no title: 区领导 and 驻欧盟代表 have a noun there."""
    last = None
    for last in lex.title_re.finditer(t.s, start, end):
        pass
    if last is None or last.group() not in lex.weak or last.end() != end:
        return False
    k = last.start() - 1
    while k >= start and k not in t.starts:
        k -= 1
    return k >= start and t.token_at(k)[1] in ("v", "vn", "d", "ad", "p")


def titles_before(t: Text, name_start: int, lex: Lexicon, known: dict[str, list[str]]) -> list[str]:
    """The title chain written before a name: "区委副书记、区长、指挥部执行指挥长" -> three titles.

    Titles joined by 、 all belong to the name; one comma may join two such chains when the part before it
    is nothing but titles ("市委常委、新区党工委书记，新区…组长、指挥部指挥长赵六")."""
    s, chain = t.s, []
    end, comma_used = name_start, False
    while True:
        start = _run_start(s, end)
        cut = _cut_lead(t, start, end, lex, known)
        seg = t.raw[cut:end]
        if not _is_title(seg, lex) or _verb_before_weak(t, cut, end, lex):
            break
        chain.insert(0, seg)
        if cut > start or start < 2 or s[start - 1] not in "、，,":
            break
        if s[start - 1] != "、":
            before = _run_start(s, start - 1)
            if comma_used or (before > 0 and s[before - 1] not in CLAUSE_OPEN | {"、", " ", "　"}):
                break
            comma_used = True
        end = start - 1
    return chain


def _skip_aside(s: str, j: int) -> int:
    m = ASIDE_RE.match(s, j)
    return m.end() if m else j


def _list_after(t: Text, j: int, lex: Lexicon, known: dict[str, list[str]]) -> list[str]:
    """Further names of a list after a name ending at j: "、周八、孙七等", "和陈二"."""
    s, out = t.s, []
    while True:
        j = _skip_aside(s, j)
        sep = next((w for w in LIST_JOIN if s.startswith(w, j)), None)
        if sep is None:
            return out
        i = j + len(sep)
        item = _delimited_item(s, i, lex) if sep == "、" else None
        name = item or name_at(t, i, lex, known, titled=sep == "、")
        if name is None or name not in known and item is None and (
                t.common_word(i, name) or sep != "、" and not t.nr_covers(i, i + len(name))
                and not (surname_shaped(name, lex) and verb_after(t, i + len(name)))):
            return out
        out.append(name)
        j = i + len(name)


ITEM_RE = re.compile(f"[{HAN}]{{2,4}}(?=、)")


def _delimited_item(s: str, i: int, lex: Lexicon) -> str | None:
    """A list item closed by another 、: its whole text is the name (格桑次仁, 陈二)."""
    m = ITEM_RE.match(s, i)
    if m is None or m.group() in lex.stop or not _given_ok(m.group()[1:]):
        return None
    return m.group()


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

def _title_end(s: str, m: re.Match[str], lex: Lexicon) -> int:
    """Where a title word found at m really ends: a longer one may start inside it (总指挥|指挥长)."""
    end = m.end()
    for k in range(m.start() + 1, m.end()):
        longer = lex.title_re.match(s, k)
        if longer and longer.end() > end:
            end = longer.end()
    return end


def _titled_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 1: names right after a title word, with the title chain and any list that follows."""
    s = t.s
    for m in lex.title_re.finditer(s):
        i = _title_end(s, m, lex)
        name = name_at(t, i, lex, found.titles, titled=True)
        if name is None or _is_byline(s, i, name):
            continue
        if name not in found.titles and (i not in t.starts or t.common_word(i, name)):
            continue
        titles = titles_before(t, i, lex, found.titles)
        if not titles:
            continue
        after = lex.after_re.match(s, i + len(name))
        own = titles + ([after.group()] if after and after.group() in lex.after_titles else [])
        found.add(name, own, "title")
        for other in _list_after(t, i + len(name), lex, found.titles):
            found.add(other, titles, "title-list")


def _names_before_titles(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 2: "郑十总书记", "钱乙总理", "刘丙同志": a name right before a title or honorific."""
    s = t.s
    for m in lex.after_re.finditer(s):
        j = m.start()
        for n in (4, 3, 2):
            i = j - n
            if i < 0:
                continue
            name = s[i:j]
            if name in found.titles or (surname_shaped(name, lex) and t.nr_covers(i, j)):
                title = m.group()
                found.add(name, [title] if title in lex.after_titles else [], "after")
                break


LIST_RE = re.compile(f"[{HAN}{DOTS}]{{2,12}}(?:、[{HAN}{DOTS}]{{2,12}})+")
LIST_OPENERS = ("：", ":", "还有", "包括", "分别为", "分别是", "为", "是", "有")


def _bare_lists(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 3: lists of two or more bare names separated by 、 ("钱乙、孙七、周八…")."""
    s = t.s
    for m in LIST_RE.finditer(s):
        parts = m.group().split("、")
        short = sum(len(x) <= 4 and (x[0] in lex.surnames or x in found.titles) or DOTS_RE.search(x) is not None
                    for x in parts[1:-1])
        if short * 5 < (len(parts) - 2) * 4:
            continue  # most inner items are no names: not a list of people
        first = _first_item(t, m.start(), len(parts[0]), lex, found)
        last_at = m.end() - len(parts[-1])
        last = name_at(t, last_at, lex, found.titles, titled=True)
        if first is None or last is None:
            continue
        items = [first] + parts[1:-1] + [last]
        if not _mostly_names(items, lex, found):
            continue
        if sum(x not in found.titles for x in items) and _nr_share(t, m.start(), items) < 0.5:
            continue
        first_at = m.start() + len(parts[0]) - len(first)
        opened = first_at == 0 or s[first_at - 1] in CLAUSE_OPEN or s[max(0, first_at - 3):first_at].endswith(LIST_OPENERS)
        followed = follow_rank(s, last_at + len(last), lex, found.titles) >= 2
        if len(items) >= 3 or followed or opened:
            for x in items + _list_after(t, last_at + len(last), lex, found.titles):
                found.add(x, (), "list")


def _first_item(t: Text, start: int, length: int, lex: Lexicon, found: Found) -> str | None:
    """The first item of a list: the end of the run before the first 、 ("决定刘一、" -> 刘一)."""
    s = t.s
    end = start + length
    for n in (4, 3, 2):
        if end - n >= start and (s[end - n:end] in found.titles or DOT_NAME_RE.fullmatch(s[end - n:end])):
            return s[end - n:end]
    if length <= 3:
        return s[start:end]
    for n in (3, 2):
        name = s[end - n:end]
        if surname_shaped(name, lex) and (end - n in t.starts or t.nr_covers(end - n, end)):
            return name
    return None


def _mostly_names(items: list[str], lex: Lexicon, found: Found) -> bool:
    """Every item, or in a long list all but a few (洛桑江村 has no Han surname), looks like a name."""
    bad = [x for x in items if not _bare_ok(x, lex, found)]
    if not bad:
        return True
    return len(items) >= 5 and len(bad) * 5 <= len(items) and all(
        2 <= len(x) <= 4 and _given_ok(x) and x not in lex.stop for x in bad)


def _bare_ok(name: str, lex: Lexicon, found: Found) -> bool:
    """An item of a bare list: a known name, a dotted name, or surname-shaped (four characters allowed)."""
    if name in found.titles or DOT_NAME_RE.fullmatch(name):
        return True
    if name in lex.stop or not 2 <= len(name) <= 4 or not _given_ok(name[1:]):
        return False
    return surname_shaped(name, lex) or (len(name) == 4 and name[0] in lex.surnames)


def _nr_share(t: Text, s_from: int, items: list[str]) -> float:
    """The share of list items that jieba tags as person names (or that are dotted names)."""
    s, hits, pos = t.s, 0, s_from
    for x in items:
        at = s.find(x, pos)
        if at >= 0:
            hits += t.nr_covers(at, at + len(x)) or DOT_NAME_RE.fullmatch(x) is not None
            pos = at + len(x)
    return hits / len(items)


def verb_after(t: Text, j: int) -> bool:
    """A subject verb starts at j as a word of its own: "钱乙主持会议" yes, "发挥作用" (作 inside 作用) no."""
    tok = t.token_at(j)[0]
    for verb in SUBJECT_VERBS:
        if t.s.startswith(verb, j) and (j + len(verb) in t.ends or len(verb) > 1 and tok.startswith(verb)):
            return True
    return False


CLAUSE_HEAD_RE = re.compile(f"(?:^|(?<=[。；;！!？?：:\\n，,]))[{HAN}]")


def _clause_subjects(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 4: a bare name opening a clause before a strong verb: "钱乙主持会议", "孙七作总结讲话"."""
    s = t.s
    for m in CLAUSE_HEAD_RE.finditer(s):
        i = m.start()
        first, pos = t.token_at(i)
        if pos not in NR_TAGS and not (len(first) == 1 and t.token_at(i + 1)[1] in NR_TAGS) and s[i:i + 4] not in found.titles:
            continue  # the rule needs jieba's person tag on the name: skip the name search elsewhere
        name = name_at(t, i, lex, found.titles, titled=False)
        if name is None or name in found.titles or t.common_word(i, name):
            continue
        j = i + len(name)
        nr = t.nr_covers(i, j) or DOT_NAME_RE.fullmatch(name) is not None
        if not nr or _place_like(t, i, name):
            continue
        if verb_after(t, j) or len(name) >= 3 and t.nr_exact(i, j) and follow_rank(s, j, lex, found.titles) >= 1:
            found.add(name, (), "clause")
            for other in _list_after(t, j, lex, found.titles):
                found.add(other, (), "clause")


# Last characters of jieba "names" that are really words or a name glued to a verb: 幸福感, 严峻性,
# 安全观, 高端化, 吴九作; and the 家 of place names (张家口, 李家沱).
PLACE_AFTER_RE = re.compile(f"[{HAN}]?(?:街道|镇|县|市|区|乡|村|路|街)")
NOT_LAST = frozenset("感性观化法关举广作说要将称率式型度量界面点线制体级召溪湖河山力")


def _likely_full_name(t: Text, i: int, tok: str, lex: Lexicon, found: Found) -> bool:
    """A three-character nr token that reads as a full name where it stands."""
    return not (_place_like(t, i, tok) or any(tok.startswith(k) for k in found.titles))


def _place_like(t: Text, i: int, name: str) -> bool:
    """Shaped like a place or a word rather than a bare name: 张家口, 李家沱, 岳阳 (ns), 幸福感."""
    tok, pos = t.token_at(i)
    return (tok == name and pos in ("ns", "nt", "nz")) or name[-1] in NOT_LAST or (len(name) == 3 and name[1] == "家") \
        or PLACE_AFTER_RE.match(t.s, i + len(name)) is not None


def _tagged_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 5: jieba's nr tag with a speech verb after it or a preposition of persons before it."""
    s = t.s
    for i, (tok, pos) in t.starts.items():
        if pos not in NR_TAGS:
            continue
        if tok in found.titles or tok in lex.stop or _is_byline(s, i, tok):
            continue
        if not (surname_shaped(tok, lex) or pos == "nrt" and _translit(tok, lex)):
            continue
        j = i + len(tok)
        before_ok = s[max(0, i - 3):i].endswith(PERSON_BEFORE) and follow_rank(s, j, lex, found.titles) >= 2
        # jieba's three-character names are reliable once shaped like a Chinese name; two characters
        # are too often ordinary words (光荣, 文明) and need a verb or a preposition of persons beside them.
        if len(tok) >= 3 and pos != "nrt" and _likely_full_name(t, i, tok, lex, found) or verb_after(t, j) \
                or before_ok:
            found.add(tok, (), "nr")
            for other in _list_after(t, j, lex, found.titles):
                found.add(other, (), "nr")


STANDALONE_RE = re.compile(f"(?:^|(?<=\n)|(?<=[（(]))[ 　]*([{HAN}]{{2,4}})[ 　]*(?=$|\n|[)）])")


def _standalone_names(t: Text, lex: Lexicon, found: Found) -> None:
    """Rule 6: a line or a parenthesis holding nothing but a name (an author line, "（陈二）")."""
    for m in STANDALONE_RE.finditer(t.s):
        name, i = m.group(1), m.start(1)
        if name not in found.titles and surname_shaped(name, lex) and t.nr_covers(i, i + len(name)):
            found.add(name, (), "alone")


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------

# Every formula of people_fixed.txt contains one of these words: texts without them skip the formulas.
FIXED_ANCHOR_RE = re.compile("思想|理论|为核心")


def blank_fixed_phrases(text: str, lex: Lexicon) -> str:
    """Blank a leader's name inside a doctrine formula (same length, so offsets hold)."""
    def blank(m: re.Match[str]) -> str:
        text, at = m.group(), m.start("name") - m.start()
        name = m.group("name")
        for k in range(len(name) - 1):  # "以郑十新时代…": the name is the surname-shaped tail
            if surname_shaped(name[k:], lex):
                return text[:at + k] + "〇" * (len(name) - k) + text[at + len(name):]
        return text

    if not FIXED_ANCHOR_RE.search(text):
        return text
    for rx in lex.fixed:
        text = rx.sub(blank, text)
    return text


def article_text(ctx: ArticleContext) -> str:
    return "\n".join(p for p in (ctx.title, ctx.kicker, ctx.subtitle, ctx.body) if p)


def find_people(ctx: ArticleContext) -> tuple[Text, Found]:
    """Run every rule over the article; the Found keeps which rule found each name."""
    lex = lexicon()
    raw = article_text(ctx)
    t = Text.of(raw, blank_fixed_phrases(raw, lex))
    found = Found()
    for rule in (_titled_names, _names_before_titles, _bare_lists, _clause_subjects, _tagged_names,
                 _standalone_names):
        rule(t, lex, found)
    return t, found


def extract_people(ctx: ArticleContext) -> list[PersonMention]:
    """Every person named in the article's headline lines and body, with titles as written, no bylines."""
    t, found = find_people(ctx)
    return mentions(t.s, found.titles)


def mentions(text: str, titles: dict[str, list[str]]) -> list[PersonMention]:
    """One PersonMention per name, in order of first appearance. A name seen only inside a longer name
    (乙丁 in 钱乙丁) is dropped; mentions count the name's own occurrences."""
    out = []
    for name in titles:
        longer = [o for o in titles if name != o and name in o]
        count = text.count(name) - sum(text.count(o) * o.count(name) for o in longer)
        if count > 0:
            out.append((text.find(name), PersonMention(name=name, titles=list(titles[name]), mentions=count)))
    return [p for _, p in sorted(out, key=lambda x: x[0])]
