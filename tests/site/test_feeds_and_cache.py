"""Feeds, sitemap, robots.txt, query budgets and the page cache."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from articles.models import ArticleCorrection
from tests.factories import make_article

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_site_feed_is_rss_with_corrections(client, demo):
    response = client.get("/zh-hans/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    channel = root.find("channel")
    assert channel.findtext("language") == "zh-hans"
    items = channel.findall("item")
    titles = [item.findtext("title") for item in items]
    assert set(titles) == {"让职工家门口就有“好托育”", "劳模精神代代传", "职工之家建设提质增效",
                           "焊花里绽放的青春"}
    lead = items[titles.index("让职工家门口就有“好托育”")]
    assert lead.findtext("link").endswith("/zh-hans/yaowen/tuoyu-fuwu/")
    assert "更正" in lead.findtext("description")
    assert lead.findtext("pubDate")


def test_section_feed_has_only_its_articles(client, demo):
    root = ET.fromstring(client.get("/zh-hans/gonghui-dongtai/feed/").content)
    assert [i.findtext("title") for i in root.iter("item")] == ["职工之家建设提质增效"]


def test_sitemap_lists_pages_with_language_alternates(client, demo):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    urls = {u.findtext(f"{SITEMAP}loc"): u for u in root.iter(f"{SITEMAP}url")}
    assert "http://testserver/zh-hans/yaowen/tuoyu-fuwu/" in urls
    assert not any("daishen-gaojian" in loc for loc in urls)  # the inbox stays private
    section = urls["http://testserver/zh-hans/yaowen/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in section.iter(f"{XHTML}link")
    }
    assert alternates == {
        "zh-hans": "http://testserver/zh-hans/yaowen/",
        "en": "http://testserver/en/yaowen/",
    }


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.parametrize(
    "url",
    [
        "/zh-hans/",
        "/zh-hans/yaowen/",
        "/zh-hans/yaowen/tuoyu-fuwu/",
        "/zh-hans/search/?q=工会 托育",
        "/zh-hans/feed/",
        "/zh-hans/archive/2023/04/21/",
        "/zh-hans/archive/2023/04/21/page/1/",
        "/zh-hans/authors/田国垒/",
        "/zh-hans/tags/劳模/",
        "/zh-hans/corrections/",
        "/en/",
    ],
)
def test_public_pages_stay_within_the_query_budget(
    client, demo, url, django_assert_max_num_queries
):
    client.get(url)  # warm Wagtail's own caches (site root paths, content types)
    with django_assert_max_num_queries(15):
        response = fresh_get(client, url)
    assert response.status_code == 200


def test_cached_pages_need_no_queries(client, demo, django_assert_num_queries):
    first = fresh_get(client, "/zh-hans/yaowen/tuoyu-fuwu/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/zh-hans/yaowen/tuoyu-fuwu/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publish_and_unpublish_invalidate_the_cache(client, demo, section):
    assert "新发布的稿件" not in client.get("/zh-hans/yaowen/").content.decode()
    assert client.get("/zh-hans/yaowen/")["X-Page-Cache"] == "hit"
    article = make_article(section, title="新发布的稿件", slug="new-one")
    response = client.get("/zh-hans/yaowen/")
    assert response["X-Page-Cache"] == "miss"
    assert "新发布的稿件" in response.content.decode()
    client.get("/zh-hans/yaowen/new-one/")
    article.unpublish()
    assert "新发布的稿件" not in client.get("/zh-hans/yaowen/").content.decode()
    assert client.get("/zh-hans/yaowen/new-one/").status_code == 404


def test_move_and_delete_invalidate_the_cache(client, demo, site_tree):
    from articles.models import SectionPage

    article = demo["laomo-jingshen"]
    client.get("/zh-hans/yaowen/")
    target = SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale)
    article.move(target, pos="last-child")
    assert "劳模精神代代传" not in soup_of(client.get("/zh-hans/yaowen/")).get_text()
    client.get("/zh-hans/laodongzhe/")
    article.refresh_from_db()
    article.delete()
    assert "劳模精神代代传" not in soup_of(client.get("/zh-hans/laodongzhe/")).get_text()


def test_correction_shows_after_republish(client, demo):
    article = demo["laomo-jingshen"]
    client.get(article.url)
    article.corrections.add(ArticleCorrection(date=datetime.date(2023, 4, 25), text="新的更正。"))
    article.save_revision().publish()
    assert "新的更正。" in client.get(article.url).content.decode()


def test_signed_in_editors_bypass_the_cache(client, demo, django_user_model):
    client.get("/zh-hans/")
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(user)
    response = client.get("/zh-hans/")
    assert "X-Page-Cache" not in response
    client.logout()


def test_admin_is_never_cached(admin_client, demo):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_section_lists_are_cached_until_a_section_changes(client, demo, site_tree):
    from articles.models import SectionPage

    fresh_get(client, "/zh-hans/yaowen/")
    # An article published elsewhere does not retire the cached section list…
    make_article(SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale),
                 title="又一篇稿件", slug="another")
    nav = soup_of(fresh_get(client, "/zh-hans/")).select(".site-nav a")
    assert "新栏目" not in [a.get_text(strip=True) for a in nav]
    # …a new section does (routed at once, in the navigation with its first
    # article), and an unpublished one leaves the navigation again.
    new = site_tree.add_child(instance=SectionPage(title="新栏目", slug="xin", show_in_menus=True))
    new.save_revision().publish()
    assert fresh_get(client, "/zh-hans/xin/").status_code == 200
    make_article(new, title="新栏目的稿件", slug="xin-1")
    nav = soup_of(fresh_get(client, "/zh-hans/")).select(".site-nav a")
    assert "新栏目" in [a.get_text(strip=True) for a in nav]
    new.refresh_from_db()
    new.unpublish()
    nav = soup_of(fresh_get(client, "/zh-hans/")).select(".site-nav a")
    assert "新栏目" not in [a.get_text(strip=True) for a in nav]
    assert fresh_get(client, "/zh-hans/xin/").status_code == 404


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.mark.parametrize("url", ["/zh-hans/", "/zh-hans/yaowen/tuoyu-fuwu/", "/zh-hans/feed/"])
def test_cache_hits_carry_every_security_header_a_miss_has(client, demo, url):
    miss = fresh_get(client, url)
    hit = client.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    expected = [h for h in SECURITY_HEADERS if h in miss]
    assert "Content-Security-Policy" in expected and "X-Frame-Options" in expected
    for header in expected:
        assert hit[header] == miss[header], header


def test_publishing_an_article_retires_listings_but_not_other_articles(client, demo, section):
    other = "/zh-hans/yaowen/tuoyu-fuwu/"
    fresh_get(client, other)
    client.get("/zh-hans/yaowen/")
    client.get("/zh-hans/feed/")
    make_article(section, title="刚刚发布的稿件", slug="just-now")
    assert client.get(other)["X-Page-Cache"] == "hit"
    listing = client.get("/zh-hans/yaowen/")
    assert listing["X-Page-Cache"] == "miss"
    assert "刚刚发布的稿件" in listing.content.decode()
    assert "刚刚发布的稿件" in client.get("/zh-hans/feed/").content.decode()


def test_republishing_an_article_retires_its_own_page(client, demo):
    article = demo["tuoyu-fuwu"]
    fresh_get(client, article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "托育服务进园区（修订）"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "托育服务进园区（修订）" in response.content.decode()


def test_unpublishing_retires_pages_that_link_to_the_article(client, demo):
    article = demo["laomo-jingshen"]
    other = "/zh-hans/yaowen/tuoyu-fuwu/"
    fresh_get(client, other)
    assert client.get(other)["X-Page-Cache"] == "hit"
    article.unpublish()
    assert client.get(other)["X-Page-Cache"] == "miss"


def test_an_evicted_version_never_revives_an_old_copy(client, demo):
    from django.core.cache import cache

    from articles.page_cache import LISTINGS_KEY

    fresh_get(client, "/zh-hans/")
    assert client.get("/zh-hans/")["X-Page-Cache"] == "hit"
    before = cache.get(LISTINGS_KEY)
    cache.delete(LISTINGS_KEY)  # as a full cache evicts it
    assert client.get("/zh-hans/")["X-Page-Cache"] == "miss"
    assert cache.get(LISTINGS_KEY) != before


def test_a_new_author_or_print_page_retires_listings_but_not_articles(client, demo):
    import datetime

    from articles.models import Author, PrintPage

    article = "/zh-hans/yaowen/tuoyu-fuwu/"
    fresh_get(client, article)
    client.get("/zh-hans/archive/")
    author = Author.objects.create(name="新来的记者")
    PrintPage.objects.create(edition_date=datetime.date(2024, 1, 2), page_number=5)
    assert client.get(article)["X-Page-Cache"] == "hit"
    assert client.get("/zh-hans/archive/")["X-Page-Cache"] == "miss"
    # A renamed author may appear on any article: everything is retired.
    client.get(article)
    author.name = "改名的记者"
    author.save()
    assert client.get(article)["X-Page-Cache"] == "miss"
