"""Edition lines: e-paper and running-head lines become an EditionHint."""

from __future__ import annotations

import datetime

import pytest

from importers.parsing.edition import is_edition_line, merge_hints, read_edition
from importers.parsing.model import EditionHint


@pytest.mark.parametrize(("line", "date", "page", "page_name", "paper"), [
    ("《某某日报》（2012年05月03日 002版）", datetime.date(2012, 5, 3), 2, "", "某某日报"),
    ("第8686期：第01版 首版", None, 1, "首版", ""),
    ("版面:07: 人物    作者: 某某    来源: 某某报", None, 7, "人物", ""),
    ("某某职工报 2024年04月12日 第A03版：区县新闻", datetime.date(2024, 4, 12), 3, "区县新闻",
     "某某职工报"),
    ("某某工人报　2023年9月21日　星期四　综合新闻　3", datetime.date(2023, 9, 21), 3, "综合新闻",
     "某某工人报"),
    ("2023年11月16日　星期四", datetime.date(2023, 11, 16), None, "", ""),
    ("2003年4月20日人民日报 第5版", datetime.date(2003, 4, 20), 5, "", "人民日报"),
    ("第5版(摄影)", None, 5, "摄影", ""),
    ("2023年08月25日", datetime.date(2023, 8, 25), None, "", ""),
])
def test_edition_line_is_read(line, date, page, page_name, paper) -> None:
    assert is_edition_line(line)
    assert read_edition(line) == EditionHint(date, page, page_name, paper)


@pytest.mark.parametrize("line", [
    "4月27日，某区总工会在第2版刊登的活动启动。",
    "2021年起，某市总工会把站点建设列入年度重点工作",
    "某区评选“金牌工人”",
])
def test_text_is_no_edition_line(line: str) -> None:
    assert not is_edition_line(line)


def test_first_line_stating_a_field_wins() -> None:
    merged = merge_hints([EditionHint(page=2, page_name="要闻"),
                          EditionHint(date=datetime.date(2023, 11, 16), page=5)])
    assert merged == EditionHint(datetime.date(2023, 11, 16), 2, "要闻", "")
    assert merge_hints([]) is None
