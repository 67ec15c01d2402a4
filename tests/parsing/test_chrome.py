"""Site chrome rules: each accepts its furniture and leaves article text alone."""

from __future__ import annotations

import pytest

from importers.parsing import chrome
from importers.parsing.chrome import chrome_rule, page_title_of


@pytest.mark.parametrize(("rule", "line"), [
    (chrome.nav_bar, "首页 | 要闻 | 工会 | 职工 | 评论"),
    (chrome.nav_bar, "首页 > 数字报 > 某某劳动报 > 2022年05月01日 > 第07版"),
    (chrome.page_controls, "上一版 下一版 返回目录"),
    (chrome.page_controls, "放大 缩小 默认"),
    (chrome.page_controls, "【字体：大 中 小】【打印本页】【关闭窗口】"),
    (chrome.share_row, "分享到：微信 微博 QQ空间 复制链接"),
    (chrome.copyright_line, "版权所有©某某工人报社 未经书面授权禁止转载"),
    (chrome.copyright_line, "某ICP备10023456号-1"),
    (chrome.reader_count, "本文已被阅读 1,286 次"),
    (chrome.reader_count, "阅读：2,341"),
    (chrome.editor_credit, "（责任编辑：某某某）"),
    (chrome.editor_credit, "责任编辑：甲乙 美术编辑：丙丁 校对：戊己"),
    (chrome.source_line, "来源：某某职工报"),
    (chrome.source_line, "字数：1862"),
    (chrome.lone_symbol, "×"),
    (chrome.headline_list_item, "· 技能津贴“按月到账”"),
    (chrome.site_notice, "语音播报: 语音播报"),
    (chrome.site_notice, "关注公众号，随时阅读某某工人报"),
    (chrome.site_notice, "当前位置：首页 > 要闻"),
    (chrome.empty_field, "专栏:"),
    (chrome.nav_bar, "某某工人报官方网站 | 某工网首页 今天是"),
    (chrome.source_line, "(来源:新华社)"),
    (chrome.neighbour_link, "上一篇：某市举办职工运动会"),
    (chrome.neighbour_link, "相关阅读：某区开展技能培训"),
])
def test_rule_accepts_its_furniture(rule, line: str) -> None:
    assert rule(line)
    assert chrome_rule(line)


@pytest.mark.parametrize("line", [
    "文/张三 图/李四",
    "大",  # one character: a wrapped or vertical text line
    "·汗水》。4月19日，“大美劳",  # a wrapped line opening with a middle dot
    "“以前跑单累了只能蹲在路边，现在有了这个地方。”",
    "编辑同志：我是一名快递员，负责5个小区的派送。",
    "驿站从“有”到“优”",
    "本报记者 张三 通讯员 李四",
    "时间：5月1日上午9点",
])
def test_article_text_is_not_chrome(line: str) -> None:
    assert chrome_rule(line) is None


def test_page_title_loses_the_site_name() -> None:
    assert page_title_of("电焊班长的“三本账”_某某工人报数字报") == "电焊班长的“三本账”"
    assert page_title_of("某区评选“金牌工人” - 某某日报") == "某区评选“金牌工人”"
    assert page_title_of("驿站从“有”到“优”") == "驿站从“有”到“优”"
