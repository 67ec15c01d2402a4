"""The article edit view: printed-page order, Chinese labels, preview, revisions."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticlePage
from tests.editorial.conftest import edit_form_data, post_edit
from tests.factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def imported_draft(inbox, **fields):
    fields.setdefault("title", "职工技能大赛")
    fields.setdefault("kicker", "引题文字")
    fields.setdefault("subheadline", "副题文字")
    fields.setdefault("reader_prompt", "阅读提示文字")
    fields.setdefault("byline", "本报记者 田国垒")
    fields.setdefault("source_name", "2023-04-21_03.txt")
    fields.setdefault("source_text", "原始文本第一行")
    fields.setdefault("import_warnings", ["标题不确定：请核对"])
    fields.setdefault("headline_is_provisional", True)
    fields.setdefault("live", False)  # make_article leaves Page.live at its default, True
    return make_article(inbox, publish=False, **fields)


def test_edit_view_follows_the_printed_page(editor_client, inbox):
    article = imported_draft(inbox)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # Input names in the order a reader meets them on the printed page.
    order = [
        'name="kicker"',
        'name="title"',
        'name="subheadline"',
        'name="reader_prompt"',
        'name="byline"',
        'name="article_authors-TOTAL_FORMS"',
        'id="body" data-block',
        'name="editorial_section"',
        'name="print_page"',
        'name="tags"',
        "导入信息（只读）",
    ]
    positions = [html.find(marker) for marker in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=True))
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))
    # Chinese labels and help text, and the importer's notes shown read-only.
    for text in [
        "引题",
        "主题（主标题）",
        "副题",
        "阅读提示",
        "署名与作者",
        "栏目、版面与标签",
        "导入时未能确定标题",
        "标题不确定：请核对",
        "原始文本第一行",
    ]:
        assert text in html, text
    assert 'name="source_text"' not in html
    assert 'name="import_warnings"' not in html


def test_editor_saves_a_draft_with_a_new_headline(editor_client, inbox):
    article = imported_draft(inbox)
    data = edit_form_data(editor_client, article, title="全国职工技能大赛开幕")
    data.pop("headline_is_provisional", None)  # unticked
    response = post_edit(editor_client, article, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.title == "全国职工技能大赛开幕"
    assert latest.headline_is_provisional is False
    assert latest.body.raw_data[0]["value"] == "第一段正文。"
    assert not Page.objects.get(pk=article.pk).live


def test_preview_renders_the_public_template(editor_client, section):
    article = make_article(section, title="预览稿件", body=paragraphs("预览正文。"))
    data = edit_form_data(editor_client, article, title="预览中的新标题")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True
    response = editor_client.get(url)
    assert response.status_code == 200
    assert "预览中的新标题" in response.content.decode()


def test_revisions_can_be_compared(editor_client, section):
    article = make_article(section, title="第一版标题")
    first = article.latest_revision
    article.title = "第二版标题"
    second = article.save_revision()
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert history.status_code == 200
    compare = editor_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "第一版标题" in html and "第二版标题" in html


def test_comments_are_enabled_on_articles(editor_client, section):
    article = make_article(section)
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'id="comments-data"' in html and "data-comment-add" in html


def test_article_model_lists_fields_for_translators():
    from wagtail_localize.fields import get_translatable_fields

    fields = {f.field_name: f for f in get_translatable_fields(ArticlePage)}
    assert fields["body"].is_translated(ArticlePage())
    assert "source_text" not in fields and "import_warnings" not in fields
    assert fields["article_authors"].is_synchronized(ArticlePage())


def test_import_panel_only_on_imported_articles(editor_client, section, inbox):
    written_here = make_article(section, title="编辑部自写稿")
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[written_here.pk]))
    assert "导入信息（只读）" not in html.content.decode()

    imported = imported_draft(inbox, import_warnings=["第一条提示", "第二条<提示>"])
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[imported.pk])).content
    html = html.decode()
    assert "<li>第一条提示</li>" in html and "<li>第二条&lt;提示&gt;</li>" in html


def test_admin_in_english(client, editor, inbox):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    article = imported_draft(inbox)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    for text in [
        "Kicker",
        "Headline",
        "Subheadline",
        "Reader prompt",
        "Byline and authors",
        "Section, print page and tags",
        "Import details (read-only)",
    ]:
        assert text in html, text
    assert ">引题<" not in html and "主题（主标题）" not in html


def test_import_warnings_show_at_the_top_of_the_form(admin_client, section):
    from bs4 import BeautifulSoup

    article = make_article(
        section, title="临时标题", import_warnings=["未找到标题，已用首句作为临时标题"],
        source_name="p.txt", source_text="原文",
    )
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    banner = soup.select_one(".help-warning[role=note]")
    assert banner is not None and "导入提示 1 条" in banner.get_text()
    # The warning itself is listed with the source beside the form (or above
    # it on a narrow screen): before the headline field either way.
    assert "未找到标题" in soup.select_one("aside.source-beside").get_text()
    assert html.index("未找到标题") < html.index('name="title"')

    plain = make_article(section, title="普通稿件", slug="plain")
    html = admin_client.get(f"/admin/pages/{plain.pk}/edit/").content.decode()
    assert "导入提示" not in BeautifulSoup(html, "html.parser").get_text()
