"""Stages 5-6: article boundaries, title blocks and roles, on small made-up pages."""

from __future__ import annotations

from importers.parsing import parse_text

from .helpers import authors, headings, texts

BODY = "这是正文第一段，讲述了工会组织开展活动的经过。"
BODY2 = "第二段继续介绍活动成效，职工反响热烈。"


def _one(text: str):
    arts = [a for a in parse_text(text).articles if a.kind != "fragment"]
    assert len(arts) == 1, [a.headline for a in arts]
    return arts[0]


# -- marked-up ---------------------------------------------------------------

def test_marked_kicker_with_dashes_above_headline() -> None:
    a = _one(f"引导职工助力乡村振兴——\n\n# 职工小家“下乡”\n\n本报记者 李国\n\n{BODY}\n")
    assert (a.kicker, a.headline, authors(a)) == ("引导职工助力乡村振兴", "职工小家“下乡”",
                                                  [("李国", "reporter")])


def test_marked_h2_above_h1_is_the_kicker() -> None:
    a = _one(f"## 青海省总推动户外劳动者服务站点建设\n\n# 整合资源促建设\n\n{BODY}\n")
    assert a.kicker == "青海省总推动户外劳动者服务站点建设"


def test_marked_short_genre_above_h1_is_the_column() -> None:
    a = _one(f"## 新闻特写\n\n# “工匠讲堂”开讲啦\n\n{BODY}\n")
    assert (a.column, a.kicker) == ("新闻特写", "")


def test_marked_banner_after_headline_goes_to_the_column() -> None:
    a = _one(f"# 标题文字\n\n**团结奋斗开新局 喜迎工会十八大**\n\n{BODY}\n")
    assert a.column == "团结奋斗开新局 喜迎工会十八大"


def test_marked_section_headings() -> None:
    a = _one(f"# 标题\n\n{BODY}\n\n## 开展消费帮扶\n\n{BODY2}\n\n### 建立长效机制\n\n{BODY}\n")
    assert headings(a) == ["开展消费帮扶", "建立长效机制"]


def test_marked_reader_prompt() -> None:
    a = _one(f"# 标题\n\n## 阅读提示\n\n提示段落。\n\n{BODY}\n")
    assert a.reader_prompt == "提示段落。"
    assert texts(a) == [BODY]


def test_marked_h2_followed_by_run_in_starts_a_brief() -> None:
    text = (f"# 第一篇\n\n{BODY}\n\n## 湖北成立创新工作室联盟\n\n"
            f"本报讯(记者张群 通讯员刁艳)近日,记者获悉。\n")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["第一篇", "湖北成立创新工作室联盟"]
    assert arts[1].byline == "本报讯（记者张群 通讯员刁艳）"


def test_marked_photo_story_with_credit() -> None:
    text = (f"# 第一篇\n\n{BODY}\n\n## 大美劳动者\n\n"
            "4月20日，观众在欣赏油画。\n\n本报记者 刘金梦 摄\n")
    photo = parse_text(text).articles[1]
    assert photo.kind == "photo"
    assert photo.body[0].caption == "4月20日，观众在欣赏油画。"
    assert authors(photo) == [("刘金梦", "photographer")]


def test_marked_continuation() -> None:
    text = f"# 第一篇\n\n{BODY}\n\n（上接第 1版）\n\n{BODY2}\n"
    cont = parse_text(text).articles[1]
    assert (cont.kind, cont.continued_from_page, cont.headline) == ("continuation", 1, "")


def test_marked_plain_line_above_h1_is_the_kicker_of_the_next_item() -> None:
    text = f"# 第一篇\n\n{BODY}\n\n示范带动 观摩推动\n\n# 第二篇\n\n{BODY2}\n"
    arts = parse_text(text).articles
    assert texts(arts[0]) == [BODY]
    assert arts[1].kicker == "示范带动 观摩推动"


def test_marked_displaced_block_is_reassembled() -> None:
    text = ("# 标题\n\n本报记者 张三\n\n## 阅读提示\n\n提示。\n\n里，第一时间得到解决。\n\n"
            "后来的事情也很顺利。\n\n本报记者 张三\n\n开头一段完整的话。\n\n"
            "职工的诉求可以反馈到她这\n")
    parsed = parse_text(text)
    a = parsed.articles[0]
    assert texts(a)[0] == "开头一段完整的话。"
    assert texts(a)[1] == "职工的诉求可以反馈到她这里，第一时间得到解决。"
    assert any("顺序" in w for w in a.warnings)


