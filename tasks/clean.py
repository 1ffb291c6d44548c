"""Clean a decoded page: drop page furniture, undo OCR damage, one paragraph or headline per line.

``clean_page`` runs before normalisation, so every rule here accepts both punctuation widths and both
Traditional and Simplified spellings. It removes only what a rule below names (furniture, markdown
residue, pinyin glosses, OCR spaces, hard line breaks); everything else is kept, in order.

Steps: text-level residue (control characters, paragraph indents, markdown, share buttons, CMS buttons,
WeChat interface, URLs, pinyin; source addresses set aside and put back as "原文链接：<url>" lines) -> lines
-> furniture lines -> OCR spaces (per line, by line type) -> hard-wrapped lines joined. The steps are
ordered so that cleaning its own output changes nothing (``clean_page`` is idempotent).
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, chain

from tasks.lexicon import section_words, single_surnames
from tasks.segment import cut, engine

log = logging.getLogger(__name__)

# CJK ideographs (BMP blocks, compatibility block and the supplementary planes).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
CJK_CHAR = re.compile(f"[{CJK}]")

# ---------------------------------------------------------------- text-level residue
# Line breaks of every platform, and the Unicode line/paragraph separators, become "\n".
NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# C0/C1 controls (NUL from broken conversions etc.) and zero-width characters; "\n" is kept.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u200b-\u200d\u2060\ufeff]")
# Tab, ideographic space and no-break space are plain spaces for everything that follows.
SPACE_LIKE = re.compile(r"[\t\u3000\u00a0\u2000-\u200a\u202f\u205f]")
# Any character of the three classes above: most pages have none, and one scan is cheaper than three.
# Pages that lost their line breaks keep the paragraph indent ("　　"): a run of two or more ideographic
# spaces starts a paragraph (at a line start it is only an indent, and the empty line it leaves is dropped).
PARAGRAPH_INDENT = re.compile(r"[ \t\u00a0]*\u3000{2,}")
# Items run together with no indent at all: an outlet's dateline right after a sentence's end starts a
# paragraph ("…签署协议。本报讯 5月21日，…", "…工作。又讯（通讯员 甲）…", "…。某某网讯 …"); not after a
# closing quote alone, which may open a line ("”本报讯…" is a quote's end wrapped onto the next line).
RUN_ON_DATELINE = re.compile(r"(?:(?<=[。！？!?])|(?<=[。！？!?]”))[ \u3000]*(?=(?:本报讯|又讯|本报(?:(?!记者|摄)[^，。！？\s]){1,12}?讯|"
                             r"[\u4e00-\u9fff]{2,8}?网讯|[\u4e00-\u9fff]{2,10}?融媒体中心讯)(?:[（(【 :：]|\d))")
# ... but not inside a page's header or sign-off, whose fields a scan sets apart by the same runs ("第 3 版　　综合新闻
# 　　2022年9月8日　星期四", "责任编辑：甲　　版式：乙"): a short line with no clause punctuation that holds the
# page's number, the weekday, or its date and the page's editors keeps its fields on one line, parted by
# a space (an office's name and a date alone are a bulletin's issuing line: "某某县人民政府办公室　　2016年9月20日");
# so do a record's meta line opening with its date ("2022-07-15 09:12　　某某县融媒体中心") and a page's sign-off ("责任编辑　甲　　美术编辑
# 　乙　　校对　丙").
HEADER_GAP_LINE = re.compile(r"^(?=[^\n。，；！？,;!?]{0,80}?(?:第[ ]?[\d一二三四五六七八九十]{1,3}[ ]?版|星期[一二三四五六日天]"
                             r"|(?:19|20)\d{2}[ ]?年[^\n。，]{0,40}?(?:编辑|责编|版式|校对)"
                             r"|(?:编辑|责编)[^\n。，]{1,30}?(?:版式|美编|美术编辑|组版|校对))|(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?=[ \u3000]))"
                             r"[^\n。，；！？,;!?]{4,80}$", re.M)
FULL_WIDTH_RUN = re.compile("\u3000+")
# A signature of names closing a text, OCR's single spaces inside each name and wider gaps between the names
# ("…。（王 芳　杨 柳）"): each name whole, one space between them (a name padded to three characters' width keeps
# the older setting's reading, "（张　磊 赵文静）", as no piece there is a single character before a gap); the
# signature ends its line, or the next item's indent follows it on a page that lost its line breaks.
SPACED_SIGNATURE = re.compile(f"(?<=[。！？!?”])[(（](?P<names>[{CJK}](?:[ ]?[{CJK}]){{1,3}}"
                              f"(?:(?:\u3000+|[ ]{{2,}})[{CJK}](?:[ ]?[{CJK}]){{1,3}}){{1,4}})[)）]"
                              f"(?=[ \t\u3000]*$|[ \t]*\u3000{{2}})", re.M)
WIDE_GAP = re.compile("(?:\u3000+|[ ]{2,})")
# ... or every character set apart by one space alike ("…。（李 涛 周 敏）"): two-character names, each pair opening
# with a surname (an odd count, or a pair with no surname, is OCR's spaced-out words: "（详 见 附 件 一）").
SPACED_PAIRS_SIGNATURE = re.compile(f"(?<=[。！？!?”])[(（](?P<names>[{CJK}](?:[ ][{CJK}]){{3,7}})[)）]$")
SPACED_PAIRS_WINDOW = 18
SURNAME_CHARS = single_surnames()


def _paired_signature(line: str) -> str:
    """A closing signature of spaced single characters as its names of two, one space between them."""
    m = SPACED_PAIRS_SIGNATURE.search(line, max(0, len(line) - SPACED_PAIRS_WINDOW))
    if m is None:
        return line
    chars = m.group("names").split(" ")
    if len(chars) % 2 or not all(c in SURNAME_CHARS for c in chars[::2]):
        return line
    names = " ".join(a + b for a, b in zip(chars[::2], chars[1::2]))
    return f"{line[:m.start()]}{line[m.start()]}{names}{line[-1]}"


def _spaced_signature(m: re.Match[str]) -> str:
    names = [piece.replace(" ", "") for piece in WIDE_GAP.split(m.group("names"))]
    return f"{m.group()[0]}{' '.join(names)}{m.group()[-1]}"


PREP_ANY = re.compile(r"[\r\u2028\u2029\x0b\x0c\x85\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u200b-\u200d\u2060\ufeff"
                      r"\t\u3000\u00a0\u2000-\u200a\u202f\u205f]")

# Markdown transcripts (CCTV 新闻联播 repastes): HTML comments, "### " heading markers, **bold** markers.
MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
MD_HEADING = re.compile(r"^[ ]*(?:#{1,6}[ ]+)+", re.M)
MD_BOLD = re.compile(r"\*{2,}")
# A page's source address ("[查看原文](url)" closing a markdown transcript, "網址：https://…" in a header,
# "原文链接：…" under a reposted item) is not text, but it is where the page came from: it becomes one line
# "原文链接：<url>" (SOURCE_LINE) that tasks.articles moves into the article's url, and every other rule
# leaves alone.
SOURCE_LINE_LABEL = "原文链接："
MD_SOURCE_LINK = re.compile(
    r"^[ ]*\[(?:查看原文|查看原文章|原文链接|原文鏈接|阅读原文|閱讀原文)\]\((?P<url>(?:https?://|www\.)[^)\s]*)\)[ ]*$", re.M)
LABELLED_SOURCE_LINE = re.compile(
    r"^[ ]*(?:原文链接|原文鏈接|原文地址|原文网址|原文網址|来源网址|來源網址|来源链接"
    r"|來源鏈接|本文链接|本文鏈接|文章链接|文章鏈接|网址|網址|查看原文|阅读原文|閱讀原文)[ ]?[:：][ ]*"
    r"(?P<url>(?:https?://|www\.)[^\s]+)[ ]*$", re.M)
SOURCE_LINE = re.compile(r"^原文链接：(?:https?://|www\.)[^\s]+$", re.M)
# While the residue rules run, each source line waits as a numbered slot that no rule touches (rewriting
# it there would make every page with one take a second round of rules).
SOURCE_SLOT = re.compile("\ue000(\\d+)\ue001")
# Any other markdown link keeps its text and loses its target.
MD_LINK = re.compile(r"\[([^\]\n]{1,80})\]\((?:https?://|www\.)[^)\n]*\)")

# Web pages (a Taiwanese newspaper site): share buttons and the related-links strip left as text.
SHARE_TARGET = r"(?:facebook|Facebook|FB|twitter|Twitter|LINE|Line|微信|微博)"
SHARE_BUTTONS = re.compile(f"[ ]*分享[ ]+{SHARE_TARGET}(?:[ ]+{SHARE_TARGET})*[ ]*")
HTML_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|ensp|emsp|#\d{1,5});?")
# Web pages: a strip of "》link text" items closing a line (" 》个股行情 》资金流向》热门排行").
# At least one item is set off by spaces (the "&nbsp" separators), which prose never does.
LINK_ITEM = r"》[^\s》《「」『』。，,；;：:()（）]{2,14}"
LINK_STRIP = re.compile(
    f"(?:^|[ ]+|(?<=[。！？!?”」]))[ ]*{LINK_ITEM}(?:[ ]*{LINK_ITEM})*?[ ]+{LINK_ITEM}(?:[ ]*{LINK_ITEM})*[ ]*$", re.M)

# Web pages (a district government portal): pinyin glosses after characters, "新區(qū)" -> "新區",
# "領(lǐng)導(dǎo)" -> "領導".
TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = f"a-zü\u0251\u0261{TONE_LETTERS}"  # some sites type ɑ/ɡ for a/g
PINYIN_GLOSS = re.compile(
    f"[(（](?:(?<=[{CJK}][(（])|(?<=[{CJK}] [(（]))[ ]?(?=[{PINYIN_LETTERS} ]*[{TONE_LETTERS}])[{PINYIN_LETTERS}]+"
    f"(?:[ ][{PINYIN_LETTERS}]+)*[ ]?[)）]"
)

# Any page: web addresses and e-mail addresses are never article text; a line that only labels an
# address ("某某网: http://…", "網址：https://…") goes with it.
# (A SOURCE_LINE is neither: the lookarounds keep these rules off its address.)
LABELLED_URL_LINE = re.compile(r"^(?!原文链接：)[^\n:：。，,]{0,20}[:：]?[ ]*(?:https?://|www\.)[^\s]+[ ]*$", re.M)
# (Each lookbehind stands after what it guards, so that it is tested only where an address may start.)
URL = re.compile(r"(?:https?://(?<!原文链接：https://)(?<!原文链接：http://)|www\.(?<![/\w.]www\.)(?<!原文链接：www\.))"
                 r"[\w\-.~%/?#\[\]@!$&'*+,;=:]+"
                 r"|\b(?<![/.:@\-])[\w\-]+(?:\.[\w\-]+)*\.(?:com|cn|net|org|gov\.cn|com\.cn|tw|hk)(?:/[\w\-./?%&=#]*)?\b",
                 re.A)
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.A)

# Print pages: jump markers and edit notes, "(下转第二版)", "（上接第一版）", "(本报有删节)".
JUMP_MARKER = re.compile(
    r"[(（][ ]*(?:下转|下轉|上接|转|轉|接)[ ]*第?[ ]*[\d一二三四五六七八九十零〇ＡＢＣＤA-D]{1,3}[ ]*[版页頁][^()（）\n]{0,6}[)）]")
# ... but a paragraph that opens by saying where it began ("（上接第一版）会议要求，…") is the rest of an item from
# another page, not of the item above it: the marker becomes CONTINUED_LINE on a line of its own, which the
# splitter reads as the start of an item (tasks/articles.py) and drops.
CONTINUED_LINE = "（上接）"
CONTINUED_FROM = re.compile(
    r"^[ ]*[(（][ ]*(?:上接|上續|上续)[ ]*第?[ ]*[\d一二三四五六七八九十零〇ＡＢＣＤA-D]{1,3}[ ]*[版页頁][^()（）\n]{0,6}[)）][ ]*", re.M)
EDIT_NOTE = re.compile(r"[(（][ ]*(?:本报|本報|本刊|本文)?[ ]*(?:有删节|有刪節|略有删节|略有刪節|有改动|有改動)[ ]*[)）]")

# CMS records whose meta fields are bracketed ("【发布时间：2023-03-29】【来源：县林草局】【作者：甲】"): the fields
# as a meta line writes them, so that the line is read as one ("发布时间：2023-03-29 来源：县林草局 作者：甲").
# A bare 时间/日期 is left alone: an event notice's body gives its own ("【时间：4月15日】【地点：文化广场】").
BRACKET_META = re.compile(
    r"【((?:发布|發佈|發布|更新)(?:时间|時間|日期)|(?:信息)?(?:来源|來源)|作者|(?:责任)?编辑|(?:責任)?編輯|审核|審核"
    r"|(?:浏览|瀏覽|点击|點擊|阅读|閱讀)(?:次数|次數|量|数|數)?)[:：]([^【】\n]{0,40})】[ ]?")
# ... or one bracket holds them all, parted by bars ("【来源：县政府办 | 发布时间：2020-05-06 | 作者：甲】"): the fields
# as a meta line with bars writes them (a lone field in brackets stays: it may be a phrase in prose).
META_KEY_ALT = (r"(?:(?:发布|發佈|發布|更新)(?:时间|時間|日期)|(?:信息)?(?:来源|來源)|作者|(?:责任)?编辑|(?:責任)?編輯|审核|審核"
                r"|(?:浏览|瀏覽|点击|點擊|阅读|閱讀)(?:次数|次數|量|数|數)?)")
PIPED_BRACKET_META = re.compile(f"【({META_KEY_ALT}[:：][^【】\n|｜]{{0,40}}(?:[|｜][ ]?{META_KEY_ALT}[:：][^【】\n|｜]{{0,40}})+)】[ ]?")
BRACKET_META_OPENINGS = tuple(f"【{key}" for key in ("发布", "發佈", "發布", "更新", "信息", "来源", "來源", "作者", "责任", "責任",
                                                    "编辑", "編輯", "审核", "審核", "浏览", "瀏覽", "点击", "點擊", "阅读", "閱讀"))
# CMS records (government portals): the record's buttons, "【字体：大 中 小】", "[打印本页] [关闭窗口]", anywhere.
CMS_BUTTONS = re.compile(
    r"[【\[]?(?:字体|字體|字号|字號)(?:[ ]?[:：][ ]?|[ ])[【\[]?[ ]?大[ ]?中[ ]?小[ ]?[】\]]?"   # (or "字号：[ 大 中 小 ]", "【字号 大 中 小】")
    r"|[【\[]?(?:打印本页|打印本頁|打印此页|打印此頁|打印文章|关闭窗口|關閉窗口|关闭本页|關閉本頁|返回顶部|返回頂部)[】\]]?"
    r"|【(?:打印|关闭|關閉|收藏|返回)】|\[(?:打印|关闭|關閉|收藏|返回)\]"
    # (the size buttons with no label: "作者：甲 【大 中 小】", read as a name otherwise)
    r"|[【\[][ ]?大[ ]?中[ ]?小[ ]?[】\]]"
    # (the QR code's label beside the record: "扫一扫在手机打开当前页")
    r"|(?:用手机)?扫一扫在手机(?:上)?(?:打开|查看|浏览)当前页面?")
# WeChat articles saved as text end in the reader's interface ("预览时标签不可点", "继续滑动看下一个",
# "轻点两下取消赞"…): from its first marker to the end of the page, when a second marker follows.
WECHAT_MARKERS = ("预览时标签不可点", "微信扫一扫关注该公众号", "继续滑动看下一个")
WECHAT_TAIL = re.compile(
    f"(?:{'|'.join(WECHAT_MARKERS)})(?=[\\s\\S]{{0,300}}?(?:轻触阅读原文|向上滑动看下一个|轻点两下取消))[\\s\\S]*\\Z")
# The account's name, which the interface repeats: "…轻触阅读原文<account>向上滑动看下一个…".
WECHAT_ACCOUNT = re.compile(r"轻触阅读原文(?P<account>[^\s，。,.：:]{2,20}?)向上滑动看下一个")
WECHAT_ACCOUNT_HINT = "向上滑动看下一个"
WECHAT_TITLE_MIN = 4
# A photo caption run into the paragraph before it ("…武装头脑。▲县领导集中收看开幕式。") starts a line.
CAPTION_RUN_ON = re.compile(r"(?<=[。！？!?”])[ ]*(?=▲)")
# Briefs run together on one line, each opening with its bullet ("…讲座。■县林业局开展护林员培训 6月6日，…").
# (or after the last one's closing credit: "…。（记者 甲）◆【县人民医院开展义诊】…")
BULLET_RUN_ON = re.compile(r"(?<=[。！？!?”）)])[ ]*(?=[■●◆★])")
# ... and so do items each under its column's label in square brackets, or under its headline in them over a dated
# lead, the next one run on after the last one's full stop or closing credit ("…80余人次。（通讯员 甲）【乡镇动态】
# 石桥镇召开…", "…。【我县召开推进会】5月6日，…"); words in brackets inside a sentence stay ("【大中小企业】座谈会召开").
BRACKET_HEAD_RUN_ON = re.compile(r"(?<=[。！？!?）)])[ ]*(?=【(?:[\u4e00-\u9fff]{0,6}(?:动态|快讯|简讯|短讯|资讯|要闻|新闻|速递"
                                 r"|传真|播报|关注|视点|聚焦)】[ ]?[^\s【】]|[^【】\n。，,！？!?]{4,40}】[ ]?"
                                 r"(?:\d{1,2}月\d{1,2}日|近日|日前)))")
# A brief's headline and its dated text on the bullet's line ("■县妇联开展家庭教育讲座 6月5日，…"): two lines.
BULLET_HEADLINE = re.compile(r"^([■●◆★][^\n。，,！？!?：:]{4,30}?)[ ]+"
                             r"(?=(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?)?|近日|日前)[，,])", re.M)
# A brief set as one row ("县政府召开常务会议  9月26日，…", "“邻里议事”解难题 本报讯 今年以来，…"): its headline,
# spaces or a colon ("某某督查河长制工作：3月19日，…"; not what was said: "…强调：6月5日，…"), then its dated lead
# or its dateline without a credit bracket; two lines. Not a credit before the lead
# ("本报记者甲 6月5日，…") nor a deadline ("…清理 3月12日前全部完成"), which no comma follows.
def _not_after(words: list[str]) -> str:
    """Lookbehinds refusing each word before the next character (Python's take one width each)."""
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(re.escape(w))
    return "".join(f"(?<!{'|'.join(ws)})" for _, ws in sorted(by_length.items()))


ROW_HEADLINE = re.compile(r"^(?!本报|本報)(?![^\n ：:，,。]*?(?:记者|記者|通讯员|通訊員|摄|攝))([^\s。，,！？!?：:；;、()（）■●◆★▲]{6,30}?)"
                          r"(?:[ ]+|" + _not_after(section_words("page_notes.txt", "said_before_colon")) + r"[：:])"
                          r"(?=(?:\d{1,2}月\d{1,2}日(?:[上下]午|晚上?)?|近日|日前|今年以来|今年|近年来|连日来|近期)[，,]"
                          r"|(?:本报|本報)[讯訊][ ]?[^ (（\n])", re.M)
# An item run into the one before it: a dateline with its credit bracket right after a sentence's end or
# after a space (a headline on the same line), "…参加了座谈会。本报讯(记者 某某)10月16日，…".
# After a sentence's end the paper's own dateline may also name its reporter without a bracket:
# "…工作。本报讯记者某某报道：…", "…工作。本报沈阳6月10日电记者某某报道：…".
DATELINE_RUN_ON = re.compile(
    f"(?:(?<=[。！？!?”])[ ]*|[ ]+)(?=(?:本报|本報|[{CJK}]{{1,10}}?(?:网|網|报|報|台|社))[讯訊][ ]?[(（])"
    f"|(?<=[。！？!?”])[ ]*(?=(?:本报|本報)[{CJK}0-9]{{0,12}}?[讯訊电電][ ]?"
    f"(?:首席|特约|特約|融媒体|融媒體|见习|見習|实习|實習)?(?:记者|記者|通讯员|通訊員))"
    # a headline run into it with no space ("某某汇演本报贵阳五月三十日电记者某某报道："), the whole credit up to 报道
    f"|(?<=[{CJK}])(?<![据據])(?=(?:本报|本報)[{CJK}0-9０-９]{{0,12}}?[讯訊电電](?:记者|記者)[{CJK}、 ]{{2,12}}?(?:报道|報道)[:：])")


class AnchoredRegex:
    """A regex whose every match lies near an anchor, run only in windows around the anchors: the same
    matches as pattern.finditer over the whole text, for a pattern that

    - splits at a run of ASCII spaces or at an empty position, reading one character behind it;
    - holds an anchor at most `before` characters after the position its spaces end at (or the match's);
    - reads at most `after` characters past that anchor's start, with positive lookaheads only.

    A window starts `before` characters ahead of its anchor, moved back over the spaces there (so no match
    crosses its start), and windows that meet are merged (so each match lies wholly in one). DATELINE_RUN_ON
    tried its lookbehinds at every character of a page holding 讯 or 本报: 11 of clean_page's 55 ms per bench
    copy, twice (the rule and has_residue); tests/test_clean.py compares it with the plain regex."""

    def __init__(self, regex: re.Pattern[str], anchors: re.Pattern[str], before: int, after: int | None,
                 spaces: str = " ") -> None:
        """`after` None: the pattern reads no further than the end of the anchor's line (its lookahead crosses
        no line break; `$` under re.M is true at a window's end as at the line break there). `spaces`: the
        characters of the run the pattern splits at."""
        self.regex, self.anchors, self.before, self.after, self.spaces = regex, anchors, before, after, spaces
        self.pattern = regex.pattern   # as re.Pattern has it

    def windows(self, text: str) -> list[list[int]]:
        out: list[list[int]] = []
        for m in self.anchors.finditer(text):
            lo = max(0, m.start() - self.before)
            while lo > 0 and text[lo - 1] in self.spaces:
                lo -= 1
            if self.after is None:
                hi = text.find("\n", m.start())
                hi = len(text) if hi < 0 else hi
            else:
                hi = min(len(text), m.start() + self.after)
            if out and lo <= out[-1][1]:
                out[-1][1] = hi
            else:
                out.append([lo, hi])
        return out

    def finditer(self, text: str):
        for lo, hi in self.windows(text):
            yield from self.regex.finditer(text, lo, hi)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def sub(self, repl: str, text: str) -> str:
        return self.subn(repl, text)[0]

    def subn(self, repl: str, text: str) -> tuple[str, int]:
        pieces: list[str] = []
        at = 0
        for m in self.finditer(text):
            pieces += (text[at:m.start()], m.expand(repl))
            at = m.end()
        if not pieces:
            return text, 0
        pieces.append(text[at:])
        return "".join(pieces), len(pieces) // 2


# A headline run in between the item before and its own dateline, all on one line ("…确保按期交付。 县领导
# 督查重点项目建设 本报讯（通讯员 甲）11月22日，…"): DATELINE_RUN_ON splits before the dateline only, which leaves
# the headline closing the paragraph above; it opens a line of its own after that paragraph's last sentence.
HEADLINE_RUN_ON = re.compile(
    f"(?<=[。！？!?”])[ ]*(?=[^\\s。！？!?，,；;：:、()（）“”]{{4,30}}[ ]{{1,3}}"
    f"(?:本报|本報|[{CJK}]{{1,10}}?(?:网|網|报|報|台|社))[讯訊][ ]?[(（])")
# Its 讯 stands at most 44 characters after where it splits (30 of a headline, 3 spaces, 11 of an outlet), and
# it reads on to the bracket after it.
HEADLINE_RUN_ON_FAST = AnchoredRegex(HEADLINE_RUN_ON, re.compile("讯|訊"), before=44, after=3)
# ... or with the headline closing that paragraph and the item's dateline opening the next line ("…办结率98%。
# 区农业局开展春耕技术指导" / "本报讯（…）…"): the space the OCR left after the last sentence parts them.
HEADLINE_OVER_DATELINE = re.compile(
    "(?<=[。！？!?”])[ ]+(?=(?![^\n]*?(?:记者|記者|通讯员|通訊員|摄|攝))[^\\s。！？!?，,；;：:、()（）“”]{6,30}\n(?:本报|本報)[讯訊])")
# Its 讯 stands at most 34 characters after where it splits (30 of a headline, the line break, 本报).
HEADLINE_OVER_DATELINE_FAST = AnchoredRegex(HEADLINE_OVER_DATELINE, re.compile("讯|訊"), before=34, after=1)
# An item's closing credit with the next item's headline run on after it ("…作表态发言。（记者 甲）我县举办芦笙节"
# / "文/图 本报记者 乙"): the headline is a line of its own when the line under it opens as an item does, with a
# credit or a dateline. Not a dated lead alone: a sentence that lost its full stop ("据悉今年…") or a jump line
# ("相关报道见第三版", "下转第二版") runs on after credits too, and is no headline.
CREDIT_THEN_HEADLINE = re.compile(
    "(?P<credit>[。！？!?”][(（][^()（）\n]{0,12}?(?:记者|記者|通讯员|通訊員|实习生|實習生)[^()（）\n]{1,30}?[)）])"
    "(?!相关|相關|下转|下轉|上接|转第|轉第|见第|見第|详见|詳見|据悉|據悉)"
    "(?=[^\n。，,！？!?；;：:()（）“”]{4,30}\n(?:文[/／][图圖摄攝]|[图圖][/／]文|(?:本报|本報)?(?:记者|記者)|通讯员|通訊員"
    "|本报|本報))")
# DATELINE_RUN_ON's anchors: 讯 at most 11 characters after where it splits (10 of a name, 网/报/台/社), or 本报
# right there; its longest lookahead reads 32 characters from there (本报 + 12 + 讯记者 + 12 + 报道：).
DATELINE_ANCHORS = re.compile("讯|訊|本报|本報")
DATELINE_RUN_ON_FAST = AnchoredRegex(DATELINE_RUN_ON, DATELINE_ANCHORS, before=11, after=40)
# Its 讯 stands at most 15 characters after its spaces (…融媒体中心讯), and it reads to the end of that line.
RUN_ON_DATELINE_FAST = AnchoredRegex(RUN_ON_DATELINE, re.compile("讯"), before=15, after=None, spaces=" \u3000")
# A credit or source line run into the last paragraph ("…参加调研。来源：某某发布") is a line of its own: its
# first key, then more credits after it.
CREDIT_RUN_ON_FIRST = ("来源", "來源", "作者", "责任编辑", "責任編輯", "编辑", "編輯", "审核", "審核", "校对", "校對")
CREDIT_RUN_ON_MORE = ("编辑", "編輯", "审核", "審核", "校对", "校對", "责任编辑", "責任編輯")
CREDIT_RUN_ON = re.compile(
    f"(?<=[。！？!?”])[ ]*(?=(?:{'|'.join(CREDIT_RUN_ON_FIRST)})[ ]?[:：][^。！？!?\n:：]{{1,30}}"
    f"(?:[ ]?(?:{'|'.join(CREDIT_RUN_ON_MORE)})[ ]?[:：][^。！？!?\n:：]{{1,20}})*$)", re.M)
# Its keywords start where its spaces end, and it reads no further than the end of their line.
CREDIT_RUN_ON_FAST = AnchoredRegex(CREDIT_RUN_ON, re.compile("|".join(CREDIT_RUN_ON_FIRST)), before=0, after=None)
# So is a writer's or a photographer's slashed credit closing it ("…方便群众出行。文/甲", "…。文/甲 图/乙").
SLASH_CREDIT_RUN_ON = re.compile(
    f"(?<=[。！？!?”])[ ]*(?=(?:(?:文|图|圖|文字|图片|圖片|摄影|攝影)[ ]?[/／]|[文图圖][/／][文图圖摄攝])[ ]?"
    f"[{CJK}]{{2,4}}(?:[ 、][{CJK}]{{2,4}}){{0,3}}"
    f"(?:[ ]+(?:图|圖|图片|圖片|摄影|攝影)[ ]?[/／][ ]?[{CJK}]{{2,4}}(?:[ 、][{CJK}]{{2,4}}){{0,3}})?$)", re.M)
# A WeChat article's source line writes a bar where the colon stands ("来源 | 某某发布", "作者丨甲"): a field line.
# Its first slash stands at most three characters after its spaces (图片 /), and it reads to the end of that line.
SLASH_CREDIT_RUN_ON_FAST = AnchoredRegex(SLASH_CREDIT_RUN_ON, re.compile("[/／]"), before=3, after=None)
FIELD_BAR = re.compile(r"^((?:信息|文章)?(?:来源|來源)|作者)[ ]?[|｜丨][ ]?", re.M)
# So do its credits, several to a line ("文 | 甲  图 | 乙", "文字丨甲 编辑丨乙"): each bar after a role word
# becomes a colon, one a pass, in a line whose fields before it are already role：value (a site's navigation,
# "首页 | 新闻 | 图片", opens with no role and keeps its bars).
BAR_ROLE = "(?:文字?|图片?|摄影|摄像|视频|编辑|责编|美编|审核|校对|监制|统筹|策划|排版|撰稿|作者|来源|來源)"
CREDIT_BAR = re.compile(f"^((?:{BAR_ROLE}：[^\n|｜丨：]*?[ ]+)*{BAR_ROLE})[ ]?[|｜丨][ ]?"
                        # a name after the bar, not another role word ("视频 | 图片 | 专题" is a menu)
                        f"(?!{BAR_ROLE}(?:[ ]|$))(?=[{CJK}·]{{2,4}}(?:[ ]|$))", re.M)

# (rule, replacement, trigger): the rule only runs when one of its trigger substrings occurs in the text,
# which keeps the pass cheap on pages without that residue. Every match of a rule contains one of its
# triggers, so a trigger decides nothing: it only saves a pass that would change nothing. (LINK_STRIP
# needs a space before a "》" item; "》" alone is in every 《book title》.)
TEXT_RULES: tuple[tuple[re.Pattern[str] | AnchoredRegex, str, tuple[str, ...]], ...] = (
    (MD_COMMENT, "\n", ("<!--",)), (MD_LINK, r"\1", ("](",)), (MD_HEADING, "", ("#",)), (MD_BOLD, "", ("**",)),
    (SHARE_BUTTONS, "\n", ("分享",)), (HTML_ENTITY, " ", ("&",)), (LINK_STRIP, "", (" 》",)),
    (LABELLED_URL_LINE, "", ("http", "www.")),
    (EMAIL, "", ("@",)),
    (URL, "", ("http", "www.", ".com", ".cn", ".net", ".org", ".tw", ".hk")),
    (PINYIN_GLOSS, "", tuple(TONE_LETTERS)),
    (CONTINUED_FROM, CONTINUED_LINE + "\n", ("上接", "上續", "上续")), (JUMP_MARKER, "", ("版", "页", "頁")),
    (EDIT_NOTE, "", ("删节", "刪節", "改动", "改動")),
    (CMS_BUTTONS, "", ("字体", "字體", "字号", "字號", "打印", "关闭", "關閉", "返回", "【收藏】", "[收藏]", "扫一扫",
                     "【大", "【 大", "[大", "[ 大")),
    (BRACKET_META, r"\1：\2 ", ("】【",)), (PIPED_BRACKET_META, r"\1 ", BRACKET_META_OPENINGS),
    (WECHAT_TAIL, "", WECHAT_MARKERS),
    (FIELD_BAR, r"\1：", ("|", "｜", "丨")), (CREDIT_BAR, r"\1：", ("|", "｜", "丨")),
    (CREDIT_RUN_ON_FAST, "\n", CREDIT_RUN_ON_FIRST),
    (SLASH_CREDIT_RUN_ON_FAST, "\n", ("/", "／")),
    (CAPTION_RUN_ON, "\n", ("▲",)), (BULLET_RUN_ON, "\n", ("■", "●", "◆", "★")),
    (BRACKET_HEAD_RUN_ON, "\n", ("。【", "）【", ")【", "！【", "？【", "!【", "?【", "。 【", "） 【", ") 【")),
    (BULLET_HEADLINE, "\\1\n", ("■", "●", "◆", "★")), (ROW_HEADLINE, "\\1\n", ("日", "讯", "訊", "年", "近期")),
    (HEADLINE_RUN_ON_FAST, "\n", ("讯", "訊")),
    (HEADLINE_OVER_DATELINE_FAST, "\n", ("讯", "訊")),
    (DATELINE_RUN_ON_FAST, "\n", ("讯", "訊", "本报", "本報")),
    (CREDIT_THEN_HEADLINE, "\\g<credit>\n", ("记者", "記者", "通讯员", "通訊員", "实习生", "實習生")),
)
RESIDUE_RULES = tuple(rule for rule in TEXT_RULES if rule[0] is not MD_HEADING)


def _trigger_scan(rules: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """One pass over the text finds the triggers of all rules: cheaper than a substring search each.

    Two triggers matching at the same position would hide one another, so none may be a prefix of
    another. An occurrence that overlaps an earlier match is skipped by the scan: TRIGGER_SHADOWS
    adds back every trigger that could hide behind a trigger found.
    """
    triggers = sorted({t for _, _, trigger in rules for t in trigger})
    for a in triggers:
        if any(b != a and b.startswith(a) for b in triggers):
            raise ValueError(f"trigger {a!r} is a prefix of another trigger")
    return re.compile("|".join(map(re.escape, triggers)))


def _shadows(trigger: str, triggers: frozenset[str]) -> frozenset[str]:
    """Triggers that can start inside an occurrence of `trigger` (and so be skipped by the scan)."""
    tails = [trigger[i:] for i in range(1, len(trigger))]
    return frozenset(t for t in triggers if t != trigger and (t in trigger[1:] or any(t.startswith(x) for x in tails)))


TRIGGER_SCAN = _trigger_scan(TEXT_RULES)
_ALL_TRIGGERS = frozenset(t for _, _, trigger in TEXT_RULES for t in trigger)
TRIGGER_SHADOWS = {t: _shadows(t, _ALL_TRIGGERS) for t in _ALL_TRIGGERS}
MAX_PASSES = 3

# ---------------------------------------------------------------- furniture lines
# Each pattern matches a whole (space-collapsed) line that is page furniture; the comment says where from.
BREADCRUMB_LINE = re.compile(r"^(?:(?:(?:您|你)?(?:当前|现在|所在)的?(?:所在)?|(?:您|你)(?:的|所在的?))位置[ ]?[:：]"
                             r"|(?:网站|網站)?首[页頁][ ]?(?:[>＞›»]|&gt;))")
ARROW_BREADCRUMB_LINE = re.compile(r"^[^>＞›»，,。！？!?：:]{2,14}(?:[ ]?(?:[>＞›»]|&gt;)[ ]?[^>＞›»，,。！？!?：:]{2,14})+$")
# The call opening a county account's copy of its news ("点击蓝字关注我们", "点击上方蓝字 关注我们"), an arrow perhaps
# pointing up at the account's name ("▼点击上方“某某发布”关注我们").
FOLLOW_CALL_LINE = re.compile(r"^(?:[▼▲↑↓☝▽△][ ]?)?(?:点击|點擊)(?:上方|上面)?[ ]?(?:蓝字|藍字|蓝色字体|藍色字體|“[^”]{2,12}”)[ ]?(?:一键)?"
                              r"(?:关注|關注)[^，,。！？]{0,6}$")
# A WeChat copy's account id under the account's name ("微信号 jhxqfb"), the topic it is filed under ("收录于话题
# #旗情动态 32个"), the reader's counts under the text ("阅读 2341", "阅读 1.2万 赞 86 在看 21") and the comment box.
WECHAT_ID_LINE = re.compile(r"^微信号[ ]?[:：]?[ ]?[A-Za-z0-9_\-]{3,30}$")
WECHAT_FURNITURE_LINE = re.compile(
    r"^收录于(?:话题|合集)[ ]?#?[^，,。！？]{0,30}$"
    r"|^(?:(?:阅读|閱讀|在看|赞|點贊|点赞|分享|推荐|喜欢|留言)[ ]?(?:\d+(?:\.\d+)?万?\+?)[ ]*)+$"
    r"|^(?:写下你的留言|写留言|寫留言|留言)$")
# The readers' comments the copy ends with, under their label: no text of the article.
COMMENTS_LABEL_LINE = re.compile(r"^(?:精选留言|留言精选|精選留言)$")
# The account's name alone over its call to follow or its id, among the copy's first lines ("某某融媒"): no headline.
ACCOUNT_LINES_MAX = 4
ACCOUNT_NAME_LINE = re.compile(r"^[^，,。！？!?：:、；;“”\d ]{2,8}$")   # (a headline is longer)
FURNITURE_LINES: tuple[re.Pattern[str], ...] = (
    # County/district paper mastheads: "主办:中共某某县委 …", "顾问:… 编委会主任:… 社长:…".
    # (not an article's sign-off that opens with its 值班主任: "值班主任：甲 责任编辑：乙 校对：丙" credits editors)
    re.compile(r"^(?!值班主任[ ]?[:：][^\n]{0,20}(?:责任编辑|責任編輯))"
               r"(?:主办|主辦|承办|承辦|出版|顾问|顧問|社长|社長|总编辑|總編輯|副总编辑|副總編輯|编委会主任|編委會主任"
               r"|编委会|編委會|主编|主編|值班主任|美术编辑|美術編輯|国内统一刊号|國內統一刊號"
               r"|国内统一连续出版物号|邮发代号|郵發代號)[ ]?[:：]"
               # the registration number printed after a space only ("国内统一连续出版物号 CN00-0000 责任编辑：…")
               r"|^(?:国内统一连续出版物号|國內統一連續出版物號|国内统一刊号|國內統一刊號)[ ]?CN[ ]?\d{2}[ ]?-"),
    # Footers and promo blocks: hotline / phone / fax lines ("新闻热线:12345678", "举报电话:110、…").
    re.compile(r"^[^，,。！？：:]{0,16}(?:热线|熱線|电话|電話|传真|傳真|手机|手機|QQ)[ ]?[:：][ ]*[\d(（+\-][^。！？]*。?$"),
    # A paper's footer: its address with another contact field ("某某报社  地址：某某路  电话：0719-6222316",
    # "某某报社出版  社址：…  广告热线：…"); a notice's own "地址：…" alone (where to apply) is its text.
    # (or after who publishes it: "某某县融媒体中心主办  地址：某某路")
    re.compile(r"^[^，,。！？：:]{0,16}(?:地址|社址|地點|地点)[ ]?[:：][^，,。！？]{1,40}?[ ]?"
               r"(?:电话|電話|热线|熱線|传真|傳真|邮编|郵編)[ ]?[:：][^，,。！？]{1,40}$"
               r"|^[^，,。！？：:]{2,16}(?:主办|主辦|出版|印刷|报社|報社)[ ]*(?:地址|社址)[ ]?[:：][^，,。！？]{1,40}$"),
    # Footers and promo blocks: a contact label whose address was removed above ("邮箱:someone@example.com").
    re.compile(r"^[^，,。！？]{0,16}(?:热线|熱線|电话|電話|传真|傳真|邮箱|郵箱|信箱|网址|網址|网站|網站|官网|官網|邮件|郵件"
               r"|E-?mail|email)[ ]?[:：][ ]*[;；,，、。]?$"),
    # Web portal footers: ICP licence and public-security filing numbers.
    re.compile(r"ICP[ ]?[备備证證许許]|公[网網]安[备備]|[网網][站络絡]?备案号|[網网]站[建设設]{2}[ ]?[:：]|技术支持[ ]?[:：]|技術支持[ ]?[:：]"),
    # Web portal footers: copyright lines, including "? 2020 …" where the © sign was lost in decoding.
    re.compile(r"^[^。！？!?]*(?:版[权權]所有|©|Copyright|COPYRIGHT|All [Rr]ights [Rr]eserved)[^。！？!?]*$"),
    re.compile(r"^[?？][ ]?(?:19|20)\d\d\b"),
    # Web portal footers: source credits, "部分资料来源:某某新区".
    re.compile(r"^(?:部分)?(?:[资資]料|[图圖]片|内容|內容)[来來]源于?[ ]?[:：][^。！？]{0,30}$"),
    # CMS records: the breadcrumb ("当前位置：首页 > 新闻中心", "网站首页 > 工作动态"), the links to the next and
    # previous records ("上一篇：…"), the share strip ("分享到：").
    BREADCRUMB_LINE,
    # List pages: the pager ("共5条 首页 上一页 1 下一页 尾页").
    re.compile(r"^[^。！？，,]{0,16}首[页頁][ ]*上一[页頁][^。！？，,]{0,24}下一[页頁][^。！？，,]{0,16}$"),
    # ... or the breadcrumb from the site's own name ("某某县人民政府 > 政务公开 > 工作动态"): short items between
    # arrows, which no headline is made of.
    ARROW_BREADCRUMB_LINE,
    re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上一篇文章|下一篇文章)[ ]?[:：]"),
    re.compile(r"^分享到[ ]?[:：]?[^。！？，,]{0,40}$"),
    # Government portals: the site's menu bar, three or more short items between bars ("网站首页 | 政务公开 |
    # 政务服务 | 互动交流"); a headline has at most a column label before one bar ("聚焦两会｜代表委员热议…").
    re.compile(r"^[|｜丨]?[ ]?[^|｜丨，,。！？!?：:]{2,8}(?:[ ]?[|｜丨][ ]?[^|｜丨，,。！？!?：:]{2,8}){2,}[ ]?[|｜丨]?$"),
    # ... or its items apart by spaces only, as a copied page has them ("首页 政务公开 新闻中心 政务服务").
    re.compile(r"^(?:网站|網站)?首[页頁](?:[ ]+[^ |｜丨，,。！？!?：:]{2,8}){2,}$"),
    # WeChat promo blocks of county papers: "扫码关注", "长按识别二维码".
    re.compile(r"^[^，,。！？]{0,12}(?:扫码|掃碼|扫一扫|掃一掃|长按|長按)[^，,。！？]{0,6}(?:关注|關注|下载|下載|识别|識別"
               r"|收听|收聽|观看|觀看|阅读|閱讀)[^，,。！？]{0,12}$"),
    FOLLOW_CALL_LINE, WECHAT_ID_LINE, WECHAT_FURNITURE_LINE, COMMENTS_LABEL_LINE,
    # E-paper sites: the page's buttons copied with its text ("上一版 下一版", "放大 缩小 默认", "PDF版下载", "返回目录").
    re.compile(r"^(?:(?:上一版|下一版|上一期|下一期|放大|缩小|默认|PDF(?:版)?下载|返回目录|版面导航|标题导航)[ ]*){1,8}$"),
    # ... its end mark ("- END -", "—END—") and the calls closing it ("点个在看你最好看", "分享、点赞、在看", "转载请注明出处").
    re.compile(r"^[-—–_=·• ]*(?:END|End)[-—–_=·• ]*$"),
    re.compile(r"^[^，,。！？]{0,8}(?:在看|点赞|點讚|转载请注明|轉載請註明|喜欢此内容|喜歡此內容|觉得好看)[^。！？]{0,12}$"),
)
FURNITURE_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in FURNITURE_LINES))
# The same rules split for speed: a "^" rule can only match at the line start (match() tries nowhere
# else), and searching an alternation that mixes anchored and free rules tries every rule everywhere.
FURNITURE_AT_START = re.compile("|".join(f"(?:{p.pattern})" for p in FURNITURE_LINES if p.pattern.startswith("^")))
FURNITURE_INSIDE = re.compile("|".join(f"(?:{p.pattern})" for p in FURNITURE_LINES if not p.pattern.startswith("^")))
# Furniture lines are short (a masthead, a footer): a longer line that merely contains "主办:" or "ICP备"
# is prose, or a page whose line breaks were lost, and must not vanish whole.
FURNITURE_LINE_MAX = 160
# WeChat promo block of a county paper: "某某发布政务微信" headline; the next short line is its slogan.
PROMO_HEADER = re.compile(r"^[^，,。：:]{0,16}(?:政务微信|政務微信|官方微信|微信公众号|微信公眾號|政务微博|政務微博)$")
PROMO_SLOGAN_MAX = 60
# Words that every FURNITURE_LINES rule and PROMO_HEADER needs (tests check each rule against them): one
# scan of the page finds the few lines worth testing, instead of testing every line with every rule.
FURNITURE_HINT_WORDS = (
    "主办", "主辦", "承办", "承辦", "出版", "顾问", "顧問", "社长", "社長", "编辑", "編輯", "编委", "編委", "主编", "主編",
    "值班", "刊号", "刊號", "邮发", "郵發",                                                       # mastheads
    "热线", "熱線", "电话", "電話", "传真", "傳真", "手机", "手機", "QQ",                            # phone lines
    "地址", "社址", "地点", "地點",                                                              # addresses
    "邮箱", "郵箱", "信箱", "网址", "網址", "网站", "網站", "官网", "官網", "邮件", "郵件", "mail",   # contact labels
    "ICP", "安备", "安備", "备案号", "站建", "站设", "站設", "技术支持", "技術支持",                  # licences
    "所有", "©", "Copyright", "COPYRIGHT", "ights",                                              # copyright
    "来源", "來源",                                                                              # source credits
    "位置", "首页", "首頁", "一篇", "一条", "分享到", "|", "｜", "丨", ">", "＞", "›", "»", "&gt;",  # CMS records
    "扫码", "掃碼", "扫一扫", "掃一掃", "长按", "長按", "点击", "點擊",                            # WeChat promo
    "微信号", "收录于", "阅读", "閱讀", "赞", "點贊", "分享", "推荐", "喜欢", "留言",                     # WeChat copies
    "微信", "微博",                                                                              # PROMO_HEADER
    "上一版", "下一版", "上一期", "下一期", "放大", "缩小", "默认", "PDF", "返回目录", "导航",  # e-paper buttons
    "END", "End", "在看", "点赞", "點讚", "转载请注明", "轉載請註明", "喜欢此内容", "喜歡此內容", "觉得好看",  # WeChat's end
)


