"""Bylines: people and their roles."""

from __future__ import annotations

from importers.parsing.bylines import (
    parse_byline_line,
    parse_closing_credit,
    parse_glued_name,
    parse_reader_signature,
    parse_runin,
    parse_signature,
)
from importers.parsing.model import Author

A = "author"


def _pairs(authors):
    return [(a.name, a.role) for a in authors]


def test_reporter_and_correspondent_line() -> None:
    got = parse_byline_line("本报记者 田国垒 本报通讯员 李庆童")
    assert _pairs(got) == [("田国垒", "reporter"), ("李庆童", "correspondent")]


def test_role_applies_to_following_names() -> None:
    got = parse_byline_line("本报通讯员 毛朝阳 姚磊")
    assert _pairs(got) == [("毛朝阳", "correspondent"), ("姚磊", "correspondent")]


def test_title_before_name() -> None:
    assert _pairs(parse_byline_line("省总工会党组成员、副主席 赵霞")) == [("赵霞", "author")]


def test_sentence_is_not_a_byline() -> None:
    assert parse_byline_line("记者日前获悉，青海省总工会近年来") is None


def test_photo_credit_is_not_a_byline() -> None:
    assert parse_byline_line("本报记者 陈华 摄") is None


def test_run_in_prefix_is_split_from_the_text() -> None:
    prefix, authors, rest = parse_runin("本报讯（记者马学礼 通讯员刘斌 马海霞）记者日前从银川获悉")
    assert prefix == "本报讯（记者马学礼 通讯员刘斌 马海霞）"
    assert _pairs(authors) == [("马学礼", "reporter"), ("刘斌", "correspondent"),
                               ("马海霞", "correspondent")]
    assert rest == "记者日前从银川获悉"


def test_run_in_with_half_width_brackets() -> None:
    assert _pairs(parse_runin("本报讯(记者邢生祥)记者日前获悉")[1]) == [("邢生祥", "reporter")]


def test_run_in_with_space_after_the_label() -> None:
    prefix, authors, rest = parse_runin("本报讯 （记者赖书闻）海南省总工会")
    assert _pairs(authors) == [("赖书闻", "reporter")] and rest == "海南省总工会"


def test_run_in_intern() -> None:
    authors = parse_runin("本报讯（记者柳姗姗 彭冰 实习生吴成成）近日")[1]
    assert _pairs(authors) == [("柳姗姗", "reporter"), ("彭冰", "reporter"), ("吴成成", "intern")]


def test_run_in_bare_name_is_an_author() -> None:
    assert _pairs(parse_runin("本报讯（张峰）汉中市")[1]) == [("张峰", "author")]


def test_run_in_office_pen_name_is_no_person() -> None:
    # 合工宣 = an office's pen name (no surname): kept in the byline, not an author.
    prefix, authors, _ = parse_runin("本报讯（合工宣）5月28日")
    assert (prefix, authors) == ("本报讯（合工宣）", [])


def test_website_run_in_without_names() -> None:
    prefix, authors, rest = parse_runin("中工网讯 太原市总工会近日推出")
    assert (prefix, authors, rest) == ("中工网讯", [], "太原市总工会近日推出")


def test_ordinary_sentence_is_not_a_run_in() -> None:
    assert parse_runin("记者日前从宁夏获悉") is None


def test_trailing_signature() -> None:
    rest, sig, authors = parse_signature("也有他们的风采。 □秦东风")
    assert (rest, sig, _pairs(authors)) == ("也有他们的风采。", "□秦东风", [("秦东风", "author")])


def test_signature_with_two_names() -> None:
    assert _pairs(parse_signature("□穆英 徐凌龙")[2]) == [("穆英", "author"), ("徐凌龙", "author")]


def test_bracketed_byline_closing_an_item() -> None:
    from importers.parsing.bylines import parse_paren_byline

    rest, text, authors = parse_paren_byline("工作取得实效。（本报记者 张三 通讯员 李四）")
    assert (rest, text) == ("工作取得实效。", "本报记者 张三 通讯员 李四")
    assert _pairs(authors) == [("张三", "reporter"), ("李四", "correspondent")]


def test_bracketed_name_without_role_is_not_a_byline() -> None:
    from importers.parsing.bylines import parse_paren_byline

    assert parse_paren_byline("这是他的朋友（张三）") is None


