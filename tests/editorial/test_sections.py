"""Sections: move drafts out of the inbox, bulk actions, curated lead stories."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import ArticlePage, SectionLeadStory, SectionPage
from home.models import HomeLeadStory
from tests.editorial.conftest import edit_form_data, post_edit
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def draft(section, title, **fields):
    return make_article(section, publish=False, live=False, title=title, **fields)


def test_editor_moves_a_draft_from_the_inbox_while_editing(editor_client, inbox, section):
    article = draft(inbox, "收件箱里的稿件", slug="shoujianxiang")
    data = edit_form_data(editor_client, article, editorial_section=str(section.pk))
    response = post_edit(editor_client, article, data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.get_parent().pk == section.pk
    assert article.url_path.endswith("/yaowen/shoujianxiang/")


def test_editor_cannot_move_a_live_article(editor_client, section, site_tree):
    article = make_article(section, title="已发布稿件")
    other = SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale)
    data = edit_form_data(editor_client, article, editorial_section=str(other.pk))
    response = post_edit(editor_client, article, data, action="action-submit")
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == section.pk


def test_chief_moves_a_live_article(chief_client, section, site_tree):
    article = make_article(section, title="换栏目的稿件")
    other = SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale)
    data = edit_form_data(chief_client, article, editorial_section=str(other.pk))
    post_edit(chief_client, article, data, action="action-publish")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.get_parent().pk == other.pk and article.live


def test_section_select_lists_only_sections_of_the_same_language(editor_client, inbox):
    article = draft(inbox, "语言")
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content
    html = html.decode()
    assert "待审稿件（收件箱）" in html and "要闻" in html
    assert "Top News" not in html


def bulk_url(action, pages, parent):
    query = urlencode(
        [("id", p.pk) for p in pages]
        + [("next", reverse("wagtailadmin_explore", args=[parent.pk]))]
    )
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + query


def test_bulk_move_drafts_out_of_the_inbox(editor_client, inbox, section):
    drafts = [draft(inbox, f"待审稿件{i}") for i in range(3)]
    url = bulk_url("move", drafts, inbox)
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"chooser": section.pk})
    assert response.status_code == 302
    for page in drafts:
        assert ArticlePage.objects.get(pk=page.pk).get_parent().pk == section.pk


def test_bulk_publish_reviewed_drafts(chief_client, editor_client, inbox):
    drafts = [draft(inbox, f"已审稿件{i}") for i in range(2)]
    url = bulk_url("publish", drafts, inbox)
    # Editors may not publish: the action finds nothing they can act on.
    editor_client.post(url, {"include_descendants": ""})
    assert not ArticlePage.objects.filter(pk__in=[p.pk for p in drafts], live=True).exists()
    assert chief_client.get(url).status_code == 200
    response = chief_client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert ArticlePage.objects.filter(pk__in=[p.pk for p in drafts], live=True).count() == 2


def test_inbox_listing_offers_bulk_actions(chief_client, inbox):
    draft(inbox, "列表里的稿件")
    html = chief_client.get(reverse("wagtailadmin_explore", args=[inbox.pk])).content.decode()
    assert "列表里的稿件" in html
    assert "bulk-action" in html or "data-bulk-action" in html


def lead_story_data(client, page, chosen):
    """The home/section edit form with ``chosen`` as its ordered lead stories."""
    data = edit_form_data(client, page, body=[])
    for key in [k for k in data if k.startswith("lead_stories-")]:
        del data[key]
    data.update(
        nested_form_data({"lead_stories": inline_formset([{"page": str(p.pk)} for p in chosen])})
    )
    for key in [k for k in data if k.startswith("body-")]:
        del data[key]
    return data


def test_chief_curates_home_lead_stories(chief_client, site_tree, section):
    first = make_article(section, title="头条一")
    second = make_article(section, title="头条二")
    data = lead_story_data(chief_client, site_tree, [second, first])
    response = post_edit(chief_client, site_tree, data, action="action-publish")
    assert response.status_code == 302
    stories = HomeLeadStory.objects.filter(home=site_tree).order_by("sort_order")
    assert [s.page_id for s in stories] == [second.pk, first.pk]


def test_chief_curates_section_lead_stories(chief_client, section):
    stories = [make_article(section, title=f"栏目头条{i}") for i in range(3)]
    data = lead_story_data(chief_client, section, [stories[2], stories[0]])
    response = post_edit(chief_client, section, data, action="action-publish")
    assert response.status_code == 302
    chosen = SectionLeadStory.objects.filter(section=section).order_by("sort_order")
    assert [s.page_id for s in chosen] == [stories[2].pk, stories[0].pk]


def test_lead_stories_accept_only_articles(chief_client, site_tree, section, inbox):
    data = lead_story_data(chief_client, site_tree, [inbox])
    response = post_edit(chief_client, site_tree, data, action="action-publish")
    assert response.status_code == 200  # form redisplayed with an error
    assert not HomeLeadStory.objects.exists()
    chooser = chief_client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "articles.articlepage"}
    )
    assert chooser.status_code == 200


def test_translations_follow_an_article_to_its_new_section(editor_client, section, site_tree):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    en = Locale.objects.get(language_code="en")
    article = draft(section, "要翻译的稿件", slug="yao-fanyi")
    translate_object(article, [en])
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=en)
    assert english.get_parent().slug == "yaowen"

    other = SectionPage.objects.get(slug="laodongzhe", locale=site_tree.locale)
    url = bulk_url("move", [article], section)
    assert editor_client.post(url, {"chooser": other.pk}).status_code == 302

    english = ArticlePage.objects.get(pk=english.pk)
    assert english.get_parent().specific.title == "Workers"
    assert english.url_path.endswith("/laodongzhe/yao-fanyi/")


def test_autosave_does_not_move_the_article(editor_client, inbox, section):
    article = draft(inbox, "自动保存的稿件")
    data = edit_form_data(editor_client, article, editorial_section=str(section.pk))
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        data,
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == inbox.pk
    # The next explicit save moves it.
    data = edit_form_data(editor_client, article, editorial_section=str(section.pk))
    post_edit(editor_client, article, data)
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == section.pk
