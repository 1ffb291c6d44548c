"""CLEAN stage: a lead's dateline that a scan wrapped right after its date goes on into the next line."""
from __future__ import annotations

import pytest

from tasks.clean import clean_page


@pytest.mark.parametrize("dateline, rest, joined", [
    ("本报讯(记者 温晓燕)8月19日", "至20日,县委书记钟立新深入孔田、鹤子等乡镇,调研精准扶贫工作。",
     "本报讯(记者 温晓燕)8月19日至20日,县委书记钟立新深入孔田、鹤子等乡镇,调研精准扶贫工作。"),
    # (the scan's space inside the day goes with the join: the line is prose now)
    ("本报讯(记者 陶小红)6月1 7日", ",县委中心组召开学习会议,县委书记程永新主持会议。",
     "本报讯(记者 陶小红)6月17日,县委中心组召开学习会议,县委书记程永新主持会议。"),
    ("本报讯（记者 甲乙丙）3月5日上午", "，全县春季植树活动在城关镇举行。",
     "本报讯（记者 甲乙丙）3月5日上午，全县春季植树活动在城关镇举行。"),
    # (the scan's space inside 本报讯 and inside the day)
    ("本报 讯（记 者 邹某某 钟 萍）2月2", "9日，中共某潭县委十二届三次全体（扩大）会议召开。",
     "本报讯（记者 邹某某 钟 萍）2月29日，中共某潭县委十二届三次全体（扩大）会议召开。"),
])
def test_dateline_wrapped_after_its_date_joins_the_lead(dateline, rest, joined):
    assert clean_page(f"县委召开中心组学习会议\n{dateline}\n{rest}\n") == f"县委召开中心组学习会议\n{joined}"


def test_dated_caption_line_over_a_headline_stays_apart():
    # a line with no outlet's dateline, ending in a date, stays a line of its own
    page = "2024年3月8日\n县委召开中心组学习会议\n3月7日，县委中心组召开学习会议。"
    assert clean_page(page).split("\n")[:2] == ["2024年3月8日", "县委召开中心组学习会议"]


def test_dateline_wrapped_after_the_lead_s_first_word_joins_it():
    page = "一个文明户带动一片好村风\n本报讯(记者 王小璐 通讯员 吕晓春)走\n进东泊子村,干净整洁的\n街道两旁,花草点缀。\n"
    assert clean_page(page) == "一个文明户带动一片好村风\n本报讯(记者 王小璐 通讯员 吕晓春)走进东泊子村,干净整洁的街道两旁,花草点缀。"


def test_undated_dateline_of_a_lead_opening_with_a_time_phrase_goes_on_into_the_next_line():
    # "本报讯 今年以来，" loses its scan space as prose; the dateline still opens a lead that the column wrapped
    page = ("沙坪村红色研学游持续升温\n本报讯 今年以来，石门乡沙坪村接待红色\n研学团队120余批次。村党支部书记甲某某说，"
            "村里正在筹建第二个研学基地。")
    assert clean_page(page).split("\n")[1].startswith("本报讯今年以来，石门乡沙坪村接待红色研学团队120余批次。")
