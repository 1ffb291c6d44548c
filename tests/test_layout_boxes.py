"""Page layouts: the boxes between items (weather, hotlines, tips, contents, ads), commentaries after a news
item, and page headers that open with the page's number. Invented pages."""
from __future__ import annotations

from tasks.clean import clean_page
from tests.helpers import pipeline


NEWS = ("县委常委会召开会议\n本报讯（记者 甲某某 乙某）10月18日，县委常委会召开会议，研究部署森林防火工作。"
        "县委书记丙某某主持会议并讲话。\n会议要求，要压紧压实防火责任。")
ITEM = "石桥镇：小柑橘撑起致富大产业\n本报讯（通讯员 丁某某）眼下正值柑橘成熟季节，石桥镇万亩柑橘基地里一派丰收景象。"


def test_weather_box_between_items_is_no_article_nor_title():
    raw = NEWS + "\n天气预报\n今天：多云转小雨 14℃～22℃ 东南风2～3级\n明天：小雨转阴 12℃～19℃\n县气象台发布\n" + ITEM
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["县委常委会召开会议", "石桥镇：小柑橘撑起致富大产业"]
    assert all("℃" not in (d.subtitle or "") + d.body for d in drafts)


def test_hotline_box_over_an_item():
    raw = "便民服务热线\n供电服务：95598 供水服务：0835-2212345\n燃气抢修：0835-2216110\n" + ITEM
    [d] = pipeline(raw)
    assert d.title == "石桥镇：小柑橘撑起致富大产业" and d.credits == [("丁某某", "reporter")]


def test_tip_box_with_its_paragraph_over_an_item():
    raw = NEWS + "\n温馨提示\n近期天气干燥，请广大市民进山入林不带火种。发现火情请立即拨打森林火警电话12119。\n" + ITEM
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["县委常委会召开会议", "石桥镇：小柑橘撑起致富大产业"]
    assert "火警" not in drafts[0].body


def test_contents_and_pointer_boxes_are_no_headlines():
    for box in ("本版目录\n01 要闻 县委常委会召开会议\n02 综合 某某镇开展义诊活动",
                "要闻提示\n◆县人大常委会召开第十五次会议\n◆全县安全生产工作会议召开"):
        [d] = pipeline(box + "\n" + ITEM)
        assert d.title == "石桥镇：小柑橘撑起致富大产业" and d.kicker is None


def test_public_service_ad_and_subscription_and_job_ads_are_no_articles():
    ads = ("公益广告\n讲文明 树新风\n弘扬社会主义核心价值观\n某某县委宣传部 宣",
           "《某某日报》2024年度征订启事\n《某某日报》每周一、三、五出版，全年订价180元。欢迎广大读者踊跃订阅！",
           "招聘\n某某商贸有限公司因业务发展需要，现招聘销售员5名。待遇面议。\n联系人：何经理 电话：13908351234",
           "爱护环境 人人有责\n某某县生态环境局 某某报社 联合刊发")
    for ad in ads:
        drafts = pipeline(NEWS + "\n" + ad + "\n" + ITEM)
        assert [d.title for d in drafts] == ["县委常委会召开会议", "石桥镇：小柑橘撑起致富大产业"], ad
    # an ad closing the page leaves the last item's text alone
    [d] = pipeline(ITEM + "\n" + ads[0])
    assert "文明" not in d.body


def test_a_box_on_one_line_leaves_the_text():
    [d] = pipeline(NEWS + "\n【天气】今日晴转多云，气温8℃至21℃，偏北风2级；明日多云。（县气象局提供）")
    assert "气温" not in d.body
    [d] = pipeline(ITEM + "\n▲温馨提示：本报电子版可登录客户端阅读。")
    assert "客户端" not in d.body


def test_a_commentary_after_a_news_item_is_an_article_of_its_own():
    for comment in ("以实干答好森林防火“必答题”\n本报评论员\n秋冬季节，天干物燥。各级各部门要把责任扛在肩上。",
                    "（评论员文章）\n守牢安全底线 护航高质量发展\n安全是发展的前提。各级各部门要抓好落实。"):
        drafts = pipeline(NEWS + "\n" + comment)
        assert len(drafts) == 2, comment
        assert drafts[1].title in ("以实干答好森林防火“必答题”", "守牢安全底线 护航高质量发展")
        assert drafts[1].credits == [] and "评论员" not in drafts[1].body and "评论员" not in drafts[0].body


def test_a_header_that_opens_with_the_page_number_credits_no_item():
    [d] = pipeline("2 综合新闻 2016年6月9日 星期五 编辑：甲某 版式：乙某\n" + ITEM)
    assert d.credits == [("丁某某", "reporter")]


