"""People and the titles written beside them: one test per rule, plus the seeds against their gold."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.extract.annotate import Text, _sub_near, annotate
from tasks.extract.arbiter import Found, Names, _place_occurrence, mentions, unglue_names
from tasks.extract.bylines import BYLINE_AFTER_RE, DATELINE_HEADS, DATELINE_HEAD_REACH, dateline_head_starts, is_byline
from tasks.extract.chars import DELIM_SET, DOTS, HAN, NR_TAGS
from tasks.extract.clauses import STANDALONE_RE, _clause_heads, _standalone_matches
from tasks.extract.lexicon import (BYLINE_BEFORE, SUBJECT_VERBS, _by_head, _formula_anchor, _inner_starts,
                                   _start_filter, _start_pairs, lexicon, word_matches)
from tasks.extract.lists import LIST_RE, _list_matches
from tasks.extract.names import (PEOPLE_COUNT_RE, SHAPED_MEMO, _may_start_known, _surname_shaped, follow_rank, longest_known,
                                 surname_shaped, verb_after)
from tasks.extract.people import extract_people
from tasks.extract.titles import _cut_lead, _title_end, post_alone
from tasks.lexicon import trie_regex
from tasks.records import ArticleContext
from tasks.segment import tag_raw


def people(body: str, title: str = "标题", subtitle: str | None = None) -> dict[str, list[str]]:
    ctx = ArticleContext(article_id="a", doc_id="d", title=title, body=body, subtitle=subtitle)
    return {p.name: p.titles for p in extract_people(ctx)}


# --- rule 1: a title right before the name ------------------------------------------------------

def test_title_chain_before_a_name_gives_every_title():
    found = people("区委副书记、区长、指挥部执行指挥长常晓勇，区人大常委会主任潘文峰出席。")
    assert found["常晓勇"] == ["区委副书记", "区长", "指挥部执行指挥长"]
    assert found["潘文峰"] == ["区人大常委会主任"]


def test_a_name_whose_surname_jieba_glued_to_the_title_s_last_character_stands():
    # jieba guesses 官车 (no word of its dictionary): the name still starts after the title
    found = people("副县长隋丽娜，集团副总裁兼首席财务官车永明参加会谈。")
    assert found["车永明"] == ["集团副总裁", "首席财务官"]


def test_a_title_written_after_another_name_in_the_chain_is_that_name_s():
    # the chain was read for 兰普森 before the model found 汤普森
    found = people("在随后采访白宫高级官员、汤普森参议员、前协会主席兰普森时，记者听到了见解。")
    assert found["汤普森"] == ["参议员"] and found["兰普森"] == ["前协会主席"]


def test_a_title_word_between_two_names_of_a_glued_list_is_the_second_name_s():
    # "县委书记 甲 县长 乙": the cleaner removed the spaces; 县长 after 甲 is no honorific of 甲
    found = people("县委书记柯远山县长马文韬副县长罗青禾出席会议。")
    assert found == {"柯远山": ["县委书记"], "马文韬": ["县长"], "罗青禾": ["副县长"]}
    # with nothing after it the same word is the name's honorific
    assert people("柯远山县长说，要抓好春耕。") == {"柯远山": ["县长"]}


def test_a_list_after_a_titled_name_shares_its_title_whichever_rule_found_them():
    assert people("县政协副主席何建平、钟丽华参加。") == {"何建平": ["县政协副主席"], "钟丽华": ["县政协副主席"]}


def test_a_list_of_names_each_with_its_title_after_it_keeps_each_title():
    assert people("出席活动的有林志远书记吴德明县长。") == {"林志远": ["书记"], "吴德明": ["县长"]}


def test_a_title_starts_after_a_name_the_model_reads_inside_its_run():
    # the title rule reads 彭思远's chain before any rule has found 韦嘉明
    found = people("研究所所长韦嘉明全国人大常委会副委员长彭思远出席了首发式。")
    assert found["彭思远"] == ["全国人大常委会副委员长"]
    assert found["韦嘉明"] == ["研究所所长"]
    # a name that a body's own word follows is part of the body's name: the title keeps it
    assert people("孙中山纪念馆馆长柯远山出席。")["柯远山"] == ["孙中山纪念馆馆长"]
    # so is a name with no title before it, which the model may read ("林则生高级中学": named after a founder)
    assert people("林则生高级中学副校长周海波出席。")["周海波"][0] == "林则生高级中学副校长"
    # a lead that is a surname too stays: 向阳 is the community's name
    assert people("向阳社区主任李秀英说。") == {"李秀英": ["向阳社区主任"]}


def test_a_name_found_without_titles_takes_those_written_before_its_other_occurrences():
    # jieba reads 吴江|平到: the title rule finds no name after 区长; a later clause finds 吴江平
    found = people("8月3日，区委副书记、区长吴江平到青石镇调研。吴江平一行先后来到花溪村、白果村。")
    assert found == {"吴江平": ["区委副书记", "区长"]}


def test_name_end_is_decided_by_the_following_verb():
    # 关于 follows who gave a report: 刚 is the name's, not an adverb ("刚到")
    assert "黄志刚" in people("会上，听取了青石镇党委书记黄志刚关于乡村振兴工作的汇报。")
    assert "王成刚" in people("镇党委书记王成刚出席会议并作讲话。")   # jieba: 王成/nrfg 刚/d
    assert people("县政协副主席蒋立才及有关部门负责人出席。") == {"蒋立才": ["县政协副主席"]}   # 才 likewise
    assert "王俊" in people("区委书记王俊主持会议并讲话。")
    assert "张智奎" in people("区委书记、指挥部指挥长张智奎主持会议并讲话。")
    assert "王俊主" not in people("区委书记王俊主持会议并讲话。")


def test_title_before_a_list_goes_to_every_name():
    found = people("县领导邓昌君、熊伟、王春梅、水韦梁等出席会议。")
    assert {n: t for n, t in found.items()} == {n: ["县领导"] for n in ("邓昌君", "熊伟", "王春梅", "水韦梁")}


def test_a_title_alone_between_a_name_and_a_chain_names_a_group_of_the_list():
    found = people("县委副书记周立新，县委常委，县人大常委会主任王建平出席会议。")
    assert found == {"周立新": ["县委副书记"], "王建平": ["县人大常委会主任"]}


def test_comma_joins_two_title_chains_of_one_person():
    found = people("市委常委、两江新区党工委书记，两江新区疫情防控工作领导小组组长、指挥部指挥长张鸿星主持会议。")
    assert found["张鸿星"] == ["市委常委", "两江新区党工委书记", "两江新区疫情防控工作领导小组组长", "指挥部指挥长"]


def test_lead_words_are_not_part_of_the_title():
    assert people("会议由劳动部长林美珠主持。")["林美珠"] == ["劳动部长"]
    assert people("二○一五年时任上海市长杨雄会面。")["杨雄"] == ["上海市长"]
    assert people("李强同越南总理范明政共同出席。")["范明政"] == ["越南总理"]
    assert people("记者：今年的重点是什么？", title="专访县委书记邓波")["邓波"] == ["县委书记"]
    assert people("记者采访了区长马力。")["马力"] == ["区长"]
    # jieba glues the lead to the whole post (由旗长/n) before a Mongolian name
    assert people("会议由旗长敖登巴雅尔主持。") == {"敖登巴雅尔": ["旗长"]}


def test_foreign_name_after_a_title():
    assert people("由国务卿提勒森（左）颁奖。")["提勒森"] == ["国务卿"]
    assert people("马来西亚总理马哈蒂尔强调，要做好准备。")["马哈蒂尔"] == ["马来西亚总理"]


def test_dotted_names_whole_and_cut_before_the_next_word():
    found = people("全国政协副主席石泰峰、帕巴拉·格列朗杰、何厚铧在主席台前排就座。")
    assert found["帕巴拉·格列朗杰"] == ["全国政协副主席"]
    assert "威廉·佩里" in people("美国前国防部长威廉·佩里一行抵达北京。")


def test_dotted_name_stops_before_a_verb_written_on_it():
    # the last part runs up to the colon, but 预测 is a verb jieba reads there, not part of the name
    assert people("前球星、电视评论员罗伯特·格兰特预测：“冠军属于巴西。”") == {"罗伯特·格兰特": ["前球星", "电视评论员"]}
    assert "罗伯特·格兰特" in people("宇航员罗伯特·格兰特说，她很高兴。")
    assert "罗伯特·格兰特" in people("电视评论员罗伯特·格兰特预测说，冠军属于巴西。")   # cut at 说, then 预测
    # ... but a verb jieba reads over the name's last character and 说 is that character and 说 ("依明|说", not 明说)
    assert people("村民热合曼·依明说：“听了宣讲，我们更有信心了。”") == {"热合曼·依明": ["村民"]}
    # ... and a home after it ends it, though jieba reads the last character with 家 ("努尔兰家的新房": 兰家/n)
    assert people("牧民叶尔兰·努尔兰家的新房宽敞明亮。“现在住上了新房。”叶尔兰·努尔兰说。") == {"叶尔兰·努尔兰": ["牧民"]}
    # ... but a verb of two characters the name runs into is the verb's alone ("努尔兰|谈到": 谈到/v)
    assert people("座谈会上，牧民叶尔兰·努尔兰谈到今年的收成。") == {"叶尔兰·努尔兰": ["牧民"]}


def test_posts_of_sport_screen_and_business_are_titles():
    assert people("球队主帅钱明远上赛季执教另一支球队。")["钱明远"] == ["球队主帅"]
    assert people("这部电影的编剧孙立群说，剧本已经完成。")["孙立群"] == ["编剧"]
    assert people("某某证券高级行业分析师周文斌表示，市场已经见底。")["周文斌"][-1].endswith("高级行业分析师")


def test_posts_of_county_reports_are_titles():
    assert people("区级河长邬晓燕开展巡河工作。")["邬晓燕"] == ["区级河长"]
    assert people("一级主任科员汤立帆参加会议。")["汤立帆"] == ["一级主任科员"]
    assert people("社区网格员邹丽娟走访了辖区居民。")["邹丽娟"] == ["社区网格员"]
    assert people("区长助理、区公安分局局长阎建华参加会议。")["阎建华"] == ["区长助理", "区公安分局局长"]
    assert people("该镇党委副书记、镇长候选人苗立新介绍了情况。")["苗立新"] == ["镇党委副书记", "镇长候选人"]
    assert people("县农业农村局种植业股股长覃海涛现场指导。") == {"覃海涛": ["县农业农村局种植业股股长"]}
    assert people("镇计生专干罗晓燕入户宣传。") == {"罗晓燕": ["镇计生专干"]}


def test_a_deputys_post_after_the_name_is_a_title():
    assert people("会上，邬明副县长通报了全县安全生产形势。")["邬明"] == ["副县长"]


def test_an_aside_between_the_title_and_the_name_is_left_out():
    assert people("区委常委、副区长（挂职）柏文斌陪同调研。")["柏文斌"] == ["区委常委", "副区长"]


def test_a_third_character_jieba_binds_to_the_second_is_no_verb_after_the_name():
    assert people("总裁许文才昨日表示，银行体系稳健。") == {"许文才": ["总裁"]}   # 文才 is one word
    assert people("市委书记李明将主持会议。") == {"李明": ["市委书记"]}       # 将 stands alone: a verb


def test_dotted_name_stops_before_a_title_after_it():
    assert people("国防部长同某国国防部长罗伯特·格兰特中将举行了会谈。")["罗伯特·格兰特"][-1] == "中将"
    assert "罗伯特·格兰特" in people("英国某研究所高级顾问罗伯特·格兰特教授日前表示，形势稳定。")


def test_a_name_does_not_end_inside_the_verb_after_it():
    assert people("所长李才接到报告后立即出警。") == {"李才": ["所长"]}   # 李才|接到, not 李才接


def test_a_name_ends_before_what_a_leader_does_in_person():
    # 调度 follows the name, so 强 is the name's and not the head of 强调
    assert people("县委书记钮志强调度全县防汛工作。") == {"钮志强": ["县委书记"]}
    assert people("副县长骆秋石暗访了城区农贸市场。") == {"骆秋石": ["副县长"]}
    # what a speaker's remarks open with ends the last name of a list (公: a surname read only after a title)
    assert people("会上，县政协委员邬丽娥、蔺立明、公维刚结合调研情况先后发言。")["公维刚"] == ["县政协委员"]


def test_a_titled_given_name_may_end_in_nian_unless_it_is_a_time():
    # jieba reads 永年 as a time word; after a title it ends a given name, 今年 never does
    assert people("副县长车永年主持会议。") == {"车永年": ["副县长"]}
    assert people("副市长王延年、李松年出席。") == {"王延年": ["副市长"], "李松年": ["副市长"]}
    assert "王今年" not in people("县长王今年多次调研。")


def test_a_title_word_is_never_a_name():
    # jieba tags 元帅 nr, and 元 is a surname: the arbiter still drops it
    assert people("王建国元帅的长子王志强现在空军工作。").keys() == {"王建国", "王志强"}


def test_compound_surname_makes_a_four_character_name():
    assert "欧阳建国" in people("市委副书记欧阳建国出席会议。")
    assert "司马南" in people("县长司马南主持会议。")


def test_generic_title_words_alone_are_no_title():
    assert people("要发挥领导智慧和艺术。") == {}
    assert people("习近平代表党中央致以问候。").get("党中央") is None


def test_a_word_that_only_looks_like_a_name_is_not_one():
    assert "卫生" not in people("产发局长林崇杰、卫生局长黄世杰等出席。")
    assert people("产发局长林崇杰、卫生局长黄世杰等出席。")["黄世杰"] == ["卫生局长"]
    assert "由教育" not in people("其余委员由教育部长派兼之。")


# --- rule 2: a title or honorific after the name --------------------------------------------------

def test_title_after_a_name():
    assert people("深入学习贯彻习近平总书记重要讲话精神。") == {"习近平": ["总书记"]}
    assert people("落实李强总理讲话要求。") == {"李强": ["总理"]}


def test_honorific_marks_a_person_without_being_a_title():
    assert people("继承邓小平同志的遗志。") == {"邓小平": []}
    assert "孙先生" not in people("孙先生在艺术上十分重视千锤百炼。")


# --- fixed formulas -----------------------------------------------------------------------------

def test_leader_inside_a_fixed_formula_is_not_a_mention():
    assert people("坚持以习近平新时代中国特色社会主义思想为指导。") == {}
    assert people("在以习近平同志为核心的党中央坚强领导下。") == {}
    found = people("以习近平同志为核心的党中央。习近平总书记强调，要坚持。")
    assert found == {"习近平": ["总书记"]}


def test_mentions_count_only_real_mentions():
    ctx = ArticleContext(article_id="a", doc_id="d", title="王俊主持会议",
                         body="区委书记王俊主持会议。王俊强调，要以习近平同志为核心。习近平总书记指出。")
    got = {p.name: p.mentions for p in extract_people(ctx)}
    assert got == {"王俊": 3, "习近平": 1}  # the headline counts too


# --- rule 3: lists of bare names ----------------------------------------------------------------

def test_list_after_a_colon():
    found = people("在主席台就座的还有：丁薛祥、刘鹤、许其亮、孙春兰、李希等。")
    assert set(found) == {"丁薛祥", "刘鹤", "许其亮", "孙春兰", "李希"}


def test_list_joined_by_he():
    found = people("李干杰主持会议，李书磊、姜信治和苗华出席会议。")
    assert {"李干杰", "李书磊", "姜信治", "苗华"} <= set(found)


def test_list_of_places_or_slogans_is_not_people():
    assert people("全市已有綦江、梁平、黔江、荣昌、秀山、永川和城口7个区县入选。") == {}
    assert people("做到“少出门、少流动，不聚餐、不聚集”。") == {}


# --- rule 4 and 5: bare names before a verb or beside a preposition ------------------------------

def test_bare_name_opening_a_clause_before_a_verb(monkeypatch):
    assert "李克强" in people("李克强主持会议。汪洋作总结讲话。")
    # a clause subject rests on weak evidence: it stands when the name model reads it too
    with_model(monkeypatch, "汪洋")
    assert "汪洋" in people("李克强主持会议。汪洋作总结讲话。")


def test_bare_clause_opening_word_without_a_person_tag_is_not_a_name():
    assert people("会议指出，要毫不放松抓好疫情防控。") == {}
    assert people("要继续发挥中央生态环境保护督察利剑作用。") == {}


def test_person_preposition_before_a_tagged_name():
    assert "胡彩玲" in people("据胡彩玲介绍，小扎耶德很聪明。")


# --- headline names, bylines, places ----------------------------------------------------------

def test_names_in_the_deck_are_counted_once_known():
    ctx = ArticleContext(article_id="a", doc_id="d", title="会议召开", subtitle="张智奎主持并讲话 常晓勇潘文峰出席",
                         body="区委书记张智奎主持会议。区长常晓勇，区人大常委会主任潘文峰出席。")
    got = {p.name: p.mentions for p in extract_people(ctx)}
    assert got == {"张智奎": 2, "常晓勇": 2, "潘文峰": 2}


def test_bylines_are_left_to_the_splitter():
    assert people("天府镇人居环境整治工程相继启动。\n记者 秦廷富 摄") == {}
    assert "冯靖惠" not in people("竟然出现处长潘城武。记者冯靖惠／翻摄")


def test_place_names_shaped_like_names_are_not_people():
    assert "张家口" not in people("张家口市邮电局局长任春贵也火速赶到张北。")
    assert people("张家口市邮电局局长任春贵也火速赶到张北。")["任春贵"] == ["张家口市邮电局局长"]


# --- occurrences that are no person: places, works, bylines ----------------------------------------

def test_dateline_place_and_reporter_are_no_subjects():
    found = people("据新华社马尼拉1月5日电（记者范小林）菲律宾经济发展部长阿比托今天宣布，经济将增长。")
    assert found == {"阿比托": ["菲律宾经济发展部长"]}


def test_list_headed_by_countries_is_no_list_of_people():
    assert people("叙利亚、埃及、黎巴嫩和伊朗等国指责这次演习。") == {}
    assert people("市委副书记陈坤等市委领导带队下乡。") == {"陈坤": ["市委副书记"]}  # 等市委 is no 等市


def test_country_names_are_never_people():
    assert people("伊拉克政府12日晚宣布禁止核查。") == {}
    assert people("他们反对检查伊拉克总统府。") == {}


def test_word_inside_a_works_title_is_no_person():
    assert people("向种子经营机构验发《种子专卖许可证》，禁止其它单位经营。") == {}
    assert people("《剧本》杂志副主编周明说：“这个戏很好。”") == {"周明": ["杂志副主编"]}


def test_surname_with_a_title_is_no_name():
    assert people("今天，是敬爱的周总理的忌辰。") == {}
    assert people("1997年5月，李鹏总理签署了条例。") == {"李鹏": ["总理"]}


def test_names_of_a_byline_line_are_bylines():
    assert people("本报记者何伟余继军\n改革取得进展。") == {}
    found = people("新华社记者戚德良支林飞\n美国中东和谈特别协调员罗斯10日结束了中东之行。")
    assert found == {"罗斯": ["美国中东和谈特别协调员"]}


def test_ordinary_words_jieba_tags_as_names():
    assert people("在家禽摊位中，有一个摊位专卖乌骨鸡。") == {}
    assert people("向被错误逮捕关押86天的季正清支付赔偿金1296元。") == {"季正清": []}
    assert people("记者得知乡纪检书记李启旺的岳母已在县医院去世。") == {"李启旺": ["乡纪检书记"]}


def test_a_firm_named_like_a_person_is_no_person(monkeypatch):
    assert people("近年来涌现出格威特体育用品公司在北京展出。") == {}
    with_model(monkeypatch, "恩佐")
    assert "恩佐" in people("恩佐强调，两国将建立外交关系。")


def test_home_word_after_a_name_is_no_place_suffix():
    assert "刘少奇" in people("省文化部门在刘少奇家乡宁乡县花明楼镇举行活动。")
    assert "张家口" not in people("张家口市邮电局局长任春贵赶到。")


# --- titles: where they start, whom they go to ------------------------------------------------------

def test_verbs_and_connectives_before_a_title_are_cut():
    assert people("参加会谈的有国务院副总理兼外长钱其琛。") == {"钱其琛": ["国务院副总理", "外长"]}
    assert people("正如国务院副总理邹家华指出的那样，要打假。") == {"邹家华": ["国务院副总理"]}
    found = people("中国国务院副总理兼外交部长钱其琛和南非外交部长恩佐30日在这里举行记者招待会。")
    assert found["钱其琛"] == ["中国国务院副总理", "外交部长"]  # the country is part of the title as written


def test_a_verb_before_a_place_opens_no_title():
    assert people("有记者问及美国总统克林顿日前的讲话。")["克林顿"] == ["美国总统"]
    assert people("决定给予齐齐哈尔市原市委书记王树林开除党籍处分。")["王树林"] == ["齐齐哈尔市原市委书记"]
    assert people("会议审议联合国秘书长安南的报告。")["安南"] == ["联合国秘书长"]
    assert people("应国家主席江泽民的邀请，总统将访华。")["江泽民"] == ["国家主席"]
    # a word of titles (驻, 兼) stays, and so does a verb after a place: 分行/v is the body's
    assert people("驻欧盟兼比利时代表曾志远致辞。")["曾志远"] == ["驻欧盟兼比利时代表"]
    assert people("中国农行河北省分行平乡县营业所主任刘彦林说。")["刘彦林"][0] == "中国农行河北省分行平乡县营业所主任"


def test_adverb_inside_a_title_is_kept():
    assert people("美国中东和谈特别协调员罗斯10日结束访问。")["罗斯"] == ["美国中东和谈特别协调员"]
    assert people("约旦外交大臣塔拉瓦奈5日在这里对记者说。")["塔拉瓦奈"] == ["约旦外交大臣"]


def test_title_before_a_pair_skips_one_with_its_own_title():
    found = people("他先后与以色列总理内塔尼亚胡会谈。美国总统克林顿与内塔尼亚胡将会晤。")
    assert found == {"内塔尼亚胡": ["以色列总理"], "克林顿": ["美国总统"]}


def test_title_glued_to_a_surname_by_jieba():
    found = people("观旅局长陈盛山、大安区长周琇茹、外埔区长卓义腾等人出席。")
    assert found["周琇茹"] == ["大安区长"]
    assert "长周" not in found


def test_an_officer_s_rank_before_a_dotted_name_is_a_title():
    # 尉 is a transliteration character: without 上尉 as a title word it was read into the name
    found = people("海军发言人、海军上尉纳特·克里斯滕某说，这一问题没有导致事故。")
    assert found == {"纳特·克里斯滕某": ["海军发言人", "海军上尉"]}


def test_rank_after_a_name_is_a_title():
    found = people("中国人民解放军总参谋长傅全有上将今天上午会见了美国客人。")
    assert found == {"傅全有": ["中国人民解放军总参谋长", "上将"]}


# --- lists -------------------------------------------------------------------------------------

def test_list_items_with_asides():
    found = people("中国致公党（20人）\n丁凤英（女）、王小风（女）、王玉珏（女）、韦钰（女，壮族）、水天长（女）、牛小梅（女）")
    assert set(found) == {"丁凤英", "王小风", "王玉珏", "韦钰", "水天长", "牛小梅"}
    assert people("罗纳尔多（巴西）、乔丹（美国）、辛吉斯（瑞士）、陈妍（中国）当选。").keys() >= {"乔丹", "辛吉斯", "陈妍"}


def test_two_names_joined_by_a_lost_line_break_are_split():
    found = people("委员名单\n戴受惠（女）、戴瑞同丁川、马惠生（回族）、王洲、王浒、李明")
    assert {"戴瑞同", "丁川"} <= set(found) and "戴瑞同丁川" not in found


def test_long_list_keeps_minority_names():
    found = people("刘知炳、徐炳松、袁凤兰（女）、张文学、周明甫、吴恒、孙瑜（壮族）、额尔敦陶吐格（蒙古族）")
    assert "额尔敦陶吐格" in found and len(found) == 8
    assert people("全市已有綦江、梁平、黔江、荣昌、秀山、永川和城口7个区县入选。") == {}


def test_title_list_items_without_a_han_surname():
    found = people("大会主席团常务主席、执行主席张庆伟、洛桑江村、雪克来提·扎克尔、刘奇在主席台执行主席席就座。")
    assert found["洛桑江村"] == found["雪克来提·扎克尔"] == ["大会主席团常务主席", "执行主席"]


def test_names_written_back_to_back_in_a_headline():
    assert people("乒乓球擂台赛第十七场孔令辉王晨获胜") == {"孔令辉": [], "王晨": []}
    found = people("习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。\n赵乐际王沪宁蔡奇丁薛祥李希出席会议")
    assert "蔡奇丁" not in found  # jieba's wrong cut of a run of known names


# --- foreign names, jieba's full names -----------------------------------------------------------

def test_foreign_name_before_a_title():
    assert people("克雷库总统一贯重视对华友好关系。") == {"克雷库": ["总统"]}
    assert people("他们反对检查伊拉克总统府。") == {}


def test_foreign_name_acting_or_joined_to_a_name():
    assert people("对此克林顿称，核查小组的组成是联合国确定的。") == {"克林顿": []}
    assert people("巴特勒和阿齐兹讨论了导弹弹头问题。") == {"巴特勒": [], "阿齐兹": []}
    assert people("营养学家沃尔克说，妇女要注意饮食。") == {"沃尔克": ["营养学家"]}


def test_a_titled_name_joined_to_a_list_of_countries_is_a_person():
    # "以及法国、南非、德国等国" is a list of countries; the name before it has its title and stays
    found = people("以色列副总理拉米尔·伊坦以及法国、南非、德国等国的环境部长分别访问了中国。")
    assert found == {"拉米尔·伊坦": ["以色列副总理"]}
    assert people("代表团访问了巴西以及法国、南非、德国等国。") == {}


def test_village_and_public_service_posts_are_titles():
    assert people("护士钟小燕为村民量血压。") == {"钟小燕": ["护士"]}
    assert people("驻村工作队队员魏丽每天走村入户。") == {"魏丽": ["驻村工作队队员"]}
    assert people("大学生村官赵晓明带领村民种植药材。") == {"赵晓明": ["大学生村官"]}
    assert people("75岁的白族老艺人段凤山每天弹唱大本曲。") == {"段凤山": ["白族老艺人"]}
    # and professions written after the name
    assert people("钟小燕医生为村民量血压。") == {"钟小燕": ["医生"]}


def test_township_committee_posts_and_rural_specialists_are_titles():
    # 宣传 is a verbal noun naming the post's field, not a verb before a weak title word
    assert people("镇党委委员、宣传委员彭小娥主持会议。") == {"彭小娥": ["镇党委委员", "宣传委员"]}
    assert people("屯长韦福堂主持会议。") == {"韦福堂": ["屯长"]}
    assert people("县农业技术推广中心高级农艺师杨有福授课。") == {"杨有福": ["县农业技术推广中心高级农艺师"]}


def test_a_form_of_address_alone_is_no_name():
    # jieba tags 师傅 a person; after 司机 it looked like a titled name
    assert people("司机师傅说，路况很好。") == {}


def test_a_tibetan_name_after_a_title_is_its_two_parts():
    assert people("县委副书记、县长次仁旺堆出席会议。") == {"次仁旺堆": ["县委副书记", "县长"]}
    assert people("乡长多杰才旦说，要抓好落实。") == {"多杰才旦": ["乡长"]}
    assert people("县委常委平措旺杰讲话。") == {"平措旺杰": ["县委常委"]}


def test_a_place_ending_ends_no_name():
    # jieba and the model both read a person in 强嘎查 (嘎查: a village of Inner Mongolia)
    assert people("要选优配强嘎查“两委”班子。") == {}


def test_a_model_name_inside_another_name_s_title_is_no_person():
    # the model reads 巴彦 and 胡舒苏木 in a township's name that the title rule gives 斯琴 whole
    found = people("会上，巴彦胡舒苏木党委书记斯琴、旗住建局局长刘志远作表态发言。")
    assert found == {"斯琴": ["巴彦胡舒苏木党委书记"], "刘志远": ["旗住建局局长"]}


def test_a_name_a_venue_or_a_product_is_named_after_is_no_person_there():
    assert people("花木兰文化节吸引游客。") == {}
    assert people("孔子学院开设汉语课程。") == {}
    # titled, the name is a person's whatever follows
    assert people("副县长莫怀远文化园调研时强调。").get("莫怀远") == ["副县长"]


def test_surnames_the_list_had_missed():
    assert people("副县长荀立新出席会议。") == {"荀立新": ["副县长"]}
    assert people("市领导糜振华、禚晓燕参加座谈。") == {"糜振华": ["市领导"], "禚晓燕": ["市领导"]}


def test_a_yi_name_after_a_title_is_its_clan_and_given_name():
    # jieba and the model read the clan name 阿苏 alone
    assert people("县委副书记、县长阿苏木果主持会议。") == {"阿苏木果": ["县委副书记", "县长"]}


def test_a_longer_mongolian_or_yi_name_after_a_title_is_read_whole():
    # 乌日图 and 孟根 close a Mongolian name, 阿苦 and 勒尔 open a Yi one: without them the names were cut short
    assert people("旗委副书记、旗长宝音乌日图，副旗长巴特孟根出席。") == {
        "宝音乌日图": ["旗委副书记", "旗长"], "巴特孟根": ["副旗长"]}
    assert people("县人大常委会主任阿苦尔呷主持会议，副县长勒尔拉哈出席。") == {
        "阿苦尔呷": ["县人大常委会主任"], "勒尔拉哈": ["副县长"]}


def test_a_given_name_jieba_reads_as_a_word_ending_in_wei_after_a_title():
    # 大为/d, 有为: the name was cut before 为, which follows names as a preposition elsewhere
    found = people("七年寨村党支部书记龚大为已经在村里干了18年。龚大为说，要干到底。")
    assert found == {"龚大为": ["七年寨村党支部书记"]}
    assert people("副县长邝有为主持会议。") == {"邝有为": ["副县长"]}
    assert people("副县长李明为获奖者颁奖。") == {"李明": ["副县长"]}


def test_a_yi_given_name_ending_in_ri_after_a_title_is_read_whole():
    # 日 closes Yi given names (尔日, 伍日); a word ending in 日 after the clan is what the sentence says next
    assert people("副县长勒格尔日，县法院院长杨万春列席会议。") == {"勒格尔日": ["副县长"], "杨万春": ["县法院院长"]}
    assert "吉克近日" not in people("副县长吉克近日到竹核乡调研。")


def test_an_undotted_uyghur_name_after_a_title_is_read_whole():
    # a name and the father's written back to back with no dot; a Han surname (艾, 买) read them short
    assert people("县委副书记、县长吐尔洪江阿布都热西提主持会议，县政协主席买买提明亚森出席。") == {
        "吐尔洪江阿布都热西提": ["县委副书记", "县长"], "买买提明亚森": ["县政协主席"]}


def test_a_name_that_is_a_word_too_opens_a_list_of_leaders_after_a_title():
    # 舒展, 齐鸣 and 何方 are words jieba reads whole; the names after the 、 make the list one of names
    assert people("县领导舒展、齐鸣、何方出席会议。") == {"舒展": ["县领导"], "齐鸣": ["县领导"], "何方": ["县领导"]}
    # an ordinary word after a title opens no list
    assert people("县委书记强调、要求各级干部抓好落实。") == {}


def test_names_that_are_words_too_stand_between_names_of_a_list():
    # 高原 and 向阳 are stop words: between two names, and before a verb closing the list, they are names
    assert people("县领导龙海波、高原、向阳、石振华出席会议。") == {
        "龙海波": ["县领导"], "高原": ["县领导"], "向阳": ["县领导"], "石振华": ["县领导"]}
    assert people("县领导龙海波、石振华在高原地区调研。") == {"龙海波": ["县领导"], "石振华": ["县领导"]}


def test_an_appointee_whose_name_is_a_word_too_is_named_before_the_post():
    assert people("会议任命江山为县财政局局长，免去高峰的县水利局局长职务。") == {
        "江山": ["县财政局局长"], "高峰": ["县水利局局长"]}
    assert people("任命期为三年，任命方式为聘任制。") == {}


def test_a_bare_item_after_a_title_opens_a_list_of_names_that_goes_on():
    # 曾经纬 opens with the adverb 曾经, 排早扎 with no Han surname: the names after the 、 make them list items
    assert people("县领导曾经纬、郑建华出席会议。") == {"曾经纬": ["县领导"], "郑建华": ["县领导"]}
    assert people("县领导排早扎、刀建平在主席台就座。") == {"排早扎": ["县领导"], "刀建平": ["县领导"]}
    # work items after a post open no list of names
    assert people("副县长调研、督导春耕生产。") == {}
    assert people("副县长分管农业、水利、林业工作。") == {}
    # a word of jieba's dictionary after a title word opens no list ("思想道德/n" after 演员)
    assert people("要注重演员思想道德、文化理论、艺术创作等素质的全面提高。") == {}


def test_uyghur_parts_before_a_dot_are_no_name_of_their_own_after_a_title():
    # the dotted name is read whole; the parts before its dot do not take the title as a second person
    found = people("在一所小学，教师阿依努尔·吐尔逊正在上课。“阿依努尔老师教得好。”学生说。")
    assert found["阿依努尔·吐尔逊"] == ["教师"]
    assert "教师" not in found.get("阿依努尔", [])


def test_a_mongolian_name_ending_in_dalai_is_read_whole():
    # 达来 closes many Mongolian names; without it 孟和达 + 来 was read (来 a verb)
    assert people("嘎查党支部书记孟和达来介绍，今年种子已到位。") == {"孟和达来": ["嘎查党支部书记"]}
    assert people("旗委副书记孟根达来，旗委常委敖登出席会议。") == {"孟根达来": ["旗委副书记"], "敖登": ["旗委常委"]}
    assert people("副旗长满都呼出席会议。") == {"满都呼": ["副旗长"]}


def test_a_troupe_of_the_steppe_before_comrades_is_no_person():
    assert people("旗长乌力吉说：“乌兰牧骑同志们辛苦了！”") == {"乌力吉": ["旗长"]}


def test_a_mongolian_name_after_a_title_is_its_parts():
    assert people("苏木党委书记额尔敦巴根带队检查。") == {"额尔敦巴根": ["苏木党委书记"]}
    assert people("副旗长其其格、乌兰萨仁出席活动。") == {"其其格": ["副旗长"], "乌兰萨仁": ["副旗长"]}


def test_two_names_glued_into_one_span_are_two_people():
    # a credit whose space the cleaner removed: the model reads one six-character span
    assert people("展览展出了遗址的今貌。（柯远山马文韬）") == {"柯远山": [], "马文韬": []}
    # a list of leaders whose spaces the cleaner removed ("县领导 甲乙丙 欧阳丁戊 己庚辛"), a compound surname inside
    assert set(people("县领导蒋立新欧阳明辉沈德华参加活动。")) == {"蒋立新", "欧阳明辉", "沈德华"}
    # long foreign names stay whole: one half is transliteration characters alone, or no half is a surname's
    assert set(people("伊丽莎白二世访问了该国。")) == {"伊丽莎白二世"}
    assert set(people("纳芙拉蒂洛娃获得冠军。")) == {"纳芙拉蒂洛娃"}


def test_a_dotted_name_holds_syllables_that_look_like_followers():
    # 哈再/d: 再 inside jieba's word; 不力/n: 不 opening a noun; 提|出席: 提出 running into the next word
    assert people("县委书记努尔兰·哈再孜别克主持会议。") == {"努尔兰·哈再孜别克": ["县委书记"]}
    assert people("副县长木合塔尔·阿不力米提出席。") == {"木合塔尔·阿不力米提": ["副县长"]}
    # 都 of 阿布都 (a part of Uyghur names) is no adverb after the dot
    assert people("乡长吐尔逊·阿布都热依木作表态发言。") == {"吐尔逊·阿布都热依木": ["乡长"]}
    # and the model's name cut inside that part loses to the rules' whole one
    assert people("县长麦麦提敏·阿布都拉出席会议。") == {"麦麦提敏·阿布都拉": ["县长"]}
    # a follower right where the parts end closes the name though jieba reads it with the last part (依明作/d)
    assert people("乡长帕尔哈提·依明作表态发言。") == {"帕尔哈提·依明": ["乡长"]}


def test_uyghur_names_with_syllables_the_transliteration_tables_lack():
    # 不, 合 (names_dotted.txt); jieba's 阿不都/d is no preposition before the name
    assert people("县长阿不都热合曼·吐尔洪主持会议。") == {"阿不都热合曼·吐尔洪": ["县长"]}
    # jieba's 明在/t holds the name's last character and the 在 after it
    assert people("州长热依拉·买买提明在会上强调。") == {"热依拉·买买提明": ["州长"]}
    # a dotted name before 公司 is a firm's
    assert people("英国葛兰素·威康公司代表团来访。") == {}


def test_dotted_names_anywhere():
    found = people("为其侄女迪尔德丽·恩赖特（右一）的丈夫特里·恩赖特举行的葬礼。")
    assert set(found) == {"迪尔德丽·恩赖特", "特里·恩赖特"}
    assert people("天祝、景泰两地发生了6·2级地震。") == {}


def test_jieba_full_name_may_hold_rare_given_name_characters():
    assert people("导演邓在军担任总导演。") == {"邓在军": ["导演", "总导演"]}   # 总导演: the post taken (rule appointed)
    assert people("张万年会见美国防部长") == {"张万年": []}
    assert people("李希在主持会议时指出，要从严治党。") == {"李希": []}  # not 李希在


def test_article_tags_give_the_same_people_as_tagging_again():
    title, body = "标题", "以习近平同志为核心的党中央。区委书记王俊主持会议。习近平总书记指出，要坚持。"
    plain = ArticleContext(article_id="a", doc_id="d", title=title, body=body, subtitle="王俊主持")
    tagged = ArticleContext(article_id="a", doc_id="d", title=title, body=body, subtitle="王俊主持",
                            tags=tuple(tag_raw(f"{title}\n{body}")))
    got = [(p.name, p.titles, p.mentions) for p in extract_people(tagged)]
    assert got == [(p.name, p.titles, p.mentions) for p in extract_people(plain)]
    assert got == [("王俊", ["区委书记"], 2), ("习近平", ["总书记"], 1)]  # the formula's name is masked


@pytest.mark.parametrize("body", ["", "。。。", "abc 123", "（左）", "·"])
def test_degenerate_text_gives_no_people(body):
    assert people(body, title="") == {}


# --- the fast paths give what the plain rules give ---------------------------------------------------
# Each helper below stands in for a slower plain form (a regex tried at every character, a scan over every
# word): the plain form is written out here and compared on generated texts.

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Made-up text pieces: surnames and given-name characters, title and verb words, list punctuation.
PIECES = ["钱", "孙", "乙", "丙", "丁", "戊", "欧阳", "马可", "·", "、", "，", "。", "\n", "（", "）", "(", ")", "女",
          "满族", " ", "书记", "副书记", "主任", "主任委员", "长", "市长", "区长", "总书记", "同志", "主持", "强调",
          "等", "和", "以", "为核心", "思想", "理论", "新时代中国特色社会主义思想", "同志为", "的", "党中央"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _plain_alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@FAST
@given(st.lists(st.text("甲乙丙丁", min_size=1, max_size=4), min_size=1, max_size=12), st.text("甲乙丙丁。", max_size=30))
def test_trie_regex_matches_like_the_plain_alternation(words, text):
    trie, plain = re.compile(trie_regex(words)), re.compile(_plain_alternation(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for i in range(len(text) + 1):
        a, b = trie.match(text, i), plain.match(text, i)
        assert (a and a.span()) == (b and b.span())


@FAST
@given(st.lists(st.text("甲乙丙丁", min_size=1, max_size=4), min_size=1, max_size=12), st.text("甲乙丙丁。", max_size=30))
def test_word_matches_behind_the_start_filter_are_finditer_s(words, text):
    rx = re.compile(trie_regex(words))
    got = word_matches(rx, _start_filter(words), text)
    assert [m.span() for m in got] == [m.span() for m in rx.finditer(text)]
    got = word_matches(rx, _start_filter(words), text, _start_pairs(words))
    assert [m.span() for m in got] == [m.span() for m in rx.finditer(text)]


@FAST
@given(texts)
def test_title_words_behind_the_start_filter_are_finditer_s(text):
    lex = lexicon()
    got = word_matches(lex.title_re, lex.title_starts, text, lex.title_pairs)
    assert [m.span() for m in got] == [m.span() for m in lex.title_re.finditer(text)]


@FAST
@given(texts)
def test_title_end_reads_only_the_offsets_where_a_longer_title_may_start(text):
    lex = lexicon()
    for m in lex.title_re.finditer(text):
        end = m.end()
        for k in range(m.start() + 1, m.end()):   # the plain form: try every inner offset
            longer = lex.title_re.match(text, k)
            if longer and longer.end() > end:
                end = longer.end()
        assert _title_end(text, m, lex) == end


def test_formula_anchor_is_a_plain_word_of_the_formula():
    assert _formula_anchor("以NAME同志为(?:总书记的|核心的)?党中央") == ("同志为", len("以NAME同志为(?:总书记的|核心的)?党中央"))
    assert _formula_anchor("NAME理论") == ("理论", 6)
    for line in ("NAME.?理论", "NAME(?:甲(?:乙)?)?丙", "甲|NAME", "NAME+丙", "NAME"):
        assert _formula_anchor(line) == ("", 0)


@FAST
@given(texts)
def test_formulas_searched_near_their_word_blank_what_sub_blanks(text):
    lex = lexicon()
    for rx, (anchor, span) in zip(lex.fixed, lex.fixed_anchors):
        assert anchor
        def repl(m: re.Match[str]) -> str:
            return "<" + m.group() + ">"
        assert _sub_near(rx, anchor, span, repl, text) == rx.sub(repl, text)


@FAST
@given(texts)
def test_list_matches_are_the_list_regex_matches(text):
    assert [m.span() for m in _list_matches(text)] == [m.span() for m in LIST_RE.finditer(text)]


@FAST
@given(texts)
def test_standalone_matches_are_the_standalone_regex_matches(text):
    assert [m.span(1) for m in _standalone_matches(text)] == [m.span(1) for m in STANDALONE_RE.finditer(text)]


@FAST
@given(texts)
def test_clause_heads_are_the_clause_openings_on_a_person_tag(text):
    t = Text.of(text, text)
    plain = [m.start() for m in re.finditer(f"(?:^|(?<=[。；;！!？?：:\\n，,]))[{HAN}]", text)
             if t.token_at(m.start())[1] in NR_TAGS
             or len(t.token_at(m.start())[0]) == 1 and t.token_at(m.start() + 1)[1] in NR_TAGS]
    assert _clause_heads(t) == plain


@FAST
@given(st.lists(st.text("钱孙乙丙", max_size=4), max_size=8), st.text("钱孙乙丙。", max_size=20))
def test_known_names_are_found_through_their_first_characters(names, text):
    found = Found()
    for n in names:
        found.add(n)
    for i in range(len(text)):
        plain = sorted((k for k in found.titles if text.startswith(k, i)), key=len, reverse=True)
        assert longest_known(text, i, found.titles) == (plain[0] if plain else None)


@FAST
@given(texts)
def test_verbs_by_first_character_find_what_the_whole_list_finds(text):
    t = Text.of(text, text)
    for j in range(len(text) + 1):
        tok = t.token_at(j)[0]
        plain = any(text.startswith(v, j) and (j + len(v) in t.ends or len(v) > 1 and tok.startswith(v))
                    for v in SUBJECT_VERBS)
        assert verb_after(t, j) == plain


@FAST
@given(texts)
def test_follow_rank_with_first_characters_is_the_regex_rank(text):
    lex = lexicon()
    for j in range(len(text) + 1):
        if j >= len(text) or text[j] in DELIM_SET or text[j] in DOTS \
                or lex.after_re.match(text, j) or lex.title_re.match(text, j):
            plain = 3
        elif m := lex.follow_re.match(text, j):
            plain = 3 if m.group() in ("等", "等人", "一行") else 1 if m.group() in ("和", "与", "同", "及", "跟", "的") else 2
        else:
            plain = 0
        assert follow_rank(text, j, lex, {}) == plain


@FAST
@given(st.text("钱孙欧阳乙丙丁的长书记先生", min_size=1, max_size=5))
def test_surname_shape_is_remembered_unchanged(name):
    lex = lexicon()
    assert surname_shaped(name, lex) == _surname_shaped(name, lex) == surname_shaped(name, lex)
    assert len(lex.shaped) <= SHAPED_MEMO


def test_names_index_their_first_characters():
    names = Names()
    names.setdefault("钱乙", [])
    names["孙丙"] = []
    assert names.heads == {"钱", "孙"}
    assert not _may_start_known("丁钱乙", 0, names) and _may_start_known("丁钱乙", 1, names)
    names.setdefault("", [])
    assert names.heads is None and _may_start_known("丁", 0, names)


def test_mentions_of_a_name_inside_a_longer_one():
    titles = {"钱乙丁": ["区长"], "乙丁": [], "孙丙": []}
    got = {p.name: p.mentions for p in mentions("钱乙丁说，乙丁和孙丙、钱乙丁。", titles)}
    assert got == {"钱乙丁": 2, "乙丁": 1, "孙丙": 1}


def test_inner_starts_of_title_words():
    assert _inner_starts(["总指挥", "指挥长", "市长"]) == {"总指挥": (1,), "指挥长": (), "市长": ()}
    assert _by_head(("主持", "出席", "主讲")) == {"主": ("主持", "主讲"), "出": ("出席",)}


@FAST
@given(st.lists(st.text("甲乙丙", min_size=1, max_size=3), max_size=8))
def test_tiling_ends_are_the_ends_of_the_tokens(tokens):
    text = "".join(tokens)
    t = Text.of(text, text, [(tok, "n") for tok in tokens])
    ends = set()
    for tok in tokens:
        ends.add((max(ends) if ends else 0) + len(tok))
    assert {j for j in range(-1, len(text) + 2) if j in t.ends} == ends


@FAST
@given(texts, st.sampled_from(["钱乙", "孙丙丁", "马可"]))
def test_byline_gates_keep_the_byline_answer(text, name):
    for i in range(len(text) + 1):
        before = text[max(0, i - 5):i].rstrip(" 　")
        plain = before.endswith(BYLINE_BEFORE) or bool(BYLINE_AFTER_RE.match(text, i + len(name)))
        assert is_byline(text, i, name) == plain


@FAST
@given(st.lists(st.sampled_from(["新华社", "驻", "本报", "社", "甲", "电", "3月"]), max_size=15).map("".join))
def test_dateline_heads_gate_the_dateline_search(text):
    heads = dateline_head_starts(text)
    for k in range(len(text)):   # every head word starts at, or shortly after, a listed one
        if re.match(DATELINE_HEADS, text[k:]):
            assert any(k - DATELINE_HEAD_REACH <= h <= k for h in heads)
    t = Text.of(text, text)
    for i in range(len(text)):
        assert _place_occurrence(t, i, "甲", heads) == _place_occurrence(t, i, "甲")


@pytest.mark.parametrize("body", ["格兰特", "对此伊万诺夫", "会见了罗伯特·格兰特"])
def test_a_text_ending_in_a_foreign_name_is_read_to_its_end(body):
    """A transliterated name at the very end of the text once made foreign_name_at loop for ever."""
    import signal

    from tasks.extract.people import extract_people
    from tasks.records import ArticleContext
    from tasks.segment import tag_raw

    def too_slow(signum, frame):
        raise TimeoutError("extract_people did not return")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(20)
    try:
        ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body, tags=tuple(tag_raw(f"标题\n{body}")))
        names = [p.name for p in extract_people(ctx)]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert all(n in body for n in names)


def test_a_group_description_is_no_title():
    found = people("党和国家领导人钱乙、孙七出席会议。")
    assert found.get("钱乙") == [] and found.get("孙七") == []


# --- rule 9: the learned model, and the arbiter between it and the rules ---------------------------

class FixedModel:
    """A stand-in for the name model that reads given strings as names wherever they stand."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def spans(self, text, tags, offsets=None):
        out = []
        for n in self.names:
            i = text.find(n)
            while i >= 0:
                out.append((i, i + len(n)))
                i = text.find(n, i + 1)
        return sorted(out)


