"""A reader in a real browser: home → article, search, switch language."""

import pytest

from tests.browser import launch, requires_chromium

pytestmark = [
    pytest.mark.browser,
    requires_chromium,
]


@pytest.fixture
def site_with_articles(transactional_db):
    from home.models import HomePage
    from home.site_setup import ensure_site
    from tools.demo import create_demo_content

    ensure_site()
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    create_demo_content(home)
    return home


def test_reader_walks_from_home_to_article_searches_and_switches_language(
    live_server, site_with_articles, monkeypatch
):
    from playwright.sync_api import expect, sync_playwright

    # Playwright runs an event loop in this thread; the ORM work is done above.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(live_server.url + "/zh-hans/")
        expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
        page.locator(".leads .card-title a").first.click()
        expect(page.locator("article h1")).to_have_text("让职工家门口就有“好托育”")
        expect(page.locator("article .credit").first).to_have_text("本报记者 陈华 摄")

        # The skip link is the first thing a keyboard reaches, and it is visible then.
        page.keyboard.press("Tab")
        expect(page.locator(".skip-link")).to_be_focused()
        expect(page.locator(".skip-link")).to_be_in_viewport()

        page.fill("#site-search", "工会 托育")
        page.press("#site-search", "Enter")
        page.wait_for_url("**/zh-hans/search/**")
        expect(page.locator(".results .card-title a").first).to_contain_text("托育")
        expect(page.locator(".results mark").first).to_have_text("托育")

        page.goto(live_server.url + "/zh-hans/yaowen/")
        page.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/yaowen/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.get_by_role("link", name="中文").click()
        page.wait_for_url("**/zh-hans/yaowen/")
        expect(page.locator("h1")).to_have_text("要闻")
        browser.close()
