"""HTML pages: the declared encoding, the main text (trafilatura) and the metadata a news page carries.

Pure: bytes or text in, an ``HtmlPage`` out (or ``RejectError`` saying why there is no article in it).
Government CMS pages announce their metadata in a few stable places, read here before trafilatura's
own guesses: ``<meta name="ArticleTitle|PubDate|ContentSource">`` (the national government-site CMS
convention), Open Graph (``og:title``, ``og:url``, ``article:published_time``), ``<link rel=canonical>``
and the visible ``发布时间：… 来源：…`` line above the text. Main-text extraction keeps trafilatura's
precision-oriented settings: navigation, share buttons, footers (ICP numbers, phone lines) and link lists
are page furniture, and a page that is only furniture is refused rather than read as an article.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tasks.articles import CMS_ACCOUNTS, SELF_SOURCES, SENDER_ROLES, TITLE_MEDIA_MARK, parse_credits
from tasks.ingest import Decoded, RejectError, decode_bytes
from tasks.lexicon import section_words
from tasks.normalise import to_simplified

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
# A text file is HTML when it opens like a document (doctype, <html>, <head>) or holds <body>/<html>
# tags near its start; a markdown file with one HTML comment (xwlb's "<!--repaste.body.end-->") is not.
HTML_START_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
                           re.IGNORECASE | re.DOTALL)
HTML_TAG_RE = re.compile(r"<(?:html|body|head)\b[^>]*>", re.IGNORECASE)
HTML_SNIFF_CHARS = 4096
# <meta charset="gb2312"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 8192
# Declared labels -> the codec that reads them strictly; GB2312/GBK pages routinely use characters outside
# their declared set, which GB18030 (a superset) reads; Big5 pages are read by the ingest's Big5 family.
CHARSET_CODECS = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb_2312-80": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
    "big5": "big5", "big5-hkscs": "big5hkscs", "cp950": "cp950", "x-x-big5": "big5",
    "utf-8": "utf-8", "utf8": "utf-8",
}
ENCODING_FAMILY = {"gb18030": "gb18030", "big5": "big5", "big5hkscs": "big5", "cp950": "big5", "big5-hkscs": "big5",
                   "utf-8": "utf-8", "utf-8-sig": "utf-8"}

# Metadata names in order of trust (lower-cased; name= and property= both count).
TITLE_META = ("articletitle", "og:title", "twitter:title", "title")
DATE_META = ("pubdate", "publishdate", "article:published_time", "og:article:published_time", "og:published_time",
             "published_time", "publish_time", "dc.date.issued", "dc.date", "date", "firstpublishedtime")
SOURCE_META = ("contentsource", "source", "og:site_name")
URL_META = ("og:url",)
# Visible header lines of a CMS article: "发布时间：2022-11-25 18:30 来源：巫山县融媒体中心 字号：大 中 小".
DATE_LINE_RE = re.compile(r"(?P<label>发布时间|發布時間|发布日期|發布日期|发稿时间|发表时间|时间|時間|日期)\s*[:：]\s*"
                          r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
# Labels of the publication's date, and of an open-government record's other dates (生成日期, 成文日期).
PUBLISHED_LABELS = ("发布", "發布", "发稿", "发表")
OTHER_DATE_LABELS = ("生成", "成文", "印发", "更新", "录入")
SOURCE_LABEL = r"(?:来源|來源|稿源|信息来源|发布机构|發布機構)\s*[:：]\s*"
SOURCE_LINE_RE = re.compile(SOURCE_LABEL + r"(?P<source>[^\s|｜:：<>]{2,30})")
# A trailing field glued to the source ("来源：某某网字号") is cut at these words.
SOURCE_TAIL_RE = re.compile(r"(?:字号|字體|字体|作者|编辑|責任編輯|责任编辑|浏览|点击|阅读|打印|分享|【).*$")
ISO_DATE_RE = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
COMPACT_DATE_RE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
# Credit fields of a CMS page ("作者：甲", "责任编辑：乙 丙"): names of two to four characters, each ending
# where no Han character and no field's colon follows ("作者：甲 浏览次数：" keeps 甲 alone).
# (or a two-character name padded to three, as older sites set it: "责任编辑：韦　丹")
# (or a dotted transliterated name, as Xinjiang and Inner Mongolia sites print them: "作者：甲甲甲·乙乙乙")
_CREDIT_NAME = r"(?:[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{1,6}){1,2}|[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff][ 　][\u4e00-\u9fff])(?![\u4e00-\u9fff·]|\s*[:：|｜丨])"
# (who sent the item in: the splitter's keys, articles.SENDER_ROLES)
CREDIT_FIELD_RE = re.compile(r"(?P<key>作者|记者|通讯员|撰稿|文字|摄影|摄像|责任编辑|编辑|责编|审核|校对|一审|二审|三审|"
                             + "|".join(SENDER_ROLES) +
                             r"|(?<![\u4e00-\u9fff])[文图](?=\s*[/／])"   # "文/甲　图/乙" in a block of its own
                             # (writer and pictures in one key before a colon: "文/图：甲")
                             r"|(?<![\u4e00-\u9fff])(?:文[/／]图|图[/／]文)(?=\s*[:：]))"
                             # (a bar for the colon: "记者｜甲 通讯员｜乙"; the outlet whose reporter the author is:
                             # "作者：某某日报记者 甲")
                             rf"\s*[:：/／|｜丨]\s*(?:[\u4e00-\u9fff]{{2,12}}?(?:记者|通讯员)\s*)?"
                             # (the roles the author had: "作者：文/图 甲")
                             r"(?:(?P<roles>[文图][/／][文图摄]|文图|图文)\s*)?"
                             rf"(?P<names>{_CREDIT_NAME}(?:[ 　、，,]+{_CREDIT_NAME})*)")
# A reporter named after the outlet in a source field, with no colon of its own.
SOURCE_REPORTER_RE = re.compile(SOURCE_LABEL + rf"[^\s|｜:：<>]{{2,30}}[ 　]+(?P<key>记者|通讯员)[ 　]*"
                                rf"(?P<names>{_CREDIT_NAME})")   # one name: the meta line's next words are fields
# The region a government or media site belongs to, from its name: "巫山县人民政府" -> 巫山县, "重庆市巫山县
# 融媒体中心" -> 巫山县 (the last unit before the body), "重庆市人民政府" -> 重庆市.
SITE_REGION_RE = re.compile(r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市))?"
                            r"(?P<region>[\u4e00-\u9fff]{1,9}?(?:自治县|自治旗|自治州|自治区|县|区|市|旗|州|盟|省))"
                            r"(?:人民政府|政府|融媒体中心|新闻中心|新闻网|政务网|信息网|门户网站|广播电视台|日报社|日报|报社)")
# <title> text often carries the site after a separator: "标题_某某县人民政府", "标题 - 某某网".
# (a dash written with no spaces separates only before a site's name: "…春耕备耕工作-桐柏县人民政府",
# "…——某某新闻网"; inside a headline it joins: "中欧—亚洲论坛")
TITLE_SITE_SEP_RE = re.compile(r"\s*(?:_|\||｜| - | — |－)\s*"
                               r"|(?<=[\u4e00-\u9fff）)》”])(?:--?|—{1,2})(?=[\u4e00-\u9fff][^-—_|｜]{0,30}?"
                               r"(?:政府|门户网站|网站|网|融媒体中心|新闻中心|日报|晚报|电视台)(?:$|\s*[-—_|｜]))")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# How far into the main text the headline may already stand (after a kicker line or two).
TITLE_LOOKAHEAD = 4
# Below this many Chinese characters, what trafilatura kept is not an article (a caption, a link label).
MIN_MAIN_CJK = 20


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str                  # main text, one paragraph per line
    title: str | None
    published: str | None      # YYYY-MM-DD
    source: str | None
    url: str | None
    credits: str | None = None  # credit fields printed outside the main text: "作者：甲 责任编辑：乙"
    region: str | None = None   # the county, district, city or province whose site or outlet published it


def is_html(text: str, name: str = "") -> bool:
    """Whether a decoded file is an HTML page: by its start, or an HTML suffix and HTML tags near the start."""
    head = text[:HTML_SNIFF_CHARS].lstrip("\ufeff")
    if HTML_START_RE.match(head):
        return True
    return name.lower().endswith(HTML_SUFFIXES) and HTML_TAG_RE.search(head) is not None


def declared_charset(data: bytes) -> str | None:
    m = META_CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes) -> Decoded:
    """The page's text: its <meta charset> when the bytes agree with it, else the ingest cascade's reading."""
    found = decode_bytes(data)   # BOMs, binary sniffing, strict UTF-8 -> GB18030 / Big5 cascade
    declared = declared_charset(data)
    if declared is None:
        return found
    codec = CHARSET_CODECS.get(declared)
    if codec is None:
        return found
    family = ENCODING_FAMILY.get(codec)
    if family == ENCODING_FAMILY.get(found.encoding) or found.encoding.startswith(("utf-16", "utf-32")):
        return found
    if found.encoding == "utf-8" and not found.text.isascii():
        # Valid non-ASCII UTF-8 is not an accident of GB or Big5 bytes: the declaration is wrong.
        return Decoded(found.text, found.encoding, _join(found.note, f"declared charset {declared} but the bytes "
                                                                   "are UTF-8; read as UTF-8"))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return Decoded(found.text, found.encoding, _join(found.note, f"declared charset {declared} does not fit "
                                                                   f"the bytes; read as {found.encoding}"))
    return Decoded(text, "big5" if family == "big5" else codec, None)


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def extract_html(html: str) -> HtmlPage:
    """An HTML page's main text and metadata; RejectError when no main text can be found."""
    import lxml.html
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except Exception as exc:  # lxml raises several types for pages it cannot build a tree from
        raise RejectError(f"HTML page cannot be parsed ({type(exc).__name__}: {exc}); save it again from a browser") from None
    meta = _meta(tree)
    doc = _trafilatura(tree)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    entries = _list_entries(tree)
    short = len(CJK_RE.findall(text)) < MIN_MAIN_CJK
    if short or _from_a_list(entries, text, own_head=bool(tree.xpath("//h1"))):
        # (trafilatura may keep nothing of a bare list of items: their text is then the page's whole text)
        items = _items_text(entries) if len(entries) >= LIST_ENTRIES_MIN else None
        if items is not None:
            # each item is read as a text page's items are; the page has no headline or date of its own
            return HtmlPage(text=items, title=None, published=None, source=_source_line(_visible_head(tree)),
                            url=_canonical(tree), region=_site_region(meta, tree, None))
        if short:
            raise RejectError("HTML page has no main text: only navigation, links or page furniture were found "
                              "(is it a list or index page?); save the article page itself")
        raise RejectError("HTML page is a list of linked items with their summaries, not an article; "
                          "save each article's own page")
    visible = _visible_head(tree)
    title = _first(meta, TITLE_META, skip_last=True) or getattr(doc, "title", None) or _title_tag(tree)
    title = _not_a_site(title) or _not_a_site(_title_tag(tree)) or _heading_in_page(tree) or _cell_heading(tree, text)
    published = (_date(_first(meta, DATE_META)) or _date_line(visible, _clean_title(title))
                 or _date_under_title(visible, _clean_title(title)) or _date(getattr(doc, "date", None)))
    source = _meta_value(meta, "contentsource") or _source_line(visible) or _meta_value(meta, "source")
    source = to_simplified(source) if source else None   # as the text is (a Traditional page's 來源)
    if source in SELF_SOURCES:   # "来源：本站": the site itself, by its name when the page gives it
        source = _site_name(meta, tree)
    url = _canonical(tree) or _first(meta, URL_META) or getattr(doc, "url", None)
    return HtmlPage(text=text, title=_clean_title(title), published=published, source=source, url=url,
                    credits=_credit_fields(visible, text, _meta_value(meta, "author")),
                    region=_site_region(meta, tree, source))