def with_model(monkeypatch, *names: str) -> None:
    from tasks import ner
    monkeypatch.setattr(ner, "model", lambda: FixedModel(*names))


def test_a_name_only_the_model_reads_is_found_with_its_titles(monkeypatch):
    with_model(monkeypatch, "全树仁")
    assert people("厂长全树仁说，今年产量翻了一番。") == {"全树仁": ["厂长"]}


def test_the_rules_win_where_the_model_runs_past_a_name_into_a_verb(monkeypatch):
    with_model(monkeypatch, "钱乙率")
    assert set(people("县长钱乙率队调研。")) == {"钱乙"}


def test_the_model_wins_where_it_ends_a_name_better_than_the_rules(monkeypatch):
    # the rules alone stop at 黄启 (a jieba cut); the model's longer name ends where a name can end
    with_model(monkeypatch, "黄启璪")
    assert "黄启璪" in people("全国妇联副主席黄启璪出席会议。")
    assert "黄启" not in people("全国妇联副主席黄启璪出席会议。")


def test_a_name_inside_a_found_name_is_not_added(monkeypatch):
    with_model(monkeypatch, "晓勇")
    assert set(people("区长常晓勇出席。")) == {"常晓勇"}


def test_an_item_of_a_list_of_places_is_no_person(monkeypatch):
    with_model(monkeypatch, "何埂")
    assert "何埂" not in people("先后前往永川镇、何埂、双石镇等地调研。")


