"""Tours found by their visit verb: the verbs of inspection teams."""
from __future__ import annotations

import pytest

from tests.test_meetings import meetings, roles


def test_an_environmental_inspection_teams_round_is_a_tour():
    [m] = meetings("5月8日，省第三生态环境保护督察组组长温立宏带队到清河县开展督察工作，督察组副组长柯红英参加。"
                   "县委书记龚建波陪同。")
    assert m.kind == "inspection" and m.name.startswith("督察")
    assert roles(m) == {"attendee": {"温立宏", "柯红英", "龚建波"}}


def test_an_inspection_word_opening_a_meetings_name_is_that_meeting():
    [m] = meetings("5月8日，县长龚建波主持召开省生态环境保护督察反馈意见整改推进会。")
    assert (m.kind, m.name) == ("meeting", "省生态环境保护督察反馈意见整改推进会")
    [m] = meetings("5月8日，县委书记龚建波主持召开县委常委会会议，研究中央生态环境保护督察反馈问题整改工作。")
    assert (m.kind, m.name) == ("meeting", "县委常委会会议")


def test_the_headline_says_who_spoke_on_the_tour_the_lead_only_reports():
    # "甲在…调研时强调": the headline gives the remarks the lead leaves out
    [m] = meetings("3月5日，市委书记钟立平到青松县调研乡村振兴工作。县委书记严志国陪同。", title="钟立平在青松县调研时强调")
    assert roles(m) == {"speaker": {"钟立平"}, "attendee": {"钟立平", "严志国"}}
    # who came along is named in the headline too: no remarks of theirs
    [m] = meetings("3月5日，市委书记钟立平到青松县调研乡村振兴工作。县委书记严志国陪同。", title="钟立平到青松县调研乡村振兴工作")
    assert roles(m) == {"attendee": {"钟立平", "严志国"}}


def test_a_forum_a_county_will_hold_is_no_event():
    assert meetings("县农业局局长罗志明说，下一步，县里将举办金银花产业发展论坛，邀请专家为产业发展把脉。") == []
    assert meetings("今年，县里将举办第三届茶文化旅游节，进一步擦亮茶乡品牌。") == []


def test_the_lead_meeting_chaired_by_an_end_of_its_name_is_the_same_meeting():
    # "…集中签约大会举行。…县长乙主持签约大会": 主持 with no 召开 chairs the meeting already named
    [m] = meetings("3月26日，青河县招商引资项目集中签约大会举行，共签约项目16个。县委书记龚建波致辞，县委副书记、县长严志国主持签约大会。")
    assert m.name == "青河县招商引资项目集中签约大会"
    assert roles(m) == {"chair": {"严志国"}, "speaker": {"龚建波"}, "attendee": {"龚建波"}}


def test_remarks_of_the_leader_of_a_second_tour_are_on_that_tour():
    # "上午甲到…检查；下午乙到…检查。甲强调…。乙要求…": each leader speaks on his own tour
    first, second = meetings("6月18日上午，县委书记龚建波到青石水库检查防汛工作；下午，县委副书记、县长严志国到白河沿线检查防汛工作。"
                             "\n龚建波强调，要严格落实水库防汛责任制。严志国要求，要加强巡堤查险。")
    assert roles(first) == {"speaker": {"龚建波"}, "attendee": {"龚建波"}}
    assert roles(second) == {"speaker": {"严志国"}, "attendee": {"严志国"}}


def test_a_second_leader_leading_a_team_to_another_place_makes_a_second_tour():
    # "甲带队到某镇督导…；乙带队到某镇检查…": each leads a tour of his own, with his own remarks
    first, second = meetings("9月3日，市委书记郑望川带队到石桥镇督导防台工作；市委副书记、市长柯明远带队到沙湾镇检查渔船回港情况。"
                             "\n郑望川要求，要做到应转尽转。柯明远强调，要逐船逐人核实。")
    assert roles(first) == {"speaker": {"郑望川"}, "attendee": {"郑望川"}}
    assert roles(second) == {"speaker": {"柯明远"}, "attendee": {"柯明远"}}


