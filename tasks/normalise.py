"""NORMALISE stage: one canonical form of characters, and the dates a page states.

Input is a cleaned page (one paragraph or headline per line, lines separated by "\\n"). Every
transformation here maps each line to exactly one line, never touches "\\n", and is idempotent, so
article splitting and extraction downstream can rely on the cleaner's line structure.

* width        full-width Latin letters, digits and symbols -> ASCII (one str.translate table)
* punctuation  one canonical set of CJK punctuation (mainland style: ，：；？！（）“”‘’……)
* script       Traditional -> Simplified with the official OpenCC binding, only on the lines
               that contain a character t2s converts (pure Simplified lines never reach OpenCC)

Speed matters (the pipeline targets several MB/s per core): no per-character Python loops over a
page; large character sets are regex classes kept to the BMP so that re uses bitmaps.
* dates        mentions such as 2022年11月13日 / 11月25日至26日 / 昨（27）日 / 2017-06-28, and their
               resolution against the page's year and publication date
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import opencc

from tasks.lexicon import section_words, trie_regex
from tasks.segment import engine

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------------------------

# Unified CJK ideographs (BMP + extension A + supplementary planes): the code points OpenCC's
# character dictionaries cover.
IDEOGRAPH_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x3134F),
)
# Compatibility ideographs (Big5/KS X 1001 duplicates): OpenCC normalises them to unified forms.
COMPAT_RANGES = ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F))

IDEOGRAPH_CLASS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U0002f800-\U0002fa1f\U00030000-\U0003134f"
)
IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPH_CLASS}]")

# What makes ASCII punctuation "Chinese punctuation": an adjacent ideograph, kana, or a CJK
# punctuation mark (。、“”《》……—· and the full-width forms, but not full-width letters/digits).
CJK_CONTEXT_CLASS = (
    IDEOGRAPH_CLASS
    + "\u3001-\u303f\u3040-\u30ff\uac00-\ud7af"
    + "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    + "\u2014\u2018\u2019\u201c\u201d\u2026"
)
CJK_CONTEXT_RE = re.compile(f"[{CJK_CONTEXT_CLASS}]")

# Characters t2s converts on their own that Simplified text still writes in names and set phrases
# (乾隆, 乾县, 於菟, 哪吒, 毕昇, 宫商角徵羽, 束脩): OpenCC's TSPhrases keeps them unchanged, so they
# are no evidence of Traditional script. Source: OpenCC data/dictionary/TSPhrases.txt (1.1-1.4).
SIMPLIFIED_TOO = "乾吒徵於昇陞濛薹麽剋劄扞氾祕脩蒐袷谿釐苧"

# Simplified forms that are also ordinary Traditional characters: the 简化字总表 merged several
# characters into an existing one (干/乾幹, 于/於, 斗/鬥, 范/範, 准/準, 雇/僱 ...). Taiwanese and Hong
# Kong text uses them legitimately (干涉, 于姓, 北斗), so they are no evidence of Simplified script.
SHARED_SIMPLIFIED = (
    "干于并斗范筑占雇杰准郁后里松谷丑出冲卷余云只制致征系面姜划回伙借据克困腊了蒙朴仆千曲舍术"
    "同咸向叶佣游御愿岳扎折症朱辟表卜丰胡几家尸才合采布党价沈苹荐奸夸吁涂洒注霉蜡淀"
)

# Configurations that convert vocabulary (演算法 -> 算法), not just characters: any text may change,
# so the "no Traditional character, skip OpenCC" shortcut does not apply to them.
PHRASE_CONFIGS = frozenset({"tw2sp", "hk2sp"})

# A page is called traditional/simplified when at least this share of its distinguishing
# characters belong to that script; below it on both sides the page is "mixed".
SCRIPT_MAJORITY = 0.9


def _candidate_chars(ranges: tuple[tuple[int, int], ...]) -> list[str]:
    return [chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)]


@lru_cache(maxsize=None)
def _changed_by(config: str, with_compat: bool) -> frozenset[str]:
    """Code points that `config` converts when they stand alone.

    Each probe character is a line of its own and OpenCC converts lines independently, so the
    compatibility block is probed apart: with the unified ideographs already probed for script
    detection, the trigger class costs ~1 ms to build instead of ~40 ms.
    """
    changed = _changed_in(config, IDEOGRAPH_RANGES)
    return changed | _changed_in(config, COMPAT_RANGES) if with_compat else changed


@lru_cache(maxsize=None)
def _changed_in(config: str, ranges: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """Code points of `ranges` that `config` converts when they stand alone (one OpenCC call for all)."""
    chars = _candidate_chars(ranges)
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # OpenCC never maps a single ideograph to a line break
        raise RuntimeError(f"OpenCC {config} changed the number of probe lines")
    return frozenset(c for c, out in zip(chars, converted) if c != out)


def _range_class(cps: list[int]) -> str:
    """A regex character class, runs of consecutive code points collapsed into ranges."""
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return f"[{''.join(parts)}]" if parts else r"(?!)"


ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def _run_of(char_class: str, group: bool = False) -> str:
    """`[...]+` written `[...][...]*`: re skips to a leading class at bitmap speed, but scans
    every position one by one for a leading repeat (3x slower on text without a match)."""
    run = f"{char_class}{char_class}*"
    return f"({run})" if group else run


def has_astral(text: str) -> bool:
    """True when `text` has a supplementary-plane character: exactly ASTRAL_RE.search, but an encode runs at
    memory speed while the regex scan costs a few ns per character."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@dataclass(frozen=True, slots=True)
