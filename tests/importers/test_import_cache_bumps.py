"""A publishing import retires cached pages once per file, after the file commits."""

import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from importers import priority
from importers.loading import Importer, ImportOptions

pytestmark = pytest.mark.django_db

THREE_ARTICLES = "\n---\n".join(
    f"第{n}篇导入稿件的标题\nby: 张三/reporter\ncolumn: 要闻\n第一段虚构的正文{n}。\n第二段。"
    for n in (1, 2, 3)
)


def test_one_file_of_three_articles_bumps_the_lists_once_after_commit(
    site_tree, write, fake_parser, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from articles.models import ArticlePage, SectionPage
    from articles.page_cache import LISTINGS_KEY, REMOVALS_KEY, section_key

    yaowen = SectionPage.objects.get(slug="yaowen", locale=site_tree.locale)
    keys = (LISTINGS_KEY, section_key(yaowen.translation_key), REMOVALS_KEY)
    cache.set_many(dict.fromkeys(keys, 100), timeout=None)
    importer = Importer(ImportOptions(publish=True), parser=fake_parser)
    importer.begin(["a.txt"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        importer.import_file(write("a.txt", THREE_ARTICLES))
    assert ArticlePage.objects.live().filter(title__startswith="第").count() == 3
    assert cache.get_many(keys) == dict.fromkeys(keys, 100)  # nothing before the commit
    for callback in callbacks:
        callback()
    after = cache.get_many(keys)
    assert (after[keys[0]], after[keys[1]]) == (101, 101)
    assert after[REMOVALS_KEY] == 100  # nothing already cached is retired wholesale


def test_later_files_bump_the_lists_at_most_once_a_pacing_interval_and_at_the_end(
    site_tree, write, fake_parser, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from articles.page_cache import LISTINGS_KEY

    settings.IMPORT_CACHE_BUMP_SECONDS = 3600
    cache.set(LISTINGS_KEY, 100, timeout=None)
    importer = Importer(ImportOptions(publish=True), parser=fake_parser)
    files = [write(f"{n}.txt", THREE_ARTICLES.replace("标题", f"标题{n}")) for n in "abc"]
    importer.begin([str(f) for f in files])
    seen = []
    for path in files:
        with django_capture_on_commit_callbacks(execute=True):
            importer.import_file(path)
        seen.append(cache.get(LISTINGS_KEY))
    importer.finish()
    assert seen == [101, 101, 101]  # the first file at once, the next two held back…
    assert cache.get(LISTINGS_KEY) == 102  # …and shown together at the end


def test_a_niceness_out_of_range_is_one_sentence(tmp_path):
    with pytest.raises(CommandError, match="--nice"):
        call_command("import_articles", str(tmp_path), "--nice", "25")


def test_the_import_lowers_its_priority_but_never_raises_it(monkeypatch, settings):
    settings.IMPORT_NICE = 10
    set_to = []
    monkeypatch.setattr(os, "setpriority", lambda which, who, value: set_to.append(value))
    monkeypatch.setattr(os, "getpriority", lambda which, who: 0)
    assert priority.lower_priority() == 10
    monkeypatch.setattr(os, "getpriority", lambda which, who: 15)  # started under `nice`
    assert priority.lower_priority(5) == 15
    assert set_to == [10]
