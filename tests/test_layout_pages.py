"""Layouts of county e-paper pages, portal records and WeChat copies: headers, sign-offs and signatures."""
from __future__ import annotations

from tasks.articles import split_articles
from tasks.clean import clean_page
from tasks.normalise import normalise_page


def drafts(raw: str):
    return split_articles(normalise_page(clean_page(raw))[0])


def test_header_gaps_of_full_width_spaces_stay_on_one_line():
    page = "第 2 版　　综合新闻　　2021年3月4日　星期四\n县农机站开展培训\n　　3月3日，县农机站举办农机操作培训。"
    assert clean_page(page).split("\n")[0] == "第 2 版 综合新闻 2021年3月4日 星期四"


def test_editors_under_a_header_with_full_width_gaps_are_the_pages():
    page = ("第 2 版　　综合新闻　　2021年3月4日　星期四\n责任编辑：白　露　　版式：金　鑫　　校对：容　华\n"
            "县农机站开展培训\n　　3月3日，县农机站举办农机操作培训，60余名农机手参加。（通讯员 伍思远）\n"
            "城北小学举行运动会\n　　3月2日，城北小学举行春季运动会。（通讯员 艾青松）")
    got = drafts(page)
    assert [d.credits for d in got] == [[("伍思远", "reporter")], [("艾青松", "reporter")]]


def test_names_parted_by_a_full_width_space_sign_the_item():
    page = ("县农机站开展培训\n　　本报讯 3月3日，县农机站举办农机操作培训，60余名农机手参加。"
            "培训结束后还进行了现场考核。（伍 迪　艾 青）")
    (got,) = drafts(page)
    assert got.credits == [("伍迪", "reporter"), ("艾青", "reporter")]
    assert got.body.endswith("现场考核。")


def test_spaced_signature_before_the_next_items_indent():
    page = "县农机站开展培训　　3月3日，县农机站举办农机操作培训。（伍 迪　艾 青）　　城北小学举行运动会"
    assert clean_page(page).split("\n")[1] == "3月3日，县农机站举办农机操作培训。（伍迪 艾青）"


def test_editor_and_proofreader_closing_a_page_of_items_sign_the_page():
    page = ("县农机站开展培训\n3月3日，县农机站举办农机操作培训。（通讯员 伍思远）\n"
            "城北小学举行运动会\n3月2日，城北小学举行春季运动会。（通讯员 艾青松）\n责任编辑 白 露 校对 容 华")
    assert [d.credits for d in drafts(page)] == [[("伍思远", "reporter")], [("艾青松", "reporter")]]


def test_a_wechat_copys_reviews_stay_its_own():
    page = ("县农机站开展培训\n3月3日，县农机站举办农机操作培训。（通讯员 伍思远）\n"
            "城北小学举行运动会\n3月2日，城北小学举行春季运动会。（通讯员 艾青松）\n编辑：白露 校对：容华 审核：金鑫")
    assert ("金鑫", "editor") in drafts(page)[-1].credits


def test_headline_wrapped_before_its_meetings_name_is_one_title():
    page = "双河县召开乡村振兴\n工作会议\n本报讯 记者 伍思远 3月5日，双河县召开2021年乡村振兴工作会议，部署全年任务。"
    (got,) = drafts(page)
    assert (got.title, got.subtitle) == ("双河县召开乡村振兴工作会议", None)


def test_headline_wrapped_with_ocr_spaces_is_one_title_the_lead_says():
    page = ("我县召开 2023 年 度 项目建设\n推进 大会\n"
            "本报讯（记者 伍思远）2月28日，我县召开2023年度项目建设推进大会，安排部署今年重点任务。")
    (got,) = drafts(page)
    assert (got.title, got.subtitle) == ("我县召开2023年度项目建设推进大会", None)


def test_header_with_a_lettered_page_and_its_editor_is_the_pages():
    page = ("2014年6月12日 星期四 A2 本版编辑 白 露\n县农机站开展培训\n"
            "记者 伍思远 报道\n3月3日，县农机站举办农机操作培训，60余名农机手参加。\n培训结束后还进行了现场考核。")
    (got,) = drafts(page)
    assert (got.title, got.credits) == ("县农机站开展培训", [("伍思远", "reporter")])


def test_items_under_bracketed_column_labels_run_together_are_two():
    page = ("【部门动态】县林业局开展森林防火宣传 3月10日，县林业局在城关镇开展森林防火宣传。（通讯员 伍思远）"
            "【乡镇动态】石桥镇召开脱贫攻坚工作会 3月9日，石桥镇召开脱贫攻坚工作会。（通讯员 艾青松）")
    got = drafts(page)
    assert [(d.title, d.credits) for d in got] == [("县林业局开展森林防火宣传", [("伍思远", "reporter")]),
                                                  ("石桥镇召开脱贫攻坚工作会", [("艾青松", "reporter")])]


