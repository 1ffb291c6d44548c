"""Split a clean, normalised page into articles: headline stack, byline, credits and body.

A page arrives as one paragraph or headline per line (``tasks.clean``), simplified, with canonical
full-width punctuation (``tasks.normalise``); the rules still accept ASCII punctuation because
normalisation is heuristic. Lines are typed (headline-like, byline/credit, header field, prose) and
grouped into blocks of "headline lines + the lines below them". A block opens a new article only
when what follows it looks like an article start (a byline, a dated lead, a closing credit, or the
first block of the page); otherwise its headline is a sub-heading kept in the current article's body.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from tasks.clean import (CAPTION_OUTLET, CJK, CJK_CHAR, CONTINUED_LINE, CREDIT_NAME, DOTTED_NAME,
                         LETTERED_PAGE_HEADER_RE, PAGE_HEADER_RE, SENTENCE_PUNCT, SERVICE_PHONES_LINE, SOURCE_LINE,
                         SOURCE_LINE_LABEL, break_cuts_word, is_headline_like, is_prose)
from tasks.lexicon import section_words, sections, single_surnames, words
from tasks.segment import engine, tag_raw

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ArticleDraft:
    seq: int                      # 0-based order on the page
    title: str                    # main headline, or the lead's first clause when the page has none
    kicker: str | None            # 引题 above the main title
    subtitle: str | None          # 副题/deck lines below the main title, joined with " "
    byline: str | None            # raw byline text as written
    source: str | None            # outlet named in the byline or header; None for plain 本报讯
    dateline: str | None          # raw date string from a header line ("日期：2020-01-01 08:00")
    credits: list[tuple[str, str]] = field(default_factory=list)  # (name, reporter|photographer|editor)
    body: str = ""                # paragraphs joined with "\n", without headline, byline and credit lines
    title_from_lead: bool = False
    url: str | None = None        # the address a source line names ("原文链接：…", "[查看原文](…)", "網址：…")


# ---------------------------------------------------------------- bylines and credits
# Outlets that open a lead as "X讯" / "X消息": 本报讯, 某某日报讯, 某某网-某某客户端消息, 央视网消息, and the county
# media centres that now publish most county news (某某县融媒体中心讯).
OUTLET = f"(?:本报|[{CJK}A-Za-z0-9\\-—·]{{0,16}}?(?:报|网|社|台|客户端|频道|新闻|融媒体中心|传媒中心|新闻中心))"
# Agency datelines: "新华社北京1月1日电", "综合本报和新华社电" (People's Daily).
AGENCY = f"(?:综合)?(?:[{CJK}]{{0,10}}和)?(?:新华社|中新社|本报|[{CJK}]{{2,8}}日报|[{CJK}]{{2,8}}通讯社|[{CJK}]{{1,6}}网)"
CREDIT_PAREN = ("[(（][^()（）\n]{0,40}?(?:记者|通讯员|实习生|编辑|摄|作者[：:]|撰稿|撰文|供图|供稿|[文图][/／]|[/／][文图])"
                "[^()（）\n]{0,40}?[)）]")
# Datelines named after a place rather than an outlet: "本报灵川讯", "灵川讯(记者 …)", "本报北京1月1日讯"; the
# place form must be followed by what follows a dateline (a bracket, a colon, a space or the date), and words
# ending in 讯 (通讯, 资讯, 喜讯 …) are not places ("本报通讯员 甲" is a byline).
PLACE_DATELINE = (f"(?:本报|本刊)(?!通讯)[{CJK}0-9月日]{{1,12}}?讯|又讯(?=[(（【\\[ :：]|\\d)"   # 又讯: another item of the same paper
                  f"|(?![{CJK}]{{0,5}}?(?:通|资|喜|简|快|音|审|电|传|问|短|死|闻|质|来|警|视|家)讯)[{CJK}]{{2,6}}?讯"
                  # (or a lead's day said in words, its space lost: "石岭镇讯近日，…")
                  "(?=[(（【\\[ :：]|\\d|近日|日前|连日来|近期|昨天|昨日|今天|今日|当天)")
# The outlet token itself: "本报讯", "央视网消息", "据新华社北京1月15日电", "本报灵川讯".
# Agencies date their datelines in figures or in Chinese numerals ("新华社郑州一月十八日电").
DAY_NUMBER = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"
# Where and when a report was filed, between its outlet and 电/讯: "北京1月1日", "达沃斯（瑞士）1月29日".
DATED_PLACE = f"[{CJK}]{{0,8}}?(?:[(（][{CJK}]{{2,8}}[)）])?{DAY_NUMBER}月{DAY_NUMBER}日"
# An agency's dateline: a dated one ("新华社北京1月1日电"), or a place alone before 电 when a reporter or a
# bracket follows ("本报巴黎电记者…报道", "本报上海电（记者…）").
OUTLET_TOKEN = re.compile(
    f"^据?(?:(?P<outlet>{OUTLET})(?:{DATED_PLACE})?(?:讯|消息)"
    f"|(?P<agency>{AGENCY})(?:(?:{DATED_PLACE})?电"
    f"|[{CJK}]{{2,6}}?电(?=[(（ :：]|(?:本报|特约)?记者))"
    f"|(?P<place>{PLACE_DATELINE}))")
# Who reported, written after the dateline without brackets (People's Daily): "本报讯记者张三报道：", "新华社记者
# 张三、本报记者李四报道：", each name after its outlet's 记者 or listed after the one before.
# What stands between an outlet and 记者 or 通讯员: "特约记者", "首席记者", "融媒体记者".
REPORTER_RANKS = ("首席", "融媒体", "融媒", "全媒体", "特约", "见习", "实习", "摄影", "驻站")
REPORTER_RANK = f"(?:{'|'.join(REPORTER_RANKS)})"
REPORTER_WORD = f"(?:[{CJK}]{{0,8}}?{REPORTER_RANK}?记者|通讯员)"
# Words that stand where the name does ("记者今天从…获悉", "记者的调查") are no name.
NOT_A_REPORTER = ("(?!今天|今日|昨天|昨日|前天|当天|当日|日前|近日|近期|最近|本周|上周|[0-9一二三四五六七八九十]{1,3}日"
                  "|采访|调查|获悉|了解|发现|看到|注意|的|了|在|从|也|还|又|就|都|曾|对|将|把|被)")
# A reporter's word right after a name, with no space left between them (the cleaner removes spaces between
# Han characters: "记者 张三 通讯员 李四" -> "记者张三通讯员李四"). No outlet may stand before it: a free prefix
# would take the name's last characters.
STRICT_REPORTER_WORD = f"(?:{REPORTER_RANK}?(?:记者|通讯员)|实习生)"
# (a name may be spaced out by the OCR character by character: "记者 冯 德 勇 田 欢 4月19日，…")
REPORTER_NAME = f"(?:[{CJK}]{{2,4}}|[{CJK}](?:[ ][{CJK}]){{1,3}})"
REPORTER_NAMES = (f"{NOT_A_REPORTER}{REPORTER_NAME}(?:(?:[ 、，,](?:{REPORTER_WORD}[ ]?)?|{STRICT_REPORTER_WORD}[ ]?)"
                  f"{NOT_A_REPORTER}{REPORTER_NAME}){{0,3}}")
REPORTED_BY = f"(?:{REPORTER_WORD}[ ]?{REPORTER_NAMES}[ ]?报道[:：]?)"
# Reporters after a dateline with neither brackets nor 报道, the lead's date or time word right after the
# last name: "本报讯 记者 张三 通讯员 李四 10月12日，…", "本报讯 首席记者 王五 近日，…" (not "记者张三今天从…获悉",
# REPORTER_FROM's sentence, which stays in the body).
LEAD_AFTER_REPORTERS = ("(?:[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}日[上下晚]|近日|日前|昨天|昨日|今天|今日|连日来|近期|当天"
                        "|近年来|今年以来|入夏以来|入冬以来)")
REPORTERS_BEFORE_LEAD = f"(?:{STRICT_REPORTER_WORD}[ ]?{REPORTER_NAMES}[ ]?(?={LEAD_AFTER_REPORTERS}(?!从)))"
# A lead that names its reporter and the source he heard from: "记者张三从市统计局获悉", "记者张三今天从…".
# The words stay in the body (they are its first sentence); the reporter is credited.
REPORTER_FROM = re.compile(
    f"^{REPORTER_WORD}[ ]?{REPORTER_NAMES}(?=[ ]?(?:今天|今日|昨天|昨日|日前|近日)?从)")
# The same with no dateline before it, opening a line: "某某晚报记者张三报道：", "特约记者李四报道".
OUTLET_REPORTED_BY = (f"(?:[{CJK}]{{0,8}}?(?:报|网|社|台|刊|中心))?(?:驻[{CJK}]{{1,6}})?{REPORTER_RANK}?记者[ ]?"
                      f"{REPORTER_NAMES}[ ]?报道[:：，,]?")
# OUTLET_REPORTED_BY's 记者 starts within this many characters of the line (see _byline_prefix).
REPORTER_REACH = 20
BYLINE_PREFIX = re.compile(
    # (the dateline's bracket may be a square one: "本报讯【记者 甲】")
    f"^(?:{OUTLET_TOKEN.pattern[1:]}[ ]?(?:[(（][^()（）\n]{{0,40}}[)）]|【[^【】()（）\n]{{0,40}}】|{REPORTED_BY}"
    f"|{REPORTERS_BEFORE_LEAD})?[ ]?[:：]?"
    f"|{CREDIT_PAREN}|{OUTLET_REPORTED_BY}"
    # (or with no dateline before them: "记者 甲 通讯员 乙 3月5日，…" opening the text under a headline)
    f"|{REPORTERS_BEFORE_LEAD})[ ]?"
)
# The brackets CREDIT_PAREN opens with (see _byline_prefix).
BYLINE_BRACKETS = ("(", "（")
# BYLINE_PREFIX's longest match (longer than CREDIT_LINE_MAX).
BYLINE_PREFIX_MAX = 150
# The outlet inside a byline bracket or before 记者: "(某某都市报记者 …)", "新华社记者张三摄".
OUTLET_BEFORE_ROLE = re.compile(f"(?:^|[(（])(?P<outlet>[{CJK}\\-]{{2,12}}?)(?:特约|见习|实习|摄影)?记者")
NOT_AN_OUTLET = frozenset({"本报", "本刊", "本台", "本网"})

# Role words of Chinese bylines; order matters (longest first). 通讯员 and 实习生 report too.
# "文/摄" (and 文/图, 图/文, 文并摄) credits the writer who also took the pictures: both roles.
BOTH = "reporter+photographer"
# Credit words of web and county media pages that are ordinary words elsewhere (文字, 图片, 视频, 策划) or
# end in a role word's character (摄像): credits only with a colon or a slash after them ("一审：张三
# 二审：李四 三审：王五", the three reviews every county site signs; "文字：张三 图片：李四").
# Who sent an item in to a government site (page_notes.txt [sender_roles]); tasks/html.py reads the same keys.
SENDER_ROLES = section_words("page_notes.txt", "sender_roles")
COLON_ROLES: tuple[tuple[str, str], ...] = (
    ("文字", "reporter"), ("撰文", "reporter"), ("图文", "reporter+photographer"), ("文图", "reporter+photographer"),
    # "文：张三 图：李四", "供稿：某局 王五"; after 图： a caption may follow ("图：会议现场"): see SURNAME_ROLES
    ("文", "reporter"), ("图", "photographer"), ("供稿", "reporter"),
    ("图片", "photographer"), ("摄像", "photographer"), ("视频", "photographer"),
    # suffix role words too ("张三 摄影"): with a colon they credit the names after them ("撰稿：甲 摄影：乙")
    ("摄影", "photographer"), ("供图", "photographer"),
    ("主编", "editor"), ("编审", "editor"), ("校审", "editor"), ("一审", "editor"), ("二审", "editor"),
    ("三审", "editor"), ("排版", "editor"), ("剪辑", "editor"), ("统筹", "editor"), ("策划", "editor"),
    # the sign-off fields of county papers and government sites ("组版：甲 核稿：乙 签发：丙", "撰稿人：丁")
    ("组版", "editor"), ("核稿", "editor"), ("审稿", "editor"), ("审稿人", "editor"), ("签发", "editor"),
    ("审核人", "editor"), ("编辑人", "editor"),
    ("发布者", "editor"), ("发布人", "editor"), ("发布", "editor"), ("撰稿人", "reporter"),
    # who sent a town's or bureau's item in to a government site ("信息员：甲", "报送人：乙", "投稿人：丙")
    *((w, "reporter") for w in SENDER_ROLES),
    # a county paper's page sign-off ("值班主任：甲 责任编辑：乙 校对：丙", "版式：丁", "美编：戊")
    ("值班主任", "editor"), ("版式", "editor"), ("美编", "editor"), ("美术编辑", "editor"),
    ("值班总编", "editor"), ("总编", "editor"),   # "值班总编：甲", the chief on duty signing a county paper's page
    ("值班编委", "editor"),   # "值班编委：甲": the editorial board's member on duty
    # the makers of a county media centre's graphic or video piece ("设计：甲 航拍：乙"): its designer edits it
    ("航拍", "photographer"), ("设计", "editor"), ("制图", "editor"),
)
ROLE_WORDS: tuple[tuple[str, str], ...] = tuple((w + mark, r) for w, r in COLON_ROLES for mark in "：:/／") + (
    ("摄影记者", "photographer"), *((f"{rank}记者", "reporter") for rank in REPORTER_RANKS if rank != "摄影"),
    ("特约通讯员", "reporter"),
    ("记者", "reporter"), ("通讯员", "reporter"), ("实习生", "reporter"), ("撰稿", "reporter"), ("作者", "reporter"),
    ("报道组", "reporter"),   # a county's reporting team before its members: "某某县报道组 甲 乙"
    ("评论员", "reporter"),   # a commentary's writer: "□ 本报评论员 甲" (the paper's commentator unnamed credits no one)
    # (an editor's rank is no name: "责任编辑：甲 见习编辑：乙")
    ("值班编辑", "editor"), ("责任编辑", "editor"), ("见习编辑", "editor"), ("实习编辑", "editor"), ("总编辑", "editor"),
    ("编辑", "editor"), ("责编", "editor"), ("美编", "editor"),
    ("校对", "editor"), ("审核", "editor"), ("审校", "editor"), ("审签", "editor"), ("初审", "editor"),
    ("复审", "editor"), ("终审", "editor"), ("监制", "editor"),
    ("文/摄", BOTH), ("文／摄", BOTH), ("文/图", BOTH), ("文／图", BOTH), ("图/文", BOTH), ("图／文", BOTH),
    ("文并摄", BOTH), ("文并图", BOTH), ("摄影报道", BOTH),
    # the two role words joined by a middle dot ("文·图/甲"), as county papers set them
    *((f"{a}·{b}{mark}", BOTH) for a, b in ("文图", "图文") for mark in "/／：:"),
    ("摄影", "photographer"), ("摄像", "photographer"), ("翻摄", "photographer"), ("供图", "photographer"),
    ("摄", "photographer"),
    # a town's or office's writer signing after the name ("（某某镇 甲 供稿）"): 供稿 wrote the piece; so did who
    # compiled it ("（本报记者 甲 整理）")
    ("供稿", "reporter"), ("整理", "reporter"),
    ("文/", "reporter"), ("文／", "reporter"), ("图/", "photographer"), ("图／", "photographer"),
    # written after the name: "张三/文 李四/图"
    ("/文", "reporter"), ("／文", "reporter"), ("/图", "photographer"), ("／图", "photographer"),
)
# A short caption line closed by its photographer's bracket, which holds a name ("比赛现场（董小宁 摄）").
CAPTION_THEN_CREDIT = re.compile(f"^(?P<caption>[^()（）]{{2,30}}?)[ ]?(?P<credit>[(（][ ]?[{CJK}]{{2,4}}[ ]?摄影?[)）])$")
# Role words a caption may follow as well as a name: the names they credit must open with a surname.
SURNAME_ROLES = frozenset(f"图{mark}" for mark in "：:/／")
ROLE_SPLIT = re.compile("(" + "|".join(re.escape(w) for w, _ in sorted(ROLE_WORDS, key=lambda wr: -len(wr[0]))) + ")")
ROLE_OF = dict(ROLE_WORDS)
# A role word of three characters or more, or 记者, with a scan's space inside ("实 习生", "通 讯员"): the role
# word, which the name reader would take for a name.
SPACED_ROLE_RE = re.compile("|".join(
    "[ 　]?".join(map(re.escape, w)) for w in sorted({w for w, _ in ROLE_WORDS if (len(w) >= 3 or w == "记者")
                                                      and all("\u4e00" <= c <= "\u9fff" for c in w)}, key=len, reverse=True)))
# A record's field that credits no one, with its value, among the credits ("【作者：甲 来源：某某镇】",
# "作者：甲 发布时间：2023-01-02"): its key would read as a name.
# (the writer's or sender's unit, "单位：某某镇", "供稿单位：某某镇", names no one either)
RECORD_FIELD_RE = re.compile(r"[ 　]*(?:(?:信息|文章|稿件|新闻)?来源|发布(?:时间|日期)|时间|日期|(?:浏览|阅读|点击)(?:次数|量)?"
                             r"|(?:作者|供稿|报送)?单位)[ ]?[:：][^ 　】\]]*")
# A page's phone or hotline beside its editors ("责任编辑：甲 电话：（0000）1234567", "新闻热线：0000-12345678"):
# its key would read as part of the name before it once the OCR's spaces are gone.
CONTACT_FIELD_RE = re.compile(r"[ 　]*(?:新闻|报料|投稿)?(?:热线|电话|传真)[ ]?[:：][ ]?[\d()（）\-—－/ ]+")
CONTACT_KEYS = ("热线", "电话", "传真")
# Roles written after the names ("甲/文 乙/图"): the slash before 文 closes the first name, even one ending in 图
# ("巴图/文 其其格/图"), which ROLE_SPLIT would otherwise read as the pair of role words 图/文.
NAME_BEFORE_SLASHED_ROLES = re.compile(f"(?<=[{CJK}])(?=[/／]文[ 　]+[{CJK}·]{{2,9}}[/／][图摄])")
# Role words written after the names they credit: "记者 张三 摄", "记者李四／摄影".
SUFFIX_ROLES = frozenset({"摄影报道", "摄影", "翻摄", "供图", "供稿", "整理", "摄", "文/摄", "文／摄", "文/图", "文／图", "图/文", "图／文", "文并摄", "文并图",
                          "/文", "／文", "/图", "／图"})
DOTTED_NAME_RE = re.compile(DOTTED_NAME)
# a dotted name with the OCR's spaces around its dot or between its characters ("艾 力 · 买 买 提")
# ("努尔古丽·吐尔逊 李 军": only a side spaced out wholly, character by character, is the dotted name's)
SPACE_BY_DOT_RE = re.compile("[ ]·[ ]?|·[ ]")
SPACED_DOTTED_RE = re.compile(f"(?<![^ ])[{CJK}](?:[ ][{CJK}])+(?=·)|(?<=·)[{CJK}](?:[ ][{CJK}])+(?![{CJK}])")
# (bars part the fields of a sign-off line: "编辑：甲丨校对：乙")
NAME_SEP = re.compile(r"(?:[\s、，,/／:：;；()（）\[\]【】|｜丨]|报道|报导|发自)+")
# Bylines that name where the report was filed ("本报记者张三上海报道", "记者李四发自北京、深圳", and as Taiwan's
# papers write it, "记者张三／台中报导"): the words jieba reads as places are dropped from the end of their pieces.
PLACE_CUES = ("报道", "报导", "发自")
# The place a report was filed from after a slash behind the reporter's name, as Taiwan's papers set it
# ("记者张三／台中报导"): jieba may not know it for one ("金沙"). Only before Taiwan's 报导: on the mainland the slash
# parts two reporters ("本报记者 张三/李四 报道").
SLASHED_PLACE_RE = re.compile(f"(?<=[{CJK}])(?<![文图])[/／][ ]?[{CJK}]{{2,6}}(?=[ ]?报导(?:$|[ 　]))")
NAME_PIECE = re.compile(f"^(?:[{CJK}·]{{1,9}}|{DOTTED_NAME})$")
NAME_MIN, NAME_MAX = 2, 4
# Outlet names sit between role words too ("记者 张三 新华社记者 李四"); names do not end like this.
# So do the places of county media ("文/图 澜江区融媒体记者 甲": 澜江区 is whose reporter, not a name), and
# the towns and streets of government sites' signatures ("作者：城关镇 甲").
OUTLET_SUFFIX = re.compile("(?:社|报|网|台|公司|集团|中心|局|委|办|厅|站|队|部|院|所|融媒体|媒体|融媒|街道|社区|(?<=..)[区县市省镇乡])$")
# Names run together in a byline ("记者王德颖戴鹏"), from RUN_MIN to RUN_MAX characters, are cut by surnames.
# Every name after the first must open with one of the COMMON_RANK commonest surnames (names_surnames.txt lists
# them in rank order), and so must the first of a four-character run: a Tibetan name (索朗罗布) is not cut.
# 250 credits the most labelled reporters on the dev split (150: 0.947 F1, 250: 0.952, 400: 0.945).
RUN_MIN, RUN_MAX = 4, 9
SPACED_RUN_MIN = 5   # single characters in a row: two names at least, one of them of three
# Names written in Han characters for their sounds run to five or six characters ("乌云其其格", "斯琴巴特尔").
LONG_NAME_MAX = 6
CJK_RUN_RE = re.compile(f"[{CJK}]+")
COMMON_RANK = 250
SINGLE_SURNAMES = single_surnames()
# The single surnames in rank order (most common first).
SINGLE_SURNAME_ORDER = "".join(w for w in words("names_surnames.txt") if len(w) != 2)
COMMON_SURNAMES = frozenset(SINGLE_SURNAME_ORDER[:COMMON_RANK])
COMPOUND_SURNAMES = frozenset(w for w in words("names_surnames.txt") if len(w) == 2)
# A single surname's rank in names_surnames.txt (most common first): under COMMON_SURNAME_RANK a surname's
# character before all (潘, 杨); from RARE_SURNAME_RANK on, one that is a given name's as often (明, 红).
SURNAME_RANK = {c: k for k, c in reversed(list(enumerate(SINGLE_SURNAME_ORDER)))}
COMMON_SURNAME_RANK, RARE_SURNAME_RANK = 100, 150
# Words that sit where names do in bylines but are not names.
# The labels printed in brackets after a text (page_notes.txt [bracket_labels]: "（原创）") are none either.
BRACKET_LABELS = frozenset(section_words("page_notes.txt", "bracket_labels"))
BRACKET_NOTE_MAX = 40   # a source field or a label in brackets on a line of its own
NOT_A_NAME = frozenset({"本报", "本刊", "本台", "本网", "本文", "报道", "综合", "消息", "本报讯", "新闻联播", "等", "图", "文",
                        "传真照片", "资料照片", "资料图片"}
                       | BRACKET_LABELS | set(section_words("page_notes.txt", "credit_office_abbreviations")))

# A whole line that is a byline or credit: "本报记者 张三", "记者 李四 摄", "本条编辑：王五", "（本报记者）".
CREDIT_LINE_MAX = 40
CREDIT_LINE_ROLE = re.compile("记者|通讯员|实习生|报道组|撰稿|编辑|责编|美编|校对|审核|审校|审签|初审|复审|终审|监制|摄影?|供图|供稿|[文图][/／]"
                              "|作者(?:单位)?[：:]"   # "本文作者：甲" (a line opening with 作者： is a header field)
                              f"|^作者[ ]+[{CJK}][{CJK} ]{{1,8}}$"   # "作者 甲" under a headline: no colon, no header field
                              "|[/／][文图]|(?:" + "|".join(w for w, _ in COLON_ROLES) + ")[：:/／]")
# A role word, then a bar where a colon would stand: the credits of WeChat articles ("文字 | 张三", "审核丨李四").
# (文 and 图 stand alone: "组图｜金秋时节稻谷香" is a column's label over a headline; "本报记者丨甲" credits 甲)
BAR_ROLE_RE = re.compile("(?P<role>" + "|".join(
    f"(?<![{CJK}]){w}" if len(w) == 1 else w
    for w in sorted({w for w, _ in COLON_ROLES} | {w for w, _ in ROLE_WORDS if w.isalpha()}, key=lambda w: (-len(w), w)))
    + ")[ \u3000]*[|｜丨][ \u3000]*")
# 文 (writer) and 图 (pictures) written alone between spaces, as some county papers sign: "文 张三 图 李四".
SPACED_ROLES = frozenset({"文", "图"})
ROLE_MARK_CUT = re.compile("[/／：:]")
SPACES = re.compile("[ \u3000]+")
BARE_CREDIT = re.compile(r"^[(（]?(?:本报|本刊|本台|本网)?(?:记者|通讯员)[)）]?$")
# A credit bracket closing a body line after its sentence ends; a photographer's bracket ("（新华社记者张三摄）")
# closes a caption with or without a full stop, and may be followed by the picture's kind ("（传真照片）").
PHOTO_PAREN = "[(（][^()（）\\n]{0,40}?摄影?(?:报道)?[)）]"
PICTURE_KIND = "(?:[ ]?[(（](?:传真照片|资料照片|资料图片)[)）])?"
TRAILING_CREDIT = re.compile(f"(?:(?<=[。！？!?”\"])[ ]?|(?={PHOTO_PAREN}{PICTURE_KIND}$))(?P<credit>{CREDIT_PAREN}){PICTURE_KIND}$")
# TRAILING_CREDIT's longest match (an 85-character bracket, a space and the picture's kind), plus the "\n" "$"
# may stand before.
TRAILING_CREDIT_WINDOW = 94
CREDIT_BRACKET_ENDS = (")", "）", ")\n", "）\n")
# A unit's piece signed after its last sentence by the unit and its writers, as government sites print
# them: "…讲话。（县委办 张三）", "（区融媒体中心 张三 李四）"; the normaliser has joined the words by then
# ("（县委办张三）"). The unit ends as a body's name does (the last characters of orgs_suffixes.txt, and of
# the units of towns and villages, and of a court's divisions: "（县法院民一庭 甲）"), and every writer after it must
# open with a surname.
UNIT_ENDS = frozenset({row[0][-1] for row in sections("orgs_suffixes.txt")[""]} | set("站社台报网镇乡村庭"))
# Names alone in the bracket ("…讲话。（左明）") are not read as a credit: People's Daily signs its paragraphs
# so, and its labels count those names as people (on the dev split, reading them as bylines took the people
# that subject rows give from 0.834 to 0.808 F1 on pd1998).
UNIT_CREDIT = re.compile(f"(?<=[。！？!?”\"])[ ]?[(（](?P<signed>[{CJK}][{CJK} ]{{3,29}})[)）]$")
UNIT_CREDIT_WINDOW = 34   # UNIT_CREDIT's longest match
PLACE_ENDS = frozenset("村镇乡区县市州")   # a writer's name does not end as a place's does
UNIT_WRITERS_MAX = 12     # four names of three characters
# Photo captions on web pages name the photographer inline: "记者张三／摄影".
CAPTION_CREDIT = re.compile(f"(?:记者|摄影)[ ]?[{CJK}]{{2,4}}[ ]?[／/](?:摄影|摄|翻摄)")
# A reporter credited after the last sentence without a bracket: "…的个人信用报告。本报记者张某",
# "…。新华社记者张某 李某".
REPORTER_TAIL = re.compile(f"(?<=[。！？!?”\"])[ ]?(?P<credit>{REPORTER_WORD}[ ]?"
                           f"[{CJK}]{{2,9}}(?:[ 、][{CJK}]{{2,4}}){{0,3}})$")
# REPORTER_TAIL's longest match: where a line's end is searched for it.
REPORTER_TAIL_WINDOW = 45
# A photo credit closing a caption, names set apart by spaces: "图为会议现场。张某某 李某 摄" (maybe after
# their outlet).
CAPTION_TAIL = re.compile(f"(?<=[。！？!?])[ ]?(?:{CAPTION_OUTLET}[ ])?(?P<credit>{CREDIT_NAME}(?:[ ]{CREDIT_NAME}){{0,5}}(?:[ ]|[ ]?[/／])(?:摄影|摄))$"
                          # the role first: "图为活动现场。 摄影：张某"
                          f"|(?<=[。！？!?])[ ]?(?P<first>(?:摄影|摄)[：:/／][ ]?[{CJK}]{{2,4}}(?:[ 、][{CJK}]{{2,4}}){{0,3}})$")
CAPTION_FIRST_WINDOW = 24   # where a line's end is searched for the role-first form


def _caption_photo(text: str) -> re.Match[str] | None:
    """CAPTION_TAIL.search(text), for a line ending as a photo credit does ("…。 记者 甲 摄")."""
    return CAPTION_TAIL.search(text) if text.endswith(CAPTION_TAIL_ENDS) else None


def _photo_credits(photo: re.Match[str]) -> list[tuple[str, str]]:
    """Who a CAPTION_TAIL match credits, the names after the role ("摄影：甲") or before it ("甲 摄")."""
    return parse_credits(photo.group("credit") or photo.group("first"))
CAPTION_TAIL_ENDS = ("摄", "摄影")
CAPTION_MARKS = ("▲", "△")
# A body line ending like this may close with a credit (a bracket, or a caption's photo credit).
CREDIT_LINE_ENDS = (")", "）", ")\n", "）\n", "摄", "摄影")
# Photo captions ("图为…", "▲…", "（图）…") are never headlines, however short.
CAPTION_OPEN = re.compile(r"^(?:图为|图片为|上图|下图|左图|右图|▲|△|[(（]图[)）]|图[:：])")
# CMS records mark a title that has pictures or video: "…结业（图）", "…（组图）".
TITLE_MEDIA_MARK = re.compile(r"[ ]?[(（【\[](?:图|组图|多图|图文|视频)[)）】\]]$")

# ---------------------------------------------------------------- headline stacks
# A headline line that names the event makes the main title (会议/调研/座谈 reports).
EVENT_WORDS = re.compile("召开|召集|会议|会上|调研|座谈|强调|举行|举办|督导|视察|考察|检查|会见|会谈|通话|闭幕|开幕"
                         "|部署|指导|慰问|看望|调度|全会|大会|推进会|发布会|宣介会|常委会|成立|入选|印发|出台")
# A dash opens a title's deck ("——写在…之际") or ends a kicker that runs on into the title.
TITLE_DASHES = ("——", "—", "--")
# Deck lines list who presided, spoke or attended: "张三主持并讲话 李四王五出席".
DECK_WORDS = re.compile("主持|出席|参加|讲话|陪同|就座|一同|分别")
# Banners and column labels above a title: "学习贯彻 · 真抓实干", "抓落实 促发展".
BANNER_DOT = re.compile(f"[{CJK}][ ]?[·•][ ]?[{CJK}]")
KICKER_PHRASE_MAX = 4
# A column's label above a title: "“两会”特别报道", "脱贫攻坚专题", "系列报道之三", a special page's
# ("党史学习教育专版", "古城保护专刊": the page's label over its one long feature)
# (a quoted day and its name before it: "“12·4”国家宪法日特别报道").
COLUMN_LABEL_RE = re.compile("^(?:.{0,10}|“[^”]{2,20}”.{0,20})(?:特别报道|专题报道|系列报道|特别策划|专栏|专题|特刊|专版|专刊)"
                             "(?:之[一二三四五六七八九十]+|[①-⑳]|[(（][一二三四五六七八九十\\d]{1,3}[)）])?$")   # "…系列报道③"
# "X在…上强调 <message>": the speech verb closes the title, the message is the deck.
SPEECH_TITLE = re.compile("(?:强调|指出|要求|表示|时说)$")

# ---------------------------------------------------------------- article starts and leads
# A lead's date: a day (its year, or 去年/今年 for it: "去年12月28日，"), or a day said from the paper's
# ("昨天上午，", "当日下午3时，", "前天，").
DATE_LEAD = re.compile(r"^(?:\d{4}年|去年|今年|前年)?\d{1,2}月\d{1,2}日|^\d{1,2}日[上下晚]"
                       r"|^(?:近日|日前|连日来|近期|当天|当日|昨天|昨日|今天|今日|前天)"
                       r"(?:[上下]午|早上|晚上?|晚间|凌晨|中午)?(?:\d{1,2}(?:时|点)(?:\d{1,2}分|半)?许?)?[，,]")
LEAD_DATE_PREFIX = re.compile(
    r"^(?:(?:(?:截至|截止)?(?:\d{4}年|去年|今年|前年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|当天|昨天|昨日|今天|今日)(?:[上下]午|早上|晚上?|晚间|凌晨)?"
    r"(?:\d{1,2}(?:时|点)(?:\d{1,2}分|半|多钟|钟)?许?|\d{1,2}[:：]\d{2})?|近日|日前|连日来|近期)[，,]?")
# A lead that opens with a quoted sentence and then the date ("“现在，我宣布…开工！”10月16日上午，在…") is
# titled by what follows the date.
QUOTE_OPEN = re.compile(r"^[“\"][^”\"\n]{1,80}[。！？!?…][”\"](?=(?:\d{4}年)?\d{1,2}月\d{1,2}日|当天|昨天|今天)")
CLAUSE_END = re.compile("[，,。；;！？!?：:]")
LEAD_TITLE_MAX = 40
# How far past LEAD_TITLE_MAX jieba reads to see the word that runs over it.
WORD_REACH = 8
NAME_DOTS = frozenset("·•・")
LEAD_CLAUSE_MIN = 6
# Header fields of crawled newspaper pages: 标题/日期/来源/网址.
FIELD = re.compile(r"^(?P<key>标题|日期|时间|(?:信息|文章|稿件|新闻)?来源|网址|作者)[ ]?[:：][ ]?(?P<value>.*)$")
FIELD_FIRST = ("标", "日", "时", "来", "网", "作", "信", "文", "稿", "新")  # the first characters of FIELD's keys
HEADER_LOOKAHEAD = 6
# An item's dateline token ends within this many characters of its line's start (OUTLET_TOKEN's longest
# outlet and place forms, "某某网-某某客户端消息").
ITEM_DATELINE_REACH = 24
MIN_BODY_CJK = 8
# A CMS record's title has at least this many Han characters; a shorter line above it is navigation.
RECORD_TITLE_MIN = 5

# CMS records: the meta line under the record's title, "发布时间：2019-05-01 来源：某某局 浏览次数：123",
# "发布日期：2019-11-29阅读次数：1627", "2015-07-21 17:36:12 某某网". Its fields are read, its line is not text.
META_DATE = re.compile(r"(?:19|20)\d\d(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:[ ]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
RECORD_FIELDS = section_words("page_notes.txt", "record_fields")
RECORD_FIELD_ALT = "|".join(sorted(RECORD_FIELDS, key=len, reverse=True))
# A line opening with a record's field ("索引号：…", "主题分类：…", "发布机构：…"), and the first characters of them.
RECORD_FIELD_OPEN = re.compile("^(?:" + RECORD_FIELD_ALT + ")[ ]?[:：]")
RECORD_FIELD_FIRST = tuple(sorted({w[0] for w in RECORD_FIELDS}))
META_KEY = re.compile(
    r"(?P<key>(?:发布|发表|更新|录入|上传|成文|生成)?(?:时间|日期)|(?:信息|文章|稿件|新闻)?来源|发布(?:机构|单位)|作者|撰稿|责任编辑|编辑|责编|审核|校对|摄影"
    r"|记者|通讯员|发布者|发布人|供稿|文字|撰文|图片|摄像"
    # the other fields of an open-government record's line ("索引号：… 发布机构：… 生成日期：…"): read past
    r"|(?P<field>" + RECORD_FIELD_ALT + ")"
    r"|(?P<views>(?:浏览|阅读|点击|访问)(?:次数|量|数)?))[ ]?[:：]")
# A role word after the outlet in a source field, set apart by a space.
# (the cleaner may have joined the words: "来源：某某县融媒体中心记者张三", where the outlet's last character
# still parts them)
SOURCE_CREDIT_RE = re.compile(f"(?<=[ ])(?:{REPORTER_RANK}?记者|通讯员|作者|编辑)"
                              f"|(?<=[心局委办社台报网站部院所])(?:{REPORTER_RANK}?记者|通讯员)(?=[ ]?[{CJK}]{{2,4}}(?:[ ]|$))")
# What a meta line may hold besides a key: only a date at its start, maybe with the site's name after it.
META_HINT = re.compile(r"^(?:19|20)\d\d[-/.年]|(?:时间|日期|浏览|阅读|点击|访问)[次数量]{0,2}[ ]?[:：]")
META_SEPARATORS = " |｜丨·/-—"
META_VIEWS = re.compile(r"^(?:\d+|[【\[(（][ ]?\d+[ ]?[】\])）])[ ]?次?$")   # (or in brackets: "浏览次数：【 562 】")
META_SITE_MAX = 20
NOT_A_SITE = re.compile(r"\d|^(?:星期|周|礼拜|农历)")
# A site named after a date ends like a site or a publisher; "2019年5月1日 劳动节" is not a meta line.
SITE_END = re.compile("(?:网|报|台|社|站|发布|在线|新闻|频道|客户端|政府|号|局|委|办|厅|院|会|部|中心|公司|集团)$")
TIME_KEYS = ("时间", "日期")
META_DATE_LAST = re.compile(META_DATE.pattern + "$")
# A site's name before the date (the other order than "2015-07-21 某某网"): named as a site or an outlet is,
# not as a headline may end ("…织密安全防护网 2019-05-01" is a list's entry).
# (the scan's space perhaps before its kind: "花垣 新闻网")
SITE_BEFORE_DATE = re.compile(f"[{CJK}]{{2,16}}[ ]?(?:发布|新闻网|政府网|门户网|门户网站|信息网|政务网|人民政府|融媒体中心|新闻中心|日报|报社"
                              "|电视台|广播电视台|客户端)")
# A WeChat article's header line ends in the province it was posted from, after the account and the time
# ("某某发布 2023-03-21 18:30 发表于山西", or with no 发表于 since 2022: "某某崇明 2025年05月21日 19:05 上海").
WECHAT_PLACE_TAIL = re.compile(f"[ ]?发表于[{CJK}]{{2,4}}$|(?<=\\d[:：]\\d\\d)[ ]+[{CJK}]{{2,4}}$")
WECHAT_HEADER_MAX = 48
DATE_BRACKETS = {"[": "]", "【": "】"}   # (not a speech's day in parentheses under its title: "（2023年12月20日）")
# ... and its account's name is any short name, not only a site's or an outlet's.
WECHAT_ACCOUNT = re.compile(f"[{CJK}]{{2,12}}")
# Keys whose value is the source: "来源：", "信息来源：", and the publisher of 政府信息公开 records ("发布机构：").
SOURCE_KEYS = ("来源", "发布机构", "发布单位")

HEAD, BYLINE, FIELD_LINE, PROSE, META, URL = "head", "byline", "field", "prose", "meta", "url"
# Where the cleaner's CONTINUED_LINE stood: the rest of an item from another page starts below (_blocks).
JUMP = "jump"
# Line types that are read, not kept as text (FIELD_LINE: most of them).
NOT_TEXT = frozenset({META, URL, FIELD_LINE})


@dataclass(slots=True)
class RecordMeta:
    date: str | None
    source: str | None
    credits: list[tuple[str, str]]


# Sources that name the site the record is on ("来源：本站"): no outlet (the site's own name, where known, is
# the page's source: tasks/html.py).
SELF_SOURCES = frozenset(section_words("page_notes.txt", "self_sources"))


# The share buttons' label closing a record's meta line ("… 浏览次数： 分享到：", "分享到：微信 微博"): the page's
# buttons, no field's value (the views count the script fills in is often left empty before it).
META_SHARE_TAIL = re.compile(r"[ ]*分享到?[ ]?[：:]?(?:[ ]*(?:微信|微博|朋友圈|QQ空间|QQ好友|QQ|腾讯微博|豆瓣))*[ ]*$")


# The page's text-size buttons on a record's meta line ("【大】【中】【小】", "字号：大 中 小", "【字体：大 中 小】"): no
# field's value (read after 作者：, they were a writer named 大中小).
FONT_SIZE_BUTTONS = re.compile(r"[ ]*(?:(?:[【\[](?:字号|字体)[：:]?[ ]*|(?:字号|字体)[：:][ ]*[【\[]?)大[】\]]?[ ]*[【\[]?中"
                               r"[】\]]?[ ]*[【\[]?小[】\]]?|【大】[ ]*【中】[ ]*【小】|\[大\][ ]*\[中\][ ]*\[小\])")


def record_meta(line: str, *, record: bool = True) -> RecordMeta | None:
    """The fields of a CMS record's meta line, or None when the line is anything else. With record=False
    a line of fields without a date or a views count ("来源：某某日报 编辑：张三") is read too."""
    if line[:1] in DATE_BRACKETS and line[-1:] in DATE_BRACKETS.values():
        line = line[1:-1]   # "[2015-10-16]": a portal list's date of the item above, in brackets
    if "分享" in line:
        line = META_SHARE_TAIL.sub("", line)
    if "小" in line and "大" in line:
        line = FONT_SIZE_BUTTONS.sub("", line)
    posted_from = ("发表于" in line or ":" in line or "：" in line) and WECHAT_PLACE_TAIL.search(line) is not None
    if posted_from:
        line = WECHAT_PLACE_TAIL.sub("", line)   # "某某发布 2023-03-21 18:30 发表于山西": where the account posted from
    keys = list(META_KEY.finditer(line))
    date = source = None
    credits: list[tuple[str, str]] = []
    views = False
    head = line[:keys[0].start() if keys else len(line)].strip(META_SEPARATORS)
    if head:
        m = META_DATE.match(head)
        if m is None:
            # "某某县人民政府网 2020-12-30": a site's name, then the date, heading a page copied from it
            m = META_DATE_LAST.search(head)
            site = head[:m.start()].strip(META_SEPARATORS) if m is not None and not keys else ""
            if not SITE_BEFORE_DATE.fullmatch(site) and not (posted_from and WECHAT_ACCOUNT.fullmatch(site)):
                return None
            return RecordMeta(m.group(), site, [])
        date = m.group()
        site = head[m.end():].strip(META_SEPARATORS)
        if site:  # "2015-07-21 17:36:12 某某网": the site's name after the date, alone or before the fields
            if (len(site) > META_SITE_MAX or NOT_A_SITE.search(site) or not SITE_END.search(site)
                    or not is_headline_like(site)):
                return None
            source = site
    for k, after in zip(keys, keys[1:] + [None]):
        value = line[k.end():after.start() if after else len(line)].strip(META_SEPARATORS)
        key = k.group("key")
        if not value:
            continue
        if k.group("field"):
            continue
        if k.group("views"):
            if not META_VIEWS.match(value):
                return None
            views = True
        elif key.endswith(TIME_KEYS):
            m = META_DATE.match(value)
            if m is None:
                return None
            date = date or m.group()
        elif key.endswith(SOURCE_KEYS):
            # "来源：县融媒体中心 记者 张三": the outlet, then who reported for it
            dated = META_DATE_LAST.search(value)
            if dated is not None and dated.start() and value[dated.start() - 1] in META_SEPARATORS:
                date = date or dated.group()   # "来源：某某新闻网 2023-08-22": the source, then the date
                value = value[:dated.start()].strip(META_SEPARATORS)
            credited = SOURCE_CREDIT_RE.search(value)
            if credited:
                credits.extend(parse_credits(value[credited.start():]))
                value = value[:credited.start()].strip(META_SEPARATORS)
            source = source or (value if value not in SELF_SOURCES else None)
        else:
            named = parse_credits(f"{key}：{value}")
            if not named and key.endswith("作者"):
                # "作者：县委宣传部李丽": the writer's unit, then the writer, the space between them lost
                named = [(n, "reporter") for n in _unit_writers(value.replace(" ", "")) or ()]
            credits.extend(named)
    if record and date is None and not views:
        return None
    return RecordMeta(date, source, credits)


def _role_marks(byline: str) -> str:
    """文 and 图 standing alone between spaces as the slashed role words: before the names when the line opens
    with one ("文 张三 图 李四" -> "文/张三 图/李四"), else after them ("记者 张三 文 李四 图" -> "…张三/文 李四/图");
    a role word and a bar as a role word and its colon ("文字 | 张三", "编辑丨李四": WeChat articles)."""
    if "|" in byline or "｜" in byline or "丨" in byline:
        byline = BAR_ROLE_RE.sub(r"\g<role>：", byline)
    if "文" not in byline and "图" not in byline:
        return byline
    words = SPACES.split(byline.strip())
    for k in range(len(words) - 2, 0, -1):
        if words[k] in SPACED_ROLES and words[k - 1].endswith(NAMING_RANKS) and len(words[k + 1].rstrip(")）")) == 1 \
                and CJK_CHAR.match(words[k + 1]) is not None:
            # right after a reporter's rank 文 or 图 opens the name the OCR split ("见习记者 文 韬", "通讯员 图 雅")
            words[k:k + 2] = [words[k] + words[k + 1]]
            byline = " ".join(words)
    # after a surname alone, 文 or 图 is the given name the OCR set apart from it ("记者 巴 图"), no role word
    # (or after a role word and its slash or colon glued to the surname: "文·图/钱 文 华")
    roles = [w in SPACED_ROLES and not (k and (tail := ROLE_MARK_CUT.split(words[k - 1])[-1]) in SINGLE_SURNAMES
                                        and len(tail) == 1)
             for k, w in enumerate(words)]
    if len(words) < 2 or not any(roles):
        return byline
    before = roles[0]
    return " ".join(f"{w}/" if before and role else f"/{w}" if role else w for w, role in zip(words, roles))


# The ranks a reporter's name follows (SPACED_ROLES' 文 or 图 right after one opens the name).
NAMING_RANKS = ("记者", "通讯员", "实习生")


# The writer's post under a commentary ("（作者系县委党校讲师）"): its words are no names.
AUTHOR_POST_RE = re.compile(r"[(（]?作者系[^()（）]*[)）]?")
AUTHOR_POST_OPENERS = ("作者系", "（作者系", "(作者系")
# The hollow box a county paper prints before a commentary's or a feature's writer, with no role word
# ("□ 张三", a pen-name too): the line is the byline.
PEN_MARK = "□"
PEN_BYLINE = re.compile(f"^□[ 　]?(?P<names>[{CJK}]{{1,4}}(?:[ 　][{CJK}]{{1,4}}){{0,5}})$")


def parse_credits(byline: str) -> list[tuple[str, str]]:
    """Byline or credit text -> (name without spaces, role) in order of appearance."""
    if not byline:
        return []
    if byline.startswith(PEN_MARK):
        pen = PEN_BYLINE.match(byline)
        if pen is not None and ROLE_SPLIT.search(pen["names"]) is None:   # ("□ 本报记者 甲": the role says it)
            return [(n, "reporter") for n in _names(pen["names"])
                    if n not in COLUMN_LABELS and n not in BRACKET_LABELS and _reads_as_name(n)]
    if "作者系" in byline:
        byline = AUTHOR_POST_RE.sub("", byline)
    caption = CAPTION_THEN_CREDIT.match(byline)
    if caption is not None and not CREDIT_LINE_ROLE.search(caption["caption"]):
        byline = caption["credit"]   # "比赛现场（董小宁 摄）": a caption, then who took the picture
    if "报导" in byline or "报道" in byline:
        byline = SLASHED_PLACE_RE.sub("", byline)   # "记者张三／台中报导": 台中 is where, not who
    byline = _role_marks(byline)
    if " " in byline or "　" in byline:
        byline = SPACED_ROLE_RE.sub(lambda m: m.group().replace(" ", "").replace("　", ""), byline)
    if "文 " in byline or "文　" in byline:
        byline = NAME_BEFORE_SLASHED_ROLES.sub(" ", byline)
    if "：" in byline or ":" in byline:
        byline = RECORD_FIELD_RE.sub("", byline)   # "作者：甲 来源：某某镇": the source is no second writer
        if any(k in byline for k in CONTACT_KEYS):
            byline = CONTACT_FIELD_RE.sub(" ", byline).strip()
    rest, agency_bracket = _after_outlet(byline)
    pieces = ROLE_SPLIT.split(rest)
    filed_from = any(cue in byline for cue in PLACE_CUES)
    out: list[tuple[str, str]] = []
    # "新华社长沙5月26日电（甲乙、丙丁）": an agency's bracket after its dateline names its reporters even
    # without 记者; every name there must open with a surname.
    role: str | None = "reporter" if agency_bracket else None
    pending: list[str] = []   # names seen since the last role word
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            pending = _names(piece, filed_from)
            if i and pieces[i - 1] in SURNAME_ROLES:
                pending = [n for n in pending if _opens_with_surname(n)]
            if i == 0 and role is not None and not all(n[0] in SINGLE_SURNAMES for n in pending):
                role = None
            if role is not None and not _suffix_follows(pieces, i):
                out.extend((n, r) for n in pending for r in role.split("+"))
                pending = []
            continue
        word_role = ROLE_OF[piece]
        if piece in SUFFIX_ROLES and pending:
            # (the unit that sent it in is no writer: "（县政府办公室 供稿）", "（县政府办公室 甲 供稿）")
            out.extend((n, r) for n in pending for r in word_role.split("+"))
            pending = []
        elif role is not None and i >= 2 and not _names(pieces[i - 1]) and piece not in SUFFIX_ROLES \
                and (not pieces[i - 2].endswith(("：", ":")) or role == BOTH and not pieces[i - 1].strip()) \
                and (not pieces[i - 1].lstrip().startswith(("：", ":")) or role == BOTH and not pieces[i - 1].strip(" ：:")) \
                and (pieces[i - 2] not in SUFFIX_ROLES or i == 2 or not _names(pieces[i - 3])):
            # two role words with no name between them credit the names after both: "文/图 本报记者 甲", "文/图：
            # 融媒体记者 乙" (not an empty field before another: "作者： 责任编辑：甲"); a reporter's rank after a slashed role word is
            # only what the one credited is ("图/本报记者 甲": the pictures are the credit)
            if piece in REPORTER_ROLE_WORDS and pieces[i - 2].endswith(SLASH_MARKS):
                word_role = role
            else:
                word_role = "+".join(dict.fromkeys(role.split("+") + word_role.split("+")))
        elif role == "photographer" and i >= 2 and piece in REPORTER_ROLE_WORDS and not pieces[i - 1].strip(" 　：:") \
                and pieces[i - 2].endswith(("：", ":")):
            word_role = role   # "图：记者 甲", "图 | 记者 乙": the pictures are the credit, the rank only who took them
        role = word_role
    if not out and len(pieces) == 1 and " " in byline:
        out = [(n, "reporter") for n in unit_signed(byline) or ()]
    elif len(pieces) > 3 and pieces[-2] in PHOTO_SUFFIXES and not pieces[-1].strip(" )）") \
            and all(pieces[k] in REPORTER_ROLE_WORDS for k in range(1, len(pieces) - 2, 2)):
        # "（记者 甲 通讯员 乙 摄）": the picture's credit, whoever the ranks before the names say they are
        out = [(n, "photographer") for n, _ in out]
    elif len(pieces) > 3 and ROLE_OF.get(pieces[-2]) == BOTH and pieces[-2] in SUFFIX_ROLES \
            and not pieces[-1].strip(" )）") and all(pieces[k] in REPORTER_ROLE_WORDS for k in range(1, len(pieces) - 2, 2)):
        # "记者 甲 通讯员 乙 文/摄": all of them wrote it and took its pictures
        out = [(n, r) for n, _ in out for r in ("reporter", "photographer")]
    return [credit for credit in dict.fromkeys(out) if credit[0] not in CMS_ACCOUNTS and not _sending_unit(credit[0])]


# The accounts and offices a CMS fills a record's author field with ("作者：办公室", "作者：管理员"): no person.
CMS_ACCOUNTS = frozenset(section_words("page_notes.txt", "cms_accounts"))


# A photo credit's closing word, and the ranks that may stand before its names ("记者 甲 通讯员 乙 摄").
PHOTO_SUFFIXES = frozenset({"摄", "摄影"})
SLASH_MARKS = ("/", "／")
REPORTER_ROLE_WORDS = frozenset({"记者", "通讯员", "实习生", "特约通讯员", *(f"{rank}记者" for rank in REPORTER_RANKS)})


UNIT_MIN = 3   # characters of a unit's name in a signature ("县林业局", "县融媒体中心"; not "县委")


UNIT_OPENERS = ("县", "区", "市", "州", "旗", "省")


def _sending_unit(piece: str) -> bool:
    """An office or a town named as a credit's sender or writer ("县政府办公室", "区委办", "城关镇"), not a name of
    three characters that ends like one (王家村 may be a name)."""
    return _unit_alone(piece) and (len(piece) > 3 or piece.startswith(UNIT_OPENERS) or not _opens_with_surname(piece))


def unit_signed(line: str) -> list[str] | None:
    """The writers of a signature line of units, each followed by its writers, parted by spaces ("县委宣传部
    陈晓红 县融媒体中心 李明远", as county sites sign a contributed piece under its headline); None for any
    other line."""
    pieces = line.split()
    if len(pieces) < 2:
        return None
    names: list[str] = []
    after_unit = False
    for k, piece in enumerate(pieces):
        unit = len(piece) >= UNIT_MIN and piece[-1] in UNIT_ENDS and _cjk_count(piece) == len(piece)
        name = 2 <= len(piece) <= 3 and _opens_with_surname(piece) and piece[-1] not in UNIT_ENDS \
            and piece[-1] not in PLACE_ENDS and _cjk_count(piece) == len(piece)
        if unit and not name and (k == 0 or names and not after_unit):
            after_unit = True
        elif name and k > 0:
            names.append(piece)
            after_unit = False
        else:
            return None
    return names if names and not after_unit else None


def _suffix_follows(pieces: list[str], i: int) -> bool:
    """The names in pieces[i] are credited by a suffix role word right after them ("张三 摄"); not when a role
    word stands before them and more names follow the suffix word, which then opens their credit
    ("记者 甲 摄影 乙": 甲 reports, 乙 photographs)."""
    if i + 1 >= len(pieces) or pieces[i + 1] not in SUFFIX_ROLES:
        return False
    return not (i >= 1 and i + 2 < len(pieces) and _names(pieces[i + 2]))


def _after_outlet(byline: str) -> tuple[str, bool]:
    """The byline without its "本报讯" / "X消息" / "新华社X电" opener, so that the outlet is not read as a
    name; and whether that opener is an agency's dateline with a bracket right after it."""
    m = OUTLET_TOKEN.match(byline)
    if m is None:
        return byline, False
    rest = byline[m.end():]
    return rest, m.group("agency") is not None and rest.lstrip().startswith(BYLINE_BRACKETS)


# An undotted Uyghur or Kazakh name alone in a credit ("米热古丽", "热合曼江", "阿不都热合曼"): a run of the pieces
# such names are written with (page_notes.txt [credit_translit_pieces]), opening with one of two characters or more.
_TRANSLIT_PIECES = section_words("page_notes.txt", "credit_translit_pieces") + section_words("page_notes.txt", "credit_steppe_pieces")
_TRANSLIT_MULTI = "|".join(sorted((w for w in _TRANSLIT_PIECES if len(w) > 1), key=len, reverse=True))
_TRANSLIT_ENDS = "".join(w for w in _TRANSLIT_PIECES if len(w) == 1)
TRANSLIT_CREDIT_NAME_RE = re.compile(f"(?:{_TRANSLIT_MULTI})(?:{_TRANSLIT_MULTI}|[{_TRANSLIT_ENDS}]){{0,3}}")
TRANSLIT_CREDIT_NAME_MAX = 8


def _translit_name(run: str) -> bool:
    return len(run) <= TRANSLIT_CREDIT_NAME_MAX and TRANSLIT_CREDIT_NAME_RE.fullmatch(run) is not None


def _names(text: str, filed_from: bool = False) -> list[str]:
    """Person names in a stretch of byline text; OCR-split halves ("李 四") are put back together. With
    `filed_from`, the places a piece ends with are no part of a name."""
    if "·" in text:
        text = SPACED_DOTTED_RE.sub(lambda m: m[0].replace(" ", ""), SPACE_BY_DOT_RE.sub("·", text))
    pieces = [p for p in NAME_SEP.split(text) if p and NAME_PIECE.match(p)]
    # a surname set apart from its one-character given name, as older pages pad two-character names to three
    # ("通讯员 李　文"): the given name may be a word that alone is no name (文, 图)
    raw = [p for k, p in enumerate(pieces) if p not in NOT_A_NAME
           or len(p) == 1 and k and len(pieces[k - 1]) == 1 and pieces[k - 1] in SINGLE_SURNAMES]
    if filed_from:
        # a piece that is a place alone is no name, but a first one is (江山); and a place that leaves only a
        # surname was the given name ("记者何长江报道": 长江)
        raw = [p if len(w) == 1 else w or (p if k == 0 else "") for k, p in enumerate(raw) for w in (_without_places(p),)]
        raw = [p for p in raw if p]
    merged: list[str] = []
    i = 0
    while i < len(raw):
        piece = raw[i]
        if len(piece) == 1 and merged and len(merged[-1]) == 2 and piece not in SINGLE_SURNAMES \
                and i + 1 < len(raw) and raw[i + 1] in SINGLE_SURNAMES:
            # a two-character name's last character OCR set apart, another name after it ("栾世 杰 刘 畅": 栾世杰,
            # 刘畅): no surname, it closes the name before it
            merged[-1] += piece
            i += 1
            continue
        if len(piece) == 1 and i + SPACED_RUN_MIN <= len(raw) and all(len(p) == 1 for p in raw[i + 1:i + SPACED_RUN_MIN]):
            # names spaced out character by character ("钱 振 宇 周 芳"): the one cut of the whole run where each
            # name opens with a surname, not pairs read greedily ("钱振" "宇周芳")
            end = i + SPACED_RUN_MIN
            while end < len(raw) and len(raw[end]) == 1:
                end += 1
            cut = _steppe_run_names("".join(raw[i:end])) or _run_names("".join(raw[i:end]))
            if len(cut) > 1 or cut and len(cut[0]) > NAME_MAX:
                merged.extend(cut)
                i = end
                continue
        if piece in COMPOUND_SURNAMES and i + 1 < len(raw) and len(raw[i + 1]) <= 2:
            piece, i = piece + raw[i + 1], i + 1   # a two-character surname OCR set apart: "欧阳 小丽"
        elif len(piece) == 1 and i + 1 < len(raw) and (len(raw[i + 1]) < NAME_MAX or _lone_run_name(piece + raw[i + 1])) \
                and not (i and len(raw[i - 1]) == 1 and len(raw[i + 1]) > 1):
            # a surname, or a Mongolian name's first syllable: join forward; not the last of a spaced-out run
            # before a name printed whole ("甲 乙 丙 丁戊己": 丙 closes 甲乙丙)
            piece, i = piece + raw[i + 1], i + 1
        if len(piece) == 1 and merged and len(merged[-1]) < NAME_MAX:  # a given name: join back
            merged[-1] += piece
        else:
            merged.append(piece)
        i += 1
    out: list[str] = []
    for n in merged:
        if "·" in n and DOTTED_NAME_RE.fullmatch(n) or len(n) >= RUN_MIN and _translit_name(n):
            out.append(n)
        elif len(n) >= RUN_MIN and not OUTLET_SUFFIX.search(n):
            named = _without_places(n)   # "蒋家华香港": the place after the names is no name's
            n = named if len(named) >= NAME_MIN else n
            out.extend(_run_names(n) if len(n) >= RUN_MIN else [n])
        elif NAME_MIN <= len(n) <= NAME_MAX and n not in NOT_A_NAME and not OUTLET_SUFFIX.search(n):
            out.append(n)
    return out


def _steppe_run_names(run: str) -> list[str]:
    """A spaced-out run opening with a Mongolian, Tibetan or Yi name of the credit pieces (page_notes.txt), cut after
    it where the rest is Han names ("吉克阿呷王鹏" -> 吉克阿呷, 王鹏); none when no such name opens the run."""
    for k in range(min(len(run), TRANSLIT_CREDIT_NAME_MAX), RUN_MIN - 1, -1):
        if _translit_name(run[:k]):
            rest = _run_names(run[k:]) if len(run) - k >= RUN_MIN else [run[k:]] if run[k:] else []
            if "".join(rest) == run[k:] and all(NAME_MIN <= len(n) for n in rest):
                return [run[:k], *rest]
    return []


def _lone_run_name(run: str) -> bool:
    """A run that is one Mongolian or Tibetan name, as OCR may split it after its first character ("乌 云其其格"):
    no cut of it into Han names, and no common surname opening it (_run_names reads such a run as one name)."""
    return len(run) <= LONG_NAME_MAX and run[0] not in COMMON_SURNAMES and not _name_cuts(run, SINGLE_SURNAMES)


def _without_places(piece: str) -> str:
    """A byline piece without the places jieba reads at its end ("张三上海" -> "张三", "福州" -> "")."""
    tokens = tag_raw(piece)
    while tokens and tokens[-1][1] == "ns" and len(tokens[-1][0]) > 1:  # 华 of 蒋家华香港 is the name's
        piece = piece[:-len(tokens.pop()[0])]
    return piece


def _run_names(run: str) -> list[str]:
    """Names written back to back without a space ("记者王德颖戴鹏"): the one way to cut the run into names of
    two or three characters that each start with a surname; none when there is no such way or more than one.
    A four-character run is one name when it opens with a two-character surname (诸葛仓麟)."""
    if len(run) > RUN_MAX or (len(run) == 4 and (run[:2] in COMPOUND_SURNAMES or run[0] not in COMMON_SURNAMES)):
        return [run] if len(run) <= NAME_MAX else []
    cuts = _name_cuts(run, SINGLE_SURNAMES)
    if len(cuts) == 1:
        return cuts[0]
    if len(cuts) > 1:
        # two ways to cut "杨光明潘雪": the one whose later names all open with common surnames (潘), where every
        # other cut opens one with a rare one, more often a given name's character (明); no choice between
        # near ranks ("向东杨柳冉冬": 柳 and 冉)
        worst = [max(SURNAME_RANK.get(n[0], RARE_SURNAME_RANK) for n in cut[1:]) for cut in cuts]
        common = [k for k, rank in enumerate(worst) if rank < COMMON_SURNAME_RANK]
        if len(common) == 1 and all(rank >= RARE_SURNAME_RANK for k, rank in enumerate(worst) if k != common[0]):
            return cuts[common[0]]
    if not cuts and len(run) > 4:
        # a first name of a surname too rare for the list, then names of common surnames ("冒雪峰丁佳"): the one cut
        # whose later names all open with one of the commonest (not "乌云其其格", "斯琴巴特尔")
        free = [[run[:k]] + rest for k in (2, 3) for rest in _name_cuts(run[k:], COMMON_SURNAMES) if rest]
        free = [cut for cut in free if all(SURNAME_RANK.get(n[0], RARE_SURNAME_RANK) < COMMON_SURNAME_RANK for n in cut[1:])]
        if len(free) == 1:
            return free[0]
    if not cuts and len(run) <= LONG_NAME_MAX and run[0] not in COMMON_SURNAMES and CJK_RUN_RE.fullmatch(run):
        # "乌云其其格", "斯琴巴特尔": a Mongolian or Tibetan name, not a Han name and what follows it ("王建国说得好")
        return [run]
    return [run] if len(run) <= NAME_MAX else []


def _name_cuts(run: str, surnames: frozenset[str]) -> list[list[str]]:
    if not run:
        return [[]]
    if run[0] not in surnames:
        return []
    return [[run[:k]] + rest for k in (2, 3) if len(run) >= k and len(run) - k != 1
            for rest in _name_cuts(run[k:], COMMON_SURNAMES)]


def byline_source(byline: str | None) -> str | None:
    """The outlet a byline names (某某都市报, 某某日报, 央视网 …); None for the paper's own 本报."""
    if not byline:
        return None
    m = OUTLET_TOKEN.match(byline)
    if m and m.group("outlet") and m.group("outlet") not in NOT_AN_OUTLET:
        return m.group("outlet")
    if m and m.group("agency") and not m.group("agency").startswith(("本报", "综合")):
        return m.group("agency")
    inner = OUTLET_BEFORE_ROLE.search(byline)
    if inner and inner.group("outlet") not in NOT_AN_OUTLET and inner.group("outlet") not in REPORTER_RANKS \
            and not inner.group("outlet").startswith("本报"):
        return inner.group("outlet")
    return None


def is_credit_line(line: str) -> bool:
    """A whole line that credits people (or the paper's own reporters, or the unit that sent the item in) and
    says nothing else."""
    if len(line) > CREDIT_LINE_MAX or not CREDIT_LINE_ROLE.search(_role_marks(line)) or not is_headline_like(line):
        return False
    return bool(BARE_CREDIT.match(line) or parse_credits(line) or UNIT_SENT_IN.match(line))


# The unit that sent an item in, on a line of its own under or after the text ("供稿：县市场监管局",
# "（供稿单位：某某镇）"), or the unit a commentary's writer works for ("（作者单位：县委宣传部）"): a credit line
# naming no one, not a headline over the credits that follow it.
UNIT_SENT_IN = re.compile(f"^[(（]?(?:供稿(?:单位)?|作者单位)[：:][ ]?[{CJK}]{{2,20}}[)）]?$")


# A list of who attended under its label, closing a meeting's report without a full stop ("出席会议的县领导：甲 乙 丙"):
# the report's text, not a headline.
ROLE_LIST_LINE = re.compile(r"^(?:出席|参加|列席|陪同|在主席台就座)[^：:。\n]{0,16}[：:]"
                            # then names: one short one, or short items the list parts ("参加省两会的我县代表：把群众
                            # 心声带到会上" is a headline)
                            r"[ 　]*(?:[^、，,；; 　]{1,5}|[^、，,；; 　]{1,12}(?:[、，,；; 　]+[^、，,；; 　]{1,12})+)[。 　]*$")


BRACKET_LABEL_OPEN = 1   # "【记者手记】": the label's bracket before 记者
LABEL_BULLET_OPEN = 2    # "■ 记者手记": a bullet and its space before it


def _line_type(line: str) -> str:
    if line.startswith(SOURCE_LINE_LABEL) and SOURCE_LINE.match(line):
        return URL
    # Every meta line has a colon or opens with a year: most lines are spared the search.
    if (("：" in line or ":" in line or line.startswith(("19", "20"))) and META_HINT.search(line)
            or line[:1] in DATE_BRACKETS and META_DATE.match(line, 1)
            or line[-1:].isdigit() and META_DATE_LAST.search(line) or "发表于" in line
            or len(line) <= WECHAT_HEADER_MAX and ("：" in line or ":" in line) and WECHAT_PLACE_TAIL.search(line)) \
            and record_meta(line) is not None:
        return META   # (or a line ending in its date: "某某县人民政府网 2020-12-30", "来源：某某网 2023-08-22")
    if line.startswith(RECORD_FIELD_FIRST) and RECORD_FIELD_OPEN.match(line) and record_meta(line, record=False):
        return META   # an open-government record's fields without its date, a line each ("发布机构：某某县人民政府办公室")
    if line.startswith(FIELD_FIRST) and FIELD.match(line):  # "来源：某某 编辑：张三" is a field line, not a credit
        return FIELD_LINE
    if "记者" in line[:2 + BRACKET_LABEL_OPEN + LABEL_BULLET_OPEN] \
            and (line in COLUMN_LABELS or APPENDIX_LABEL_RE.match(line.strip("【】[]［］ " + BRIEF_BULLETS))):
        return HEAD   # "记者手记", "记者观察": a column's label over the reporter's own piece, which credits no 手记
        # (nor after a sub-heading's bullet: "■ 记者手记")
    if len(line) <= BYLINE_PREFIX_MAX:  # longer lines (most) are neither all byline nor a credit line
        m = _byline_prefix(line)
        if m and m.end() >= len(line):
            return BYLINE
        if is_credit_line(line) or line.startswith(PEN_MARK) and parse_credits(line):
            # (not the masthead's publisher: "某某县新闻中心编辑出版" edits the paper, and no 出版 is a name)
            return HEAD if "出版" in line and MASTHEAD_LINE_RE.match(line) else BYLINE
    if FIELD.match(line):
        return FIELD_LINE
    # is_prose's first test inline ("。" being most of SENTENCE_PUNCT): it decides most lines, and a call
    # costs as much as the test.
    if "。" in line or is_prose(line) or CAPTION_OPEN.match(line) or ROLE_LIST_LINE.match(line):
        return PROSE
    if line.startswith(AUTHOR_POST_OPENERS) and AUTHOR_POST_RE.fullmatch(line):
        return PROSE   # the writer's post closing a text ("作者系县林业局干部"), no headline of the text below it
    if ("，" in line or "," in line) and SENTENCE_OPENER_RE.match(line):
        return PROSE   # a text's line the scan cut mid-clause ("会议通报了…，要求各" / "供热企业储足燃料，…。")
    return HEAD


# How a text's later sentences open, never a headline with a comma in it ("会议要求，…", "会上，…", "此外，…").
SENTENCE_OPENERS = ("会议", "会上", "此次", "本次", "此外", "另外", "同时", "目前", "截至", "下一步", "据悉", "据了解",
                    "据统计", "其中")
SENTENCE_OPENER_RE = re.compile("^(?:" + "|".join(SENTENCE_OPENERS) + ")")


def _byline_prefix(line: str) -> re.Match[str] | None:
    """BYLINE_PREFIX.match(line), skipped for lines without what every match has (most lines): the
    bracket CREDIT_PAREN opens with, 讯/消息/电, the words OUTLET_TOKEN ends with, or OUTLET_REPORTED_BY's 记者
    near the line's start. Reporters opening the line with no dateline before them must read as names
    ("记者 甲 3月5日，…", not "通讯员队伍今年以来…", "记者团队近日…")."""
    if line.startswith(BYLINE_BRACKETS) or "讯" in line or "消息" in line or "电" in line \
            or "记者" in line[:REPORTER_REACH] or line.startswith(("通讯员", "实习生")):
        m = BYLINE_PREFIX.match(line)
        if m is not None and BARE_REPORTER_OPEN.match(line) is not None and not _credits_read_as_names(m.group()):
            return None
        return m
    return None


# A line opening with a reporter's word itself, no outlet or bracket before it.
BARE_REPORTER_OPEN = re.compile(f"^{STRICT_REPORTER_WORD}")


# What jieba calls a name-like word (a person's, a place's, a brand's: "苏宁" signs People's Daily items).
NAME_LIKE_POS = ("nr", "ns", "nz")
# Parts of speech of no given name: adjectives, times, numbers, adverbs, verbs ("节快乐", "周一", "左一").
NOT_GIVEN_POS = tuple("atmdv")


def _reads_as_name(name: str) -> bool:
    """A credited run reads as a person's name to jieba: it opens with no dictionary word that is not name-like
    ("队伍", "团队", "文字稿", "程序略", "周一", "庞杂"; a word jieba only guesses, "毛序国", may be a name) and holds
    no adjective, time, number, adverb or verb of two characters ("节快乐"); a longer name (乌云其其格) is read
    by its opening only."""
    tags = tag_raw(name)
    word, pos = tags[0]
    if len(word) >= 2 and not pos.startswith(NAME_LIKE_POS) and word not in COMPOUND_SURNAMES and engine().has_word(word):
        return False
    return len(name) > NAME_MAX or not any(len(w) >= 2 and p.startswith(NOT_GIVEN_POS) for w, p in tags)


def _credits_read_as_names(text: str) -> bool:
    credits = parse_credits(text)
    return bool(credits) and all(_reads_as_name(n) for n, _ in credits)


def _has_body(lines: list[tuple[str, str]]) -> bool:
    for kind, text in lines:
        if kind == PROSE and _has_cjk(text, MIN_BODY_CJK):
            return True
    return False


def _has_cjk(text: str, n: int) -> bool:
    """_cjk_count(text) >= n, looking first at the line's opening, where prose has them."""
    return len(CJK_CHAR.findall(text, 0, 2 * n)) >= n or _cjk_count(text) >= n


def _cjk_count(text: str) -> int:
    return len(CJK_CHAR.findall(text))


# ---------------------------------------------------------------- splitting
@dataclass(slots=True)
class _Block:
    head: list[str]                       # headline lines (empty for prose before the first headline)
    rest: list[tuple[str, str]]           # (line type, text) below the headline
    brief: bool = False                   # a column's brief split off under no headline (_split_items)


def split_articles(page: str) -> list[ArticleDraft]:
    """Clean, normalised page -> its articles in page order."""
    typed = _typed_lines(page)
    if not typed:
        return []
    header = _header_fields(typed)
    if header is not None:
        return _header_article(header, typed)
    drafts = []
    blocks = _article_blocks(_split_items(_with_tails_down(_blocks(typed))))
    if len(blocks) > 1 and _page_signs_off(blocks):
        blocks[-1].rest.pop()
    for block in blocks:
        draft = _draft(block, len(drafts))
        if draft is not None:
            drafts.append(draft)
    return drafts or [_whole_page(typed)]


# A brief's headline in brackets at the start of its paragraph, the text right after it; not a label of what
# follows (相关链接, 背景资料, 编者按…).
# A TV news script's marks (page_notes.txt [script_marks]): "【导语】", "【正文】", "【同期声】" open lines of its text.
SCRIPT_MARKS = frozenset(section_words("page_notes.txt", "script_marks"))
SCRIPT_MARK_RE = re.compile(r"^[【\[](?P<mark>[^】\]]{1,4})[】\]]")
BRACKET_BRIEF = re.compile(r"^【(?P<headline>(?!相关链接|背景|延伸阅读|编者按|记者手记|小贴士|名词解释)[^【】\n]{4,40})】[ ]?(?P<rest>.+)$")
# A headline may ask or exclaim ("…为啥这么火？", "亩产提一成！"): such a line is one when a dateline or a
# byline starts the item below it (a question over a dated paragraph is the text's own: "这变化从何而来？").
ASKING_ENDS = ("？", "！", "?", "!", "？”", "！”")
# A headline may exclaim and go on ("好消息！我县新增3个示范村"): no comma, no full stop.
MID_EXCLAIM_RE = re.compile("[！？!?](?=.)")
LEAD_PUNCT_RE = re.compile("[，,。；;：:]")
# A short line ending in a colon over a headline and its dateline is the headline's kicker ("聚焦民生实事：").
KICKER_COLON_MAX = 16


def _opens_item(item: tuple[str, str], dated: bool = True) -> bool:
    kind, line = item
    return kind in (BYLINE, META) or _byline_prefix(line) is not None or dated and DATE_LEAD.match(line) is not None


# The page's own sign-off ("本版责编：甲 版式：乙 校对：丙"): who edited the page, not one of its items.
# (or in brackets, after the issue's count of pages: "（本版编辑：甲）", "（今日四版 本版责编：甲 校对：乙）")
PAGE_SIGN_OFF_RE = re.compile("^[(（]?(?:(?:今日|本期)[ ]?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})[ ]?版[ ]?)?本版(?:"
                              + "|".join(sorted(section_words("page_notes.txt", "page_sign_off_roles"), key=len, reverse=True))
                              + ")[ ]?[:：/／ ]")


# A front page's pointers to the items of other pages ("▶县委召开常委会会议 （2版）") and their label.
# (or after an arrow, its page number set apart by spaces: "▶我县举办春季招聘会          3版")
# (or "详见第4版" after it with no bracket: "■ 全市荔枝喜获丰收 详见第4版"; the label in brackets: "【导读】")
PAGE_POINTER_RE = re.compile(r"^[▶►●■◆★·]?[ ]?[^。！？!?]{2,40}?[ ]?[(（](?:第|见)?[A-H]?\d{1,2}[ ]?版[)）]$"
                             r"|^[【\[]?(?:新闻|本期|今日)?导读[】\]]?$"
                             r"|^[▶►▲][ ]?[^。！？!?]{2,40}?[ ]+(?:第|见)?[A-H]?\d{1,2}[ ]?版$"
                             r"|^[▶►●■◆★·▲]?[ ]?[^。！？!?]{2,40}?[ ]?(?:详见|见)第?[A-H]?\d{1,2}[ ]?版$")


# A paper's name and the day of its issue heading a page with no page number ("某某报 2023年11月10日",
# "某某日报 2019年5月8日"): the page's header, above its first headline. (Not "某某新闻 2023年11月10日": a TV
# bulletin's title, its items under it.)
PAGE_DATE_LINE_MAX = 40
PAPER_DATE_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:报|報)[ ]?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
                                r"(?:[ ]?(?:星期|周)[一二三四五六日天])?$")