class CharClass:
    """A large character set as two regexes.

    re compiles a class of BMP characters to a bitmap (~1 GB/s); one supplementary-plane member
    turns it into a range list scanned per character (~8 MB/s). Supplementary characters are
    rare, so their class runs only when the text has any.
    """

    bmp: re.Pattern[str]
    astral: re.Pattern[str]

    def search(self, text: str) -> bool:
        if self.bmp.search(text) is not None:
            return True
        return has_astral(text) and self.astral.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        yield from self.bmp.finditer(text)
        if has_astral(text):
            yield from self.astral.finditer(text)

    def count(self, text: str) -> int:
        n = self.bmp.subn("", text)[1]
        return n + self.astral.subn("", text)[1] if has_astral(text) else n


def _char_class(chars: frozenset[str]) -> CharClass:
    cps = sorted(ord(c) for c in chars)
    bmp = [cp for cp in cps if cp <= 0xFFFF]
    astral = [cp for cp in cps if cp > 0xFFFF]
    return CharClass(re.compile(_range_class(bmp)), re.compile(_range_class(astral)))


@lru_cache(maxsize=None)
def _trigger_class(config: str) -> CharClass:
    """Characters whose presence in a line makes `config` worth running on that line."""
    return _char_class(_changed_by(config, True))


@lru_cache(maxsize=1)
def _script_classes() -> tuple[CharClass, CharClass]:
    """(Traditional-only, Simplified-only) classes used to call a text's script."""
    trad = _changed_by("t2s", False) - frozenset(SIMPLIFIED_TOO)
    # s2tw and s2hk must agree: s2t alone also "converts" 台/群/秘 to classical forms Taiwan never uses.
    simp = _changed_by("s2t", False) & _changed_by("s2tw", False) & _changed_by("s2hk", False)
    simp = simp - trad - frozenset(SHARED_SIMPLIFIED)
    log.debug("script classes: %d traditional-only, %d simplified-only", len(trad), len(simp))
    return _char_class(trad), _char_class(simp)


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# Lone surrogates (bytes a decoder let through with surrogateescape) cannot be UTF-8 encoded, which
# OpenCC needs; they are carried around it unchanged.
SURROGATE_SPLIT_RE = re.compile(_run_of("[\ud800-\udfff]", group=True))


def _opencc(config: str, text: str) -> str:
    convert = _converter(config).convert
    if SURROGATE_SPLIT_RE.search(text) is None:
        return convert(text)
    parts = SURROGATE_SPLIT_RE.split(text)
    return "".join(part if i % 2 else convert(part) for i, part in enumerate(parts))


# ---------------------------------------------------------------------------------------------
# Script detection and Traditional -> Simplified
# ---------------------------------------------------------------------------------------------

def has_traditional(text: str) -> bool:
    """True when `text` holds a character that t2s would convert (the cheap fast-path test)."""
    return _trigger_class("t2s").search(text)


def detect_script(text: str) -> str:
    """'simplified', 'traditional' or 'mixed', by the share of script-distinguishing characters."""
    return _script(text)[0]


def _script(text: str) -> tuple[str, bool]:
    """detect_script's answer, and whether the text holds a Traditional character at all."""
    trad, simp = _script_classes()
    if not trad.search(text):  # most pages: one scan that stops at the first hit instead of a count
        return "simplified", False
    if not simp.search(text):  # a share of 1: no need to count
        return "traditional", True
    n_trad = trad.count(text)
    n_simp = simp.count(text)
    share = n_trad / (n_trad + n_simp)
    if share >= SCRIPT_MAJORITY:
        return "traditional", True
    return ("simplified" if share <= 1 - SCRIPT_MAJORITY else "mixed"), True


# Furniture words in Traditional characters that a Simplified page keeps from its template or its OCR ("本報訊"):
# read in Simplified, as no name holds them, while the page's other characters stay as written.
TRADITIONAL_FURNITURE = section_words("page_notes.txt", "traditional_furniture")
TRADITIONAL_FURNITURE_RE = re.compile(trie_regex(TRADITIONAL_FURNITURE))


@lru_cache(maxsize=None)
def _furniture_in_simplified(word: str) -> str:
    return _opencc("t2s", word)


def _furniture_simplified(text: str) -> str:
    return TRADITIONAL_FURNITURE_RE.sub(lambda m: _furniture_in_simplified(m.group()), text)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _stray_class() -> CharClass:
    """Traditional characters no Simplified text writes: t2s converts them and GB 2312, the Simplified
    character set, lacks them (國, 會, 羅, 關). The few t2s converts that GB 2312 holds (乾, 於, 後, 夥) may be
    deliberate on a Simplified page, in names above all, and stay as written."""
    trad = _changed_by("t2s", False) - frozenset(SIMPLIFIED_TOO)
    return _char_class(frozenset(c for c in trad if not _in_gb2312(c)))


