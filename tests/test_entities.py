"""Places, organisations and slogans: one test per rule with small inline examples, and the seed pages."""
from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tasks.extract.orgs as orgs_module
import tasks.extract.places as places_module
from tasks.extract.annotate import Tagged, _primed, _tagged_by_search, han_word, prime, tag_indices, tagged, word_at
from tasks.extract.lexicon import word_regex
from tasks.extract.orgs import _in_reading_order, extract_organisations, org_spans
from tasks.extract.places import _words_equal_to, extract_places, place_spans
from tasks.extract.slogans import CURLY_QUOTE_RE, QUOTE_RE, _quoted, extract_slogans, normalise_slogan
from tasks.records import ArticleContext

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def ctx(body: str, title: str = "", region: str | None = None) -> ArticleContext:
    return ArticleContext(article_id="a", doc_id="d", title=title, body=body, region=region)


def places(body: str, **kw) -> dict[str, tuple[str | None, int]]:
    return {m.text: (m.kind, m.count) for m in extract_places(ctx(body, **kw))}


def orgs(body: str, **kw) -> dict[str, tuple[str | None, int]]:
    return {m.text: (m.kind, m.count) for m in extract_organisations(ctx(body, **kw))}


def slogans(body: str, **kw) -> dict[str, int]:
    return {m.text: m.count for m in extract_slogans(ctx(body, **kw))}


# ---------------------------------------------------------------- places

def test_place_suffixes_give_name_and_kind():
    found = places("童家溪镇辖区20个核酸检测点完成布置。龙凤桥街道根据辖区10个检测点的问题补足物资。"
                   "县委书记深入高唐街道神女社区督导疫情防控工作。")
    assert found["童家溪镇"] == ("town", 1)
    assert found["龙凤桥街道"] == ("street", 1)
    assert found["高唐街道"][0] == "street" and found["神女社区"][0] == "community"


def test_inner_mongolia_townships_and_villages_are_places():
    found = places("近日，塔拉苏木乌兰嘎查开展了党员活动日活动。")
    assert found["塔拉苏木"][0] == "town" and found["乌兰嘎查"][0] == "village"


def test_deictic_and_generic_words_are_not_places():
    found = places("全区疫情形势总体平稳。我区召开会议，各镇街设分会场，各村社区及时更新台账。"
                   "加强中高风险地区来渝人员排查，督促农贸市场、主城区商超落实措施，建设水美乡村。")
    assert found == {}


def test_place_before_an_organisation_suffix_is_only_the_place():
    found = places("11月13日，永川区新冠肺炎疫情防控指挥部召开会议。")
    assert list(found) == ["永川区"]


def test_long_venue_names_and_chained_places():
    found = places("一走进位于永川国家高新区凤凰湖产业园内的长城汽车重庆永川生产基地，他就展开调研。")
    assert found["永川国家高新区"][0] == "district"
    assert found["凤凰湖产业园"][0] == "venue"
    assert found["长城汽车重庆永川生产基地"][0] == "venue"


def test_a_clause_glued_to_a_suffix_is_not_a_name():
    found = places("近日，记者从区河长办获悉。县委书记曹邦兴率县住建委负责人调研。区委副书记、常务副区长出席。")
    assert found == {}


def test_common_nouns_need_a_proper_name_before_some_suffixes():
    assert places("强降水区和研究基地都在民航机场附近。") == {}
    assert "天府镇" in places("天府镇人居环境整治工程相继启动。")   # towns may be named with ordinary words


def test_suffix_split_by_the_segmenter_is_not_a_suffix():
    assert places("人民公社区域调整。") == {}   # 公社|区域: no 社区


def test_province_is_split_off_an_administrative_name_but_not_an_autonomous_region():
    assert {"重庆", "两江新区"} <= set(places("重庆两江新区召开会议。"))
    assert "广西壮族自治区" in places("广西壮族自治区代表团参加审议。")


def test_provinces_municipalities_and_countries_by_lexicon():
    found = places("美国总统访问北京，随后前往四川。")
    assert found["美国"] == ("country", 1)
    assert found["北京"][0] == "city" and found["四川"][0] == "province"
    assert "中国" not in places("中国共产党第二十次全国代表大会")   # part of an organisation name


