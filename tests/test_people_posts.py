"""People and titles on county pages: compound posts, villages and notices (invented names)."""
from __future__ import annotations

from tests.test_people import people


def test_a_title_after_a_person_and_an_adverb_s_joining_word_opens_after_the_joiner():
    # "正和" after a person is "just then with": jieba's 正和村/ns glues the adverb and the joiner to the village
    got = people("驻村第一书记柯文涛正和村党支部书记、村委会主任龙德彬一起核对台账。")
    assert got["龙德彬"] == ["村党支部书记", "村委会主任"]
    # after a pronoun jieba cuts 正/d 和/c: the title opens after 和 all the same
    assert people("他正和村党支部书记、村委会主任汪德明一起核对台账。")["汪德明"] == ["村党支部书记", "村委会主任"]
    # at a clause's start the run is a village's name (正和村)
    assert people("近日，正和村党支部书记汪德明介绍了村里的情况。")["汪德明"] == ["正和村党支部书记"]


def test_a_name_in_parentheses_after_a_post_holds_that_post():
    got = people("成员：县环保局局长（方立明）、县农委主任（许德安）、县公安局副局长（程晓东）。")
    assert got["方立明"] == ["县环保局局长"] and got["许德安"] == ["县农委主任"]
    assert got["程晓东"] == ["县公安局副局长"]
    # the roster's last line run on into the next by the cleaner
    got = people("成员：县环保局局长（方立明）、县公安局副局长（程晓东）领导小组办公室设在县环保局。")
    assert got["程晓东"] == ["县公安局副局长"]
    # an aside between the post and the name is still left out
    assert people("区委常委、副区长（挂职）柏文斌陪同调研。")["柏文斌"] == ["区委常委", "副区长"]


def test_a_group_s_post_before_a_colon_goes_with_the_chain_after_it():
    got = people("领导小组组成人员如下：\n组长：县长孔令军\n副组长：副县长储小平")
    assert got["孔令军"] == ["组长", "县长"] and got["储小平"] == ["副组长", "副县长"]
    # the cleaner joins lines after a colon: the post after the last name still goes with the next chain
    got = people("组成人员如下：组长：县长孔令军副组长：副县长储小平")
    assert got["孔令军"] == ["组长", "县长"] and got["储小平"] == ["副组长", "副县长"]
    # a chain after a colon of speech or a credit takes nothing before it
    assert people("会议强调：县长孔令军要带头抓落实。")["孔令军"] == ["县长"]


def test_a_tibetan_name_before_what_a_villager_is_handed_stays_whole():
    assert people("牧民扎西顿珠接过物资，高兴地说。") == {"扎西顿珠": ["牧民"]}


def test_a_scan_s_stray_space_inside_a_title_leaves_it_whole():
    got = people("在秦川机械有限公司，公司总 经理白建设介绍了企业扩能改造情况。")
    assert got["白建设"] == ["公司总经理"]
    assert people("近日，县委 书记龙德彬到乡镇调研。")["龙德彬"] == ["县委书记"]
    assert people("会议由县人大常委 会主任龙德彬主持。")["龙德彬"] == ["县人大常委会主任"]
    assert people("县人民医院 院长龙德彬介绍。")["龙德彬"] == ["县人民医院院长"]
    # a time word before the space is no part of the title
    assert people("今年以来 镇长龙德彬带领干部清理河道。")["龙德彬"] == ["镇长"]
    # a title and a name before the space are no part of the next name's title
    assert people("获奖代表柯远山 县长马文韬出席。")["马文韬"] == ["县长"]
    assert people("县委书记柯远山 县长马文韬出席会议。")["马文韬"] == ["县长"]


def test_a_name_before_one_character_and_a_village_s_level_is_the_village():
    # "巴彦图嘎|嘎查": jieba's 嘎嘎/o runs the village's last character on into its level
    assert people("在巴彦图嘎嘎查，嘎查长巴特尔说。") == {"巴特尔": ["嘎查长"]}
    # a person before a preposition and a village is still a person
    assert "巴特尔" in people("牧民巴特尔在嘎查里开了一家商店。")


def test_a_patient_s_relative_is_titled_as_a_pupil_s_parent_is():
    assert people("患者家属龙德彬说：“在家门口就能做手术。”") == {"龙德彬": ["患者家属"]}
    assert people("学生家长龙德彬说，孩子进步很大。") == {"龙德彬": ["学生家长"]}
