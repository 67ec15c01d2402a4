"""Preparation: chrome, edition, page titles and repeated bodies set aside."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.prepare import author_from_meta, is_masthead, prepare

PARA = "“班组就是一个家，大家心齐了，活儿才能干好。”班长说，今年还要再带出三名高级工。"


def test_author_from_meta_lines() -> None:
    assert author_from_meta("作者：本报记者 张三 通讯员 李四") == "本报记者 张三 通讯员 李四"
    assert author_from_meta("版面:07: 人物    作者: 谭静怡    来源: 某某报") == "文/谭静怡"
    assert author_from_meta("本报记者 张三") is None


def test_masthead() -> None:
    assert is_masthead("某某职工报")
    assert not is_masthead("某区评选金牌工人")


def test_page_title_repeated_above_headline_is_chrome() -> None:
    p = prepare("电焊班长的“三本账”_某某工人报数字报\n首页 | 要闻 | 工会\n电焊班长的“三本账”\n"
                + PARA)
    assert p.lines == ["电焊班长的“三本账”", PARA]
    assert p.chrome == ["首页 | 要闻 | 工会", "电焊班长的“三本账”_某某工人报数字报"]


def test_body_printed_twice_is_kept_once_with_a_warning() -> None:
    page = f"某区评选“金牌工人”\n本报记者 张三\n{PARA}\n分享到：微信 微博\n{PARA}\n"
    arts = parse_text(page).articles
    assert len(arts) == 1
    assert [b.text for b in arts[0].body] == [PARA]
    assert any("重复" in w for w in arts[0].warnings)


def test_all_chrome_file_is_parsed_as_it_is() -> None:
    p = prepare("首页 | 要闻 | 工会\n上一版 下一版")
    assert p.chrome == [] and p.lines == ["首页 | 要闻 | 工会", "上一版 下一版"]


def test_masthead_with_site_suffix_and_glued_to_the_title() -> None:
    assert prepare("某某劳动报 · 数字报\n标题在这里\n").edition.paper == "某某劳动报"
    p = prepare("某某日报电子版某县万亩杨梅开摘\n本报记者 张三\n")
    assert p.lines[0] == "某县万亩杨梅开摘" and p.edition.paper == "某某日报"


def test_edition_split_over_lines_and_numbered_story_list() -> None:
    p = prepare("出版日期：2006年08月17日\n综合新闻\n02\n本版导读\n1．高温津贴标准上调\n"
                "2．“冰爽驿站”开到工地旁\n“冰爽驿站”开到工地旁\n")
    assert (p.edition.page, p.edition.page_name) == (2, "综合新闻")
    assert p.lines == ["“冰爽驿站”开到工地旁", ""]


def test_footer_below_the_copyright_line_and_paper_from_the_page_title() -> None:
    footer = "Copyright © 某某日报社 All rights reserved\n扫码关注\n某某网微信\n某某日报\n客户端"
    p = prepare(f"“深山邮路”上的二十三年 - 某某职工报\n“深山邮路”上的二十三年\n{PARA}\n{footer}")
    assert p.lines == ["“深山邮路”上的二十三年", PARA]
    assert p.edition.paper == "某某职工报"


def test_story_list_under_its_heading() -> None:
    p = prepare("本版新闻\n■ 全省职工技能大赛总决赛开幕\n■ 秋粮收购平稳有序\n某区评选“金牌工人”\n")
    assert p.lines == ["某区评选“金牌工人”", ""]


def test_whole_article_printed_twice_keeps_one_title() -> None:
    title = "某市总工会启动夏季“送清凉”"
    p = prepare(f"{title}\n{PARA}\n【打印本页】\n{title}\n{PARA}\n")
    assert [ln for ln in p.lines if ln.strip()] == [title, PARA]
    assert p.repeated == [PARA]