# A page's number alone between dashes at its foot ("- 3 -", "—3—").
PAGE_NUMBER_DASHES = frozenset("-－—–")
PAGE_NUMBER_LINE_RE = re.compile(r"^[-－—–]{1,2}[ ]?\d{1,3}[ ]?[-－—–]{1,2}$")
# An e-paper's header: the issue's day, then the page's editors ("2023年5月12日 星期五  责编：甲  版式：乙  校对：丙",
# its lunar day between: "… 星期五 农历甲辰年正月廿八 责任编辑：甲"), maybe its page's label after them; or its footer,
# the page's number and the paper's name first ("2  某某报  2013年7月5日  责编：乙"), or the page's number and its
# section ("2 综合新闻 2016年6月9日 星期五 编辑：甲 版式：乙"), or the paper's name alone ("某某报 2023年2月27日 星期一
# 要闻 编辑：甲 校对：乙"), or the page's number alone, the section after the day ("3 2021年4月2日 星期五 综合新闻
# 责任编辑/甲 美术编辑/乙"); the spaces between may be gone, as cleaning takes an OCR
# page's spaces out ("A2要闻2018年4月3日星期三责编：甲").
DATED_EDITORS_RE = re.compile(r"^(?:(?:[A-H]?\d{1,2}[ ]*[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff]{2,8}[报報]|[A-H]?\d{1,2}(?=[ ]))[ ]*)?"
                              r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ ]?"
                              r"(?:(?:星期|周)[一二三四五六日天])?[ ]?(?:农历[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
                              r"[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅一二三四五六七八九]{2})?[ ]*(?=[^ ])")
