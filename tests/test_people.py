"""People and the titles written beside them: one test per rule, plus the seeds against their gold."""
from __future__ import annotations

import pytest

from tasks.people import extract_people
from tasks.records import ArticleContext


def people(body: str, title: str = "标题", subtitle: str | None = None) -> dict[str, list[str]]:
    ctx = ArticleContext(article_id="a", doc_id="d", title=title, body=body, subtitle=subtitle)
    return {p.name: p.titles for p in extract_people(ctx)}


# --- rule 1: a title right before the name ------------------------------------------------------

def test_title_chain_before_a_name_gives_every_title():
    found = people("区委副书记、区长、指挥部执行指挥长常晓勇，区人大常委会主任潘文峰出席。")
    assert found["常晓勇"] == ["区委副书记", "区长", "指挥部执行指挥长"]
    assert found["潘文峰"] == ["区人大常委会主任"]


def test_name_end_is_decided_by_the_following_verb():
    assert "王俊" in people("区委书记王俊主持会议并讲话。")
    assert "张智奎" in people("区委书记、指挥部指挥长张智奎主持会议并讲话。")
    assert "王俊主" not in people("区委书记王俊主持会议并讲话。")


def test_title_before_a_list_goes_to_every_name():
    found = people("县领导邓昌君、熊伟、王春梅、水韦梁等出席会议。")
    assert {n: t for n, t in found.items()} == {n: ["县领导"] for n in ("邓昌君", "熊伟", "王春梅", "水韦梁")}


def test_comma_joins_two_title_chains_of_one_person():
    found = people("市委常委、两江新区党工委书记，两江新区疫情防控工作领导小组组长、指挥部指挥长张鸿星主持会议。")
    assert found["张鸿星"] == ["市委常委", "两江新区党工委书记", "两江新区疫情防控工作领导小组组长", "指挥部指挥长"]


def test_lead_words_are_not_part_of_the_title():
    assert people("会议由劳动部长林美珠主持。")["林美珠"] == ["劳动部长"]
    assert people("二○一五年时任上海市长杨雄会面。")["杨雄"] == ["上海市长"]
    assert people("李强同越南总理范明政共同出席。")["范明政"] == ["越南总理"]


def test_foreign_name_after_a_title():
    assert people("由国务卿提勒森（左）颁奖。")["提勒森"] == ["国务卿"]
    assert people("马来西亚总理马哈蒂尔强调，要做好准备。")["马哈蒂尔"] == ["马来西亚总理"]


def test_dotted_names_whole_and_cut_before_the_next_word():
    found = people("全国政协副主席石泰峰、帕巴拉·格列朗杰、何厚铧在主席台前排就座。")
    assert found["帕巴拉·格列朗杰"] == ["全国政协副主席"]
    assert "威廉·佩里" in people("美国前国防部长威廉·佩里一行抵达北京。")


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

def test_bare_name_opening_a_clause_before_a_verb():
    assert "李克强" in people("李克强主持会议。汪洋作总结讲话。")
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


@pytest.mark.parametrize("body", ["", "。。。", "abc 123", "（左）", "·"])
def test_degenerate_text_gives_no_people(body):
    assert people(body, title="") == {}
