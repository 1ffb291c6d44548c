"""CLEAN stage: a scan's short line of several clauses that stops mid-clause goes on into the prose line under it."""
from __future__ import annotations

from tasks.clean import clean_page


def test_short_line_of_two_clauses_joins_the_sentence_under_it():
    page = "渔港开渔\n9月16日，渔港千帆竞发。\n石浦镇副镇长胡 建国介绍，今年开渔首日，全镇\n出海渔船1100多艘。"
    assert clean_page(page).split("\n")[-1] == "石浦镇副镇长胡建国介绍，今年开渔首日，全镇出海渔船1100多艘。"


def test_list_cut_after_a_colon_and_a_comma_joins():
    page = "全县表彰先进\n受表彰的有：北塬镇红星村党支部书记马占林，土桥镇尹集村党支部\n书记妥文明，韩集镇阳山村党支部书记何建忠等。"
    assert clean_page(page).split("\n")[-1].startswith("受表彰的有：北塬镇红星村党支部书记马占林，土桥镇尹集村党支部书记妥文明，")


def test_deck_of_short_slogans_stays_over_the_lead():
    page = "全县经济工作会议召开\n稳增长，促改革，惠民生\n今年以来，全县上下认真贯彻落实各项决策部署，经济运行稳中有进。"
    assert clean_page(page).split("\n") == page.split("\n")


def test_deck_of_one_comma_stays_over_the_lead():
    page = "全县经济工作会议召开\n坚持高位推动，压实工作责任\n今年以来，全县上下认真贯彻落实各项决策部署。"
    assert clean_page(page).split("\n") == page.split("\n")


def test_piece_over_a_dated_lead_stays():
    page = "乡村振兴看一线\n产业兴，乡村旺，群众富起来了\n3月5日，记者走进城关镇东坪村。"
    assert clean_page(page).split("\n") == page.split("\n")


def test_record_meta_line_stays_over_the_text():
    page = "我县再传捷报\n发布时间：2021-08-02 来源：县商务局\n记者从县商务局获悉，今年1至7月，我县黄桃出口量达1120吨。"
    assert clean_page(page).split("\n") == page.split("\n")


def test_numbered_subheading_stays_over_its_paragraph():
    page = "我县推进乡村振兴\n一、坚持高位推动，压紧压实各级工作责任\n县委、县政府主要领导多次召开专题会议研究部署。"
    assert clean_page(page).split("\n") == page.split("\n")


def test_short_paragraph_opening_with_a_post_and_a_verb_of_saying_is_prose():
    page = "板栗丰收\n九渡河镇副镇长高 云飞介绍，全镇板栗种植\n面积3.2万亩，今年产量预计达到400万斤。"
    assert clean_page(page).split("\n")[-1] == "九渡河镇副镇长高云飞介绍，全镇板栗种植面积3.2万亩，今年产量预计达到400万斤。"


def test_line_ending_in_a_comma_goes_on_into_the_next():
    page = ("县领导督导森林防火\n3月18日，县长柯建明带领县林业局等部门负责人，\n深入长冈乡督导检查春季森林防火工\n作。\n"
            "柯建明一行先后察看了林区防火检查站、\n扑火物资储备库。")
    assert clean_page(page).split("\n")[1:] == ["3月18日，县长柯建明带领县林业局等部门负责人，深入长冈乡督导检查春季森林防火工作。",
                                                "柯建明一行先后察看了林区防火检查站、扑火物资储备库。"]


def test_line_ending_in_a_comma_over_a_dated_lead_stays():
    page = "产业兴，乡村旺，\n秋收时节看东坪\n3月5日，记者走进城关镇东坪村。"
    assert clean_page(page).split("\n")[-1] == "3月5日，记者走进城关镇东坪村。"


def test_a_line_the_scan_opened_with_an_enumeration_comma_goes_on_from_the_line_above():
    page = ("甲某某调研春耕生产\n本报讯（记者 乙某某）3月7日，县委副书记\n、县长甲某某到石桥 镇、河口镇调研春耕生产\n 工作。副县长丙某某陪同。")
    assert clean_page(page).split("\n")[1] == ("本报讯（记者 乙某某）3月7日，县委副书记、县长甲某某到石桥镇、河口镇调研春耕生产工作。"
                                               "副县长丙某某陪同。")


