"""A publishing import's queries grow by a constant per file, not per article.

The bulk writer puts a file's pages live in one bulk step; Wagtail's
per-page revision.publish() would add dozens of queries for every article.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage

from .conftest import fake_parse_bytes, run_import

pytestmark = pytest.mark.django_db

# Per published article, the importer as a whole (decisions, page, authors,
# revision, history, indexes): the target.
PER_ARTICLE = 15


def articles(prefix: str, count: int) -> str:
    return "\n---\n".join(
        f"{prefix}标题{n}\nby: 记者{n % 3}/reporter\nkind: article\n第一段{prefix}{n}。\n第二段。"
        for n in range(count)
    )


def queries_for(files) -> int:
    with CaptureQueriesContext(connection) as queries:
        result = run_import(*files, parser=fake_parse_bytes, publish=True)
    assert not result.failed
    return len(queries)


def test_publishing_queries_grow_per_file_not_per_article(site_tree, write):
    # Warm up what is cached once per process (content types, sections, site).
    run_import(write("warm.txt", articles("预热", 2)), parser=fake_parse_bytes, publish=True)

    few = queries_for([write("few.txt", articles("少", 2))])
    many = queries_for([write("many.txt", articles("多", 40))])
    halves = [write("a.txt", articles("甲", 20)), write("b.txt", articles("乙", 20))]
    two_files = queries_for(halves)

    assert ArticlePage.objects.filter(live=True).count() == 2 + 2 + 40 + 40
    assert many <= PER_ARTICLE * 40, many
    # Each further article costs at most the per-article budget...
    assert many - few <= 38 * PER_ARTICLE
    # ...and the same articles split over two files cost one file's overhead
    # more (less than a two-article file's whole import), not more per article.
    assert two_files - many < few, (two_files, many, few)
