"""Photos for imported photo blocks, the missing-photo report, corrections, print pages."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticleCorrection, ArticlePage, PrintPage
from editorial.photos import pages_missing_photos
from tests.editorial.conftest import edit_form_data, post_edit
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CAPTION = "职工帮助村民打谷子。"


def photo_article(section, title="图片新闻", image=None):
    return make_article(
        section,
        title=title,
        body=[
            ("paragraph", "正文。"),
            ("photo", {"image": image, "caption": CAPTION, "credit": "本报记者 陈华 摄"}),
        ],
    )


def test_report_lists_live_articles_with_empty_photo_blocks(editor_client, section, inbox):
    image = Image.objects.create(title="有图", file=get_test_image_file())
    missing = photo_article(section, "缺图的稿件")
    photo_article(section, "有图的稿件", image=image)
    make_article(section, title="没有图片块")
    make_article(
        inbox,
        publish=False,
        live=False,
        title="草稿不算",
        body=[("photo", {"image": None, "caption": "x", "credit": ""})],
    )
    assert [p.pk for p in pages_missing_photos()] == [missing.pk]

    url = reverse("editorial:missing_photos")
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "缺图报告" in html
    assert "缺图的稿件" in html and "有图的稿件" not in html and "草稿不算" not in html
    assert reverse("wagtailadmin_pages:edit", args=[missing.pk]) in html
    assert CAPTION in html
    # Listed in the Reports menu.
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in home
    export = editor_client.get(url, {"export": "csv"})
    assert export.status_code == 200
    assert "缺图的稿件" in b"".join(export.streaming_content).decode()


def test_report_is_for_editors_only(client, section, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get(reverse("editorial:missing_photos")).status_code in (302, 403)


def test_editor_attaches_a_photo_and_chief_publishes(editor_client, chief_client, section):
    article = photo_article(section)
    image = Image.objects.create(title="打谷子", file=get_test_image_file())
    body = [
        ("paragraph", "正文。"),
        ("photo", {"image": str(image.pk), "caption": CAPTION, "credit": "本报记者 陈华 摄"}),
    ]
    data = edit_form_data(chief_client, article, body=body)
    response = post_edit(chief_client, article, data, action="action-publish")
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    photo = article.body[1]
    assert photo.block_type == "photo"
    assert photo.value["image"].pk == image.pk
    assert photo.value["caption"] == CAPTION
    assert pages_missing_photos() == []


def test_editor_can_upload_an_image(editor_client, site_tree):
    upload = SimpleUploadedFile("photo.png", get_test_image_file().file.getvalue(), "image/png")
    response = editor_client.post(
        reverse("wagtailimages:add"), {"title": "现场照片", "file": upload}
    )
    assert response.status_code == 302
    assert Image.objects.filter(title="现场照片").exists()


def test_chief_appends_a_correction_to_a_published_article(chief_client, section):
    article = make_article(section, title="需要更正的稿件")
    ArticleCorrection.objects.create(
        page=article, date=datetime.date(2023, 4, 22), text="旧更正", sort_order=0
    )
    article.save_revision().publish()
    data = edit_form_data(chief_client, article)
    data.update(
        {
            "corrections-TOTAL_FORMS": "2",
            "corrections-1-date": "2023-04-23",
            "corrections-1-text": "本文第二段中“李国”应为“李国强”。",
            "corrections-1-ORDER": "1",
            "corrections-1-DELETE": "",
            "corrections-1-id": "",
        }
    )
    response = post_edit(chief_client, article, data, action="action-publish")
    assert response.status_code == 302
    corrections = list(ArticleCorrection.objects.filter(page=article).order_by("sort_order"))
    assert [c.text for c in corrections] == ["旧更正", "本文第二段中“李国”应为“李国强”。"]
    assert corrections[1].date == datetime.date(2023, 4, 23)
    assert ArticlePage.objects.get(pk=article.pk).live


def test_print_page_snippet_with_pdf_and_image(editor_client, section):
    document = Document.objects.create(
        title="2023-04-21 第3版",
        file=SimpleUploadedFile("page3.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    image = Image.objects.create(title="第3版", file=get_test_image_file())
    url = reverse("wagtailsnippets_articles_printpage:add")
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url,
        {
            "edition_date": "2023-04-21",
            "page_number": "3",
            "page_name": "工会新闻",
            "pdf": str(document.pk),
            "image": str(image.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PrintPage.objects.get(edition_date=datetime.date(2023, 4, 21), page_number=3)
    assert page.pdf == document and page.image == image
    assert str(page) == "2023-04-21 第3版 工会新闻"

    listing = editor_client.get(reverse("wagtailsnippets_articles_printpage:list"))
    assert "2023-04-21 第3版 工会新闻" in listing.content.decode()

    # The article's print page is chosen in its edit form.
    article = make_article(section, title="第3版的稿件")
    data = edit_form_data(editor_client, article, print_page=str(page.pk))
    assert post_edit(editor_client, article, data).status_code == 302
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.print_page_id == page.pk
