"""The admin page search finds Chinese words inside unspaced Chinese text."""

import pytest
from django.urls import reverse

from tests.factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def test_admin_search_finds_chinese_words(editor_client, section):
    make_article(
        section, title="全国职工技能大赛在京开幕", body=paragraphs("来自各地的选手同台竞技。")
    )
    make_article(section, title="春耕时节农民忙", body=paragraphs("田间地头一片繁忙。"))
    url = reverse("wagtailadmin_pages:search")

    html = editor_client.get(url, {"q": "职工"}).content.decode()
    assert "全国职工技能大赛在京开幕" in html
    assert "春耕时节农民忙" not in html

    html = editor_client.get(url, {"q": "技能大赛"}).content.decode()
    assert "全国职工技能大赛在京开幕" in html


def test_admin_search_finds_words_from_the_body(editor_client, section):
    make_article(
        section, title="全国职工技能大赛在京开幕", body=paragraphs("来自各地的选手同台竞技。")
    )
    html = editor_client.get(reverse("wagtailadmin_pages:search"), {"q": "选手"}).content.decode()
    assert "全国职工技能大赛在京开幕" in html
