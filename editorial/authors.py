"""Merge two Author records that are the same person."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, ReferenceIndex, Revision

from articles.models import ArticleAuthor, ArticlePage, Author


@dataclass
class MergeResult:
    kept: Author
    duplicate_name: str
    links_moved: int
    links_dropped: int
    revisions_updated: int


class MergeError(ValueError):
    pass


@transaction.atomic
def merge_authors(duplicate: Author, keep: Author) -> MergeResult:
    """Re-point every credit of ``duplicate`` to ``keep`` and delete ``duplicate``.

    Live rows (ArticleAuthor) move over; a page that already credits ``keep``
    loses the duplicate credit instead of listing the person twice. Saved
    revisions (drafts, history) are rewritten too, so that publishing an old
    draft or comparing revisions never points at the deleted author.
    """
    if duplicate.pk == keep.pk:
        raise MergeError("An author cannot be merged into itself.")
    # Lock both rows so two editors merging at once cannot interleave.
    locked = Author.objects.select_for_update().filter(pk__in=[duplicate.pk, keep.pk])
    if len(locked) != 2:
        raise MergeError("Both authors must exist.")

    moved = dropped = 0
    touched_pages: set[int] = set()
    kept_on_page = set(ArticleAuthor.objects.filter(author=keep).values_list("page_id", flat=True))
    for link in ArticleAuthor.objects.filter(author=duplicate).order_by("pk"):
        touched_pages.add(link.page_id)
        if link.page_id in kept_on_page:
            link.delete()
            dropped += 1
        else:
            link.author = keep
            link.save(update_fields=["author"])
            kept_on_page.add(link.page_id)
            moved += 1

    revisions_updated = 0
    page_type = ContentType.objects.get_for_model(Page)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    candidates = Revision.objects.filter(
        base_content_type=page_type,
        content_type=article_type,
        # A cheap superset on any database; the exact check is below.
        content__article_authors__icontains=str(duplicate.pk),
    )
    for revision in candidates.iterator():
        rows = revision.content.get("article_authors") or []
        if not any(row.get("author") == duplicate.pk for row in rows):
            continue
        new_rows, seen = [], set()
        for row in rows:
            if row.get("author") == duplicate.pk:
                row = {**row, "author": keep.pk}
            if row.get("author") == keep.pk:
                if keep.pk in seen:
                    continue
                seen.add(keep.pk)
            new_rows.append(row)
        revision.content = {**revision.content, "article_authors": new_rows}
        revision.save(update_fields=["content"])
        touched_pages.add(int(revision.object_id))
        revisions_updated += 1

    name = duplicate.name
    duplicate.delete()
    for page in ArticlePage.objects.filter(pk__in=touched_pages):
        ReferenceIndex.create_or_update_for_object(page)
    return MergeResult(
        kept=keep,
        duplicate_name=name,
        links_moved=moved,
        links_dropped=dropped,
        revisions_updated=revisions_updated,
    )
