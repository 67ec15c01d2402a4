"""Re-imports never put one article's text on another article's page (issue 13).

The operator's reproductions run through the command; the property test
drives the real Importer on SQLite with the stand-in parser, so the articles
of a page are exactly the ones chosen.
"""

import importlib
import io
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from articles.models import ArticlePage, SectionPage
from importers.models import ImportedArticle
from importers.parsing import parse_bytes

from .conftest import PAGES, run_import
from .test_identity import EDITS, body, edited_page

pytestmark = pytest.mark.django_db

SAMPLES = sorted(PAGES.glob("*.txt"))


def call(*args: str) -> str:
    out = io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def page_text(page: ArticlePage) -> tuple[str, str]:
    """(headline, body text) of a page's latest revision."""
    latest = page.get_latest_revision_as_object()
    texts = [c.value if isinstance(c.value, str) else "" for c in latest.body]
    return latest.title, "".join(texts)


def texts_by_page() -> dict[int, tuple[str, str]]:
    return {page.pk: page_text(page) for page in ArticlePage.objects.all()}


def fake_page(articles: list[tuple[str, str]]) -> str:
    return "\n---\n".join(f"{headline}\n{text}" for headline, text in articles)


# -- the reproductions, through the command ------------------------------------


def test_the_same_name_in_another_folder_next_day_makes_new_pages(site_tree, tmp_path):
    day1, day2 = tmp_path / "0421" / "01.txt", tmp_path / "0422" / "01.txt"
    for source, target in ((SAMPLES[0], day1), (SAMPLES[1], day2)):
        target.parent.mkdir()
        shutil.copy(source, target)
    call(str(day1), "--publish")
    before = texts_by_page()
    out = call(str(day2), "--publish")
    expected = len(parse_bytes(SAMPLES[1].read_bytes()).articles)
    assert f"新建 {expected}" in out and "更新 0" in out
    after = texts_by_page()
    assert {pk: after[pk] for pk in before} == before  # day 1 untouched
    assert len(after) == len(before) + expected


