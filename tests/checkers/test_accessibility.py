"""axe-core (its npm package, injected with Playwright) over public and admin pages."""

from collections import Counter

import pytest

from tests.browser import launch, requires_chromium
from tests.checkers.conftest import record
from tests.checkers.tools import axe_violations, requires_axe

pytestmark = [pytest.mark.checkers, pytest.mark.browser, requires_chromium, requires_axe]

BLOCKING = {"critical", "serious"}


@pytest.fixture
def live_site(transactional_db):
    from tests.checkers.site import build_checker_site

    return build_checker_site()


def admin_pages(site) -> dict[str, str]:
    from django.urls import reverse

    from importers.models import ImportRun

    pages = {
        "admin review queue": reverse("editorial:review_queue"),
        "admin import records": reverse("import_runs:index"),
        "admin missing-photo report": reverse("editorial:missing_photos"),
        "admin edit view (imported article)": reverse(
            "wagtailadmin_pages:edit", args=[site.imported_article_id]
        ),
    }
    run = ImportRun.objects.order_by("-pk").first()
    if run is not None:
        pages["admin import record"] = reverse("import_runs:inspect", args=[run.pk])
    return pages


def signed_in_cookies(live_server_url: str) -> list[dict]:
    """An administrator's session (every admin screen is open to it), as browser cookies."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("axe-admin", "axe@example.com", "unused")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client = Client()
    client.force_login(user)
    return [
        {"name": name, "value": morsel.value, "url": live_server_url}
        for name, morsel in client.cookies.items()
    ]


def audit(browser, base_url: str, pages: dict[str, str], cookies=()):
    """(blocking violations, other violations, count by impact) over the pages."""
    # axe is injected as a script, which the site's Content-Security-Policy rightly forbids.
    context = browser.new_context(bypass_csp=True)
    if cookies:
        context.add_cookies(list(cookies))
    page = context.new_page()
    found, notes = [], []
    impacts = Counter()
    for name, url in pages.items():
        for violation in axe_violations(page, base_url + url):
            impacts[violation["impact"]] += 1
            text = (
                f"{name}: {violation['impact']} {violation['id']} ({violation['help']}) "
                f"at {violation['targets']}: {violation['html']}"
            )
            (found if violation["impact"] in BLOCKING else notes).append(text)
    context.close()
    return found, notes, impacts


def test_public_and_admin_pages_have_no_serious_accessibility_violations(
    live_server, live_site, monkeypatch
):
    from playwright.sync_api import sync_playwright

    admin = admin_pages(live_site)
    cookies = signed_in_cookies(live_server.url)
    # Playwright runs an event loop in this thread; the ORM work is done above.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = launch(p)
        public_found, public_notes, public_impacts = audit(
            browser, live_server.url, live_site.pages
        )
        admin_found, admin_notes, admin_impacts = audit(browser, live_server.url, admin, cookies)
        browser.close()

    def counts(impacts):
        return ", ".join(f"{impacts[k]} {k}" for k in ("critical", "serious", "moderate", "minor"))

    record(
        "axe-core (public)",
        f"{counts(public_impacts)} over {len(live_site.pages)} pages",
        public_found + public_notes,
    )
    record(
        "axe-core (admin)",
        f"{counts(admin_impacts)} over {len(admin)} pages",
        admin_found + admin_notes,
    )
    assert public_found + admin_found == []
