"""The editors' side: review queue, mark reviewed, edit-view provenance, run records."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from articles.models import ArticlePage, SectionPage
from importers.models import ImportRun

from .conftest import run_import

pytestmark = pytest.mark.django_db

QUEUE = "/admin/review/"
FILE = """第一篇稿件
warn: 标题位置可疑
正文一。
---
第二篇稿件
column: 新闻特写
正文二。
---
第三篇稿件
正文三。
"""


@pytest.fixture
def imported(site_tree, fake_parser, write):
    first = run_import(write("2023-04-21_01.txt", FILE), parser=fake_parser)
    second = run_import(write("2023-04-21_02.txt", "另一批稿件\n正文。"), parser=fake_parser)
    return first, second


def titles(response) -> list[str]:
    return [p.title for p in response.context["object_list"]]


def test_queue_lists_unreviewed_imported_drafts_newest_first(imported, admin_client, section):
    from tests.factories import make_article

    make_article(section, publish=False, title="手工稿件")  # not imported
    published = ArticlePage.objects.get(title="第三篇稿件")
    published.save_revision().publish()
    response = admin_client.get(QUEUE)
    assert response.status_code == 200
    assert titles(response) == ["另一批稿件", "第二篇稿件", "第一篇稿件"]
    html = response.content.decode()
    first = ArticlePage.objects.get(title="第一篇稿件")
    assert reverse("wagtailadmin_pages:edit", args=[first.pk]) in html
    assert "2023-04-21_01.txt #0" in html
    assert "新闻特写" in html and "待审稿件" in html
    assert "审稿队列" in html


def test_queue_filters(imported, admin_client):
    first_run, second_run = imported
    response = admin_client.get(QUEUE, {"import_run": second_run.run_id})
    assert titles(response) == ["另一批稿件"]
    feature = SectionPage.objects.get(title="新闻特写", locale__language_code="zh-hans")
    response = admin_client.get(QUEUE, {"section": feature.pk})
    assert titles(response) == ["第二篇稿件"]
    response = admin_client.get(QUEUE, {"has_warnings": "true"})
    assert titles(response) == ["第一篇稿件"]
    response = admin_client.get(QUEUE, {"has_warnings": "false"})
    assert "第一篇稿件" not in titles(response) and len(titles(response)) == 3
    # The AJAX results view used by Wagtail's filter drawer answers the same.
    response = admin_client.get(QUEUE + "results/", {"import_run": first_run.run_id})
    assert sorted(titles(response)) == ["第一篇稿件", "第三篇稿件", "第二篇稿件"]


def test_queue_paginates(site_tree, fake_parser, write, admin_client):
    text = "\n---\n".join(f"稿件{i}\n正文{i}。" for i in range(55))
    run_import(write("many.txt", text), parser=fake_parser)
    page1 = admin_client.get(QUEUE)
    assert len(page1.context["object_list"]) == 50
    page2 = admin_client.get(QUEUE, {"p": 2})
    assert len(page2.context["object_list"]) == 5


def test_queue_needs_page_permissions(imported, client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    response = client.get(QUEUE)
    assert response.status_code in (302, 403) and response.get("Location") != QUEUE


def test_mark_reviewed_from_the_queue(imported, admin_client, admin_user):
    page = ArticlePage.objects.get(title="第一篇稿件")
    url = reverse("editorial:mark_reviewed", args=[page.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200 and "第一篇稿件" in confirm.content.decode()
    response = admin_client.post(url, {"next": QUEUE + "?has_warnings=true"})
    assert response.status_code == 302 and response["Location"] == QUEUE + "?has_warnings=true"
    page.refresh_from_db()
    assert page.reviewed_at is not None and page.reviewed_by == admin_user
    # Reviewed, but its warning is still open: it stays on the to-do list
    # until the warning itself is resolved; a draft without one leaves.
    assert "第一篇稿件" in titles(admin_client.get(QUEUE))
    second = ArticlePage.objects.get(title="第二篇稿件")
    admin_client.post(reverse("editorial:mark_reviewed", args=[second.pk]))
    assert "第二篇稿件" not in titles(admin_client.get(QUEUE))
    # The mark survives an editor's later revision being published.
    latest = page.get_latest_revision_as_object()
    latest.save_revision().publish()
    page.refresh_from_db()
    assert page.reviewed_by == admin_user


def test_mark_reviewed_rejects_foreign_next_url(imported, admin_client):
    page = ArticlePage.objects.get(title="第一篇稿件")
    url = reverse("editorial:mark_reviewed", args=[page.pk])
    response = admin_client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == QUEUE


def test_mark_reviewed_needs_edit_permission(imported, client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    page = ArticlePage.objects.get(title="第一篇稿件")
    response = client.post(reverse("editorial:mark_reviewed", args=[page.pk]))
    assert response.status_code in (302, 403) and response.get("Location") != QUEUE
    page.refresh_from_db()
    assert page.reviewed_at is None


def test_publishing_counts_as_review(imported, django_user_model):
    editor = django_user_model.objects.create_user("editor1")
    page = ArticlePage.objects.get(title="第二篇稿件")
    page.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    page.refresh_from_db()
    assert page.reviewed_at is not None and page.reviewed_by == editor


def test_edit_view_shows_warnings_raw_text_and_review_button(imported, admin_client):
    page = ArticlePage.objects.get(title="第一篇稿件")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "导入信息（只读）" in html
    assert "标题位置可疑" in html  # the importer's warning
    assert "warn: 标题位置可疑" in html  # the raw source text
    assert "2023-04-21_01.txt" in html
    assert reverse("editorial:mark_reviewed", args=[page.pk]) in html


def test_edit_view_of_real_import_shows_source_text(site_tree, admin_client):
    from .conftest import PAGES

    run_import(PAGES / "000_295e818e06cf966f.txt")
    page = ArticlePage.objects.exclude(import_warnings=[]).first() or ArticlePage.objects.first()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    snippet = page.source_text.strip().splitlines()[0][:10]
    assert snippet in html
    for warning in page.import_warnings:
        assert warning in html


def test_import_run_listing_and_detail_are_read_only(imported, admin_client):
    first_run, _second = imported
    response = admin_client.get("/admin/import_runs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "导入批次" in html
    assert f"#{first_run.run_id}" in html
    run = ImportRun.objects.get(pk=first_run.run_id)
    detail = admin_client.get(f"/admin/import_runs/inspect/{run.pk}/")
    assert detail.status_code == 200
    assert "2023-04-21_01.txt" in detail.content.decode()
    assert admin_client.get("/admin/import_runs/new/", follow=True).status_code == 404
    assert admin_client.get(f"/admin/import_runs/edit/{run.pk}/", follow=True).status_code == 404
    assert admin_client.get(f"/admin/import_runs/delete/{run.pk}/", follow=True).status_code == 404


def test_menu_items(admin_client, site_tree):
    from wagtail.admin.menu import admin_menu

    request = admin_client.get("/admin/").wsgi_request
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    assert str(items["review-queue"].label) == "审稿队列"
    assert items["review-queue"].url == QUEUE
    assert str(items["import-runs"].label) == "导入记录"


def test_editor_group_member_can_use_queue(imported, client, django_user_model):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="imp-editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=imported and ArticlePage.objects.first().get_parent().get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("ed", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(QUEUE).status_code == 200
    page = ArticlePage.objects.get(title="第二篇稿件")
    client.post(reverse("editorial:mark_reviewed", args=[page.pk]))
    page.refresh_from_db()
    assert page.reviewed_by == user


def test_mark_reviewed_button_posts_with_a_csrf_token(imported, admin_user):
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    page = ArticlePage.objects.get(title="第一篇稿件")
    html = client.get(QUEUE).content.decode()
    action = reverse("editorial:mark_reviewed", args=[page.pk])
    form = re.search(rf'<form action="{action}" method="post">(.*?)</form>', html, re.S).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(action, {"csrfmiddlewaretoken": token, "next": QUEUE})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.reviewed_by == admin_user