def test_the_same_file_under_two_names_is_one_set_of_pages(site_tree, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "copy of a.txt"
    shutil.copy(SAMPLES[2], first)
    shutil.copy(SAMPLES[2], second)
    call(str(first))
    count = ArticlePage.objects.count()
    out = call(str(second), "--format", "json")
    assert ArticlePage.objects.count() == count
    assert out.count("duplicate") == count  # each article reported
    assert "新建" not in out and '"created": 0' in out


def test_an_article_inserted_at_the_top_shifts_nothing(site_tree, fake_parser, write):
    articles = [(f"标题{i}", body(i)) for i in range(4)]
    path = write("2023-04-21_01.txt", fake_page(articles))
    call(str(path), "--publish")
    before = texts_by_page()
    write("2023-04-21_01.txt", fake_page([("新增的头条", body(99)), *articles]))
    out = call(str(path), "--publish")
    assert "新建 1" in out and "更新 0" in out and "未变 4" in out
    after = texts_by_page()
    assert {pk: after[pk] for pk in before} == before


def test_publish_never_republishes_what_an_editor_unpublished(site_tree, fake_parser, write):
    path = write("page.txt", fake_page([("甲", body(1)), ("乙", body(2))]))
    call(str(path), "--publish")
    withdrawn = ArticlePage.objects.get(title="甲")
    withdrawn.unpublish()
    revision = withdrawn.latest_revision_id
    write("page.txt", fake_page([("甲", body(1) + "补充一句"), ("乙", body(2) + "补充一句")]))
    out = call(str(path), "--publish", "--format", "json")
    assert "skipped, unpublished" in out
    withdrawn.refresh_from_db()
    assert not withdrawn.live and withdrawn.latest_revision_id == revision
    other = ArticlePage.objects.get(title="乙")
    assert other.live and page_text(other)[1].endswith("补充一句")


def test_a_moved_page_is_left_where_the_editor_put_it(site_tree, fake_parser, write):
    path = write("page.txt", fake_page([("甲", body(1))]))
    run_import(path, parser=fake_parser)
    page = ArticlePage.objects.get()
    target = SectionPage.objects.exclude(pk=page.get_parent().pk).first()
    page.move(target, pos="last-child")
    write("page.txt", fake_page([("甲", body(1) + "更正")]))
    result = run_import(path, parser=fake_parser)
    assert (result.updated, result.skipped) == (0, 1)
    assert "skipped, moved" in result.files[0].notes[0]
    page.refresh_from_db()
    assert page.get_parent().pk == target.pk
    assert not page_text(page)[1].endswith("更正")


def test_identical_text_in_two_editions_is_two_articles(site_tree, fake_parser, write):
    text = fake_page([("启事", body(5))])
    result = run_import(
        write("2023-04-21_02.txt", text), write("2023-04-22_02.txt", text), parser=fake_parser
    )
    assert result.created == 2
    rows = ImportedArticle.objects.order_by("edition_date")
    assert [r.edition_key for r in rows] == ["2023-04-21/2", "2023-04-22/2"]
    assert rows[0].fingerprint == rows[1].fingerprint


def test_a_renamed_corrected_file_updates_its_own_pages(site_tree, fake_parser, write):
    articles = [(f"标题{i}", body(i)) for i in range(3)]
    run_import(write("2023-04-21_01.txt", fake_page(articles)), parser=fake_parser)
    before = texts_by_page()
    corrected = [articles[2], (articles[0][0], articles[0][1][:-3] + "更正了"), articles[1]]
    result = run_import(write("2023-04-21-p1.txt", fake_page(corrected)), parser=fake_parser)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    after = texts_by_page()
    changed = [pk for pk in before if after[pk] != before[pk]]
    assert len(changed) == 1 and after[changed[0]][0] == "标题0"


def test_an_ambiguous_article_becomes_a_new_draft_with_a_warning(site_tree, fake_parser, write):
    text = body(7)
    near = text[:60] + "两" + text[61:]
    path = write("page.txt", fake_page([("通知", text), ("通知", near)]))
    run_import(path, parser=fake_parser)
    before = texts_by_page()
    third = text[:30] + "三" + text[31:60] + "两" + text[61:]
    third = third[:90] + "四" + third[91:]
    write("page.txt", fake_page([("通知", third)]))
    result = run_import(path, parser=fake_parser)
    assert result.created == 1 and "ambiguous" in " ".join(result.files[0].notes)
    after = texts_by_page()
    assert {pk: after[pk] for pk in before} == before


# -- rows from before identity by content ---------------------------------------


def test_existing_rows_are_fingerprinted_by_the_migration(site_tree, fake_parser, write):
    articles = [(f"标题{i}", body(i)) for i in range(3)]
    path = write("2023-04-21_05.txt", fake_page(articles))
    run_import(path, parser=fake_parser)
    # What a row written before this change looked like.
    ImportedArticle.objects.update(
        fingerprint="", signature="", content_sha256="", edition_key="", source_path=""
    )
    migration = importlib.import_module("importers.migrations.0003_ledger_identity_by_content")
    migration.fingerprint_existing_rows(apps, None)
    assert set(ImportedArticle.objects.values_list("edition_key", flat=True)) == {"2023-04-21/5"}
    before = texts_by_page()
    write("2023-04-21_05.txt", fake_page([("头条", body(50)), *reversed(articles)]))
    result = run_import(path, parser=fake_parser)
    # Old rows did not record the rest of the article (byline, kicker…), so
    # each matched page gets one new revision, with its own text.
    assert (result.created, result.updated) == (1, 3)
    after = texts_by_page()
    assert {pk: after[pk] for pk in before} == before
    assert run_import(path, parser=fake_parser).unchanged == 4


def test_a_page_deleted_before_the_migration_stays_deleted(site_tree, fake_parser, write):
    path = write("page.txt", fake_page([("甲", body(1)), ("乙", body(2))]))
    run_import(path, parser=fake_parser)
    ImportedArticle.objects.update(fingerprint="", signature="", source_path="")
    ArticlePage.objects.get(title="甲").delete()
    result = run_import(path, parser=fake_parser)  # the same bytes: the old rule still applies
    assert result.created == 0
    assert ArticlePage.objects.count() == 1


# -- the property ------------------------------------------------------------------


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seeds=st.lists(st.integers(0, 9_999), min_size=2, max_size=6, unique=True),
    edits=EDITS,
    dated=st.booleans(),
)
def test_reimporting_an_edited_page_never_moves_text_between_pages(
    site_tree, fake_parser, write, seeds, edits, dated
):
    name = "2023-04-21_03.txt" if dated else "page.txt"
    with transaction.atomic():
        original = [(f"标题{s}", body(s)) for s in seeds]
        path = write(name, fake_page(original))
        run_import(path, parser=fake_parser)
        lineage_of = {
            page.pk: page.source_position for page in ArticlePage.objects.all()
        }
        page = edited_page(seeds, edits)
        assume(page)  # an empty file is refused, not imported
        write(name, fake_page([(headline, text) for _, headline, text in page]))
        result = run_import(path, parser=fake_parser)
        assert not result.failed
        now = {lineage: (headline, text) for lineage, headline, text in page if lineage is not None}
        inserted = {(headline, text) for lineage, headline, text in page if lineage is None}
        for pk, text in texts_by_page().items():
            lineage = lineage_of.get(pk)
            if lineage is None:
                # A page made by the re-import holds an inserted article.
                assert text in inserted, text
            else:
                assert text in (original[lineage], now.get(lineage)), (lineage, text)
        assert ArticlePage.objects.count() == len(original) + len(inserted)
        transaction.set_rollback(True)

