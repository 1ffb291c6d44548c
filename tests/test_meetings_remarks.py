"""Who speaks in a clause of remarks with no subject of its own, after the clause of the event's verb."""
from __future__ import annotations

from tests.test_meetings import meetings, roles


def test_remarks_after_a_tour_clause_go_with_the_leader_who_opens_the_sentence():
    # "甲调研…，强调…": the comma closes the visit's clause; the remarks are still the leader's
    [m] = meetings("3月5日，市委书记钟立平到青松县调研乡村振兴工作，强调要坚持农业农村优先发展。")
    assert roles(m) == {"speaker": {"钟立平"}, "attendee": {"钟立平"}}
    [m] = meetings("县长严志国深入石门镇、白沙乡督导防汛工作，要求各地严格落实巡查责任。")
    assert roles(m) == {"speaker": {"严志国"}, "attendee": {"严志国"}}


def test_remarks_after_the_chairs_clause_go_with_the_chair():
    [m] = meetings("5月3日上午，县长严志国主持召开县政府常务会议，研究春耕生产工作，强调要抓好农资保供。")
    assert roles(m) == {"chair": {"严志国"}, "speaker": {"严志国"}}
    [m] = meetings("县委书记钟立平出席全县农村工作会议，强调要抓好春耕生产。")
    assert roles(m) == {"speaker": {"钟立平"}, "attendee": {"钟立平"}}


def test_remarks_with_another_name_in_the_sentence_or_a_relayed_agenda_find_no_subject_there():
    # two people before the remarks: whose they are is not said here
    [m] = meetings("县委书记钟立平出席全县农村工作会议，县长严志国主持，强调要抓好春耕生产。")
    assert "钟立平" not in roles(m).get("speaker", set())
    # the meeting relays what others said: its chair does not speak by 传达
    [m] = meetings("4月2日，局长袁晓东主持召开局务会，传达学习上级有关会议精神。")
    assert roles(m) == {"chair": {"袁晓东"}}


def test_he_after_the_opener_of_each_stop_is_the_tours_leader():
    [m] = meetings("3月5日，县长严志国深入石门镇督导防汛工作。每到一处，他都仔细询问，要求相关单位立即整改。")
    assert roles(m) == {"speaker": {"严志国"}, "attendee": {"严志国"}}


def test_remarks_in_a_sentence_opened_by_he_are_his_however_many_clauses_come_first():
    # 他 opens the sentence; "对…表示肯定" and "希望…" open clauses of their own with no other subject
    [m] = meetings("3月2日，县委书记严志国带队到石门镇调研。他先后来到农业园区和社区，详细了解情况，"
                   "对石门镇的工作表示肯定，希望继续努力。")
    assert roles(m) == {"speaker": {"严志国"}, "attendee": {"严志国"}}


def test_remarks_to_someone_after_the_tour_clause_are_the_leaders():
    [m] = meetings("3月2日，县长钟立平到白沙乡走访慰问老党员，向他们致以节日的问候，希望他们保重身体。")
    assert roles(m) == {"speaker": {"钟立平"}, "attendee": {"钟立平"}}


def test_remarks_of_the_leader_named_after_the_opener_of_every_stop():
    [m] = meetings("3月5日，县长严志国深入石门镇督导防汛工作。所到之处，严志国详细了解防汛物资储备情况，叮嘱镇村干部严格落实值班值守。")
    assert roles(m) == {"speaker": {"严志国"}, "attendee": {"严志国"}}


def test_remarks_after_a_clause_the_meeting_opens_are_the_meetings():
    # "…，会议研究了…，强调…": the meeting speaks, as "会议强调" does, not its chair
    [m] = meetings("3月5日，县长严志国主持召开县政府常务会议，会议研究了春耕生产工作，强调要抓好农资保供。")
    assert roles(m) == {"chair": {"严志国"}}


def test_he_after_a_visit_of_its_own_is_the_visitor_not_who_spoke_before():
    # "会上，局长乙通报了…。当晚，甲带领…暗查了…。他要求…": 他 is 甲, whose visit the sentence before tells
    _, tour = meetings("11月26日，全县安全生产工作会议召开。县长骆青山出席会议并讲话。\n会上，县应急局局长祁文远通报了全县安全生产情况。"
                       "\n当晚，骆青山带领县应急局负责人暗查了城区部分宾馆。他要求，各单位要严格落实消防安全主体责任。")
    assert roles(tour) == {"speaker": {"骆青山"}, "attendee": {"骆青山"}}