def test_a_weak_rule_name_the_model_does_not_read_is_dropped(monkeypatch):
    with_model(monkeypatch)   # reads no name
    assert "泥石流" not in people("泥石流说来就来。")


def test_a_post_after_a_company_is_stored_alone_in_posts():
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="红星集团副总裁钱乙表示，公司将扩大投资。")
    [p] = extract_people(ctx)
    assert (p.titles, p.posts) == (["红星集团副总裁"], ["副总裁"])
    assert people("区人大常委会主任孙七出席。")["孙七"] == ["区人大常委会主任"]


def _plain_follow_rank(s: str, j: int, lex, known) -> int:
    """follow_rank without its first-character checks and Names.heads: every regex tried."""
    if j >= len(s):
        return 3
    if s[j] in DELIM_SET or s[j] in DOTS or lex.after_re.match(s, j) or lex.title_re.match(s, j):
        return 3
    count = PEOPLE_COUNT_RE.match(s, j)
    if count and (count.group(1) or lex.title_re.match(s, count.end())):
        return 3
    m = lex.follow_re.match(s, j)
    if m:
        word = m.group()
        return 3 if word in ("等", "等人", "一行") else 1 if word in ("和", "与", "同", "及", "跟", "的") else 2
    return 1 if any(s.startswith(k, j) for k in known) else 0