def test_a_news_sites_name_over_a_records_title_is_no_title():
    page = ("青禾县新闻网\n县领导督导检查安全生产工作\n2018-01-26 10:42 来源：青禾县融媒体中心\n"
            "本网讯（融媒体记者 伍思远）1月25日，副县长艾青松带队督导检查节前安全生产工作。")
    (got,) = drafts(page)
    assert (got.kicker, got.title, got.credits) == (None, "县领导督导检查安全生产工作", [("伍思远", "reporter")])


def test_a_meta_line_closed_by_the_share_label_is_read():
    page = ("县里开展三下乡集中示范活动\n"
            "发布时间：2025-01-10 16:20:08 来源：县委宣传部 作者：伍思远 浏览次数： 分享到：\n"
            "1月9日，全县文化科技卫生“三下乡”集中示范活动在兴街镇举行。")
    (got,) = drafts(page)
    assert (got.source, got.credits) == ("县委宣传部", [("伍思远", "reporter")])


def test_a_brief_signed_by_names_under_a_report_with_its_own_reporter_is_an_item():
    page = ("县委常委会传达学习全会精神\n本报讯（记者 伍思远）11月4日，县委书记艾青松主持召开县委常委会，传达学习全会精神。\n"
            "冬种油菜正当时\n近日，九堡镇组织农技人员深入田间地头，指导农户抢抓农时播种油菜。（肖 强　谢 芳）")
    got = drafts(page)
    assert [(d.title, d.credits) for d in got] == [("县委常委会传达学习全会精神", [("伍思远", "reporter")]),
                                                  ("冬种油菜正当时", [("肖强", "reporter"), ("谢芳", "reporter")])]


def test_a_features_last_section_signed_by_names_stays_in_it():
    page = ("九堡镇的油菜花海\n今年以来，九堡镇大力发展油菜产业，全镇种植面积达1.2万亩。\n"
            "赏花经济\n每到春天，镇上游客络绎不绝，农家乐生意红火。（肖 强　谢 芳）")
    assert len(drafts(page)) == 1


def test_a_seasons_走基层_column_over_a_headline_is_its_kicker():
    page = ("新春走基层\n大棚里的春天\n文/图 本报记者 伍思远\n"
            "2月26日，走进沙河镇五里墩村的日光温室，一垄垄西红柿长势喜人。")
    (got,) = drafts(page)
    assert (got.kicker, got.title) == ("新春走基层", "大棚里的春天")


def test_a_bracketed_headline_over_a_dated_lead_run_on_starts_a_line():
    page = "县林业局开展森林防火宣传。（通讯员 伍思远）【石桥镇召开脱贫攻坚工作会】3月9日，石桥镇召开工作会。"
    assert clean_page(page).split("\n")[-1] == "【石桥镇召开脱贫攻坚工作会】3月9日，石桥镇召开工作会。"


def test_文_after_a_reporters_rank_opens_a_name():
    from tasks.articles import parse_credits
    assert parse_credits("本报讯（首席记者 伍 迪 见习记者 文 韬）") == [("伍迪", "reporter"), ("文韬", "reporter")]
    assert parse_credits("记者 伍思远 文 艾青松 图") == [("伍思远", "reporter"), ("艾青松", "photographer")]


def test_an_arrow_over_the_call_to_follow_the_account_is_furniture():
    page = "▼点击上方“青禾发布”关注我们\n青禾县：万亩烤烟进入采烤期\n7月24日，青禾县烟农们正忙着采收烟叶。"
    assert clean_page(page).split("\n")[0] == "青禾县：万亩烤烟进入采烤期"


def test_two_dated_captions_under_a_text_are_photo_items_of_their_own():
    page = ("城东环路全线通车\n本报讯（记者 伍思远）9月13日，我县城东环路建成通车。\n副县长艾青松出席通车仪式。\n"
            "▲9月12日，县实验小学举行新生开学典礼。（记者 彭 军 摄）\n▲9月11日，龙山镇农民在晾晒玉米。（通讯员 万 芳 摄）")
    got = drafts(page)
    assert [d.credits for d in got] == [[("伍思远", "reporter")], [("彭军", "photographer")], [("万芳", "photographer")]]


def test_text_continued_from_another_page_under_an_item_is_an_item_of_its_own():
    page = ("小网格托起大民生\n　　本报讯（记者 伍思远）10月12日，城东街道将辖区划分为48个网格。\n　　（下转第3版）\n\n"
            "　　（上接第1版）会议要求，各单位要以此次评选为契机，进一步激发干事创业热情。（记者 艾青松）")
    got = drafts(page)
    assert [(d.title_from_lead, d.credits) for d in got] == [(False, [("伍思远", "reporter")]),
                                                             (True, [("艾青松", "reporter")])]
    assert got[1].body.startswith("会议要求")


def test_a_wechat_copys_end_mark_and_calls_leave_its_credits_to_it():
    page = ("青禾县黑茶开园节启幕\n5月6日，青禾县黑茶开园节在江南镇启幕。\n- END -\n来源：青禾县融媒体中心\n"
            "记者：伍思远\n编辑：艾青松\n点个在看你最好看")
    (got,) = drafts(page)
    assert got.credits == [("伍思远", "reporter"), ("艾青松", "editor")]
    assert got.body == "5月6日，青禾县黑茶开园节在江南镇启幕。"