def test_a_column_of_fifteen_characters_is_read_through_where_it_cut_a_line():
    # a narrow column (15 characters): a line it cut before a name's last characters goes on into the next
    page = ("旗人大会议隆重开幕\n本报讯(记者 甲某 乙某某)1\n月20日上午,某某旗第十七\n届人民代 表大会第五次会议在旗\n会议中心隆重开幕。\n"
            "大会主席团常务主席、执行主席赵\n永福,王建平,乌日娜,孟庆山,\n敖登在主席台前排就座。赵永福主\n持开幕大会。\n"
            "大会应到代表168名,实到15\n9名,符合法定人数。")
    lines = clean_page(page).split("\n")
    assert "大会主席团常务主席、执行主席赵永福,王建平,乌日娜,孟庆山,敖登在主席台前排就座。赵永福主持开幕大会。" in lines
    assert "大会应到代表168名,实到159名,符合法定人数。" in lines


def test_a_scan_line_of_one_comma_ending_in_a_word_that_wants_its_object_goes_on():
    page = ("小茶壶里的大学问\n走进石门乡黄坛村，茶香扑鼻。62岁的手艺人甲某某正在作坊里制壶。\n甲某某做壶已有40多年，2019年被评为\n"
            "市级非遗代表性传承人。“做壶跟做人一样，急不得。”他说。")
    assert clean_page(page).split("\n")[2] == ("甲某某做壶已有40多年，2019年被评为市级非遗代表性传承人。“做壶跟做人一样，急不得。”他说。")
    # a headline of one comma ending as a phrase does stays a line of its own
    page = "小县城，大作为\n走进石门乡黄坛村，茶香扑鼻。62岁的手艺人甲某某正在作坊里制壶。"
    assert clean_page(page).split("\n")[0] == "小县城，大作为"


def test_a_dateline_cut_inside_the_name_after_a_post_goes_on_into_who_leads_the_visit():
    page = "驷马镇：脱贫攻坚走访不停步\n本报讯（通讯员 甲某）4月1日，驷马镇党委书记杨\n明远带领镇村干部走访水口村的贫困户。"
    assert clean_page(page).split("\n")[1] == "本报讯（通讯员 甲某）4月1日，驷马镇党委书记杨明远带领镇村干部走访水口村的贫困户。"


def test_a_line_ending_in_an_opening_quote_goes_on():
    page = "苹果园里的土专家\n在高塬镇上坡村，62岁的果农李满仓被称为“\n土专家”。他种了30多年苹果。"
    assert clean_page(page).split("\n")[1] == "在高塬镇上坡村，62岁的果农李满仓被称为“土专家”。他种了30多年苹果。"


def test_a_list_s_line_ending_in_the_next_one_s_unit_goes_on_into_his_post_and_name():
    page = ("县委召开党外人士座谈会\n本报讯 12月18日，县委召开党外人士座谈会。县委书记甲某某主持。\n民革某某县支部主委黄成书、县工商联\n"
            "主席刘德康、无党派人士代表吴静等6位同志先后发言。")
    assert clean_page(page).split("\n")[2] == "民革某某县支部主委黄成书、县工商联主席刘德康、无党派人士代表吴静等6位同志先后发言。"
    # a headline naming two leaders over a line opening with a post stays a headline
    page = "县委书记甲某某、县长乙某某\n主席团成员在主席台就座。"
    assert clean_page(page).split("\n")[0] == "县委书记甲某某、县长乙某某"


def test_a_line_opening_with_a_comma_goes_on_from_the_line_above_whatever_that_is():
    page = ("关于开展2012年度农村低保年审工作的通知\n各乡镇人民政 府:根据省民 政厅有关要求\n,决定在全县开展农村低保年审 工作。\n"
            "某屯县民政局\n2012年2月15日")
    assert clean_page(page).split("\n")[1] == "各乡镇人民政府:根据省民政厅有关要求,决定在全县开展农村低保年审工作。"


def test_a_line_stopping_on_a_particle_after_an_open_sentence_goes_on_it():
    # "代表甲、乙就…发表了意见和" holds no comma, yet no headline stops on 和: the sentence above goes on in it
    assert clean_page("会上，区住建委、区城管委等承办单位负\n责人分别汇报了重点提案办理情况，提案人\n代表刘宏远、贾敏芝就办理情况发表了意见和\n"
                      "建议。") == "会上，区住建委、区城管委等承办单位负责人分别汇报了重点提案办理情况，提案人代表刘宏远、贾敏芝就办理情况发表了" \
                                "意见和建议。"


def test_a_number_the_wrap_cut_is_one_number():
    assert clean_page("会议要求各地在1\n2月底前完成整改任务，确保安全生产形势稳定。") == "会议要求各地在12月底前完成整改任务，确保安全生产形势稳定。"
    assert clean_page("本报讯（记者 甲某某）1\n2月8日，全县安全生产工作会议召开。") == "本报讯（记者 甲某某）12月8日，全县安全生产工作会议召开。"
    # (a page number ends no line of text)
    assert clean_page("第1版\n2月8日，全县召开安全生产工作会议。") == "第1版\n2月8日，全县召开安全生产工作会议。"