def _in_dictionary_words(line: str, at: list[int]) -> set[int]:
    """Which of the positions `at` fall inside a word of two or more characters of jieba's dictionary: a
    Simplified text writes 赵孟頫 and 孙运璿 so, though t2s maps 頫 and 璿 alone."""
    seg = engine()
    inside, start, k = set(), 0, 0
    for token in seg.cut(line):
        end = start + len(token)
        while k < len(at) and at[k] < end:
            if len(token) > 1 and seg.has_word(token):
                inside.add(at[k])
            k += 1
        start = end
    return inside


def _strays_simplified(text: str) -> str:
    """A Simplified page's stray Traditional characters (its OCR's or a copied line's: 记者 羅晓东, 杨國富) read
    in Simplified as OpenCC reads their line, every other character of the line kept as written, and so are
    those inside a dictionary word."""
    stray = _stray_class()
    if not stray.search(text):
        return text
    lines = text.split("\n")
    todo = [i for i, line in enumerate(lines) if stray.search(line)]
    for i, converted in zip(todo, _convert_lines([lines[i] for i in todo], "t2s")):
        line = lines[i]
        found = [m.start() for m in stray.finditer(line)]
        kept = _in_dictionary_words(line, found)
        chars = list(line)
        for at in found:
            if at not in kept:
                # a phrase OpenCC rewrote to another length: the character alone
                chars[at] = converted[at] if len(converted) == len(line) else _opencc("t2s", line[at])
        lines[i] = "".join(chars)
    return "\n".join(lines)


def to_simplified(text: str, config: str = "t2s") -> str:
    """OpenCC `config` on the lines that contain a character it converts; other lines untouched.

    OpenCC phrases never span a line break, so line by line is OpenCC's own result, while lines
    with no Traditional character never reach OpenCC (t2s would rewrite Simplified 打坏 as 打坯).
    """
    if config in PHRASE_CONFIGS:
        return _opencc(config, text)
    trigger = _trigger_class(config)
    if not trigger.search(text):
        return text
    if "\n" not in text:
        return _convert_line(text, config)
    lines = text.split("\n")
    todo = [i for i, line in enumerate(lines) if trigger.search(line)]
    for i, line in zip(todo, _convert_lines([lines[i] for i in todo], config)):
        lines[i] = line
    return "\n".join(lines)


def _convert_line(line: str, config: str) -> str:
    """OpenCC's conversion of one line, unless the line is already Simplified.

    OpenCC keeps some Traditional-looking characters inside set phrases (乾縣 -> 乾县, 楊聯陞 ->
    杨联陞) but converts them on their own (乾县 -> 干县), and converts some Simplified phrases too
    (打坏 -> 打坯), so a second pass would undo its own choices. A line counts as already Simplified
    when converting its Traditional rendering (s2t) keeps every Traditional-looking character it
    has: that is what OpenCC would have produced itself. This makes the conversion idempotent.
    """
    direct = _opencc(config, line)
    if direct == line:
        return line
    return _unless_simplified(line, direct, _opencc(config, _opencc("s2t", line)), config)


def _unless_simplified(line: str, direct: str, roundtrip: str, config: str) -> str:
    """`direct` (OpenCC's result), or `line` when `roundtrip` shows it is already Simplified."""
    if len(roundtrip) != len(line):
        return direct
    for m in _trigger_class(config).finditer(line):
        if roundtrip[m.start()] != m.group():
            return direct
    return line


def _convert_lines(lines: list[str], config: str) -> list[str]:
    """_convert_line of each line, with one OpenCC call per step for all of them.

    OpenCC segments by longest dictionary match and no entry holds a line break, so converting lines
    joined by "\n" is converting each line; the call overhead is paid once instead of three times a line.
    """
    direct = _opencc_lines(config, lines)
    changed = [i for i, (line, out) in enumerate(zip(lines, direct)) if out != line]
    if not changed:
        return lines
    sources = [lines[i] for i in changed]
    traditional = _opencc_lines("s2t", sources)
    # A line s2t leaves alone converts back to `direct`, which is known: only the others go to OpenCC.
    redo = [k for k, (line, trad) in enumerate(zip(sources, traditional)) if trad != line]
    roundtrips = [direct[i] for i in changed]
    for k, roundtrip in zip(redo, _opencc_lines(config, [traditional[k] for k in redo])):
        roundtrips[k] = roundtrip
    out = list(lines)
    for i, line, roundtrip in zip(changed, sources, roundtrips):
        out[i] = _unless_simplified(line, direct[i], roundtrip, config)
    return out


def _opencc_lines(config: str, lines: list[str]) -> list[str]:
    out = _opencc(config, "\n".join(lines)).split("\n")
    if len(out) != len(lines):  # never seen; line by line is the definition
        return [_opencc(config, line) for line in lines]
    return out


# ---------------------------------------------------------------------------------------------
# Width
# ---------------------------------------------------------------------------------------------

# Full-width forms that ARE the canonical Chinese punctuation stay full-width.
FULLWIDTH_KEEP = "！（），：；？"
# Spaces that are not ASCII: U+3000 from full-width typesetting, NBSP from HTML &nbsp;.
SPACE_VARIANTS = "\u3000\u00a0"
WIDTH_TABLE = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in FULLWIDTH_KEEP},
    **{ord(c): " " for c in SPACE_VARIANTS},
    # Full-width currency/sign block (￠￡￢￣￤￥￦).
    **dict(zip(range(0xFFE0, 0xFFE7), map(ord, "¢£¬¯¦¥₩"))),
}


