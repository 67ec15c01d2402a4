"""The printed edition is the article's date, on every surface a reader sees."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import ArticlePage, PrintPage
from articles.structured_data import iso_datetime
from tests.factories import make_article

from .helpers import fresh_get, jsonld_of, soup_of

pytestmark = pytest.mark.django_db

EDITION = datetime.date(2021, 10, 20)


@pytest.fixture
def printed(section):
    """An article printed on page 2 (工会新闻) of 2021-10-20, published online today."""
    page = PrintPage.objects.create(edition_date=EDITION, page_number=2, page_name="工会新闻")
    return make_article(section, title="职工小家下乡", slug="xiaojia", print_page=page)


@pytest.fixture
def online_only(section):
    return make_article(section, title="网上首发", slug="wangshang")


def test_card_article_page_feed_and_jsonld_show_the_edition_date(client, printed):
    assert printed.first_published_at.date() != EDITION  # published today

    card = soup_of(fresh_get(client, "/zh-hans/yaowen/")).select_one(".card")
    time = card.select_one(".meta time")
    assert (time["datetime"], time.get_text()) == ("2021-10-20", "2021年10月20日")
    assert card.select_one(".print-label").get_text() == "第2版 · 工会新闻"

    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/xiaojia/"))
    dates = soup.select_one(".article-meta .dates")
    assert dates.find("time")["datetime"] == "2021-10-20"
    assert dates.find("time").get_text() == "2021年10月20日"
    assert dates.select_one(".print-ref").get_text() == "第2版 · 工会新闻"
    assert jsonld_of(soup)["datePublished"].startswith("2021-10-20T00:00:00")
    published = soup.find("meta", property="article:published_time")["content"]
    assert published.startswith("2021-10-20T00:00:00")

    feed = ET.fromstring(fresh_get(client, "/zh-hans/feed/").content)
    item = feed.find("channel/item")
    assert item.findtext("title") == "职工小家下乡"
    assert item.findtext("pubDate") == "Wed, 20 Oct 2021 00:00:00 +0800"
    assert item.findtext("category") == "第2版 · 工会新闻"


def test_without_an_edition_the_first_publication_is_the_date(client, online_only):
    today = online_only.first_published_at
    card = soup_of(fresh_get(client, "/zh-hans/yaowen/")).select_one(".card")
    assert card.select_one(".meta time")["datetime"] == f"{timezone.localtime(today):%Y-%m-%d}"
    assert card.select_one(".print-label") is None
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/wangshang/"))
    assert jsonld_of(soup)["datePublished"] == iso_datetime(today)


def test_the_sitemap_keeps_the_real_change_time(client, printed):
    xml = fresh_get(client, "/sitemap.xml").content.decode()
    printed.refresh_from_db()
    changed = timezone.localtime(printed.last_published_at)
    assert f"xiaojia/</loc><lastmod>{changed:%Y-%m-%d}</lastmod>" in xml
    assert "2021-10-20" not in xml


def test_listings_go_by_edition_date_then_down_the_printed_page(client, section):
    older = PrintPage.objects.create(edition_date=EDITION, page_number=1)
    newer_p3 = PrintPage.objects.create(edition_date=EDITION.replace(day=21), page_number=3)
    newer_p1 = PrintPage.objects.create(edition_date=EDITION.replace(day=21), page_number=1)
    # Published in an order unlike the paper's.
    for title, page, position in (
        ("第1版第二篇", newer_p1, 1),
        ("前一天", older, 0),
        ("第3版", newer_p3, 0),
        ("第1版头条", newer_p1, 0),
    ):
        make_article(section, title=title, slug=f"a{position}{page.pk}", print_page=page,
                     source_position=position)
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/"))
    titles = [a.get_text() for a in soup.select(".card-title a")]
    assert titles == ["第1版头条", "第1版第二篇", "第3版", "前一天"]
    # The article page's previous / next follow the same order.
    second = ArticlePage.objects.get(title="第1版第二篇")
    soup = soup_of(fresh_get(client, second.url))
    assert soup.select_one(".article-nav a.next").get_text().endswith("第1版头条")
    assert soup.select_one(".article-nav a.prev").get_text().endswith("第3版")


def test_moving_or_deleting_a_print_page_redates_its_articles(printed):
    page = printed.print_page
    page.edition_date = datetime.date(2021, 10, 21)
    page.save()
    printed.refresh_from_db()
    assert printed.display_date == datetime.date(2021, 10, 21)
    page.delete()
    printed.refresh_from_db()
    assert printed.print_page_id is None
    assert printed.display_date == timezone.localdate(printed.first_published_at)


def test_drafts_have_no_display_date_until_published(section):
    draft = make_article(section, title="草稿", slug="draft", publish=False)
    assert ArticlePage.objects.get(pk=draft.pk).display_date is None


def test_a_draft_moved_to_another_page_keeps_the_live_date_until_published(printed):
    other = PrintPage.objects.create(edition_date=datetime.date(2022, 1, 5), page_number=1)
    draft = ArticlePage.objects.get(pk=printed.pk)
    draft.print_page = other
    revision = draft.save_revision()
    assert ArticlePage.objects.get(pk=printed.pk).display_date == EDITION
    revision.publish()
    assert ArticlePage.objects.get(pk=printed.pk).display_date == datetime.date(2022, 1, 5)