@given(st.lists(st.sampled_from(["钱乙", "孙七", "书记", "总理", "主持", "和", "等", "，", "会议", "同志", "县长", "的", "一行",
                                 "刚", "六人", "3名", "五人大", "两", "首相"]),
                max_size=10), st.lists(st.sampled_from(["钱乙", "孙七", "周八"]), max_size=2))
def test_follow_rank_is_the_plain_rank(pieces, names):
    s = "".join(pieces)
    known = Names()
    for n in names:
        known[n] = []
    lex = lexicon()
    assert [follow_rank(s, j, lex, known) for j in range(len(s) + 1)] == \
        [_plain_follow_rank(s, j, lex, dict(known)) for j in range(len(s) + 1)]


@given(st.lists(st.sampled_from(["总统", "卡尔森", "顾问", "钱乙", "和", "南非", "外长", "基金会", "、", "县长", "阿尔及利亚"]),
                min_size=1, max_size=8), st.lists(st.sampled_from(["卡尔森", "钱乙", "阿尔", "周八"]), max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cut_lead_skips_runs_no_known_name_starts_in_as_the_plain_search_would(pieces, names):
    body = "".join(pieces) + "王志刚说。"
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body)
    t, lex = annotate(ctx).words, lexicon()
    known = Names()
    for n in names:
        known[n] = []
    end = t.s.index("王志刚")
    for start in range(end + 1):
        assert _cut_lead(t, start, end, lex, known) == _cut_lead(t, start, end, lex, dict(known))


@pytest.mark.parametrize("body, name, titles", [
    ("副区长郑志刚讲话。", "郑志刚", ["副区长"]),                      # the title rule stops at 刚 (刚讲话)
    ("区委常委、宣传部长王志刚出席。", "王志刚", ["区委常委", "宣传部长"]),
])
def test_titles_of_a_cut_name_go_to_the_name_that_holds_it(body, name, titles):
    assert people(body) == {name: titles}


def test_a_cut_name_with_two_holders_keeps_its_titles_to_itself():
    out = mentions("甲乙丙说，甲乙丁说。", {"甲乙": ["区长"], "甲乙丙": [], "甲乙丁": []})
    assert [(p.name, p.titles) for p in out] == [("甲乙丙", []), ("甲乙丁", [])]


def test_two_dotted_names_joined_by_a_conjunction_are_two():
    found = people("两位主演劳拉·琳妮和菲利普·西摩尔·霍夫曼都很出色。")
    assert set(found) == {"劳拉·琳妮", "菲利普·西摩尔·霍夫曼"}
    # or by 的
    assert set(people("印度前总理拉吉夫·甘地的遗孀索尼亚·甘地决定参加竞选。")) == {"拉吉夫·甘地", "索尼亚·甘地"}


def test_a_name_jieba_glued_to_a_word_after_it_leaves_it():
    # 版 (a version of) and 死 end no name: jieba's 李安版/nr, 周茜死
    assert people("这部片子要比五年前的李安版《绿巨人》精彩。") == {"李安": []}
    assert people("周茜死在另一间卧室里。") == {"周茜": []}


def test_the_author_of_a_work_is_a_person_not_a_byline():
    assert set(people("《山乡》的作者王建国是一位作家。")) == {"王建国"}
    assert set(people("《山乡》作者王建国说，写作很苦。")) == {"王建国"}
    assert people("作者 王建国") == {}


def test_a_list_of_people_before_a_list_of_countries_stays_people():
    found = people("青年歌唱家郑雪梅、程海涛等演唱了中国、俄罗斯和意大利等国的著名歌曲。")
    assert {"郑雪梅", "程海涛"} <= set(found)
    from tasks.extract.arbiter import PLACE_LIST_TAIL_RE
    assert PLACE_LIST_TAIL_RE.match("、德国、意大利和西班牙等国") is not None
    assert PLACE_LIST_TAIL_RE.match("、程涛等演唱了中国、俄罗斯和意大利等国") is None


def test_posts_written_after_the_name():
    assert people("活动开始前，胡弘大师与项目总经理交流。") == {"胡弘": ["大师"]}
    assert people("会见时，他说，王建国会长为发展友好事业作出了贡献。") == {"王建国": ["会长"]}
    assert people("谢菲尔德将军原本是前线总指挥。") == {"谢菲尔德": ["将军"]}
    assert people("陈嘉上导演的影片讲述了一个故事。") == {"陈嘉上": ["导演"]}


@pytest.mark.parametrize("title, post", [
    # a body outside party and government: the post alone without the unit
    ("招商银行现金管理部总经理", "总经理"),
    ("山东大学社会学系教授", "教授"),
    ("某某大学法学院教授", "教授"),
    ("安信证券高级行业分析师", "高级行业分析师"),   # 高级行业 is no unit
    ("招商银行区域经理", "区域经理"),   # 区 of 区域 ends no department
    ("某某集团华北区董事总经理", "董事总经理"),
    ("美国驻华大使馆副领事", "副领事"),
    # no body word: the longest ending that is a post, with its openers and field
    ("某某乐居总经理", "总经理"),
    ("某某顾问营销四部策划总监", "策划总监"),
    ("某某俱乐部主帅", "主帅"),
    ("金牌编剧", "编剧"),
    # a post alone, however it opens, is itself
    ("副总经理", "副总经理"),
    ("财务副总监", "财务副总监"),
    ("执行总指挥长", "执行总指挥长"),
    ("杂志副主编", "杂志副主编"),   # a body with no name of its own
    # party and government titles stay whole
    ("区人大常委会主任", "区人大常委会主任"),
    ("县委办公室主任", "县委办公室主任"),
    ("某某省副省长", "某某省副省长"),                 # a government post
    ("区水利智慧天眼项目负责人", "区水利智慧天眼项目负责人"),   # a level opens it
    ("某某新区党工委书记", "某某新区党工委书记"),
    ("国务院新闻办处长", "国务院新闻办处长"),
    ("行政院长", "行政院长"),
    ("某某县档案馆馆长", "某某县档案馆馆长"),   # a level of government in the body
    # a place or a word of government that only names a business or an institution written after it
    ("某某村镇银行行长", "行长"),
    ("某某乡村振兴基金会理事长", "理事长"),
    ("中央财经大学教授", "教授"),
    ("某某科技公司创办人", "创办人"),
    ("某某银行办公室主任", "主任"),
    ("某某公司市场总监", "市场总监"),   # 市 of 市场 is no city
    ("东岭女排队长", "队长"),   # a team's captain and centre: the post alone, as Sina sports news labels it
    ("江海队中锋", "中锋"),
    ("", ""),
    # heads of state, ministers and officers are written whole with their country
    ("某国总统", "某国总统"),
    ("某国海军南部司令部参谋长", "某国海军南部司令部参谋长"),
])
def test_post_alone(title, post):
    assert post_alone(title, lexicon()) == post


def test_titles_hold_what_is_written_and_posts_one_post_a_title():
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题",
                         body="会上，青禾乐居总经理韦嘉明、县委办公室主任彭思远出席。")
    found = {p.name: (p.titles, p.posts) for p in extract_people(ctx)}
    assert found["韦嘉明"] == (["青禾乐居总经理"], ["总经理"])
    assert found["彭思远"] == (["县委办公室主任"], ["县委办公室主任"])


