"""Layouts of real e-paper and portal copies: one test per convention."""

from __future__ import annotations

import datetime

import pytest

from importers.parsing import parse_text
from importers.parsing.bylines import parse_runin
from importers.parsing.chrome import chrome_rule, page_directory
from importers.parsing.edition import is_edition_line, read_edition
from importers.parsing.flavour import MARKED_UP, detect_flavour
from importers.parsing.prepare import prepare

DIRECTORY = ["01版:要闻", "02版:要闻", "03版:综合", "04版:工会", "05版:评论"]


def test_page_directory_is_a_run_of_page_entries() -> None:
    lines = ["某某日报电子报", *DIRECTORY, "04版:工会", "标题"]
    assert page_directory(lines) == set(range(1, 6))  # the repeated entry is the page's own


def test_two_page_entries_are_no_directory() -> None:
    assert page_directory(["01版:要闻", "02版:要闻", "正文。"]) == set()


def test_own_page_entry_is_the_edition() -> None:
    got = prepare("\n".join(["苇川日报2025.03.18星期二", *DIRECTORY, "04版:工会", "标题",
                             "正文第一段。"]))
    assert (got.edition.page, got.edition.page_name) == (4, "工会")
    assert "01版:要闻" in got.chrome and "标题" in got.lines


def test_day_first_time_stamp_is_a_date_alone() -> None:
    assert is_edition_line("19.07.2015 10:32")
    assert read_edition("19.07.2015 10:32").date == datetime.date(2015, 7, 19)


@pytest.mark.parametrize("line", ["本文来源: x.cn", "文章来源：某网", "编辑:某某本文来源: x"])
def test_source_and_editor_fields_are_chrome(line: str) -> None:
    assert chrome_rule(line)


def test_citizen_reporter_is_a_role() -> None:
    prefix, authors, _ = parse_runin("苇川网讯(市民记者 郁晓岚) 7月18日上午，……")
    assert [(a.name, a.role) for a in authors] == [("郁晓岚", "correspondent")]


def test_issue_masthead_contents_and_bare_name_byline() -> None:
    page = ("职工文化电子报第37期\n2006年06月12日\n目录\n"
            "1,车间里的读书角\n2,读一本好书，交一群朋友\n"
            "车间里的读书角\n尹若川\n在细纱车间的休息室里，有一个职工自发办起来的读书角。\n"
            "厂工会又添置了三百多册新书。\n返回目录\n")
    got = parse_text(page)
    assert got.edition.date == datetime.date(2006, 6, 12)
    [a] = got.articles
    assert (a.headline, [x.name for x in a.authors]) == ("车间里的读书角", ["尹若川"])
    assert a.body[0].text.startswith("在细纱车间")


def test_bare_name_needs_a_title_above_and_text_below() -> None:
    page = "车间里的读书角\n职工书屋\n在细纱车间的休息室里，有一个职工自发办起来的读书角。\n"
    assert not parse_text(page).articles[0].authors


def test_dash_signature_under_the_text() -> None:
    page = "职工说安全\n一线安全，关键在人。制度写得再好，落不到班组就是一纸空文。\n—庞立秋\n"
    [a] = parse_text(page).articles
    assert ([x.name for x in a.authors], a.kind) == (["庞立秋"], "commentary")
    assert [b.text for b in a.body] == [page.split("\n")[1]]


def test_a_feature_with_a_subheadline_keeps_its_section_headings() -> None:
    page = ("夜班车间里的技能擂台\n——苇川市总工会岗位练兵活动见闻\n"
            "3月中旬的一个夜晚，苇川重型机械厂装配车间灯火通明。\n以赛代训见实效\n"
            "活动开展以来，全市已举办各类岗位比武380多场。\n")
    [a] = parse_text(page).articles
    assert [b.text for b in a.body if b.type == "heading"] == ["以赛代训见实效"]


def test_one_story_on_few_lines_is_one_paragraph_per_line() -> None:
    body = ("近日，苇川市总工会在地铁6号线施工工地举办“送文化进工地”纳凉晚会，歌舞、快板、"
            "小品轮番上演，为奋战在高温下的建设者送去欢乐。记者晏秋实")
    lines = ["工地上的纳凉晚会", body, "通讯员戈一鸣 摄影报道"]
    assert detect_flavour(lines) == MARKED_UP


def test_credit_split_between_caption_end_and_next_line() -> None:
    page = ("苇川工人日报 数字报纸\n00002版:工会\n工地上的纳凉晚会\n"
            "  近日，苇川市总工会在地铁6号线施工工地举办“送文化进工地”纳凉晚会，歌舞、快板、"
            "小品轮番上演，为建设者送去欢乐。记者晏秋实、蒲晓岚\n  通讯员戈一鸣 摄影报道\n")
    got = parse_text(page)
    ed = got.edition
    assert (ed.paper, ed.page, ed.page_name) == ("苇川工人日报", 2, "工会")
    [a] = got.articles
    assert a.kind == "photo" and a.body[0].caption.endswith("送去欢乐。")
    assert a.body[0].photographers == ["晏秋实", "蒲晓岚", "戈一鸣"]
