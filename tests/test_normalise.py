"""NORMALISE stage: width, punctuation, script, Traditional -> Simplified, dates."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks import normalise
from tasks.normalise import (
    IDEOGRAPH_RE,
    DateMention,
    detect_script,
    find_dates,
    has_traditional,
    lead_date,
    normalise_page,
    normalise_punctuation,
    normalise_width,
    parse_published,
    resolve_date,
    to_simplified,
    year_near,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# ------------------------------------------------------------------------------------- width


def test_width_fullwidth_letters_digits_symbols_become_ascii():
    assert normalise_width("ＧＤＰ增长２．４％，ｗｗｗ＋１") == "GDP增长2.4%，www+1"


def test_width_ideographic_space_becomes_ascii_space():
    assert normalise_width("彭禹乔\u3000徐灵") == "彭禹乔 徐灵"


def test_width_keeps_canonical_fullwidth_punctuation_and_chinese():
    text = "会议指出：要坚持（一）！对吗？好；是，"
    assert normalise_width(text) == text


# ------------------------------------------------------------------------------ punctuation


def test_comma_in_cjk_context_becomes_fullwidth():
    assert normalise_punctuation("11月13日,永川区召开会议") == "11月13日，永川区召开会议"


def test_comma_inside_number_stays_ascii():
    assert normalise_punctuation("月薪已来到21,009元") == "月薪已来到21,009元"


def test_colon_in_cjk_context_becomes_fullwidth_but_not_in_times():
    assert normalise_punctuation("主办:中共巫山县委") == "主办：中共巫山县委"
    assert normalise_punctuation("下午3:30开会") == "下午3:30开会"


def test_semicolon_question_exclamation_in_cjk_context():
    assert normalise_punctuation("抓好防控;推动发展!对吗?") == "抓好防控；推动发展！对吗？"


def test_decimal_point_is_never_touched():
    assert normalise_punctuation("增长2.4%。") == "增长2.4%。"


def test_english_and_urls_keep_ascii_punctuation():
    assert normalise_punctuation("Hello, world! (test) ok?") == "Hello, world! (test) ok?"
    assert (normalise_punctuation("巫山网: http://wushannews.com/a?b=1,c")
            == "巫山网： http://wushannews.com/a?b=1,c")


def test_parentheses_pair_in_cjk_context():
    assert (normalise_punctuation("本报讯(渝西都市报记者 彭禹乔 徐 灵)11月13日")
            == "本报讯（渝西都市报记者 彭禹乔 徐 灵）11月13日")
    assert normalise_punctuation("(1)加强领导") == "（1）加强领导"
    # both halves of a pair change together, even when only one side touches Chinese
    assert normalise_punctuation("本报讯(记者 John Smith)") == "本报讯（记者 John Smith）"


def test_nested_parentheses_convert_together():
    assert normalise_punctuation("(见(附件)说明)") == "（见（附件）说明）"


def test_straight_quotes_pair_into_curly_quotes_within_a_line():
    assert (normalise_punctuation('坚持"外防输入、内防反弹"总策略和"动态清零"总方针')
            == "坚持“外防输入、内防反弹”总策略和“动态清零”总方针")


def test_quote_pairing_never_crosses_a_line():
    assert normalise_punctuation('他说"好\n"不') == "他说“好\n“不"


def test_english_quotes_stay_straight():
    assert normalise_punctuation('He said "yes" twice') == 'He said "yes" twice'


def test_variant_punctuation_unifies_to_canonical_set():
    assert normalise_punctuation("甲﹐乙､丙﹔丁｡") == "甲，乙、丙；丁。"
    assert normalise_punctuation("「外防輸入」『好』") == "“外防輸入”‘好’"
    assert normalise_punctuation("克里斯多福‧諾蘭") == "克里斯多福·諾蘭"


def test_ellipses_become_one_canonical_ellipsis():
    assert normalise_punctuation("他说...好") == "他说……好"
    assert normalise_punctuation("等等。。。") == "等等……"
    assert normalise_punctuation("等等…") == "等等……"
    assert normalise_punctuation("等等⋯⋯") == "等等……"
    assert normalise_punctuation("等等……") == "等等……"


def test_ascii_dots_and_double_full_stop_outside_cjk_context_stay():
    assert normalise_punctuation("wait... ok") == "wait... ok"
    assert normalise_punctuation("峰会。。（新华网）") == "峰会。。（新华网）"


# ----------------------------------------------------------------------------------- script


def test_detect_script_simplified_traditional_mixed():
    assert detect_script("两江新区召开会议") == "simplified"
    assert detect_script("兩江新區召開會議") == "traditional"
    assert detect_script("两江新区召开会议，兩江新區召開會議") == "mixed"


def test_detect_script_without_distinguishing_characters_is_simplified():
    assert detect_script("") == "simplified"
    assert detect_script("COVID-19 2022") == "simplified"
    assert detect_script("中文大学") == "simplified"


def test_detect_script_ignores_characters_both_scripts_write():
    # 台/干/于 are ordinary Traditional characters, 乾 is kept in Simplified 乾隆
    assert detect_script("台北市長于北辰表示") == "traditional"
    assert detect_script("乾隆年间的会议记录") == "simplified"


def test_has_traditional():
    assert has_traditional("召開會議")
    assert not has_traditional("召开会议")
    assert not has_traditional("abc 123")


# --------------------------------------------------------------------------- t2s conversion


def test_to_simplified_converts_traditional():
    assert to_simplified("兩江新區 習近平") == "两江新区 习近平"


def test_to_simplified_keeps_official_opencc_names_and_places():
    # opencc-python-reimplemented gives 干县 / 张升 here
    assert to_simplified("乾縣") == "乾县"
    assert to_simplified("張昇") == "张昇"


def test_to_simplified_is_idempotent_where_opencc_alone_is_not():
    once = to_simplified("乾縣")
    assert normalise._converter("t2s").convert(once) == "干县"  # plain OpenCC, second pass
    assert to_simplified(once) == once


def test_to_simplified_leaves_simplified_lines_alone():
    # t2s would read 打坏 as Traditional 打坯 (to shape a clay blank)
    assert to_simplified("打坏\n兩個") == "打坏\n两个"


def test_to_simplified_carries_lone_surrogates_through():
    # a decoder's surrogateescape leftovers cannot be UTF-8 encoded for OpenCC
    assert to_simplified("兩\udcff區") == "两\udcff区"


def test_fast_path_never_calls_opencc_on_simplified_text(monkeypatch):
    has_traditional("預熱")  # build the cached character classes first
    detect_script("預熱")

    def refuse(config):
        raise AssertionError("OpenCC must not run on Simplified text")

    monkeypatch.setattr(normalise, "_converter", refuse)
    text = "11月13日,永川区召开会议。\n区委书记主持会议并讲话"
    assert to_simplified(text) == text
    assert normalise_page(text) == ("11月13日，永川区召开会议。\n区委书记主持会议并讲话", "simplified")
    with pytest.raises(AssertionError):
        to_simplified("兩江")


def test_normalise_page_applies_width_punctuation_and_t2s():
    out, script = normalise_page("８月８日,兩江新區召開會議\u3000(指揮部)")
    assert out == "8月8日，两江新区召开会议 （指挥部）"
    assert script == "traditional"


def test_seed_004_traditional_page_becomes_simplified():
    raw = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    # what the cleaner does before us: drop the stray pinyin glosses such as 區(qū)
    cleaned = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", raw)
    out, script = normalise_page(cleaned)
    assert script == "traditional"
    assert "两江新区" in out and "兩" not in out and "區" not in out
    assert "领导小组（指挥部）会议" in out
    assert detect_script(out) == "simplified"
    assert out.count("\n") == cleaned.count("\n")


# ------------------------------------------------------------------------------------ dates


def _one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "year", "month", "day"), [
    ("2022年11月13日，永川区", 2022, 11, 13),
    ("会议于11月13日召开", None, 11, 13),
    ("11月 14日", None, 11, 14),
    ("2022年 3月19日", 2022, 3, 19),
    ("日期：2017-06-28 04:42", 2017, 6, 28),
    ("2017/6/28", 2017, 6, 28),
    ("2017.6.28", 2017, 6, 28),
    ("１１月１３日", None, 11, 13),
    ("一月十三日", None, 1, 13),
    ("一九九五年十月二十六日建成", 1995, 10, 26),
    ("11月13号", None, 11, 13),
    ("張志軍六月卅日下午", None, 6, 30),
    ("十二月廿二日", None, 12, 22),
])
def test_find_dates_forms(text, year, month, day):
    m = _one(text)
    assert (m.year, m.month, m.day, m.end_day, m.month_only) == (year, month, day, None, False)


@pytest.mark.parametrize("text", ["11月25日至26日", "11月25日-26日", "11月25日—26日",
                                  # the first day's 日 dropped when the second one has it
                                  "11月25至26日", "11月25-26日", "2022年11月25—26日"])
def test_find_dates_range(text):
    m = _one(text)
    assert (m.month, m.day, m.end_day) == (11, 25, 26)
    assert (m.start, m.end) == (0, len(text))


def test_a_day_with_no_day_mark_and_no_range_after_it_is_no_date():
    assert find_dates("11月25至") == [] and find_dates("11月25-26") == []


def test_find_dates_month_only():
    assert _one("2017年6月，柯文哲").month_only
    m = _one("二〇一五年八月柯文哲首次")
    assert (m.year, m.month, m.month_only) == (2015, 8, True)


@pytest.mark.parametrize(("text", "day"), [
    ("习近平18日上午在北京", 18), ("昨（27）日先舉行", 27), ("昨(27)日", 27), ("截至27日", 27),
    # what a lead says right after a bare day
    ("16日，县委召开常委会会议", 16), ("区委书记林国华16日会见了来宾", 16), ("16日在青山镇调研", 16),
])
def test_find_dates_day_only(text, day):
    m = _one(text)
    assert (m.year, m.month, m.day) == (None, None, day)


def test_find_dates_offsets_index_the_original_text():
    text = "本报讯（记者 熊辉）３月１９日，在组织"
    m = _one(text)
    assert text[m.start:m.end] == "３月１９日"


@pytest.mark.parametrize("text", [
    "持续3日", "第3条", "月薪21,009元", "电话1234-5-6", "13月5日", "一月份", "版权所有2020",
])
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text) == []


def test_resolve_date_uses_own_year_then_given_year():
    assert resolve_date(_one("2021年3月19日"), year=2022, ref=None) == date(2021, 3, 19)
    assert resolve_date(_one("11月13日"), year=2022, ref=None) == date(2022, 11, 13)


def test_resolve_date_without_any_year_is_none():
    assert resolve_date(_one("11月13日"), year=None, ref=None) is None
    assert resolve_date(_one("18日上午"), year=2022, ref=None) is None


def test_resolve_day_only_takes_ref_month():
    assert resolve_date(_one("昨（27）日"), year=None, ref=date(2017, 6, 28)) == date(2017, 6, 27)


def test_resolve_day_only_after_ref_day_is_previous_month():
    assert resolve_date(_one("30日上午"), year=None, ref=date(2022, 3, 2)) is None  # 2月30日
    assert resolve_date(_one("28日上午"), year=None, ref=date(2022, 3, 2)) == date(2022, 2, 28)
    assert resolve_date(_one("31日晚"), year=None, ref=date(2023, 1, 1)) == date(2022, 12, 31)


@pytest.mark.parametrize(("text", "day"), [
    ("昨天上午，全市大会召开", date(2024, 10, 16)), ("今天，县委召开会议", date(2024, 10, 17)),
    ("前天下午", date(2024, 10, 15)), ("昨日上午", date(2024, 10, 16)),
])
def test_resolve_relative_days_count_back_from_the_publication_date(text, day):
    assert resolve_date(_one(text), year=None, ref=date(2024, 10, 17)) == day
    assert resolve_date(_one(text), year=2024, ref=None) is None


def test_relative_day_words_of_names_are_no_dates():
    assert find_dates("今日头条报道") == [] and find_dates("今日说法栏目") == []
    assert find_dates("今天的新塘村") == [] and find_dates("今日关注") == []


@pytest.mark.parametrize("text", ["近3日来，县长调研", "连续3日，全县降雨", "每3日，巡查一次"])
def test_a_count_of_days_is_no_date(text):
    assert find_dates(text) == []


def test_resolve_impossible_dates_is_none():
    assert resolve_date(_one("2月30日"), year=2022, ref=None) is None
    assert resolve_date(_one("2023年2月29日"), year=None, ref=None) is None
    assert resolve_date(_one("2024年2月29日"), year=None, ref=None) == date(2024, 2, 29)


def test_year_near_prefers_closest_before_then_after():
    text = "2021年工作总结。2022年11月13日，会议召开。11月14日，再次召开。2023年计划"
    assert year_near(text, text.index("11月14日")) == 2022
    assert year_near(text, 0) == 2021
    assert year_near("11月13日会议，2022年", 0) == 2022
    assert year_near("二〇一五年八月，会议", 9) == 2015


def test_year_near_needs_a_stated_plausible_year():
    assert year_near("月薪21,009元，共1500人", 5) is None
    assert year_near("1850年的事", 5) is None


def test_parse_published():
    assert parse_published("2022") == (2022, None)
    assert parse_published("2022-03-19") == (2022, date(2022, 3, 19))
    assert parse_published(None) == (None, None)
    assert parse_published("") == (None, None)
    assert parse_published("2022-02-30") == (2022, None)
    assert parse_published("someday") == (None, None)


def test_lead_date_first_mention_in_window():
    lead = "本报讯（记者 熊辉 刘严馨）3月19日，在组织收听收看全国电视电话会议后，3月20日"
    assert lead_date(lead, year=2022, ref=None) == date(2022, 3, 19)


def test_lead_date_range_gives_first_day_and_skips_month_only():
    assert lead_date("2022年6月，11月25日至26日召开", year=2022, ref=None) == date(2022, 11, 25)


def test_lead_date_outside_window_or_unknown_year_is_none():
    assert lead_date("会" * 130 + "11月13日", year=2022, ref=None) is None
    assert lead_date("11月13日召开会议", year=None, ref=None) is None
    assert lead_date("2022年总结。11月13日召开", year=None, ref=None) == date(2022, 11, 13)


# ------------------------------------------------------------------------------- properties

# Characters the rules care about, mixed with arbitrary Unicode.
INTERESTING = list(' \t\n,:;?!()"．.。…·‧⋯﹐､「」『』（）“”，：') + [
    "...", "。。。", "···", "21,009", "3:30", "http://a.cn/?x=1,2", "中", "文", "兩", "區",
    "乾縣", "乾县", "打坏", "於", "１２", "Ａ", "\u3000", "John",
]
TEXT = st.lists(st.one_of(st.sampled_from(INTERESTING), st.characters()), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalise_page_keeps_line_structure(text):
    out, _ = normalise_page(text)
    assert out.count("\n") == text.count("\n")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalise_page_is_idempotent(text):
    once, _ = normalise_page(text)
    assert normalise_page(once)[0] == once


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_normalise_page_keeps_the_ideograph_count_of_every_line(text):
    # t2s (unlike the phrase configs tw2sp/hk2sp, 演算法 -> 算法) maps character to character;
    # width and punctuation never touch ideographs. So each line keeps its number of ideographs.
    out, _ = normalise_page(text)
    for before, after in zip(text.split("\n"), out.split("\n"), strict=True):
        assert len(IDEOGRAPH_RE.findall(after)) == len(IDEOGRAPH_RE.findall(before))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_normalise_page_reports_the_script_of_the_original(text):
    assert normalise_page(text)[1] == detect_script(text)


def test_a_simplified_page_keeps_characters_opencc_would_map():
    page = "国务院副总理李乾光出席会议并讲话，强调要做好经济工作。"
    assert normalise_page(page)[0] == page


def test_a_traditional_page_is_still_converted():
    assert normalise_page("國務院副總理出席會議並講話。")[0] == "国务院副总理出席会议并讲话。"


# ------------------------------------------------------------------------------------- fast paths
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_has_astral_agrees_with_the_regex(text):
    assert normalise.has_astral(text) == (normalise.ASTRAL_RE.search(text) is not None)


def test_has_astral_on_supplementary_ideographs_and_lone_surrogates():
    assert normalise.has_astral("会议\U00020000")
    assert not normalise.has_astral("会议\ud800\udc00")


TRAD_LINES = ["國務院總理說", "乾隆年間", "楊聯陞", "打坏了", "臺灣的經濟", "简体中文的句子", "於是他們說：好", "\ud800們", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TRAD_LINES + ["們", "乾", "于", "\U00020000", "a"]), max_size=12))
def test_converting_lines_together_is_converting_each(lines):
    assert normalise._convert_lines(lines, "t2s") == [normalise._convert_line(line, "t2s") for line in lines]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("，。…,:;?!().·\" 会议ab1") + ["...", "···", "。。。"]), max_size=30).map("".join))
def test_punctuation_fast_paths_skip_only_what_would_not_change(text):
    if not normalise._may_have_mark_run(text):
        assert normalise.CJK_MARK_RUN_RE.search(text) is None
    if "…" not in text and "。。。" not in text:
        assert normalise.CJK_ELLIPSIS_RUN_RE.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ＡＢ１２！（，　\xa0「」『』﹐､︐―⋯‧会a,") + ["１２３"]), max_size=30).map("".join))
def test_one_pass_width_and_variants_is_width_then_punctuation(text):
    expected = normalise_punctuation(normalise_width(text))
    if detect_script(text) != "simplified":
        expected = to_simplified(expected)
    assert normalise_page(text)[0] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("…。会a") + ["。。。", "……"]), max_size=30).map("".join))
def test_ellipsis_fast_path_is_the_full_rule(text):
    if "。。。" not in text:
        assert normalise.HORIZONTAL_ELLIPSIS_RUN_RE.sub("……", text) == normalise.CJK_ELLIPSIS_RUN_RE.sub("……", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("会１２ａ　Ｘ，「」﹐a1\ud800\udc01")), max_size=20).map("".join))
def test_runs_written_for_speed_match_like_plus(text):
    for char_class in ("[０-９]", "[\ud800-\udfff]", "[" + "".join(map(re.escape, normalise.PUNCT_VARIANTS)) + "]"):
        fast, plus = re.compile(normalise._run_of(char_class)), re.compile(f"{char_class}+")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plus.finditer(text)]


def test_trigger_set_probed_in_parts_is_the_whole_probe():
    chars = normalise._candidate_chars(normalise.IDEOGRAPH_RANGES + normalise.COMPAT_RANGES)
    converted = normalise._converter("t2s").convert("\n".join(chars)).split("\n")
    assert normalise._changed_by("t2s", True) == frozenset(c for c, out in zip(chars, converted) if c != out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("們国國说說乾干于於台臺会會a，") + ["\U00020000"]), max_size=40).map("".join))
def test_detect_script_shortcuts_agree_with_the_share(text):
    trad, simp = normalise._script_classes()
    n_trad, n_simp = trad.count(text), simp.count(text)
    if n_trad == 0:
        expected = "simplified"
    else:
        share = n_trad / (n_trad + n_simp)
        expected = ("traditional" if share >= normalise.SCRIPT_MAJORITY
                    else "simplified" if share <= 1 - normalise.SCRIPT_MAJORITY else "mixed")
    assert detect_script(text) == expected


def test_a_day_of_this_month_is_read_against_the_reference_date():
    [m] = find_dates("本月18日，县长检查节前市场供应工作。")
    assert resolve_date(m, year=2023, ref=date(2023, 5, 20)) == date(2023, 5, 18)
    assert find_dates("每月18日，开展一次活动。") == []


@pytest.mark.parametrize("text, years", [
    ("审议《…二〇三五年远景目标的建议》。11月25日，县委召开会议。", ()),   # a target
    ("到2025年，全县将建成10个示范村。", ()),
    ("2023年度述职评议会召开。", ()),                                     # a period looked back on
    ("2019年以前建成的小区", ()),
    ("2021年至2023年，全县投入资金。", (2021,)),                           # a range's end is no when
    ("截至2023年底，全县共有企业500家。", (2023,)),                        # what stood by then
    ("2022年11月，县委召开会议。", (2022,)),
])
def test_years_that_name_a_period_or_a_target_date_nothing(text, years):
    from tasks.normalise import YearIndex
    assert YearIndex.of(text).years == years


def test_a_lead_date_is_not_dated_by_a_target_year():
    from tasks.normalise import lead_date
    text = "会议审议了第十四个五年规划和二〇三五年远景目标纲要。11月25日，县委召开会议。"
    assert lead_date(text, year=None, ref=None) is None
    assert lead_date("2022年，" + text, year=None, ref=None) == date(2022, 11, 25)


@pytest.mark.parametrize(("text", "day"), [("去年12月28日，县委召开全会", date(2011, 12, 28)),
                                          ("前年5月20日，县里启动工程", date(2010, 5, 20)), ("今年3月5日，全县", date(2012, 3, 5))])
def test_a_day_said_of_last_year_counts_back_from_the_page_s_year(text, day):
    m = _one(text)
    assert resolve_date(m, year=2012, ref=None) == day
    assert resolve_date(m, year=None, ref=date(2012, 1, 5)) == day


def test_a_day_most_of_a_year_after_the_page_s_date_is_of_the_year_before():
    ref = date(2012, 1, 5)
    assert resolve_date(_one("12月28日"), year=2012, ref=ref) == date(2011, 12, 28)
    # a deadline some months ahead, or a day stated with its year, stays as written
    assert resolve_date(_one("6月30日前完工"), year=2012, ref=ref) == date(2012, 6, 30)
    assert resolve_date(_one("2012年12月28日"), year=2012, ref=ref) == date(2012, 12, 28)
    assert resolve_date(_one("12月28日"), year=2012, ref=None) == date(2012, 12, 28)   # nothing tells
    # nor does a late deadline or a date set ahead, however far into the year
    for text in ("确保12月31日前全面完工", "要求各项目12月20日前完成", "将于12月20日召开", "定于12月28日起施行"):
        [m] = find_dates(text)
        assert m.ahead and resolve_date(m, year=2012, ref=ref).year == 2012, text


def test_a_simplified_page_reads_its_furniture_left_in_traditional_in_simplified_and_keeps_its_names():
    page = ("县人大常委会召开第十二次会议\n本報訊（通讯员 柏晓芳）8月29日，某某县第十七届人大常委会第十二次会议召开。"
            "县人大常委会主任李乾光主持会议，副主任甲某某、乙某某出席会议。会议听取和审议了县人民政府关于上半年国民经济和"
            "社会发展计划执行情况的报告。")
    out, script = normalise_page(page)
    assert script == "simplified" and "本报讯（通讯员 柏晓芳）" in out and "李乾光" in out


def test_a_simplified_page_reads_stray_traditional_characters_in_simplified_but_keeps_those_simplified_text_writes():
    page = ("县委召开全县农村工作会议\n本报讯（记者 羅 某 某 文/图）4月16日，全县农村工作会议召开。县委书记甲某某出席会议并讲话，"
            "县长乙某某主持会议。县人大常委\n會主任李乾國，县政协主席丙某某出席会议。会议总结了去年全县农业农村工作，"
            "安排部署了今年的重点任务，表彰了先进集体和先进个人。")
    out, script = normalise_page(page)
    assert script == "simplified"
    assert "（记者 罗 某 某 文/图）" in out and "县人大常委\n会主任李乾国，" in out   # 乾: GB 2312 holds it


def test_stray_traditional_characters_take_opencc_s_reading_of_their_line():
    # 髮 and 門 are read as their line reads them; 後 is in GB 2312 and stays as written
    assert normalise._strays_simplified("理髮店後門\n无") == "理发店後门\n无"
    assert normalise._strays_simplified("简体字一行") == "简体字一行"


def test_stray_traditional_characters_inside_a_dictionary_word_stay_as_written():
    assert normalise._strays_simplified("临摹赵孟頫的楷书") == "临摹赵孟頫的楷书"


def test_a_letter_o_the_ocr_read_for_a_zero_in_a_year_is_the_digit():
    assert normalise_page("2O17年5月12日 第2版 综合新闻\nOK 2O17\n")[0] == "2017年5月12日 第2版 综合新闻\nOK 2O17\n"