def test_marked_unclear_fragment_order_is_kept_and_flagged() -> None:
    a = _one(f"# 标题\n\n{BODY}\n\n{BODY2}\n\n"
             "最后一段话写到一半就没有了下文的这种情况需要提醒编辑注意核对一下内容是否")
    assert texts(a)[0] == BODY
    assert any("中断" in w for w in a.warnings)


def test_marked_wrapped_word_across_blank_line_is_joined() -> None:
    a = _one("# 标题\n\n利用工会职工小家在专业知识和资金资源等方面的优势，"
             "助力农户小家发挥好促进农户增产增收和乡风文明建\n\n设的作用。\n")
    assert texts(a) == ["利用工会职工小家在专业知识和资金资源等方面的优势，"
                        "助力农户小家发挥好促进农户增产增收和乡风文明建设的作用。"]


def test_marked_plain_title_lines_above_a_byline_start_an_item() -> None:
    text = (f"# 第一篇\n\n{BODY}\n\n引导职工助力乡村振兴——\n\n职工小家“下乡”\n\n"
            f"本报记者 李国\n\n{BODY2}\n")
    arts = parse_text(text).articles
    assert (arts[1].kicker, arts[1].headline) == ("引导职工助力乡村振兴", "职工小家“下乡”")
    assert texts(arts[0]) == [BODY]


# -- PDF columns ---------------------------------------------------------------

PDF_ITEM = """本报讯 （记者刘旭）记者日前获悉，辽宁
省沈阳市国防工会开展的活动结出累累
硕果，企业完成技术攻关项目 435 个。
去年，沈阳市国防工会开展“揭榜挂帅”
活动为 8 家企业解决了 14 个技术难题，
受到企业热烈欢迎。
产业工会协调破解 企业工会组织克难
沈阳国防工会“揭榜挂帅”攻关技术难题
"""


def test_pdf_title_block_after_the_body_belongs_to_it() -> None:
    a = _one(PDF_ITEM)
    assert a.headline == "沈阳国防工会“揭榜挂帅”攻关技术难题"
    assert a.kicker == "产业工会协调破解 企业工会组织克难"
    assert texts(a)[0].startswith("记者日前获悉，辽宁省沈阳市")


def test_pdf_two_items_are_not_glued() -> None:
    second = PDF_ITEM.replace("刘旭", "王伟").replace("沈阳国防工会“揭", "第二篇“揭")
    arts = parse_text(PDF_ITEM + second).articles
    assert [a.byline for a in arts] == ["本报讯 （记者刘旭）", "本报讯 （记者王伟）"]


def test_pdf_letter_spaced_reader_prompt_after_title() -> None:
    text = ("本报记者 李丰\n正文第一段讲述了工会组织开展活动\n的经过和成效，职工反响热烈。\n"
            "贵州工会重视职工思想引领——\n做优“工”字品牌\n阅 读 提 示\n贵州工会坚持做优“工”字\n"
            "品牌，持续发力。\n本报记者 康劲\n第二篇正文开头的内容在这里写\n完了。\n第二篇标题\n")
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline) == ("贵州工会重视职工思想引领", "做优“工”字品牌")
    assert a.reader_prompt == "贵州工会坚持做优“工”字品牌，持续发力。"


def test_pdf_photo_with_credit_and_title_after() -> None:
    text = ("9 月 13 日，浙江省温岭市人力\n资源和社会保障局举行管工职业技\n能大赛。\n"
            "本报通讯员 江文辉 摄\n管工技能大比拼\n"
            "本报讯 （记者朱欣）9月14日，职工公\n益服务交流会举办。\n")
    arts = parse_text(text).articles
    assert (arts[0].kind, arts[0].headline) == ("photo", "管工技能大比拼")
    assert arts[0].body[0].credit == "本报通讯员 江文辉 摄"
    assert authors(arts[0]) == [("江文辉", "photographer")]