# ... or the page's section, then its editors, a header's second row ("综合新闻  责任编辑：甲  版式：乙").
SECTION_EDITORS_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:新闻|要闻|综合|专版|专刊|副刊|民生|社会|经济|文化|体育|法治|时政|视点)[ ]+(?=[^ ])")
PAGE_LABEL_END_RE = re.compile(r"[ ]?第?[A-H]?\d{1,2}版(?:[：:][\u4e00-\u9fff]{2,6})?$")
# The issue's count of pages alone on its line, under the masthead's date ("今日4版", "本期8版").
PAGE_COUNT_LINE_RE = re.compile(r"^(?:今日|本期)[ ]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})[ ]?版$")


# A page's number, then its section ("03 民生·社会", "A1 要闻", "A1 要闻 本期8版"): a header's, before its editors.
PAGE_LABEL_FIRST_RE = re.compile(r"^(?:[A-H]\d{1,2}|0\d)[ ]+[\u4e00-\u9fff]{2,4}(?:[·・][\u4e00-\u9fff]{2,4})?"
                                 r"(?:[ ]+(?:本期|今日)\d{1,2}版)?(?:[ ]+|$)")
SPACED_DATE_RE = re.compile(r"(?<=\d)[ ]?(?P<unit>年|月|日)(?:[ ](?=\d))?")