def test_short_forms_count_for_the_full_place_and_the_region():
    found = places("永川区入选试点。永川经济发展迅速。", title="永川区入选")
    assert found["永川区"] == ("district", 3)
    assert places("北碚发布政务微信。", region="北碚区") == {"北碚区": ("district", 1)}
    assert places("北碚发布政务微信。") == {}
    ambiguous = places("青山县和青山镇同步推进。青山发展很快。")
    assert ambiguous["青山县"][1] == 1 and ambiguous["青山镇"][1] == 1


def test_place_counts_cover_title_and_body():
    found = places("天府镇、澄江镇完成改造。天府镇还将继续。", title="天府镇人居环境整治")
    assert found["天府镇"] == ("town", 3) and found["澄江镇"] == ("town", 1)


# ---------------------------------------------------------------- organisations

def test_level_bodies_and_their_kinds():
    found = orgs("区委书记主持会议。确保区委、区政府各项部署落到实处，区人大常委会主任、区政协主席出席。")
    assert found["区委"] == ("party", 2)
    assert found["区政府"] == ("government", 1)
    assert found["区人大常委会"][0] == "legislature"
    assert found["区政协"][0] == "committee"


def test_full_name_of_a_body_and_its_later_bare_mentions():
    found = orgs("永川区新冠肺炎疫情防控指挥部召开会议。区委书记、指挥部指挥长主持。指挥部成员单位负责人参加。")
    assert found["永川区新冠肺炎疫情防控指挥部"] == ("committee", 3)
    assert "指挥部" not in found


def test_bare_body_named_before_any_full_name_stays_bare():
    found = orgs("召开领导小组（指挥部）会议，传达全市疫情防控指挥部视频调度会议精神。指挥部指挥长主持。")
    assert found["指挥部"][1] == 2
    assert found["市疫情防控指挥部"][1] == 1


def test_level_character_anchors_a_name_inside_a_clause():
    found = orgs("记者从区河长办获悉。县委书记率县住建委、县消防救援大队、旅发集团等部门负责人调研。"
                 "区招商投资促进局主要负责人表示。")
    assert {"区河长办", "县住建委", "县消防救援大队", "旅发集团", "区招商投资促进局"} <= set(found)
    assert found["县住建委"][0] == "government"


def test_generic_plurals_and_deictics_are_not_anchors():
    assert orgs("各地市县党委要落实责任。") == {}
    assert "市疫情防控指挥部" in orgs("传达全市疫情防控指挥部会议精神。")


def test_national_bodies_from_the_lexicon_and_the_grammar():
    found = orgs("国家卫生健康委副主任、国家疾控局局长出席。全国人大常委会委员长会议听取国务院报告。")
    assert {"国家卫生健康委", "国家疾控局", "全国人大常委会", "国务院"} <= set(found)
    assert not any("局局" in o or "副主任" in o for o in found)


def test_units_of_a_body_join_it():
    found = orgs("国务院新闻办公室举行发布会。区委宣传部负责人、市委市政府领导出席。")
    assert {"国务院新闻办公室", "区委宣传部", "市委", "市政府"} <= set(found)
    assert orgs("中共成都市委召开全会。")["中共成都市委"][0] == "party"


def test_words_ending_or_starting_with_a_suffix_are_not_bodies():
    assert orgs("研究部署下一步工作，有关部门和干部要顾全大局，举办培训。") == {}


def test_companies_need_a_name_not_a_description():
    found = orgs("在力帆集团核酸采样点，三峡风天然气公司也参加。各集团、大型企业集团和私营商业银行也派员。")
    assert set(found) == {"力帆集团", "三峡风天然气公司"}
    assert found["力帆集团"][0] == "company"


def test_dictionary_ministries_and_unanchored_committees():
    found = orgs("交通部预计8月召开价格审议委员会。")
    assert found["交通部"][0] == "government"
    assert found["价格审议委员会"][0] == "committee"


# ---------------------------------------------------------------- slogans

def test_slogans_named_by_a_head_noun_or_introduced_by_a_verb():
    found = slogans("坚定不移落实“外防输入、内防反弹”总策略，坚定不移贯彻“动态清零”总方针，"
                    "保持“时时放心不下”的责任感，坚持抓住“关键少数”。")
    assert set(found) == {"外防输入、内防反弹", "动态清零", "时时放心不下", "关键少数"}


def test_numbered_and_patterned_slogans():
    found = slogans("做到“四应四尽”，强化“两个统筹”，构建“1+4+9+N”体系，落实“一园一策”“首站首问”。"
                    "群众喊“一定要给大家听到”。")
    assert set(found) == {"四应四尽", "两个统筹", "1+4+9+N", "一园一策", "首站首问"}