def test_pdf_photo_without_title_gets_a_provisional_headline() -> None:
    text = "近日，咸阳某公司工会组织员工走进\n小学开展支教活动。 □邢浩 左东宁 摄\n"
    a = _one(text)
    assert a.kind == "photo" and a.headline_is_provisional
    assert "未找到标题，已用首句作为临时标题" in a.warnings


def test_pdf_signed_commentary_and_its_title() -> None:
    text = ("近几年，随着国家“互联网+”战略实\n施，工会网络工作取得长足进展。要\n"
            "真正促进互联网和工会工作融合发展，\n智能飞跃。 □青辰\n网上工会向线下延伸的启示\n")
    a = _one(text)
    assert (a.kind, a.headline, authors(a)) == ("commentary", "网上工会向线下延伸的启示",
                                               [("青辰", "author")])


def test_pdf_brief_with_organisation_label() -> None:
    text = ("本报讯（申辉）今年是新中国成立 70周\n年，略阳县总工会开展职工文化活动，\n"
            "丰富职工生活。\n举办“四大赛事”庆祝建国70周年\n略阳县总工会\n")
    a = _one(text)
    assert (a.kind, a.headline, a.column) == (
        "brief", "举办“四大赛事”庆祝建国70周年", "略阳县总工会")


def test_pdf_section_heading_wrapped_over_two_lines() -> None:
    text = ("（上接第 1版）\n张朝阳表示，2023年在继续推进“一村两作区”\n"
            "改革的同时，还将注重培养职业化农民，从\n"
            "政策层面强化对新型农业经营主体的收益保\n障力度。\n"
            "切实保障粮食和重要农产品稳定\n安全供给\n“保障粮食和重要农产品稳定安全供给始终\n"
            "是建设农业强国的头等大事。”习近平总书记\n强调。在江西省吉水县黄桥镇社下村千亩高\n"
            "标准农田建设现场，虽然天气渐寒，却一片繁\n忙火热的景象。\n"
            "（新华社北京 12月 25日电）\n")
    a = _one(text)
    assert a.kind == "continuation" and a.continued_from_page == 1
    assert headings(a) == ["切实保障粮食和重要农产品稳定安全供给"]
    assert a.dateline == "（新华社北京 12月 25日电）"


def test_pdf_byline_after_title_goes_with_the_item_above_when_the_next_is_signed() -> None:
    text = ("加强基层工会建设是工会工作彰显活力\n的基础和关键，要真抓实干。\n"
            "学习贯彻重要论述\n往职工中走 往心里做 往实处落\n省总工会党组成员、副主席 赵霞\n"
            "“陈书记，您在唐家湾村有没有想过\n如果干不好怎么办？”青工们问道。\n□穆英 徐凌龙\n")
    arts = parse_text(text).articles
    assert authors(arts[0]) == [("赵霞", "author")]
    assert arts[1].headline_is_provisional
    assert authors(arts[1]) == [("穆英", "author"), ("徐凌龙", "author")]


def test_pdf_column_label_goes_to_the_next_item() -> None:
    text = ("■他山之石■\n中工网讯 太原市总工会近日推出\n"
            "新举措，打造职工“网络红人”。\n打造职工“网络红人”\n")
    a = _one(text)
    assert a.column == "他山之石" and a.byline == "中工网讯"


def test_pdf_bracketed_byline_at_the_end_closes_the_item() -> None:
    text = ("正文第一段讲述了工会组织开展活动的\n经过和成效，职工反响热烈。（记者 张三）\n"
            "活动圆满结束\n第二篇的正文从这里开始讲述另一件\n事情的经过。\n")
    arts = parse_text(text).articles
    assert authors(arts[0]) == [("张三", "reporter")]
    assert arts[0].headline == "活动圆满结束"
    assert texts(arts[1])[0].startswith("第二篇的正文")


def test_marked_h3_right_under_the_headline_is_the_subheadline() -> None:
    a = _one(f"# 主标题文字\n\n### 副标题文字\n\n本报记者 李国\n\n{BODY}\n")
    assert (a.headline, a.subheadline, authors(a)) == ("主标题文字", "副标题文字",
                                                       [("李国", "reporter")])


def test_marked_dash_line_under_the_headline_is_the_subheadline() -> None:
    a = _one(f"# 他把青春献给了矿山\n\n——记全国劳模张三\n\n{BODY}\n")
    assert a.subheadline == "记全国劳模张三"
