"""People and titles of county pages: villagers, farmers and hosts of visits among brand, product and place words.

Every name here is invented. One test per rule of tasks/extract that these pages needed.
"""
from __future__ import annotations

from tests.test_people import people


def test_a_name_whose_last_character_jieba_glued_to_a_posture_verb_stands_whole():
    # jieba's guess 哲站 (no word of its dictionary) over 站在: the name ends before the verb
    assert people("收割机来回穿梭。种粮大户金成哲站在田埂上，看着稻谷说。") == {"金成哲": ["种粮大户"]}
    assert people("村民柳春哲坐在门口择菜。") == {"柳春哲": ["村民"]}


def test_a_chat_with_villagers_ends_the_last_name_of_their_list():
    assert people("随后，他来到槐植村，与茶农谢金水、谢阿福拉家常，了解情况。")["谢阿福"] == ["茶农"]


def test_fruit_farmers_of_every_crop_are_titled():
    assert people("橘农邓长春说，以前柑橘卖不出去。") == {"邓长春": ["橘农"]}
    assert people("梨农贺书田正在园里疏果。") == {"贺书田": ["梨农"]}


def test_a_live_streamer_s_post_is_a_title():
    assert people("主播祝小慧对着手机说道：“家人们，下单吧。”") == {"祝小慧": ["主播"]}


def test_a_name_jieba_glues_to_the_last_character_of_a_title_ending_in_ren():
    # jieba's 人龙 (a word of its dictionary) over the title's end and the surname
    assert people("苗绣传承人龙玉门正在指导绣娘们刺绣。") == {"龙玉门": ["苗绣传承人"]}
    assert people("县政府新闻发言人马晓伟介绍，全县脱贫。") == {"马晓伟": ["县政府新闻发言人"]}


def test_quoted_brands_listed_side_by_side_are_no_people():
    assert people("走进老街，“周大福”“王老五”“朱家铺子”等老字号排起长队。") == {}
    assert "周大福" not in people("“周大福”“王老五”……小县城里的大品牌", title="“周大福”“王老五”……小县城里的大品牌")
    # a name in quotes alone, one list item of none, keeps the model's reading
    assert people("店主周德兵说：“我们家的烧饼传了三代。”") == {"周德兵": []}


def test_a_name_inside_a_word_jieba_reads_whole_is_no_person():
    assert "观音" not in people("店里的“千手观音”系列最受欢迎，千手观音书签卖得最好。")


def test_an_old_worker_is_titled_as_a_frontline_worker_is():
    assert people("在车间工作了20年的老工人武三虎说：“我们吹的杯子好。”") == {"武三虎": ["老工人"]}


def test_a_shopkeeper_s_name_jieba_reads_as_a_word_stands_without_a_title():
    # 简明/a 亮/v: the descriptor (no title by the convention) still says a name follows
    assert people("在“老码头鸡杂”店里，店主简明亮正忙着炒鸡杂。") == {"简明亮": []}
    assert people("摊主方正坤正在称菜。") == {"方正坤": []}
    # a word after the descriptor is no name for it
    assert people("店主热情地招呼客人，居民纷纷点赞。") == {}
    assert people("城市民宿发展很快，居民楼改造完成。") == {}


def test_a_name_whose_last_character_jieba_glued_to_said_in_a_guess_stands_whole():
    # 司马/nr 军说/v: 军说 is no word of jieba's dictionary; 说 is the clause's verb
    assert people("蒜农们正在起蒜。蒜农司马军说：“今年蒜价比去年高。”") == {"司马军": ["蒜农"]}


def test_a_dotted_name_starts_after_the_title_glued_to_it():
    assert people("瓜农艾合买提·吐尔地正在采摘留香瓜。") == {"艾合买提·吐尔地": ["瓜农"]}


def test_pomelo_growers_and_baristas_are_titled():
    assert people("柚农赖金水正忙着采摘蜜柚。") == {"赖金水": ["柚农"]}
    assert people("咖啡师冯丽丽正在冲泡咖啡。") == {"冯丽丽": ["咖啡师"]}


def test_a_headline_s_title_before_a_verb_phrase_names_no_one_the_text_does_not_name():
    body = "9月16日，渔港千帆竞发。渔民俞海生站在船头说：“这一网有3000多斤！”"
    assert people(body, title="渔民喜开海 满载而归") == {"俞海生": ["渔民"]}
    # a headline's person the text names again stands
    found = people("3月4日，县委书记潘东旭到柳溪村调研。潘东旭强调，要抓好春耕。", title="县委书记潘东旭调研春耕")
    assert found == {"潘东旭": ["县委书记"]}


def test_the_page_s_county_without_its_suffix_opening_a_headline_is_no_person():
    ctx_body = "4月15日，岳西县包家乡的茶园里，茶农王桂香正忙着采茶。“岳西翠兰”品牌越来越响。"
    from tasks.extract.people import extract_people
    from tasks.records import ArticleContext
    ctx = ArticleContext(article_id="a", doc_id="d", title="岳西：翠兰茶香飘山外", body=ctx_body, region="岳西县")
    assert {p.name for p in extract_people(ctx)} == {"王桂香"}