def _site_name(meta: dict[str, list[str]], tree) -> str | None:
    """The site's own name: the CMS's SiteName, og:site_name, else a part of the <title> named like a site."""
    named = meta.get("sitename") or meta.get("og:site_name")
    if named:
        return to_simplified(named[0].strip()) or None
    parts = [p for p in _title_parts(tree)[1:] if SITE_NAME_END_RE.search(p)]
    return to_simplified(parts[0]) if parts else None


def _not_a_site(title: str | None) -> str | None:
    """The title, unless it is a site's name alone ("桐湾县人民政府": a logo's <h1>, a <title> that names only
    the site, maybe with a space before 门户网站); the splitter then finds the headline in the text, or takes
    the lead's."""
    if not title:
        return None
    head = (_clean_title(title) or "").replace(" ", "")
    return None if SITE_REGION_RE.fullmatch(head) or SITE_NAME_ONLY_RE.fullmatch(head) else title


# An entry of a list page: a linked title and its date in one element ("<h3><a>…</a></h3><p>summary</p>
# <span>2023-05-18</span>"); a list of such entries whose summaries make most of the main text is no article.
LIST_DATE_RE = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}|(?<!\d)\d{1,2}-\d{1,2}(?!\d)")
LIST_ENTRY_MAX = 300
LIST_ITEM_MAX = 2000   # a whole item in a list of short ones
LIST_ENTRIES_MIN = 2
LIST_SHARE = 0.5
LIST_SUMMARY_MIN = 10    # Han characters an entry holds beside its link and date when it has a summary
LIST_OWN_TEXT_MIN = 30   # Han characters of a page's own text beside a list of bare links: a notice's