def is_page_furniture(line: str) -> bool:
    """A page's header line (its date, page number, section and editors), its sign-off, or its pointers to
    other pages: the page's, not an item's, so neither a headline nor a credit of the item next to it. The
    paper's dates are read from the page's text (batch.dates_for_page), not from its articles."""
    if "年 " in line or "月 " in line or " 年" in line:
        line = SPACED_DATE_RE.sub(r"\g<unit>", line)   # "2018年 11月 6日": the OCR's spaces inside the header's date
    if ("：" in line or ":" in line or "/" in line) and ("日" in line and (dated := DATED_EDITORS_RE.match(line)) is not None
                                                         or (dated := SECTION_EDITORS_RE.match(line)) is not None):
        editors = line[dated.end():]
        if (section := SECTION_EDITORS_RE.match(editors)) is not None:
            editors = editors[section.end():]   # "3 2021年4月2日 星期五 综合新闻 责任编辑/甲 美术编辑/乙"
        if _editors_only(PAGE_LABEL_END_RE.sub("", editors) if "版" in editors else editors):
            return True
    if line[:1] == "0" or line[:1] in "ABCDEFGH":
        if (label := PAGE_LABEL_FIRST_RE.match(line)) is not None:
            # "03 民生·社会", "A1 要闻 本期8版 值班编委：甲": the page's number and section, perhaps its editors
            rest = line[label.end():]
            if not rest or ("：" in rest or ":" in rest) and _editors_only(rest):
                return True
    if "日" in line and (line[:1].isdigit() or "报" in line[:10]) and LETTERED_PAGE_HEADER_RE.match(line):
        return True   # "2014年6月12日 星期四 A2 本版编辑 甲"
    if "版" in line:
        if line.startswith(("今日", "本期")) and PAGE_COUNT_LINE_RE.match(line):
            return True
        return PAGE_HEADER_RE.match(line) is not None or PAGE_SIGN_OFF_RE.match(line) is not None \
            or PAGE_POINTER_RE.match(line) is not None
    if "日" in line and len(line) <= PAGE_DATE_LINE_MAX \
            and (PAPER_DATE_LINE_RE.match(line) or PAGE_DATE_LINE_RE.match(line)):
        return True   # (the dated header with its weekday: "2018年11月9日 星期五 要闻", its editors set apart below)
    if line[:1] in PAGE_NUMBER_DASHES and PAGE_NUMBER_LINE_RE.match(line):
        return True   # "- 3 -": the page's number at its foot
    return "导读" in line[-3:] and PAGE_POINTER_RE.match(line) is not None


# ---------------------------------------------------------------- boxes between items
# The boxes a page prints between its items (page_boxes.txt): a label line ("天气预报", "便民服务热线", "要闻提示",
# "本版目录", "公益广告") over lines of forecasts, phone numbers, pointers or slogans, or ("温馨提示", "招聘",
# "…征订启事") over a paragraph. None is an item, a headline or the end of the text above it.
BOX_LINE_LABELS = frozenset(section_words("page_boxes.txt", "labels"))
PROSE_BOX_LABELS = frozenset(section_words("page_boxes.txt", "prose_labels"))
PROSE_BOX_ENDS = tuple(section_words("page_boxes.txt", "prose_label_ends"))
PROSE_BOX_OPENINGS = tuple(section_words("page_boxes.txt", "prose_label_openings"))
BOX_MARKS = "【[［■●◆★▲▶►◎ "
# The label alone on its line, or before its box's text on the same line ("【天气】今日晴…", "温馨提示：本报…"),
# or a forecast's day right after it once cleaning took the scan's space out ("天气预报今天：多云…").
BOX_LABEL_RE = re.compile(f"^[{BOX_MARKS}]*(?P<label>"
                          + "|".join(sorted(BOX_LINE_LABELS | PROSE_BOX_LABELS, key=len, reverse=True))
                          + r")(?:[】\]］]|(?=[ ：:]|$|(?:今天|明天|后天|今日|明日|今晚|今夜|白天|夜间)[：:]))[ ：:]*(?P<rest>.*)$")
BOX_LABEL_LINE_MAX = 30
# A box's own line: a forecast (℃, a wind's force, "明天："), a phone number, a pointer to a page ("…（第2版）",
# "01 要闻 …", "◆县人大常委会召开会议" with no sentence after it), the issuer's sign-off ("某某县委宣传部 宣",
# "县气象台发布", "（县气象局提供）"), a contact field ("联系人：何经理").
BOX_LINE_RE = re.compile(
    r"℃|°C|风[ ]?\d|\d[ ]?级|空气质量|^(?:今天|明天|后天|今日|明日|今晚|今夜|白天|夜间)[：: ]"
    r"|\d{3,4}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\d.])\d{5,8}(?![\d.%年月日万亿元个人户家名])"
    r"|[(（]?第?[A-H]?\d{1,2}[ ]?版[)）]?$|^(?:[A-H]?\d{1,2}|0\d)[ ]+[\u4e00-\u9fff]{2,4}[ ]"
    r"|^[▶►◆◇★☆→●■□·◎▲][ ]?[^。，,；;！？!?]{2,40}$"
    r"|(?:宣传部|文明办|[局委办会社台]|中心|政府|公司)[ ]?宣$|刊发$|(?:提供|发布)[)）]?$"
    r"|^(?:联系人|联系电话|联系方式|电话|地址|热线|邮编|邮发代号|订阅代号|订阅热线|咨询电话)[ ]?[:：]")
# An advertisement's sign-off under its slogans, with no label over them ("保护环境 人人有责" / "某某局 某某报社
# 联合刊发"): the sign-off and the slogan lines above it (at most AD_SLOGAN_MAX) go.
AD_SIGN_OFF_RE = re.compile(r"^[^。，,！？!?：:]{2,40}?(?:(?:宣传部|文明办|[局委办会社台]|中心|政府|公司)[ ]?宣|联合刊发|宣制)$")
AD_SLOGAN_MAX = 3
# How far under its label a box is looked for.
BOX_LINES_MAX = 12
BOX_LABELS = BOX_LINE_LABELS | PROSE_BOX_LABELS
SPACED_LABEL_MAX = 12
# The layout editor's roles: a sign-off naming one, at the foot of a page of several items, signs the page.
LAYOUT_ROLE_RE = re.compile("版式|美编|美术编辑|组版|排版|本期")   # (本期: the issue's editor)
# ... as does the page's proofreader beside another editor ("责任编辑 甲 校对 乙"); a WeChat copy's chain of
# reviews (审核, 终审, 监制) is its article's own.
PROOF_ROLE_RE = re.compile("校对")
REVIEW_ROLE_RE = re.compile("审|监制")


# What names an item's own editor ("本条编辑：甲"), not the page's.
ITEM_EDITOR_MARK = "本条"


def _page_signs_off(blocks: list[_Block]) -> bool:
    """The last line of a page of several items is the page's sign-off, not its last item's credit: editors only,
    naming the page's layout editor or proofreader (_signs_the_page), or any editors where no other item closes with
    its own ("■责任编辑 甲 ■版式 乙 ■校对 丙", "责任编辑：甲" under items that name none). A single item's
    "编辑：甲 美编：乙" is its own, as are "本条编辑：甲" and a WeChat copy's chain of reviews."""
    if not blocks[-1].rest or blocks[-1].rest[-1][0] != BYLINE:
        return False
    line = blocks[-1].rest[-1][1]
    if not _editors_only(line) or line.startswith(ITEM_EDITOR_MARK):
        return False
    return _signs_the_page(line) or REVIEW_ROLE_RE.search(line) is None and not any(
        kind == BYLINE and _editors_only(text) for block in blocks[:-1] for kind, text in block.rest[-3:])


def _signs_the_page(line: str) -> bool:
    """A sign-off closing a page of several items that names the page's layout editor, or its proofreader and
    another editor, and no review: the page's editors (_editors_only is the caller's)."""
    if LAYOUT_ROLE_RE.search(line):
        return True
    return PROOF_ROLE_RE.search(line) is not None and REVIEW_ROLE_RE.search(line) is None \
        and len(parse_credits(line)) >= 2


def _box_label(line: str) -> tuple[bool, bool] | None:
    """(a paragraph's box, the box on this one line) for a box's label line, else None."""
    if (line.endswith(PROSE_BOX_ENDS) or line.startswith(PROSE_BOX_OPENINGS)) and len(line) <= BOX_LABEL_LINE_MAX \
            and not SENTENCE_PUNCT.search(line):
        return True, False   # "《某某日报》2024年度征订启事", "欢迎订阅2024年《某某报》"
    m = BOX_LABEL_RE.match(line)
    if m is None:
        if " " in line and len(line) <= SPACED_LABEL_MAX and line.replace(" ", "") in BOX_LABELS:
            return line.replace(" ", "") in PROSE_BOX_LABELS, False   # a label spaced out as print sets it ("天 气")
        return None
    prose = m["label"] in PROSE_BOX_LABELS
    if not m["rest"]:
        return prose, False
    # the box on one line: a tip's sentence, or a forecast ("【天气】今日晴转多云，气温8℃至21℃…"); not a headline
    # after a label's word ("招聘：企业送岗位到家门口")
    return (prose, True) if BOX_LINE_RE.search(m["rest"]) or prose and SENTENCE_PUNCT.search(m["rest"]) else None


def _box_end(typed: list[tuple[str, str]], k: int, prose: bool) -> int:
    """The index of the last line of the box labelled at k: its last line of box (BOX_LINE_RE; a paragraph's box,
    its paragraph), before the next item's opening; the headline lines over that opening are the item's. A box
    of slogans alone ends over the last line before an item's text (its headline)."""
    end, heads, broke = k, 0, False   # heads: lines after `end` that are no box's own (slogans, a headline)
    for j in range(k + 1, min(len(typed), k + 1 + BOX_LINES_MAX)):
        kind, line = typed[j]
        if _opens_item(typed[j]):
            broke = True
            break
        if BOX_LINE_RE.search(line) or prose and kind == PROSE and heads == 0:
            end, heads = j, 0
            continue
        if kind != HEAD:
            broke = True
            break
        heads += 1
    if end == k and heads:
        end = k + heads - 1 if broke else k + heads
    return end


