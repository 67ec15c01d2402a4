"""Warning kinds and the source lines a warning points at (pure functions)."""

import pytest

from importers.warning_kinds import (
    BYLINE,
    EDITION,
    HEADLINE,
    LENGTH,
    ORDER,
    OTHER,
    PHOTO,
    STRAY,
    kind_of,
    lines_for_warning,
    quoted_snippets,
)


@pytest.mark.parametrize(
    ("warning", "kind"),
    [
        # The parser's own wordings (importers/parsing), one per kind.
        ("未找到标题，已用首句作为临时标题", HEADLINE),
        ("标题位于正文之前，已按版式推断归属，请核对", HEADLINE),
        ("未找到明确的主标题，已用正文首句代替", HEADLINE),
        ("标题“保障群众用药需求”与图片说明分开排版，已按位置归入此图片，请核对", HEADLINE),
        ("图片说明未找到摄影署名", PHOTO),
        ("正文文字块顺序错乱，已把以半句开头的文字块接到半句结尾的段落之后，请核对", ORDER),
        ("段落“、班组、家庭、井口、现场”在句中中断，可能有文字块错位或缺失，请核对", ORDER),
        ("末段“据悉”与本篇内容关联很少，可能是相邻稿件串入的文字，请核对", STRAY),
        ("无法确定归属的文字，请编辑核对", STRAY),
        ("署名“本报记者 张世光”在同一稿件中重复出现，可能有文字块错位，请核对", BYLINE),
        ("署名位于标题之后、下一篇正文之前，已归入本篇，请核对", BYLINE),
        ("转版标记“上接第2版”与本版版次（第1版）不符，请核对", EDITION),
        ("导语日期“4月25日”晚于出版日期2023-04-21，请核对日期或版次", EDITION),
        ("kicker 超过 255 字，已截断；全文见原始文本", LENGTH),
        ("未知稿件类型 poem", OTHER),
    ],
)
def test_kind_of(warning, kind):
    assert kind_of(warning) == kind


def test_quoted_snippets_drop_the_ellipsis():
    assert quoted_snippets("末段“据悉，本届影展…”与本篇") == ["据悉，本届影展"]
    assert quoted_snippets("没有引文的提示") == []


SOURCE = [
    "矿工兄弟的知心“平姐”",
    "本报记者 张三",
    "她走遍了车间",
    "、班组、家庭、井口、现",
    "场，倾听职工心声。",
    "据悉，本届影展在北京展出",
]


def test_lines_for_warning_finds_the_quoted_line():
    warning = "末段“据悉，本届影展在北京展出”与本篇内容关联很少，可能是相邻稿件串入的文字，请核对"
    assert lines_for_warning(warning, SOURCE) == [5]


def test_lines_for_warning_follows_a_passage_across_a_line_break():
    warning = "段落“、班组、家庭、井口、现场”在句中中断，可能有文字块错位或缺失，请核对"
    assert lines_for_warning(warning, SOURCE) == [3, 4]


def test_a_warning_without_a_quote_or_match_points_nowhere():
    assert lines_for_warning("未找到标题，已用首句作为临时标题", SOURCE) == []
    assert lines_for_warning("署名“李四”在同一稿件中重复出现", SOURCE) == []