def _literal_trie(words: tuple[str, ...]) -> str:
    """A regex matching any of `words`, branching once per character ("主(?:办|编)") so that re tries one
    branch at each candidate position instead of every word; a word that extends another is dropped
    (finding the shorter one is enough)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        if not alts:
            return "(?!)"
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(trie)


FURNITURE_HINT = re.compile(_literal_trie(FURNITURE_HINT_WORDS))
# And a line opening with "?": the copyright line whose © was lost in decoding (the first line is looked
# at apart; a literal "\n" is found fast, "^" with re.M is tried everywhere).
LOST_COPYRIGHT_OPEN = ("?", "？")
LOST_COPYRIGHT_LINE = re.compile(r"\n[?？]")

# ---------------------------------------------------------------- line types and OCR spaces
# Punctuation that ends or splits sentences; a line with it is prose, not a headline.
SENTENCE_PUNCT = re.compile(r"[。！？!?；;…]")
# Enumeration commas (、) are common in headlines ("甲地、乙地入选…"), so they do not make prose.
COMMA_PUNCT = re.compile(r"[，,：:]")
# Reported speech opens a prose line even when it is short: "张三要求,各级各部门要全力抓好".
# (a speaker with his post before the verb too, the scan's space perhaps inside his name: "九渡河镇副镇长高 云飞介绍，…")
REPORTING_OPEN = re.compile(
    f"^[{CJK}](?:[{CJK}]|[ ](?=[{CJK}])){{0,15}}?(?:指出|强调|強調|要求|表示|认为|認為|介绍|介紹|提出|说|說|称|稱|透露|告诉记者|告訴記者)"
    f"[ ]?[，,:：]")
TRAILING_COMMA = re.compile(r"[，,、：:][ ]?$")
# A lead opening with its dateline is prose however short the piece before a hard wrap: "本报讯（记者 甲）6月5日，
# 县长乙主持召开县政府第" continues on the next line.
# (the lead may open with a time phrase right after it, once prose lost the scan's space: "本报讯今年以来，"; the
# scan's spaces may stand inside the outlet's word: "本 报 讯（…")
LEAD_OPEN = re.compile(f"^(?:(?:本[ ]?[报報]|新华社|新華社)[ ]?[{CJK}0-9]{{0,12}}?[ ]?[讯訊电電]|又[讯訊]"
                       f"|[{CJK}]{{2,10}}?(?:网|網|报|報|台|融媒体中心|融媒體中心)[讯訊])(?=[ 　(（:：]|\\d"
                       "|(?:今年|去年|年初|入夏|入冬|入春|入秋|开春|春节|国庆|汛期)以来|近年来|连日来|近日|日前|近期|眼下)")
# A dateline cut inside its bracket of reporters is no longer than this (an outlet and four ranks with names).
UNCLOSED_DATELINE_MAX = 40
# A dateline's closed bracket and the first few characters of its lead, the line ending there ("…乙）走").
LEAD_PIECE_MAX = 12
LEAD_PIECE_END = re.compile(f"[）)][{CJK}]{{1,{LEAD_PIECE_MAX}}}$")
# A lead's dateline cut inside the date that opens its text ("本报讯（记者 甲）10月" / "25日，…"), or right after
# it ("本报讯（记者 甲）8月19日" / "至20日，…", "…6月1 7日" / "，…": a dateline is no sentence of its own).
WRAPPED_DATE_END = re.compile(r"[）)][ ]?(?:\d{4}年)?\d{1,2}(?:月(?:\d(?:[ ]?\d)?(?:日(?:[上下]午|晚上?|晚间|凌晨|早上)?)?)?)?$")
# So is a lead opening with its date or a time phrase and a comma ("5月6日，县长甲主持召开县政府常务" wrapped in
# a narrow column), a brief's or a caption's after its bullet too ("■3月12日，…与干部群众").
DATED_OPEN = re.compile(r"^[▲■●◆★]?[ ]?(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?|清晨|凌晨|早上|早晨|中午|傍晚|深夜)?"
                        # or with a time phrase a lead opens with ("今年以来，白杨乡将全乡划分" wrapped)
                        r"|(?:今年|去年|年初|入夏|入冬|入春|入秋|开春|春节|国庆|汛期)以来|近年来|连日来|近日|日前|近期|眼下"
                        # or with the hour a feature opens on ("清晨6点，家住…的" wrapped)
                        r"|(?:清晨|凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)\d{1,2}(?:点|时)(?:许|多|半|\d{1,2}分)?)[，,]")
# A paper page's header line: its date, page number and section, perhaps the page's editors ("2023年8月15日
# 第4版 乡村振兴 责任编辑：甲 美编：乙", "第3版 要闻 本版编辑：丙", "第A1版：要闻 2025年3月12日 责任编辑：丁"),
# perhaps after the paper's name ("某某报 2016年…", or a name ending otherwise before the issue's day: "某水大众
# 2016年9月8日 星期四 第2版 综合"): furniture of the page, never prose to join.
# (the lunar date may open it: "壬寅年五月初八 2022年6月7日 星期二 第1版")
PAGE_HEADER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}[报報][ ]|[\u4e00-\u9fff]{2,8}[ ](?=(?:19|20)\d{2}年))?(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[\u4e00-\u9fff]{2,6}[ ])?(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ ]?(?:(?:星期|周)[一二三四五六日天][ ]?)?"
                            r"[^。！？!?，,]{0,16}?)?第?[ ]?[A-H]?[0-9一二三四五六七八九十]{1,2}[ ]?版(?![权權面])(?:[：:][\u4e00-\u9fff]{2,6})?"
                            r"(?:[ ][^。！？!?，,]{0,80})?$")
# ... or its page named by a letter and a number with no 版 after them, right after the issue's day ("2014年6月12日
# 星期四 A2 本版编辑 甲"): the number alone is no page label without the date before it.
LETTERED_PAGE_HEADER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}[报報][ ]?)?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ ]?"
                                     r"(?:(?:星期|周)[一二三四五六日天][ ]?)?[A-H]\d{1,2}(?:[ ][^。！？!?，,]{0,80})?$")
# Headlines have no sentence punctuation; a punctuation-free run longer than this is prose.
HEADLINE_CHUNK_MAX = 60
SHORT_PROSE = 30
# Protected spans keep their single spaces so that names stay separable: byline brackets and credits.
# A photo credit closing a caption ("图为会议现场。徐某某 李某某 摄") keeps its spaces too.
# A Uyghur, Kazakh or foreign name, its parts joined by middle dots ("艾尔肯·吐拉克"): one name in a credit.
DOTTED_NAME = f"[{CJK}]{{1,8}}(?:·[{CJK}]{{1,8}}){{1,3}}"
# A name in a photo credit: two to four characters, or a dotted name.
CREDIT_NAME = f"(?:[{CJK}]{{2,4}}|{DOTTED_NAME})"
# The outlet whose photographer took the picture, before the names ("图为调研现场。 某某县融媒体中心 甲 摄").
CAPTION_OUTLET = f"[{CJK}]{{2,14}}(?:融媒体中心|新闻中心|报社|日报|电视台|广播电视台)"
CREDIT_SPAN = re.compile(
    r"[(（][^()（）\n]{0,40}?(?:记者|記者|通讯员|通訊員|编辑|編輯|摄|攝|实习生|實習生)[^()（）\n]{0,40}?[)）]"
    f"|(?<=[。！？!?])[ ]?(?:{CAPTION_OUTLET}[ ])?{CREDIT_NAME}(?:[ ]{CREDIT_NAME}){{0,5}}[ ](?:摄影|攝影|摄|攝)$"
    # (or the role first, with its colon: "…留念。 摄影：帕提古丽 王军")
    f"|(?<=[。！？!?])[ ]?(?:摄影|攝影)[：:][ ]?{CREDIT_NAME}(?:[ ]{CREDIT_NAME}){{0,5}}$"
    # a unit's signature closing the text, its writers apart ("…。（县民政局 甲 乙）"), or the writers alone, a
    # two-character name padded to three as older pages set it ("…。（张　磊 赵文静）": 张磊, not 张磊赵 + 文静); some
    # piece is a word or a name, not OCR's spaced-out characters ("（详 见 附 件 一）")
    f"|(?<=[。！？!?”])[(（](?=[^()（）\n]*[{CJK}]{{2}})[{CJK}]{{1,12}}(?:[ ][{CJK}]{{1,4}}){{1,5}}[)）]$"
    # the reporters after the dateline with no bracket, before the lead's date ("本报讯 记者 冯 德 勇 田 欢 4月19日，…"):
    # their spaces part the names, which the splitter cuts as a bracket's
    f"|^(?:[^，,。\n ]{{0,12}}?[讯訊][ ]?)?(?:记者|記者|通讯员|通訊員)[ ](?:[{CJK}]{{1,4}}[ ]){{1,10}}"
    f"(?=\\d{{1,2}}月\\d{{1,2}}日|近日|日前|昨天|昨日|今天|今日)")
# A photo credit closing a caption, a name's characters spaced out by OCR ("…检查防汛工作。记者 孙 伟 摄"): the
# name's characters come together (two or three alone in a row are one name: no name has one character), and
# the credit is then a CREDIT_SPAN, its spaces kept between the role, the names and 摄.
SPLIT_CAPTION_CREDIT = re.compile(
    f"(?<=[。！？!?])(?P<names>[ ]?(?:{CAPTION_OUTLET}[ ])?[{CJK}]{{1,4}}(?:[ ][{CJK}]{{1,4}}){{1,6}})[ ](?P<role>摄影|攝影|摄|攝)$")
# ... or after its role and colon ("…留念。 摄影：帕提古丽 王 军").
SPLIT_ROLE_FIRST_CREDIT = re.compile(f"(?<=[。！？!?])(?P<role>[ ]?(?:摄影|攝影)[：:][ ]?)(?P<names>[{CJK}]{{1,4}}(?:[ ][{CJK}]{{1,4}}){{1,6}})$")
ROLE_FIRST_REACH = 40
SPLIT_NAME_RUN = re.compile(f"(?<![{CJK}])[{CJK}](?:[ ][{CJK}](?![{CJK}])){{1,2}}(?![ ][{CJK}](?![{CJK}]))")
CAPTION_CREDIT_ENDS = ("摄", "攝", "摄影", "攝影")
# An OCR space is dropped unless it separates two ASCII letters/digits ("New York", "2020-01-01 08:00").
OCR_SPACE = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")
# ... and between the digits of a date, where OCR spaced every character ("4 月 2 1 日" -> "4月21日").
OCR_DATE_SPACE = re.compile(r"(?<=\d) (?=(?:\d ?){1,3}[年月日])")
MULTI_SPACE = re.compile(r" {2,}")

# ---------------------------------------------------------------- hard-wrapped lines
# A line ending like this closes its paragraph (optionally followed by closing quotes/brackets).
CLOSED_END = re.compile(r"(?:[。！？!?；;…]+[”’\"'」』》）)]*|[。！？!?][(（][^()（）]{1,20}[)）])$")
# Windows for _ends_with: the longest match plus one for a final "\n" ("$" matches before it). CLOSED_END's
# first form can be longer only as a run of these marks.
CLOSED_END_WINDOW = 24
SENTENCE_END_MARKS = tuple("。！？!?；;…")  # a line ending in one matches CLOSED_END
CLOSING_RUN = re.compile(r"[。！？!?；;…”’\"'」』》）)]+\n?")
# Photo captions and credits end a paragraph too: "…供图", "记者张三／摄影", "（取材自…／某某图） 李四".
CREDIT_END = re.compile(
    f"(?:[／/](?:摄影|攝影|翻摄|翻攝|摄|攝)|摄影?|攝影?|供图|供圖|[图圖][)）](?:[ ]?[{CJK}]{{2,4}})?)$")
CREDIT_END_WINDOW = 8
# Lines that open a paragraph of their own even after an unfinished line: "会议强调,…", "区领导…".
PARAGRAPH_OPEN = re.compile(
    f"^(?:[{CJK}]{{2,6}}(?:指出|强调|強調|要求|表示|认为|認為)[，,:：]|(?:会议|會議|会上|會上|他|她)[{CJK}]{{0,3}}"
    f"(?:指出|强调|強調|要求|表示|说|說)[，,:：]|(?:区|區|县|縣|市|省)(?:委|政府)?领导|(?:区|區|县|縣|市|省)(?:委|政府)?領導)")
# Header fields of crawled pages ("標題：", "日期：") are lines of their own.
# So are the meta lines of CMS records ("发布时间：2019-05-01 来源：… 浏览次数：12", "2015-07-21 17:36 某某网")
# and the source line.
# A record's field keys, shared by its line of fields (FIELD_LINE) and a line cut inside one (RECORD_FIELD_INSIDE).
SOURCE_KEY = r"(?:信息|文章|稿件|新闻|新聞)?(?:来源|來源)"
PUBLISHED_KEY = r"(?:发布|發佈|發布|发表|發表|更新|录入|錄入)(?:时间|時間|日期)"
VIEWS_WORD = r"(?:浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問)"
FIELD_LINE = re.compile(
    f"^(?:(?:标题|標題|日期|时间|時間|{SOURCE_KEY}|网址|網址|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|审核|審核|校对|校對"
    f"|{PUBLISHED_KEY}|{VIEWS_WORD}(?:次数|次數|量|数|數)"
    # an open-government record's fields ("索引号：… 发布机构：… 生成日期：…", tasks/data/page_notes.txt)
    r"|索引号|發文機關|发文机关|发布机构|發布機構|文号|文號|发文字号|發文字號|主题分类|主題分類|信息分类|信息分類|成文日期|生成日期"
    r"|公开方式|公开时限|公开范围|有效性"
    r"|原文链接)[ ]?[:：]|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[ ]|$))")
ASCII_ALNUM_END = re.compile(r"[A-Za-z0-9]$")
ASCII_ALNUM_START = re.compile(r"^[A-Za-z0-9]")


def clean_page(text: str) -> str:
    """Decoded page -> one paragraph or headline per line, furniture and OCR damage removed."""
    out = _clean_once(text)
    for _ in range(MAX_PASSES - 1):
        # Dropping OCR spaces can bring residue together ("區 (qū)"); another pass removes it.
        if not has_residue(out):
            break
        out = _clean_once(out)
    return out


def _clean_once(text: str) -> str:
    if WECHAT_ACCOUNT_HINT in text:
        text = _wechat_title(text)
    if COLUMN_GAP in text:
        text = _unzip_columns(text)
    cuts = column_cuts(text)
    lines = [_fix_spaces(line) for line in _split_lines(_strip_residue(text))]
    if BOX_CHAR.search(text) is not None:
        lines = _without_drawn_boxes(lines)
    if RULE_RUN.search(text) is not None:
        lines = [line for line in lines if RULE_LINE.match(line) is None]
    if MARK_LINE.search(text) is not None:
        lines = [line for line in lines if MARK_LINE.match(line) is None]
    return "\n".join(_join_wrapped(_furniture_free(_without_banner(lines)), cuts))


# A web page's banner over its breadcrumb: the site's name, its sponsor, its menu ("某某新闻网", "某某县人民政府
# 网站首页 | 政务公开 | …") in the lines before "当前位置：首页 > …" at the page's top, which the splitter would
# otherwise take for the record's headline. Only short lines with no clause punctuation: a page opening with
# text keeps it.
BANNER_LINES_MAX = 4
BANNER_LINE_MAX = 60
CLAUSE_PUNCT = re.compile("[，,。；;！!？?]")


def _without_banner(lines: list[str]) -> list[str]:
    for k, line in enumerate(lines[:BANNER_LINES_MAX + 1]):
        if BREADCRUMB_LINE.match(line) is not None or ARROW_BREADCRUMB_LINE.match(line) is not None:
            # (a browser tab's title, "某某会议召开_某某县人民政府", is the record's headline: it stays; so is any line
            # above a breadcrumb with no headline under it, only the record's fields or its text)
            below = next((x for x in lines[k + 1:k + BANNER_LINES_MAX] if not is_furniture(x)), None)
            return lines[k:] if k and below is not None and not is_prose(below) and FIELD_LINE.match(below) is None \
                and all(len(x) <= BANNER_LINE_MAX and CLAUSE_PUNCT.search(x) is None and "_" not in x
                        for x in lines[:k]) else lines
    return lines


# A row of one symbol set between items as a rule ("■■■■■■■■", "★ ★ ★", "＊＊＊＊"): no text.
RULE_SYMBOLS = "■□◆◇★☆●○▲△▼▽◎※＊*＝=~～＿_—－-"
RULE_RUN = re.compile(f"([{re.escape(RULE_SYMBOLS)}])[ ]?\\1[ ]?\\1")
RULE_LINE = re.compile(f"^(?:[{re.escape(RULE_SYMBOLS)}][ ]?){{3,}}$")
# ... or one or two such marks, or a bar, alone on their line between items ("□", "▍", "◆◆"): no text either.
MARK_LINE_SYMBOLS = "■□◆◇★☆●○▲△▼▽◎※▍▌▋▎▏█│┃║"
MARK_LINE = re.compile(f"^[ 　]*[{MARK_LINE_SYMBOLS}]{{1,2}}[ 　]*$", re.M)
# Boxes drawn with box-drawing characters, as e-paper text keeps its sidebars (tips, a contents box, the
# weather): a border row, rows between frame characters, a border row. A box of short rows is no item and
# goes whole; a box holding prose (a framed commentary) keeps its text without the frame. A border row alone
# is a rule between items.
BOX_CHAR = re.compile("[\u2500-\u257f]")
BOX_BORDER = re.compile("^[\u2500-\u257f ]{3,}$")
BOX_FRAME = "│┃║┆┇┊┋╎╏|｜"
BOX_ROWS_MAX = 16
BOX_PROSE_MIN = 40   # characters in one framed row with a full stop: an item's text


# A brief's headline and its dated lead on one row of a box ("区领导慰问环卫工人 3月13日，副区长甲到…", the space perhaps
# gone with the scan's others): two lines.
BOX_BRIEF = re.compile(r"^([^。，,！？!?：:]{4,30}?)[ ]*((?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|连日来|今年以来|近期)[，,].*)$")


# A column's label boxed alone over its items ("│ 简 讯 │"): the label stays, as it heads them.
BOX_COLUMN_LABEL = re.compile("^(?:简讯|快讯|短讯|简报|一句话新闻|图片新闻|新闻速递|新闻简讯|要闻简报)$")


def _box_row_lines(row: str) -> list[str]:
    brief = BOX_BRIEF.match(row)
    return [brief.group(1), brief.group(2)] if brief is not None else [row]


def _without_drawn_boxes(lines: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(lines):
        if BOX_BORDER.match(lines[k]) is None:
            out.append(lines[k])
            k += 1
            continue
        end = next((j for j in range(k + 1, min(len(lines), k + BOX_ROWS_MAX + 2)) if BOX_BORDER.match(lines[j])), None)
        rows = lines[k + 1:end] if end is not None else []
        if rows and all(r[0] in BOX_FRAME or r[-1] in BOX_FRAME for r in rows):
            text = [r.strip(BOX_FRAME + " ") for r in rows]
            labels = [t.replace(" ", "") for t in text if t]
            if len(labels) == 1 and BOX_COLUMN_LABEL.match(labels[0]):
                out.append(labels[0])   # "│ 简 讯 │" boxed alone over the briefs under it: the column's label
            elif any(len(t) >= BOX_PROSE_MIN and "。" in t for t in text):
                # (a box of briefs, each a headline and its dated lead on one row: two lines, as a column prints them)
                out.extend(part for t in text if t for part in _box_row_lines(t))
            k = end + 1
        else:
            k += 1   # a rule between items, or a border whose box is not drawn whole: the row alone goes
    return out


# Two columns side by side, as an e-paper's text laid out by position prints them: rows of the left column's line,
# a wide gap, the right column's line, the gap's end at one place on the page (in display width: a CJK character
# is two). Both halves hold words (not "…会议         2版", a front page's pointer), over COLUMN_ROWS_MIN rows.
COLUMN_GAP = "    "
SIDE_BY_SIDE = re.compile(f"^[ \u3000]*(?P<left>[^ \u3000](?:[^ \u3000]|[ \u3000]{{1,3}}(?=[^ \u3000]))*)[ \u3000]{{4,}}"
                          f"(?P<right>[^ \u3000](?:[^ \u3000]|[ \u3000]{{1,3}}(?=[^ \u3000]))*)[ \u3000]*$")
WIDE_CHAR = re.compile(f"[{CJK}\u3000-\u303f\uff01-\uff60]")
HALF_WORDS_MIN = 4   # CJK characters on each side
TEXT_PUNCT = re.compile("[，。、；：！？]")
COLUMN_ROWS_MIN = 3
COLUMN_EDGE_SLACK = 2


def _unzip_columns(text: str) -> str:
    """Runs of side-by-side rows -> the left column's lines, then the right column's."""
    lines = text.split("\n")
    rows: list[tuple[str, str, int] | None] = []
    for line in lines:
        m = SIDE_BY_SIDE.match(line) if COLUMN_GAP in line else None
        if m is None or len(CJK_CHAR.findall(m["left"])) < HALF_WORDS_MIN or len(CJK_CHAR.findall(m["right"])) < HALF_WORDS_MIN:
            rows.append(None)
            continue
        edge = m.start("right")
        rows.append((m["left"], m["right"], edge + len(WIDE_CHAR.findall(line, 0, edge))))
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and rows[end] is not None and abs(rows[end][2] - rows[k][2]) <= COLUMN_EDGE_SLACK:
            end += 1
        run = rows[k:end]
        # (text runs on in both columns, its clauses parted by commas; a table's cells have none)
        if end - k >= COLUMN_ROWS_MIN and any(TEXT_PUNCT.search(row[0]) for row in run) \
                and any(TEXT_PUNCT.search(row[1]) for row in run):
            out.extend([row[0] for row in run] + [""] + [row[1] for row in run])
            k = end
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


def _wechat_title(text: str) -> str:
    """A WeChat article saved as text runs its title, the account's name and the lead together
    ("某某工作会议召开某某发布10月14日，…"); the name, known from the interface's tail, splits them and
    becomes a source line."""
    m = WECHAT_ACCOUNT.search(text)
    if m is None:
        return text
    account = m.group("account")
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    at = first.find(account)
    title = first[:at].strip()
    if at < 0 or not WECHAT_TITLE_MIN <= len(title) <= HEADLINE_CHUNK_MAX or SENTENCE_PUNCT.search(title):
        return text
    return f"{title}\n来源：{account}\n{text[at + len(account):].lstrip()}"


def _strip_residue(text: str) -> str:
    """Text-level rules, repeated until none applies (a removal can expose another match); source lines
    set aside meanwhile and put back as SOURCE_LINEs."""
    if PREP_ANY.search(text) is not None:
        text = CONTROL_CHARS.sub("", NEWLINES.sub("\n", text))
        if "\u3000" in text and ("）" in text or ")" in text):
            text = SPACED_SIGNATURE.sub(_spaced_signature, text)
        if "\u3000\u3000" in text:
            if "版" in text or "星期" in text or "编" in text or "-" in text:
                text = HEADER_GAP_LINE.sub(lambda m: FULL_WIDTH_RUN.sub(" ", m.group()), text)
            # (not inside a drawn box's row, padded with them: "│　　　今日导读　　　│" stays a row for its pass)
            text = PARAGRAPH_INDENT.sub("\n", text) if BOX_CHAR.search(text) is None else "\n".join(
                line if BOX_CHAR.search(line) else PARAGRAPH_INDENT.sub("\n", line) for line in text.split("\n"))
        text = SPACE_LIKE.sub(" ", text)
    sources: list[str] = []
    if "http" in text or "www." in text:
        text = _set_sources_aside(text, sources)
    text = _apply_text_rules(text)
    if "讯" in text:   # after the text rules, which may bring a dateline to what it needs ("本报讯&nbsp5月")
        text = RUN_ON_DATELINE_FAST.sub("\n", text)
    if sources:
        text = SOURCE_SLOT.sub(lambda m: SOURCE_LINE_LABEL + sources[int(m.group(1))], text)
    return text


def _set_sources_aside(text: str, sources: list[str]) -> str:
    def slot(m: re.Match[str]) -> str:
        sources.append(m.group("url"))
        return f"\ue000{len(sources) - 1}\ue001"

    if "](" in text:
        text = MD_SOURCE_LINK.sub(slot, text)
    return LABELLED_SOURCE_LINE.sub(slot, text)  # a SOURCE_LINE too: its label is one of them


def _apply_text_rules(text: str) -> str:
    for _ in range(4):
        changed = 0
        present = _triggers_in(text)
        for pattern, repl, trigger in TEXT_RULES:
            if _triggered(trigger, present):
                text, n = pattern.subn(repl, text)
                if n:
                    changed += n
                    # The text changed: what the later rules' triggers see must be found again.
                    present = _triggers_in(text)
        if not changed:
            break
    return text


def _triggers_in(text: str) -> frozenset[str]:
    """The TEXT_RULES triggers that occur in `text` (and perhaps a few that do not: that is harmless,
    a rule whose trigger is missing would change nothing)."""
    found = set(TRIGGER_SCAN.findall(text))
    for t in tuple(found):
        found |= TRIGGER_SHADOWS[t]
    return frozenset(found)


def _triggered(trigger: tuple[str, ...], present: frozenset[str]) -> bool:
    return not present.isdisjoint(trigger)


def has_residue(text: str) -> bool:
    """Text that a text-level rule would remove (a heading marker only counts at a line start)."""
    present = _triggers_in(text)
    if not present:
        return False
    for pattern, _, trigger in RESIDUE_RULES:
        if not present.isdisjoint(trigger) and pattern.search(text):
            return True
    return False


def _split_lines(text: str) -> list[str]:
    """Non-empty lines with runs of spaces collapsed and the ends stripped."""
    if "  " in text:
        text = MULTI_SPACE.sub(" ", text)  # spaces never span a line break: one pass for all lines
    return [line for line in map(str.strip, text.split("\n")) if line]


def is_furniture(line: str) -> bool:
    """True when a whole line is page furniture named by FURNITURE_LINES."""
    if len(line) > FURNITURE_LINE_MAX:
        return False
    return FURNITURE_AT_START.match(line) is not None or FURNITURE_INSIDE.search(line) is not None


def _furniture_free(lines: list[str]) -> list[str]:
    """Lines without furniture; a WeChat promo header takes its slogan line with it."""
    candidates = _furniture_candidates(lines)
    out: list[str] = []
    skip_slogan = False
    for i, line in enumerate(lines):
        if skip_slogan:
            skip_slogan = False
            if _nonspace_len(line) <= PROMO_SLOGAN_MAX and is_prose(line):
                continue
        if i not in candidates:  # no hint word: neither furniture nor a promo header
            out.append(line)
            continue
        if PROMO_HEADER.match(line):
            skip_slogan = True
            continue
        if not is_furniture(line) or CHIEF_EDITOR_LINE.match(line) and _signs_off_between(lines, i):
            out.append(line)
        elif out and i <= ACCOUNT_LINES_MAX and ACCOUNT_NAME_LINE.match(out[-1]) \
                and (len(out) == 1 and FOLLOW_CALL_LINE.match(line) or WECHAT_ID_LINE.match(line)):
            out.pop()   # the account's name over its call to follow or its id
        elif i > ACCOUNT_LINES_MAX and COMMENTS_LABEL_LINE.match(line):
            break
    return out


# "主编：甲" alone on its line: a masthead's, or one of the roles signing off a WeChat article ("监制：甲" /
# "主编：乙" / "编辑：丙"), which credits its editor.
CHIEF_EDITOR_LINE = re.compile(f"^(?:主编|主編)[ ]?[:：][ ]?[{CJK}·]{{2,8}}$")
SIGN_OFF_LINE = re.compile(r"^(?:监制|監製|出品|策划|策劃|统筹|統籌|编辑|編輯|责任编辑|責任編輯|责编|責編|美编|美編|校对|校對"
                           r"|审核|審核|初审|初審|复审|復審|终审|終審|[一二三]审|[一二三]審)[ ]?[:：|｜丨]")


def _signs_off_between(lines: list[str], i: int) -> bool:
    """The line stands among an article's sign-off lines, and beside no masthead line (社长, 主办 …)."""
    near = [lines[k] for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return any(SIGN_OFF_LINE.match(n) for n in near) and not any(is_furniture(n) for n in near)


def _furniture_candidates(lines: list[str]) -> set[int]:
    """Indices of the lines holding a FURNITURE_HINT (one scan of the page; a hint never spans lines)."""
    text = "\n".join(lines)
    found = {0} if text.startswith(LOST_COPYRIGHT_OPEN) else set()
    hits = chain(FURNITURE_HINT.finditer(text), LOST_COPYRIGHT_LINE.finditer(text))
    first = next(hits, None)
    if first is None:
        return found
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    # A match's last character is on the line it speaks for ("\n?" names the line after the break).
    return found | {bisect_right(starts, m.end() - 1) - 1 for m in chain((first,), hits)}


def _nonspace_len(line: str) -> int:
    return len(line) - line.count(" ")


def is_prose(line: str) -> bool:
    """A paragraph (or a piece of one) rather than a headline, byline or label line."""
    if "。" in line or SENTENCE_PUNCT.search(line):  # a substring test first: most prose has a 。
        return True
    if "版" in line and PAGE_HEADER_RE.match(line):
        return False
    if COMMA_PUNCT.search(line) and (_nonspace_len(line) > SHORT_PROSE or REPORTING_OPEN.search(line)
                                     or TRAILING_COMMA.search(line) or LEAD_OPEN.match(line) or DATED_OPEN.match(line)
                                     or line.startswith("“") and "”" not in line):
        # (a quotation opened and not closed: "“以前办个证要跑好几个窗口，现在" / "一个窗口就办好了。”…"; a headline
        # closes the quote it opens)
        return True
    return len(line) > HEADLINE_CHUNK_MAX and any(len(chunk) > HEADLINE_CHUNK_MAX for chunk in line.split(" "))


def is_headline_like(line: str) -> bool:
    """Short and without sentence punctuation: a headline, deck, kicker, byline or credit line."""
    return not is_prose(line)


# A line of six or more single characters parted by spaces: a headline the OCR spaced out. Not a credit line,
# whose two-character names it would glue ("龚 斌 阮 涛 摄").
SPACED_OUT_RE = re.compile(f"[{CJK}](?: [{CJK}]){{5,}}")
SPACED_CREDIT_RE = re.compile("摄|攝|[记記] ?[者]|[编編] ?[辑輯]|[通] ?[讯訊] ?[员員]|图|圖")


# OCR's spaces left in a headline that is not spaced out throughout ("黄柏乡 ：产业扶贫见实 效"): beside the
# headline's own punctuation, or setting its last character apart (a headline's phrases are longer than one).
# Inside quotes or book marks only ("“ 千万工程 ”"): outside, a space parts two phrases ("春耕正当时 “铁牛”田间忙",
# "学习新《条例》 争做合格党员").
OCR_HEAD_SPACE = re.compile(f"(?<=[{CJK}]) (?=[：，、；！？”》])|(?<=[：，、；！？“《]) (?=[{CJK}])"
                            f"|(?<=[{CJK}]{{2}}) (?=[{CJK}]$)")
# ... and a run of three or more characters it spaced out one by one inside it ("白 沙 镇：特色种植助农增收").
OCR_HEAD_SPACED_RUN = re.compile(f"(?<![{CJK}])[{CJK}](?: [{CJK}]){{2,}}(?![{CJK}])")
# ... and a name of three it spaced out at the end of a deck, after the post ("——访县茶叶局局长邱 永 华"); elsewhere
# the first of three may end a unit before a name of two ("供稿：县农业局 马 丽").
DECK_SPACED_NAME = re.compile(f"^——[^ ]+[{CJK}] [{CJK}] [{CJK}]$")


# A reporter's role word the OCR split ("本报记 者 甲", "通 讯 员 乙"): the spaces a credit keeps between names
# would otherwise keep it apart.
SPLIT_ROLE_WORD_RE = re.compile("记[ ]者|通[ ]?讯[ ]?员")


def _fix_spaces(line: str) -> str:
    """Drop OCR spaces inside prose, and in a headline spaced out character by character; headlines and
    byline brackets keep single spaces between phrases."""
    if " " not in line:
        return line
    if "记 者" in line or "讯 员" in line or "通 讯" in line:
        line = SPLIT_ROLE_WORD_RE.sub(lambda m: m.group().replace(" ", ""), line)   # "本报记 者 甲": the role whole
    if not is_prose(line):
        if SPACED_CREDIT_RE.search(line) or FIELD_LINE.match(line):
            return line
        if SPACED_OUT_RE.fullmatch(line):
            return line.replace(" ", "")   # "澄 江 县 开 展 春 季 植 树 活 动"
        if line.startswith("——") and DECK_SPACED_NAME.match(line):
            return line.replace(" ", "")
        line = OCR_HEAD_SPACE.sub("", line)
        return OCR_HEAD_SPACED_RUN.sub(lambda m: m.group().replace(" ", ""), line) if " " in line else line
    if FIELD_LINE.match(line):   # a record's meta line: its spaces part the fields and the names in them
        return OCR_DATE_SPACE.sub("", line)   # ("来源：某某县融媒体中心 记者 张三", "作者：县林业局 李四")
    if line.endswith(CAPTION_CREDIT_ENDS) and (credit := SPLIT_CAPTION_CREDIT.search(line)) is not None:
        names = SPLIT_NAME_RUN.sub(lambda m: m.group().replace(" ", ""), credit.group("names"))
        line = f"{line[:credit.start()]}{names} {credit.group('role')}"
    elif ("摄影" in line[-ROLE_FIRST_REACH:] or "攝影" in line[-ROLE_FIRST_REACH:]) \
            and (credit := SPLIT_ROLE_FIRST_CREDIT.search(line)) is not None:
        names = SPLIT_NAME_RUN.sub(lambda m: m.group().replace(" ", ""), credit.group("names"))
        line = f"{line[:credit.start()]}{credit.group('role')}{names}"
    if line.endswith(("）", ")")):
        line = _paired_signature(line)
    parts = CREDIT_SPAN.split(line)
    spans = CREDIT_SPAN.findall(line)
    out = [_ocr_spaces_out(parts[0])]
    for span, rest in zip(spans, parts[1:]):
        out.append(span)
        out.append(_ocr_spaces_out(rest))
    return "".join(out)


def _ocr_spaces_out(text: str) -> str:
    return OCR_DATE_SPACE.sub("", OCR_SPACE.sub("", text))


def is_closed(line: str) -> bool:
    """The line ends its paragraph: closing punctuation, or a caption/photo credit."""
    return _ends_with(CLOSED_END, line, CLOSED_END_WINDOW) or _ends_with(CREDIT_END, line, CREDIT_END_WINDOW)


def _ends_with(pattern: re.Pattern[str], line: str, window: int) -> bool:
    """pattern.search(line) for a "$"-anchored pattern, trying only starts in the last `window` characters.

    Searching a long line tries every start; the windows are wide enough for every match except a long
    run of closing marks (CLOSED_END's first form), which only a window made of such marks can hide.
    """
    start = len(line) - window
    if start <= 0:
        return pattern.search(line) is not None
    if pattern.search(line, start) is not None:
        return True
    return CLOSING_RUN.fullmatch(line, start) is not None and pattern.search(line) is not None


# A service box's row of phone numbers ("便民服务 供电：95598 供水：0746-7211234", "报警：110 火警：119 急救：120"),
# perhaps after the box's label: two or more fields of a service and its number.
SERVICE_PHONES_LINE = re.compile(f"^(?:[{CJK}]{{2,8}}[ ]?)?(?:[{CJK}A-Za-z]{{1,8}}[：:][ ]?(?:[(（]?\\d{{3,4}}[)）-]?)?\\d{{3,11}}"
                                 f"(?:[、/][\\d()（）-]{{3,16}})*[ ]?){{2,}}$")


# A clause's mark at a line's end: the sentence goes on in the next line (no headline ends so).
CLAUSE_OPEN_ENDS = ("，", ",", "、")


QUOTE_OPEN_LINE_MIN = 8


def _is_open(line: str) -> bool:
    """A prose line that the next line may continue."""
    if line.endswith(SENTENCE_END_MARKS):  # closed (CLOSED_END's first form): how most paragraphs end
        return False
    if line.endswith("、") and len(line) > 1 and CJK_CHAR.match(line[-2]):
        return True   # "…先后察看了林区防火检查站、" / "扑火物资储备库。": a list the column wrapped
    if line.endswith(("“", "《")) and len(line) > QUOTE_OPEN_LINE_MIN:
        return True   # "…62岁的果农甲被称为“" / "土专家”。": a quote the column wrapped right after it opened
    if line[-1:].isdigit() and SERVICE_PHONES_LINE.match(line):
        return False   # "便民服务 供电：95598 供水：…": a box's row of numbers, which no text goes on from
    if line[-1:].isdigit() or line.endswith(("月", "日", "午", "上", "晚", "间", "晨")):
        if WRAPPED_DATE_END.search(line) and LEAD_OPEN.match(line):
            return True   # "本报讯（记者 甲）10月" / "25日，…": a dateline wrapped inside its date
    if len(line) <= UNCLOSED_DATELINE_MAX and LEAD_OPEN.match(line) and _bracket_left_open(line, len(line)):
        return True   # "本报讯（记者 甲" / "通讯员 乙）10月8日，…": a dateline wrapped inside its bracket
    if len(line) <= UNCLOSED_DATELINE_MAX + LEAD_PIECE_MAX and LEAD_PIECE_END.search(line) and LEAD_OPEN.match(line):
        return True   # "本报讯（记者 甲 通讯员 乙）走" / "进东泊子村，…": the lead's first words wrapped
    return is_prose(line) and not is_closed(line) and FIELD_LINE.match(line) is None


def _opens_nothing(line: str) -> bool:
    """A prose line that may continue the paragraph above it; after a line that stopped mid-sentence, a short
    one with a comma does too ("今年以来，白杨乡将全乡划分" / "为86个网格，每个网格配备1名" / "专职网格员。": a
    headline does not follow a sentence that has not ended)."""
    return (is_prose(line) or COMMA_PUNCT.search(line) is not None) and FIELD_LINE.match(line) is None \
        and PARAGRAPH_OPEN.match(line) is None


def _glue(left: str, right: str) -> str:
    """Join two pieces of one paragraph; only two ASCII words keep a space between them (a number the column cut
    is one number: "带动周边1" / "20余户农户增收")."""
    if ASCII_ALNUM_END.search(left) and ASCII_ALNUM_START.search(right) \
            and not (left[-1].isdigit() and right[0].isdigit()):
        return f"{left} {right}"
    return left + right


# What a wrapped sentence's next piece may open with: its own punctuation ("…第28次常务会议" / "，研究…。").
CONTINUATION_MARKS = tuple("，,、；;。：:）)”！？!?")
# Words no sentence stops on: a line left open after one goes on below.
OPEN_PARTICLES = ("的", "和", "与", "及", "把", "被")
# Characters either side of a break that the segmenter reads to see whether the break cuts a word.
WORD_REACH = 3


def _wraps_on(line: str, after: str | None, left: str) -> bool:
    """A line without punctuation after `left`, a line broken mid-sentence, that goes on with that sentence:
    the line after it opens with punctuation ("县长" / "简永刚主持召开…会议" / "，研究…。"), or the break cuts a
    word ("…，县委书" / "记冯建国深入…": 书记). A headline opens no such line and cuts no word."""
    if after is not None and after.startswith(CONTINUATION_MARKS) or left.endswith(OPEN_PARTICLES):
        return True   # (a sentence does not stop on a particle: "清晨6点，家住古美路街道的" / "退休老党员张")
    if left.endswith(CLAUSE_OPEN_ENDS) and CJK_CHAR.match(line[:1]) \
            and not (after is not None and (DATED_OPEN.match(after) or LEAD_OPEN.match(after))):
        return True   # (nor on a comma: "…等部门负责人，" / "深入某乡督导检查春季森林防火工" / "作。")
    if not (CJK_CHAR.match(left[-1:]) and CJK_CHAR.match(line[:1])) \
            or after is not None and (DATED_OPEN.match(after) or LEAD_OPEN.match(after)):
        return False   # (a dated or signed lead after it: the line is that item's headline)
    return break_cuts_word(left, line)


def break_cuts_word(left: str, right: str) -> bool:
    """The segmenter reads a word across the break between left and right ("…县委书" / "记冯建国…": 书记)."""
    head = left[-WORD_REACH:]
    at = 0
    for token in cut(head + right[:WORD_REACH]):
        if at < len(head) < at + len(token):
            return True
        at += len(token)
    return False


# A headline's longest, as the splitter's LEAD_TITLE_MAX (tasks/articles.py, which imports this module).
HEADLINE_MAX = 40


def _dated_lead_under_headline(left: str, line: str) -> bool:
    """A lead opening with its date under a headline that exclaims or asks ("好消息！我县新增3个示范村" /
    "近日，…"): the exclamation made the headline look like prose left open, but it has no comma and is short."""
    return len(left) <= HEADLINE_MAX and COMMA_PUNCT.search(left) is None and DATED_OPEN.match(line) is not None


# A number the scan's wrap cut, its first digits ending a line of text ("本报讯（记者 甲）1" / "2月8日，…", "在1" /
# "2月底前完成"): one number, whatever the line below opens with (a date there looks like a brief's own).
NUMBER_CUT_LEFT = re.compile(r"[\u4e00-\u9fff）)][0-9]{1,3}$")


def _join_wrapped(lines: list[str], cuts: frozenset[str] = frozenset()) -> list[str]:
    """Re-join paragraphs that the page broke mid-sentence (OCR columns, often with blank lines between);
    `cuts` holds the lines that the page's column cut (column_cuts)."""
    out: list[str] = []
    last_open = False  # _is_open(out[-1]), kept so that each line is typed once
    closed_late = False
    for k, line in enumerate(lines):
        if (last_open and (_opens_nothing(line) or line.endswith(OPEN_PARTICLES)   # (no headline stops on 和, 的)
                           or not SENTENCE_PUNCT.search(line) and not COMMA_PUNCT.search(line)
                           # (one character alone is no headline: "…51岁的护林员盘" / "金" / "福就背起水壶…")
                           and (len(line) == 1 and CJK_CHAR.match(line) is not None
                                or _wraps_on(line, lines[k + 1] if k + 1 < len(lines) else None, out[-1])))
                and not _dated_lead_under_headline(out[-1], line)
                or cuts and k and lines[k - 1] in cuts and DATED_OPEN.match(line) is None
                and FIELD_LINE.match(line) is None and not is_furniture(line)
                or out and _bracket_left_open(out[-1]) and _closes_bracket(line)
                or out and _name_cut_at_post(out[-1], line) or out and _name_after_listed_post(out[-1], line)
                or out and _post_after_listed_unit(out[-1], line)
                or out and line[:1] in PUNCT_NO_LINE_OPENS and CJK_CHAR.match(out[-1][-1:]) is not None
                or out and len(line) == 1 and FIELD_ONE_CHAR_END.search(out[-1]) is not None
                or out and _clauses_piece_goes_on(out[-1], line)
                or out and line[:1].isdigit() and NUMBER_CUT_LEFT.search(out[-1]) is not None) \
                and LEAD_OPEN.match(line) is None:
            # (an outlet's dateline opens an item: the line above lost its full stop, it did not wrap into it)
            # (a continuation that was no prose line kept its OCR spaces: the joined line drops them as prose does)
            joined = _fix_spaces(_glue(out[-1], line))
            # (nor a join that makes a run-on dateline, which the next pass would split again: idempotency)
            if not is_furniture(joined) and not has_residue(joined) \
                    and not ("讯" in joined and RUN_ON_DATELINE_FAST.search(joined)):
                closed_late = closed_late or len(out) > 1 and _bracket_left_open(out[-1])
                out[-1] = joined
                # (typed as the line it now is, as the next pass types it: a joined piece may wrap on too)
                last_open = _open_to_text(joined) or _comma_piece_wraps(joined, lines[k + 1] if k + 1 < len(lines) else None)
                continue
        out.append(line)
        last_open = _open_to_text(line) or _comma_piece_wraps(line, lines[k + 1] if k + 1 < len(lines) else None)
    # A bracket closed by the line after it ("（" / "0,)") makes a line the one before was judged without: the next
    # pass would join the two ("，" / "（0,)"), so this one does (idempotency)
    return _join_wrapped(out) if closed_late else out


# A scan's short line of two clauses or more that stops mid-clause goes on into the prose line under it ("石浦镇副镇长
# 胡 建国介绍，今年开渔首日，全镇" / "出海渔船1100多艘。", "受表彰的有：…马占林，土桥镇尹集村党支部" / "书记甲，…。"):
# too short for prose by itself, so it kept its OCR spaces and its break. A deck of short slogans ("稳增长，促改革，
# 惠民生") is no such piece, nor a line a column's full width would not hold.
CLAUSE_MARKS = re.compile("[，,、：:]")
# A numbered sub-heading ("一、坚持高位推动，压紧压实工作责任", "（二）…", "3.…") heads the paragraph under it.
NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、.．])")
CLAUSES_MIN = 2
# ... or of one clause mark, where the line stops on a word whose object must follow ("…，2019年被评为" /
# "市级非遗代表性传承人。"): no headline ends so.
OBJECT_WANTED_END = re.compile("(?:被评为|被授予|被选为|被聘为|成为|当选为|荣获|获评|评为|担任|位于|来到|走进|通过|按照|围绕)$")
SLOGAN_CLAUSE_MAX = 4
SCAN_LINE_MAX = 48


