"""People and titles on notices, lists, portals and scripts of local pages: award lists with asides, division-of-work
cards, TV scripts' bracketed speakers, dotted names before an adverb, descriptions of work as titles.
All names are invented."""
from __future__ import annotations

from tests.test_people import people


def test_award_list_line_with_a_sex_aside_gives_the_post():
    got = people("名单如下：\n张卫国 县农机合作社理事长\n刘桂香（女） 城关镇刘庄村党支部书记\n"
                 "赵红梅（女） 县人民医院护士长\n")
    assert got.get("刘桂香") == ["城关镇刘庄村党支部书记"]
    assert got.get("赵红梅") == ["县人民医院护士长"]


def test_division_card_name_with_a_sex_aside():
    got = people("副县长：王海霞（女）\n负责教育、卫生健康等方面工作。\n副县长：尹波\n负责农业农村等方面工作。")
    assert got.get("王海霞") == ["副县长"]


def test_tv_script_speaker_in_brackets_after_a_title():
    got = people("【同期声】（那坡镇平安村村民 黄美英）\n今年我们家种了8亩稻谷。\n"
                 "【同期声】（县农业农村局局长 韦国良）\n我们组织了200多台收割机。")
    assert got.get("黄美英") == ["那坡镇平安村村民"]
    assert got.get("韦国良") == ["县农业农村局局长"]


def test_dotted_name_ends_before_the_adverb_gang():
    got = people("牧民努尔别克·哈力木别克刚把羊群转到冬牧场，就回到定居点的新家。")
    assert "努尔别克·哈力木别克" in got


def test_descriptions_of_work_before_a_name_are_titles():
    assert people("“今年的头鱼有18斤重！”渔工刘建一边收网一边高兴地说。").get("刘建") == ["渔工"]
    assert people("帮扶干部李小凤每月走访帮扶户不少于4次。").get("李小凤") == ["帮扶干部"]


def test_title_before_a_surname_and_a_given_name_jieba_tags_apart():
    # jieba: 冉/nr 从军/nr; 从 is kept out of given names the rules build
    assert people("副市长冉从军出席座谈会。").get("冉从军") == ["副市长"]


def test_profile_post_keeps_no_rank_in_brackets():
    got = people("张建民，男，汉族，1978年5月生，中共党员，现任县交通运输局副局长（正科级），拟任县交通运输局局长。")
    assert got.get("张建民") == ["县交通运输局副局长"]


def test_leaders_page_line_with_a_chain_of_posts():
    got = people("刘振东 县委副书记、县长\n主持县政府全面工作。\n孙立平 县委常委、常务副县长\n负责县政府常务工作。")
    assert got.get("刘振东") == ["县委副书记", "县长"]
    assert got.get("孙立平") == ["县委常委", "常务副县长"]


def test_tv_script_speaker_after_a_cue_without_brackets():
    got = people("同期声：县农业农村局局长 韦国良\n我们组织了200多台收割机。")
    assert got.get("韦国良") == ["县农业农村局局长"]


def test_tv_script_speaker_named_before_the_post():
    got = people("【同期】韦国良 县农业农村局局长\n我们组织了200多台收割机。")
    assert got.get("韦国良") == ["县农业农村局局长"]


def test_names_in_a_list_of_firms_or_brands_are_no_people():
    assert people("王老吉、李锦记、周黑鸭等企业参加了展会。") == {}
    assert people("徐福记、张小泉、王守义十三香等老字号亮相。") == {}


def test_a_list_of_entrepreneurs_keeps_its_people():
    got = people("刘建华、陈晓梅等企业负责人参加座谈。")
    assert "刘建华" in got and "陈晓梅" in got


def test_a_visitor_of_firms_listed_after_him_stays_a_person():
    assert "张德明" in people("张德明走访了恒远、华鼎等企业。")


def test_interview_speaker_with_a_title_before_the_colon():
    got = people("记者：您从事护林工作多少年了？\n护林员 张德福：整整三十年了。")
    assert got.get("张德福") == ["护林员"]


def test_bracketed_source_closing_a_paragraph():
    got = people("问：今年的补贴标准有什么变化？\n答：今年每亩补贴提高到120元。（县农业农村局副局长 何春霞）")
    assert got.get("何春霞") == ["县农业农村局副局长"]


def test_bracketed_credit_of_a_correspondent_is_no_titled_person():
    assert people("全县新增就业岗位3000个。（通讯员 李晓东）") == {}


def test_division_card_with_the_name_on_the_line_under_the_post():
    got = people("常务副县长：\n王立民\n负责县政府常务工作。\n副县长：\n尹海波\n负责农业农村工作。")
    assert got.get("王立民") == ["常务副县长"]
    assert got.get("尹海波") == ["副县长"]


def test_dotted_name_whose_first_part_ends_in_han():
    assert "热依汗古丽·买买提" in people("热依汗古丽·买买提任县妇联主席。")
