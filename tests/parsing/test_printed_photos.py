"""Printed photo pages: credits broken by the wrap, split credits, numbered captions."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.columns import _join_split_name, _join_split_role_word

PAGE = (
    "苇川工人报　2016年7月28日　星期四　图片新闻　4\n"
    "夜色中的“港口灯火”\n"
    "1.7月22日晚，苇川港集装箱码头的桥吊司\n机在作业。本报记者 孟星河 摄\n"
    "2.理货员在核对集装箱箱号。通讯员 伍家宁\n摄\n"
    "3.夜班职工在码头食堂吃上了热乎的夜宵。本\n报记者 孟\n星河 摄\n"
    "7月24日，苇川市总工会“夏送清凉”慰问队来\n到地铁5号线施工现场，为建设者送上清凉饮品。\n"
    "本报记者 韩书瑶\n通讯员 简东来 摄\n"
)


def test_a_name_broken_by_the_wrap_goes_to_the_credit_line() -> None:
    assert _join_split_name(["吃上了热乎的夜宵。本报记者 孟", "星河 摄"]) == [
        "吃上了热乎的夜宵。", "本报记者 孟星河 摄"]


def test_numbered_captions_stay_under_their_title_and_a_split_credit_is_one() -> None:
    """The unnumbered photo after the group is a photo of its own."""
    arts = parse_text(PAGE).articles
    group, single = arts
    assert group.headline == "夜色中的“港口灯火”"
    assert [b.photographers for b in group.body] == [["孟星河"], ["伍家宁"], ["孟星河"]]
    assert single.kind == "photo" and single.body[0].photographers == ["韩书瑶", "简东来"]



def test_wrapped_dateline_runins_and_a_lone_closing_bracket() -> None:
    page = (
        "苇川至岭东高速公路建成通车\n新华社苇川12月28日电（记者 聂\n晓峰、萧一宁）全长132公里的\n"
        "高速公路28日建成通车。\n梅汀县保证金制度见效\n本报梅汀12月27日电　记者施明达\n"
        "报道：今年以来，梅汀县全面推\n行农民工工资保证金制度。\n岭东职工享受带薪年休假\n"
        "【新华社岭东12月26日电】全市已有\n1.2万名职工享受到带薪年休假。（记者 章雨田\n）\n"
    )
    got = [[x.name for x in a.authors] for a in parse_text(page).articles]
    assert got == [["聂晓峰", "萧一宁"], ["施明达"], ["章雨田"]]


TITLES_AFTER = (
    "秋收时节农机忙\n9月18日，苇川市金箬乡的种粮大户在田\n间驾驶收割机抢收水稻。\n"
    "本报记者 单晓鹏 摄\n"
    "本报记者 霍启明\n近年来，苇川市总工会在重点企业开展技\n能等级自主认定试点。截至目前，全市累\n"
    "计有4600余名职工取得证书。（下转\n第4版）\n技能有等级 成长有通道\n"
    "本 报 讯 （通 讯 员  庞 立 群 ）9 月 1 9 日 ，\n苇川市石澄区总工会在区职工服务中心开\n"
    "设“职工夜间门诊”，每周两晚坐诊。\n石澄区开设“职工夜间门诊”\n"
)


def test_titles_after_page_with_a_photo_titled_above_its_caption() -> None:
    arts = parse_text(TITLES_AFTER).articles
    got = [(a.kind, a.headline.replace(" ", ""), [x.name for x in a.authors]) for a in arts]
    assert got == [
        ("photo", "秋收时节农机忙", ["单晓鹏"]),
        ("article", "技能有等级成长有通道", ["霍启明"]),
        ("brief", "石澄区开设“职工夜间门诊”", ["庞立群"]),
    ]


def test_a_wrapped_jump_mark_ends_the_text_and_is_no_text() -> None:
    arts = parse_text(TITLES_AFTER).articles
    assert arts[1].body[-1].text.endswith("取得证书。")
    assert "下转" in arts[1].raw_text


def test_a_reader_prompt_after_a_credited_photo_heads_the_next_item() -> None:
    page = TITLES_AFTER.replace(
        "本报记者 霍启明\n",
        "阅 读 提 示\n苇川市总工会在重点企业推行技能等级自\n"
        "主评价，让技术工人干得有奔头。\n本报记者 霍启明\n")
    arts = parse_text(page).articles
    assert [bool(a.reader_prompt) for a in arts] == [False, True, False]
    assert arts[1].reader_prompt.startswith("苇川市总工会在重点企业推行")


def test_credit_pieces_meet_across_the_exports_blank_lines() -> None:
    lines = ["吞吐量达到3.2万吨。新华", "", "社记者 万家明 摄", "", "吃上夜宵。本报记者 孟", "",
             "星河 摄"]
    got = _join_split_name(_join_split_role_word(lines))
    assert [x for x in got if x.strip()] == [
        "吞吐量达到3.2万吨。", "新华社记者 万家明 摄", "吃上夜宵。", "本报记者 孟星河 摄"]