def test_a_bureau_s_name_joined_by_yu_stays_whole_in_its_title():
    # jieba tags 与 a preposition (海洋/ns 与/p 渔业局/n): inside a unit's name it leads no clause
    assert people("荣成市海洋与渔业局副局长慕国强介绍，全市养殖海参。") == {"慕国强": ["荣成市海洋与渔业局副局长"]}
    # a preposition after a person still opens the title
    assert people("他与县委书记钱立新交谈。")["钱立新"] == ["县委书记"]


def test_brothers_and_couples_counted_after_a_list_close_it():
    found = people("村民佘永福、佘永贵、佘永林三兄弟正在采茶。")
    assert found == {"佘永福": ["村民"], "佘永贵": ["村民"], "佘永林": ["村民"]}
    assert people("果农刘金生、刘金明兄弟俩种了200亩脐橙。") == {"刘金生": ["果农"], "刘金明": ["果农"]}


def test_an_ocr_space_left_inside_a_name_of_a_prose_line_is_read_through():
    # a paragraph's short first line the cleaner is to read as prose: "副镇长胡 建国介绍，…" / "出海渔船1100多艘。"
    page = "渔港开渔\n9月16日，渔港千帆竞发。\n石浦镇副镇长胡 建国介绍，今年开渔首日，全镇\n出海渔船1100多艘。"
    assert page_people(page) == {"胡建国": ["石浦镇副镇长"]}
    assert page_people("果园丰收\n果农刘 金生、刘 金明兄弟俩，今年\n预计收入80万元。") == {"刘金生": ["果农"], "刘金明": ["果农"]}


def test_a_hard_wrap_the_cleaner_left_inside_a_prose_line_is_read_through():
    page = "全县表彰先进\n受表彰的有：北塬镇红星村党支部书记马占林，土桥镇尹集村党支部\n书记妥文明，韩集镇阳山村党支部书记何建忠等。"
    assert page_people(page)["妥文明"] == ["土桥镇尹集村党支部书记"]
    # a long paragraph that lost its full stop is no scan's line: the next paragraph opens with its own title
    page = "区长调研\n11月14日，区长常晓勇调研，" + "要高效统筹疫情防控和经济社会发展，" * 4 + "创造有利条件\n区领导宋文、张正元等参加调研。"
    assert page_people(page)["宋文"] == ["区领导"]


def page_people(page: str) -> dict[str, list[str]]:
    """People of a page as a run reads them: cleaned, normalised, split, tagged."""
    from tasks.articles import split_articles
    from tasks.clean import clean_page
    from tasks.extract.people import extract_people
    from tasks.normalise import normalise_page
    from tasks.records import ArticleContext
    from tasks.segment import tag_raw
    text, _ = normalise_page(clean_page(page))
    out = {}
    for d in split_articles(text):
        ctx = ArticleContext(article_id="a", doc_id="d", title=d.title, body=d.body, tags=tuple(tag_raw(f"{d.title}\n{d.body}")))
        out.update({p.name: list(p.titles) for p in extract_people(ctx)})
    return out


def test_the_page_s_county_as_the_subject_of_its_plans_is_no_person():
    from tasks.extract.people import extract_people
    from tasks.records import ArticleContext
    body = "3月12日，长汀县河田镇的植树现场，干部群众一起挥锹铲土。县林业局副局长范志伟说，长汀将继续推进水土流失治理。"
    ctx = ArticleContext(article_id="a", doc_id="d", title="长汀：荒山变绿洲", body=body, region="长汀县")
    assert {p.name for p in extract_people(ctx)} == {"范志伟"}


def test_a_one_character_verb_opening_a_clause_before_a_place_opens_the_place():
    # jieba's 拉/v 依喀乡/ns: the township is 拉依喀乡
    assert people("拉依喀乡党委书记王建平介绍，全乡种植玫瑰。") == {"王建平": ["拉依喀乡党委书记"]}
    # a verb of two characters before a place still leads ("问及|美国总统")
    assert people("记者问及美国总统卡尔森的看法。").get("卡尔森", ["美国总统"]) == ["美国总统"]


def test_embroiderers_sitting_round_close_their_list():
    found = people("绣娘龙秀英、吴桂花、麻春兰围坐在一起飞针走线。")
    assert found == {"龙秀英": ["绣娘"], "吴桂花": ["绣娘"], "麻春兰": ["绣娘"]}


def test_a_young_returnee_s_name_stands_without_a_title():
    assert people("“80后”返乡创业青年谢家明正带着工人摘橘子。") == {"谢家明": []}


def test_hunters_are_titled_as_herders_are():
    assert people("鄂伦春族猎民莫桂兰正在采摘蓝莓。") == {"莫桂兰": ["鄂伦春族猎民"]}