def test_a_header_with_the_pages_number_and_slashed_editors_is_the_pages():
    page = ("3　2021年4月2日　星期五　综合新闻　责任编辑/白 露　美术编辑/金 鑫\n清明将至祭英烈\n"
            "文/本报记者 伍思远\n4月1日，县第一中学1000余名师生来到烈士陵园，开展主题教育活动。")
    (got,) = drafts(page)
    assert (got.title, got.credits) == ("清明将至祭英烈", [("伍思远", "reporter")])


def test_bulleted_briefs_with_bracketed_headlines_after_their_credits_are_items():
    page = ("◆【县科协开展科普进社区活动】9月16日，县科协在城南社区开展科普日活动。（记者 伍思远）"
            "◆【县人民医院开展义诊】9月15日，县人民医院专家团队到石门乡开展义诊。（通讯员 艾青松）")
    got = drafts(page)
    assert [(d.title, d.credits) for d in got] == [("县科协开展科普进社区活动", [("伍思远", "reporter")]),
                                                  ("县人民医院开展义诊", [("艾青松", "reporter")])]


def test_a_signature_of_spaced_characters_pairs_into_names():
    page = "县林业局开展巡林活动\n近日，县林业局组织开展林长制巡林活动，对重点林区进行巡查。（李 涛 周 敏）"
    (got,) = drafts(page)
    assert got.credits == [("李涛", "reporter"), ("周敏", "reporter")]
    assert clean_page("…开展巡查。（详 见 附 件 一）").endswith("（详见附件一）")


def test_who_compiled_a_text_wrote_it():
    page = "我县完成春季造林3.2万亩\n记者从县林业局获悉，今年春季全县共完成造林3.2万亩。\n（本报记者 伍思远 整理）"
    (got,) = drafts(page)
    assert got.credits == [("伍思远", "reporter")]


def test_a_headline_wrapped_after_its_year_is_one_title():
    page = ("我县启动2019年\n“雨露计划”培训\n"
            "本报讯（通讯员 伍思远）11月18日，我县2019年“雨露计划”职业技能培训在县职教中心启动。")
    (got,) = drafts(page)
    assert (got.title, got.subtitle) == ("我县启动2019年“雨露计划”培训", None)


def test_a_row_saying_only_that_the_meeting_was_held_ends_the_title():
    page = ("全县脱贫攻坚成果巩固\n誓师大会召开\n"
            "本报讯（记者 伍思远）5月7日，我县召开巩固拓展脱贫攻坚成果誓师大会。")
    (got,) = drafts(page)
    assert (got.kicker, got.title) == (None, "全县脱贫攻坚成果巩固誓师大会召开")


def test_a_records_fields_in_one_bracket_parted_by_bars_are_its_meta_line():
    page = ("【来源：县政府办 | 发布时间：2020-05-06 | 作者：伍思远】\n副县长艾青松带队检查城区防汛工作\n"
            "5月5日，副县长艾青松带领县水利局负责人检查城区防汛工作。")
    (got,) = drafts(page)
    assert (got.kicker, got.title, got.source, got.credits) == (
        None, "副县长艾青松带队检查城区防汛工作", "县政府办", [("伍思远", "reporter")])


def test_an_e_papers_buttons_are_furniture():
    page = "第A3版：综合新闻\n上一版　下一版　　放大　缩小　默认　　PDF版下载\n村里的夜校为啥这么火？\n本报讯（记者 伍思远）5月6日晚，油坊村的农民夜校座无虚席。\n返回目录"
    (got,) = drafts(page)
    assert (got.kicker, got.title) == (None, "村里的夜校为啥这么火？")


def test_a_records_date_and_site_set_apart_by_full_width_gaps_stay_one_meta_line():
    page = "青禾县召开学习会\n2022-07-15 09:12　　青禾县融媒体中心\n7月14日，县委理论学习中心组召开学习会。"
    (got,) = drafts(page)
    assert (got.title, got.source) == ("青禾县召开学习会", "青禾县融媒体中心")


def test_a_sign_off_set_apart_by_full_width_gaps_signs_the_page():
    page = ("简 讯\n　　▲6月10日，县总工会举办职工书法比赛。（记者 伍思远）\n　　▲6月9日，县妇幼保健院开展宣传周活动。（通讯员 艾青松）\n"
            "责任编辑　廖　红　　　　美术编辑　汪　洋　　　　校对　胡　琴")
    assert [d.credits for d in drafts(page)] == [[("伍思远", "reporter")], [("艾青松", "reporter")]]


def test_a_row_naming_the_body_that_met_under_a_kicker_is_the_title():
    page = "传达学习全会精神\n县委常委会召开\n本报讯（记者 伍思远）11月4日，县委书记艾青松主持召开县委常委会。"
    (got,) = drafts(page)
    assert "县委常委会召开" in (got.title, got.subtitle)   # two rows still, however the stack is read


def test_a_list_pages_entries_apart_by_full_width_gaps_stay_apart():
    page = "县政府召开常务会议　　2018-12-28　　县长调研重点项目　　2018-12-27"
    assert len(clean_page(page).split("\n")) == 4
