"""Photo blocks that came from the importer with a caption and credit but no picture."""

from dataclasses import dataclass

from django.db.models import QuerySet

from articles.models import ArticlePage


@dataclass(frozen=True)
class MissingPhoto:
    block_id: str | None
    caption: str
    credit: str


def missing_photos(page: ArticlePage) -> list[MissingPhoto]:
    """The photo blocks of ``page`` that still have no image, read from the raw JSON."""
    found = []
    for block in page.body.raw_data:
        if block.get("type") != "photo":
            continue
        value = block.get("value") or {}
        if not value.get("image"):
            found.append(
                MissingPhoto(
                    block_id=block.get("id"),
                    caption=value.get("caption") or "",
                    credit=value.get("credit") or "",
                )
            )
    return found


def candidate_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Live articles whose body might hold a photo block (a cheap superset, on any database)."""
    if queryset is None:
        queryset = ArticlePage.objects.all()
    return queryset.live().filter(body__icontains='"photo"')


def pages_missing_photos(queryset: QuerySet | None = None) -> list[ArticlePage]:
    """Live articles with at least one image-less photo block, newest first.

    Each page gets a ``missing_photos`` attribute (list of :class:`MissingPhoto`).
    """
    pages = []
    qs = candidate_pages(queryset).select_related("locale").order_by("-first_published_at", "-pk")
    for page in qs.iterator(chunk_size=500):
        missing = missing_photos(page)
        if missing:
            page.missing_photos = missing
            pages.append(page)
    return pages