def test_a_name_with_a_function_word_glued_on_is_the_name_read_elsewhere():
    # jieba's person word 陈浩带 and the model's 陈浩 at one start: the model's boundary stands
    assert set(people("陈浩带着记者参观了车间。")) == {"陈浩"}
    # the model itself reads 陈浩给 once, 陈浩 elsewhere in the article: one person
    assert set(people("陈浩带着记者参观了车间。陈浩给孩子们上了一堂课。")) == {"陈浩"}


def test_unglue_names_keeps_names_that_end_in_a_function_character_alone():
    found = Found()
    found.add("陈浩给", ["讲师"], "model")
    found.add("陈浩", [], "model")
    found.add("丁向", [], "nr")      # no 丁 found alone: 向 stays in the name
    unglue_names("陈浩给孩子们上课，陈浩说。丁向主持。", found)
    assert dict(found.titles) == {"陈浩": ["讲师"], "丁向": []}
    # an item of a list is a person of its own
    found = Found()
    found.add("李国向", [], "model")
    found.add("李国", [], "model")
    unglue_names("李国向、李国等同志获评优秀党员。", found)
    assert set(found.titles) == {"李国向", "李国"}


@pytest.mark.parametrize("sentence, name, titles", [
    ("教授、博士生导师韦德华作报告。", "韦德华", ["教授", "博士生导师"]),
    ("恒达集团高级经济师庞立群介绍了情况。", "庞立群", ["恒达集团高级经济师"]),
    ("志愿者庾晓燕每周都到敬老院帮忙。", "庾晓燕", ["志愿者"]),
    ("法官助理闵思佳向当事人释法明理。", "闵思佳", ["法官助理"]),
    ("第二检察部检察官助理佟小川作交流发言。", "佟小川", ["第二检察部检察官助理"]),
])
def test_professional_ranks_volunteers_and_court_staff_are_titles(sentence, name, titles):
    assert people(sentence)[name] == titles


def test_he_and_before_a_title_is_no_part_of_it():
    # "他和驻村工作队队员甲": 和 joins the pronoun to the person, it opens no title
    found = people("去年驻村以来，他和驻村工作队队员苗春生、迟丽君挨家挨户走访。")
    assert found["苗春生"] == ["驻村工作队队员"]
    assert people("她与镇党委书记荆长河一起走访了贫困户。")["荆长河"] == ["镇党委书记"]


def test_a_committee_member_named_by_field_and_a_title_after_shou():
    assert people("镇党委委员、组织委员邰少峰宣读了考核办法。")["邰少峰"] == ["镇党委委员", "组织委员"]
    # 受…委托: 受 opens the clause, it is no part of the title
    assert people("受区委书记蔺承远委托，区委副书记卜永华督导检查安全生产工作。")["蔺承远"] == ["区委书记"]


@pytest.mark.parametrize("sentence, name", [
    ("上官秀英说，村里变化很大。", "上官秀英"),
    ("欧阳明辉说，村里变化很大。", "欧阳明辉"),
    ("公孙明德说，这片茶园是祖上传下来的。", "公孙明德"),
    ("欧阳明说，村里变化很大。", "欧阳明"),
    ("县长孙建国主持会议。", "孙建国"),   # 长孙 is a surname, but here 长 ends the title
])
def test_names_with_a_two_character_surname_are_read_whole(sentence, name):
    assert list(people(sentence)) == [name]


def test_a_character_before_punctuation_after_a_compound_surname_name_may_be_a_word_s():
    assert list(people("走进欧阳明家，屋里干净整洁。")) == ["欧阳明"]


def test_a_word_or_a_place_s_name_is_a_person_s_right_after_a_title():
    assert people("县长江山主持会议。") == {"江山": ["县长"]}
    assert people("浙江省江山市召开会议。") == {}


def test_a_name_only_the_model_reads_in_a_titled_list_shares_the_list_s_title():
    assert people("县政协委员邬晓峰、隗德华先后发言。") == {"邬晓峰": ["县政协委员"], "隗德华": ["县政协委员"]}
    # not a post one person holds
    assert people("县委书记韩立峰、乜玉林等一同植树。")["乜玉林"] == []
    # a title written after the name before the 、 is that name's own
    assert people("邬晓峰委员、隗德华先后发言。").get("隗德华", []) == []


@pytest.mark.parametrize("sentence, expected", [
    ("县长李志明任组长，副县长王雪芳参加。", {"李志明": ["县长", "组长"], "王雪芳": ["副县长"]}),
    ("县长李志明任主任，副县长王雪芳、张立新参加。", {"李志明": ["县长", "主任"], "王雪芳": ["副县长"], "张立新": ["副县长"]}),
    # a chain across a comma that holds titles only still joins
    ("区委副书记、区长常晓勇，区人大常委会主任潘文峰出席。", {"常晓勇": ["区委副书记", "区长"], "潘文峰": ["区人大常委会主任"]}),
])
def test_another_person_s_clause_before_a_comma_is_no_title(sentence, expected):
    assert people(sentence) == expected


def test_a_chain_joined_by_a_list_mark_after_a_visit_verb_keeps_its_first_title():
    # the run before 、 holds the host's name, but 会见 leads the guest's title after it
    found = people("县委书记杨胜芳会见浙江省宁海湾县委副书记、县长胡立新率领的考察团一行。")
    assert found["胡立新"] == ["浙江省宁海湾县委副书记", "县长"]
    assert found["杨胜芳"] == ["县委书记"]


def test_a_chief_editor_is_a_post_not_a_byline():
    assert people("县融媒体中心主任、总编辑王建国介绍了情况。") == {"王建国": ["县融媒体中心主任", "总编辑"]}


def test_a_title_s_aside_inside_a_chain_and_honours_before_posts():
    assert people("县委副书记（正县级）、政法委书记李志明主持。") == {"李志明": ["县委副书记", "政法委书记"]}
    assert people("全国劳动模范、村党支部书记王建明带领村民发展产业。") == {"王建明": ["全国劳动模范", "村党支部书记"]}


def test_a_list_before_an_election_verb_shares_the_post():
    assert people("乔立群、蔺海波当选为县人大常委会副主任。") == {
        "乔立群": ["县人大常委会副主任"], "蔺海波": ["县人大常委会副主任"]}
    # 为 alone after a list is a preposition as often: the post stays the last name's
    assert people("决定乔立群、蔺海波为县教育局副局长。").get("乔立群", []) == []


def test_a_name_jieba_alone_reads_in_a_titled_list_the_model_opens_stands():
    # the model reads the Yi name opening the list, jieba alone the rare surname's (杞)
    assert people("县委常委阿卓兰、李学明、罗正华、杞云峰、施永平出席会议。")["杞云峰"] == ["县委常委"]


def test_posts_shared_out_in_order_among_a_list():
    assert people("李志明、王雪芳分别任组长、副组长。") == {"李志明": ["组长"], "王雪芳": ["副组长"]}
    # counts that do not match give no one a post
    assert people("李志明、王雪芳分别任组长、副组长、秘书长。") == {"李志明": [], "王雪芳": []}


def test_a_title_shared_along_a_list_of_three_reaches_the_third():
    assert people("村党支部书记韩晓梅、邹玉林、蒋欣然等参加培训。") == {
        "韩晓梅": ["村党支部书记"], "邹玉林": ["村党支部书记"], "蒋欣然": ["村党支部书记"]}


@pytest.mark.parametrize("body, titles", [
    ("县委副书记、县长兼县开发区党工委书记甄立锋出席。", ["县委副书记", "县长", "县开发区党工委书记"]),
    ("县政法委书记兼县公安局局长甄立锋出席。", ["县政法委书记", "县公安局局长"]),
    ("该校兼职教授甄立锋表示。", ["兼职教授"]),   # 兼职 is one word
    ("常务副市长兼市财政局局长甄立锋出席。", ["常务副市长", "市财政局局长"]),   # jieba: 兼市/v 财政局/nt
])
def test_posts_joined_by_jian_are_two_titles(body, titles):
    assert people(body)["甄立锋"] == titles


@pytest.mark.parametrize("body, name", [
    ("县委书记骆秋石到白鹭乡调研。", "骆秋石"),   # jieba guesses 石到 as a word
    ("县委书记詹慕白到城关镇调研。", "詹慕白"),
    ("县委书记李才接到通知。", "李才"),          # 接到 is a word: 李才 + 接到
])
def test_a_name_glued_to_dao_by_jiebas_guess_keeps_its_last_character(body, name):
    assert list(people(body)) == [name]


def test_a_compound_surname_jieba_reads_as_an_adverb_starts_a_name():
    # jieba: 单于/d 飞/n
    assert people("县委书记单于飞、县长单晓光一同调研。") == {"单于飞": ["县委书记"], "单晓光": ["县长"]}


def test_lai_before_a_verb_jieba_glued_to_a_name_is_no_part_of_it():
    # jieba: 唐军来/nr 调研/vn; the model reads 唐军
    assert people("县委书记唐军来调研。") == {"唐军": ["县委书记"]}
    assert people("县长王来福主持会议。") == {"王来福": ["县长"]}


def test_who_is_summoned_for_a_talk_keeps_the_title_without_the_verb():
    assert people("县纪委召开约谈会，约谈石桥镇党委书记桑丽娟。") == {"桑丽娟": ["石桥镇党委书记"]}


def test_a_name_only_the_model_reads_in_the_headline_alone_is_no_person():
    assert people("7月5日，龙潭乡中心小学开展送教活动。", title="山村里的“流动课堂”") == {}
    # named again below the headline, it stays
    assert "骆秋石" in people("骆秋石在村里教了三十年书。", title="骆秋石：山村教师三十年")


def test_a_name_ends_before_a_ceremony_s_speech_jieba_glues_to_it():
    # jieba: 彭远/nr 舟致/v 开幕辞; 致开幕辞 follows names
    assert people("县长彭远舟致开幕辞。") == {"彭远舟": ["县长"]}
    assert people("县委书记常振邦致欢迎辞。") == {"常振邦": ["县委书记"]}


def test_dai_names_open_with_yan():
    assert people("县长岩光明主持召开县政府常务会议。") == {"岩光明": ["县长"]}
    assert people("喀斯特岩溶地貌分布广泛，岩石裸露。") == {}


def test_speaking_of_someone_is_no_part_of_their_title():
    assert people("在大山深处的岩门村，提起村党支部书记田永强，村民们都竖起大拇指。") == {"田永强": ["村党支部书记"]}


def test_produce_shaped_like_a_name_is_no_person_but_a_titled_namesake_is():
    assert people("6月17日，高椅乡的杨梅种植基地里游人如织。", title="杨梅红了") == {}
    assert people("县长杨梅出席会议。") == {"杨梅": ["县长"]}


def test_a_group_set_off_by_commas_after_a_name_is_not_its_title():
    assert people("陪同调研的有：李国强，县直有关部门负责人。") == {"李国强": []}


def test_the_dai_surname_dao_opens_a_name_after_an_aside():
    assert people("县政协副主席（正县级）刀海明一同参加。")["刀海明"] == ["县政协副主席"]


