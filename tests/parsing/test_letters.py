"""Reader letters: each convention that makes a piece a letter, and the pieces it must not."""

from __future__ import annotations

import pytest

from importers.parsing import parse_text
from importers.parsing.bylines import parse_answer, parse_credit_line
from importers.parsing.letters import (
    is_letter,
    is_letters_column,
    opens_with_salutation,
    reader_signed,
)
from importers.parsing.model import KINDS, Author


@pytest.mark.parametrize("label", ["读者来信", "来信选登", "读者信箱", "群众来信", "来信照登"])
def test_letters_columns(label: str) -> None:
    assert is_letters_column(label)


@pytest.mark.parametrize("label", ["工会动态", "编者按", "读者论坛", "来信人"])
def test_other_columns_are_not_letters_columns(label: str) -> None:
    assert not is_letters_column(label)


def test_banner_among_several_labels() -> None:
    assert is_letters_column("职工之声 来信选登")


@pytest.mark.parametrize("text", ["编辑同志：我是快递员。", "尊敬的编辑：您好！", "编辑部：最近…"])
def test_salutations(text: str) -> None:
    assert opens_with_salutation(text)


def test_a_report_mentioning_the_editors_is_no_salutation() -> None:
    assert not opens_with_salutation("编辑部近日收到多封来信，反映……")


@pytest.mark.parametrize(("byline", "name"), [
    ("读者 甘秋禾", "甘秋禾"), ("——苇川市退休职工 邬德华", "邬德华"),
    ("苇川物流公司快递员 卢秀芝", "卢秀芝"), ("苇北区 读者 詹　宁", "詹宁"),
])
def test_reader_signatures(byline: str, name: str) -> None:
    assert reader_signed(byline, [Author(name, "author")])


@pytest.mark.parametrize(("byline", "authors"), [
    ("苇川市委党校 甘秋禾", [Author("甘秋禾", "author")]),  # a place, not a reader
    ("甘秋禾", [Author("甘秋禾", "author")]),  # a bare name signs a column
    ("本报记者 甘秋禾", [Author("甘秋禾", "reporter")]),
])
def test_signatures_that_do_not_make_a_letter(byline: str, authors) -> None:
    assert not reader_signed(byline, authors)
    assert not is_letter("", "正文。", byline, authors)


def test_letter_is_a_kind() -> None:
    assert "letter" in KINDS


def test_credit_line_of_an_organisation_or_a_person() -> None:
    assert parse_credit_line("（苇川市总工会法律部）") == ("苇川市总工会法律部", [])
    assert parse_credit_line("(甘秋禾)") == ("甘秋禾", [Author("甘秋禾", "author")])
    assert parse_credit_line("（待续）") is None


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(a.kind, a.headline) for a in parse_text(text).articles]


def test_letters_page_kinds() -> None:
    page = (
        "读者来信\n夜班路上的路灯\n编辑同志：\n"
        "我是苇川机械厂的一名夜班工人。厂区东门外有几盏路灯坏了很久，希望早日修好。\n"
        "苇川机械厂三车间　鲁　桥\n"
    )
    assert _kinds(page) == [("letter", "夜班路上的路灯")]


def test_an_answer_signed_by_an_organisation_stays_an_article() -> None:
    page = (
        "■来信选登■\n加班怎么算\n编辑同志：我是一名收银员，国庆当天上班只给调休，合理吗？\n"
        "苇北区　读者　詹　宁\n律师答疑\n"
        "法定节假日安排劳动者工作的，应当支付加班工资，不能以调休代替。\n"
        "（苇川市总工会法律部）\n"
    )
    kinds = _kinds(page)
    assert kinds[0] == ("letter", "加班怎么算")
    assert kinds[-1] == ("article", "律师答疑")


def test_a_signed_commentary_is_not_a_letter() -> None:
    page = "小工位也有大作为\n一年一度的评选又将揭晓。只要肯下功夫，小工位能干出名堂。\n□江北辰\n"
    assert _kinds(page)[0][0] == "commentary"


def test_the_papers_answer_opens_with_the_answering_body() -> None:
    assert parse_answer("本报读者服务部答：据了解，调整工作已经启动。") == (
        "本报读者服务部答：", [], "据了解，调整工作已经启动。")
    assert parse_answer("记者答：此事已转有关部门。")[0] == "记者答："
    assert parse_answer("他回答：好的。") is None