def _without_boxes(typed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The typed lines without the page's boxes and its advertisements' slogans."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(typed):
        kind, line = typed[k]
        box = _box_label(line) if len(line) <= BYLINE_PREFIX_MAX else None
        if box is None:
            if line[-1:].isdigit() and SERVICE_PHONES_LINE.match(line):
                pass   # a service box's row of numbers standing alone ("报警：110 火警：119 急救：120")
            elif kind == HEAD and AD_SIGN_OFF_RE.match(line):
                for _ in range(AD_SLOGAN_MAX):
                    if not out or out[-1][0] != HEAD:
                        break
                    out.pop()
            else:
                out.append(typed[k])
            k += 1
            continue
        prose, one_line = box
        k = k + 1 if one_line else _box_end(typed, k, prose) + 1
    return out


# A headline and its byline on one line, as OCR reads a row: "县政府召开常务会议 本报记者 甲 乙".
HEADLINE_THEN_BYLINE = re.compile(f"^(?P<head>[^ 。，,；;！？!?：:()（）]{{6,40}}) (?P<byline>(?:本报|本台|本刊)?"
                                  f"{REPORTER_RANK}?(?:记者|通讯员)[ ]?[{CJK}][{CJK} 、]{{1,30}})$")


# A browser tab's title: the headline, then the site's name after a separator.
TAB_TITLE_RE = re.compile(f"^(?P<head>[^_|｜]{{4,60}}?)[ ]?(?:_|[|｜]|[ ]-[ ])[ ]?[{CJK}]{{2,20}}"
                          "(?:人民政府|政府网|门户网站|网站|新闻网|信息网|融媒体中心|新闻中心)$")
# A list entry copied as one line: the item's headline, then its date ("…常务会议 2018-12-28", "…（2018-12-28）"),
# maybe after the list's bullet ("· …常务会议 [2020-06-12]"); or its date first ("[2019-05-14] …常务会议").
LIST_DAY = r"(?P<day>(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日))"
DATE_THEN_HEADLINE = re.compile(r"^[\[【(（]?" + LIST_DAY + r"(?:[\]】)）][ ]*|[ ]+)(?P<head>[^ 。，,；;！？!?：:]{4,40})$")
HEADLINE_THEN_DATE = re.compile(r"^(?:[·•●■◆▪][ ]?)?(?P<head>[^ 。，,；;！？!?：:]{4,40}?)(?:[ ]+[\[【(（]?|[\[【(（])"
                                + LIST_DAY + r"[\]】)）]?$")


def _headline_and_byline(line: str) -> tuple[str, str] | None:
    """The headline and the byline of a line holding both; None when what stands before the reporter's word
    is whose reporter he is ("县融媒体中心 记者 甲") or names."""
    m = HEADLINE_THEN_BYLINE.match(line)
    # (a caption and its photographer are no headline: "▲开幕式现场 记者 甲 摄")
    if m is None or CAPTION_OPEN.match(line) is not None or line.endswith(CAPTION_TAIL_ENDS) \
            or OUTLET_SUFFIX.search(m.group("head")) or _cjk_count(m.group("head")) < len(m.group("head")) - 4 \
            or not is_headline_like(m.group("head")) or _names(m.group("head")) == [m.group("head")] \
            or not _credits_read_as_names(m.group("byline")):   # "…新闻工作者 记者节快乐" is a deck
        return None
    return m.group("head"), m.group("byline")


# A paper's commentary marked by who wrote it ("本报评论员", "本报特约评论员", "某某日报评论员") or by its column
# ("（评论员文章）", "【短评】"), on a line of its own, perhaps with the commentator's name ("□ 本报评论员 甲").
COMMENTARY_MARK_RE = re.compile(r"^(?:□[ ]?)?[(（【\[]?(?:(?:本报|本刊|本台|本网|[\u4e00-\u9fff]{2,8}(?:报|日报|晚报|融媒体中心))?(?:特约)?"
                                r"评论员(?:文章)?|短评|时评|微评|快评)[)）】\]]?"
                                r"(?P<names>[ ]?[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,2})?$")
COMMENTARY_MARK_MAX = 24


NAME_LIST_SEP = re.compile("[ 、]")


def _commentators(names: str) -> bool:
    """The names after a commentator's mark read as names ("本报评论员 甲某某"; parse_credits reads no bare name)."""
    return all(_reads_as_name(name) for name in NAME_LIST_SEP.split(names) if name)


def _typed_lines(page: str) -> list[tuple[str, str]]:
    """(line type, line) for the non-blank lines of a page, the page's own furniture left out."""
    typed: list[tuple[str, str]] = []
    sign_off = False   # the page's sign-off stood above: its fields the cleaner set apart follow it
    for line in page.split("\n"):
        if not line or line.isspace():  # blank (no stripped copy made)
            continue
        if line == CONTINUED_LINE:
            if typed and typed[-1][0] != JUMP:
                typed.append((JUMP, line))   # "（上接第1版）会议要求，…" under another item: no part of it
            continue
        if is_page_furniture(line):
            if "导读" in line and _box_label(line) is not None:
                typed.append((HEAD, line))   # "本期导读": the box pass takes its pointers with it (_without_boxes)
                continue
            if typed and typed[-1][0] == HEAD and PAGE_POINTER_RE.match(line) is not None \
                    and len(typed[-1][1]) <= BYLINE_PREFIX_MAX and _box_label(typed[-1][1]) is not None:
                # a box's pointers go as furniture here ("●…详见2版", "◆…（第2版）"), so its label ("导读",
                # "要闻提示") goes too: left alone over the first item, its box would take that item's headline
                # stack for pointers
                typed.pop()
            # (a header line's editors are set apart from it too: "2018年11月9日 第1版 要闻" / "责任编辑：甲")
            # (not a date line with no page number right under a headline: the item's own date, its editor's credit
            # below it; a page number, or the paper's masthead above, makes it the page's header)
            sign_off = line.startswith("本版") or PAGE_POINTER_RE.match(line) is None and (
                "版" in line or not typed or typed[-1][0] != HEAD or MASTHEAD_LINE_RE.match(typed[-1][1]) is not None)
            continue
        if sign_off and _editors_only(line):
            continue   # "本版责编：甲" / "美编：乙": the page's editors, not the last item's nor the first's
        if ("电话" in line or "热线" in line) and _editors_only(line):
            continue   # "■责任编辑：甲 电话：69440000": the page's editor with the page's phone, wherever it stands
        sign_off = False
        if line[:1] in "【[" and (mark := SCRIPT_MARK_RE.match(line)) is not None and mark["mark"] in SCRIPT_MARKS:
            typed.append((PROSE, line))   # "【同期声】县茶产业发展中心主任 甲": a news script's part, in its text
            continue
        if line[1:2] == "【" and line[0] in BRIEF_BULLETS and BRACKET_BRIEF.match(line[1:]) is not None:
            line = line[1:]   # "◆【县科协开展科普活动】9月16日，…": the bullet before the brief's bracketed headline
        if line.startswith("【"):
            brief = BRACKET_BRIEF.match(line)
            if brief is not None and unit_label(line) is None \
                    and _opens_item((_line_type(brief.group("rest")), brief.group("rest"))):
                # "【我县召开人居环境整治推进会】5月6日，…": a brief's headline in brackets, its text after it
                typed.append((HEAD, brief.group("headline")))
                line = brief.group("rest")
        if line[0] in "(（" and typed and typed[-1][0] == PROSE and (
                _signs_above(typed[-1][1], line) or _names_signed(line) is not None and (
                    _prose_run(typed) >= SIGNED_BODY_MIN or len(typed) > 1 and typed[-2][0] == HEAD)):
            # (one paragraph under its headline is signed so too: see _draft)
            typed[-1] = (PROSE, typed[-1][1] + line)   # "（县文明办 甲）" on a line of its own signs the text above
            continue
        if line[0] in "(（" and line[-1] in ")）" and len(line) <= BRACKET_NOTE_MAX:
            if FIELD.match(line[1:-1]) is not None:
                line = line[1:-1]   # "（来源：县融媒体中心）" under a text: its source field, no headline below it
            elif line[1:-1] in BRACKET_LABELS or typed and typed[-1][0] == PROSE and _unit_alone(line[1:-1]):
                # "（本报综合）": a note closing the text above; so is the unit that sent it, with no writer ("（区府办）")
                typed.append((PROSE, line))
                continue
        if "评论" in line and len(line) <= COMMENTARY_MARK_MAX and (mark := COMMENTARY_MARK_RE.match(line)) is not None \
                and (mark["names"] is None or "评论员" in line and _commentators(mark["names"])):
            # "本报评论员" under a headline signs the commentary as a byline opens an item (the commentary after a
            # news item is an article of its own); over a headline ("（评论员文章）") it is the column's label
            # (a column's mark, "短评", is a label wherever it stands; a named commentator signs wherever he stands)
            typed.append((BYLINE, line) if "评论员" in line and (mark["names"] or typed and typed[-1][0] == HEAD
                                                             and typed[-1][1] not in COLUMN_LABELS)
                         else (HEAD, line.strip("()（）【】[]")))
            continue
        if len(typed) == 1 and typed[0][0] == HEAD and line[:2] in ("19", "20") and META_DATE.fullmatch(line) \
                and is_paper_name(typed[0][1]):
            continue   # "某某草原报" / "2018年7月9日": the page's date under the paper's name, no item's dateline
        # A long line with a 。 is prose unless it is a header field: _line_type's answer without the call.
        if len(line) > BYLINE_PREFIX_MAX and "。" in line and FIELD.match(line) is None:
            typed.append((PROSE, line))
        elif (kind := _line_type(line)) == BYLINE and " " in line and (both := _headline_and_byline(line)) is not None:
            typed.extend([(HEAD, both[0]), (BYLINE, both[1])])   # "县政府召开常务会议 本报记者 甲" read as one row
        else:
            typed.append((kind, line))
    typed = _without_boxes(typed)   # (one anchored match a line: cheaper than a scan of the page for a hint)
    if len(typed) > 1 and typed[0][0] == PROSE and _titles_the_record(typed[0][1]):
        typed[0] = (HEAD, typed[0][1])
    if typed and typed[0][0] == HEAD and (tab := TAB_TITLE_RE.match(typed[0][1])) is not None \
            and (typed[0][1][tab.end("head"):].lstrip()[:1] not in "|｜" or len(tab["head"]) > len(typed[0][1]) - tab.end("head")):
        # (after a bar, a headline longer than the site's name after it: "便民服务｜城乡居民医保缴费可登录某某县人民政府网站"
        # is a column's label over a headline that ends in a site's name; "县长调研_某某瑶族自治县人民政府门户网站" is a tab's)
        # a page copied from the browser under its tab's title ("县政府召开常务会议_某某县人民政府"): the
        # headline again without the site's name, or dropped where the page prints it below
        again = any(line == tab["head"] for kind, line in typed[1:1 + HEADER_LOOKAHEAD] if kind == HEAD)
        typed[0:1] = [] if again else [(HEAD, tab["head"])]
    for k in range(len(typed) - 2, -1, -1):
        kind, line = typed[k]
        if kind == HEAD and typed[k + 1][0] == PROSE and (
                (line[-1].isdigit() or line[-1] in ")）]】") and (dated := HEADLINE_THEN_DATE.match(line))
                or (line[0].isdigit() or line[0] in "(（[【") and (dated := DATE_THEN_HEADLINE.match(line))):
            # a list page of whole items copied as text: "县政府召开常务会议 2018-12-28" over the item's text,
            # its headline and its date (a list of bare links has no text under each)
            typed[k:k + 1] = [(HEAD, dated["head"]), (META, dated["day"])]
    if "：" in page or "】" in page:
        typed = _with_deck_notes(typed)
    for k in range(1, len(typed) - 1):
        if typed[k][0] == HEAD and typed[k - 1][0] == HEAD and typed[k + 1][0] == PROSE and " " in typed[k][1] \
                and unit_signed(typed[k][1]) is not None and unit_signed(typed[k - 1][1]) is None \
                and not (k > 1 and typed[k - 2][0] == PROSE and typed[k - 2][1].endswith(("：", ":"))):
            # under the headline: "县委宣传部 甲 县融媒体中心 乙" signs the item (not a list the text opened
            # with a colon: "获奖教师有：" / "县第一中学 甲 乙" / "县实验小学 丙")
            typed[k] = (BYLINE, typed[k][1])
    for k in range(len(typed) - 2, -1, -1):
        (kind, line), (after, rest) = typed[k], typed[k + 1]
        if kind == after == HEAD and "关于" in line and DOCUMENT_TITLE_END.search(rest) and not DOCUMENT_TITLE_END.search(line):
            typed[k:k + 2] = [(HEAD, line + rest)]   # "关于开展…评选表彰" / "活动的通知": one title on two lines
    for k in range(len(typed) - 1):
        kind, line = typed[k]
        if kind == PROSE and line.startswith("“") and line.endswith("”") and len(line) <= LEAD_TITLE_MAX \
                and typed[k + 1][1].startswith(TITLE_DASHES) and typed[k + 1][0] == HEAD:
            typed[k] = (HEAD, line)   # "“有了这个合作社，我们在家门口就能挣钱。”" over its "——…见闻" deck
        elif kind == PROSE and line.endswith(ASKING_ENDS) and len(line) <= LEAD_TITLE_MAX \
                and not SENTENCE_PUNCT.search(line.rstrip("！？!?”\"")) and _opens_item(typed[k + 1], dated=False):
            typed[k] = (HEAD, line)   # "村里的“夜校”为啥这么火？" over "本报讯（记者 甲）…": a headline that asks
        elif kind == PROSE and len(line) <= LEAD_TITLE_MAX and MID_EXCLAIM_RE.search(line) \
                and not LEAD_PUNCT_RE.search(line) and _opens_item(typed[k + 1]):
            typed[k] = (HEAD, line)   # "好消息！我县新增3个省级示范村" over "近日，…": exclaims, then says what
        elif kind == PROSE and line.endswith(("：", ":")) and len(line) <= KICKER_COLON_MAX and k + 2 < len(typed) \
                and typed[k + 1][0] == HEAD and not SENTENCE_PUNCT.search(line) and "，" not in line \
                and APPENDIX_LABEL_RE.match(line) is None \
                and _opens_item(typed[k + 2]):
            typed[k] = (HEAD, line)   # "聚焦民生实事：" over a headline and its dateline: the kicker
        elif kind == HEAD and k and typed[k - 1][0] == PROSE and (
                SIGNED_DATE.match(typed[k + 1][1]) and SIGNATORY_RE.search(line) or CONTACT_LINE.match(line)):
            # a notice's signature ("某某县人民政府办公室" over "2023年3月6日") or its contact line closes the
            # notice: text of its body, not the next item's headline and date
            typed[k] = (PROSE, line)
            if SIGNED_DATE.match(typed[k + 1][1]):
                typed[k + 1] = (PROSE, typed[k + 1][1])
    for k in range(2, len(typed)):
        kind, line = typed[k]
        label_kind, label = typed[k - 1]
        if kind == HEAD and label_kind == HEAD and label.endswith(LIST_LABEL_ENDS) and typed[k - 2][0] == PROSE \
                and _names_line(line):
            # a list of names after a text, under its label ("表彰名单" / "甲 乙 丙 丁"): the text's own, not
            # the next article's kicker
            typed[k - 1:k + 1] = [(PROSE, label), (PROSE, line)]
    if "期" in page:
        typed = _without_bulletin_head(typed)
    return typed


# A government bulletin's issue line ("〔2023〕第12期", "第15期", "总第86期") under its name ("政务信息", "某某县 /
# 政务信息"), over the office that compiled it and the day; the editor's note (编者按) that opens the issue speaks
# of the item under the headline that follows it.
BULLETIN_ISSUE_RE = re.compile(r"^(?:[〔\[【(（]?(?:19|20)\d\d[〕\]】)）]?[ ]?)?总?第[ ]?\d{1,5}[ ]?期(?:[ ]?[(（]总第[ ]?\d{1,5}[ ]?期[)）])?$")
EDITORS_NOTE_OPEN = ("编者按", "编者的话", "【编者按】")


def _without_bulletin_head(typed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The bulletin's name, issue line and compiler's dated line leave; its editor's note moves under the headline
    of the item it introduces (a note left above the headline would read as an item with no headline)."""
    at = next((k for k, (kind, line) in enumerate(typed[:HEADER_LOOKAHEAD]) if kind == HEAD and BULLETIN_ISSUE_RE.match(line)),
              None)
    if at is None or any(kind != HEAD for kind, _ in typed[:at]):
        return typed
    rest = typed[at + 1:]
    compiled = bool(rest) and rest[0][0] == HEAD and META_DATE.search(rest[0][1]) is not None and "。" not in rest[0][1]
    if not compiled and not typed[at][1].startswith(("〔", "[", "【", "(", "（", "19", "20")):
        return typed   # "全县疫情通报" / "第56期" / "发布时间：…": a report's headline and its number, on a site's record
    if compiled:
        rest = rest[1:]   # "某某县人民政府办公室编 2017年5月10日"
    if len(rest) > 1 and rest[0][1].startswith(EDITORS_NOTE_OPEN) and rest[1][0] == HEAD:
        heads = 1
        while heads + 1 < len(rest) and rest[heads + 1][0] == HEAD:
            heads += 1
        rest = rest[1:heads + 1] + [(PROSE, rest[0][1])] + rest[heads + 1:]
    return rest


# How a line ends when its sentence goes on below it, or opens what follows ("同志们：").
OPEN_ENDS = ("，", ",", "：", ":", "；", ";", "、", "…", "——")


UNIT_ALONE_MAX = 12


def _unit_alone(text: str) -> bool:
    """A unit's name and nothing else: "区府办", "县应急管理局" (no writer after it, no word of a headline)."""
    return UNIT_MIN <= len(text) <= UNIT_ALONE_MAX and text[-1] in UNIT_ENDS and _cjk_count(text) == len(text)


def _editors_only(line: str) -> bool:
    """A short credit line that names editors only ("美编：乙 校对：丙"), perhaps with the page's phone."""
    if any(k in line for k in CONTACT_KEYS):
        line = CONTACT_FIELD_RE.sub(" ", line).strip()
    if len(line) > CREDIT_LINE_MAX or not is_credit_line(line):
        return False
    credits = parse_credits(line)
    return bool(credits) and all(role == "editor" for _, role in credits)


def _titles_the_record(line: str) -> bool:
    """The page's first line, short and with no full stop, is the record's title even when it exclaims or
    speaks to its readers with a comma ("“村超”火了！榕江乡村体育点燃全民热情", "@全体市民，这份指南请收好"):
    a CMS record is rendered with its title first."""
    return len(line) <= LEAD_TITLE_MAX and "。" not in line and not line.endswith(OPEN_ENDS) \
        and CAPTION_OPEN.match(line) is None and DATE_LEAD.match(line) is None and _byline_prefix(line) is None


# A line of three or more names parted by spaces, each opening with a surname ("段海涛 龙秀英 覃雅丽").
NAMES_LINE_RE = re.compile(f"^[{CJK}]{{2,4}}(?:[ 　]+[{CJK}]{{2,4}}){{2,}}$")
LIST_LABEL_ENDS = ("名单", "名录")


def _names_line(line: str) -> bool:
    return NAMES_LINE_RE.match(line) is not None and all(_opens_with_surname(n) for n in line.split())


# What the title of an official document ends with ("关于…的通知", "…的实施意见").
DOCUMENT_TITLE_END = re.compile(r"的(?:通知|公告|通告|通报|决定|意见|实施意见|实施方案|方案|办法|批复|函|报告|请示|规定|细则)$")
# Who signs a notice: an office, a body or a government ("某某县人民政府办公室", "中共某某县委组织部").
SIGNATORY_RE = re.compile(r"(?:办公室|委员会|人民政府|政府|局|委|办|部|中心|指挥部|领导小组|党委|党组|支部|公司|协会|学会"
                          r"|联合会|医院|学校|法院|检察院|街道办事处|镇|乡|街道)$")
# The date under a notice's signature, alone on its line; and a notice's contact line.
SIGNED_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日$|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}$")
CONTACT_LINE = re.compile(r"(?:联系人|联系电话|联系方式|咨询电话|监督电话|举报电话)[ ]?[:：]")


def _whole_page(typed: list[tuple[str, str]]) -> ArticleDraft:
    """A page with no article shape (a lone headline, a caption, a short poem) is still one article:
    a reader searching for a name in it must find it."""
    lines = [text for kind, text in typed if kind != JUMP]
    title = (lines[0] if len(lines[0]) <= LEAD_TITLE_MAX
             else title_from_lead(lines[0]) or lines[0][:word_end_before(lines[0], LEAD_TITLE_MAX)])
    credits = [c for kind, text in typed if kind == BYLINE for c in parse_credits(text)]
    return ArticleDraft(seq=0, title=title, kicker=None, subtitle=None, byline=None, source=None, dateline=None,
                        credits=list(dict.fromkeys(credits)), body="\n".join(lines), title_from_lead=True)


def _blocks(typed: list[tuple[str, str]]) -> list[_Block]:
    """Headline runs with the lines below them; blocks without a body lend their lines to the next."""
    blocks: list[_Block] = []
    current: _Block | None = None  # blocks[-1]
    for item in typed:
        if item[0] == JUMP:
            current = None   # the text below goes on from another page: an item of its own, under no headline
            continue
        if item[0] == HEAD:
            if current is None or current.rest:
                current = _Block([item[1]], [])
                blocks.append(current)
            else:
                current.head.append(item[1])
        elif current is None:
            current = _Block([], [item])
            blocks.append(current)
        else:
            current.rest.append(item)
    merged: list[_Block] = []
    carry: _Block | None = None
    for block in blocks:
        if carry is not None:
            block = _Block(carry.head + block.head, carry.rest + block.rest)
            carry = None
        if _has_body(block.rest):
            merged.append(block)
        else:
            carry = block
    if carry is not None and merged and (any(kind == PROSE for kind, _ in carry.rest) or _listed_under_label(carry)
                                         or merged[-1].rest and LIST_LABEL_RE.search(merged[-1].rest[-1][1])):
        # the page's last lines, too short for an article of their own: the end of the one above ("…负责人参加"
        # / "调研。" wrapped, a list or a table under its label: "拟任职人选名单" / "| 甲 | 镇长 |"), kept as its
        # text rather than lost (a lone line under the last article is the site's or the paper's signature:
        # "重庆两江新区"); so are the lines a text announces closing on a list's label ("…名单如下：" / "甲 县人民医院
        # 护士长" / "乙 城关镇刘庄村党支部书记"), however short
        merged[-1].rest.extend([(HEAD, h) for h in carry.head] + carry.rest)
    elif carry is not None and merged and carry.rest and all(kind == BYLINE for kind, _ in carry.rest) \
            and (not carry.head or len(carry.head) == 1 and len(carry.head[0]) <= CAPTION_HEAD_MAX
                 and all(line.endswith(CREDIT_LINE_ENDS) for _, line in carry.rest)):
        # a picture's caption and the credit line closing the page ("会议现场" / "（通讯员 甲 乙）"), or the credit
        # alone: the last article's, as a site renders its photo and its writers under the text (not the next
        # item's headline and byline, cut off by the page's foot: "县长甲调研春耕生产" / "本报记者 乙")
        merged[-1].rest.extend([(HEAD, h) for h in carry.head] + carry.rest)
    elif carry is not None:
        log.debug("no body below %r: not an article", carry.head[:1])
    return merged


# A picture's caption over the credit closing a page: a few words ("会议现场", "活动现场"), shorter than a headline.
CAPTION_HEAD_MAX = 8


# The last line of a text that lost its full stop, left over a headline as if its kicker: it opens as a
# text's later sentences do, going on from the one before ("活动共悬挂横幅42条…", "会议要求…", "下一步…"); a
# headline opens with who or what it is about ("全县…", "3家企业…").
TEXT_TAIL_RE = re.compile("^(?:活动|" + "|".join(SENTENCE_OPENERS) + ")")
TEXT_TAIL_MIN = 10


def _with_tails_down(blocks: list[_Block]) -> list[_Block]:
    """A text's last line without its full stop, read as a kicker over the next item's headline, goes back to
    the text above ("…。" / "活动共悬挂横幅42条张贴标语300余张" / "县图书馆开展读书分享会" / "3月16日，…"); so does
    its last paragraph that the OCR read between the next headline and that item's dateline, from the column beside
    ("县教育局表彰优秀教师" / "活动现场还设置了咨询台，…。" / "本报讯（记者 甲）9月10日，…")."""
    for above, block in zip(blocks, blocks[1:]):
        if block.head and len(block.rest) > 1 and above.rest and above.rest[-1][0] == PROSE \
                and block.rest[0][0] == PROSE and block.rest[1][0] == PROSE and TEXT_TAIL_RE.match(block.rest[0][1]) \
                and _starts_item(block.rest[1][1]):
            above.rest.append(block.rest.pop(0))
        if len(block.head) == 2 and above.rest and above.rest[-1][0] == PROSE and block.rest \
                and _opens_article(block) and len(block.head[0]) >= TEXT_TAIL_MIN and " " not in block.head[0] \
                and not _is_kicker(block.head[0]) and not _is_deck(block.head[0]) \
                and TEXT_TAIL_RE.search(block.head[0]) and not TEXT_TAIL_RE.search(block.head[1]):
            above.rest.append((PROSE, block.head.pop(0)))
    return blocks


# The label of a list or a table a notice closes with ("拟任职人选名单", "名单如下", "附件：").
LIST_LABEL_RE = re.compile(r"(?:名单|名录|如下|附件|附表)[：:]?$")


def _listed_under_label(block: _Block) -> bool:
    """Lines under a list's label, or rows of a table ("| 甲 | 镇长 |"): a notice's end, not a page's leftovers
    (相关新闻 and its headlines, a caption's label)."""
    lines = block.head + [text for _, text in block.rest]
    return any(LIST_LABEL_RE.search(line) for line in lines[:-1]) or sum("|" in line for line in lines) >= 2


def _split_items(blocks: list[_Block]) -> list[_Block]:
    """Items run together under one headline (or none) are told apart by their datelines: a line opening
    with "本报讯(…)", "某某网讯", "某某讯" after the first item's body starts an item of its own, and so does a
    brief of a news column, a bullet and a dated lead ("一句话新闻" / "■4月26日，…"; the bullet leaves), or a
    dated lead after a brief closed by its credit ("简讯" / "4月5日，…。（记者 甲）" / "4月6日，…"), or a photo's
    caption closed by its credit after another ("图片新闻" / "…插秧。（记者 甲 摄）" / "…游客。（记者 乙 摄）")."""
    out: list[_Block] = []
    for block in blocks:
        # briefs only under a news column's label (or no headline): a dated list inside an article stays its own
        # (under the paper's name, which tops the page's first stack: "某某报" / "乡镇动态")
        column = _column_head(block.head[1:] if len(block.head) > 1 and is_paper_name(block.head[0]) else block.head)
        if not column and len(block.rest) > 1:
            column = _signed_bullet_at(block.rest)
        briefs = [kind == PROSE and column and _brief(text) for kind, text in block.rest]
        rest = [(kind, brief or text) for (kind, text), brief in zip(block.rest, briefs)]
        start = 0
        for k in range(1, len(rest)):
            kind, text = rest[k]
            if kind != HEAD and (briefs[k] or _starts_item(text) or (column or not block.head) and _closed(rest[start:k])
                                 and (DATE_LEAD.match(text) or kind == PROSE and _closed(rest[k:k + 1]))
                                 or _photo_after_its_pictured_text(rest, k) or _trailing_photo(rest, start, k)
                                 or _dated_caption(rest[k]) and (_dated_caption(rest[k - 1])
                                                                 or k + 1 < len(rest) and _dated_caption(rest[k + 1]))) \
                    and _has_body(rest[start:k]):
                out.append(_Block(block.head, rest[:k]) if start == 0 else _Block([], rest[start:k], _split_brief(rest, briefs, start)))
                start = k
        out.append(_Block(block.head, rest) if start == 0 else _Block([], rest[start:], _split_brief(rest, briefs, start)))
    return out


def _dated_caption(item: tuple[str, str]) -> bool:
    """A picture's dated caption its photographers sign ("▲3月20日，某某镇群众在采摘春茶。 记者 甲 摄"): beside
    another, a photo news item of its own, not a second picture of one text (whose captions are not dated); the
    first of two such under a text is one too ("…出席通车仪式。" / "▲9月12日，…。（记者 甲 摄）" / "▲9月11日，…")."""
    kind, text = item
    if kind != PROSE or not text.startswith(CAPTION_MARKS):
        return False
    if text.endswith(CAPTION_TAIL_ENDS):
        return DATE_LEAD.match(text[1:].lstrip(" ")) is not None and CAPTION_TAIL.search(text) is not None
    # (or the credit in brackets: "▲9月12日，…典礼。（记者 甲 摄）")
    return text.endswith(CREDIT_BRACKET_ENDS) and DATE_LEAD.match(text[1:].lstrip(" ")) is not None \
        and (closing := _closing_credit(text)) is not None and bool(closing[1]) and not _writers(closing[1])


def _signed_bullet_at(rest: list[tuple[str, str]]) -> bool:
    """Below a text, a bulleted dated line that its own writer signs ("◆12月5日，县妇联…。（通讯员 甲）") is a
    brief of a column that has lost its label, and so are the bulleted dated lines beside it; a dated list inside
    a text is signed by no one of its own. The last bullet's signature may be the whole text's, as a county paper
    closes an item ("…◆11月3日，…演练。（通讯员 甲）"): only a signed bullet with another bullet below it tells."""
    bullets = [k for k, (kind, text) in enumerate(rest) if k and kind == PROSE and text[:1] in BRIEF_BULLETS]
    for k in bullets[:-1]:
        text = rest[k][1]
        if text.endswith(CREDIT_BRACKET_ENDS) and _brief(text) is not None \
                and (closing := _closing_credit(text)) is not None and any(role == "reporter" for _, role in closing[1]):
            return True
    return False


def _split_brief(rest: list[tuple[str, str]], briefs: list, start: int) -> bool:
    """The item split off at rest[start] is a brief: a news column's, or one opening with the paper's own
    dateline after another item on the same line or under the same headline ("…。　　本报讯 2月19日，…。（王 丹）"),
    which its writers sign as a headed item's."""
    return bool(briefs[start]) or rest[start][0] == PROSE and _starts_item(rest[start][1])


def _photo_after_its_pictured_text(rest: list[tuple[str, str]], k: int) -> bool:
    """A caption and its photographers' credit after a text closed by a credit that already names who took its
    picture ("…。" / "记者 甲 文/摄" / "暑期以来，…展品。" / "乙 丙 摄"): a photo news item of its own, its
    picture not the text's."""
    if rest[k][0] != PROSE or rest[k - 1][0] != BYLINE or k + 1 >= len(rest) or rest[k + 1][0] != BYLINE:
        return False
    above, below = parse_credits(rest[k - 1][1]), parse_credits(rest[k + 1][1])
    return any(role == "photographer" for _, role in above) and _writers(above) and bool(below) \
        and not _writers(below) and {n for n, _ in below}.isdisjoint(n for n, _ in above)


# A caption under a picture: a sentence or two; a text's own ends as its sentences do.
TRAILING_CAPTION_MAX = 80
TEXT_END_MARKS = ("。", "！", "？", "!", "?", "”", "）", ")")
SHARED_WORD = 3   # characters of a run a caption shares with the text it pictures (a name, a place, "察看秧")
# A photo news item says where it was taken ("某某镇", "东坪村"); a text's own picture may point back at the text
# ("图为活动现场"). Not 全县/我县, nor a unit's body or people (县委, 县政府, 镇长, 村民, 县城里).
# A caption that points at the picture of the text above it (page_notes.txt [caption_points_back]).
POINTS_BACK = tuple(section_words("page_notes.txt", "caption_points_back"))
# A photo news item's own mark before its caption ("（图）6月2日，志愿者在…", "(组图)…"): its picture is no text's.
PHOTO_ITEM_MARK = re.compile(r"^[(（](?:图|组图)[)）]")
CAPTION_PLACE_RE = re.compile(f"[{CJK}](?<![全我本该各])(?:县|区|市|州|镇|乡|村|旗|街道|社区)(?![委政民长级直里域属内外人])")


def _trailing_photo(rest: list[tuple[str, str]], start: int, k: int) -> bool:
    """The block's last lines are a caption its photographers alone sign ("图为某某镇村民在插秧。 本报记者 甲 摄",
    or the caption over "乙 摄"), under a text that ended, and the caption names a place and nothing that text
    does: a photo news item of its own; the text's own picture shows who or where the text is about ("图为丙某某在
    某某村察看…") or points back at it ("图为活动现场")."""
    kind, text = rest[k]
    if kind != PROSE or len(text) > TRAILING_CAPTION_MAX:
        return False
    end = len(rest)
    while end > k + 1 and rest[end - 1][0] == BYLINE and _editors_only(rest[end - 1][1]):
        end -= 1   # the page's foot under the caption ("责任编辑：甲"): the page's, whatever the caption is
    if k == end - 1:
        if (photo := _caption_photo(text)) is not None:
            credits, caption = _photo_credits(photo), text[:photo.start()]
        elif (closing := _closing_credit(text)) is not None and closing[1] and not _writers(closing[1]):
            credits, caption = closing[1], text[:closing[0]]   # the photographer in brackets: "…活动。（张 涛 摄）"
        else:
            return False
    elif k == end - 2 and rest[k + 1][0] == BYLINE:
        credits, caption = parse_credits(rest[k + 1][1]), text
    else:
        return False
    above_kind, above = rest[k - 1]
    if not credits or _writers(credits) or above_kind not in (PROSE, BYLINE) \
            or above_kind == PROSE and not above.endswith(TEXT_END_MARKS):
        return False
    if PHOTO_ITEM_MARK.match(caption):
        return True   # "（图）金秋时节，…采摘秋茶。" / "记者 甲 摄": the page marks it a photo news item of its own
    signed = {name for kind, line in rest[start:k] if kind == BYLINE for name, _ in parse_credits(line)}
    if signed and any(name in signed for name, _ in credits):
        return False   # "本报记者 甲" over the text, "…延长产业链。（甲 摄）" closing it: the text's writer took its picture
    # (a caption saying "图为…" shows the picture of the text above it: "全县春耕…" over "图为东坪村村民在插秧")
    if caption.startswith(POINTS_BACK) or CAPTION_PLACE_RE.search(caption) is None:
        return False
    pictured = "".join(line for _, line in rest[start:k])
    return not any(run[i:i + SHARED_WORD] in pictured for run in CJK_RUN_RE.findall(caption)
                   for i in range(len(run) - SHARED_WORD + 1))


# The bullets of a news column's briefs ("■4月26日，…", "●近日，…"); not ▲, which opens a photo's caption.
BRIEF_BULLETS = "■●◆★◎•□▶►"
BRIEF_BULLET_TUPLE = tuple(BRIEF_BULLETS)
# ... though under the column's label ("简讯") a dated lead after ▲ is a brief, not a caption ("▲5月12日，…。（甲）").
COLUMN_BULLETS = BRIEF_BULLETS + "▲△"


def _brief(text: str) -> str | None:
    """A brief's text without its bullet, or without the unit it is from in brackets ("【东岭镇】5月6日，…"),
    when a dated lead or a dateline follows (a point of a speech, "●要坚持…", is no brief), or without its
    number; None otherwise. Called for the lines under a news column's label only."""
    if not text:
        return None
    if text[0] in COLUMN_BULLETS:
        rest = text[1:].lstrip(" ")
    elif text[0] == "【" and (unit := unit_label(text)) is not None:
        # (a township's item needs no date: "【溪口镇】溪口镇将新建的3个幸福院投入使用": its unit opens it)
        return text[unit.end():].lstrip(" ")
    elif (lead := TOWN_THEN_LEAD_RE.match(text)) is not None and DATE_LEAD.match(text[lead.end():]):
        return text[lead.end():]   # "那坡镇5月6日，那坡镇…": a digest's town before the item's dated lead
    elif (number := BRIEF_NUMBER_RE.match(text)) is not None:
        return text[number.end():]   # "1.县发改局召开项目调度会。5月8日，…": the column's briefs numbered
    else:
        return None
    return rest if DATE_LEAD.match(rest) or _starts_item(rest) else None


# A digest's township or street before its item's lead, the space between them lost ("那坡镇5月6日，…",
# "百合乡近日，…"): the unit the item comes from, as "【那坡镇】" would print it.
TOWN_THEN_LEAD_RE = re.compile(f"^[{CJK}]{{1,6}}(?:镇|乡|街道|苏木)[ ]?(?=\\d{{1,2}}月|近日|日前|连日来|近期)")


# A column's briefs numbered in a run ("1.", "①", "2、", "（三）"), each its headline's sentence then its text. A digit
# after "1." is a decimal's ("1.6万元"), unless it opens a date ("1.6月8日，…": brief 1, dated June 8).
BRIEF_NUMBER_RE = re.compile(r"^(?:[①-⑳]|(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)(?=[^\d]|\d{1,2}月\d{1,2}日))")


# A brief's unit or place in brackets before its text, as columns of briefs print them ("【东岭镇】",
# "【县人社局】"): the item's source, not its headline (which its lead gives).
UNIT_LABEL_RE = re.compile(f"^【[{CJK}]{{1,8}}(?:街道|社区|中心|[镇乡村县区市局委办院所站队部])】")


def unit_label(text: str) -> re.Match[str] | None:
    """A unit's name in brackets opening a brief ("【东岭镇】", "【县人社局】"); not a headline ending in a unit's
    character, which a verb opens ("【走进东岭镇】", "【创建全国文明城市】")."""
    unit = UNIT_LABEL_RE.match(text)
    if unit is None:
        return None
    first = tag_raw(unit.group()[1:-1])[:1]
    return None if first and first[0][1] == "v" else unit


def _starts_item(text: str) -> bool:
    """A line opening with an outlet's dateline (not a quoted dispatch, "据新华社电"; of agencies' datelines
    only the paper's own, "本报沈阳6月10日电")."""
    if text.find("讯", 0, ITEM_DATELINE_REACH) < 0 and text.find("消息", 0, ITEM_DATELINE_REACH) < 0 \
            and not (text.startswith("本报") and text.find("电", 0, ITEM_DATELINE_REACH) >= 0):
        return False
    m = OUTLET_TOKEN.match(text)
    return m is not None and not text.startswith("据") and m.group("agency") in (None, "本报")


def _opens_article(block: _Block, among_sections: bool = False, lone_colon: bool = False) -> bool:
    """What follows the headline looks like an article start: byline, record meta line, dated lead or
    closing credit. Among a text's short section heads (`among_sections`: a block beside one), only these: the
    weaker starts (a lead dated by its occasion or its second sentence, a lead naming who the headline says held
    the event) are a section's too there ("村里办起合作社" / … / "合作社召开分红大会" / "今年以来，合作社…")."""
    first_kind, first = block.rest[0]
    if first_kind in (BYLINE, META, FIELD_LINE) or _byline_prefix(first) or DATE_LEAD.match(first):
        return True
    headline = block.head[-1]
    if first_kind != PROSE:
        return False
    if _lead_names_its_unit(headline, first) or headline.startswith("关于") and DOCUMENT_TITLE_END.search(headline) \
            or any(line.endswith(NOTICE_TITLE_ENDS) and NOTICE_ISSUER_RE.search(line) or line.replace(" ", "") in NOTICE_KINDS
                   for line in block.head):
        return True   # (a notice's headline may stand over the session that passed it: "（…第十五次会议通过）")
    if lone_colon and _closed(block.rest) and (unit := UNIT_COLON_RE.match(headline)) is not None \
            and unit.group("unit") in first[:LEAD_SENTENCE_REACH]:
        # "某某镇：聚力打造荷藕小镇" / "今年以来，某某镇…" / "记者 甲": a town's item, signed; the only such headline
        # on the page (a round-up heads all its parts so, and its credit closes the last)
        return True
    if among_sections:
        return False
    if len(block.head) > 1:
        headline = block.head[_title_index(block.head)]   # the title, not its deck ("副县长甲出席") nor its kicker
    if OCCASION_LEAD_RE.match(first) is not None and (EVENT_WORDS.search(headline) or HEADLINE_UNIT_RE.match(headline)):
        return True   # "湄潭县开展“六一”慰问活动" over "“六一”国际儿童节来临之际，县长甲…": dated by its occasion
    if len(block.head) > 1 and (block.head[0].strip("【】[]［］ ") in RELATED_LABELS or block.head[0] in COLUMN_LABELS
                                or BRACKETED_LABEL_RE.match(block.head[0])
                                and APPENDIX_LABEL_RE.match(block.head[0].strip("【】[]［］ ")) is None):
        # "【相关新闻】" / "县有序推进企业复工复产" / "为统筹推进…": the page's other item; and a standing column's
        # label over its own headline ("读者来信" / "感谢好医生", "【以案说法】" / "借款未写借条…"), not an appendix's
        # ("【记者手记】")
        return True
    return LEAD_ATTRIBUTION.match(first) is not None or _lead_names_who_held_it(headline, first)


# A headline naming its town or unit before a colon ("射阳湖镇：聚力打造荷藕小镇"), and how far into the lead the
# unit is looked for.
UNIT_COLON_RE = re.compile(f"^(?P<unit>[{CJK}]{{1,10}}(?:街道|社区|[县区市镇乡村局委办院所站队部]))[：:]")
LEAD_SENTENCE_REACH = 40


# A lead dated by its occasion ("春节前夕，", "“六一”国际儿童节来临之际，", "在全国第32个“安全生产月”期间，").
OCCASION_LEAD_RE = re.compile("^[^，,。；;！？!?]{2,24}?(?:之际|前夕|来临|到来|来临时|到来时)[，,]")
RELATED_LABELS = frozenset(section_words("page_notes.txt", "related_labels"))
NOTICE_TITLE_ENDS = tuple(section_words("page_notes.txt", "notice_titles"))
NOTICE_KINDS = frozenset(section_words("page_notes.txt", "notice_kinds"))   # or names only what it is ("寻人启事")
# ... when it names who issues it or what about ("中共某某县委组织部干部任前公示", "关于…的通告", "某某县人民政府公告"): a
# text's sub-heading may end so too ("严格执行任前公示").
NOTICE_ISSUER_RE = re.compile(r"^关于|干部|名单|[县区市州旗镇乡村]|委员会|政府|[局委办部院]")


def _photos_of_the_sections_above(above: _Block, block: _Block) -> bool:
    """The page's last block, undated, closed by a line crediting photographers only ("◇摄影/甲"), under a text
    whose sections are already folded into it: the text's last section, the credit its pictures'. Not a credit
    written after the names ("记者 甲 摄"): it closes a picture's caption, a photo item of its own."""
    credit = block.rest[-1][1]
    credits = parse_credits(credit)
    if credit.rstrip().endswith(PHOTO_SUFFIX_ROLES) and not {n for n, _ in credits} <= _credited_names(above):
        return False   # (unless the text's own writer took it: "本报记者 甲" above, "◇本报记者 甲 摄" closing)
    return bool(credits) and all(role == "photographer" for _, role in credits) \
        and any(kind == HEAD for kind, _ in above.rest) and block.rest[0][0] == PROSE \
        and DATE_LEAD.match(block.rest[0][1]) is None


PHOTO_SUFFIX_ROLES = (*CAPTION_TAIL_ENDS, "供图")


def _credited_names(block: _Block) -> set[str]:
    return {name for kind, line in block.rest if kind == BYLINE for name, _ in parse_credits(line)}


def _signs_itself(above: _Block) -> bool:
    """The article holds its own byline, meta line or dateline. The page's last block, closed by a credit line,
    is an item of its own only under such an article (briefs each signed); under one that names no one who
    wrote it, the credit line closing the page signs the whole text, and the headline over it is a sub-heading
    ("…⏎一条产业链激活一片天地⏎村里建起了…⏎一审：甲 二审：乙"). A block closed by a credit within the page is
    an item."""
    return any(kind in (BYLINE, META) for kind, _ in above.rest) or bool(above.rest) and _byline_prefix(above.rest[0][1]) is not None


# A headline opening with the unit it reports on ("紫荆镇扎实推进…", "县人社局多措并举…"): at least two
# characters, then what a unit's name ends with.
HEADLINE_UNIT_RE = re.compile(f"^[{CJK}]{{2,10}}?(?:街道|社区|中心|公司|学校|医院|[县区市镇乡村局委办院所部厅站队处])(?=[{CJK}])")
LEAD_SENTENCE_END = re.compile("[。！？!?]")


def _lead_names_its_unit(headline: str, first: str) -> bool:
    """A headline over undated text still opens an item when its first sentence names the unit the headline
    opens with ("紫荆镇扎实推进人居环境整治" over "为进一步…，紫荆镇持续开展…") or opens with the leader the
    headline names and his party ("甲一行…"): a section's sub-heading
    ("宣传进万家", "坚持党建引领") names no unit, or not the one its text goes on about."""
    leader = LEADER_LEAD_RE.match(first)
    if leader is not None and leader.group("name") in headline:
        return True   # "县委书记甲调研工业园区建设" over "甲一行先后来到…": the leader the headline names
    m = HEADLINE_UNIT_RE.match(headline)
    if m is None:
        return False
    end = LEAD_SENTENCE_END.search(first)
    return m.group() in first[:end.start() if end else len(first)]


# Who a headline says held the event: the nouns before its event word ("县委召开全委会", "县长甲调研…").
# (what opens a phrase that says what was done: a verb, an adverb, a preposition)
NOT_SUBJECT_TAGS = ("v", "a", "d", "p", "c", "u")
SUBJECT_MIN = 2
DATE_LEAD_REACH = 24   # DATE_LEAD's longest match, with room to spare


def _lead_names_who_held_it(headline: str, first: str) -> bool:
    """A headline saying who held an event over undated text opens an item when the lead's first sentence names
    the same holder ("县委召开全委会" over "今年以来，县委书记甲主持召开…", "为进一步…，县委书记甲…") or its
    second sentence is dated: a section's sub-heading opens with what was done ("召开动员大会", "强化督导检查"),
    not who did it."""
    event = EVENT_WORDS.search(headline)
    if event is None or event.start() < SUBJECT_MIN or _part_form(headline) is not None:
        return False   # (a round-up's part: "青阳镇：召开专题会议传达精神")
    subject = headline[:event.start()]
    tags = tag_raw(subject)
    if not tags or tags[0][1].startswith(NOT_SUBJECT_TAGS):
        return False
    end = LEAD_SENTENCE_END.search(first)
    if end is not None and DATE_LEAD.match(first[end.end():end.end() + DATE_LEAD_REACH]):
        return True   # "台风即将来袭。11月28日，副县长甲主持召开…": the scene, then the dated report
    sentence = first[:end.start() if end else len(first)]
    name = tags[-1][0] if tags[-1][1] == "nr" and len(tags[-1][0]) >= SUBJECT_MIN else None
    return subject in sentence or name is not None and name in sentence


# A leader's visit told from its first words: the leader's name and his party ("甲一行先后来到…", "乙带队深入…").
LEADER_LEAD_RE = re.compile(f"^(?P<name>[{CJK}]{{2,3}}?)(?:一行|带队|率队)")


def _closed(rest: list[tuple[str, str]]) -> bool:
    """An article's last line closes it: a credit line of who wrote or edited it, or text ending in such a
    credit bracket ("…。（记者 甲）", "…。（县文明办 乙）"). A photographer's credit closes a photo news item
    (one caption, no writer credited), not a feature whose picture stands between its sections."""
    kind, text = rest[-1]
    if kind == BYLINE and UNIT_SENT_IN.match(text):
        return True   # "（作者单位：县委宣传部）", "（供稿单位：某某镇）": the unit signing it, as a writer would
    if kind == BYLINE:
        credits = parse_credits(text)
    elif kind == PROSE and (closing := _closing_credit(text)) is not None:
        credits = closing[1]
    elif kind == PROSE and text.endswith(("）", ")")) and (signed := _names_signed(text)) is not None \
            and sum(1 for k, _ in rest if k == PROSE) - (signed[0] == 0) >= SIGNED_BODY_MIN:
        credits = [(n, "reporter") for n in signed[1]]   # "…。（甲）" closing a text of several paragraphs
    elif kind == PROSE and (photo := _caption_photo(text)) is not None:
        credits = _photo_credits(photo)   # "▲…采摘茶叶。通讯员 甲 摄"
    else:
        return False
    if _writers(credits):
        return True
    return bool(credits) and sum(1 for k, _ in rest if k == PROSE) <= 1 and not any(k == BYLINE for k, _ in rest[:-1])


def _writers(credits: list[tuple[str, str]]) -> bool:
    return any(role != "photographer" for _, role in credits)


# Labels of what follows an article as its appendix ("相关链接", "编后", "记者手记"): a part of it, never a
# new article's headline or kicker.
APPENDIX_LABEL_RE = re.compile(r"^(?:相关链接|链接|背景链接|背景资料|背景|延伸阅读|编后|编后语|记者手记|采访手记|小贴士|名词解释)[：:]?$")


def _article_blocks(blocks: list[_Block]) -> list[_Block]:
    """Fold sub-heading blocks into the article above them; not after an article that closed with its credit
    ("…。⏎本报记者 甲⏎<headline>⏎<text>", "…。（记者 甲）⏎<headline>⏎<text>": the headline opens the next one)."""
    out: list[_Block] = []
    short = [_short_section_head(b) for b in blocks]
    lone_colon = sum(1 for b in blocks if b.head and _part_form(b.head[-1]) == "colon") == 1
    for k, block in enumerate(blocks):
        appendix = block.head and APPENDIX_LABEL_RE.match(block.head[0]) is not None
        # two short sub-headings in a row under one title head its sections ("抓学习促提升" / "…" / "抓落实促发展");
        # block 0 is the title's own, never a section of one
        beside = k > 1 and short[k - 1] or k + 1 < len(blocks) and short[k + 1]
        run = short[k] and beside
        if out and (_round_up_part(out, block) or run and bool(out[-1].head) and not _closed(out[-1].rest)):
            if len(out) == 1 and len(out[0].head) > 1 and _part_form(out[0].head[-1]) \
                    and _part_form(out[0].head[-1]) == _part_form(block.head[-1]):
                # the round-up's first part's heading stood under its title: the text's, not a deck (headed as
                # this part is: a headline naming its unit before a colon, "某某县：用好红色资源", over parts
                # numbered "一、…" is the title, not a part)
                out[0].rest.insert(0, (HEAD, out[0].head.pop()))
            out[-1].rest.extend([(HEAD, h) for h in block.head] + block.rest)
        elif not out or not block.head or _opens_article(block, beside, lone_colon) or _closed(out[-1].rest) and not appendix \
                or block.rest[-1][0] == BYLINE and (block is not blocks[-1] or _signs_itself(out[-1])
                                                    and not _photos_of_the_sections_above(out[-1], block)) \
                or _signed_under_a_dated_report(out[-1], block) or _captioned_photo_item(out[-1], block) \
                or _brief_signed_under_a_signed_report(out[-1], block):
            out.append(block)
        else:
            out[-1].rest.extend([(HEAD, h) for h in block.head] + block.rest)
    return out


def _captioned_photo_item(above: _Block, block: _Block) -> bool:
    """A headline or a label over one caption that its photographers alone sign ("图片新闻" / "初雪过后，…。图为环卫
    工人…。 记者 甲 摄", "灾后自救 重建家园" / "…。 本报记者 乙 摄"): a photo news item of its own, not a picture of the
    text above, unless one who wrote that text took it."""
    if len(block.rest) != 1 or block.rest[0][0] != PROSE:
        return False
    text = block.rest[0][1]
    if (photo := _caption_photo(text)) is None:
        return False
    credits = _photo_credits(photo)
    if not credits or _writers(credits):
        return False
    above_credits = [c for kind, line in above.rest if kind == BYLINE for c in parse_credits(line)]
    above_credits += [c for kind, line in above.rest[:1] if kind == PROSE and (m := _byline_prefix(line))
                      for c in parse_credits(m.group())]
    return {n for n, _ in credits}.isdisjoint(n for n, _ in above_credits)


# A headline at least this long over a text its writers sign is an item's, under a dated report.
SIGNED_HEADLINE_MIN = 8
SHORT_REPORT_LINES = 2


def _signed_under_a_dated_report(above: _Block, block: _Block) -> bool:
    """The page's last block, signed by its writers ("（记者 甲 通讯员 乙）"), is an item of its own under a
    dated report with no credit of its own ("县委召开常委会⏎3月2日，县委书记甲主持召开…"⏎"景谷县开展森林防火督导
    检查⏎入春以来，…⏎（记者 乙）"): the credit signs the item under its long headline; a feature's sub-heading is
    short, and an editors' sign-off closes the whole text."""
    if not above.head or len(block.head[-1]) < SIGNED_HEADLINE_MIN or not _closed(block.rest):
        return False
    kind, last = block.rest[-1]
    closing = parse_credits(last) if kind == BYLINE else (c[1] if (c := _closing_credit(last)) is not None else [])
    if not any(role == "reporter" for _, role in closing):
        return False   # "一审：甲 二审：乙": the editors sign the whole text
    first = above.rest[0][1]
    # (a short report, one or two paragraphs, with no sub-heading folded into it: a feature's first section
    # under its title runs longer)
    return (DATE_LEAD.match(first) is not None or _byline_prefix(first) is not None) \
        and len(above.rest) <= SHORT_REPORT_LINES and all(kind == PROSE for kind, _ in above.rest)


def _brief_signed_under_a_signed_report(above: _Block, block: _Block) -> bool:
    """One paragraph under its headline, closed by its writers' names alone ("冬种油菜正当时⏎近日，…。（甲 乙）"),
    under a report whose dateline already names its reporters ("本报讯（记者 丙）…"): a brief of its own, as no
    report signs twice; a feature's last section signed so sits under a text that credits no one above it."""
    if not above.head or len(block.rest) != 1 or block.rest[0][0] != PROSE or not block.rest[0][1].endswith(("）", ")")):
        return False
    signed = _names_signed(block.rest[0][1], cut_runs=False)
    if signed is None:   # (or its writers with their role: "…。（通讯员 甲）")
        closing = _closing_credit(block.rest[0][1])
        signed = (closing[0], [n for n, role in closing[1] if role == "reporter"]) if closing is not None else None
    if signed is None or signed[0] == 0 or not signed[1]:
        return False
    first_kind, first = above.rest[0]
    prefix = _byline_prefix(first) if first_kind == PROSE else None
    writers = {n for n, role in parse_credits(prefix.group()) if role == "reporter"} if prefix is not None else set()
    return bool(writers) and writers.isdisjoint(signed[1])


# A section's sub-heading in a run of them: a phrase this short, even naming a unit ("大岭镇抓产业").
SECTION_HEAD_MAX = 6


def _short_section_head(block: _Block) -> bool:
    """A block headed by one short phrase over an undated paragraph and signed by no one: a section of a text
    when another such block stands beside it (a dated paragraph under a short headline is a brief of its own:
    "樱桃红了" / "5月6日，某乡万亩樱桃…")."""
    if len(block.head) != 1 or not block.rest or block.rest[0][0] != PROSE or _byline_prefix(block.rest[0][1]) \
            or DATE_LEAD.match(block.rest[0][1]) \
            or any(kind in (BYLINE, META, FIELD_LINE) for kind, _ in block.rest) or _closed(block.rest):
        return False
    line = block.head[0]
    return _cjk_count(line) == len(line) and (len(line) <= SECTION_HEAD_MAX or len(line) <= SUBHEAD_MAX
                                              and HEADLINE_UNIT_RE.match(line) is None) \
        and not EVENT_WORDS.search(line) and line not in NOTICE_KINDS   # ("招聘启事", "遗失声明": a notice's own)


# A round-up's part headed by the unit or place it reports ("青禾镇：隐患排查全覆盖", "【柳河乡】") …
PART_COLON_RE = re.compile(f"^[{CJK}]{{2,10}}[：:][^：:。！？!?，,]{{2,20}}$")
PART_BRACKET_RE = re.compile(f"^【[{CJK}]{{2,10}}】$")
# ... or numbered ("一、高位推动", "（二）全民参与", "3.强化保障").
PART_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])"
                              r"[^。！？!?]{2,24}$")
