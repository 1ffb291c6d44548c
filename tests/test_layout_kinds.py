"""Kinds of page met less often: front pages with a masthead, a forecast and pointers, special pages under
their label, a TV station's news script. Invented pages."""
from __future__ import annotations

from tests.helpers import pipeline


LEAD = ("本报讯（记者 甲某某 通讯员 乙某）4月11日，县委书记丙某某主持召开县委常委会会议，研究部署春季森林防火工作。\n"
        "会议强调，要压紧压实责任，确保全县不发生重特大森林火灾。")
SECOND = "我县新增两家省级专精特新企业\n本报讯（记者 丁某某）近日，省工信厅公布专精特新企业名单，我县两家企业入选。"


def test_pointers_under_a_front_pages_label_leave_the_first_headline():
    raw = ("某某新闻\n2019年4月12日 星期五 今日四版\n导读\n●网岭镇：油茶林里话增收 详见2版\n"
           "●县人民医院开展义诊进乡村 详见3版\n县委常委会召开会议\n研究部署春季森林防火工作\n" + LEAD + "\n" + SECOND)
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["县委常委会召开会议", "我县新增两家省级专精特新企业"]
    assert drafts[0].subtitle == "研究部署春季森林防火工作"


def test_forecast_run_into_its_label_is_a_box():
    for top in ("", "某某新闻\n2019年4月12日 星期五 第1645期 今日四版\n"):
        raw = top + "天气预报 今天：多云转小雨 14℃-22℃ 明天：小雨 13℃-19℃\n县委常委会召开会议\n" + LEAD
        [d] = pipeline(raw)
        assert d.title == "县委常委会召开会议" and "℃" not in d.body + (d.kicker or "")


def test_header_of_a_paper_whose_name_ends_otherwise_is_furniture():
    raw = ("某水大众 2016年9月8日 星期四 第2版 综合\n编者按：即日起，本报开设“脱贫攻坚进行时”专栏，敬请关注。\n"
           "脱贫攻坚进行时\n院东头镇：扶贫车间开进村\n本报记者 甲某 通讯员 乙某某\n"
           "9月6日，在院东头镇桃园村扶贫车间里，20多名村民正在加工手套。")
    [d] = pipeline(raw)
    assert d.title == "院东头镇：扶贫车间开进村"
    assert d.credits == [("甲某", "reporter"), ("乙某某", "reporter")]


def test_special_pages_label_is_no_headline():
    for label in ("党史学习教育专版", "古城保护专刊"):
        raw = (f"{label}\n某某县：用好红色资源 讲活党史故事\n本报记者 甲某某\n"
               "今年以来，某某县坚持把用好红色资源作为重要抓手。\n一、挖掘红色资源，打造“行走的课堂”\n"
               "该县对全县红色遗址进行全面摸排。\n二、创新宣讲形式，让党史“活”起来\n该县组建宣讲团开展宣讲380余场。")
        [d] = pipeline(raw)
        assert d.title == "某某县：用好红色资源 讲活党史故事" and d.kicker == label


def test_news_script_marks_stay_in_its_text():
    raw = ("某某：茶园管护正当时\n发布时间：2020-03-18 17:20 来源：某某县融媒体中心\n【导语】眼下正值春茶开采前的关键时期，我县茶农抢抓农时开展茶园管护。\n"
           "【正文】3月17日，在兴隆镇龙凤村的茶园里，茶农们正忙着修剪茶树。\n"
           "【同期声】龙凤村党支部书记 甲某某\n今年我们村组织了40多名茶农开展管护。\n"
           "【正文】据了解，今年全县茶园面积稳定在60万亩。\n【同期声】县茶产业发展中心主任 乙某某\n"
           "下一步，我们将继续加强技术服务。\n记者：丙某某 丁某 摄像：戊某\n责任编辑：己某")
    [d] = pipeline(raw)
    assert d.title == "某某：茶园管护正当时"
    assert "乙某某" in d.body
    assert d.credits == [("丙某某", "reporter"), ("丁某", "reporter"), ("戊某", "photographer"), ("己某", "editor")]


def test_reporters_notes_under_a_bullet_credit_no_one():
    raw = ("禾川两岸稻花香\n本报记者 甲某某 文/图\n初夏时节，走进禾川镇，连片的稻田绿意盎然。\n"
           "【田成方 渠相通】\n高标准农田建成后，小田变大田。\n■ 记者手记\n好田配好路，农民种田才有奔头。")
    [d] = pipeline(raw)
    assert d.credits == [("甲某某", "reporter"), ("甲某某", "photographer")]
    assert d.body.endswith("农民种田才有奔头。")


def test_pointers_under_any_box_label_leave_the_headline_stack():
    raw = ("某某报\n2012年11月7日 星期三 总第1120期\n要闻提示\n◆ 我市新增3家国家高新技术企业（第2版）\n"
           "◆ 六尺巷景区提升改造完成（第3版）\n“三查三看”活动\n市委常委会专题研究\n安全生产工作\n"
           "本报讯（记者 甲某某）11月6日，市委书记乙某某主持召开市委常委会会议，专题研究安全生产工作。")
    [d] = pipeline(raw)
    assert d.title == "市委常委会专题研究安全生产工作" and d.kicker == "“三查三看”活动"


