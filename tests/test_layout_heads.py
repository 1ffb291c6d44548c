"""Articles: headline stacks of county papers' scans and news sites. Invented pages."""
from __future__ import annotations

from tasks.articles import split_articles
from tasks.clean import clean_page
from tasks.normalise import normalise_page
from tests.helpers import pipeline


def heads(text: str) -> list[tuple[str | None, str]]:
    page, _ = normalise_page(clean_page(text))
    return [(d.kicker or None, d.title) for d in split_articles(page)]


def test_dated_header_of_a_paper_named_kan_with_spaced_date_is_no_kicker():
    page = ("江北晨刊       2022 年 8 月 10 日    星期三    A3 县 区 新 闻\n桐溪:\n“小 石 榴” 长 成 大 产 业\n"
            "  记者 何 晓 明   通讯员 丁 一 凡\n  8月8日,在桐溪县白莲坡镇的石榴种植基地,果农们正忙着给石榴套袋。")
    assert heads(page) == [("桐溪", "“小石榴” 长成大产业")]


def test_site_name_with_a_scan_space_before_the_date_is_no_title():
    page = "溪口 新闻网  2025-04-21\n十八洞村:苗绣合作社绣出好日子\n文/图 记者 龙 秀 芳\n走进十八洞村苗绣合作社,二十多名绣娘飞针走线。"
    assert [t for _, t in heads(page)] == ["十八洞村：苗绣合作社绣出好日子"]


def test_headline_wrapped_after_a_visit_verb_is_one_title():
    page = "县领导走访慰问\n贫困户\n本报讯(记者 苏 建)6月12日,县委副书记伍世明来到大团村,走访慰问结对帮扶的贫困户。"
    assert [t for _, t in heads(page)] == ["县领导走访慰问贫困户"]


def test_visit_headline_over_a_deck_keeps_its_deck_apart():
    page = "县领导走访慰问\n为困难群众送去新春祝福\n本报讯(记者 苏 建)1月12日,县委副书记伍世明来到大团村,走访慰问困难群众。"
    assert [t for _, t in heads(page)] == ["县领导走访慰问"]


def test_record_meta_line_of_date_outlet_and_fields_credits_its_writer_and_editor():
    from tasks.articles import record_meta
    meta = record_meta("2018-06-26 08:50 开化县融媒体中心 作者:方 圆 编辑:余晓明")
    assert meta is not None and meta.source == "开化县融媒体中心"
    page = ("县委常委会召开会议\n2018-06-26 08:50  开化县融媒体中心  作者:方 圆  编辑:余晓明\n"
            "6月25日,县委书记项瑞民主持召开县委常委会会议。")
    [d] = pipeline(page)
    assert set(d.credits) == {("方圆", "reporter"), ("余晓明", "editor")} and not d.body.startswith("2018")


def test_site_name_and_section_over_a_record_is_no_title():
    page = ("桐溪县人民政府 -- 桐溪要闻\n县委常委会召开会议 传达学习全会精神\n2018-06-26 08:50  桐溪县融媒体中心  作者:方 圆\n"
            "6月25日,县委书记项瑞民主持召开县委常委会会议。")
    assert [t for _, t in heads(page)] == ["县委常委会召开会议 传达学习全会精神"]


def test_wechat_header_with_the_province_posted_from_is_the_record_s_meta_line():
    page = ("一块老陈醋里的致富经\n柳城发布 2023-03-21 18:30 发表于山西\n原创 柳城县融媒体中心\n走进町店镇下孔村，一股浓郁的醋香扑面而来。"
            "合作社理事长裴建国一边查看发酵缸一边说。")
    [d] = pipeline(page)
    assert d.title == "一块老陈醋里的致富经" and "发表于" not in d.body


def test_wechat_header_of_account_day_time_and_province_over_the_headline_is_no_title():
    page = ("某某崇明　2025年05月21日 19:05 上海\n\n稻香里的“新农人”：90后女孩把大米卖到全国\n\n"
            "5月20日，在竖新镇仙桥村的育秧大棚里，合作社理事长施某某正和工人们一起查看秧苗长势。")
    [d] = pipeline(page)
    assert d.title == "稻香里的“新农人”：90后女孩把大米卖到全国" and "19:05" not in d.body


