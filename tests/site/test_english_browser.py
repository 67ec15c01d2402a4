"""The English home in a real browser: no empty section, Chinese stand-ins marked."""

import os
from pathlib import Path

import pytest

from tests.browser import launch, requires_chromium

pytestmark = [pytest.mark.browser, requires_chromium]


@pytest.fixture
def bilingual_site(transactional_db):

    from articles.models import SectionPage
    from home.models import HomePage
    from home.site_setup import ensure_site
    from tests.factories import attach_test_photo, make_article, paragraphs
    from tools.demo import create_demo_content

    ensure_site()
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    articles = {a.slug: a for a in create_demo_content(home)}
    # A photo for a thumbnail, and one section with an English story of its own.
    photographed = articles["gongjiang-gushi"]
    attach_test_photo(photographed)
    english_top = SectionPage.objects.get(slug="yaowen", locale__language_code="en")
    make_article(english_top, title="Childcare next door for working parents",
                 slug="childcare", body=paragraphs("Unions open childcare rooms at work."))
    return home


def serve_media(page) -> None:
    """Uploaded files, as the media server would (the test server runs with DEBUG off)."""
    from urllib.parse import unquote, urlsplit

    from django.conf import settings

    def fulfil(route):
        name = unquote(urlsplit(route.request.url).path)[len(settings.MEDIA_URL):]
        route.fulfill(path=str(Path(settings.MEDIA_ROOT) / name))

    page.route("**" + settings.MEDIA_URL + "**", fulfil)


def test_english_home_has_no_empty_section(live_server, bilingual_site, monkeypatch, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        serve_media(page)
        page.goto(live_server.url + "/en/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.screenshot(path=str(shots / "english-home.png"), full_page=True)
        assert page.locator(".empty").count() == 0
        blocks = page.locator(".section-block")
        assert blocks.count() == 3
        for i in range(blocks.count()):
            assert blocks.nth(i).locator(".card").count() > 0
        top = blocks.nth(0)
        expect(top.locator(".card-title a")).to_have_text(
            ["Childcare next door for working parents"]
        )
        expect(top.locator(".lang-badge")).to_have_count(0)
        # Untranslated sections: Chinese stories, badged 中文, linking to Chinese pages.
        workers = blocks.nth(2)
        expect(workers.locator(".lang-badge").first).to_have_text("中文")
        thumb = workers.locator("img.card-thumb").first
        expect(thumb).to_be_visible()
        assert thumb.evaluate("img => img.complete && img.naturalWidth > 0")
        # Every section in the navigation leads to stories, not an empty page.
        nav = page.locator("nav.site-nav a")
        hrefs = [nav.nth(i).get_attribute("href") for i in range(nav.count())]
        for href in hrefs[1:-1]:
            page.goto(live_server.url + href)
            assert page.locator(".card").count() > 0, href
            assert page.locator(".empty").count() == 0, href
        page.goto(live_server.url + "/en/laodongzhe/")
        page.screenshot(path=str(shots / "english-section.png"), full_page=True)
        page.locator(".card-title a").first.click()
        page.wait_for_url("**/zh-hans/**")
        expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
        browser.close()