# A section's sub-heading is a short phrase ("重温入党誓词", "宣传进万家"); an item's headline says who did what.
SUBHEAD_MAX = 8


def _part_form(line: str) -> str | None:
    if PART_BRACKET_RE.match(line):
        return "bracket"
    if PART_NUMBERED_RE.match(line):
        return "numbered"
    return "colon" if PART_COLON_RE.match(line) else None


def _round_up_part(out: list[_Block], block: _Block) -> bool:
    """A block that is a section of the article above, though a dated paragraph follows its heading:
    a part of a round-up headed as the part under its title was ("各地开展安全生产月活动" / "青禾镇：隐患排查
    全覆盖" / "6月3日，…" / "柳塘乡：应急演练进企业" / "6月5日，…"), or a short sub-heading over a dated
    paragraph under an article that signed itself with its byline or dateline ("本报讯（记者 甲）7月1日至5日，
    全县开展…系列活动。" / "重温入党誓词" / "7月1日上午，…"): the items of a paper's page each carry their own."""
    if len(block.head) != 1 or any(kind in (BYLINE, META, FIELD_LINE) for kind, _ in block.rest) \
            or _byline_prefix(block.rest[0][1]) is not None or _closed(block.rest) or _closed(out[-1].rest) \
            or _brief_signed_under_a_signed_report(out[-1], block):
        return False
    line = block.head[0]
    form = _part_form(line)
    if form is not None:
        above = out[-1]
        # the first part under the page's title, or a part already folded into the round-up above
        # (a column's label over them heads items: "工作动态" / "1.县人社局举办招聘会")
        return len(out) == 1 and len(above.head) > 1 and _part_form(above.head[-1]) == form \
            and _part_form(above.head[0]) is None and not _is_kicker(above.head[0]) \
            or any(kind == HEAD and _part_form(text) == form for kind, text in above.rest)
    return block.rest[0][0] == PROSE and DATE_LEAD.match(block.rest[0][1]) is not None \
        and _cjk_count(line) == len(line) and len(line) <= SUBHEAD_MAX and HEADLINE_UNIT_RE.match(line) is None \
        and not EVENT_WORDS.search(line) and _signs_itself(out[-1]) and bool(out[-1].head) \
        and not section_label(line) \
        and not (len(block.rest) == 1 and "摄" in block.rest[0][1][-CAPTION_FIRST_WINDOW:])
    # (a column's label, "简讯" / "5月12日，…", heads the briefs below it; a dated caption its photographer signs,
    # "薰衣草花开满园" / "8月24日，…。 摄影：甲", is a photo news item)


