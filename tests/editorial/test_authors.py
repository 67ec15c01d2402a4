"""Merging two Author records that are the same person."""

import pytest
from django.urls import reverse

from articles.models import ArticleAuthor, ArticlePage, Author, AuthorRole
from editorial.authors import MergeError, merge_authors
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def credit(page, *authors):
    for i, author in enumerate(authors):
        ArticleAuthor.objects.create(
            page=page, author=author, role=AuthorRole.REPORTER, sort_order=i
        )
    page.save_revision().publish()


@pytest.fixture
def people(section):
    keep = Author.objects.create(name="田国垒")
    duplicate = Author.objects.create(name="田国垒 ", slug="tian-guolei-2")
    other = Author.objects.create(name="李庆童")
    only_dup = make_article(section, title="只署了重复作者")
    both = make_article(section, title="两个都署了")
    credit(only_dup, duplicate, other)
    credit(both, keep, duplicate)
    return keep, duplicate, other, only_dup, both


def test_merge_repoints_credits_and_deletes_the_duplicate(people):
    keep, duplicate, other, only_dup, both = people
    # A draft made before the merge still names the duplicate in its revision.
    draft = ArticlePage.objects.get(pk=only_dup.pk)
    draft.title = "草稿"
    draft_revision = draft.save_revision()

    result = merge_authors(duplicate, keep)
    assert (result.links_moved, result.links_dropped) == (1, 1)
    assert not Author.objects.filter(pk=duplicate.pk).exists()
    assert [
        a.author_id for a in ArticleAuthor.objects.filter(page=only_dup).order_by("sort_order")
    ] == [
        keep.pk,
        other.pk,
    ]
    assert [a.author_id for a in ArticleAuthor.objects.filter(page=both)] == [keep.pk]

    draft_revision.refresh_from_db()
    assert [row["author"] for row in draft_revision.content["article_authors"]] == [
        keep.pk,
        other.pk,
    ]
    # Publishing that old draft works and credits the kept author.
    draft_revision.publish()
    published = ArticlePage.objects.get(pk=only_dup.pk)
    assert [a.author.name for a in published.article_authors.all()] == ["田国垒", "李庆童"]


def test_merge_into_itself_is_refused(people):
    keep = people[0]
    with pytest.raises(MergeError):
        merge_authors(keep, keep)


def test_merge_view(chief_client, editor_client, people):
    keep, duplicate, other, only_dup, both = people
    url = reverse("wagtailsnippets_articles_author:merge")
    # Editors lack the delete permission merging needs.
    assert editor_client.get(url).status_code in (302, 403)

    listing = chief_client.get(reverse("wagtailsnippets_articles_author:list")).content.decode()
    assert url in listing and "合并重复作者" in listing

    form = chief_client.get(url, {"duplicate": duplicate.pk})
    assert form.status_code == 200
    assert "重复的作者" in form.content.decode()

    same = chief_client.post(url, {"duplicate": keep.pk, "keep": keep.pk})
    assert same.status_code == 200 and "请选择两位不同的作者" in same.content.decode()

    response = chief_client.post(url, {"duplicate": duplicate.pk, "keep": keep.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_articles_author:edit", args=[keep.pk])
    assert not Author.objects.filter(pk=duplicate.pk).exists()
    assert ArticleAuthor.objects.filter(author=keep).count() == 2
