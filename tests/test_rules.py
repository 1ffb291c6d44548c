"""The people rules' registry: unique names, a test per rule, and each rule run alone on a tiny example.

A rule is tested here by its registered name: `test_rule_<name>` runs that entry alone over one sentence
and checks the name it adds with its label (what the arbiter reads). tests/test_people.py holds the rules'
finer cases, run through the whole extraction.
"""
from __future__ import annotations

import re
from pathlib import Path
import pytest

from tasks.extract import arbiter, rules
from tasks.extract.annotate import annotate
from tasks.extract.arbiter import Found
from tasks.extract.lexicon import lexicon
from tasks.extract.names import follow_rank
from tasks.extract.people import extract_people
from tasks.extract.rules import RULES, rule
from tasks.records import ArticleContext
from tasks.segment import tag_raw

TESTS = Path(__file__).resolve().parent
EXTRACT = TESTS.parent / "tasks" / "extract"


def run_rule(name: str, body: str, known: tuple[str, ...] = (), model_reads: tuple[str, ...] = ()) -> dict[str, str]:
    """The names one registered rule adds to a Found holding `known`, with their labels."""
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body, tags=tuple(tag_raw(f"标题\n{body}")))
    t = annotate(ctx).words
    t.read_by_model([(t.s.index(n), t.s.index(n) + len(n)) for n in model_reads])
    found = Found()
    for k in known:
        found.add(k, (), "title")
    rule(name).find(t, lexicon(), found)
    return {n: r for n, r in found.rule.items() if n not in known}


def rule_titles(name: str, body: str, names: tuple[str, ...]) -> dict[str, list[str]]:
    """The titles one registered rule that adds no name gives the names the model found in `body`."""
    t = annotate(ArticleContext(article_id="a", doc_id="d", title="标题", body=body)).words
    found = Found()
    for n in names:
        found.add(n, [], "model")
    rule(name).find(t, lexicon(), found)
    return dict(found.titles)


def test_rule_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), names


def test_every_rule_has_a_test_of_its_own():
    defined = set(re.findall(r"^def (test_rule_\w+)", "".join(p.read_text(encoding="utf-8")
                                                                for p in TESTS.glob("test_*.py")), re.M))
    missing = [r.name for r in RULES if not any(d == f"test_rule_{r.name}" or d.startswith(f"test_rule_{r.name}_")
                                                for d in defined)]
    assert not missing, f"rules without a test_rule_<name> test: {missing}"


def test_the_arbiter_names_registered_rules():
    names = {r.name for r in RULES}
    assert arbiter.VETOED_RULES <= names
    assert arbiter.BARE_RULES <= names
    assert arbiter.TAG_RULES <= names


def test_an_unknown_rule_name_is_a_clear_error():
    try:
        rule("no such rule")
    except KeyError as exc:
        assert "registered: title" in str(exc)
    else:
        raise AssertionError("no error")


def test_no_extractor_reads_word_lists_but_the_lexicon_module():
    """Word lists of tasks/data/ are loaded and compiled in tasks/extract/lexicon.py only."""
    readers = [p.name for p in EXTRACT.glob("*.py") if p.name != "lexicon.py"
               and re.search(r"\bDATA_DIR\b|^from tasks\.lexicon import|^from tasks import lexicon",
                             p.read_text(encoding="utf-8"), re.M)]
    assert readers == []


def test_rules_module_is_the_order_find_people_runs():
    assert rules.RULES[0].name == "title"
    assert [r.name for r in rules.RULES[-8:]] == ["model", "paren", "glued", "leaders", "appointed", "apposed", "lines",
                                                  "families"]


def test_rule_title():
    assert run_rule("title", "县委书记钱乙主持会议。") == {"钱乙": "title"}


def test_rule_described():
    assert run_rule("described", "店主简明亮正忙着炒鸡杂。") == {"简明亮": "described"}
    assert run_rule("described", "店主热情地招呼客人。") == {}


def test_rule_title_starts_after_a_lead_jieba_glued_to_the_level():
    # jieba reads 由县 and 请省 as one word each: the title still starts at the level
    for body, title in (("会议由县人大常委会主任施国强主持。", "县人大常委会主任"),
                        ("该校请省下岗职工先进代表刘阿彩发言。", "省下岗职工先进代表"),
                        # a verb, a time word or praise before a title is no part of it
                        ("这已经成为主帅王建国的心病。", "主帅"), ("最后总设计师王建国拿出了方案。", "总设计师"),
                        ("著名物理学家王建国说。", "物理学家"),
                        # the county writing the report is no part of its officials' titles
                        ("我县县委书记李国华说。", "县委书记"),
                        # jieba reads 据枫 as a name: the lead still leaves the title
                        ("据枫亭街道党工委书记阚立平介绍，项目进展顺利。", "枫亭街道党工委书记")):
        [p] = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body=body))
        assert p.titles == [title], body


def test_rule_title_ending_in_a_word_that_holds_a_shorter_one():
    # 支书 is a title word too, found first in 党总支书记: the title still ends with 书记
    people = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="龙塘村党总支书记、村委会主任黄德胜说。"))}
    assert people == {"黄德胜": ["龙塘村党总支书记", "村委会主任"]}


def test_rule_title_a_name_that_is_also_a_word_right_after_a_title():
    # 高峰, 文明, 田野 are stop words elsewhere ("用电高峰"); after a title, where jieba reads them as names, names
    for body, name in (("副县长高峰主持会议。", "高峰"), ("市教育局局长文明一行到校。", "文明"),
                       ("县委常委、组织部部长田野一行调研。", "田野")):
        assert [p.name for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                                              body=body))] == [name], body
    assert extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body="迎峰度夏用电高峰来临。")) == []