# A headline wrapped onto a second line where no headline line ends or starts: after a joining word
# ("…整治提升" / "暨美丽乡村建设现场推进会", "关于做好…基本医疗保险" / "参保缴费工作的通知").
WRAPPED_HEAD_END_RE = re.compile("(?:暨|及|和|与|的|、|关于|(?:19|20)\\d{2}年度?|第)$")   # (a year or 第 ends no headline)
WRAPPED_HEAD_START_RE = re.compile("^(?:暨|的|、|及(?!时))")
# A title wrapped over two lines is at most this long, and at least this long to be found in its lead.
WRAPPED_TITLE_MAX = 60
WRAPPED_TITLE_MIN = 12
# ... or the row ends in a verb whose object the next row holds: a verb that always takes one, or the lead says
# the row's last word and the next row as one ("县政协视察" / "全县农村危房改造工作" over "…视察全县农村危房改造工作。").
HEADLINE_OPEN_VERBS = tuple(section_words("page_notes.txt", "headline_open_verbs"))
WRAPPED_OBJECT_MIN = 6
# ... or the row under it says only that the meeting the row names was held ("全县脱贫攻坚成果巩固" / "誓师大会召开"):
# no deck, which would say more, and no title, which would name the meeting
# (a short row, "誓师大会召开", "工作会议召开"; one naming the body that met, "县委常委会召开", is a title of its own)
WRAPPED_HELD_RE = re.compile("^[\u4e00-\u9fff“”]{0,4}(?:会议|大会|会|论坛|仪式|典礼)(?:召开|举行|举办|开幕|闭幕)$")
HELD_VERB_RE = re.compile("召开|举行|举办|开幕|闭幕")
# ... or the row is a place and the verb of holding alone ("江川区召开" / "2021年烤烟生产" / "工作推进会"): it names
# nothing held, so the rows under it hold what it held, as far as the lead says them as one (a body that met,
# "县委常委会召开", may close a headline)
PLACE_HOLDS_RE = re.compile("^[\u4e00-\u9fff]{1,6}?(?:区|县|市|镇|乡|街道|旗)(?:召开|举行|举办)")
# ... or a shorter row with no verb that the lead says after the row's last word ("某县召开乡村振兴" / "工作会议" over
# "…召开2021年乡村振兴工作会议"): the wrapped end of what the title names, no deck
WRAPPED_TAIL_MIN = 3
# ... or the row names only who acts, as the lead does ("县委理论学习中心组" / "专题学习…")
HEADLINE_SUBJECT_ENDS = tuple(section_words("page_notes.txt", "headline_subject_ends"))
SUBJECT_ROW_MAX = 12
VERB_LEN = 2


def _unwrapped_head(head: list[str], lead: str) -> list[str]:
    """Headline lines put back together where the page wrapped one title: the break falls on a joining word,
    or the lead's first sentence says the two lines as one ("…召开…整治提升" / "暨…推进会" over "3月28日，
    …召开…整治提升暨…推进会。"). The paper's name alone over the headline ("怀溪江报" / "县领导会见…", its date
    line gone as furniture) is its masthead: no title's first half, whatever word its last character and the
    headline's first make ("报县")."""
    out = head[:1]
    for line in head[1:]:
        joined = out[-1] + line
        if " " in joined:
            # OCR's spaces left in the rows ("我县召开 2023 年 度 项目建设" / "推进 大会"): one title when the lead
            # says the rows as one without them
            flat = joined.replace(" ", "")
            # (spaced phrases read as a kicker's, "坚持生态优先 推动绿色发展"; the lead saying both rows as one is
            # the stronger word)
            if WRAPPED_TITLE_MIN <= len(flat) <= WRAPPED_TITLE_MAX and flat in lead \
                    and not line.startswith(TITLE_DASHES) and not (len(out) == 1 and is_paper_name(out[0])):
                out[-1] = flat
            else:
                out.append(line)
            continue
        if len(joined) <= WRAPPED_TITLE_MAX and not line.startswith(TITLE_DASHES) \
                and not _is_kicker(out[-1]) and not SITE_NAME_LINE_RE.match(out[-1]) \
                and not (len(out) == 1 and is_paper_name(out[0])) \
                and (WRAPPED_HEAD_END_RE.search(out[-1]) or WRAPPED_HEAD_START_RE.match(line)
                     or len(joined) >= WRAPPED_TITLE_MIN and joined in lead or _cuts_a_word(out[-1], line)
                     or out[-1].endswith(HEADLINE_OPEN_VERBS) and _object_row(line)
                     or out[-1].endswith(HEADLINE_SUBJECT_ENDS) and len(out[-1]) <= SUBJECT_ROW_MAX and out[-1] in lead
                     or len(line) >= WRAPPED_OBJECT_MIN and out[-1][-VERB_LEN:] + line in lead
                     or len(line) >= WRAPPED_TAIL_MIN and out[-1][-VERB_LEN:] + line in lead and _object_row(line)
                     or (held := PLACE_HOLDS_RE.match(out[-1])) is not None
                     and (held.end() == len(out[-1]) or out[-1][held.end():] + line in lead)
                     or WRAPPED_HELD_RE.match(line) and not HELD_VERB_RE.search(out[-1])
                     and HEADLINE_UNIT_RE.match(line) is None
                     or (len(out) == 1 or len(out) == 2 and is_paper_name(out[0])) and len(out[-1]) <= SUBJECT_ROW_MAX
                     and _named_then_deed(out[-1], line, lead)):
            out[-1] = joined
        else:
            out.append(line)
    return out


# jieba's tags of a clause's verb or adverb: a row holding one says something of its own ("春耕生产有序推进" /
# "各地抢抓农时播种育秧" is a headline and its deck), where an object row names what the verb above it acts on
# ("县人大常委会开展" / "《草原法》执法检查").
CLAUSE_POS = frozenset({"v", "d", "ad"})


def _object_row(line: str) -> bool:
    return not any(pos in CLAUSE_POS for _, pos in tag_raw(line))


# jieba's tags of the words a row naming only a thing is made of ("海丰至汕城快速路": nz p ns n; "湖坑镇土楼旅游":
# a verb's noun use, vn, too).
NAMING_POS = frozenset({"n", "nz", "ns", "nt", "nr", "t", "p", "m", "q", "f", "s", "vn"})
DEED_ROW_MAX = 8


def _named_then_deed(row: str, line: str, lead: str) -> bool:
    """A row of nouns only and a short row under it saying what befell it, both named in the lead ("海丰至汕城快速路"
    / "鹿岭段主线贯通" over "近日，海丰至汕城快速路鹿岭段主线顺利贯通"): one title the column wrapped, no deck."""
    if len(line) > DEED_ROW_MAX:
        return False
    named = tag_raw(row)
    if not named or any(pos not in NAMING_POS for _, pos in named) \
            or named[0][0] not in lead and named[-1][0] not in lead:
        return False
    deed = tag_raw(line)
    verbs = [word for word, pos in deed if pos == "v"]
    return bool(verbs) and (deed[0][0] in lead or all(verb in lead for verb in verbs))


UNIT_LEVELS = frozenset("省市区县州镇乡村旗盟")


def _cuts_a_word(left: str, right: str) -> bool:
    """The break between two headline lines falls inside a word ("…基本医疗保" / "险参保缴费工作的通知"): a
    narrow column wrapped one title; no headline line ends mid-word."""
    if not (CJK_CHAR.match(left[-1:]) and CJK_CHAR.match(right[:1])) or left[-1] in UNIT_LEVELS:
        return False   # (a line ending in a unit's level: "聚焦白马镇" / "长石村…" is no 镇长 cut)
    return break_cuts_word(left, right)


def _draft(block: _Block, seq: int) -> ArticleDraft | None:
    parts = _split_byline(block.rest)
    body = parts.body
    if not body:
        return None
    if block.head or block.brief:
        # a one-paragraph item under its headline signed by its writer: "县医保局举办培训⏎…。（甲）", a column's
        # brief "■<headline>⏎…。（乙）", or one of the column's dated briefs after its first ("●5月6日，…。（丙）")
        # (People's Daily's signed paragraphs stand under no headline of their own, and no bullet opens them)
        # (there a run of characters is no names to cut: "…召开。（吴立明讲话）" is an aside)
        _take_signature(body, parts.credits, 1,
                        cut_runs=block.brief or block.head[-1].startswith(BRIEF_BULLET_TUPLE))
    head = _unwrapped_head(block.head, body[0]) if len(block.head) > 1 else block.head
    kicker, title, subtitle = choose_title(head, record=parts.record)
    if kicker is None and subtitle is not None and len(head) == 2 and (title, subtitle) == (head[0], head[1]) \
            and HEADLINE_UNIT_RE.match(title) is None and not EVENT_WORDS.search(title) \
            and HEADLINE_UNIT_RE.match(subtitle) is not None and _lead_names_its_unit(subtitle, body[0]):
        # "“最多跑一次”改革再提速" / "县行政服务中心实现“一窗通办”" / "近日，县行政服务中心…": the row naming the
        # unit the lead goes on about is the headline, the phrase over it its kicker
        kicker, title, subtitle = title, subtitle, None
    from_lead = not title
    if from_lead:
        title = title_from_lead(body[0])
    if not title:
        return None
    return ArticleDraft(seq=seq, title=title, kicker=kicker, subtitle=subtitle, byline=parts.byline,
                        source=byline_source(parts.byline) or parts.source, dateline=parts.dateline,
                        credits=parts.credits, body="\n".join(body), title_from_lead=from_lead, url=parts.url)


