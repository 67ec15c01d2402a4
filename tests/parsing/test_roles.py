"""Roles of title lines and helpers for headless items."""

from __future__ import annotations

from importers.parsing.roles import (
    assign_titles,
    is_column_word,
    is_org_label,
    provisional_headline,
)


def test_kicker_ending_in_dashes() -> None:
    k, h, s, labels = assign_titles(["贵州工会重视职工思想引领——", "做优“工”字品牌 助力高质量发展"])
    assert (k, h, s, labels) == ("贵州工会重视职工思想引领", "做优“工”字品牌 助力高质量发展",
                                 "", [])


def test_two_lines_are_kicker_and_headline() -> None:
    assert assign_titles(["唐山市总开展婴幼儿托育服务", "你去安心上班 工会帮着带娃"])[:2] == (
        "唐山市总开展婴幼儿托育服务", "你去安心上班 工会帮着带娃")


def test_letter_spaced_first_line_joins_the_headline() -> None:
    assert assign_titles(["职 工 书 屋", "“漂流”起来了"])[1] == "职工书屋“漂流”起来了"


def test_three_lines_are_kicker_headline_subheadline() -> None:
    assert assign_titles(["引题一行文字内容", "主标题一行文字内容", "副标题一行文字内容"])[:3] == (
        "引题一行文字内容", "主标题一行文字内容", "副标题一行文字内容")


def test_organisation_label_is_not_the_headline() -> None:
    assert assign_titles(["多措并举助力脱贫攻坚", "镇巴县永乐镇工会"]) == (
        "", "多措并举助力脱贫攻坚", "", ["镇巴县永乐镇工会"])


def test_org_label_patterns() -> None:
    assert is_org_label("合阳县总工会")
    assert is_org_label("西安市机械冶金建材工会")
    assert not is_org_label("快递小哥有了工会")


def test_column_words() -> None:
    assert is_column_word("新闻特写")
    assert not is_column_word("青海省总推动户外劳动者服务站点建设")


def test_provisional_headline_uses_the_first_clause_of_a_long_sentence() -> None:
    text = "渭南市富平县总工会参与扶贫工作以来，对包扶的美原镇鸿雁村加大产业扶持力度。"
    assert provisional_headline(text) == "渭南市富平县总工会参与扶贫工作以来"


def test_provisional_headline_of_a_short_sentence() -> None:
    assert provisional_headline("职工书屋开张了。后来又……") == "职工书屋开张了"


def test_short_first_line_over_a_shorter_one_is_a_broken_headline() -> None:
    kicker, headline, sub, labels = assign_titles(["广场升旗", "迎国庆"])
    assert (labels, headline.replace(" ", "")) == ([], "广场升旗迎国庆")


def test_short_column_name_over_a_longer_title_is_a_label() -> None:
    assert assign_titles(["一线故事", "老焊工带出六个技术能手"])[3] == ["一线故事"]