def test_text_and_picture_slash_credits() -> None:
    assert _pairs(parse_byline_line("文/张三 图/李四")) == [("张三", "author"),
                                                         ("李四", "photographer")]


def test_more_role_words() -> None:
    assert _pairs(parse_byline_line("本报全媒体记者 赵六 特约通讯员 钱七")) == [
        ("赵六", "reporter"), ("钱七", "correspondent")]


def test_run_in_reported_by_without_brackets() -> None:
    assert parse_runin("本报讯 张三报道 每天中午12点半")[1:] == (
        [Author("张三", "reporter")], "每天中午12点半")


def test_bracketed_dateline_is_a_run_in() -> None:
    prefix, authors, rest = parse_runin("【本报某地6月26日电】某区总工会26日发布消息")
    assert (prefix, authors, rest) == ("【本报某地6月26日电】", [], "某区总工会26日发布消息")


def test_justified_names_are_joined() -> None:
    _, authors, _ = parse_runin("本报讯（记者 岑 野 通讯员 殷 朗）4月15日")
    assert _pairs(authors) == [("岑野", "reporter"), ("殷朗", "correspondent")]


def test_name_then_slash_roles_line() -> None:
    assert _pairs(parse_byline_line("□龚晓帆 /文 /图")) == [("龚晓帆", A)]
    assert _pairs(parse_byline_line("本报记者 张三 摄影报道")) == [("张三", "photographer")]


def test_closing_credit_person_or_organisation() -> None:
    assert parse_closing_credit("展览将持续至4月5日。（卓文翰）") == (
        "展览将持续至4月5日。", "卓文翰", [Author("卓文翰", A)])
    assert parse_closing_credit("职工在线参与答题。（某市总工会宣教部）") == (
        "职工在线参与答题。", "某市总工会宣教部", [])
    assert parse_closing_credit("图为他在铁塔上检查。（受访者供图）") is None


def test_name_glued_to_last_sentence() -> None:
    assert parse_glued_name("考核优秀的师傅可获得1000元奖励。宁晓禾")[1] == "宁晓禾"
    assert parse_glued_name("考核优秀的师傅可获得1000元奖励。他说") is None


def test_reader_signature_under_a_letter() -> None:
    assert _pairs(parse_reader_signature("某区快递员 许立冬")) == [("许立冬", A)]
    assert _pairs(parse_reader_signature("某市 退休职工 暴春雷")) == [("暴春雷", A)]
    assert _pairs(parse_reader_signature("读者 滕 瑶")) == [("滕瑶", A)]
    assert parse_reader_signature("技能有等级 成长有通道") is None


def test_credit_marks_after_each_name() -> None:
    assert _pairs(parse_byline_line("本报记者 张三 /文 通讯员 李四 /图")) == [
        ("张三", "reporter"), ("李四", "photographer")]
    assert _pairs(parse_byline_line("□文/图 柏云舒")) == [("柏云舒", A)]


def test_two_names_run_together() -> None:
    _, authors, _ = parse_runin("本报讯（记者钟一凡郝雨桐）3月10日")
    assert _pairs(authors) == [("钟一凡", "reporter"), ("郝雨桐", "reporter")]
    _, authors, _ = parse_runin("本报讯（记者欧阳青禾）3月12日")
    assert _pairs(authors) == [("欧阳青禾", "reporter")]


def test_reader_signature_under_a_workplace_or_after_a_dash() -> None:
    assert _pairs(parse_reader_signature("某机械厂三车间 鲁 桥")) == [("鲁桥", A)]
    assert _pairs(parse_reader_signature("——某市退休职工 邬德华")) == [("邬德华", A)]


def test_reported_by_leads() -> None:
    assert _pairs(parse_runin("本报讯 记者何光明田秀英报道：县化肥厂开展竞赛")[1]) == [
        ("何光明", "reporter"), ("田秀英", "reporter")]
    prefix, authors, rest = parse_runin("记者何光明报道：县化肥厂开展竞赛")
    assert (prefix, _pairs(authors), rest) == ("记者何光明报道：", [("何光明", "reporter")],
                                               "县化肥厂开展竞赛")


def test_closing_credit_with_a_lost_character_after_it() -> None:
    assert parse_closing_credit("为乡镇企业提供技术服务。(蒲德厚)?")[2] == [Author("蒲德厚", A)]