def test_a_surname_with_a_form_of_address_or_a_title_is_no_name():
    for body in ("王大爷、张阿姨和李奶奶都来了。", "上午9时，李教授来到科技馆。"):
        assert extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body=body)) == [], body


def test_rule_title_goes_to_the_leaders_listed_after_a_colon():
    for body in ("在主席台就座的县领导有：王建国、李明华、赵红梅。", "县领导：王建国、李明华、赵红梅出席。"):
        people = {p.name: p.titles for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                                                             body=body))}
        assert people == {"王建国": ["县领导"], "李明华": ["县领导"], "赵红梅": ["县领导"]}, body


def test_rule_paren_titles_after_a_note_of_sex_or_nationality():
    [p] = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body="扎西次仁（藏族，村党支部书记）发言。"))
    assert (p.name, p.titles) == ("扎西次仁", ["村党支部书记"])


def test_names_cut_by_a_speech_verb_s_zuo_are_mended():
    for body, name in (("县委书记凌志远作重要讲话。", "凌志远"), ("区长李振作动员讲话。", "李振"),
                       ("县委书记王俊杰作重要讲话。", "王俊杰")):
        [p] = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body=body))
        assert p.name == name, body


@pytest.mark.parametrize("body, name", [
    ("镇长龙正清作专题讲座。", "龙正清"),                                           # 正清 a word, 作 alone
    ("县委副书记苗明达到后沟村调研产业发展。苗明达要求，各级干部要压实责任。", "苗明达"),   # 达到
    ("县委副书记苗明到后沟村调研。苗明强调，要压实责任。", "苗明"),                 # goes on differently
    ("县委副书记苗明在后沟村调研。苗明在座谈时要求压实责任。", "苗明"),             # 在 follows names
])
def test_names_whose_last_character_jieba_joins_to_the_next_word_are_mended_where_it_stands_alone(body, name):
    assert [p.name for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body=body))] == [name]


def test_a_list_ending_with_the_county_s_leaders_is_no_list_of_places():
    for body, names in (("县长覃永强等县四大班子领导出席。", {"覃永强"}),
                        ("冉明远、于建华等县领导出席。", {"冉明远", "于建华"}),   # 于/p: the model's name alone
                        ("县委书记俞志明、县政协主席薛永红等县四大班子领导出席。", {"俞志明", "薛永红"}),
                        ("县长覃永强等县直部门负责人参加。", {"覃永强"})):
        assert {p.name for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                                              body=body))} == names, body


def test_rule_title_gives_its_title_to_a_list():
    assert run_rule("title", "县领导王建国、李明华出席。") == {"王建国": "title", "李明华": "title-list"}


def test_rule_title_leaders_introduced_by_hai_you():
    found = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="出席会议的县领导还有郝振东、檀静怡。"))}
    assert found == {"郝振东": ["县领导"], "檀静怡": ["县领导"]}
    assert run_rule("title", "在主席台就座的县领导有吕成刚、夏蕾。") == {"吕成刚": "title", "夏蕾": "title-list"}
    assert run_rule("title", "县领导有力推动了项目建设。") == {}


def test_rule_title_gives_its_title_to_a_spaced_list_a_colon_opens():
    # a two-character name padded to three ("韦 芳") is passed over, the list goes on after it
    found = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="出席会议的县领导：蒲立新 黎晓峰 韦 芳 谭志红"))}
    assert found == {"蒲立新": ["县领导"], "黎晓峰": ["县领导"], "谭志红": ["县领导"]}
    # with no colon, or after a clause's comma, a space parts no list
    found = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="出席会议的县领导：蒲立新，县直部门负责人 谭志红"))}
    assert found["蒲立新"] == ["县领导"] and "县领导" not in found.get("谭志红", [])


def test_rule_after():
    assert run_rule("after", "王建国总理强调，要抓好落实。") == {"王建国": "after"}


