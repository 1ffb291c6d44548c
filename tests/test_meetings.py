"""Meetings, tours and talks an article reports, with roles: one test per rule, plus the seeds end to end."""
from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from datetime import date, datetime, timezone

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.batch import RawDocument, process_batch
from tasks.ingest import read_manifest
from tasks.meetings import extract_meetings
from tasks.extract.people import extract_people
from tasks.records import ArticleContext
from tests.conftest import SEEDS, SHARED


def meetings(body: str, title: str = "标题", subtitle: str | None = None, *, year: int = 2022,
             ref: date | None = None):
    ctx = ArticleContext(article_id="a", doc_id="d", title=title, body=body, subtitle=subtitle, year=year, ref_date=ref)
    return extract_meetings(ctx, extract_people(ctx))


def roles(m) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for name, role in m.participants:
        out[role].add(name)
    return dict(out)


# --- which event the article reports -------------------------------------------------------------

def test_meeting_held_in_the_lead_with_its_name_and_date():
    [m] = meetings("11月25日，县委书记曹邦兴主持召开全县疫情防控工作调度会，听取汇报。")
    assert (m.kind, m.name, m.meeting_date) == ("meeting", "全县疫情防控工作调度会", date(2022, 11, 25))


def test_bare_meeting_takes_the_body_that_held_it():
    [m] = meetings("11月13日，永川区新冠肺炎疫情防控指挥部召开会议，研究部署下一步工作。")
    assert m.name == "永川区新冠肺炎疫情防控指挥部会议"


def test_meeting_word_spelled_with_a_longer_noun():
    [m] = meetings("2月24日，我区召开统筹推进疫情防控和经济社会发展工作部署会议，学习贯彻讲话精神。", year=2020)
    assert m.name == "统筹推进疫情防控和经济社会发展工作部署会议"


def test_meeting_followed_on_screen_or_relayed_is_not_the_event():
    [m] = meetings("3月19日，在组织收听收看全国、全市疫情防控工作电视电话会议后，我区立即召开疫情防控工作会议。")
    assert m.name == "疫情防控工作会议"
    assert meetings("3月18日，我区传达学习中央政治局常委会会议精神。") == []


def test_a_passing_word_before_the_holding_verb_names_who_holds_the_meeting():
    # 学习 of 理论学习中心组 is who holds it, not a meeting studied in passing
    [m] = meetings("11月10日，区委理论学习中心组召开专题学习会。区委书记王建国主持并讲话，区领导李明华、赵国强参加学习。")
    assert m.name == "区委理论学习中心组专题学习会" and roles(m)["chair"] == {"王建国"} and {"李明华", "赵国强"} <= roles(m)["attendee"]
    # after the verb a passing word still names a meeting relayed
    assert "党的二十大会议" not in [m.name for m in meetings("11月10日，区委召开会议传达学习党的二十大会议精神。")]


def test_meeting_announced_for_later_is_not_held():
    assert meetings("论坛第四届部长级会议将于5月13日在北京举行。国家主席习近平将出席会议开幕式。") == []
    [m] = meetings("委员长会议11日上午在北京人民大会堂举行，栗战书委员长主持。会议决定，常委会第三十四次会议4月18日至20日在北京举行。",
                   ref=date(2022, 4, 11))
    assert m.name == "委员长会议" and m.meeting_date == date(2022, 4, 11)


def test_meeting_name_running_through_an_organisation_name():
    [m] = meetings("中国人民政治协商会议第十四届全国委员会第三次会议4日下午在人民大会堂开幕。", ref=date(2025, 3, 4))
    assert m.name == "中国人民政治协商会议第十四届全国委员会第三次会议"
    assert m.meeting_date == date(2025, 3, 4)


def test_date_range_gives_its_first_day():
    [m] = meetings("中央统战工作会议7月29日至30日在北京召开。习近平出席会议并发表重要讲话。")
    assert m.meeting_date == date(2022, 7, 29)


def test_symposium_held_with_a_working_group():
    [m] = meetings("11月27日，市委书记陈敏尔与国务院工作组举行座谈，听取意见建议。")
    assert m.kind == "symposium" and "座谈" in m.name


def test_inspection_tour_and_a_meeting_chaired_on_the_way():
    tour, extra = meetings("国务院副总理孙春兰11月25日至26日在重庆调研指导疫情防控工作，主持召开前方工作组专题会，了解情况。"
                           "她强调，要加强防控。\n市委书记陈敏尔分别参加有关活动。")
    assert (tour.kind, extra.kind) == ("inspection", "meeting")
    assert "调研" in tour.name and extra.name == "前方工作组专题会"
    assert roles(tour) == {"speaker": {"孙春兰"}, "attendee": {"孙春兰", "陈敏尔"}}
    assert roles(extra) == {"chair": {"孙春兰"}}


def test_inspection_verb_used_as_a_noun_is_no_tour():
    [m] = meetings("习近平18日上午在中国共产党第十九届中央纪律检查委员会第六次全体会议上发表重要讲话。")
    assert m.kind == "meeting" and m.name.endswith("第六次全体会议")


def test_talks_announced_or_rumoured_are_not_events():
    assert meetings("陆慷27日宣布，习近平将与俄罗斯总统普亭举行会谈。") == []


def test_article_without_an_event():
    assert meetings("近日，水利部、财政部公布了水系连通及水美乡村建设县名单。") == []


def test_event_found_from_the_headline_in_a_later_paragraph():
    body = ("习近平近日对宣传思想文化工作作出重要指示指出，宣传思想文化工作事关党的前途命运。\n"
            "全国宣传思想文化工作会议10月7日至8日在京召开。中共中央政治局常委蔡奇出席会议并讲话。")
    [m] = meetings(body, title="习近平作出重要指示 蔡奇出席全国宣传思想文化工作会议并讲话", year=2023)
    assert m.meeting_date == date(2023, 10, 7)
    assert roles(m) == {"speaker": {"蔡奇"}, "attendee": {"蔡奇"}}


def test_format_of_a_call():
    [m] = meetings("11月13日，区指挥部召开会议。会议以电视电话会议形式召开。")
    assert m.format == "电视电话会议"
    [m] = meetings("11月25日，县委书记曹邦兴主持召开全县疫情防控工作调度会。")
    assert m.format is None


# --- roles ----------------------------------------------------------------------------------------

def test_chair_who_speaks_is_chair_and_speaker_not_attendee():
    [m] = meetings("3月19日，我区召开疫情防控工作会议。区委书记王俊主持会议并讲话。区委副书记、区长黄祖英，副区长陈政出席。")
    assert roles(m) == {"chair": {"王俊"}, "speaker": {"王俊"}, "attendee": {"黄祖英", "陈政"}}


def test_who_attends_and_speaks_is_attendee_and_speaker():
    [m] = meetings("3月18日，我区召开疫情防控工作调度会。区委副书记、区长黄祖英出席并讲话。她强调，要落实要求。")
    assert roles(m) == {"speaker": {"黄祖英"}, "attendee": {"黄祖英"}}


def test_who_attends_a_named_meeting_and_speaks_there_is_attendee_and_speaker():
    # 并 joins the speech to the attendance across the meeting's name, however long it is
    [m] = meetings("3月2日，县委书记马国栋出席全县安全生产工作会议并讲话。")
    assert roles(m) == {"attendee": {"马国栋"}, "speaker": {"马国栋"}}
    # what the verb after 并 is about does not break the clause
    [m] = meetings("3月1日，全县经济工作会议召开。县长吴立明主持会议并就贯彻落实会议精神提出要求。")
    assert roles(m) == {"chair": {"吴立明"}, "speaker": {"吴立明"}}
    # another subject's verb after a comma is that subject's own
    [m] = meetings("3月2日，县委书记马国栋出席全县安全生产工作会议，副县长施国强讲话。")
    assert roles(m) == {"attendee": {"马国栋", "施国强"}, "speaker": {"施国强"}}


def test_pronoun_takes_the_last_single_subject():
    [m] = meetings("11月25日，县委书记曹邦兴主持召开全县疫情防控工作调度会。县委副书记、县长付嘉康安排部署工作。他说，要加快推进。")
    assert roles(m) == {"chair": {"曹邦兴"}, "speaker": {"付嘉康"}, "attendee": {"付嘉康"}}


def test_pronoun_speaks_for_the_leader_not_for_who_came_along():
    [m] = meetings("5月6日，市委书记韩志远到我县调研乡村振兴工作。县委书记罗文斌陪同。韩志远一行先后来到柳溪镇、石门村，"
                   "察看产业发展情况。他强调，要做强特色产业。")
    assert roles(m)["speaker"] == {"韩志远"}
    # nor when no verb gave the leader a role: the person named last who did not come along
    [m] = meetings("5月8日，县委书记荀振东到城南镇调研。县长綦玉洁陪同。他强调，要抓好落实。")
    assert roles(m)["speaker"] == {"荀振东"}


def test_a_self_review_is_no_inspection_and_an_invitation_no_name():
    [m] = meetings("5月6日，镇党委召开民主生活会。镇党委书记杜文辉主持会议。随后，镇党委副书记方志勇依次作对照检查发言。")
    assert (m.name, roles(m)) == ("民主生活会", {"chair": {"杜文辉"}, "speaker": {"方志勇"}, "attendee": {"方志勇"}})
    [m] = meetings("5月6日，县人代会开幕。县人大常委会主任周德林等县领导应邀出席大会。")
    assert roles(m) == {"attendee": {"周德林"}}


def test_a_sitting_of_the_meeting_found_is_no_meeting_of_its_own():
    [m] = meetings("5月6日，县第十八届人大二次会议闭幕。大会执行主席冯建国主持闭幕大会。")
    assert (m.name, roles(m)) == ("县第十八届人大二次会议", {"chair": {"冯建国"}})


