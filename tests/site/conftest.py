"""Fixtures for the public site: a clean page cache and a realistic demo edition."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(site_tree):
    """Four complete articles (see tools/demo.py), keyed by slug."""
    from tools.demo import create_demo_content

    return {a.slug: a for a in create_demo_content(site_tree)}

