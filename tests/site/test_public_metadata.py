"""What the pages and feeds say about themselves: URLs, descriptions, dates, guids, icons."""

import datetime
import xml.etree.ElementTree as ET
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

from articles.page_meta import description_of
from articles.structured_data import display_date, iso_datetime
from tests.factories import make_article

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db

PUBLIC = "https://news.example.org"


def feed_item(client, url, title):
    items = ET.fromstring(fresh_get(client, url).content).find("channel").findall("item")
    [item] = [i for i in items if i.findtext("title") == title]
    return item


@override_settings(PUBLIC_BASE_URL=PUBLIC)
def test_feed_guids_survive_a_new_slug_and_links_use_the_public_host(client, section):
    article = make_article(section, title="职工书屋开放", slug="shuwu")
    item = feed_item(client, "/zh-hans/feed/", "职工书屋开放")
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == f"tag:news.example.org,2024:article-{article.pk}"
    assert item.findtext("link") == f"{PUBLIC}/zh-hans/yaowen/shuwu/"

    article.slug = "zhigong-shuwu"
    article.save_revision().publish()
    item = feed_item(client, "/zh-hans/feed/", "职工书屋开放")
    assert item.find("guid").text == guid.text
    assert item.findtext("link") == f"{PUBLIC}/zh-hans/yaowen/zhigong-shuwu/"


def test_one_feed_title_for_the_site_and_section_titles_for_sections(client, section):
    site = ET.fromstring(fresh_get(client, "/zh-hans/feed/").content).find("channel")
    assert site.findtext("title") == "工人日报"
    sec = ET.fromstring(fresh_get(client, "/zh-hans/yaowen/feed/").content).find("channel")
    assert sec.findtext("title") == "要闻 · 工人日报"


def test_a_photo_story_is_described_by_its_caption(section):
    article = make_article(
        section,
        title="管工技能大比拼",
        body=[("photo", {"image": None, "caption": "选手在比赛中。本报记者 摄", "credit": ""})],
    )
    assert description_of(article) == "选手在比赛中。"


def test_an_article_without_text_is_described_by_its_headlines(section):
    assert description_of(make_article(section, body=[], subheadline="副题")) == "副题"
    assert description_of(make_article(section, body=[], title="只有标题", slug="t")) == "只有标题"


def test_the_display_date_wins_over_the_first_publication():
    first = datetime.datetime(2023, 4, 20, 18, 0, tzinfo=datetime.UTC)
    printed = SimpleNamespace(display_date=datetime.date(2023, 4, 21), first_published_at=first)
    web_only = SimpleNamespace(first_published_at=first)
    assert display_date(printed) == datetime.date(2023, 4, 21)
    assert display_date(web_only) == first


def test_machine_dates_are_to_the_second_in_the_newsroom_time_zone():
    moment = datetime.datetime(2023, 4, 20, 18, 0, 5, 123456, tzinfo=datetime.UTC)
    assert iso_datetime(moment) == "2023-04-21T02:00:05+08:00"
    assert iso_datetime(moment.astimezone(ZoneInfo("Asia/Shanghai")).date()) == "2023-04-21"
    assert iso_datetime(None) == ""


@override_settings(PUBLIC_BASE_URL=PUBLIC)
def test_canonical_is_on_the_public_host_and_keeps_the_listing_page(client, section):
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/?page=2&utm_source=x", HTTP_HOST="127.0.0.1"))
    assert soup.find("link", rel="canonical")["href"] == f"{PUBLIC}/zh-hans/yaowen/?page=2"
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates["x-default"] == alternates["zh-hans"]
    feeds = [link["href"] for link in soup.find_all("link", type="application/rss+xml")]
    assert feeds == [f"{PUBLIC}/zh-hans/feed/", f"{PUBLIC}/zh-hans/yaowen/feed/"]


def test_an_error_page_names_no_canonical_url(client, site_tree):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    assert b'rel="canonical"' not in response.content


def test_favicon_ico_leads_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("/img/favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]
    for name in ("favicon.ico", "favicon.svg", "apple-touch-icon.png", "logo.png"):
        assert finders.find(f"img/{name}"), name