def test_rule_appointee():
    # a name of Mongolian name parts that jieba reads as a word (白音/n) before 同志: rule 2 finds none there
    assert run_rule("after", "会议宣布了决定：白音同志任旗委书记。") == {}
    assert run_rule("appointee", "会议宣布了决定：白音同志任旗委书记。") == {"白音": "appointee"}
    assert run_rule("appointee", "会议宣布了决定：乌恩巴雅尔同志任旗长。") == {"乌恩巴雅尔": "appointee"}
    found = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body="会议宣布了决定：白音同志任旗委书记。"))
    assert {p.name: p.titles for p in found} == {"白音": ["旗委书记"]}
    # no minority name there: nothing
    assert run_rule("appointee", "向全体同志致以问候。") == {}
    # ... and such a name an appointment notice's verb appoints or removes
    assert run_rule("appointee", "会议决定任命斯琴为旗教育局局长。") == {"斯琴": "appointee"}
    assert run_rule("appointee", "会议决定免去扎西次仁的县教育局局长职务。") == {"扎西次仁": "appointee"}
    found = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body="会议决定任命斯琴为旗教育局局长。"))
    assert {p.name: p.titles for p in found} == {"斯琴": ["旗教育局局长"]}
    # a Han name jieba reads as a word or a place (蓝/nr 光明/n, 莫国强/ns); no name after the verb, nothing
    found = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                          body="会议任命蓝光明为县审计局局长，免去莫国强的县审计局局长职务。"))
    assert {p.name: p.titles for p in found} == {"蓝光明": ["县审计局局长"], "莫国强": ["县审计局局长"]}
    assert run_rule("appointee", "会议颁发了任命书，免去其县审计局局长职务。") == {}
    # a Mongolian name of one part before 的 and the post removed from
    assert run_rule("appointee", "会议决定免去孟和的旗教育局局长职务。") == {"孟和": "appointee"}
    # ... and the items of a notice's list after the verb and its colon
    assert run_rule("appointee", "决定：\n任命：\n马木沙为县民族宗教事务局局长；\n蓝光明为县审计局副局长。\n免去：\n莫国强的县审计局"
                                 "副局长职务。") == {"马木沙": "appointee", "蓝光明": "appointee", "莫国强": "appointee"}
    # a congress elects as a notice appoints (Yi names: a clan and a given name)
    assert run_rule("appointee", "会议选举吉克曲布为县人大常委会主任。") == {"吉克曲布": "appointee"}
    found = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body="大会选举沙马阿果为县人民法院院长。"))
    assert {p.name: p.titles for p in found} == {"沙马阿果": ["县人民法院院长"]}
    assert run_rule("appointee", "会议选举产生了新一届村委会。选举工作为期三天。") == {}
    # the short form of a name the article gives whole is no second person
    found = extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                          body="扎西平措同志不再担任县委副书记职务。会上指出，平措同志在任期间尽职尽责。"))
    assert [p.name for p in found] == ["扎西平措"]


def test_rule_after_is_no_name_when_the_title_leads_a_found_name():
    # 主席 ends the title of the name after it: what stands before is that title's body, not a person
    assert run_rule("after", "会上，银监会主席王建国介绍了情况。", known=("王建国",)) == {}
    assert run_rule("after", "王建国主席强调，要抓好落实。") == {"王建国": "after"}


def test_rule_after_two_character_names_need_the_model_s_reading():
    # jieba tags 华裔 and 杜马 as person words; the model reads no name there (veto_unread)
    for body in ("秘鲁华裔议员能到祖先生活的国土上访问。", "表决前，杜马议员对表决形式进行了辩论。"):
        ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body)
        assert [p.name for p in extract_people(ctx)] == []
    assert [p.name for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题",
                                                          body="会见后，王刚总理设宴款待客人。"))] == ["王刚"]


def test_rule_after_leaves_a_count_before_the_title():
    # 两 counts the two names the title then belongs to
    assert run_rule("after", "总理复电李明和王强两首相。") == {}
    assert run_rule("after", "总理复电王强首相。") == {"王强": "after"}


def test_follow_rank_of_a_count_of_the_names():
    lex = lexicon()
    s = "甲乙丙、丁戊六人参赛，李明和王强两首相，王强两次"
    assert follow_rank(s, s.index("六人"), lex, {}) == 3
    assert follow_rank(s, s.index("两首相"), lex, {}) == 3
    assert follow_rank(s, s.index("两次"), lex, {}) < 3


def test_rule_after_leaves_a_preposition_before_the_name():
    assert run_rule("after", "市长克拉约夫斯基向王刚大使说，交流有益。") == {"王刚": "after"}   # not 向王刚


def test_rule_list_items_the_title_rule_left_share_the_list_s_title():
    # the title rule stops before 马力 (a common word to jieba); the list rule finds it, with the list's title
    found = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="大会执行主席王建平、邓波、马力在主席台前排就座。"))}
    assert found == {n: ["大会执行主席"] for n in ("王建平", "邓波", "马力")}


def test_rule_list():
    assert run_rule("list", "在主席台就座的还有：王建国、李明华、张志强。") == \
        {"王建国": "list", "李明华": "list", "张志强": "list"}


def test_rule_list_item_marked_by_an_aside_needs_no_surname():
    assert run_rule("list", "当选副主席的有：冯秦、乃登（蒙古族）、谭博文（女）、李明华。")["乃登"] == "list"


def test_rule_list_first_item_leaves_the_preposition_before_it():
    # a first item of three characters is the whole run, unless jieba reads a preposition at its start
    assert run_rule("list", "赛前，由王刚、李明华、张志强担任主力。") == \
        {"王刚": "list", "李明华": "list", "张志强": "list"}


def test_rule_clause():
    assert run_rule("clause", "会上，王建国主持会议。") == {"王建国": "clause"}


def test_rule_by():
    # jieba glues the preposition to the name (由林浩/nr, 奖由方琳琳/n): the name between 由 and the verb
    assert run_rule("by", "会议由林浩主持。") == {"林浩": "by"}
    assert run_rule("by", "最佳女演员奖由方琳琳获得。") == {"方琳琳": "by"}
    # a word that holds 由 (由于, 理由) or a word after it is no name
    assert run_rule("by", "由于林浩主持会议，会议很顺利。") == {}
    assert run_rule("by", "这项工作由高校负责。") == {}


def test_rule_nr():
    assert run_rule("nr", "据王建国介绍，项目进展顺利。") == {"王建国": "nr"}


def test_rule_nr_list_after_the_name_is_as_weak_as_its_tag():
    # the items after a tagged name need the model's reading too (veto_unread), or a list of flowers stays
    assert set(run_rule("nr", "据王建国、李明华介绍，项目进展顺利。").values()) == {"nr"}
    body = "目前该公司种植月季、百合、郁金香、满天星、菊花、剑兰等切花品种。"
    found = {p.name for p in extract_people(ArticleContext(article_id="a", doc_id="d", title="标题", body=body))}
    assert not {"满天星", "菊花"} & found


