"""HTML pages: encoding from <meta charset>, main text without page furniture, headline/date/source/url."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tasks.batch import RawDocument, process_batch
from tasks.html import decode_html, extract_html, is_html
from tasks.ingest import ManifestEntry, RejectError, read_page

NOW = datetime(2026, 12, 3, tzinfo=timezone.utc)
BODY = ("<p>11月25日，巫山县召开全县疫情防控工作调度会，县委书记曹邦兴主持会议并讲话。</p>"
        "<p>会议听取了全县疫情防控工作情况汇报，研究部署下一阶段重点工作。曹邦兴强调，要坚决落实各项防控措施。</p>"
        "<p>县委副书记、县长付嘉康出席会议并就抓好会议精神落实提出具体要求。</p>")


def page(head: str = "", body: str = BODY, charset: str = "utf-8") -> str:
    """A county-government article page: navigation, breadcrumbs, scripts, share buttons, a footer."""
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>巫山县召开全县疫情防控工作调度会_巫山县人民政府</title>{head}
<script>var _hmt = _hmt || []; document.write("访问统计");</script><style>.nav {{ color: red }}</style>
</head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwxx">政务信息</a> &gt; 县内要闻</div>
<div class="article"><h1>巫山县召开全县疫情防控工作调度会</h1>
<div class="info">发布时间：2022-11-25 18:30 来源：巫山县融媒体中心 字号：<a>大</a><a>中</a><a>小</a></div>
<div class="content">{body}</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a> 【打印本页】【关闭窗口】</div></div>
<div class="footer"><p>主办单位：巫山县人民政府办公室 联系电话：023-57682345</p>
<p>渝ICP备05003300号-1 渝公网安备 50023702000001号</p></div>
<script>window.onload = function () {{ share("weixin"); }}</script>
</body></html>"""


META = ('<meta name="PubDate" content="2022-11-25 18:30"><meta name="ContentSource" content="巫山县融媒体中心">'
        '<link rel="canonical" href="http://www.cqws.gov.cn/zwxx/xwdt/202211/t20221125_1.html">')
FURNITURE = ("首页", "政务公开", "当前位置", "分享", "微信", "打印", "关闭窗口", "ICP", "023-57682345", "主办单位",
             "document", "_hmt", "<", ">", "字号", "var ")


def test_a_gb2312_page_is_read_with_its_meta_charset():
    data = page(META, charset="gb2312").encode("gb2312")
    decoded = decode_html(data)
    assert decoded.encoding == "gb18030" and "曹邦兴" in decoded.text
    result = read_page("wsx.html", data)
    assert result.title == "巫山县召开全县疫情防控工作调度会" and result.encoding == "gb18030"


def test_a_big5_page_declared_big5():
    text = ('<html><head><meta charset="big5"><title>基本工資</title></head><body><div class="content">'
            "<p>勞動部預計8月正式召開基本工資審議委員會，昨日先舉行工作小組會議，勞動部長林美珠主持。</p>"
            "</div></body></html>")
    decoded = decode_html(text.encode("big5"))
    assert decoded.encoding == "big5" and "勞動部長林美珠" in decoded.text


def test_a_declared_charset_the_bytes_disagree_with_is_not_trusted():
    decoded = decode_html(page(META, charset="utf-8").encode("gb18030"))
    assert decoded.encoding == "gb18030" and "曹邦兴" in decoded.text
    assert "declared charset utf-8 does not fit the bytes" in decoded.note
    decoded = decode_html(page(META, charset="gb2312").encode("utf-8"))
    assert decoded.encoding == "utf-8" and "are UTF-8" in decoded.note


def test_page_furniture_stays_out_and_metadata_comes_in():
    p = extract_html(page(META))
    assert p.title == "巫山县召开全县疫情防控工作调度会"
    assert p.published == "2022-11-25" and p.source == "巫山县融媒体中心"
    assert p.url == "http://www.cqws.gov.cn/zwxx/xwdt/202211/t20221125_1.html"
    assert "曹邦兴主持会议并讲话" in p.text and "付嘉康" in p.text
    for word in FURNITURE:
        assert word not in p.text, word


def test_open_graph_and_the_visible_date_line_when_there_is_no_cms_meta():
    og = ('<meta property="og:url" content="https://example.gov.cn/a/1.html">'
          '<meta property="og:title" content="巫山县召开全县疫情防控工作调度会">')
    p = extract_html(page(og))
    assert p.url == "https://example.gov.cn/a/1.html" and p.published == "2022-11-25"  # 发布时间： line
    assert p.source == "巫山县融媒体中心"                                                 # 来源： line
    p = extract_html(page('<meta property="article:published_time" content="2022-11-24T09:00:00+08:00">'))
    assert p.published == "2022-11-24" and p.url is None


def test_a_page_with_no_main_text_is_a_reject_saying_so():
    empty = "<html><head><title>页面</title><script>var a = 1;</script></head><body><div id=app></div></body></html>"
    with pytest.raises(RejectError, match="no main text"):
        read_page("app.html", empty.encode("utf-8"))


def test_a_list_page_of_links_is_a_reject():
    items = "".join(f'<li><a href="/{i}.html">巫山县召开第{i}次全县疫情防控工作调度会议部署工作</a><span>2022-11-{i:02d}</span></li>'
                    for i in range(1, 16))
    listing = (f'<html><head><meta charset="utf-8"><title>县内要闻</title></head><body><div class="nav">'
               f'<a href="/">首页</a></div><ul class="list">{items}</ul><div class="footer">渝ICP备05003300号</div>'
               "</body></html>")
    with pytest.raises(RejectError, match="no main text"):
        read_page("list.shtml", listing.encode("utf-8"))


def listing(summaries: list[str]) -> bytes:
    items = "".join(f'<div class="item"><h3><a href="/zwdt/{i}.htm">{head}</a></h3><span>2019-06-{10 - i:02d}</span>'
                    f"<p>{text}</p></div>" for i, (head, text) in enumerate(zip(
                        ["县政府召开防汛工作会议", "甲乙丙调研茶叶产业发展", "县政协召开主席会议"], summaries)))
    return (f'<html><head><meta charset="utf-8"><title>政务动态-某某县人民政府</title></head><body>'
            f'<div class="nav"><a href="/">首页</a> <a href="/zwdt/">政务动态</a></div><div class="list">{items}</div>'
            f'<div class="page">共3条 首页 上一页 1 下一页 尾页</div><div class="footer">闽ICP备05001234号</div>'
            "</body></html>").encode("utf-8")