def test_who_attends_the_talks_by_name_after_a_signing_attends_the_talks():
    # "甲会见了乙一行。随后，双方举行签约仪式。…丙参加会见": 参加会见 names the talks, not the signing after them
    talks, signing = meetings("4月2日，市长韦望山会见了某某投资集团副总经理莫清源一行。随后，双方举行项目合作签约仪式，"
                              "韦望山、莫清源共同见证签约。\n副市长覃雪梅，市政府秘书长梁远舟参加会见。")
    assert {"覃雪梅", "梁远舟"} <= {n for n, _ in talks.participants}
    assert not {"覃雪梅", "梁远舟"} & {n for n, _ in signing.participants}


def test_the_host_calling_a_symposium_with_his_guests_chairs_it_alone():
    # "区长甲与乙一行召开政企座谈会": 甲 calls it; 乙 and his party take part
    [m] = meetings("3月16日，区长何望舒与某某汽车公司副总裁陈立川一行召开政企座谈会。副区长冯晓岚参加座谈。")
    assert roles(m)["chair"] == {"何望舒"}
    assert {"陈立川", "冯晓岚"} <= {n for n, _ in m.participants}


def test_who_leads_the_team_in_a_clause_of_its_own_goes_on_the_tour():
    # "在甲（的）带领下，部分代表视察…": 甲 leads the tour
    for body in ("12月5日，在市人大常委会主任黎望川带领下，部分市人大代表视察全市重点项目建设情况。副市长丁晓岚参加视察。",
                 "12月5日，在市人大常委会主任黎望川的带领下，调研组一行深入石门镇调研乡村振兴工作。副市长丁晓岚陪同。"):
        [m] = meetings(body)
        assert roles(m)["attendee"] == {"黎望川", "丁晓岚"}


def test_a_tour_leaders_remarks_after_a_briefing_he_did_not_chair_are_said_at_the_briefing():
    # "在随后召开的汇报会上，县长乙汇报了…。甲要求…": the briefing's words (the references of county tours say so)
    tour, briefing = meetings("4月7日，省督查组组长严望山一行来我县督查重点项目建设。县长柯晓川陪同督查。\n"
                              "在随后召开的汇报会上，柯晓川汇报了全县重点项目建设情况。严望山要求，要加快项目建设进度。")
    assert "speaker" not in roles(tour) and "严望山" in roles(briefing)["speaker"]

def test_who_attends_the_symposium_two_sentences_after_it_attends_the_symposium_not_the_tour():
    tour, sym = meetings("4月13日，市委常委、组织部部长甄望川到我县督导党建工作，并召开座谈会听取汇报。县委书记邵晓岚汇报了全县"
                         "党建工作情况。县委副书记钱远舟参加座谈。")
    assert "钱远舟" in roles(sym)["attendee"] and "钱远舟" not in roles(tour)["attendee"]


@pytest.mark.parametrize("body, leaders", [
    # each of two leaders leads a team of his own to examine something where it is
    ("4月28日，县委副书记、县长韩望川，县人大常委会主任卢晓岚分别带队，对全县重点河道开展巡河督查。", {"韩望川", "卢晓岚"}),
    # the team led, then how it went, then what it examined
    ("4月24日，县长韩望川带领县应急局负责人，采取“四不两直”方式，对城区部分建筑工地开展暗访检查。", {"韩望川"}),
])
def test_who_leads_a_team_to_examine_something_the_way_it_went_said_goes_on_the_tour(body, leaders):
    [m] = meetings(body)
    assert roles(m) == {"attendee": leaders}


