"""In a real browser: the review queue shows each warning, filters by kind, resolves one."""

import os
from pathlib import Path

import pytest
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from editorial.resolution import RESOLVE_ACTION
from tests.browser import launch, log_in, new_page, requires_chromium
from tests.editorial.conftest import PASSWORD, make_user

from .conftest import fake_parse_bytes, run_import

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))
BROKEN = "段落“职工之家建设”在句中中断，可能有文字块错位或缺失，请核对"
BYLINE = "署名位于标题之后、下一篇正文之前，已归入本篇，请核对"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    requires_chromium,
]


def test_editor_filters_the_queue_and_resolves_a_warning(
    live_server, site_tree, write, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    first = f"有疑问的稿件\nwarn: {BROKEN}\nwarn: {BYLINE}\n正文。"
    run_import(write("2023-04-21_01.txt", first), parser=fake_parse_bytes)
    second = f"另一篇稿件\nwarn: {BYLINE}\n正文。"
    run_import(write("2023-04-21_02.txt", second), parser=fake_parse_bytes)
    make_user("shenggao", None, is_superuser=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = new_page(browser, width=1280, height=900, locale="zh-CN")
        log_in(page, live_server.url, "shenggao", PASSWORD)

        page.goto(f"{live_server.url}/admin/review/")
        # Result rows (the filter drawer's date picker has tables of its own).
        rows = page.locator("tbody tr:has(td.title)")
        assert rows.count() == 2
        assert page.get_by_text(BROKEN).is_visible()
        assert page.get_by_text("2023-04-21 第1版").is_visible()
        page.screenshot(path=str(SHOTS / "review-queue-warnings.png"), full_page=True)

        page.goto(f"{live_server.url}/admin/review/?warning_kind=order")
        assert rows.count() == 1
        row = rows.filter(has_text="有疑问的稿件")
        row.locator("li", has_text=BROKEN).get_by_role("button", name="已处理").click()
        page.wait_for_url("**/admin/review/?warning_kind=order")
        assert page.get_by_text("的一条导入提示已处理").is_visible()
        # Nothing of that kind is left; the other warning stays open.
        assert rows.count() == 0
        page.screenshot(path=str(SHOTS / "review-queue-resolved.png"), full_page=True)
        browser.close()

    article = ArticlePage.objects.get(title="有疑问的稿件")
    assert article.import_warnings == [BYLINE]
    assert PageLogEntry.objects.filter(page=article, action=RESOLVE_ACTION).count() == 1