# Runs of characters WIDTH_TABLE changes: translating only the runs is ~2x faster than translating
# the whole text, and free when a page has none.
WIDTH_RUN_RE = re.compile(_run_of("[" + "".join(re.escape(chr(cp)) for cp in sorted(WIDTH_TABLE)) + "]"))


def _translate_runs(text: str, runs: re.Pattern[str], table: dict[int, int | str | None]) -> str:
    return runs.sub(lambda m: m.group().translate(table), text)


def normalise_width(text: str) -> str:
    """Full-width Latin letters, digits and symbols -> ASCII; ideographic space -> ' '."""
    return _translate_runs(text, WIDTH_RUN_RE, WIDTH_TABLE)


# ---------------------------------------------------------------------------------------------
# Punctuation
# ---------------------------------------------------------------------------------------------

# Variant glyphs of the canonical set, mapped unconditionally: small forms (﹐﹔), vertical forms
# (︐︑), half-width forms (､｡｢｣), corner brackets of Taiwan/Hong Kong text (「」『』 -> “”‘’),
# double-prime quotes (〝〞), and name-separator dots (‧・･ -> ·).
PUNCT_VARIANTS = {
    "﹐": "，", "﹑": "、", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "﹙": "（", "﹚": "）",
    "﹝": "〔", "﹞": "〕", "︐": "，", "︑": "、", "︒": "。", "︓": "：", "︔": "；", "︕": "！",
    "︖": "？", "︙": "…", "､": "、", "｡": "。", "｢": "“", "｣": "”", "「": "“", "」": "”",
    "『": "‘", "』": "’", "〝": "“", "〞": "”", "〟": "”", "‧": "·", "・": "·", "･": "·",
    "―": "—", "⋯": "…",
}
PUNCT_VARIANT_TABLE = str.maketrans(PUNCT_VARIANTS)
PUNCT_VARIANT_RUN_RE = re.compile(_run_of("[" + "".join(map(re.escape, PUNCT_VARIANTS)) + "]"))
# Width then variants in one translation: valid because their keys are disjoint and neither map
# produces a key of the other, so mapping all at once is mapping one after the other.
WIDTH_AND_VARIANT_TABLE = {**WIDTH_TABLE, **PUNCT_VARIANT_TABLE}
if (len(WIDTH_AND_VARIANT_TABLE) != len(WIDTH_TABLE) + len(PUNCT_VARIANT_TABLE)
        or any(ord(ch) in PUNCT_VARIANT_TABLE for v in WIDTH_TABLE.values() for ch in (chr(v) if isinstance(v, int) else v))
        or any(ord(ch) in WIDTH_TABLE for v in PUNCT_VARIANT_TABLE.values() for ch in (chr(v) if isinstance(v, int) else v))):
    raise RuntimeError("width and punctuation variant maps overlap: they cannot run as one pass")
WIDTH_AND_VARIANT_RUN_RE = re.compile(
    _run_of("[" + "".join(re.escape(chr(cp)) for cp in sorted(WIDTH_AND_VARIANT_TABLE)) + "]"))


def _width_and_variant_run(m: re.Match[str]) -> str:
    return _width_and_variant(m.group())


# Runs repeat (digits of dates, "「", "　"): remembering a few thousand is cheaper than translating again.
@lru_cache(maxsize=4096)
def _width_and_variant(run: str) -> str:
    return run.translate(WIDTH_AND_VARIANT_TABLE)


# ASCII marks that become full-width in Chinese context. Straight quotes are only ever converted as
# pairs (or the one left over in a line), so that a second pass pairs the same quotes again.
ASCII_TO_CJK_TABLE = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！",
                                    "(": "（", ")": "）"})
CANONICAL_ELLIPSIS = "……"
# What a context check looks through to find the character that decides: convertible marks,
# spaces, and the dots of ASCII ellipses.
CONTEXT_SKIP = " \t,:;?!()\".·"
CJK_ELLIPSIS_RUN_RE = re.compile(r"(?:…|。{3,})+")
# CJK_ELLIPSIS_RUN_RE on text without "。。。": its runs are then runs of "…", found at literal speed
# instead of trying the alternation at every "。".
HORIZONTAL_ELLIPSIS_RUN_RE = re.compile(_run_of("…"))
_ASCII_ELLIPSIS = r"(?:\.{3,}+|·{3,}+)"
ASCII_ELLIPSIS_RE = re.compile(_ASCII_ELLIPSIS)
PAREN_PAIR_RE = re.compile(r"\(([^()\n]*)\)")
QUOTE_PAIR_RE = re.compile(r'"([^"\n]*)"')
_UNIT = rf'(?:[ \t,:;?!()"]|{_ASCII_ELLIPSIS})'
_RUN = rf'{_UNIT}*(?:[,:;?!()]|{_ASCII_ELLIPSIS}){_UNIT}*'
# A maximal run of convertible marks, ASCII ellipses and spaces touching a CJK character on either
# side. Numbers (21,009  3:30), URLs and English are bounded by ASCII on both sides: no match.
# All marks of a run share one decision, which is what makes the rule idempotent.
# The leading lookahead lets re skip every other character at bitmap speed (25 -> 300 MB/s).
CJK_MARK_RUN_RE = re.compile(
    rf'(?=[ \t,:;?!()".·])(?:(?<=[{CJK_CONTEXT_CLASS}]){_RUN}|{_RUN}(?=[{CJK_CONTEXT_CLASS}]))')
