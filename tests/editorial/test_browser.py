"""A real browser: an editor-in-chief fixes an imported headline and publishes it."""

import os
from pathlib import Path

import pytest

from articles.models import ArticlePage, SectionPage
from editorial.setup import CHIEF_EDITORS
from tests.browser import launch, log_in, new_page, requires_chromium
from tests.editorial.conftest import PASSWORD, make_user
from tests.factories import make_article, paragraphs

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    requires_chromium,
]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls in the test body are still synchronous and safe. Only for this test.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = new_page(browser, width=1366, height=1000, locale="zh-CN")
        yield page
        browser.close()


def test_chief_editor_fixes_an_imported_headline_and_publishes(
    live_server, site_tree, inbox, browser_page
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    make_user("zongbian", CHIEF_EDITORS)
    article = make_article(
        inbox,
        publish=False,
        live=False,
        title="职工书屋开进工地（标题待定）",
        slug="gongdi-shuwu",
        byline="本报记者 田国垒",
        body=paragraphs("工地上有了书屋。", "工人们下班后来读书。"),
        source_name="2023-04-21_03.txt",
        source_position=2,
        source_text="职工书屋开进工地\n本报记者 田国垒\n工地上有了书屋。",
        import_warnings=["未找到明确的主标题，已用正文首句代替"],
        headline_is_provisional=True,
    )
    yaowen = SectionPage.objects.get(slug="yaowen", locale=site_tree.locale)
    page = browser_page

    log_in(page, live_server.url, "zongbian", PASSWORD)

    # The review queue the importer fills.
    page.goto(f"{live_server.url}/admin/review/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / "review-queue.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.wait_for_selector("#id_title")
    page.screenshot(path=str(SHOTS / "edit-view.png"), full_page=True)
    page.locator("#id_editorial_section").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "edit-view-section.png"))
    import_panel = page.locator("section.w-panel", has_text="导入信息（只读）").last
    import_panel.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "edit-view-import.png"))

    page.fill("#id_title", "职工书屋开进工地")
    page.uncheck("#id_headline_is_provisional")
    page.select_option("#id_editorial_section", str(yaowen.pk))
    # Publish sits in the action menu's dropdown next to "Save draft".
    page.click("footer [data-w-dropdown-target=toggle]")
    # Wait for the POST's answer and the page it leads to before the test
    # queries the database: the live server shares SQLite's connection.
    with page.expect_response(
        lambda r: r.request.method == "POST" and f"/pages/{article.pk}/edit/" in r.url
    ):
        page.click("button[name=action-publish]")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(".messages")
    page.screenshot(path=str(SHOTS / "after-publish.png"), full_page=True)

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.title == "职工书屋开进工地"
    assert not article.headline_is_provisional
    assert article.get_parent().pk == yaowen.pk

    page.goto(f"{live_server.url}/zh-hans/yaowen/gongdi-shuwu/")
    assert page.locator("h1").first.inner_text() == "职工书屋开进工地"
    page.screenshot(path=str(SHOTS / "public-article.png"), full_page=True)

    # The other editorial screens, for a look.
    make_article(
        yaowen,
        title="图片新闻：春耕",
        body=[
            ("photo", {"image": None, "caption": "农民在田间忙碌。", "credit": "本报记者 陈华 摄"})
        ],
    )
    page.goto(f"{live_server.url}/admin/editorial/missing-photos/")
    assert page.get_by_text("图片新闻：春耕").count() == 1
    page.screenshot(path=str(SHOTS / "missing-photos.png"))
    page.goto(f"{live_server.url}/admin/snippets/articles/author/merge/")
    page.screenshot(path=str(SHOTS / "author-merge.png"))