def test_a_name_the_model_alone_reads_before_a_township_s_level_is_the_township():
    found = people("托扎敏乡乡长关玉山介绍，托扎敏乡林下种植5000多亩。")
    assert found == {"关玉山": ["托扎敏乡乡长"]}
    # a name before a title that opens with a level keeps its title's reading ("甲乡长" is an honorific)
    assert people("刘建华镇长介绍，全镇种植蓝莓。") == {"刘建华": ["镇长"]}


def test_a_craft_s_artist_and_a_beekeeper_are_titled_a_bare_artist_is_not():
    assert people("紫陶艺人向国荣正在拉坯。") == {"向国荣": ["紫陶艺人"]}
    assert people("养蜂人王德华正在查看蜂箱。") == {"王德华": ["养蜂人"]}
    assert people("艺人王小明出席活动。") == {"王小明": []}


def test_craftsmen_and_plum_growers_are_titled():
    assert people("新华村的银器作坊里，银匠寸发标正在錾刻银壶。") == {"寸发标": ["银匠"]}
    assert people("梅农周海明正忙着采杨梅。") == {"周海明": ["梅农"]}
    assert people("陶艺家宁远正在拉坯。") == {"宁远": ["陶艺家"]}


def test_a_township_the_model_reads_whole_as_a_name_is_the_township():
    body = "暑假以来，冯田镇组织中小学教师、村组干部深入农户家中开展防溺水安全教育。"
    assert "冯田镇" not in people(body)


def test_an_extreme_poverty_household_and_a_unit_s_staff_are_titled():
    assert people("在辰州坪村，胡卫民来到特困户向德财家中，仔细询问其身体状况。")["向德财"] == ["特困户"]
    assert people("驻村第一书记、县农业农村局干部周雨婷告诉记者，村里将发展深加工产品。")["周雨婷"] == [
        "驻村第一书记", "县农业农村局干部"]
    # a bare 干部 is no title: the cadres of a township and its villages name no one
    assert "干部" not in str(people("镇村干部深入农户家中宣传政策。"))


def test_a_name_jieba_glues_to_the_last_character_of_any_title():
    # jieba's 长江/ns and 长安/ns over 县长 and the surname, 任何/r over 主任 and the surname
    assert people("县委副书记、县长江华山出席。") == {"江华山": ["县委副书记", "县长"]}
    assert people("区长安晓明参加调研。") == {"安晓明": ["区长"]}
    assert people("县政府办公室主任何建国陪同。") == {"何建国": ["县政府办公室主任"]}
    # a title's last character with a word after it that is no name stays a title alone
    assert people("会上，县长安排部署了防汛工作。") == {}


def test_a_title_jieba_cut_into_a_verb_and_a_word_over_its_end_stays_whole():
    # jieba's 指挥/v 长江/ns: the verb opens the title 指挥长, no lead word before it
    assert people("县防汛抗旱指挥部指挥长江新民带队检查堤防。") == {"江新民": ["县防汛抗旱指挥部指挥长"]}


def test_a_festival_a_forest_and_a_cadre_s_case_are_no_names():
    assert people("9月9日，石桥镇举办首届农民丰收节，展销农特产品百余种。") == {}
    assert people("对反馈问题实行局领导包案，限期整改。") == {}
    assert people("村里的毛竹林覆盖率达到80%。") == {}


def test_how_the_described_feel_is_no_name():
    assert people("“红色物业”让居民舒心。社区党委书记范丽娟说，物业服务好了。") == {"范丽娟": ["社区党委书记"]}


def test_an_interview_s_deck_after_a_dash_leaves_visiting_out_of_the_title():
    # jieba's 访沅溪县/ns glues the interview's verb to the county, as 记 to a village in a profile's deck
    assert people("让茶香飘出大山——访峪川县龙潭镇党委书记田文举") == {"田文举": ["峪川县龙潭镇党委书记"]}


def test_a_comparison_or_this_township_before_a_title_is_no_part_of_it():
    assert people("全镇茶农人均增收3200元。像坪上村村民石老旺，一家种了12亩茶。") == {"石老旺": ["坪上村村民"]}
    # jieba's 该乡/n: the township the report has named
    assert people("该乡石门村果农刘长有告诉记者，今年收成好。") == {"刘长有": ["石门村果农"]}


def test_a_county_s_short_name_is_no_person_where_the_article_writes_it_with_its_level():
    assert people("乾平这家企业把盐碱地变成致富田。在乾平县所字镇的种植基地，稻穗压弯了腰。") == {}
    # ... but a person's name before his post is no place ("甲县长", the rarer order)
    assert people("王立明县长说，今年收成好。") == {"王立明": ["县长"]}


def test_a_description_and_the_surname_after_it_are_no_name():
    # the model's 居民许 over "居民许阿姨": a description, a surname and a form of address
    assert people("“现在一起种菜，成了好朋友。”居民许阿姨笑着说。") == {}


def test_a_textile_mill_s_trades_are_titles():
    assert people("织工索南卓说，她每月能挣三千元。") == {"索南卓": ["织工"]}
