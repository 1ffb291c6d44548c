"""Whether a string can be a name, and where a name ends.

Name shapes (a surname and one or two given-name characters, a compound surname, transliterated and
dotted names), what can follow a name (punctuation, a title, a verb: ``follow_rank``) and the name that
starts at a position (``name_at``), decided by what follows it and by jieba's token boundaries.
"""
from __future__ import annotations

import re
from itertools import repeat
from typing import TYPE_CHECKING

from tasks.extract.chars import (CLAUSE_OPEN, DELIM_SET, DOTS, DOTS_RE, DOT_NAME_RE, GUESSED_LEN, HAN, HANS_RE, HAN_FIRST, HAN_LAST, HAN_RE,
                                 LEAD_POS, NO_TOKEN, NR_TAGS)
from tasks.extract.lexicon import (ADDRESS_FORMS, ADVERB_END_FOLLOWERS, DOTTED_HOME, KIN_AFTER_COUNT, GIVEN_MIDDLE_OK, GIVEN_WORDS, GLUED_SAID, QUOTE_VERBS, HE_NAME_VERBS, HONORIFICS,
                                   JAPANESE_HEADS, JAPANESE_SURNAMES,
                                   LEAD_DIRECTIONS, LEAD_NAME_ROLES, LEAD_NOT_NAMES, LEADER_SPEECH_VERBS, MONGOLIAN_PARTS, JOINING_LEADS, SURNAME_LEADS, NOT_GIVEN, NOT_LAST, TIBETAN_ADVERB_ENDS, TIBETAN_ENDS,
                                   TIBETAN_PARTS, TITLED_SURNAMES, UYGHUR_PARTS, VERBS_BY_HEAD, YEAR_WORDS, YI_CLANS, YI_GIVEN_NOT,
                                   YI_GIVEN_OK)
from tasks.segment import engine, guessed_word

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.lexicon import Lexicon


NOT_A_NAME = (0,)


# Names built by the rules are at most seven characters (a transliterated run after a title): the Han run
# at a position is read that far.
HAN_RUN_RE = re.compile(f"[{HAN}]{{1,7}}")


def _may_start_known(s: str, i: int, known: dict[str, list[str]]) -> bool:
    """False when no known name can start at i (cheap, from Names.heads); True means: look."""
    heads = getattr(known, "heads", None)
    return heads is None or s[i:i + 1] in heads


def given_ok(given: str) -> bool:
    return HANS_RE.fullmatch(given) is not None and NOT_GIVEN.isdisjoint(given)


def surname_shaped(name: str, lex: Lexicon) -> bool:
    """Surname first, then one or two plausible given-name characters (a compound surname allows four).
    A surname with a form of address (王先生, 李指导) names someone but is not a name.
    The rules ask about the same few thousand strings over and over: answers are kept (a bounded memo)."""
    memo = lex.shaped
    got = memo.get(name)
    if got is None:
        if len(memo) >= SHAPED_MEMO:
            memo.clear()
        got = memo[name] = _surname_shaped(name, lex)
    return got


# How many surname_shaped answers are kept (short strings: well under 10 MB).
SHAPED_MEMO = 1 << 16


def addressed(name: str, lex: Lexicon) -> bool:
    """A surname and a form of address or a title ("王大爷", "李教授", "钱总理", "欧阳老师"), or a form of address
    alone ("司机师傅说": jieba tags 师傅 a person): someone referred to without being named."""
    if name in ADDRESS_FORMS:
        return True
    if name[:1] not in lex.surnames and name[:2] not in lex.compound:
        return False
    return name[1:] in ADDRESS_FORMS or name[1:] in lex.titles or len(name) == 4 and name[2:] in ADDRESS_FORMS \
        or name[:2] in lex.compound and (name[2:] in ADDRESS_FORMS or name[2:] in lex.titles)


def _surname_shaped(name: str, lex: Lexicon) -> bool:
    if name[0] not in lex.surnames and name[:2] not in lex.compound:
        return False  # the answer whatever follows (checked first as it is the common case)
    if name in lex.stop or addressed(name, lex):
        return False
    if name[:2] in lex.compound:
        return 3 <= len(name) <= 4 and given_ok(name[2:])
    return name[0] in lex.surnames and 2 <= len(name) <= 3 and given_ok(name[1:])


GIVEN_LAST_OK = frozenset("年")


def year_given(name: str, lex: Lexicon) -> bool:
    """A surname and a given name ending in 年 that is no time word ("车永年", not "李明年"): jieba reads
    such a given name as a time (永年/t), so only a title right before vouches for it."""
    return len(name) == 3 and name[2] == "年" and name[0] in lex.surnames and name[1:] not in YEAR_WORDS \
        and given_ok(name[1])


def jieba_full_name(t: Text, i: int, name: str, lex: Lexicon) -> bool:
    """jieba reads a surname and a two-character given name as one person word ("赵万年", "周在甲"): the
    given name may then hold a few characters NOT_GIVEN keeps out of names built by the rules."""
    if len(name) != 3 or name[0] not in lex.surnames or not t.nr_exact(i, i + 3) or name in lex.stop:
        return False
    mid, last = name[1], name[2]
    return (mid not in NOT_GIVEN or mid in GIVEN_MIDDLE_OK) and (last not in NOT_GIVEN or last in GIVEN_LAST_OK) \
        and last not in NOT_LAST and HAN_RE.match(mid) is not None and HAN_RE.match(last) is not None \
        and name[1:] not in ADDRESS_FORMS and name[1:] not in lex.titles


