"""Article splitting: headline stacks, bylines and credits, sub-headings, header pages; seeds end to end."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.articles import (MASTHEAD_LINE_RE, byline_source, choose_title, parse_credits, record_meta,
                            split_articles, title_from_lead, unit_signed)
from tasks.clean import CJK, clean_page
from tasks.normalise import normalise_page
from tests.helpers import pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
CJK_RE = re.compile(f"[{CJK}]")
PUNCT = re.compile(r"[\s\u3000\W_]+")


def key(text: str | None) -> str:
    """As ../shared/tools/score.py matches titles: NFKC, no whitespace or punctuation."""
    return PUNCT.sub("", unicodedata.normalize("NFKC", text or ""))


# ---------------------------------------------------------------- seeds end to end
@pytest.mark.parametrize("doc", sorted(GOLD["documents"]))
def test_seed_page_articles_titles_and_bylines(doc):
    expected = GOLD["documents"][doc]["articles"]
    drafts = pipeline((SHARED / "seeds" / doc).read_text(encoding="utf-8"))
    assert len(drafts) == len(expected)
    unused = list(drafts)
    for gold in expected:
        k = key(gold["title_key"])
        hit = next((d for d in unused if k in key(d.title)), None)
        hit = hit or next((d for d in unused if d.title_from_lead and k in key(d.body[:300])), None)
        assert hit is not None, gold["title_key"]
        unused.remove(hit)
        for byline in gold["bylines"]:
            assert (byline["name"], byline["role"]) in hit.credits, (gold["title_key"], byline)


def test_seed_article_counts_are_as_annotated():
    counts = {doc[:3]: len(v["articles"]) for doc, v in GOLD["documents"].items()}
    assert counts == {"000": 3, "001": 1, "002": 6, "003": 7, "004": 1}


def test_seed_bodies_start_with_the_lead_and_hold_no_byline():
    drafts = pipeline((SHARED / "seeds" / "000_0bf9055ec49ad083.txt").read_text(encoding="utf-8"))
    assert drafts[0].body.startswith("11月13日，永川区新冠肺炎疫情防控指挥部召开会议")
    assert drafts[0].byline == "本报讯（渝西都市报记者 彭禹乔 徐 灵）" and drafts[0].source == "渝西都市报"
    assert drafts[2].source == "华龙网-新重庆客户端" and drafts[2].body.startswith("近日，")
    assert all("本报讯" not in d.body for d in drafts)


# ---------------------------------------------------------------- bylines and credits
@pytest.mark.parametrize("byline, credits", [
    ("本报讯（渝西都市报记者 彭禹乔 徐 灵）", [("彭禹乔", "reporter"), ("徐灵", "reporter")]),
    ("本报讯(记者 卢先庆 肖乔)", [("卢先庆", "reporter"), ("肖乔", "reporter")]),
    ("本报记者 霍吕", [("霍吕", "reporter")]),
    ("记者 秦廷富 摄", [("秦廷富", "photographer")]),
    ("本条编辑：韦雪", [("韦雪", "editor")]),
    ("（记者 张三 通讯员 李四）", [("张三", "reporter"), ("李四", "reporter")]),
    ("（新华社记者李永宏摄）", [("李永宏", "photographer")]),
    ("本报讯记者刘桂莲报道：", [("刘桂莲", "reporter")]),
    ("（记者 潘 文峰）", [("潘文峰", "reporter")]),
    ("（记者 彭禹 乔）", [("彭禹乔", "reporter")]),
    # a reporter's rank after the pictures' colon: who took them
    ("文：记者 周某 图：记者 严某某", [("周某", "reporter"), ("严某某", "photographer")]),
    ("文 | 记者 周某 图 | 记者 严某某", [("周某", "reporter"), ("严某某", "photographer")]),
    # a name's last character the scan set apart, another name spaced after it
    ("（记者 栾某 杰 刘 畅）", [("栾某杰", "reporter"), ("刘畅", "reporter")]),
    # a scan's space inside a role word: the role, not a name ("实 习生")
    ("（记者 杨某某 实 习生 丁某某）", [("杨某某", "reporter"), ("丁某某", "reporter")]),
    ("（记者 杨某某 通 讯员 丁某某）", [("杨某某", "reporter"), ("丁某某", "reporter")]),
    # a place that leaves only the surname was the given name; a county media centre's place is nobody
    ("本报讯　记者何长江报道：", [("何长江", "reporter")]),
    ("文/图 澜江区融媒体记者 项雨轩", [("项雨轩", "reporter"), ("项雨轩", "photographer")]),
    # a county paper's page sign-off
    ("值班主任：饶静　责任编辑：冉小舟　校对：相丽华", [("饶静", "editor"), ("冉小舟", "editor"), ("相丽华", "editor")]),
    ("版式：焦一川", [("焦一川", "editor")]),
])
def test_parse_credits(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline", ["本报讯", "重庆日报讯", "华龙网-新重庆客户端消息", "央视网消息（新闻联播）：", "（本报记者）",
                                    "记者节表彰大会举行", ""])
def test_bylines_without_names_credit_nobody(byline):
    assert parse_credits(byline) == []


@pytest.mark.parametrize("byline, source", [
    ("本报讯（渝西都市报记者 彭禹乔 徐 灵）", "渝西都市报"), ("重庆日报讯", "重庆日报"),
    ("华龙网-新重庆客户端消息", "华龙网-新重庆客户端"), ("央视网消息（新闻联播）：", "央视网"),
    ("据新华社北京1月15日电（记者刘朝晖）", "新华社"), ("本报讯（记者 熊辉）", None), ("本报讯", None), (None, None),
    ("巫山县融媒体中心讯（记者 罗丹）", "巫山县融媒体中心"), ("据县融媒体中心消息（记者 罗丹）", "县融媒体中心"),
])
def test_byline_source(byline, source):
    assert byline_source(byline) == source


def test_a_county_media_centre_s_dateline_credits_its_reporter_and_starts_an_item():
    page = ("巫山县融媒体中心讯（记者 罗丹）2月19日，县长龙海涛调研森林防火工作。\n"
            "巫山县融媒体中心讯（记者 王敏 通讯员 李想）2月20日，副县长骆永红调研春耕工作。")
    first, second = split_articles(page)
    assert first.credits == [("罗丹", "reporter")] and first.body.startswith("2月19日")
    assert second.credits == [("王敏", "reporter"), ("李想", "reporter")] and second.body.startswith("2月20日")
    [only] = split_articles("据巫山县融媒体中心消息（记者 王敏）2月20日，副县长骆永红调研春耕工作。")
    assert only.credits == [("王敏", "reporter")] and only.body.startswith("2月20日")


def test_wechat_credits_with_a_bar_for_the_colon():
    page = "县长调研森林防火\n2月19日，县长龙海涛调研森林防火工作。\n文字 | 罗丹\n图片｜王敏\n编辑丨李想\n审核 | 周周"
    [d] = split_articles(page)
    assert d.credits == [("罗丹", "reporter"), ("王敏", "photographer"), ("李想", "editor"), ("周周", "editor")]
    assert d.body == "2月19日，县长龙海涛调研森林防火工作。"
    # a headline's bar after a column label is no credit
    assert parse_credits("聚焦两会｜代表委员热议政府工作报告") == []


def test_byline_prefix_leaves_the_body_and_the_lead_follows():
    [a] = split_articles("县领导调研安全生产工作\n本报讯（记者 雷行星） 11月27日，县长付嘉康调研安全生产工作。")
    assert a.byline == "本报讯（记者 雷行星）" and a.credits == [("雷行星", "reporter")]
    assert a.body == "11月27日，县长付嘉康调研安全生产工作。"


def test_ascii_punctuation_is_tolerated():
    [a] = split_articles("县领导调研安全生产工作\n本报讯(记者 雷行星)11月27日,县长付嘉康调研安全生产工作。")
    assert a.credits == [("雷行星", "reporter")] and a.body.startswith("11月27日,")


def test_credit_lines_and_trailing_credit_leave_the_body():
    page = "改造农村住房 提升人居环境\n连日来，天府镇启动农房整治工程，改善人居环境。（本报记者）\n记者 秦廷富 摄"
    [a] = split_articles(page)
    assert a.body == "连日来，天府镇启动农房整治工程，改善人居环境。"
    assert a.credits == [("秦廷富", "photographer")]


def test_a_unit_s_signature_after_the_last_sentence_credits_its_writers():
    page = "全县安全生产工作会议召开\n5月5日，全县安全生产工作会议召开。县长吴立明出席会议并讲话。（县委办 张建华）"
    [a] = split_articles(normalise_page(clean_page(page))[0])
    assert a.credits == [("张建华", "reporter")] and a.body.endswith("讲话。")
    [a] = split_articles("会议召开\n5月5日，全县安全生产工作会议召开。（区融媒体中心张建华李红梅）")
    assert a.credits == [("张建华", "reporter"), ("李红梅", "reporter")]
    # a unit with no writer, or an aside that names no unit, stays in the body
    for tail in ("（县委办供稿）", "（吴立明讲话）"):
        [a] = split_articles(f"会议召开\n5月5日，全县安全生产工作会议召开。{tail}")
        assert a.credits == [] and a.body.endswith(tail)


def test_a_photo_credit_after_a_caption_on_its_line_leaves_the_body():
    for line in ("图为活动现场。 郝晓琳/摄", "图为活动现场。 摄影：郝晓琳", "图为活动现场。郝晓琳 李明 摄"):
        [a] = split_articles(f"会议召开\n5月5日，全县安全生产工作会议召开。\n{line}")
        assert a.credits and all(role == "photographer" for _, role in a.credits), line
        assert a.body.endswith("图为活动现场。"), line
    # a name alone in brackets after a paragraph with no headline stays in the body (People's Daily signs
    # paragraphs so, and its labels count the name as a person); under its headline it signs a county paper's item
    [a] = split_articles("5月5日，全县安全生产工作会议召开。（左明）")
    assert a.credits == [] and a.body.endswith("（左明）")
    [a] = split_articles("会议召开\n5月5日，全县安全生产工作会议召开。（左明）")
    assert a.credits == [("左明", "reporter")] and a.body.endswith("召开。")
    [a] = split_articles("会议召开\n5月5日，全县安全生产工作会议召开。（乔丽 武鹏飞）")
    assert a.credits == [("乔丽", "reporter"), ("武鹏飞", "reporter")]
    # a bracket of words that are no names signs nothing, however surname-like their first character
    for note in ("（文字稿）", "（程序略）", "（周一）", "（左一）", "（庞杂）"):
        [a] = split_articles(f"会议召开\n5月5日，全县安全生产工作会议召开。{note}")
        assert a.credits == [] and a.body.endswith(note), note


def test_a_reporter_s_word_opening_a_lead_credits_only_what_reads_as_names():
    [a] = split_articles("我县通讯员队伍建设成效明显\n通讯员队伍今年以来累计在省级以上媒体发稿1200余篇。")
    assert a.credits == [] and a.body.startswith("通讯员队伍今年以来")
    [a] = split_articles("县融媒体中心开展业务培训\n记者团队近日深入乡镇一线，采写了一批好新闻。")
    assert a.credits == [] and a.body.startswith("记者团队近日")
    [a] = split_articles("县医保局举办业务培训\n记者 覃明 通讯员 韦刚 3月5日，县医保局举办业务培训。")
    assert a.credits == [("覃明", "reporter"), ("韦刚", "reporter")] and a.body.startswith("3月5日")


def test_a_closing_credit_after_a_sentence_that_mentions_photography():
    [a] = split_articles("会议召开\n5月5日，全县摄影大赛颁奖仪式举行。本报记者张建华")
    assert a.credits == [("张建华", "reporter")] and a.body == "5月5日，全县摄影大赛颁奖仪式举行。"
    [a] = split_articles("会议召开\n5月5日，全县摄影展开幕。（县委办 张建华）")
    assert a.credits == [("张建华", "reporter")]
    # a village after a town signs nobody
    [a] = split_articles("会议召开\n5月5日，现场会召开。（城关镇王家村）")
    assert a.credits == []


def test_a_question_over_a_dated_paragraph_and_a_bracketed_label_stay_text():
    page = "我县变化大\n5月5日，全县安全生产工作会议召开。\n这变化从何而来？\n5月6日，记者再次来到青山村。村民说变化很大。"
    assert [a.title for a in split_articles(page)] == ["我县变化大"]
    page = "我县变化大\n5月5日，全县安全生产工作会议召开。\n【相关链接】2023年5月6日，县里召开了第一次会议。"
    assert [a.title for a in split_articles(page)] == ["我县变化大"]


def test_credits_in_a_record_s_meta_and_source_fields():
    body = "5月5日，全县安全生产工作会议召开。县长吴立明出席会议并讲话。"
    [a] = split_articles(f"会议召开\n时间：2024-06-15 记者：郝晓琳 通讯员：房立军\n{body}")
    assert a.credits == [("郝晓琳", "reporter"), ("房立军", "reporter")] and a.body == body
    [a] = split_articles(f"会议召开\n{body}\n来源：县融媒体中心 记者 郝晓琳")
    assert a.credits == [("郝晓琳", "reporter")] and a.body == body


def test_you_xun_opens_another_item_of_the_same_paper():
    page = ("会议召开\n5月5日，全县安全生产工作会议召开。县长吴立明出席会议并讲话。"
            "\n又讯（通讯员 马晓东）5月6日，县长吴立明调研安全生产工作。")
    first, second = split_articles(page)
    assert second.credits == [("马晓东", "reporter")] and second.body.startswith("5月6日")


def test_items_run_together_without_an_indent_are_told_apart_by_their_datelines():
    page = "县内要闻\n本报讯 5月20日，县政府召开安全生产工作会议，部署相关工作。本报讯 5月21日，县政府与某集团签署合作协议。"
    assert [a.body for a in split_articles(normalise_page(clean_page(page))[0])] == [
        "5月20日，县政府召开安全生产工作会议，部署相关工作。", "5月21日，县政府与某集团签署合作协议。"]
    # a quote's end wrapped onto the line of the dateline after it does not split
    assert clean_page("”本报讯３月３１日出版的《足球报》刊发消息。") .count("\n") == 0


def test_briefs_headlined_in_brackets_at_the_start_of_their_paragraph():
    page = ("要闻简报\n　　【我县召开人居环境整治推进会】5月6日，我县召开人居环境整治推进会，部署相关工作。"
            "　　【县人大视察民生实事项目】5月7日，县人大常委会视察民生实事项目推进情况。")
    arts = split_articles(normalise_page(clean_page(page))[0])
    assert [(a.title, a.body[:5]) for a in arts] == [("我县召开人居环境整治推进会", "5月6日，"),
                                                     ("县人大视察民生实事项目", "5月7日，")]
    # a column label in brackets over a headline stays its kicker
    [a] = split_articles("【县领导活动】县长调研安全生产\n本报讯（记者 叶明）5月20日，县长吴立明调研安全生产工作。")
    assert (a.title, a.kicker) == ("县长调研安全生产", "县领导活动")


def test_a_bracketed_headline_a_verb_opens_is_no_unit_label():
    # 【东岭镇】 is the unit a brief is from; 【走进东岭镇】 ends in a unit's character but is a headline
    page = ("县委常委会召开会议\n5月6日，县委常委会召开会议，研究部署近期工作。\n"
            "【走进东岭镇】5月7日，东岭镇举办农民丰收节活动，吸引游客三千余人。")
    arts = split_articles(normalise_page(clean_page(page))[0])
    assert [a.title for a in arts] == ["县委常委会召开会议", "走进东岭镇"]
    page = "乡镇动态\n【东岭镇】5月7日，东岭镇举办农民丰收节活动。\n【县人社局】5月8日，县人社局举办招聘会。"
    arts = split_articles(normalise_page(clean_page(page))[0])
    assert [a.body[:5] for a in arts] == ["5月7日，", "5月8日，"]


def test_a_headline_opening_with_a_role_verb_and_a_colon_is_no_list_of_names():
    page = ("县委常委会召开会议\n5月6日，县委常委会召开会议，研究部署近期工作。\n参加省两会的我县代表：把群众心声带到会上\n"
            "5月7日，参加省两会的我县代表陆续返回，他们表示，要把群众心声带到会上。")
    arts = split_articles(normalise_page(clean_page(page))[0])
    assert [a.title for a in arts] == ["县委常委会召开会议", "参加省两会的我县代表：把群众心声带到会上"]
    # the list of who attended stays the text's
    [a] = split_articles("县政府召开常务会议\n5月6日，县政府召开常务会议，县长韩立群主持。\n出席会议的县领导：秦书、甄立锋")
    assert a.body.endswith("出席会议的县领导：秦书、甄立锋")


def test_a_headline_that_asks_or_exclaims_over_a_dateline():
    page = ("我县召开会议\n本报讯（记者 叶明）5月20日，县政府召开安全生产工作会议，部署相关工作。\n村里的“夜校”为啥这么火？\n"
            "本报讯（记者 叶明）每到晚上，新塘村的文化礼堂就热闹起来。村民们在这里学技术。")
    assert [a.title for a in split_articles(page)] == ["我县召开会议", "村里的“夜校”为啥这么火？"]
    # in a body, a short exclamation with no dateline under it stays text
    [a] = split_articles("会议召开\n5月20日，县政府召开会议。县长说：“太好了！”\n大家都很高兴。")
    assert a.body.endswith("大家都很高兴。")


def test_a_source_field_with_its_prefix_is_the_source_and_an_end_mark_leaves_the_body():
    [a] = split_articles("会议召开\n信息来源：县市场监管局\n5月5日，全县安全生产工作会议召开。（完）")
    assert (a.subtitle, a.source, a.body) == (None, "县市场监管局", "5月5日，全县安全生产工作会议召开。")


def test_editor_line_at_the_end_is_a_credit():
    [a] = split_articles("夺取双胜利\n2月24日，我区召开工作部署会议，研究部署相关工作。\n本条编辑：韦雪")
    assert a.credits == [("韦雪", "editor")] and "韦雪" not in a.body


# ---------------------------------------------------------------- headline stacks
def test_event_line_is_the_title_and_deck_is_the_subtitle():
    head = ["永川区新冠肺炎疫情防控指挥部召开会议", "提高站位保持定力科学精准坚决打赢疫情防控攻坚战", "张智奎主持并讲话 常晓勇潘文峰文良印出席"]
    assert choose_title(head) == (None, head[0], head[1] + " " + head[2])


def test_event_line_below_a_banner_is_the_title():
    head = ["把党的二十大精神全面落实在重庆大地上", "全县疫情防控工作调度会召开"]
    assert choose_title(head) == (head[0], head[1], None)


def test_three_lines_without_event_take_the_middle():
    head = ["做好疫情防控 · 有序复工复产", "抓紧抓实抓细各项防控工作", "夺取疫情防控和经济社会发展双胜利"]
    assert choose_title(head) == (head[0], head[1], head[2])


def test_short_phrase_kicker_is_not_the_title():
    head = ["抓物行 促落实", "构建体系 调整机制 我区招商引资 促进工作再添新措施"]
    assert choose_title(head) == (head[0], head[1], None)


def test_a_section_label_over_an_item_with_no_headline_is_its_kicker():
    assert choose_title(["本版要闻"]) == ("本版要闻", "", None)
    assert choose_title(["要闻简报"]) == ("要闻简报", "", None) and choose_title(["一周速递"])[1] == ""
    page = ("本版要闻\n本报讯（记者 韩丽）10月9日，县委书记田志强带队赴长寿区考察学习招商引资工作。\n"
            "本报讯（记者 谢婷）10月10日，县长严国富率队视察全县重点项目建设情况。")
    first, second = split_articles(page)
    assert (first.kicker, first.title, first.title_from_lead) == ("本版要闻", "县委书记田志强带队赴长寿区考察学习招商引资工作", True)
    assert second.title == "县长严国富率队视察全县重点项目建设情况"
    # a headline that ends with such a word but says more is a headline
    assert choose_title(["全县脱贫攻坚工作取得新进展的新闻"])[1] == "全县脱贫攻坚工作取得新进展的新闻"


def test_a_column_label_above_a_title_is_its_kicker():
    assert choose_title(["“两会”特别报道", "代表委员热议政府工作报告"]) == ("“两会”特别报道", "代表委员热议政府工作报告", None)
    assert choose_title(["乡村振兴系列报道之三", "青石镇花椒产业见闻"])[:2] == ("乡村振兴系列报道之三", "青石镇花椒产业见闻")


def test_a_page_s_dated_header_is_no_kicker():
    head = ["2024年3月8日 星期五 今日4版", "学习贯彻全国两会精神", "县委常委会召开会议传达学习全国两会精神"]
    assert choose_title(head) == ("学习贯彻全国两会精神", "县委常委会召开会议传达学习全国两会精神", None)
    assert choose_title(["2024年3月8日 星期五 第3版 要闻", "县长调研春耕生产"])[:2] == (None, "县长调研春耕生产")


def test_a_bracketed_column_label_opening_a_headline_is_its_kicker():
    assert choose_title(["【县领导活动】县委书记邓波调研春耕生产"]) == ("县领导活动", "县委书记邓波调研春耕生产", None)
    assert choose_title(["抓落实 促发展", "【要闻】县委常委会召开会议"])[:2] == ("抓落实 促发展 要闻", "县委常委会召开会议")
    assert choose_title(["【县领导活动】"])[1] == "【县领导活动】"   # nothing after it: it stays


def test_two_lines_without_event_take_the_first():
    head = ["改造农村住房 提升人居环境", "天府镇老旧农房换新颜"]
    assert choose_title(head) == (None, head[0], head[1])


def test_speech_headline_splits_its_message_into_the_subtitle():
    line = "王俊在全区新冠肺炎疫情防控工作会议上强调 统筹推进疫情防控和经济社会发展 以实际行动迎接党的二十大胜利召开"
    assert choose_title([line]) == (None, "王俊在全区新冠肺炎疫情防控工作会议上强调",
                                    "统筹推进疫情防控和经济社会发展 以实际行动迎接党的二十大胜利召开")


def test_single_headline_with_spaces_stays_whole():
    line = "水利工作有了“智慧天眼” 卫星遥感助力精准锁定河流污染源"
    assert choose_title([line]) == (None, line, None)


def test_repeated_headline_lines_appear_once():
    head = ["中央城市工作会议在北京举行", "中央城市工作会议在北京举行", "习近平发表重要讲话 李强作总结讲话"]
    assert choose_title(head) == (None, head[0], head[2])


# ---------------------------------------------------------------- article starts
TWO_ARTICLES = ("黄祖英在全区疫情防控工作调度会上强调\n本报讯（记者 熊辉）3月18日，我区召开疫情防控工作调度会。\n"
                "区有关部门负责人参加。\n改造农村住房 提升人居环境\n连日来，天府镇人居环境整治工程相继启动。")


def test_headline_followed_by_a_dated_lead_opens_an_article():
    drafts = split_articles(TWO_ARTICLES)
    assert [d.title for d in drafts] == ["黄祖英在全区疫情防控工作调度会上强调", "改造农村住房 提升人居环境"]
    assert [d.seq for d in drafts] == [0, 1]


def test_sub_heading_stays_in_the_body():
    page = ("构建体系 调整机制\n本报记者 霍吕\n近年来，全区招商引资工作稳中求进。\n搭建“1+4+9+N”工作体系\n"
            "“招商引资是地区经济社会发展的‘生命线’。”高黎告诉记者。\n调整“招、建、管、服”机制\n招商引资的成效，最终要看项目是否真落地。")
    [a] = split_articles(page)
    assert a.body.split("\n") == ["近年来，全区招商引资工作稳中求进。", "搭建“1+4+9+N”工作体系",
                                  "“招商引资是地区经济社会发展的‘生命线’。”高黎告诉记者。", "调整“招、建、管、服”机制",
                                  "招商引资的成效，最终要看项目是否真落地。"]


def test_headline_followed_by_a_closing_credit_opens_an_article():
    page = ("全县调度会召开\n本报讯 11月25日，县委召开调度会。\n改造农村住房\n天府镇农房整治工程相继启动，改善人居环境。\n"
            "记者 秦廷富 摄")
    assert [d.title for d in split_articles(page)] == ["全县调度会召开", "改造农村住房"]


def test_page_without_headline_takes_its_title_from_the_lead():
    page = "8月8日，两江新区召开新冠肺炎疫情防控工作领导小组（指挥部）会议，第一时间传达会议精神。\n会议指出，要从严从紧。"
    [a] = split_articles(page)
    assert a.title == "两江新区召开新冠肺炎疫情防控工作领导小组（指挥部）会议" and a.title_from_lead
    assert a.body.startswith("8月8日，")


def test_lead_title_is_short():
    assert len(title_from_lead("近日，" + "很长的句子" * 20 + "。")) <= 40
    assert title_from_lead("刚刚过去的一年，大气磅礴。") == "刚刚过去的一年"


def test_headline_only_blocks_are_not_articles_of_a_page_that_has_articles():
    page = "县领导调研安全生产工作\n本报讯（记者 雷行星）11月27日，县长率队调研安全生产工作，要求压实责任。\n掌上的时间\n不能懈怠"
    drafts = split_articles(page)
    assert [d.title for d in drafts] == ["县领导调研安全生产工作"]
    assert split_articles("") == []


def test_a_headline_only_page_is_one_article():
    [a] = split_articles("掌上的时间\n不能懈怠")
    assert a.title == "掌上的时间" and a.body == "掌上的时间\n不能懈怠"


def test_trailing_orphan_line_is_not_in_the_body():
    [a] = split_articles("8月8日，新区召开会议，研究部署工作。\n重庆两江新区")
    assert a.body == "8月8日，新区召开会议，研究部署工作。"


def test_transcript_heading_byline_and_bold_deck_make_one_article():
    page = ("中央城市工作会议在北京举行\n央视网消息（新闻联播）：\n中央城市工作会议在北京举行\n习近平发表重要讲话 李强作总结讲话\n"
            "中央城市工作会议7月14日至15日在北京举行。\n会议指出，党的十八大以来城市发展取得成就。")
    [a] = split_articles(page)
    assert a.title == "中央城市工作会议在北京举行" and a.source == "央视网"
    assert a.body.startswith("中央城市工作会议7月14日至15日")


def test_header_page_gives_title_dateline_and_source():
    page = "标题：基本工资 预期Q3调升\n日期：2017-06-28 04:42\n来源：联合报（产经）\n劳动部预计8月正式召开基本工资审议委员会。"
    [a] = split_articles(page)
    assert (a.title, a.dateline, a.source) == ("基本工资 预期Q3调升", "2017-06-28 04:42", "联合报（产经）")
    assert a.body == "劳动部预计8月正式召开基本工资审议委员会。"


def test_header_page_caption_credit_names_the_photographer():
    page = "标题：蔡英文出席中常会\n日期：2017-06-28\n蔡英文总统下午出席民进党中常会。记者苏健忠/摄影"
    assert split_articles(page)[0].credits == [("苏健忠", "photographer")]


# ---------------------------------------------------------------- layouts of real pages
RUN_TOGETHER = ("\u3000\u3000某某生活网讯(通讯员张某某 李某某)近日，县政府组织多部门开展风景名胜区调查统计工作。 "
                "\u3000\u3000本次调查主要对沿江各村开展，建立台账。 "
                "\u3000\u3000本报讯(记者黄某某 文/摄)10月18日上午9时，全县干部群众集中收看大会开幕盛况。 "
                "\u3000\u3000县委书记赵某某在座谈会上说，要认真学习报告精神。 "
                "\u3000\u3000本报讯(记者刘某)10月16日，我县召开信访维稳工作会议，市委常委孙某某出席会议。 "
                "\u3000\u3000开展扶贫攻坚 加快小康进程 "
                "\u3000\u3000本报讯(记者韦某某 通讯员黎某)10月18日下午，市人大常委会考察组来到我县双潭村。")


def test_items_run_together_are_told_apart_by_their_datelines():
    drafts = pipeline(RUN_TOGETHER)
    assert [d.title for d in drafts] == ["县政府组织多部门开展风景名胜区调查统计工作", "全县干部群众集中收看大会开幕盛况",
                                         "我县召开信访维稳工作会议", "开展扶贫攻坚 加快小康进程"]
    assert [d.title_from_lead for d in drafts] == [True, True, True, False]
    assert drafts[0].body == "近日，县政府组织多部门开展风景名胜区调查统计工作。\n本次调查主要对沿江各村开展，建立台账。"
    assert drafts[0].source == "某某生活网" and drafts[1].source is None
    assert [d.credits for d in drafts] == [
        [("张某某", "reporter"), ("李某某", "reporter")], [("黄某某", "reporter"), ("黄某某", "photographer")],
        [("刘某", "reporter")], [("韦某某", "reporter"), ("黎某", "reporter")]]
    assert all("本报讯" not in d.body for d in drafts)


def test_bulleted_briefs_of_a_news_column_are_items():
    page = ("一句话新闻\n■4月26日，县人大常委会主任甲某带队到桐溪镇调研乡村振兴工作。\n"
            "■4月25日，县法院召开党组理论学习中心组学习会。（通讯员 乙某）\n●近日，县卫健委组织开展义诊活动。")
    drafts = split_articles(page)
    assert [d.title for d in drafts] == ["县人大常委会主任甲某带队到桐溪镇调研乡村振兴工作", "县法院召开党组理论学习中心组学习会",
                                         "县卫健委组织开展义诊活动"]
    assert drafts[0].kicker == "一句话新闻" and drafts[1].body.startswith("4月25日")
    # points of a speech keep their bullets and their article
    [a] = split_articles("县委常委会召开会议\n本报讯（记者 张某）5月6日，县委常委会召开会议。\n●要坚持人民至上。\n●要压实责任。")
    assert a.body.endswith("●要坚持人民至上。\n●要压实责任。")


def test_a_masthead_printed_without_labels_heads_no_article():
    page = ("桐溪报\n中共桐溪县委机关报 桐溪县融媒体中心主办\n2023年9月8日 第1842期 本期8版\nA2 综合\n"
            "秋收时节话丰收\n桐溪县40万亩水稻喜获丰收\n亩产预计突破620公斤\n记者 甲某 文/摄\n"
            "眼下，桐溪县40万亩水稻陆续进入收割期，农机来回穿梭。")
    [a] = split_articles(page)
    assert (a.kicker, a.title, a.subtitle) == ("秋收时节话丰收", "桐溪县40万亩水稻喜获丰收", "亩产预计突破620公斤")
    page = "青禾日报\n中共青禾县委主办 青禾日报社出版\n第A1版：要闻\n我县召开防汛工作会议\n本报讯（记者 甲某）6月10日，我县召开防汛工作会议。"
    [a] = split_articles(page)
    assert (a.kicker, a.title) == (None, "我县召开防汛工作会议")
    # the paper's name in capitals and a page's label with its number
    [a] = split_articles("陇泉报 LONGQUAN BAO\n要闻·2\n我县召开防汛工作会议\n本报讯（记者 甲某）6月10日，我县召开防汛工作会议。")
    assert (a.kicker, a.title) == (None, "我县召开防汛工作会议")
    # headlines that look a little like one stay, and a paper's name alone is a headline ("好人终有好报")
    for line in ("县政协举办第123期委员讲堂", "《桐溪县志》正式出版", "本次活动由县文联主办", "喜报",
                 "——写在县委机关报《桐溪报》创刊六十周年之际"):
        assert not MASTHEAD_LINE_RE.match(line), line
    [a] = split_articles("好人终有好报\n——记桐溪县青石镇村民周大海\n本报讯（记者 甲某）近日，周大海拾金不昧的事迹传为佳话。")
    assert a.title == "好人终有好报"


def test_bracketed_meta_fields_are_read_as_a_record_s_meta_line():
    page = "县林草局召开会议\n【发布时间：2023-03-29 16:50:00】【来源：县林草局】【作者：宝音】\n3月28日，县林草局召开会议。"
    [a] = pipeline(page)
    assert (a.source, a.credits, a.body) == ("县林草局", [("宝音", "reporter")], "3月28日，县林草局召开会议。")


def test_a_list_page_above_a_record_gives_no_headline():
    page = ("首頁 > 新聞 > 鄉鎮動態\n县医保局开展医保政策宣传月  2023-04-06\n县卫健局开展义诊活动  2023-04-05\n"
            "共5条  首页  上一页  1  下一页  尾页\n县林业局部署森林防火工作\n发布时间：2023-04-08  来源：县林业局\n"
            "4月7日，县林业局召开森林防火工作部署会，局长甲某出席会议并讲话。")
    [a] = pipeline(page)
    assert (a.kicker, a.title, a.subtitle) == (None, "县林业局部署森林防火工作", None)


def test_narrow_readings_of_the_evening_page_rules():
    # a record's own title carrying its date is its title (one dated line is no list page)
    [a] = pipeline("桐溪新闻网\n县长吴德明调研春耕生产 （2023-04-06）\n来源：县政府办\n"
                   "4月5日，县长吴德明到青石镇调研春耕生产工作。")
    assert a.title == "县长吴德明调研春耕生产 （2023-04-06）"
    # a headline over a date line after an item is a headline, not a signature (no office's name)
    drafts = pipeline("县政府召开常务会议\n2023年3月6日\n3月6日，县长甲某主持召开县政府常务会议。\n"
                      "县领导调研春耕备耕工作\n2023年3月7日\n3月7日，副县长乙某到青石镇调研春耕备耕工作。")
    assert [d.title for d in drafts] == ["县政府召开常务会议", "县领导调研春耕备耕工作"]
    # a dated list inside an article keeps its bullets and its article; a photo's ▲ caption too
    [a] = pipeline("桐溪县全力推进重点项目建设\n本报讯（记者 丙某）今年以来，我县全力推进重点项目建设。\n"
                   "■4月12日，县城污水处理厂开工。\n■5月20日，青石大桥合龙。\n项目建设取得阶段性成效。")
    assert a.body.endswith("■5月20日，青石大桥合龙。\n项目建设取得阶段性成效。")
    # a bracketed time and place of an event notice stay in its body
    [a] = pipeline("县文化馆举办非遗展演活动\n4月10日，县文化馆举办非遗展演活动。活动安排如下：\n【时间：2023年4月15日】【地点：县文化广场】")
    assert a.dateline is None and a.source is None


def test_a_notice_s_signature_and_contact_line_close_it():
    page = ("关于开展2023年度全县优秀共产党员\n评选表彰活动的通知\n各乡镇党委：\n现将有关事项通知如下，请认真组织推荐。\n"
            "联系人：曲某 联系电话：0123-4567890\n中共松岚县委组织部\n2023年6月19日\n"
            "县领导督导检查节前安全生产工作\n本报讯（记者 甲某）6月20日，县长乙某带队督导检查安全生产工作。")
    notice, report = split_articles(page)
    # a document's title broken over two lines is one title
    assert notice.title == "关于开展2023年度全县优秀共产党员评选表彰活动的通知" and notice.subtitle is None
    assert notice.body.endswith("中共松岚县委组织部\n2023年6月19日") and "联系人" in notice.body
    assert report.title == "县领导督导检查节前安全生产工作" and report.subtitle is None


def test_a_dateline_inside_the_first_lines_of_an_item_does_not_split_it():
    [a] = split_articles("县长调研安全生产\n本报讯（记者 张某）11月27日，县长调研安全生产工作。\n县领导李某陪同。")
    assert a.title == "县长调研安全生产" and a.body.startswith("11月27日")


def test_a_quoted_dispatch_is_not_an_item():
    page = "县长调研安全生产\n11月27日，县长调研安全生产工作，要求压实责任。\n据新华社北京11月26日电 国务院召开常务会议，部署安全生产。"
    assert len(split_articles(page)) == 1


@pytest.mark.parametrize("line, is_item", [
    ("本报灵川讯(记者 张某)10月1日，全县开展活动。", True), ("灵川讯（记者 张某）10月1日，全县开展活动。", True),
    ("某某网讯 10月1日，全县开展活动。", True), ("喜讯（记者 张某）传来，全县沸腾。", False), ("通讯员走访了全县。", False),
    ("资讯：全县开展活动。", False),
    # of agencies' datelines, the paper's own opens an item; another agency's is a dispatch quoted in the item
    ("本报沈阳6月10日电记者张某报道：全省开展活动。", True), ("新华社沈阳6月10日电 全省开展活动。", False),
])
def test_place_and_outlet_datelines(line, is_item):
    from tasks.articles import _starts_item
    assert _starts_item(line) is is_item


@pytest.mark.parametrize("byline, credits", [
    ("记者黄某某 文/摄", [("黄某某", "reporter"), ("黄某某", "photographer")]),
    ("文／图 张某某", [("张某某", "reporter"), ("张某某", "photographer")]),
    ("文/张三 图/李四", [("张三", "reporter"), ("李四", "photographer")]),
    ("编辑：张三 校对：李四 审核：王五", [("张三", "editor"), ("李四", "editor"), ("王五", "editor")]),
    ("责任编辑：王五", [("王五", "editor")]),
    ("见习记者 赵六 本报记者 钱七", [("赵六", "reporter"), ("钱七", "reporter")]),
    ("徐某某 李某某 摄", [("徐某某", "photographer"), ("李某某", "photographer")]),
    ("图片均由记者李某 黄某某 文欢 摄", [("李某", "photographer"), ("黄某某", "photographer"), ("文欢", "photographer")]),
    ("作者：孙八", [("孙八", "reporter")]),
    # 文 and 图 alone between spaces: before the names when the line opens with one, else after them
    ("文 张三 图 李四", [("张三", "reporter"), ("李四", "photographer")]),
    ("本报记者 张三 文 李四 图", [("张三", "reporter"), ("李四", "photographer")]),
    # 文 and 图 with a colon, and a unit's contribution; after 图： only a name opening with a surname
    ("文：张三 图：李四", [("张三", "reporter"), ("李四", "photographer")]),
    ("供稿：县应急管理局 王五", [("王五", "reporter")]),
    ("图：会议现场", []),
    # 文/摄 is one role word, not 文/ before a name 摄
    ("记者 张三 文/摄", [("张三", "reporter"), ("张三", "photographer")]),
    # the sign-off fields of county papers and government sites
    ("组版：付强 核稿：贾志刚 签发：王刚", [("付强", "editor"), ("贾志刚", "editor"), ("王刚", "editor")]),
    ("撰稿人：郝晓琳 审稿人：房立军", [("郝晓琳", "reporter"), ("房立军", "editor")]),
    ("发布者：郝晓琳", [("郝晓琳", "editor")]),
    # a suffix role word with names after it opens their credit
    ("记者 左明 摄影 柳青", [("左明", "reporter"), ("柳青", "photographer")]),
    ("记者 左明 摄", [("左明", "photographer")]),
    # two role words with no name between them credit the names after both; an empty field does not
    ("文/图　本报记者　符海燕", [("符海燕", "reporter"), ("符海燕", "photographer")]),
    ("作者： 责任编辑：张建华", [("张建华", "editor")]),
])
def test_more_credit_forms(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("page, credits, body", [
    # a dateline in Chinese numerals
    ("新华社郑州一月十八日电（记者甲乙丙）政协某省第八届委员会第一次会议今天开幕。", [("甲乙丙", "reporter")],
     "政协某省第八届委员会第一次会议今天开幕。"),
    # reporters of several outlets after the dateline, without brackets
    ("本报北京1月21日讯新华社记者王某某、本报记者李某报道：中共中央召开座谈会。",
     [("王某某", "reporter"), ("李某", "reporter")], "中共中央召开座谈会。"),
    ("本报北京1月15日讯中央人民广播电台记者赵某某、新华社记者钱某、本报记者孙某某报道：全国会议开幕。",
     [("赵某某", "reporter"), ("钱某", "reporter"), ("孙某某", "reporter")], "全国会议开幕。"),
    # a place alone before 电 when a reporter follows
    ("本报巴黎电记者周某某报道：据当地媒体报道，天气转好。", [("周某某", "reporter")], "据当地媒体报道，天气转好。"),
    # a place with its country in brackets before the date
    ("新华社达沃斯（瑞士）1月29日电（记者吴某某）论坛今天开幕。", [("吴某某", "reporter")], "论坛今天开幕。"),
    # a web outlet's dated dateline
    ("某某网纽约12月10日电（记者郑某某）股市上涨。", [("郑某某", "reporter")], "股市上涨。"),
    ("中广网武汉7月31日消息（记者冯某某）经济适用房开始分配。", [("冯某某", "reporter")], "经济适用房开始分配。"),
    # the reporter who heard it: credited, and the sentence stays whole
    ("本报北京1月15日讯记者陈某某从国家旅游局获悉，今年游客增多。", [("陈某某", "reporter")],
     "记者陈某某从国家旅游局获悉，今年游客增多。"),
    ("本报讯记者褚某某今天从司法部获悉，律师增多。", [("褚某某", "reporter")], "记者褚某某今天从司法部获悉，律师增多。"),
    # an agency's bracket after its dateline names its reporters without 记者
    ("据新华社石家庄电（王某某、李某）唐山市制定优惠政策。", [("王某某", "reporter"), ("李某", "reporter")],
     "唐山市制定优惠政策。"),
    ("新华社长沙5月26日电（奚某某）培训班学员完成学业。", [("奚某某", "reporter")], "培训班学员完成学业。"),
    # ... but only names that open with a surname
    ("据新华社北京电（英文版）唐山市制定优惠政策。", [], "唐山市制定优惠政策。"),
])
def test_dateline_forms_credit_their_reporters(page, credits, body):
    [a] = split_articles(page)
    assert a.credits == credits and a.body == body


@pytest.mark.parametrize("page, credits, body", [
    ("某某网记者李某泽报道，据当地网站7月1日消息，国防部表示。", [("李某泽", "reporter")], "据当地网站7月1日消息，国防部表示。"),
    ("特约记者慕某报道：首轮之后，联赛的目光聚焦在榜首球队。", [("慕某", "reporter")], "首轮之后，联赛的目光聚焦在榜首球队。"),
])
def test_a_line_opening_with_who_reported_credits_them(page, credits, body):
    [a] = split_articles(page)
    assert a.credits == credits and a.body == body


@pytest.mark.parametrize("page, credits, body", [
    # the cleaner removes the spaces between Han characters: the reporter words alone part the names
    ("本报讯 记者 张某某 通讯员 李某 报道：近日，我县召开会议。", [("张某某", "reporter"), ("李某", "reporter")],
     "近日，我县召开会议。"),
    # no brackets and no 报道: the lead's date or time word ends the last name
    ("本报讯 首席记者 张某某 特约通讯员 李某 近日，我县召开会议。", [("张某某", "reporter"), ("李某", "reporter")],
     "近日，我县召开会议。"),
    ("本报讯记者王某某 10月12日，我县召开会议。", [("王某某", "reporter")], "10月12日，我县召开会议。"),
    ("区融媒体中心记者 赵某某 报道 近日，我县召开会议。", [("赵某某", "reporter")], "近日，我县召开会议。"),
    # no name before the lead: nothing credited, the sentence kept
    ("本报讯记者走访发现，近日我县农资充足。", [], "记者走访发现，近日我县农资充足。"),
    # a colon after a suffix role word makes it credit the names after it
    ("近日，我县召开会议。\n撰稿：张某某 摄影：李某", [("张某某", "reporter"), ("李某", "photographer")],
     "近日，我县召开会议。"),
])
def test_reporters_written_without_brackets_are_credited(page, credits, body):
    [a] = split_articles(page)
    assert a.credits == credits and a.body == body


@pytest.mark.parametrize("text", ["记者采访报道了这件事，很多人关注。", "他对记者王某说，今天很好。",
                                  "本报讯记者今天从国家体育总局获悉，成绩很好。", "本报讯记者十九日从省高级人民法院获悉，案件审结。", "本刊记者的调查从益阳市开始，走访三天。",
                                  "新华社北京1月1日电 国务院总理会见记者时说，经济向好。"])
def test_words_where_a_reporter_would_be_credit_nobody(text):
    [a] = split_articles(text)
    assert a.credits == []


@pytest.mark.parametrize("page, credits, body", [
    ("图为长春街头。（新华社记者卫某某摄）", [("卫某某", "photographer")], "图为长春街头。"),
    ("华盛顿全景。（新华社记者蒋某某摄）（传真照片）", [("蒋某某", "photographer")], "华盛顿全景。"),
])
def test_a_photographers_bracket_closes_a_caption_with_or_without_a_full_stop(page, credits, body):
    a = split_articles("某地迎新春\n" + page + "\n1月5日上午，某地举行迎春活动。")[0]
    assert a.credits == credits and a.body.split("\n")[0] == body


def test_only_a_photographers_bracket_closes_a_line_without_a_full_stop():
    from tasks.articles import TRAILING_CREDIT
    assert TRAILING_CREDIT.search("会议由区长（记者出身）主持（记者王某）") is None
    assert TRAILING_CREDIT.search("会议由区长主持。（记者王某）").group("credit") == "（记者王某）"
    assert TRAILING_CREDIT.search("会议现场（记者王某摄影报道）").group("credit") == "（记者王某摄影报道）"


@pytest.mark.parametrize("byline, credits", [
    ("本报记者王某颖戴某", [("王某颖", "reporter"), ("戴某", "reporter")]),
    ("记者时某秦某萍/文", [("时某", "reporter"), ("秦某萍", "reporter")]),
    ("每经记者胡某慧魏某卿朱某", [("胡某慧", "reporter"), ("魏某卿", "reporter"), ("朱某", "reporter")]),
    ("（陈某李某摄）", [("陈某", "photographer"), ("李某", "photographer")]),
    # a compound surname, a four-character name of an uncommon first character
    ("（记者诸葛某某）", [("诸葛某某", "reporter")]),
    ("（新华社记者索朗罗布摄）", [("索朗罗布", "photographer")]),
    ("（记者蒋家华香港）", [("蒋家华", "reporter")]),   # the place after the name is cut off first
])
def test_names_run_together_in_a_byline_are_cut_by_their_surnames(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("本报记者龙某北京报道", [("龙某", "reporter")]),
    ("□记者何某伦孟某丽南宁、福州报道", [("何某伦", "reporter"), ("孟某丽", "reporter")]),
    ("每经记者陈某胡某黄某敏发自上海、北京、深圳", [("陈某", "reporter"), ("胡某", "reporter"), ("黄某敏", "reporter")]),
    # a name jieba reads as a place is still a name where it stands first
    ("本报讯记者江山报道：", [("江山", "reporter")]),
    ("本报记者蒋家华香港报道", [("蒋家华", "reporter")]),
])
def test_the_places_a_report_was_filed_from_are_no_names(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("一审：张某 二审：李某 三审：王某", [("张某", "editor"), ("李某", "editor"), ("王某", "editor")]),
    ("文字：张某 图片：李某", [("张某", "reporter"), ("李某", "photographer")]),
    ("张某/文 李某/图", [("张某", "reporter"), ("李某", "photographer")]),
    ("摄像：赵某某", [("赵某某", "photographer")]),
    ("记者 张某 摄像 李某", [("张某", "reporter"), ("李某", "photographer")]),
    ("图文：孙某", [("孙某", "reporter"), ("孙某", "photographer")]),
    ("主编：周某 编审：吴某 排版：郑某", [("周某", "editor"), ("吴某", "editor"), ("郑某", "editor")]),
    # a body, not a person, in a credit's place
    ("策划：区委宣传部", []), ("活动策划：某某公司", []),
])
def test_credit_words_of_web_and_county_media(byline, credits):
    assert parse_credits(byline) == credits


def test_credit_words_that_are_ordinary_words_need_their_colon():
    page = "县里举办摄影展\n11月27日，县里举办摄影展，展出图片文字资料三百件。\n一审：张某 二审：李某 三审：王某"
    [a] = split_articles(page)
    assert a.credits == [("张某", "editor"), ("李某", "editor"), ("王某", "editor")]
    assert a.body == "11月27日，县里举办摄影展，展出图片文字资料三百件。"


@pytest.mark.parametrize("last, credits, kept", [
    ("收到的个人信用报告最多。本报记者杨某", [("杨某", "reporter")], "收到的个人信用报告最多。"),
    ("工作取得实效。记者 张某某 李某", [("张某某", "reporter"), ("李某", "reporter")], "工作取得实效。"),
    # a sentence, or words that open with no surname, are no credit
    ("会议很成功。记者王建国说得好", [], "会议很成功。记者王建国说得好"),
    ("会议由记者协会主办。记者节快乐", [], "会议由记者协会主办。记者节快乐"),
])
def test_a_reporter_named_after_the_last_sentence_without_a_bracket(last, credits, kept):
    [a] = split_articles("某地召开会议\n11月5日，某地召开工作会议，部署近期工作。\n" + last)
    assert a.credits == credits and a.body.split("\n")[-1] == kept


def test_a_page_that_is_only_a_byline_still_credits_it():
    [a] = split_articles("本报驻某国记者严某某")
    assert a.credits == [("严某某", "reporter")]


def test_credit_lines_go_to_bylines_not_to_the_body():
    page = ("县领导调研重点项目\n10月14日，区委书记调研重点项目建设工作，要求加快进度。\n徐某某　李某某　摄\n"
            "（记者 王某 摄）\n文/张某 图/李某\n编辑：赵某 校对：钱某 审核：孙某\n来源：某某发布")
    [a] = pipeline(page)
    assert a.body == "10月14日，区委书记调研重点项目建设工作，要求加快进度。"
    assert a.credits == [("徐某某", "photographer"), ("李某某", "photographer"), ("王某", "photographer"),
                         ("张某", "reporter"), ("李某", "photographer"), ("赵某", "editor"), ("钱某", "editor"),
                         ("孙某", "editor")]
    assert a.source == "某某发布"


def test_a_source_line_with_credits_gives_both():
    [a] = pipeline("县长调研安全生产\n11月27日，县长调研安全生产工作。\n来源：某某日报 编辑：张某 审核：李某")
    assert a.source == "某某日报" and a.credits == [("张某", "editor"), ("李某", "editor")]
    assert a.body == "11月27日，县长调研安全生产工作。"


def test_a_photo_credit_closing_a_caption_leaves_the_caption_in_the_body():
    page = "市人大会议隆重开幕\n图为会议开幕现场。徐某某　李某某　摄\n1月5日上午，市人民代表大会第一次会议隆重开幕。"
    [a] = pipeline(page)
    assert a.title == "市人大会议隆重开幕"
    assert a.body.split("\n") == ["图为会议开幕现场。", "1月5日上午，市人民代表大会第一次会议隆重开幕。"]
    assert a.credits == [("徐某某", "photographer"), ("李某某", "photographer")]


def test_a_caption_without_punctuation_is_not_a_headline():
    page = ("新年音乐会奏响\n昨晚，新年音乐会在大剧院举行，代表委员共同欣赏。（记者 林某某）\n图为新年音乐会在大剧院举行\n"
            "图为演出现场。蔡某　摄")
    [a] = pipeline(page)
    assert a.body.endswith("图为新年音乐会在大剧院举行\n图为演出现场。")
    assert a.credits == [("林某某", "reporter"), ("蔡某", "photographer")]


CMS_RECORD = ("县政府召开常务会议（图）\n县政府召开常务会议\n发布时间：2019-05-01 09:30 来源：县政府办 作者：张某 浏览次数：123\n"
              "【字体：大 中 小】\n5月1日，县长主持召开县政府常务会议，研究部署近期工作。\n会议要求，抓好落实。\n"
              "【打印本页】 【关闭窗口】")


def test_a_cms_record_keeps_its_title_and_reads_its_meta_line():
    [a] = pipeline(CMS_RECORD)
    assert (a.title, a.subtitle, a.kicker) == ("县政府召开常务会议", None, None)
    assert (a.dateline, a.source) == ("2019-05-01 09:30", "县政府办")
    assert a.credits == [("张某", "reporter")]
    assert a.body == "5月1日，县长主持召开县政府常务会议，研究部署近期工作。\n会议要求，抓好落实。"


def test_a_line_of_spaced_role_words_is_a_byline_and_a_headline_is_not():
    [a] = pipeline("乡村振兴见成效\n文　张某某　图　李某\n3月5日，石门村村民们纷纷表示，日子越过越好。")
    assert a.subtitle is None and a.credits == [("张某某", "reporter"), ("李某", "photographer")]
    [a] = pipeline("乡村振兴见成效\n图文并茂 文化惠民\n3月5日，石门村村民们纷纷表示，日子越过越好。")
    assert a.subtitle == "图文并茂 文化惠民" and a.credits == []


def test_navigation_lines_above_a_record_title_are_no_title():
    page = "县政府\n政务公开\n我县开展植树活动\n2024-03-12 来源：某某县人民政府网\n3月12日，县领导与干部群众一起参加义务植树活动。"
    [a] = pipeline(page)
    assert (a.kicker, a.title, a.source) == ("县政府 政务公开", "我县开展植树活动", "某某县人民政府网")


def test_the_record_title_wins_over_a_line_that_names_an_event():
    page = "优化服务 助力企业发展\n区委书记调研辖区企业\n发布日期：2019-11-29阅读次数：1627\n5月12日上午，区委书记率队调研辖区企业。"
    [a] = pipeline(page)
    assert (a.title, a.subtitle, a.dateline) == ("优化服务 助力企业发展", "区委书记调研辖区企业", "2019-11-29")


def test_a_date_and_site_line_under_the_title_is_meta():
    [a] = pipeline("董事长参加建设推进会\n2015-07-21 17:36:12 某某五金网\n7月15日至16日，建设推进会在连云港市召开。")
    assert (a.title, a.dateline, a.source) == ("董事长参加建设推进会", "2015-07-21 17:36:12", "某某五金网")
    assert a.body == "7月15日至16日，建设推进会在连云港市召开。"


@pytest.mark.parametrize("line", ["2022年11月14日 星期一", "时间：10月1日上午 地点：县政府", "浏览次数：很多", "发布时间：不详",
                                  "2019年5月1日 劳动节快乐", "2020年1月1日，全县召开大会。"])
def test_lines_that_are_not_record_meta(line):
    from tasks.articles import record_meta
    assert record_meta(line) is None


@pytest.mark.parametrize("page, url", [
    ("### 全国人大会议闭幕\n**央视网消息**（新闻联播）：全国人大会议今天闭幕。\n[查看原文](https://tv.example.com/2022/03/11/V1.shtml)",
     "https://tv.example.com/2022/03/11/V1.shtml"),
    ("標題：基本工資 預期Q3調升\n日期：2017-06-28 04:42\n來源：聯合報\n網址：https://news.example.com/story/7238/2550399\n"
     "勞動部預計8月召開基本工資審議委員會。", "https://news.example.com/story/7238/2550399"),
    ("县长调研安全生产\n11月27日，县长调研安全生产工作。\n原文链接：http://www.example.gov.cn/art/2022/11/27/1.html",
     "http://www.example.gov.cn/art/2022/11/27/1.html"),
])
def test_a_source_line_gives_the_url_and_leaves_the_body(page, url):
    [a] = pipeline(page)
    assert a.url == url and "http" not in a.body and "原文" not in a.body


def test_a_wechat_page_titles_its_article_and_names_its_account():
    page = ("区领导调研重点项目建设工作某某发改10月14日，区委书记调研重点项目建设工作，要求加快进度。副区长参加调研。来源：某某发布"
            "预览时标签不可点微信扫一扫关注该公众号继续滑动看下一个轻触阅读原文某某发改向上滑动看下一个知道了轻点两下取消赞")
    [a] = pipeline(page)
    assert (a.title, a.source) == ("区领导调研重点项目建设工作", "某某发改")
    assert a.body == "10月14日，区委书记调研重点项目建设工作，要求加快进度。副区长参加调研。"


def test_lead_titles_skip_the_time_and_an_opening_quotation():
    assert title_from_lead("10月18日上午9时，全县干部群众集中收看开幕盛况。") == "全县干部群众集中收看开幕盛况"
    assert title_from_lead("“现在，我宣布，项目开工！”10月16日上午9：30，在项目开工现场，县委书记宣布开工。") == "在项目开工现场"
    assert title_from_lead("今天上午，某某公司董事长宣布捐资500万元。") == "某某公司董事长宣布捐资500万元"
    # nor last year's date ("去年12月29日，" in a January paper)
    assert title_from_lead("去年12月29日，县人大常委会召开第八次会议。") == "县人大常委会召开第八次会议"


# ---------------------------------------------------------------- eval pages
EVAL = SHARED / "eval"


def test_every_transcript_and_udn_page_is_one_article_with_its_heading():
    pages = sorted(EVAL.glob("xwlb/*.md")) + sorted(EVAL.glob("udn/*.txt"))
    assert len(pages) > 60
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        drafts = pipeline(raw)
        assert len(drafts) == 1, path.name
        heading = re.search(r"^(?:### |標題：)(.*)$", raw, re.M).group(1)
        first = key(normalise_page(heading.split(" ")[0])[0])
        assert first in key(drafts[0].title), path.name
        for junk in ("查看原文", "facebook", "&nbsp", "<!--", "**", "http"):
            assert junk not in drafts[0].body, (path.name, junk)


# ---------------------------------------------------------------- properties
FRAGMENTS = ["本报讯", "（记者 张三 李 四）", "\n", " ", "，", "。", "：", "、", "会议召开", "强调", "11月13日，", "近日，",
             "记者 王五 摄", "本条编辑：赵六", "标题：", "日期：2020-01-01", "来源：", " · ", "抓落实 促发展", "央视网消息",
             "（本报记者）", "县领导调研工作", "要求", "的", "发展", "(", ")", "A", "1"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)))
def test_split_never_raises_and_only_uses_page_characters(page):
    drafts = split_articles(page)
    available = Counter(CJK_RE.findall(page))
    used = Counter()
    for d in drafts:
        used.update(CJK_RE.findall(d.body + (d.byline or "")))
        if d.title_from_lead:
            assert d.title in d.body
        else:
            used.update(CJK_RE.findall(d.title))
        assert d.title and d.body
    assert not used - available


def test_a_page_without_article_shape_is_still_one_article():
    page = "（传真照片）"
    drafts = split_articles(page)
    assert len(drafts) == 1 and drafts[0].title == "（传真照片）" and drafts[0].body == "（传真照片）"


def test_a_lone_headline_page_keeps_its_names():
    drafts = split_articles("江泽民会见外国贵宾")
    assert len(drafts) == 1 and "江泽民" in drafts[0].body


# ---------------------------------------------------------------- fast paths (same decisions, cheaper)
def _longest_match(pattern: re.Pattern[str]) -> int:
    # The parser's width bound is what the window constants stand for.
    return re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1]


def test_window_constants_cover_the_longest_match():
    from tasks import articles
    assert articles.BYLINE_PREFIX_MAX >= _longest_match(articles.BYLINE_PREFIX)
    assert articles.BYLINE_PREFIX_MAX >= articles.CREDIT_LINE_MAX
    assert articles.TRAILING_CREDIT_WINDOW >= _longest_match(articles.TRAILING_CREDIT) + 1
    assert articles.REPORTER_TAIL_WINDOW >= _longest_match(articles.REPORTER_TAIL) + 1


CREDIT_ALPHABET = list("（()）记者通讯员摄影实习生编辑张三李四 /／。”\"正文\n") + ["新华社记者", "本报记者"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_ALPHABET), max_size=60).map("".join))
def test_credit_fast_paths_agree_with_the_full_searches(text):
    from tasks import articles
    fast, full = articles._trailing_credit(text), articles.TRAILING_CREDIT.search(text)
    assert (fast and (fast.start(), fast.group())) == (full and (full.start(), full.group()))
    assert articles._has_cjk(text, articles.MIN_BODY_CJK) == (articles._cjk_count(text) >= articles.MIN_BODY_CJK)
    if "/" not in text and "／" not in text:
        assert articles.CAPTION_CREDIT.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_ALPHABET + ["本报讯", "据新华社北京1月1日电", "央视网消息", "标题：", "。", "，"]),
                max_size=40).map("".join))
def test_byline_prefix_skip_and_line_typing_agree_with_the_full_tests(line):
    from tasks import articles
    line = line.replace("\n", "")
    full = articles.BYLINE_PREFIX.match(line)
    # reporters opening the line with no dateline before them count only when they read as names ("记者本报讯": no)
    if full is not None and articles.BARE_REPORTER_OPEN.match(line) and not articles._credits_read_as_names(full.group()):
        full = None
    fast = articles._byline_prefix(line)
    assert (fast and fast.span()) == (full and full.span())
    typed = articles._typed_lines(line)
    # (a short bracketed note is read inside its brackets: "（来源：某某）" is its field, "（原创）" its label)
    note = line[:1] in "(（" and line[-1:] in ")）" and len(line) <= articles.BRACKET_NOTE_MAX
    if line.strip() and not note:
        assert typed == [(articles._line_type(line), line)]


def test_a_title_cut_from_a_long_lead_ends_between_words():
    from tasks.articles import LEAD_TITLE_MAX, title_from_lead
    lead = "韩国外交通商部长官某某某今天在这里拜会了来访的中共中央政治局常委、国家副主席王建国一行。"
    title = title_from_lead(lead)
    assert len(title) <= LEAD_TITLE_MAX and lead.startswith(title) and title.endswith("国家副主席")
    # nor beside a dotted name's dot: the whole name or none of it
    lead = "国务院副总理今天下午在北京中南海亲切地会见了联合国艾滋病规划署执行主任彼得·卡尔森博士，双方交换了意见。"
    assert lead.index("卡尔森") + 3 > LEAD_TITLE_MAX and title_from_lead(lead).endswith("执行主任")


@pytest.mark.parametrize("byline, credits", [
    # the town or street a government site signs with is whose writer, not a name
    ("作者：城关镇 邹文清", [("邹文清", "reporter")]),
    ("作者：红星街道 石嘉怡", [("石嘉怡", "reporter")]),
    # 本报通讯员 is a byline, not a dateline "本报通讯" followed by 员
    ("本报通讯员 鲍子轩", [("鲍子轩", "reporter")]),
    # a photo report is written and photographed by the one credited
    ("本报记者 钱佳音 摄影报道", [("钱佳音", "reporter"), ("钱佳音", "photographer")]),
    # a record's source or date field among the credits names no one
    ("【作者：石嘉怡 来源：红星镇】", [("石嘉怡", "reporter")]),
    ("作者：石嘉怡 发布时间：2023-01-02", [("石嘉怡", "reporter")]),
    # 文 and 图 joined by a middle dot credit the one who wrote and photographed
    ("文·图/邝雨晨", [("邝雨晨", "reporter"), ("邝雨晨", "photographer")]),
    # a photo report's closing word credits every name before it, whatever their ranks
    ("记者 邝雨晨 通讯员 鲍子轩 文/摄", [("邝雨晨", "reporter"), ("邝雨晨", "photographer"), ("鲍子轩", "reporter"),
                                        ("鲍子轩", "photographer")]),
    # a reporter's rank after 图/ is who took the pictures, not a second credit
    ("图/本报记者 邝雨晨", [("邝雨晨", "photographer")]),
    ("文/本报记者 邝雨晨 图/本报通讯员 鲍子轩", [("邝雨晨", "reporter"), ("鲍子轩", "photographer")]),
    ("文/图 本报记者 邝雨晨", [("邝雨晨", "reporter"), ("邝雨晨", "photographer")]),
    # an editor's rank is no name, nor is the chief's on duty
    ("责任编辑：邝雨晨 见习编辑：鲍子轩", [("邝雨晨", "editor"), ("鲍子轩", "editor")]),
    ("值班总编：邝雨晨", [("邝雨晨", "editor")]),
    # a two-character surname OCR set apart from the given name
    ("记者 欧阳 雨晨 通讯员 鲍子轩", [("欧阳雨晨", "reporter"), ("鲍子轩", "reporter")]),
    # the unit that sent the item in names no one
    ("（供稿单位：红星镇）", []),
    ("（作者：邝雨晨 单位：红星镇）", [("邝雨晨", "reporter")]),
    ("审核人：鲍子轩", [("鲍子轩", "editor")]),
])
def test_credits_of_county_sites_and_papers(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline", ["本报讯（见习记者 房芷若）", "融媒记者 邹梦琪", "全媒体记者 邹梦琪"])
def test_a_reporter_s_rank_is_no_source(byline):
    assert byline_source(byline) is None


@pytest.mark.parametrize("sign, credits", [
    ("（县文明办 邝雨晨）", [("邝雨晨", "reporter")]),
    ("（通讯员 鲍子轩）", [("鲍子轩", "reporter")]),
    ("（作者：红星镇 石嘉怡）", [("石嘉怡", "reporter")]),
])
def test_a_credit_bracket_on_a_line_of_its_own_signs_the_text_above(sign, credits):
    page = f"县消防救援大队开展消防演练\n11月9日，县消防救援大队在县人民医院开展消防应急疏散演练。\n{sign}"
    [d] = split_articles(page)
    assert d.credits == credits
    assert d.body == "11月9日，县消防救援大队在县人民医院开展消防应急疏散演练。"


def test_a_party_committee_s_department_signing_alone_credits_nobody():
    # "（县委宣传部）": 宣 opens names, but 宣传部 ends as a unit's section does
    page = "县委中心组集体学习\n5月11日，县委理论学习中心组集体学习。\n（县委宣传部）"
    [d] = split_articles(page)
    assert d.credits == []


def test_a_bracket_of_names_alone_on_its_own_line_signs_the_paragraph_under_its_headline():
    # (People's Daily signs paragraphs so, under no headline of their own: see UNIT_CREDIT)
    page = "县消防救援大队开展消防演练\n11月9日，县消防救援大队开展消防应急疏散演练。\n（鲍子轩）"
    [d] = split_articles(page)
    assert d.credits == [("鲍子轩", "reporter")] and d.body.endswith("疏散演练。")
    # names OCR split among whole ones are put back together
    page = "县消防救援大队开展消防演练\n11月9日，县消防救援大队开展消防应急疏散演练。\n（周小林 吴思远 郑 丽）\n编辑：何 静"
    [d] = split_articles(page)
    assert d.credits == [("何静", "editor"), ("周小林", "reporter"), ("吴思远", "reporter"), ("郑丽", "reporter")]


def test_a_publisher_field_of_an_open_government_record_is_its_source():
    page = ("县市场监管局开展食品安全专项检查\n发布机构：县市场监管局 发布日期：2023-09-12\n"
            "9月11日，县市场监管局在全县开展食品安全专项检查，重点检查校园周边食品经营户。")
    [d] = split_articles(page)
    assert (d.title, d.source, d.dateline) == ("县市场监管局开展食品安全专项检查", "县市场监管局", "2023-09-12")


@pytest.mark.parametrize("furniture", ["第1版", "第1版 要闻", "第一版"])
def test_a_page_number_alone_over_an_item_is_no_headline(furniture):
    page = f"{furniture}\n\n本报讯（记者 韩思远）4月4日，副县长鲁文涛带队检查清明节期间森林防火工作。"
    [d] = split_articles(page)
    assert d.title == "副县长鲁文涛带队检查清明节期间森林防火工作" and d.kicker is None


def test_a_headline_line_that_runs_on_with_a_dash_is_the_kicker():
    page = "奋力谱写高质量发展新篇章——\n我县上半年经济运行稳中向好\n本报讯（记者 韩思远）记者从县统计局获悉，上半年全县经济稳中向好。"
    [d] = split_articles(page)
    assert (d.kicker, d.title) == ("奋力谱写高质量发展新篇章", "我县上半年经济运行稳中向好")


@pytest.mark.parametrize("site", ["龙潭县人民政府", "龙潭县人民政府网", "龙潭县政府门户网站"])
def test_a_portal_s_name_over_its_record_is_no_headline(site):
    page = (f"{site}\n龙潭县开展安全生产大检查\n来源：县应急管理局　时间：2023-08-09\n"
            "8月8日，副县长黎正阳带队开展安全生产大检查，先后深入3家企业检查安全生产工作。")
    [d] = split_articles(page)
    assert (d.kicker, d.title) == (None, "龙潭县开展安全生产大检查")


@pytest.mark.parametrize("top", ["青岚县人民政府 门户网站\n首页 | 政务公开 | 政务动态 | 办事服务\n当前位置：首页 > 政务动态\n",
                                 "青岚县人民政府\n"])
@pytest.mark.parametrize("headline", ["县领导督导检查春季植树造林工作", "我县开展春季植树造林"])
def test_a_portal_s_masthead_over_a_headline_is_neither_its_title_nor_part_of_it(top, headline):
    page = (f"{top}{headline}\n发布时间：2017-03-09　来源：县林业局\n"
            "3月8日，县委书记甲乙丙带领县林业局负责人督导检查春季植树造林工作。")
    [d] = pipeline(page)
    assert (d.kicker, d.title, d.subtitle) == (None, headline, None)


@pytest.mark.parametrize("header", ["青岚报 2023年11月10日", "青岚日报　2019年5月8日", "青岚报　2015年9月22日　星期二"])
def test_a_paper_s_name_and_date_heading_a_page_is_neither_headline_nor_byline_taker(header):
    # (a TV bulletin's name and date is its title: "青岚新闻 2023年11月10日" over its items, test below)
    page = (f"{header}\n我县秋粮喜获丰收\n　　本报记者 甲乙丙 通讯员 丁戊\n　　今年以来，我县粮食总产量达18.6万吨。\n"
            "县政协开展专题视察\n　　本报记者 己庚\n　　11月8日，县政协主席辛壬癸带领部分委员视察民营经济发展情况。\n")
    first, second = pipeline(page)
    assert (first.kicker, first.title, first.subtitle) == (None, "我县秋粮喜获丰收", None)
    assert first.credits == [("甲乙丙", "reporter"), ("丁戊", "reporter")]
    assert second.title == "县政协开展专题视察"


def test_a_tv_bulletin_s_name_and_date_titles_it():
    [a] = pipeline("青岚新闻 2023年11月10日\n县委常委会召开会议，研究部署冬季森林防火工作，县委书记甲乙丙主持会议并讲话。\n")
    assert a.title == "青岚新闻 2023年11月10日"


@pytest.mark.parametrize("header", ["2018年11月9日　星期五　第1版　要闻　　责任编辑：汪甲乙　美编：程丙",
                                    "第A1版：要闻　2025年3月12日　责任编辑：孙丁　版式：刘戊",
                                    "青岚报　2013年4月3日　星期三　第2版　综合新闻　　责任编辑：李己庚　校对：王辛",
                                    "2018年11月9日　星期五　要闻　　责任编辑：汪甲乙　美编：程丙"])
@pytest.mark.parametrize("masthead", ["", "青岚报　QINGLAN BAO\n"])
def test_a_page_header_s_editors_credit_no_item(header, masthead):
    page = (f"{masthead}{header}\n县委常委会召开会议\n　　本报讯（记者 方壬癸）11月8日，县委书记胡子丑主持召开县委常委会会议。\n"
            "我县粮食生产喜获丰收\n　　本报讯（记者 吴寅）今年以来，全县粮食总产量达18.6万吨。\n")
    first, second = pipeline(page)
    assert (first.title, first.credits) == ("县委常委会召开会议", [("方壬癸", "reporter")])
    assert second.credits == [("吴寅", "reporter")]


def test_an_item_s_own_dated_line_under_its_headline_keeps_the_editor_below_it():
    page = ("全县森林防火工作会议召开\n2023年3月3日 星期五\n责任编辑：陈甲乙\n"
            "3月2日，全县森林防火工作会议召开，县长刘丙丁出席会议并讲话。\n")
    [a] = pipeline(page)
    assert a.credits == [("陈甲乙", "editor")]


@pytest.mark.parametrize("caption, title", [
    ("（图）金秋时节，青岚镇茶农抢抓晴好天气采摘秋茶。", "金秋时节，青岚镇茶农抢抓晴好天气采摘秋茶"),
    ("（图）6月2日，志愿者在青岚镇公园清理垃圾，助力创建文明城市。", "志愿者在青岚镇公园清理垃圾")])
@pytest.mark.parametrize("credit", ["\n记者 甲乙丙 摄", "　记者 甲乙丙 摄"])
def test_a_marked_photo_item_after_the_last_text_is_an_item_of_its_own(caption, title, credit):
    page = ("青岚镇开展文明城市创建宣传\n　　本报讯（通讯员 丁戊）近日，青岚镇组织志愿者开展文明城市创建宣传，"
            f"发放资料3000余份。\n{caption}{credit}\n")
    text, photo = pipeline(page)
    assert text.credits == [("丁戊", "reporter")]
    assert (photo.title, photo.credits) == (title, [("甲乙丙", "photographer")])


@pytest.mark.parametrize("byline, names", [("作者：米热古丽", ["米热古丽"]), ("记者 热合曼江", ["热合曼江"]),
                                           ("记者 米热古丽 通讯员 甲乙丙", ["米热古丽", "甲乙丙"]),
                                           ("记者 林丽马丽", ["林丽", "马丽"])])
def test_an_undotted_uyghur_or_kazakh_name_in_a_credit_is_one_name(byline, names):
    assert [n for n, _ in parse_credits(byline)] == names


@pytest.mark.parametrize("writer", ["阿不都热合曼", "努尔兰"])
def test_a_unit_s_signature_with_an_undotted_uyghur_name_credits_the_writer(writer):
    page = ("我县召开冬季供暖保障工作会议\n10月14日，我县召开冬季供暖保障工作会议，副县长甲乙丙主持会议。\n"
            f"会议要求，要加快管网改造进度，确保按时供暖。\n（县政府办 {writer}）\n")
    [d] = pipeline(page)
    assert d.credits == [(writer, "reporter")]


def test_a_column_label_over_a_brief_s_headline_is_its_kicker_and_the_bullet_no_part_of_it():
    page = "要闻简报\n\n●县委中心组开展专题学习\n3月6日，县委理论学习中心组举行专题学习会。县委书记覃晓峰主持会议。"
    [d] = split_articles(page)
    assert (d.kicker, d.title, d.subtitle) == ("要闻简报", "县委中心组开展专题学习", None)


def test_a_headline_after_an_article_s_closing_credit_line_opens_the_next_article():
    page = ("石桥镇开展茶叶技术培训\n4月，石桥镇开展茶叶技术培训。\n本报记者 荀雅静\n"
            "金岭村的“共富工坊”\n走进金岭村共富工坊，十余名村民正在加工竹编产品。")
    first, second = split_articles(page)
    assert first.credits == [("荀雅静", "reporter")] and first.body == "4月，石桥镇开展茶叶技术培训。"
    assert second.title == "金岭村的“共富工坊”"


def test_a_sub_heading_inside_an_article_stays_in_it():
    page = ("石桥镇开展茶叶技术培训\n4月，石桥镇开展茶叶技术培训。\n"
            "茶园管理有新招\n走进云雾茶园，茶农们正在修剪茶树。")
    [d] = split_articles(page)
    assert "茶园管理有新招" in d.body


def test_a_headline_after_text_closed_by_its_credit_bracket_opens_the_next_article():
    page = ("县林业局开展古树名木普查\n近日，县林业局启动全县古树名木资源普查工作，对古树名木进行挂牌保护。（记者 尤佳琪）\n"
            "一季度全县规上工业增加值增长8.6%\n记者从县统计局获悉，一季度全县规模以上工业增加值同比增长8.6%。（记者 邬晨阳）")
    first, second = split_articles(page)
    assert (first.credits, second.title, second.credits) == (
        [("尤佳琪", "reporter")], "一季度全县规上工业增加值增长8.6%", [("邬晨阳", "reporter")])


@pytest.mark.parametrize("head, title, subtitle", [
    ("奋楫扬帆正当时\n——写在中共青岚县第十五次代表大会召开之际", "奋楫扬帆正当时", "——写在中共青岚县第十五次代表大会召开之际"),
    ("以钉钉子精神抓好项目建设\n——二论贯彻落实县委经济工作会议精神\n本报评论员", "以钉钉子精神抓好项目建设", None),
])
def test_a_dash_line_under_a_title_is_its_deck_whatever_it_says(head, title, subtitle):
    [d] = split_articles(f"{head}\n五年砥砺奋进，五年春华秋实。过去五年，全县地区生产总值年均增长7.2%，城乡面貌焕然一新。")
    assert d.title == title and (subtitle is None or d.subtitle == subtitle)


def test_the_bodies_issuing_a_document_are_not_its_title():
    page = ("中共青岚县委 青岚县人民政府\n关于表彰2022年度先进集体和先进个人的决定\n"
            "各乡镇党委和人民政府，县直各单位：为表彰先进，县委、县政府决定对石溪镇党委等10个先进集体予以表彰。")
    [d] = split_articles(page)
    assert d.title == "关于表彰2022年度先进集体和先进个人的决定"


def test_dated_briefs_each_closed_by_its_credit_under_a_column_label_are_items():
    page = ("简讯\n4月5日，县人大常委会主任蔺国庆带队视察城区道路改造项目。（记者 尤佳琪）\n"
            "4月6日，县政协主席殷秀兰主持召开政协主席会议，研究年度协商计划。（记者 巫静）")
    first, second = split_articles(page)
    assert (first.credits, second.credits) == ([("尤佳琪", "reporter")], [("巫静", "reporter")])


def test_a_short_line_ending_in_a_colon_over_a_headline_is_its_kicker():
    page = ("我县举办乡村振兴人才专场招聘会\n本报讯（记者 尤佳琪）5月6日，我县举办乡村振兴人才专场招聘会。\n"
            "聚焦民生实事：\n城区新增停车位1200个\n本报讯（记者 巫静）5月7日，城区新增公共停车位1200个。")
    first, second = split_articles(page)
    assert first.body.endswith("招聘会。") and (second.kicker, second.title) == ("聚焦民生实事", "城区新增停车位1200个")


@pytest.mark.parametrize("credit", ["邹玉林 摄", "（邹玉林 摄）"])
def test_a_photo_credit_between_a_feature_s_sections_does_not_part_the_feature(credit):
    sep = "\n" if not credit.startswith("（") else ""
    page = (f"白杨答卷\n本报记者 韩晓梅\n今年以来，白杨乡取得明显成效。\n村民在基地采摘蔬菜。{sep}{credit}\n"
            "产业兴旺\n走进白杨乡，一派繁忙景象。")
    [d] = split_articles(page)
    assert "产业兴旺" in d.body and d.credits == [("韩晓梅", "reporter"), ("邹玉林", "photographer")]


def test_a_photo_news_item_closed_by_its_photographer_s_credit_is_an_item_of_its_own():
    page = "村民采摘忙\n白杨乡村民在基地采摘蔬菜。（韩晓梅 摄）\n我县新建幼儿园5所\n今年以来，我县新建幼儿园5所，新增学位1500个。"
    first, second = split_articles(page)
    assert (first.credits, second.title) == ([("韩晓梅", "photographer")], "我县新建幼儿园5所")


def test_an_appendix_label_after_the_closing_credit_stays_in_the_article():
    page = "植树\n3月12日，城关镇开展义务植树活动。（通讯员 邹玉林）\n编后\n植树造林，功在当代。"
    [d] = split_articles(page)
    assert d.body.endswith("功在当代。")


def test_a_unit_and_its_writer_after_zuozhe_in_a_closing_bracket_are_credited():
    [d] = split_articles("会议\n5月6日，我县召开安全生产工作会议。（作者：县应急局 邹玉林）")
    assert d.credits == [("邹玉林", "reporter")] and d.body == "5月6日，我县召开安全生产工作会议。"


def test_a_list_of_names_after_a_text_stays_in_it():
    page = ("县总工会表彰一批劳动模范\n本报讯（记者 巫静）4月28日，县劳动模范表彰大会召开，表彰县级劳动模范30名。\n"
            "劳动模范名单\n段海涛 龙秀英 覃雅丽 柯建华\n"
            "石溪镇开展安全生产大检查\n本报讯（记者 尤佳琪）4月27日，石溪镇组织开展安全生产大检查。")
    first, second = split_articles(page)
    assert first.body.endswith("段海涛 龙秀英 覃雅丽 柯建华") and (second.kicker, second.title) == (None, "石溪镇开展安全生产大检查")
    # a headline of three short phrases is no list of names
    [d] = split_articles("抓项目 促发展 保民生\n本报讯 5月6日，全县重点项目建设推进会召开。")
    assert d.title == "抓项目 促发展 保民生"


@pytest.mark.parametrize("bullet", ["◆", "■", "●"])
def test_dated_briefs_under_a_bulleted_column_label_are_items(bullet):
    page = (f"{bullet}简讯\n4月10日，县农业农村局组织开展春耕技术培训。（通讯员 骆秋石）\n"
            "4月11日，县人社局举办专场招聘会。（记者 桑景明）")
    first, second = pipeline(page)
    assert (first.credits, second.credits) == ([("骆秋石", "reporter")], [("桑景明", "reporter")])


@pytest.mark.parametrize("masthead", ["", "溪源日报\n", "溪源报 "])
def test_a_dated_page_header_with_its_editors_is_no_headline_nor_joined_to_the_text(masthead):
    # the paper's name may open the header's line ("溪源报 2023年8月15日 第4版 …")
    page = (f"{masthead}2023年8月15日　第4版　乡村振兴　责任编辑：廉秀芬　美编：蒲志刚\n杉坪乡：小香菇撑起致富伞\n"
            "　　本报讯（记者 宓思源）近年来，杉坪乡大力发展香菇产业，带动群众增收。\n　　目前，全乡香菇种植面积达到3000亩。")
    [d] = pipeline(page)
    assert (d.kicker, d.title) == (None, "杉坪乡：小香菇撑起致富伞") and d.body.startswith("近年来")
    # the page's editors edited the page, not this item: no credit of its
    assert d.credits == [("宓思源", "reporter")]


def test_a_page_s_sign_off_credits_none_of_its_items():
    page = ("平乐镇举办农民丰收节\n本报讯（记者 阮思琪）6月8日，平乐镇第二届农民丰收节在石塘村开幕。\n"
            "县城新增3个公共停车场\n本报讯（记者 韦佳佳）近日，县城新增3个公共停车场。\n"
            "本版责编：聂红梅 版式：甘建新 校对：苏小梅")
    first, second = pipeline(page)
    assert (first.credits, second.credits) == ([("阮思琪", "reporter")], [("韦佳佳", "reporter")])
    assert "聂红梅" not in second.body


def test_a_list_of_leaders_wrapped_after_the_last_one_s_post_goes_on_and_the_next_item_opens():
    page = ("政协会议隆重开幕\n本报讯（记者 甲乙丙）1月8日上午，政协第三次会议隆重开幕。市政协主席丁某某主持开幕会。\n"
            "在主席台就座的还有市政协副主席戊己庚、辛壬癸、子丑寅，秘书长\n卯辰。\n"
            "市委常委会研究部署春节前后工作\n本报讯（记者 巳午）1月7日，市委书记未申主持召开市委常委会会议。")
    first, second = pipeline(page)
    assert first.body.endswith("秘书长卯辰。") and second.title == "市委常委会研究部署春节前后工作"


@pytest.mark.parametrize("header", [
    "某源报 MOUYUAN BAO\n2020年8月 27日 星期四\n03 民生·社会\n编辑:丙丁 校对:田\n芳",
    "某东报\nMOUDONG DAILY\n2016年3月9日 星期三 丙申年正月三十一\nA1 要闻  本期8版  值班编委:丙丁\n责任编辑:戊己",
])
def test_a_page_header_s_number_section_lunar_day_and_editors_credit_no_item(header):
    [d] = pipeline(f"{header}\n\n老旧小区改造让居民住得更舒心\n本报记者 甲乙 通讯员 庚辛壬\n8月25日，记者走进东关小区，看到老小区焕然一新。")
    assert (d.title, d.credits) == ("老旧小区改造让居民住得更舒心", [("甲乙", "reporter"), ("庚辛壬", "reporter")])


def test_a_page_header_whose_date_the_ocr_spaced_is_no_headline():
    page = ("故城湾报      2018年 11月 6日    星期二    第2版      乡镇传真\n\n郑河口镇：冬季清洁取暖改造全面完成\n"
            "本报讯（通讯员 甲乙丙）截至11月3日，郑河口镇26个村冬季清洁取暖改造全部完成。")
    [d] = pipeline(page)
    assert d.title == "郑河口镇：冬季清洁取暖改造全面完成"


ABOVE_PHOTO = "企业开办时间压缩至1个工作日\n本报讯（记者 甲乙丙）记者从区市场监管局获悉，我区企业开办全流程办理时间已压缩至1个工作日以内。\n\n"


@pytest.mark.parametrize("head", ["图片新闻", "灾后自救 重建家园"])
def test_a_headed_caption_its_photographer_alone_signs_is_a_photo_item_of_its_own(head):
    page = ABOVE_PHOTO + f"{head}\n台风过后，宜岭镇群众积极开展生产自救。图为宜岭镇干部群众在清理道路淤泥。  本报记者 丁 戊 摄"
    text, photo = pipeline(page)
    assert text.credits == [("甲乙丙", "reporter")] and "淤泥" not in text.body
    assert photo.credits == [("丁戊", "photographer")] and "淤泥" in photo.body
    # the text's own writer took it: the text's picture
    [d] = pipeline(page.replace("丁 戊", "甲乙丙"))
    assert d.credits == [("甲乙丙", "reporter"), ("甲乙丙", "photographer")]


@pytest.mark.parametrize(("byline", "credits"), [
    ("本报讯（记者 冒 雪 峰 丁 佳）", [("冒雪峰", "reporter"), ("丁佳", "reporter")]),   # 冒: a surname too rare for the list
    ("本报讯（记者 冒雪峰丁佳）", [("冒雪峰", "reporter"), ("丁佳", "reporter")]),
    ("本报讯（记者 乌 云 其 其 格）", [("乌云其其格", "reporter")]),                     # no cut: one Mongolian name
    ("本报记 者 亓凤 通 讯 员 尹 志强 ", [("亓凤", "reporter"), ("尹志强", "reporter")]),   # the role word the OCR split
])
def test_credited_names_of_rare_surnames_and_split_role_words(byline, credits):
    [d] = pipeline(f"全县春耕生产工作会议召开\n{byline}\n3日，全县春耕生产工作会议召开。")
    assert d.credits == credits


def test_a_masthead_s_publisher_and_a_portal_s_banner_are_no_credit_and_no_title():
    page = ("闽溪报\n中共闽溪县委主办  闽溪县新闻中心编辑出版\n县委中心组学习会议召开\n本报讯（记者 甲乙丙）6月2日，县委中心组召开学习会议。")
    [d] = pipeline(page)
    assert (d.title, d.credits) == ("县委中心组学习会议召开", [("甲乙丙", "reporter")])
    page = ("某某县人民政府信息公开门户网站\n您所在的位置：首页 > 政务动态 > 县内要闻\n\n县委书记甲乙丙调研森林防火工作\n"
            "【发布日期：2015-03-06】 【作者：县委宣传部 丁戊】 【来源：某某县人民政府网】\n3月5日，县委书记甲乙丙调研森林防火工作。")
    [d] = pipeline(page)
    # the writer after his unit, the space between them lost to the cleaner
    assert (d.title, d.credits) == ("县委书记甲乙丙调研森林防火工作", [("丁戊", "reporter")])


@pytest.mark.parametrize(("meta", "credits"), [("作者：县政府办公室", []), ("作者：城关镇", []), ("作者：城关镇 甲乙丙", [("甲乙丙", "reporter")])])
def test_a_record_s_author_field_naming_a_unit_credits_no_one(meta, credits):
    assert record_meta(f"发布时间：2015-03-06 {meta}").credits == credits


@pytest.mark.parametrize(("credit", "credits"), [
    ("（县政府办公室 供稿）", []), ("（县政府办公室 和 丽 供稿）", [("和丽", "reporter")]), ("（区委办 供稿）", []),
    ("（甲乙丙 供稿）", [("甲乙丙", "reporter")]),
])
def test_the_unit_that_sent_an_item_in_is_no_writer(credit, credits):
    [d] = pipeline(f"县长会见客商\n5月7日，县长丁戊己会见客商一行，双方就项目合作进行了交流。\n{credit}")
    assert d.credits == credits


@pytest.mark.parametrize("sign_off", ["（本版编辑：聂红梅）", "(本版编辑:聂 红 梅)", "（今日四版 本版责编：聂红梅 校对：苏小梅）"])
def test_a_page_s_sign_off_in_brackets_credits_none_of_its_items(sign_off):
    page = ("平乐镇举办农民丰收节\n本报讯（记者 阮思琪）6月8日，平乐镇第二届农民丰收节在石塘村开幕。\n"
            f"县城新增3个公共停车场\n本报讯（记者 韦佳佳）近日，县城新增3个公共停车场。\n{sign_off}")
    first, second = pipeline(page)
    assert (first.credits, second.credits) == ([("阮思琪", "reporter")], [("韦佳佳", "reporter")])
    assert "聂" not in second.body


@pytest.mark.parametrize("column", ["民生关注", "乡镇传真", "走基层", "【部门动态】"])
def test_a_standing_column_over_a_headline_is_its_kicker(column):
    [d] = pipeline(f"{column}\n县城新增3个公共停车场\n本报讯（记者 韦佳佳）近日，县城新增3个公共停车场。")
    assert (d.kicker, d.title) == (column, "县城新增3个公共停车场")


@pytest.mark.parametrize("bracket, credits", [
    ("（文/图 贾晓宇）", [("贾晓宇", "reporter"), ("贾晓宇", "photographer")]),
    ("（文/贾晓宇 图/尚文军）", [("贾晓宇", "reporter"), ("尚文军", "photographer")]),
    ("（贾晓宇/文 尚文军/图）", [("贾晓宇", "reporter"), ("尚文军", "photographer")]),
])
def test_a_closing_bracket_of_writer_and_pictures_is_a_credit(bracket, credits):
    [d] = pipeline(f"端午民俗进社区\n6月20日，城南社区开展民俗体验活动。居民们一起包粽子。{bracket}")
    assert d.credits == credits and d.body.endswith("包粽子。")


def test_a_dailys_name_over_a_headline_is_its_masthead_not_a_kicker():
    [d] = pipeline("岚川日报\n县委书记调研重点项目\n　　本报讯（记者 宓思源）8月14日，县委书记甄立锋到县工业园区调研。")
    assert (d.kicker, d.title) == (None, "县委书记调研重点项目")


@pytest.mark.parametrize("first, second", [("本报讯（记者 欧阳紫萱）10月", "25日，"), ("本报讯（记者 欧阳紫萱）10月25", "日，")])
def test_a_dateline_wrapped_inside_its_date_is_joined(first, second):
    [d] = pipeline(f"苍岭县召开乡村振兴工作推进会\n{first}\n{second}苍岭县召开乡村振兴工作推进会。县长柏云峰出席会议并讲话。")
    assert d.byline == "本报讯（记者 欧阳紫萱）" and d.body.startswith("10月25日，苍岭县")


@pytest.mark.parametrize("line", ["来源 | 岚川发布", "来源丨岚川发布", "来源｜岚川发布"])
def test_a_wechat_source_line_with_a_bar(line):
    [d] = pipeline(f"{line}\n县委常委会召开会议\n　　8月14日，县委书记甄立锋主持召开县委常委会会议。")
    assert (d.kicker, d.title, d.source) == (None, "县委常委会召开会议", "岚川发布")


def test_names_joined_by_a_middle_dot_are_credited():
    [d] = pipeline("县委书记调研重点项目\n　　本报讯（记者 艾尔肯·吐拉克 通讯员 甄立锋）8月14日，县委书记甄立锋到县工业园区调研。")
    assert d.credits == [("艾尔肯·吐拉克", "reporter"), ("甄立锋", "reporter")]
    [d] = pipeline("县委书记调研重点项目\n　　8月14日，县委书记甄立锋到县工业园区调研。图为调研现场。艾尔肯·吐拉克　摄")
    assert d.credits == [("艾尔肯·吐拉克", "photographer")] and d.body.endswith("图为调研现场。")


def test_a_headline_ending_in_bao_under_a_dailys_masthead_stays():
    [d] = pipeline("岚川日报\n我县再传捷报\n本报讯 5月6日，青禾县在全市营商环境评价中获得第一名。")
    assert (d.kicker, d.title) == (None, "我县再传捷报")


def test_a_headline_over_undated_text_opens_an_item_when_the_text_names_its_unit():
    page = ("县人社局多措并举稳就业\n今年以来，县人社局多措并举稳就业促增收，全县城镇新增就业1860人。\n"
            "紫荆镇扎实推进人居环境整治\n为进一步改善农村人居环境，紫荆镇持续开展“清洁家园”行动。")
    first, second = pipeline(page)
    assert (first.title, second.title) == ("县人社局多措并举稳就业", "紫荆镇扎实推进人居环境整治")
    assert second.body.startswith("为进一步")


def test_sub_headings_naming_no_unit_stay_in_their_article():
    page = ("全县开展安全生产月活动\n本报讯（记者 邬晓亮）6月，全县开展安全生产月系列活动。\n"
            "宣传进万家\n县应急管理局组织开展安全宣传活动，发放资料2万份。\n"
            "隐患大排查\n各乡镇深入开展安全隐患排查整治，整改隐患300余处。")
    [d] = pipeline(page)
    assert "宣传进万家" in d.body and "隐患大排查" in d.body


@pytest.mark.parametrize("meta", ["发布时间:2023-07-12 来源:武陵县融媒体中心 记者 钟晓梅",
                                  "发布时间:2023-07-12 来源:武陵县融媒体中心记者钟晓梅"])
def test_a_record_s_reporter_after_its_outlet_is_credited(meta):
    [d] = pipeline(f"县林业局开展林长制巡林\n{meta}\n7月11日，县林业局局长滕建新带队开展林长制巡林工作。")
    assert (d.source, d.credits) == ("武陵县融媒体中心", [("钟晓梅", "reporter")])


def test_a_record_s_writer_after_the_unit_is_credited():
    [d] = pipeline("县林业局开展林长制巡林\n发布时间:2023-07-12 09:30 来源:县林业局 作者:县林业局 龚小平 马晓丽\n"
                   "7月11日，县林业局局长滕建新带队开展林长制巡林工作。")
    assert (d.source, d.credits) == ("县林业局", [("龚小平", "reporter"), ("马晓丽", "reporter")])


def test_a_dateline_s_square_bracket_holds_its_reporter():
    [d] = pipeline("县林业局开展林长制巡林\n本报讯【记者 庄晓燕】3月1日，县林业局局长滕建新带队开展林长制巡林工作。")
    assert d.credits == [("庄晓燕", "reporter")] and d.body.startswith("3月1日")


def test_short_text_closing_the_page_is_the_last_article_s_end():
    page = ("县委书记冯建国调研重点项目\n本报讯（记者 范晓峰）7月12日，县委书记冯建国深入工业园区调研重点项目建设。\n"
            "县发改局、县工信局负责人参加\n调研。")
    [d] = pipeline(page)
    assert d.body.endswith("负责人参加\n调研。")


def test_a_sign_off_s_publisher_is_an_editor_not_a_name():
    assert parse_credits("撰稿：曹文丽 审核：宁海军 发布：柏晓蕾") == [
        ("曹文丽", "reporter"), ("宁海军", "editor"), ("柏晓蕾", "editor")]


def test_briefs_run_together_on_one_line_are_items():
    page = "■县妇联开展家庭教育讲座 6月5日，县妇联邀请专家开展讲座。■县林业局开展护林员培训 6月6日，县林业局培训护林员。"
    assert [d.title for d in pipeline(page)] == ["县妇联开展家庭教育讲座", "县林业局开展护林员培训"]


def test_a_summary_under_the_headline_is_its_deck_not_an_item():
    [d] = pipeline("全县经济半年报出炉\n【摘要】上半年，全县地区生产总值同比增长6.5%。\n"
                   "本报讯（记者 温雅）7月18日，县统计局发布上半年经济运行数据。")
    assert (d.title, d.subtitle) == ("全县经济半年报出炉", "【摘要】上半年，全县地区生产总值同比增长6.5%。")
    assert d.credits == [("温雅", "reporter")]


def test_an_editors_note_over_a_column_and_its_item_is_the_item_s_deck():
    [d] = pipeline("编者按：今年以来，我县涌现出一批先进典型。即日起，本报开设专栏，敬请关注。\n榜样的力量\n一心为民的好支书\n"
                   "本报记者 郭宏伟\n在大山深处的岩门村，村民们都竖起大拇指。")
    assert (d.kicker, d.title) == ("榜样的力量", "一心为民的好支书") and d.subtitle.startswith("编者按：")
    assert d.credits == [("郭宏伟", "reporter")]


def test_the_title_an_item_first_ran_under_is_not_its_headline():
    [d] = pipeline("原标题：以“绣花功夫”提升城市颜值\n临江区全面开展市容市貌整治\n"
                   "本报讯（记者 樊佳音）近日，临江区启动市容市貌集中整治行动。")
    assert d.title == "临江区全面开展市容市貌整治"


def test_a_signature_of_units_and_their_writers_under_the_headline_credits_the_writers():
    [d] = pipeline("县林业局开展林长制巡林\n县委宣传部 陈晓红 县融媒体中心 李明远\n"
                   "7月11日，县林业局局长滕建新带队开展林长制巡林工作。")
    assert (d.subtitle, d.credits) == (None, [("陈晓红", "reporter"), ("李明远", "reporter")])
    assert unit_signed("县委书记 冯建国") is None and unit_signed("白石镇 王家村") is None


@pytest.mark.parametrize("lead, title", [
    ("据县农业农村局消息，截至5月8日，全县已完成早稻机插面积4.5万亩，占计划面积的85%。", "全县已完成早稻机插面积4.5万亩"),
    ("记者从县统计局获悉，上半年全县经济稳中向好。", "上半年全县经济稳中向好"),
])
def test_a_title_from_the_lead_leaves_out_who_the_news_came_from(lead, title):
    assert title_from_lead(lead) == title


def test_a_masthead_s_issue_and_registration_lines_are_no_kicker():
    [d] = pipeline("松岭报\nSONGLING BAO\n2023年5月6日 星期六 农历癸卯年三月十七 第1286期 今日4版\n"
                   "中共松岭县委主办 国内统一连续出版物号：CN43-0099\n县委召开常委会会议\n"
                   "本报讯（记者 卓文博）5月5日，县委书记黎明辉主持召开县委常委会会议。")
    assert (d.kicker, d.title) == (None, "县委召开常委会会议")


def test_a_front_page_s_pointers_to_other_pages_are_furniture():
    [d] = pipeline("新闻导读\n▶县委召开常委会会议 （2版）\n▶全县防汛工作调度会召开 （2版）\n县委书记冯建国调研重点项目\n"
                   "本报讯（记者 范晓峰）6月12日，县委书记冯建国深入工业园区调研重点项目建设。")
    assert (d.kicker, d.title, d.subtitle) == (None, "县委书记冯建国调研重点项目", None)


def test_a_quoted_headline_over_its_deck_is_a_headline():
    first, second = pipeline("“有了这个合作社，我们在家门口就能挣钱。”\n——大湾村合作社带动村民增收见闻\n"
                             "6月8日，在大湾村蔬菜合作社基地，村民们正忙着采摘辣椒。\n县城管局开展夜市整治\n"
                             "6月9日，县城管局对城区夜市开展集中整治。")
    assert first.title == "“有了这个合作社，我们在家门口就能挣钱。”" and first.body.startswith("6月8日")
    assert second.title == "县城管局开展夜市整治"


def test_a_list_of_schools_and_their_winners_in_the_text_is_no_signature():
    [d] = pipeline("全县表彰优秀教师\n本报讯（记者 韦佳佳）9月9日，全县优秀教师表彰大会召开。获奖教师有：\n"
                   "县第一中学 王芳 李强\n县实验小学 赵敏\n会上，县长简永刚为获奖教师颁奖。")
    assert d.credits == [("韦佳佳", "reporter")] and "县第一中学 王芳 李强" in d.body


def test_a_brief_signed_within_the_page_stays_an_item_under_an_unsigned_article():
    page = ("县政府召开常务会议\n6月6日，县长简永刚主持召开县政府常务会议。\n"
            "县妇联开展家庭教育讲座\n县妇联近日邀请专家开展家庭教育讲座。\n通讯员 李小红\n"
            "县林业局开展护林员培训\n6月7日，县林业局培训护林员。")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["县政府召开常务会议", "县妇联开展家庭教育讲座", "县林业局开展护林员培训"]
    assert drafts[1].credits == [("李小红", "reporter")] and drafts[0].credits == []


def test_a_page_s_related_headlines_are_not_the_last_article_s_text():
    [d] = pipeline("县政府召开常务会议\n本报讯（记者 韦佳佳）6月6日，县长简永刚主持召开县政府常务会议。\n"
                   "相关新闻\n县林业局开展护林员培训\n县妇联开展家庭教育讲座")
    assert d.body.endswith("常务会议。")


def test_a_reporter_of_the_paper_before_a_bar_is_credited():
    assert parse_credits("本报记者丨张晓明") == [("张晓明", "reporter")]


def test_a_short_sub_heading_over_a_dated_paragraph_stays_in_the_signed_article():
    [d] = pipeline("全县举办系列纪念活动\n本报讯（记者 甲某某）7月1日至5日，全县开展系列纪念活动。\n"
                   "重温入党誓词\n7月1日上午，县直机关党员重温入党誓词。\n红色观影\n7月3日晚，各乡镇组织观影。")
    assert "红色观影" in d.body and d.credits == [("甲某某", "reporter")]


def test_the_parts_of_a_round_up_headed_like_its_first_part_stay_one_article():
    for part in ("青禾镇：隐患排查全覆盖", "【青禾镇】"):
        other = "柳塘乡：应急演练进企业" if "：" in part else "【柳塘乡】"
        [d] = pipeline(f"各地扎实开展安全生产月活动\n{part}\n6月3日，青禾镇开展安全隐患排查。\n"
                       f"{other}\n6月5日，柳塘乡开展消防应急演练。")
        assert d.title == "各地扎实开展安全生产月活动" and d.subtitle is None and d.body.startswith(part)


def test_items_headed_by_their_units_under_a_column_label_stay_items():
    drafts = pipeline("部门动态\n县市场监管局开展食品安全抽检\n4月18日，县市场监管局开展抽检。\n"
                      "县医保局进社区宣传医保政策\n4月19日，县医保局走进社区宣传。")
    assert [d.title for d in drafts] == ["县市场监管局开展食品安全抽检", "县医保局进社区宣传医保政策"]


def test_a_title_wrapped_over_two_lines_is_one_title():
    [d] = pipeline("某县召开全县农村人居环境整治提升\n暨美丽乡村建设现场推进会\n3月28日，某县召开全县农村人居环境整治提升"
                   "暨美丽乡村建设现场推进会。")
    assert d.title == "某县召开全县农村人居环境整治提升暨美丽乡村建设现场推进会" and d.subtitle is None
    [d] = pipeline("梅溪区全力推进城市更新\n打造宜居宜业品质新城\n本报讯（记者 甲某某）5月8日，梅溪区召开推进会。")
    assert d.subtitle == "打造宜居宜业品质新城"


def test_a_text_s_last_line_without_its_full_stop_is_no_kicker_of_the_next_headline():
    drafts = pipeline("石岭镇开展森林防火宣传\n3月15日，石岭镇组织志愿者开展森林防火宣传。\n活动共悬挂横幅42条张贴标语300余张\n"
                      "县图书馆开展读书分享会\n3月16日，县图书馆举办读书分享会。")
    assert [d.title for d in drafts] == ["石岭镇开展森林防火宣传", "县图书馆开展读书分享会"]
    assert drafts[0].body.endswith("300余张") and drafts[1].kicker is None


def test_briefs_opening_with_their_unit_in_brackets_are_items_titled_by_their_leads():
    drafts = pipeline("乡镇简讯\n【东岭镇】5月6日，东岭镇开展防汛应急演练，80余名应急队员参加。\n"
                      "【西坡乡】5月7日，西坡乡召开烟叶生产现场会。")
    assert [d.title for d in drafts] == ["东岭镇开展防汛应急演练", "西坡乡召开烟叶生产现场会"]
    [d] = pipeline("县人社局举办招聘会\n【县人社局】5月6日，县人社局举办招聘会。")
    assert d.body.startswith("5月6日")


def test_a_record_s_first_line_that_exclaims_is_its_title():
    [d] = pipeline("“村超”火了！榕江乡村体育点燃全民热情\n比赛现场\n6月10日晚，县城北新区体育场内座无虚席。")
    assert d.title == "“村超”火了！榕江乡村体育点燃全民热情" and "体育场" in d.body


def test_sign_off_fields_parted_by_bars_and_an_article_s_own_author_are_credited():
    assert parse_credits("编辑：邓某某丨校对：文某某丨审核：石某某") == [
        ("邓某某", "editor"), ("文某某", "editor"), ("石某某", "editor")]
    [d] = pipeline("守好钱袋子\n本文作者：晏梓萌\n今年以来，县财政局坚持过紧日子思想，严控一般性支出。")
    assert d.credits == [("晏梓萌", "reporter")] and d.subtitle is None


def test_a_round_up_s_numbered_parts_stay_one_article_but_not_under_a_column_label():
    [d] = pipeline("我县多措并举推进春季植树造林\n一、高位推动\n3月1日，县委、县政府召开春季植树造林动员会。\n"
                   "二、全民参与\n3月12日，全县干部群众5000余人参加义务植树活动。")
    assert d.body.startswith("一、高位推动") and "二、全民参与" in d.body
    drafts = pipeline("工作动态\n1.县人社局举办招聘会\n5月6日，县人社局举办招聘会。\n2.县教育局召开教育工作会议\n"
                      "5月7日，县教育局召开会议。")
    assert len(drafts) == 2


def test_a_column_s_label_with_its_issue_is_the_kicker_of_the_first_item():
    drafts = pipeline("乡镇动态（第18期）\n城关镇开展河道清淤\n7月26日，城关镇对辖区内3条河道开展清淤。\n"
                      "大桥乡召开产业发展推进会\n7月27日，大桥乡召开产业发展推进会。")
    assert [(d.kicker, d.title) for d in drafts] == [("乡镇动态（第18期）", "城关镇开展河道清淤"), (None, "大桥乡召开产业发展推进会")]


def test_the_makers_of_a_graphic_piece_are_credited():
    assert parse_credits("设计：桑某某 航拍：苏某某") == [("桑某某", "editor"), ("苏某某", "photographer")]


def test_a_quoted_column_label_over_a_headline_is_the_kicker():
    assert choose_title(["“奋进新征程 建功新时代”专栏", "郑某：扎根山区的乡村医生"])[:2] == (
        "“奋进新征程 建功新时代”专栏", "郑某：扎根山区的乡村医生")


def test_a_record_s_title_said_again_under_its_text_s_kicker_is_the_title():
    head = ["某县重点项目建设跑出加速度", "聚焦三个年活动 推动高质量发展", "某县重点项目建设跑出加速度", "——一季度完成投资28.6亿元"]
    assert choose_title(head) == ("聚焦三个年活动 推动高质量发展", "某县重点项目建设跑出加速度", "——一季度完成投资28.6亿元")
    # a deck under the title, then the title again, is no kicker
    kicker, title, _ = choose_title(["某县重点项目建设跑出加速度", "——一季度完成投资28.6亿元", "某县重点项目建设跑出加速度"])
    assert title == "某县重点项目建设跑出加速度" and kicker is None


def test_a_leader_s_visit_under_its_headline_opens_an_item_though_undated():
    drafts = pipeline("县委书记龚某某调研工业园区建设\n龚某某一行先后来到园区标准厂房、污水处理厂等项目现场。\n"
                      "县长魏某某督导检查安全生产工作\n魏某某一行深入企业生产车间、仓库，实地查看安全生产措施。")
    assert [d.title for d in drafts] == ["县委书记龚某某调研工业园区建设", "县长魏某某督导检查安全生产工作"]


def test_short_sub_headings_in_a_row_are_sections_of_one_unsigned_text():
    [d] = pipeline("凝心聚力促发展\n今年以来，我县各乡镇围绕中心工作，奋力推动高质量发展。\n大岭镇抓产业\n"
                   "大岭镇新建标准化茶园2000亩，带动农户增收。\n小溪乡抓环境\n小溪乡开展村庄清洁行动，村容村貌持续改善。")
    assert d.title == "凝心聚力促发展" and "小溪乡抓环境" in d.body


def test_a_title_wrapped_inside_a_word_is_one_title():
    [d] = pipeline("关于做好城乡居民基本医疗保\n险参保缴费工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。")
    assert d.title == "关于做好城乡居民基本医疗保险参保缴费工作的通知"
    # a kicker ending in a unit's level is no word cut by the break (镇|长石村 is not 镇长)
    [d] = pipeline("聚焦白马镇\n长石村人居环境整治见实效\n5月6日，长石村组织开展人居环境整治行动。")
    assert "聚焦白马镇长石村" not in d.title


def test_a_photo_credit_naming_ranks_credits_every_name_as_photographer():
    assert parse_credits("（记者 龙某某 通讯员 石某某 摄）") == [("龙某某", "photographer"), ("石某某", "photographer")]
    assert parse_credits("记者 甲某某 摄影 乙某某") == [("甲某某", "reporter"), ("乙某某", "photographer")]


def test_an_open_government_record_s_field_line_is_read_not_text():
    [d] = pipeline("关于城乡居民医疗保险个人缴费标准的通知\n索引号：11430000-2023-00123 发布机构：县医保局 生成日期：2023-09-01\n"
                   "各乡镇人民政府，县直各单位：\n现将有关事项通知如下。")
    assert d.body.startswith("各乡镇人民政府") and d.source == "县医保局" and d.dateline == "2023-09-01"


def test_short_headlines_over_dated_paragraphs_are_briefs_of_their_own():
    drafts = pipeline("春耕备耕忙\n4月2日，白马镇农民抢抓农时，田间地头一片忙碌景象。\n樱桃红了\n5月6日，石桥乡万亩樱桃进入采摘期，游客纷至沓来。\n"
                      "夏粮丰收\n6月8日，青山镇小麦喜获丰收，亩产达到五百公斤。")
    assert [d.title for d in drafts] == ["春耕备耕忙", "樱桃红了", "夏粮丰收"]


@pytest.mark.parametrize("field", ["公开时限：长期公开", "有效性：有效", "公开方式：主动公开"])
def test_every_field_of_an_open_government_record_s_line_is_read_past(field):
    from tasks.articles import record_meta
    meta = record_meta(f"索引号：11500237 发布机构：县应急管理局 {field} 生成日期：2023-03-05")
    assert (meta.source, meta.date) == ("县应急管理局", "2023-03-05")


@pytest.mark.parametrize("sign", ["\n（峰城镇 宓晓燕 供稿）", "\n（宓晓燕 供稿）", "（峰城镇 宓晓燕 供稿）"])
def test_a_writer_signing_with_gonggao_after_the_name_is_credited(sign):
    page = normalise_page(clean_page(f"干部大会召开\n1月7日，峰城镇召开干部大会。{sign}"))[0]
    [a] = split_articles(page)
    assert a.credits == [("宓晓燕", "reporter")] and a.body == "1月7日，峰城镇召开干部大会。"
    # a unit alone credits nobody
    [a] = split_articles("干部大会召开\n1月7日，峰城镇召开干部大会。\n（峰城镇党政办 供稿）")
    assert a.credits == []


def test_names_alone_in_brackets_closing_a_text_of_several_paragraphs_are_its_writers():
    page = "会议召开\n3月1日，县委书记邬明远主持召开会议。\n会议要求，各部门要抓好落实。（邝晓梅）"
    [a] = split_articles(page)
    assert a.credits == [("邝晓梅", "reporter")] and a.body.endswith("抓好落实。")
    # one paragraph with no headline keeps them (see UNIT_CREDIT), and so does a text whose dateline credits its
    # writer
    [a] = split_articles("3月1日，县委书记邬明远主持召开会议。（邝晓梅）")
    assert a.credits == []
    [a] = split_articles("会议召开\n本报讯（记者 谌雨晴）3月1日，县委召开会议。\n会议要求抓好落实。（邝晓梅）")
    assert a.credits == [("谌雨晴", "reporter")]


@pytest.mark.parametrize("sign", ["\n（县民政局 邝晓梅 谌凯）", "（县民政局 邝晓梅 谌凯）"])
def test_a_unit_s_signature_with_its_writers_apart_credits_each(sign):
    # glued, "邝晓梅谌凯" cuts two ways (邝晓 + 梅谌凯); the spaces decide
    page = normalise_page(clean_page(f"敬老活动\n10月17日，县长甘明辉到敬老院看望老人。{sign}"))[0]
    [a] = split_articles(page)
    assert a.credits == [("邝晓梅", "reporter"), ("谌凯", "reporter")] and a.body == "10月17日，县长甘明辉到敬老院看望老人。"


def test_a_text_closed_by_its_writers_names_in_brackets_ends_before_the_next_headline():
    page = ("小龙虾游出致富路\n盛夏时节，走进凉泉乡的稻虾共作基地。\n基地今年养殖小龙虾1200亩。（邝雨晴）\n"
            "老党员的红色课堂\n在太慈镇，老党员坚持义务宣讲二十年。\n他说，会一直讲下去。（谌晓慧）")
    first, second = split_articles(page)
    assert (first.title, first.credits) == ("小龙虾游出致富路", [("邝雨晴", "reporter")])
    assert (second.title, second.credits) == ("老党员的红色课堂", [("谌晓慧", "reporter")])


def test_names_alone_in_brackets_on_a_line_of_their_own_sign_the_paragraphs_above():
    [a] = split_articles("会议召开\n3月5日，县里召开扶贫会议。\n会议强调，要坚持精准扶贫。\n（邝春梅 谌小军）")
    assert a.credits == [("邝春梅", "reporter"), ("谌小军", "reporter")] and a.body.endswith("精准扶贫。")


@pytest.mark.parametrize("signed, names", [("（邝 梅）", ["邝梅"]), ("（谌 军 周 丽）", ["谌军", "周丽"])])
def test_names_split_by_ocr_spaces_in_a_closing_bracket_are_put_back_together(signed, names):
    [a] = split_articles(f"会议召开\n本报讯 3月5日，县里召开扶贫会议。\n会议强调，要坚持精准扶贫。\n{signed}")
    assert a.credits == [(n, "reporter") for n in names] and a.body.endswith("精准扶贫。")


@pytest.mark.parametrize("lead", ["记者 邝雨晨 3月5日，青山镇启动人居环境整治。", "通讯员 鲍子轩 近日，青山镇启动人居环境整治。"])
def test_reporters_opening_the_lead_with_no_dateline_before_them_are_its_byline(lead):
    [a] = split_articles(f"青山镇启动人居环境整治\n{lead}")
    assert len(a.credits) == 1 and a.credits[0][1] == "reporter" and a.body.startswith(("3月5日", "近日"))


def test_an_item_signed_by_its_writers_under_a_short_dated_report_is_an_item_of_its_own():
    page = ("青山县召开县委常委会会议\n3月2日，县委书记邝明远主持召开县委常委会会议。\n"
            "青山县开展森林防火督导检查\n入春以来，全县森林火险等级持续偏高。县长鲍子轩近日带队督导检查。\n"
            "（记者 邝雨晨 通讯员 谌小军）")
    first, second = split_articles(page)
    assert first.credits == [] and second.title == "青山县开展森林防火督导检查"
    assert second.credits == [("邝雨晨", "reporter"), ("谌小军", "reporter")]
    # a short sub-heading in a report its writers sign stays a section of it
    [a] = split_articles("青山县召开县委常委会会议\n3月2日，县委书记邝明远主持召开县委常委会会议。\n抓好落实\n"
                         "会议要求，各部门要抓好落实。\n（记者 邝雨晨）")
    assert a.credits == [("邝雨晨", "reporter")]


def test_a_county_s_reporting_team_under_the_headline_is_its_byline():
    [a] = split_articles("春耕生产忙\n青山县报道组 邝雨晨 鲍子轩\n3月4日，县长谌明远主持召开推进会。")
    assert (a.title, a.subtitle) == ("春耕生产忙", None) and a.credits == [("邝雨晨", "reporter"), ("鲍子轩", "reporter")]
    # the cleaner may have closed up the space after the team
    [a] = split_articles("春耕生产忙\n青山县报道组邝雨晨\n3月4日，县长谌明远主持召开推进会。")
    assert (a.title, a.subtitle) == ("春耕生产忙", None) and a.credits == [("邝雨晨", "reporter")]


@pytest.mark.parametrize("note", ["（来源：青山县融媒体中心）", "（本报综合）"])
def test_a_source_or_a_label_in_brackets_between_items_heads_no_item(note):
    first, second = split_articles(f"青山县举办创业培训班\n3月10日，青山县创业培训班开班。\n{note}\n"
                                   "青山镇开展植树活动\n3月12日，青山镇组织干部群众开展植树活动。")
    assert (first.title, second.title, second.subtitle) == ("青山县举办创业培训班", "青山镇开展植树活动", None)


def test_a_headline_and_its_byline_read_as_one_row_are_parted():
    [a] = split_articles("青山县召开春耕生产推进会 本报记者 邝雨晨 鲍子轩\n3月4日，县长谌明远主持召开推进会。")
    assert a.title == "青山县召开春耕生产推进会" and a.credits == [("邝雨晨", "reporter"), ("鲍子轩", "reporter")]
    # nor is a caption before its photographer
    [a] = split_articles("青山县举办运动会\n本报记者 邝雨晨\n4月8日，青山县运动会开幕。\n▲开幕式现场 记者 鲍子轩 摄")
    assert a.credits == [("邝雨晨", "reporter"), ("鲍子轩", "photographer")]
    # whose reporter stands before the word is no headline
    [a] = split_articles("春耕忙\n青山县融媒体中心 记者 邝雨晨\n3月4日，青山县召开春耕生产推进会。")
    assert a.title == "春耕忙" and a.credits == [("邝雨晨", "reporter")]


def test_a_series_theme_looking_at_a_place_is_the_kicker_over_the_headline():
    [a] = split_articles("高质量发展看青山\n青山镇茶旅融合助农增收\n记者 邝雨晨\n4月15日，走进青山镇，漫山茶园青翠欲滴。")
    assert (a.kicker, a.title) == ("高质量发展看青山", "青山镇茶旅融合助农增收")


def test_the_unit_that_sent_an_item_in_is_no_headline_over_the_credits_below_it():
    [a] = split_articles("县林业局开展护林宣传\n3月15日，县林业局开展护林防火宣传活动。\n活动发放资料三千份。\n"
                         "供稿：县林业局\n编辑：邝雨晨\n审核：鲍子轩")
    assert a.credits == [("邝雨晨", "editor"), ("鲍子轩", "editor")] and a.body.endswith("三千份。")


def test_a_writer_under_the_headline_after_zuozhe_and_a_space_is_credited():
    [a] = split_articles("县林业局开展护林宣传\n作者 邝雨晨\n3月15日，县林业局开展护林防火宣传活动。")
    assert a.credits == [("邝雨晨", "reporter")] and a.title == "县林业局开展护林宣传"


def test_a_bulleted_brief_signed_by_a_name_in_brackets_credits_its_writer():
    page = normalise_page(clean_page("部门动态\n■县林业局开展护林宣传 3月15日，县林业局在人民广场开展护林防火宣传活动。（邝雅琴）\n"
                                     "■县妇联举办家庭教育讲座 3月13日，县妇联邀请讲师走进城东小学讲授家庭教育知识。（谌佳颖）"))[0]
    first, second = split_articles(page)
    assert (first.credits, second.credits) == ([("邝雅琴", "reporter")], [("谌佳颖", "reporter")])
    assert first.body.endswith("宣传活动。")



def test_every_dated_brief_of_a_bulleted_column_credits_the_name_signing_it():
    # not the first brief only: the briefs after it stand under no headline, yet their brackets sign them too
    page = ("简讯\n●5月12日，县总工会举办职工技能比赛。（甘晓）\n●5月13日，县妇联开展家庭教育讲座。（柳雪）\n"
            "●近日，县人社局举办专场招聘会。（宁静）")
    drafts = split_articles(page)
    assert [d.credits for d in drafts] == [[("甘晓", "reporter")], [("柳雪", "reporter")], [("宁静", "reporter")]]
    assert drafts[2].body == "近日，县人社局举办专场招聘会。"


def test_a_column_label_spaced_out_by_ocr_still_heads_its_dated_briefs():
    page = "本 版 简 讯\n●4月8日，县林草局开展春季造林督导。（记者 甲某）\n●4月9日，县政协召开主席会议。（柯敏）"
    drafts = split_articles(page)
    assert [d.title for d in drafts] == ["县林草局开展春季造林督导", "县政协召开主席会议"]
    assert [d.credits for d in drafts] == [[("甲某", "reporter")], [("柯敏", "reporter")]]


@pytest.mark.parametrize("bullet", ["●", "■"])
def test_a_column_label_under_a_signed_report_heads_briefs_not_a_section_of_the_report(bullet):
    page = ("县长甲某调研春耕生产\n本报讯（记者 柯敏）5月14日，县长甲某到桐溪镇调研春耕生产。\n甲某强调，要抢抓农时。\n简讯\n"
            f"{bullet}5月12日，县总工会举办职工技能比赛。（甘晓）\n{bullet}5月13日，县妇联开展家庭教育讲座。（柳雪）")
    drafts = split_articles(page)
    assert [d.title for d in drafts] == ["县长甲某调研春耕生产", "县总工会举办职工技能比赛", "县妇联开展家庭教育讲座"]
    assert [d.credits for d in drafts] == [[("柯敏", "reporter")], [("甘晓", "reporter")], [("柳雪", "reporter")]]

LABELS = ["原创", "简讯", "来稿", "原文", "时评", "党建", "宣传"]


@pytest.mark.parametrize("label", LABELS)
def test_a_label_in_brackets_closing_a_text_is_no_writer(label):
    # 原, 简, 时… are surnames too; a label in brackets credits nobody, closing the text or on its own line
    [a] = split_articles(f"会议召开\n3月1日，县委书记邬明远主持召开会议。\n会议要求，各部门要抓好落实。（{label}）")
    assert a.credits == []
    [a] = split_articles(f"会议召开\n3月1日，县委书记邬明远主持召开会议。\n会议要求，各部门要抓好落实。\n（{label}）")
    assert a.credits == []


@pytest.mark.parametrize("label", LABELS)
def test_a_bulleted_brief_closed_by_a_label_in_brackets_credits_nobody(label):
    page = normalise_page(clean_page(f"部门动态\n■县林业局开展护林宣传 3月15日，县林业局在人民广场开展护林防火宣传活动。（{label}）\n"
                                     "■县妇联举办家庭教育讲座 3月13日，县妇联邀请讲师走进城东小学讲授家庭教育知识。（谌佳颖）"))[0]
    first, second = split_articles(page)
    assert (first.credits, second.credits) == ([], [("谌佳颖", "reporter")])


@pytest.mark.parametrize("field", ["信息员：邝晓东", "报送单位：城关镇 报送人：邝晓东", "投稿人：邝晓东"])
def test_who_sent_an_item_to_a_government_site_is_its_writer(field):
    [a] = split_articles(f"春耕生产有序推进\n3月5日，城关镇田间地头一片繁忙。\n{field}")
    assert a.credits == [("邝晓东", "reporter")] and a.body == "3月5日，城关镇田间地头一片繁忙。"


TWO_MEETINGS = ("县政府召开常务会议\n本报讯 1月5日，县长甲某某主持召开县政府第12次常务会议，研究部署春节前后重点工作。\n"
                "县委召开全委会\n{lead}县委书记乙某某主持召开县委全委会议。县委副书记丙某某出席。\n")


@pytest.mark.parametrize("lead", ["去年12月28日，", "昨天上午，", "当日下午3时，", "前天，", "今日，", "今年以来，",
                                  "为进一步加强作风建设，", "记者从县委组织部获悉，"])
def test_a_headline_saying_who_held_the_event_over_a_lead_naming_them_opens_an_item(lead):
    drafts = pipeline(TWO_MEETINGS.format(lead=lead))
    assert [d.title for d in drafts] == ["县政府召开常务会议", "县委召开全委会"]
    assert drafts[1].body.startswith(lead)


def test_a_sub_heading_saying_what_was_done_stays_in_its_article_though_its_text_names_who():
    [d] = pipeline("全镇掀起学习热潮\n本报讯（记者 甲某某）全镇上下迅速掀起学习热潮。\n召开动员大会\n"
                   "为确保学习取得实效，镇党委召开动员大会，对学习进行部署。\n强化督导检查\n镇纪委强化督导检查，确保学习落实。")
    assert "召开动员大会" in d.body and "强化督导检查" in d.body


def test_a_notice_s_title_over_its_text_opens_an_item():
    drafts = pipeline("县召开疫情防控工作会议\n2月2日，县委书记甲某某主持召开全县疫情防控工作会议。\n关于延长春节假期的通告\n"
                      "根据上级有关要求，现将延长春节假期有关事项通告如下：\n一、延长春节假期至2月9日。")
    assert [d.title for d in drafts] == ["县召开疫情防控工作会议", "关于延长春节假期的通告"]


def test_photo_captions_each_closed_by_its_credit_under_a_column_label_are_items():
    drafts = pipeline("图片新闻\n春耕时节，某镇农民在田间插秧。（记者 甲某某 摄）\n某某梯田迎来大批游客。（记者 乙某某 摄）")
    assert [d.credits for d in drafts] == [[("甲某某", "photographer")], [("乙某某", "photographer")]]


def test_the_item_under_a_related_news_label_is_an_item_of_its_own():
    drafts = pipeline("某县召开县委常委会议\n2月29日，县委书记甲某某主持召开县委常委会议。\n【相关新闻】\n某县有序推进企业复工复产\n"
                      "为统筹推进疫情防控和经济社会发展，县工信局组织工作组深入企业。")
    assert [d.title for d in drafts] == ["某县召开县委常委会议", "某县有序推进企业复工复产"]


@pytest.mark.parametrize("byline, names", [("本报讯（记者 乌云其其格）", ["乌云其其格"]), ("（记者 斯琴巴特尔 摄）", ["斯琴巴特尔"]),
                                           ("本报记者 阿拉坦仓", ["阿拉坦仓"])])
def test_a_mongolian_name_of_five_characters_in_a_byline_is_credited(byline, names):
    assert [n for n, _ in parse_credits(byline)] == names


def test_photo_captions_closed_by_their_photographers_with_no_headline_are_items():
    drafts = pipeline("▲5月10日，县长甲某某在某镇检查防汛工作。记者 乙某某 摄\n▲5月11日，某镇村民在采摘茶叶。通讯员 丙某某 摄\n"
                      "县委召开理论学习中心组学习会\n本报讯 5月12日，县委理论学习中心组举行专题学习会。")
    assert [d.title for d in drafts] == ["县长甲某某在某镇检查防汛工作", "某镇村民在采摘茶叶", "县委召开理论学习中心组学习会"]
    assert [d.credits for d in drafts[:2]] == [[("乙某某", "photographer")], [("丙某某", "photographer")]]


def test_a_headline_over_a_lead_dated_by_its_occasion_opens_an_item():
    drafts = pipeline("某县召开县委常委会\n本报讯 6月1日，县委书记甲某某主持召开县委常委会会议。\n某县开展“六一”慰问活动\n"
                      "“六一”国际儿童节来临之际，县长乙某某到县特殊教育学校看望慰问师生。")
    assert [d.title for d in drafts] == ["某县召开县委常委会", "某县开展“六一”慰问活动"]


def test_numbered_briefs_under_a_column_label_are_items():
    drafts = pipeline("工作动态\n1.县发改局召开项目调度会。5月8日，县发改局召开重点项目调度会。\n"
                      "2.县教育局开展校园安全检查。5月9日，县教育局组织开展校园安全大检查。")
    assert [d.title for d in drafts] == ["县发改局召开项目调度会", "县教育局开展校园安全检查"]


def test_a_headline_over_a_scene_then_a_dated_report_opens_an_item():
    drafts = pipeline("某县召开县委常委会会议\n本报讯（记者 甲某某）11月27日，县委书记乙某某主持召开县委常委会会议。\n"
                      "县政府召开防风防汛工作会议\n台风即将来袭。11月28日，副县长丙某某主持召开防风防汛工作会议。")
    assert [d.title for d in drafts] == ["某县召开县委常委会会议", "县政府召开防风防汛工作会议"]


def test_a_unit_s_headline_over_a_lead_dated_by_a_coming_festival_opens_an_item():
    drafts = pipeline("某县召开全县工作会议\n1月8日，全县工作会议召开。\n青溪县开展“迎新春送春联”活动\n"
                      "新春佳节即将来临，县书法家协会组织书法家走进社区，为群众义写春联。")
    assert [d.title for d in drafts] == ["某县召开全县工作会议", "青溪县开展“迎新春送春联”活动"]


def test_a_section_head_naming_who_held_an_event_among_short_section_heads_stays_in_the_feature():
    [d] = pipeline("白族村寨的“致富经”\n本报记者 甲某某\n走进某某乡，一栋栋白族民居错落有致。\n村里办起合作社\n"
                   "为了让村民增收，村党支部书记乙某某带头办起了茶叶专业合作社。\n合作社召开分红大会\n"
                   "今年以来，合作社效益不断提升。12月18日，合作社召开年终分红大会。\n旅游带火小山村\n乡党委书记丙某某说，下一步将发展乡村旅游。")
    assert "合作社召开分红大会" in d.body and "旅游带火小山村" in d.body


def test_the_parts_of_a_round_up_headed_by_their_towns_stay_in_it_though_their_text_is_dated_later():
    [d] = pipeline("各乡镇迅速掀起学习热潮\n本报讯（记者 甲某某）全县各乡镇迅速掀起学习热潮。\n青阳镇：召开专题会议传达精神\n"
                   "今年以来，青阳镇坚持把理论学习摆在首位。10月24日，镇党委召开专题会议。\n龙集镇：举办专题培训班\n"
                   "10月25日，龙集镇举办专题培训班。")
    assert "龙集镇：举办专题培训班" in d.body


def test_a_town_s_item_headed_before_a_colon_and_signed_is_an_item_of_its_own():
    drafts = pipeline("某县召开高质量发展推进大会\n1月9日，全县高质量发展推进大会召开。\n射阳湖镇：聚力打造荷藕小镇\n"
                      "今年以来，射阳湖镇坚持一产接二连三，荷藕产业实现产值5亿元。\n记者 甲某某 通讯员 乙某某")
    assert [d.title for d in drafts] == ["某县召开高质量发展推进大会", "射阳湖镇：聚力打造荷藕小镇"]


def test_the_title_not_its_deck_says_who_held_the_event():
    drafts = pipeline("青川县召开林长制工作推进会\n本报讯 5月8日，全县林长制工作推进会召开。\n青川县召开防汛工作会\n副县长甲某某出席\n"
                      "为切实做好今年防汛工作，青川县召开防汛工作会。副县长甲某某出席会议并讲话。")
    assert [d.title for d in drafts] == ["青川县召开林长制工作推进会", "青川县召开防汛工作会"]


def test_a_caption_after_a_text_that_credits_its_own_picture_is_a_photo_item_of_its_own():
    page = ("县长甲某某调研茶叶产业\n5月6日，县长甲某某到某某乡调研茶叶产业发展情况。\n记者 乙某某 文/摄\n"
            "暑期以来，县科技馆免费开放，图为学生在馆内体验科普展品。\n丙某某 丁某某 摄")
    text, photo = pipeline(page)
    assert text.credits == [("乙某某", "reporter"), ("乙某某", "photographer")]
    assert photo.body.startswith("暑期以来") and photo.credits == [("丙某某", "photographer"), ("丁某某", "photographer")]
    # the text's own photographer credits the caption under it: one item
    assert len(pipeline(page.replace("丙某某 丁某某 摄", "乙某某 摄"))) == 1


def test_a_dated_item_under_a_news_column_s_label_after_a_caption_s_triangle_is_a_brief():
    page = ("县长甲某某调研春耕生产\n本报讯（记者 乙某某）5月14日，县长甲某某到某某镇调研春耕生产工作。\n"
            "简讯\n▲5月12日，县总工会举办职工技能大赛，全县86名职工参赛。（柏晓丽）")
    tour, brief = pipeline(page)
    assert tour.credits == [("乙某某", "reporter")] and "柏晓丽" not in tour.body
    assert brief.body.startswith("5月12日，县总工会") and brief.credits == [("柏晓丽", "reporter")]


def test_a_caption_at_a_text_s_end_that_names_nothing_the_text_does_is_a_photo_item_of_its_own():
    page = ("县长甲某某督导防汛工作\n本报讯（记者 乙某某）6月7日，县长甲某某到东岭镇督导防汛工作。甲某某强调，要确保安全度汛。\n"
            "6月6日，西坪乡村民在插秧。 本报记者 丙某某 摄")
    text, photo = pipeline(page)
    assert text.body.endswith("要确保安全度汛。") and photo.body == "6月6日，西坪乡村民在插秧。"
    assert photo.credits == [("丙某某", "photographer")]
    # the text's own picture shows whom or where the text is about, or says it is a picture ("图为…")
    assert len(pipeline(page.replace("6月6日，西坪乡村民在插秧。", "6月6日，甲某某在东岭镇察看河堤。"))) == 1
    assert len(pipeline(page.replace("6月6日，", "图为"))) == 1


def test_a_caption_saying_what_the_picture_shows_stays_with_the_text_above_it():
    page = ("全县春耕生产有序推进\n眼下正值春耕时节，全县各地抢抓农时，组织农机具开展春耕生产。县农业农村局组织技术人员深入田间指导。\n"
            "图为东坪村村民在田间插秧。 本报记者 丙某某 摄\n")
    [d] = pipeline(page)
    assert ("丙某某", "photographer") in d.credits
    # a photo news item of its own opens with what it shows, not with 图为
    assert len(pipeline(page.replace("图为东坪村村民在田间插秧。", "4月5日，东坪村村民在田间插秧。"))) == 2


    # the text's own picture shows whom or where the text is about
    assert len(pipeline(page.replace("图为西坪乡村民在插秧。", "图为甲某某在东岭镇察看河堤。"))) == 1


def test_a_paper_s_name_and_date_over_its_first_headline_are_no_title():
    head = ["青禾报 2013年10月17日 星期四", "县委中心组专题学习党的群众路线教育实践活动"]
    assert choose_title(head)[:2] == (None, "县委中心组专题学习党的群众路线教育实践活动")


@pytest.mark.parametrize("notice", [
    "干部任前公示\n根据干部选拔任用有关规定，经县委常委会研究，拟提拔任用以下同志，现予以公示：\n"
    "甲某某，男，1972年3月生，现任县农牧局副局长，拟任县农牧局局长。",
    "青禾县人大常委会任免名单\n（2014年6月26日青禾县第十七届人民代表大会常务委员会第十五次会议通过）\n"
    "任命：\n乙某某为县财政局局长；\n免去：\n丙某某的县财政局局长职务。"])
def test_a_personnel_notice_after_an_article_is_an_item_of_its_own(notice):
    page = "县委召开全县脱贫攻坚动员大会\n本报讯（记者 丁某某）11月18日，县委召开全县脱贫攻坚动员大会。\n" + notice
    article, printed = pipeline(page)
    assert article.body.endswith("动员大会。") and printed.title == notice.split("\n")[0]


def test_a_lead_attributed_to_a_unit_s_news_then_dated_opens_an_item():
    page = ("县委召开党风廉政建设工作会议\n本报讯（记者 甲某某）2月20日，县委召开全县党风廉政建设工作会议。\n"
            "会议强调，要严格落实主体责任。\n县领导走访慰问驻县部队\n据县委宣传部消息 2月19日，县委书记乙某某走访慰问驻县部队官兵。")
    assert [d.title for d in pipeline(page)] == ["县委召开党风廉政建设工作会议", "县领导走访慰问驻县部队"]


def test_a_surname_set_apart_from_a_one_character_given_name_that_is_a_credit_word_is_one_name():
    assert parse_credits("本报讯（通讯员 邝 文）") == [("邝文", "reporter")]
    assert parse_credits("记者 邝雨晴 文/图") == [("邝雨晴", "reporter"), ("邝雨晴", "photographer")]


def test_an_item_after_another_on_one_line_is_signed_by_its_writers_in_brackets():
    page = ("要闻简报\n本报讯（记者 甲某某）2月20日，县委召开常委会议。　　本报讯 2月19日，县人大常委会主任乙某某带队检查"
            "城区节日市场供应情况。（邝　丹）\n")
    first, second = pipeline(page)
    assert second.credits == [("邝丹", "reporter")] and second.body.endswith("供应情况。")


def test_a_padded_two_character_name_and_another_sign_an_item_under_its_headline():
    [a] = pipeline("县委书记甲某某走访慰问困难党员\n9月19日，县委书记甲某某走访慰问困难党员。（邝　磊 谌文静）\n")
    assert a.credits == [("邝磊", "reporter"), ("谌文静", "reporter")]


def test_a_bulletin_s_numbered_items_under_its_label_and_issuing_office_are_items():
    page = ("政务动态（第36期）\n青禾县人民政府办公室　　2016年9月20日\n"
            "1．县政府召开第三十二次常务会议。9月18日，县长甲某某主持召开县政府第三十二次常务会议。\n"
            "2．县领导督导森林防火工作。9月19日，副县长乙某某深入石门镇督导森林防火工作。\n")
    assert [d.title for d in pipeline(page)] == ["县政府召开第三十二次常务会议", "县领导督导森林防火工作"]


def test_the_fields_of_a_page_s_sign_off_set_apart_are_no_credit_of_its_last_item():
    page = ("县政协召开常委会议\n本报讯 记者甲某某报道 11月6日，县政协召开常委会议。\n会议审议通过了有关事项。\n"
            "　　本版责编：乙某某　　美编：丙某某\n")
    [a] = pipeline(page)
    assert a.credits == [("甲某某", "reporter")]


@pytest.mark.parametrize("byline", ["记者邝雨晴／金沙报导", "记者 邝雨晴/金沙报导"])
def test_the_place_after_a_slash_behind_the_reporter_is_where_the_report_was_filed(byline):
    # (Taiwan's 报导; before the mainland's 报道 the slash parts two reporters: see the test below)
    assert parse_credits(byline) == [("邝雨晴", "reporter")]


def test_a_caption_and_the_credit_line_closing_the_page_are_the_last_article_s():
    [a] = pipeline("我县召开安全生产工作会议\n6月10日，全县安全生产工作会议召开。\n甲某某强调，要坚决遏制各类事故发生。\n"
                   "会议现场\n（通讯员 邝　敏 谌晓燕）")
    assert a.credits == [("邝敏", "reporter"), ("谌晓燕", "reporter")]


def test_two_reporters_parted_by_a_slash_are_both_reporters():
    assert parse_credits("本报记者 张某某/李某某 报道") == [("张某某", "reporter"), ("李某某", "reporter")]
    assert parse_credits("记者张某某／台中报导") == [("张某某", "reporter")]   # Taiwan's papers: where it was filed


def test_a_section_label_over_a_headline_ending_as_a_unit_keeps_the_headline():
    [d] = pipeline("要闻\n我县新建便民服务中心\n2月19日，县政务服务中心新址正式启用，群众办事更加方便。\n")
    assert d.title == "我县新建便民服务中心"


def test_a_sub_heading_ending_in_a_notice_word_stays_in_its_text():
    page = ("县委组织部扎实做好干部选拔任用工作\n本报讯（记者 王某某）今年以来，县委组织部严格干部选拔任用程序。\n"
            "严格执行任前公示\n根据有关规定，所有拟提拔干部一律进行任前公示，接受群众监督。\n")
    assert len(pipeline(page)) == 1


def test_the_next_item_s_headline_and_byline_cut_off_by_the_page_s_foot_are_not_the_last_item_s():
    page = ("县召开春季植树动员会\n本报讯 3月5日，县委、县政府召开春季植树造林动员会，部署今年植树工作。\n"
            "县长李某某调研春耕生产\n本报记者 赵某某\n")
    [d] = pipeline(page)
    assert "调研春耕生产" not in d.body and ("赵某某", "reporter") not in d.credits


def test_a_list_entry_copied_with_its_date_on_the_headline_s_line_is_headline_and_date():
    page = ("当前位置：首页 > 政务动态\n县政府召开第八次常务会议 2017-06-28\n"
            "6月27日，县长甲乙丙主持召开县政府第八次常务会议，研究防汛工作。副县长丁戊己出席会议。\n"
            "我县召开征兵工作会议（2017-06-25）\n6月24日，全县征兵工作会议召开，副县长丁戊己主持会议。\n"
            "· 县领导调研防汛工作　[2017-06-22]\n6月21日，县长甲乙丙到沿河乡镇调研防汛工作。\n"
            "[2017-06-20] 县政协召开主席会议\n6月19日，县政协主席庚辛壬主持召开主席会议。\n")
    drafts = pipeline(page)
    assert [(d.title, d.dateline) for d in drafts] == [("县政府召开第八次常务会议", "2017-06-28"),
                                                       ("我县召开征兵工作会议", "2017-06-25"),
                                                       ("县领导调研防汛工作", "2017-06-22"),
                                                       ("县政协召开主席会议", "2017-06-20")]


def test_an_office_filling_a_record_s_author_field_is_no_writer():
    page = ("县领导检查冬季供暖工作\n作者：办公室　发布时间：2014-11-20 11:32　点击：256\n"
            "11月19日，县长甲乙丙带领县住建局负责人检查冬季供暖工作。\n")
    [a] = pipeline(page)
    assert a.credits == [] and a.title == "县领导检查冬季供暖工作"


@pytest.mark.parametrize("header", ["某某县人民政府网 2020-12-30", "来源：某某新闻网 2020-12-30", "某某县融媒体中心  2020-12-30"])
def test_a_site_s_name_then_the_date_heading_a_copied_page_is_its_date(header):
    [a] = pipeline(f"{header}\n\n全县领导干部大会召开\n\n12月29日，全县领导干部大会召开，县委书记甲乙丙出席会议并讲话。\n")
    assert (a.title, a.dateline) == ("全县领导干部大会召开", "2020-12-30")
    # a list entry ending in its date, named as a headline may be, is no site
    assert record_meta("我县织密安全防护网 2020-12-30") is None


def test_a_caption_s_photo_credit_after_the_photographer_s_outlet_credits_the_photographer():
    page = ("县领导调研环境整治工作\n8月23日，县委书记甲乙丙深入城关镇调研环境整治工作。\n"
            "图为调研现场。　某某县融媒体中心　丁戊己　摄\n")
    [a] = pipeline(page)
    assert a.credits == [("丁戊己", "photographer")] and "融媒体中心" not in a.body


@pytest.mark.parametrize("below", ["县政府召开第五次常务会议\n", ""])
def test_a_browser_tab_s_title_over_a_copied_page_is_no_headline_of_its_own(below):
    page = (f"县政府召开第五次常务会议_某某县人民政府\n当前位置：首页 > 政务要闻\n{below}"
            "发布时间：2016-05-06 来源：县政府办\n5月5日，县长甲乙丙主持召开县政府第五次常务会议。\n")
    [a] = pipeline(page)
    assert (a.kicker, a.title) == (None, "县政府召开第五次常务会议")


@pytest.mark.parametrize("headline", ["城乡居民医保缴费可登录某某县人民政府网站", "走进某某县融媒体中心"])
def test_a_column_label_over_a_headline_ending_in_a_site_s_name_is_no_tab_title(headline):
    page = f"便民服务｜{headline}\n\n3月5日，记者从县医保局获悉，今年城乡居民医保缴费工作已经启动。\n"
    [a] = pipeline(page)
    assert headline in a.title
    # a tab's title with a long site name after _ is still one
    [a] = pipeline("县长调研春耕生产_某某瑶族自治县人民政府门户网站\n\n3月5日，县长甲乙丙到城关镇调研春耕生产。\n")
    assert a.title == "县长调研春耕生产"


def test_briefs_numbered_in_circles_under_a_short_news_label_after_a_report_are_items():
    page = ("县人大常委会召开会议\n本报讯（记者 甲某某）12月3日，县人大常委会召开第二十一次会议。\n会议审议了有关报告。\n短讯\n"
            "①12月2日，县委常委乙某某到文井镇调研宣传工作。（记者 甲某某）\n②日前，县农业局组织技术人员指导农户开展田间管理。（通讯员 丙某）\n"
            "③12月4日，全县冬季征兵体检工作开始。（通讯员 丁某）")
    drafts = split_articles(page)
    assert [d.title for d in drafts] == ["县人大常委会召开会议", "县委常委乙某某到文井镇调研宣传工作",
                                         "县农业局组织技术人员指导农户开展田间管理", "全县冬季征兵体检工作开始"]
    assert [d.credits for d in drafts][1:] == [[("甲某某", "reporter")], [("丙某", "reporter")], [("丁某", "reporter")]]


def test_a_brief_numbered_right_before_its_date_loses_its_number():
    drafts = split_articles("简讯\n1.6月8日，县长甲某某主持召开县政府常务会议。（记者 乙某）\n"
                            "2.6月8日，副县长丙某某到七星河乡检查饮水安全工作。（通讯员 丁某）")
    assert [d.title for d in drafts] == ["县长甲某某主持召开县政府常务会议", "副县长丙某某到七星河乡检查饮水安全工作"]


def test_a_mongolian_name_ocr_split_after_its_first_character_is_one_reporter():
    assert parse_credits("记者　乌 日其木格") == [("乌日其木格", "reporter")]
    assert parse_credits("记者 王 海涛 李 明") == [("王海涛", "reporter"), ("李明", "reporter")]


def test_a_meta_line_crediting_the_text_and_the_pictures_by_field_credits_both():
    meta = record_meta("发布时间：2018-02-12 文字：甲某某 摄影：乙 某 来源：县应急局 阅读次数：302")
    assert meta is not None and meta.credits == [("甲某某", "reporter"), ("乙某", "photographer")]
    assert record_meta("时间：2018-02-12 撰文：甲某某 图片：乙某").credits == [("甲某某", "reporter"), ("乙某", "photographer")]


def test_a_commentary_closed_by_its_writer_s_unit_ends_before_the_next_headline():
    drafts = split_articles("学理论 办实事\n学习理论，是为了更好地为群众办实事、解难题。\n（作者单位：县委宣传部）\n美丽乡村展新颜\n"
                            "走进某某村，水泥路通到家门口。\n村党支部书记甲某某说，村里的变化群众看在眼里。（文/柯某某 图/赵某）")
    assert [d.title for d in drafts] == ["学理论 办实事", "美丽乡村展新颜"]
    assert drafts[0].credits == [] and "作者单位" not in drafts[0].body
    assert drafts[1].credits == [("柯某某", "reporter"), ("赵某", "photographer")]


def test_the_paper_s_name_over_a_headline_is_no_first_half_of_a_wrapped_title():
    [d] = pipeline("怀溪江报\n2020年9月25日　第1版\n\n县领导会见乡亲代表团\n本报讯（记者 甲某某）9月23日，县委书记乙某某会见了乡亲代表团。")
    assert d.title == "县领导会见乡亲代表团"


def test_an_open_government_record_s_fields_a_line_each_above_its_title_are_read_not_kept():
    [d] = pipeline("索引号：000000000/2024-00123　　发布机构：某某县人民政府办公室\n主题分类：综合政务　　发布日期：2024-03-22\n"
                   "某某县召开春季植树造林动员会\n　　3月22日，某某县召开春季植树造林动员会。副县长甲某某主持会议。")
    assert d.title == "某某县召开春季植树造林动员会" and d.subtitle is None
    assert d.body.startswith("3月22日") and d.source == "某某县人民政府办公室"


def test_a_views_count_in_brackets_is_a_meta_line_not_a_subtitle():
    [d] = pipeline("白沙镇：稻油轮作铺就增收路\n来源：某某县融媒体中心　　发布时间：2024-05-14 10:12　　浏览次数：【 562 】\n"
                   "　　初夏时节，白沙镇的油菜收割现场一派繁忙景象。")
    assert d.subtitle is None and "浏览" not in d.body


def test_photo_captions_each_closed_by_a_credit_spaced_out_by_ocr_are_items():
    drafts = pipeline("某某报　2020年7月17日　第2版　图片新闻\n\n　　7月15日，县委书记甲某某到某某镇检查防汛工作。记者 柯 敏 摄\n"
                      "　　7月16日，城关街道组织志愿者开展文明交通劝导活动。通讯员 蒋 立 摄\n")
    assert [d.title for d in drafts] == ["县委书记甲某某到某某镇检查防汛工作", "城关街道组织志愿者开展文明交通劝导活动"]
    assert [d.credits for d in drafts] == [[("柯敏", "photographer")], [("蒋立", "photographer")]]


def test_a_correspondent_s_publicity_office_shortened_before_the_name_is_no_writer():
    assert parse_credits("通讯员 镇宣 黄某某") == [("黄某某", "reporter")]
    assert parse_credits("记者 柯敏 通讯员 县宣 蒋立新") == [("柯敏", "reporter"), ("蒋立新", "reporter")]


def test_the_paper_s_name_over_the_page_s_bare_date_is_no_title():
    [d] = pipeline("某某草原报\n2018年7月9日\n\n旗委书记督导草原禁牧工作\n\n本报讯（记者 甲某某）7月7日，旗委书记乙某某深入某某苏木督导禁牧工作。")
    assert d.title == "旗委书记督导草原禁牧工作"
    assert d.dateline is None   # the page's date, not the item's: its lead dates it (7月7日)
    # over a record's meta line, the paper's name is the masthead, not the first line long enough for a title
    assert choose_title(["某某草原报", "旗委书记督导草原禁牧工作"], record=True) == (None, "旗委书记督导草原禁牧工作", None)


@pytest.mark.parametrize("page, title, subtitle", [
    ("全县疫情通报\n第56期\n发布时间：2022-04-10 来源：县卫健委\n4月9日0-24时，我县无新增本土确诊病例。", "全县疫情通报", "第56期"),
    ("我县再传捷报\n——黄桃出口首次突破千吨\n发布时间：2021-08-02 来源：县商务局\n记者从县商务局获悉，今年1至7月，我县黄桃出口量达1120吨。",
     "我县再传捷报", "——黄桃出口首次突破千吨"),
])
def test_a_headline_naming_a_report_is_no_paper_s_masthead(page, title, subtitle):
    [a] = pipeline(page)
    assert (a.title, a.subtitle) == (title, subtitle)


@pytest.mark.parametrize("page, dateline", [
    ("县水资源公报\n2021年6月30日\n2020年，全县平均降水量1320毫米，较上年偏多8%。", "2021年6月30日"),
    ("春茶开采传喜报\n2018-03-26 10:20\n连日来，梓泉县各茶园陆续开园采摘。", "2018-03-26 10:20"),
])
def test_the_date_under_a_report_s_headline_is_its_date_not_a_page_header(page, dateline):
    [a] = pipeline(page)
    assert (a.title, a.dateline) == (page.split("\n")[0], dateline)


@pytest.mark.parametrize("date_line", ["2018年7月9日", "2018年7月9日 星期一"])
def test_a_paper_s_name_over_its_date_line_is_no_kicker(date_line):
    [a] = pipeline(f"乌兰塔拉报\n{date_line}\n旗委常委会召开扩大会议\n　　本报讯（记者 那仁）7月6日，旗委常委会召开扩大会议。"
                   "旗委书记白音仓主持会议并讲话。")
    assert (a.kicker, a.title) == (None, "旗委常委会召开扩大会议")


@pytest.mark.parametrize("header", ["辛丑年腊月十二　2022年1月14日　星期五　第1版",
                                    "青岚报　甲辰年三月初九　2024年4月17日　第2版"])
def test_a_page_header_opened_by_the_lunar_date_is_no_item(header):
    # county papers print the lunar date first on some issues; the page's editors and hotline sit under it
    page = (f"青岚报\n{header}\n值班总编：赵甲乙　责任编辑：钱丙　校对：孙丁　新闻热线：0000-12345678\n"
            "县委常委会召开会议\n　　本报讯（记者 方壬癸）1月13日，县委书记胡子丑主持召开县委常委会会议。\n")
    [a] = pipeline(page)
    assert (a.title, a.credits) == ("县委常委会召开会议", [("方壬癸", "reporter")])


@pytest.mark.parametrize("line, credits", [
    ("责任编辑：甲乙电话：（0000）1234567", [("甲乙", "editor")]),
    ("责任编辑：丙丁 校对：戊己 新闻热线：0000-12345678", [("丙丁", "editor"), ("戊己", "editor")]),
])
def test_a_phone_field_beside_the_editors_names_no_one(line, credits):
    # a page's sign-off with its phone, the OCR's spaces gone: "电话" is no part of the editor's name
    assert parse_credits(line) == credits


@pytest.mark.parametrize("byline, credits", [
    ("（记者 钱 振 宇 周 芳）", [("钱振宇", "reporter"), ("周芳", "reporter")]),
    ("（记者 孔 立 新 郑 洋 通讯员 何 军）", [("孔立新", "reporter"), ("郑洋", "reporter"), ("何军", "reporter")]),
    ("（记者 冯 波 韩 晓 蕾）", [("冯波", "reporter"), ("韩晓蕾", "reporter")]),
])
def test_names_the_ocr_spaced_out_character_by_character_are_cut_where_each_opens_with_a_surname(byline, credits):
    # a three-character name, then a two-character one, every character set apart: not "钱振" and "宇周芳"
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("本报记者 甘 子 丑 钱寅卯", [("甘子丑", "reporter"), ("钱寅卯", "reporter")]),
    ("（记者 其 其 格 巴特）", [("其其格", "reporter"), ("巴特", "reporter")]),
    ("本报记者 甘 子 丑 钱 寅 卯", [("甘子丑", "reporter"), ("钱寅卯", "reporter")]),
])
def test_a_name_spaced_out_before_one_printed_whole_ends_where_the_whole_one_begins(byline, credits):
    # OCR sets apart the characters of the first name only: its last one is no surname of the next ("丑钱寅卯")
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("（记者 艾 力 · 买 买 提 通讯员 甲乙）", [("艾力·买买提", "reporter"), ("甲乙", "reporter")]),
    ("（记者 艾力 · 买买提）", [("艾力·买买提", "reporter")]),
])
def test_a_dotted_name_the_ocr_spaced_out_is_one_name(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("巴图/文 其其格/图", [("巴图", "reporter"), ("其其格", "photographer")]),
    ("甲宏图/文 乙丙/摄", [("甲宏图", "reporter"), ("乙丙", "photographer")]),
])
def test_a_writer_whose_name_ends_in_tu_before_the_slashed_roles_keeps_it(byline, credits):
    # "巴图/文 其其格/图": the roles follow the names, so 图/文 there is no pair of role words
    assert parse_credits(byline) == credits


def test_a_given_name_tu_spaced_from_its_surname_is_no_role_word():
    # "巴 图": a two-character name the OCR set apart, not a picture credit for the name after it
    assert parse_credits("（记者 巴 图 通讯员 萨仁高娃）") == [("巴图", "reporter"), ("萨仁高娃", "reporter")]


@pytest.mark.parametrize("line, name", [("□ 甘 立 群", "甘立群"), ("□ 钱寅", "钱寅"), ("□ 溪 岚", "溪岚")])
def test_a_writer_under_a_headline_after_the_papers_hollow_box_is_the_byline(line, name):
    # commentaries and features print their writer (or pen-name) after a hollow box, with no role word
    [a] = pipeline(f"让好政策落地生根\n{line}\n一项好政策，贵在落实。各级各部门要把惠民实事办好办实。\n")
    assert (a.title, a.subtitle, a.credits) == ("让好政策落地生根", None, [(name, "reporter")])


@pytest.mark.parametrize("bio", ["（作者系县农业技术推广中心高级农艺师）", "（作者系县委党校讲师）", "作者系县融媒体中心记者"])
def test_the_line_saying_who_the_writer_is_credits_no_one(bio):
    # "作者系…": the writer's post, printed under the text; its words are no names
    [a] = pipeline(f"秋日田野话丰收\n本报记者 甘子丑\n金秋时节，田野里一派丰收景象。农民们忙着收割。\n{bio}\n")
    assert a.credits == [("甘子丑", "reporter")]


@pytest.mark.parametrize("label, head", [("短评", "让好政策落地生根"), ("读者来信", "路灯亮了 心里暖了"),
                                         ("评论员文章", "把责任扛在肩上")])
def test_a_commentary_or_letters_column_label_over_a_headline_is_its_kicker(label, head):
    [a] = pipeline(f"{label}\n{head}\n□ 溪 岚\n一项好政策，贵在落实。各级各部门要把惠民实事办好办实。\n")
    assert (a.kicker, a.title) == (label, head)


@pytest.mark.parametrize("notice", ["寻人启事", "公  告", "招聘启事", "停水通告"])
def test_a_notice_headed_by_its_kind_alone_after_a_news_item_is_an_item(notice):
    # a county paper's notices and small ads run under the news: their short headline names only what they are
    page = ("县领导检查防汛工作\n本报讯（记者 甘子丑）7月3日，县长钱寅卯检查防汛工作。\n钱寅卯要求，要压实责任。\n"
            f"{notice}\n因管网改造施工，7月5日城关镇西片区暂停供水，请用户提前做好准备。\n某某县自来水公司\n")
    first, second = pipeline(page)
    assert first.title == "县领导检查防汛工作" and second.title.replace(" ", "") == notice.replace(" ", "")


@pytest.mark.parametrize("top, bottom, lead", [
    ("县政协视察", "全县农村危房改造工作", "6月17日，县政协主席甲某率委员视察全县农村危房改造工作。"),
    ("县人大常委会开展", "《草原法》执法检查", "5月20日，县人大常委会副主任乙某带领检查组对全县实施草原法情况开展执法检查。"),
])
def test_a_headline_the_column_wrapped_after_its_verb_is_one_title(top, bottom, lead):
    # the object on the second row: "县政协视察" / "全县农村危房改造工作" is one headline, no kicker over a title
    [a] = pipeline(f"{top}\n{bottom}\n本报讯（记者 甘子丑）{lead}\n")
    assert key(a.title) == key(top + bottom)


@pytest.mark.parametrize("top, bottom, lead", [
    ("春耕生产有序推进", "各地抢抓农时播种育秧", "3月5日，全县春耕生产有序推进，各地抢抓农时。"),
    ("县委常委会研究部署", "坚决守住安全生产底线", "6月2日，县委常委会召开会议，研究部署安全生产工作。"),
])
def test_a_headline_ending_in_such_a_verb_keeps_a_deck_that_says_something_of_its_own(top, bottom, lead):
    [a] = pipeline(f"{top}\n{bottom}\n本报讯（记者 甘子丑）{lead}\n")
    assert (a.title, a.subtitle) == (top, bottom)


def test_a_headline_row_naming_only_who_acts_joins_the_row_saying_what():
    # "县委理论学习中心组" alone is neither a kicker nor a title: the column wrapped the headline after its subject
    [a] = pipeline("县委理论学习中心组\n专题学习生态文明思想\n本报记者 甘子丑\n6月11日，县委理论学习中心组举行专题学习会。\n")
    assert a.title == "县委理论学习中心组专题学习生态文明思想"


@pytest.mark.parametrize("byline, credits", [
    ("（记者 萨 仁 其 其 格）", [("萨仁其其格", "reporter")]),
    ("本报记者 吉 克 阿 呷 钱 寅", [("吉克阿呷", "reporter"), ("钱寅", "reporter")]),
])
def test_a_mongolian_or_yi_name_the_ocr_spaced_out_is_one_name(byline, credits):
    # a run of the syllables such names are written with is one name, not Han names cut at a surname (萨仁 + 其其格)
    assert parse_credits(byline) == credits


def test_a_front_page_pointer_with_its_page_number_after_spaces_is_no_headline():
    # "▶我县举办春季招聘会          3版": the box pointing to other pages, its page number unbracketed
    page = ("导读\n▶茶旅融合 村美民富          2版\n▶我县举办春季招聘会          3版\n"
            "县委召开全县茶产业推进大会\n本报讯 记者 甘子丑 4月19日，县委召开全县茶产业推进大会。\n")
    [a] = pipeline(page)
    assert (a.title, a.credits) == ("县委召开全县茶产业推进大会", [("甘子丑", "reporter")])


def test_a_letters_column_label_over_a_headline_opens_an_item_after_an_unsigned_one():
    page = ("县总工会走访慰问一线职工\n本报讯（通讯员 甘子丑）8月15日，县总工会走访慰问一线职工。\n"
            "读者来信\n感谢好医生\n编辑同志：\n我是涧口乡的一名村民，医护人员无微不至地照顾我，在此表示感谢。\n")
    first, second = pipeline(page)
    assert (second.kicker, second.title) == ("读者来信", "感谢好医生")


def test_a_notice_under_the_signature_closing_a_letter_is_titled_by_its_kind():
    page = ("读者来信\n感谢好医生\n编辑同志：\n我是涧口乡的一名村民，医护人员无微不至地照顾我，在此表示感谢。\n"
            "涧口乡村民 刘 大 娘\n遗失声明\n某某商贸有限公司不慎遗失营业执照副本，声明作废。\n")
    assert [d.title for d in pipeline(page)][-1] == "遗失声明"


@pytest.mark.parametrize("line", ["本报讯 记者 甘 立 群 钱 寅 4月19日，县委召开全县茶产业推进大会。",
                                  "记者 甘 立 群 通讯员 钱 寅 4月19日，县委召开全县茶产业推进大会。"])
def test_reporters_spaced_out_before_the_lead_with_no_bracket_are_the_byline(line):
    [a] = pipeline(f"县委召开全县茶产业推进大会\n{line}\n")
    assert a.credits == [("甘立群", "reporter"), ("钱寅", "reporter")] and a.body.startswith("4月19日")


@pytest.mark.parametrize("byline, credits", [
    ("本报记者 古丽米娜·吐尔逊 甘 立", [("古丽米娜·吐尔逊", "reporter"), ("甘立", "reporter")]),
    ("记者 艾力·买买提 阿依古丽 摄", [("艾力·买买提", "photographer"), ("阿依古丽", "photographer")]),
    ("□ 本报记者 甘 立", [("甘立", "reporter")]),
    ("□记者 甘立群 通讯员 钱寅", [("甘立群", "reporter"), ("钱寅", "reporter")]),
])
def test_a_dotted_name_printed_whole_keeps_the_spaced_name_after_it_apart(byline, credits):
    # only a side of the dot spaced out wholly is joined; a hollow box before role words reads them as roles
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("byline, credits", [
    ("文·图/钱 文 华", [("钱文华", "reporter"), ("钱文华", "photographer")]),
    ("文/图：钱 图 南", [("钱图南", "reporter"), ("钱图南", "photographer")]),
])
def test_a_given_name_wen_or_tu_spaced_after_a_slashed_role_and_its_surname_is_no_role_word(byline, credits):
    assert parse_credits(byline) == credits


@pytest.mark.parametrize("line", ["□ 重要提示", "□ 民生实事"])
def test_words_after_the_hollow_box_that_read_as_no_name_credit_no_one(line):
    assert parse_credits(line) == []


def test_a_unit_alone_in_brackets_under_a_text_closes_it_and_heads_nothing():
    page = ("区政府召开第9次常务会议\n9月10日，区长甲某某主持召开区政府第9次常务会议。会议研究了老旧小区改造等事项。\n"
            "（区府办）\n秋日荔枝林\n9月8日，游客在大岭村荔枝林中骑行游玩。\n乙某某 摄\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["区政府召开第9次常务会议", "秋日荔枝林"]
    assert drafts[0].credits == [] and drafts[1].credits == [("乙某某", "photographer")]


@pytest.mark.parametrize("head", ["政务信息\n〔2017〕第8期\n某某县人民政府办公室编 2017年5月10日\n",
                                  "某某县\n政务信息\n第15期\n某某县人民政府办公室 2020年8月12日\n"])
def test_a_bulletin_s_name_and_issue_are_no_headline_and_its_editor_s_note_belongs_to_the_item(head):
    page = (head + "编者按：今年以来，甲镇探索积分制乡村治理模式，取得明显成效。现将其做法刊发。\n甲镇积分制激活乡村治理\n"
            "今年以来，甲镇在全镇推行积分制管理。镇党委书记乙某某表示，下一步将推广这一做法。\n（甲镇党政办 丙某某 供稿）\n"
            "报：市政府办公室\n送：县委办，县人大办\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["甲镇积分制激活乡村治理"]
    assert drafts[0].body.startswith("编者按：") and drafts[0].credits == [("丙某某", "reporter")]


@pytest.mark.parametrize("byline, credits", [
    ("记者 普布扎西 摄", [("普布扎西", "photographer")]),
])
def test_a_tibetan_name_of_two_syllables_is_one_name(byline, credits):
    assert parse_credits(byline) == credits


def test_an_editor_s_line_with_the_page_s_phone_under_the_last_item_credits_no_item():
    page = "胜利社区举办邻里节\n4月15日，胜利社区举办第三届邻里节，200余名居民参加。（通讯员 甲某）\n■责任编辑：乙某 电话：69440000\n"
    assert pipeline(page)[0].credits == [("甲某", "reporter")]


def test_bulleted_dated_lines_under_a_text_one_of_them_signed_by_its_own_writer_are_briefs():
    page = ("县委书记甲某某调研冬季瓜菜生产\n本报讯（记者 乙某某）12月6日，县委书记甲某某到毛阳镇调研冬季瓜菜生产工作。\n"
            "甲某某强调，要抓好产销对接。\n◆12月5日，县妇联在通什镇开展主题宣讲活动。（通讯员 丙某）\n"
            "◆12月4日，县医保局举办医保政策培训班，80余名基层经办人员参加。\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("乙某某", "reporter")], [("丙某", "reporter")], []]
    assert drafts[2].body.startswith("12月4日，县医保局")


def test_a_dated_list_closing_a_text_signed_under_its_last_bullet_stays_the_text():
    # the signature under the last bullet is the whole item's, as a county paper closes one
    page = ("我县开展消防安全宣传月活动\n本报讯 11月以来，我县开展消防安全宣传月活动。\n◆11月1日，县消防救援大队走进校园开展宣传。\n"
            "◆11月3日，县消防救援大队组织开展应急演练。（通讯员 甲某）\n")
    [d] = pipeline(page)
    assert d.credits == [("甲某", "reporter")] and "11月3日" in d.body


def test_a_writer_s_post_closing_an_essay_heads_no_essay_below_it():
    page = ("守护好一方绿水青山\n□ 甲某某\n绿水青山就是金山银山。\n作者系县林业局干部\n读书让生活更美好\n□ 乙 某\n"
            "读书是一种精神追求。\n（作者系县第一中学教师）\n")
    drafts = pipeline(page)
    assert [(d.title, d.subtitle) for d in drafts] == [("守护好一方绿水青山", None), ("读书让生活更美好", None)]
    assert [d.credits for d in drafts] == [[("甲某某", "reporter")], [("乙某", "reporter")]]


def test_a_captioned_photo_under_a_feature_of_sections_is_an_item_of_its_own():
    # a credit written after the name ("记者 甲 摄") closes a picture's caption, not the feature's last section
    page = ("老党员的“民情日记”\n本报见习记者 甲某某\n清晨6点，退休老党员乙某某就出门了。十多年来，他记下了20本日记。\n"
            "日记里的“小事”\n“居民的事再小也是大事。”乙某某说。\n雪后梵净山\n雪后的梵净山银装素裹，吸引众多游客前来观赏。\n"
            "记者 丁晓东 摄\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["老党员的“民情日记”", "雪后梵净山"]
    assert drafts[1].credits == [("丁晓东", "photographer")]
    # ... but the feature's own writer credited so under its last section took the feature's pictures
    page = page.replace("本报见习记者 甲某某", "本报记者 丁晓东").replace("记者 丁晓东 摄", "◇本报记者 丁晓东 摄")
    [d] = pipeline(page)
    assert d.credits == [("丁晓东", "reporter"), ("丁晓东", "photographer")]


def test_a_photographer_s_credit_closing_a_feature_s_last_section_credits_the_feature():
    page = ("老党员的“民情日记”\n本报见习记者 甲某某\n清晨6点，退休老党员乙某某就出门了。十多年来，他记下了20本日记。\n"
            "日记里的“小事”\n“居民的事再小也是大事。”乙某某说。\n小区里的“老娘舅”\n街道党工委副书记丙某说，乙某某是社区治理的好帮手。\n"
            "◇摄影/丁 晓 东\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["老党员的“民情日记”"]
    assert drafts[0].credits == [("甲某某", "reporter"), ("丁晓东", "photographer")]


def test_a_headline_run_into_the_last_line_of_the_item_before_titles_the_next_item():
    page = ("区热线受理诉求近万件\n本报讯（记者 甲某）今年以来，区热线共受理群众诉求近万件，办结率98%。 区农业局开展春耕技术指导\n"
            "本报讯（通讯员 乙某某）3月13日，区农业局组织农技人员深入各镇，指导春耕备耕。\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["区热线受理诉求近万件", "区农业局开展春耕技术指导"]
    assert drafts[0].body.endswith("办结率98%。")
    assert [d.credits for d in drafts] == [[("甲某", "reporter")], [("乙某某", "reporter")]]


def test_a_briefs_label_between_two_bullets_heads_a_column_of_briefs():
    page = ("县政协视察农村饮水安全工作\n本报讯（记者 甲某某）6月11日，县政协主席乙某某带领部分委员视察农村饮水安全工作。\n"
            "●简讯●\n◎6月10日，县总工会为200名一线职工送去清凉慰问品。（通讯员 丙某）\n"
            "◎近日，县气象局完成人工增雨作业3次，有效缓解旱情。（丁某）\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("甲某某", "reporter")], [("丙某", "reporter")], [("丁某", "reporter")]]


def test_dated_captions_in_a_row_each_signed_by_its_photographer_are_photo_items_of_their_own():
    page = ("某某江报\n▲3月20日，勐甲镇群众在采摘春茶。 本报记者 甲某某 摄\n▲3月19日，曼乙村群众在文化广场上跳起了舞蹈。 通讯员 乙某 摄\n"
            "▲3月18日，县城樱花盛开，吸引众多游客。 丙某某 摄\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("甲某某", "photographer")], [("乙某", "photographer")], [("丙某某", "photographer")]]


def test_a_quoted_day_and_its_name_before_special_report_is_the_kicker():
    assert choose_title(["“12·4”国家宪法日特别报道", "我县开展宪法宣传周系列活动"])[:2] == \
        ("“12·4”国家宪法日特别报道", "我县开展宪法宣传周系列活动")
    assert choose_title(["“5·15”全国打击和防范经济犯罪宣传日专题", "我县开展防范经济犯罪宣传活动"])[1] == "我县开展防范经济犯罪宣传活动"


def test_a_bracketed_column_label_over_its_own_headline_opens_an_item():
    page = ("县法院公开宣判一起非法集资案\n本报讯（记者 甲某）6月20日，县人民法院公开宣判一起非法吸收公众存款案。\n"
            "【以案说法】\n借款未写借条 微信记录成关键证据\n案情：王某通过微信向朋友赵某借款5万元，到期后拒不还款，赵某诉至法院。\n"
            "法官说法：微信聊天记录、转账记录可以作为证据使用。\n（县法院民一庭 沈小静）\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["县法院公开宣判一起非法集资案", "借款未写借条 微信记录成关键证据"]
    assert [d.credits for d in drafts] == [[("甲某", "reporter")], [("沈小静", "reporter")]]


def test_a_kicker_row_over_a_headline_that_names_the_unit_its_lead_names_is_the_kicker():
    page = ("“最多跑一次”改革再提速\n县行政服务中心实现“一窗通办”\n本报讯（通讯员 甲某某）近日，县行政服务中心全面推行“一窗通办”，"
            "群众办事平均等候时间缩短至8分钟。\n")
    draft = pipeline(page)[0]
    assert (draft.kicker, draft.title) == ("“最多跑一次”改革再提速", "县行政服务中心实现“一窗通办”")


def test_an_e_paper_s_dated_header_with_the_page_s_editors_credits_no_item():
    page = ("某某报\n2023年5月12日 星期五  责编：甲某某  版式：乙某某  校对：丙某\n第1版：要闻\n县委常委会召开会议\n"
            "本报讯（融媒体记者 丁某某）5月11日，县委书记戊某某主持召开县委常委会会议。\n")
    [d] = pipeline(page)
    assert (d.title, d.credits) == ("县委常委会召开会议", [("丁某某", "reporter")])
    page = ("某某报\n2024年3月8日 星期五 农历甲辰年正月廿八   责任编辑：庄 伟   美编：孟 琳\n第1版：要闻\n县委常委会召开会议\n"
            "本报讯（融媒体记者 丁某某）3月7日，县委书记戊某某主持召开县委常委会会议。\n")
    assert [d.credits for d in pipeline(page)] == [[("丁某某", "reporter")]]
    page = ("县交通运输局整治非法营运\n本报讯（记者 任伟）7月2日，县交通运输局开展专项整治。\n"
            "2                    某某报   2013年7月5日   责编：罗 丹\n")
    assert [d.credits for d in pipeline(page)] == [[("任伟", "reporter")]]


def test_the_issue_s_page_count_alone_on_its_line_is_no_headline():
    page = ("某某报\n2016年4月15日 星期五 第1版\n今日4版\n某某县启动“百企帮百村”行动\n"
            "本报讯（记者 甲某某）4月14日，某某县“百企帮百村”行动启动仪式在县政务中心举行。\n")
    [d] = pipeline(page)
    assert d.title == "某某县启动“百企帮百村”行动"


def test_a_reporter_s_notes_label_credits_no_reporter():
    page = ("某某村通了水泥路\n本报记者 谭明卓\n10月8日，记者来到某某村，新修的水泥路沿着山崖蜿蜒而上。\n"
            "记者手记\n路通了心也亮了\n从某某村回来，记者一直在想，一条路改变的不只是出行。\n（谭明卓）\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("谭明卓", "reporter")], [("谭明卓", "reporter")]]
    # (in brackets the notes are the text's appendix, which the writer signs again)
    drafts = pipeline(page.replace("记者手记", "【记者手记】"))
    assert [d.credits for d in drafts] == [[("谭明卓", "reporter")]]


def test_text_and_pictures_with_a_colon_before_the_reporter_credit_both():
    assert parse_credits("文/图：融媒体记者 甲某某") == [("甲某某", "reporter"), ("甲某某", "photographer")]
    assert parse_credits("作者： 责任编辑：乙某") == [("乙某", "editor")]   # an empty field stays empty
    assert parse_credits("图文：融媒体记者 黄丽萍") == [("黄丽萍", "reporter"), ("黄丽萍", "photographer")]


def test_a_spaced_out_run_is_cut_where_the_second_name_opens_with_the_common_surname():
    assert parse_credits("融媒体记者 杨 光 明 潘 雪") == [("杨光明", "reporter"), ("潘雪", "reporter")]
    # (between surnames of near ranks no cut is chosen: "向东杨" "柳冉冬" is no better than "向东" "杨柳" "冉冬")
    assert ("向东杨", "reporter") not in parse_credits("记者 向 东 杨 柳 冉 冬")
    assert parse_credits("通讯员 杨 文 华 余 洁") == [("杨文华", "reporter"), ("余洁", "reporter")]


def test_a_township_digest_s_items_led_by_their_township_are_briefs():
    page = ("乡镇动态\n【甲乡镇】10月20日，甲乡镇组织干部群众开展溪流清漂行动。（通讯员 甲某某）\n"
            "【乙石乡】近日，乙石乡举办第三届农民丰收节。（通讯员 乙某某）\n"
            "【丙口镇】丙口镇将新建的3个“幸福院”投入使用，为辖区老人提供助餐服务。\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("甲某某", "reporter")], [("乙某某", "reporter")], []]
    page = ("乡镇动态\n那甲镇  5月6日，那甲镇组织农技人员深入田间指导甘蔗春管。（通讯员 丁某某）\n"
            "百乙乡  近日，百乙乡完成5个屯的道路硬化工程。\n")
    assert len(pipeline(page)) == 2


def test_a_small_ad_headed_recruiting_is_no_item_nor_the_text_above():
    # (an advertisement is no article of the page, as its service boxes are not: tests/test_layout_boxes.py)
    page = ("县交警大队开展冬季交通安全整治\n本报讯（记者 甲某某）11月25日，县交警大队开展冬季道路交通安全集中整治。\n"
            "招 聘\n某某县某建材公司因业务需要，招聘会计1名、销售员3名。联系电话：0937-5551234\n")
    [d] = pipeline(page)
    assert d.title == "县交警大队开展冬季交通安全整治" and "建材" not in d.body


def test_a_series_label_after_a_dash_is_the_kicker_of_the_headline_under_it():
    head = ["奋进新征程 建功新时代", "——某某县高质量发展系列报道之三", "山地农业“链”出致富路"]
    assert choose_title(head)[1] == "山地农业“链”出致富路"


def test_a_headline_row_naming_only_what_the_row_under_it_speaks_of_is_one_title():
    page = ("岚江至汕城快速路\n鹿岭段主线贯通\n本报讯（记者 许泽凯）近日，岚江至汕城快速路鹿岭段主线顺利贯通，比计划提前了45天。\n")
    assert pipeline(page)[0].title == "岚江至汕城快速路鹿岭段主线贯通"
    page = ("全县春季植树造林\n任务完成过半\n本报讯（记者 苟丽蓉）截至4月13日，全县已完成春季植树造林2.3万亩，占全年任务的56%。\n")
    assert pipeline(page)[0].title == "全县春季植树造林任务完成过半"
    # (a row that says something itself is the title, the row under it its deck)
    page = "县委常委会召开会议\n传达学习省委全会精神\n本报讯（记者 郑少宏）5月11日，县委书记黄振华主持召开县委常委会会议。\n"
    assert pipeline(page)[0].title == "县委常委会召开会议"


def test_a_line_of_the_column_beside_read_between_a_headline_and_its_dateline_goes_back_to_its_text():
    page = ("县林业局开展森林防火宣传\n本报讯（通讯员 何晓军）9月15日，县林业局在城关广场开展森林防火宣传活动，发放资料5000余份。\n"
            "县教育局表彰优秀教师\n活动现场还设置了咨询台，解答群众疑问200余人次。\n"
            "本报讯（记者 屈文婧）9月10日，县教育局召开庆祝教师节表彰大会，表彰优秀教师100名。\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["县林业局开展森林防火宣传", "县教育局表彰优秀教师"]
    assert drafts[0].body.endswith("解答群众疑问200余人次。")


def test_notices_after_an_appendix_are_items_of_their_own_not_its_sections():
    page = ("聚焦转型发展系列报道之五\n沙产业“点沙成金”\n本报记者 乌兰 刘建平\n走进某某镇的沙柳加工厂，一捆捆沙柳被加工成人造板材。\n"
            "相关链接\n沙柳是一种耐旱灌木，3至5年需平茬一次。\n招聘启事\n某某旗某建筑公司招聘施工员5名。联系电话：0477-5512345\n"
            "遗失声明\n某某旗绿源养殖专业合作社不慎遗失公章一枚，声明作废。\n")
    assert [d.title for d in pipeline(page)] == ["沙产业“点沙成金”", "招聘启事", "遗失声明"]


def test_a_dated_caption_its_photographers_sign_under_a_signed_comment_is_a_photo_item():
    page = ("短评\n安全无小事\n□ 李 明\n消防安全关系千家万户，宣传进社区，就是要让安全意识扎根群众心中。\n"
            "薰衣草花开满园\n8月24日，游客在薰衣草庄园拍照留念。 摄影：帕提古丽 王 军\n")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["安全无小事", "薰衣草花开满园"]


def test_a_series_label_numbered_in_a_circle_is_a_kicker():
    assert choose_title(["脱贫攻坚系列报道③", "苗岭深处茶飘香"])[:2] == ("脱贫攻坚系列报道③", "苗岭深处茶飘香")
    assert choose_title(["乡村振兴系列报道（二）", "苗岭深处茶飘香"])[1] == "苗岭深处茶飘香"


def test_a_row_naming_a_place_s_trade_over_what_it_did_is_one_title():
    page = "岚坑镇土楼旅游\n接待游客创新高\n本报讯（记者 游伟铭）今年前10个月，岚坑镇土楼景区共接待游客186万人次。\n"
    assert pipeline(page)[0].title == "岚坑镇土楼旅游接待游客创新高"


def test_an_e_paper_s_header_in_two_rows_page_and_day_then_section_and_editors_is_furniture():
    page = ("某某报\nA2                           2017年11月3日  星期五\n综合新闻                      责任编辑：江 华  版式：卢 敏\n"
            "岚坑镇土楼旅游\n接待游客创新高\n本报讯（记者 游伟铭）今年前10个月，岚坑镇土楼景区共接待游客186万人次。\n")
    [d] = pipeline(page)
    assert (d.title, d.credits) == ("岚坑镇土楼旅游接待游客创新高", [("游伟铭", "reporter")])


def test_a_town_s_dateline_before_a_lead_dated_in_words_opens_an_item():
    page = ("某某日报\n【导读】\n■ 全市荔枝喜获丰收 详见第4版\n"
            "良垌镇讯（通讯员 黄伟栋）5月4日，良垌镇组织开展防溺水安全教育进校园活动。\n"
            "石岭镇讯 近日，石岭镇投入资金120万元，完成4个村的人居环境整治。（通讯员 李华）\n- 3 -\n")
    drafts = pipeline(page)
    assert [d.credits for d in drafts] == [[("黄伟栋", "reporter")], [("李华", "reporter")]]
    assert "荔枝" not in drafts[0].title


def test_a_correction_under_its_label_is_an_item_of_its_own():
    page = ("招标公告\n某某县城区道路改造工程已具备招标条件，现进行公开招标。\n某某县住房和城乡建设局\n2019年12月5日\n"
            "更正\n本报12月3日第2版《县人民医院新增床位200张》一文中，“200张”应为“120张”，特此更正。\n")
    assert [d.title for d in pipeline(page)] == ["招标公告", "更正"]


def test_a_theme_with_a_column_s_ending_is_the_kicker_however_long():
    assert choose_title(["乡村振兴在行动", "某某嘎查发展肉牛养殖"])[:2] == ("乡村振兴在行动", "某某嘎查发展肉牛养殖")
    assert choose_title(["项目建设进行时", "某某产业园一期投产"])[1] == "某某产业园一期投产"
