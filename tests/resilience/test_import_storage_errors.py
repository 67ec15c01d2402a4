"""A full disk or an unwritable database during import gives a clear error naming
the file, and nothing of that file is stored."""

import errno
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.test import override_settings

from articles.models import ArticlePage
from importers.failures import describe_failure
from importers.models import ImportRun

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OperationalError("database or disk is full"), "磁盘空间已满"),
        (
            OperationalError('could not extend file "base/1/2": No space left on device'),
            "磁盘空间已满",
        ),
        (OperationalError("attempt to write a readonly database"), "没有写权限"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间已满"),
        (OSError(errno.EACCES, "Permission denied"), "没有写权限"),
        (OperationalError("server closed the connection unexpectedly"), "数据库错误"),
    ],
)
def test_storage_failures_are_explained(error, expected):
    assert expected in describe_failure(error)


@pytest.fixture
def two_pages(tmp_path):
    first, second = sorted(PAGES.glob("*.txt"))[:2]
    shutil.copy(first, tmp_path / "good.txt")
    shutil.copy(second, tmp_path / "full.txt")
    return tmp_path / "good.txt", tmp_path / "full.txt"


@pytest.mark.django_db
def test_disk_full_fails_that_file_only_with_a_clear_message(site_tree, two_pages, monkeypatch):
    good, full = two_pages
    original_save = ArticlePage.save

    def save(self, *args, **kwargs):
        if self.source_name == "full.txt":
            raise OperationalError("database or disk is full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "save", save)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(good), str(full), stdout=out)
    report = out.getvalue()
    assert "full.txt" in report and "磁盘空间已满" in report
    assert not ArticlePage.objects.filter(source_name="full.txt").exists()
    assert ArticlePage.objects.filter(source_name="good.txt").exists()
    run = ImportRun.objects.get()
    assert run.errors == 1 and run.status == ImportRun.Status.FAILED


@pytest.mark.django_db
def test_database_that_cannot_record_the_run_stops_with_a_clear_error(
    site_tree, two_pages, monkeypatch
):
    def refuse(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ImportRun.objects, "create", refuse)
    with pytest.raises(CommandError, match="没有写权限"):
        call_command("import_articles", str(two_pages[0]), stdout=io.StringIO())
    assert not ArticlePage.objects.filter(source_name="good.txt").exists()


@pytest.mark.django_db
def test_import_never_writes_media(site_tree, two_pages, tmp_path):
    """Imports store text in the database only, so an unusable media folder
    (here a path below a regular file) cannot break them."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with override_settings(MEDIA_ROOT=str(blocker / "media")):
        call_command("import_articles", str(two_pages[0]), stdout=io.StringIO())
    assert ArticlePage.objects.filter(source_name="good.txt").exists()