# The links to the neighbouring records under an article ("上一篇：… 2023-05-11"): no list's entries, so a text
# beside them (an article whose one link is an attachment) joins no list.
NEIGHBOUR_LINK_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇)(?:文章)?\s*[:：]?")


def _list_entries(tree) -> list[tuple[Any, Any]]:
    """The entries of the page's longest list of dated links, each as (its element, its link): siblings under
    one parent, each linking elsewhere (a notice's one attachment link and its date, or a 下一篇 link, make
    no list). A longer entry of the same kind joins a list of short ones (a column printing its items whole,
    one of them longer than the rest)."""
    by_parent: dict[str, dict[str, tuple[Any, Any, bool]]] = {}
    paths = tree.getroottree()
    for el in tree.iter("li", "div", "tr", "dd", "dl"):
        links = [a for a in el.iter("a") if a.get("href") and 6 <= len((a.text_content() or "").strip()) <= 60]
        if len(links) != 1 or el.getparent() is None:
            continue
        body = " ".join(el.text_content().split())
        if len(body) <= LIST_ITEM_MAX and LIST_DATE_RE.search(body) and not NEIGHBOUR_LINK_RE.match(body):
            # (keyed by the parent's path: lxml's element proxies are not kept, so their ids are not stable)
            by_parent.setdefault(paths.getpath(el.getparent()), {})[links[0].get("href")] = \
                (el, links[0], len(body) <= LIST_ENTRY_MAX)
    lists = []
    for entries in by_parent.values():
        short = [el.tag for el, _, is_short in entries.values() if is_short]
        lists.append([(el, link) for el, link, is_short in entries.values() if is_short or el.tag in short]
                     if len(short) >= LIST_ENTRIES_MIN else [])
    return max(lists, key=len, default=[])