def test_a_portal_list_s_dates_in_brackets_under_each_headline_part_its_items():
    page = ("某某县人民政府 > 新闻中心 > 乡镇动态\n共3条 第1页\n松山镇召开秋季防火工作会议\n[2015-10-20]\n"
            "10月19日，松山镇召开秋季森林草原防火工作会议，镇长甲某某主持会议。\n红石乡人参产业喜获丰收\n[2015-10-16]\n"
            "今年红石乡人参种植面积达3200亩，预计实现产值1.1亿元。\n双河镇完成秋粮收购点布设\n[2015-10-12]\n"
            "双河镇在全镇设立秋粮收购点9个，方便农民就近售粮。")
    drafts = pipeline(page)
    assert [d.title for d in drafts] == ["松山镇召开秋季防火工作会议", "红石乡人参产业喜获丰收", "双河镇完成秋粮收购点布设"]
    assert all("[" not in (d.subtitle or "") for d in drafts)


def test_wechat_topic_line_under_the_header_is_no_headline():
    page = ("原创某某旗发布某某旗发布2016-07-19 18:05\n\n收录于话题 #旗情动态 32个\n\n甲某某深入牧区调研草原生态保护工作\n\n"
            "作者：乙某某\n\n7月18日，旗长甲某某深入巴音镇调研草原生态保护工作。\n\n阅读 2341\n\n在看 18\n\n写下你的留言")
    [d] = pipeline(page)
    assert d.title == "甲某某深入牧区调研草原生态保护工作" and not d.subtitle


def test_wechat_account_name_over_its_id_and_the_comments_after_the_text_are_no_items():
    page = ("原创 某某新区融媒体中心 某某新区发布 2021-03-26 19:30\n\n某某新区发布\n\n微信号 jhxqfb\n\n"
            "区长甲某某调研重点企业复工达产情况\n\n3月25日，区长甲某某到某某电子有限公司调研企业生产经营情况。\n\n"
            "阅读 1.2万  赞 86  在看 21\n\n精选留言\n\n向阳花：为区长点赞！\n\n山里人：好！")
    [d] = pipeline(page)
    assert d.title == "区长甲某某调研重点企业复工达产情况" and "点赞" not in d.body and not d.subtitle


def test_masthead_pieces_the_scan_set_apart_are_no_headline():
    lead = "本报讯（记者 甲某某）7月19日，县委书记乙某某带队深入防汛一线，指挥抢险救灾。"
    for header in ("2016年7月21日　星期四　　　　　　　　　　　　　　某西新闻　　　A2",
                   "某城东报　　　2022年8月16日　　星期二　　　第1版",
                   "某源县融媒体中心  某源新闻 2024年9月",
                   "某源报  2022年8月  乡镇 · 03版", "某昌 日报          2015年 4月 3日   第 三 版"):
        page, _ = normalise_page(clean_page(header + "\n县领导深入抗洪一线\n" + lead))
        assert [d.title for d in split_articles(page)] == ["县领导深入抗洪一线"], header


def test_a_media_centre_s_name_over_a_record_and_a_paper_named_otherwise_are_no_titles():
    lead = "4月11日，县委书记甲某某深入县工业园区调研重大项目建设工作。县领导乙某某参加调研。"
    page, _ = normalise_page(clean_page("某溪县融媒体中心\n甲某某调研重大项目建设工作\n2024-04-12 18:21:07\n" + lead))
    assert [d.title for d in split_articles(page)] == ["甲某某调研重大项目建设工作"]
    page, _ = normalise_page(clean_page("某阳大众  2015年6月10日  第1版\nMOUYANG DAZHONG\n县委中心组专题学习\n"
                                        "本报讯（记者 丙某某）6月8日，县委中心组举行专题学习。"))
    assert [d.title for d in split_articles(page)] == ["县委中心组专题学习"]