def _clauses_piece_goes_on(piece: str, line: str) -> bool:
    if len(piece) > SCAN_LINE_MAX or piece.endswith(SENTENCE_END_MARKS) or not CJK_CHAR.match(piece[-1:]) \
            or len(CLAUSE_MARKS.findall(piece)) < (1 if OBJECT_WANTED_END.search(piece) else CLAUSES_MIN) \
            or is_prose(piece) or FIELD_LINE.match(piece) is not None \
            or NUMBERED_HEAD.match(piece) is not None \
            or " " in piece and ("：" in piece or ":" in piece):   # (a record's fields: "发布时间：… 来源：…")
        return False
    if all(len(c.strip()) <= SLOGAN_CLAUSE_MAX for c in CLAUSE_MARKS.split(piece)):
        return False
    return ("。" in line or SENTENCE_PUNCT.search(line) is not None) and CJK_CHAR.match(line) is not None \
        and FIELD_LINE.match(line) is None and PARAGRAPH_OPEN.match(line) is None and DATED_OPEN.match(line) is None


# A paragraph's first line cut inside the name after a post ("县农业局局长谭德" / "华陪同调研。", "院长王建" /
# "华说：“…”"): the line ends in a post and a name's first characters, and the next opens with the name's last
# ones and what the person did or said; no item's text opens so under its headline.
POST_THEN_NAME_START = re.compile(f"(?<=[{CJK}])(?:长|书记|主任|主席|委员|经理)(?P<start>[{CJK}]{{1,2}})$")
NAME_END_THEN_DEED = re.compile(f"^[{CJK}]{{1,2}}(?:陪同|出席|参加|列席|主持|一同|带领|带队|率领|率队|深入|(?:说|介绍|表示)[：:，,])")