def test_a_header_whose_spaces_the_ocr_cleaning_took_out_credits_no_item():
    raw = ("A2 要闻 2018年4月3日 星期三 责编：甲某 美编：乙某 校对：丙某\n"
           "天气转暖 春耕生产忙\n本报讯（记者 丁某某）连日来，气温回升，各乡 镇抢抓农时，组织群众开展春耕备耕。在石门 乡，农技人员正在田间指导农户育秧。")
    [d] = pipeline(raw)
    assert d.title == "天气转暖 春耕生产忙" and d.credits == [("丁某某", "reporter")]


def test_a_label_word_over_or_inside_a_news_item_keeps_the_item():
    # a service column's label over a dated item: the label goes, the item stays with its headline
    [d] = pipeline("便民服务\n我县开通医保业务线上办理\n本报讯（记者 甲某某）3月2日，我县医保业务实现线上办理。")
    assert d.title == "我县开通医保业务线上办理" and d.credits == [("甲某某", "reporter")]
    # a headline that opens with a box's word, and a tip's label before a headline, are no boxes
    drafts = pipeline(NEWS + "\n招聘：企业送岗位到家门口\n本报讯（记者 乙某）2月18日，县人社局举办招聘会，56家企业提供岗位1800余个。")
    assert [d.title for d in drafts] == ["县委常委会召开会议", "招聘：企业送岗位到家门口"]
    [d] = pipeline("天气转暖 春耕生产忙\n本报讯（记者 丙某）连日来，气温回升，各乡镇抢抓农时开展春耕。")
    assert d.title == "天气转暖 春耕生产忙"


def test_a_column_mark_under_a_caption_is_no_credit():
    drafts = pipeline(NEWS + "\n短评\n让文明新风吹进每个村庄\n移风易俗，贵在坚持。只要把群众发动起来，陈规陋习就能改。")
    assert [d.title for d in drafts] == ["县委常委会召开会议", "让文明新风吹进每个村庄"]
    assert drafts[1].kicker == "短评" and drafts[1].credits == []


def test_a_header_under_the_papers_name_credits_no_item():
    for header in ("某某报 2023年2月27日 星期一 要闻 编辑：甲某 校对：乙某", "某某报2023年2月27日星期一要闻编辑：甲某校对：乙某"):
        [d] = pipeline(header + "\n" + ITEM)
        assert d.credits == [("丁某某", "reporter")], header


def test_a_commentary_signed_by_its_named_commentator():
    drafts = pipeline(NEWS + "\n让颗粒归仓成为每个人的行动\n□ 本报评论员 戊某某\n粮食安全是“国之大者”。各镇街要把责任落实到田间地头。")
    assert [d.title for d in drafts] == ["县委常委会召开会议", "让颗粒归仓成为每个人的行动"]
    assert drafts[1].credits == [("戊某某", "reporter")] and drafts[0].credits == [("甲某某", "reporter"), ("乙某", "reporter")]


def test_a_pointer_box_whose_label_is_page_furniture_goes_whole():
    raw = ("本期导读\n全区民营企业座谈会召开 第2版\n区图书馆开展“全民阅读”系列活动 第3版\n"
           "区人民政府公告\n（第3号）\n为加强城市管理，区人民政府决定开展集中整治。\n特此公告。\n某某区人民政府\n2023年6月25日\n" + ITEM)
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["区人民政府公告", "石桥镇：小柑橘撑起致富大产业"]


def test_a_row_of_service_phone_numbers_run_into_items_is_no_text():
    raw = ("汇聚青春力量 共建美丽家园　　本报讯（通讯员 甲某）6月10日，团县委组织青年志愿者开展环境清洁活动。"
           "　　便民服务 供电：95598 供水：0746-7211234 燃气：0746-7214567　　县税务局：“非接触式”办税跑出加速度"
           "　　本报记者 乙某某　　“现在足不出户就能申报纳税。”一家企业财务负责人说。今年以来，县税务局持续推广线上办税。")
    assert "县税务局：“非接触式”办税跑出加速度" in clean_page(raw).split("\n")
    drafts = pipeline(raw)
    assert [d.title for d in drafts] == ["汇聚青春力量 共建美丽家园", "县税务局：“非接触式”办税跑出加速度"]
    assert [d.credits for d in drafts] == [[("甲某", "reporter")], [("乙某某", "reporter")]]
    assert all("95598" not in d.body for d in drafts)


