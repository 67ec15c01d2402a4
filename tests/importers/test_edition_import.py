"""Importing into a printed edition, and into a database nobody has set up yet."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import translation

from articles.models import ArticlePage, PrintPage, SectionPage
from importers.failures import describe_failure
from importers.parsing import EditionHint
from tests.importers.conftest import fake_parse_bytes

from .conftest import PAGES, run_import

APRIL_21 = datetime.date(2023, 4, 21)


@pytest.fixture(autouse=True)
def in_chinese():
    """Messages are checked in Chinese; earlier English requests may have left English active."""
    with translation.override("zh-hans"):
        yield


STATED: dict = {}


def parse_with_edition(data, *, source="", hints=None):
    """The stand-in parser, reporting the edition line a real e-paper file would carry."""
    parsed = fake_parse_bytes(data, source=source, hints=hints)
    parsed.edition = STATED["hint"]
    return parsed


@pytest.fixture
def text_states_edition(settings, fake_parser):
    """Names parse_with_edition as the importer's parser (settings.IMPORTER_PARSER)."""
    STATED["hint"] = EditionHint(date=APRIL_21, page=2, page_name="工会新闻", paper="工人日报")
    settings.IMPORTER_PARSER = f"{__name__}.parse_with_edition"
    return STATED


@pytest.mark.django_db
def test_the_edition_line_in_the_text_files_the_articles_on_their_page(
    site_tree, write, text_states_edition
):
    result = run_import(write("epaper.txt", "第一篇\n正文。\n---\n第二篇\n正文。"), publish=True)
    assert result.ok and result.created == 2
    page = PrintPage.objects.get()
    assert (page.edition_date, page.page_number, page.page_name) == (APRIL_21, 2, "工会新闻")
    articles = list(ArticlePage.objects.in_edition_order())
    assert [a.title for a in articles] == ["第一篇", "第二篇"]
    assert {a.display_date for a in articles} == {APRIL_21}
    assert all(a.print_label == "第2版 · 工会新闻" for a in articles)
    assert result.files[0].notes == []


@pytest.mark.django_db
def test_the_command_line_wins_and_the_disagreement_is_reported(
    site_tree, write, text_states_edition
):
    path = write("2023-04-22_03.txt", "第一篇\n正文。")
    result = run_import(path, edition_date=datetime.date(2023, 4, 20))
    page = PrintPage.objects.get()
    # Date from the command line, page from the file name, the text's name
    # belongs to its page 2, not to page 3.
    assert (page.edition_date, page.page_number, page.page_name) == (
        datetime.date(2023, 4, 20), 3, ""
    )
    notes = result.files[0].notes
    assert any("文件名" in n and "2023-04-22" in n for n in notes)
    assert any("正文" in n and "2023-04-21" in n for n in notes)
    assert any("第2版" in n for n in notes)
    article = ArticlePage.objects.get()
    assert set(notes) <= set(article.import_warnings)


@pytest.mark.django_db
def test_an_unnamed_print_page_gets_its_name_and_an_editors_name_stays(
    site_tree, write, text_states_edition
):
    PrintPage.objects.create(edition_date=APRIL_21, page_number=2)
    run_import(write("a.txt", "第一篇\n正文。"))
    assert PrintPage.objects.get().page_name == "工会新闻"
    PrintPage.objects.update(page_name="编辑改过的版名")
    run_import(write("b.txt", "第二篇\n正文。"))
    assert PrintPage.objects.get().page_name == "编辑改过的版名"


def _as_freshly_migrated():
    """The database `migrate` leaves: Wagtail's root and welcome page, no site tree."""
    from wagtail.models import Locale, Page, Site

    call_command("flush", interactive=False, verbosity=0)
    locale = Locale.objects.create(language_code="zh-hans")
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    welcome = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale)
    )
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)


@pytest.mark.django_db(transaction=True)
def test_import_into_a_freshly_migrated_database_builds_the_tree_once(capsys):
    _as_freshly_migrated()
    sample = PAGES / "001_cc0a3396e92c9541.txt"
    call_command(
        "import_articles", str(sample), "--edition-date", "2023-04-21", "--page", "3",
        "--page-name", "工会新闻",
    )
    err = capsys.readouterr().err
    assert "已自动创建" in err and "section 待审稿件" in err
    assert ArticlePage.objects.count() == 9
    assert SectionPage.objects.filter(slug="daishen-gaojian").count() == 2  # zh-hans + en
    # Again, and setup_site afterwards: nothing is built twice.
    call_command("import_articles", str(PAGES / "003_d1a9439156ca48ce.txt"))
    assert "已自动创建" not in capsys.readouterr().err
    call_command("setup_site")
    assert "nothing to do" in capsys.readouterr().out
    from home.models import HomePage

    assert HomePage.objects.count() == 2
    assert SectionPage.objects.filter(slug="daishen-gaojian").count() == 2


def test_errors_the_importer_reports_are_sentences_naming_the_fix():
    missing = SectionPage.DoesNotExist("SectionPage matching query does not exist.")
    message = describe_failure(missing)
    assert "setup_site" in message and "DoesNotExist" not in message
    odd = describe_failure(ValueError("bad value"))
    assert odd.startswith("导入时出现意外错误") and "bad value" in odd


@pytest.mark.django_db
def test_an_unknown_section_lists_the_ones_that_exist(site_tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        call_command("import_articles", str(PAGES / "001_cc0a3396e92c9541.txt"), "--section", "x")
    assert "“x”" in str(caught.value) and "yaowen" in str(caught.value)