def test_amdo_spellings_of_tibetan_names_are_one_name_after_a_title():
    assert people("县委副书记、县长降央普琼出席会议。")["降央普琼"] == ["县委副书记", "县长"]
    assert people("景区负责人尕藏东主介绍了情况。")["尕藏东主"] == ["景区负责人"]


def test_a_patrol_post_is_a_title():
    assert people("护河员潘立春每天沿河巡查。")["潘立春"] == ["护河员"]


def test_groups_joined_by_a_conjunction_before_a_comma_are_no_title():
    got = people("县长苗德文到石门镇慰问困难群众和老党员，副县长蔚丽君陪同。")
    assert got["蔚丽君"] == ["副县长"]


@pytest.mark.parametrize("title", ["县文化和旅游局负责人", "县人力资源和社会保障局负责人", "县自然资源和规划局负责人",
                                   "县工业和信息化局党组成员", "县住房和城乡建设局党组成员"])
def test_a_conjunction_inside_a_body_s_name_keeps_the_weak_title(title):
    # 和 joins the fields of one body (文化和旅游局), not groups of people
    assert people(f"{title}骆秋石介绍了有关情况。")["骆秋石"] == [title]


def test_a_short_quoted_word_after_a_unit_s_level_stays_in_the_title():
    got = people("县委组织部副部长、县“两新”工委书记邰文杰表示，")
    assert got["邰文杰"] == ["县委组织部副部长", "县“两新”工委书记"]
    assert people("市“三农”办主任骆秋石出席。")["骆秋石"] == ["市“三农”办主任"]


def test_a_quoted_honour_before_a_title_stays_out_of_it():
    # no unit's word follows the quotes: "十佳" is an honour the clause gives, not part of a unit's name
    assert people("荣获县“十佳”村党支部书记骆秋石介绍了经验。")["骆秋石"] == ["村党支部书记"]


def test_a_name_before_a_village_s_division_word_is_the_village():
    assert "乌兰" not in people("在乌兰嘎查，旗长敖其尔走进农户家中。")


def test_a_speech_given_with_zuo_ends_the_name_jieba_glued_it_to():
    # jieba reads 军作 as one word in "县长甲立军作政府工作安排"
    assert people("县委副书记、县长战立刚作政府工作安排。")["战立刚"] == ["县委副书记", "县长"]


def test_a_surname_with_a_villager_s_form_of_address_is_no_name():
    assert "韩大伯" not in people("村民韩大伯把自家老房子租给公司，每年能拿到两万元租金。")


def test_xiang_and_ying_after_a_title_open_a_name_before_a_verb():
    # jieba reads 向 as a preposition and 应 as a modal verb
    assert people("镇长覃晓岚、副镇长向兴发一同参加。")["向兴发"] == ["副镇长"]
    assert people("局党组书记、局长应国泰带队参加活动。")["应国泰"] == ["局党组书记", "局长"]
    assert people("县长向记者介绍了情况。副县长向大家表示感谢。") == {}


@pytest.mark.parametrize("text", ["县长向上级汇报了工作。", "县长向下级传达了精神。", "县长向获奖代表颁奖。"])
def test_xiang_before_a_direction_or_a_non_name_word_is_a_preposition(text):
    # 上级, 下级 (jieba: b) and 获奖 (v) are whom the leader turns to, no given name
    assert people(text) == {}


def test_a_county_s_name_over_its_news_column_is_no_person():
    ctx = ArticleContext(article_id="a", doc_id="d", title="县长柴向东主持召开县政府常务会议", kicker="罗田新闻简报",
                         body="10月10日，县长柴向东主持召开县政府常务会议。")
    assert [p.name for p in extract_people(ctx)] == ["柴向东"]


def test_a_yi_given_name_opening_with_ri_after_a_clan_name_is_one_name():
    assert people("县文广旅局局长曲比日岚汇报了筹备情况。")["曲比日岚"] == ["县文广旅局局长"]


def test_a_time_word_opening_with_ri_after_a_yi_clan_name_is_no_given_name():
    # 日前, 日常 are adverbs after the name, not its given name
    assert people("副县长马海日前到石桥镇调研。")["马海"] == ["副县长"]
    assert people("县委书记沙马日前主持召开会议。")["沙马"] == ["县委书记"]
    assert "沙马日常" not in people("县委书记沙马日常深入基层走访。")


def test_xuan_a_guangxi_surname_opens_a_name():
    assert people("副镇长禤霁川出席会议。")["禤霁川"] == ["副镇长"]


def test_a_place_whose_first_character_jieba_splits_off_keeps_it_in_the_title():
    # jieba's 润/v 城镇/ns: 润 opens the place, it is no verb leading the title
    assert people("会上，润城镇中心学校校长郜振海汇报了学校基本情况。")["郜振海"] == ["润城镇中心学校校长"]


def test_yun_a_rare_surname_of_court_news_opens_a_name():
    assert people("执行局局长贠建军带领干警开展集中执行。")["贠建军"] == ["执行局局长"]


def test_xianchang_after_a_name_is_what_a_leader_does_in_person():
    # jieba glues 人宋 and reads 黄芩 as a person word: the follower decides where the name ends
    assert people("代表性传承人宋黄芩现场展示了技艺。")["宋黄芩"] == ["代表性传承人"]


def test_a_title_and_its_colon_before_a_list_of_names_go_to_each():
    got = people("县委理论学习中心组成员：邰红霞、满德林、豆振川同志参加学习。")
    assert got == {n: ["县委理论学习中心组成员"] for n in ("邰红霞", "满德林", "豆振川")}


def test_the_generation_before_a_title_is_no_part_of_it():
    assert people("90后大学生村官邝佳怡组织村民开展直播带货。")["邝佳怡"] == ["大学生村官"]
    assert people("后勤部部长谌刚出席。")["谌刚"] == ["后勤部部长"]
    assert people("2023年度全县优秀共产党员邝春生作典型发言。")["邝春生"] == ["全县优秀共产党员"]


def test_an_age_group_inside_a_unit_s_name_stays_in_the_title():
    # jieba tags 青年 and 老年 as time words, which otherwise end the lead before a title
    assert people("县青年突击队队长韦立山介绍了情况。")["韦立山"] == ["县青年突击队队长"]
    assert people("村老年协会会长柯明远出席。")["柯明远"] == ["村老年协会会长"]
    assert people("青年时代的韦立山当过兵。")["韦立山"] == []


def test_villagers_farmers_and_workers_are_titled_by_what_the_report_calls_them():
    assert people("村民麻秀英说，她家种了6亩猕猴桃。")["麻秀英"] == ["村民"]
    assert people("图为茶农郑丽琴在茶园里采茶。")["郑丽琴"] == ["茶农"]
    assert people("由种植大户波罕章带头，统一收购。")["波罕章"] == ["种植大户"]
    assert people("一线工人钟红艳已在公司工作了12年。")["钟红艳"] == ["一线工人"]
    assert people("人民陪审员鲁秀英参加庭审。")["鲁秀英"] == ["人民陪审员"]
    assert people("草原管护员刘丽梅介绍了情况。")["刘丽梅"] == ["草原管护员"]


def test_a_visit_verb_before_a_villager_s_title_is_no_part_of_it():
    got = people("在翁达镇，县长宋德明走进脱贫户降央多吉家中，详细询问生活情况。")
    assert got["降央多吉"] == ["脱贫户"]


def test_kham_spellings_of_tibetan_names_are_one_name_after_a_title():
    assert people("翁达镇党委书记四郎降措参加活动。")["四郎降措"] == ["翁达镇党委书记"]


def test_a_mongolian_name_of_one_part_and_the_verbs_of_features_after_it():
    assert people("哈拉图镇镇长朝鲁门作交流发言。")["朝鲁门"] == ["哈拉图镇镇长"]
    assert people("牧民代表、家庭牧场主那顺乌力吉分享了经验。")["那顺乌力吉"] == ["牧民代表", "家庭牧场主"]


def test_a_conjunction_before_a_unit_s_level_is_no_part_of_the_title():
    got = people("庭长竺立军通过线上方式，和村调解员俞金花一起化解了纠纷。")
    assert got["俞金花"] == ["村调解员"]
    assert people("县文化和旅游局局长宋立军出席。")["宋立军"] == ["县文化和旅游局局长"]


def test_a_mongolian_name_of_one_three_character_part_stands_before_a_conjunction():
    from tasks.extract.lexicon import lexicon
    from tasks.extract.names import minority_name_at
    s = "副旗长其其格和旗长巴特尔出席。"
    assert minority_name_at(s, 3, lexicon(), {}) == "其其格"
    assert minority_name_at("副旗长乌云和…", 3, lexicon(), {}) is None   # one two-character part needs more


def test_a_minority_name_jieba_glues_to_the_title_before_it_is_found():
    # jieba reads 旗长格 as one word: the Mongolian parts after the title still make the name
    assert people("旗委副书记、旗长格日勒图致辞。")["格日勒图"] == ["旗委副书记", "旗长"]


def test_an_amdo_part_and_a_verb_of_explaining_close_a_tibetan_name():
    assert people("县林草局副局长更尕才让讲解了法律法规。")["更尕才让"] == ["县林草局副局长"]
    assert people("吉木拉则与种植户曲比阿果交流。")["曲比阿果"] == ["种植户"]
    assert people("车间工人胡晓芬在公司干了10年。")["胡晓芬"] == ["车间工人"]


def test_a_place_s_end_jieba_reads_as_a_pronoun_with_its_level_stays_in_the_title():
    # jieba: 巴格/nrt 其镇/r; 其 leads titles elsewhere ("其县长…"), not where a place's first part stands before it
    assert people("巴格其镇党委书记王强参加调研。") == {"王强": ["巴格其镇党委书记"]}


def test_a_lead_jieba_glues_to_the_unit_after_it_is_no_part_of_the_title():
    got = people("庭审由民二庭庭长林立华担任审判长。")
    assert got["林立华"][0] == "民二庭庭长"


def test_a_retired_cadre_is_titled_so():
    assert people("和他一起的还有退休干部黄锦明、退休医生蔡丽英。")["黄锦明"] == ["退休干部"]


def test_a_student_named_with_the_school_or_grade_is_titled_so():
    assert people("女子跳高冠军：泗水乡中心校学生粟丽芳。")["粟丽芳"] == ["泗水乡中心校学生"]
    assert people("其中他的一位学生钱立强成为教练。").get("钱立强", []) == []


def test_a_title_its_colon_and_one_name_on_a_line_of_their_own_are_that_name_s():
    got = people("县长：邹立涛\n领导县政府全面工作。\n副县长（挂职）：付明晖\n协助分管招商引资工作。")
    assert got == {"邹立涛": ["县长"], "付明晖": ["副县长"]}


def test_a_mongolian_name_jieba_reads_as_a_common_word_is_still_a_name_after_a_title():
    # jieba tags 其其格 a conjunction (其/c): the name parts after the title make it a name
    got = people("宝日镇党委书记其其格、哈拉图镇镇长朝鲁门作交流发言。")
    assert got["其其格"] == ["宝日镇党委书记"]


def test_an_amdo_name_of_one_part_closed_by_punctuation_after_a_title():
    assert people("与草原管护员更登、李明交谈。")["更登"] == ["草原管护员"]
    # or by a verb of saying ("乡长降措介绍")
    assert people("卡拉乡乡长降措介绍了隐患点监测情况。") == {"降措": ["卡拉乡乡长"]}


def test_a_hui_surname_that_opens_common_words_is_read_only_after_a_title():
    assert people("村民纳海军说，公司保底收购。")["纳海军"] == ["村民"]
    assert people("大庄村党支部书记妥建林介绍了情况。")["妥建林"] == ["大庄村党支部书记"]
    assert people("县委副书记、县长公立华主持会议。")["公立华"] == ["县委副书记", "县长"]
    assert people("要妥善处理信访问题，纳入考核。局长妥善处理了此事。董事长公开表示，县长区域调研。") == {}
    assert "区政协" not in people("区人大常委会主任孙立新、区政协主席徐美玲出席。")
    # the Bai and Yi surname 自, in a list after a title too
    assert people("县人大常委会副主任杨丽琼、自绍林，党组成员何文才出席。")["自绍林"] == ["县人大常委会副主任"]
    assert people("他自小喜欢画画。县长自豪地说，县委书记自觉带头。") == {}


def test_the_surname_bian_that_jieba_reads_as_an_adverb_opens_a_titled_name():
    # jieba: 边/d 立新/d
    assert people("县委书记边立新主持并讲话。")["边立新"] == ["县委书记"]
    assert people("县长边看边问。副县长边学习边实践。县委书记边听取汇报边作记录。") == {}


def test_a_surname_jieba_guesses_into_one_adverb_with_the_given_name_opens_a_titled_name():
    # jieba guesses 那永刚/d, no word of its dictionary: right after a title it is the name, no lead word
    assert people("区长那永刚出席会议。") == {"那永刚": ["区长"]}
    assert people("县长那样做了。") == {}


def test_a_leader_s_charge_before_a_title_is_no_part_of_it():
    found = people("向国华叮嘱巡查员邝大明要加强巡逻，勉励驻村第一书记冉德平扎根基层。")
    assert found["邝大明"] == ["巡查员"] and found["冉德平"] == ["驻村第一书记"]


def test_a_guest_invited_to_lecture_has_the_title_after_teyao():
    assert people("特邀省委党校教授郝立民作专题辅导。")["郝立民"] == ["省委党校教授"]


def test_a_pasture_villages_posts_of_inner_mongolia_are_titles():
    # jieba: 嘎/o 查长/v; 嘎查长 is the head of a 嘎查 (a village)
    assert people("嘎查党支部书记、嘎查长乌力吉介绍了情况。")["乌力吉"] == ["嘎查党支部书记", "嘎查长"]
    assert people("宝力格嘎查长期以来发展畜牧业。") == {}


