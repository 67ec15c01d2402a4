"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture
def site_tree(db):
    """The installed page tree: Chinese home, sections, inbox, English copies."""
    from home.models import HomePage
    from home.site_setup import ensure_site

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
