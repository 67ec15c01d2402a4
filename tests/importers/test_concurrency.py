"""Two imports of the same files at the same moment never duplicate anything."""

import threading

import pytest
from django.db import connection

from articles.models import ArticlePage, Author
from importers.models import ImportedArticle
from importers.parsing import parse_bytes

from .conftest import PAGES, run_import


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_import_creates_each_article_once(site_tree):
    files = sorted(PAGES.glob("*.txt"))[:2]
    expected = sum(len(parse_bytes(p.read_bytes()).articles) for p in files)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(run_import(*files))
        except Exception as exc:  # noqa: BLE001 - surfaced by the assertions below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors
    assert all(not r.failed for r in results), [f.error for r in results for f in r.failed]
    assert sum(r.created for r in results) == expected
    assert sum(r.unchanged for r in results) == expected
    assert ArticlePage.objects.count() == expected
    assert ImportedArticle.objects.count() == expected
    names = list(Author.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))
