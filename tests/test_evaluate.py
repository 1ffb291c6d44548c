"""`make eval`'s pieces: the split, the gold sets, the tallies and the systems it compares."""
from __future__ import annotations

from learn.data import Example, is_dev
from learn.evaluate import Tally, dibao, dibao_subjects, gold_sets, key

LINE = "本报讯（记者 王建国）3月5日，区委副书记、区长李明华出席会议并讲话。"


def test_dev_split_is_a_fixed_hash_of_the_id():
    ids = [f"msra-train-{k:05d}" for k in range(2000)]
    share = sum(map(is_dev, ids)) / len(ids)
    assert 0.07 < share < 0.13 and [is_dev(i) for i in ids] == [is_dev(i) for i in ids]


def test_a_title_counts_only_right_beside_a_person():
    text = "区长李明华说，市长也来了。"
    e = Example("x", "cluener", text, ((0, 2, "TITLE"), (2, 5, "PER"), (8, 10, "TITLE")))
    gold = gold_sets(e)
    assert gold["PER"] == {"李明华"} and gold["TITLE"] == {"区长"}


def test_tally_counts_sets():
    t = Tally()
    t.add({"甲", "乙"}, {"乙", "丙"})
    assert (t.tp, t.fp, t.fn) == (1, 1, 1) and t.prf() == (0.5, 0.5, 0.5)


def test_subjects_leave_out_the_byline_the_full_count_keeps():
    assert dibao(LINE).people == {key("王建国"), key("李明华")}       # the warehouse holds both rows
    assert dibao_subjects(LINE).people == {key("李明华")}             # a subject-only scorer sees one


def test_byline_gold_is_the_people_written_after_a_reporters_word():
    text = "新华社记者王建国、本报记者李明华报道：市长张三说。"
    e = Example("x", "pd1998", text, ((5, 8, "PER"), (13, 16, "PER"), (21, 23, "PER")))
    gold = gold_sets(e)
    assert gold["BYLINE"] == {"王建国", "李明华"} and gold["PER"] == {"王建国", "李明华", "张三"}


def test_credits_are_scored_against_people_and_bylines():
    t = Tally()
    t.add_credits(bylines={"甲乙", "丙丁"}, people={"甲乙", "丙丁", "戊己"}, pred={"甲乙", "某地"})
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert dibao(LINE).credits == {key("王建国")} and dibao_subjects(LINE).credits is None


def test_a_line_under_a_headline_is_the_body_of_its_page():
    from learn.evaluate import HEADLINE, dibao_headed, line_articles
    [(draft, _)] = line_articles(LINE, HEADLINE)
    assert draft.title == HEADLINE and draft.body.endswith("李明华出席会议并讲话。")
    assert dibao_headed(LINE).people == dibao(LINE).people == {key("王建国"), key("李明华")}


def test_titles_are_scored_as_written_and_as_posts():
    from learn.evaluate import dibao, evaluate
    e = Example("x", "cluener", "青禾乐居总经理韦嘉明表示，市场回暖。", ((4, 7, "TITLE"), (7, 10, "PER")))
    found = dibao(e.text)
    assert found.titles == {"青禾乐居总经理"} and found.posts == {"总经理"}
    tallies = evaluate([e], dibao)
    post, title = tallies["cluener", "POST"], tallies["cluener", "TITLE"]
    assert (post.tp, post.fp) == (1, 0) and (title.tp, title.fp, title.fn) == (0, 1, 1)