def _entry_text(el) -> str:
    return " ".join(el.text_content().split()).replace(" ", "")


def _from_a_list(entries: list[tuple[Any, Any]], text: str, own_head: bool = False) -> bool:
    """Most of the main text comes from entries of a list of dated links (a column's index page with
    summaries): trafilatura keeps one or two summaries, each of a different story."""
    if len(entries) < LIST_ENTRIES_MIN:
        return False
    bodies = [_entry_text(el) for el, _ in entries]
    # (trafilatura writes a list's items with a bullet: "- 县委召开…")
    lines = [line.replace(" ", "").lstrip("-*•") for line in text.split("\n") if CJK_RE.search(line)]
    total = sum(len(CJK_RE.findall(line)) for line in lines)
    listed = sum(len(CJK_RE.findall(line)) for line in lines if any(line in body for body in bodies))
    if total == 0 or listed / total < LIST_SHARE:
        return False
    # a notice listing the documents it publishes (bare links, no summaries) under a headline and a text of its own
    # is an article (a column's index page has an introduction, but no headline of its own)
    bare = own_head and all(len(CJK_RE.findall(LIST_DATE_RE.sub("", _entry_text(el).replace(
        "".join((link.text_content() or "").split()), "", 1)))) < LIST_SUMMARY_MIN for el, link in entries)
    return not (bare and total - listed >= LIST_OWN_TEXT_MIN)


# A list page printing each short item whole (a 政务动态 column: headline, date, and the item's full text of a
# sentence or three) holds articles; a list of teasers ("…", "[详细]") or of bare links does not.
LIST_ITEM_MIN_CJK = 30
LIST_TEASER_END_RE = re.compile(r"(?:…+|\.{3,}|[\[【]?(?:详细|更多|全文|阅读全文)[\]】>»]*|>>|»)$")


def _entry_day(el) -> re.Match[str] | None:
    """The date an entry prints in an element of its own (<span>2023-05-20</span>), not one its text speaks of
    ("定于2023年6月1日起…" before it)."""
    for child in el.iter():
        if child is not el and (day := ISO_DATE_RE.fullmatch(" ".join((child.text_content() or "").split()))):
            return day
    return None


def _items_text(entries: list[tuple[Any, Any]]) -> str | None:
    """The entries as a text page's items (headline, date, text, each on its line), when every entry has a
    full date and a whole item's text; else None."""
    items = []
    for el, link in entries:
        head = " ".join(link.text_content().split())
        whole = " ".join(el.text_content().split())
        day = _entry_day(el) or ISO_DATE_RE.search(whole)
        rest = whole.replace(head, "", 1)
        rest = rest.replace(day.group(0), "", 1).strip() if day else ""
        if day is None or len(CJK_RE.findall(rest)) < LIST_ITEM_MIN_CJK or "。" not in rest \
                or LIST_TEASER_END_RE.search(rest):
            return None
        items.append(f"{head}\n{day.group(0)}\n{rest}")
    return "\n".join(items)


HEADING_XPATH = ("//h1 | //h2 | //h3 | //*[contains(@class, 'title') or contains(@id, 'title')]")
HEADING_MIN, HEADING_MAX = 5, 60
NAV_TEXT_RE = re.compile(r"[>›»|｜]|首页|当前位置|您的位置|所在位置")


def _heading_in_page(tree) -> str | None:
    """When <title> and the metadata name only the site: the page's first heading that is no site's name, no
    sentence and no longer than a headline ("<h1 class="logo">某区人民政府</h1><h2>某区举行…开工仪式</h2>")."""
    for el in tree.xpath(HEADING_XPATH):
        if el.tag in ("title", "head", "body", "html") or el.tag not in ("h1", "h2", "h3") and len(el) > 2:
            continue   # (a block of class "…title…" holding a whole list is no heading)
        text = " ".join(el.text_content().split())
        if HEADING_MIN <= len(text) <= HEADING_MAX and "。" not in text and not NAV_TEXT_RE.search(text) \
                and not ISO_DATE_RE.search(text) and _not_a_site(text):
            return text
    return None