def test_a_title_after_a_report_listed_with_he_opens_after_he():
    # jieba: 汇报/nz 和县/ns
    got = people("会议听取了县发改局局长李立军关于经济运行情况的汇报和县农业农村局局长唐立燕关于春耕的汇报。")
    assert got["唐立燕"] == ["县农业农村局局长"]
    assert people("据和县农业农村局局长唐立燕介绍，今年春耕顺利。")["唐立燕"] == ["和县农业农村局局长"]
    got = people("会议听取了区发改委主任韩立波关于投资的汇报和区农业农村委主任姚秀娟关于春耕的汇报。")
    assert got["姚秀娟"] == ["区农业农村委主任"]


def test_a_relayed_speech_leaves_its_verbs_and_what_came_before_out_of_the_title():
    # jieba: 传达/v 学习/v 市委书记/n; …全会精神/n 和/c 市委书记/n; …的/uj 批示/v 和/c 省长/n
    assert people("会议传达学习市委书记白立丁在全市优化营商环境大会上的讲话精神。")["白立丁"] == ["市委书记"]
    assert people("会议学习贯彻县委书记罗永丙讲话精神。")["罗永丙"] == ["县委书记"]
    assert people("会议传达市委书记罗永丙的讲话精神。")["罗永丙"] == ["市委书记"]
    got = people("会议传达学习了省委十一届九次全会精神和市委书记梁庆辛在全市推进会上的讲话精神。")
    assert got["梁庆辛"] == ["市委书记"]
    got = people("会议传达了省委书记丁志远的批示和省长姜立丙的讲话精神。")
    assert got["姜立丙"] == ["省长"]
    # a 精神 of a body's name, and a 和 inside one, stay in the title
    assert people("县精神卫生中心主任姜立丙出席。")["姜立丙"] == ["县精神卫生中心主任"]
    assert people("市发展和改革委员会主任钱立丁出席。")["钱立丁"] == ["市发展和改革委员会主任"]
    # adverbs may stand between the meeting, or the clause's start, and the verb
    assert people("会议认真传达学习市委书记黄立胜在全市大会上的讲话精神。")["黄立胜"] == ["市委书记"]
    assert people("县政府党组召开会议，集中传达学习省委书记梁立平的讲话精神。")["梁立平"] == ["省委书记"]
    # the verbs inside a body's name stay in the title: only a meeting relays
    got = people("县委学习贯彻习近平新时代中国特色社会主义思想主题教育第一巡回指导组组长钱立丁出席会议。")
    assert got["钱立丁"] == ["县委学习贯彻习近平新时代中国特色社会主义思想主题教育第一巡回指导组组长"]


def test_a_profiles_deck_after_a_dash_opens_the_title_after_ji():
    # jieba: 记青坪村/ns, 记雷岗县/n
    assert people("——记青坪村党支部书记吴立荣")["吴立荣"] == ["青坪村党支部书记"]
    assert people("——记雷岗县青坪村党支部书记吴立荣")["吴立荣"] == ["雷岗县青坪村党支部书记"]


def test_a_titled_name_whose_surname_and_next_character_jieba_reads_as_a_time_word():
    # jieba: 古汉/t 标/n
    assert people("县政协主席古汉标列席会议。")["古汉标"] == ["县政协主席"]
    assert people("县长明天出席会议。副县长年初到任。县委书记古代史讲得好。") == {}


def test_a_three_character_word_jieba_only_guesses_after_a_title_is_a_name():
    # jieba's HMM reads 农国强 as one organisation word (nt) that its dictionary does not hold
    found = people("县委书记农国强出席会议并讲话，县政协主席仉红兵主持会议。")
    assert found["农国强"] == ["县委书记"]
    assert found["仉红兵"] == ["县政协主席"]


def test_a_joining_word_jieba_glued_to_the_name_s_last_character_ends_the_name():
    # 谷国/ns 强及/c: the name is 谷国强, 及 joins the next title
    found = people("县委副书记谷国强及县委常委出席会议。")
    assert "谷国强" in found and "谷国" not in found


def test_a_dai_name_after_a_title_stands_where_jieba_reads_a_word():
    # 岩块/n and 岩应/v are jieba's words; after a title and before a verb or punctuation they are Dai names
    found = people("县长岩块在会上要求，副县长岩应、副县长岩罕温参加会议。")
    assert found["岩块"] == ["县长"]
    assert found["岩应"] == ["副县长"]
    assert "岩石" not in people("局长岩石般坚定地说。")


def test_a_bare_name_before_a_farm_s_word_names_the_farm():
    # jieba tags 司马光 a person; before 油茶园 it is the farm's brand
    assert "司马光" not in people("示范户家中种植的司马光油茶园成为示范。")
    assert "欧阳明" not in people("他介绍说，欧阳明家庭农场今年增收不少。")


def test_a_given_name_may_end_in_he_before_a_verb_of_the_clause():
    # 覃志/nr 和/c: 和 before 主持 or 应邀 ends the name; before 出席会议的 it joins a second party
    found = people("副县长覃志和主持会议，县委常委、统战部部长逄志和应邀到会。")
    assert found["覃志和"] == ["副县长"]
    assert found["逄志和"] == ["县委常委", "统战部部长"]
    assert "甄立" in people("县长甄立和出席会议的代表合影留念。")
    # nor before any verb whose clause goes on to a 的: 和 joins a second party there too
    for text, name in (("县长韦刚和作报告的专家进行了交流。", "韦刚"), ("县委书记祁强和介绍经验的村干部座谈。", "祁强"),
                       ("副县长覃伟和带队检查的同志一起查看了现场。", "覃伟"), ("县长蓝明和讲话的代表握手。", "蓝明")):
        found = people(text)
        assert name in found and name + "和" not in found, text


def test_rare_surnames_that_make_no_word_open_names():
    found = people("副县长禄文芳、庹德明，县人大常委会主任郇德和、县政协主席阚立新出席。")
    assert {"禄文芳", "庹德明", "郇德和"} <= set(found)


def test_a_surname_jieba_reads_as_a_preposition_opens_a_list_of_names():
    # 向/p 红兵/n: a noun after 向, then 、 and a surname, is the first name of a list
    found = people("副县长向红兵、田国强、覃明出席会议。")
    assert found["向红兵"] == found["田国强"] == found["覃明"] == ["副县长"]
    assert "向群众" not in people("县长向群众、企业家宣讲政策。")
    # whom a leader turns to, listed: no name however surname-like the next item opens
    for text in ("县委书记向农户、商户了解情况。", "副县长向群众、干部宣讲政策。", "县长向企业、高校发出邀请。"):
        assert not any(name.startswith("向") for name in people(text)), text


def test_a_name_after_a_joining_word_that_opens_a_list_joins_the_titled_name():
    # 仇/n 建平/n: no person tag, but a name shape closed by 、 after 及
    found = people("县政协副主席任国强及仇建平、宓海东出席会议。")
    assert found["仇建平"] == found["宓海东"] == ["县政协副主席"]


def test_a_given_name_may_end_in_he_before_attending_with_no_de_in_the_clause():
    # 出席会议。: the name's verb; 出席会议的代表: the second party 和 joins
    assert "阙明和" in people("副县长阙明和出席会议。")
    assert "晏立" in people("县长晏立和出席会议的代表合影留念。")


def test_a_title_starts_after_a_joining_word_jieba_glued_to_the_name_before_it():
    # 龙德及/nr: the title of 麻振东 starts after 及
    found = people("县领导莫秋兰、龙德及县人武部部长麻振东参加会议。")
    assert found["麻振东"] == ["县人武部部长"]


def test_a_leaders_list_opener_jieba_glued_to_the_first_surname():
    # 有盖/v 文清/nr: the list after 县领导有 opens with 盖文清, not 文清
    found = people("出席会议的县领导有盖文清、仝卫东。")
    assert found["盖文清"] == found["仝卫东"] == ["县领导"]
    assert "文清" not in found


def test_a_minority_name_jieba_reads_as_one_word_is_an_item_of_a_titled_list():
    # jieba reads the Tibetan parts 完玛才旦 as one common word: the list's item is a name all the same
    found = people("市委常委扎西卓玛、李国栋、完玛才旦出席会议。")
    assert found["完玛才旦"] == ["市委常委"] and found["李国栋"] == ["市委常委"]


def test_an_amdo_name_of_one_tibetan_part_and_its_ending_after_a_title():
    found = people("副县长拉毛草列席会议，县委副书记才让草、副县长卓玛草出席。")
    assert found["拉毛草"] == ["副县长"]
    assert found["才让草"] == ["县委副书记"]
    # 太 closes a man's ("县委书记才让太、…")
    assert people("县委书记才让太、县长索南多杰出席。") == {"才让太": ["县委书记"], "索南多杰": ["县长"]}
    assert people("副县长多杰太陪同调研。") == {"多杰太": ["副县长"]}
    assert people("市委书记才让太调研乡村振兴工作。") == {"才让太": ["市委书记"]}
    # ... but 太 is the adverb "too" before what is no remark nor role of a leader
    assert people("乡党委书记多杰太了解情况了。") == {"多杰": ["乡党委书记"]}
    assert "才让太" not in people("村主任才让太高兴了。")


def test_a_count_before_a_common_title_is_no_part_of_it():
    assert people("一位搬迁户杨秀兰在车间务工。") == {"杨秀兰": ["搬迁户"]}
    assert people("另一名村民马小河说，日子好了。") == {"马小河": ["村民"]}


def test_names_listed_after_a_titled_name_share_its_title_whichever_rule_read_them():
    # the list rule reads the first (况/c), jieba's tag the last (丙围绕)
    got = people("县领导况小兵、邹建新、肖海燕参加会议。")
    assert got == {"况小兵": ["县领导"], "邹建新": ["县领导"], "肖海燕": ["县领导"]}
    got = people("县政协常委莫德贵、韦小燕、潘立华围绕林下经济作了发言。")
    assert got["潘立华"] == ["县政协常委"]


def test_the_compound_surname_xianyu():
    assert people("区商务委主任鲜于明远作了补充发言。") == {"鲜于明远": ["区商务委主任"]}


def test_the_surname_ji_is_read_right_after_a_title_but_not_tuo():
    assert people("秘书长籍立新出席会议。") == {"籍立新": ["秘书长"]}
    assert people("县长籍贯山西，曾任副县长。") == {}
    # 拓 after a village's titles opens verbs far more often than it names someone
    assert people("村党支部书记拓销路、找市场。") == {}


def test_a_common_word_and_the_next_character_are_no_name():
    # 班子 is a common word (people_stop.txt); 班 a surname: "班子作" is the body acting, not a person
    assert people("会上，县委书记骆秋石代表县委常委班子作对照检查。") == {"骆秋石": ["县委书记"]}
    # ... but a compound surname that is a word too opens a name (东方, people_stop.txt)
    assert people("在新兴社区，县委副书记骆秋石来到困难党员东方国柱家中。") == {"骆秋石": ["县委副书记"], "东方国柱": ["困难党员"]}
    # ... and a verb of speaking after the three characters makes them a name ("成功|达" said something)
    assert people("“日子越过越好了。”村民成功达说。") == {"成功达": ["村民"]}
    assert people("村民明天亮说：“游客多了，生意也好了。”") == {"明天亮": ["村民"]}


def test_a_community_resident_is_written_like_a_villager():
    assert people("社区居民骆秋芳说，党委政府时时刻刻想着老百姓。")["骆秋芳"] == ["社区居民"]


def test_veterans_are_written_like_villagers():
    assert people("在东王庄村，县委书记骆秋石来到抗美援朝老战士韦德胜家中。")["韦德胜"] == ["抗美援朝老战士"]
    assert people("县长吕嘉禾在看望退役军人甄卫国时说，要落实好优抚政策。")["甄卫国"] == ["退役军人"]


def test_the_page_s_county_without_its_suffix_is_no_person():
    ctx = ArticleContext(article_id="a", doc_id="d", title="袁源县召开县政府常务会议",
                         body="3月2日，袁源县召开县政府常务会议。县长韦光明主持会议。", region="袁源县")
    assert {p.name for p in extract_people(ctx)} == {"韦光明"}


@pytest.mark.parametrize("body, name", [
    ("区委副书记、区长于长海，区委副书记邵卫民出席。", "于长海"),
    ("县委副书记、县长向东方，县委常委、常务副县长逯长江参加学习。", "向东方"),
    ("县委副书记、县长于江川，县委副书记和平安，县委常委栾晓东出席会议。", "和平安"),
    ("副县长同建军、零国强陪同。", "同建军"),
    ("副县长同建军、零国强陪同。", "零国强"),
    ("县委副书记、县长字文昌出席会议并讲话。", "字文昌"),
    # the joiner's name alone, which the article writes again opening a clause
    ("县长同建军主持会议并讲话。同建军指出，要建立台账。", "同建军"),
])
def test_a_rare_surname_or_a_given_name_that_is_a_word_after_a_title(body, name):
    assert name in people(body)


@pytest.mark.parametrize("body", ["县长于会上强调，要抓好落实。", "县长向全县人民拜年。", "县长和群众交流。",
                                  "县长同大家一起劳动。", "县委书记同农户交流。", "县长于东城调研。",
                                  "县长同夫人出席晚宴。县长同代表交流。"])
def test_a_preposition_after_a_title_opens_no_name(body):
    assert people(body) == {}


@pytest.mark.parametrize("body, name", [
    ("区委书记会见了由日本某市副市长佐藤健二率领的访问团。", "佐藤健二"),
    ("访问团成员田中美和子、渡边宏明一同来访。", "田中美和子"),
    ("访问团成员田中美和子、渡边宏明一同来访。", "渡边宏明"),
    ("县长会见了某某株式会社社长铃木一郎、董事山本健太一行。", "山本健太"),
])
def test_a_japanese_name_after_a_title_is_read_whole(body, name):
    assert name in people(body)


def test_le_glued_to_a_unit_s_name_is_no_part_of_the_title():
    assert people("区长会见了蓉川新材料有限公司董事长邬建华。")["邬建华"] == ["蓉川新材料有限公司董事长"]


