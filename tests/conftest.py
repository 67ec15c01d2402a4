"""Fixtures shared by the whole suite, and the service tiers.

Tests marked `postgres`, `redis` or `browser` need a running service or
program; where it is missing they are skipped with the reason, never failed.
`make test` leaves those tiers and `resilience` out (see the Makefile).
"""

import shutil
import socket
from contextlib import closing
from functools import cache

import pytest

SERVICES = {
    # marker: (probe, what is missing)
    "postgres": (("127.0.0.1", 5432), "PostgreSQL is not reachable on 127.0.0.1:5432"),
    "redis": (("127.0.0.1", 6379), "Redis is not reachable on 127.0.0.1:6379"),
}


@cache
def _reachable(host: str, port: int) -> bool:
    with closing(socket.socket()) as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


@cache
def _browser_missing() -> str | None:
    from tests.browser import CHROMIUM

    if not CHROMIUM.exists() and not shutil.which("chromium"):
        return "Chromium is not installed (apt-get install -y chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make install-dev)"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, ((host, port), reason) in SERVICES.items():
        if item.get_closest_marker(marker) and not _reachable(host, port):
            pytest.skip(f"{reason}; .ci/run starts it")
    if item.get_closest_marker("browser"):
        reason = _browser_missing()
        if reason:
            pytest.skip(reason)



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


def pytest_terminal_summary(terminalreporter):
    """The checkers' counts (tests/checkers), gathered from the test reports.

    Here rather than in tests/checkers/conftest.py: with pytest-xdist the main
    process collects nothing, so only this conftest is loaded there.
    """
    from tests.checkers.conftest import PROPERTY

    counts = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == PROPERTY:
                    checker, summary = value
                    counts[checker] = summary
    if counts:
        terminalreporter.section("checkers")
        for checker, summary in counts.items():
            terminalreporter.write_line(f"{checker}: {summary}")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to an English
    page leaves English active in the thread, which would leak into the next
    test a worker runs (their order differs with xdist and random order)."""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
