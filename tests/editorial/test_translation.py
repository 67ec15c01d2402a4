"""Chinese → English with wagtail-localize: submit, translate, publish, sync."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticlePage
from tests.editorial.conftest import edit_form_data, post_edit
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ENGLISH = {
    "职工书屋开进工地": "Workers' libraries reach building sites",
    "zhigong-shuwu": "workers-libraries",
    "书香进工地": "Books on site",
    "三千册图书送到一线": "3,000 books delivered to the front line",
    "本报记者 田国垒": "By our reporter Tian Guolei",
    "工地上有了书屋。": "Building sites now have libraries.",
    "工人们下班后来读书。": "Workers come to read after their shifts.",
    "现场": "At the site",
    "新增的一段。": "A paragraph added later.",
}


def translate_strings(client, translation):
    """Fill every untranslated segment the way the translation editor does (PUT per string)."""
    done = 0
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        text = segment.string.data
        if text not in ENGLISH:
            continue
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url,
            urlencode({"value": ENGLISH[text]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
        done += 1
    return done


def make_library_article(section):
    """The Chinese article the translation tests send to English."""
    return make_article(
        section,
        title="职工书屋开进工地",
        slug="zhigong-shuwu",
        kicker="书香进工地",
        subheadline="三千册图书送到一线",
        byline="本报记者 田国垒",
        body=[
            ("heading", "现场"),
            ("paragraph", "工地上有了书屋。"),
            ("paragraph", "工人们下班后来读书。"),
        ],
    )


def test_translation_round_trip(
    editor_client, chief_client, section, client, django_capture_on_commit_callbacks
):
    en = Locale.objects.get(language_code="en")
    source_page = make_library_article(section)

    # 1. An editor sends the article to English ("Translate this page").
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
    assert editor_client.get(submit_url).status_code == 200
    response = editor_client.post(submit_url, {"locales": [en.pk]})
    assert response.status_code == 302
    english = ArticlePage.objects.get(translation_key=source_page.translation_key, locale=en)
    assert not english.live  # a draft until a translator publishes it
    assert english.get_parent().specific.title == "Top News"
    assert client.get("/en/yaowen/zhigong-shuwu/").status_code == 404

    # 2. The translation editor opens in place of the edit view.
    translation = Translation.objects.get(
        source__object_id=source_page.translation_key, target_locale=en
    )
    editor_view = editor_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert editor_view.status_code == 200
    assert "js-translation-editor" in editor_view.content.decode()
    assert [t.name for t in editor_view.templates][0].startswith("wagtail_localize/")
    assert translate_strings(editor_client, translation) >= 8

    # 3. The chief editor publishes the translation.
    # wagtail-localize publishes on commit; the test transaction never commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = chief_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    english = ArticlePage.objects.get(pk=english.pk)
    assert english.live
    assert english.title == "Workers' libraries reach building sites"
    assert english.kicker == "Books on site"
    assert [b.block_type for b in english.body] == ["heading", "paragraph", "paragraph"]
    assert english.body[1].value == "Building sites now have libraries."
    assert english.url_path.endswith("/yaowen/workers-libraries/")

    page = client.get("/en/yaowen/workers-libraries/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Workers&#x27; libraries reach building sites" in html or (
        "Workers' libraries reach building sites" in html
    )
    assert 'lang="en"' in html

    # 4. The Chinese source changes: a chief editor adds a paragraph and publishes.
    data = edit_form_data(
        chief_client,
        source_page,
        body=[
            ("heading", "现场"),
            ("paragraph", "工地上有了书屋。"),
            ("paragraph", "工人们下班后来读书。"),
            ("paragraph", "新增的一段。"),
        ],
    )
    assert post_edit(chief_client, source_page, data, action="action-publish").status_code == 302

    # 5. Sync: Wagtail-localize's "Sync translated pages" updates the source,
    # the new segment is translated, and the translation is published again.
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert chief_client.get(sync_url).status_code == 200
    assert chief_client.post(sync_url, {}).status_code == 302
    assert translate_strings(editor_client, translation) >= 1
    with django_capture_on_commit_callbacks(execute=True):
        chief_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    english = ArticlePage.objects.get(pk=english.pk)
    assert [b.value for b in english.body][1:] == [
        "Building sites now have libraries.",
        "Workers come to read after their shifts.",
        "A paragraph added later.",
    ]
    assert english.title == "Workers' libraries reach building sites"


def test_sync_with_the_python_api(section, django_capture_on_commit_callbacks):
    """The same sync without the admin: update_from_db + save_target."""
    from wagtail_localize.operations import translate_object

    en = Locale.objects.get(language_code="en")
    source_page = make_article(section, title="源稿", body=[("paragraph", "第一段。")])
    translate_object(source_page, [en])
    translation = Translation.objects.get(source__object_id=source_page.translation_key)

    source_page = ArticlePage.objects.get(pk=source_page.pk)
    source_page.body = [("paragraph", "第一段。"), ("paragraph", "第二段。")]
    source_page.save_revision().publish()

    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = ArticlePage.objects.get(translation_key=source_page.translation_key, locale=en)
    # Untranslated segments fall back to the source text, the structure follows it.
    assert [b.value for b in english.body] == ["第一段。", "第二段。"]