# Every run holds a convertible mark or an ASCII ellipsis: most pages have neither, and these scans are
# cheaper than CJK_MARK_RUN_RE's, which stops at every space.
# (Substring tests: each is a memchr-speed scan, several times faster than a regex class scan.)
MARK_RUN_NEEDS = (",", ":", ";", "?", "!", "(", ")", "...", "···")


def _may_have_mark_run(text: str) -> bool:
    for mark in MARK_RUN_NEEDS:  # a loop, not any(): the generator would cost more than the tests
        if mark in text:
            return True
    return False


def _neighbour_is_cjk(text: str, pos: int, step: int) -> bool:
    """Is the first character from `pos` in direction `step`, skipping marks/spaces, CJK?"""
    while 0 <= pos < len(text) and text[pos] in CONTEXT_SKIP:
        pos += step
    return 0 <= pos < len(text) and CJK_CONTEXT_RE.match(text, pos) is not None


def _touches_cjk(text: str, m: re.Match[str]) -> bool:
    return _neighbour_is_cjk(text, m.start() - 1, -1) or _neighbour_is_cjk(text, m.end(), 1)


def _pair_in_cjk(text: str, m: re.Match[str]) -> bool:
    return CJK_CONTEXT_RE.search(m.group(1)) is not None or _touches_cjk(text, m)


def _convert_pair(text: str, pattern: re.Pattern[str], opening: str, closing: str) -> str:
    return pattern.sub(
        lambda m: f"{opening}{m.group(1)}{closing}" if _pair_in_cjk(m.string, m) else m.group(), text)


def _pair_brackets_and_quotes(text: str) -> str:
    """Convert ( ) and " " pairs in CJK context, repeated until nothing changes.

    A converted pair is CJK context for its neighbours and for the pair around it, so one
    pass is not enough for idempotence; real pages settle in one or two rounds.
    """
    for _ in range(16):
        before = text
        if "(" in text and ")" in text:
            text = _convert_pair(text, PAREN_PAIR_RE, "（", "）")
        if text.count('"') >= 2:
            text = _convert_pair(text, QUOTE_PAIR_RE, "“", "”")
        if text == before:
            break
    if '"' in text:
        text = "\n".join(_orient_unpaired_quote(line) for line in text.split("\n"))
    return text


def _orient_unpaired_quote(line: str) -> str:
    """The quote left over in a line with an odd count: opening when text follows directly."""
    if line.count('"') % 2 == 0:
        return line
    pos = line.rindex('"')
    if not (_neighbour_is_cjk(line, pos - 1, -1) or _neighbour_is_cjk(line, pos + 1, 1)):
        return line
    opens = pos + 1 < len(line) and line[pos + 1] not in " \t"
    return f"{line[:pos]}{'“' if opens else '”'}{line[pos + 1:]}"


def _convert_mark_run(m: re.Match[str]) -> str:
    return _converted_marks(m.group())


# Runs repeat (",", ", ", "("): remembering a few thousand is cheaper than converting each again.
@lru_cache(maxsize=4096)
def _converted_marks(run: str) -> str:
    return ASCII_ELLIPSIS_RE.sub(CANONICAL_ELLIPSIS, run).translate(ASCII_TO_CJK_TABLE)


def normalise_punctuation(text: str) -> str:
    """One canonical set of CJK punctuation; ASCII kept in numbers, URLs and English runs."""
    return _punctuation_after_variants(_translate_runs(text, PUNCT_VARIANT_RUN_RE, PUNCT_VARIANT_TABLE))


def _punctuation_after_variants(text: str) -> str:
    """normalise_punctuation on text whose variant glyphs are already mapped."""
    text = _pair_brackets_and_quotes(text)
    if _may_have_mark_run(text):
        text = CJK_MARK_RUN_RE.sub(_convert_mark_run, text)
    if "。。。" in text:
        text = CJK_ELLIPSIS_RUN_RE.sub(CANONICAL_ELLIPSIS, text)
    elif "…" in text:
        text = HORIZONTAL_ELLIPSIS_RUN_RE.sub(CANONICAL_ELLIPSIS, text)
    return text


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------

# A year whose zero the OCR read as the letter O ("2O17年5月12日", a page's date line): its digits, so that the
# line reads as a date (and the page's header as furniture).
LETTER_O_YEAR_RE = re.compile(r"(?<![A-Za-z0-9])(?:19|2[0Oo])[0-9Oo]{2}(?=年)")


def _letter_o_year(m: re.Match[str]) -> str:
    return m.group().replace("O", "0").replace("o", "0")


