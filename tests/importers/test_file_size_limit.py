"""A file above IMPORT_MAX_FILE_BYTES is refused before it is read."""

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import ArticlePage

from .conftest import PAGES

pytestmark = pytest.mark.django_db
SAMPLE = PAGES / "001_cc0a3396e92c9541.txt"


def import_json(*args: str) -> dict:
    out = io.StringIO()
    try:
        call_command("import_articles", *args, "--format", "json", stdout=out,
                     stderr=io.StringIO())
    except CommandError:
        pass
    return json.loads(out.getvalue())


def test_file_above_the_limit_is_refused_naming_file_size_limit_and_setting(
    site_tree, tmp_path, settings
):
    big = tmp_path / "big.txt"
    shutil.copy(SAMPLE, big)
    size = big.stat().st_size
    settings.IMPORT_MAX_FILE_BYTES = size - 1

    summary = import_json(str(big))

    assert summary["errors"] == 1 and summary["created"] == 0
    [failure] = summary["failed"]
    assert failure["source"] == str(big)
    for part in ("big.txt", f"{size:,}", f"{size - 1:,}", "IMPORT_MAX_FILE_BYTES"):
        assert part in failure["error"], (part, failure["error"])
    assert not ArticlePage.objects.exists()


def test_file_at_the_limit_and_the_option_override(site_tree, tmp_path, settings):
    size = SAMPLE.stat().st_size
    settings.IMPORT_MAX_FILE_BYTES = 10

    refused = import_json(str(SAMPLE), "--max-file-bytes", str(size - 1))
    assert refused["errors"] == 1
    accepted = import_json(str(SAMPLE), "--max-file-bytes", str(size))
    assert accepted["errors"] == 0 and accepted["created"] > 0


def test_zero_means_no_limit(site_tree, settings):
    settings.IMPORT_MAX_FILE_BYTES = 0
    assert import_json(str(SAMPLE))["created"] > 0
