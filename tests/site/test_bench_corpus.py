"""The benchmark corpus is written in bulk, but must be what a publishing import leaves.

Page rows, tree counters, revisions, history, reference index and search
index rows are checked against what Wagtail's own code computes for the
same pages (runs on SQLite and, with DATABASE_URL, on PostgreSQL).
"""

import pytest
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

COUNT = 30


@pytest.fixture
def generated(site_tree):
    from tools.bench_corpus import SLUG_PREFIX, generate

    assert generate(COUNT, site_tree, batch=12, log=lambda message: None) == COUNT
    return list(ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk"))


def test_the_tree_has_no_problems_and_counts_its_children(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    for article in generated:
        parent = article.get_parent()
        assert parent.numchild == parent.get_children().count()
        assert article.url_path == parent.url_path + article.slug + "/"


def test_every_article_is_live_on_its_first_revision(generated):
    for article in generated:
        assert article.live and not article.has_unpublished_changes
        assert article.live_revision_id == article.latest_revision_id is not None
        revision = Revision.objects.get(pk=article.live_revision_id)
        assert revision.object_id == str(article.pk)
        stored = revision.as_object()
        assert stored.title == article.title
        assert [b.block_type for b in stored.body] == [b.block_type for b in article.body]
        assert article.first_published_at == article.last_published_at is not None
        actions = set(
            PageLogEntry.objects.filter(page=article).values_list("action", flat=True)
        )
        assert actions == {"wagtail.create", "wagtail.edit", "wagtail.publish"}


def test_reference_index_rows_are_what_wagtail_records(generated):
    def rows(article):
        return set(
            ReferenceIndex.get_references_for_object(article).values_list(
                "to_content_type_id", "to_object_id", "content_path"
            )
        )

    for article in generated[:10]:
        written = rows(article)
        assert written  # at least its author and print page
        ReferenceIndex.create_or_update_for_object(article)
        assert rows(article) == written


def test_search_index_rows_are_what_the_backend_writes(generated):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    entries = index.entries.filter(object_id__in=[str(a.pk) for a in generated])

    def stored():
        return {
            e.object_id: (str(e.title), str(e.body), str(e.autocomplete))
            for e in entries.order_by("object_id")
        } if hasattr(entries.model, "body") else set(entries.values_list("object_id"))

    written = stored()
    assert len(written) == COUNT
    for article in ArticlePage.objects.filter(pk__in=[a.pk for a in generated[:10]]):
        backend.add(article)
    assert stored() == written
    article = generated[0]
    found = ArticlePage.objects.live().search(article.title, operator="and")
    assert article.pk in [hit.pk for hit in found]