# A credit field cut after its name's first character ("编辑：甲 校对：张" / "艳"): the name goes on.
FIELD_ONE_CHAR_END = re.compile(f"[：:][ ]?[{CJK}]$")
# ... or a list's line ending in the last one's post, his name opening the next line ("…就座的还有副主席甲、乙，秘书长" /
# "丙。"): a list of leaders runs on, no headline ends in a post after its commas.
LISTED_POST_END = re.compile(f"[，、,][{CJK}]{{0,12}}(?:长|书记|主任|主席|委员|经理)$")
NAME_THEN_LIST_END = re.compile(f"^[{CJK}]{{2,3}}(?:[。，、；,;]|等)")
LISTED_POST_LINE_MIN = 16


# ... or a list's line ending in the next one's unit, the post and the name opening the next line ("…主委甲、县工商联" /
# "主席乙、无党派人士代表丙等6位同志先后发言。"): no headline holds a list and stops on a unit.
POST_FIRST = re.compile(f"^(?:副)?(?:主席|书记|主任|部长|局长|会长|主委|院长|校长|经理|董事长|总经理|秘书长|行长|所长|站长)[{CJK}]{{2,3}}[、，,等]")


# No line opens with these: a line that does was wrapped right before them ("各乡镇人民政府：根据…要求" / "，决定在…").
PUNCT_NO_LINE_OPENS = "，,、；;。"


