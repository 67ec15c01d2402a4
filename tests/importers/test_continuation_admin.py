"""Editors join a continuation to its head story, or split a wrong join, from
its edit view; both are kept in the page history. Invented text."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from articles.models.continuation_panel import HEAD_FIELD
from importers.continuations import JOIN_ACTION, SPLIT_ACTION

from .conftest import run_import
from .test_continuations import TWO_MARKED_HEADS as TWO_HEADS

pytestmark = pytest.mark.django_db

TAIL = """（上接第1版）
kind: continuation
from: 1
招聘会现场还设置了政策咨询台。
"""
OTHER_DAY = """别的日子的稿件
to: 2
另一天的正文。
"""


@pytest.fixture
def unsure(site_tree, fake_parser, write):
    """A tail the importer could not join: two heads on page 1 say 下转第2版."""
    run_import(write("2024-03-05_01.txt", TWO_HEADS), parser=fake_parser)
    run_import(write("2024-03-04_01.txt", OTHER_DAY), parser=fake_parser)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser)
    return ArticlePage.objects.get(kind="continuation")


def head(title: str) -> ArticlePage:
    return ArticlePage.objects.exclude(kind="continuation").get(title=title)


def edit_soup(client, page) -> BeautifulSoup:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_edit_form_shows_the_warning_and_offers_same_edition_heads(unsure, admin_client):
    soup = edit_soup(admin_client, unsure)
    panel = soup.select_one("[data-continuation-panel]")
    assert "尚未接到前文" in panel.get_text()
    options = [o.get_text(strip=True) for o in panel.select(f"select[name={HEAD_FIELD}] option")]
    assert options == ["《第一篇转版稿件》（下转第2版）", "《第二篇转版稿件》（下转第2版）"]
    join_button = panel.select_one("button[formaction]")
    assert join_button["formaction"] == reverse("editorial:join_continuation", args=[unsure.pk])
    # The importer's doubt is on the form too.
    assert "无法确定" in soup.get_text()
    # And the link is an editable field of its own.
    assert soup.select_one("[name=continues]") is not None


def test_join_links_logs_and_clears_the_doubt(unsure, admin_client, admin_user):
    target = head("第二篇转版稿件")
    url = reverse("editorial:join_continuation", args=[unsure.pk])
    response = admin_client.post(url, {HEAD_FIELD: target.pk})
    assert response.status_code == 302
    unsure.refresh_from_db()
    assert unsure.continues_id == target.pk and unsure.import_warnings == []
    assert unsure.get_latest_revision_as_object().continues_id == target.pk
    entry = PageLogEntry.objects.get(page=unsure, action=JOIN_ACTION)
    assert entry.user == admin_user and entry.data["head_id"] == target.pk
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[unsure.pk]))
    assert "接到前文《第二篇转版稿件》" in history.content.decode()
    # The head keeps its 下转 mark; its edit view lists its continuation.
    assert head("第二篇转版稿件").continues_on_page == 2
    panel = edit_soup(admin_client, target).select_one("[data-continuation-panel]")
    assert "（上接第1版）" in panel.get_text()


def test_join_refuses_a_story_of_another_edition(unsure, admin_client):
    url = reverse("editorial:join_continuation", args=[unsure.pk])
    admin_client.post(url, {HEAD_FIELD: head("别的日子的稿件").pk})
    unsure.refresh_from_db()
    assert unsure.continues_id is None
    assert not PageLogEntry.objects.filter(page=unsure, action=JOIN_ACTION).exists()


def test_split_undoes_a_join_and_takes_the_tail_offline(unsure, admin_client, admin_user):
    target = head("第一篇转版稿件")
    admin_client.post(reverse("editorial:join_continuation", args=[unsure.pk]),
                      {HEAD_FIELD: target.pk})
    unsure.refresh_from_db()
    unsure.get_latest_revision().publish(skip_permission_checks=True)
    soup = edit_soup(admin_client, unsure)
    panel = soup.select_one("[data-continuation-panel]")
    assert "已接到前文" in panel.get_text() and "第一篇转版稿件" in panel.get_text()
    split_url = reverse("editorial:split_continuation", args=[unsure.pk])
    assert panel.select_one("button[formaction]")["formaction"] == split_url

    admin_client.post(split_url)
    unsure.refresh_from_db()
    assert unsure.continues_id is None and not unsure.live
    assert unsure.get_latest_revision_as_object().continues_id is None
    entry = PageLogEntry.objects.get(page=unsure, action=SPLIT_ACTION)
    assert entry.user == admin_user
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[unsure.pk]))
    assert "已与前文《第一篇转版稿件》拆开" in history.content.decode()


def test_join_and_split_need_edit_permission(unsure, client):
    url = reverse("editorial:join_continuation", args=[unsure.pk])
    response = client.post(url, {HEAD_FIELD: head("第一篇转版稿件").pk})
    assert response.status_code in (302, 403)
    unsure.refresh_from_db()
    assert unsure.continues_id is None


def test_review_queue_files_the_doubt_under_its_kind(unsure, admin_client):
    response = admin_client.get("/admin/review/", {"warning_kind": "continuation"})
    assert [p.pk for p in response.context["object_list"]] == [unsure.pk]
    assert "转版接续" in response.content.decode()
    response = admin_client.get("/admin/review/", {"warning_kind": "edition"})
    assert unsure.pk not in [p.pk for p in response.context["object_list"]]


def test_a_story_cannot_continue_itself(unsure):
    from django.core.exceptions import ValidationError

    unsure.continues = unsure
    with pytest.raises(ValidationError) as caught:
        unsure.clean()
    assert "continues" in caught.value.message_dict
