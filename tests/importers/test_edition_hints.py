"""Which edition a file is filed under: command line > file name > text, field by field."""

import datetime

import pytest
from django.utils import translation

from importers.edition_hints import (
    EditionSource,
    command_line_source,
    file_name_source,
    resolve_edition,
    text_source,
)
from importers.parsing import EditionHint

D = datetime.date
APRIL_21, APRIL_22 = D(2023, 4, 21), D(2023, 4, 22)


@pytest.fixture(autouse=True)
def in_chinese():
    """The warnings are read in Chinese, whatever an earlier test left active."""
    with translation.override("zh-hans"):
        yield


def test_nothing_stated_gives_no_edition():
    edition = resolve_edition(command_line_source(None, None), file_name_source(None, None))
    assert (edition.date, edition.page, edition.page_name, edition.warnings) == (
        None, None, "", ()
    )
    assert not edition.is_complete


def test_the_text_alone_is_enough():
    text = text_source(EditionHint(date=APRIL_21, page=2, page_name="工会新闻", paper="工人日报"))
    edition = resolve_edition(command_line_source(None, None), file_name_source(None, None), text)
    assert (edition.date, edition.page, edition.page_name) == (APRIL_21, 2, "工会新闻")
    assert edition.is_complete and edition.warnings == ()


def test_command_line_beats_file_name_beats_text_and_each_loser_is_a_warning():
    edition = resolve_edition(
        command_line_source(APRIL_21, None),
        file_name_source(APRIL_22, 3),
        text_source(EditionHint(date=D(2023, 4, 23), page=4, page_name="要闻")),
    )
    assert (edition.date, edition.page) == (APRIL_21, 3)
    # 要闻 names page 4, not the page chosen: it is not this page's name.
    assert edition.page_name == ""
    assert len(edition.warnings) == 3
    date_warnings = [w for w in edition.warnings if "出版日期" in w]
    assert any("文件名" in w and "2023-04-22" in w and "命令行" in w for w in date_warnings)
    assert any("正文" in w and "2023-04-23" in w for w in date_warnings)
    assert any("正文" in w and "第4版" in w and "第3版" in w for w in edition.warnings)


def test_fields_are_taken_from_whichever_place_states_them():
    edition = resolve_edition(
        command_line_source(None, 5),
        file_name_source(APRIL_21, None),
        text_source(EditionHint(page_name="副刊")),
    )
    assert (edition.date, edition.page, edition.page_name) == (APRIL_21, 5, "副刊")
    assert edition.warnings == ()


def test_agreeing_places_are_no_warning():
    edition = resolve_edition(
        command_line_source(APRIL_21, 2),
        file_name_source(APRIL_21, 2),
        text_source(EditionHint(date=APRIL_21, page=2, page_name="工会新闻")),
    )
    assert edition.page_name == "工会新闻" and edition.warnings == ()


def test_the_operators_page_name_wins_and_a_different_one_in_the_text_is_reported():
    edition = resolve_edition(
        command_line_source(APRIL_21, 2, "工会新闻"),
        text_source(EditionHint(date=APRIL_21, page=2, page_name="工会")),
    )
    assert edition.page_name == "工会新闻"
    assert edition.warnings == ("正文写的版名是“工会”，与采用的“工会新闻”不同",)


def test_blank_names_and_missing_text_hint_say_nothing():
    edition = resolve_edition(
        EditionSource("命令行", page_name="  "), text_source(None), file_name_source(APRIL_21, 1)
    )
    assert (edition.date, edition.page, edition.page_name, edition.warnings) == (
        APRIL_21, 1, "", ()
    )