def _post_after_listed_unit(left: str, line: str) -> bool:
    return "、" in left and left[-1:] != "、" and CJK_CHAR.match(left[-1:]) is not None \
        and SENTENCE_PUNCT.search(left) is None and POST_FIRST.match(line) is not None


def _name_after_listed_post(left: str, line: str) -> bool:
    return left[-1:] in "长记任席员理" and len(left) >= LISTED_POST_LINE_MIN and NAME_THEN_LIST_END.match(line) is not None \
        and LISTED_POST_END.search(left) is not None and SENTENCE_PUNCT.search(left) is None


def _name_cut_at_post(left: str, line: str) -> bool:
    post = POST_THEN_NAME_START.search(left) if NAME_END_THEN_DEED.match(line) is not None else None
    # (what follows the post is a word of the dictionary in a headline over its deck: "县政协召开主席会议" / "甲出席")
    return post is not None and not (len(post["start"]) > 1 and engine().has_word(post["start"])) \
        and len(left) <= HEADLINE_MAX and SENTENCE_PUNCT.search(left) is None and COMMA_PUNCT.search(left) is None


# How far from a line's end a bracket the column cut is opened ("…温暖过冬。（记者 甲某某" / "通讯员 乙某某）").
OPEN_BRACKET_REACH = 24