def test_rule_alone():
    assert run_rule("alone", "文章内容。\n王建国\n") == {"王建国": "alone"}


def test_rule_dotted():
    assert run_rule("dotted", "宇航员罗伯特·格兰特说，她很高兴。") == {"罗伯特·格兰特": "dotted"}


def test_rule_dotted_ends_where_jieba_ends_a_word():
    # 言 of 直言不讳 starts no word: the name is not closed there
    assert run_rule("dotted", "公司总裁比尔·盖茨直言不讳地说，我们会赢。") == {"比尔·盖茨": "dotted"}


def test_rule_dotted_leaves_a_preposition_before_the_name():
    # 由 is a surname character, but jieba reads a preposition there
    assert run_rule("dotted", "馆长一职先后由罗伯特·格兰特担任。") == {"罗伯特·格兰特": "dotted"}


def test_rule_after_no_name_ends_in_a_conjunction_before_the_honorific():
    # jieba: 王军/nr 和/c 夫人/n; 王军和 would end well before 夫人, but 和 joins, it ends no name
    assert run_rule("after", "委员长王军和夫人李秀英会见客人。") == {}
    assert run_rule("title", "委员长王军和夫人李秀英会见客人。") == {"王军": "title"}
    # nor an adverb jieba reads after the person word (曾/d)
    assert "比恩曾" not in run_rule("title", "不过主教练比恩曾作为助手出征。")


def test_rule_adjacent():
    assert run_rule("adjacent", "王建国李明华获胜", known=("王建国",)) == {"李明华": "list"}


def test_rule_paren():
    # adds no name: gives the titles in parentheses to the name found before them
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="出席会议的有：王建国（区委副书记、区长）。")
    t = annotate(ctx).words
    found = Found()
    found.add("王建国", (), "list")
    rule("paren").find(t, lexicon(), found)
    assert found.titles == {"王建国": ["区委副书记", "区长"]} and found.rule == {"王建国": "list"}
    assert run_rule("paren", "王建国（女）出席会议。", known=("王建国",)) == {}


def test_rule_glued():
    # adds no name: the title before names written back to back (a list whose spaces were removed) goes to each
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="县领导邬明汤立华韩志远出席会议。")
    t = annotate(ctx).words
    found = Found()
    for n in ("邬明", "汤立华", "韩志远"):
        found.add(n, ["县领导"] if n == "邬明" else [], "model")
    rule("glued").find(t, lexicon(), found)
    assert found.titles == {"邬明": ["县领导"], "汤立华": ["县领导"], "韩志远": ["县领导"]}
    # names apart, or back to back with no title before them, share nothing
    for body in ("县领导邬明出席会议，汤立华韩志远参加。", "邬明汤立华韩志远出席会议。"):
        t = annotate(ArticleContext(article_id="a", doc_id="d", title="标题", body=body)).words
        found = Found()
        for n in ("邬明", "汤立华", "韩志远"):
            found.add(n, [], "model")
        rule("glued").find(t, lexicon(), found)
        assert not found.titles["汤立华"] and not found.titles["韩志远"]


def test_rule_leaders():
    # adds no name: "甲、乙等县领导" gives 县领导 to each bare name of the list, none when one has a title there
    def leaders(body: str) -> dict[str, list[str]]:
        return rule_titles("leaders", body, ("邬明", "汤立华"))
    assert leaders("邬明、汤立华等县领导出席会议。") == {"邬明": ["县领导"], "汤立华": ["县领导"]}
    assert leaders("邬明、汤立华等县领导和有关部门负责人参加。") == {"邬明": ["县领导"], "汤立华": ["县领导"]}
    assert leaders("县长邬明、汤立华等县领导出席会议。") == {"邬明": [], "汤立华": []}
    assert leaders("邬明、汤立华等县领导的讲话精神。") == {"邬明": [], "汤立华": []}


def test_rule_appointed():
    # adds no name: the post a found name is appointed or elected to, written after it
    def appointed(body: str, names=("张三", "李四")) -> dict[str, list[str]]:
        return {n: x for n, x in rule_titles("appointed", body, names).items() if x}
    assert appointed("经研究决定：任命张三为县教育局局长；免去李四的县教育局局长职务。") == {
        "张三": ["县教育局局长"], "李四": ["县教育局局长"]}
    # the posts one is removed from, each of a chain, are written beside the name as a notice's fact
    assert appointed("免去张三同志县财政局局长、党组书记职务。") == {"张三": ["县财政局局长", "党组书记"]}
    assert appointed("张三任县委常委、组织部部长。李四当选为村委会主任。") == \
        {"张三": ["县委常委", "组织部部长"], "李四": ["村委会主任"]}
    # 为 with no appointing verb before the name is a preposition; a clause after 、 is no post
    assert appointed("张三为群众办实事。") == {}
    assert appointed("张三出任委员会主席、王五任副主席。") == {"张三": ["委员会主席"]}
    # a notice's list after the verb and a colon: each item opens a clause of the verb's sentence
    assert appointed("决定任命：\n张三为县教育局局长；\n李四为县卫生健康局局长。") == \
        {"张三": ["县教育局局长"], "李四": ["县卫生健康局局长"]}
    assert appointed("任命：张三为县教育局局长。李四为群众办实事。") == {"张三": ["县教育局局长"]}
    # a note on the person between the name and the post
    assert appointed("任命：\n张三（女，彝族）为县教育局局长；\n李四（挂职）为县卫生健康局副局长。") == \
        {"张三": ["县教育局局长"], "李四": ["县卫生健康局副局长"]}
    # a note after the post is no part of it
    assert appointed("决定：\n张三任县交通运输局副局长（试用期一年）；") == {"张三": ["县交通运输局副局长"]}
    # an election's chain with no colon: each clause after the verb's first names who and 为 what, and a
    # 、-list of such a clause shares its post
    names = ("张三", "李四", "王五", "赵六")
    assert appointed("会议选举张三为县政协主席，李四、王五为副主席，赵六为秘书长。", names) == \
        {"张三": ["县政协主席"], "李四": ["副主席"], "王五": ["副主席"], "赵六": ["秘书长"]}
    assert appointed("会议选举张三为县政协主席，李四为群众办实事。王五、赵六为副主席。", names) == {"张三": ["县政协主席"]}
    assert appointed("会议同意王五辞去县政协副秘书长职务，增补张三为县政协常委。", names) == {"张三": ["县政协常委"]}