@dataclass(slots=True)
class _Parts:
    """What the lines below a headline hold besides the body."""
    byline: str | None = None
    credits: list[tuple[str, str]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    source: str | None = None     # a "来源：" field or a record's meta line
    dateline: str | None = None   # a record's date ("发布时间：…")
    url: str | None = None        # a source line's address
    record: bool = False          # a CMS record's meta line was among them


def _split_byline(rest: list[tuple[str, str]]) -> _Parts:
    """Byline lines/prefixes, credit lines, record meta lines, source fields and source lines leave the body."""
    parts = _Parts()
    bylines: list[str] = []
    credits = parts.credits
    body = parts.body
    lines = iter(rest)
    for kind, text in lines:  # up to the first body line, which may open with a byline
        if kind == BYLINE:
            bylines.append(text)
            credits.extend(parse_credits(text))
            continue
        if kind in NOT_TEXT and _take_field(parts, bylines, kind, text, lead=True):
            continue
        if text.startswith("【") and (unit := unit_label(text)) is not None \
                and DATE_LEAD.match(text[unit.end():]) is not None:
            text = text[unit.end():]   # "【县人社局】5月6日，…": the unit the lead is from, no part of its text
        m = _byline_prefix(text)
        if m and m.end() < len(text):
            bylines.append(text[:m.end()].strip())
            credits.extend(parse_credits(bylines[-1]))
            text = text[m.end():].lstrip()
        if "记者" in text[:REPORTER_REACH] or text.startswith("通讯员"):
            reporter = REPORTER_FROM.match(text)
            if reporter:
                credits.extend(parse_credits(reporter.group()))
        body.append(_without_credits(text, credits))
        break
    for kind, text in lines:
        if kind == BYLINE:
            bylines.append(text)
            credits.extend(parse_credits(text))
        elif kind in NOT_TEXT and _take_field(parts, bylines, kind, text, lead=False):
            continue
        # The cheap tests of _trailing_credit and _caption_credits inline: most body lines fail both.
        elif text.endswith(CREDIT_LINE_ENDS) or "/" in text or "／" in text or _may_end_with_reporter(text) \
                or "摄" in text[-CAPTION_FIRST_WINDOW:]:
            body.append(_without_credits(text, credits))
        else:
            body.append(text)
    if len(body) >= SIGNED_BODY_MIN:
        _take_signature(body, credits, SIGNED_BODY_MIN)
    parts.byline = bylines[0] if bylines else None
    parts.credits = list(dict.fromkeys(credits))
    return parts


# Names alone in brackets after the last sentence of a text of several paragraphs that credits no writer
# ("…取得实效。（甲）", "（甲 乙）"): the writers' signature of county papers and sites. A one-paragraph text with no
# headline over it keeps them (People's Daily signs its paragraphs so and its labels count them as people: see
# UNIT_CREDIT); under a headline it is a county paper's item (_draft).
SIGNED_BODY_MIN = 2
NAMES_SIGNED_RE = re.compile(f"(?:(?<=[。！？!?”\"])[ ]?|^)[(（](?P<names>[{CJK}][{CJK} ]{{1,12}})[)）]$")
NAMES_SIGNED_WINDOW = 16


def _take_signature(body: list[str], credits: list[tuple[str, str]], min_lines: int, cut_runs: bool = True) -> None:
    """The writers' names in brackets closing the body (_names_signed) go to the credits when no writer is
    credited and the text they sign has min_lines lines (a bracket on a line of its own signs those above)."""
    # (an editor's credit is no writer's: "…。（甲 乙）⏎编辑：丙")
    if any(role == "reporter" for _, role in credits) or not body or not body[-1].endswith(("）", ")")):
        return
    signed = _names_signed(body[-1], cut_runs)
    if signed is not None and len(body) - (signed[0] == 0) >= min_lines:
        credits.extend((n, "reporter") for n in signed[1])
        body[-1] = body[-1][:signed[0]].rstrip()
        if not body[-1]:
            body.pop()


def _prose_run(typed: list[tuple[str, str]]) -> int:
    """How many prose lines end the typed lines."""
    k = len(typed)
    while k and typed[k - 1][0] == PROSE:
        k -= 1
    return len(typed) - k


def _names_signed(text: str, cut_runs: bool = True) -> tuple[int, list[str]] | None:
    """Where a bracket of writers' names alone closing the text starts, and the names (two or three characters
    each, opening with a surname, none ending as a place or a unit's section does)."""
    m = NAMES_SIGNED_RE.search(text, max(0, len(text) - NAMES_SIGNED_WINDOW))
    if m is None:
        return None
    inner = m.group("names").replace(" ", "")
    pieces = m.group("names").split()
    # pieces of one character are halves of names OCR split ("（刘 丹）"): two-character names when every piece is
    # one and they pair up ("（谌 军 周 丽）"), else the run is cut by surnames
    halves = all(len(p) == 1 for p in pieces) and len(pieces) % 2 == 0
    names = [a + b for a, b in zip(pieces[::2], pieces[1::2])] if halves else pieces \
        if len(pieces) > 1 and all(len(p) > 1 for p in pieces) else _names(m.group("names")) if len(pieces) > 1 \
        else _run_names(inner) if len(inner) >= RUN_MIN and cut_runs else [inner] if _reads_as_name(inner) else []
    if not names or "".join(names) != inner or not all(_signs_as_writer(n) and n[-1] not in UNIT_ENDS for n in names):
        return None
    return m.start(), names


def _take_field(parts: _Parts, bylines: list[str], kind: str, text: str, *, lead: bool) -> bool:
    """Read a source line, a record meta line or a header-style field into `parts`; False for a field that
    is text: "标题：", and a "时间：" line once the body has begun (a notice's "时间：…地点：…")."""
    if kind == URL:
        parts.url = parts.url or text[len(SOURCE_LINE_LABEL):]
        return True
    if kind == META:
        # (a record's field alone, "主题分类：综合政务", is a meta line with no date: see _line_type)
        meta = record_meta(text) or (record_meta(text, record=False) if RECORD_FIELD_OPEN.match(text) else None)
        if meta is None:
            return False
        parts.record = True
        parts.dateline = parts.dateline or meta.date
        parts.source = parts.source or meta.source
        parts.credits.extend(meta.credits)
        return True
    m = FIELD.match(text)
    if m is None:
        return False
    key, value = m.group("key"), m.group("value").strip()
    if key.endswith(SOURCE_KEYS) or key == "作者":  # "来源：某某日报 编辑：张三": the source and the credits after it
        fields = record_meta(text, record=False)
        if fields is None:
            return False
        parts.source = parts.source or fields.source
        if fields.credits:
            bylines.append(text)
            parts.credits.extend(fields.credits)
    elif key in ("日期", "时间") and lead:
        parts.dateline = parts.dateline or value or None
    else:
        return False
    return True


# The mark that ends a report, which is no part of its text: "…。（完）".
END_MARKS = ("（完）", "(完)", "（全文完）", "(全文完)")


def _without_credits(text: str, credits: list[tuple[str, str]]) -> str:
    """A body line without its trailing credit bracket or caption photo credit; its credits (trailing, then
    caption) go to `credits`."""
    if text.endswith(END_MARKS):
        text = text[:text.rindex("(" if text.endswith(")") else "（")].rstrip()
    closing = _closing_credit(text)
    photo = CAPTION_TAIL.search(text) if closing is None and (text.endswith(CAPTION_TAIL_ENDS)
                                                              or "摄" in text[-CAPTION_FIRST_WINDOW:]) else None
    if closing is not None:
        credits.extend(closing[1])
        text = text[:closing[0]].rstrip()
    elif photo is not None:
        credits.extend(_photo_credits(photo))
        text = text[:photo.start()].rstrip()
    elif _may_end_with_reporter(text):
        reporter = REPORTER_TAIL.search(text, max(0, len(text) - REPORTER_TAIL_WINDOW))
        named = parse_credits(reporter.group("credit")) if reporter is not None else []
        if named and all(_opens_with_surname(n) for n, _ in named):
            credits.extend(named)   # without a bracket only names that open with a surname ("记者节快乐" is none)
            text = text[:reporter.start()].rstrip()
    credits.extend(_caption_credits(text))
    return text


def _opens_with_surname(name: str, surnames: frozenset[str] = SINGLE_SURNAMES) -> bool:
    return name[:1] in surnames or name[:2] in COMPOUND_SURNAMES


def _signs_as_writer(name: str) -> bool:
    """A piece of a signature in brackets may be a writer's name: two or three characters opening with a
    surname, not ending as a place or a unit's section does ("王家村", "宣传股"), and no label ("原创"); or an
    undotted Uyghur or Kazakh name ("阿不都热合曼")."""
    return 2 <= len(name) <= 3 and _opens_with_surname(name) and name[-1] not in PLACE_ENDS \
        and name[-1] not in SECTION_ENDS and name not in NOT_A_NAME or len(name) > 2 and _translit_name(name)


def _unit_credit(text: str) -> tuple[int, list[str]] | None:
    """Where a unit's signature (UNIT_CREDIT) starts at the end of the line, and its writers: the first cut
    after a unit's last character that leaves names of two or three characters opening with a surname."""
    if not text.endswith(CREDIT_BRACKET_ENDS):
        return None
    m = UNIT_CREDIT.search(text, max(0, len(text) - UNIT_CREDIT_WINDOW))
    if m is None:
        return None
    signed = m.group("signed")
    if signed.startswith("作者系"):
        return None   # the writer's post ("（作者系县农技中心高级农艺师）"), not a unit signing with its writers
    names = (" " in signed and _spaced_unit_writers(signed)) or _unit_writers(signed.replace(" ", ""))
    return (m.start(), names) if names else None


def _spaced_unit_writers(signed: str) -> list[str] | None:
    """The writers after a unit where spaces still part them ("县民政局 甲 乙", a bracket on a line of its own):
    each piece after the unit a name of two or three characters opening with a surname (a run of names glued
    together can be cut two ways: "宁海梅砚凯", "宁海" + "梅砚凯")."""
    unit, *names = signed.split()
    if not names or unit[-1] not in UNIT_ENDS and unit[-1] not in SECTION_ENDS or not all(map(_signs_as_writer, names)):
        return None
    return names


# The last characters of a unit's sections, which sign for it too ("（作者：县应急局 宣传股）").
SECTION_ENDS = frozenset("股科室组队所处办部")   # 部: a party committee's department ("（县委宣传部）")
# The key of a writer's field inside a credit bracket ("（作者：县应急局 甲）").
AUTHOR_KEY_RE = re.compile(r"^[ ]?作者[：:][ ]?")


def _unit_writers(signed: str) -> list[str] | None:
    """The writers after a unit in a signature ("县文明办甲乙丙" -> [甲乙丙]): the first cut after a unit's last
    character that leaves names of two or three characters opening with a surname; None if there is none."""
    for k in range(max(2, len(signed) - UNIT_WRITERS_MAX), len(signed) - 1):
        if signed[k - 1] not in UNIT_ENDS:
            continue
        rest = signed[k:]
        names = _run_names(rest) if len(rest) >= RUN_MIN else [rest]
        if names and "".join(names) == rest and all(map(_signs_as_writer, names)):
            return names   # "（城关镇王家村）" signs nobody: 王家村 is a village
    return None


def _closing_credit(text: str) -> tuple[int, list[tuple[str, str]]] | None:
    """Where the credit bracket closing a line starts, and who it credits: a trailing credit, whose unit and
    writer may follow 作者： ("（作者：县应急局 甲）"), else a unit's signature ("（县文明办 乙）"); None when the
    line ends in neither (a caption's photo credit, "…。甲 摄", is CAPTION_TAIL's)."""
    tail = _trailing_credit(text)
    if tail is not None:
        named = parse_credits(tail.group("credit"))
        if not named:   # "（作者：县应急局 甲）", "（某某镇甲供稿）": a unit, then its writer
            signed = AUTHOR_KEY_RE.sub("", tail.group("credit")[1:-1]).removesuffix("供稿").rstrip()
            named = [(n, "reporter") for n in _unit_writers(signed.replace(" ", "")) or ()]
            if not named and "供稿" in tail.group("credit"):
                return None   # "（县委办供稿）": a unit with no writer stays in the text
        return tail.start(), named
    unit = _unit_credit(text)
    return (unit[0], [(n, "reporter") for n in unit[1]]) if unit is not None else None


def _signs_above(prose: str, line: str) -> bool:
    """A bracket alone on its line that credits the prose line above it as a trailing bracket would
    ("（县文明办 甲）", "（通讯员 乙）"); names alone in a bracket are no credit (see UNIT_CREDIT)."""
    if len(line) > CREDIT_LINE_MAX or not line.endswith(CREDIT_BRACKET_ENDS):
        return False
    closing = _closing_credit(prose + line)
    return closing is not None and closing[0] >= len(prose) and bool(closing[1])


def _may_end_with_reporter(text: str) -> bool:
    """REPORTER_TAIL's cheap test: every match holds 记者 or 通讯员 within the window."""
    tail = text[-REPORTER_TAIL_WINDOW:]
    return "记者" in tail or "通讯员" in tail


def _trailing_credit(text: str) -> re.Match[str] | None:
    """TRAILING_CREDIT.search(text): only a line ending in a bracket can have one, and only near its end."""
    if not text.endswith(CREDIT_BRACKET_ENDS):
        return None
    return TRAILING_CREDIT.search(text, max(0, len(text) - TRAILING_CREDIT_WINDOW))


def _caption_credits(text: str) -> list[tuple[str, str]]:
    if "/" not in text and "／" not in text:  # every caption credit has its slash
        return []
    return [c for m in CAPTION_CREDIT.finditer(text) for c in parse_credits(m.group(0))]


def _is_kicker(line: str) -> bool:
    chunks = line.split(" ")
    return bool(BANNER_DOT.search(line)) or (len(chunks) > 1 and max(map(len, chunks)) <= KICKER_PHRASE_MAX) \
        or COLUMN_LABEL_RE.match(line) is not None or line.endswith(TITLE_DASHES + ("：", ":")) \
        or SECTION_LABEL_RE.match(line) is not None or _is_column(line)   # "要闻简报", "民生关注" over a headline


# A paper's standing column over an item (tasks/data/page_columns.txt): a known label, one of at most
# COLUMN_LABEL_MAX characters ending as such labels do, or any label alone in brackets ("【部门动态】").
COLUMN_SECTIONS = sections("page_columns.txt")
COLUMN_LABELS = frozenset(w for row in COLUMN_SECTIONS["labels"] for w in row)
COLUMN_ENDINGS = tuple(w for row in COLUMN_SECTIONS["endings"] for w in row)
COLUMN_LABEL_MAX = 6
BRACKETED_LABEL_RE = re.compile(r"^[【\[［][^】\]］]{2,12}[】\]］]$")   # (not a headline in brackets saying what was
# held: "【县委常委会召开会议】", as a station's bulletin prints its items' headlines)
# A series' theme and the place it looks at, over the item's headline ("乡村振兴看青衣"): the kicker, however
# the headline under it reads.
THEME_LABEL_RE = re.compile("^(?:" + "|".join(w for row in COLUMN_SECTIONS["themes"] for w in row) + f")看[{CJK}]{{1,4}}$")


def _is_column(line: str) -> bool:
    return line in COLUMN_LABELS or len(line) <= COLUMN_LABEL_MAX and line.endswith(COLUMN_ENDINGS) \
        and _cjk_count(line) == len(line) or BRACKETED_LABEL_RE.match(line) is not None and not EVENT_WORDS.search(line) \
        or "看" in line and THEME_LABEL_RE.match(line) is not None \
        or len(line) <= THEMED_LABEL_MAX and line.endswith(COLUMN_ENDINGS) and _themed_label(line)


# A known label or theme with a label's ending after it, longer than COLUMN_LABEL_MAX ("乡村振兴在行动").
THEMED_LABEL_MAX = 12
COLUMN_THEMES = frozenset(w for row in COLUMN_SECTIONS["themes"] for w in row)


def _themed_label(line: str) -> bool:
    return any(line.endswith(end) and (line[:-len(end)] in COLUMN_LABELS or line[:-len(end)] in COLUMN_THEMES)
               for end in COLUMN_ENDINGS)


def _is_deck(line: str) -> bool:
    # (a line opening with a dash is the deck under the title, whatever it says: "——写在…大会召开之际")
    return line.startswith(TITLE_DASHES + DECK_NOTES) or bool(DECK_WORDS.search(line)) and not EVENT_WORDS.search(line)


# Notes printed with a headline, about the item under it: its summary, the editor's note on it, the title it
# first ran under ("【摘要】上半年，…", "编者按：…", "原标题：…"). Part of the headline stack (its deck), never
# an item of their own nor the item's lead.
DECK_NOTES = section_words("page_notes.txt", "deck_notes")


def _with_deck_notes(typed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Deck notes joined to their headline stack: one right under a headline stays there; one over a headline
    stack (an editor's note over a column label and its item's headline) goes under that stack."""
    out = list(typed)
    for k, (kind, line) in enumerate(typed):
        if kind == HEAD or not line.startswith(DECK_NOTES):
            continue
        if k and out[k - 1][0] == HEAD:
            out[k] = (HEAD, line)
            continue
        end = k + 1
        while end < len(out) and out[end][0] == HEAD:
            end += 1
        if end > k + 1 and end < len(out):   # a headline stack follows, and something below it
            out[k:end] = out[k + 1:end] + [(HEAD, line)]
    return out


def _title_index(head: list[str]) -> int:
    notice = next((i for i, line in enumerate(head) if line.replace(" ", "") in NOTICE_KINDS), None)
    if notice is not None:
        return notice   # "遗失声明" under a letter's signature ("涧口乡村民 刘大娘"), which is no kicker of it
    for i, line in enumerate(head):
        if EVENT_WORDS.search(line) and not _is_kicker(line) and not _is_deck(line):
            return i
    if len(head) == 3:   # kicker, title, subtitle; unless the second line is the deck of the first
        if head[1].startswith(TITLE_DASHES) and COLUMN_LABEL_RE.match(head[1].lstrip("—-")) is not None:
            return 2   # "奋进新征程 建功新时代" / "——某某县高质量发展系列报道之三" / the title: the series' theme and label
        return 0 if head[1].startswith(TITLE_DASHES) else 1
    for i, line in enumerate(head):
        if not _is_kicker(line) and not _is_deck(line):
            return i
    # every line reads as a kicker: a column's label over a headline of short phrases ("读者来信" / "路灯亮了 心里暖了")
    return next((i for i, line in enumerate(head) if not _is_column(line)), 0)


def _record_title_index(head: list[str]) -> int:
    return next((i for i, line in enumerate(head) if _cjk_count(line) >= RECORD_TITLE_MIN), 0)


# A column's label in brackets opening a headline ("【县领导活动】…", "[图片新闻]…").
# (or before a bar: "组图｜金秋时节稻谷香", "聚焦两会｜代表委员热议…")
TITLE_COLUMN_RE = re.compile(r"^(?:[【\[［]([^】\]］]{1,12})[】\]］]|([^|｜丨 ]{2,6})[ ]?[|｜丨])[ ]?")
# A paper's dated page header ("2024年3月8日 星期五 今日4版", "2024年3月8日 星期五 农历甲辰年正月廿八"): the
# page's date, no headline's kicker; the paper's name may open it ("某某报 2013年10月17日 星期四").
# (the paper's name perhaps a 刊 or a 新闻, "某某晨刊", "某某新闻"; the scan's spaces perhaps inside its date)
PAGE_DATE_LINE_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}(?:[报報刊]|新闻|新聞)[ ]?|[A-H]\d{1,2}[ ]+)?"
                               r"(?:19|20)\d{2}[ ]?年[ ]?\d{1,2}[ ]?月[ ]?\d{1,2}[ ]?日[ ]?(?:星期|周)[一二三四五六日天]"
                               r"(?:[ ]?(?:农历[^ ]{2,12}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[^ ]{2,6}"
                               r"|(?:[A-H]\d{1,2}|0\d)[ ]?[\u4e00-\u9fff]{2,4}(?:[·・][\u4e00-\u9fff]{2,4})?|今日\d{1,2}版|第?[A-Z]?\d{1,2}版|[^ ]{0,8}版"
                               r"|[A-H]\d{1,2}"   # (a lettered page alone at the header's end: "… 某某新闻 A2")
                               r"|[\u4e00-\u9fff]{0,4}(?:要闻|新闻|综合|专版|专刊|副刊)))*$")
# A county paper's masthead printed as lines over its first headline: the paper's name alone ("桐溪报",
# "某某日报"), whose organ it is or who publishes it ("中共某某县委机关报 某某县融媒体中心主办"), the issue line
# ("2023年9月8日 第1842期 本期8版") and the page's label ("A2 综合", "第2版：要闻"): none is a headline.
MASTHEAD_LINE_RE = re.compile(
    r"^[^。！？!?，,《》—]{0,30}机关报[^。！？!?，,《》]{0,30}$"
    r"|^(?!.*由)(?:[^。！？!?，,：: 　]{2,24}(?:中心|社|县委|市委|区委|州委|旗委|委员会|宣传部|政府)"
    r"(?:主管(?:主办)?|(?:编辑)?(?:主办|出版))[ 　]?){1,2}$"   # (or who oversees it: "中共某某县委员会主管")
    # the paper's name in capitals, with its page and issue ("陇泉报 LONGQUAN BAO", "XIYUAN DAILY 第1版 今日8版")
    r"|^(?:[\u4e00-\u9fff]{2,6}报[ ]?)?[A-Z]{3,}(?: [A-Z]{2,})+(?: [^。！？!?，,]{0,20})?$"
    # a page's label with its number ("要闻·2", "综合 3")
    r"|^[\u4e00-\u9fff]{2,4}[ ]?[·・]?[ ]?\d{1,2}$"
    r"|^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[^。！？!?，,]{0,24}?(?:总)?第[ ]?\d{3,5}[ ]?期[^。！？!?，,]{0,20}$"
    # the paper's registration ("中共某某县委主办 国内统一连续出版物号：CN43-0099")
    r"|^[^。！？!?，,]{0,30}(?:国内统一连续出版物号|国内统一刊号|CN[ ]?\d{2}[ ]?-[ ]?\d{4})[^。！？!?，,]{0,30}$"
    r"|^(?:[A-H][ ]?\d{1,2}|第?[A-H]?[0-9一二三四五六七八九十]{1,2}[ ]?版)[ ]?[：:]?[ ]?[\u4e00-\u9fff]{2,6}$"
    r"|^第[ ]?[A-H]?[0-9一二三四五六七八九十]{1,2}[ ]?版$"   # the page's number alone ("第1版")
    # the paper's name, whatever it ends with, the issue's day and the page's number ("某某大众 2015年6月10日 第1版")
    # (the scan's spaces perhaps inside its name and date: "某昌 日报 2015年 4月 3日第三版")
    r"|^[\u4e00-\u9fff][\u4e00-\u9fff ]{1,9}[ ]*(?:19|20)\d{2}[ ]?年[ ]?\d{1,2}[ ]?月[ ]?\d{1,2}[ ]?日"
    r"(?:[ ]*(?:星期|周)[一二三四五六日天])?[ ]*第?[ ]?[A-H]?[0-9一二三四五六七八九十]{1,2}[ ]?版$"
    # ... or its label, or the issue's weekday, alone where the scan set the header's pieces apart ("A2", "星期二")
    r"|^[A-H][ ]?\d{1,2}$|^(?:星期|周)[一二三四五六日天]$"
    # the paper's name (perhaps after its media centre's) with the issue's month and the page's label
    # ("某某县融媒体中心 某某新闻 2024年9月", "某某报 2022年8月 乡镇 · 03版")
    r"|^[\u4e00-\u9fff]{2,16}(?:融媒体中心|报社|报|新闻)(?:[ ]+[\u4e00-\u9fff]{2,8}(?:报|新闻))?[ ]+(?:19|20)\d{2}年\d{1,2}月"
    r"(?:[ ]+[\u4e00-\u9fff]{2,4}(?:[ ]?[·・][ ]?\d{1,2}版?)?)?$")   # (with the day, a TV bulletin's title: "某某新闻 2023年11月10日")
# A government portal's name over its record ("龙潭县人民政府", "某某区人民政府网", "某某县人民政府 门户网站"): the
# site, not a kicker or a title, beside another headline line, nor the first line of one the page wrapped.
SITE_NAME_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,16}?(?:人民政府|政府)(?:[ ]?(?:信息公开|政务公开|政务服务)?(?:门户网站|门户网|网站)|网)?$"
                               # or a county's news site ("某某区新闻网", "某某县融媒网")
                               r"|^[\u4e00-\u9fff]{2,12}?(?:新闻网|新聞網|融媒网|融媒網|在线|在線)$"
                               # or the county's media centre, whose site it is ("某某县融媒体中心")
                               r"|^[\u4e00-\u9fff]{2,12}?(?:融媒体中心|融媒體中心|新闻中心|传媒中心|广播电视台)$"
                               # or the site's name and its section ("某某县人民政府 -- 某某要闻", "某某新闻网-时政")
                               r"|^[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|网站|网)[ ]?(?:--|-|－|—)[ ]?[\u4e00-\u9fff]{2,8}$"
                               # and the bodies issuing a document, over its title ("中共某某县委 某某县人民政府")
                               r"|^(?:[\u4e00-\u9fff]{2,16}?(?:委员会|人民政府|县委|市委|区委|州委|党委|党工委|办公室)[ 　]+)+"
                               r"[\u4e00-\u9fff]{2,16}?(?:委员会|人民政府|县委|市委|区委|州委|党委|党工委|办公室)$")
# An entry of a portal's list page above the record it leads to: a title and its date ("县医保局开展宣传月 2023-04-06").
LIST_ENTRY_RE = re.compile(r"^[^。！？!?]{4,60}?[ ]+[\[(（]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[\])）]?$")
# The paper's name alone ("桐溪报", "某某日报"): a masthead line only beside another one (a headline may end
# in 报: "好人终有好报", "知恩图报").
PAPER_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:日报|晚报|报)$")
REPORT_WORDS = tuple(section_words("page_notes.txt", "report_words"))


def is_paper_name(line: str) -> bool:
    """A paper's name alone ("乌兰塔拉报", "某某日报"), not a headline naming a report ("全县疫情通报")."""
    return PAPER_NAME_RE.match(line) is not None and not line.endswith(REPORT_WORDS)
# A daily's name ("岚川日报", "某某晚报") opening a headline stack is its masthead, never a kicker.
DAILY_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报)$")
# A paper's or a portal's section label standing over its items ("本版要闻", "县内新闻", "乡镇动态"): no
# headline of any one item.
SECTION_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:要闻|要聞|新闻|新聞|快讯|快訊|动态|動態|简讯|簡訊|短讯|短訊|资讯|資訊|简报|簡報"
                              r"|速递|速遞|速览|速覽|集锦|集錦)"
                              r"(?:[ ]?[（(]?第?[0-9一二三四五六七八九十]{1,4}期[)）]?)?$")   # its issue: "乡镇动态（第18期）"


# The office issuing a bulletin, printed under its label with its issue ("政务动态（第36期）" / "某某县人民政府办公室"):
# a unit's name alone, no headline of any one of its items. Under a label with no issue, a line ending as a unit's
# name does is a headline ("要闻" / "我县新建便民服务中心").
ISSUER_MAX = 20
ISSUE_RE = re.compile(r"第?[0-9一二三四五六七八九十]{1,4}期")


def _column_head(head: list[str]) -> bool:
    """A news column's label (or none) over its items, perhaps with the office that issues it."""
    labels = [section_label(line.strip(BRIEF_BULLETS)) for line in head]   # (or between two: "●简讯●")
    return all(label or k and labels[k - 1] and ISSUE_RE.search(head[k - 1]) is not None and len(line) <= ISSUER_MAX
               and _cjk_count(line) == len(line) and SIGNATORY_RE.search(line) is not None
               for k, (label, line) in enumerate(zip(labels, head))) and (any(labels) or not head)


def section_label(line: str) -> bool:
    """A page's section label, OCR's spaces between its characters or not ("本 版 简 讯": a short line of
    single characters, which the cleaner leaves as it is)."""
    return SECTION_LABEL_RE.match(line.replace(" ", "") if " " in line else line) is not None


def choose_title(head: list[str], *, record: bool = False) -> tuple[str | None, str, str | None]:
    """(kicker, title, subtitle) of a headline stack; ("", …) when there is no headline. Over a CMS record's
    meta line (`record`) the first line long enough for a headline is the record's title, whatever the
    others say; shorter lines above it are the site's navigation ("县政府", "政务公开")."""
    if not head:
        return None, "", None
    if len(head) > 1 and (DAILY_NAME_RE.match(head[0]) or is_paper_name(head[0])):
        # the paper's masthead over the headline ("乌兰塔拉报" / headline, its date line gone as furniture or read
        # as a record's meta line): no kicker, whose words would be read for people. A headline naming a
        # report ("我县再传捷报", "全县疫情通报") is no paper's name.
        head = head[1:]
    masthead = any(MASTHEAD_LINE_RE.match(line) for line in head)
    listing = sum(1 for line in head if LIST_ENTRY_RE.match(line)) >= 2   # a list page's entries, not a dated title
    # (a brief's bullet is no part of its headline: "●县政府召开常务会议")
    lines = [_without_media_mark(line).lstrip(BRIEF_BULLETS) or line for line in head
             if not PAGE_DATE_LINE_RE.match(line)
             and not MASTHEAD_LINE_RE.match(line) and not (masthead and PAPER_NAME_RE.match(line))
             and not (listing and LIST_ENTRY_RE.match(line))
             and not (len(head) > 1 and SITE_NAME_LINE_RE.match(line))]
    head = _distinct(lines) or (None if masthead else head)
    if head is None:
        return None, "", None   # a page's furniture alone over an item ("第1版" over "本报讯…"): no headline
    if _column_head(head):
        return " ".join(head), "", None   # a page's section label over an item with no headline of its own
    repeat = next((k for k in range(2, len(lines)) if lines[k].replace(" ", "") == head[0].replace(" ", "")), None) \
        if len(lines) > 2 else None
    if repeat is not None and lines[0] == head[0] and not lines[1].startswith(TITLE_DASHES):
        # a record's title over its text's own headline stack, which says it again under a kicker ("我县重点项目
        # 建设跑出加速度" / "聚焦…活动 推动高质量发展" / "我县重点项目建设跑出加速度" / "——一季度…"): the
        # record's title is the title; the stack's other lines are its kicker and its deck
        return (" ".join(lines[1:repeat]).rstrip("—-：:") or None, head[0],
                " ".join(line for line in lines[repeat + 1:] if line in head) or None)
    i = _record_title_index(head) if record else _title_index(head)
    title, extra = head[i], []
    chunks = title.split(" ")
    cut = next((k for k, chunk in enumerate(chunks[:-1]) if SPEECH_TITLE.search(chunk)), None)
    if cut is not None:
        title, extra = " ".join(chunks[:cut + 1]), [" ".join(chunks[cut + 1:])]
    kicker = " ".join(line.rstrip("—-：:") for line in head[:i]) or None
    column = TITLE_COLUMN_RE.match(title)
    if column and column.end() < len(title):   # "【县领导活动】县委书记甲调研…": the column's label is a kicker
        kicker, title = " ".join(filter(None, (kicker, column.group(1) or column.group(2)))), title[column.end():].lstrip()
    subtitle = " ".join(extra + head[i + 1:]) or None
    return kicker, title, subtitle


def _without_media_mark(line: str) -> str:
    """A title without the "（图）" / "（视频）" mark a CMS adds to records that have pictures."""
    if not line.endswith((")", "）", "】", "]")):
        return line
    return TITLE_MEDIA_MARK.sub("", line) or line


def _distinct(head: list[str]) -> list[str]:
    """Drop headline lines that repeat part of an earlier one (transcripts restate the heading in bold)."""
    out: list[str] = []
    seen: list[str] = []
    for line in head:
        key = line.replace(" ", "")
        if not any(key in earlier for earlier in seen):
            out.append(line)
            seen.append(key)
    return out


# Who the lead's news came from, before the news itself ("据县农业农村局消息，", "记者从县统计局获悉，"): no title.
# (or its date right after it, as older county papers set a unit's news: "据县委宣传部消息 2月19日，…")
LEAD_ATTRIBUTION = re.compile(r"^(?:据[^，,。；;]{2,24}?(?:消息|报道|统计|通报|介绍)|记者(?:近日)?从[^，,。；;]{2,24}?(?:获悉|了解到|得知))"
                              r"(?:[，,]|[ ]?(?=(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前))")


def title_from_lead(lead: str) -> str:
    """The first clause of the lead after its date and its attribution (at most LEAD_TITLE_MAX characters)."""
    lead = lead.lstrip("▲△ ")
    if lead[:1] in "(（" and (mark := PHOTO_ITEM_MARK.match(lead)) is not None:
        lead = lead[mark.end():]   # "（图）6月2日，志愿者在…": the photo item's mark, then its caption's own date
    text = LEAD_DATE_PREFIX.sub("", lead, count=1).strip()
    if text.startswith(("据", "记者")):
        text = LEAD_DATE_PREFIX.sub("", LEAD_ATTRIBUTION.sub("", text, count=1), count=1).strip() or text
    quote = QUOTE_OPEN.match(text)
    if quote:
        text = LEAD_DATE_PREFIX.sub("", text[quote.end():], count=1).strip()
    ends = [m.start() for m in CLAUSE_END.finditer(text)]
    cut = next((e for e in ends if e >= LEAD_CLAUSE_MIN), len(text))
    if cut <= LEAD_TITLE_MAX:
        return text[:cut].strip()
    return text[:word_end_before(text, LEAD_TITLE_MAX)].strip()


def word_end_before(text: str, limit: int) -> int:
    """Where the last word jieba reads that ends by `limit` ends: a title cut from a long lead stops between
    words, never inside a name (…国家副主席胡锦|涛 would give the people rules a 胡锦). `limit` itself when
    no word ends in the second half."""
    words = [w for w, _ in tag_raw(text[:limit + WORD_REACH])]
    best, at = 0, 0
    for k, word in enumerate(words[:-1]):
        at += len(word)
        if at > limit:
            break
        if word not in NAME_DOTS and words[k + 1] not in NAME_DOTS:   # no cut beside a dotted name's dot
            best = at
    return best if best > limit // 2 else limit


# ---------------------------------------------------------------- header pages
def _header_fields(typed: list[tuple[str, str]]) -> dict[str, str] | None:
    """标题/日期/来源 lines at the top of a crawled page, or None when the page has none."""
    fields: dict[str, str] = {}
    for kind, text in typed[:HEADER_LOOKAHEAD]:
        m = FIELD.match(text) if kind == FIELD_LINE else None
        if m is None:
            break
        fields.setdefault(m.group("key"), m.group("value").strip())
    return fields if fields.get("标题") else None


def _header_article(fields: dict[str, str], typed: list[tuple[str, str]]) -> list[ArticleDraft]:
    start = 0
    while start < len(typed) and typed[start][0] == FIELD_LINE:
        start += 1
    parts = _split_byline(typed[start:])
    if not parts.body:
        return []
    return [ArticleDraft(seq=0, title=fields["标题"], kicker=None, subtitle=None, byline=parts.byline,
                         source=next((v for k, v in fields.items() if k.endswith(SOURCE_KEYS) and v), None)
                         or byline_source(parts.byline) or parts.source,
                         dateline=fields.get("日期") or fields.get("时间") or parts.dateline, credits=parts.credits,
                         body="\n".join(parts.body), url=parts.url)]