def _bracket_left_open(line: str, reach: int = OPEN_BRACKET_REACH) -> bool:
    """The line ends inside a bracket it opened within `reach` of its end."""
    start = max(0, len(line) - reach)
    opened = max(line.rfind("（", start), line.rfind("(", start))
    return opened >= 0 and opened > max(line.rfind("）", opened), line.rfind(")", opened))


def _closes_bracket(line: str) -> bool:
    """The line closes a bracket that opened above it, near its start."""
    closed = min((i for i in (line.find("）", 0, OPEN_BRACKET_REACH), line.find(")", 0, OPEN_BRACKET_REACH)) if i >= 0),
                 default=-1)
    return closed >= 0 and "（" not in line[:closed] and "(" not in line[:closed]


# A page cut to its column's width indents its paragraphs: most lines are about as long (a paragraph's first line
# with its indent), and such a line that stopped mid-sentence over a line with no indent broke where the column
# did. Shorter lines are headlines, credits and the last pieces of paragraphs; a full line is a little longer
# when punctuation was pulled up onto it or half-width digits fill it.
COLUMN_LINE_MIN = 12   # (a county paper's narrow column holds 12 to 15)
COLUMN_LINES_MIN = 3
COLUMN_PLAIN_LINES_MIN = 5   # with no indent to show the paragraphs, more lines must show the column
COLUMN_PLAIN_PEAK_MIN = 4    # ... and more of them exactly as wide
COLUMN_SLACK = 3
# ... and few of the page's lines run far past it: on a page nobody wrapped, a paragraph is one line of its own
# length, longer than the headlines or numbered subheads that share a width ("一、坚持高位推动，压紧压实各级工作责任").
# (A column's line with half-width digits holds a few characters more, hence the ratio.)
COLUMN_OVER_RATIO = 1.25
COLUMN_OVER_SHARE_MAX = 0.2
# A record's field keys, wherever its line of fields holds them ("县融媒体中心 发布时间：…", "来源：… 作者：…").
RECORD_FIELD_INSIDE = re.compile(f"{PUBLISHED_KEY}[ ]?[:：]|{VIEWS_WORD}(?:次数|次數|量)?[ ]?[:：]|(?:{SOURCE_KEY}|作者)[ ]?[:：]")
INDENTS = (" ", "\u3000", "\t", "\u00a0")