def test_rule_model():
    assert run_rule("model", "今天张三丰来到这里。", model_reads=("张三丰",)) == {"张三丰": "model"}


def test_rule_model_list_item_after_a_titled_name_is_a_person():
    # the item before 乙丙丁 is "院士甲乙丙": a title, then the name the model reads
    body = "中国科学院院士王建国、李明华出席了会议。"
    assert run_rule("model", body, model_reads=("王建国", "李明华")) == {"王建国": "model", "李明华": "title-list"}
    assert run_rule("model", "学校、医院、商超等场所要做好防控。", model_reads=("医院",)) == {}
    # a neighbour that is a person is no place, though 王建国 ends with 国 as country names do
    assert run_rule("model", "重庆市、永川区、江津区等地降雨。", model_reads=("永川区",)) == {}


def test_rule_model_titled_name_shares_its_title_with_the_list_after_it():
    # 昌 is a rare surname and jieba cuts 昌|建军: only the model reads the first name of the list
    people = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="副区长昌建军、马丽娟、苗志远，区政府党组成员凤国华出席会议。"))}
    assert people == {"昌建军": ["副区长"], "马丽娟": ["副区长"], "苗志远": ["副区长"], "凤国华": ["区政府党组成员"]}
    # a title written after the name is its own, not the list's
    people = {p.name: p.titles for p in extract_people(ArticleContext(
        article_id="a", doc_id="d", title="标题", body="昌建军博士、李红梅出席会议。"))}
    assert people == {"昌建军": ["博士"], "李红梅": []}


def test_rule_model_list_item_is_a_person_when_any_item_of_the_list_is_one():
    # the neighbour beside the name (乙丁) is read by nobody, but another item of the list is a person
    body = "缺少了甲斯特、乙丁、平图丙维奇等世界一流选手的较量。"
    got = run_rule("model", body, known=("丙维奇",), model_reads=("甲斯特",))
    assert got == {"甲斯特": "model"}
    # items whole: a place before the name, a title after it; the item before holds a person at its end
    body = "辽宁黑山张万友、湖北长阳何文华、河南信阳胡玉和、山东济宁小宁等读者来信。"
    assert run_rule("model", body, known=("何文华",), model_reads=("胡玉和",)) == {"胡玉和": "model"}
    body = "采访白宫高级官员、克里费参议员、前协会主席兰普森时，记者听到了见解。"
    assert run_rule("model", body, known=("兰普森",), model_reads=("克里费",)) == {"克里费": "model"}
    # no item of the list holds a person: a list of things, whatever the model reads in it
    assert run_rule("model", "学校、医院、商超、超市等场所要做好防控。", model_reads=("医院",)) == {}
    # unless a title stands before the name: the item is a titled person whatever its neighbours hold
    body = "当天同总理卡列尼科、财政部长扎维多尔诺夫研究了金融问题。"
    assert run_rule("model", body, model_reads=("卡列尼科",)) == {"卡列尼科": "model"}
    # an aside after each item is left out: the items are the names before it
    body = "中场：巴洛克（红队）、弗兰斯（蓝队）、罗费斯（白队）。"
    assert run_rule("model", body, known=("巴洛克",), model_reads=("罗费斯",)) == {"罗费斯": "model"}
    # the first piece opens with its clause's subject: it does not make the list one of people
    body = "是日，王建国先后前往东山、西岭、南湾等服务点。"
    assert run_rule("model", body, known=("王建国",), model_reads=("西岭",)) == {}


def test_rule_model_wins_where_it_ends_better_than_the_rule():
    # the rules' 罗豪 ends before 才 (a word that can follow a name); the model's 罗豪才 ends at 和 + the
    # next name it reads, as well as at a list's 、
    body = "白立忱、罗豪才和张克辉今天晚上参观了展览。"
    assert run_rule("model", body, known=("罗豪",), model_reads=("白立忱", "罗豪才", "张克辉"))["罗豪才"] == "model"


def test_rule_model_name_closed_by_a_count_of_the_people_listed():
    # the list's cut stops before 正 (an adverb that can follow a name); the count after the model's name
    # closes the list as 等 would
    body = "队里派出马晓东、常明、丁伟、邵志正六人参赛。"
    reads = ("马晓东", "常明", "丁伟", "邵志正")
    assert run_rule("model", body, known=("邵志",), model_reads=reads)["邵志正"] == "model"
    # with no count, the rules' cut ends as well as the model's
    assert "邵志正" not in run_rule("model", "队里派出马晓东、常明、丁伟、邵志正参赛。", known=("邵志",), model_reads=reads)


