"""The loader: parsed articles become draft pages, idempotently and file by file."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticleKind, ArticlePage, Author, PrintPage, SectionPage
from importers.continuations import WARNING_PREFIX as JOIN_WARNING
from importers.loading import FileStatus, Importer, ImportOptions, Outcome
from importers.models import ImportedArticle, ImportRun
from importers.parsing import parse_bytes

from .conftest import PAGES, run_import

pytestmark = pytest.mark.django_db

TWO_ARTICLES = """职工小家“下乡”
by: 李国/reporter
kicker: 重庆市总工会驻南江村工作队开展
dateline: （新华社北京12月25日电）
h: 小标题
第一段。
photo: 图片说明
warn: 请核对标题
---
工匠讲堂开讲啦
by: 赖志凯/reporter
by: 李国/correspondent
column: 新闻特写
kind: brief
正文。
"""


def stream(page: ArticlePage) -> list[tuple[str, object]]:
    out = []
    for child in page.body:
        value = child.value
        if child.block_type in {"photo", "quote"}:
            value = dict(value)
        out.append((child.block_type, value))
    return out


# -- the sample pages, through the real parser --------------------------------


def test_sample_pages_every_field_lands_in_its_own_field(site_tree):
    files = sorted(PAGES.glob("*.txt"))
    result = run_import(*files)
    assert not result.failed
    expected_total = 0
    for path in files:
        parsed = parse_bytes(path.read_bytes(), source=path.name)
        expected_total += len(parsed.articles)
        rows = {r.position: r for r in ImportedArticle.objects.filter(source_name=path.name)}
        assert set(rows) == {a.position for a in parsed.articles}
        for article in parsed.articles:
            page = ArticlePage.objects.get(pk=rows[article.position].page_id)
            assert page.title == (article.headline or page.title)
            assert page.kicker == article.kicker
            assert page.subheadline == article.subheadline
            assert page.reader_prompt == article.reader_prompt
            assert page.byline == article.byline
            assert page.dateline == article.dateline
            assert page.column_label == article.column
            assert page.kind == article.kind
            assert page.continued_from_page == article.continued_from_page
            assert page.continues_on_page == article.continues_on_page
            assert [(a.author.name, a.role) for a in page.article_authors.all()] == [
                (a.name, a.role) for a in article.authors
            ][: page.article_authors.count()]
            assert {(a.author.name, a.role) for a in page.article_authors.all()} == {
                (a.name, a.role) for a in article.authors
            }
            body = stream(page)
            expected = [b for b in article.body if b.type == "photo" or b.text]
            assert [t for t, _ in body] == [b.type for b in expected]
            for (kind, value), block in zip(body, expected, strict=True):
                if kind == "photo":
                    assert value["image"] is None
                    assert value["caption"] == block.caption
                    assert value["credit"] == (block.credit or "")
                else:
                    assert value == block.text
            assert page.source_name == path.name
            assert page.source_sha256 == parsed.sha256
            assert page.source_position == article.position
            assert page.source_text == article.raw_text
            # The loader adds its own doubt to a tail it cannot join (no page 1 here).
            joins = [w for w in page.import_warnings if w.startswith(JOIN_WARNING)]
            assert [w for w in page.import_warnings if w not in joins] == article.warnings
            assert len(joins) == (article.kind == "continuation")
            assert page.headline_is_provisional == (
                article.headline_is_provisional or not article.headline
            )
            assert page.import_run_id == result.run_id
            assert page.import_revision_id == page.latest_revision_id
            assert not page.live and page.has_unpublished_changes
            parent = page.get_parent().specific
            assert isinstance(parent, SectionPage)
            labels = (article.column or "").split()
            named = [t for t in labels if SectionPage.objects.filter(title=t).exists()]
            if named:
                assert parent.title == named[0]
            else:
                assert parent.is_inbox
    assert result.created == expected_total == ArticlePage.objects.count()
    run = ImportRun.objects.get(pk=result.run_id)
    assert run.status == ImportRun.Status.FINISHED and run.created == expected_total
    assert len(run.files) == len(files)
    # One Author per person across all pages.
    names = list(Author.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


def test_sample_page_spot_checks(site_tree):
    run_import(*sorted(PAGES.glob("*.txt")))
    feature = ArticlePage.objects.get(title="“工匠讲堂”开讲啦")
    assert feature.get_parent().title == "新闻特写"
    assert feature.column_label == "新闻特写"
    assert [(a.author.name, a.role) for a in feature.article_authors.all()] == [
        ("赖志凯", "reporter"),
        ("李玉凤", "correspondent"),
    ]
    assert ArticlePage.objects.filter(article_authors__author__name="邢生祥").count() == 2
    assert Author.objects.filter(name="邢生祥").count() == 1


# -- loader behaviour, through the stand-in parser ------------------------------


def test_fields_authors_body_and_placement(site_tree, fake_parser, write):
    result = run_import(write("page.txt", TWO_ARTICLES), parser=fake_parser)
    assert (result.created, result.warnings) == (2, 1)
    first, second = (
        ArticlePage.objects.get(source_position=0),
        ArticlePage.objects.get(source_position=1),
    )
    assert first.title == "职工小家“下乡”"
    assert first.kicker == "重庆市总工会驻南江村工作队开展"
    assert first.dateline == "（新华社北京12月25日电）"
    assert stream(first) == [
        ("heading", "小标题"),
        ("paragraph", "第一段。"),
        ("photo", {"image": None, "caption": "图片说明", "credit": "本报记者 某某 摄"}),
    ]
    assert first.import_warnings == ["请核对标题"]
    assert first.get_parent().specific.is_inbox
    assert second.get_parent().title == "新闻特写"
    assert second.kind == "brief"
    # The same person is one Author across articles, whatever the role.
    assert Author.objects.filter(name="李国").count() == 1
    assert [(a.author.name, a.role) for a in second.article_authors.all()] == [
        ("赖志凯", "reporter"),
        ("李国", "correspondent"),
    ]
    assert first.print_page is None
    assert first.slug == "职工小家下乡"


def test_section_option_wins_over_column(site_tree, fake_parser, write):
    run_import(write("page.txt", TWO_ARTICLES), section="laodongzhe", parser=fake_parser)
    parents = {p.get_parent().title for p in ArticlePage.objects.all()}
    assert parents == {"劳动者"}


def test_edition_from_file_name_sets_print_page_and_slug(site_tree, fake_parser, write):
    run_import(write("2023-04-21_03.txt", TWO_ARTICLES), parser=fake_parser)
    page = ArticlePage.objects.get(source_position=0)
    assert page.print_page == PrintPage.objects.get(
        edition_date=datetime.date(2023, 4, 21), page_number=3
    )
    assert page.slug.startswith("2023-04-21-")


def test_edition_options_override_file_name(site_tree, fake_parser, write):
    run_import(
        write("2023-04-21_03.txt", TWO_ARTICLES),
        edition_date=datetime.date(2024, 1, 2),
        page=5,
        parser=fake_parser,
    )
    assert {(p.edition_date, p.page_number) for p in PrintPage.objects.all()} == {
        (datetime.date(2024, 1, 2), 5)
    }
    assert ArticlePage.objects.filter(print_page__page_number=5).count() == 2


def test_slugs_are_unique_among_siblings(site_tree, fake_parser, write):
    text = "同一个标题\n正文。\n---\n同一个标题\n另一篇。"
    other = "同一个标题\n第三篇完全不同的内容。\n---\n同一个标题\n第四篇又是别的事情。"
    run_import(write("a.txt", text), write("b.txt", other), parser=fake_parser)
    slugs = sorted(ArticlePage.objects.values_list("slug", flat=True))
    assert slugs == ["同一个标题", "同一个标题-2", "同一个标题-3", "同一个标题-4"]


def test_missing_headline_gets_provisional_title(site_tree, fake_parser, write):
    def parse(data, *, source="", hints=None):
        parsed = fake_parser(data, source=source, hints=hints)
        parsed.articles[0].headline = ""
        return parsed

    text = "忽略\n这是一段很长的正文，用来生成临时标题，编辑稍后会改。"
    run_import(write("x.txt", text), parser=parse)
    page = ArticlePage.objects.get()
    assert page.headline_is_provisional
    assert page.title.startswith("这是一段很长的正文")


def test_publish_option_publishes_without_marking_reviewed(site_tree, fake_parser, write):
    # Without the photo and the warning the publish gate would hold back.
    sure = TWO_ARTICLES.replace("photo: 图片说明\n", "").replace("warn: 请核对标题\n", "")
    run_import(write("page.txt", sure), publish=True, parser=fake_parser)
    for page in ArticlePage.objects.all():
        assert page.live and not page.has_unpublished_changes
        assert page.reviewed_at is None
        assert page.import_revision_id == page.latest_revision_id == page.live_revision_id


def test_same_file_twice_creates_nothing(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, parser=fake_parser)
    pages = Page.objects.count()
    revisions = ArticlePage.objects.get(source_position=0).revisions.count()
    calls = []

    def counting_parser(*args, **kwargs):
        calls.append(1)
        return fake_parser(*args, **kwargs)

    importer = Importer(ImportOptions(), parser=counting_parser)
    importer.begin([str(path)])
    with CaptureQueriesContext(connection) as queries:
        file_result = importer.import_file(path)
    importer.finish()
    result = importer.result
    assert calls == []  # unchanged files are not even parsed
    # One query decides it (a second one updates the run record).
    ledger_queries = [q for q in queries if "importers_importedarticle" in q["sql"]]
    assert len(ledger_queries) == 1 and len(queries) <= 2
    assert file_result.status == FileStatus.UNCHANGED
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert result.files[0].status == FileStatus.UNCHANGED
    assert Page.objects.count() == pages
    assert ArticlePage.objects.get(source_position=0).revisions.count() == revisions


def test_changed_file_updates_untouched_pages_as_new_revision(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    first_run = run_import(path, parser=fake_parser)
    page = ArticlePage.objects.get(source_position=0)
    old_revision = page.latest_revision_id
    write("page.txt", TWO_ARTICLES.replace("第一段。", "改过的第一段。"))
    result = run_import(path, parser=fake_parser)
    # Only the corrected article gets a revision; the other is unchanged.
    assert (result.created, result.updated, result.skipped, result.unchanged) == (0, 1, 0, 1)
    page.refresh_from_db()
    assert page.latest_revision_id != old_revision
    assert page.import_revision_id == page.latest_revision_id
    assert ("paragraph", "改过的第一段。") in stream(page)
    assert page.import_run_id == result.run_id != first_run.run_id
    assert page.revisions.count() == 2
    row = ImportedArticle.objects.get(source_name="page.txt", position=0)
    assert row.sha256 == page.source_sha256
    assert ArticlePage.objects.count() == 2


def test_changed_file_leaves_edited_pages_alone(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, parser=fake_parser)
    edited = ArticlePage.objects.get(source_position=0)
    edited.title = "编辑改过的标题"
    edited.save_revision()
    write("page.txt", TWO_ARTICLES.replace("第一段。", "新版本。").replace("正文。", "新正文。"))
    result = run_import(path, parser=fake_parser)
    assert (result.updated, result.skipped) == (1, 1)
    notes = result.files[0].notes
    assert len(notes) == 1 and "skipped, edited" in notes[0]
    latest = edited.get_latest_revision_as_object()
    assert latest.title == "编辑改过的标题"
    assert ("paragraph", "第一段。") in stream(latest)
    other = ArticlePage.objects.get(source_position=1)
    assert ("paragraph", "新正文。") in stream(other)


def test_published_then_edited_live_page_is_protected(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, publish=True, parser=fake_parser)
    page = ArticlePage.objects.get(source_position=0)
    page.title = "编辑改过"
    page.save_revision().publish()
    corrected = TWO_ARTICLES.replace("第一段。", "第一段，改。").replace("正文。", "正文，改。")
    write("page.txt", corrected)
    result = run_import(path, publish=True, parser=fake_parser)
    assert (result.updated, result.skipped) == (1, 1)
    page.refresh_from_db()
    assert page.title == "编辑改过"


def test_publishing_the_imported_revision_is_not_an_edit(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, parser=fake_parser)
    page = ArticlePage.objects.get(source_position=0)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.import_revision_id == page.latest_revision_id
    write("page.txt", TWO_ARTICLES.replace("第一段。", "第一段更新。"))
    result = run_import(path, parser=fake_parser)
    assert (result.updated, result.skipped, result.unchanged) == (1, 0, 1)
    page.refresh_from_db()
    assert page.import_revision_id == page.latest_revision_id


def test_deleted_page_is_not_recreated(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, parser=fake_parser)
    ArticlePage.objects.get(source_position=0).delete()
    write("page.txt", TWO_ARTICLES.replace("正文。", "正文，改。"))
    result = run_import(path, parser=fake_parser)
    assert (result.created, result.updated, result.skipped) == (0, 1, 1)
    assert ArticlePage.objects.count() == 1


def test_bad_files_fail_alone(site_tree, fake_parser, write):
    good = write("good.txt", TWO_ARTICLES)
    empty = write("empty.txt", b"")
    binary = write("binary.txt", b"\x89PNG\x00\x00\x01")
    result = run_import(empty, good, binary, parser=fake_parser)
    assert [f.status for f in result.files] == [
        FileStatus.FAILED,
        FileStatus.IMPORTED,
        FileStatus.FAILED,
    ]
    assert result.files[0].error
    assert result.created == 2 and len(result.failed) == 2
    run = ImportRun.objects.get(pk=result.run_id)
    assert run.status == ImportRun.Status.FAILED and run.errors == 2
    assert {f["source"] for f in run.files if f["error"]} == {str(empty), str(binary)}


def test_real_parser_rejects_binary_and_empty(site_tree, write):
    binary = write("bin.txt", bytes(range(256)) * 8)
    result = run_import(write("empty.txt", b""), PAGES / "000_295e818e06cf966f.txt", binary)
    assert [f.failed for f in result.files] == [True, False, True]
    assert all(f.error for f in result.failed)
    assert result.created > 0


@pytest.mark.parametrize("where", ["second article", "page save", "end of file"])
def test_failure_mid_file_rolls_back_that_file_only(
    site_tree, fake_parser, write, monkeypatch, where
):
    good = write("good.txt", "好稿件\n正文。")
    bad = write("bad.txt", TWO_ARTICLES)
    from importers import loading

    failing = [True]

    def boom(*args, **kwargs):
        if failing[0]:
            raise RuntimeError("disk full")

    if where == "second article":
        original = loading.fill_page

        def fill(page, article, source, authors):
            if source.name == "bad.txt" and article.position == 1:
                boom()
            return original(page, article, source, authors)

        monkeypatch.setattr(loading, "fill_page", fill)
    elif where == "page save":
        original_save = ArticlePage.save

        def save(self, *args, **kwargs):
            if self.source_name == "bad.txt" and self.source_position == 1:
                boom()
            return original_save(self, *args, **kwargs)

        monkeypatch.setattr(ArticlePage, "save", save)
    else:
        from importers.writers import bulk

        original_rows = bulk.reference_rows
        monkeypatch.setattr(
            bulk,
            "reference_rows",
            lambda page: (page.source_name == "bad.txt" and boom()) or original_rows(page),
        )
    result = run_import(bad, good, parser=fake_parser)
    assert result.files[0].failed and "disk full" in result.files[0].error
    assert result.files[0].created == 0
    assert not ArticlePage.objects.filter(source_name="bad.txt").exists()
    assert not ImportedArticle.objects.filter(source_name="bad.txt").exists()
    assert not Author.objects.filter(name="赖志凯").exists()
    assert ArticlePage.objects.filter(source_name="good.txt").count() == 1
    inbox = SectionPage.objects.get(slug="daishen-gaojian", locale__language_code="zh-hans")
    assert inbox.numchild == inbox.get_children().count() == 1
    # Nothing was left behind, so the next run imports the file whole.
    failing[0] = False
    assert run_import(bad, parser=fake_parser).created == 2


def test_article_removed_from_changed_file_is_kept_with_a_note(site_tree, fake_parser, write):
    path = write("page.txt", TWO_ARTICLES)
    run_import(path, parser=fake_parser)
    write("page.txt", TWO_ARTICLES.split("\n---\n")[0] + "\n改。")
    result = run_import(path, parser=fake_parser)
    assert result.updated == 1
    assert any("#1" in note for note in result.files[0].notes)
    assert ArticlePage.objects.count() == 2


def test_same_basename_in_two_folders_are_two_files(site_tree, fake_parser, write):
    a = write("a/page.txt", TWO_ARTICLES)
    b = write("b/page.txt", "别的\n完全不同的一篇正文。")
    result = run_import(a, b, parser=fake_parser)
    assert not result.failed
    assert (result.created, result.updated) == (3, 0)
    assert ArticlePage.objects.count() == 3


def test_outcomes_are_typed(site_tree, fake_parser, write):
    result = run_import(write("page.txt", TWO_ARTICLES), parser=fake_parser)
    assert [a.outcome for a in result.files[0].articles] == [Outcome.CREATED] * 2
    assert all(a.page_id for a in result.files[0].articles)


def test_tree_history_references_and_search_index_are_kept(
    site_tree, fake_parser, write, admin_client
):
    from wagtail.models import PageLogEntry, ReferenceIndex

    run_import(write("page.txt", TWO_ARTICLES), parser=fake_parser)
    run_import(write("more.txt", "第三篇\nby: 李国/reporter\n正文。"), parser=fake_parser)
    # Tree counters and paths as treebeard would have written them: no bad
    # characters, step lengths, orphans, depths or child counts.
    assert Page.find_problems() == ([], [], [], [], [])
    inbox = SectionPage.objects.get(slug="daishen-gaojian", locale__language_code="zh-hans")
    assert inbox.numchild == inbox.get_children().count() == 2
    page = ArticlePage.objects.get(title="职工小家“下乡”")
    # A history entry, and the admin history view works.
    assert PageLogEntry.objects.filter(page=page, action="wagtail.create").count() == 1
    response = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    # Author usage is known to Wagtail's reference index.
    author = Author.objects.get(name="李国")
    assert ReferenceIndex.get_references_to(author).count() >= 2
    # The search index was written synchronously, inside the import.
    found = ArticlePage.objects.search("工匠讲堂")
    assert "工匠讲堂开讲啦" in [p.title for p in found]


def test_revision_is_a_full_copy_of_the_page(site_tree, fake_parser, write):
    run_import(write("page.txt", TWO_ARTICLES), parser=fake_parser)
    page = ArticlePage.objects.get(source_position=1)
    latest = page.get_latest_revision_as_object()
    assert latest.title == page.title and latest.kind == "brief"
    assert [a.author.name for a in latest.article_authors.all()] == ["赖志凯", "李国"]
    assert latest.import_revision_id == page.latest_revision_id
    assert page.latest_revision_created_at is not None
    assert page.draft_title == page.title
    revision = page.latest_revision
    assert revision.object_str == page.title
    assert revision.content["title"] == page.title
    assert revision.content["import_revision_id"] == revision.pk
    assert revision.created_at == page.latest_revision_created_at


LETTER = """厂区里的路灯该修了
by: 鲁桥/author
kind: letter
column: 读者来信
编辑同志：
厂区东门的路灯坏了很久，希望早日修好。
"""


def test_reader_letter_keeps_its_kind(site_tree, fake_parser, write):
    result = run_import(write("letters.txt", LETTER))
    assert result.created == 1
    page = ArticlePage.objects.get(source_position=0)
    assert page.kind == ArticleKind.LETTER
    assert page.get_kind_display() == "读者来信"
    assert not page.import_warnings  # a known kind: no 未知稿件类型 warning