def test_quoted_speech_is_not_a_slogan():
    found = slogans("“招商引资是地区经济社会发展的生命线，是最有效的手段。”他说。"
                    "“企业的物流保供是否顺畅?”“外防输入”说起来容易。")
    assert found == {}


def test_scare_quoted_words_and_names_are_not_slogans():
    found = slogans("打赢这场“硬仗”，发挥“哨点”作用，工业是经济发展的“压舱石”。做好“南川牌”宣传，"
                    "严格执行“场所码”，举办“2020山城音乐季”，水利工作有了“智慧天眼”，灾害代号“9·30”。")
    assert found == {}


def test_slogan_variants_are_normalised_and_counted():
    found = slogans('坚持"动态清零"总方针。贯彻「动态清零」总方针。落实“ 动态清零 ”总方针。构建“１＋４＋９＋Ｎ”体系。')
    assert found == {"动态清零": 3, "1+4+9+N": 1}
    assert normalise_slogan(" 、外防输入、内防反弹。 ") == "外防输入、内防反弹"


# ---------------------------------------------------------------- invariants

FRAGMENTS = ["永川区", "新冠肺炎疫情防控指挥部", "召开会议", "，", "。", "区委", "全区", "“动态清零”", "总方针",
             "天府镇", "力帆集团", "各镇街", "记者从", "县住建委", "率", "美国", "“硬仗”", "坚持", "\n", " "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.lists(st.sampled_from(FRAGMENTS), max_size=5))
def test_mentions_are_distinct_substrings_with_positive_counts(body_parts, title_parts):
    c = ctx("".join(body_parts), title="".join(title_parts))
    text = f"{c.title}\n{c.body}"
    for found in (extract_places(c), extract_organisations(c)):
        assert len({m.text for m in found}) == len(found)
        assert all(m.count >= 1 and m.text in text for m in found)
    assert all(2 <= len(m.text) <= 20 and m.count >= 1 for m in extract_slogans(c))


# ---------------------------------------------------------------- the seed pages

HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)")