def test_rule_model_takes_long_and_dash_joined_transliterations():
    body = "康斯坦丁内斯库今天发表讲话。"
    assert run_rule("model", body, model_reads=("康斯坦丁内斯库",)) == {"康斯坦丁内斯库": "model"}
    assert run_rule("model", "对罗德—拉森的任命已经公布。", model_reads=("罗德—拉森",)) == {"罗德—拉森": "model"}
    # seven characters that are no transliteration are no name
    assert run_rule("model", "全国人民代表大会召开。", model_reads=("全国人民代表大",)) == {}


def test_rule_model_names_back_to_back_end_as_list_items_do():
    # a membership list printed without separators; jieba's person word 定一唐 runs across two names
    body = "委员有赵燕芳柯为湘贺定一唐志坚。"
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body, tags=tuple(tag_raw(f"标题\n{body}")))
    t = annotate(ctx).words
    t.read_by_model([(t.s.index(n), t.s.index(n) + len(n)) for n in ("赵燕芳", "柯为湘", "贺定一", "唐志坚")])
    found = Found()
    found.add("定一唐", (), "nr")
    rule("model").find(t, lexicon(), found)
    assert found.rule["贺定一"] == "model"
    # a name a list with separators gave keeps the rules' cut of the run ("蔡奇丁|薛祥")
    assert run_rule("model", body, known=("定一唐",), model_reads=("贺定一", "唐志坚")) == {"唐志坚": "model"}


def test_rule_model_name_before_a_list_mark_with_no_item_after_it():
    # a line cut after the 、: no neighbouring item says what the list holds
    assert run_rule("model", "阵中尚有王建国、", model_reads=("王建国",)) == {"王建国": "model"}
    assert run_rule("model", "学校、医院、商超等场所要做好防控。", model_reads=("医院",)) == {}


def test_rule_model_gives_the_titles_beside_its_names():
    # a title written after the model's name
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="对此，许某某博士认为并不合理。",
                         tags=tuple(tag_raw("标题\n对此，许某某博士认为并不合理。")))
    t = annotate(ctx).words
    t.read_by_model([(t.s.index("许某某"), t.s.index("许某某") + 3)])
    found = Found()
    rule("model").find(t, lexicon(), found)
    assert found.titles == {"许某某": ["博士"]}
    # a weak rule's name without titles gets those written before the occurrence the model reads
    body = "珍品馆馆长谭某某惊讶地发现，价格涨了。"
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body, tags=tuple(tag_raw(f"标题\n{body}")))
    t = annotate(ctx).words
    t.read_by_model([(t.s.index("谭某某"), t.s.index("谭某某") + 3)])
    found = Found()
    found.add("谭某某", (), "nr")
    rule("model").find(t, lexicon(), found)
    assert found.titles == {"谭某某": ["珍品馆馆长"]} and found.rule == {"谭某某": "nr"}


def test_rule_model_takes_latin_names_but_not_acronyms():
    assert run_rule("model", "影评人rayn认为，这部片子更成熟。", model_reads=("rayn",)) == {"rayn": "model"}
    assert run_rule("model", "现在的CCM由新老选手组成。", model_reads=("CCM",)) == {}


def test_rule_model_loses_to_a_rule_name_it_runs_past():
    """The arbiter: the model's 王建国率 runs past the rules' well-ended 王建国, which stays."""
    assert run_rule("model", "王建国率队调研。", known=("王建国",), model_reads=("王建国率",)) == {}


def test_rule_model_reads_a_transliterated_name_whole_where_the_rules_hold_a_piece():
    # jieba cut 罗森施|廷格尔: the rules' 罗森施 ends before 廷 (nothing a name ends at), the model's name at 携
    body = "两周前，罗森施廷格尔携巨款潜逃。"
    assert run_rule("model", body, known=("罗森施",), model_reads=("罗森施廷格尔",)) == {"罗森施廷格尔": "model"}
    # a piece that ends well (普京|会见) stays the name
    assert run_rule("model", "普京会见了来访的客人。", known=("普京",), model_reads=("普京会",)) == {}


def test_rule_model_reads_on_where_the_rules_name_ends_inside_a_word():
    # 因 of 海因斯 read as a follower ("because") cut the rules' dotted name inside jieba's word 海因斯
    body = "该片由托德·海因斯执导，今年上映。"
    assert run_rule("model", body, known=("托德·海",), model_reads=("托德·海因斯",)) == {"托德·海因斯": "model"}
    body = "官员乔尔·克莱因在记者招待会上说，法律禁止这样做。"   # 因 ends jieba's transliteration 克莱因/nrt
    assert run_rule("model", body, known=("乔尔·克莱",), model_reads=("乔尔·克莱因",)) == {"乔尔·克莱因": "model"}
    # a rules' name that ends where jieba ends a word stays, and one before a follower jieba glued to it
    assert run_rule("model", "王建国率队调研。", known=("王建国",), model_reads=("王建国率",)) == {}
    assert run_rule("model", "李希在主持会议时指出。", known=("李希",), model_reads=("李希在",)) == {}


