"""Flattened lines are split back at the breaks newspaper text implies."""

from __future__ import annotations

from importers.parsing.flattened import split_flattened


def test_indent_separated_parts_split() -> None:
    line = ("为职工送去“精神食粮”——  职工书屋进车间  ——某厂推出图书流动借阅服务  本报记者 张三"
            "  3月6日，某厂金工车间的职工书屋里，车工把一本书放回“漂流箱”。")
    assert split_flattened(line) == [
        "为职工送去“精神食粮”——", "职工书屋进车间", "——某厂推出图书流动借阅服务",
        "本报记者 张三", "3月6日，某厂金工车间的职工书屋里，车工把一本书放回“漂流箱”。",
    ]


def test_single_spaces_split_at_sentence_ends_and_bylines() -> None:
    line = ("某公司举办首届职工厨艺大赛 本报讯（通讯员 李四）4月18日，某公司首届职工厨艺大赛"
            "在职工食堂举行。 大赛分为冷菜、热菜和面点3个项目。")
    assert split_flattened(line) == [
        "某公司举办首届职工厨艺大赛",
        "本报讯（通讯员 李四）4月18日，某公司首届职工厨艺大赛在职工食堂举行。",
        "大赛分为冷菜、热菜和面点3个项目。",
    ]


def test_title_over_dated_lead_and_credit_split() -> None:
    line = ("春耕备耕正当时 3月18日，某镇的农技员在田间为种粮大户讲解早稻育秧技术。"
            " 图为农技员演示无人机播种。 本报通讯员 王五 摄")
    assert split_flattened(line) == [
        "春耕备耕正当时", "3月18日，某镇的农技员在田间为种粮大户讲解早稻育秧技术。",
        "图为农技员演示无人机播种。", "本报通讯员 王五 摄",
    ]


def test_run_in_credit_with_spaces_stays_whole() -> None:
    parts = split_flattened("某公司工会开设“午间课堂” 本报讯 张三报道 每天中午12点半，某公司的"
                            "职工活动室里总会准时响起讲课声，内容涵盖安全生产和心理健康。")
    assert parts[1].startswith("本报讯 张三报道 每天中午")


def test_short_and_ordinary_lines_stay() -> None:
    assert split_flattened("技能有等级 成长有通道") == ["技能有等级 成长有通道"]
    line = "某地推出“浙里办 APP”服务，职工可以在手机上办理入会、申请帮扶和预约法律咨询等多项业务。"
    assert split_flattened(line) == [line]