def column_cuts(text: str) -> frozenset[str]:
    """The lines, as _split_lines and _fix_spaces leave them, that the page's column cut: each as wide as the
    column, open (no full stop, no credit at its end), a paragraph's indented first line or a prose line or the
    next piece of a cut one, over a line with no indent ("　　会议听取和审议了县人民政府关于2022年上半年国民经" /
    "济和社会发展计划执行情况的报告，…": 经济). A page whose paragraphs have no indent must show its column with more
    lines. Cleaned text has no indent and its joined lines are no longer as wide, so cleaning it again finds no
    column (idempotency)."""
    raw = [line.rstrip() for line in NEWLINES.sub("\n", text).split("\n") if line and not line.isspace()]
    indented = [line.startswith(INDENTS) for line in raw]
    plain = sum(indented) < COLUMN_LINES_MIN
    open_lines = [len(line) >= COLUMN_LINE_MIN and not is_closed(line) for line in raw]
    widths = Counter(len(line) for line, wide in zip(raw, open_lines) if wide)
    if not widths:
        return frozenset()
    width, peak = widths.most_common(1)[0]
    n = sum(count for w, count in widths.items() if width - 1 <= w <= width + COLUMN_SLACK)
    # (a column's lines are one width, headlines and decks of many: a page of a few headlines as long shows none)
    if n < (COLUMN_PLAIN_LINES_MIN if plain else COLUMN_LINES_MIN) or peak < (COLUMN_PLAIN_PEAK_MIN if plain else COLUMN_LINES_MIN):
        return frozenset()
    long_lines = [len(line) for line in raw if len(line) >= COLUMN_LINE_MIN]
    if sum(w > width * COLUMN_OVER_RATIO for w in long_lines) > COLUMN_OVER_SHARE_MAX * len(long_lines):
        return frozenset()
    cuts: set[str] = set()
    para = False   # the line is a paragraph's: indented, or under a paragraph's line that ran to the column's edge
    cut = False    # the line above was cut
    for k, line in enumerate(raw[:-1]):
        below = raw[k + 1]
        full = width - 1 <= len(line) <= width + COLUMN_SLACK
        para = indented[k] or para and width - 1 <= len(raw[k - 1]) <= width + COLUMN_SLACK
        if not (open_lines[k] and full and not indented[k + 1]):
            cut = False
            continue
        piece = _fix_spaces(MULTI_SPACE.sub(" ", SPACE_LIKE.sub(" ", line)).strip())
        # (under a line that ended a sentence at the column's edge, a piece of prose goes on with the paragraph;
        # a headline has no comma)
        cut = indented[k] or cut or para and (COMMA_PUNCT.search(line) is not None
                                              or SENTENCE_PUNCT.search(line) is not None) or is_prose(piece) \
            or plain and (COMMA_PUNCT.search(below) is not None or SENTENCE_PUNCT.search(below) is not None) \
            or RECORD_FIELD_INSIDE.search(piece) is not None and len(below.strip()) <= width \
            and SENTENCE_PUNCT.search(below) is None and PIECE_COMMA.search(below) is None
        # (the second line: no indent tells where a paragraph starts, so a full line over a piece of a sentence; the
        # third: a record's line of fields cut inside a field, over the rest of its fields, short, with no sentence:
        # "来源：县融媒体中心 作者：甲 发布时间：2022-0" / "8-26 16:40 浏览次数：518")
        if cut:
            cuts.add(piece)
    return frozenset(cuts)