def test_rule_list_last_item_of_a_long_list_is_whole_only_when_it_is_a_name():
    # 步入 is a noun to jieba, so no name ends before it; the seven characters are no name either
    body = "图为王建国、李明华、赵国强、钱文斌、孙志刚、周德明步入会场。"
    assert "周德明步入会场" not in run_rule("list", body)
    assert run_rule("list", "当选的有王建国、李明华、赵国强、钱文斌、乌力吉图门（蒙古族）。")["乌力吉图门"] == "list"


def test_rule_model_reads_a_dotted_name_whole_over_its_last_part_found_alone():
    # the rules hold 安徒生 (jieba's person word) and 汉斯·克里斯蒂安·安 (cut inside 安徒生)
    body = "这可能是汉斯·克里斯蒂安·安徒生拥有的最后一份手稿。"
    known = ("安徒生", "汉斯·克里斯蒂安·安")
    assert run_rule("model", body, known=known, model_reads=("汉斯·克里斯蒂安·安徒生",)) == {"汉斯·克里斯蒂安·安徒生": "model"}
    # or its last two parts
    body = "珍妮佛·杰森·李碍于拍摄，没有出席。"
    assert run_rule("model", body, known=("杰森·李",), model_reads=("珍妮佛·杰森·李",)) == {"珍妮佛·杰森·李": "model"}


def model_over(body: str, known: dict[str, list[str]], model_reads: tuple[str, ...]) -> dict[str, list[str]]:
    """Every name and its titles after the model rule, from a Found holding `known` (rule names found by 'dotted')."""
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body=body, tags=tuple(tag_raw(f"标题\n{body}")))
    t = annotate(ctx).words
    t.read_by_model([(t.s.index(n), t.s.index(n) + len(n)) for n in model_reads])
    found = Found()
    for name, titles in known.items():
        found.add(name, titles, "dotted")
    rule("model").find(t, lexicon(), found)
    return dict(found.titles)


def test_rule_model_trims_the_words_a_dotted_rule_read_into_a_name():
    # a verb before, an adverb after: the model's name wins and keeps the titles the rules had given
    body = "这家公司总裁名叫保罗·邦某，谈吐间流露出热情。"
    assert model_over(body, {"名叫保罗·邦某": ["总裁"]}, ("保罗·邦某",)) == {"保罗·邦某": ["总裁"]}
    body = "研究所所长弗雷德·伯格某甚至认为，欧元将占四成。"
    assert model_over(body, {"弗雷德·伯格某甚至": ["研究所所长"]}, ("弗雷德·伯格某",)) == {"弗雷德·伯格某": ["研究所所长"]}
    # a rank after the name, whose first part the rules found alone as jieba's person word
    body = "会见了国民军参谋长穆莱耶·布克莱斯上校一行。"
    assert model_over(body, {"穆莱耶": []}, ("穆莱耶·布克莱斯",))["穆莱耶·布克莱斯"] == ["国民军参谋长", "上校"]
    # the model's name already found by another rule: the wider one goes
    body = "民事法官维克多·佩罗某今天宣布，禁止比赛。"
    assert model_over(body, {"法官维克多·佩罗某": [], "维克多·佩罗某": ["民事法官"]}, ("维克多·佩罗某",)) \
        == {"维克多·佩罗某": ["民事法官"]}
    # transliteration characters beside the model's name may be the name's own: the rules' name stays
    body = "阿卜杜勒·阿齐兹今天宣布，禁止比赛。"
    assert "阿卜杜勒·阿齐兹" in model_over(body, {"阿卜杜勒·阿齐兹": []}, ("杜勒·阿齐兹",))


def test_rule_model_given_names_may_end_in_an_adverb_that_rarely_follows_a_name():
    # 才 ends a given name far more often than it follows one (names.GIVEN_NAME_ADVERBS): the rules no
    # longer cut 邵志|才, so the model's name stands; 在 follows names and stays a cut
    reads = ("马晓东", "常明", "丁伟", "邵志才")
    assert run_rule("model", "队里派出马晓东、常明、丁伟、邵志才参赛。", known=("邵志",), model_reads=reads)["邵志才"] == "model"
    assert run_rule("model", "李希在主持会议时指出。", known=("李希",), model_reads=("李希在",)) == {}


def test_rule_apposed():
    # adds no name: a title chain set off by commas after a found name that opens its clause
    def apposed(body: str) -> dict[str, list[str]]:
        return rule_titles("apposed", body, ("贺春燕",))
    assert apposed("贺春燕，县妇联主席。") == {"贺春燕": ["县妇联主席"]}
    assert apposed("会上，贺春燕，县委常委、宣传部部长，传达了会议精神。") == {"贺春燕": ["县委常委", "宣传部部长"]}
    # a title before a name is that name's; a note of sex is no title; a name inside a clause is no head
    assert apposed("贺春燕，县委书记李强出席。") == {"贺春燕": []}
    assert apposed("贺春燕，女，汉族。") == {"贺春燕": []}
    assert apposed("贺春燕，本公司监事候选人。") == {"贺春燕": []}   # a résumé's post opens with no level
    assert apposed("我们采访了贺春燕，县妇联主席。") == {"贺春燕": []}
    # a personnel notice's profile: the posts held now (现任), not the one proposed (拟任)
    assert apposed("贺春燕，女，彝族，1985年3月生，大学学历，中共党员，现任阿普乡党委副书记、乡长，拟任县直部门主要负责人。") \
        == {"贺春燕": ["阿普乡党委副书记", "乡长"]}
    assert apposed("贺春燕，女，1985年3月生，曾任乡长，拟任县直部门主要负责人。") == {"贺春燕": []}
    assert apposed("贺春燕，女，1965年出生，中国国籍，现任公司董事长。") == {"贺春燕": []}   # a résumé's
    # the proposal may be a nomination (拟提名为…人选), and the profile may run long before 现任
    assert apposed("贺春燕，女，满族，1979年4月出生，吉林白城人，大学学历，法学学士，2001年7月参加工作，2000年5月加入中国"
                   "共产党，现任县人民检察院副检察长，拟提名为县人民法院院长人选。") == {"贺春燕": ["县人民检察院副检察长"]}