def test_briefings_right_after_the_sentence_a_symposium_closes_are_given_at_it():
    tour, sym = meetings("6月7日，县委书记邵望川带领县委办负责同志，到县人大常委会、县政协走访调研，并召开座谈会。"
                         "县人大常委会主任卢晓岚，县政协主席杨远舟分别汇报了工作情况。")
    assert roles(sym)["speaker"] == {"卢晓岚", "杨远舟"} and "speaker" not in roles(tour)


def test_who_leads_a_team_told_at_length_to_examine_something_goes_on_the_tour():
    [m] = meetings("10月5日晚，县委副书记钱望川带领县纪委监委、县市场监管局等部门组成的暗访组，对城区部分餐饮企业落实中央八项"
                   "规定精神情况进行暗访。")
    assert roles(m) == {"attendee": {"钱望川"}}


def test_a_symposium_the_tours_leader_calls_in_a_sentence_of_its_own_is_chaired_by_him():
    # "调研中，甲在某镇召开座谈会": bare 召开 with the tour's one leader its subject, a sentence after the tour's
    tour, talk = meetings("3月22日，县长骆秋石深入某镇调研农村集体经济发展工作。副县长韦正清陪同调研。\n"
                          "调研中，骆秋石在某镇召开座谈会，听取镇村干部意见建议。某镇党委书记祁望舒、某村党支部书记吕嘉禾先后发言。",
                          year=2019)
    assert (tour.kind, talk.kind) == ("inspection", "symposium")
    assert roles(tour) == {"attendee": {"骆秋石", "韦正清"}}
    assert roles(talk)["chair"] == {"骆秋石"} and roles(talk)["speaker"] == {"祁望舒", "吕嘉禾"}
    # ... not a meeting another body held that he attended ("在某镇召开的座谈会上讲话")
    [tour] = meetings("3月22日，县长骆秋石深入某镇调研农村集体经济发展工作。调研中，骆秋石在某镇召开的座谈会上讲话。",
                      year=2019)


def test_a_leaders_day_receiving_petitioners_is_no_event():
    # neither a meeting nor a tour of inspection; the meeting he chairs after it is one
    assert meetings("4月15日，县委书记骆秋石在县信访接待中心接待来访群众，面对面倾听群众诉求。县委常委韦正清参加接访。",
                    year=2017) == []
    assert meetings("8月3日，县长骆秋石带案下访，到某镇化解信访积案。", year=2021) == []
    [m] = meetings("4月15日，县委书记骆秋石在县信访接待中心接待来访群众。接访结束后，骆秋石主持召开信访工作专题会议。"
                   "县委常委韦正清参加接访。", year=2017)
    assert m.name == "信访工作专题会议" and roles(m) == {"chair": {"骆秋石"}}


def test_visits_totted_up_over_a_period_are_background():
    assert meetings("今年以来，县级领导共走访企业320家，解决问题260件。", year=2021) == []
    assert meetings("今年以来，县级领导累计督导36次，解决问题120件。", year=2021) == []
    # ... not a visit made together
    [m] = meetings("5月5日，县长骆秋石与副县长韦正清共同调研城区供水工作。", year=2021)
    assert roles(m) == {"attendee": {"骆秋石", "韦正清"}}


def test_a_briefing_in_the_clause_right_after_a_symposium_on_the_tour_is_given_at_it():
    tour, talk = meetings("6月8日，县委书记骆秋石率县党政代表团赴某省某县考察学习。期间，骆秋石主持召开座谈会，某县县委书记"
                          "祁望舒介绍了当地发展经验。县委常委韦正清参加考察。", year=2019)
    assert roles(talk)["chair"] == {"骆秋石"} and roles(talk)["speaker"] == {"祁望舒"}
    assert roles(tour) == {"attendee": {"骆秋石", "韦正清"}}


