"""Lines the OCR wrapped in the middle of a sentence and the cleaner left: the sentence is read whole."""
from __future__ import annotations

from tests.test_meetings import meetings, roles


def test_a_tour_whose_lead_the_scan_wrapped_after_a_comma_and_inside_a_word():
    [m] = meetings("3月18日，县委副书记、县长柯建平带领县应急管理局、县林业局等部门负责人，\n深入长冈乡、埠头乡督导检查春季森林防火工\n"
                   "作。副县长温丽娟陪同。\n柯建平一行先后察看了林区防火检查站、\n扑火物资储备库。他要求，各乡镇要严格落实火源管控措施。")
    assert (m.kind, m.name) == ("inspection", "督导检查春季森林防火工作")
    assert roles(m) == {"speaker": {"柯建平"}, "attendee": {"柯建平", "温丽娟"}}


def test_a_heading_line_with_no_sentence_open_stays_a_line_of_its_own():
    [m] = meetings("3月18日，县长柯建平主持召开县政府常务会议。\n一、听取春耕工作汇报\n副县长温丽娟汇报了春耕生产情况。")
    assert roles(m) == {"chair": {"柯建平"}, "speaker": {"温丽娟"}, "attendee": {"温丽娟"}}