def test_a_list_page_printing_whole_items_gives_each_item_as_an_article():
    whole = ["6月9日，县政府召开防汛工作会议，副县长丁某某出席会议并讲话，各乡镇分管领导参加会议。",
             "6月8日，县委副书记、县长甲乙丙到溪口镇调研茶叶产业发展，县政府办主任丁某某陪同调研。",
             "6月7日，县政协主席戊己庚主持召开县政协主席会议，研究县政协年度协商计划。"]
    tables = process_batch([RawDocument("web/list.htm", listing(whole), None, "web")], version="t", now=NOW)
    arts = [(a["title"], a["published_date"]) for a in tables["articles"].to_pylist()]
    assert arts == [("县政府召开防汛工作会议", date(2019, 6, 10)), ("甲乙丙调研茶叶产业发展", date(2019, 6, 9)),
                    ("县政协召开主席会议", date(2019, 6, 8))]
    # one item longer than a teaser could be is still one of the list's items
    longer = [whole[0] + "会议要求，各乡镇要落实防汛责任，加强巡查值守，确保安全度汛。" * 8] + whole[1:]
    tables = process_batch([RawDocument("web/list.htm", listing(longer), None, "web")], version="t", now=NOW)
    assert [a["title"] for a in tables["articles"].to_pylist()] == [title for title, _ in arts]
    # teasers cut short are no articles: the page is still a list to save item by item
    teasers = [text[:30] + "…" for text in whole]
    with pytest.raises(RejectError, match="list of linked items"):
        read_page("list.htm", listing(teasers))


def test_a_whole_item_is_dated_by_its_own_date_not_one_its_text_speaks_of():
    items = "".join(f'<li><a href="/tzgg/{k}.html">{head}</a><p>{text}</p><span>2023-05-{day}</span></li>'
                    for k, (head, text, day) in enumerate([
                        ("关于岚江大桥封闭施工的通告", "因岚江大桥维修加固施工需要，定于2023年6月1日起对大桥实行全封闭施工，请过往车辆绕行。", 20),
                        ("关于调整城区公交线路的公告", "为方便群众出行，经研究，决定自2023年5月25日起调整城区1路、3路公交线路的走向。", 16)]))
    html = (f'<html><head><meta charset="utf-8"><title>通知公告_岚江区人民政府</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><ul class="list">{items}</ul></body></html>')
    arts = process_batch([RawDocument("web/list.htm", html.encode("utf-8"), None, "web")], version="t", now=NOW)["articles"]
    assert [(a["published_date"], "2023年6月1日" in a["body"]) for a in arts.to_pylist()][:1] == [(date(2023, 5, 20), True)]
    assert arts.to_pylist()[1]["published_date"] == date(2023, 5, 16)


# A column's list printing its items whole, in definition lists: trafilatura keeps each line under a bullet.
DL_LIST = """<html><head><meta charset="utf-8"><title>政务动态_某某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="list">
<dl><dt><a href="/a/1.html">县委召开常委会会议研究防汛工作</a></dt><dd>6月20日，县委书记甲乙丙主持召开县委常委会会议，专题研究防汛工作。县委副书记、县长丁戊己出席会议并就贯彻落实提出要求。</dd><dd class="date">2016-06-21</dd></dl>
<dl><dt><a href="/a/2.html">丁戊己调研夏粮收购工作</a></dt><dd>6月18日，县长丁戊己到城关镇、赤城乡调研夏粮收购工作，副县长庚辛壬陪同调研。丁戊己强调，要切实保护好农民利益。</dd><dd class="date">2016-06-19</dd></dl>
<dl><dt><a href="/a/3.html">县人大常委会视察农村饮水安全工作</a></dt><dd>6月16日，县人大常委会主任壬癸甲带领部分县人大常委会委员，视察全县农村饮水安全工作，副县长乙丙丁陪同视察。</dd><dd class="date">2016-06-17</dd></dl>
</div>
<div class="footer">某某县人民政府主办 陇ICP备05001234号</div></body></html>"""


def test_a_list_page_of_whole_items_in_definition_lists_gives_each_item():
    titles = [a["title"] for a in run_html(DL_LIST)["articles"].to_pylist()]
    assert titles == ["县委召开常委会会议研究防汛工作", "丁戊己调研夏粮收购工作", "县人大常委会视察农村饮水安全工作"]
    # with nothing around the list, trafilatura keeps no main text: the items are the page's text
    bare = DL_LIST[DL_LIST.index('<div class="list">'):DL_LIST.index('<div class="footer">')]
    titles = [a["title"] for a in run_html(f'<html><head><meta charset="utf-8"></head><body>{bare}</body></html>')
              ["articles"].to_pylist()]
    assert titles == ["县委召开常委会会议研究防汛工作", "丁戊己调研夏粮收购工作", "县人大常委会视察农村饮水安全工作"]


def test_what_counts_as_html():
    assert is_html(page())
    assert is_html("<html><body><p>会议</p></body></html>", "a.txt")
    assert not is_html("会议召开。\n\n<!--repaste.body.end-->\n\n[查看原文](https://tv.cctv.com/x.shtml)", "a.md")
    assert not is_html("县委书记<b>主持</b>会议", "a.txt")
    # A text file that is HTML goes the HTML way; a text file stays text.
    assert read_page("saved.txt", page(META).encode("utf-8")).meta.url.endswith("t20221125_1.html")
    assert read_page("plain.txt", "县委书记主持会议。".encode("utf-8")).meta is None


