"""Photo captions and credits."""

from __future__ import annotations

from importers.parsing.captions import split_credit


def test_credit_with_two_roles() -> None:
    assert split_credit("本报记者 陈华 本报通讯员 张锋 摄") == (
        "", "本报记者 陈华 本报通讯员 张锋 摄", ["陈华", "张锋"])


def test_agency_credit_after_caption() -> None:
    cap, credit, names = split_credit("保障群众用药需求。 新华社记者 马希平 摄")
    assert (cap, credit, names) == ("保障群众用药需求。", "新华社记者 马希平 摄", ["马希平"])


def test_box_credit_loses_the_box() -> None:
    assert split_credit("□周志新 摄") == ("", "周志新 摄", ["周志新"])


def test_box_credit_with_two_photographers() -> None:
    assert split_credit("学习用品100套。 □邢浩 左东宁 摄")[2] == ["邢浩", "左东宁"]


def test_text_ending_in_she_is_not_a_credit() -> None:
    assert split_credit("他们正在拍摄") is None


def test_credit_in_brackets() -> None:
    assert split_credit("选手参与比拼。（本报通讯员 江文辉 摄）") == (
        "选手参与比拼。", "本报通讯员 江文辉 摄", ["江文辉"])


def test_justified_name_in_a_bracketed_credit() -> None:
    got = split_credit("观看了升旗。（本报记者　聂　平　摄）")
    assert got is not None and got[0] == "观看了升旗。" and got[2] == ["聂平"]


def test_spaced_words_in_a_caption_are_left_alone() -> None:
    assert split_credit("大家一起在 拍 摄") is None


def test_bracketed_glued_credit_with_a_surname_off_the_list() -> None:
    assert split_credit("职工在比赛。（昙华摄）") == ("职工在比赛。", "昙华摄", ["昙华"])


def test_how_a_picture_was_taken_is_no_credit() -> None:
    assert split_credit("职工在比赛。（航拍摄）") is None
