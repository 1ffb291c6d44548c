"""Tours found by their visit verb: the verbs of inspection teams."""
from __future__ import annotations

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