def test_place_and_its_verb_alone_on_a_row_are_a_wrapped_headline():
    raw = ("江川区召开\n2021年烤烟生产\n工作推进会\n本报讯（记者 甲某某）6月4日，全区2021年烤烟生产工作推进会召开。"
           "区委副书记、区长乙某某出席会议并讲话。")
    [d] = pipeline(raw)
    assert d.title == "江川区召开2021年烤烟生产工作推进会" and d.subtitle is None


def test_named_commentator_over_an_editors_note_signs_the_commentary():
    raw = ("让“绿水青山”成为“金山银山”\n本报评论员 杨文华\n编者按：生态是我县最大的优势。本报今起刊发系列评论，敬请关注。\n"
           "良好的生态环境是最普惠的民生福祉。我们要坚持生态优先、绿色发展。\n各级各部门要压实生态保护责任。")
    [d] = pipeline(raw)
    assert d.title == "让“绿水青山”成为“金山银山”" and d.credits == [("杨文华", "reporter")]


def test_interviews_label_over_its_headline_is_a_kicker():
    raw = ("对话\n瑶山脚下的“致富带头人”\n主持人：今天我们请到了加文村党支部书记甲某某。村里这两年变化大吗？\n"
           "甲某某：变化很大。我们村发展了肉牛养殖，全村有200多户参与。\n主持人：遇到过什么困难？\n"
           "甲某某：最难的是技术，我们请县里的专家手把手教。\n（编辑：乙某某）")
    [d] = pipeline(raw)
    assert d.kicker == "对话" and d.title == "瑶山脚下的“致富带头人”"


def test_headline_and_an_undated_lead_on_one_row_after_a_signed_item():
    raw = ("县委常委会传达学习会议精神 12月14日，县委书记甲某某主持召开县委常委会会议。（编辑 乙某）\n"
           "某某县葡萄干喜获丰收 今年，全县葡萄干产量达到6万吨，比去年增长10%。（编辑 乙某）\n"
           "某某镇开展冬季农民培训 近年来，某某镇每年冬季举办农民培训班。（编辑 丙某某）")
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["县委常委会传达学习会议精神", "某某县葡萄干喜获丰收", "某某镇开展冬季农民培训"]


def test_bracketed_headlines_of_a_stations_bulletin_are_titles():
    raw = ("新闻联播\n某某县新闻（2019年10月16日）\n【县委常委会召开会议】\n"
           "10月15日，县委书记甲某主持召开县委常委会会议，传达学习省委有关会议精神。\n"
           "【我县举行重阳节敬老活动】\n10月7日，县老龄委在县城举行重阳节敬老活动，为100名老人送上慰问品。\n记者：乙某 丙某某")
    drafts = pipeline(raw)
    assert [d.title.strip("【】") for d in drafts] == ["县委常委会召开会议", "我县举行重阳节敬老活动"]


def test_a_list_a_text_announces_closing_the_page_stays_in_the_text():
    [a] = pipeline("我县3人获评市级劳动模范\n本报讯（记者 孙明远）近日，市委命名表彰了一批劳动模范，我县3人榜上有名。名单如下：\n"
                   "张卫国 县农机合作社理事长\n刘桂兰 城关镇刘庄村党支部书记\n马晓超 县公安局交警大队民警\n")
    assert a.body.endswith("名单如下：\n张卫国 县农机合作社理事长\n刘桂兰 城关镇刘庄村党支部书记\n马晓超 县公安局交警大队民警")


def test_a_records_text_size_buttons_name_no_writer():
    for buttons in ("【大】【中】【小】", "字号：大 中 小", "【字体：大 中 小】", "字号：【大】【中】【小】"):
        [a] = pipeline("区委书记甲某某带队督导创文工作\n发布时间：2023-10-20 11:05:36 来源：区创文办 作者：乙某某 " + buttons
                       + "\n10月19日，区委书记甲某某带队督导创文工作。")
        assert a.credits == [("乙某某", "reporter")], buttons


def test_a_texts_line_cut_mid_clause_opens_no_item():
    [a] = pipeline("我县召开冬季供暖保障工作会议\n本报讯（记者 甲某某）12月5日，全县冬季供暖保障工作会议召开。副县长乙某某出席会议并讲话。\n\n"
                   "会议通 报了今冬供暖运行情况，要求 各\n供热企业储足 燃料，加强管网巡查，确保群众温暖过冬。\n")
    assert a.body.endswith("确保群众温暖过冬。") and "今冬供暖运行情况" in a.body


def test_a_texts_last_paragraph_closed_by_its_writers_photo_credit_stays_in_it():
    [a, b] = pipeline("保宁村：小木耳撑起致富伞\n本报记者 谭秀云\n初秋时节，走进蒙山乡保宁村，一排排木耳菌袋整齐摆放，村民们正忙着采摘。\n"
                      "“过去大伙儿靠上山打零工，现在在家门口就能挣钱。”\n村民孟凤兰说。\n"
                      "县农业农村局副局长吕春华说，下一步将帮助村里建设烘干车间，延长产业链。（谭 秀云 摄）\n"
                      "县总工会开展金秋助学活动\n本报讯 9月10日，县总工会开展金秋助学活动，为32名困难职工子女发放助学金。\n")
    assert "吕春华说" in a.body and ("谭秀云", "photographer") in a.credits and b.title == "县总工会开展金秋助学活动"
