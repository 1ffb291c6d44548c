"""CLEAN stage: furniture removal, OCR repairs and line joining, one small example per rule."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tasks import clean
from tasks.clean import clean_page, column_cuts

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_PAGES = sorted(SHARED.glob("seeds/*.txt"))
EVAL_PAGES = sorted(p for p in SHARED.glob("eval/*/*") if p.suffix in {".txt", ".md"} and p.name != "SOURCES.md")
CJK_RE = re.compile(f"[{clean.CJK}]")


def lines(text: str) -> list[str]:
    return clean_page(text).split("\n")


# ---------------------------------------------------------------- characters and lines
def test_control_characters_and_newlines():
    assert clean_page("第一段\x00内容。\r\n\r\n第二段\t内容。\r第三段。\x0c") == "第一段内容。\n第二段内容。\n第三段。"


def test_output_has_no_empty_lines_and_no_outer_spaces():
    out = clean_page("  \n\n  标题一行  \n\n\n　正文第一段。　\n\n")
    assert out == "标题一行\n正文第一段。"


def test_pinyin_after_characters_is_removed():
    assert clean_page("兩江新區(qū)召開領(lǐng)導(dǎo)小組會議。") == "兩江新區召開領導小組會議。"


def test_latin_in_brackets_without_tone_marks_is_kept():
    text = "台方尋求支持盼洽簽台歐雙邊投資協定（BIA），也介紹5R政策（Reduce）。"
    assert clean_page(text) == text


# ---------------------------------------------------------------- furniture
def test_masthead_lines_are_dropped():
    page = ("主办:中共巫山县委 巫山县人民政府\n\n巫山网: http://wushannews.com/\n\n"
            "顾问:曹邦兴 付嘉康 编委会主任:黄勇 社长:陶举斌\n\n合力攻坚,尽快遏制疫情扩散蔓延\n\n医务人员坚守岗位。")
    assert lines(page) == ["合力攻坚,尽快遏制疫情扩散蔓延", "医务人员坚守岗位。"]


def test_a_sentence_about_organisers_is_not_a_masthead():
    text = "本次活动由县委宣传部主办,县文联承办。"
    assert clean_page(text) == text


def test_urls_and_email_addresses_are_removed():
    assert clean_page("详情见 http://wush.cq.gov.cn 公告。") == "详情见公告。"
    assert clean_page("邮箱:3129411569@qq.com") == ""


def test_decimal_numbers_are_not_web_addresses():
    text = "将获得中央补助资金2.4亿元、引导地方投入2.5亿元。"
    assert clean_page(text) == text


def test_hotline_and_report_phone_lines_are_dropped():
    page = ("区级有关部门负责人参加会议。\n请小布热线:68210303\n"
            "南川扫黑除恶举报电话:110、(023)71422767、(023)71663120;举报邮箱:cqnczfw@163.com。")
    assert lines(page) == ["区级有关部门负责人参加会议。"]


def test_a_sentence_mentioning_phones_is_kept():
    text = "各村社区通过走访、微信、电话等多种方式开展全员核酸检测预通知。"
    assert clean_page(text) == text


def test_portal_footer_lines_are_dropped():
    page = ("兩江新區全體在家委領導及相關單位負責人參加。\n部分資料來源:重慶兩江新區\n"
            "? 2020 重慶兩江新區開發投資集團有限公司 版權所有 渝ICP備2020014939號-1 渝公網安備 50011202502943號網站建設:指引科技")
    assert lines(page) == ["兩江新區全體在家委領導及相關單位負責人參加。"]


def test_copyright_words_inside_a_sentence_are_kept():
    text = "他说,版权所有者的合法权益受法律保护。"
    assert clean_page(text) == text


def test_header_source_field_is_not_a_source_credit():
    assert lines("標題：基本工資 預期Q3調升\n來源：聯合報（產經）\n網址：https://udn.com/news/story/7238/2550399\n"
                 "勞動部預計8月召開審議委員會。") == ["標題：基本工資 預期Q3調升", "來源：聯合報（產經）",
                                                 "原文链接：https://udn.com/news/story/7238/2550399", "勞動部預計8月召開審議委員會。"]


def test_jump_markers_and_edit_notes_are_removed():
    page = "社会面隐匿传播具有较大风险。\n\n(下转第二版)\n\n生态水量切实改善。 (本报有删节)"
    assert lines(page) == ["社会面隐匿传播具有较大风险。", "生态水量切实改善。"]


def test_ordinary_brackets_are_kept():
    text = "继续落实暂停全区人群聚集性活动的通告规定(景区除外)。"
    assert clean_page(text) == text


def test_share_buttons_and_link_strips_are_removed():
    page = ("況且一例一休已造成人事成本增加。  圖／經濟日報提供   分享       facebook          "
            "》自營商進出明細 &nbsp  》外資持股增減排行》即時選股找重點 &nbsp  》漲跌幅即時排行")
    assert clean_page(page) == "況且一例一休已造成人事成本增加。圖／經濟日報提供"


def test_book_title_marks_are_not_a_link_strip():
    text = "我区印发《关于加强招商引资工作体系建设的实施方案》《关于调整招商引资促进工作机制的通知》"
    assert clean_page(text) == text


def test_wechat_promo_block_is_dropped():
    page = ("助力河湖水质清岸绿。\n\n北碚发布政务微信\n\n传播北碚资讯,服务北碚百姓,希望成为又一个你喜欢北碚的理由……\n"
            "扫码关注我们")
    assert lines(page) == ["助力河湖水质清岸绿。"]


def test_line_after_an_ordinary_headline_is_kept():
    page = "北碚发布新一轮惠企政策\n传播北碚资讯,服务北碚百姓,惠及企业三百家。"
    assert lines(page) == ["北碚发布新一轮惠企政策", "传播北碚资讯,服务北碚百姓,惠及企业三百家。"]


def test_markdown_transcript_residue():
    page = ("### 十三届全国人大五次会议在京闭幕\n\n<!--repaste.body.begin-->\n\n"
            "**央视网消息**（新闻联播）：第十三届全国人民代表大会第五次会议闭幕。\n\n<!--repaste.body.end-->\n\n"
            "[查看原文](https://tv.cctv.com/2022/03/11/VIDEyyYlEsZX51TXUiGStHJi220311.shtml)")
    assert lines(page) == ["十三届全国人大五次会议在京闭幕", "央视网消息（新闻联播）：第十三届全国人民代表大会第五次会议闭幕。",
                           "原文链接：https://tv.cctv.com/2022/03/11/VIDEyyYlEsZX51TXUiGStHJi220311.shtml"]


# ---------------------------------------------------------------- source lines
@pytest.mark.parametrize("line", ["[查看原文](https://tv.example.com/2022/03/11/VIDE1.shtml)",
                                  "網址：https://news.example.com/story/7238/2550399",
                                  "原文链接: https://www.example.gov.cn/art/2019/5/1/art_1.html",
                                  "来源网址：http://www.example.gov.cn/xw/1.htm"])
def test_a_source_address_line_becomes_one_source_line(line):
    url = re.search(r"(?:https?://|www\.)[^)\s]+", line).group()
    assert lines("县长调研安全生产工作。\n" + line) == ["县长调研安全生产工作。", "原文链接：" + url]


def test_a_source_line_survives_a_second_cleaning_and_other_addresses_still_go():
    once = clean_page("正文一段。\n原文链接：https://www.example.gov.cn/a.html\n某某网：http://www.example.com/")
    assert once == "正文一段。\n原文链接：https://www.example.gov.cn/a.html" and clean_page(once) == once


def test_hash_inside_text_is_not_a_heading_marker():
    text = "网友发起#我为家乡代言#话题讨论。"
    assert clean_page(text) == text


# ---------------------------------------------------------------- page layouts
def test_full_width_indents_start_paragraphs_of_a_run_together_page():
    page = ("\u3000\u3000本报讯(记者张三)10月18日，县里召开会议。 \u3000\u3000会议要求，抓好落实。"
            "\u3000\u3000开展扶贫攻坚 加快小康进程 \u3000\u3000本报讯(记者李四 通讯员王五)10月18日下午，考察组来到我县。")
    assert lines(page) == ["本报讯(记者张三)10月18日，县里召开会议。", "会议要求，抓好落实。", "开展扶贫攻坚 加快小康进程",
                           "本报讯(记者李四 通讯员王五)10月18日下午，考察组来到我县。"]


def test_a_single_ideographic_space_is_only_a_space():
    assert lines("动力源\u3000增长极\n记者\u3000张三\u3000摄") == ["动力源 增长极", "记者 张三 摄"]


def test_a_photo_credit_closing_a_caption_keeps_its_spaces():
    assert clean_page("图为会议开幕现场。张某某\u3000李某　摄") == "图为会议开幕现场。张某某 李某 摄"
    assert clean_page("图为会议开幕现场。 张某某 说 明 白") == "图为会议开幕现场。张某某说明白"


def test_a_portal_s_menu_bar_copied_with_spaces_is_dropped():
    page = "某某县人民政府\n首页 政务公开 新闻中心 政务服务 互动交流\n县长调研工业经济\n4月11日，县长调研。"
    assert lines(page) == ["某某县人民政府", "县长调研工业经济", "4月11日，县长调研。"]


def test_cms_record_buttons_are_dropped_and_its_meta_line_is_kept_whole():
    page = ("县政府召开常务会议\n发布时间：2019-05-01 来源：县政府办 浏览次数：123 【字体：大 中 小】\n"
            "5月1日，县长主持召开县政府常务会议，听取各部门工作汇报，研究部署\n近期工作。\n【打印本页】 【关闭窗口】")
    assert lines(page) == ["县政府召开常务会议", "发布时间：2019-05-01 来源：县政府办 浏览次数：123",
                           "5月1日，县长主持召开县政府常务会议，听取各部门工作汇报，研究部署近期工作。"]


def test_the_qr_code_s_label_above_a_copied_record_is_dropped():
    page = "扫一扫在手机打开当前页\n县长调研工业经济\n发布日期：2024-04-12\n4月11日，县长调研。"
    assert lines(page)[0] == "县长调研工业经济"


def test_the_type_size_switch_with_its_sizes_in_brackets_is_dropped():
    page = "县长调研工业经济\n作者：唐小芳 发布日期：2024-04-12 字号：[大 中 小]\n4月11日，县长调研。"
    assert lines(page)[1] == "作者：唐小芳 发布日期：2024-04-12"


def test_a_meta_line_opening_with_where_the_news_came_from_is_a_line_of_its_own():
    for field in ("信息来源", "文章来源", "稿件来源", "新闻来源"):
        page = f"县长调研工业经济\n{field}：县融媒体中心 作者：唐小芳 发布时间：2024-04-12\n\u3000\u30004月11日，县长调研。"
        head, meta, lead = lines(page)
        assert meta.startswith(f"{field}：县融媒体中心") and meta.endswith("2024-04-12") and lead == "4月11日，县长调研。"


def test_a_headline_spaced_out_character_by_character_is_closed_up():
    assert lines("澄 江 县 开 展 春 季 植 树 活 动\n正文。") == ["澄江县开展春季植树活动", "正文。"]


@pytest.mark.parametrize("headline, closed", [("青岚乡 ：产业扶贫见实 效", "青岚乡：产业扶贫见实效"),
                                              ("“ 千万工程 ”推进会召开", "“千万工程”推进会召开"),
                                              ("白 沙 镇 ：特色种植助农增 收", "白沙镇：特色种植助农增收"),
                                              ("党建引领 乡村振兴", "党建引领 乡村振兴"),
                                              ("春耕正当时 “铁牛”田间忙", "春耕正当时 “铁牛”田间忙"),
                                              ("学习新《条例》 争做合格党员", "学习新《条例》 争做合格党员")])
def test_ocr_s_spaces_beside_a_headline_s_punctuation_or_before_its_last_character_are_dropped(headline, closed):
    assert lines(f"{headline}\n近日，青岚乡发展特色产业。") == [closed, "近日，青岚乡发展特色产业。"]
    # a credit line keeps the spaces that part its names (its role word the OCR split is closed up)
    assert lines("记 者 龚 斌 阮 涛\n正文。")[0] == "记者 龚 斌 阮 涛"
    assert lines("区领导 王俊 黄祖英\n正文。")[0] == "区领导 王俊 黄祖英"


def test_bracketed_meta_fields_become_a_meta_line():
    page = "县林草局召开会议\n【发布时间：2023-03-29 16:50:00】【来源：县林草局】【作者：宝音】\n3月28日，县林草局召开会议。"
    assert lines(page) == ["县林草局召开会议", "发布时间：2023-03-29 16:50:00 来源：县林草局 作者：宝音",
                           "3月28日，县林草局召开会议。"]
    # a bracketed phrase in prose is left alone
    assert lines("【来源：县林草局】") == ["【来源：县林草局】"]
    # pagers and Traditional breadcrumbs are furniture
    assert lines("首頁 > 新聞 > 兩岸\n标题\n共5条  首页  上一页  1  下一页  尾页\n正文。") == ["标题", "正文。"]


def test_cms_breadcrumb_neighbour_links_and_share_strip_are_dropped():
    page = ("当前位置：首页 > 新闻中心 > 工作动态\n首页 > 政务公开\n网站首页 > 乡镇动态\n县政府召开常务会议\n5月1日，县长主持召开常务会议。\n"
            "分享到：\n上一篇：县长调研安全生产工作\n下一篇：县委召开常委会")
    assert lines(page) == ["县政府召开常务会议", "5月1日，县长主持召开常务会议。"]
    assert lines("他指出，要把握好企业的位置：服务发展大局。") == ["他指出，要把握好企业的位置：服务发展大局。"]
    assert lines("位置：灵川县八里街工业园") == ["位置：灵川县八里街工业园"]


def test_a_portal_menu_bar_is_dropped():
    page = "网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进某县\n县政府召开常务会议\n5月1日，县长主持召开常务会议。"
    assert lines(page) == ["县政府召开常务会议", "5月1日，县长主持召开常务会议。"]
    assert lines("｜首页｜要闻｜乡镇｜部门｜\n县政府召开常务会议") == ["县政府召开常务会议"]
    # a column label before one bar is a headline's, and a bar inside prose is no menu
    assert lines("聚焦两会｜代表委员热议高质量发展") == ["聚焦两会｜代表委员热议高质量发展"]
    assert lines("产值、税收、就业三项指标|同比增长，增幅居全市第一。") == ["产值、税收、就业三项指标|同比增长，增幅居全市第一。"]


def test_a_credit_run_into_the_last_paragraph_is_a_line_of_its_own():
    assert lines("副区长参加调研。来源：某某发布") == ["副区长参加调研。", "来源：某某发布"]
    assert lines("副区长参加调研。编辑：张三 审核：李四") == ["副区长参加调研。", "编辑：张三 审核：李四"]
    assert lines("他说，消息来源：可靠。") == ["他说，消息来源：可靠。"]


def test_a_caption_run_into_a_paragraph_starts_a_line():
    assert lines("要坚持学以致用推动发展。▲县领导集中收看开幕式。") == ["要坚持学以致用推动发展。", "▲县领导集中收看开幕式。"]


def test_an_item_run_into_the_one_before_starts_a_line_at_its_dateline():
    assert lines("县领导参加了座谈会。本报讯(记者 刘某)10月16日，我县召开会议。") == [
        "县领导参加了座谈会。", "本报讯(记者 刘某)10月16日，我县召开会议。"]
    assert lines("开展扶贫攻坚 加快小康进程 本报讯(记者 韦某)10月18日，考察组来到我县。") == [
        "开展扶贫攻坚 加快小康进程", "本报讯(记者 韦某)10月18日，考察组来到我县。"]
    assert lines("他说，本报讯(记者 刘某)的消息属实。") == ["他说，本报讯(记者 刘某)的消息属实。"]
    # after a sentence's end, the paper's dateline naming its reporter without a bracket
    assert lines("县领导参加了座谈会。本报讯记者刘某报道：我县召开会议。") == ["县领导参加了座谈会。", "本报讯记者刘某报道：我县召开会议。"]
    assert lines("县领导参加了座谈会。本报沈阳6月10日电记者刘某报道：我县召开会议。") == [
        "县领导参加了座谈会。", "本报沈阳6月10日电记者刘某报道：我县召开会议。"]
    assert lines("他说，本报讯记者刘某的报道属实。") == ["他说，本报讯记者刘某的报道属实。"]
    # a headline run into the dateline with no space: the whole credit up to 报道 decides
    assert lines("少儿艺术汇演举行本报贵阳五月三十日电记者刘某报道：今天，汇演举行。") == [
        "少儿艺术汇演举行", "本报贵阳五月三十日电记者刘某报道：今天，汇演举行。"]
    assert lines("他说，据本报讯记者刘某报道：汇演举行。") == ["他说，据本报讯记者刘某报道：汇演举行。"]


def test_a_proofreader_line_is_a_credit_not_a_masthead():
    assert lines("校对：李四") == ["校对：李四"]
    # an article's sign-off opening with its duty editor names editors; a masthead's 值班主任 line goes
    assert lines("值班主任：饶静　责任编辑：冉小舟　校对：相丽华") == ["值班主任：饶静 责任编辑：冉小舟 校对：相丽华"]
    assert clean_page("值班主任：饶静") == ""


WECHAT_PAGE = ("区领导调研重点项目建设工作某某发改10月14日，区委书记调研重点项目建设工作。副区长参加调研。来源：某某发布"
               "预览时标签不可点微信扫一扫关注该公众号继续滑动看下一个轻触阅读原文某某发改向上滑动看下一个知道了"
               "微信扫一扫使用小程序取消允许×分析视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏")


def test_a_wechat_page_loses_its_interface_and_its_title_is_split_from_the_account():
    assert lines(WECHAT_PAGE) == ["区领导调研重点项目建设工作", "来源：某某发改", "10月14日，区委书记调研重点项目建设工作。副区长参加调研。",
                                  "来源：某某发布"]


def test_a_wechat_marker_alone_is_not_an_interface_tail():
    text = "他在朋友圈写道：继续滑动看下一个故事。"
    assert clean_page(text) == text


# ---------------------------------------------------------------- hard-wrapped lines
def test_hard_wrapped_paragraph_is_joined():
    page = "全区各级各部门要提高政治站位,完整、准确、全面贯彻落实党中央决策部署,坚定不移坚持人民至\n\n上、生命至上,坚定不移落实总策略。"
    assert clean_page(page) == ("全区各级各部门要提高政治站位,完整、准确、全面贯彻落实党中央决策部署,坚定不移坚持人民至上、生命至上,"
                                "坚定不移落实总策略。")


def test_short_prose_line_with_reported_speech_is_joined():
    page = "曹邦兴要求,各级各部门要全力抓好\n\n统筹疫情防控和经济发展工作,确保大局稳定。"
    assert clean_page(page) == "曹邦兴要求,各级各部门要全力抓好统筹疫情防控和经济发展工作,确保大局稳定。"


def test_short_lead_line_opening_with_its_dateline_is_joined():
    page = "本报讯（记者 阮静怡）6月5日，县长葛立群主持召开县政府第\n28次常务会议，研究部署有关工作。"
    assert clean_page(page) == "本报讯（记者 阮静怡）6月5日，县长葛立群主持召开县政府第28次常务会议，研究部署有关工作。"
    # a short headline with a comma still stands alone, also when an outlet's word and 电 stand in it
    assert lines("合力攻坚,遏制疫情蔓延\n\n医务人员坚守岗位,日夜奋战。")[0] == "合力攻坚,遏制疫情蔓延"
    assert lines("合作社搭上电商快车，村民腰包鼓起来\n本报讯（记者 甲某）近日，合作社开网店。")[0] == "合作社搭上电商快车，村民腰包鼓起来"


def test_short_lead_line_opening_with_its_date_is_joined():
    page = "县政府召开常务会议\n\u3000\u30005月6日，县长王建华主持召开县政府常务\n会议，研究近期工作。"
    assert lines(page) == ["县政府召开常务会议", "5月6日，县长王建华主持召开县政府常务会议，研究近期工作。"]


def test_headline_with_a_comma_is_not_joined():
    page = "合力攻坚,尽快遏制疫情扩散蔓延\n\n医务人员坚守岗位,为守护居民健康日夜奋战。"
    assert lines(page) == ["合力攻坚,尽快遏制疫情扩散蔓延", "医务人员坚守岗位,为守护居民健康日夜奋战。"]


def test_unfinished_line_is_not_joined_to_a_headline():
    page = "他说,要积极营造良好氛围,全力以赴做好\n\n县领导调研安全生产工作\n\n本报讯 11月27日,县长调研。"
    assert lines(page)[:2] == ["他说,要积极营造良好氛围,全力以赴做好", "县领导调研安全生产工作"]


def test_closed_paragraph_is_not_joined():
    page = "区领导宋文、张正元等参加调研。\n\n当天上午,常晓勇走进企业。"
    assert lines(page) == ["区领导宋文、张正元等参加调研。", "当天上午,常晓勇走进企业。"]


def test_new_paragraph_opener_is_not_joined_after_a_lost_full_stop():
    page = "会议要求,要加强正面宣传报道,积极营造良好氛围\n\n会议强调,要持续强化两个统筹,确保疫情要防住。"
    assert len(lines(page)) == 2


def test_photo_caption_ends_its_paragraph():
    page = "永川区水美乡村项目效果图。 重庆市水利局供图\n\n据介绍,项目实施区域涉及大安、陈食2个乡镇。"
    assert lines(page) == ["永川区水美乡村项目效果图。重庆市水利局供图", "据介绍,项目实施区域涉及大安、陈食2个乡镇。"]


# ---------------------------------------------------------------- OCR spaces
def test_ocr_spaces_inside_prose_are_removed():
    page = "本报讯(渝西都市报记者 涂燕)11月 14日,区人大常委会主任潘 文峰出席,深入学习贯彻习近平总 书记重要讲话精神。"
    assert clean_page(page) == "本报讯(渝西都市报记者 涂燕)11月14日,区人大常委会主任潘文峰出席,深入学习贯彻习近平总书记重要讲话精神。"


def test_spaces_in_headlines_and_credit_lines_are_kept():
    page = "张智奎主持并讲话 常晓勇潘文峰文良印出席\n\n记者 秦廷富 摄\n\n本报记者 霍吕"
    assert lines(page) == ["张智奎主持并讲话 常晓勇潘文峰文良印出席", "记者 秦廷富 摄", "本报记者 霍吕"]


def test_spaces_inside_byline_brackets_are_kept():
    page = "本报讯(渝西都市报记者 彭禹乔 徐 灵)11月13日,永川区召开会议。"
    assert clean_page(page) == page


def test_spaces_between_latin_words_and_numbers_are_kept():
    text = "欧洲议会友台小组副主席科瓦契夫（Andrey Kovatchev）于2017-06-28 04:42致词。"
    assert clean_page(text) == text


# ---------------------------------------------------------------- whole pages
def test_seed_pages_lose_only_furniture():
    page = (SHARED / "seeds" / "003_2b0bcd877abb46a3.txt").read_text(encoding="utf-8")
    out = clean_page(page)
    assert out.startswith("合力攻坚,尽快遏制疫情扩散蔓延\n")
    assert "主办" not in out and "http" not in out and "下转" not in out
    assert "本报讯(记者 卢先庆 肖乔)11月25日,县委书记曹邦兴主持召开全县疫情防控工作调度会" in out


def test_cleaning_is_idempotent_on_every_seed_and_eval_page():
    assert len(SEED_PAGES) == 5 and len(EVAL_PAGES) > 1000
    for path in SEED_PAGES + EVAL_PAGES:
        once = clean_page(path.read_text(encoding="utf-8"))
        assert clean_page(once) == once, path.name


# ---------------------------------------------------------------- properties
FRAGMENTS = ["本报讯", "(记者 张三 李 四)", "（", "）", "\n", "\n\n", " ", "，", ",", "。", "：", "、", "？", "；", "会议强调，",
             "主办:", "热线:", "123", "http://a.com", "x@y.com", "區(qū)", "(下转第", "二版)", "版权所有", "分享 facebook",
             " 》自营商", "》外资持股", "&nbsp", "### ", "**", "<!--", "-->", "政务微信", "扫码关注", "记者 王五 摄",
             "潘 文峰", "11月 14日", "A", "1", "\t", "\r", "\x00", "·", "标题：", "区领导", "供图", "“", "”", "?", "2020",
             "ICP备", "网站建设:", "资料来源:", "邮箱:", "电话：", "工作", "发展", "的"]
PAGE_LIKE = st.lists(st.sampled_from(FRAGMENTS), max_size=50).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), PAGE_LIKE))
@example(",\r0\r,")   # a joined piece that wraps on into the next line: joined in the same pass
@example(",\r(分享 Facebook0,)")   # a bracket closed by the next line, after an open line: joined in the same pass
def test_clean_page_is_idempotent(text):
    once = clean_page(text)
    assert clean_page(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_page_never_raises_and_leaves_no_blank_lines(text):
    out = clean_page(text)
    assert "" not in out.split("\n") or out == ""
    assert all(line == line.strip() for line in out.split("\n"))


def _rule_chars() -> str:
    """Characters named by any removal rule: text built without them cannot look like furniture."""
    sources = [p.pattern for p, _, _ in clean.TEXT_RULES] + [p.pattern for p in clean.FURNITURE_LINES]
    return "".join(sources + [clean.PROMO_HEADER.pattern])


SAFE_CJK = sorted(set(CJK_RE.findall("".join(p.read_text(encoding="utf-8") for p in SEED_PAGES)))
                  - set(_rule_chars()))
CN_PUNCT = list("，。、；：？！“”‘’（）《》…—")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SAFE_CJK + CN_PUNCT + ["\n", "\n\n"]), max_size=200).map("".join))
def test_no_cjk_character_is_lost_outside_furniture(text):
    assert Counter(CJK_RE.findall(clean_page(text))) == Counter(CJK_RE.findall(text))


def test_a_long_line_containing_furniture_words_is_not_dropped():
    prose = "主办：县委宣传部。" + "全县各级各部门要压实责任，切实做好疫情防控和安全生产工作。" * 10
    assert "压实责任" in clean_page(prose)
    assert clean_page("主办：中共某某县委 某某县人民政府") == ""


# ---------------------------------------------------------------- fast paths (same decisions, cheaper)
CLOSING_ALPHABET = list("。！？!?；;…”’\"'」』》）)（(图圖摄攝影/／供张三李 \n") + ["供图", "摄影"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CLOSING_ALPHABET), max_size=60).map("".join))
def test_ends_with_window_agrees_with_a_full_search(line):
    for pattern, window in ((clean.CLOSED_END, clean.CLOSED_END_WINDOW), (clean.CREDIT_END, clean.CREDIT_END_WINDOW)):
        assert clean._ends_with(pattern, line, window) == (pattern.search(line) is not None)


def test_ends_with_finds_a_long_run_of_closing_marks():
    line = "正文" * 20 + "。" + "”" * 40
    assert clean._ends_with(clean.CLOSED_END, line, clean.CLOSED_END_WINDOW)
    assert not clean._ends_with(clean.CLOSED_END, "正文" * 20 + "”" * 40, clean.CLOSED_END_WINDOW)


TRIGGER_ALPHABET = sorted({t for _, _, trigger in clean.TEXT_RULES for t in trigger}) + list("w.tcomhp 》某")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TRIGGER_ALPHABET), max_size=30).map("".join))
def test_trigger_scan_misses_no_trigger(text):
    present = clean._triggers_in(text)
    assert {t for _, _, trigger in clean.TEXT_RULES for t in trigger if t in text} <= present


def test_trigger_scan_sees_overlapping_triggers():
    assert {".tw", "www."} <= clean._triggers_in(".twww.")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(TRIGGER_ALPHABET + ["主办：", "ICP备", "版权所有", "？2020", "扫码关注"]),
                                     max_size=20).map("".join)))
def test_split_furniture_rules_agree_with_the_combined_rule(line):
    assert clean.is_furniture(line) == (len(line) <= clean.FURNITURE_LINE_MAX and clean.FURNITURE_ANY.search(line) is not None)


def test_window_constants_cover_the_longest_match():
    # The parser's width bound is what the window constants stand for.
    assert clean.CREDIT_END_WINDOW >= re._parser.parse(clean.CREDIT_END.pattern).getwidth()[1] + 1


FURNITURE_RULES = list(clean.FURNITURE_LINES) + [clean.PROMO_HEADER]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(FURNITURE_RULES).flatmap(lambda p: st.from_regex(p)), st.sampled_from(["", "正文第一段。"]))
def test_every_furniture_line_is_a_candidate(line, before):
    line = line.replace("\n", "")
    if not (clean.is_furniture(line) or clean.PROMO_HEADER.match(line)):
        return
    lines = [before, line] if before else [line]
    assert len(lines) - 1 in clean._furniture_candidates(lines)


def test_furniture_candidates_point_at_their_lines():
    lines = ["正文。", "主办：某某县委", "正文", "？2020 某某网", "新闻热线：12345"]
    assert clean._furniture_candidates(lines) == {1, 3, 4}
    assert clean._furniture_candidates(["?2021 某某"]) == {0}


def test_literal_trie_matches_exactly_the_words():
    pattern = re.compile(clean._literal_trie(("主办", "主編", "所有", "所", "ICP")))
    assert pattern.search("主任") is None
    assert {m.group() for m in pattern.finditer("主办 主編 所 ICP")} == {"主办", "主編", "所", "ICP"}


def test_ocr_spaces_between_a_date_s_digits_are_dropped():
    assert lines("本 报 讯 4 月 2 1 日 ，县 长 甲 乙 出 席 会 议 。") == ["本报讯4月21日，县长甲乙出席会议。"]
    assert lines("会议于 2 0 2 3 年 1 2 月 5 日召开，参会 12 人，时间 08:30 。") == ["会议于2023年12月5日召开，参会12人，时间08:30。"]


def test_a_wrapped_paragraph_opening_with_a_time_phrase_is_joined_whatever_its_short_lines_hold():
    page = "今年以来，白杨乡将全乡划分\n为86个网格，每个网格配备1名\n专职网格员。\n石溪镇举办茶叶采摘技能大赛"
    assert lines(page) == ["今年以来，白杨乡将全乡划分为86个网格，每个网格配备1名专职网格员。", "石溪镇举办茶叶采摘技能大赛"]
    # a headline with a comma after a closed paragraph stays a line of its own
    assert lines("全区完成植树12万株。\n抓项目，促发展") == ["全区完成植树12万株。", "抓项目，促发展"]


def test_a_short_piece_with_a_comma_cut_by_a_narrow_column_goes_on_into_the_next_line():
    # after a closed paragraph: the break cuts a word (会|议), so the piece is no headline
    page = ("县委书记甲主持会议并讲话。\n县委副书记、县长乙，县委副书记丙等县委常委出席会\n"
            "议。县人大常委会主任丁列席会议。\n会议指出，要推动产业提质增效。")
    assert lines(page)[1] == "县委副书记、县长乙，县委副书记丙等县委常委出席会议。县人大常委会主任丁列席会议。"
    # a brief or a caption after its bullet is a dated lead however short its first piece
    page = "简讯\n▲5月12日，县总工会举办职工技能大赛，全县14家企业的\n86名职工参赛。（张丽）"
    assert lines(page) == ["简讯", "▲5月12日，县总工会举办职工技能大赛，全县14家企业的86名职工参赛。（张丽）"]
    # a sub-heading with a comma cuts no word with the text under it, nor does a headline over a signed lead
    assert lines("全区完成植树12万株。\n坚持高位推动，压实工作责任\n全县各级把安全生产摆在突出位置。") == \
        ["全区完成植树12万株。", "坚持高位推动，压实工作责任", "全县各级把安全生产摆在突出位置。"]
    assert lines("杉坪乡：小香菇撑起致富伞\n本报讯（记者 甲乙）近年来，杉坪乡大力发展香菇产业。")[0] == "杉坪乡：小香菇撑起致富伞"
    # a piece with no comma as wide as the column is no headline when the break cuts a word (国民|经济)
    page = "会议由县人大常委会主任甲主持。\n会议听取和审议了副县长乙受县政府委托所作的关于上半年国民\n经济和社会发展计划执行情况的报告。"
    assert lines(page)[1] == "会议听取和审议了副县长乙受县政府委托所作的关于上半年国民经济和社会发展计划执行情况的报告。"
    # a number the column cut is one number
    assert lines("基地负责人甲介绍，基地今年预计可产鲜菇200万斤，能带动周边1\n20余户农户增收。") == \
        ["基地负责人甲介绍，基地今年预计可产鲜菇200万斤，能带动周边120余户农户增收。"]


def test_a_dateline_wrapped_inside_its_bracket_of_reporters_is_joined():
    page = "县里召开会议\n本报讯（记者 邝雨晨\n通讯员 鲍子轩）10月8日，县里召开会议。\n会议部署了工作。"
    assert lines(page)[1].startswith("本报讯（记者 邝雨晨") and lines(page)[1].endswith("县里召开会议。")


def test_joining_a_wrapped_line_never_makes_a_run_on_dateline():
    # found by hypothesis: "。本" / "报讯0," joined into a dateline that the next pass split again
    for text in ("。本\r报讯0,", "?0<!---->: 0"):
        once = clean_page(text)
        assert clean_page(once) == once


@pytest.mark.parametrize("raw, line", [
    ("文 | 夏雨萌  图 | 卢晓川", "文：夏雨萌 图：卢晓川"),
    ("文字丨夏雨萌 编辑丨卢晓川 审核丨方明", "文字：夏雨萌 编辑：卢晓川 审核：方明"),
])
def test_credits_with_bars_for_colons_are_a_credit_line(raw, line):
    assert lines(f"青年创业者的新农人梦\n{raw}\n大学毕业后，方晓琳回到家乡。") == ["青年创业者的新农人梦", line,
                                                                     "大学毕业后，方晓琳回到家乡。"]
    # a site's navigation opens with no role word: still furniture
    assert lines("首页 | 新闻 | 图片 | 视频\n标题\n正文。") == ["标题", "正文。"]


def test_briefs_run_together_each_get_their_own_headline_line():
    page = "■县妇联开展家庭教育讲座 6月5日，县妇联邀请专家开展讲座。■县林业局开展护林员培训 6月6日，县林业局培训护林员。"
    assert lines(page) == ["■县妇联开展家庭教育讲座", "6月5日，县妇联邀请专家开展讲座。",
                           "■县林业局开展护林员培训", "6月6日，县林业局培训护林员。"]


@pytest.mark.parametrize("page, joined", [
    # the break cuts a word (书记)
    ("本报讯（记者 范晓峰）7月12日，县委书\n记冯建国深入工业园区调研重点项目\n建设。",
     "本报讯（记者 范晓峰）7月12日，县委书记冯建国深入工业园区调研重点项目建设。"),
    # the line after opens with the sentence's own comma
    ("本报讯（记者 韦佳佳）6月6日，县长\n简永刚主持召开县政府第28次常务会议\n，研究城市更新和防汛工作。",
     "本报讯（记者 韦佳佳）6月6日，县长简永刚主持召开县政府第28次常务会议，研究城市更新和防汛工作。"),
])
def test_a_wrapped_line_without_punctuation_is_joined_to_its_sentence(page, joined):
    assert lines(page) == [joined]


def test_a_headline_after_a_sentence_cut_short_stays_a_line():
    page = "本报讯（记者 韦佳佳）6月6日，县政府召开常务会议，研究城市更新\n县林业局开展护林员培训\n本报讯（记者 马俊生）6月7日，县林业局开展培训。"
    assert lines(page)[1] == "县林业局开展护林员培训"


def test_a_menu_of_role_words_parted_by_bars_is_still_furniture():
    assert lines("视频 | 图片 | 专题 | 评论\n标题\n正文。") == ["标题", "正文。"]


def test_a_bullet_item_with_a_deadline_stays_one_line():
    assert lines("■全县造林地块清理 3月12日前全部完成") == ["■全县造林地块清理 3月12日前全部完成"]


def test_a_headline_after_prose_cut_short_is_not_joined_for_a_word_across_the_break():
    page = "本报讯（记者 甲某）全县重点项目有序推进，其中12个项目处于建设中\n国网某县供电公司开展安全检查\n6月6日，供电公司开展检查。"
    assert lines(page)[1:] == ["国网某县供电公司开展安全检查", "6月6日，供电公司开展检查。"]


DATELINE_CASES = [
    "…参加了座谈会。本报讯(记者 甲乙)10月16日，…", "…工作。本报讯记者甲乙报道：…", "…工作。本报沈阳6月10日电记者甲乙报道：…",
    "某某汇演本报贵阳五月三十日电记者甲乙报道：…", "据本报讯记者甲乙报道：…", "标题   新华网讯（记者 甲）…", "。  本報訊（記者 乙）",
    "”本报讯 5月", "县融媒体中心讯（通讯员 丙）", "本报讯（", " 本报讯（", "。本报", "讯", "", "。" + " " * 30 + "某某某某某某某某某某网讯（",
    "甲" * 12 + "台讯（记者）", "。" + "本报" * 20 + "讯（", "。本报讯（。本报讯（ 本报讯（本报讯记者甲乙报道：",
]


@pytest.mark.parametrize("text", DATELINE_CASES)
def test_anchored_dateline_rule_is_the_plain_regex(text):
    fast, plain = clean.DATELINE_RUN_ON_FAST, clean.DATELINE_RUN_ON
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.subn("\n", text) == plain.subn("\n", text)
    assert (fast.search(text) is None) == (plain.search(text) is None)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="本报報讯訊电電网網台社记者記通讯员报道：:（( 。！”据甲乙０1\n", max_size=80))
def test_anchored_dateline_rule_on_any_text(text):
    fast, plain = clean.DATELINE_RUN_ON_FAST, clean.DATELINE_RUN_ON
    assert fast.subn("\n", text) == plain.subn("\n", text)
    assert (fast.search(text) is None) == (plain.search(text) is None)


def test_anchored_dateline_rule_on_every_seed_and_eval_page():
    fast, plain = clean.DATELINE_RUN_ON_FAST, clean.DATELINE_RUN_ON
    for page in SEED_PAGES + EVAL_PAGES:
        text = clean.SPACE_LIKE.sub(" ", page.read_text(encoding="utf-8", errors="replace"))
        assert fast.subn("\n", text) == plain.subn("\n", text), page.name


LINE_ANCHORED = [("credit", "CREDIT_RUN_ON_FAST", "CREDIT_RUN_ON"), ("slash", "SLASH_CREDIT_RUN_ON_FAST", "SLASH_CREDIT_RUN_ON"),
                 ("dateline", "RUN_ON_DATELINE_FAST", "RUN_ON_DATELINE")]
CREDIT_CASES = ["工作。来源：某某发布", "工作。 来源：甲\n乙。编辑：丙 审核：丁", "。责任编辑：甲\n", "。文/甲乙", "。文/甲乙 图/丙丁",
                "”  图片 / 甲乙、丙丁   摄影／戊己\n下一行。文/甲", "出行。文/甲乙丙丁戊", "。/ 文/甲乙", "。来源：" + "甲" * 40,
                "。文/甲乙" + " " * 40 + "图/丙丁", "无句号 来源：甲", "。编辑：甲乙编辑：丙", "。审核：甲\n\n。校对：乙",
                "工作。本报讯（记者）", "。”\u3000 本报讯 5月", "。又讯（", "。某某网讯：", "。" + "甲" * 10 + "融媒体中心讯（",
                "。" + "甲" * 11 + "融媒体中心讯（", "。本报" + "乙" * 12 + "讯（", "。本报" + "乙" * 13 + "讯（", "。本报记者讯（",
                "。本报讯\n（", "！ \u3000 \u3000本报讯1"]


@pytest.mark.parametrize("name,fast,plain", LINE_ANCHORED)
@pytest.mark.parametrize("text", CREDIT_CASES)
def test_line_anchored_credit_rules_are_the_plain_regexes(name, fast, plain, text):
    fast, plain = getattr(clean, fast), getattr(clean, plain)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.subn("\n", text) == plain.subn("\n", text)
    assert (fast.search(text) is None) == (plain.search(text) is None)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="来源作者责任编辑审核校对文图片摄影/／：:。！”  、甲乙丙\n本报讯又网融媒体中心记（1\u3000", max_size=80))
def test_line_anchored_credit_rules_on_any_text(text):
    for _, fast, plain in LINE_ANCHORED:
        fast, plain = getattr(clean, fast), getattr(clean, plain)
        assert fast.subn("\n", text) == plain.subn("\n", text)
        assert (fast.search(text) is None) == (plain.search(text) is None)


def test_line_anchored_credit_rules_on_every_seed_and_eval_page():
    for page in SEED_PAGES + EVAL_PAGES:
        text = clean.SPACE_LIKE.sub(" ", page.read_text(encoding="utf-8", errors="replace"))
        for _, fast, plain in LINE_ANCHORED:
            assert getattr(clean, fast).subn("\n", text) == getattr(clean, plain).subn("\n", text), page.name


def test_a_dateline_after_a_line_that_lost_its_full_stop_opens_a_paragraph():
    page = "6月2日，某镇开展防溺水教育，教育学生不私自下水游泳\n本报讯（记者 覃明哲）6月3日，县文旅局举办活动。"
    assert lines(page) == ["6月2日，某镇开展防溺水教育，教育学生不私自下水游泳", "本报讯（记者 覃明哲）6月3日，县文旅局举办活动。"]


def test_a_chief_editor_among_an_article_s_sign_off_lines_is_kept_but_not_in_a_masthead():
    assert lines("正文。\n监制：车某某\n主编：宁某某\n编辑：贝某某") == ["正文。", "监制：车某某", "主编：宁某某", "编辑：贝某某"]
    assert lines("社长：甲某某\n主编：乙某某\n责任编辑：丙某某\n标题\n正文。") == ["责任编辑：丙某某", "标题", "正文。"]


@pytest.mark.parametrize("salutation", ["各镇人民政府，县级各部门：", "各乡（镇）人民政府、街道办事处，县直有关单位：", "同志们："])
def test_a_salutation_stays_a_line_of_its_own(salutation):
    assert lines(f"关于开展安全生产月活动的通知\n{salutation}\n根据统一部署，现就有关事项通知如下。")[1] == salutation


def test_a_salutation_wrapped_over_two_lines_is_one_line_of_its_own():
    page = "关于开展安全生产月活动的通知\n各乡镇人民政府，\n县直各有关单位：\n根据统一部署，现就有关事项通知如下。"
    assert lines(page)[1:] == ["各乡镇人民政府，县直各有关单位：", "根据统一部署，现就有关事项通知如下。"]


@pytest.mark.parametrize("credit", ["文/柏某某", "文/柏某某 图/张某某", "文/图 甲某某"])
def test_a_slashed_credit_run_into_the_last_sentence_is_a_line_of_its_own(credit):
    assert lines(f"标题\n10月1日起，县城新增2条公交线路，方便群众出行。{credit}")[1:] == [
        "10月1日起，县城新增2条公交线路，方便群众出行。", credit]
    assert lines("标题\n全县脱贫人口占比为1/3。") == ["标题", "全县脱贫人口占比为1/3。"]


def test_a_line_as_wide_as_an_indented_page_s_column_goes_on_into_the_line_with_no_indent():
    page = ("某某县人大常委会召开第九次会议\n"
            "\u3000\u30006月3日，某某县第九届人大常委会第九次会议召\n开。县人大常委会主任甲某某主持会议。\n"
            "\u3000\u3000会议听取和审议了县人民政府关于上半年国民经济\n和社会发展计划执行情况的报告。\n"
            "\u3000\u3000会议强调，要依法履职，加强监督，推动各项决策\n部署落地见效。")
    assert lines(page)[2] == "会议听取和审议了县人民政府关于上半年国民经济和社会发展计划执行情况的报告。"
    # with no indent the page shows no column: the short piece stays a line of its own
    assert "会议听取和审议了县人民政府关于上半年国民经济" in lines(page.replace("\u3000", ""))


def test_a_closing_credit_cut_inside_its_bracket_is_joined():
    page = "标题\n县住建局开展入户安全检查，确保群众温暖过冬。（记者 甲某某\n 通讯员 乙某某）\n本版责任编辑：丙某某"
    assert lines(page)[1:] == ["县住建局开展入户安全检查，确保群众温暖过冬。（记者甲某某通讯员 乙某某）", "本版责任编辑：丙某某"]


def test_a_page_cut_to_a_column_with_no_indent_joins_its_full_lines_over_pieces_of_a_sentence():
    page = "\n".join(["某某县人大常委会召开第九次会议", "6月3日，某某县第九届人大常委会第九次会议召开，", "县人大常委会主任甲某某主持会议并讲话，县人大常委",
                      "会副主任乙某某、丙某某出席会议。",
                      "会议听取和审议了县人民政府关于上半年国民经济和社", "会发展计划执行情况的报告。",
                      "会议强调，要依法履职，加强监督，推动各项决策部署", "落地见效，为全县高质量发展提供法治保障。",
                      "会议表决通过了有关人事任免事项，丁某某被任命为县", "农业农村局局长，戊某某被任命为县教育局局长。"])
    assert lines(page)[1:] == ["6月3日，某某县第九届人大常委会第九次会议召开，县人大常委会主任甲某某主持会议并讲话，县人大常委会副主任"
                               "乙某某、丙某某出席会议。", "会议听取和审议了县人民政府关于上半年国民经济和社会发展计划执行情况的报告。",
                               "会议强调，要依法履职，加强监督，推动各项决策部署落地见效，为全县高质量发展提供法治保障。",
                               "会议表决通过了有关人事任免事项，丁某某被任命为县农业农村局局长，戊某某被任命为县教育局局长。"]


def test_an_indented_page_s_paragraph_goes_on_below_a_line_that_ended_a_sentence_at_the_column_s_edge():
    page = "\n".join(["县委理论学习中心组举行专题学习会", "\u3000\u3000本报讯（记者 柏晓芳）10月18日，县委理论学习中心组举",
                      "行2023年第八次专题学习会，县委书记甲某某主持会议并讲话。", "县委副书记、县长乙某某，县人大常委会主任丙某某，县政协主席柏",
                      "美玲等县领导参加学习。", "\u3000\u3000会议强调，要坚持学思用贯通、知信行统一，把学习成果转化为",
                      "推动高质量发展的实际行动，以实干实绩检验学习成效。", "\u3000\u3000会上，县委常委、宣传部部长丁某某领学了有关文件精神。"])
    assert lines(page)[2] == "县委副书记、县长乙某某，县人大常委会主任丙某某，县政协主席柏美玲等县领导参加学习。"


def test_a_record_s_line_of_fields_cut_by_the_column_is_joined():
    page = "\n".join(["某某县召开人才工作座谈会", "某某县融媒体中心\u3000发布时间：2024-07-05\u3000作者：柏晓", "芳",
                      "\u3000\u30007月4日，全县人才工作座谈会召开，县委副书记甲某某主持会",
                      "议，县委常委、组织部部长乙某某出席会议并讲话。",
                      "\u3000\u3000座谈会上，县第一高级中学校长丙某某和返乡创业青年代表丁某", "某分别作交流发言。",
                      "\u3000\u3000乙某某指出，要坚持人才引领发展战略，用好用活人才政策，营", "造识才爱才敬才用才的良好环境。"])
    assert lines(page)[1] == "某某县融媒体中心 发布时间：2024-07-05 作者：柏晓芳"


def test_a_headline_as_wide_as_the_column_under_a_paragraph_that_ran_to_its_edge_stays_a_headline():
    page = "\n".join(["县委理论学习中心组举行专题学习会", "\u3000\u3000本报讯（记者 柏晓芳）10月18日，县委理论学习中心组举",
                      "行2023年第八次专题学习会，县委书记甲某某主持会议并讲话。", "县委副书记、县长乙某某，县人大常委会主任丙某某，县政协主席柏",
                      "美玲等县领导参加学习，县委常委、宣传部部长丁某某领学文件。", "全县秋冬季森林防火暨安全生产工作视频调度会议在县城召开部署",
                      "本报记者 戊某某", "\u3000\u3000会议强调，要坚持学思用贯通、知信行统一，把学习成果转化为",
                      "推动高质量发展的实际行动，以实干实绩检验学习成效。", "\u3000\u3000会上，县委常委、宣传部部长丁某某领学了有关文件精神。"])
    assert lines(page)[3:5] == ["全县秋冬季森林防火暨安全生产工作视频调度会议在县城召开部署", "本报记者 戊某某"]


def test_a_page_nobody_wrapped_shows_no_column_though_its_subheads_share_a_width():
    # numbered subheads of one width over one-line paragraphs: no column cut them, each stays a line
    page = "\n".join(["我县扎实推进乡村振兴各项重点工作", "今年以来，我县坚持把乡村振兴作为工作总抓手，各项工作取得明显成效。",
                      "一、坚持高位推动，压紧压实各级工作责任", "县委、县政府主要领导多次召开专题会议研究部署，县委书记甲某某带头深入一线。",
                      "二、坚持产业带动，持续拓宽群众增收渠道", "全县新发展特色种植面积3万亩，建成农产品加工企业12家。",
                      "三、坚持项目支撑，加快补齐基础设施短板", "全年实施农村公路、饮水安全等项目86个，完成投资4.2亿元。",
                      "四、坚持改革创新，不断激发乡村发展活力", "深化农村集体产权制度改革，村级集体经济收入全部达到10万元以上。",
                      "五、坚持党建引领，全面夯实基层组织根基", "全县软弱涣散村党组织全部完成整顿，选派驻村第一书记126名。"])
    assert column_cuts(page) == frozenset()
    assert lines(page) == page.split("\n")


def test_equal_headlines_over_indented_paragraphs_nobody_wrapped_keep_their_bylines_apart():
    item = ["{}：小{}做成乡村振兴路上的“大文章”", "本报记者 甲某某",
            "\u3000\u3000今年以来，{}坚持把特色产业作为乡村振兴的重要抓手，新建标准化基地3000亩，培育加工企业5家，综合产值突破2亿元，"
            "带动1200余户群众增收。", "\u3000\u3000镇长乙某某表示，将进一步擦亮品牌。"]
    page = "\n".join(line.format(*[place, thing, place][:line.count("{}")]) for place, thing in
                     (("东岭镇", "茶叶"), ("杉坪乡", "香菇"), ("白杨乡", "核桃")) for line in item)
    assert column_cuts(page) == frozenset()
    assert "本报记者 甲某某" in lines(page)


def test_a_closing_signature_of_writers_keeps_the_space_of_a_padded_two_character_name():
    # older pages pad a two-character name to three ("邝　磊"): glued, "邝磊谌文静" cuts two ways
    page = clean_page("敬老活动\n10月17日，县长甘明辉到敬老院看望老人。（邝　磊 谌文静）\n")
    assert page.endswith("看望老人。（邝 磊 谌文静）")


def test_ocr_s_spaced_characters_in_a_closing_bracket_are_no_signature():
    assert lines("标题\n完成任务。（详 见 附 件 一）")[1] == "完成任务。（详见附件一）"


def test_a_headline_run_in_between_two_items_on_one_line_is_a_line_of_its_own():
    page = ("县政府召开常务会议 本报讯（记者 甲某）11月21日，县长乙某主持召开常务会议。 乙某强调，要加快进度。 "
            "县领导督查重点项目 本报讯（通讯员 丙某）11月22日，副县长丁某督查重点项目。")
    assert lines(page) == ["县政府召开常务会议", "本报讯（记者 甲某）11月21日，县长乙某主持召开常务会议。乙某强调，要加快进度。",
                           "县领导督查重点项目", "本报讯（通讯员 丙某）11月22日，副县长丁某督查重点项目。"]
    # a clause closing the paragraph, its comma before the dateline, stays where it is
    assert len(lines("会议要求，抓好落实。 县长乙某指出，要加快 本报讯（记者 甲某）…")) == 2


HEADLINE_CASES = ["。 县领导督查重点项目 本报讯（", "。县领导督查重点项目 本报讯(", "。县领导督查重点项目本报讯（", "”  " + "甲" * 30 + "   某某网讯（",
                  "。" + "甲" * 31 + " 本报讯（", "。" + "甲" * 30 + "    本报讯（", "。甲乙丙丁 " + "丙" * 10 + "报讯 (", "。甲乙丙丁 本报讯 \n（",
                  "。甲乙，丙丁 本报讯（", "。甲乙丙丁 本報訊（。甲乙丙丁 本报讯（"]


@pytest.mark.parametrize("text", HEADLINE_CASES)
def test_anchored_headline_rule_is_the_plain_regex(text):
    fast, plain = clean.HEADLINE_RUN_ON_FAST, clean.HEADLINE_RUN_ON
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.subn("\n", text) == plain.subn("\n", text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="本报報讯訊网台社甲乙丙丁（( 。！”，\n", max_size=90))
def test_anchored_headline_rule_on_any_text(text):
    fast, plain = clean.HEADLINE_RUN_ON_FAST, clean.HEADLINE_RUN_ON
    assert fast.subn("\n", text) == plain.subn("\n", text)


def test_a_headline_run_on_after_an_item_s_closing_credit_is_a_line_of_its_own():
    page = ("县委召开干部大会\n本报讯 9月1日，县委召开干部大会。县委书记甲某主持会议。（记者 乙 某）我县举办芦笙节\n"
            "文/图 本报记者 丙某某\n9月2日，我县芦笙节开幕。")
    assert lines(page)[2:4] == ["我县举办芦笙节", "文/图 本报记者 丙某某"]
    # a sentence after the credit leaves the line whole
    assert lines("会议召开。（记者 乙某）会议要求，抓好落实。\n本报讯 9月2日，…")[0] == "会议召开。（记者 乙某）会议要求，抓好落实。"


def test_a_font_size_switch_with_spaces_inside_its_brackets_is_furniture():
    assert lines("县政府召开常务会议\n字号：[ 大 中 小 ]　　【打印本页】\n3月1日，县政府召开常务会议。") == [
        "县政府召开常务会议", "3月1日，县政府召开常务会议。"]


def test_a_caption_s_credit_with_its_name_spaced_out_by_ocr_keeps_the_name_whole_and_the_credit_apart():
    assert lines("7月15日，县委书记甲某某到某某镇检查防汛工作。记者 柯 敏 摄") == [
        "7月15日，县委书记甲某某到某某镇检查防汛工作。记者 柯敏 摄"]
    assert lines("活动现场。记者 柯敏 蒋 立 新 摄") == ["活动现场。记者 柯敏 蒋立新 摄"]


def test_a_breadcrumb_from_the_site_s_name_is_furniture():
    page = ("雁湖县人民政府 > 政务公开 > 工作动态\n县人大常委会召开第十八次会议\n2024-04-26 16:05:31 来源：县人大办\n"
            "4月25日，县人大常委会召开会议。")
    assert lines(page)[0] == "县人大常委会召开第十八次会议"
    assert clean.is_furniture("某某县人民政府 ＞ 新闻中心")
    # a headline that compares with > is text
    assert not clean.is_furniture("我县粮食产量>去年同期，增幅居全市第一。")


@pytest.mark.parametrize("tail", ["相关报道见第三版", "下转第二版", "据悉今年全乡计划种植水稻1.2万亩"])
def test_a_jump_line_or_a_sentence_after_a_closing_credit_is_no_headline(tail):
    page = f"县政协召开常委会议\n本报讯 2月10日，县政协常委会议召开。（记者 杨宗仁）{tail}\n2月11日，县政协机关召开党组会议。"
    assert tail not in lines(page) and any(tail in line for line in lines(page))


@pytest.mark.parametrize("row, head, lead", [
    ("县政协视察城乡供水工作  5月4日，县政协主席甲某某带领委员视察城乡供水工作。", "县政协视察城乡供水工作",
     "5月4日，县政协主席甲某某带领委员视察城乡供水工作。"),
    ("县政府召开常务会议 9月26日上午，县长乙某某主持召开县政府常务会议。", "县政府召开常务会议",
     "9月26日上午，县长乙某某主持召开县政府常务会议。"),
    ("乙某某督查河长制工作：3月19日，县长乙某某带队督查河长制落实情况。（记者 丁某）", "乙某某督查河长制工作",
     "3月19日，县长乙某某带队督查河长制落实情况。（记者 丁某）"),
    ("“邻里议事”解难题   本报讯 今年以来，桃溪镇推行邻里议事机制。", "“邻里议事”解难题", "本报讯今年以来，桃溪镇推行邻里议事机制。"),
])
def test_a_brief_s_headline_run_into_its_dated_lead_on_one_row_is_a_line_of_its_own(row, head, lead):
    # a county paper's brief set as one row: its headline, spaces, then its dateline
    assert lines(f"上一条的正文。\n{row}") == ["上一条的正文。", head, lead]


@pytest.mark.parametrize("row", [
    "本报记者丙某某 6月5日，县里召开会议。",        # a reporter's credit before the lead, not a headline
    "全县造林地块清理 3月12日前全部完成",            # a deadline, no lead
    "会议要求 6月5日前全部完成整改。",               # no comma after the day
    "县委书记丙某某在会上强调：6月5日，全县要完成整改。",   # what was said, after its colon
    "现将有关事项通知如下：6月5日，各单位报送材料。",
])
def test_a_row_that_is_no_headline_and_lead_stays_one_line(row):
    assert lines(row) == [clean_page(row)]


def test_a_registration_number_line_without_a_colon_is_masthead():
    # "国内统一连续出版物号 CN00-0000" printed with a space, the page's editor and phone after it
    page = "国内统一连续出版物号 CN99-0099　责任编辑：甲乙　电话：（0000）1234567\n县委常委会召开会议\n正文。"
    assert lines(page) == ["县委常委会召开会议", "正文。"]


def test_reporters_spaced_out_after_an_unbracketed_dateline_keep_their_spaces():
    # the spaces part the names ("甘立群" "钱寅"); the lead after them loses its OCR spaces as prose does
    out = clean_page("本报讯 记者 甘 立 群 钱 寅 4月19日，县委召开全县 茶产业推进大会。\n")
    assert out == "本报讯 记者 甘 立 群 钱 寅 4月19日，县委召开全县茶产业推进大会。"


def test_one_character_alone_after_an_open_line_goes_on_with_it():
    # a narrow column cut a name twice: "…护林员盘" / "金" / "福就…" (and a lead's time of day after its date)
    page = "瑶山里的护林人\n记者 甲某某\n5月9日清晨，天刚蒙蒙亮，51岁的护林员盘\n金\n福就背起水壶进了山。\n"
    assert lines(page)[-1] == "5月9日清晨，天刚蒙蒙亮，51岁的护林员盘金福就背起水壶进了山。"


def test_a_quotation_opened_and_cut_before_it_closes_goes_on_below():
    page = "村里的新变化\n本报记者 乙某\n“以前办个证要跑好几个窗口，现在\n一个窗口就办好了。”11月24日，居民丙某某说。\n"
    assert lines(page)[-1] == "“以前办个证要跑好几个窗口，现在一个窗口就办好了。”11月24日，居民丙某某说。"


def test_a_paragraph_cut_inside_the_name_after_a_post_is_one_line():
    page = "11月19日，县长甲某某到白溢乡调研柑橘产业发展。\n县农业局局长谭德\n华陪同调研。（记者 丁某）\n"
    assert lines(page) == ["11月19日，县长甲某某到白溢乡调研柑橘产业发展。", "县农业局局长谭德华陪同调研。（记者 丁某）"]


@pytest.mark.parametrize("headline", ["县政协召开主席会议", "县人大常委会召开第十二次主任会议", "县委书记例会"])
def test_a_deck_naming_who_presided_stays_under_a_headline_ending_in_a_post_and_a_word(headline):
    # 主席 + 会议 is no post and a name's first characters: "甲某出席" is the headline's deck
    assert lines(f"{headline}\n甲某出席\n本报讯 5月6日，会议召开。\n")[:2] == [headline, "甲某出席"]


def test_the_font_size_buttons_without_a_colon_leave_the_record_s_meta_line():
    line = "来源：县委办 作者：甲某某 发布时间：2025-03-12 17:30 浏览次数：412 【字号 大 中 小】"
    assert lines(f"县委常委会召开会议\n{line}\n正文。") == ["县委常委会召开会议", line.removesuffix(" 【字号 大 中 小】"), "正文。"]


def test_a_name_cut_after_its_surname_below_a_post_is_one_line():
    assert lines("县文旅公司经理程\n旭东介绍，今年已接待游客120万人次。\n") == ["县文旅公司经理程旭东介绍，今年已接待游客120万人次。"]


def test_a_paragraph_cut_inside_the_name_after_a_post_before_what_he_said_is_one_line():
    page = "一部电话从不关机\n乡卫生院院长王建\n华说：“甲某某是我们的标杆。”\n"
    assert lines(page) == ["一部电话从不关机", "乡卫生院院长王建华说：“甲某某是我们的标杆。”"]


@pytest.mark.parametrize("deck", ["——访县茶叶局局长邱 永 华", "——记乡村医生罗 兴 贵"])
def test_a_three_character_name_spaced_out_at_a_deck_s_end_is_one_name(deck):
    assert lines(f"“小茶叶”撬动“大产业”\n{deck}\n问：今年情况如何？")[1] == deck.replace(" ", "")


def test_a_feature_s_lead_opening_on_the_hour_goes_on_below():
    page = "老党员的“民情日记”\n本报记者 甲某某\n清晨6点，家住古美路街道的\n退休老党员张\n德\n明就出门了。\n"
    assert lines(page)[-1] == "清晨6点，家住古美路街道的退休老党员张德明就出门了。"


def test_a_paragraph_cut_inside_the_name_after_any_head_of_a_unit_is_one_line():
    page = "9月22日晚，村民们唱起了侗族大歌。\n县文化馆馆长龙 建\n华说，全县已有侗族大歌队伍30余支。\n"
    assert lines(page) == ["9月22日晚，村民们唱起了侗族大歌。", "县文化馆馆长龙建华说，全县已有侗族大歌队伍30余支。"]


def test_a_unit_before_a_spaced_name_of_two_in_a_credit_line_keeps_its_space():
    assert lines("会议要求，要把培训与产业发展结合起来。\n供稿：县农业局 马 丽\n编辑：甲某")[1] == "供稿：县农业局 马 丽"


def test_a_wechat_copy_s_call_to_follow_the_account_is_dropped():
    page = "点击蓝字关注我们\n某某县召开森林防火工作会议\n11月4日，某某县召开森林防火工作会议。"
    assert lines(page) == ["某某县召开森林防火工作会议", "11月4日，某某县召开森林防火工作会议。"]
    assert lines("点击上方蓝字 关注我们\n某某县举办民歌节")[0] == "某某县举办民歌节"
    # (a sentence that asks readers to follow stays: it is the text's own)
    assert lines("请点击蓝字关注我们，获取更多资讯。") == ["请点击蓝字关注我们，获取更多资讯。"]


def test_two_columns_side_by_side_as_an_e_paper_s_text_lays_them_out_are_read_one_after_the_other():
    page = ("区委理论学习中心组                    区政府召开常务会议\n"
            "开展专题学习                          研究稳增长工作\n"
            "本报讯（记者 甲某）6月13日，区委      本报讯（记者 乙某）6月13日，区政\n"
            "理论学习中心组开展专题学习。          府召开第二十二次常务会议。\n")
    out = lines(page)
    assert out.index("区政府召开常务会议") > out.index("开展专题学习")
    assert not any("区委" in line and "区政" in line for line in out)
    # (a front page's pointers to other pages, the page number far to the right, are no second column)
    pointers = "◆旗里召开防汛抗旱工作会议         2版\n◆牧民合作社闯出新路子             3版\n◆草原上的新学校                   4版\n"
    assert [line[:4] for line in lines(pointers)] == ["◆旗里召", "◆牧民合", "◆草原上"]


def test_a_caption_s_photographers_after_their_role_and_colon_keep_the_spaces_between_names():
    assert lines("8月24日，游客在薰衣草庄园拍照留念。 摄影：帕提古丽 王 军") == ["8月24日，游客在薰衣草庄园拍照留念。 摄影：帕提古丽 王军"]


def test_a_table_s_rows_with_wide_gaps_are_no_two_columns():
    page = ("县人民医院心内科            张海涛 李秀芳\n县中医院针灸推拿科          王建国 赵丽萍\n"
            "县妇幼保健院儿保科          孙志强 周晓燕\n")
    assert [line.split(" ")[0] for line in lines(page)] == ["县人民医院心内科", "县中医院针灸推拿科", "县妇幼保健院儿保科"]
