"""CLEAN stage: a web page's banner over its breadcrumb, boxes drawn with box-drawing characters, a record's
font-size buttons. Invented pages; each rule with a page it changes and one it must leave alone."""
from __future__ import annotations

from tasks.articles import split_articles
from tasks.clean import clean_page
from tasks.normalise import normalise_page


def titles(text: str) -> list[str]:
    page, _ = normalise_page(clean_page(text))
    return [d.title for d in split_articles(page)]


LEAD = "6月3日，区委书记方明远带队督导防汛工作，实地察看水库、河道堤防和地质灾害隐患点。副区长吕文涛参加督导。"


# ---------------------------------------------------------------- the site's banner over the breadcrumb
def test_news_site_name_over_breadcrumb_is_no_title():
    page = f"青岚新闻网\n当前位置:首页 > 时政要闻\n方明远督导防汛工作时强调 压紧压实责任\n2021-06-04 10:11:07 来源:青岚融媒\n{LEAD}"
    assert [t[:12] for t in titles(page)] == ["方明远督导防汛工作时强调"]


def test_portal_name_with_menu_over_breadcrumb_is_no_title():
    page = ("宁溪县人民政府 网站首页 | 政务公开 | 政务服务 | 互动交流\n当前位置：首页 > 新闻中心 > 宁溪要闻\n"
            f"县政府召开民营企业家座谈会\n发布日期：2025-03-12 来源：县政府办公室\n{LEAD}")
    assert titles(page) == ["县政府召开民营企业家座谈会"]


def test_site_name_and_sponsor_over_breadcrumb_is_no_title():
    page = f"柳岸新闻网-柳岸县委宣传部主办\n您现在的位置: 首页 > 本地新闻\n县领导检查清洁乡村活动开展情况\n{LEAD}"
    assert titles(page) == ["县领导检查清洁乡村活动开展情况"]


def test_breadcrumb_from_home_page_arrows():
    page = f"浦阳新闻网\n首页 >> 时政\n方明远会见客商一行\n{LEAD}"
    assert titles(page) == ["方明远会见客商一行"]


def test_prose_above_a_breadcrumb_stays():
    # a page that opens with text, not with a banner: nothing above the breadcrumb is dropped
    page = f"县领导检查清洁乡村活动开展情况\n{LEAD}\n当前位置：首页 > 本地新闻"
    assert clean_page(page).startswith("县领导检查清洁乡村活动开展情况\n6月3日")


def test_browser_tab_title_over_breadcrumb_stays():
    page = f"方明远会见客商一行_浦阳县人民政府\n当前位置：首页 > 政务要闻\n{LEAD}"
    assert clean_page(page).startswith("方明远会见客商一行_浦阳县人民政府\n")


def test_headline_over_lead_without_breadcrumb_unchanged():
    assert titles(f"青岚新闻网\n方明远督导防汛工作\n{LEAD}")[-1] != ""


# ---------------------------------------------------------------- boxes drawn with box-drawing characters
def test_tip_box_between_items_is_dropped():
    page = (f"方明远督导防汛工作\n{LEAD}\n\n┌──────────────┐\n│ 节水小贴士：淘米水可以浇花 │\n└──────────────┘\n\n"
            "“领头雁”陈国华：\n让后岸村从穷山沟变成景区村\n本报讯（记者 许晓梅）今年56岁的陈国华担任后岸村党支部书记已有十二个年头。")
    out = clean_page(page)
    assert "┌" not in out and "节水小贴士" not in out
    assert titles(page)[-1].endswith("让后岸村从穷山沟变成景区村")


def test_contents_box_in_double_lines_is_dropped():
    page = ("方明远督导防汛工作\n" + LEAD + "\n╔═══════════════╗\n║ 今日导读 ║\n║ 2版 我市全面启动春季植树造林 ║\n"
            "║ 3版 街河镇油菜花开正艳 ║\n╚═══════════════╝\n春暖花开\n3月13日，八宝镇的油菜花竞相绽放，吸引众多市民前来踏青赏花。\n通讯员 李俊 摄")
    out = clean_page(page)
    assert "今日导读" not in out and "╔" not in out and "植树造林" not in out
    assert titles(page) == ["方明远督导防汛工作", "春暖花开"]


