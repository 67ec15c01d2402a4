"""The print archive over two years of generated editions: the calendar and
every archive page's query budget.

The editions are generated once for this module and committed (the tests only
read them); afterwards the database is flushed, as after a transactional test,
and the page tree rebuilt.
"""

import pytest
from django.core.management import call_command

from articles.models import ArticlePage

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _generated(django_db_setup, django_db_blocker):
    """Two years of editions (eight pages a day) and 400 articles spread over them."""
    from home.models import HomePage
    from home.site_setup import ensure_site
    from tools.bench_corpus import generate

    with django_db_blocker.unblock():
        ensure_site()
        home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
        generate(400, home, log=lambda message: None)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        ensure_site()


@pytest.fixture
def corpus(_generated, site_tree):
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
