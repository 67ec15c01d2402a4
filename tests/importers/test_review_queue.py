"""The review queue as the editors' to-do list: warnings shown, filtered, resolved."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from editorial.resolution import RESOLVE_ACTION

from .conftest import run_import

pytestmark = pytest.mark.django_db

QUEUE = "/admin/review/"
BROKEN = "段落“职工之家建设”在句中中断，可能有文字块错位或缺失，请核对"
BYLINE = "署名位于标题之后、下一篇正文之前，已归入本篇，请核对"
PAGE_ONE = f"""有两条提示的稿件
warn: {BROKEN}
warn: {BYLINE}
正文一。
---
干净的稿件
正文二。
"""
PAGE_FOUR = f"""另一版的稿件
warn: {BYLINE}
正文。
"""


@pytest.fixture
def imported(site_tree, fake_parser, write):
    run_import(write("2023-04-21_01.txt", PAGE_ONE))
    run_import(write("2023-04-22_04.txt", PAGE_FOUR))


def titles(response) -> list[str]:
    return sorted(p.title for p in response.context["object_list"])


def page(title: str) -> ArticlePage:
    return ArticlePage.objects.get(title=title)


def publish(title: str, user=None) -> None:
    p = page(title)
    p.save_revision(user=user).publish(user=user, skip_permission_checks=True)


def test_live_articles_with_open_warnings_stay_in_the_queue(imported, admin_client):
    publish("有两条提示的稿件")
    publish("干净的稿件")
    assert titles(admin_client.get(QUEUE)) == ["另一版的稿件", "有两条提示的稿件"]


def test_each_row_shows_the_warning_text_kind_and_print_page(imported, admin_client):
    html = admin_client.get(QUEUE).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if "有两条提示的稿件" in tr.get_text())
    items = [li.get_text(" ", strip=True) for li in row.select("ul.review-warnings li")]
    assert len(items) == 2
    assert items[0].startswith("段落错位或中断") and BROKEN in items[0]
    assert items[1].startswith("署名") and BYLINE in items[1]
    assert "2023-04-21 第1版" in row.get_text()
    forms = row.select("form.review-warnings__resolve")
    assert [f.select_one("input[name=warning]")["value"] for f in forms] == [BROKEN, BYLINE]
    assert all(f.select_one("input[name=csrfmiddlewaretoken]")["value"] for f in forms)


def test_queue_filters_by_warning_kind_edition_date_and_status(imported, admin_client):
    assert titles(admin_client.get(QUEUE, {"warning_kind": "order"})) == ["有两条提示的稿件"]
    assert titles(admin_client.get(QUEUE, {"warning_kind": "byline"})) == [
        "另一版的稿件", "有两条提示的稿件",
    ]
    assert titles(admin_client.get(QUEUE, {"warning_kind": "photo"})) == []
    assert titles(admin_client.get(QUEUE, {"edition_date": "2023-04-22"})) == ["另一版的稿件"]
    publish("另一版的稿件")
    assert titles(admin_client.get(QUEUE, {"live": "true"})) == ["另一版的稿件"]
    assert "另一版的稿件" not in titles(admin_client.get(QUEUE, {"live": "false"}))
    # The filter drawer's AJAX results view answers the same.
    response = admin_client.get(QUEUE + "results/", {"warning_kind": "order"})
    assert titles(response) == ["有两条提示的稿件"]


def test_resolving_a_warning_is_logged_and_removes_only_that_warning(
    imported, admin_client, admin_user
):
    publish("有两条提示的稿件")
    target = page("有两条提示的稿件")
    url = reverse("editorial:resolve_warning", args=[target.pk])
    response = admin_client.post(url, {"warning": BROKEN, "next": QUEUE + "?live=true"})
    assert response.status_code == 302 and response["Location"] == QUEUE + "?live=true"
    target.refresh_from_db()
    assert target.import_warnings == [BYLINE]
    assert target.get_latest_revision_as_object().import_warnings == [BYLINE]
    entry = PageLogEntry.objects.get(page=target, action=RESOLVE_ACTION)
    assert entry.user == admin_user and entry.data == {"warning": BROKEN}
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[target.pk]))
    assert f"已处理导入提示：{BROKEN}" in history.content.decode()
    # Still one open warning: still on the list. Resolving the last takes it off.
    assert "有两条提示的稿件" in titles(admin_client.get(QUEUE))
    admin_client.post(url, {"warning": BYLINE})
    assert "有两条提示的稿件" not in titles(admin_client.get(QUEUE))


def test_an_unrelated_edit_or_publish_keeps_the_warnings(imported, admin_client):
    target = page("有两条提示的稿件")
    edited = target.get_latest_revision_as_object()
    edited.title = "编辑改过的标题"
    edited.save_revision().publish()
    target.refresh_from_db()
    assert target.import_warnings == [BROKEN, BYLINE]
    assert "编辑改过的标题" in titles(admin_client.get(QUEUE))


def test_a_warning_resolved_twice_is_reported_not_logged_twice(imported, admin_client):
    target = page("另一版的稿件")
    url = reverse("editorial:resolve_warning", args=[target.pk])
    admin_client.post(url, {"warning": BYLINE})
    response = admin_client.post(url, {"warning": BYLINE}, follow=True)
    assert "这条提示已不在" in response.content.decode()
    assert PageLogEntry.objects.filter(page=target, action=RESOLVE_ACTION).count() == 1


def test_resolving_needs_edit_permission_and_a_post(imported, client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    target = page("另一版的稿件")
    url = reverse("editorial:resolve_warning", args=[target.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"warning": BYLINE}).status_code in (302, 403)
    target.refresh_from_db()
    assert target.import_warnings == [BYLINE]
    assert not PageLogEntry.objects.filter(action=RESOLVE_ACTION).exists()


def test_reimporting_changed_text_brings_the_parsers_new_warnings(
    site_tree, fake_parser, write, admin_client
):
    path = write("2023-04-22_04.txt", PAGE_FOUR)
    run_import(path)
    target = page("另一版的稿件")
    admin_client.post(reverse("editorial:resolve_warning", args=[target.pk]), {"warning": BYLINE})
    path.write_text(PAGE_FOUR.replace("正文。", "改过的正文。"), encoding="utf-8")
    run_import(path)
    target.refresh_from_db()
    assert target.import_warnings == [BYLINE]