def test_framed_prose_keeps_its_text():
    # a box holding an item's text, not a tip or a list: the frame goes, the text stays
    body = "本报讯 6月3日，县委书记方明远到青岚镇调研乡村振兴工作，察看了产业园区和村级活动场所建设情况，并与镇村干部座谈。"
    page = f"┌────────┐\n│ 短评 │\n│ {body} │\n└────────┘"
    out = clean_page(page)
    assert "│" not in out and "┌" not in out and body[5:30] in out


def test_lone_rule_line_is_furniture():
    out = clean_page(f"方明远督导防汛工作\n{LEAD}\n────────────────\n春暖花开\n3月13日，八宝镇的油菜花竞相绽放。")
    assert "─" not in out


# ---------------------------------------------------------------- a record's font-size buttons
def test_font_size_buttons_without_label_credit_no_one():
    page = f"县政府召开民营企业家座谈会\n发布日期：2025-03-12 10:06 信息来源：县政府办公室 作者：毕晓梅 【大 中 小】 【打印】\n{LEAD}"
    out = clean_page(page)
    assert "大 中 小" not in out and "大中小" not in out
    page2, _ = normalise_page(out)
    assert [c for d in split_articles(page2) for c in d.credits] == [("毕晓梅", "reporter")]


def test_size_words_in_prose_stay():
    text = "全县大中小学校开学。【大中小企业】座谈会召开。"
    assert clean_page(text) == text


def test_headline_over_a_breadcrumb_with_no_headline_under_it_stays():
    page = f"方明远会见客商一行\n当前位置：首页 > 政务要闻\n发布时间：2016-05-06 来源：县政府办\n{LEAD}"
    assert titles(page) == ["方明远会见客商一行"]


# ---------------------------------------------------------------- rows of one symbol between items
def test_rule_rows_of_one_symbol_between_items_are_dropped():
    page = ("方明远主持召开县委常委会会议\n" + LEAD + "\n\n■■■■■■■■■■■■■■■■■■\n\n杜建明到温塘镇调研旅游产业发展\n"
            "本报讯（记者 石海峰）5月10日，县长杜建明到温塘镇调研。\n★ ★ ★\n我县小麦一喷三防全面展开\n本报讯 连日来，我县组织农技人员深入田间。")
    out = clean_page(page)
    assert "■" not in out and "★" not in out
    assert [t for t in titles(page)] == ["方明远主持召开县委常委会会议", "杜建明到温塘镇调研旅游产业发展", "我县小麦一喷三防全面展开"]


def test_a_deck_s_dash_and_a_bullet_stay():
    page = "走访慰问送温暖\n——记县委书记方明远\n■6月3日，县委书记方明远到青岚镇走访。"
    assert clean_page(page).split("\n")[1] == "——记县委书记方明远"


# ---------------------------------------------------------------- a paper's address at the page's foot
def test_paper_s_address_and_phone_at_the_foot_are_dropped_and_the_item_s_credit_ends_it():
    page = ("石桥镇古街申报历史文化名镇\n本报讯 日前，石桥镇启动申报工作。据镇长甲某某介绍，古街保存完整。（乙某某）\n"
            "某某报社  地址：某某县城关镇大河路  电话：0719-6222316")
    out = clean_page(page)
    assert "地址" not in out and out.endswith("（乙某某）")
    out = clean_page(page.replace("某某报社  地址", "某某报社出版  社址").replace("电话", "广告热线"))
    assert "社址" not in out and out.endswith("（乙某某）")
    out = clean_page(page.replace("某某报社  地址：某某县城关镇大河路  电话：0719-6222316", "某某县融媒体中心主办  地址：某某县大河路"))
    assert "地址" not in out and out.endswith("（乙某某）")
    # a notice's address of where to apply, with no second contact field, stays
    notice = "报名须知\n请于5月10日前到镇政府报名。\n地址：某某镇政府二楼党政办"
    assert clean_page(notice).endswith("地址：某某镇政府二楼党政办")