def is_translit(name: str, lex: Lexicon) -> bool:
    return len(name) >= 2 and lex.translit.issuperset(name)


MAX_FOREIGN = 10


GLUED_MIN = 6   # a span this long or longer may be names written back to back ("（甲乙丙丁戊己）")


def split_glued_pairs(s: str, spans: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """The model's spans, one of six characters or more cut into the Chinese names it is written back to back
    from: every piece surname-shaped (two or three characters, four with a compound surname) and none made of
    transliteration characters alone (so "伊丽莎白二世", "罗奈尔德雷根" and other long foreign names stay
    whole). The model learned from text where a space or a 、 parts names; OCR'd credits and lists lose them
    ("县领导 甲乙丙 欧阳丁戊" is glued by the cleaner)."""
    out = []
    for a, b in spans:
        pieces = _glued_names(s[a:b], lex) if b - a >= GLUED_MIN else None
        if pieces is None:
            out.append((a, b))
            continue
        for piece in pieces:
            out.append((a, a + len(piece)))
            a += len(piece)
    return out


def _glued_names(text: str, lex: Lexicon) -> list[str] | None:
    """text as two or more names back to back, three-character pieces tried first; None if it is not."""
    for n in (3, 2, 4):
        head, rest = text[:n], text[n:]
        if len(rest) < 2 or not surname_shaped(head, lex) or is_translit(head, lex):
            continue
        if surname_shaped(rest, lex) and not is_translit(rest, lex):
            return [head, rest]
        tail = _glued_names(rest, lex) if len(rest) >= 4 else None
        if tail is not None:
            return [head, *tail]
    return None


def foreign_name_at(t: Text, i: int, lex: Lexicon) -> str | None:
    """A transliterated name jieba tags as a person at i: one or more nr/nrt words of transliteration
    characters, possibly joined by a middle dot ("马可", "伊万诺夫", "罗伯特·格兰特")."""
    k, name = i, ""
    while len(name) < MAX_FOREIGN:
        tok, pos = t.token_at(k)
        # `tok and`: past the end token_at gives "", which `in DOTS` accepts, and the loop never ended.
        if pos in NR_TAGS and is_translit(tok, lex) or tok and tok in DOTS and name and name[-1] not in DOTS:
            name, k = name + tok, k + len(tok)
        else:
            break
    name = name.rstrip(DOTS)
    return name if len(name) >= 2 else None


def foreign_name_before(t: Text, j: int, lex: Lexicon) -> str | None:
    """The transliterated person name that ends at j ("格兰特总统" -> 格兰特), as foreign_name_at reads it."""
    if j < 2 or t.s[j - 1] not in lex.translit:
        return None  # a transliterated name ends with a transliteration character
    for i in range(max(0, j - MAX_FOREIGN), j - 1):
        if i in t.starts and (i == 0 or t.s[i - 1] not in lex.translit or i - 1 not in t.starts and i not in t.ends):
            name = foreign_name_at(t, i, lex)
            if name is not None and i + len(name) == j:
                return name
    return None


# A count of the people just listed ("…、丙丁戊六人参赛", "…3名"), or of those a title then names ("甲和乙两首相",
# "甲、乙二位副主席"); group 1: the count says it is of people (人, 位, 名).
PEOPLE_COUNT_RE = re.compile("(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:((?:人|位|名)(?![民大]))|位|名)?")
COUNT_HEADS = frozenset("0123456789一二两三四五六七八九十")


# One-character adverbs that end given names far more often than they follow a name: in the labelled
# data 89 three-character names end in 刚 and 14 names are followed by it, half of those by 刚刚; in its
# train split 49 names (27 different) end in 才 and 6 are followed by it. 之 (44 against 46) and 在
# (1 against 943) follow names.
GIVEN_NAME_ADVERBS = frozenset("刚才")


def follow_rank(s: str, j: int, lex: Lexicon, known: dict[str, list[str]]) -> int:
    """How well the text at j can follow a name: 3 punctuation/title/等, 2 a verb, 1 a conjunction, 0 not."""
    if j >= len(s):
        return 3
    c = s[j]
    if c in DELIM_SET or c in DOTS:
        return 3
    if c in lex.after_heads and lex.after_re.match(s, j) or c in lex.title_heads and lex.title_re.match(s, j):
        return 3
    if c in COUNT_HEADS:
        count = PEOPLE_COUNT_RE.match(s, j)
        if count and (count.group(1) or lex.title_re.match(s, count.end()) or s.startswith(KIN_AFTER_COUNT, count.end())):
            # "甲、乙、丙六人参赛", "甲和乙两首相", "甲、乙、丙三兄弟": a count of the names closes them as 等 does
            return 3
    m = lex.follow_re.match(s, j) if c in lex.follow_heads else None
    if m:
        word = m.group()
        return 3 if word in ("等", "等人", "一行") else 1 if word in ("和", "与", "同", "及", "跟", "的") else 2
    return 1 if _may_start_known(s, j, known) and any(map(s.startswith, known, repeat(j))) else 0


def dotted_name(t: Text, i: int, lex: Lexicon) -> str | None:
    """A foreign or minority name joined by middle dots at i (多吉·次仁, 汤姆·卡尔所说 -> 汤姆·卡尔).

    Every part is made of transliteration or surname characters; the last part ends where jieba ends a
    word, before anything else ("彼得·卡尔森圣马力诺" -> 彼得·卡尔森)."""
    m = DOT_NAME_RE.match(t.s, i) if t.dots else None
    if not m:
        return None
    text = _first_of_joined(t, i, m.group())
    cut = max(text.rfind(d) for d in DOTS) + 1
    name_chars = lex.name_chars
    head = DOTS_RE.split(text, maxsplit=1)[0]
    if len(head) > 4 and not name_chars.issuperset(head):
        return None  # "苏丹总统奥马尔·…": the name starts later, after the title
    opening = lex.title_re.match(t.s, i) if t.s[i] in lex.title_heads else None
    if opening is not None and opening.end() < i + len(head):
        return None  # "瓜农艾合买提·吐尔地": a title word glued to the name, which starts after it
    end = i + len(text)
    # a follower inside a Uyghur part the last part opens with is the part's syllable ("吐尔逊·阿布都热依木": 阿布都)
    parts_end = uyghur_parts_end(t.s, i + cut) - i
    for k in range(max(cut + 1, parts_end), len(text)):
        word = lex.follow_re.match(t.s, i + k) or lex.after_re.match(t.s, i + k)
        if word and k == parts_end:
            return text[:k]   # the parts close the name where a follower starts ("帕尔哈提·依明|作", jieba's 依明作/d)
        if word and _follower_word(t, i + k, word.end(), name_chars) or t.s.startswith(DOTTED_HOME, i + k) \
                or _adverb_after_dotted(t, i + k, name_chars):
            text, end = text[:k], i + k  # "汤姆·卡尔一行", "汤姆·卡尔认为", "汤姆·卡尔中将"
            break
    tail = _verb_tail(t, i + len(text), name_chars, lex) if len(text) - cut >= 3 else 0
    if tail:
        text, end = text[:-tail], end - tail   # "布鲁斯·哈克尔评论说", "特莱弗·布鲁金预测：": the verb is not the name's
    if len(text) - cut <= 6 and (end >= len(t.s) or t.s[end] in DELIM_SET or text != m.group() and end in t.ends):
        return text  # the last part is closed by punctuation or a verb jieba starts there: all of it is the name
    run = cut
    while run < len(text) and text[run] in name_chars:
        run += 1
    glued = t.starts.get(i + run - 1, NO_TOKEN)[0]
    if len(glued) == 2 and i + run not in t.ends and lex.follow_re.match(t.s, i + run):
        return text[:run]   # "热依拉·买买提明在会上": jieba's 明在/t holds the name's last character and 在
    k = run
    while k > cut and i + k not in t.ends and k < len(text):
        k -= 1
    k = k if k > cut else run
    return text[:k] if k > cut else None


def _adverb_after_dotted(t: Text, k: int, name_chars: frozenset[str]) -> bool:
    """刚 or 才 that jieba reads as an adverb of its own after a transliterated part ends a dotted name: they end
    Han given names (GIVEN_NAME_ADVERBS), never a Uyghur or Kazakh part ("努尔别克·哈力木别克|刚把羊群…")."""
    c = t.s[k]
    return c in GIVEN_NAME_ADVERBS and c not in name_chars and t.starts.get(k, NO_TOKEN) == (c, "d") \
        and t.s[k - 1] in name_chars


def _follower_word(t: Text, a: int, b: int, name_chars: frozenset[str]) -> bool:
    """The follower s[a:b] ends a dotted name: it is jieba's words or opens a longer word. Inside a word that a
    name's character opens, as one character opening a noun or running into the next word it is a syllable of
    the name ("努尔兰·哈再孜别克": 哈再|孜, not 再; "木合塔尔·阿不力米提出席": 不力/n, not 不, and 提|出席, not
    提出); "拉迪|在发言中" keeps 在."""
    tok, pos = t.starts.get(a, NO_TOKEN)
    if not tok:
        k = a - 1
        while k > 0 and k not in t.starts:
            k -= 1
        return t.s[k] not in name_chars   # "普斯|才能" ends at the word 才能 (能 a follower inside it)
    if len(tok) < b - a:
        return b in t.ends   # "阿不力米|提|出席": 提出 runs into the next word
    return len(tok) == b - a or b - a > 1 or pos[:1] != "n"   # "主持|会议" in 主持会议/n still ends it


# What jieba reads between two dotted names and never inside one: a conjunction, 的, a preposition.
JOINING_POS = frozenset({"c", "uj", "p"})


def _first_of_joined(t: Text, i: int, text: str) -> str:
    """The first of two dotted names that a word jieba reads as a conjunction, 的 or a preposition joins
    ("劳拉·琳妮和菲利普·霍夫曼", "拉吉夫·甘地的遗孀索尼亚·甘地" -> 劳拉·琳妮, 拉吉夫·甘地): such a word
    with a dot on either side of it ends the first name."""
    for p in range(DOTS_RE.search(text).start() + 2, len(text) - 2):
        if i + p in t.starts and t.starts[i + p][1] in JOINING_POS and DOTS_RE.search(text, p):
            return text[:p]
    return text


def _ends_in_verb(t: Text, k: int, j: int) -> bool:
    """A name read past jieba's person word to j would end inside the verb that starts at k ("李才|接到": 李才接)."""
    tok, pos = t.starts.get(k, NO_TOKEN)
    return k < j < k + len(tok) and pos[:1] == "v"


# Words of two characters ending in 到 or 来 that are words of their own, not a name's last character glued to
# 到/来 by jieba's guess at unknown words ("骆秋实到": 实到; but "李才接到" is 接到).
MOTION_WORDS = frozenset("""接到 达到 得到 受到 感到 遇到 收到 看到 想到 听到 做到 见到 赶到 回到 提到 找到 送到 拿到 学到 用到
谈到 碰到 料到 等到 不到 直到 说到 报到 迟到 调到 转到 走到 考到 周到 起来 出来 过来 下来 上来 进来 回来 原来 本来 后来 从来 将来
近来 向来 未来 到来 以来 看来 醒来 带来 传来 归来 前来 迎来 请来 派来 拿来 送来 运来 搬来 赶来 跑来 飞来 走来 原到""".split())


# Joining words jieba glues to a name's last character in a guess of its own (强及/c, 兵与/c).
GLUED_JOINERS = frozenset("及与")


def _glued_to_motion(t: Text, j: int, lex: Lexicon) -> bool:
    """The name's last character and 到/来 after it are one word only by jieba's guess ("骆秋实到白鹭乡": 实到),
    and 到/来 then go on as the verb of the name's clause; or that guess took the head of a longer follower
    ("彭远舟致开幕辞": 舟致 + 开幕辞, where 致开幕辞 follows names)."""
    tok, _ = t.starts.get(j - 1, NO_TOKEN)
    if len(tok) != 2:
        return False
    if tok[1] in "到来" and tok not in MOTION_WORDS:
        return True
    if tok[1] in GLUED_JOINERS and not engine().has_word(tok):
        return True   # "谷国强及县委常委": 强及 is jieba's guess, no word; 及 joins the next name or title
    follower = lex.follow_re.match(t.s, j) if tok[1] in lex.follow_heads else None
    if follower is None:
        return False
    # a follower of two whose head jieba's guess took, where that guess is no word of its dictionary ("种粮大户金成哲
    # 站在田埂上": 哲站/n, then 在): 站在 goes on as the clause's verb
    # ... and a verb of saying of one character in such a guess ("蒜农司马军说：": 司马/nr 军说/v)
    return len(follower.group()) >= GLUED_FOLLOWER_MIN or len(follower.group()) == 2 and guessed_word(tok) \
        or follower.group() == tok[1] and tok[1] in GLUED_SAID and guessed_word(tok)


# A follower this long is not a word that jieba's two-character guess over the name's end could be part of.
GLUED_FOLLOWER_MIN = 3


def _verb_tail(t: Text, end: int, name_chars: frozenset[str], lex: Lexicon) -> int:
    """How many characters before `end` are a two-character verb jieba reads there, outside the characters of
    names ("特莱弗·布鲁金预测：": 预测 is not the name's): 2, or 1 where the verb is a name's character and a
    follower ("热合曼·依明说": jieba's 明说/v is 明 + 说), else 0."""
    tok, pos = t.starts.get(end - 2, NO_TOKEN)
    if len(tok) != 2 or pos[:1] != "v" or name_chars.issuperset(tok):
        return 0
    return 1 if tok[0] in name_chars and tok[1] in GLUED_SAID else 2   # (not "努尔兰谈到": 谈到 is the verb)


def _shapes(s: str, i: int, lex: Lexicon, titled: bool) -> list[str]:
    """Strings at i shaped like a name: surname + 1-2 characters, or (after a title) a foreign name.
    Each length once, shortest first (name_at keeps the best whatever the order: no two keys tie)."""
    run = HAN_RUN_RE.match(s, i)
    han = run.end() - i if run else 0   # s[i:i + n] is all Han for n <= han
    if han < 2:
        return []
    sizes = {2, 3, 4} if s[i:i + 2] in lex.compound else {2, 3}
    if titled:
        j = i
        while j < len(s) and j - i < 7 and s[j] in lex.translit:
            j += 1
        sizes.update(range(2, j - i + 1))
    return [s[i:i + k] for k in sorted(sizes) if k <= han and s[i + 1:i + k] not in HONORIFICS]


def longest_known(s: str, i: int, known: dict[str, list[str]]) -> str | None:
    """The longest known name written at i."""
    if not _may_start_known(s, i, known) or not any(map(s.startswith, known, repeat(i))):
        return None
    return max((k for k in known if s.startswith(k, i)), key=len)


def known_ends_at(s: str, i: int, known) -> bool:
    """Some known name is written right before position i."""
    return any(k and s.endswith(k, 0, i) for k in known)


# The longest Mongolian name read from its parts (MONGOLIAN_PARTS), in characters.
MONGOLIAN_MAX = 7


def minority_name_at(s: str, i: int, lex: Lexicon, known: dict[str, list[str]]) -> str | None:
    """A name with no Han surname at i, right after a title, before what can follow a name: Tibetan, two
    given-name parts ("县长次仁旺堆出席"); Yi, a clan name and a two-character given name ("县长阿苏拉则主持");
    Mongolian, one to three parts ("副旗长乌兰图雅出席", "旗委书记额尔敦毕力格")."""
    if s[i:i + 2] in TIBETAN_PARTS and s[i + 2:i + 4] in TIBETAN_PARTS and follow_rank(s, i + 4, lex, known) > 0:
        return s[i:i + 4]
    if s[i:i + 2] in TIBETAN_PARTS and s[i + 2:i + 3] in TIBETAN_ENDS and follow_rank(s, i + 3, lex, known) >= 2 \
            and (s[i + 2] not in TIBETAN_ADVERB_ENDS or follow_rank(s, i + 3, lex, known) == 3
                 or s.startswith(ADVERB_END_FOLLOWERS, i + 3)):
        return s[i:i + 3]   # an Amdo name, one part and 草 or 太 ("副县长拉毛草列席"; not "多杰太高兴": too)
    if s[i:i + 2] in TIBETAN_PARTS and (follow_rank(s, i + 2, lex, known) == 3 or s.startswith(QUOTE_VERBS, i + 2)):
        # an Amdo or Kham name of one part, closed by punctuation, a title or a verb of saying ("管护员更登、拉毛",
        # "乡长降措介绍")
        return s[i:i + 2]
    if s[i:i + 2] in YI_CLANS and len(s) >= i + 4 and (given_ok(s[i + 2:i + 4]) or s[i + 2] in YI_GIVEN_OK
                                                         and given_ok(s[i + 3])
                                                         and s[i + 2:i + 4] not in YI_GIVEN_NOT
                                                         or _yi_given_closed(s[i + 2:i + 4])) \
            and follow_rank(s, i + 4, lex, known) > 0 and not _han_name_before_verb(s, i, lex, known):
        return s[i:i + 4]
    if s[i:i + 2] in UYGHUR_HEADS:
        uyghur = _part_ends(s, i, UYGHUR_PARTS, UYGHUR_MAX, UYGHUR_MOST)
        for j in sorted(uyghur, reverse=True):
            # two parts at least: one alone (艾力, 依明) is read as a Han name is, by its surname and shape
            if uyghur[j] > 1 and s[j:j + 1] not in DOTS and follow_rank(s, j, lex, known) >= 2:
                return s[i:j]   # (a dot after the parts: the dotted name's rule reads it whole)
    ends = _mongolian_ends(s, i)
    for j in sorted(ends, reverse=True):
        rank = follow_rank(s, j, lex, known)
        if rank >= 2 or rank and (ends[j] > 1 or j - i > 2):
            # one two-character part alone (乌云, 孟和) needs a verb or punctuation after it; one of three
            # (其其格, 巴特尔) stands as a Han name does
            return s[i:j]
    return None


def _han_name_before_verb(s: str, i: int, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """A clan name that is a Han surname and a given character (马海 of 马海军) where the three characters stand before a
    verb and the four only before a joining word ("副县长马海军陪同督导": 陪同, not 军陪 and 同): a Han name."""
    return s[i] in lex.surnames and follow_rank(s, i + 3, lex, known) >= 2 and follow_rank(s, i + 4, lex, known) < 2


def _yi_given_closed(given: str) -> bool:
    """A Yi given name that a YI_GIVEN_OK character closes ("副县长勒格尔日"): not where the two are a word of their
    own, a time most often ("吉克近日", "沙马次日")."""
    return len(given) == 2 and given[1] in YI_GIVEN_OK and given_ok(given[0]) and not engine().has_word(given)


def japanese_name_at(s: str, i: int, lex: Lexicon, known: dict[str, list[str]]) -> str | None:
    """A Japanese name right after a title: a family name of names_japanese.txt and a given name of one to three
    characters, the longest a verb, a title or punctuation closes ("副市长佐藤健二率领", "成员田中美和子、",
    "董事山本健太一行"); none where a verb follows the family name ("县长高桥出席" is a Han name)."""
    for size in (3, 2):
        if s[i:i + size] not in JAPANESE_SURNAMES:
            continue
        start = i + size
        if follow_rank(s, start, lex, known) > 0:
            return None
        for given in (3, 2, 1):
            j = start + given
            if HANS_RE.fullmatch(s, start, j) and follow_rank(s, j, lex, known) >= 2:
                return s[i:j]
        return None
    return None


def mongolian_name_ends(s: str, i: int) -> list[int]:
    """Where a Mongolian name of one to three parts starting at i can end, the longest first."""
    return sorted(_mongolian_ends(s, i), reverse=True)


def _mongolian_ends(s: str, i: int) -> dict[int, int]:
    """Where a run of one to three Mongolian name parts starting at i can end, with its count of parts; a part
    of one character only ends a run."""
    return _part_ends(s, i, MONGOLIAN_PARTS, MONGOLIAN_MAX, 3, one_goes_on=False)


# The longest Uyghur name read from its parts (UYGHUR_PARTS), in characters, and the most parts: a name and the
# father's, each of up to two parts (艾买提 + 江, 阿不都 + 热合曼).
UYGHUR_MAX = 12
UYGHUR_MOST = 4
UYGHUR_HEADS = frozenset(part[:2] for part in UYGHUR_PARTS if len(part) > 1)


def uyghur_parts_end(s: str, i: int) -> int:
    """Where the longest run of Uyghur name parts starting at i ends (i where none starts there)."""
    if s[i:i + 2] not in UYGHUR_HEADS:
        return i
    return max(_part_ends(s, i, UYGHUR_PARTS, UYGHUR_MAX, UYGHUR_MOST), default=i)


def _part_ends(s: str, i: int, parts: frozenset[str], longest: int, most: int, *,
               one_goes_on: bool = True) -> dict[int, int]:
    """Where a run of up to `most` name parts starting at i can end, with its count of parts; a part of one
    character never opens a run, and ends it unless `one_goes_on` (Uyghur's 江 closes a name, the father's
    follows: 艾买提江阿不都热合曼)."""
    ends: dict[int, int] = {}
    frontier = [(i, 0)]
    while frontier:
        k, count = frontier.pop()
        for size in (1, 2, 3, 4, 5):
            part = s[k:k + size]
            if len(part) < size or part not in parts or size == 1 and count == 0 or k + size - i > longest:
                continue
            ends[k + size] = max(ends.get(k + size, 0), count + 1)
            if count + 1 < most and (size > 1 or one_goes_on):
                frontier.append((k + size, count + 1))
    return ends


def name_at(t: Text, i: int, lex: Lexicon, known: dict[str, list[str]], *, titled: bool) -> str | None:
    """The name that starts at i, or None. `titled`: a title stands right before, so a name without a
    known surname (水明远) or a foreign one (卡尔森) is allowed when jieba or the shape supports it."""
    s = t.s
    if i >= len(s) or not HAN_FIRST <= s[i] <= HAN_LAST:
        return None
    c = s[i]
    heads = getattr(known, "heads", None)   # longest_known, its cheap test inlined
    if (heads is None or c in heads) and any(map(s.startswith, known, repeat(i))):
        return max((k for k in known if s.startswith(k, i)), key=len)
    if titled:
        minority = minority_name_at(s, i, lex, known) or (japanese_name_at(s, i, lex, known) if c in JAPANESE_HEADS
                                                          else None)
        if minority is not None:
            return minority
    first, first_pos = t.starts.get(i, NO_TOKEN)
    # A preposition or adverb starts here ("由教育部长", "都算"), unless jieba itself sees a name (何/r 卫东/nr);
    # a compound surname jieba reads as an adverb starts a name ("县委书记单于飞": 单于/d).
    lead_start = (first in lex.lead or first_pos in LEAD_POS or first_pos == "c") and first not in lex.compound \
        and not (titled and (_surname_read_as_lead(t, i, first, lex, known)
                             or first_pos == "t" and _surname_read_as_time(t, i, first, lex, known)
                             or _guessed_name_word(first, lex)))
    if lead_start and c in JOINING_LEADS and c not in lex.surnames:
        return None   # "国家主席和李某": the joiner, not a surname (_surname_read_as_lead said so)
    dotted = dotted_name(t, i, lex) if t.dots else None
    if dotted and not (lead_start and s[i + len(first):i + len(first) + 1] not in DOTS):
        return dotted  # "和彼得·卡尔" is no name at 和, "本·卡尔" keeps 本
    if not (c in lex.surnames or s[i:i + 2] in lex.compound
            or titled and (c in lex.translit or c in TITLED_SURNAMES or len(first) == 3 and first_pos in NR_TAGS)):
        return None  # _shape_key finds every shape implausible: no surname, no foreign name, no nr word
    best, best_key = None, NOT_A_NAME
    for n in _shapes(s, i, lex, titled):
        if lead_start and not t.nr_covers(i, i + len(n)):
            continue
        key = _shape_key(t, i, n, lex, known, titled, first, first_pos)
        if key > best_key:
            best, best_key = n, key
    return best


# SURNAME_LEADS: surnames jieba reads as a preposition, a modal verb or an adverb (people_words.txt surname_leads).
# ... and the adverb's pair a few characters on, which makes it no surname ("县长边看边问", "副县长边学习边实践").
PAIRED_LEAD_REACH = 5
# What the word after such a character is when it is no given name: a noun or pronoun ("局长向记者介绍", "向大家").
NOT_GIVEN_AFTER_LEAD = ("n", "r", "m", "q", "s", "f")


def _surname_read_as_lead(t: Text, i: int, first: str, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """Right after a title, 向 or 应 opens a name when a two-character word that is neither noun nor pronoun
    follows and a verb or punctuation follows that ("副县长向兴发出席", not "县长向群众介绍")."""
    if first not in SURNAME_LEADS or first in t.s[i + 1:i + 1 + PAIRED_LEAD_REACH]:
        return False
    nxt, pos = t.starts.get(i + 1, NO_TOKEN)
    if len(nxt) == 2 and given_ok(nxt) and _speaks_elsewhere(t.s, i, i + 3):
        return True   # the leader named again opening a sentence of remarks ("县委书记向前进到…。向前进强调": 前进/v)
    if first in JOINING_LEADS and pos in NR_TAGS:
        return False   # "总书记和李某、…": jieba reads a name of its own after the joiner
    if pos[:1] == "t" and t.starts.get(i, NO_TOKEN)[1] == "p":
        return False   # "县长于会上强调" (会上/t): when the preposition acts; not "局长应国庆" (应/v 国庆/t)
    if pos != "nr" and (nxt[:1] in LEAD_DIRECTIONS or nxt in LEAD_NOT_NAMES):
        return False   # "县长向上级汇报" (上级/b), "向获奖代表颁奖": whom the leader turns to
    if len(nxt) == 2 and pos[:1] == "n" and t.s[i + 3:i + 4] == "、" and t.s[i + 4:i + 5] in lex.surnames:
        # "副县长向红兵、田国强出席": 红兵/n opens a list of names when jieba reads the next item as one
        # (not "县委书记向农户、商户了解情况": whom the leader turns to)
        return given_ok(nxt) and nxt not in lex.stop and t.starts.get(i + 4, NO_TOKEN)[1] in NR_TAGS
    if len(nxt) == 2 and (pos[:1] in NOUN_GIVEN_POS or first in JOINING_LEADS) and given_ok(nxt):
        # a given name that is a place or a noun ("区长于长海，区委副书记乙": 长海/ns; "副县长同建军、零国强陪同":
        # 建军/n), or after a character that joins two parties as often (和, 同): only where the list of leaders goes
        # on after it, or in a list that 、 opens before it ("副区长甲、乙、于东林出席会议": 东林/ns)
        return _leaders_go_on(t.s, i + 3, lex) or t.s[i - 1:i] == "、" and follow_rank(t.s, i + 3, lex, known) >= 2 \
            or first in JOINING_LEADS and _opens_clause_elsewhere(t.s, i, i + 3, lex, known) \
            or t.s.startswith(LEAD_NAME_ROLES, i + 3)
    return len(nxt) == 2 and (pos == "nr" or not pos.startswith(NOT_GIVEN_AFTER_LEAD)) and given_ok(nxt) \
        and follow_rank(t.s, i + 3, lex, known) >= 2


def _opens_clause_elsewhere(s: str, a: int, b: int, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """s[a:b] is written again elsewhere opening a clause before a verb or punctuation ("县长同建军主持会议…。同建军指出"):
    the article names that person, where a joiner and its party would not open a clause."""
    name = s[a:b]
    k = s.find(name)
    while k >= 0:
        if k != a and (k == 0 or s[k - 1] in CLAUSE_OPEN) and follow_rank(s, k + len(name), lex, known) >= 2:
            return True
        k = s.find(name, k + 1)
    return False


# What opens a sentence, before a leader's name that opens it again ("。向红兵强调").
SENTENCE_OPEN = frozenset("。！!？?\n")


def _speaks_elsewhere(s: str, a: int, b: int) -> bool:
    """s[a:b] opens a sentence elsewhere before a leader's verb of speaking ("县委书记向红兵检查…。向红兵要求"): the
    leader named again, where whom a leader turns to (向群众) opens no sentence of remarks."""
    name = s[a:b]
    k = s.find(name)
    while k >= 0:
        if k != a and (k == 0 or s[k - 1] in SENTENCE_OPEN) and s.startswith(LEADER_SPEECH_VERBS, k + len(name)):
            return True
        k = s.find(name, k + 1)
    return False


# What jieba tags a given name that is also a word: a noun, a place, a place word (长海/ns, 建军/n, 东方/s).
NOUN_GIVEN_POS = frozenset("ns")
# The next item of a list of leaders after a comma: a title chain of a county's bodies or a post ("，区委副书记乙").
LEADERS_CLAUSE_RE = re.compile(r"[^，,。；;、\n]{0,10}?(?:书记|[县区市州旗盟镇乡]长|主任|主席|常委|委员|部长|局长)")


def _leaders_go_on(s: str, j: int, lex: Lexicon) -> bool:
    """After a name, the list of leaders goes on: 、 and a surname, or a comma and a title ("，县委副书记乙")."""
    c = s[j:j + 1]
    if c == "、":
        return s[j + 1:j + 2] in lex.surnames or s[j + 1:j + 2] in TITLED_SURNAMES
    return c in ("，", ",") and LEADERS_CLAUSE_RE.match(s, j + 1) is not None


def _surname_read_as_time(t: Text, i: int, first: str, lex: Lexicon, known: dict[str, list[str]]) -> bool:
    """Right after a title, a surname and the first given character that jieba reads as a time word (古汉/t 标/n)
    open a name when one character of its own follows, then a verb or punctuation ("县政协主席古汉标列席会议"; not
    "县长明天出席", where 出席 is one word, nor "副县长年初到任")."""
    s = t.s
    if len(first) == 1:
        # a surname jieba reads as a time word of its own ("副区长卯建国出席": 卯/t 建国/ns): a two-character given
        # name, then a verb or punctuation ("副区长卯时到岗" has no given name of two characters)
        nxt = t.starts.get(i + 1, NO_TOKEN)[0]
        return first in lex.surnames and len(nxt) == 2 and given_ok(nxt) and nxt not in lex.stop \
            and follow_rank(s, i + 3, lex, known) >= 2
    if len(first) != 2 or s[i] not in lex.surnames or t.starts.get(i + 2, NO_TOKEN)[0] != s[i + 2:i + 3]:
        return False
    return given_ok(s[i + 1:i + 3]) and s[i + 1:i + 3] not in lex.stop and follow_rank(s, i + 3, lex, known) >= 2


def _guessed_name_word(first: str, lex: Lexicon) -> bool:
    """jieba's word at a title's end is a guess of three characters opening with a surname, none of its dictionary
    ("区长那永刚出席": 那永刚/d): a name, not the adverb or pronoun that its tag would make a lead word."""
    return len(first) == GUESSED_LEN and first[0] in lex.surnames and guessed_word(first)


# A joining word that ends given names as often ("副县长覃志和主持会议", "主任彭德和主持"): 和 is no joining word
# when one of HE_NAME_VERBS follows it and no 的 in its clause ("甲和出席会议的代表合影" joins two parties).
NAME_END_JOINERS = frozenset("和")
HE_NAME_VERBS_RE = re.compile("|".join(sorted(HE_NAME_VERBS, key=len, reverse=True)))
# The rest of a clause after such a verb: no 的 in it makes the verb the name's own ("出席会议。", not
# "甲和出席会议的代表合影", "甲和作报告的专家交流").
BARE_CLAUSE_RE = re.compile("[^，。；！？,;!?\n的]*(?:[，。；！？,;!?\n]|$)")
# What after such a verb makes it a noun ("主持人", "介绍信", "讲话稿").
NOT_AFTER_HE_VERB = frozenset("人信稿者")


def _ends_given_name(s: str, j: int) -> bool:
    """A verb of HE_NAME_VERBS starts at j as the clause's own ("主持会议", not "主持人", "作报告的专家")."""
    verb = HE_NAME_VERBS_RE.match(s, j)
    if verb is None or s[verb.end():verb.end() + 1] in NOT_AFTER_HE_VERB:
        return False
    return BARE_CLAUSE_RE.match(s, verb.end()) is not None


def _shape_key(t: Text, i: int, n: str, lex: Lexicon, known: dict[str, list[str]], titled: bool,
               first: str, first_pos: str) -> tuple:
    """How good a name `n` at i is (compared as a tuple; (0,) means not a name): what follows it first,
    then jieba's agreement, then length. The checks that need no look at the following text come first.
    `first`, `first_pos`: the token at i (name_at has it already)."""
    j = i + len(n)
    nr_first = first_pos in NR_TAGS
    if len(first) > len(n) and not nr_first:
        return NOT_A_NAME  # the name would end inside a word ("卫生局长")
    # a stop word is a name only right after a title where jieba reads it as one ("副县长高峰主持会议")
    rescued = titled and n in lex.stop and first == n and first_pos in NR_TAGS
    if n in lex.stop and not rescued or len(n) == 3 and n[1:] in lex.followers:
        return NOT_A_NAME  # "时强调": a surname-like character and a verb
    # "县委常委班子作对照检查": a common word jieba reads whole, then a verb of one character (but a compound surname
    # may be a word too: "困难党员东方国柱")
    # A verb of speaking after the three characters makes them a name ("村民成功达说", "党员时代亮介绍")
    if len(n) == len(first) + 1 and not nr_first and first in lex.stop and first not in lex.compound \
            and t.starts.get(i + len(first), NO_TOKEN)[1] == "v" and (i + len(n)) in t.ends \
            and not t.s.startswith(QUOTE_VERBS, i + len(n)):
        return NOT_A_NAME
    if nr_first and len(n) > len(first) and HAN_RE.match(t.s[j:j + 1] or " ") and j in t.ends:
        extra, extra_pos = t.starts.get(i + len(first), NO_TOKEN)
        if (extra_pos in JOINING_POS or extra_pos == "d" and len(extra) == 1 and extra not in GIVEN_NAME_ADVERBS) \
                and not (titled and extra in NAME_END_JOINERS and _ends_given_name(t.s, j)):
            return NOT_A_NAME  # "李鹏和夫人", "比恩曾作为": jieba's person word, then a joining word or an adverb
    exact = nr_first and len(first) == len(n)   # t.nr_exact(i, j)
    shaped = surname_shaped(n, lex) or titled and n[0] in TITLED_SURNAMES and 2 <= len(n) <= 3 and given_ok(n[1:]) \
        or jieba_full_name(t, i, n, lex) \
        or titled and exact and len(n) == 3 and given_ok(n) or rescued or titled and year_given(n, lex) \
        or titled and len(n) == 3 and n[0] in lex.surnames and n[1:] in GIVEN_WORDS \
        or titled and _tagged_surname_and_given(t, i, n, lex, first, first_pos)
    foreign = not shaped and titled and is_translit(n, lex)
    if not (shaped or foreign):
        return NOT_A_NAME
    rank = follow_rank(t.s, j, lex, known)
    if rank == 0:
        return NOT_A_NAME  # nothing a name can stand before
    if rank < 3 and j not in t.ends and (not nr_first or _ends_in_verb(t, i + len(first), j)) \
            and not _glued_to_motion(t, j, lex):
        return NOT_A_NAME  # jieba reads the last character with the next word ("申领场所" is not 申领场 + 所)
    if foreign and len(n) < 3 and rank != 3:
        return NOT_A_NAME  # a two-character transliteration needs punctuation or a title after it
    # "王五将主持": 王五 + 将; not where jieba binds that character to the one before ("徐文才得悉": 文才)
    # and where jieba reads the three as one person word but the model reads two, before a verb ("唐军来|调研":
    # jieba's 唐军来/nr)
    if len(n) == 3 and nr_first and len(first) == 2 and follower_before_title(t, i, j, lex):
        return NOT_A_NAME
    verb_tail = len(n) == 3 and n[2] in lex.followers and not (titled and n[1:] in GIVEN_WORDS) and (
        i + 2 in t.starts or rank >= 2 and i in t.model_starts and (i, i + 2) in t.model_spans)
    return (rank, not verb_tail, exact, j in t.ends, t.nr_covers(i, j), len(n))


def _tagged_surname_and_given(t: Text, i: int, n: str, lex: Lexicon, first: str, first_pos: str) -> bool:
    """jieba tags a surname and the two characters after it as persons' words, each on its own ("副市长冉/nr 从军/nr
    出席"): a name, though its given name holds a character NOT_GIVEN keeps out of names the rules build."""
    if len(n) != 3 or first != n[0] or first_pos not in NR_TAGS or n[0] not in lex.surnames or n in lex.stop:
        return False
    given, pos = t.starts.get(i + 1, NO_TOKEN)
    return given == n[1:] and pos in NR_TAGS and HAN_RE.match(n[2]) is not None and n[1:] not in lex.titles


def follower_before_title(t: Text, a: int, b: int, lex: Lexicon) -> bool:
    """s[a:b] is jieba's person word of two, a one-character verb that follows names and a title word after it
    ("导演贾平携主演亮相": 贾平/nr 携/v 主演): the title word makes 贾平携 end well, yet 携 is no given name."""
    if b - a != 3 or t.s[b - 1] not in lex.followers or t.starts.get(b - 1, NO_TOKEN)[1] != "v":
        return False
    tok, pos = t.starts.get(a, NO_TOKEN)
    return len(tok) == 2 and pos in NR_TAGS and lex.title_re.match(t.s, b) is not None


def verb_after(t: Text, j: int) -> bool:
    """A subject verb starts at j as a word of its own: "钱乙主持会议" yes, "发挥作用" (作 inside 作用) no."""
    verbs = VERBS_BY_HEAD.get(t.s[j:j + 1])
    if verbs is None:
        return False
    tok = t.token_at(j)[0]
    for verb in verbs:
        if t.s.startswith(verb, j) and (j + len(verb) in t.ends or len(verb) > 1 and tok.startswith(verb)):
            return True
    return False
