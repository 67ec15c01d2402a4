"""Printed opinion pages: boxed bylines under a title, genre labels, opinion pages."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.columns import pdf_units

OPINION_PAGE = (
    "苇川工人报　2005年4月28日　星期四　评论　4\n"
    "让奖章更多\n挂在工装上\n■ 江北辰\n"
    "一年一度的劳动奖章评选又将揭晓。翻看近\n年来的获奖名单，来自生产一线的职工比例\n"
    "逐年提高，这是一个可喜的变化。\n"
    "奖章是荣誉，更是导向。把奖章更多地颁给\n车间里、工地上的普通劳动者，才能让劳动\n"
    "光荣的理念深入人心。\n"
    "短评\n小工位也能出大成绩\n"
    "苇川钢厂的一名普通维修工，凭着十年如一\n日的钻研，解决了困扰车间多年的设备难题\n"
    "。只要肯下功夫，小工位一样能干出名堂。\n"
)


def test_title_lines_above_a_boxed_name_form_a_title_block() -> None:
    units = pdf_units(["让奖章更多", "挂在工装上", "■ 江北辰",
                       "一年一度的劳动奖章评选又将揭晓。翻看近", "年来的获奖名单。"])
    assert [u.kind for u in units[:3]] == ["block", "byline", "para"]
    assert units[0].lines == ["让奖章更多", "挂在工装上"]


def test_opinion_page_genre_label_and_boxed_byline() -> None:
    arts = parse_text(OPINION_PAGE).articles
    got = [(a.kind, a.column, a.headline.replace(" ", ""), [x.name for x in a.authors])
           for a in arts]
    assert got == [
        ("commentary", "", "让奖章更多挂在工装上", ["江北辰"]),
        ("commentary", "短评", "小工位也能出大成绩", []),
    ]


def test_a_reported_story_on_an_opinion_page_stays_an_article() -> None:
    page = OPINION_PAGE.replace("■ 江北辰", "■ 本报记者 江北辰")
    assert parse_text(page).articles[0].kind == "article"