def normalise_page(text: str) -> tuple[str, str]:
    """(normalised text, script of the ORIGINAL text): width, punctuation, then t2s.

    A page that is Simplified as a whole is not converted, but for the furniture words its template or its OCR
    left in Traditional ("本報訊") and the Traditional characters no Simplified text writes (國, 羅): characters
    OpenCC would map that the Simplified character set holds (乾 -> 干) are then deliberate, typically in names
    (李乾光, 乾隆), and conversion would only damage them."""
    script, traditional = _script(text)
    # normalise_punctuation(normalise_width(text)), both character maps in one pass.
    out = _punctuation_after_variants(WIDTH_AND_VARIANT_RUN_RE.sub(_width_and_variant_run, text))
    if ("O" in out or "o" in out) and "年" in out:
        out = LETTER_O_YEAR_RE.sub(_letter_o_year, out)
    if script != "simplified":
        out = to_simplified(out)
    elif traditional:
        out = _strays_simplified(_furniture_simplified(out))   # "本報訊（记者 羅某）" on a Simplified page
    return out, script


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int
    end_day: int | None = None
    # "2017年6月" names a month, not a day: day is 1 and this is True.
    month_only: bool = False
    # 今天/昨天/前天: the day this many days before the publication date (day and month then mean nothing).
    days_before: int | None = None
    # 去年/前年 before a day written without its year ("去年12月28日"): that many years before the page's.
    years_before: int | None = None
    # A day the text looks ahead to ("12月31日前完工", "将于12月20日召开"): never taken back a year.
    ahead: bool = False


# Full-width digits fold to ASCII one for one, so offsets found in the folded text hold in the
# original (find_dates must work on text that normalise_width has not seen).
DIGIT_FOLD_TABLE = str.maketrans("０１２３４５６７８９", "0123456789")
FULLWIDTH_DIGITS_RE = re.compile(_run_of("[０-９]"))
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
YEAR_RANGE = (1900, 2100)

_S = r"[ \t\u3000]?"                       # one OCR/typesetting space ("11月 14日")
_DAYMARK = r"[日号]"                          # 号 is the spoken form of 日
_TO = rf"{_S}[至到~～\-－—–]{_S}"             # 25日至26日, 25日-26日
_CN_YEAR = r"[〇○零Ｏ一二三四五六七八九]{4}"
_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
# 廿 (20) and 卅 (30) are the newspaper short forms (六月卅日).
_CN_UNIT = "[一二三四五六七八九]"
_CN_DAY = rf"三十一?|卅一?|二十{_CN_UNIT}?|廿{_CN_UNIT}?|十{_CN_UNIT}?|{_CN_UNIT}"
# Words that make a bare "18日" a date in news leads (习近平18日上午在…, 截至27日).
# ... or what a lead says right after its date: "16日，县委召开…", "16日在…调研", "16日主持召开…"
_DAY_CUE_AFTER = ("上午|下午|中午|晚上|晚间|凌晨|早上|早晨|傍晚|夜间|夜里|晚|电|讯|[0-9]{1,2}[时:点]"
                  "|[，,]|在|召开|举行|举办|主持|出席|会见|会谈|赴|前往|深入|率|带领|先后")

_Y = r"[0-9]{4}"
_N = r"[0-9]{1,2}"
# A range's first day may drop its 日 when the second one has it ("4月27至28日", "4月10-11日").
_RANGE_DAYMARK = rf"(?:{_DAYMARK}|(?={_TO}{_N}{_S}{_DAYMARK}))"
_NOT_AFTER_DIGIT = r"(?<![0-9])"
# a bare day, not the tail of 11月13日 or of 213日, nor a count of days (近3日, 连续3日, 每3日, 第3日)
_DAY_ONLY_START = r"(?<![0-9近续每约第])(?<![^本]月)"   # a day alone, or of 本月 ("本月18日")

# Every form starts with a digit, 昨/今/前 or a Chinese numeral; the leading lookahead lets re skip
# the rest of the text at bitmap speed. Alternatives are tried longest form first.
DATE_RE = re.compile(
    r"(?=[0-9昨今前〇○零Ｏ一二三四五六七八九十])(?:"
    rf"(?P<ymd>{_NOT_AFTER_DIGIT}(?P<y1>{_Y}){_S}年{_S}(?P<m1>{_N}){_S}月{_S}(?P<d1>{_N}){_S}{_RANGE_DAYMARK}"
    rf"(?:{_TO}(?P<e1>{_N}){_S}{_DAYMARK})?)"
    rf"|(?P<iso>(?<![0-9.])(?P<y2>{_Y})(?P<sep>[-/.])(?P<m2>{_N})(?P=sep)(?P<d2>{_N})(?![0-9.]))"
    rf"|(?P<ym>{_NOT_AFTER_DIGIT}(?P<y3>{_Y}){_S}年{_S}(?P<m3>{_N}){_S}月)"
    rf"|(?P<md>{_NOT_AFTER_DIGIT}(?P<m4>{_N}){_S}月{_S}(?P<d4>{_N}){_S}{_RANGE_DAYMARK}"
    rf"(?:{_TO}(?P<e4>{_N}){_S}{_DAYMARK})?)"
    rf"|(?P<rel>[昨今前]{_S}[（(]{_S}(?P<d5>{_N}){_S}[)）]{_S}日)"
    # 今天/昨天/前天 as a lead's date, a time of day or a comma after it (not 今天的…, 今日头条)
    r"|(?P<reld>今天|今日|昨天|昨日|前天)(?=[，,上下中晚早凌])"
    rf"|(?P<drange>{_DAY_ONLY_START}(?P<d6>{_N}){_S}{_DAYMARK}{_TO}(?P<e6>{_N}){_S}{_DAYMARK})"
    rf"|(?P<dcue>{_DAY_ONLY_START}(?P<d7>{_N}){_DAYMARK}(?={_DAY_CUE_AFTER}))"
    rf"|(?P<dsince>(?:(?<=截至)|(?<=截止))(?P<d8>{_N}){_DAYMARK})"
    rf"|(?P<cn>(?:(?P<y9>{_CN_YEAR})年)?(?<![一二三四五六七八九十])(?P<m9>{_CN_MONTH})月"
    rf"(?:(?P<d9>{_CN_DAY}){_DAYMARK})?)"
    r")"
)
YEAR_MENTION_RE = re.compile(
    rf"{_NOT_AFTER_DIGIT}(?P<y>{_Y})(?={_S}年|[-/.]{_N}[-/.]{_N}(?![0-9]))|(?P<cy>{_CN_YEAR})(?=年)"
)
PUBLISHED_RE = re.compile(r"^\s*([0-9]{4})(?:[-/.]([0-9]{1,2})[-/.]([0-9]{1,2}))?\s*$")