# A sentence's comma (a colon opens many headlines: "杉坪乡：小香菇撑起致富伞").
PIECE_COMMA = re.compile(r"[，,]")
# A piece with no comma this long is a column's full width rather than a headline ("会议听取和审议了副县长甲受县政府
# 委托所作的关于上半年国民" / "经济和社会发展计划执行情况的报告。"), when the break cuts a word.
WRAPPED_PIECE_MIN = 28


def _bare_piece(line: str) -> bool:
    """A line as a sentence's piece is, with no space or colon in it (a page header's or a credit line's fields
    keep theirs: "2023年8月15日 第4版 乡村振兴 责任编辑：甲")."""
    return " " not in line and "：" not in line and ":" not in line


def _comma_piece_wraps(line: str, after: str | None) -> bool:
    """A piece with a comma too short to be prose by itself, cut by a narrow column, goes on into the next line
    when the break cuts a word ("县委副书记、县长甲，县委副书记乙等县委常委出席会" / "议。…": 会议) or the next
    line opens with the sentence's own punctuation; a sub-heading with a comma ("坚持高位推动，压实工作责任")
    cuts no word with the lead under it."""
    if after is None or PIECE_COMMA.search(line) is None and (len(line) < WRAPPED_PIECE_MIN or not _bare_piece(line)) \
            or line.endswith(SENTENCE_END_MARKS) or FIELD_LINE.match(line) is not None or is_closed(line):
        return False
    after = after.lstrip(" \u3000")
    if DATED_OPEN.match(after) or LEAD_OPEN.match(after):
        return False   # a dated or signed lead: the piece is its item's headline ("杉坪乡：小香菇撑起致富伞")
    return after.startswith(CONTINUATION_MARKS) \
        or CJK_CHAR.match(line[-1:]) is not None and CJK_CHAR.match(after[:1]) is not None and break_cuts_word(line, after)


def _open_to_text(line: str) -> bool:
    """The line is left open (_is_open) and is no salutation, however it was wrapped (a salutation's colon ends it)."""
    return _is_open(line) and SALUTATION_RE.match(line) is None


# A notice's or a speech's salutation, on a line of its own before the text ("各镇人民政府，县级各部门：",
# "各乡（镇）人民政府、街道办事处：", "同志们："): its colon leaves the line open, but no sentence goes on from it.
SALUTATION_RE = re.compile(r"^(?:各|全[县区市]|尊敬的|亲爱的|同志们|[^。！？!?，,]{0,4}同志)[^。！？!?]{0,58}?"
                           r"(?:政府|部门|單位|单位|辦事處|办事处|委员会|委員會|党委|党组|机关|機關|企业|企業|学校|學校|医院|醫院|公司"
                           r"|社区|社區|村委会|居委会|同志们|同志們|同志|代表|委员|委員|来宾|來賓|朋友们|朋友們|群众|群眾|家长|家長"
                           r"|市民|居民|会员|會員)[：:]$|^(?:同志们|同志們|各位(?:代表|委员|委員|来宾|來賓|同志)?)[：:]$")
