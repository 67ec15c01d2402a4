"""A reader in Chromium finds the printed edition: home → archive → edition → page → article.

The sample pages are imported the way an operator would, on a freshly
migrated database (no setup_site), two of them as pages 2 and 3 of one
edition. Screenshots go to $SCREENSHOT_DIR (default: the test's tmp folder).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser import launch, requires_chromium

pytestmark = [pytest.mark.browser, requires_chromium]

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


@pytest.fixture
def imported_edition(transactional_db):
    """Three sample pages: 2023-04-21 pages 2 and 3, and page 2 of the day before."""
    for name, day, page, page_name in (
        ("001_cc0a3396e92c9541.txt", "2023-04-21", 2, "工会新闻"),
        ("003_d1a9439156ca48ce.txt", "2023-04-21", 3, "劳动者"),
        ("002_6bd1ab357e0c806c.txt", "2023-04-20", 2, "工会新闻"),
    ):
        call_command(
            "import_articles", str(PAGES / name), "--edition-date", day, "--page", str(page),
            "--page-name", page_name, "--section", "gonghui-dongtai", "--publish",
        )


@pytest.mark.parametrize("size", SIZES)
def test_reader_goes_from_home_through_the_archive_to_an_article_and_the_next_page(
    live_server, imported_edition, monkeypatch, tmp_path, size
):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    width, height = SIZES[size]

    def shot(name):
        page.screenshot(path=str(shots / f"archive-{size}-{name}.png"), full_page=True)

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(live_server.url + "/zh-hans/")
        # The cards carry the edition date and page, not the import day.
        expect(page.locator(".card .meta time").first).to_have_text("2023年4月21日")
        shot("1-home")

        page.locator(".site-nav").get_by_role("link", name="版面").click()
        page.wait_for_url("**/zh-hans/archive/")
        expect(page.locator("#month-heading")).to_have_text("2023年4月")
        shot("2-calendar")

        page.locator(".edition-calendar a", has_text="21").click()
        page.wait_for_url("**/zh-hans/archive/2023/04/21/")
        tiles = page.locator(".edition-pages a")
        expect(tiles).to_have_count(2)
        expect(tiles.first).to_contain_text("工会新闻")
        expect(page.locator(".edition-nav a[rel=prev]")).to_contain_text("2023年4月20日")
        shot("3-edition")

        tiles.first.click()
        page.wait_for_url("**/zh-hans/archive/2023/04/21/page/2/")
        expect(page.locator("h1")).to_have_text("第2版 · 工会新闻")
        shot("4-page")

        page.locator(".print-articles-list .card-title a").first.click()
        expect(page.locator("article h1")).to_have_text("边境乡镇工会注入了新活力")
        expect(page.locator(".article-meta .dates time")).to_have_text("2023年4月21日")
        expect(page.locator(".print-ref")).to_have_text("第2版 · 工会新闻")
        shot("5-article")

        page.locator(".print-ref").click()
        page.wait_for_url("**/zh-hans/archive/2023/04/21/page/2/")
        page.locator(".edition-nav a[rel=next]").click()
        page.wait_for_url("**/zh-hans/archive/2023/04/21/page/3/")
        expect(page.locator("h1")).to_have_text("第3版 · 劳动者")
        expect(page.locator(".print-articles-list .card").first).to_be_visible()
        shot("6-next-page")
        browser.close()