CN_TENS = {"廿": 20, "卅": 30}
RELATIVE_DAYS = {"今": 0, "昨": 1, "前": 2}
# The year a day is said to be of, counted back from the page's ("去年12月28日", "前年5月").
YEARS_BACK = {"去年": 1, "前年": 2}
# A day written without its year that would fall this far after the page's date is of the year before: a
# January page's "12月28日" is the December just gone (a page looks back weeks, not forward most of a year).
YEAR_AHEAD_MAX = timedelta(days=273)
# ... unless the text looks ahead to it: a deadline ("12月31日前", "年底前" is no day) or a date set
# ("将于12月20日", "定于…", "计划…").
AHEAD_AFTER_RE = re.compile(f"[ ]?(?:{'|'.join(section_words('date_years.txt', 'ahead_after'))})")
AHEAD_BEFORE_RE = re.compile(f"(?:{'|'.join(section_words('date_years.txt', 'ahead_before'))})[ ]?$")
AHEAD_REACH = 4


def _cn_number(s: str) -> int:
    """一..九 digits read positionally (二〇一五), or a 十/廿/卅-number up to 三十一."""
    if s[0] in CN_TENS:
        return CN_TENS[s[0]] + (CN_DIGITS[s[1]] if len(s) > 1 else 0)
    if "十" not in s:
        n = 0
        for ch in s:
            n = n * 10 + CN_DIGITS[ch]
        return n
    tens, _, units = s.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


# Named groups of each numeric form of DATE_RE: (year, month, day, end day).
DATE_FORM_GROUPS = {
    "ymd": ("y1", "m1", "d1", "e1"),
    "iso": ("y2", "m2", "d2", None),
    "md": (None, "m4", "d4", "e4"),
    "rel": (None, None, "d5", None),
    "drange": (None, None, "d6", "e6"),
    "dcue": (None, None, "d7", None),
    "dsince": (None, None, "d8", None),
}


def _group_int(m: re.Match[str], name: str | None) -> int | None:
    value = m.group(name) if name else None
    return int(value) if value else None


def _mention(m: re.Match[str]) -> DateMention | None:
    kind, g = m.lastgroup, m.group
    if kind == "cn":
        if g("d9") is None and g("y9") is None:
            return None  # a bare "一月" is too often not a date
        year = _cn_number(g("y9")) if g("y9") else None
        day = _cn_number(g("d9")) if g("d9") else 1
        return DateMention(m.start(), m.end(), year, _cn_number(g("m9")), day, None, g("d9") is None)
    if kind == "ym":
        return DateMention(m.start(), m.end(), int(g("y3")), int(g("m3")), 1, None, True)
    if kind == "reld":
        return DateMention(m.start(), m.end(), None, None, 1, None, False, RELATIVE_DAYS[m.group()[0]])
    y, mo, d, e = (_group_int(m, name) for name in DATE_FORM_GROUPS[kind])
    if kind == "iso" and not YEAR_RANGE[0] <= y <= YEAR_RANGE[1]:
        return None  # 1234-5-6 is a code or a phone number, not a date
    if e is not None and not d < e <= 31:
        e = None  # "30日至2日" crosses a month: keep the first day only
    return DateMention(m.start(), m.end(), y, mo, d, e)