def test_rule_lines():
    # an award list's line, a found name, spaces and the post to the line's end
    def lines(body: str) -> dict[str, list[str]]:
        return rule_titles("lines", body, ("贺春燕", "邬明"))
    assert lines("名单如下：\n贺春燕 城关镇东关村党支部书记\n邬明　县人民医院护士长\n") == \
        {"贺春燕": ["城关镇东关村党支部书记"], "邬明": ["县人民医院护士长"]}
    # a line that goes on after the post, or words that are no title, give nothing
    assert lines("贺春燕 城关镇东关村党支部书记，邬明 摄\n") == {"贺春燕": [], "邬明": []}
    # in a list where a found name's line stands, a line of a name opening with a surname names a person too
    assert lines("名单如下：\n贺春燕 城关镇东关村党支部书记\n冶志福 通贵乡司家桥村村委会主任\n") == \
        {"贺春燕": ["城关镇东关村党支部书记"], "邬明": [], "冶志福": ["通贵乡司家桥村村委会主任"]}
    assert lines("名单如下：\n王二 县纪委\n冶志福 通贵乡司家桥村村委会主任\n") == {"贺春燕": [], "邬明": []}


def test_rule_quoted():
    # the name right after a quotation's closing quote, before how it was said and a verb of saying
    assert run_rule("quoted", "“有了这笔钱，孩子上学不愁了。”褚玉兰激动地说。") == {"褚玉兰": "quoted"}
    assert run_rule("quoted", "“今年收成好。”郝建设笑着告诉记者。") == {"郝建设": "quoted"}
    # two characters that jieba reads as no person (a firm), or no verb of saying after the name: none
    assert run_rule("quoted", "“我们将继续扩大投资。”华为表示。") == {}
    assert run_rule("quoted", "“不忘初心”高度评价了这一做法。") == {}


def test_rule_glued_splits_a_titled_name_that_runs_on_into_names():
    # the scan's spaces between the names were removed: the run splits one way only into names, each with the title
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="会上，网格员葛红梅吴晓东钱进作交流发言。")
    t = annotate(ctx).words
    found = Found()
    found.add("葛红梅", ["网格员"], "title")
    rule("glued").find(t, lexicon(), found)
    assert found.titles == {"葛红梅": ["网格员"], "吴晓东": ["网格员"], "钱进": ["网格员"]}
    # a word of the clause after the name is no name of the run
    ctx = ArticleContext(article_id="a", doc_id="d", title="标题", body="县委书记祁望舒多次深入企业调研。")
    t = annotate(ctx).words
    found = Found()
    found.add("祁望舒", ["县委书记"], "title")
    rule("glued").find(t, lexicon(), found)
    assert found.titles == {"祁望舒": ["县委书记"]}
    # nor a run that ends inside a word of jieba's dictionary (工作) or before a title (专家)
    for body, name, title in (("这是车间主任李华利工作失误造成的。", "李华利", "车间主任"),
                              ("工程院院士沈志云气象专家认为，暴风雨来了。", "沈志云", "工程院院士")):
        t = annotate(ArticleContext(article_id="a", doc_id="d", title="标题", body=body)).words
        found = Found()
        found.add(name, [title], "title")
        rule("glued").find(t, lexicon(), found)
        assert found.titles == {name: [title]}


def test_rule_families():
    from tests.test_people import people
    # an honour list of families ("最美家庭"): beside a found name, the other surname-led names before 家庭
    got = run_rule("families", "获奖家庭：\n王淑萍家庭　李二虎家庭　孙桂荣家庭\n", ("王淑萍",))
    assert got == {"李二虎": "families", "孙桂荣": "families"}
    assert run_rule("families", "王淑萍家庭、李二虎家庭获得表彰。", ("王淑萍",)) == {"李二虎": "families"}
    # a name jieba's tag alone found (which the model must read) is the list's
    assert people("王淑芬家庭 刘建民家庭 孙桂荣家庭 李二虎家庭 张红梅家庭").keys() == {"王淑芬", "刘建民", "孙桂荣", "李二虎",
                                                                      "张红梅"}
    # no found name in the list, a family farm, or a lone item give nothing
    assert run_rule("families", "王淑萍家庭　李二虎家庭", ()) == {}
    assert run_rule("families", "王淑萍家庭　李二虎家庭农场", ("王淑萍",)) == {}
    assert run_rule("families", "困难家庭、王淑萍家庭", ("王淑萍",)) == {}


def test_rule_profile():
    # a personnel notice's profile: the name, the sex, the nationality or the birth year; a name of no Han shape too
    assert run_rule("profile", "现将拟任职干部人选予以公示：\n那日松，男，蒙古族，1983年5月出生，现任某某乡副乡长。\n"
                               "韩桂芬，女，1981年11月出生，现任旗财政局副局长。") == {"那日松": "profile", "韩桂芬": "profile"}
    # not a sex after anything else ("参加培训的学员，男女各半")
    assert run_rule("profile", "参加培训的学员，男，女各半，1990年后出生的占多数。") == {}
