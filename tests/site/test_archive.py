"""The print archive: a month calendar, an edition's pages, a page's articles, in few queries."""

import datetime

import pytest

from articles.models import ArticlePage, PrintPage
from tests.factories import make_article

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(site_tree):
    """Two years of editions (eight pages a day) and 400 articles spread over them."""
    from tools.bench_corpus import generate

    generate(400, site_tree, log=lambda message: None)
    return ArticlePage.objects.live().filter(print_page__isnull=False)


def busiest_page(corpus):
    article = corpus.select_related("print_page").order_by("print_page__pk").first()
    return article.print_page


def test_the_calendar_links_the_days_that_have_editions(client, corpus):
    soup = soup_of(fresh_get(client, "/zh-hans/archive/?month=2023-02"))
    assert soup.select_one("#month-heading").get_text() == "2023年2月"
    linked = [a.get_text() for a in soup.select(".edition-calendar a")]
    assert linked == [str(day) for day in range(1, 29)]  # every day of February 2023
    assert soup.select_one(".month-nav a[rel=prev]")["href"].endswith("?month=2023-01")
    assert soup.select_one(".month-nav a[rel=next]")["href"].endswith("?month=2023-03")
    years = [p.select_one(".year").get_text() for p in soup.select(".archive-months p")]
    assert years == ["2023", "2022"]
    assert client.get("/zh-hans/archive/?month=1999-01").status_code == 404


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


@pytest.mark.parametrize("kind", ["index", "month", "edition", "page"])
def test_archive_pages_stay_within_fifteen_queries(
    client, corpus, kind, django_assert_max_num_queries
):
    page = busiest_page(corpus)
    day = page.edition_date
    url = {
        "index": "/zh-hans/archive/",
        "month": f"/zh-hans/archive/?month={day:%Y-%m}",
        "edition": f"/zh-hans/archive/{day:%Y/%m/%d}/",
        "page": f"/zh-hans/archive/{day:%Y/%m/%d}/page/{page.page_number}/",
    }[kind]
    fresh_get(client, url)  # Wagtail's site and locale caches, as on a running server
    from articles.page_cache import bump_version

    bump_version()
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200


def test_the_english_calendar_reads_in_english(client, site_tree):
    from home.site_setup import ensure_site

    ensure_site()  # the English home page
    PrintPage.objects.create(edition_date=datetime.date(2023, 4, 21), page_number=1)
    soup = soup_of(fresh_get(client, "/en/archive/"))
    assert soup.select_one("#month-heading").get_text() == "April 2023"
    assert [th.get_text() for th in soup.select(".edition-calendar th")][:2] == ["Mon", "Tue"]
    assert soup.select_one(".edition-calendar a")["href"] == "/en/archive/2023/04/21/"
