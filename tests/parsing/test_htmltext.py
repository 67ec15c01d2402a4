"""HTML fragments are read with an HTML parser into marked lines."""

from __future__ import annotations

from importers.parsing.htmltext import html_to_lines, looks_like_html

PAGE = """<div class="nav"><a href="/">首页</a><a href="/a">要闻</a><a href="/b">图片</a></div>
<script>var x = "不是正文";</script>
<h3>某市工会把服务送上货轮——</h3>
<h1>“船上职工之家”漂出三千海里</h1>
<h2>——已有27艘货轮建起流动书屋</h2>
<p class="byline">本报记者 张三</p>
<p>&nbsp;&nbsp;4月8日，货轮停靠港口补给。<a href="#">船员们</a>刚下舷梯。</p>
<p><strong>把“娘家”搬上甲板</strong></p>
<p>远洋船员一出海就是几个月。<br>靠港时再由工会统一更换图书。</p>"""


def test_html_is_recognised() -> None:
    assert looks_like_html(PAGE)
    assert not looks_like_html("本报记者 张三\n4月8日，货轮停靠港口补给。")


def test_blocks_become_lines_with_heading_marks() -> None:
    assert html_to_lines(PAGE) == [
        "首页 | 要闻 | 图片",
        "## 某市工会把服务送上货轮——",
        "# “船上职工之家”漂出三千海里",
        "## ——已有27艘货轮建起流动书屋",
        "本报记者 张三",
        "4月8日，货轮停靠港口补给。船员们刚下舷梯。",
        "### 把“娘家”搬上甲板",
        "远洋船员一出海就是几个月。",
        "靠港时再由工会统一更换图书。",
    ]


def test_highest_heading_rank_present_is_the_headline() -> None:
    page = "<div><h2>春耕时节 农机手们忙起来</h2><h3>——各地抢抓农时</h3><p>正文。</p></div>"
    assert html_to_lines(page) == ["# 春耕时节 农机手们忙起来", "## ——各地抢抓农时", "正文。"]


def test_paragraph_indents_inside_one_block_are_kept_for_flattened_text() -> None:
    page = "<p>&nbsp;&nbsp;第一段写完了。&nbsp;&nbsp;第二段也写完了。</p>"
    assert html_to_lines(page) == ["第一段写完了。  第二段也写完了。"]


def test_source_layout_whitespace_is_one_space() -> None:
    page = "<p>\n        第一行文字\n        接着写</p>"
    assert html_to_lines(page) == ["第一行文字 接着写"]