# Older sites set the headline in a layout table's cell in bold or a large font, with no heading element
# ("<td align="center"><font size="4"><b>县委召开常委会议…</b></font></td>").
CELL_HEADING_XPATH = "//td//b | //td//strong | //td//font"
MAIN_TEXT_PROBE = 12   # characters of the main text looked for in the headline's table
# No headline: a record's field ("信息来源：县政府办公室"), a site's welcome banner ("欢迎访问…网站").
CELL_NOT_HEADING_RE = re.compile(r"[:：]|^欢迎")
# A <font> sets a headline when it is large ("4" and up, or "+1"); a bare coloured one sets anything.
LARGE_FONT_RE = re.compile(r"^\s*(?:\+\d|[4-7])")


def _cell_heading(tree, text: str) -> str | None:
    """When no heading element names the page either: the first bold or large-font text of a table cell that
    reads as a headline, in the same table as the main text's opening (a side column's labels are elsewhere)."""
    probe = next((line.strip()[:MAIN_TEXT_PROBE] for line in text.split("\n") if CJK_RE.search(line)), "")
    if not probe:
        return None
    for el in tree.xpath(CELL_HEADING_XPATH):
        if el.tag == "font" and not LARGE_FONT_RE.match(el.get("size") or ""):
            continue
        heading = " ".join(el.text_content().split())
        if not (HEADING_MIN <= len(heading) <= HEADING_MAX) or "。" in heading or NAV_TEXT_RE.search(heading) \
                or ISO_DATE_RE.search(heading) or CELL_NOT_HEADING_RE.search(heading) or not _not_a_site(heading):
            continue
        table = next(el.iterancestors("table"), None)
        if table is not None and probe in " ".join(table.text_content().split()):
            return heading
    return None


# A site's name with no region before its kind ("某某新闻网" is caught by SITE_REGION_RE only with one).
SITE_NAME_ONLY_RE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:人民政府|政府门户网站|门户网站|政府网)")


@cache
def _parser():
    import lxml.html
    # Comments and processing instructions never hold an article's text; huge_tree for very long pages.
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")


@cache
def _config():
    from trafilatura.settings import use_config
    # Its "discarding data" warnings repeat, per page, what the reject below says once.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    config = use_config()
    # Its timeout is a SIGALRM, which only the main thread may set; batches run on threads and workers.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    # Short county news items are real articles: trafilatura's defaults (250/200 characters) would send
    # them to its fallback extractors, which keep more furniture. MIN_MAIN_CJK judges the result instead.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "40")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "20")
    return config


PROSE_STOPS = 2   # full stops that make a <br> block prose rather than a footer's lines
# Elements that may sit inside a paragraph: a text block made of these and <br> is paragraphs written as lines.
INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "u", "font", "img", "sub", "sup", "small", "big"})


def _paragraphs_from_breaks(tree) -> None:
    """Text blocks of prose written as lines with <br> become <p> paragraphs: with favor_precision,
    trafilatura drops the text before a block's first <br> (a county site's first paragraph, the lead of the
    report). Only prose (sentences ending in 。): a footer's lines stay as they are, for trafilatura to drop."""
    from lxml import etree
    for block in list(tree.iter("div", "td")):
        children = list(block)
        if not (block.text and block.text.strip()) or not any(c.tag == "br" for c in children) \
                or any(c.tag not in INLINE_TAGS and c.tag != "br" and not _picture_holder(c)
                       for c in children if isinstance(c.tag, str)) \
                or block.text_content().count("。") < PROSE_STOPS:
            continue
        paragraphs = [etree.Element("p")]
        paragraphs[0].text = block.text
        for child in children:
            if child.tag == "br" or _picture_holder(child):
                # (a picture's own block between the lines ends a paragraph as a <br> does; the picture goes)
                paragraphs.append(etree.Element("p"))
                paragraphs[-1].text = child.tail
                block.remove(child)
            else:
                paragraphs[-1].append(child)   # moves it, its tail with it
        block.text = None
        block.extend(p for p in paragraphs if (p.text and p.text.strip()) or len(p))


# A bold heading run into its paragraph, parted from the text only by an indent ("<p>　　<strong>压实工作
# 责任</strong>　　县委书记甲…</p>"): no longer than this, and no sentence of its own.
RUN_IN_HEADING_MAX = 24
RUN_IN_GAP_RE = re.compile(r"^(?:\u3000\u3000|[ \u00a0]{2})")   # an indent: "<strong>县长甲</strong>　在会上…" goes on
HEADING_PUNCT_RE = re.compile(r"[。！？!?；;，,]")


