"""In a real browser: the 转版接续 panel's buttons join and split a continuation."""

import pytest
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from importers.continuations import JOIN_ACTION, SPLIT_ACTION
from tests.browser import launch, log_in, new_page, requires_chromium
from tests.editorial.conftest import PASSWORD, make_user

from .conftest import fake_parse_bytes, run_import
from .test_continuation_admin import TAIL, TWO_HEADS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    requires_chromium,
]


def test_editor_joins_then_splits_a_continuation(live_server, site_tree, write, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    run_import(write("2024-03-05_01.txt", TWO_HEADS), parser=fake_parse_bytes)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parse_bytes)
    tail = ArticlePage.objects.get(kind="continuation")
    head = ArticlePage.objects.exclude(kind="continuation").get(title="第二篇转版稿件")
    make_user("shenggao", None, is_superuser=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = new_page(browser)
        log_in(page, live_server.url, "shenggao", PASSWORD)
        edit = f"{live_server.url}/admin/pages/{tail.pk}/edit/"
        page.goto(edit)
        panel = page.locator("[data-continuation-panel]")
        panel.locator("select").select_option(str(head.pk))
        panel.get_by_role("button", name="接到所选前文").click()
        page.wait_for_url(edit)
        assert page.get_by_text("已接到《第二篇转版稿件》之后").is_visible()
        panel.get_by_role("button", name="拆开").click()
        page.wait_for_url(edit)
        assert page.get_by_text("已与《第二篇转版稿件》拆开").is_visible()
        browser.close()

    tail.refresh_from_db()
    assert tail.continues_id is None
    actions = list(PageLogEntry.objects.filter(page=tail).values_list("action", flat=True))
    assert JOIN_ACTION in actions and SPLIT_ACTION in actions