def test_a_visit_words_rule_or_day_named_is_a_noun():
    # "调研制度", "督查日制度": a rule named, not a visit made
    assert meetings("县委常委会审议通过了县级领导干部调研制度。", year=2021) == []
    assert meetings("今年以来，我县严格落实县级领导督查日制度。", year=2021) == []
    # ... and the day named before the visit of the sentence ("…是县级领导调研日，甲到…调研")
    [m] = meetings("4月15日是县级领导调研日，县委书记骆秋石到某镇调研农业生产。", year=2021)
    assert roles(m) == {"attendee": {"骆秋石"}}
    # ... not a place opening with 日 visited
    [m] = meetings("4月15日，县委书记骆秋石考察日照港。", year=2021)
    assert m.kind == "inspection"


def test_who_speaks_at_the_symposium_held_after_the_tour_speaks_at_it_not_on_the_tour():
    # "在随后召开的座谈会上，": the symposium the lead said the leader would chair after the visits
    body = ("8月12日，县长柏云峰深入县开发区调研民营企业发展情况，并主持召开民营企业家座谈会。副县长蔺文杰陪同调研并参加座谈。\n"
            "柏云峰一行先后来到青山果业有限公司、绿水包装有限公司，察看生产线运行。\n"
            "在随后召开的座谈会上，青山果业董事长祁望舒、绿水包装总经理吕嘉禾等8位企业家代表围绕融资难等问题发言。")
    tour, sym = meetings(body, year=2021)
    assert sym.kind == "symposium" and roles(sym)["speaker"] == {"祁望舒", "吕嘉禾"}
    assert not {"祁望舒", "吕嘉禾"} & (roles(tour).get("speaker", set()) | roles(tour).get("attendee", set()))


def test_a_firms_head_who_briefs_the_touring_leader_is_only_heard():
    # "企业负责人甲介绍，…", "公司总经理乙汇报了…": a quote of who holds no office, as "基地负责人甲说"
    for said in ("企业负责人蔺文杰介绍，今年预计产值可达500万元。", "公司总经理蔺文杰介绍了今年生产情况。",
                 "公司总经理蔺文杰汇报了新榨季生产准备情况。"):
        [m] = meetings("4月12日，县委书记柏云峰到红石镇调研蓝莓产业。" + said + "柏云峰强调，要做大做强特色产业。")
        assert roles(m) == {"speaker": {"柏云峰"}, "attendee": {"柏云峰"}}
    # ... not an official, heard briefing the leader
    [m] = meetings("4月12日，县委书记柏云峰到红石镇调研蓝莓产业。镇党委书记甄立锋介绍了全镇产业发展情况。")
    assert "甄立锋" in roles(m)["attendee"]
    # ... nor at a site office, held with the firm whose head briefs it
    [m] = meetings("5月22日，县委书记柏云峰到红石铜业公司现场办公。公司董事长蔺文杰介绍了企业生产经营情况。")
    assert "蔺文杰" in roles(m)["attendee"]


def test_guiding_work_in_the_clause_after_the_trip_is_a_tour():
    # "深入某镇受灾村寨，指导抢险救灾工作": the trip in its own clause, the errand in the next
    [m] = meetings("6月19日，副县长柏云峰带领县水务、民政等部门负责人深入红石镇受灾村寨，指导抢险救灾工作。"
                   "柏云峰要求，要尽快转移安置受灾群众。", year=2015)
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰"}, "speaker": {"柏云峰"}}
    # ... not guidance in a clause of its own, after no trip
    assert meetings("6月19日，县长柏云峰主持召开专题会议，研究防汛工作。会议强调，要以问题为导向，指导各乡镇做好准备。",
                    year=2015)[0].kind == "meeting"


def test_a_place_named_with_jiang_is_no_tour_to_come():
    # 将 of 大将镇 is the place, not a tour announced ("将赴…检查")
    [m] = meetings("11月7日，县长柏云峰率有关部门负责人，深入长安镇、浮石镇、大将镇，检查清洁乡村活动开展情况。", year=2012)
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰"}}
    assert meetings("11月7日，县长柏云峰将率有关部门负责人深入长安镇检查清洁乡村活动开展情况。", year=2012) == []