# ---------------------------------------------------------------- a WeChat copy's account over its call to follow
def test_account_name_over_the_call_to_follow_is_no_title():
    page = ("某某融媒\n点击蓝字 关注我们\n返乡创业带富一方 | 石桥镇“90后”姑娘养出“金鸭子”\n" + LEAD)
    assert titles(page) == ["返乡创业带富一方 | 石桥镇“90后”姑娘养出“金鸭子”"]
    # a headline over the call (no account name) stays the title
    assert titles("区委书记督导防汛工作\n点击蓝字 关注我们\n" + LEAD) == ["区委书记督导防汛工作"]


# ---------------------------------------------------------------- the sponsor under a paper's masthead
def test_the_party_committee_sponsoring_the_paper_is_no_title():
    page = ("某 某 报\nMOUMOU BAO\n2017年7月3日 星期一  第1版\n中共某某县委员会主管\n\n县领导到石桥镇开展主题党日活动\n"
            "本报讯（记者 丙某某）" + LEAD)
    assert titles(page) == ["县领导到石桥镇开展主题党日活动"]


def test_a_drawn_box_whose_rows_are_padded_with_ideographic_spaces_goes_whole():
    page = ("┌────────────────────────┐\n│\u3000\u3000\u3000今日导读\u3000\u3000\u3000\u3000\u3000\u3000│\n"
            "│\u3000▶ 石门茶园喜迎秋茶采摘(2版)\u3000\u3000\u3000\u3000│\n└────────────────────────┘\n"
            "我县获评全省“四好农村路”示范县\n本报讯\u3000日前，省交通运输厅公布示范县名单。")
    assert titles(page) == ["我县获评全省“四好农村路”示范县"]


def test_a_mark_alone_on_its_line_between_items_is_no_title():
    for mark in ("□", "▍", "◆◆", "│"):
        page = (f"县委常委会召开会议\n本报讯（记者 甲某）5月6日，县委常委会召开会议。\n{mark}\n石门村：千亩茶园采摘忙\n"
                "本报讯 近日，记者走进石门村，漫山遍野的茶园里一片繁忙。")
        assert titles(page) == ["县委常委会召开会议", "石门村：千亩茶园采摘忙"], mark


def test_a_drawn_box_of_briefs_gives_each_brief_its_headline():
    page = ("县委召开全会\n本报讯（记者 甲某）3月14日，县委召开全会。县委书记乙某某出席会议并讲话。\n"
            "┌──────────────────┐\n│ 简讯                       │\n"
            "│ 区领导慰问一线环卫工人 3月13日，副区长丙某某到城区环卫作业点看望慰问一线环卫工人。│\n"
            "│ 县二高获省级文明学校称号 近日，县第二高级中学被评为省级文明学校。│\n└──────────────────┘\n"
            "沙湾街道：“微改造”让老社区焕新颜\n本报讯 走进沙湾街道新塘社区，平整的道路映入眼帘。")
    assert titles(page) == ["县委召开全会", "区领导慰问一线环卫工人", "县二高获省级文明学校称号", "沙湾街道：“微改造”让老社区焕新颜"]


def test_a_column_label_boxed_alone_heads_the_briefs_under_it():
    page = ("县委召开党外人士座谈会\n本报讯 12月18日，县委召开党外人士座谈会。县委书记甲某某主持。\n"
            "┌─────────────────────┐\n│  简 讯                     │\n└─────────────────────┘\n"
            "▲12月17日，县文广旅局在城南广场举办“非遗进社区”展演活动。（通讯员 苏小丽）\n"
            "▲连日来，金竹镇组织干部职工开展冬季农田水利基本建设，整治山坪塘15口。（蒲海波）")
    assert len(titles(page)) == 3
