"""Stage 3: flavour detection, per file."""

from __future__ import annotations

from importers.parsing.flavour import MARKED_UP, PDF_COLUMNS, detect_flavour


def test_markup_means_marked_up() -> None:
    assert detect_flavour(["# 标题", "", "正文。"]) == MARKED_UP


def test_banner_markup_means_marked_up() -> None:
    assert detect_flavour(["**团结奋斗开新局**", "短行"]) == MARKED_UP


def test_long_paragraph_lines_without_markup_mean_marked_up() -> None:
    para = "这是一整段没有硬换行的文字，" * 6
    assert detect_flavour([para, "", para, "", para]) == MARKED_UP


def test_short_hard_wrapped_lines_mean_pdf_columns() -> None:
    lines = ["本报讯（记者赖书闻）海南省总", "工会日前修改完善《困难职工",
             "家庭认定及档案管理办法》。"]
    assert detect_flavour(lines * 5) == PDF_COLUMNS


def test_pdf_lines_with_a_blank_line_after_each_are_still_pdf() -> None:
    lines = []
    for line in ["工会日前修改完善《困难职工", "家庭认定及档案管理办法》。"] * 5:
        lines += [line, ""]
    assert detect_flavour(lines) == PDF_COLUMNS
