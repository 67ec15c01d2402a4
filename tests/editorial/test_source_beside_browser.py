"""In a real browser at 1280×900: the source and the headline field side by side."""

import os
from pathlib import Path

import pytest

from tests.browser import launch, log_in, new_page, requires_chromium
from tests.editorial.conftest import PASSWORD, make_user
from tests.factories import make_article

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    requires_chromium,
]

SOURCE = "\n".join(
    ["在客华平的眼里，职工的事再小也是大事——", "# 矿工兄弟的知心“平姐”", "本报记者 张三"]
    + [f"第{i}段正文，讲述她为矿工兄弟办的实事。" * 3 for i in range(1, 30)]
    + ["一系列行之有效的安全举措，筑牢了矿井安全防线，安全帮教进区", "队、班组、家庭、井口、现场"]
)
WARNING = "段落“、班组、家庭、井口、现场”在句中中断，可能有文字块错位或缺失，请核对"


@pytest.fixture
def browser_page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = new_page(browser, width=1280, height=900, locale="zh-CN")
        yield page
        browser.close()


def box(locator) -> dict:
    locator.wait_for(state="visible")
    return locator.bounding_box()


def test_source_and_headline_field_are_both_in_view(live_server, site_tree, inbox, browser_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    make_user("bianji", None, is_superuser=True)
    article = make_article(
        inbox, publish=False, title="矿工兄弟的知心“平姐”", source_name="2023-04-21_01.txt",
        source_position=7, source_text=SOURCE, import_warnings=[WARNING],
    )
    page = browser_page
    log_in(page, live_server.url, "bianji", PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.wait_for_selector("#id_title")
    page.screenshot(path=str(SHOTS / "edit-source-beside.png"))

    title = box(page.locator("#id_title"))
    source = box(page.locator("aside.source-beside"))
    first_line = box(page.locator(".source-beside__lines li").first)
    # Both on screen without scrolling, side by side rather than on top of each other.
    assert 0 <= title["y"] and title["y"] + title["height"] <= 900
    assert 0 <= first_line["y"] and first_line["y"] + first_line["height"] <= 900
    assert source["x"] >= title["x"] + title["width"]
    assert source["height"] > 600

    # The doubted lines are marked; the source scrolls on its own while the form stays.
    flagged = page.locator(".source-beside__lines li.is-flagged")
    assert flagged.count() == 1
    flagged.first.scroll_into_view_if_needed()
    assert box(page.locator("#id_title"))["y"] == title["y"]
    page.screenshot(path=str(SHOTS / "edit-source-flagged.png"))