def test_an_html_page_through_the_batch_gives_one_clean_article():
    raw = RawDocument("web/wsx.htm", page(META, charset="gb2312").encode("gb2312"), None, "web")
    tables = process_batch([raw], version="t", now=NOW)
    art = tables["articles"].to_pylist()
    assert len(art) == 1 and tables["rejects"].num_rows == 0
    a = art[0]
    assert a["title"] == "巫山县召开全县疫情防控工作调度会" and a["published_date"] == date(2022, 11, 25)
    assert a["url"] == "http://www.cqws.gov.cn/zwxx/xwdt/202211/t20221125_1.html" and a["source_name"] == "web"
    assert a["source"] == "巫山县融媒体中心"
    for word in FURNITURE:
        assert word not in a["body"], word
    people = {p["name"] for p in tables["article_people"].to_pylist()}
    assert {"曹邦兴", "付嘉康"} <= people
    doc = tables["documents"].to_pylist()[0]
    assert doc["encoding"] == "gb18030" and doc["source_name"] == "web" and doc["published"] == "2022-11-25"


def test_credits_printed_outside_the_main_text_are_the_article_s_bylines():
    html = page(META).replace("来源：巫山县融媒体中心 ", "来源：巫山县融媒体中心 作者：罗丹 浏览次数：356 ")
    html = html.replace('<div class="share">', '<div class="editor">（责任编辑：王敏 审核：李小红）</div><div class="share">')
    assert extract_html(html).credits == "作者：罗丹 责任编辑：王敏 审核：李小红"
    tables = process_batch([RawDocument("web/wsx.html", html.encode("utf-8"), None, "web")], version="t", now=NOW)
    roles = {(p["name"], p["role"]) for p in tables["article_people"].to_pylist()}
    assert {("罗丹", "reporter"), ("王敏", "editor")} <= roles
    assert "罗丹" not in tables["articles"].to_pylist()[0]["body"]
    # a page with none has none; the footer's fields ("技术支持：") are no credits
    assert extract_html(page(META)).credits is None


def test_a_dotted_transliterated_author_in_the_meta_line_is_credited_whole():
    html = page(META).replace("来源：巫山县融媒体中心 ", "来源：巫山县融媒体中心 作者：甲甲甲·乙乙乙 浏览次数：356 ")
    assert extract_html(html).credits == "作者：甲甲甲·乙乙乙"
    # a writer's mark before a name ("文·", as 文/图 credit the text and the picture) is no dotted name's part
    html = page(META).replace("来源：巫山县融媒体中心 ", "来源：巫山县融媒体中心 作者：文·李明华 浏览次数：356 ")
    assert extract_html(html).credits != "作者：文·李明华"


@pytest.mark.parametrize("key", ["供稿人", "信息员", "报送人", "投稿人"])
def test_who_sent_the_item_in_printed_outside_the_main_text_is_a_credit(key):
    # the same keys as the splitter's (articles.COLON_ROLES): a field the body credits, the page's block credits
    html = page(META).replace('<div class="share">', f"<div class='editor'>{key}：覃霁萱</div><div class=\"share\">")
    assert extract_html(html).credits == f"{key}：覃霁萱"


def test_people_of_a_site_with_no_manifest_are_keyed_to_the_site_s_region():
    tables = process_batch([RawDocument("web/wsx.html", page(META).encode("utf-8"), None, "web")], version="t", now=NOW)
    assert {p["region"] for p in tables["article_people"].to_pylist()} == {"巫山县"}   # "…_巫山县人民政府"
    assert tables["articles"].to_pylist()[0]["region"] == "巫山县"
    # the CMS's SiteName, or the outlet it credits, names it when the <title> does not
    html = page('<meta name="SiteName" content="重庆市巫溪县人民政府">').replace("_巫山县人民政府", "")
    assert extract_html(html).region == "巫溪县"
    assert extract_html(page().replace("_巫山县人民政府", "")).region == "巫山县"   # 来源：巫山县融媒体中心
    # a national outlet names none: its people stay national
    assert extract_html(page().replace("_巫山县人民政府", "_新华网").replace("巫山县融媒体中心", "新华社")).region is None


def test_a_text_record_s_outlet_names_its_region_when_no_manifest_does():
    text = ("县长调研森林防火\n发布时间：2024-02-20 16:30 来源：巫山县融媒体中心 作者：罗丹\n"
            "2月19日，县委副书记、县长龙海涛到白马山林区调研森林防火工作。\n")
    tables = process_batch([RawDocument("a.txt", text.encode("utf-8"), None, "web")], version="t", now=NOW)
    assert tables["articles"].to_pylist()[0]["region"] == "巫山县"
    assert {(p["name"], p["region"]) for p in tables["article_people"].to_pylist()} >= {("龙海涛", "巫山县")}
    # a manifest's region wins
    given = ManifestEntry(published=None, source=None, region="巫溪县")
    tables = process_batch([RawDocument("a.txt", text.encode("utf-8"), given, "web")], version="t", now=NOW)
    assert {p["region"] for p in tables["article_people"].to_pylist()} == {"巫溪县"}


def test_the_manifest_wins_over_the_page_metadata():
    raw = RawDocument("wsx.html", page(META).encode("utf-8"),
                      ManifestEntry("2022-11-26", None, "巫山县", "https://mirror.example/1.html"), "web")
    a = process_batch([raw], version="t", now=NOW)["articles"].to_pylist()[0]
    assert a["url"] == "https://mirror.example/1.html" and a["region"] == "巫山县"
    assert a["source"] == "巫山县融媒体中心"   # the manifest said nothing of the source: the page's stays


def test_a_manifest_giving_only_the_year_is_refined_by_the_page_s_own_day():
    body = "<p>昨天上午，巫山县召开全县防汛工作调度会，县委书记曹邦兴主持会议并讲话。</p>"

    def run(published: str) -> tuple:
        raw = RawDocument("wsx.html", page(META, body=body).encode("utf-8"),
                          ManifestEntry(published, None, "巫山县", None), "web")
        tables = process_batch([raw], version="t", now=NOW)
        return (tables["documents"].to_pylist()[0]["published"], tables["articles"].to_pylist()[0]["published_date"],
                tables["meetings"].to_pylist()[0]["meeting_date"])

    # the page says 2022-11-25: 昨天 is 11-24, which a year alone could not date
    assert run("2022") == ("2022-11-25", date(2022, 11, 25), date(2022, 11, 24))
    # a page dated in another year than the manifest's loses to the person who wrote the manifest
    assert run("2021")[0] == "2021"