def _run_in_headings_apart(tree) -> None:
    """A paragraph's opening bold heading becomes a line of its own: trafilatura joins it to the text with a
    space, which cleaning drops as an OCR space ("压实工作责任县委书记甲": the heading read as a title)."""
    from lxml import etree
    for p in list(tree.iter("p")):
        first = p[0] if len(p) else None
        if first is None or first.tag not in ("strong", "b") or (p.text or "").strip() \
                or not RUN_IN_GAP_RE.match(first.tail or "") or not (first.tail or "").strip():
            continue
        heading = first.text_content().strip()
        if not heading or len(heading) > RUN_IN_HEADING_MAX or HEADING_PUNCT_RE.search(heading):
            continue
        br = etree.Element("br")
        br.tail = first.tail.strip()
        first.tail = None
        first.addnext(br)


SECTION_BLOCK_CHILDREN = frozenset({"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                                    "blockquote"})


def _sections_as_blocks(tree) -> None:
    """WeChat editors (135editor, xiumi) wrap each paragraph and each section's heading in <section>s of its
    own; trafilatura (favor_precision) drops such a wrapper when its text is short, and with it the short
    paragraphs and the sub-headings. A wrapper of blocks gives way to them, a <section> of inline text is a
    paragraph. (A heading written inline beside blocks in one wrapper is still lost: only a heading in a
    <section> of its own is kept.)"""
    for section in reversed(list(tree.iter("section"))):   # the innermost first
        if any(child.tag in SECTION_BLOCK_CHILDREN for child in section):
            section.drop_tag()
        else:
            section.tag = "p"


# The labels of an open-government record's table of fields (索引号, 发布机构, 文号, 成文日期…), printed above
# its title; the metadata readers read them from the whole page.
RECORD_FIELD_LABELS = section_words("page_notes.txt", "record_fields")
RECORD_FIELDS_MIN = 2
# A field: its label, then a colon (a table of documents with a 文号 column holds no colons).
RECORD_FIELD_RE = re.compile("(?:" + "|".join(RECORD_FIELD_LABELS) + r")\s*[:：]")


def _drop_record_fields(tree) -> None:
    """An open-government record's table (or list) of fields leaves the text trafilatura reads: kept, it
    became the body's first line, glued to the notice's salutation."""
    for el in list(tree.iter("table", "ul", "dl")):
        if el.getparent() is None:
            continue
        text = el.text_content()
        if "。" not in text and len(RECORD_FIELD_RE.findall(text)) >= RECORD_FIELDS_MIN:
            el.drop_tree()


def _captions_as_paragraphs(tree) -> None:
    """A picture's caption (<figcaption>) becomes a paragraph: trafilatura drops figures with their pictures,
    and the caption names what the picture shows and who took it ("…收割稻谷。（赖永福 摄）")."""
    for caption in list(tree.iter("figcaption")):
        if caption.text_content().strip():
            caption.tag = "p"
            figure = caption.getparent()
            if figure is not None and figure.tag == "figure":
                figure.tag = "div"


def _picture_holder(el) -> bool:
    """A block that holds a picture and no text (<p align="center"><img></p>)."""
    return isinstance(el.tag, str) and el.tag in PICTURE_HOLDERS and not el.text_content().strip()


PICTURE_HOLDERS = frozenset({"p", "div", "center", "figure"})
BLOCK_TAGS = frozenset({"p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"})
CELL_TAGS = frozenset({"td", "th"})


def _layout_tables_as_blocks(tree) -> None:
    """Tables that lay out a page rather than hold data become plain blocks: one cell a row, or a cell that
    holds paragraphs (an old CMS page is a table whose cell holds the article). trafilatura keeps tables
    whole, so a layout table brought the navigation, the meta line and the footer into the text."""
    for table in list(tree.iter("table")):
        # the table's own rows and cells: a data table nested in a layout cell is judged on its own
        sections = [table, *(c for c in table if c.tag in ("tbody", "thead", "tfoot"))]
        rows = [r for sec in sections for r in sec if r.tag == "tr"]
        cells = [c for r in rows for c in r if c.tag in CELL_TAGS]
        if not rows or not (all(sum(1 for c in r if c.tag in CELL_TAGS) <= 1 for r in rows)
                            or any(child.tag in BLOCK_TAGS for c in cells for child in c)):
            continue
        for el in [*sections, *rows, *cells]:
            el.tag = "div"


# A block of page tools or links to the neighbouring records ("【打印本页】【关闭窗口】", "上一篇：…"): inside the
# article's own <div>, trafilatura (favor_precision) took the whole <div> for a link list and dropped it.
TOOL_BLOCK_RE = re.compile(r"^\s*(?:[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|加入收藏|字号|字体)\s*[】\]]?\s*"
                           r"(?:[:：]?\s*[大中小]?\s*)?)+$|^\s*(?:上一篇|下一篇|上一条|下一条)\s*[:：]")
TOOL_BLOCK_MAX = 80


TOOL_HINTS = ("打印", "关闭", "返回顶部", "收藏", "字号", "字体", "上一", "下一")


def _drop_tool_blocks(tree) -> None:
    for el in list(tree.iter("p", "div", "li", "span", "td")):
        # the words of a tool block stand in its own text or its children's: the whole text of an outer
        # <div> (the page, nested many times over) is built only for such a block
        near = [el.text or "", *((c.text or "") + (c.tail or "") for c in el)]
        if not any(h in t for t in near for h in TOOL_HINTS):
            continue
        text = el.text_content()
        if len(text) <= TOOL_BLOCK_MAX and TOOL_BLOCK_RE.match(text) and el.getparent() is not None:
            el.drop_tree()


def _trafilatura(tree):
    import copy
    import trafilatura
    # trafilatura prunes the tree it is given; the metadata readers below still need the whole page.
    tree = copy.deepcopy(tree)
    _drop_tool_blocks(tree)
    _drop_record_fields(tree)
    _captions_as_paragraphs(tree)
    _layout_tables_as_blocks(tree)
    _paragraphs_from_breaks(tree)
    _run_in_headings_apart(tree)
    _sections_as_blocks(tree)
    return trafilatura.bare_extraction(tree, favor_precision=True, include_comments=False,
                                       include_tables=True, include_images=False, include_links=False,
                                       with_metadata=True, config=_config(),
                                       date_extraction_params={"extensive_search": False, "original_date": True})


def _meta(tree) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            out.setdefault(key, []).append(value)
    return out


def _meta_value(meta: dict[str, list[str]], key: str) -> str | None:
    values = meta.get(key)
    return values[0] if values else None


def _first(meta: dict[str, list[str]], keys: tuple[str, ...], skip_last: bool = False) -> str | None:
    # skip_last: a bare <meta name="title"> is often the site's name; it is trusted only after the others.
    for key in keys[:-1] if skip_last else keys:
        if meta.get(key):
            return meta[key][0]
    return None


def _title_parts(tree) -> list[str]:
    titles = tree.xpath("//title/text()")
    return [p for p in TITLE_SITE_SEP_RE.split(titles[0].strip()) if p] if titles else []


def _title_tag(tree) -> str | None:
    parts = _title_parts(tree)
    return max(parts, key=len) if parts else None


def _site_region(meta: dict[str, list[str]], tree, source: str | None) -> str | None:
    """The region named by the site's name (the CMS's SiteName, og:site_name, the <title>'s other parts),
    else by the outlet the page credits as its source: people it names are keyed there, as a manifest's
    region keys them, not to the whole country."""
    for name in (*meta.get("sitename", ()), *meta.get("og:site_name", ()), *_title_parts(tree), source or ""):
        region = site_region(name)
        if region:
            return region
    return None


def site_region(name: str | None) -> str | None:
    """The region a site's or an outlet's name names ("巫山县人民政府" -> 巫山县, "雲溪縣人民政府" -> 云溪县), or
    None."""
    m = SITE_REGION_RE.match(to_simplified(name.strip())) if name else None
    return m["region"] if m else None


# The end of a site's name after the headline in a <title> ("…_青岩县人民政府", "… - 某某新闻网").
SITE_NAME_END_RE = re.compile(r"(?:政府|门户网站|网站|网|融媒体中心|新闻中心|日报|晚报|电视台)$")


# The site's name before the headline in an older CMS's <title> ("某某县人民政府--县政府召开…", "某某新闻网_标题").
# (named as a site only: a headline may end in 网, "织密安全防护网 - 某某县人民政府")
SITE_BEFORE_TITLE_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}?(?:人民政府|政府网|门户网站|政务网|新闻网|融媒体中心|新闻中心|日报|电视台)"
                                  r"\s*(?:--?|—{1,2}|_|\||｜|－|\s-\s)\s*(?=\S{4})")


