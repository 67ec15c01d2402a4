"""Publishing retires only what shows the article: itself, its section, its day, the site lists."""

import datetime

import pytest

from articles.models import PrintPage, SectionPage
from tests.factories import make_article

from .helpers import fresh_get

pytestmark = pytest.mark.django_db

OTHER_ARTICLE = "/zh-hans/yaowen/tuoyu-fuwu/"
OTHER_SECTION = "/zh-hans/laodongzhe/"


def cache_state(client, url: str) -> str:
    return client.get(url)["X-Page-Cache"]


def test_publishing_an_article_leaves_other_articles_and_sections_cached(client, demo, section):
    fresh_get(client, OTHER_ARTICLE)
    for url in (OTHER_SECTION, "/zh-hans/yaowen/", "/zh-hans/", "/zh-hans/feed/"):
        client.get(url)
    make_article(section, title="刚刚发布的要闻", slug="just-now")
    assert cache_state(client, OTHER_ARTICLE) == "hit"
    assert cache_state(client, OTHER_SECTION) == "hit"
    for url in ("/zh-hans/yaowen/", "/zh-hans/", "/zh-hans/feed/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "刚刚发布的要闻" in response.content.decode(), url


def test_a_section_feed_is_retired_with_its_section(client, demo, section, site_tree):
    other = SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale)
    client.get("/zh-hans/yaowen/feed/")
    client.get("/zh-hans/laodongzhe/feed/")
    make_article(other, title="劳动者栏目新稿", slug="laodongzhe-new")
    assert cache_state(client, "/zh-hans/yaowen/feed/") == "hit"
    assert cache_state(client, "/zh-hans/laodongzhe/feed/") == "miss"


def test_publishing_retires_its_own_day_in_the_archive_only(client, demo, section):
    day = datetime.date(2023, 4, 21)
    page_one = PrintPage.objects.get(edition_date=day, page_number=1)
    its_day, other_day = "/zh-hans/archive/2023/04/21/", "/zh-hans/archive/2023/04/20/"
    fresh_get(client, its_day)
    for url in (other_day, "/zh-hans/archive/2023/04/21/page/1/"):
        client.get(url)
    make_article(section, title="一版新稿", slug="p1-new", print_page=page_one, source_position=9)
    assert cache_state(client, other_day) == "hit"
    assert cache_state(client, its_day) == "miss"
    page = client.get("/zh-hans/archive/2023/04/21/page/1/")
    assert page["X-Page-Cache"] == "miss"
    assert "一版新稿" in page.content.decode()


def test_republishing_an_article_retires_every_day_it_may_have_left(client, demo):
    article = demo["tuoyu-fuwu"]
    fresh_get(client, "/zh-hans/archive/2023/04/20/")
    article.title = "托育服务进园区（改版）"
    article.save_revision().publish()
    assert cache_state(client, "/zh-hans/archive/2023/04/20/") == "miss"


def test_bumps_in_a_batch_wait_for_the_commit_and_happen_once(
    demo, section, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from articles.page_cache import LISTINGS_KEY, bumps_after_commit, section_key

    keys = (LISTINGS_KEY, section_key(section.translation_key))
    cache.set_many(dict.fromkeys(keys, 100), timeout=None)
    with django_capture_on_commit_callbacks(execute=True):
        with bumps_after_commit():
            make_article(section, title="批量一", slug="batch-1")
            make_article(section, title="批量二", slug="batch-2")
        assert cache.get_many(keys) == dict.fromkeys(keys, 100)  # nothing before the commit
    assert cache.get_many(keys) == dict.fromkeys(keys, 101)


def test_while_one_reader_renders_a_list_again_the_others_get_the_previous_copy(
    client, demo, section
):
    from django.core.cache import cache

    from articles.page_cache import page_cache_key, rendering_key

    fresh_get(client, "/zh-hans/")
    make_article(section, title="正在渲染的新稿", slug="rendering")
    lock = rendering_key(page_cache_key("testserver", "/zh-hans/"))
    cache.add(lock, 1)  # another reader is rendering the home page
    stale = client.get("/zh-hans/")
    assert stale["X-Page-Cache"] == "stale"
    assert "正在渲染的新稿" not in stale.content.decode()
    cache.delete(lock)
    fresh = client.get("/zh-hans/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "正在渲染的新稿" in fresh.content.decode()
    assert client.get("/zh-hans/")["X-Page-Cache"] == "hit"


def test_a_removal_is_never_served_from_the_previous_copy(client, demo):
    from django.core.cache import cache

    from articles.page_cache import page_cache_key, rendering_key

    assert "劳模精神代代传" in fresh_get(client, "/zh-hans/").content.decode()
    cache.add(rendering_key(page_cache_key("testserver", "/zh-hans/")), 1)
    demo["laomo-jingshen"].unpublish()
    response = client.get("/zh-hans/")
    assert response["X-Page-Cache"] == "miss"
    assert "劳模精神代代传" not in response.content.decode()
