"""Publishing a translation with untranslated text is refused, clearly."""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from articles.models import ArticlePage
from tests.editorial.test_translation import make_library_article, translate_strings
from tests.factories import make_article
from tests.importers.test_publish import bulk_publish_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_draft(editor_client, section):
    source = make_library_article(section)
    en = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    assert editor_client.post(url, {"locales": [en.pk]}).status_code == 302
    english = ArticlePage.objects.get(translation_key=source.translation_key, locale=en)
    translation = Translation.objects.get(source__object_id=source.translation_key,
                                          target_locale=en)
    return english, translation


def translate_only(client, translation, texts: dict[str, str]) -> None:
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in texts:
            url = reverse("wagtail_localize:edit_string_translation",
                          args=[translation.pk, segment.pk])
            body = urlencode({"value": texts[segment.string.data]})
            client.put(url, body, content_type="application/x-www-form-urlencoded")


def publish(client, page, capture):
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                           {"action": "publish"})


def test_a_headline_only_translation_is_not_published(
    chief_client, editor_client, english_draft, client, django_capture_on_commit_callbacks
):
    english, translation = english_draft
    translate_only(editor_client, translation,
                   {"职工书屋开进工地": "Workers' libraries reach building sites"})
    response = publish(chief_client, english, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "译文尚未完成，不能发布" in text
    assert "正文 3 处" in text  # the heading and both paragraphs
    english.refresh_from_db()
    assert not english.live
    assert client.get("/en/yaowen/zhigong-shuwu/").status_code == 404


def test_a_complete_translation_is_published(
    chief_client, editor_client, english_draft, django_capture_on_commit_callbacks
):
    english, translation = english_draft
    assert translate_strings(editor_client, translation) >= 8
    publish(chief_client, english, django_capture_on_commit_callbacks)
    english.refresh_from_db()
    assert english.live
    assert english.body[1].value == "Building sites now have libraries."


def test_bulk_publish_keeps_a_half_translated_page_a_draft(
    chief_client, editor_client, english_draft, section
):
    english, translation = english_draft
    translate_only(editor_client, translation,
                   {"职工书屋开进工地": "Workers' libraries reach building sites"})
    done = make_article(section, publish=False, title="完整稿件", slug="wanzheng")
    response = chief_client.post(bulk_publish_url(english, done), {"include_descendants": ""},
                                 follow=True)
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("1 篇稿件未发布" in m and "译文未完成 1" in m for m in shown), shown
    english.refresh_from_db()
    done.refresh_from_db()
    assert not english.live
    assert done.live


def test_bulk_publish_publishes_a_complete_translation(
    chief_client, editor_client, english_draft
):
    english, translation = english_draft
    translate_strings(editor_client, translation)
    chief_client.post(bulk_publish_url(english), {"include_descendants": ""})
    english.refresh_from_db()
    assert english.live