def _clean_title(title: str | None) -> str | None:
    """The headline without the site's name before or after it and without a media mark ("…（图）", as a text
    record's)."""
    if not title:
        return None
    title = " ".join(title.split())
    for sep in TITLE_SITE_SEP_RE.finditer(title) if SITE_NAME_END_RE.search(title) else ():
        if sep.start():
            rest = title[sep.end():]
            if all(SITE_NAME_END_RE.search(p) for p in TITLE_SITE_SEP_RE.split(rest) if p):
                title = title[:sep.start()]
                break
    lead = SITE_BEFORE_TITLE_RE.match(title)
    # (not when what is left ends as a site's name does: "某某县人民政府-某某县人民政府门户网站" names only the site)
    if lead is not None and not SITE_NAME_END_RE.search(title):
        title = title[lead.end():]
    return TITLE_MEDIA_MARK.sub("", title) or None


def _visible_head(tree) -> str:
    """The start of the page's visible text, where CMS pages print 发布时间 and 来源 (scripts and styles out).
    Text nodes are joined by line breaks: a credit field ends with its element ("责任编辑：甲" then a share
    strip "分享到 微信" is no list of names)."""
    body = tree.find("body")
    if body is None:
        return ""
    pieces = []
    size = 0
    for el in body.iter():
        if el.tag in ("script", "style", "noscript") or not isinstance(el.tag, str):
            continue
        for chunk in (el.text, el.tail):
            if chunk and chunk.strip():
                pieces.append(chunk.strip())
                size += len(chunk)
        if size > 20000:
            break
    return "\n".join(pieces)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = ISO_DATE_RE.search(value) or COMPACT_DATE_RE.match(value.strip())
    return _iso(m) if m else None


