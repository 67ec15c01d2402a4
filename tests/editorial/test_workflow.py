"""Review workflow: an editor submits, a chief editor approves and the article goes live."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState

from articles.models import ArticlePage
from editorial.setup import APPROVAL_TASK_NAME, CHIEF_EDITORS, EDITORS, WORKFLOW_NAME
from home.models import HomePage
from home.site_setup import ensure_site
from tests.editorial.conftest import edit_form_data, post_edit
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_setup_creates_groups_and_workflow_once(site_tree):
    editors = Group.objects.get(name=EDITORS)
    chiefs = Group.objects.get(name=CHIEF_EDITORS)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    tasks = [t.specific for t in workflow.tasks.all()]
    assert [t.name for t in tasks] == [APPROVAL_TASK_NAME]
    assert list(tasks[0].groups.all()) == [chiefs]
    for home in HomePage.objects.filter(depth=2):
        assert WorkflowPage.objects.get(page=home).workflow == workflow
        perms = set(
            GroupPagePermission.objects.filter(page=home, group=editors).values_list(
                "permission__codename", flat=True
            )
        )
        assert {"add_page", "change_page"} <= perms and "publish_page" not in perms
        assert GroupPagePermission.objects.filter(
            page=home, group=chiefs, permission__codename="publish_page"
        ).exists()

    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    assert not ensure_site()
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
    )


def test_every_section_and_article_uses_the_workflow(section, inbox):
    article = make_article(section)
    for page in (section, inbox, article):
        assert page.get_workflow().name == WORKFLOW_NAME
    english = Page.objects.get(locale__language_code="en", slug="yaowen")
    assert english.get_workflow().name == WORKFLOW_NAME


def test_editor_can_edit_but_not_publish(editor, chief, section):
    article = make_article(section)
    editor_perms = article.permissions_for_user(editor)
    assert editor_perms.can_edit() and not editor_perms.can_publish()
    assert section.permissions_for_user(editor).can_add_subpage()
    assert article.permissions_for_user(chief).can_publish()


def test_submit_approve_publish(editor_client, chief_client, section, client):
    article = make_article(section, title="旧标题")
    data = edit_form_data(editor_client, article, title="职工书屋开进工地")
    response = post_edit(editor_client, article, data, action="action-submit")
    assert response.status_code == 302

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "旧标题"  # the live page is unchanged until approved
    assert article.has_unpublished_changes
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state

    # An editor cannot approve their own submission.
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    assert editor_client.post(url).status_code in (302, 403)
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_IN_PROGRESS

    # The chief editor sees it on the dashboard, then approves it.
    dashboard = chief_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "职工书屋开进工地" in dashboard
    response = chief_client.post(url)
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.title == "职工书屋开进工地"
    assert not article.has_unpublished_changes

    public = client.get(article.url)
    assert public.status_code == 200
    assert "职工书屋开进工地" in public.content.decode()


def test_chief_requests_changes(editor_client, chief_client, section):
    article = make_article(section, title="待改稿件")
    data = edit_form_data(editor_client, article, title="改过的标题")
    post_edit(editor_client, article, data, action="action-submit")
    state = WorkflowState.objects.get(object_id=str(article.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "reject", state.current_task_state.pk],
    )
    response = chief_client.post(url, {"comment": "请核对人名"})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert ArticlePage.objects.get(pk=article.pk).title == "待改稿件"


def test_editor_cannot_publish_directly(editor_client, section):
    article = make_article(section, title="原标题")
    data = edit_form_data(editor_client, article, title="编辑想直接发布")
    post_edit(editor_client, article, data, action="action-publish")
    assert ArticlePage.objects.get(pk=article.pk).title == "原标题"


def test_scheduled_publishing(chief_client, inbox):
    article = make_article(inbox, publish=False, live=False, title="定时发布稿件")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    data = edit_form_data(
        chief_client,
        article,
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    response = post_edit(chief_client, article, data, action="action-publish")
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    assert article.scheduled_revision is not None

    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=article.pk).live

    # Two hours later (moved back in the data: no clock mocking needed).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = article.scheduled_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=article.pk).live