def test_a_label_spaced_out_heads_its_box():
    for label in ("天 气", "广 告"):
        raw = NEWS + f"\n{label}\n今天 晴 22～33℃ 南风2级\n明天 多云 23～34℃ 联系电话：0717-8888888\n" + ITEM
        drafts = pipeline(raw)
        assert [d.title for d in drafts] == ["县委常委会召开会议", "石桥镇：小柑橘撑起致富大产业"], label


def test_the_page_sign_off_naming_its_layout_editor_credits_no_item():
    # under several items, the foot's editors with the page's layout editor edited the page
    drafts = pipeline(NEWS + "\n" + ITEM + "\n■责任编辑 甲某 ■版式 乙某 ■校对 丙某")
    assert drafts[-1].credits == [("丁某某", "reporter")]
    # under one item (a media centre's post), its editors are still its own
    [d] = pipeline(ITEM + "\n编辑：甲某 美编：乙某")
    assert d.credits == [("丁某某", "reporter"), ("甲某", "editor"), ("乙某", "editor")]


def test_the_page_foot_naming_its_proofreader_or_this_issue_s_editor_credits_no_item():
    # a proofreader or a typesetter reads the page, and "本期" names the issue's editor: under several items,
    # the foot (perhaps over the paper's address line) credits none of them
    for foot in ("责任编辑：甲某  校对：乙某\n某某报社  地址：某某县城关镇大河路  电话：0719-6222316",
                 "编辑：甲某  排版：乙某", "本期编辑：甲某", "本期责编：甲某  校对：乙某"):
        drafts = pipeline(NEWS + "\n" + ITEM + "\n" + foot)
        assert drafts[-1].credits == [("丁某某", "reporter")], foot
    # under one item, its editors are its own
    [d] = pipeline(ITEM + "\n编辑：甲某  校对：乙某")
    assert d.credits == [("丁某某", "reporter"), ("甲某", "editor"), ("乙某", "editor")]


def test_a_dated_caption_over_the_page_s_foot_is_a_photo_item_and_the_foot_credits_none():
    caption = "▲ 5月16日，县人民医院医护人员在河口镇开展义诊。　记者 甲某某 摄"
    for foot in ("责任编辑：乙某", "责任编辑：乙某　　电话：0763-8881234"):
        drafts = pipeline(NEWS + "\n" + ITEM + "\n" + caption + "\n" + foot)
        assert [d.title for d in drafts][-1] == "县人民医院医护人员在河口镇开展义诊", foot
        assert drafts[1].credits == [("丁某某", "reporter")], foot
    # the page's phone beside its editor marks the page's foot: it credits no item
    drafts = pipeline(NEWS + "\n" + ITEM + "\n" + caption + "\n责任编辑：乙某　　电话：0763-8881234")
    assert drafts[-1].credits == [("甲某某", "photographer")]


def test_an_editor_line_closing_every_item_is_each_item_s_own():
    drafts = pipeline(NEWS + "\n编辑：丙某\n" + ITEM + "\n编辑：乙某")
    assert ("乙某", "editor") in drafts[-1].credits and ("丙某", "editor") in drafts[0].credits
    # an editor's line closing a page of several items whose other items name none is the page's
    assert pipeline(NEWS + "\n" + ITEM + "\n责任编辑：乙某")[-1].credits == [("丁某某", "reporter")]


def test_a_dated_caption_with_its_photographer_in_brackets_under_it_is_a_photo_item():
    feature = ("苹果园里的土专家\n本报记者 甲某某\n在高塬镇上坡村，62岁的果农李满仓被称为土专家。镇农技站站长孙立平说，"
               "李满仓每年义务培训果农上千人次。\n")
    drafts = pipeline(feature + "6月15日，县交警大队民警在城区主干道开展文明交通劝导活动。\n（张 涛 摄）")
    assert [(d.title, d.credits) for d in drafts] == [("苹果园里的土专家", [("甲某某", "reporter")]),
                                                      ("县交警大队民警在城区主干道开展文明交通劝导活动", [("张涛", "photographer")])]


def test_a_brief_signed_by_its_writer_with_his_role_under_a_signed_report_is_an_item():
    report = ("甲某某调研春季农业生产\n本报讯（记者 乙某某）3月8日，县委副书记、县长甲某某到城关镇调研春季农业生产。\n"
              "甲某某指出，要加强小麦春季田间管理。县农牧局局长丙某某陪同。\n")
    drafts = pipeline(report + "好媳妇王秀芝\n北阳镇南关村的王秀芝照顾瘫痪在床的公公十余年，被评为“某阳县好媳妇”。（通讯员 丁某）")
    assert [(d.title, d.credits) for d in drafts] == [("甲某某调研春季农业生产", [("乙某某", "reporter")]),
                                                      ("好媳妇王秀芝", [("丁某", "reporter")])]