def test_a_rejected_page_is_recorded_with_its_source():
    raw = RawDocument("empty.html", b"<html><body><nav><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></nav></body></html>",
                      None, "web")
    tables = process_batch([raw], version="t", now=NOW)
    rej = tables["rejects"].to_pylist()
    assert len(rej) == 1 and "no main text" in rej[0]["reason"] and rej[0]["source_name"] == "web"


def test_a_saved_newspaper_page_keeps_its_articles_and_bylines():
    body = ("<p>本报讯（记者 张小三）11月25日，巫山县召开全县疫情防控工作调度会，县委书记曹邦兴主持会议并讲话。</p>"
            "<p>会议听取了全县疫情防控工作情况汇报，研究部署下一阶段重点工作。</p>"
            "<p>付嘉康调研安全生产工作</p>"
            "<p>本报讯（记者 李小四）11月26日，县委副书记、县长付嘉康到龙门街道调研安全生产工作，检查企业防控措施落实情况。</p>"
            "<p>付嘉康强调，要压紧压实安全生产责任，确保全县安全形势持续稳定。</p>")
    raw = RawDocument("paper.html", page(META, body=body).encode("utf-8"), None, "web")
    tables = process_batch([raw], version="t", now=NOW)
    titles = [a["title"] for a in tables["articles"].to_pylist()]
    assert titles == ["巫山县召开全县疫情防控工作调度会", "付嘉康调研安全生产工作"]
    credits = {(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"}
    assert credits == {("张小三", "reporter"), ("李小四", "reporter")}


# An old CMS page laid out with tables: the article is a cell of the page's table; no <h1>.
TABLE_PAGE = """<html><head><meta charset="utf-8"><title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title></head><body>
<table width="1000"><tr><td class="nav"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a></td></tr></table>
<table width="1000"><tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwdt/">政务动态</a></td></tr>
<tr><td class="bt"><strong>青岩县召开乡村振兴工作推进会</strong></td></tr>
<tr><td class="sj">发布日期：2024年05月11日　信息来源：青岩县农业农村局　点击数：</td></tr>
<tr><td class="nr"><p>5月10日，青岩县乡村振兴工作推进会召开。县委书记杜明远出席会议并讲话，县委副书记、县长孙晓峰主持会议。</p>
<p>杜明远指出，全面推进乡村振兴是新时代“三农”工作的总抓手，各级各部门要坚决扛起政治责任。</p></td></tr>
<tr><td align="right">（责任编辑：付强）</td></tr></table>
<table width="1000"><tr><td class="foot">主办单位：青岩县人民政府办公室<br>黔ICP备05001234号</td></tr></table>
</body></html>"""


def test_an_old_cms_page_laid_out_with_tables_gives_its_article_without_the_furniture():
    p = extract_html(TABLE_PAGE)
    assert p.title == "青岩县召开乡村振兴工作推进会"   # the site's name after _ is no part of it
    assert p.text.startswith("5月10日，青岩县乡村振兴工作推进会召开") and "杜明远指出" in p.text
    for word in ("网站首页", "当前位置", "点击数", "主办单位", "ICP", "|"):
        assert word not in p.text, word


def test_a_data_table_in_an_article_stays_a_table():
    body = BODY + "<table><tr><td>乡镇</td><td>项目数</td></tr><tr><td>龙潭镇</td><td>12</td></tr></table>"
    assert "龙潭镇" in extract_html(page(META, body=body)).text


def test_paragraphs_written_as_lines_with_br_keep_their_first_line():
    lines = ("4月28日，松林县召开2024年第一季度经济运行分析会，县委书记谭永刚出席会议并讲话。",
             "出席会议的县领导有：欧阳红、罗斌、夏雨晴、段鹏。", "谭永刚指出，要紧盯全年目标任务，全力以赴稳增长、促发展。")
    body = "&nbsp;&nbsp;" + "<br>\n&nbsp;&nbsp;".join(lines) + "<br>"
    text = extract_html(page(META, body=body)).text
    assert all(line in text for line in lines)


def test_a_traditional_page_s_source_and_site_region_are_read_simplified():
    html = page(META).replace("巫山县人民政府", "雲溪縣人民政府").replace("巫山县融媒体中心", "雲溪縣應急管理局")
    p = extract_html(html)
    assert p.source == "云溪县应急管理局" and p.region == "云溪县"


def test_a_media_mark_leaves_the_html_title_and_credits_in_a_block_of_their_own_come_in():
    html = page(META).replace("<title>巫山县召开全县疫情防控工作调度会_", "<title>巫山县召开全县疫情防控工作调度会（图）_")
    html = html.replace('<div class="content">', '<div class="author">文/田甜　图/许可</div><div class="content">')
    html = html.replace("<h1>巫山县召开全县疫情防控工作调度会</h1>", "")
    p = extract_html(html)
    assert p.title == "巫山县召开全县疫情防控工作调度会" and p.credits == "文/田甜 图/许可"


def test_a_page_of_several_items_keeps_each_item_s_headline():
    body = ("<p><strong>我县召开安全生产工作专题会</strong></p><p>本网讯（记者 田甜）5月8日，县政府召开安全生产工作专题会，"
            "副县长罗斌主持会议并讲话。</p><p><strong>县政府与绿源集团签署战略合作协议</strong></p>"
            "<p>本网讯（记者 田甜）5月9日，县长黄志刚会见了绿源集团董事长钱立新一行，双方签署战略合作协议。</p>")
    html = page(META, body=body).replace("巫山县召开全县疫情防控工作调度会", "松林要闻两则")
    tables = process_batch([RawDocument("web/two.html", html.encode("utf-8"), None, "web")], version="t", now=NOW)
    arts = tables["articles"].to_pylist()
    assert [(a["title"], a["kicker"]) for a in arts] == [("我县召开安全生产工作专题会", "松林要闻两则"),
                                                          ("县政府与绿源集团签署战略合作协议", None)]


def test_a_data_table_inside_a_layout_cell_stays_a_table():
    inner = "<table><tr><td>乡镇</td><td>项目数</td></tr><tr><td>龙潭镇</td><td>12</td></tr></table>"
    html = TABLE_PAGE.replace("各级各部门要坚决扛起政治责任。</p>", "各级各部门要坚决扛起政治责任。</p>" + inner)
    assert "龙潭镇" in extract_html(html).text


def record(head: str, body_paragraphs: list[str], after: str = "", before: str = "", title: str = "") -> str:
    """A county CMS record: <title>, an optional block before the headline, the <h1>, the meta line, the
    text in its TRS_Editor <div>, then what the page prints after it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body_paragraphs)
    return (f'<html><head><meta charset="utf-8"><title>{title or head}_岚江区人民政府</title></head><body>{before}'
            f'<h1>{head}</h1><div class="info">发布时间：2024-06-05 来源：岚江区教育局</div>'
            f'<div class="TRS_Editor">{paragraphs}</div>{after}</body></html>')


PROSE = ["6月4日，岚江区消防救援大队走进区第二实验小学，开展消防安全进校园活动。",
         "活动中，消防员向师生普及了火灾预防和逃生自救知识，并组织开展了疏散演练。"]


def run_html(html: str) -> dict:
    return process_batch([RawDocument("web/r.html", html.encode("utf-8"), None, "web")], version="t", now=NOW)


def test_a_share_strip_or_a_footer_after_the_editor_is_no_editor():
    for after in ("<div>责任编辑：孙悦</div><div>分享到 微信 微博</div>",
                  '<p>责任编辑：孙悦</p><div class="footer"><a>网站地图</a> | <a>联系我们</a></div>'):
        tables = run_html(record("岚江区开展消防安全进校园活动", PROSE, after))
        assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"] \
            == [("孙悦", "editor")]


def test_credits_outside_the_text_do_not_split_an_article_with_sub_headings():
    paragraphs = ["今年以来，青禾县坚持把产业振兴作为乡村振兴的重中之重，多措并举推动乡村产业高质量发展。",
                  "<strong>聚焦特色产业 筑牢发展根基</strong>",
                  "该县立足资源禀赋，大力发展茶叶、食用菌、中药材等特色产业，全县茶园面积达12万亩。",
                  "<strong>完善服务体系 优化发展环境</strong>",
                  "该县持续完善农业社会化服务体系，为产业发展提供技术、金融、物流等全方位支撑。"]
    tables = run_html(record("青禾县：多措并举推动乡村产业振兴", paragraphs, '<div class="editor">责任编辑：唐雪</div>'))
    [article] = tables["articles"].to_pylist()
    assert article["body"].endswith("全方位支撑。")
    assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"] == [("唐雪", "editor")]


def test_the_meta_line_s_date_beats_a_sidebar_s_or_an_open_government_table_s_other_dates():
    side = '<div class="side"><ul><li><a>县政府常务会议研究部署春耕生产工作</a> 发布时间：2024-02-22</li></ul></div>'
    assert extract_html(record("岚江区开展消防安全进校园活动", PROSE, before=side)).published == "2024-06-05"
    table = "<ul><li>索引号：000014349/2024-00031</li><li>发布机构：岚江区教育局</li><li>生成日期：2024-04-30</li></ul>"
    html = record("岚江区开展消防安全进校园活动", PROSE, before=table).replace("发布时间：2024-06-05", "发布日期：2024-05-06")
    assert extract_html(html).published == "2024-05-06"


def test_page_tools_inside_the_text_s_div_do_not_lose_the_text():
    tools = ["【<a>打印本页</a>】【<a>关闭窗口</a>】", "上一篇：<a>桐湾县召开春季森林防火工作会</a>",
             "下一篇：<a>县教育局开展校园安全检查</a>"]
    text = extract_html(record("岚江区开展消防安全进校园活动", PROSE + tools)).text
    assert "消防安全进校园活动" in text and "疏散演练" in text and "上一篇" not in text


def test_a_logo_s_h1_naming_the_site_is_no_headline():
    html = record("岚江区人民政府", PROSE, title="岚江区开展消防安全进校园活动")
    assert extract_html(html).title == "岚江区开展消防安全进校园活动"


def test_a_caption_with_its_photographer_credits_the_photographer_alone():
    tables = run_html(record("岚江区开展消防安全进校园活动", [PROSE[0], "比赛现场（董小宁 摄）", PROSE[1]]))
    assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"] \
        == [("董小宁", "photographer")]


def test_a_reporter_named_in_the_source_field_is_credited():
    html = record("岚江区开展消防安全进校园活动", PROSE).replace("来源：岚江区教育局", "来源：岚江区融媒体中心 记者 庞博")
    tables = run_html(html)
    assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"] \
        == [("庞博", "reporter")]
    assert tables["articles"].to_pylist()[0]["source"] == "岚江区融媒体中心"


def test_the_meta_line_s_fields_after_a_source_s_reporter_are_no_names():
    html = record("岚江区开展消防安全进校园活动", PROSE).replace("来源：岚江区教育局", "来源：岚江区融媒体中心 记者 韩晓梅 浏览次数 120")
    assert [(p["name"], p["role"]) for p in run_html(html)["article_people"].to_pylist() if p["role"] != "subject"] \
        == [("韩晓梅", "reporter")]


def test_a_closing_sign_off_in_the_text_credits_the_record_and_splits_off_no_sub_section():
    paragraphs = PROSE[:1] + ["<strong>一条产业链激活一片天地</strong>", "村里建起了分拣中心和冷库，今年线上销售额突破300万元。",
                              "一审：吴金花 二审：陆建英 三审：杨光荣"]
    tables = run_html(record("小山村走出大产业", paragraphs))
    [article] = tables["articles"].to_pylist()
    assert "一条产业链激活一片天地" in article["body"] and article["body"].endswith("突破300万元。")
    assert [p["name"] for p in tables["article_people"].to_pylist() if p["role"] == "editor"] == ["吴金花", "陆建英", "杨光荣"]


def test_a_name_list_closing_a_notice_stays_in_its_text():
    paragraphs = ["经研究，现将拟任职人选予以公示。公示期为2023年9月20日至9月26日。", "<strong>拟任职人选名单</strong>",
                  "农志强 湖润镇党委副书记、镇长"]
    [article] = run_html(record("领导干部任前公示", paragraphs))["articles"].to_pylist()
    assert article["body"].endswith("拟任职人选名单\n农志强 湖润镇党委副书记、镇长")


@pytest.mark.parametrize("title, region", [("白河镇扎实推进春耕备耕工作-桐柏县人民政府", "桐柏县"),
                                           ("白河镇扎实推进春耕备耕工作——桐柏县新闻网", "桐柏县")])
def test_a_dash_before_the_site_s_name_in_the_title_parts_them(title, region):
    html = (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<div class="t">白河镇扎实推进春耕备耕工作</div><div class="text"><p>连日来，白河镇抢抓农时推进春耕备耕，'
            '镇长陈德胜带队深入田间地头开展技术指导。全镇已完成春播面积2万亩。</p></div></body></html>')
    page = extract_html(html)
    assert page.title == "白河镇扎实推进春耕备耕工作" and page.region == region


def test_a_source_naming_the_site_itself_is_the_site_s_name():
    html = record("岚江区开展消防安全进校园活动", PROSE).replace("来源：岚江区教育局", "来源：本站")
    assert extract_html(html).source == "岚江区人民政府"


def test_a_column_label_before_a_bar_in_the_headline_is_the_kicker_and_no_credit():
    tables = run_html(record("组图｜金秋时节稻谷香", PROSE))
    [article] = tables["articles"].to_pylist()
    assert (article["kicker"], article["title"]) == ("组图", "金秋时节稻谷香")
    assert [p for p in tables["article_people"].to_pylist() if p["role"] != "subject"] == []


def test_lines_after_a_picture_s_own_block_between_br_lines_are_kept():
    html = ('<html><head><meta charset="utf-8"><title>三穗县开展清河行动_三穗县人民政府</title></head><body>'
            '<div class="title">三穗县开展清河行动</div><div>发布时间：2023-06-15 来源：县水务局</div><div class="text">'
            '　　6月13日，县水务局对舞阳河三穗段开展“清河行动”专项整治。共清理河道垃圾2.6吨。<br>'
            '<p align="center"><img src="/pic/1.jpg"></p>'
            '　　县水务局局长吴德才表示，将建立常态化巡河机制，持续巩固整治成效。<br></div></body></html>')
    assert "吴德才" in extract_html(html).text


def test_a_date_with_no_label_under_the_headline_is_the_page_s_date():
    html = ('<html><head><meta charset="utf-8"><title>临泽县召开巡察工作动员部署会</title></head><body>'
            '<h1>临泽县召开巡察工作动员部署会</h1><div class="sub"><span>2023年05月12日 10:21</span></div>'
            '<div class="text"><p>5月11日，县委第三轮巡察工作动员部署会召开。县委常委、县纪委书记孟晓峰出席会议并讲话。</p>'
            '<p>会议对巡察工作作了具体安排。</p></div></body></html>')
    assert extract_html(html).published == "2023-05-12"


@pytest.mark.parametrize("field, credits", [
    ("作者：岳阳日报记者 彭湘君", [("彭湘君", "reporter")]),
    ("记者｜梁小燕 通讯员｜粟志强", [("梁小燕", "reporter"), ("粟志强", "reporter")]),
])
def test_credit_fields_of_the_meta_line_with_an_outlet_or_bars(field, credits):
    html = record("岚江区开展消防安全进校园活动", PROSE).replace("来源：岚江区教育局", f"来源：岚江区教育局 {field}")
    tables = run_html(html)
    assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist() if p["role"] != "subject"] == credits


def test_a_bold_heading_run_into_its_paragraph_is_a_line_of_its_own():
    paragraphs = [PROSE[0], "　　<strong>压实工作责任</strong>　　县委书记刘志成、县长邓海燕分别领衔2项重点民生实事。"]
    tables = run_html(record("岚江区扎实开展我为群众办实事实践活动", paragraphs))
    assert {p["name"]: p["titles"] for p in tables["article_people"].to_pylist()}["刘志成"] == ["县委书记"]


def test_a_headline_that_exclaims_is_not_joined_to_the_dated_lead():
    tables = run_html(record("好消息！我县新增3个省级示范村", ["近日，省农业农村厅公布2023年省级乡村振兴示范村名单，我县3个村榜上有名。",
                                                   "县农业农村局局长李红军表示，将以示范村为引领。"]))
    [article] = tables["articles"].to_pylist()
    assert article["title"] == "好消息！我县新增3个省级示范村" and article["body"].startswith("近日")


def test_an_open_government_record_s_table_of_fields_is_no_text_but_still_its_metadata():
    fields = ('<table class="xxgk"><tr><th>索引号：</th><td>431023/2023-01234</td><th>发布机构：</th><td>永兴县人民政府办公室</td></tr>'
              '<tr><th>文号：</th><td>永政办发〔2023〕1号</td><th>成文日期：</th><td>2022-12-30</td></tr></table>')
    html = (f'<html><head><meta charset="utf-8"><title>关于做好森林防火工作的通知_永兴县人民政府</title></head><body>{fields}'
            '<h1>关于做好森林防火工作的通知</h1><div class="TRS_Editor"><p>各乡镇人民政府，县直各有关单位：</p>'
            '<p>为切实做好2023年森林防火工作，经县人民政府同意，现就有关事项通知如下：</p>'
            '<p>一、严格落实责任。各乡镇要落实属地管理责任。</p></div></body></html>')
    page = extract_html(html)
    assert page.text.startswith("各乡镇人民政府") and "索引号" not in page.text
    assert (page.source, page.published) == ("永兴县人民政府办公室", "2022-12-30")


def test_the_page_s_heading_is_the_headline_when_the_title_names_only_the_site():
    html = ('<html><head><meta charset="utf-8"><title>大通区人民政府</title></head><body><h1 class="logo">大通区人民政府</h1>'
            '<div class="title">当前位置：首页 > 新闻中心</div><h2>大通区举行重大项目集中开工仪式</h2>'
            '<div class="meta">发布时间：2023-03-28 来源：大通区融媒体中心</div><div class="content"><p>3月28日上午，'
            '大通区2023年重大项目集中开工仪式在洛河工业园举行，区委书记王海涛宣布项目开工。共开工项目32个。</p></div></body></html>')
    assert extract_html(html).title == "大通区举行重大项目集中开工仪式"


def test_a_title_naming_the_portal_with_a_space_before_its_word_for_portal_is_no_headline():
    html = ('<html><head><meta charset="utf-8"><title>青岚县人民政府 门户网站</title></head><body>'
            '<div class="top">青岚县人民政府 门户网站</div><div class="nav">首页 | 政务公开 | 政务动态</div>'
            '<div class="crumb">当前位置：首页 &gt; 政务动态</div><div class="article"><h2>县领导督导检查森林防火工作</h2>'
            '<div class="info">发布时间：2021-03-16　来源：县应急管理局</div><p>3月15日，县委副书记、县长甲乙丙带队'
            '督导检查森林防火工作。副县长丁戊陪同。</p><p>甲乙丙强调，各乡镇要压紧压实责任，严格火源管控。</p></div>'
            '</body></html>')
    assert extract_html(html).title == "县领导督导检查森林防火工作"


def test_a_figure_s_caption_stays_with_its_photographer_s_credit():
    paragraphs = PROSE + ['<figure><img src="/p/1.jpg"><figcaption>消防员向学生演示灭火器使用方法。（赖永福 摄）</figcaption></figure>']
    tables = run_html(record("岚江区开展消防安全进校园活动", paragraphs))
    [article] = tables["articles"].to_pylist()
    assert article["body"].endswith("消防员向学生演示灭火器使用方法。")
    assert [(p["name"], p["role"]) for p in tables["article_people"].to_pylist()] == [("赖永福", "photographer")]


@pytest.mark.parametrize("extra", ['<p>附件：<a href="/f/1.xlsx">2023年度防汛责任人名单.xlsx</a> 2023年5月20日</p>',
                                   '<div class="next">下一篇：<a href="/a/2.html">县林业局开展护林员培训</a> 2023-05-21</div>'])
def test_an_article_with_one_dated_link_is_no_list_page(extra):
    tables = run_html(record("岚江区开展消防安全进校园活动", PROSE, after=extra))
    assert tables["rejects"].num_rows == 0 and tables["articles"].num_rows == 1


def test_an_article_with_an_attachment_between_its_neighbours_links_is_no_list_page():
    # (a text of a few hundred characters with a full date in it, as long as a list's whole item may be)
    text = ("<p>各街道办事处，区直各有关单位：</p><p>为做好汛期防汛工作，经区政府同意，定于2023年5月20日在岚江沿岸开展"
            "防汛应急演练。" + "演练主要包括险情报告、人员转移、抢险救援和后勤保障等科目。" * 6 + "</p>"
            '<p>附件：<a href="/f/fa.docx">岚江区防汛应急演练方案</a></p>')
    html = ('<html><head><meta charset="utf-8"><title>关于开展防汛应急演练的通知_岚江区人民政府</title></head><body>'
            '<div class="main"><h1>关于开展防汛应急演练的通知</h1><div class="info">发布时间：2023-05-12</div>'
            f'<div class="content">{text}</div>'
            '<div class="prev">上一篇：<a href="/a/101.html">区政府召开第十次常务会议</a> 2023-05-11</div>'
            '<div class="next">下一篇：<a href="/a/103.html">区长调研春耕备耕工作</a> 2023-05-13</div></div></body></html>')
    tables = run_html(html)
    assert tables["rejects"].num_rows == 0 and tables["articles"].num_rows == 1


def test_a_notice_listing_the_documents_it_publishes_is_no_list_page():
    links = "".join(f'<li><a href="/f/{k}.pdf">岚江区{unit}2023年部门预算公开说明</a> 2023-05-1{k}</li>'
                    for k, unit in enumerate(["教育局", "卫生健康局", "农业农村局", "交通运输局"]))
    html = ('<html><head><meta charset="utf-8"><title>岚江区2023年部门预算公开_岚江区人民政府</title></head><body>'
            '<div class="article"><h1>岚江区2023年部门预算公开</h1><div class="info">发布时间：2023-05-12</div>'
            '<div class="content"><p>根据《中华人民共和国预算法》和有关规定，现将岚江区2023年部门预算予以公开，请点击下列链接查看。</p>'
            f'<ul>{links}</ul></div></div></body></html>')
    tables = run_html(html)
    assert tables["rejects"].num_rows == 0 and tables["articles"].to_pylist()[0]["title"] == "岚江区2023年部门预算公开"
    # a column's index page of bare links under its introduction, with no headline of its own, is still a list
    index = html.replace('<h1>岚江区2023年部门预算公开</h1><div class="info">发布时间：2023-05-12</div>', "")
    tables = run_html(index)
    assert tables["articles"].num_rows == 0 and "list" in tables["rejects"].to_pylist()[0]["reason"]


def test_a_bold_name_opening_its_sentence_stays_in_it():
    paragraphs = [PROSE[0], "　　<strong>县长张明远</strong>　在会上强调，要压实安全责任。"]
    tables = run_html(record("岚江区召开安全生产工作会议", paragraphs))
    assert "县长张明远在会上强调" in tables["articles"].to_pylist()[0]["body"]


def test_a_table_of_documents_in_the_text_is_no_record_s_fields():
    table = ("<table><tr><td>文件名称</td><td>文号</td><td>发布日期</td></tr>"
             "<tr><td>关于做好防汛工作的通知</td><td>岚政办发〔2024〕3号</td><td>2024-05-06</td></tr></table>")
    page = extract_html(record("岚江区公布今年以来印发的文件", PROSE + [table]))
    assert "岚政办发〔2024〕3号" in page.text


def test_a_list_page_of_linked_items_with_summaries_is_a_reject():
    items = "".join(f'<div class="item"><h3><a href="/a/{k}.html">{title}</a></h3><p>{summary}</p><span>2023-05-1{k}</span></div>'
                    for k, (title, summary) in enumerate([
                        ("平阴县召开玫瑰产业发展大会", "5月18日，平阴县召开玫瑰产业发展大会，县委书记刘晓东出席并讲话。"),
                        ("县长王建华调研重点项目建设", "5月11日，县长王建华到平阴工业园区调研重点项目建设，现场协调解决困难问题。")]))
    html = f'<html><head><meta charset="utf-8"><title>要闻动态_平阴县人民政府</title></head><body><div class="newslist">{items}</div></body></html>'
    tables = run_html(html)
    assert tables["articles"].num_rows == 0 and "list" in tables["rejects"].to_pylist()[0]["reason"]


def test_the_short_paragraphs_and_sub_headings_of_a_wechat_editor_s_sections_are_kept():
    html = ("<html><head><meta charset='utf-8'><title>这份防暑指南请收好</title></head><body><div id='js_content'>"
            "<section><p>连日来，我区持续高温，最高气温达38℃。区疾控中心提醒，市民要做好防暑降温。</p></section>"
            "<section><p><strong>一、合理安排出行</strong></p></section>"
            "<section><p>尽量避免在10时至16时高温时段外出。</p></section>"
            "<section><section><span>二、注意饮食卫生</span></section></section>"
            "<section><p>多喝水，多吃新鲜蔬菜水果。</p></section></div></body></html>")
    text = extract_html(html).text
    assert "一、合理安排出行\n尽量避免在10时至16时高温时段外出。\n二、注意饮食卫生\n多喝水" in text


def test_a_meta_author_naming_people_credits_them_when_the_page_names_no_one():
    body = ("<div class='content'><p>4月11日，县农机中心组织技术人员深入各乡镇开展春耕农机安全检查，检修农机具120余台。</p></div>")
    def html(author):
        return (f"<html><head><meta charset='utf-8'><title>县农机中心开展农机安全检查</title>"
                f"<meta name='author' content='{author}'></head><body><h1>县农机中心开展农机安全检查</h1>{body}</body></html>")
    assert extract_html(html("谭晓萌")).credits == "作者：谭晓萌"
    assert extract_html(html("管理员")).credits is None and extract_html(html("石城县融媒体中心")).credits is None
    assert extract_html(html("信息科")).credits is None and extract_html(html("综合股")).credits is None
    assert extract_html(html("谭晓萌、柏云峰")).credits == "作者：谭晓萌 柏云峰"   # 、 parts two people


def test_an_author_field_with_the_author_s_roles_credits_both():
    html = ("<html><head><meta charset='utf-8'><title>古镇新韵</title></head><body><h1>古镇新韵</h1>"
            "<div class='info'>时间：2023-10-02　来源：县文旅局　作者：文/图 冷雨萱</div><div class='content'>"
            "<p>国庆假期，千年古镇游人如织。青石板路两旁，传统手工艺品店铺吸引了众多游客驻足。</p></div></body></html>")
    assert extract_html(html).credits == "作者：文/图 冷雨萱"


def test_writer_and_pictures_in_one_key_before_a_colon_credit_both():
    html = ("<html><head><meta charset='utf-8'><title>古镇新韵</title></head><body><h1>古镇新韵</h1>"
            "<div class='content'><p>国庆假期，千年古镇游人如织。青石板路两旁，传统手工艺品店铺吸引了众多游客驻足。</p></div>"
            "<div class='editor'>文/图：冷雨萱　　责任编辑：柏云峰</div></body></html>")
    assert extract_html(html).credits == "文/图：冷雨萱 责任编辑：柏云峰"


def test_who_sent_a_record_in_below_its_text_is_credited():
    html = ("<html><head><meta charset='utf-8'><title>古镇新韵</title></head><body><h1>古镇新韵</h1>"
            "<div class='content'><p>国庆假期，千年古镇游人如织。青石板路两旁，传统手工艺品店铺吸引了众多游客驻足。</p></div>"
            "<div class='editor'>信息员：冷雨萱</div></body></html>")
    assert extract_html(html).credits == "信息员：冷雨萱"


def test_an_old_table_page_s_headline_in_a_bold_cell_is_its_title_when_the_title_tag_names_the_site():
    html = (TABLE_PAGE.replace("<title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title>", "<title>青岩县人民政府门户网站</title>")
            .replace('<tr><td class="bt"><strong>青岩县召开乡村振兴工作推进会</strong></td></tr>',
                     '<tr><td align="center"><font size="4" color="#CC0000"><b>青岩县召开乡村振兴工作推进会</b></font></td></tr>'))
    assert extract_html(html).title == "青岩县召开乡村振兴工作推进会"


def test_an_old_site_s_title_naming_its_information_net_is_no_headline():
    html = (TABLE_PAGE.replace("<title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title>", "<title>青岩县信息网</title>")
            .replace('<tr><td class="bt"><strong>青岩县召开乡村振兴工作推进会</strong></td></tr>',
                     '<tr><td align="center"><strong><font size="4">青岩县召开乡村振兴工作推进会</font></strong></td></tr>'))
    assert extract_html(html).title == "青岩县召开乡村振兴工作推进会"


def test_an_editor_s_two_character_name_padded_to_three_is_a_credit():
    html = TABLE_PAGE.replace("（责任编辑：付强）", "责任编辑：付　强")
    assert extract_html(html).credits == "责任编辑：付 强"


def test_a_banner_or_a_field_in_an_old_table_page_s_cells_is_no_headline():
    html = (TABLE_PAGE.replace("<title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title>", "<title>青岩县人民政府门户网站</title>")
            .replace('<tr><td class="bt"><strong>青岩县召开乡村振兴工作推进会</strong></td></tr>',
                     '<tr><td><font color="red">欢迎访问青岩县人民政府网站</font></td></tr>'
                     '<tr><td><strong>信息来源：县政府办公室</strong></td></tr>'
                     '<tr><td align="center"><b>青岩县召开乡村振兴工作推进会</b></td></tr>'))
    assert extract_html(html).title == "青岩县召开乡村振兴工作推进会"


def test_the_site_s_name_before_the_headline_in_an_old_cms_s_title_is_no_part_of_it():
    html = TABLE_PAGE.replace("<title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title>",
                              "<title>青岩县人民政府--县政府召开春季森林防火工作会议</title>")
    html = html.replace("<strong>青岩县召开乡村振兴工作推进会</strong>", "<b>县政府召开春季森林防火工作会议</b>")
    assert extract_html(html).title == "县政府召开春季森林防火工作会议"
    # a headline ending in 网 before a site's name keeps it; a <title> naming only the site is none
    html = TABLE_PAGE.replace("<title>青岩县召开乡村振兴工作推进会_青岩县人民政府</title>",
                              "<title>织密基层安全防护网 - 青岩县人民政府</title>")
    assert extract_html(html).title == "织密基层安全防护网"
