"""--publish and the admin's bulk publish put live only what the parser is sure of."""

import io
import json

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from editorial.review_queue import review_queue
from importers.publish_gate import (
    CONTINUATION,
    FRAGMENT,
    OPEN_WARNINGS,
    PHOTO_MISSING,
    PROVISIONAL_HEADLINE,
)
from tests.importers.conftest import PAGES, run_import

pytestmark = pytest.mark.django_db

DOUBTFUL = """好稿件
正文。
---
零散文字
kind: fragment
不知归属的一句。
---
近日，某公司工会组织员工…
provisional: yes
正文。
---
有疑问的稿件
warn: 段落在句中中断，请核对
正文。
---
图片新闻
kind: photo
photo: 图为职工在比赛。
---
（上接第1版）
kind: continuation
续文。
"""


def article(position: int) -> ArticlePage:
    return ArticlePage.objects.get(source_name="page.txt", source_position=position)


def test_publish_puts_live_only_what_the_parser_is_sure_of(site_tree, fake_parser, write):
    result = run_import(write("page.txt", DOUBTFUL), publish=True, parser=fake_parser)
    assert result.created == 6
    assert [p.live for p in map(article, range(6))] == [True] + [False] * 5
    assert {a.position: a.held for a in result.held} == {
        1: [FRAGMENT],
        2: [PROVISIONAL_HEADLINE],
        3: [OPEN_WARNINGS],
        4: [PHOTO_MISSING],
        # No edition to look for its head in: a warning too.
        5: [CONTINUATION, OPEN_WARNINGS],
    }


def test_without_publish_nothing_is_reported_held(site_tree, fake_parser, write):
    result = run_import(write("page.txt", DOUBTFUL), parser=fake_parser)
    assert result.held == []
    assert not ArticlePage.objects.filter(live=True).exists()


def test_a_reimport_that_raises_a_doubt_leaves_the_live_version_alone(
    site_tree, fake_parser, write
):
    path = write("page.txt", "好稿件\n正文。")
    run_import(path, publish=True, parser=fake_parser)
    path.write_text("好稿件\nwarn: 署名位置可疑\n改过的正文。", encoding="utf-8")
    result = run_import(path, publish=True, parser=fake_parser)
    assert result.updated == 1 and result.held[0].held == [OPEN_WARNINGS]
    page = article(0)
    assert page.live and page.has_unpublished_changes
    assert "改过的正文。" not in str(page.body)
    # The waiting text's doubt is on the editors' list, though readers still
    # see the earlier version.
    assert page.import_warnings == ["署名位置可疑"]
    assert review_queue().filter(pk=page.pk).exists()


def call(*args: str) -> str:
    out = io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_command_summary_says_how_many_were_held_and_why(site_tree, fake_parser, write):
    path = write("page.txt", DOUBTFUL)
    out = call(str(path), "--publish", "-v", "2")
    assert "未发布、留在审稿队列 5 篇" in out
    # The continuation has no edition to find its head in: a warning too.
    assert "未归属片段 1、转版续文 1、临时标题 1、有未处理的导入提示 2、缺少图片 1" in out
    assert "未发布 #4《图片新闻》：缺少图片" in out


def test_json_summary_counts_held_articles_by_reason(site_tree, fake_parser, write):
    path = write("page.txt", DOUBTFUL)
    data = json.loads(call(str(path), "--publish", "--format", "json"))
    assert data["held"] == 5
    assert data["held_reasons"] == {
        FRAGMENT: 1, CONTINUATION: 1, PROVISIONAL_HEADLINE: 1, OPEN_WARNINGS: 2,
        PHOTO_MISSING: 1,
    }


def test_sample_pages_publish_nothing_half_parsed(site_tree, client):
    """What `make run` imports: no stand-in headline, doubt or photo placeholder goes live."""
    out = call(str(PAGES), "--publish")
    live = ArticlePage.objects.filter(live=True)
    assert live.exists() and "未发布、留在审稿队列" in out
    assert not live.filter(headline_is_provisional=True).exists()
    assert not live.exclude(import_warnings=[]).exists()
    assert not live.filter(kind__in=["photo", "continuation", "fragment"]).exists()
    held = ArticlePage.objects.filter(live=False, locale__language_code="zh-hans")
    assert held.filter(headline_is_provisional=True).exists()
    # What readers see on the home page and every section.
    for url in ["/zh-hans/", *(p.url for p in SectionPage.objects.live().filter(
        locale__language_code="zh-hans"
    ))]:
        html = client.get(url).content.decode()
        assert "图片待补" not in html, url
        for title in held.values_list("title", flat=True):
            assert title not in html, (url, title)


def bulk_publish_url(*pages: Page) -> str:
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return url + "?" + "&".join(f"id={p.pk}" for p in pages)


def test_bulk_publish_skips_held_articles_and_says_why(
    site_tree, fake_parser, write, admin_client
):
    run_import(write("page.txt", DOUBTFUL), parser=fake_parser)
    sure, provisional, photo = article(0), article(2), article(4)
    response = admin_client.post(
        bulk_publish_url(sure, provisional, photo), {"include_descendants": ""}
    )
    assert response.status_code == 302
    assert article(0).live
    assert not article(2).live and not article(4).live
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("2 篇稿件未发布" in m and "临时标题 1、缺少图片 1" in m for m in shown)


def test_bulk_publish_of_a_section_with_descendants_is_gated_too(
    site_tree, fake_parser, write, admin_client
):
    run_import(write("page.txt", DOUBTFUL), parser=fake_parser)
    section = article(0).get_parent()
    admin_client.post(bulk_publish_url(section), {"include_descendants": "on"})
    assert article(0).live
    assert not ArticlePage.objects.filter(live=True, source_position__gt=0).exists()


def test_an_edited_article_passes_once_its_doubt_is_fixed(
    site_tree, fake_parser, write, admin_client
):
    run_import(write("page.txt", DOUBTFUL), parser=fake_parser)
    page = article(2)
    page.title, page.headline_is_provisional = "正式标题", False
    page.save_revision()
    admin_client.post(bulk_publish_url(page), {"include_descendants": ""})
    assert article(2).live
