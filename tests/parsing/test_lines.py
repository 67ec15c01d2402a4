"""Stage 4: rebuilding paragraphs from hard-wrapped lines."""

from __future__ import annotations

from importers.parsing.lines import ends_clause, join_wrapped, open_ended
from importers.parsing.segment import pdf_units


def _paras(text: str) -> list[str]:
    return [u.text for u in pdf_units(text.split("\n")) if u.kind == "para"]


def test_cjk_lines_join_without_space() -> None:
    assert join_wrapped("乡风文明建", "设的作用。") == "乡风文明建设的作用。"


def test_latin_words_join_with_one_space() -> None:
    assert join_wrapped("the union", "members") == "the union members"


def test_sentence_end_with_closing_quote() -> None:
    assert ends_clause("我很开心。”")
    assert not ends_clause("“漂流”起来了")


def test_open_ended_lines() -> None:
    assert open_ended("货车司机、")
    assert not open_ended("引导职工助力乡村振兴——")


COLUMN = """近日，浙江省衢州市总工会在浙里
办 APP 上线“群智空间”应用，让职工书
屋“漂流”起来，有利于破解书籍闲置、图
书资源供需不匹配等问题，满足更多职
工的阅读需求。
多年来，衢州市各级工会在机关企
事业单位共建设职工书屋 513 家，其中
省级以上示范职工书屋 310 家。"""


def test_short_line_ending_a_sentence_ends_the_paragraph() -> None:
    paras = _paras(COLUMN)
    assert len(paras) == 2
    assert paras[0].endswith("满足更多职工的阅读需求。")


def test_paragraph_is_rebuilt_from_wrapped_lines() -> None:
    assert _paras(COLUMN)[0].startswith("近日，浙江省衢州市总工会在浙里办 APP 上线“群智空间”应用")


def test_blank_line_after_every_line_says_nothing() -> None:
    spaced = "\n\n".join(COLUMN.split("\n"))
    assert _paras(spaced) == _paras(COLUMN)


def test_justified_letter_spaced_body_line_is_rebuilt() -> None:
    text = ("子的“匠心梦”。\n近 年 来 ，贵 州 工 会 聚 焦 主 责 主\n"
            "业，创新打造职工思想引领工作品\n牌，擦亮为职工办实事工作品牌，切\n"
            "实把党和政府的关怀送到职工心坎上。")
    assert _paras(text)[1].startswith("近年来，贵州工会聚焦主责主业，创新")


def test_very_narrow_lines_around_a_picture_are_joined() -> None:
    text = ("纵向到底，健全农民工、“八大员”\n等群体入会的组织网络。要加快\n\n"
            "货车司机、\n快递员等灵\n"
            "活就业群体\n和平台就业\n群体建会入\n\n会工作，推进“互联网+”工会普\n惠性服务。")
    assert "要加快货车司机、快递员等灵活就业群体和平台就业群体建会入会工作" in _paras(text)[0]


def test_stand_alone_short_line_between_paragraphs_is_kept_apart() -> None:
    text = ("会温度。\n打造职工思想引领工作品牌\n今年 6 月，贵州省“劳模工匠宣讲\n"
            "党的创新理论”活动在贵阳市启动。\n据悉，在贵州各地宣讲现场，龙福刚等\n"
            "一批批劳模工匠结合自身工作、学习\n实际，用生动的语言、真挚的情感，通\n"
            "过一个个鲜活的事例，以小切口呈现\n大主题。")
    units = pdf_units(text.split("\n"))
    assert [u.kind for u in units] == ["para", "block", "para"]
    assert units[1].lines == ["打造职工思想引领工作品牌"]


def test_run_in_byline_wrapped_inside_its_bracket_is_rejoined() -> None:
    text = ("本报讯（记者马学礼 通讯\n员陈伟红 李煜程）日前，由宁夏回族自\n"
            "治区总工会等部门联合开展活动。")
    units = pdf_units(text.split("\n"))
    assert units[0].prefix == "本报讯（记者马学礼 通讯员陈伟红 李煜程）"
    assert units[0].text.startswith("日前，由宁夏")
