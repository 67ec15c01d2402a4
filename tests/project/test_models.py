"""Every model field survives a trip through the database."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticleKind,
    ArticlePage,
    Author,
    AuthorRole,
    PrintPage,
    SectionLeadStory,
)
from home.models import HomeLeadStory
from importers.models import ImportedArticle, ImportRun
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_article_fields_round_trip(section):
    image = Image.objects.create(title="现场", file=get_test_image_file())
    print_page = PrintPage.objects.create(
        edition_date=datetime.date(2023, 4, 21), page_number=3, page_name="工会新闻"
    )
    run = ImportRun.objects.create(operator="editor", options={"publish": False})
    reviewer = get_user_model().objects.create_user("reviewer")
    reviewed_at = datetime.datetime(2023, 4, 22, 8, 30, tzinfo=datetime.UTC)
    body = [
        ("heading", "两个小“家”牵手促振兴"),
        ("paragraph", "国庆期间，在重庆市丰都县栗子乡南江村，来了不少客人。"),
        (
            "photo",
            {"image": image, "caption": "职工帮助村民打谷子。", "credit": "本报记者 陈华 摄"},
        ),
        ("quote", {"text": "工会帮着带娃。", "attribution": "职工小张"}),
    ]
    article = make_article(
        section,
        title="职工小家“下乡”",
        kicker="引导职工助力乡村振兴",
        subheadline="重庆南江村牵手活动",
        reader_prompt="阅读提示的一段话。",
        byline="本报记者 李国",
        dateline="（新华社北京12月25日电）",
        column_label="新闻特写",
        kind=ArticleKind.COMMENTARY,
        body=body,
        print_page=print_page,
        continued_from_page=1,
        source_name="2023-04-21_03.txt",
        source_sha256="a" * 64,
        source_position=2,
        source_text="# 职工小家“下乡”\n\n本报记者 李国",
        import_warnings=["未找到标题"],
        import_run=run,
        import_revision_id=42,
        headline_is_provisional=True,
        reviewed_at=reviewed_at,
        reviewed_by=reviewer,
    )
    article.tags.add("乡村振兴", "职工小家")
    article.save()  # cluster tags are written with the page
    author = Author.objects.create(name="李国", role=AuthorRole.REPORTER)
    ArticleAuthor.objects.create(page=article, author=author, role=AuthorRole.REPORTER)
    ArticleCorrection.objects.create(
        page=article, date=datetime.date(2023, 4, 23), text="更正：人名有误。"
    )

    got = ArticlePage.objects.get(pk=article.pk)
    assert (got.title, got.kicker, got.subheadline) == (
        "职工小家“下乡”", "引导职工助力乡村振兴", "重庆南江村牵手活动"
    )
    assert got.headline == got.title
    assert got.reader_prompt == "阅读提示的一段话。"
    assert (got.byline, got.dateline, got.column_label) == (
        "本报记者 李国", "（新华社北京12月25日电）", "新闻特写"
    )
    assert got.kind == ArticleKind.COMMENTARY
    assert [block.block_type for block in got.body] == ["heading", "paragraph", "photo", "quote"]
    photo = got.body[2].value
    assert photo["image"] == image and photo["credit"] == "本报记者 陈华 摄"
    assert got.body[3].value["attribution"] == "职工小张"
    assert got.print_page == print_page and got.continued_from_page == 1
    assert (got.source_name, got.source_sha256, got.source_position) == (
        "2023-04-21_03.txt", "a" * 64, 2
    )
    assert got.source_text.startswith("# 职工小家")
    assert got.import_warnings == ["未找到标题"]
    assert got.import_run == run and got.import_revision_id == 42
    assert got.headline_is_provisional
    assert got.reviewed_at == reviewed_at and got.reviewed_by == reviewer
    assert set(got.tags.names()) == {"乡村振兴", "职工小家"}
    assert [(a.author.name, a.role) for a in got.article_authors.all()] == [("李国", "reporter")]
    assert [c.text for c in got.corrections.all()] == ["更正：人名有误。"]
    assert list(print_page.articles.all()) == [got.page_ptr.specific]


def test_author_slug_is_unique_and_readable(db):
    first = Author.objects.create(name="王伟")
    second = Author.objects.create(name="王伟")
    assert first.slug == "王伟"
    assert second.slug == "王伟-2"
    assert str(first) == "王伟"


def test_print_page_attachments_and_uniqueness(db):
    doc = Document.objects.create(title="第3版", file=ContentFile(b"%PDF-1.4", name="p3.pdf"))
    page = PrintPage.objects.create(
        edition_date=datetime.date(2023, 4, 21), page_number=3, page_name="工会新闻", pdf=doc
    )
    assert PrintPage.objects.get(pk=page.pk).pdf == doc
    assert str(page) == "2023-04-21 第3版 工会新闻"
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        PrintPage.objects.create(edition_date=datetime.date(2023, 4, 21), page_number=3)


def test_lead_stories_and_import_records(site_tree, section):
    article = make_article(section, title="头条")
    HomeLeadStory.objects.create(home=site_tree, page=article, sort_order=0)
    SectionLeadStory.objects.create(section=section, page=article, sort_order=0)
    assert [s.page for s in site_tree.lead_stories.all()] == [article]
    assert [s.page for s in section.lead_stories.all()] == [article]

    run = ImportRun.objects.create(
        files=[{"source": "a.txt", "status": "ok"}], created=1, warnings=2
    )
    record = ImportedArticle.objects.create(
        source_name="a.txt", position=0, sha256="b" * 64, page=article, run=run
    )
    got_run = ImportRun.objects.get(pk=run.pk)
    assert got_run.files == [{"source": "a.txt", "status": "ok"}]
    assert (got_run.created, got_run.warnings, got_run.status) == (1, 2, "running")
    assert ImportedArticle.objects.get(pk=record.pk).page_id == article.pk


def test_copies_and_translations_do_not_claim_the_import(section):
    from wagtail.models import Locale

    article = make_article(
        section,
        title="导入稿",
        source_name="p.txt",
        source_sha256="c" * 64,
        source_position=0,
        source_text="原文",
        import_warnings=["提示"],
    )
    copy = article.copy(update_attrs={"slug": "copy", "title": "副本"})
    assert (copy.source_name, copy.source_text, copy.import_warnings) == ("", "", [])
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    assert english.source_name == "" and english.source_position is None