def seed_page(prefix: str) -> ArticleContext:
    """A seed page as one article: OCR spaces and pinyin glosses dropped, Traditional converted, first line
    as title."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = PINYIN_GLOSS.sub("", HAN_SPACE.sub("", path.read_text(encoding="utf-8")))
    if prefix == "004":
        text = opencc.OpenCC("t2s").convert(text)
    title, _, body = text.strip().partition("\n")
    return ArticleContext(article_id=prefix, doc_id=path.name, title=title, body=body)


SEED_EXPECTED = {
    "000": ({"永川区", "永川国家高新区", "凤凰湖产业园", "长城汽车重庆永川生产基地", "城口县"},
            {"永川区新冠肺炎疫情防控指挥部", "区委", "区人大常委会", "区政协", "水利部", "财政部"},
            {"外防输入、内防反弹", "动态清零", "两个统筹", "首站首问", "一园一策"}),
    "001": ({"湖北"}, {"区委", "市委", "区疫情防控工作领导小组"}, {"两不愁三保障", "零确诊", "一不四分五到位"}),
    "002": ({"童家溪镇", "龙凤桥街道", "天府镇", "澄江镇", "东阳街道", "北碚区", "温泉谷产业园"},
            {"区招商投资促进局", "区河长办", "力帆集团", "区委"},
            {"1+4+9+N", "招、建、管、服", "外防输入、内防反弹"}),
    "003": ({"渝北区", "江北城街道", "渝中区", "大坪街道", "高唐街道", "神女社区", "悦来方舱医院"},
            {"国务院", "国家卫生健康委", "县委", "县住建委", "县消防救援大队", "三峡风天然气公司"},
            {"四应四尽", "外防输入、内防反弹"}),
    "004": ({"两江新区"}, {"两江新区党工委", "市委"}, {"外防输入、内防反弹", "动态清零", "首站首问"}),
}
NOT_PLACES = {"全区", "我区", "各镇街", "区委区", "记者从区", "曹邦兴率县", "付嘉康率县", "建设县", "乡村建设县"}
NOT_SLOGANS = {"南川牌", "硬仗", "哨点", "压舱石", "智慧天眼", "窗口期", "生命线", "早"}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_pages(prefix):
    page = seed_page(prefix)
    want_places, want_orgs, want_slogans = SEED_EXPECTED[prefix]
    got_places = {m.text for m in extract_places(page)}
    got_orgs = {m.text for m in extract_organisations(page)}
    got_slogans = {m.text: m.count for m in extract_slogans(page)}
    assert want_places <= got_places
    assert want_orgs <= got_orgs
    assert want_slogans <= set(got_slogans)
    assert not got_places & NOT_PLACES
    assert not any("指挥部" in p or "率" in p for p in got_places)
    assert not set(got_slogans) & NOT_SLOGANS
    if prefix == "000":
        assert got_slogans["外防输入、内防反弹"] == 2


# ---------------------------------------------------------------- the shared word view

def _view_spelled_out(pairs: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """The word view spelled out: running offsets, every word kept, blank ones too."""
    out, at = [], 0
    for word, pos in pairs:
        out.append((at, at + len(word), word, pos))
        at += len(word)
    return out


WORD_PIECES = ["青石", "镇", "召开", "会议", "，", " ", "\n", "\u3000", "\t ", "a b", "12", " x", "y\n"]


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=40), st.lists(st.sampled_from(WORD_PIECES), max_size=40))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_word_view_of_tiling_tags_keeps_every_word(title_parts, body_parts):
    pairs = [(w, "x" if w.isspace() else "n") for w in title_parts] + [("\n", "x")] \
        + [(w, "ns") for w in body_parts]
    article = ArticleContext(article_id="a", doc_id="d", title="".join(title_parts), body="".join(body_parts),
                             tags=tuple(pairs))
    # a run registers one text's tags once (the same text always tags alike); examples here give one text
    # different tags ("\n" as the title's, then as the body's), so both caches start empty
    tagged.cache_clear()
    _primed().clear()
    t = tagged(prime(article))
    assert list(zip(t.starts, t.ends, t.words, t.poss)) == _view_spelled_out(pairs)


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=12), st.lists(st.sampled_from(WORD_PIECES), max_size=30))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_shared_tag_columns_give_the_views_of_the_plain_listing(title_parts, body_parts):
    # tagged() and Text.of read the article's TagColumns; listed again from the pairs, the views are the same
    from itertools import accumulate
    from tasks.extract.annotate import Text, annotate
    pairs = [(w, "x" if w.isspace() else "nr") for w in title_parts] + [("\n", "x")] + [(w, "n") for w in body_parts]
    article = ArticleContext(article_id="a", doc_id="d", title="".join(title_parts), body="".join(body_parts),
                             tags=tuple(pairs))
    tagged.cache_clear()
    _primed().clear()
    a = annotate(article)
    t = tagged(a.text)
    offsets = list(accumulate((len(w) for w, _ in pairs), initial=0))
    cols = a.columns
    assert (cols.words, cols.poss, cols.offsets) == ([w for w, _ in pairs], [p for _, p in pairs], offsets)
    assert (t.starts, t.ends, t.words, t.poss) == (offsets[:-1], offsets[1:], cols.words, cols.poss)
    shared, plain = a.words, Text.of(a.raw, a.words.s, a.pairs)
    assert (shared.s, shared.starts, shared.persons) == (plain.s, plain.starts, plain.persons)
    assert all((j in shared.ends) == (j in plain.ends) for j in range(len(a.raw) + 2))


ENTITY_PIECES = ["青石", "镇", "区委", "宣传部", "召开", "会议", "，", " ", "\n", "\u3000", "市", "交通局", "白沙",
                 "街道", "社区", "国务院", "全区", "a b", "12"]
ENTITY_TAGS = ["ns", "n", "nt", "v", "x", "nr", "vn"]


@given(st.lists(st.tuples(st.sampled_from(ENTITY_PIECES), st.sampled_from(ENTITY_TAGS)), max_size=40))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_blank_words_in_the_view_change_no_place_or_organisation(body_pairs):
    pairs = (("青石镇", "ns"), ("\n", "x"), *body_pairs)
    text = "".join(w for w, _ in pairs)
    article = ArticleContext(article_id="a", doc_id="d", title="青石镇", body=text[4:], tags=pairs)
    _primed().clear()   # the same text may come with other tags in another example
    tagged.cache_clear()
    place_spans.cache_clear()
    org_spans.cache_clear()
    text = prime(article)
    with_blanks = (place_spans(text), org_spans(text))
    dropped = _tagged_by_search(text, pairs)   # the same words, blank ones left out
    assert not any(w.isspace() for w in dropped.words)
    place_spans.cache_clear()
    org_spans.cache_clear()
    # places and organisations read the view through their own module's name for tagged()
    originals = [(module, module.tagged) for module in (places_module, orgs_module)]
    for module, _ in originals:
        module.tagged = lambda _text: dropped
    try:
        without = (place_spans(text), org_spans(text))
    finally:
        for module, original in originals:
            module.tagged = original
        place_spans.cache_clear()
        org_spans.cache_clear()
    assert with_blanks == without


def test_word_at_finds_the_covering_word_or_none():
    article = ArticleContext(article_id="a", doc_id="d", title="青石镇", body="召开 会议",
                             tags=(("青石", "ns"), ("镇", "n"), ("\n", "x"), ("召开", "v"), (" ", "x"), ("会议", "n")))
    tagged.cache_clear()
    _primed().clear()
    t = tagged(prime(article))
    assert [word_at(t, i) for i in range(len(t.text))] == [0, 0, 1, 2, 3, 3, 4, 5, 5]
    assert word_at(t, -1) == -1


def test_han_word():
    assert han_word("青石镇")
    assert not han_word("青石1")
    assert not han_word("")


QUOTE_PIECES = ["“", "”", "动态清零", "、", "\n", "要", "两个统筹", "。", "，", "1+3+N"]


@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=30))
def test_curly_quote_regex_finds_what_the_four_way_one_finds_without_other_marks(pieces):
    text = "".join(pieces)
    assert [(m.span(), m.group(m.lastindex)) for m in CURLY_QUOTE_RE.finditer(text)] == \
        [(m.span(), m.group(m.lastindex)) for m in QUOTE_RE.finditer(text)]


def test_quoted_keeps_only_what_the_words_decide():
    assert _quoted("两个统筹") == ("两个统筹", "numbered")
    assert _quoted("外防输入、内防反弹") == ("外防输入、内防反弹", "enumeration")
    assert _quoted("动态清零") == ("动态清零", None)
    assert _quoted("我们来了，好") is None


def _view(title: str, pairs: tuple[tuple[str, str], ...]) -> Tagged:
    body = "".join(w for w, _ in pairs)[len(title) + 1:]
    article = ArticleContext(article_id="a", doc_id="d", title=title, body=body, tags=pairs)
    tagged.cache_clear()
    _primed().clear()
    return tagged(prime(article))


def test_tag_indices_lists_the_words_with_a_tag_in_order():
    t = _view("甲乙", (("甲乙", "ns"), ("\n", "x"), ("丙", "nt"), ("丁戊", "ns"), (" ", "x"), ("己", "ns")))
    assert tag_indices(t, "ns") == (0, 3, 5)
    assert tag_indices(t, "nt") == (2,)
    assert tag_indices(t, "nr") == ()


def test_words_equal_to_finds_whole_words_only():
    t = _view("甲乙", (("甲乙", "ns"), ("\n", "x"), ("甲", "n"), ("乙丙", "n"), ("甲乙", "ns"), ("甲乙丙", "nz")))
    assert sorted(_words_equal_to(t, ["甲乙"])) == [0, 4]
    assert sorted(_words_equal_to(t, ["乙丙", "甲"])) == [2, 3]
    assert _words_equal_to(t, ["丁"]) == []


def _plain_alternation(words) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


@given(st.sets(st.text("甲乙丙.+", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text("甲乙丙丁.+", max_size=40))
def test_word_regex_matches_like_the_plain_alternation(words, text):
    grouped, plain = word_regex(words), _plain_alternation(words)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for i in range(len(text) + 1):
        a, b = grouped.match(text, i), plain.match(text, i)
        assert (a and a.span()) == (b and b.span())
        a, b = re.search(f"(?:{grouped.pattern})$", text[:i]), re.search(f"(?:{plain.pattern})$", text[:i])
        assert (a and a.span()) == (b and b.span())


@given(st.text(alphabet="甲乙丙丁", max_size=30))
def test_reading_order_merge_matches_the_sort_it_replaces(text):
    national = list(re.finditer("甲乙|乙丙丁|丁", text))
    suffixes = list(re.finditer("乙丙|甲乙|丁|丙", text))
    merged = list(_in_reading_order(national, iter(suffixes)))
    national_at = {m.start(): m for m in national}
    by_sort = sorted([*national, *suffixes], key=lambda x: (x.start(), -x.end()))
    assert merged == [(m, national_at.get(m.start()) is m) for m in by_sort]
