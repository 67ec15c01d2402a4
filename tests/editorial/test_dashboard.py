"""The newsroom panel on the admin dashboard: queue, imports, missing photos, schedule."""

import datetime
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import ArticlePage
from editorial.review_queue import review_queue
from importers.models import ImportRun
from tests.factories import make_article

pytestmark = pytest.mark.django_db
PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@pytest.fixture
def imported(site_tree):
    with translation.override("zh-hans"):
        call_command("import_articles", str(PAGES), "--publish", stdout=io.StringIO())


def panel(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return soup.select_one("#newsroom-content") or soup.find(
        lambda tag: tag.name == "dl" and "newsroom-dashboard" in (tag.get("class") or [])
    )


def test_panel_shows_queue_imports_and_missing_photos(imported, admin_client):
    dl = panel(admin_client)
    assert dl is not None
    text = dl.get_text(" ", strip=True)
    assert f"{review_queue().count()} 篇待处理" in text
    oldest = review_queue().order_by("latest_revision_created_at", "pk").first()
    assert dl.find("a", href=reverse("wagtailadmin_pages:edit", args=[oldest.pk]))
    run = ImportRun.objects.get()
    assert dl.find("a", href=reverse("import_runs:inspect", args=[run.pk]))
    assert f"提示 {run.warnings} 条" in text
    # Photo items without their picture are held as drafts: listed as missing.
    photos = ArticlePage.objects.filter(kind="photo")
    assert f"{photos.count()} 篇稿件的图片还没有补上" in text
    photo = photos.order_by("-pk").first()
    assert dl.find("a", href=reverse("wagtailadmin_pages:edit", args=[photo.pk]))


def test_panel_lists_scheduled_pages(site_tree, section, admin_client):
    article = make_article(section, publish=False, title="明早发布的稿件")
    article.go_live_at = timezone.now() + datetime.timedelta(hours=10)
    article.save_revision().publish()
    dl = panel(admin_client)
    assert "明早发布的稿件" in dl.get_text()
    assert "没有定时发布的页面" not in dl.get_text()


def test_panel_is_for_editors_only(site_tree, client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "编辑部今日" not in client.get("/admin/").content.decode()