@pytest.mark.parametrize("body, name", [
    ("副区长那春生、仲玉兰、于东林出席会议。", "于东林"),
    ("出席：零建明、韦丽芳、黄志坚\n会议研究了为民办实事项目。", "零建明"),
])
def test_a_rare_surname_or_a_word_given_name_inside_a_list_of_names(body, name):
    assert name in people(body)


def test_a_joiner_after_a_title_before_a_name_jieba_reads_opens_no_name():
    found = people("国家主席和李明、王强出席会议。")
    assert "和李明" not in found


def test_a_given_name_that_is_a_time_word_after_a_modal_surname():
    assert people("局党组书记、局长应国庆带队检查。")["应国庆"] == ["局党组书记", "局长"]


def test_a_list_of_names_that_you_opens_and_zucheng_closes_holds_the_names_alone():
    # "…由甲、乙、丙组成": 由 is the clause's preposition and 组成 its verb, no part of the first or last name
    found = people("代表队由柯文远、谭一鸣、喻小雪、庞晓川、顾明组成，教练组由贺川、祁红组成。")
    assert {"柯文远", "谭一鸣", "喻小雪", "庞晓川", "顾明", "贺川", "祁红"} <= set(found)
    assert not any(n.startswith("由") or n.endswith("组成") for n in found)
    # jieba reads 由 and a two-character name as one person word (由林浩/nr)
    found = people("男队由林浩、马骁、陈一鸣、赵子墨、何川组成。")
    assert {"林浩", "马骁", "陈一鸣", "何川"} <= set(found) and "由林浩" not in found


@pytest.mark.parametrize("body, name, title", [
    ("制片人容晓峰透露，影片已入围多个电影节。", "容晓峰", "制片人"),
    ("据悉，公司首席运营官张雪峰表示，现金流同比增长。", "张雪峰", "公司首席运营官"),
    ("麻醉科主任医师蔡文静、体外循环科副主任技师冉冬共同参与。", "冉冬", "体外循环科副主任技师"),
    ("驻华大使馆公使衔参赞汉娜·施密特参加磋商。", "汉娜·施密特", "驻华大使馆公使衔参赞"),
    ("上半场，东岭队外援莱昂纳多·席尔瓦头球破门。", "莱昂纳多·席尔瓦", "东岭队外援"),
])
def test_posts_of_film_business_hospital_diplomacy_and_football_news_are_titles(body, name, title):
    assert people(body)[name] == [title]


def test_a_lead_word_that_opens_a_title_word_stays_in_the_title():
    # 联合 leads a clause ("联合市场监管局开展…"), but 联合创始人 is one post
    assert people("联合创始人单晓然表示，公司将拓展海外市场。")["单晓然"] == ["联合创始人"]


@pytest.mark.parametrize("body, name, title", [
    ("他的恩师、著名作曲家欧阳春晖登台献唱。", "欧阳春晖", "作曲家"),
    ("吉他手庞小凯也参与了录制。", "庞小凯", "吉他手"),
    ("知名解说员柯明评价称，新阵容值得期待。", "柯明", "解说员"),
    ("正在送餐的外卖骑手邝大勇立即跳入江中。", "邝大勇", "外卖骑手"),
    ("公司董秘鄢凡回复称，减持系个人资金需求。", "鄢凡", "公司董秘"),
    ("博士生韩晓雪、郑多多也在观测站做课题。", "郑多多", "博士生"),
])
def test_posts_of_music_games_delivery_finance_and_science_news_are_titles(body, name, title):
    assert people(body)[name] == [title]


def test_a_co_opted_or_by_elected_member_holds_the_post_he_is_added_to():
    # 增补 and 补选 appoint as 选举 does ("增补甲为县政协常委", "补选乙为县人大常委会副主任")
    found = people("会议选举滕振宇为县政协副主席，增补朴成浩为县政协常委，补选冷秋为县人大常委会委员。")
    assert found["朴成浩"] == ["县政协常委"] and found["冷秋"] == ["县人大常委会委员"]


def test_the_first_of_a_counted_group_elected_holds_the_post():
    # "选举甲等29人为常务委员": the count of the group stands between the name and 为
    found = people("会议选举林振华为政协第十届委员会主席，选举邵文光等29人为常务委员。")
    assert found["邵文光"] == ["常务委员"]


def test_a_name_before_xie_in_a_headline_ends_before_it():
    # "导演甲携主演亮相": 携 (bringing along) follows the name as 率 does
    assert "贾平" in people("导演贾平携主演亮相发布会") and "贾平携" not in people("导演贾平携主演亮相发布会")


def test_the_title_after_xie_starts_after_it():
    # 携 leads the title of whom the first name brings along, as 率 does ("导演甲携主演乙": 主演, not 导演甲携主演)
    found = people("导演韦正清携主演骆秋石、吕嘉禾亮相首映礼。")
    assert found["骆秋石"] == ["主演"] and found["韦正清"] == ["导演"]


def test_an_opera_jieba_tags_as_a_person_is_no_name():
    # jieba's 黄梅戏/nr: 戏 ends no name of three, as 会 and 证 do not
    assert "黄梅戏" not in people("学校开设了京剧、越剧、黄梅戏三个兴趣班，校长唐国华介绍了情况。")


@pytest.mark.parametrize("body, name, title", [
    ("江海队中锋马库斯因伤缺席了今天的比赛。", "马库斯", "江海队中锋"),
    ("活动总策划柯思远告诉记者，这次展会筹备了三年。", "柯思远", "活动总策划"),
    ("房地产经纪人单志强说，近期看房的人明显增多。", "单志强", "房地产经纪人"),
])
def test_posts_of_basketball_games_and_housing_news_are_titles(body, name, title):
    assert people(body)[name] == [title]


def test_planned_as_a_verb_before_a_comma_is_no_post():
    # 策划 is a verb as often as a post: only 总策划 is one
    found = people("今年的柑橘文化节由县农业农村局和县文旅局联合策划，活动总策划柯思远介绍，节会共安排十项活动。")
    assert found["柯思远"] == ["活动总策划"]


@pytest.mark.parametrize("body, name", [
    ("会议由林浩主持，会议研究了春耕工作。", "林浩"),
    ("金鹰奖最佳女演员奖由方琳琳获得。", "方琳琳"),
])
def test_a_name_jieba_glues_to_you_before_a_verb_is_a_person(body, name):
    found = people(body)
    assert name in found and "由" + name not in found


def test_a_surname_jieba_reads_as_a_time_word_opens_a_name_after_a_title():
    # 卯/t 建国/ns: a surname of Chongqing and Guizhou reports, alone or ending a list of leaders
    assert people("副区长卯建国出席会议。")["卯建国"] == ["副区长"]
    found = people("副区长冉茂生、谭晓红、卯建华，区政府党组成员陈明光出席会议。")
    assert found["卯建华"] == ["副区长"] and found["陈明光"] == ["区政府党组成员"]
    assert people("县人大常委会副主任卯光辉带队开展执法检查。")["卯光辉"] == ["县人大常委会副主任"]


def test_mongolian_names_jieba_reads_as_that_day_stand_after_a_title():
    # 那日/r 苏/j: a whole Mongolian name, as banner and suburb reports write it
    assert people("区委常委、副区长那日苏出席会议。")["那日苏"] == ["区委常委", "副区长"]
    assert people("旗长那日松主持会议。")["那日松"] == ["旗长"]


def test_a_relocated_household_is_a_title_as_poor_households_are():
    assert people("搬迁户熊大海在车间务工，离家近。")["熊大海"] == ["搬迁户"]


def test_a_given_name_jieba_reads_as_a_noun_after_xiang_stands_where_the_leader_speaks_again():
    # 向/p 红兵/n: the name opens a sentence of remarks later; whom a leader turns to (向群众) opens none
    assert people("县委书记向红兵检查安全生产工作。向红兵要求，要压实责任。")["向红兵"] == ["县委书记"]
    assert people("县长向群众介绍了情况。向群众介绍政策是干部的责任。") == {}


def test_a_given_name_jieba_reads_as_a_noun_after_xiang_stands_before_a_leader_s_role():
    # 向/p 世兵/n before 陪同 or 出席: a leader's role, where whom a leader turns to comes before other verbs
    assert people("副县长向世兵陪同调研。")["向世兵"] == ["副县长"]
    assert people("县领导向世兵出席会议。")["向世兵"] == ["县领导"]
    assert people("县长向群众介绍了情况。") == {}


def test_a_name_that_reads_as_going_forward_stands_where_the_leader_speaks_again():
    # 向/p 前进/v: a direction word after 向 is whom a leader turns to, unless the name opens remarks again
    found = people("县委书记向前进到汶河镇督导秋收工作。向前进强调，要抢抓农时。")
    assert found["向前进"] == ["县委书记"]
    assert people("县长向上级汇报了情况。") == {}


def test_a_yi_clan_that_is_a_han_surname_and_given_name_yields_to_the_han_name_before_a_verb():
    # 马海 is a Yi clan, but 马海军 stands before 陪同 while 马海军陪 stands only before 同
    assert people("副县长马海强陪同督导。") == {"马海强": ["副县长"]}
    assert people("副县长马海阿木出席会议。") == {"马海阿木": ["副县长"]}


def test_a_leader_s_team_named_again_shows_the_word_after_xiang_a_given_name():
    found = people("县委书记向建军检查防汛工作。向建军一行来到五强溪水库。")
    assert found["向建军"] == ["县委书记"]


def test_a_two_character_name_jieba_guesses_as_a_verb_stands_after_a_title():
    # 陈可/v: jieba's guess, no word of its dictionary, reads 可 as a modal verb
    assert people("县委常委、县长陈可出席。") == {"陈可": ["县委常委", "县长"]}
    assert people("县长陈可主持会议。") == {"陈可": ["县长"]}


def test_a_household_s_name_before_jia_is_the_name_without_jia():
    # jieba glues 家 to the given name (根家/n, 张德明家/nr): after a household's title, 家 is the home
    assert people("贫困户石三妹家去年脱贫。") == {"石三妹": ["贫困户"]}
    assert people("工作队走访了困难户肖长根家，详细了解情况。") == {"肖长根": ["困难户"]}
    assert people("脱贫户张德明家今年种了十亩烟叶。") == {"张德明": ["脱贫户"]}
    # a name ending before a verb keeps its own end
    assert people("村民王家福说，今年收成好。") == {"王家福": ["村民"]}


def test_names_written_back_to_back_after_a_title_each_take_it():
    # "网格员 葛红梅 吴晓东 钱进": the cleaner removed the scan's spaces between the names
    assert people("会上，网格员葛红梅吴晓东钱进作交流发言。") == {"葛红梅": ["网格员"], "吴晓东": ["网格员"], "钱进": ["网格员"]}
    assert people("县人大常委会副主任金雪莲叶国平卓勇出席会议。") == {
        "金雪莲": ["县人大常委会副主任"], "叶国平": ["县人大常委会副主任"], "卓勇": ["县人大常委会副主任"]}
    assert people("县长王明高度重视此项工作。") == {"王明": ["县长"]}
    # no split cuts a name jieba and the model both read (俞志|明出庭)
    assert people("县人民检察院党组书记、检察长俞志明出庭支持公诉。") == {"俞志明": ["县人民检察院党组书记", "检察长"]}


def test_a_model_name_takes_the_titles_of_every_occurrence():
    # the headline's short title does not hide the chain the body writes
    found = people("县委副书记、县长陈可为学员讲授“开班第一课”。\n陈可在授课中指出，要经风雨。", title="县长陈可为学员授课")
    assert sorted(found["陈可"]) == ["县委副书记", "县长"]
    # the occurrence the model read keeps the titles it gave there
    assert people("巴勒莫主帅巴拉尔迪尼上赛季执教卡利亚里。") == {"巴拉尔迪尼": ["主帅"]}


def test_pupils_parents_are_titled():
    assert people("学生家长訾秀兰说，孩子回家总提“孔老师”。") == {"訾秀兰": ["学生家长"]}


def test_a_title_at_a_line_s_end_goes_to_the_name_opening_the_next_line():
    # a scan's hard wrap between the title and the name
    assert people("患者家属说了情况。县卫健局局长\n邓立新陪同。")["邓立新"] == ["县卫健局局长"]
    assert people("镇党委书记\n蒋立新主持会议。") == {"蒋立新": ["镇党委书记"]}
    # nor a list's lines, where each name has the title on its own line
    found = people("表彰名单\n锁彩霞 县人民医院内科护士长\n冶国福 通贵乡司家桥村村委会主任\n拓雪梅 县第一中学教师")
    assert found["冶国福"] == ["通贵乡司家桥村村委会主任"] and found["拓雪梅"] == ["县第一中学教师"]
    # a headline ending in a title is no wrap: the body opens with the headline's subject
    assert people("潘立群会见某公司总裁。", title="潘立群会见某公司总裁") == {"潘立群": []}


# ---------------------------------------------------------------- false names of plain prose (a blind set's misses)
@pytest.mark.parametrize(("body", "absent"), [
    ("还吸引了周边5个村的200多名村民来务工。", "来务工"),              # a crowd counted before its title
    ("“改不改、改什么、怎么改”由居民说了算。", "由居民"),              # 由/p after a quotation
    ("他表示，乌兰哈达区将以生态优先为导向推进发展。", "乌兰"),        # the head of a place jieba reads whole
])
def test_words_of_plain_prose_are_no_names(body, absent):
    assert absent not in people(body)


def test_names_beside_those_guards_stand():
    assert "甲乙丙" in people("现场有两名村民甲乙丙、丁戊己作了发言。")
    assert people("县长乌兰哈达出席会议。") == {"乌兰哈达": ["县长"]}
    assert "钱乙丙" in people("“有了这笔钱，孩子上学不愁了。”钱乙丙激动地说。")


def test_a_name_before_lai_shuo_and_a_colon_is_three_characters_long():
    assert people("沙坪镇种粮大户邓福来说：“今年水稻亩产高。”") == {"邓福来": ["沙坪镇种粮大户"]}
    # "对…来说" is for whom: the name is two characters long
    assert people("对村民邓福来说，今年收成好。") == {"邓福": ["村民"]}
