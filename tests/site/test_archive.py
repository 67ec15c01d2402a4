"""The print archive: a month calendar, an edition's pages, a page's articles, in few queries."""

import datetime

import pytest

from articles.models import PrintPage
from tests.factories import make_article

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db


def test_the_latest_month_is_shown_by_default(client, section):
    PrintPage.objects.create(edition_date=datetime.date(2021, 10, 20), page_number=2)
    PrintPage.objects.create(edition_date=datetime.date(2023, 4, 21), page_number=3)
    soup = soup_of(fresh_get(client, "/zh-hans/archive/"))
    assert soup.select_one("#month-heading").get_text() == "2023年4月"
    assert [a["href"] for a in soup.select(".edition-calendar a")] == [
        "/zh-hans/archive/2023/04/21/"
    ]
    assert soup.select_one(".month-nav a[rel=prev]")["href"].endswith("?month=2021-10")


def test_an_edition_shows_its_pages_at_a_glance(client, section):
    day = datetime.date(2023, 4, 21)
    two = PrintPage.objects.create(edition_date=day, page_number=2, page_name="工会新闻")
    PrintPage.objects.create(edition_date=day, page_number=1, page_name="要闻")
    make_article(section, title="二版头条", slug="p2", print_page=two, source_position=0)
    soup = soup_of(fresh_get(client, "/zh-hans/archive/2023/04/21/"))
    tiles = soup.select(".edition-pages a")
    assert [t.select_one(".page-no").get_text() for t in tiles] == ["第1版", "第2版"]
    assert [t.select_one(".page-name").get_text() for t in tiles] == ["要闻", "工会新闻"]
    assert tiles[1]["href"] == "/zh-hans/archive/2023/04/21/page/2/"
    assert "1 篇" in tiles[1].get_text() and "0 篇" in tiles[0].get_text()


def test_the_english_calendar_reads_in_english(client, site_tree):
    from home.site_setup import ensure_site

    ensure_site()  # the English home page
    PrintPage.objects.create(edition_date=datetime.date(2023, 4, 21), page_number=1)
    soup = soup_of(fresh_get(client, "/en/archive/"))
    assert soup.select_one("#month-heading").get_text() == "April 2023"
    assert [th.get_text() for th in soup.select(".edition-calendar th")][:2] == ["Mon", "Tue"]
    assert soup.select_one(".edition-calendar a")["href"] == "/en/archive/2023/04/21/"
