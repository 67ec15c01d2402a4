"""The admin speaks Chinese first: whatever the browser asks for, unless a user chose."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from articles.models import ArticlePage
from importers.models import ImportRun
from tests.browser import launch, log_in, new_page, requires_chromium
from tests.editorial.admin_language import english_words
from tests.editorial.conftest import PASSWORD, make_user

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))


def test_english_words_sets_data_and_names_aside():
    text = "第 1–8 条 Wagtail 000_295e.txt http://a.example/x tests/fixtures 61 Pages"
    assert english_words(text) == ["Pages"]


@pytest.mark.django_db
def test_admin_is_chinese_for_an_english_browser(site_tree, admin_client):
    response = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="zh-hans"' in html
    assert "搜索全部页面" in html and "Search all pages" not in html


@pytest.mark.django_db
def test_login_page_is_chinese_for_an_english_browser(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="zh-hans"' in html


@pytest.mark.django_db
def test_a_user_who_chose_english_gets_english(site_tree, client):
    user = make_user("translator", None, is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert '<html lang="en"' in html


@pytest.mark.django_db
def test_public_site_still_follows_its_url_language(site_tree, client):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert '<html lang="en"' in response.content.decode()


def admin_screens() -> dict[str, str]:
    doubtful = ArticlePage.objects.exclude(import_warnings=[]).order_by("pk").first()
    section = doubtful.get_parent()
    run = ImportRun.objects.order_by("pk").last()
    return {
        "dashboard": "/admin/",
        "listing": f"/admin/pages/{section.pk}/",
        "edit": f"/admin/pages/{doubtful.pk}/edit/",
        "history": f"/admin/pages/{doubtful.pk}/history/",
        "search": "/admin/pages/search/?q=工会",
        "review-queue": "/admin/review/",
        "import-runs": "/admin/import_runs/",
        "import-run": f"/admin/import_runs/inspect/{run.pk}/",
        "missing-photos": "/admin/editorial/missing-photos/",
        "report-locked": "/admin/reports/locked/",
        "report-aging": "/admin/reports/aging-pages/",
        "report-history": "/admin/reports/site-history/",
        "report-workflow": "/admin/reports/workflow/",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@requires_chromium
def test_no_english_on_the_editors_screens_in_an_english_browser(
    live_server, site_tree, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    # As from a shell: manage.py runs commands in LANGUAGE_CODE.
    with translation.override("zh-hans"):
        call_command("import_articles", str(PAGES), "--publish", stdout=io.StringIO())
    # The superuser has no language of their own: the browser's would apply.
    make_user("zhubian", None, is_superuser=True)
    UserProfile.objects.filter(user__username="zhubian").update(preferred_language="")
    # Data, not interface: English page titles and the importer's OS account.
    data_words = {
        w for title in Page.objects.filter(locale__language_code="en").values_list(
            "title", flat=True
        ) for w in english_words(title)
    } | {"zhubian"} | {w for r in ImportRun.objects.all() for w in english_words(r.operator)}
    SHOTS.mkdir(parents=True, exist_ok=True)
    left: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = launch(p)
        page = new_page(browser, width=1280, height=900, locale="en-US")
        log_in(page, live_server.url, "zhubian", PASSWORD)
        for name, url in admin_screens().items():
            page.goto(live_server.url + url)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(SHOTS / f"admin-en-browser-{name}.png"))
            text = page.evaluate(
                """() => [document.title, document.body.innerText,
                    ...[...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
                        .filter(e => e.offsetParent !== null).map(e => e.placeholder)
                ].join('\\n')"""
            )
            words = english_words(text, data_words)
            if words:
                left[name] = sorted(set(words))
        browser.close()
    assert left == {}, left