def _date_line(text: str, title: str | None = None) -> str | None:
    """The date of the page's meta line: among the labelled dates from the headline on (all of them when
    the headline is not found), the first labelled as the publication's (发布日期, not 生成日期 or 成文日期
    of an open-government record), else the first. A sidebar's list or a top bar before the headline has
    dates of its own."""
    found = list(DATE_LINE_RE.finditer(text))
    at = text.find(title) if title else -1
    after = [m for m in found if m.start() >= at] if at >= 0 else []
    for near in (after, found):   # an open-government record's table of dates may stand above its title
        m = next((m for m in near if m["label"].startswith(PUBLISHED_LABELS)), None) or next(
            (m for m in near if not text.endswith(OTHER_DATE_LABELS, 0, m.start())), None)
        if m is not None:
            return _iso(m)
    return _iso(found[0]) if found else None


# How far after the headline's end a date printed with no label stands ("<span>2023年05月12日 10:21</span>").
BARE_DATE_REACH = 60


def _date_under_title(text: str, title: str | None) -> str | None:
    """The date standing right after the headline in the page's visible text, labelled or not."""
    at = text.find(title) if title else -1
    if at < 0:
        return None
    m = ISO_DATE_RE.search(text, at + len(title), at + len(title) + BARE_DATE_REACH)
    return _iso(m) if m else None


def _iso(m: re.Match[str]) -> str | None:
    from datetime import date
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def _source_line(text: str) -> str | None:
    m = SOURCE_LINE_RE.search(text)
    if m is None:
        return None
    source = SOURCE_TAIL_RE.sub("", m["source"]).strip()
    return source if len(source) >= 2 else None


def _credit_fields(visible: str, text: str, author: str | None = None) -> str | None:
    """The credit fields of the visible page that its main text lacks, as one line ("作者：甲 责任编辑：乙"):
    the author in the meta line above the text and the editor below it, which trafilatura leaves out, and a
    reporter named in the source field ("来源：某某县融媒体中心 记者 甲")."""
    kept = "".join(text.split())
    fields = []
    for m in SOURCE_REPORTER_RE.finditer(visible):
        field = f"{m['key']}：{' '.join(m['names'].split())}"
        if "".join(field.split()) not in kept and field not in fields:
            fields.append(field)
    for m in CREDIT_FIELD_RE.finditer(visible):
        mark = "/" if m["key"] in ("文", "图") else "："
        roles = f"{m['roles']} " if m["roles"] else ""
        field = f"{m['key']}{mark}{roles}{' '.join(m['names'].split())}"
        if "".join(field.split()) not in kept and field not in fields:
            fields.append(field)
    if not fields and author and AUTHOR_META_RE.fullmatch(author.strip()) and "".join(author.split()) not in kept:
        names = AUTHOR_SEP_RE.split(author.strip())
        field = f"作者：{' '.join(names)}"
        # people, each of them (not 某某县, 融媒体中心, 管理员, 信息科)
        if len(parse_credits(field)) == len(names) and not CMS_ACCOUNTS.intersection(names) \
                and not any(n.endswith(CMS_ACCOUNT_ENDS) for n in names):
            fields.append(field)
    return " ".join(fields) or None


# A page's <meta name="author"> naming people ("甲", "甲 乙"), not its site or a unit: the author when the
# visible page names none (CMS records whose meta line leaves the author out).
AUTHOR_META_RE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ 　、，,]+[\u4e00-\u9fff]{2,4}){0,3}")
AUTHOR_SEP_RE = re.compile(r"[ 　、，,]+")
CMS_ACCOUNT_ENDS = section_words("page_notes.txt", "cms_account_ends")


def _canonical(tree) -> str | None:
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if "canonical" in rel and href:
            return href
    return None


def page_text(page: HtmlPage) -> str:
    """The page as the splitter reads a text page: the headline on its own line above the main text (unless
    the text already opens with it), so that a page holding several articles is split like a text page."""
    lines = page.text.split("\n")
    at = next((k for k, line in enumerate(lines[:TITLE_LOOKAHEAD]) if page.title and _clean_title(line) == page.title),
              None)
    if page.title and at is None:
        lines.insert(0, page.title)
        at = 0
    if page.credits:
        # under the headline, where a byline stands: a credit line after the last paragraph would close an
        # item there, and the text's last sub-heading would open a second article above it
        lines.insert(at + 1 if at is not None else 0, page.credits)
    return "\n".join(lines)