def test_the_gong_of_a_republic_counts_no_visits():
    # 共 of 中华人民共和国 is no tally ("共检查企业12家")
    [m] = meetings("6月15日，市人大常委会副主任柏云峰带领执法检查组，对《中华人民共和国环境保护法》贯彻实施情况开展执法检查。",
                   year=2016)
    assert m.kind == "inspection" and roles(m) == {"attendee": {"柏云峰"}}


def test_a_symposium_called_on_the_tour_and_chaired_by_its_bare_name_is_one_meeting():
    # "…调研，并召开教师座谈会。甲主持座谈会，乙讲话": 座谈会 is the 教师座谈会 called, not another
    tour, sym = meetings("9月9日，区委书记柏云峰，区委副书记、区长蔺文杰到第二高级中学调研，并召开教师座谈会。柏云峰主持座谈会，"
                         "蔺文杰讲话。区委常委、宣传部部长韦正清参加座谈。", year=2017)
    assert sym.name == "教师座谈会" and roles(sym)["chair"] == {"柏云峰"} and "韦正清" in roles(sym)["attendee"]


def test_a_trip_for_an_industrys_investment_is_a_tour_and_the_promotion_after_it_a_meeting():
    # "带队赴某市开展产业招商活动" ... "在随后举行的…招商推介会上，": the trip, then the promotion held on it
    body = ("11月7日，县长柏云峰带队赴某某市开展产业招商活动，与三家新能源企业签约。\n"
            "在某某，考察团一行先后走访了多家企业。在随后举行的新能源产业招商推介会上，柏云峰向客商推介了我县营商环境。")
    tour, promo = meetings(body, year=2024)
    assert tour.kind == "inspection" and roles(tour) == {"attendee": {"柏云峰"}}
    assert promo.name == "新能源产业招商推介会" and roles(promo)["speaker"] == {"柏云峰"}


def test_the_chairs_remarks_in_the_paragraph_after_the_symposiums_are_said_there_and_on_the_tour():
    # "…并主持召开座谈会。…\n在随后召开的座谈会上，…发言。\n甲指出，…": the chair's word closing the symposium sums up the tour
    body = ("8月12日，县长柏云峰深入县开发区调研民营企业发展情况，并主持召开民营企业家座谈会。副县长蔺文杰陪同调研。\n"
            "柏云峰一行先后来到青山果业有限公司，察看生产线运行。\n"
            "在随后召开的座谈会上，青山果业董事长祁望舒等8位企业家代表围绕融资难等问题发言。\n"
            "柏云峰指出，民营企业是全县经济发展的重要力量。")
    tour, sym = meetings(body, year=2021)
    assert "柏云峰" in roles(sym)["speaker"] and "柏云峰" in roles(tour)["speaker"]


def test_leaders_commanding_the_rescue_on_site_make_a_tour():
    # "赶赴…等险情点，现场指挥抢险救灾": the leaders on the flood's site
    [m] = meetings("7月19日，县委书记柏云峰第一时间赶赴洪河堤防、五里铺村等险情点，现场指挥抢险救灾。副县长韦正清一同参加。",
                   year=2016)
    assert m.kind == "inspection" and m.name.startswith("指挥抢险") and roles(m)["attendee"] == {"柏云峰", "韦正清"}


def test_what_an_inspection_found_is_no_visit_and_the_feedback_meeting_the_headline_names_is_the_event():
    # "反馈了巡察发现的问题": the findings, not a visit; the headline's 反馈会 is what the body reports
    body = ("5月16日，县委第二巡察组向县交通运输局党组反馈巡察情况。县委第二巡察组组长柏云峰反馈了巡察发现的问题，并提出"
            "整改意见。县委常委、组织部部长蔺文杰出席会议并讲话。")
    [m] = meetings(body, title="县委召开巡察工作反馈会", year=2019)
    assert m.kind == "meeting" and "反馈会" in m.name and roles(m)["speaker"] >= {"蔺文杰"}