def test_narrow_readings_of_the_evening_rules():
    # a sequel's own date opens its sentence; a deadline further on is no date of it
    [_, m] = meetings("5月10日，县委书记林志远到城南镇调研。会后，林志远主持召开重点项目调度会，要求各项目6月30日前全面完工。")
    assert m.meeting_date == date(2022, 5, 10)
    # 合作, a 作 inside a name, and a report someone else gave are no report given
    [m] = meetings("5月10日，县政府召开常务会议。县长吴德明听取县商务局关于招商合作情况的报告。")
    assert "speaker" not in roles(m)
    [m] = meetings("5月10日，县政府召开常务会议。副县长李作成主持听取县财政局工作报告。")
    assert roles(m) == {"chair": {"李作成"}}
    [m] = meetings("5月10日，县人大常委会召开会议。吴德明列席会议并对县法院作的工作报告进行评议。")
    assert roles(m) == {"attendee": {"吴德明"}}
    # a village branch's 开展 holds no meeting: the leader's visit stays the event
    [m] = meetings("近日，城关镇各村党支部开展集中学习，镇党委书记王大山到城东村指导。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"王大山"}}
    # 作调研 is a visit
    [m] = meetings("5月10日，市政协副主席周海波到我县作调研，副县长郑海涛陪同。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"周海波", "郑海涛"}}
    # the headline's chair is the chair of the meeting its own clause names
    [m] = meetings("5月10日，全县安全生产大会召开。县长吴德明出席。",
                   title="林志远主持召开县委常委会会议 吴德明出席全县安全生产大会")
    assert "chair" not in roles(m)


def test_a_visit_s_own_clause_gives_no_subject_to_the_next_clause_s_verb():
    [m] = meetings("5月6日，市委书记谷雪峰到青石镇调研，镇党委书记刘海军汇报了有关情况。")
    assert roles(m) == {"attendee": {"谷雪峰", "刘海军"}, "speaker": {"刘海军"}}


def test_what_a_visitor_did_besides_is_no_part_of_the_visit_s_name():
    [m] = meetings("5月6日，江陵市委书记庞振东出席会谈并讲话。")
    assert (m.kind, m.name) == ("talks", "会谈")
    [m] = meetings("5月6日，县长马文韬到青石镇调研并看望慰问困难群众。")
    assert (m.kind, m.name) == ("inspection", "调研")


def test_an_event_dated_in_its_headline_only_takes_that_date():
    [m] = meetings("县政协主席会议召开。县政协主席马文韬主持会议。", title="县政协十届第十二次主席会议5月18日召开")
    assert m.meeting_date == date(2022, 5, 18)


def test_a_sequel_takes_its_own_date():
    [_, m] = meetings("3月5日，全县安全生产会议召开。县长马文韬出席会议。次日，县委书记孟庆丰主持召开县委常委会会议。")
    assert m.meeting_date == date(2022, 3, 6)
    [_, m] = meetings("5月9日，县委书记焦文博到城区调研。随后，5月11日，焦文博主持召开专题会议。")
    assert m.meeting_date == date(2022, 5, 11)
    [_, m] = meetings("3月5日，全县安全生产会议召开。当天下午，县委书记孟庆丰主持召开县委常委会会议。")
    assert m.meeting_date == date(2022, 3, 5)


def test_a_subject_named_by_a_title_alone_is_the_one_person_who_holds_it():
    [m] = meetings("5月6日，县委常委会召开会议。县委书记孟庆丰，县委副书记、县长谭海波出席会议。县委书记主持会议并讲话。")
    assert roles(m) == {"attendee": {"孟庆丰", "谭海波"}, "chair": {"孟庆丰"}, "speaker": {"孟庆丰"}}


def test_the_headline_names_who_chaired_where_the_body_does_not():
    [m] = meetings("5月6日，县委书记主持召开县委常委会会议。孟庆丰强调，要抓好落实。", title="孟庆丰主持召开县委常委会会议")
    assert roles(m) == {"chair": {"孟庆丰"}, "speaker": {"孟庆丰"}}
    assert m.participant_evidence["孟庆丰", "chair"] == "孟庆丰主持召开县委常委会会议"
    # a chair the body names stays the only one
    [m] = meetings("5月6日，县委常委会召开会议。谭海波主持会议。", title="孟庆丰主持召开县委常委会会议")
    assert roles(m) == {"chair": {"谭海波"}}


def test_unnamed_groups_after_the_named_attendees_leave_them_attending():
    [m] = meetings("5月6日，全市乡村振兴工作会议召开。市乡村振兴局局长卫天翔，市直有关部门负责人，各县（市、区）分管领导参加会议。")
    assert roles(m) == {"attendee": {"卫天翔"}}
    [m] = meetings("5月6日，全市巡视工作动员会召开。省委第六巡视组副组长杨春华及有关同志，市四套班子领导出席会议。")
    assert roles(m) == {"attendee": {"杨春华"}}
    [m] = meetings("5月6日，县人大常委会召开第十次会议。县法院院长马文韬、县检察院检察长应海涛，各乡镇党委书记，"
                   "县直各单位主要负责人列席会议。")
    assert roles(m) == {"attendee": {"马文韬", "应海涛"}}


def test_a_study_session_a_party_group_carries_out_is_a_meeting():
    [m] = meetings("5月6日，县委理论学习中心组开展集体学习。县委书记孟庆丰主持并讲话。")
    assert (m.name, roles(m)) == ("县委理论学习中心组集体学习", {"chair": {"孟庆丰"}, "speaker": {"孟庆丰"}})
    # 开展 an inspection campaign is no meeting
    assert meetings("5月6日，全县开展安全生产大检查。") == []


@pytest.mark.parametrize("joined", ["参加督导", "参加检查", "陪同督导"])
def test_he_after_who_joined_the_tour_is_still_its_leader(joined):
    body = (f"4月19日，县委书记甲乙丙到田心镇督导森林防灭火工作。县委常委、县委办主任丁戊己{joined}。"
            "甲乙丙先后来到田心镇森林防火检查站、大岭村护林员值班点，检查值班值守情况。他要求，要落实防灭火责任。")
    [m] = meetings(body)
    assert roles(m)["speaker"] == {"甲乙丙"} and "丁戊己" in roles(m)["attendee"]


def test_the_named_heads_of_a_group_that_speaks_speak():
    body = ("3月2日，县长甲乙丙主持召开民营企业座谈会。座谈会上，青山茶业有限公司董事长丁戊己、县天麻产业协会会长庚辛壬等8位"
            "企业负责人结合企业实际，围绕融资贷款、用地保障等方面作了发言。")
    [m] = meetings(body)
    assert roles(m)["speaker"] == {"丁戊己", "庚辛壬"}
    # a group not counted is no subject of this rule
    [m] = meetings(body.replace("等8位", "等"))
    assert not {"丁戊己", "庚辛壬"} & roles(m).get("speaker", set())


def test_who_gives_a_report_named_after_zuo_speaks():
    for body in ("1月10日，县十八届人大二次会议开幕。县人大常委会副主任冯建国作县人大常委会工作报告。",
                 "1月10日，区第五次党代会开幕。区委书记冯建国代表区委向大会作题为《奋力谱写新篇章》的报告。",
                 "1月10日，县人大常委会召开第十次会议。会议听取了县人民法院院长冯建国作的县人民法院工作报告。"):
        [m] = meetings(body)
        assert roles(m)["speaker"] == {"冯建国"}, body
    # a lecture named by its title speaks as a report does
    [m] = meetings("4月22日，全县乡村振兴专题培训班开班。开班式后，省农科院研究员冯建国作了题为《黑土地保护性耕作》的专题辅导。")
    assert roles(m)["speaker"] == {"冯建国"}
    # the 作 of 工作 gives no one a report
    [m] = meetings("1月10日，县人大常委会召开第十次会议。会议审议了县政府工作报告。")
    assert roles(m) == {}


def test_a_clause_opening_with_a_comma_and_bing_goes_on_with_the_subject():
    [m] = meetings("1月10日，县人大常委会召开第十次会议。副县长苏晓梅列席会议，并就全县义务教育发展情况作了汇报。")
    assert roles(m) == {"attendee": {"苏晓梅"}, "speaker": {"苏晓梅"}}


def test_leaders_of_a_tour_parted_by_a_comma_and_a_title_both_lead_it():
    [m] = meetings("5月8日，县长应永平，副县长宗丽萍到城南镇调研。")
    assert roles(m) == {"attendee": {"应永平", "宗丽萍"}}
    # a comma before more than the next one's title parts two clauses
    [m] = meetings("5月8日，县长应永平主持召开会议，副县长宗丽萍到城南镇调研。")
    assert m.kind == "meeting" and roles(m) == {"chair": {"应永平"}}


def test_pronoun_speaks_for_who_came_to_the_meeting_when_no_one_chaired_or_spoke():
    [m] = meetings("5月8日，全县招商引资工作会议召开。县长綦玉洁出席会议。她强调，要抓好落实。")
    assert roles(m) == {"attendee": {"綦玉洁"}, "speaker": {"綦玉洁"}}
    # after a chair, who merely attended is not 他/她
    [m] = meetings("5月8日，县委书记荀振东主持召开招商引资工作会议，县长綦玉洁出席。他强调，要抓好落实。")
    assert roles(m)["speaker"] == {"荀振东"}
    # who acted after the chair is ("綦玉洁对…作了具体部署。她要求")
    [m] = meetings("5月8日，县政府召开招商引资工作会议。县长邢国富主持。县委书记荀振东、县长綦玉洁出席会议。"
                   "綦玉洁对今年招商引资工作作了具体部署。她要求，要抓好落实。")
    assert roles(m)["speaker"] == {"綦玉洁"}


def test_a_clause_opening_with_bing_goes_on_with_the_subject_before_it():
    [m] = meetings("5月6日，市委书记韩志远到我县调研。县委书记罗文斌陪同。韩志远听取了我县乡村振兴工作情况汇报，并作讲话。")
    assert roles(m)["speaker"] == {"韩志远"}
    # a list opening the clause goes on too; a name further in the clause is its object, not its subject
    [m] = meetings("5月6日，县长罗文斌到柳溪镇调研。在石门村，罗文斌、邹明听取了村党支部书记汤力的情况汇报，并就下一步工作提出要求。")
    assert roles(m)["speaker"] == {"罗文斌", "邹明"}
    # nothing but titles may stand before the subject: a name after a verb is an object
    [m] = meetings("5月6日，县长罗文斌到柳溪镇调研。在石门村，工作组听取了村党支部书记汤力的情况汇报，并就下一步工作提出要求。")
    assert "汤力" not in roles(m).get("speaker", set())
    [m] = meetings("5月6日，县长罗文斌到柳溪镇调研。在石门村，县委副书记、县长罗文斌听取了村党支部书记汤力的情况汇报，并作讲话。")
    assert roles(m)["speaker"] == {"罗文斌"}


def test_study_session_of_a_party_group_is_a_meeting_named_with_its_number():
    [m] = meetings("3月10日，县委理论学习中心组举行2024年第二次集体学习。县委书记罗文斌主持并讲话。县委副书记、县长邹明，"
                   "县委常委、组织部部长汤力参加学习。", year=2024)
    assert (m.kind, m.name) == ("meeting", "县委理论学习中心组第二次集体学习")
    assert roles(m) == {"chair": {"罗文斌"}, "speaker": {"罗文斌"}, "attendee": {"邹明", "汤力"}}


def test_who_talks_with_a_group_holds_a_symposium_and_takes_part():
    [m] = meetings("3月1日，县委书记马国栋与部分民营企业家座谈，听取意见建议。县领导施国强参加座谈。")
    assert (m.kind, m.name) == ("symposium", "与部分民营企业家座谈")
    assert roles(m) == {"attendee": {"马国栋", "施国强"}}
    # a call to talk, or talks of the past, is no event
    assert meetings("3月1日，马国栋说，干部要与群众多座谈。") == []
    assert meetings("3月1日，县委书记马国栋曾与部分民营企业家座谈。") == []


def test_a_meeting_of_a_tour_that_nobody_chairs_is_part_of_the_tour():
    [m] = meetings("4月5日，省人大常委会副主任韩志远率调研组来我市开展执法检查。市长邹明陪同检查或参加座谈。")
    assert m.kind == "inspection" and roles(m)["attendee"] == {"韩志远", "邹明"}
    # one its leader chairs is an event of its own (test_inspection_tour_and_a_meeting_chaired_on_the_way)


def test_a_tour_named_in_its_leaders_speech_clause_ends_before_the_speech():
    [m] = meetings("4月3日，区长邹明在城北新区调研时强调，要加快项目建设进度。副区长汤力参加调研。")
    assert (m.kind, m.name) == ("inspection", "调研") and roles(m)["speaker"] == {"邹明"}


def test_a_meeting_held_after_another_is_the_event_not_the_one_before():
    [m] = meetings("4月10日，全省安全生产电视电话会议召开后，我区紧接着召开会议进行贯彻落实。区长邹明主持会议并讲话，副区长汤力出席。")
    assert "全省" not in m.name and roles(m) == {"chair": {"邹明"}, "speaker": {"邹明"}, "attendee": {"汤力"}}


def test_an_enlarged_session_takes_who_held_it_and_a_quoted_word_stays_in_the_name():
    [m] = meetings("3月2日，区委常委会召开（扩大）会议，研究部署有关工作。区委书记罗文斌主持会议。")
    assert m.name == "区委常委会（扩大）会议" and roles(m) == {"chair": {"罗文斌"}}
    [m] = meetings("3月7日上午，我区召开庆祝“三八”国际妇女节暨表彰大会。区领导罗文斌、邹明出席。")
    assert m.name == "庆祝“三八”国际妇女节暨表彰大会"


def test_who_chairs_a_sitting_of_the_session_chairs_the_session():
    [m] = meetings("3月3日，政协某某区第十五届委员会第五次会议在区会议中心开幕。区政协主席罗文斌主持开幕会。")
    assert roles(m) == {"chair": {"罗文斌"}}


def test_two_meetings_joined_by_a_conjunction_are_two_names():
    [m] = meetings("1月15日，参加县十八届人大三次会议的代表和县政协十五届三次会议的委员们分组审议政府工作报告。"
                   "县人大代表、青山镇党委书记王海燕表示，报告目标明确。")
    assert m.name == "县十八届人大三次会议"


def test_numbered_meeting_takes_who_held_it():
    [m] = meetings("3月8日，县政府召开第10次常务会议，研究有关事项。县长邹明主持会议。")
    assert m.name == "县政府第10次常务会议" and roles(m) == {"chair": {"邹明"}}
    # who held it named between the verb and the year
    [m] = meetings("7月15日，县委书记罗文斌主持召开县委常委会2023年第15次会议，研究部署工作。县长邹明出席会议。", year=2023)
    assert m.name == "县委常委会第15次会议" and roles(m) == {"chair": {"罗文斌"}, "attendee": {"邹明"}}


def test_leader_cited_in_a_speech_is_no_participant():
    [m] = meetings("3月19日，我区召开疫情防控工作会议。区委书记王俊主持会议并讲话。他强调，要深入贯彻习近平总书记关于疫情防控的"
                   "重要指示精神，认真落实部署要求。")
    assert "习近平" not in {n for n, _ in m.participants}


def test_list_of_attendees_after_the_verb():
    [m] = meetings("十三届全国人大五次会议11日上午在北京人民大会堂闭幕。栗战书主持。在主席台就座的还有：丁薛祥、刘鹤、许其亮等。",
                   ref=date(2022, 3, 11))
    assert {"丁薛祥", "刘鹤", "许其亮"} <= roles(m)["attendee"]


@pytest.mark.parametrize("cue", ["担任大会执行主席的有：", "在主席台就座的有：", "出席会议的市领导有：", "参加会议的还有",
                                 "出席会议的县领导："])
def test_list_after_a_role_phrase_with_you(cue):
    [m] = meetings(f"1月5日，区第十八届人民代表大会第三次会议开幕。大会由主席团常务主席赵六主持。{cue}钱学文、孙丽华、周国强。")
    assert roles(m)["chair"] == {"赵六"} and {"钱学文", "孙丽华", "周国强"} <= roles(m)["attendee"]


def test_you_guan_is_not_a_list_cue():
    """"参加会议的有关部门负责人钱乙": 有关 (concerned) opens no list, so the name is read only by its own verb."""
    from tasks.meetings import LIST_AFTER_VERB_RE
    assert LIST_AFTER_VERB_RE.search("参加会议的有关部门负责人钱乙发言。") is None


def test_report_and_arrangements_at_a_meeting_make_speakers():
    [m] = meetings("3月10日，区委常委会召开会议，区委书记赵六主持会议并讲话。会上，区长钱乙通报了有关情况；"
                   "区委常委、常务副区长孙七就下步工作作了安排部署。")
    assert {"钱乙", "孙七"} <= roles(m)["speaker"]


def test_arrangements_given_as_zuo_bushu_attend_as_bushu_gongzuo_does():
    # the seeds' convention: who 部署具体工作 attends; 作了部署 is the same act
    [m] = meetings("12月2日，区委常委会召开会议。区委常委、常务副区长冯志强就有关工作作了部署。")
    assert roles(m) == {"attendee": {"冯志强"}}
    [m] = meetings("12月2日，区委常委会召开会议。冯志强对下一步工作作出部署。")
    assert roles(m) == {"attendee": {"冯志强"}}
    # and so is the same act said with 进行; 进行了安排部署 speaks, as 作了安排部署 does
    [m] = meetings("10月8日，全县森林防火工作会议召开。副县长谷青禾对秋季森林防火工作进行了具体部署。")
    assert roles(m) == {"attendee": {"谷青禾"}}
    [m] = meetings("10月8日，全县森林防火工作会议召开。副县长谷青禾对秋季森林防火工作进行了安排。")
    assert roles(m) == {"attendee": {"谷青禾"}}
    [m] = meetings("10月8日，全县森林防火工作会议召开。副县长谷青禾对秋季森林防火工作进行了安排部署。")
    assert roles(m) == {"speaker": {"谷青禾"}, "attendee": {"谷青禾"}}


def test_lecturers_readers_and_welcomers_at_a_meeting_are_speakers():
    [m] = meetings("6月8日，区委理论学习中心组召开集体学习会，区委书记赵六主持。会议邀请市委党校教授钱学文作专题辅导。"
                   "区委常委孙丽华领学党章。区委副书记李建华宣读了表彰决定。")
    assert {"钱学文", "孙丽华", "李建华"} <= roles(m)["speaker"]
    [m] = meetings("5月9日，全省现场会在我市召开，副省长赵六主持会议，市委书记钱学文在会上致欢迎辞。")
    assert "钱学文" in roles(m)["speaker"]


def test_an_invited_lecturer_speaks_though_a_study_session_stands_just_before():
    # 学习 cites only in the name's own clause: the clause before it names the session
    [m] = meetings("4月20日，县委理论学习中心组举行集体学习，邀请市委党校教授蒲映雪作专题辅导。县委书记窦远山主持。")
    assert roles(m) == {"chair": {"窦远山"}, "speaker": {"蒲映雪"}, "attendee": {"蒲映雪"}}


def test_a_lecture_a_county_holds_is_held_and_its_lecturer_speaks():
    [m] = meetings("8月11日，我县举办乡村振兴专题报告会，邀请省农科院研究员蒲映雪作专题报告。县长窦远山主持报告会。")
    assert (m.name, roles(m)) == ("乡村振兴专题报告会",
                                  {"chair": {"窦远山"}, "speaker": {"蒲映雪"}, "attendee": {"蒲映雪"}})
    # a lecture planned ("还将…，举办…研讨会") is not held
    assert meetings("此外，还将出版《柯远评传》，举办柯远艺术道路图片展、柯远艺术道路专题研讨会。") == []


def test_a_report_under_a_long_title_names_its_kind_after_the_title():
    [m] = meetings("5月17日，县委理论学习中心组举行专题学习。省社科院研究员蒲映雪作了题为《深入学习贯彻新时代中国特色"
                   "社会主义思想 奋力谱写高质量发展新篇章》的专题报告。")
    assert roles(m) == {"speaker": {"蒲映雪"}, "attendee": {"蒲映雪"}}


def test_leader_of_a_tour_whose_trip_comes_first_attends():
    [m] = meetings("8月2日，区委书记赵六一行先后来到红光村、青山镇，督导检查防汛工作。副区长钱学文一同督导。")
    assert roles(m)["attendee"] == {"赵六", "钱学文"}


def test_each_of_a_list_leading_tours_attends():
    [m] = meetings("11月11日，区领导赵六、钱学文、孙丽华分别带队，深入各镇街开展疫情防控督导。")
    assert roles(m)["attendee"] == {"赵六", "钱学文", "孙丽华"}


def test_leaders_who_each_chair_one_of_the_meetings_named_chair_it_in_order():
    [a, b] = meetings("5月4日，县委书记司马云、县长谭静姝分别主持召开县委常委会会议和县政府常务会议，研究部署防汛工作。")
    assert (a.name, roles(a)) == ("县委常委会会议", {"chair": {"司马云"}})
    assert (b.name, roles(b)) == ("县政府常务会议", {"chair": {"谭静姝"}})
    [a, b] = meetings("5月4日，县人大常委会主任卓望岳、县政协主席祁雨桐分别主持召开县人大常委会主任会议、县政协主席会议。")
    assert (roles(a), roles(b)) == ({"chair": {"卓望岳"}}, {"chair": {"祁雨桐"}})


def test_another_leader_visiting_elsewhere_in_a_clause_of_their_own_makes_a_tour_of_their_own():
    [a, b] = meetings("12月1日，县委书记司马云到金川镇调研，县长谭静姝到银河乡调研。")
    assert (a.kind, roles(a)) == ("inspection", {"attendee": {"司马云"}})
    assert (b.kind, b.meeting_date, roles(b)) == ("inspection", date(2022, 12, 1), {"attendee": {"谭静姝"}})
    # who comes along in a clause of their own is on the same tour
    [m] = meetings("12月1日，县委书记司马云到金川镇调研，镇党委书记谭静姝到现场陪同检查。")
    assert roles(m) == {"attendee": {"司马云", "谭静姝"}}


def test_leaders_each_going_somewhere_before_one_visit_verb_attend_it():
    [m] = meetings("10月15日，县委书记司马云到石桥镇、县长谭静姝到白马乡，督导秋收工作。")
    assert roles(m) == {"attendee": {"司马云", "谭静姝"}}
    [m] = meetings("11月6日，县委书记卓望岳到南山乡、县长谭静姝到北河镇、县委副书记祁雨桐到西坪乡，分别开展调研活动。")
    assert roles(m) == {"attendee": {"卓望岳", "谭静姝", "祁雨桐"}}


def test_who_came_along_or_led_a_team_on_a_tour_attends_it():
    [m] = meetings("5月12日，市委书记黄明远到我县调研，县领导邓波、马力随同调研。")
    assert roles(m)["attendee"] == {"黄明远", "邓波", "马力"}
    # the leader brings a team, then the trip: "带领…负责人，先后到…督导"
    [m] = meetings("5月12日，县委书记邓波带领县级有关部门负责人，先后到青山镇、白石乡督导检查安全生产工作。副县长钟伟参加督导。")
    assert m.kind == "inspection" and roles(m)["attendee"] == {"邓波", "钟伟"}


def test_who_accompanies_a_visit_written_with_de_attends_it():
    [m] = meetings("3月8日，在区委书记张伟的陪同下，省委组织部副部长刘洪涛一行到我区调研基层党建工作。")
    assert roles(m)["attendee"] == {"张伟", "刘洪涛"}
    [m] = meetings("3月8日，在区委书记张伟的主持下，区委常委会召开会议。")
    assert roles(m) == {"chair": {"张伟"}}


def test_two_leaders_named_before_the_visit_both_attend():
    [m] = meetings("5月6日，区委书记赵明杰和区长钱学文到青山镇调研产业发展工作。")
    assert roles(m)["attendee"] == {"赵明杰", "钱学文"}


def test_companions_of_a_tour_attend():
    [m] = meetings("11月26日，县委书记曹邦兴深入项目现场，调研指导疫情防控工作。曹邦兴强调，要抓好防控。县领导水韦梁一同调研。")
    assert roles(m) == {"speaker": {"曹邦兴"}, "attendee": {"曹邦兴", "水韦梁"}}


def test_chairing_another_meeting_is_no_chair_of_this_one():
    [m] = meetings("总结会议17日上午在京举行。蔡奇在总结会议上讲话。\n日前，习近平主持召开中央政治局常委会会议，听取报告。",
                   ref=date(2025, 9, 17))
    assert "chair" not in roles(m)


def test_tour_leader_attends_and_nameless_companions_add_nobody():
    [m] = meetings("11月14日，区委副书记、区长常晓勇专题调研检查疫情防控和企业生产。有关区领导及部门负责人参加。")
    assert roles(m) == {"attendee": {"常晓勇"}}


def test_both_sides_of_talks_take_part():
    [m] = meetings("8月9日，区委书记王建国会见了某某集团董事长周文斌一行。区领导张志强参加会见。")
    assert (m.kind, roles(m)) == ("talks", {"attendee": {"王建国", "周文斌", "张志强"}})
    [m] = meetings("3日，市长李明华在市行政中心同来访的某国驻华大使周文斌举行会谈。")
    assert roles(m) == {"attendee": {"李明华", "周文斌"}}


def test_named_people_before_unnamed_officials_share_their_verb():
    [m] = meetings("6月1日，县长李明华率队到各乡镇督导检查防汛工作。副县长赵国庆，县政府办、县水利局主要负责人一同参加。")
    assert roles(m) == {"attendee": {"李明华", "赵国庆"}}


def test_study_and_report_meetings():
    [m] = meetings("7月3日，区委理论学习中心组召开学习会。区委书记王建国主持。区政协主席孙立群参加学习。")
    assert (m.kind, m.name, roles(m)) == ("meeting", "区委理论学习中心组学习会",
                                          {"chair": {"王建国"}, "attendee": {"孙立群"}})
    [m] = meetings("3月5日，区委常委会召开会议，认真学习会议精神。区委书记王建国主持会议。")
    assert m.name == "区委常委会会议"   # 学习会议精神 holds 会议, not 学习会


# --- the seeds, end to end --------------------------------------------------------------------

def _score_module():
    spec = importlib.util.spec_from_file_location("dibao_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prediction(tables: dict[str, pa.Table], key) -> dict:
    """The scorer's view of the batch tables (what score.load_prediction reads from the warehouse)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    index, mindex = {}, {}
    for a in tables["articles"].to_pylist():
        row = {"id": a["article_id"], "title": a["title"] or "", "body": a["body"] or "", "people": {},
               "bylines": set(), "meetings": [], "person_ids": {},
               "date": str(a["published_date"]) if a["published_date"] else None}
        by_doc[a["doc_id"]].append(row)
        index[a["article_id"]] = row
    for p in tables["article_people"].to_pylist():
        a = index[p["article_id"]]
        a["person_ids"][key(p["name"])] = p["person_id"]
        if p["role"] == "subject":
            a["people"].setdefault(key(p["name"]), set()).update(key(t) for t in p["titles"])
        else:
            a["bylines"].add((key(p["name"]), p["role"]))
    for m in tables["meetings"].to_pylist():
        row = {"kind": m["kind"], "name": m["name"] or "", "roles": defaultdict(set),
               "date": str(m["meeting_date"]) if m["meeting_date"] else None}
        index[m["article_id"]]["meetings"].append(row)
        mindex[m["meeting_id"]] = row
    for p in tables["meeting_participants"].to_pylist():
        mindex[p["meeting_id"]]["roles"][p["role"]].add(key(p["name"]))
    return by_doc


@pytest.fixture(scope="module")
def seed_scores() -> dict:
    files = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    manifest, _ = read_manifest(SEEDS, {p.name for p in files})
    raws = [RawDocument(doc_id=p.name, data=p.read_bytes(), manifest=manifest.get(p.name)) for p in files]
    tables = process_batch(raws, version="test", now=datetime.now(timezone.utc))
    score = _score_module()
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    return score.score(gold, _prediction(tables, score.key))


@pytest.mark.parametrize("figure", ["people", "titles", "meetings", "chairs", "participants"])
def test_seeds_match_the_gold(seed_scores, figure):
    assert seed_scores[figure]["f1"] >= 0.95, seed_scores[figure]


def test_seed_people_keep_one_id_across_articles(seed_scores):
    assert seed_scores["same_person_id"]["accuracy"] == 1.0


# ---------------------------------------------------------------- sentence bounds read backwards

def _start_by_loop(text: str, i: int, stops: str) -> int:
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    return i


SENTENCE_PIECES = ["会议", "强调", "。", "；", ";", "！", "!", "？", "?", "\n", "，", ",", "甲", " "]


@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30), st.data())
def test_sentence_starts_and_ends_match_a_character_walk(pieces, data):
    from tasks import meetings as mt
    text = "".join(pieces)
    i = data.draw(st.integers(0, len(text)))
    assert mt._sentence_start_hard(text, i) == _start_by_loop(text, i, mt.SENTENCE_END)
    assert mt._sentence_start(text, i) == _start_by_loop(text, i, mt.SENTENCE_END + "，,")
    assert mt._sentence_end(text, i) == next((k for k in range(i, len(text)) if text[k] in mt.SENTENCE_END), len(text))


def test_meeting_format_needs_its_cue():
    from tasks.meetings import meeting_format
    assert meeting_format("区里召开全区安全生产工作会议。") is None
    assert meeting_format("会议以视频会议形式召开。") == "视频会议"
    assert meeting_format("市里召开全市安全生产电视电话会议。") == "电视电话会议"
    # the meeting's own name says it: "全市…电视电话会议召开。县长在县分会场参加会议"
    [m] = meetings("3月5日，全市安全生产电视电话会议召开。县长邹明在县分会场参加会议。")
    assert m.format == "电视电话会议" and roles(m) == {"attendee": {"邹明"}}


def test_a_speech_after_a_name_ending_like_a_speech_noun_s_word_is_a_speech():
    # 新 of 甘立新 is no "新讲话" (a new speech, a noun)
    [m] = meetings("3月5日，全县春耕生产工作会议召开。县委书记甘立新讲话。县长邹明主持会议。")
    assert roles(m)["speaker"] == {"甘立新"} and roles(m)["chair"] == {"邹明"}
    [m] = meetings("3月5日，全县春耕生产工作会议召开。会议传达了省委书记的新讲话精神。县长邹明主持会议。")
    assert "speaker" not in roles(m)


@pytest.mark.parametrize("length", [0, 1, 63, 64, 65, 300, 1000])
def test_sentence_start_reads_back_past_long_sentences(length):
    from tasks import meetings as mt
    for text in ("甲" * length, "。" + "甲" * length, "乙，" + "甲" * length):
        i = len(text)
        assert mt._sentence_start_hard(text, i) == _start_by_loop(text, i, mt.SENTENCE_END)
        assert mt._sentence_start(text, i) == _start_by_loop(text, i, mt.SENTENCE_END + "，,")


def test_roles_do_not_depend_on_the_hash_seed():
    """Overlapping names of one length resolve the same way in every process (string hashes vary)."""
    import subprocess
    import sys
    code = ("from tasks.meetings import assign_roles, rules; "
            "print(assign_roles('甲乙丙出席会议。', ['乙丙', '甲乙'], rules()))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__('os').environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(8)}
    assert len(outs) == 1, outs


def test_who_comes_to_a_meeting_to_guide_it_or_takes_part_attends():
    [m] = meetings("3月2日，县委书记杨国栋主持召开县委常委会会议。市委常委、副市长马永红到会指导。")
    assert roles(m) == {"chair": {"杨国栋"}, "attendee": {"马永红"}}
    [m] = meetings("3月2日，全县乡村振兴工作会议召开。市农业农村委副主任何丽莅临指导。")
    assert roles(m) == {"attendee": {"何丽"}}
    [m] = meetings("3月2日，县长林志强主持召开县政府常务会议，副县长罗建平、周敏参会。")
    assert roles(m) == {"chair": {"林志强"}, "attendee": {"罗建平", "周敏"}}
    [m] = meetings("3月2日，县长林志强到双河镇督导防汛工作，副县长罗建平参与督导。")
    assert roles(m) == {"attendee": {"林志强", "罗建平"}}


def test_who_reports_or_comments_at_a_meeting_speaks_there():
    [m] = meetings("3月2日，县委书记杨国栋主持召开专题会议。县应急局局长谢春生汇报了有关情况。")
    assert roles(m) == {"chair": {"杨国栋"}, "speaker": {"谢春生"}, "attendee": {"谢春生"}}
    [m] = meetings("3月2日，县委召开基层党建述职评议会。县委书记杨国栋主持会议并作点评。双河镇党委书记陈小华作述职报告。")
    assert roles(m) == {"chair": {"杨国栋"}, "speaker": {"杨国栋", "陈小华"}, "attendee": {"陈小华"}}


def test_who_briefs_speaks_but_a_source_cited_with_ju_does_not():
    [m] = meetings("3月5日，区政府新闻办召开新闻发布会，区发改委主任陈立军介绍，今年全区经济运行稳中有进。")
    assert roles(m).get("speaker") == {"陈立军"}
    [m] = meetings("3月5日，区委书记张建国主持召开座谈会。会上，区农业农村委主任杜春梅介绍说，春播进度过半。")
    assert roles(m)["speaker"] == {"杜春梅"}
    [m] = meetings("3月5日，区委书记张建国主持召开座谈会。据区统计局局长黄晓梅介绍，一季度数据向好。")
    assert roles(m) == {"chair": {"张建国"}}
    # 据了解 ends at its comma: the clause after it has its own subject
    [m] = meetings("3月5日，区委召开座谈会。据了解，区委书记张建国出席会议并讲话。")
    assert roles(m)["attendee"] == {"张建国"}


def test_a_report_heard_is_no_speech_of_who_heard_it():
    # 工作汇报 / 工作报告 hold 作汇报 / 作报告: the 作 of 工作 opens no speech verb
    [m] = meetings("3月2日，县委书记杨国栋主持召开专题会议，听取县应急局工作汇报。")
    assert roles(m) == {"chair": {"杨国栋"}}
    [m] = meetings("在今天召开的县政府全体会议上，县长林志强传达了市长邓波日前听取全县工作汇报时提出的要求。")
    assert "邓波" not in roles(m).get("speaker", set()) | roles(m).get("attendee", set())


def test_a_year_of_review_is_no_part_of_a_meetings_name():
    [m] = meetings("3月2日，县委召开2023年度基层党建述职会。县委书记杨国栋主持会议。")
    assert m.name == "基层党建述职会"
    [m] = meetings("3月2日，县委召开2023年度民主生活会。县委书记杨国栋主持会议。")
    assert (m.kind, m.name) == ("meeting", "民主生活会")


def test_who_hands_out_awards_at_a_ceremony_attends_it():
    [m] = meetings("3月2日，全县表彰大会召开。县委书记杨国栋出席并讲话，县领导林志强、罗建平为受表彰代表颁奖。")
    assert roles(m) == {"attendee": {"杨国栋", "林志强", "罗建平"}, "speaker": {"杨国栋"}}


def test_work_a_verb_is_about_is_its_object_not_a_speech_noun():
    [m] = meetings("3月2日，县委书记杨国栋主持召开县委常委会会议。县委常委、宣传部部长周敏就有关工作作说明。"
                   "县长林志强对下一步工作提出具体意见。")
    assert roles(m) == {"chair": {"杨国栋"}, "speaker": {"周敏", "林志强"}, "attendee": {"周敏", "林志强"}}
    # without 就/对 the same words are a noun: the report heard, not given
    [m] = meetings("3月2日，县委书记杨国栋主持召开县委常委会会议，听取全县工作通报。")
    assert roles(m) == {"chair": {"杨国栋"}}


def test_lectures_forums_and_ceremonies_are_meetings():
    [m] = meetings("4月3日，全县党纪学习教育专题报告会举行。县委书记夏国强主持报告会。")
    assert (m.name, roles(m)) == ("全县党纪学习教育专题报告会", {"chair": {"夏国强"}})
    [m] = meetings("4月3日，全县招商引资项目集中签约仪式举行。县委书记袁建华出席签约仪式。")
    assert (m.name, roles(m)) == ("全县招商引资项目集中签约仪式", {"attendee": {"袁建华"}})
    [m] = meetings("4月3日，第五届乡村振兴论坛在我县开幕。县委书记汪立新出席开幕式并致辞。")
    assert m.name == "第五届乡村振兴论坛" and roles(m) == {"attendee": {"汪立新"}, "speaker": {"汪立新"}}
    # one said not to be held is none; 了 and 的 open no name
    assert meetings("这次征文不举行颁奖仪式，所有奖品通过其他形式送达。") == []
    [m] = meetings("市委副书记李志坚主持了今天的报告会。")
    assert m.name == "报告会"


def test_a_festival_or_a_course_that_opens_is_a_meeting():
    [m] = meetings("9月16日，第三届高山茶文化旅游节在青溪镇开幕。县委书记祁望舒出席并致辞。")
    assert m.name == "第三届高山茶文化旅游节" and roles(m) == {"attendee": {"祁望舒"}, "speaker": {"祁望舒"}}
    [m] = meetings("5月8日，全县乡村振兴专题培训班开班，邀请省农业大学教授米晓岑授课。副县长祁望舒出席开班仪式并讲话。")
    assert m.name == "全县乡村振兴专题培训班" and roles(m)["speaker"] == {"米晓岑", "祁望舒"}
    # named in passing, it is none
    assert meetings("5月8日，县长祁望舒率队参加省农产品博览会。") == []


def test_a_party_lecture_a_leader_gives_is_a_meeting_they_speak_at():
    [m] = meetings("6月28日，县委书记柏嘉树为全县党员干部讲专题党课。")
    assert (m.name, roles(m)) == ("专题党课", {"speaker": {"柏嘉树"}, "attendee": {"柏嘉树"}})
    [m] = meetings("6月29日，县委书记柏嘉树在县委党校为全县科级干部讲授专题党课。县委常委、组织部部长苗若溪主持党课。")
    assert roles(m) == {"chair": {"苗若溪"}, "speaker": {"柏嘉树"}, "attendee": {"柏嘉树"}}
    # the talk's topic, commas and all, stands between the name and the verb
    [m] = meetings("7月1日，县委书记柏嘉树以“牢记初心使命，争当发展先锋”为题，为全县党员干部讲专题党课。")
    assert roles(m) == {"speaker": {"柏嘉树"}, "attendee": {"柏嘉树"}}


def test_a_meeting_word_chaired_again_is_the_same_meeting():
    [m] = meetings("4月3日，县委召开老党员座谈会。县委常委、组织部部长宋雅琴主持座谈会。")
    assert (m.name, roles(m)) == ("老党员座谈会", {"chair": {"宋雅琴"}})


def test_a_symposium_speaker_who_did_not_chair_attends():
    [m] = meetings("4月3日，全县民营企业座谈会召开。县委书记李国华讲话。县长王晓刚主持会议。")
    assert roles(m) == {"speaker": {"李国华"}, "attendee": {"李国华"}, "chair": {"王晓刚"}}


def test_who_speaks_while_chairing_chairs_and_speaks():
    [m] = meetings("4月3日，市长陈国强在主持召开市政府常务会议时强调，要抓好落实。")
    assert roles(m) == {"chair": {"陈国强"}, "speaker": {"陈国强"}}


def test_a_meeting_watched_at_a_branch_venue_is_in_passing():
    [m] = meetings("7月20日，我县在县分会场收听收看全省安全生产电视电话会议。副省长钱国良在会上讲话。"
                   "会后，县长金卫东主持召开全县安全生产紧急会议。他强调，要抓好落实。")
    assert (m.name, roles(m)) == ("全县安全生产紧急会议", {"chair": {"金卫东"}, "speaker": {"金卫东"}})


def test_a_meeting_said_next_to_have_been_watched_is_in_passing():
    [m] = meetings("5月9日，全省森林防灭火工作电视电话会议召开。县长林慧敏，副县长郑伟在云溪分会场收听收看。"
                   "会议结束后，林慧敏主持召开全县森林防灭火工作会议，对我县工作进行部署。")
    assert (m.name, roles(m)) == ("全县森林防灭火工作会议", {"chair": {"林慧敏"}})


def test_who_leads_a_team_to_examine_something_attends_the_tour():
    [m] = meetings("4月3日，区人大常委会主任黄振明带领区人大常委会组成人员，对全区食品安全工作开展执法检查。"
                   "副主任刘秀英参加检查。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"黄振明", "刘秀英"}}


def test_who_leads_a_team_named_or_not_to_examine_something_attends_the_tour():
    [m] = meetings("6月2日，县人大常委会主任韩立川带队，对全县食品安全工作开展执法检查。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"韩立川"}}
    [m] = meetings("6月2日，县人大常委会主任韩立川率执法检查组，对全县食品安全工作开展执法检查。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"韩立川"}}
    [m] = meetings("9月5日，由县人大常委会副主任柏雨桐带队的调研组，对全县养老服务工作开展专题调研。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏雨桐"}}


def test_a_host_named_before_the_meeting_keeps_its_whole_name():
    [m] = meetings("于永波在解放军总政治部召开的座谈会上强调，要抓好落实。")
    assert m.name == "解放军总政治部座谈会"


def test_a_meeting_dated_by_a_bare_day_a_relative_day_or_the_lead():
    ref = date(2024, 10, 17)
    [m] = meetings("区委书记林国华16日会见了刘海峰一行。", year=2024, ref=ref)
    assert m.meeting_date == date(2024, 10, 16)
    [m] = meetings("昨天上午，全市优化营商环境大会召开。", year=2024, ref=ref)
    assert m.meeting_date == date(2024, 10, 16)
    # the event's sentence has no date: the article's first one
    [m] = meetings("10月16日，深圳市考察团来我区考察。区长林国华会见了考察团一行。", year=2024, ref=ref)
    assert m.meeting_date == date(2024, 10, 16)


def test_who_is_met_or_welcomed_is_no_speaker():
    [m] = meetings("3月29日，区委书记谢国栋在会见上海市代表团团长叶建明一行时表示，欢迎来访。")
    assert roles(m) == {"speaker": {"谢国栋"}, "attendee": {"谢国栋", "叶建明"}}
    [m] = meetings("3月29日，区委书记林国华会见了刘海峰一行。林国华对市长刘海峰一行表示欢迎。")
    assert roles(m)["speaker"] == {"林国华"}


def test_work_talks_are_talks_not_a_work_meeting():
    [m] = meetings("3月29日，市长孙立军与来访的南宁市市长黄志远一行举行工作会谈。")
    assert m.kind == "talks" and roles(m) == {"attendee": {"孙立军", "黄志远"}}


def test_who_chairs_written_before_the_meeting_and_who_chairs_then_speaks():
    [m] = meetings("3月29日，由区委书记雷国强主持的区委常委会会议召开。")
    assert roles(m) == {"chair": {"雷国强"}}
    [m] = meetings("3月29日，县委常委会召开会议。县长王丽萍主持并就贯彻落实会议精神提出要求。")
    assert roles(m) == {"chair": {"王丽萍"}, "speaker": {"王丽萍"}}


def test_a_report_named_by_its_subject_is_a_speech():
    [m] = meetings("3月29日，区人大常委会召开会议。副区长黄丽作关于财政预算执行情况的报告。")
    assert roles(m) == {"speaker": {"黄丽"}, "attendee": {"黄丽"}}


def test_a_clause_of_when_speaks_for_the_tour_s_leader():
    [m] = meetings("3月29日，县委书记张强到城东街道调研，在调研中强调，要抓好落实。")
    assert roles(m) == {"speaker": {"张强"}, "attendee": {"张强"}}


def test_both_sides_of_talks_held_as_a_symposium_take_part():
    [m] = meetings("3月29日，区委书记林国华、区长陈刚与深圳华鑫集团董事长黄海涛一行座谈。")
    assert m.kind == "symposium" and roles(m) == {"attendee": {"林国华", "陈刚", "黄海涛"}}


def test_consultations_and_gatherings_are_meetings():
    [m] = meetings("3月29日，市政协召开专题协商会。市政协主席方志刚主持会议。")
    assert (m.kind, m.name, roles(m)) == ("meeting", "专题协商会", {"chair": {"方志刚"}})


def test_what_followed_the_meeting_is_an_event_of_its_own_with_its_own_people():
    [meeting, tour] = meetings("3月18日，县委书记黄立新主持召开县委常委会会议，研究部署重点工作。县长蒋文华出席会议。"
                               "会后，黄立新一行深入大岭镇，实地察看防汛工作。县委常委罗斌陪同。")
    assert roles(meeting) == {"chair": {"黄立新"}, "attendee": {"蒋文华"}}
    assert tour.kind == "inspection" and roles(tour) == {"attendee": {"黄立新", "罗斌"}}
    [first, second] = meetings("3月18日上午，县委书记黄立新主持召开县委常委会会议。当天下午，县长蒋文华主持召开"
                               "县政府第15次常务会议，研究有关事项。副县长罗斌、吴芳出席。")
    assert roles(first) == {"chair": {"黄立新"}}
    assert second.name == "县政府第15次常务会议" and roles(second) == {"chair": {"蒋文华"}, "attendee": {"罗斌", "吴芳"}}
    # what follows that is no event adds none
    [m] = meetings("3月18日，县委书记黄立新主持召开县委常委会会议。随后，与会人员观看了警示教育片。")
    assert roles(m) == {"chair": {"黄立新"}}
    # a meeting after a tour is one too, with the people of its sentences
    [tour, meeting] = meetings("7月20日上午，县长柴建伟督导检查防汛工作。当天下午，县委书记凤志刚主持召开防汛工作调度会。"
                               "副县长解国强参加会议。")
    assert roles(tour) == {"attendee": {"柴建伟"}}
    assert meeting.name == "防汛工作调度会" and roles(meeting) == {"chair": {"凤志刚"}, "attendee": {"解国强"}}
    [tour, symposium] = meetings("8月14日，副省长林正阳到我市调研。市委书记游建平陪同调研。随后，林正阳主持召开座谈会，"
                                 "听取我市工作汇报。市长詹丽君作汇报。")
    assert roles(tour) == {"attendee": {"林正阳", "游建平"}}
    assert roles(symposium) == {"chair": {"林正阳"}, "speaker": {"詹丽君"}, "attendee": {"詹丽君"}}


def test_readings_kept_narrow_where_a_wider_one_misread_county_reports():
    # the county's own meeting, watched by its townships at branch venues, is the event
    [m] = meetings("5月9日，全县森林防灭火工作视频会议召开。县长林慧敏在主会场讲话，各乡镇在分会场收听收看。")
    assert m.name == "全县森林防灭火工作视频会议" and "林慧敏" in roles(m)["speaker"]
    # 会同时 is no 会同
    [m] = meetings("5月9日，全县安全生产推进会同时召开。县长林慧敏讲话。")
    assert m.name == "全县安全生产推进会"
    # 随后 between two stops of one tour is the same tour
    [m] = meetings("5月9日，县委书记黄立新到青山镇调研。随后，黄立新来到龙潭镇，检查防汛工作。县委常委罗斌陪同调研。")
    assert roles(m) == {"attendee": {"黄立新", "罗斌"}}
    # 会见时 is a time: who speaks then still speaks
    [m] = meetings("5月9日，区委书记林国华会见了刘海峰一行。会见时林国华表示，欢迎来访。")
    assert roles(m)["speaker"] == {"林国华"}
    # the last 与 of the clause names whom the symposium is with
    [m] = meetings("5月9日，县委书记马国栋同志与部分民营企业家座谈。")
    assert m.name == "与部分民营企业家座谈" and roles(m) == {"attendee": {"马国栋"}}



def test_a_meeting_on_another_day_or_the_same_day_is_an_event_of_its_own():
    body = "7月5日，区长舒婉清主持召开全区安全生产工作会议。\n7月6日，区委书记蔺承远主持召开全区招商引资工作会议。"
    first, second = meetings(body, year=2023)
    assert (first.name, first.meeting_date, roles(first)) == ("全区安全生产工作会议", date(2023, 7, 5), {"chair": {"舒婉清"}})
    assert (second.name, second.meeting_date, roles(second)) == ("全区招商引资工作会议", date(2023, 7, 6), {"chair": {"蔺承远"}})
    first, second = meetings("7月5日，区委常委会召开会议。会议由区委书记蔺承远主持。\n"
                             "同日，蔺承远主持召开区委财经委员会第二次会议。区长舒婉清参加会议。", year=2023)
    assert roles(first) == {"chair": {"蔺承远"}}
    assert second.meeting_date == date(2023, 7, 5) and roles(second) == {"chair": {"蔺承远"}, "attendee": {"舒婉清"}}


def test_the_lead_s_day_written_again_opens_no_second_event():
    # (without the day check the 常务会议 named here became a second event, holding 单海鹏)
    [m] = meetings("7月5日，区长舒婉清主持召开全区安全生产工作会议。\n7月5日，区政府召开常务会议，研究部署安全生产"
                   "工作，副区长单海鹏参加会议。", year=2023)
    assert roles(m) == {"chair": {"舒婉清"}, "attendee": {"单海鹏"}}


def test_a_meeting_held_when_a_tour_ends_owns_the_reports_given_there():
    tour, talk = meetings("8月9日，县长詹立白到城关镇调研安全生产工作。\n调研结束后，詹立白主持召开安全生产工作座谈会。"
                          "县应急管理局局长单海鹏汇报了有关情况。", year=2023)
    assert tour.kind == "inspection" and talk.kind == "symposium"
    assert "单海鹏" not in {n for n, _ in tour.participants}
    assert roles(talk)["speaker"] == {"单海鹏"}


def test_he_after_a_briefing_is_still_who_led_the_tour_or_chaired():
    [m] = meetings("6月30日，县委书记雍振华到恒通机械公司调研。公司董事长汤博文介绍了企业生产情况。他强调，要做大做强实体经济。")
    assert "雍振华" in roles(m)["speaker"]
    [m] = meetings("3月2日，县委书记杨国栋主持召开专题会议。县应急局局长谢春生汇报了有关情况。他指出，要压实责任。")
    assert roles(m)["speaker"] == {"杨国栋", "谢春生"}


def test_leaders_parted_by_a_comma_and_several_titles_lead_the_tour_together():
    [m] = meetings("5月23日，区委书记蔺承远，区委副书记、区长舒婉清深入东关街道调研营商环境工作。")
    assert roles(m) == {"attendee": {"蔺承远", "舒婉清"}}


def test_who_reports_on_their_work_in_turn_speaks():
    [m] = meetings("1月18日，全县基层党建工作述职评议会召开。县委副书记裘玉峰主持会议。"
                   "石门镇党委书记栾国富、黄岭乡党委书记阚春生先后述职。")
    assert roles(m)["speaker"] == {"栾国富", "阚春生"}


def test_a_meeting_s_short_name_or_its_sittings_are_the_meeting_again():
    [m] = meetings("7月3日上午，全县重点项目建设调度会召开。县长詹立白主持县调度会。")
    assert m.name == "全县重点项目建设调度会" and roles(m) == {"chair": {"詹立白"}}
    [m] = meetings("11月24日，县政协十届十次常委会议召开。县政协副主席潘晓梅、邹文斌分别主持各阶段会议。")
    assert roles(m) == {"chair": {"潘晓梅", "邹文斌"}}


def test_who_leads_a_team_straight_to_its_work_leads_the_tour():
    [m] = meetings("5月23日，区委书记蔺承远率区直有关部门负责同志，调研全区营商环境工作。")
    assert roles(m) == {"attendee": {"蔺承远"}}


@pytest.mark.parametrize("body", [
    "5月6日，全县信访工作联席会议召开。受县长钮元庆委托，副县长郜明远主持会议。",
    "5月6日，全县信访工作联席会议召开。副县长郜明远受县长钮元庆委托主持会议。",
    "5月6日，受县长钮元庆委托，副县长郜明远主持召开全县信访工作联席会议。",
])
def test_who_delegated_the_chair_takes_no_part(body):
    [m] = meetings(body)
    assert roles(m) == {"chair": {"郜明远"}}


def test_a_name_whose_clause_did_something_else_does_not_chair():
    [m] = meetings("11月16日，招商推介会在深圳举行。县委书记亢振邦作推介，县长钮元庆主持推介会。")
    assert roles(m)["chair"] == {"钮元庆"}
    [m] = meetings("3月8日，全县植树造林工作会议召开。副县长郜明远对植树工作作了具体安排，县林业局局长宁慕远主持会议。")
    assert roles(m)["chair"] == {"宁慕远"}
    # names joined by a comma and nothing else chair together
    [m] = meetings("11月24日，县政协常委会议召开。县政协副主席潘晓梅，县政协秘书长邹文斌主持会议。")
    assert roles(m)["chair"] == {"潘晓梅", "邹文斌"}


def test_who_spoke_at_the_meeting_the_headline_names_is_its_speaker_where_the_body_says_he():
    [m] = meetings("3月1日，全县招商引资工作会议召开。他强调，要全力以赴抓招商。",
                   title="县委书记亢振邦在全县招商引资工作会议上强调")
    assert roles(m) == {"speaker": {"亢振邦"}, "attendee": {"亢振邦"}}
    assert m.participant_evidence["亢振邦", "speaker"] == "县委书记亢振邦在全县招商引资工作会议上强调"


@pytest.mark.parametrize("body, expected", [
    ("11月28日，县妇女第十五次代表大会开幕。县委副书记谷慧中代表县委致贺词。", {"speaker": {"谷慧中"}, "attendee": {"谷慧中"}}),
    ("9月5日，政企座谈会召开。县工信局局长颜子墨解读了惠企政策。", {"speaker": {"颜子墨"}, "attendee": {"颜子墨"}}),
    ("10月17日，县政协召开专题协商会。县政协委员邬晓峰建言献策。", {"speaker": {"邬晓峰"}, "attendee": {"邬晓峰"}}),
    ("3月8日，全县春季植树造林工作会议召开。副县长郜明远对全县春季植树造林工作作了具体安排。", {"attendee": {"郜明远"}}),
    ("7月8日，县委书记亢振邦采取“四不两直”方式，检查安全生产工作。", {"attendee": {"亢振邦"}}),
])
def test_greetings_briefings_proposals_arrangements_and_unannounced_checks(body, expected):
    [m] = meetings(body)
    assert roles(m) == expected


def test_sitting_in_on_a_meeting_is_attending_it():
    [m] = meetings("4月18日，县长钮元庆列席市政府第22次常务会议。")
    assert (m.name, roles(m)) == ("市政府第22次常务会议", {"attendee": {"钮元庆"}})


def test_a_tour_of_the_same_day_by_another_leader_is_a_tour_of_its_own():
    first, second = meetings("5月6日，县委书记亢振邦到联系点石桥乡调研。同日，县长钮元庆到联系点城关镇调研。")
    assert (roles(first), roles(second)) == ({"attendee": {"亢振邦"}}, {"attendee": {"钮元庆"}})
    assert second.meeting_date == date(2022, 5, 6)
    # the same leader's next stop is the same tour
    [m] = meetings("5月6日，县委书记亢振邦到石桥乡调研。同日，亢振邦还来到城关镇，检查安全生产工作。")
    assert roles(m) == {"attendee": {"亢振邦"}}


def test_the_lead_s_event_named_again_on_the_same_day_is_no_second_event():
    [m] = meetings("5月6日，县政协召开民营企业家座谈会。当天，县政协主席龚志远主持座谈会。")
    assert roles(m) == {"chair": {"龚志远"}}


@pytest.mark.parametrize("body", [
    "5月6日，县委书记韩立峰主持召开县委常委会会议。4月28日，中央政治局召开会议。县长蒋文博出席会议。",
    "5月6日，县十八届人大三次会议开幕。7日，大会举行第二次全体会议。县委书记韩立峰出席。",
])
def test_a_meeting_recalled_with_another_day_and_no_one_acting_in_it_takes_no_roles(body):
    [m] = meetings(body)
    assert "attendee" in roles(m)


def test_an_adverb_before_the_verb_of_holding_is_no_part_of_a_meeting_s_name():
    first, second = meetings("5月6日，县政协召开十届五次常委会议。县政协主席龚志远主持会议。同日，县政协还召开了主席会议，"
                             "副主席汪海鹏、邹玉林参加。")
    assert second.name == "县政协主席会议" and roles(second) == {"attendee": {"汪海鹏", "邹玉林"}}


def test_a_congress_sitting_on_the_next_day_is_the_congress_again():
    [m] = meetings("5月6日，县政协十届二次会议开幕。县政协主席龚志远主持开幕会。5月7日，大会举行第二次全体会议，"
                   "县政协副主席汪海鹏主持会议。")
    assert roles(m) == {"chair": {"龚志远", "汪海鹏"}}


def test_a_meeting_on_a_later_day_chaired_in_the_next_sentence_and_a_same_day_tour_after_a_meeting():
    tour, meeting = meetings("5月6日，县长邹玉林到白杨乡调研。5月8日，县政府召开第16次常务会议。邹玉林主持会议。")
    assert (meeting.name, meeting.meeting_date, roles(meeting)) == ("县政府第16次常务会议", date(2022, 5, 8), {"chair": {"邹玉林"}})
    first, second = meetings("5月6日，县委书记韩立峰主持召开县委常委会会议。同日，县长邹玉林到白杨乡检查防汛工作。")
    assert (second.kind, roles(second)) == ("inspection", {"attendee": {"邹玉林"}})
    # what the meeting's participants did on its day is a part of it
    [m] = meetings("5月6日，全县农业产业现场会召开。当天，与会人员观摩了白杨乡产业基地。县长邹玉林出席会议并讲话。")
    assert roles(m) == {"attendee": {"邹玉林"}, "speaker": {"邹玉林"}}


@pytest.mark.parametrize("body", [
    "6月2日，县委常委会召开会议。会议传达了市委书记甘立武在全市会议上的讲话精神，县长柏云峰出席会议并讲话。",
    "6月2日，县委常委会召开会议。县委副书记邬振平传达了省委副书记栾秋明在全省会议上的讲话精神，县长柏云峰讲话。",
    "6月2日，县委理论学习中心组召开会议。县委副书记邬振平领学了市委书记甘立武在全市会议上的讲话，县长柏云峰讲话。",
])
def test_a_titled_leader_whose_speech_is_relayed_takes_no_part(body):
    [m] = meetings(body)
    people = {n for n, _ in m.participants}
    assert "柏云峰" in roles(m)["speaker"] and not {"甘立武", "栾秋明"} & people


@pytest.mark.parametrize("part", ["下午，", "晚上，"])
def test_another_part_of_the_day_opens_a_meeting_of_its_own(part):
    first, second = meetings(f"6月6日上午，县长柏云峰主持召开县政府常务会议，研究有关事项。{part}柏云峰主持召开全县财源建设推进会，"
                             "副县长蔺文杰通报了有关情况。")
    assert roles(first) == {"chair": {"柏云峰"}}
    assert roles(second)["chair"] == {"柏云峰"} and "蔺文杰" in roles(second)["speaker"]


def test_a_study_session_held_with_jinxing_and_a_bureau_meeting():
    [m] = meetings("6月2日，县委理论学习中心组进行集体学习。县委书记甄立锋主持学习并讲话。")
    assert m.name == "县委理论学习中心组集体学习" and roles(m)["chair"] == {"甄立锋"}
    [m] = meetings("6月2日，局长屠红英主持召开局务会，副局长宁佳琦参加会议。")
    assert m.name == "局务会" and roles(m) == {"chair": {"屠红英"}, "attendee": {"宁佳琦"}}


@pytest.mark.parametrize("body, speaker", [
    ("会议听取了县委常委、常务副县长蔺文杰关于财政收支情况的汇报。", {"蔺文杰"}),
    ("会议听取了蔺文杰所作的财政收支情况报告。", {"蔺文杰"}),
    ("会议听取了蔺文杰、甄立锋的汇报。", {"蔺文杰", "甄立锋"}),
    ("会议听取了关于学习甄立锋书记讲话精神情况的汇报。", set()),
])
def test_who_gave_a_report_the_meeting_heard_speaks(body, speaker):
    [m] = meetings(f"6月2日，县政府召开常务会议。{body}县长柏云峰主持会议并讲话。")
    assert roles(m)["speaker"] - {"柏云峰"} == speaker


@pytest.mark.parametrize("sentence", ["县委书记甄立锋出席开班式并作开班动员。", "县委书记甄立锋作专题宣讲。",
                                      "县委书记甄立锋讲专题党课。"])
def test_opening_a_course_and_lecturing_are_speaking(sentence):
    [m] = meetings(f"6月2日，全县乡村振兴专题培训班举行开班式。{sentence}")
    assert "甄立锋" in roles(m)["speaker"]


def test_talks_with_a_team_and_the_symposium_named_again_by_its_noun():
    [m] = meetings("6月2日，市政协副主席饶文斌率调研组来我县调研。县委书记甄立锋与调研组一行座谈。")
    assert roles(m)["attendee"] == {"饶文斌", "甄立锋"}
    [m] = meetings("6月2日，县委书记甄立锋与部分民营企业家座谈。县长柏云峰主持座谈会。")
    assert roles(m)["chair"] == {"柏云峰"} and "甄立锋" in roles(m)["attendee"]
    [m] = meetings("6月2日，县长柏云峰主持召开座谈会，甄立锋参加座谈。")
    assert roles(m) == {"chair": {"柏云峰"}, "attendee": {"甄立锋"}}


def test_who_hosts_a_ceremony_is_no_chair():
    [m] = meetings("6月2日，全县表彰大会召开。县委副书记邬振平致辞，主持人宁佳琪宣读了表彰名单。")
    assert "chair" not in roles(m) and "宁佳琪" in roles(m)["speaker"]


def test_who_chairs_a_signing_ceremony_signs_nothing():
    [m] = meetings("6月9日，我县与某新材料公司举行项目签约仪式。副县长卓清扬与公司副总经理闻一舟代表双方签约。"
                   "县长麦知远主持签约仪式。")
    assert roles(m) == {"chair": {"麦知远"}, "attendee": {"卓清扬", "闻一舟"}}


def test_a_speech_printed_whole_is_given_by_who_signs_it():
    page = ("在全县经济工作会议上的讲话\n县委书记　廉秀芬\n（2023年12月20日）\n同志们：\n"
            "　　这次会议的主要任务是，总结今年经济工作，安排部署明年工作。")
    from tests.test_articles import pipeline
    [d] = pipeline(page)
    ctx = ArticleContext(article_id="a", doc_id="d", title=d.title, body=d.body, subtitle=d.subtitle, year=2023)
    people = extract_people(ctx)
    assert {p.name: p.titles for p in people} == {"廉秀芬": ["县委书记"]}
    [m] = extract_meetings(ctx, people)
    assert m.name == "全县经济工作会议" and m.meeting_date == date(2023, 12, 20)
    assert roles(m) == {"speaker": {"廉秀芬"}, "attendee": {"廉秀芬"}}


def test_two_meetings_chaired_one_after_the_other_have_their_own_names():
    first, second = meetings("8月14日，县委书记甄立锋先后主持召开县委常委会会议和县委财经委员会会议，研究有关工作。")
    assert (first.name, second.name) == ("县委常委会会议", "县委财经委员会会议")
    [m] = meetings("8月14日，全县经济社会和生态文明建设推进会召开。")
    assert m.name == "全县经济社会和生态文明建设推进会"


@pytest.mark.parametrize("body, speakers", [
    ("会议首先集中学习，县委书记蔺文杰强调，要抓好落实。", {"蔺文杰"}),   # 学习 cites in the clause before
    ("副县长甄立锋领学《条例》，县长柏云峰讲话。", {"甄立锋", "柏云峰"}),
])
def test_a_citing_word_in_the_clause_before_a_titled_name_cites_no_one(body, speakers):
    [m] = meetings(f"5月6日，县政府党组召开专题学习会。{body}")
    assert roles(m)["speaker"] == speakers


@pytest.mark.parametrize("body", ["会议听取了县审计局对蔺文杰同志的经济责任审计报告。",
                                  "会议听取了拟提拔人选蔺文杰同志的考察情况汇报。"])
def test_whom_a_heard_report_is_about_does_not_speak(body):
    [m] = meetings(f"6月2日，县委常委会召开会议。{body}县委书记柏云峰主持会议。")
    assert "蔺文杰" not in {n for n, _ in m.participants}


@pytest.mark.parametrize("cue", ["下午，", "当天下午，"])
def test_who_accompanies_the_afternoon_of_a_tour_leads_no_tour_of_its_own(cue):
    [m] = meetings(f"5月6日，市委书记甄立锋到青禾县调研乡村振兴工作，县委书记柏云峰陪同。{cue}在县长蔺文杰的陪同下，"
                   "调研组一行来到青禾工业园区调研。")
    assert roles(m)["attendee"] == {"甄立锋", "柏云峰", "蔺文杰"}


@pytest.mark.parametrize("meeting", ["人居环境整治工作推进会", "人才工作领导小组会议", "人大常委会党组会议"])
def test_chairing_a_meeting_whose_name_opens_with_ren(meeting):
    [m] = meetings(f"5月6日，县长柏云峰主持召开{meeting}并讲话。")
    assert roles(m)["chair"] == {"柏云峰"}


def test_a_second_symposium_named_by_its_bare_noun_is_its_own():
    first, second = meetings("5月6日上午，县委书记甄立锋主持召开民营企业家座谈会，听取意见建议。当天下午，县长柏云峰主持召开座谈会，"
                             "听取群众代表意见。")
    assert roles(second)["chair"] == {"柏云峰"} and "甄立锋" in roles(first)["chair"]


@pytest.mark.parametrize("subtitle, expected", [
    ("郝振川主持并讲话 冯立新出席", {"chair": {"郝振川"}, "speaker": {"郝振川"}, "attendee": {"冯立新"}}),
    ("邵文斌讲话 温晓辉主持", {"chair": {"温晓辉"}, "speaker": {"邵文斌"}, "attendee": {"邵文斌"}}),
    ("邵文斌代表县委常委会作工作报告 温晓辉主持", {"chair": {"温晓辉"}, "speaker": {"邵文斌"}, "attendee": {"邵文斌"}}),
    ("牢记嘱托 郝振川冯立新出席", {"attendee": {"郝振川", "冯立新"}}),
])
def test_a_deck_that_says_who_did_what_gives_the_roles_the_body_does_not(subtitle, expected):
    [m] = meetings("3月2日，县委常委会召开扩大会议，研究部署有关工作。会议强调，要抓好落实。", title="县委常委会召开扩大会议",
                   subtitle=subtitle)
    assert roles(m) == expected
    assert all(m.participant_evidence[pair] == subtitle for pair in m.participants)


def test_a_headline_names_the_chair_of_a_meeting_without_its_number():
    [m] = meetings("5月22日，县政府召开第21次常务会议，研究审议有关事项。", title="孟庆丰主持召开县政府常务会议")
    assert roles(m) == {"chair": {"孟庆丰"}}


@pytest.mark.parametrize("heard", ["县人大常委会召开第八次会议。会议听取和审议了副县长甘海川关于安全生产工作情况的报告。",
                                   "县长柏云峰主持召开专题会议，听取副县长甘海川关于文旅工作的汇报。"])
def test_who_gave_a_report_heard_and_reviewed_or_heard_by_the_chair_speaks(heard):
    [m] = meetings(f"6月15日，{heard}")
    assert "甘海川" in roles(m)["speaker"]


@pytest.mark.parametrize("body, role, name", [
    ("6日，玉峰县文旅招商推介会在成都举行。县长闵海川出席并推介了文旅资源。", "speaker", "闵海川"),
    ("6日，县委常委班子召开民主生活会。县委书记柏云峰主持会议并代表县委常委班子作对照检查。", "speaker", "柏云峰"),
    ("6日，县政府党组召开民主生活会。市委第五督导组组长甄立锋到会指导并点评。", "speaker", "甄立锋"),
    ("6日，省督导组来我县督导春耕生产。副县长蔺文杰陪同督导并汇报工作。", "speaker", "蔺文杰"),
    ("6日，县委书记柏云峰入户走访困难群众。他叮嘱，要把温暖送到群众心坎上。", "speaker", "柏云峰"),
    ("6日，我县文旅项目签约仪式举行。县长蔺文杰与某集团董事长甄立锋签订合作协议。", "attendee", "甄立锋"),
])
def test_pitches_self_reviews_comments_reports_advice_and_signatures_give_roles(body, role, name):
    [m] = meetings(body.replace("6日", "5月6日"))
    assert name in roles(m)[role]


def test_a_pitch_meeting_held_gives_no_one_a_role_by_its_noun():
    [m] = meetings("5月6日，县长闵海川出席招商推介会。")
    assert roles(m) == {"attendee": {"闵海川"}}


def test_a_numbered_sitting_of_the_meeting_is_no_meeting_of_its_own():
    [m] = meetings("8月22日，市人大常委会第九次会议举行。市人大常委会主任柏云峰主持第一次全体会议。")
    assert m.name == "市人大常委会第九次会议" and roles(m) == {"chair": {"柏云峰"}}
    [m] = meetings("7月29日至30日，中共某县第十四届委员会第六次全体会议召开。29日上午，全会举行第一次全体会议。"
                   "30日下午，全会举行第二次全体会议，县委书记柏云峰作总结讲话。")
    assert roles(m)["speaker"] == {"柏云峰"}


def test_who_chairs_talks_takes_part_in_them():
    [m] = meetings("5月6日，我县与某集团举行工作会谈。县委书记柏云峰出席会谈并讲话。县长蔺文杰主持会谈。")
    assert roles(m)["attendee"] == {"柏云峰", "蔺文杰"}


def test_the_guests_visit_named_before_them_is_no_tour():
    [m] = meetings("5月6日，县长柏云峰与来我县考察的某集团总经理甄立锋一行座谈交流。")
    assert m.kind == "symposium" and roles(m)["attendee"] == {"柏云峰", "甄立锋"}


def test_a_list_of_names_each_with_its_titles_after_it_goes_on_across_semicolons():
    [m] = meetings("2月15日，全县政法工作会议召开。出席会议的县领导有：柏云峰，县委书记；蔺文杰，县委副书记、县长。柏云峰讲话。")
    assert roles(m)["attendee"] == {"柏云峰", "蔺文杰"}


def test_a_deck_list_closed_by_deng_attends():
    [m] = meetings("6月2日，全县安全生产工作会议召开。", subtitle="邵文斌讲话 蔺文杰等出席")
    assert roles(m) == {"speaker": {"邵文斌"}, "attendee": {"邵文斌", "蔺文杰"}}


def test_a_ceremony_a_county_calls_an_activity_is_a_meeting():
    [m] = meetings("9月26日，我县四季度重大项目集中开工活动在县经开区举行。县委书记柏云峰宣布项目开工，县长蔺文杰致辞。")
    assert m.name == "我县四季度重大项目集中开工活动" and roles(m)["speaker"] == {"柏云峰", "蔺文杰"}


def test_an_inspection_teams_round_is_a_tour_unless_it_opens_a_meetings_name():
    [m] = meetings("10月10日，市委第一巡察组组长甄立锋一行来我县开展巡察“回头看”。县委书记柏云峰接待并汇报了整改工作情况。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"甄立锋", "柏云峰"}, "speaker": {"柏云峰"}}
    [m] = meetings("4月3日，县委书记柏云峰主持召开巡察整改工作推进会。")
    assert (m.kind, roles(m)) == ("meeting", {"chair": {"柏云峰"}})


@pytest.mark.parametrize("body", ["5月6日，将乐县举办第三届文化旅游节开幕式，县委书记骆秋石出席并致辞。",
                                  "为将党的二十大精神学深悟透，5月6日，我县举办专题报告会，县委书记骆秋石主持。"])
def test_jiang_as_a_county_s_name_or_as_ba_plans_no_event(body):
    assert len(meetings(body)) == 1


def test_a_leaders_visit_to_people_or_a_site_office_is_a_tour_and_what_is_sent_or_a_meeting_named_after_it_is_not():
    [m] = meetings("1月20日，区委书记柏云峰，区长蔺文杰看望慰问驻区部队官兵。区委常委甄立锋陪同慰问。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰", "甄立锋"}}
    [m] = meetings("7月14日，县长柏云峰到城东片区现场办公，副县长蔺文杰参加。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}
    [m] = meetings("8月16日，县长柏云峰主持召开重点项目现场办公会。")
    assert m.kind == "meeting"
    assert meetings("1月20日，县民政局将慰问金发放到困难群众手中，局长柏云峰表示，还将继续做好帮扶。") == []
    assert meetings("1月20日，市长柏云峰致电灾区，向受灾群众致以亲切的慰问。") == []
    [m] = meetings("1月20日，县委书记柏云峰出席老党员座谈会，并看望慰问了与会老党员。")
    assert m.kind == "symposium"
    # sympathy sent earlier in the clause, and what is sent after a call, make no tour
    assert meetings("9月9日，县长柏云峰代表县委、县政府向全县广大教师致以节日祝贺和诚挚慰问。") == []
    assert meetings("春节前夕，县委书记柏云峰发表新春电视讲话，向全县人民送去新春祝福和诚挚慰问。") == []
    # only calls on people take those nouns: 调研金融, 检查电力 are visits
    [m] = meetings("5月6日，县长柏云峰到东岭镇调研金融服务实体经济工作。副县长蔺文杰陪同调研。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}
    [m] = meetings("5月6日，县长柏云峰到东岭镇调研电商产业发展情况。")
    assert m.name == "调研电商产业发展情况"


@pytest.mark.parametrize("body", ["记者获悉，我县将于下月中旬召开全县招商引资大会，县委书记柏云峰将出席并讲话。",
                                  "经县政府研究，定于3月10日召开全县安全生产工作会议。会议由副县长柏云峰主持。"])
def test_a_meeting_with_a_date_set_for_it_is_not_held(body):
    assert meetings(body) == []


def test_a_meeting_watched_at_a_branch_venue_and_named_again_is_not_the_event():
    assert meetings("5月10日，全省安全生产电视电话会议召开。县长柏云峰在县分会场收看会议。") == []


def test_a_notice_of_a_meeting_to_come_reports_no_meeting():
    assert meetings("各乡镇、县直各单位：\n经研究，定于3月10日召开全县安全生产工作会议。会议由副县长柏云峰主持。",
                    title="关于召开全县安全生产工作会议的通知") == []


def test_arrangements_made_without_juti_attend_and_with_bushu_speak():
    [m] = meetings("6月16日，县政府召开安全生产专题会议。县长柏云峰主持会议，副县长蔺文杰、甄立锋分别就分管领域工作作了安排。")
    assert roles(m) == {"chair": {"柏云峰"}, "attendee": {"蔺文杰", "甄立锋"}}
    [m] = meetings("6月16日，全县安全生产会议召开。副县长蔺文杰对下步工作作了安排部署。")
    assert roles(m) == {"speaker": {"蔺文杰"}, "attendee": {"蔺文杰"}}


def test_a_clause_opening_with_a_post_does_not_carry_the_subject_before_it():
    # 仉 is a surname the people rules may not know: who chairs is then unknown, not the speaker before
    [m] = meetings("3月14日，我县召开重点项目建设专题会议。县长柏云峰出席会议并讲话，副县长仉思远主持会议。")
    assert "chair" not in roles(m) or roles(m)["chair"] != {"柏云峰"}
    [m] = meetings("3月14日，我县召开重点项目建设专题会议。县长柏云峰主持会议，并讲话。")
    assert roles(m) == {"chair": {"柏云峰"}, "speaker": {"柏云峰"}}


def test_a_report_given_with_suo_zuo_speaks_for_the_whole_two_character_name():
    [m] = meetings("8月29日，县人大常委会第十次会议召开。县人大常委会主任柏云峰主持会议。会议听取了副县长瞿岚所作的关于全县乡村振兴工作情况的报告。")
    assert roles(m) == {"chair": {"柏云峰"}, "speaker": {"瞿岚"}, "attendee": {"瞿岚"}}


def test_who_will_attend_a_meeting_on_a_set_day_reports_no_meeting():
    assert meetings("县委书记柏云峰将于下周出席全市经济工作会议并作交流发言。") == []


def test_a_leader_who_takes_a_team_to_see_for_themselves_leads_the_tour():
    [m] = meetings("10月24日，县委书记柏云峰带领县四套班子领导，实地观摩全县重点项目建设。县长蔺文杰参加观摩。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}


def test_who_attends_a_meeting_chaired_on_a_tour_attends_it_and_who_came_along_attends_the_tour():
    tour, talk = meetings("7月20日，副市长柏云峰到我县督导防汛工作，并主持召开防汛工作调度会。县委书记蔺文杰，县长甄立锋参加会议。")
    assert roles(tour) == {"attendee": {"柏云峰"}}
    assert roles(talk) == {"chair": {"柏云峰"}, "attendee": {"蔺文杰", "甄立锋"}}
    tour, talk = meetings("7月6日，县长柏云峰到柳河镇调研特色产业发展。调研结束后，柏云峰主持召开座谈会。副县长蔺文杰参加调研。")
    assert roles(tour) == {"attendee": {"柏云峰", "蔺文杰"}} and roles(talk) == {"chair": {"柏云峰"}}


def test_a_closing_line_listing_who_attended_under_its_label_stays_the_reports_text():
    from tasks.articles import split_articles
    from tasks.clean import clean_page
    from tasks.normalise import normalise_page
    page, _ = normalise_page(clean_page("全县三级干部大会召开\n2月6日，全县三级干部大会召开。县委书记柏云峰讲话。\n"
                                        "出席会议的县领导：蔺文杰 甄立锋 詹立白\n"))
    [d] = split_articles(page)
    assert d.body.endswith("詹立白")
    [m] = meetings(d.body, title=d.title)
    assert roles(m)["attendee"] == {"柏云峰", "蔺文杰", "甄立锋", "詹立白"}


def test_work_deployed_in_the_perfect_attends_as_deployed_concrete_work_does():
    [m] = meetings("2月13日，全县组织宣传工作会议召开。县委书记柏云峰出席会议并讲话。县委常委、组织部部长蔺文杰，"
                   "县委常委、宣传部部长甄立锋分别部署了组织、宣传工作。")
    assert roles(m) == {"speaker": {"柏云峰"}, "attendee": {"柏云峰", "蔺文杰", "甄立锋"}}


def test_a_visiting_teams_head_makes_a_tour_even_when_the_name_is_not_read():
    [m] = meetings("10月11日，省委第二巡视组组长某某某来我县调研。县委书记柏云峰陪同调研。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰"}}


def test_a_leader_who_calls_a_meeting_chairs_it_but_not_a_meeting_named_or_already_chaired():
    [m] = meetings("7月4日，市长柏云峰在我县召开经济运行座谈会。县委书记蔺文杰汇报了全县经济运行情况。")
    assert roles(m)["chair"] == {"柏云峰"}
    [m] = meetings("9月12日，县长柏云峰主持召开县政府常务会议，传达学习了市长甄立锋在全市调度会上的讲话精神。")
    assert roles(m) == {"chair": {"柏云峰"}}
    [m] = meetings("5月6日，县委书记柏云峰在全县召开的安全生产工作会议上强调，要压实责任。")
    assert "chair" not in roles(m)
    # a meeting asked for or planned is not called by who asks for it
    [m] = meetings("5月6日，全县防汛工作会议召开。县长柏云峰出席会议并讲话。柏云峰建议尽快召开部门联席会议研究解决存在问题。")
    assert roles(m) == {"attendee": {"柏云峰"}, "speaker": {"柏云峰"}}


def test_a_clause_opening_with_a_word_ending_in_zhang_that_is_no_post_carries_the_subject():
    [m] = meetings("5月6日，全县表彰大会召开。县长柏云峰出席活动并讲话，为获奖家长颁奖。")
    assert roles(m) == {"attendee": {"柏云峰"}, "speaker": {"柏云峰"}}
    from tasks.meetings import assign_roles, rules
    text = "县长柏云峰出席活动并讲话，为获奖家长颁奖。"
    assert ("柏云峰", "attendee", text.index("颁奖")) in assign_roles(text, ["柏云峰"], rules())


@pytest.mark.parametrize("word", ["专家咨询会", "规划论证会", "督查交办会", "集体谈话会"])
def test_meetings_to_consult_review_hand_out_tasks_or_talk_with_cadres(word):
    [m] = meetings(f"9月5日，我县召开乡村振兴{word}。副县长柏云峰主持会议。")
    assert m.name.endswith(word) and roles(m) == {"chair": {"柏云峰"}}


def test_a_date_standing_as_a_clause_of_its_own_dates_the_meeting_not_one_inside_another_clause():
    [m] = meetings("为贯彻落实5月8日全省安全生产会议精神，5月11日上午，全县安全生产工作会议召开。县长柏云峰出席会议并讲话。",
                   year=2023)
    assert m.meeting_date == date(2023, 5, 11)
    [m] = meetings("全县安全生产工作会议于5月11日召开。县长柏云峰出席会议并讲话。", year=2023)
    assert m.meeting_date == date(2023, 5, 11)
    [m] = meetings("全县安全生产工作会议5月11日召开，5月12日，县长柏云峰到企业检查。", year=2023)
    assert m.meeting_date == date(2023, 5, 11)


def test_who_witnesses_a_signing_or_cuts_a_ribbon_attends():
    [m] = meetings("8月3日，我县与某集团项目签约仪式举行。县委书记柏云峰、县长蔺文杰共同见证签约。副县长甄立锋为项目剪彩。")
    assert roles(m) == {"attendee": {"柏云峰", "蔺文杰", "甄立锋"}}


def test_a_river_chiefs_patrol_or_a_leaders_round_of_checks_is_a_tour():
    [m] = meetings("6月1日，县委书记、县级总河长甄立锋到清水河巡河。副县长蔺文杰一同巡河。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"甄立锋", "蔺文杰"}}
    [m] = meetings("6月1日，县长柏云峰带队巡查城区环境卫生。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰"}}


def test_who_is_only_quoted_on_a_tour_and_holds_no_office_takes_no_part():
    [m] = meetings("4月12日，县委书记柏云峰到红石镇调研蓝莓产业。基地负责人蔺文杰说，今年预计产值可达500万元。"
                   "柏云峰强调，要做大做强特色产业。镇党委书记甄立锋表示，将全力抓好落实。")
    assert roles(m) == {"speaker": {"柏云峰", "甄立锋"}, "attendee": {"柏云峰", "甄立锋"}}


def test_a_paragraph_that_opens_at_one_of_the_meetings_gives_it_the_roles_of_its_sentences():
    [a, b] = meetings("8月5日，县委书记柏云峰、县长蔺文杰分别主持召开县委常委会会议和县政府常务会议。\n"
                      "在县委常委会会议上，柏云峰强调，要绷紧防汛这根弦。县委副书记甄立锋出席会议。\n"
                      "在县政府常务会议上，蔺文杰要求，各乡镇要落实转移避险措施。副县长吕思远出席会议。")
    assert (a.name, b.name) == ("县委常委会会议", "县政府常务会议")
    assert roles(a)["attendee"] == {"甄立锋"} and roles(b)["attendee"] == {"吕思远"}
    # not who is said to come along on the tour
    [a, b] = meetings("9月5日，市委书记柏云峰到我县调研，并主持召开座谈会。县长蔺文杰陪同调研并参加座谈会。\n"
                      "座谈会上，蔺文杰汇报了全县工作。柏云峰强调，要坚持生态优先。市委常委甄立锋参加调研。")
    assert "甄立锋" in roles(a)["attendee"] and "甄立锋" not in roles(b).get("attendee", set())


def test_who_chairs_the_meeting_named_after_the_verb_chairs_it_after_a_sequel_too():
    [a, b] = meetings("10月16日，我县与某集团签约仪式在县行政中心举行。县委书记柏云峰出席签约仪式。"
                      "签约前，柏云峰会见了某集团董事长蔺文杰一行。副县长甄立锋主持签约仪式。")
    assert (a.name, b.kind) == ("我县与某集团签约仪式", "talks")
    assert roles(a)["chair"] == {"甄立锋"} and "甄立锋" not in roles(b).get("attendee", set())


def test_who_hands_out_an_award_is_named_in_the_award_verbs_own_clause():
    [m] = meetings("6月29日，县委书记柏云峰走访慰问老党员。94岁的蔺文杰是1949年入党的老党员，柏云峰为他颁发纪念章。")
    assert roles(m) == {"attendee": {"柏云峰"}}


def test_who_reads_out_and_explains_a_law_at_a_meeting_speaks():
    [m] = meetings("1月9日，县长柏云峰主持召开县政府常务会议。会议学习了《中华人民共和国安全生产法》，"
                   "由县司法局局长蔺文杰进行解读。")
    assert roles(m) == {"chair": {"柏云峰"}, "speaker": {"蔺文杰"}, "attendee": {"蔺文杰"}}


def test_who_is_handed_an_award_or_a_letter_after_wei_is_no_subject_of_the_award_verb():
    [m] = meetings("4月21日，县人才工作推进会召开。县委常委、组织部部长柏云峰出席会议并为受聘专家蔺文杰、甄立锋颁发聘书。")
    assert roles(m) == {"attendee": {"柏云峰"}}
    [m] = meetings("3月8日，全县表彰大会召开。县领导柏云峰、蔺文杰为受表彰代表颁奖。")
    assert roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}


def test_a_tour_the_headline_names_without_a_name_is_led_by_who_makes_the_trip_in_the_lead():
    [m] = meetings("11月3日，市委书记柏云峰走进县化工园区、县城燃气站，详细了解安全生产工作情况。县长蔺文杰陪同。",
                   title="市委书记到我县督导安全生产")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}


@pytest.mark.parametrize("word", ["项目奠基仪式", "大桥通车仪式", "文化艺术节颁奖典礼", "新春联谊会", "产业发展峰会"])
def test_ceremonies_and_gatherings_a_county_holds_are_meetings(word):
    [m] = meetings(f"5月6日，{word}在县城举行。县委书记柏云峰出席并致辞。")
    assert m.name.endswith(word) and roles(m) == {"speaker": {"柏云峰"}, "attendee": {"柏云峰"}}


def test_a_leader_pushing_a_project_on_its_site_is_on_a_tour():
    [m] = meetings("5月6日，县长柏云峰到城南片区督战项目建设。副县长蔺文杰一同督战。")
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}


def test_a_speech_verb_opening_a_clause_goes_on_with_who_opens_the_sentence():
    [m] = meetings("6月23日，副县长柏云峰到县中学督导检查中考工作。柏云峰仔细查看了考场布置、视频监控和保密室设置情况，"
                   "要求严格落实考务管理各项制度。")
    assert roles(m)["speaker"] == {"柏云峰"}
    [m] = meetings("2月22日，副市长柏云峰带领督导组来我县督导春耕工作。副县长蔺文杰陪同。"
                   "他对我县春耕备播工作给予肯定，要求进一步抓好麦田管理。")
    assert roles(m)["speaker"] == {"柏云峰"}
    # not who is only named inside the sentence
    [m] = meetings("6月23日，县长柏云峰到县中学督导检查中考工作。校长蔺文杰介绍了考场布置情况，"
                   "要求严格落实考务管理各项制度。")
    assert "柏云峰" not in roles(m).get("speaker", set())


def test_an_official_who_briefs_a_tours_leader_attends_but_not_a_village_head():
    [m] = meetings("8月9日，副市长柏云峰到我县调研招商引资工作，听取了县长蔺文杰的工作汇报。")
    assert roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}
    [m] = meetings("5月6日，县长柏云峰到柳溪镇调研。在石门村，柏云峰听取了村党支部书记甄立锋的情况汇报。")
    assert roles(m) == {"attendee": {"柏云峰"}}


def test_an_event_its_sentence_dates_years_before_the_article_is_history_recalled():
    assert meetings("9月3日，我县举行纪念活动。1938年，县抗日民主政府县长柏云峰在此召开群众大会，动员群众参加抗日。",
                    year=2023) == []
    [m] = meetings("2022年12月30日，县长柏云峰主持召开县政府常务会议。", year=2023)
    assert roles(m) == {"chair": {"柏云峰"}}


def test_a_meetings_agenda_after_its_short_name_is_no_speech_of_its_chair():
    [m] = meetings("6月5日，县财政局局长柏云峰主持召开局务会，传达学习上级有关会议精神。")
    assert roles(m) == {"chair": {"柏云峰"}}
    [m] = meetings("6月5日，全县会议召开。县委书记柏云峰传达了全省会议精神。")
    assert roles(m)["speaker"] == {"柏云峰"}


def test_a_talk_a_leader_goes_to_give_is_a_meeting_they_attend():
    [m] = meetings("11月10日，县委书记柏云峰到联系点石门村，为党员群众宣讲党的二十大精神。镇党委书记蔺文杰参加。")
    assert m.kind == "meeting" and roles(m) == {"attendee": {"柏云峰", "蔺文杰"}}
    assert meetings("11月10日，市委宣讲团到我县开展宣讲活动。") == []


def test_two_leaders_tours_parted_by_a_semicolon_each_keep_who_came_along():
    a, b = meetings("4月20日，市委常委柏云峰到我县调研工业经济工作，县长蔺文杰陪同；副市长甄立锋到我县调研农业农村工作，"
                    "副县长詹立白陪同。")
    assert roles(a) == {"attendee": {"柏云峰", "蔺文杰"}} and roles(b) == {"attendee": {"甄立锋", "詹立白"}}


def test_a_dated_lead_after_a_long_paragraph_of_background_reports_the_event():
    background = "作风建设永远在路上。" + "今年以来，我县持续深化作风建设，以好作风推动好发展，各项工作呈现良好态势。" * 6
    [m] = meetings(background + "\n4月8日，全县作风建设推进会召开。县委书记柏云峰出席会议并讲话。", title="以好作风推动好发展")
    assert roles(m) == {"speaker": {"柏云峰"}, "attendee": {"柏云峰"}}
    assert meetings(background + "\n县委书记柏云峰说，要持续发力。", title="以好作风推动好发展") == []


def test_a_features_dated_paragraph_after_the_opening_ones_reports_the_event():
    # a village feature: two short paragraphs of scene, then the news of the day in a paragraph of its own
    body = ("在柳塘镇青石村，网格员祁秀珍每天都要走遍自己负责的30户人家。\n"
            "青石村党支部书记房德旺介绍，村里共划分4个网格。\n"
            "6月23日，县委常委、政法委书记晁立军到柳塘镇调研网格化管理工作，镇党委书记訾海东陪同。")
    [m] = meetings(body, title="柳塘镇：网格员成了村民的贴心人")
    assert (m.kind, m.meeting_date) == ("inspection", date(2022, 6, 23))
    assert roles(m)["attendee"] == {"晁立军", "訾海东"}
    # a paragraph not opening with its day is no report of the feature's own news
    assert meetings(body.replace("6月23日，", "去年，"), title="柳塘镇：网格员成了村民的贴心人") == []


def test_a_leader_who_called_another_meeting_does_not_chair_the_articles():
    [m] = meetings("5月6日，县委常委会召开会议。会议指出，日前，市委书记甄立锋召开全市安全生产紧急会议，作出部署。"
                   "县委书记柏云峰主持会议。")
    assert roles(m) == {"chair": {"柏云峰"}}


def test_history_recalled_before_the_event_goes_and_the_event_after_it_stays():
    # background's year, then the event's own day, in one sentence: the event is this year's
    [m] = meetings("2020年，我县启动省级文明县城创建工作，5月8日，省级文明县城创建工作验收会召开，县委书记骆秋石出席会议并讲话。",
                   year=2023)
    assert roles(m) == {"attendee": {"骆秋石"}, "speaker": {"骆秋石"}}
    # a lead recalling history, then the report's event in its next sentence
    [m] = meetings("1938年，县长韦正清在此召开群众大会。4月8日，县委书记骆秋石到白马镇调研乡村振兴工作，副县长吕嘉禾陪同。", year=2023)
    assert m.kind == "inspection" and roles(m) == {"attendee": {"骆秋石", "吕嘉禾"}}
    assert meetings("1938年，县长韦正清在此召开群众大会，号召民众抗日。", year=2023) == []
    # an event the headline names is not judged by the body's background
    [m] = meetings("2019年，白马镇引进龙头企业，发展食用菌产业。近日，县委书记骆秋石来到白马镇，实地察看产业基地。",
                   title="县委书记骆秋石调研白马镇产业发展", year=2023)
    assert roles(m) == {"attendee": {"骆秋石"}}


def test_who_hands_out_awards_is_there_whatever_wei_stands_before():
    from tasks.meetings import assign_roles, rules
    for text, name in [("为激励先进，县长彭远舟向受表彰代表颁发奖牌。", "彭远舟"), ("县长韦为民向受表彰代表颁发奖牌。", "韦为民")]:
        assert (name, "attendee", text.index("颁发")) in assign_roles(text, [name], rules())
    text = "县长甲乙丙出席会议并为受聘专家丁戊己、庚辛壬颁发聘书。"
    assert {n for n, role, _ in assign_roles(text, ["甲乙丙", "丁戊己", "庚辛壬"], rules())} == {"甲乙丙"}


def test_who_attended_and_relayed_speaks_and_arriving_at_a_venue_is_not_attending():
    from tasks.meetings import assign_roles, rules
    text = "县委副书记、县长彭远舟出席会议，传达了省政府常务会议精神。"
    assert ("彭远舟", "speaker", text.index("传达")) in assign_roles(text, ["彭远舟"], rules())
    assert assign_roles("县长彭远舟来到场馆外查看布展情况。", ["彭远舟"], rules()) == []


def test_a_county_firm_s_head_briefing_a_tour_does_not_attend_it():
    [m] = meetings("5月6日，县委书记骆秋石到县城投集团调研，听取了县城投集团董事长韦正清的情况汇报。", year=2023)
    assert roles(m) == {"attendee": {"骆秋石"}}


def test_unnamed_groups_after_the_last_name_parted_by_dunhao_keep_the_list():
    [m] = meetings("8月11日，全县推进会召开。县长骆秋石主持会议。副县长韦正清，副县长吕嘉禾及各乡镇党委书记、乡镇长，"
                   "县直各单位主要负责人参加会议。", year=2016)
    assert roles(m)["attendee"] == {"韦正清", "吕嘉禾"}


@pytest.mark.parametrize("body, year, listeners", [
    ("6月29日，县委书记骆秋石为全县党员干部讲专题党课。县人大常委会主任韦正清，县政协主席吕嘉禾等县领导在主会场聆听党课。",
     2021, {"韦正清", "吕嘉禾"}),
    # at a branch venue too
    ("7月1日，区委书记祁望舒为全区党员干部讲授专题党课。区人大常委会主任柏念慈，区政协主席殷若谷等区领导在分会场聆听党课。",
     2021, {"柏念慈", "殷若谷"}),
])
def test_who_listens_to_the_lecture_attends_it(body, year, listeners):
    [m] = meetings(body, year=year)
    assert roles(m)["attendee"] >= listeners


@pytest.mark.parametrize("body, year, company", [
    ("4月24日，旗长骆秋石深入巴彦镇调研植树造林工作。一同调研的有：副旗长韦正清，旗林草局局长吕嘉禾。", 2019, {"韦正清", "吕嘉禾"}),
    ("5月12日，县长祁望舒深入石桥镇调研农田水利工作。陪同调研的有：副县长柏念慈，县水利局局长殷若谷。", 2020, {"柏念慈", "殷若谷"}),
])
def test_who_came_along_listed_after_a_colon_attends_the_tour(body, year, company):
    [m] = meetings(body, year=year)
    assert roles(m)["attendee"] >= company


def test_reports_heard_given_on_behalf_of_a_body_and_the_next_of_the_list_speak():
    [m] = meetings("10月26日，县人大常委会第十四次会议召开。会议听取和审议了副县长吕嘉禾受县人民政府委托所作的关于教育工作"
                   "情况的报告，县人民法院院长骆秋石所作的关于审判工作情况的报告。", year=2023)
    assert roles(m)["speaker"] == {"吕嘉禾", "骆秋石"}


def test_the_chair_of_a_numbered_meeting_named_with_its_year_chairs_the_event():
    [m] = meetings("2月15日，县长、县政府党组书记骆秋石主持召开县政府党组2023年第3次会议，研究贯彻落实意见。", year=2023)
    assert roles(m) == {"chair": {"骆秋石"}}


def test_talks_reported_after_a_visit_are_talks_of_their_own():
    tour, talks = meetings("10月18日，某集团董事长吕嘉禾率考察团一行来我县考察投资环境。县委副书记、县长骆秋石会见了考察团一行。",
                           year=2018)
    assert (tour.kind, talks.kind) == ("inspection", "talks") and "骆秋石" in roles(talks)["attendee"]
    # the talks named again ("…参加会谈") are the same talks
    assert len(meetings("5月6日，某州副部长吕嘉禾率代表团来我县考察。县长骆秋石与代表团一行举行会谈。副县长韦正清参加会谈。",
                        year=2018)) == 2


def test_a_trip_to_win_investment_is_a_tour_dated_by_its_range_s_first_day():
    [tour, talks, signing] = meetings("6月30日至7月2日，县长骆秋石带队赴深圳市开展招商引资活动，副县长韦正清随同。"
                                      "7月1日，骆秋石会见了某电子董事长吕嘉禾。随后，举行了项目签约仪式，韦正清与吕嘉禾代表双方签约。",
                                      year=2024)
    assert tour.kind == "inspection" and roles(tour)["attendee"] == {"骆秋石", "韦正清"}
    # a sequel without a day of its own follows the event before it
    assert [m.meeting_date for m in (tour, talks, signing)] == [date(2024, 6, 30), date(2024, 7, 1), date(2024, 7, 1)]


def test_a_sentence_opening_with_a_meeting_s_name_gives_its_roles_to_that_meeting():
    [a, b] = meetings("2月7日，县委书记骆秋石、县长韦正清分别主持召开县委常委会会议和县政府常务会议。\n"
                      "县委常委会会议上，县委副书记吕嘉禾出席会议。县政府常务会议上，副县长祁望舒参加会议。", year=2022)
    assert roles(a)["attendee"] == {"吕嘉禾"} and roles(b)["attendee"] == {"祁望舒"}


def test_what_followed_with_no_one_named_in_it_is_no_event():
    [m] = meetings("5月8日，全县安全生产工作会议召开。县长骆秋石出席会议并讲话。\n会后，县领导分成5个督查组，深入各乡镇开展安全生产督查。",
                   year=2020)
    assert m.kind == "meeting"


def test_a_meeting_a_tour_s_sentence_opens_with_is_an_event_of_its_own():
    [tour, sym] = meetings("9月5日，市委书记祁望舒到我县调研乡村振兴工作。县委书记韦正清陪同。\n"
                           "在随后召开的座谈会上，祁望舒强调，要加快推进乡村振兴。", year=2018)
    assert (tour.kind, sym.kind, sym.name) == ("inspection", "symposium", "座谈会") and roles(sym)["speaker"] == {"祁望舒"}
    # the meeting where a supervision team tells the county what it found
    [tour, told] = meetings("8月20日，市委常委吕嘉禾带领市督导组来我县督导脱贫攻坚工作。县委书记韦正清陪同督导。\n"
                            "督导反馈会上，韦正清汇报了我县有关工作情况。", year=2020)
    assert told.name == "督导反馈会" and roles(told)["speaker"] == {"韦正清"}


def test_who_leads_a_team_named_after_them_goes_on_the_tour_too():
    [m] = meetings("3月5日，县委书记祁望舒带领县四大班子领导韦正清、吕嘉禾、骆秋石等，观摩全县重点项目建设。", year=2023)
    assert roles(m)["attendee"] == {"祁望舒", "韦正清", "吕嘉禾", "骆秋石"}


def test_meetings_counted_or_held_in_a_year_gone_by_are_in_passing():
    assert meetings("今年以来，县委先后召开12次常委会会议专题研究乡村振兴工作。", year=2023) == []
    assert meetings("今年以来，县委多次召开常委会会议研究乡村振兴工作。", year=2023) == []
    assert meetings("据悉，该项目是在去年召开的招商推介会上签约的。镇党委书记祁望舒介绍，已建成大棚200个。", year=2023) == []
    # not a numbered sitting, nor one meeting
    [m] = meetings("3月6日，县长祁望舒主持召开了一次专题会议。", year=2023)
    assert roles(m) == {"chair": {"祁望舒"}}


def test_a_tour_dated_in_a_year_gone_by_is_history_and_the_next_sentence_s_event_stays():
    assert meetings("去年11月，县委书记祁望舒到白马村调研时叮嘱村干部，要把产业发展好。如今，合作社已带动200户增收。",
                    year=2023) == []
    [m] = meetings("去年11月，县委书记祁望舒到白马村调研。3月5日，县长韦正清到白马村检查春耕生产。", year=2023)
    assert roles(m) == {"attendee": {"韦正清"}}


def test_last_year_s_day_dates_an_event_the_january_paper_reports():
    [m] = meetings("去年12月28日，县委书记祁望舒主持召开县委全委会议。县委副书记韦正清出席。", year=2024)
    assert m.meeting_date == date(2023, 12, 28) and roles(m) == {"chair": {"祁望舒"}, "attendee": {"韦正清"}}
    # two years back, even to the day, is history
    assert meetings("前年12月28日，县委书记祁望舒主持召开县委全委会议。", year=2024) == []
    # and in a summer paper, last year's day is the background of a feature
    text = "去年12月28日，县委书记祁望舒到白马村调研时叮嘱村干部，要把产业做起来。半年多来，合作社带动200户增收。"
    assert meetings(text, year=2023, ref=date(2023, 7, 20)) == []
    [m] = meetings(text, year=2023, ref=date(2023, 1, 6))
    assert m.meeting_date == date(2022, 12, 28)


def test_visits_made_often_and_meetings_a_reporter_learned_news_at_are_no_events():
    assert meetings("近年来，县委书记祁望舒多次深入企业调研，帮助企业解决困难。", year=2023) == []
    assert meetings("村党支部书记韦正清说：“县领导经常来村里调研，帮我们出主意。”", year=2023) == []
    assert meetings("记者从日前召开的全县农业农村工作会议上获悉，今年我县将新建高标准农田5万亩。", year=2023) == []
    [m] = meetings("3月5日，县委书记祁望舒到曾家镇调研。", year=2023)
    assert roles(m) == {"attendee": {"祁望舒"}}


def test_a_habit_word_outside_the_visitor_s_own_words_leaves_the_visit_reported():
    # 常态化 in a purpose clause before, 每年 in the place visited: the visit is still the one reported
    [m] = meetings("6月3日，为推进疫情防控常态化，县委书记骆秋石到石桥镇督导检查。", year=2022)
    assert m.kind == "inspection" and roles(m) == {"attendee": {"骆秋石"}}
    [m] = meetings("6月3日，县委书记骆秋石到每年接待游客百万人次的龙溪景区调研。", year=2022)
    assert m.kind == "inspection"
    # visits counted between the visitor and the verb are made often
    assert meetings("今年以来，县长柏念慈先后12次深入企业调研，帮助解决问题。", year=2023) == []


def test_an_earlier_day_s_other_part_is_a_recall_not_a_sequel():
    ms = meetings("7月8日下午，全县防汛工作会议召开，县长骆秋石主持会议。\n7日上午，骆秋石到南澜水库检查防汛工作。", year=2023)
    assert [m.kind for m in ms] == ["meeting"]
    # the same day's other part is still an event of its own
    ms = meetings("7月8日上午，全县防汛工作会议召开，县长骆秋石主持会议。\n7月8日下午，骆秋石到南澜水库检查防汛工作。", year=2023)
    assert [m.kind for m in ms] == ["meeting", "inspection"]


def test_an_investment_tour_needs_a_trip_and_a_promotion_event_is_a_meeting():
    # called for, or done as a habit with no trip in its clause: no tour
    assert meetings("5月6日，县长骆秋石表示，我县要主动开展招商，引进更多优质项目。", year=2023) == []
    assert meetings("今年以来，县长骆秋石带领招商小分队，主动上门招商，签约项目12个。", year=2023) == []
    # a promotion attended is a meeting
    [m] = meetings("5月6日，县长骆秋石出席在深圳举行的招商推介活动并致辞。", year=2023)
    assert m.kind == "meeting" and m.name == "招商推介活动"
    # a trip to win investment is a tour
    [m] = meetings("5月6日，县长骆秋石带队赴深圳市开展招商引资活动，副县长柏念慈参加。", year=2023)
    assert m.kind == "inspection" and roles(m)["attendee"] >= {"骆秋石", "柏念慈"}
    [m] = meetings("5月6日，县委书记殷若谷率队外出招商。", year=2023)
    assert m.kind == "inspection"
    # 要 of 主要 is no call for it
    [m] = meetings("5月6日，县委主要领导殷若谷带队赴深圳开展招商。", year=2023)
    assert m.kind == "inspection"


def test_meetings_asked_of_others_tallied_or_named_as_a_noun_are_in_passing():
    assert meetings("会议要求，各级各部门要迅速召开专题会议，传达学习会议精神。", year=2023) == []
    assert meetings("全县经济工作会议的召开，为我县今年的经济工作指明了方向。", year=2023) == []
    assert meetings("截至目前，全县已召开各类座谈会36场，收集意见建议200余条。", year=2023) == []
    # a given name ending in 应 is no call for a meeting
    [m] = meetings("3月5日，县长柏应召开县政府常务会议。", year=2023)
    assert m.name == "县政府常务会议"


def test_a_meeting_named_with_a_project_phase_or_for_all_kinds_of_people_is_held():
    # 二期 is a project's phase, not a tally; 各类 names who attends unless a count of meetings follows
    [m] = meetings("5月6日，县长骆秋石主持召开二期项目建设推进会。", year=2023)
    assert m.name == "二期项目建设推进会" and roles(m)["chair"] == {"骆秋石"}
    [m] = meetings("5月6日，县长骆秋石主持召开三期工程建设调度会。", year=2023)
    assert m.name == "三期工程建设调度会"
    [m] = meetings("5月6日，县长骆秋石主持召开各类市场主体代表座谈会。", year=2023)
    assert m.kind == "symposium"
    # a count of meetings still tallies them, before or after the name
    assert meetings("今年以来，全县已召开各类座谈会12次，听取意见建议80余条。", year=2023) == []
    assert meetings("今年以来，全县已召开12场项目推进会，解决问题30个。", year=2023) == []


def test_a_document_s_title_before_the_verb_keeps_its_subject():
    [m] = meetings("12月29日，区委全体会议召开。区委副书记、区长祁望舒就《中共某区委关于制定国民经济和社会发展第十四个五年规划和"
                   "二〇三五年远景目标的建议（讨论稿）》作说明。", year=2021)
    assert roles(m)["speaker"] == {"祁望舒"}


def test_the_same_day_s_other_part_opens_another_event():
    [a, b] = meetings("7月8日上午，全市稳增长工作视频会议召开，县长祁望舒在县分会场参加会议。\n"
                      "7月8日下午，我县召开重点企业负责人座谈会。祁望舒主持会议并讲话，副县长韦正清参加。", year=2021)
    assert (b.kind, roles(b)) == ("symposium", {"chair": {"祁望舒"}, "speaker": {"祁望舒"}, "attendee": {"韦正清"}})


def test_another_part_of_the_day_on_another_errand_is_a_tour_of_its_own():
    [a, b] = meetings("6月9日上午，县委书记祁望舒到龙溪镇调研乡村振兴工作，县委常委韦正清陪同。\n"
                      "下午，祁望舒到南澜水库督导防汛工作，副县长吕嘉禾陪同。", year=2020)
    assert roles(a)["attendee"] == {"祁望舒", "韦正清"} and roles(b)["attendee"] == {"祁望舒", "吕嘉禾"}
    # the same errand goes on: the next stop of the morning's tour
    [m] = meetings("6月9日上午，县委书记祁望舒到龙溪镇调研，县委常委韦正清陪同。\n下午，祁望舒继续到白石镇调研。", year=2020)
    assert m.kind == "inspection"


def test_an_afternoon_stop_looked_at_or_checked_goes_on_with_the_morning_s_tour():
    # 察看 and 检查 are what a tour does at its stops: the afternoon's leg of the same tour
    [m] = meetings("6月9日上午，县委书记祁望舒到龙溪镇调研乡村振兴工作，县委常委韦正清陪同。\n"
                   "下午，祁望舒来到白石镇，实地察看农田水利建设情况。", year=2020)
    assert m.kind == "inspection" and roles(m)["attendee"] == {"祁望舒", "韦正清"}
    [m] = meetings("6月9日上午，县长柏念慈到龙溪镇调研产业发展工作。\n下午，柏念慈到白石镇检查安全生产工作。", year=2020)
    assert m.kind == "inspection"


def test_background_sentences_after_the_lead_make_no_talks_nor_meetings():
    # talks counted over the year, in the lead's paragraph or a later one: background, not talks of the report
    ms = meetings("5月6日，全县招商引资工作会议召开。县委书记韦正清出席会议并讲话。今年以来，县委书记韦正清先后会见来访客商30余批次。",
                  year=2023)
    assert [m.kind for m in ms] == ["meeting"]
    ms = meetings("5月6日，全县招商引资工作会议召开。县委书记韦正清出席会议并讲话。\n会议指出，要抓好落实。\n"
                  "会议强调，要优化营商环境。\n县长柏念慈会见了某集团董事长殷若谷一行。", year=2023)
    assert [m.kind for m in ms] == ["meeting"]
    # a meeting of months before, recalled in a tour's report: the tour keeps its leader's speech
    ms = meetings("5月6日，县委书记韦正清到龙溪镇调研乡村振兴工作。他强调，要抓好产业发展。\n"
                  "在今年3月召开的全县乡村振兴工作会议上，韦正清提出，要建设宜居宜业和美乡村。", year=2023)
    assert [m.kind for m in ms] == ["inspection"] and "韦正清" in roles(ms[0])["speaker"]


def test_talks_reported_beside_a_meeting_are_talks_of_their_own():
    [sign, talks] = meetings("11月21日，某区人民政府与某研究院战略合作签约仪式举行。区委书记祁望舒出席签约仪式并致辞。\n"
                             "签约前，祁望舒会见了研究院院长韦正清一行。", year=2023)
    assert talks.kind == "talks" and roles(talks)["attendee"] == {"祁望舒", "韦正清"}


def test_who_gives_a_party_lecture_s_tutoring_speaks():
    [m] = meetings("6月16日，县委中心组召开专题教育集中学习会。县委书记祁望舒主持学习并作专题党课辅导。", year=2015)
    assert roles(m)["speaker"] == {"祁望舒"}


def test_a_meeting_the_one_leader_of_a_tour_calls_in_its_sentence_is_held_on_the_way():
    [tour, sym] = meetings("9月5日，县委书记祁望舒深入石桥镇调研乡村振兴工作，并召开座谈会，听取镇村干部意见建议。"
                           "副县长韦正清陪同调研并参加座谈会。", year=2023)
    assert sym.kind == "symposium" and roles(sym) == {"chair": {"祁望舒"}, "attendee": {"韦正清"}}


def test_a_team_listed_at_length_after_its_leader_makes_the_tour():
    [m] = meetings("4月10日，县委书记祁望舒带领县委常委、县委办公室主任韦正清，县委常委、组织部部长吕嘉禾，副县长骆秋石及县直"
                   "相关部门主要负责人，深入龙湾镇、河口乡等地，就防汛备汛工作开展调研督导。", year=2023)
    assert roles(m)["attendee"] == {"祁望舒", "韦正清", "吕嘉禾", "骆秋石"}
    # ... not a leader whose wish is only cited: the first name must bring the team
    [m] = meetings("4月10日，按照县委书记祁望舒的要求，副县长韦正清，县应急局局长吕嘉禾及有关部门负责人，深入各乡镇开展检查。",
                   year=2023)
    assert "祁望舒" not in {n for n, _ in m.participants}


def test_who_came_along_listed_under_a_heading_of_their_own():
    [m] = meetings("4月10日，县委书记祁望舒前往龙湾镇调研防汛工作。陪同人员：县委常委、办公室主任韦正清，副县长骆秋石。", year=2023)
    assert roles(m)["attendee"] == {"祁望舒", "韦正清", "骆秋石"}


def test_how_a_meeting_is_held_is_no_part_of_its_name():
    [m] = meetings("4月10日，全县防汛工作会议以视频会议形式召开。县委书记祁望舒出席会议并讲话。", year=2023)
    assert (m.name, m.format) == ("全县防汛工作会议", "视频会议")


def test_a_visiting_team_s_tour_is_the_event_when_people_are_named_taking_part():
    tour, talks = meetings("4月10日至11日，某省某市党政代表团来我县考察对接东西部协作工作。某市委书记祁望舒，市委常委、秘书长韦正清"
                           "等参加考察。县委书记吕嘉禾陪同考察。4月11日，两地召开东西部协作联席会议。祁望舒、吕嘉禾出席会议并讲话。",
                           year=2023)
    assert (tour.kind, tour.meeting_date) == ("inspection", date(2023, 4, 10))
    assert roles(tour)["attendee"] == {"祁望舒", "韦正清", "吕嘉禾"}
    assert (talks.name, talks.meeting_date) == ("东西部协作联席会议", date(2023, 4, 11))


def test_an_event_found_after_its_paragraph_s_first_sentence_takes_that_sentence_s_date():
    ms = meetings("4月10日至11日，浙江客商来我县考察。某市副市长祁望舒参加考察。4月11日，客商们参观了工业园区。", year=2023)
    assert [m.meeting_date for m in ms] == [date(2023, 4, 10)]


@pytest.mark.parametrize("said", ["结合分管工作谈了学习体会", "交流了心得体会", "结合工作实际谈认识"])
def test_what_members_of_a_study_session_say_of_it_are_remarks(said):
    [m] = meetings(f"4月10日，县委理论学习中心组举行集体学习。县委书记祁望舒主持。县委副书记、县长韦正清，县委副书记吕嘉禾{said}。",
                   year=2023)
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾"}


def test_a_meeting_the_tour_s_leader_calls_right_after_the_visit_is_held_on_the_way():
    [tour, sym] = meetings("4月10日，县委书记祁望舒调研指导龙湾镇工作并召开座谈会，听取镇村干部意见。县委常委韦正清一同调研。",
                           year=2023)
    assert (sym.kind, roles(sym)) == ("symposium", {"chair": {"祁望舒"}})
    assert roles(tour)["attendee"] == {"祁望舒", "韦正清"}


def test_a_county_official_whose_briefing_the_tour_heard_without_的_was_there():
    [m] = meetings("4月10日，副市长祁望舒到我县调研，听取了县委副书记、县长韦正清工作汇报。", year=2023)
    assert roles(m)["attendee"] == {"祁望舒", "韦正清"}


def test_a_talk_given_is_named_again_by_its_meeting_s_word():
    [m] = meetings("4月10日，县委书记祁望舒到龙湾镇宣讲党的二十届三中全会精神。镇党委书记韦正清主持宣讲会。", year=2023)
    assert roles(m) == {"chair": {"韦正清"}, "attendee": {"祁望舒"}}


def test_a_check_made_by_night_is_a_tour():
    [m] = meetings("4月10日，县委书记祁望舒带队夜查城区燃气安全。副县长韦正清一同夜查。", year=2023)
    assert (m.kind, roles(m)) == ("inspection", {"attendee": {"祁望舒", "韦正清"}})


def test_talks_held_before_a_ceremony_reported_further_on_are_talks_of_their_own():
    sign, talks = meetings("7月19日，某区人民政府与某集团战略合作签约仪式举行。区委书记祁望舒，某集团董事长韦正清出席签约仪式。\n"
                           "区长吕嘉禾与某集团总裁骆秋石代表双方签约。\n签约前，祁望舒会见了韦正清一行。", year=2023)
    assert (talks.kind, talks.meeting_date) == ("talks", date(2023, 7, 19))
    assert roles(talks)["attendee"] == {"祁望舒", "韦正清"}


@pytest.mark.parametrize("along", ["陪同", "同行"])
def test_who_came_along_after_the_visit_s_clause_is_not_its_leader(along):
    [m] = meetings(f"4月10日，县委书记祁望舒到龙湾镇调研乡村振兴工作，县委常委、办公室主任韦正清{along}。他强调，要抓好产业发展。",
                   year=2023)
    assert roles(m) == {"attendee": {"祁望舒", "韦正清"}, "speaker": {"祁望舒"}}


def test_a_meeting_several_leaders_of_a_tour_call_in_its_sentence_is_held_with_no_chair_named():
    tour, sym = meetings("7月31日，旗委书记祁望舒，旗委副书记、旗长韦正清带领旗四大班子领导，走访慰问驻旗部队官兵，并召开军地座谈会。"
                         "副旗长吕嘉禾参加慰问。", year=2023)
    assert (sym.kind, sym.name, sym.participants) == ("symposium", "军地座谈会", [])
    assert roles(tour)["attendee"] == {"祁望舒", "韦正清", "吕嘉禾"}


def test_who_releases_figures_or_answers_questions_at_a_press_conference_speaks():
    [m] = meetings("4月20日，区政府新闻办召开新闻发布会。区发改委主任祁望舒发布了全区经济运行情况。"
                   "区统计局局长韦正清、区农业农村局副局长吕嘉禾出席发布会，并回答了记者提问。", year=2023)
    assert roles(m)["speaker"] == {"祁望舒", "韦正清", "吕嘉禾"}


def test_who_joins_and_speaks_at_a_symposium_of_a_tour_is_the_symposiums():
    tour, talk = meetings("4月18日，县委书记骆秋石深入某镇调研乡村旅游工作。县委办主任韦正清陪同调研。\n"
                          "调研期间，骆秋石在某镇主持召开座谈会，听取工作汇报。县文旅局局长吕嘉禾、某镇党委书记祁望舒参加座谈并发言。",
                          year=2024)
    assert roles(tour) == {"attendee": {"骆秋石", "韦正清"}}
    assert roles(talk) == {"chair": {"骆秋石"}, "attendee": {"吕嘉禾", "祁望舒"}, "speaker": {"吕嘉禾", "祁望舒"}}


def test_a_signing_someone_signs_for_each_side_of_is_a_ceremony_though_not_named_so():
    [m] = meetings("8月9日，县政府与某集团签订合作协议。县长祁望舒与某集团董事长韦正清分别代表双方签约。县委书记骆秋石参加签约。",
                   year=2023)
    assert m.meeting_date == date(2023, 8, 9) and roles(m) == {"attendee": {"祁望舒", "韦正清", "骆秋石"}}
    # an agreement signed with no one signing for a side is no ceremony the report tells
    assert meetings("8月9日，县长祁望舒与某集团董事长韦正清签订投资协议，双方将在光伏领域开展合作。", year=2023) == []


def test_the_review_closing_a_tour_of_model_sites_is_a_part_of_it():
    [m] = meetings("9月26日，全县重点项目观摩会举行。县委书记祁望舒带领各乡镇主要负责人实地观摩了12个重点项目。\n"
                   "观摩结束后，召开了讲评会。县长韦正清主持讲评会。祁望舒讲话。", year=2023)
    assert m.name == "全县重点项目观摩会" and roles(m)["chair"] == {"韦正清"} and "祁望舒" in roles(m)["speaker"]


def test_a_meeting_of_a_chairs_list_named_again_later_keeps_its_chair():
    ms = meetings("8月21日，县委书记祁望舒先后主持召开县委常委会会议和县委财经委员会会议。\n"
                  "在县委常委会会议上，县长韦正清出席会议。\n随后召开的县委财经委员会会议听取了上半年经济运行情况汇报。"
                  "副县长吕嘉禾作了汇报。", year=2023)
    assert {m.name: roles(m).get("chair") for m in ms} == {"县委常委会会议": {"祁望舒"}, "县委财经委员会会议": {"祁望舒"}}


def test_who_speaks_at_a_symposium_of_a_tour_said_by_its_name_is_the_symposiums():
    tour, talk = meetings("5月9日，县委书记骆秋石深入县工业园区调研项目建设。副县长韦正清陪同调研。\n"
                          "在县工业园区，骆秋石主持召开企业座谈会。县工信局局长吕嘉禾参加座谈。某公司总经理祁望舒在座谈会上发言。",
                          year=2023)
    assert roles(tour) == {"attendee": {"骆秋石", "韦正清"}} and roles(talk)["speaker"] == {"祁望舒"}


def test_a_tour_of_model_sites_closed_by_a_review_is_a_meeting_the_review_chair_chairs():
    [m] = meetings("4月28日，全县重点项目观摩活动举行。县委书记祁望舒、县长韦正清带领观摩组，实地观摩了8个重点项目。\n"
                   "观摩结束后，召开了点评会。韦正清主持点评会，祁望舒作点评讲话。", year=2024)
    assert m.kind == "meeting" and roles(m)["chair"] == {"韦正清"} and roles(m)["speaker"] == {"祁望舒"}


def test_who_briefs_a_symposium_of_a_tour_that_hears_reports_speaks_at_it():
    tour, talk = meetings("6月12日，市委书记骆秋石来我县调研文旅产业发展工作。县委书记韦正清陪同调研。\n"
                          "调研中，骆秋石主持召开座谈会，听取我县工作汇报。韦正清汇报了全县文旅产业发展情况。"
                          "县文旅局局长吕嘉禾在座谈会上作了补充发言。", year=2024)
    assert roles(talk)["speaker"] == {"韦正清", "吕嘉禾"} and "speaker" not in roles(tour)


def test_a_leaders_talk_to_newly_appointed_cadres_is_a_speech():
    [m] = meetings("7月22日，县委召开新任职干部集体廉政谈话会。县委书记骆秋石出席并作廉政谈话，县纪委书记韦正清主持。",
                   year=2024)
    assert roles(m)["speaker"] == {"骆秋石"} and roles(m)["chair"] == {"韦正清"}


def test_a_signing_held_beside_talks_is_the_event_where_each_side_signs():
    [m] = meetings("8月9日，我县与某集团举行光伏项目签约。县长祁望舒与某集团董事长韦正清分别代表双方签约。签约后，双方进行了座谈。",
                   year=2023)
    assert m.kind == "meeting" and roles(m) == {"attendee": {"祁望舒", "韦正清"}}


def test_who_takes_the_oath_at_a_congress_session_attends_it():
    [m] = meetings("10月29日，县人大常委会第十八次会议召开。县人大常委会主任骆秋石主持会议。会议表决通过了人事任免事项。\n"
                   "会上，新任命的县人民政府副县长韦正清进行了宪法宣誓。", year=2024)
    assert roles(m) == {"chair": {"骆秋石"}, "attendee": {"韦正清"}}


def test_the_answer_a_leader_gives_to_members_proposals_is_a_speech():
    [m] = meetings("6月20日，县政协召开常委会议。县政协主席骆秋石主持会议。县政协常委吕嘉禾作了发言。"
                   "副县长韦正清代表县政府对常委们的发言作了回应。", year=2019)
    assert roles(m)["speaker"] == {"吕嘉禾", "韦正清"}


def test_who_follows_a_video_conference_at_a_branch_venue_attends_it():
    [m] = meetings("11月4日，全市森林防火工作电视电话会议召开。市委常委、副市长骆秋石出席会议并讲话。"
                   "县长韦正清，副县长吕嘉禾在我县分会场收听收看。", year=2014)
    assert roles(m)["attendee"] == {"骆秋石", "韦正清", "吕嘉禾"}


def test_what_a_leader_asks_for_after_a_colon_is_no_event_of_its_own():
    ms = meetings("11月4日，全市森林防火工作电视电话会议召开。县长韦正清在我县分会场参加会议。\n"
                  "会议结束后，韦正清提出具体要求：要压实责任，强化巡查，严控火源。", year=2014)
    assert [m.kind for m in ms] == ["meeting"]


def test_the_countys_own_meeting_after_a_video_conference_is_an_event_of_its_own():
    video, own = meetings("6月8日，全省安全生产工作视频会议召开。县长韦正清，副县长吕嘉禾在县分会场参加会议。\n"
                          "视频会议结束后，韦正清主持召开全县安全生产工作会议。吕嘉禾通报了有关情况。", year=2021)
    assert roles(own) == {"chair": {"韦正清"}, "speaker": {"吕嘉禾"}, "attendee": {"吕嘉禾"}}
    assert "speaker" not in roles(video)


def test_a_leader_on_a_tour_speaks_after_a_clause_of_where_and_what_he_found():
    [m] = meetings("11月16日，县委副书记骆秋石带队走访慰问困难群众。在石门乡枫树村，骆秋石详细了解他的生活情况，"
                   "叮嘱村干部要经常上门走访。", year=2022)
    assert roles(m)["speaker"] == {"骆秋石"}
    [m] = meetings("10月25日，县委书记韦正清带队暗访检查安全生产。在某宾馆，韦正清发现消防通道堆放杂物，当即要求立行立改。",
                   year=2017)
    assert roles(m)["speaker"] == {"韦正清"}


def test_a_role_verb_inside_a_name_is_no_verb():
    [m] = meetings("8月13日，代县长吉克曲布深入洪溪镇调研。县委常委、副县长韦正清，副县长阿说木呷陪同调研。", year=2015)
    assert roles(m) == {"attendee": {"吉克曲布", "韦正清", "阿说木呷"}}


def test_who_reports_at_a_meeting_chaired_on_a_tour_speaks_at_that_meeting():
    tour, meet = meetings("8月13日，县长骆秋石深入依果乡调研脱贫攻坚工作。副县长韦正清陪同调研。\n"
                          "在依果乡，骆秋石主持召开脱贫攻坚推进会，听取乡党委书记吕嘉禾、乡长祁望舒的工作汇报。", year=2015)
    assert roles(meet)["speaker"] == {"吕嘉禾", "祁望舒"} and "speaker" not in roles(tour)


def test_the_next_report_heard_named_by_its_giver_and_what_it_is_about():
    [m] = meetings("2月18日，区政府召开经济运行调度会。区长骆秋石主持会议。会议听取了区发展改革委主任韦正清关于经济运行的汇报"
                   "和区农业农村委主任吕嘉禾关于春耕备耕工作的汇报。", year=2025)
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾"}


def test_a_meeting_a_tours_leader_calls_where_the_tour_goes_is_an_event_of_its_own():
    tour, meet = meetings("8月21日，县委书记骆秋石深入城区，调研老旧小区改造等工作，并在县城建投公司召开现场办公会，研究解决"
                          "项目推进中的问题。副县长韦正清陪同调研。", year=2023)
    assert (tour.kind, meet.kind, meet.name) == ("inspection", "meeting", "现场办公会")
    assert roles(meet)["chair"] == {"骆秋石"}


def test_a_sharing_gathering_is_a_meeting_where_who_shares_speaks():
    [m] = meetings("10月17日，“某地好人”故事分享会在县文化中心举行。全国道德模范骆秋石，“某地好人”代表韦正清分享了各自的故事。",
                   year=2023)
    assert m.kind == "meeting" and roles(m)["speaker"] == {"骆秋石", "韦正清"}


def test_a_retired_official_a_leader_calls_on_and_quotes_is_no_participant():
    [m] = meetings("1月21日，县委书记骆秋石走访慰问离退休老干部。骆秋石看望慰问了原县委书记韦正清，与他促膝交谈。"
                   "韦正清说，县里这几年变化很大。县委常委、组织部部长吕嘉禾陪同慰问。", year=2025)
    assert roles(m) == {"attendee": {"骆秋石", "吕嘉禾"}}


def test_members_of_a_study_session_who_trade_what_they_learned_speak_at_it():
    [m] = meetings("7月15日，县委理论学习中心组开展集体学习。县委书记骆秋石主持。县委常委韦正清、吕嘉禾交流了学习心得。",
                   year=2023)
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾"}
    [m] = meetings("7月15日，县委理论学习中心组开展集体学习。县委书记骆秋石主持。县委常委韦正清围绕主题作研讨交流。", year=2023)
    assert roles(m)["speaker"] == {"韦正清"}


def test_who_came_along_and_attends_the_meeting_of_the_tour_by_its_name_attends_both():
    tour, meet = meetings("8月21日，县委书记骆秋石深入城区，调研老旧小区改造工作，并在县城建投公司召开现场办公会，研究解决"
                          "项目推进中的问题。副县长韦正清陪同调研并参加现场办公会。", year=2023)
    assert roles(tour)["attendee"] == {"骆秋石", "韦正清"} and roles(meet)["attendee"] == {"韦正清"}


def test_a_meeting_someone_else_called_that_the_tour_s_leader_spoke_at_is_no_event_of_his():
    for body in ("县委书记骆秋石深入城区，调研老旧小区改造工作，并在随后召开的座谈会上讲话。",
                 "县长骆秋石到东岭镇调研，并在县政府召开的专题会议上作了部署。"):
        assert [m.kind for m in meetings(body)] == ["inspection"]


def test_a_place_opening_with_yuan_is_no_former_post():
    [m] = meetings("市委书记骆秋石到原州区调研。原州区委书记韦正清说，将全力推进。市委常委吕嘉禾陪同调研。")
    assert "韦正清" in roles(m)["attendee"]


def test_a_villager_met_at_a_stop_of_the_tour_is_no_participant():
    for body in ("县委书记骆秋石到石门乡调研。在枫树村，村民韦正清告诉记者，今年收入翻了番，希望政府继续支持。",
                 "县委书记骆秋石到石门乡调研。在枫树村，村民韦正清分享了今年种烤烟的收入。"):
        [m] = meetings(body)
        assert "韦正清" not in {n for n, _ in m.participants}


def test_a_meeting_a_leader_asks_others_to_hold_is_no_event():
    body = ("全省安全生产工作视频会议召开。县长骆秋石出席县分会场会议。视频会议结束后，骆秋石强调，各乡镇各部门要在本周内"
            "召开安全生产专题会议，层层传达到位。")
    assert [m.name for m in meetings(body)] == ["全省安全生产工作视频会议"]


def test_a_tour_after_a_ceremony_is_an_event_of_its_own():
    # "揭牌仪式后，…调研": what followed the ceremony, as "会后，…" is
    ceremony, tour = meetings("9月24日，县农耕学院揭牌仪式在青川镇举行。省农业农村厅副厅长韦正清，县委书记骆秋石共同为学院揭牌。"
                              "\n揭牌仪式后，韦正清一行实地调研了青川镇数字农业示范园，骆秋石陪同。", year=2020)
    assert (ceremony.kind, tour.kind) == ("meeting", "inspection")
    assert roles(tour) == {"attendee": {"韦正清", "骆秋石"}}


def test_named_people_before_unnamed_county_leaders_share_their_verb():
    [m] = meetings("10月12日，县委专题读书班开班。县委书记骆秋石出席开班式并讲话。县人大常委会主任韦正清、县政协主席吕嘉禾，"
                   "县委常委，副县长，县法院院长、县检察院检察长参加开班式。")
    assert {"韦正清", "吕嘉禾"} <= roles(m)["attendee"]


def test_who_reports_right_after_being_heard_speaks():
    # "听取了…局长甲汇报…情况": 汇报 as the verb right after the giver, without 的
    [m] = meetings("5月11日，县长骆秋石主持召开县政府常务会议。会议听取了县水务局局长韦正清汇报全县防汛抗旱准备情况。")
    assert roles(m)["speaker"] == {"韦正清"}


def test_a_numbered_meeting_held_before_the_session_is_one_though_no_one_is_named_in_it():
    ms = meetings("8月29日，县人大常委会第二十一次会议召开。县人大常委会主任骆秋石主持会议。会前，县人大常委会召开第三十五次"
                  "主任会议，研究确定了本次会议议程。", year=2019)
    assert [(m.name, m.meeting_date, m.participants) for m in ms][1:] == [("第三十五次主任会议", date(2019, 8, 29), [])]
    # "会后，县领导分成5个督查组…": what followed with no one named and no number stays out
    assert len(meetings("8月29日，全县安全生产工作会议召开。县长骆秋石主持会议。会后，县领导分成5个督查组，深入各乡镇开展督查。")) == 1
    # nor a numbered meeting planned after it ("将分别召开", "将尽快召开"): not held
    for later in ("会后，各乡镇将分别召开第三次党委会议，传达学习会议精神。", "签约后，双方将尽快召开第一次联席会议，推动项目落地。"):
        assert len(meetings("8月29日，县委第十五届五次全体会议召开。县委书记骆秋石主持会议并讲话。" + later, year=2019)) == 1


def test_a_villager_quoted_after_a_talk_a_leader_went_to_give_is_no_participant():
    [m] = meetings("11月9日，县委常委、宣传部部长骆秋石到托里乡，为基层党员群众宣讲党的二十大精神。\n"
                   "村民韦正清说：“听了宣讲，我们对今后的日子更有信心了。”", year=2023)
    assert roles(m) == {"attendee": {"骆秋石"}}


@pytest.mark.parametrize("lead", ["7月14日，县委书记柏云峰督办重点民生项目建设。副县长蔺文杰陪同。",
                                  "5月10日，区长柏云峰带队现场督办重大项目推进工作。副区长蔺文杰陪同。"])
def test_a_leader_pressing_a_project_on_is_on_a_tour(lead):
    [m] = meetings(lead)
    assert m.kind == "inspection" and roles(m)["attendee"] == {"柏云峰", "蔺文杰"}
    # ... but 督办 closing its clause, with nothing pressed on named, is a step of another errand
    assert meetings("5月10日，县长柏云峰在县信访局接待来访群众，对3件信访积案进行现场督办，副县长蔺文杰陪同。") == []


@pytest.mark.parametrize("lead", ["10月15日上午，县第十二届运动会在县体育场开幕。县委副书记柏云峰出席开幕式，副县长蔺文杰宣布运动会开幕。",
                                  "9月26日，全县第三届农民运动会开幕。县委书记柏云峰出席并宣布开幕，县长蔺文杰致辞。"])
def test_a_county_s_games_opening_is_no_meeting(lead):
    assert meetings(lead) == []


def test_a_ceremony_named_for_something_else_is_one_whatever_games_came_before():
    [m] = meetings("6月22日，全县龙舟赛在岚江举行。当天上午，“我们的节日·端午”民俗文化展开幕式在县文化中心举行，"
                   "县委书记柏云峰出席开幕式并致辞。")
    assert "民俗文化展开幕式" in m.name and roles(m)["attendee"] == {"柏云峰"}


def test_talks_a_tour_s_own_leader_holds_on_it_are_part_of_the_tour():
    ms = meetings("3月20日，县委书记柏云峰赴经济开发区调研企业发展情况。副县长蔺文杰陪同调研。柏云峰深入企业车间了解订单情况。"
                  "调研期间，柏云峰会见了某某食品公司总经理邬德胜一行。")
    assert [m.kind for m in ms] == ["inspection"]
    ms = meetings("3月20日，市考察团团长邬德胜率队来我县考察。县委书记柏云峰会见了考察团一行。")
    assert "talks" in [m.kind for m in ms]


@pytest.mark.parametrize("fields", ["出席：蔺文杰、邬德胜、钟晓岚", "出席会议：蔺文杰、邬德胜、钟晓岚",
                                    "出席：副县长蔺文杰、邬德胜\n列席：县长助理钟晓岚，县直有关单位主要负责人"])
def test_a_record_s_fields_name_who_attended_and_who_presided(fields):
    [m] = meetings(f"6月10日，县人民政府召开第45次常务会议。\n主持：县长柏云峰\n{fields}\n请假：庞海生\n"
                   "会议研究了防汛工作。柏云峰强调，要确保安全度汛。")
    assert roles(m) == {"chair": {"柏云峰"}, "speaker": {"柏云峰"}, "attendee": {"蔺文杰", "邬德胜", "钟晓岚"}}


def test_a_show_s_host_is_no_record_s_chair():
    [m] = meetings("5月20日，全县理论宣讲报告会举行，报告会由县委副书记柏云峰主持，文艺节目主持人：王丽娜、陈晓东。")
    assert roles(m)["chair"] == {"柏云峰"}


def test_a_record_s_fields_joined_on_one_line_end_at_the_next_field():
    [m] = meetings("4月8日，县人民政府召开第29次常务会议。现将会议议定事项纪要如下：主持：县长柏云峰出席：蔺文杰、邬德胜列席："
                   "县财政局主要负责人一、会议研究了土地储备计划。")
    assert roles(m)["chair"] == {"柏云峰"} and {"蔺文杰", "邬德胜"} <= roles(m)["attendee"]


def test_a_theme_quoted_before_a_meeting_s_word_does_not_relay_it():
    # "“学习贯彻…精神”宣讲报告会": 学习 inside the quoted theme names the talk, it relays no meeting
    [m] = meetings("11月6日，“学习贯彻党的二十届三中全会精神”宣讲报告会在平溪镇举行。县委党校副校长郁青禾作宣讲报告。"
                   "镇党委书记韦正清主持报告会。", year=2024)
    assert m.name.endswith("宣讲报告会") and roles(m)["speaker"] == {"郁青禾"} and roles(m)["chair"] == {"韦正清"}



def test_who_follows_the_city_s_video_conference_attends_it_not_the_county_s_meeting_after_it():
    video, own = meetings("5月22日，全市安全生产电视电话会议召开。会议结束后，我县紧接着召开全县安全生产工作会议。\n"
                          "县长韦正清，副县长吕嘉禾在县分会场收听收看全市会议。\n"
                          "在随后召开的全县会议上，吕嘉禾主持会议，韦正清作讲话。", year=2012)
    assert roles(video) == {"attendee": {"韦正清", "吕嘉禾"}}
    assert roles(own)["chair"] == {"吕嘉禾"} and roles(own)["speaker"] == {"韦正清"}


def test_a_government_s_liaison_meeting_with_its_congress_is_a_meeting():
    [m] = meetings("4月8日，区政府与区人大常委会召开2025年工作联系会。区长骆秋石出席并讲话。", year=2025)
    assert m.kind == "meeting" and m.name.endswith("工作联系会") and roles(m)["speaker"] == {"骆秋石"}


def test_a_lecture_given_at_a_study_session_without_专题_or_in_the_perfect_is_a_speech():
    for verb in ("作讲座", "作了专题讲座"):
        [m] = meetings(f"4月17日，县委理论学习中心组举行集体学习，邀请某大学教授骆秋石{verb}。县委书记韦正清主持。", year=2025)
        assert roles(m)["speaker"] == {"骆秋石"}


def test_who_gives_training_at_a_meeting_speaks():
    [m] = meetings("7月3日，中益乡召开工作推进会。县扶贫办副主任韦正清出席会议并就政策落实作了培训辅导。", year=2018)
    assert roles(m)["speaker"] == {"韦正清"}


def test_a_lecture_or_training_given_to_villagers_at_a_stop_of_a_tour_is_no_part_of_it():
    for verb in ("作讲座", "作了培训辅导"):
        [m] = meetings(f"5月9日，副县长骆秋石到龙潭镇调研卫生健康工作。在镇卫生院，县人民医院医生韦正清正在为村民{verb}。"
                       "骆秋石强调，要做好基层医疗。", year=2023)
        assert m.kind == "inspection" and "韦正清" not in {n for n, _ in m.participants}


def test_who_gives_a_briefing_the_meeting_heard_speaks():
    [m] = meetings("5月19日，县政协十届二次常委会议召开。县政协主席骆秋石主持会议。会议听取了副县长韦正清关于全县文旅产业"
                   "发展情况的通报。", year=2022)
    assert roles(m)["speaker"] == {"韦正清"}


def test_each_member_s_own_self_review_in_the_perfect_is_a_speech():
    [m] = meetings("7月16日，县委常委会召开专题民主生活会。县委书记骆秋石主持会议。县委副书记、县长韦正清，县委常委吕嘉禾"
                   "分别作了个人对照检查。", year=2013)
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾"}


def test_a_ceremony_handing_out_medals_is_a_meeting():
    [m] = meetings("6月29日，县委举行“光荣在党50年”纪念章颁发仪式。县委书记骆秋石为老党员代表颁发纪念章。县委常委、组织部部长"
                   "韦正清主持仪式。", year=2021)
    assert m.kind == "meeting" and m.name.endswith("颁发仪式") and roles(m)["chair"] == {"韦正清"}


def test_a_call_on_the_meeting_s_own_people_before_it_is_no_tour():
    ms = meetings("6月29日，县委举行“光荣在党50年”纪念章颁发仪式。县委常委、组织部部长韦正清主持仪式。"
                  "仪式前，县委书记骆秋石看望了参加仪式的老党员代表。", year=2021)
    assert [m.kind for m in ms] == ["meeting"]


def test_who_calls_a_joint_meeting_with_its_year_in_its_first_half_chairs_it():
    [m] = meetings("5月19日，县长骆秋石主持召开县政府党组2020年第八次会议暨县政府第十二次常务会议。副县长韦正清参加会议。",
                   year=2020)
    assert roles(m)["chair"] == {"骆秋石"}


def test_a_colon_list_before_a_semicolon_shares_the_presence_verb_after_it():
    [m] = meetings("5月19日，县长骆秋石主持召开县政府第十二次常务会议。\n县政府党组成员、副县长：韦正清、吕嘉禾；县政府党组成员、"
                   "县政府办公室主任郁青禾参加会议。", year=2020)
    assert roles(m)["attendee"] == {"韦正清", "吕嘉禾", "郁青禾"}


def test_who_is_listed_as_away_before_a_semicolon_does_not_attend():
    [m] = meetings("5月9日，县长骆秋石主持召开县政府第八次常务会议。请假：韦正清、吕嘉禾；县人大常委会主任郁青禾列席会议。",
                   year=2020)
    assert roles(m)["attendee"] == {"郁青禾"}


def test_a_lecturer_who_expounds_a_theme_speaks_at_the_lecture():
    [m] = meetings("5月8日，市委宣讲团报告会在县会议中心举行。县委书记韦正清主持报告会。市委宣讲团成员、市委党校副校长"
                   "田明远从三个方面进行了深入解读。")
    assert roles(m)["chair"] == {"韦正清"} and roles(m)["speaker"] == {"田明远"}


@pytest.mark.parametrize("body", [
    "在者浪乡那坡村，网格员韦秀珍每天都要走访十多户村民。",
    "每天早上七点，梅林居委会网格员朱丽芬就开始在小区里巡查。",
])
def test_a_round_made_every_day_is_no_tour(body):
    assert meetings(body, "网格员的一天") == []


def test_a_signing_after_talks_is_an_event_of_its_own():
    ms = meetings("5月16日，区委书记陆正清会见了荣安集团董事长梁明远一行。会见后，双方举行签约仪式，区投资促进办主任沈立新"
                  "和荣安集团执行董事何秀芬代表双方签约。")
    assert [m.kind for m in ms] == ["talks", "meeting"]
    assert roles(ms[1])["attendee"] == {"沈立新", "何秀芬"} and "沈立新" not in roles(ms[0]).get("attendee", set())


def test_a_tour_leaders_closing_remarks_after_the_symposium_are_said_on_the_tour_too():
    # the leader's last word, in a sentence of its own after the symposium closing the tour, sums the tour up
    ms = meetings("4月6日，县长韦正清到经济开发区调研重点项目建设。副县长吕嘉禾陪同调研。\n在某新材料项目现场，项目负责人"
                  "田明远介绍了工程进度。\n调研结束后，韦正清主持召开座谈会，听取有关部门的工作汇报。\n韦正清要求，要倒排工期。")
    assert [m.kind for m in ms] == ["inspection", "symposium"]
    assert "韦正清" in roles(ms[0])["speaker"] and "韦正清" in roles(ms[1])["speaker"]


def test_a_tour_leader_who_speaks_in_the_symposiums_own_sentence_speaks_there_only():
    ms = meetings("4月12日，副主任韦正清率调研组来我县调研。在县委书记吕嘉禾的陪同下，调研组深入大圩镇实地调研。\n"
                  "当天下午，调研组召开座谈会，听取我县工作汇报。韦正清主持座谈会并讲话。县长田明远汇报了有关情况。")
    assert [m.kind for m in ms] == ["inspection", "symposium"]
    assert "韦正清" not in roles(ms[0]).get("speaker", set()) and "韦正清" in roles(ms[1])["speaker"]


def test_who_gives_the_findings_at_a_feedback_meeting_speaks():
    [m] = meetings("5月19日下午，督导组召开反馈会。督导组组长韦正清反馈了督导情况。县长吕嘉禾作表态发言。")
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾"}


def test_a_tour_made_before_the_talks_is_an_event_of_its_own():
    ms = meetings("4月15日，县委书记韦正清会见了某市考察团一行。县长吕嘉禾参加会见。\n会见前，考察团一行到县现代农业园区考察。"
                  "副县长田明远陪同考察。")
    assert [m.kind for m in ms] == ["talks", "inspection"]
    assert "田明远" in roles(ms[1])["attendee"] and "田明远" not in roles(ms[0]).get("attendee", set())


def test_a_symposium_a_later_paragraph_of_the_tour_opens_with_is_an_event():
    ms = meetings("7月15日，市委常委韦正清到我镇调研基层党建工作。县委书记吕嘉禾等参加调研。\n韦正清一行先后来到新华村、"
                  "梅河村，详细了解村级集体经济发展情况。\n在随后召开的座谈会上，吕嘉禾汇报了全县基层党建工作情况。", year=2021)
    assert [m.kind for m in ms] == ["inspection", "symposium"]
    assert roles(ms[1])["speaker"] == {"吕嘉禾"}


def test_the_visitors_going_on_the_same_day_after_talks_is_no_event():
    ms = meetings("4月25日，县委书记韦正清会见某县考察团一行。县长吕嘉禾参加会见。\n当天，考察团一行还来到西江镇，调研苗绣产业"
                  "发展。西江镇党委书记田明远介绍了有关情况。")
    assert [m.kind for m in ms] == ["talks"]


def test_talks_held_with_a_group_of_cadres_are_a_meeting():
    # "与新提任的科级干部进行集体廉政谈话": held right there; named in passing they are none
    [m] = meetings("4月20日，市委书记柯望川与新提任的32名科级干部进行集体廉政谈话。市委常委、组织部部长祁晓岚主持，"
                   "市委常委、市纪委书记骆文远宣读了任职决定。柯望川指出，新提任干部要勤政廉政。", year=2015)
    assert (m.kind, m.name) == ("meeting", "集体廉政谈话")
    assert roles(m) == {"chair": {"祁晓岚"}, "speaker": {"骆文远", "柯望川"}, "attendee": {"骆文远", "柯望川"}}
    assert meetings("4月20日，县纪委书记骆文远说，要严格落实任前集体谈话制度。", year=2015) == []


def test_who_opens_the_sentence_calls_the_meeting_after_bing():
    # "县长甲到…看望慰问…，并召开…座谈会": the meeting is the event, and 甲, whom 并 goes on with, chairs it
    [m] = meetings("5月12日，县委副书记、县长韩望川到县人民医院看望慰问医务工作者，并召开医疗卫生工作座谈会。"
                   "副县长苗晓岚陪同看望并参加座谈会。")
    assert roles(m) == {"chair": {"韩望川"}, "attendee": {"苗晓岚"}}


def test_a_meeting_named_before_shang_ends_there_not_at_the_meeting_relayed_after_it():
    # "在全县干部大会上传达了市委全会精神": the 大会 is the event, the 全会 only relayed
    [m] = meetings("6月4日，县委书记邵望川委托县委副书记钱晓岚在全县干部大会上传达了市委全会精神。县长韩远舟主持会议。")
    assert m.name == "全县干部大会" and roles(m) == {"chair": {"韩远舟"}, "speaker": {"钱晓岚"}, "attendee": {"钱晓岚"}}
    # ... and the clause of the trip that brings him where he calls it
    [m] = meetings("7月6日，县委副书记钱望川带领县委巡察组，到县教育局召开巡察工作动员会。钱望川作动员讲话。")
    assert roles(m)["chair"] == {"钱望川"}


def test_an_inquiry_sitting_of_a_standing_committee_session_is_that_session_and_its_askers_and_answerers_speak():
    # "…第三十八次会议召开联组会议，开展专题询问": one meeting; who asks and who answers speak
    [m] = meetings("8月26日，县十九届人大常委会第三十八次会议召开联组会议，围绕农村饮水安全开展专题询问。县人大常委会主任胡望川"
                   "主持联组会议，副县长方晓岚到会应询。县人大常委会委员徐远舟、王明霞先后提问。", year=2021)
    assert roles(m)["chair"] == {"胡望川"} and roles(m)["speaker"] == {"方晓岚", "徐远舟", "王明霞"}


def test_a_conference_watched_at_a_branch_venue_that_named_leaders_attend_there_is_an_event():
    # "我县在县分会场收听收看。县长甲…在县分会场参加会议": who is named attending it there attends it (as with no
    # watching said: "全市…电视电话会议召开。县长在县分会场参加会议"), and the county's own meeting after it is another
    conf, own = meetings("6月5日，全省安全生产电视电话会议召开。我县在县分会场收听收看。县长骆秋石，副县长韦正清、吕嘉禾在县分会场"
                         "参加会议。\n全省会议结束后，骆秋石主持召开全县安全生产工作会议，对我县贯彻落实工作进行部署。", year=2023)
    assert (conf.name, roles(conf)) == ("全省安全生产电视电话会议", {"attendee": {"骆秋石", "韦正清", "吕嘉禾"}})
    assert (own.name, roles(own)) == ("全县安全生产工作会议", {"chair": {"骆秋石"}})


def test_who_is_said_at_the_branch_venue_attends_the_conference_not_the_countys_meeting_after_it():
    conf, own = meetings("3月4日，全省经济运行调度视频会议召开。会议结束后，我县紧接着召开全县经济运行调度会。县委书记骆秋石主持"
                         "会议并讲话，县长韦正清出席会议。\n骆秋石、韦正清在县分会场参加全省会议。", year=2025)
    assert conf.name == "全省经济运行调度视频会议" and roles(conf) == {"attendee": {"骆秋石", "韦正清"}}
    assert roles(own) == {"chair": {"骆秋石"}, "speaker": {"骆秋石"}, "attendee": {"韦正清"}}


def test_a_phase_of_the_meeting_someone_chairs_is_the_meeting_already_found():
    [m] = meetings("3月8日，县人大常委会召开第二十次会议。县人大常委会副主任骆秋石主持会议第一阶段，县人大常委会主任韦正清"
                   "主持第二阶段会议并讲话。", year=2021)
    assert roles(m)["chair"] == {"骆秋石", "韦正清"} and roles(m)["speaker"] == {"韦正清"}


@pytest.mark.parametrize("said", ["畅所欲言", "各抒己见", "踊跃发言", "纷纷发言", "积极建言"])
def test_representatives_who_speak_their_minds_at_a_symposium_speak(said):
    [m] = meetings(f"3月2日，县委召开民营企业家座谈会。县委书记骆秋石主持会议并讲话。座谈会上，企业家代表韦正清、吕嘉禾结合企业"
                   f"实际，{said}，提出了意见建议。", year=2022)
    assert roles(m)["speaker"] == {"骆秋石", "韦正清", "吕嘉禾"}


def test_who_does_one_thing_and_then_another_after_it_keeps_the_subject():
    # "甲在县分会场收听收看…会后，立即主持召开…": the clause ending in 后 is his
    [m] = meetings("5月8日，县委书记骆秋石在县分会场收听收看全省经济运行视频调度会后，立即主持召开全县经济运行调度会，"
                   "对我县工作作出部署。县长韦正清参加会议。", year=2022)
    assert m.name == "全县经济运行调度会" and roles(m)["chair"] == {"骆秋石"} and "韦正清" in roles(m)["attendee"]


def test_a_standing_committees_inquiry_session_is_a_meeting():
    [m] = meetings("6月12日，县人大常委会召开专题询问会，就全县义务教育均衡发展工作开展专题询问。县人大常委会主任骆秋石主持"
                   "会议。副县长韦正清到会应询。县人大常委会委员吕嘉禾、祁望舒先后提问。", year=2023)
    assert m.name.endswith("专题询问会") and roles(m)["chair"] == {"骆秋石"}
    assert roles(m)["speaker"] == {"韦正清", "吕嘉禾", "祁望舒"}


@pytest.mark.parametrize("word", ["百日攻坚会", "警示教育会", "冲刺会", "决战会", "表态会", "评比会"])
def test_the_rallies_and_warnings_a_county_holds_are_meetings(word):
    [m] = meetings(f"6月12日，县长骆秋石主持召开全县重点项目{word}。副县长韦正清参加。", year=2023)
    assert m.name == f"全县重点项目{word}" and roles(m) == {"chair": {"骆秋石"}, "attendee": {"韦正清"}}


def test_a_village_house_meeting_is_a_symposium():
    # 屋场会 (Hunan): a township's leader sits down with villagers in a hamlet's yard
    [m] = meetings("8月16日晚，白马镇党委书记柏云峰来到大塘村刘家屋场，与30余名村民围坐在一起召开“屋场会”，听取群众意见。"
                   "柏云峰当场表示，镇里将把该路段纳入明年拓宽计划。")
    assert m.kind == "symposium" and "屋场会" in m.name and roles(m)["speaker"] == {"柏云峰"}


def test_a_study_group_studying_holds_its_session():
    # "县委理论学习中心组集中学习…文件": the group's own study, with no 召开 or 进行 before it
    [m] = meetings("10月16日，县委理论学习中心组集中学习有关文件。县委书记柏云峰主持学习并讲话，县委副书记、代县长蔺文杰出席。",
                   year=2013)
    assert m.name == "县委理论学习中心组集中学习" and roles(m) == {"chair": {"柏云峰"}, "speaker": {"柏云峰"},
                                                                 "attendee": {"蔺文杰"}}


def test_the_remarks_of_the_talks_sides_after_a_signing_are_said_at_the_talks():
    # "甲会见了乙一行。随后，双方举行签约仪式…。甲表示，…乙介绍了…": their words are the talks', not the signing's
    ms = meetings("4月2日，市长柏云峰会见了某某投资集团副总经理蔺文杰一行。随后，双方举行新能源项目合作签约仪式，柏云峰、蔺文杰共同"
                  "见证签约。\n副市长韦正清参加会见。\n柏云峰表示，欢迎集团加大投资力度。蔺文杰介绍了集团新能源板块发展情况。",
                  year=2024)
    talks, signing = ms
    assert talks.kind == "talks" and roles(talks)["speaker"] == {"柏云峰", "蔺文杰"}
    assert "speaker" not in roles(signing)
    # ... not a speech given at the signing itself
    talks, signing = meetings("4月2日，市长柏云峰会见了某某投资集团副总经理蔺文杰一行。随后，双方举行新能源项目合作签约仪式。"
                              "柏云峰致辞。", year=2024)
    assert roles(signing)["speaker"] == {"柏云峰"}


def test_words_said_in_a_ceremonys_address_are_the_ceremonys_not_the_talks_before_it():
    # "签约仪式前，甲会见了…。乙在致辞中表示，…": talks give no 致辞; the address is the signing's
    signing, talks = meetings("4月18日，某某县重大项目集中签约仪式在县行政中心举行。县长柏云峰出席签约仪式。\n"
                              "签约仪式前，柏云峰会见了某某新材料有限公司董事长蔺文杰一行。\n"
                              "柏云峰在致辞中表示，将全力支持项目早开工。", year=2024)
    assert talks.kind == "talks" and roles(signing)["speaker"] == {"柏云峰"}
    assert "speaker" not in roles(talks)


def test_a_meeting_held_after_an_errand_that_is_no_event_is_the_articles():
    # the lead's 接访 day is no event; "接访结束后，甲主持召开…会议" in a later paragraph is
    body = ("9月12日，县委书记柏云峰到县信访接待中心开展领导干部接访日活动，面对面倾听群众诉求。\n"
            "当天共接待来访群众6批15人次，反映的问题涉及土地征收补偿等。\n"
            "接访结束后，柏云峰主持召开信访工作专题会议。\n他强调，要坚持“枫桥经验”。")
    [m] = meetings(body, year=2024)
    assert (m.name, m.meeting_date) == ("信访工作专题会议", date(2024, 9, 12)) and roles(m)["chair"] == {"柏云峰"}