def _plausible(d: DateMention) -> bool:
    return 1 <= d.day <= 31 and (d.month is None or 1 <= d.month <= 12)


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in text order; offsets index `text` itself (full-width digits allowed)."""
    folded = _translate_runs(text, FULLWIDTH_DIGITS_RE, DIGIT_FOLD_TABLE)
    out = []
    for m in DATE_RE.finditer(folded):
        mention = _mention(m)
        if mention is not None and _plausible(mention):
            if mention.year is None and mention.month is not None and mention.start >= 2 \
                    and (back := YEARS_BACK.get(folded[mention.start - 2:mention.start])) is not None:
                mention = replace(mention, years_before=back)
            if mention.year is None and (AHEAD_AFTER_RE.match(folded, mention.end)
                                         or AHEAD_BEFORE_RE.search(folded, max(0, mention.start - AHEAD_REACH),
                                                                   mention.start)):
                mention = replace(mention, ahead=True)
            out.append(mention)
    return out


def parse_published(value: str | None) -> tuple[int | None, date | None]:
    """Manifest `published`: 'YYYY' -> (year, None); 'YYYY-MM-DD' -> (year, date)."""
    m = PUBLISHED_RE.match(value or "")
    if m is None:
        if value and value.strip():
            log.warning("unreadable published value %r", value)
        return None, None
    year = int(m.group(1))
    if m.group(2) is None:
        return year, None
    try:
        return year, date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        log.warning("impossible published date %r; keeping the year only", value)
        return year, None


@dataclass(frozen=True)
class YearIndex:
    """Every plausible stated year of a text (2022年, 二〇一五年, 2017-06-28) and where it starts, found in
    one scan, so that the year nearest to any number of positions costs a bisection each, not a rescan
    of the text (a page of many articles asks once per article)."""
    starts: tuple[int, ...]
    years: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> YearIndex:
        starts, years = [], []
        folded = _translate_runs(text, FULLWIDTH_DIGITS_RE, DIGIT_FOLD_TABLE)
        for m in YEAR_MENTION_RE.finditer(folded):
            year = int(m.group("y")) if m.group("y") else _cn_number(m.group("cy"))
            if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] and not _period_or_target(folded, m.start(), m.end()):
                starts.append(m.start())
                years.append(year)
        return cls(tuple(starts), tuple(years))

    def near(self, pos: int) -> int | None:
        """The closest stated year starting before `pos`, else the first one at or after it."""
        i = bisect_left(self.starts, pos)
        if i:
            return self.years[i - 1]
        return self.years[0] if self.years else None


# Years that name a period or a target, not when the text happened (tasks/data/date_years.txt).
PERIOD_AFTER_RE = re.compile(rf"{_S}年(?:{trie_regex(section_words('date_years.txt', 'after'))})")
TARGET_BEFORE_RE = re.compile(rf"(?:{trie_regex(section_words('date_years.txt', 'before'))}){_S}$")
DATED_BEFORE_RE = re.compile(rf"(?:{trie_regex(section_words('date_years.txt', 'before_not'))}){_S}$")
TARGET_BEFORE_REACH = 4


def _period_or_target(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] names a period or a target ("2023年度", "到2035年"), not a when ("截至2023年")."""
    if PERIOD_AFTER_RE.match(text, end):
        return True
    before = max(0, start - TARGET_BEFORE_REACH)
    return bool(TARGET_BEFORE_RE.search(text, before, start)) and not DATED_BEFORE_RE.search(text, before, start)


def year_near(text: str, pos: int) -> int | None:
    """The closest stated year (2022年, 二〇一五年, 2017-06-28) before `pos`, else after it. One position:
    for many positions in one text, build a YearIndex once."""
    return YearIndex.of(text).near(pos)


def resolve_date(m: DateMention, *, year: int | None, ref: date | None) -> date | None:
    """A calendar date for a mention, or None when the year is unknown or the date impossible.

    The year is the mention's own, else `year`, else ref's. A day-only mention takes ref's month
    (and year), or the month before when the day is later than ref's day (昨（30）日 seen on the 1st);
    今天/昨天/前天 count back from ref; 去年/前年 before a day count years back; a day that would fall most of
    a year after ref is of the year before (YEAR_AHEAD_MAX).
    """
    if m.days_before is not None:
        return ref - timedelta(days=m.days_before) if ref is not None else None
    if m.month is None:
        if ref is None:
            return None
        y, month = ref.year, ref.month
        if m.day > ref.day:
            y, month = (y, month - 1) if month > 1 else (y - 1, 12)
    else:
        y = m.year if m.year is not None else year if year is not None else ref.year if ref else None
        month = m.month
        if y is not None and m.year is None and m.years_before is not None:
            y -= m.years_before
        elif y is not None and m.year is None and ref is not None and y == ref.year and not m.ahead \
                and (month, m.day) > (ref.month, ref.day):
            ahead = _day(y, month, m.day)
            if ahead is not None and ahead - ref > YEAR_AHEAD_MAX:
                y -= 1
    if y is None:
        return None
    return _day(y, month, m.day)


def _day(y: int, month: int, day: int) -> date | None:
    try:
        return date(y, month, day)
    except ValueError:
        return None


LEAD_WINDOW = 120   # how far into an article's text its lead's date is looked for


def lead_date(text: str, *, year: int | None, ref: date | None, window: int = LEAD_WINDOW) -> date | None:
    """The first resolvable date mention starting within the first `window` characters.

    A range gives its first day; a month without a day ("2017年6月") is not a lead date. Without a
    `year`, the year stated nearest to the mention in `text` is used.
    """
    years: YearIndex | None = None
    for m in find_dates(text[: window + 32]):
        if m.start >= window:
            break
        if m.month_only:
            continue
        if year is None and years is None:
            years = YearIndex.of(text)
        y = year if year is not None else years.near(m.start)
        resolved = resolve_date(m, year=y, ref=ref)
        if resolved is not None:
            return resolved
    return None
