"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the page tree once per test database; tests roll back to it."""
    from home.site_setup import ensure_site

    with django_db_blocker.unblock():
        ensure_site()


@pytest.fixture
def site_tree(db):
    """The installed page tree: Chinese home, sections, inbox, English copies."""
    from home.models import HomePage
    from home.site_setup import ensure_site

    # Cheap when the tree exists; rebuilds it after a transactional test flushed it.
    ensure_site()
    return HomePage.objects.get(locale__language_code="zh-hans", depth=2)


@pytest.fixture
def section(site_tree):
    from articles.models import SectionPage

    return SectionPage.objects.get(slug="yaowen", locale=site_tree.locale)


@pytest.fixture
def inbox(site_tree):
    from home.site_setup import inbox_section

    return inbox_section()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Whole-page caching must not leak responses from one test into another."""
    from django.conf import settings

    if not settings.configured:  # the parser's tests also run without Django
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
