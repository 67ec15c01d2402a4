"""Listing thumbnails: each card's first photo, as a small responsive image.

The photo's id and caption are read from the body's raw JSON (listings load
the body anyway), the images in one query with their renditions prefetched,
so a listing costs one or two queries for all its thumbnails, not one a card.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.images import get_image_model

# 1x and 2x of the card's 3:2 thumbnail box (see .card-thumb in site.css).
THUMBNAIL_SPECS = ("fill-240x160-c100", "fill-480x320-c100")
THUMBNAIL_SIZES = "(max-width: 40rem) 100vw, 240px"


@dataclass(frozen=True)
class Thumbnail:
    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    alt: str


def first_photo(article) -> tuple[int, str] | None:
    """(image id, caption) of the article's first photo with an image, or None."""
    for block in article.body.raw_data:
        value = block.get("value")
        if block.get("type") == "photo" and isinstance(value, dict) and value.get("image"):
            return value["image"], (value.get("caption") or "").strip()
    return None


def attach_thumbnails(articles) -> list:
    """Give each article a `thumbnail` (a Thumbnail, or None without a photo)."""
    articles = list(articles)
    photos = {a.pk: first_photo(a) for a in articles}
    ids = {photo[0] for photo in photos.values() if photo}
    images = {}
    if ids:
        images = {
            image.pk: image
            for image in get_image_model()
            .objects.filter(pk__in=ids)
            .prefetch_renditions(*THUMBNAIL_SPECS)
        }
    for article in articles:
        photo = photos[article.pk]
        image = images.get(photo[0]) if photo else None
        article.thumbnail = thumbnail_of(image, photo[1] or article.title) if image else None
    return articles


def thumbnail_of(image, alt: str) -> Thumbnail:
    renditions = image.get_renditions(*THUMBNAIL_SPECS)
    small, large = (renditions[spec] for spec in THUMBNAIL_SPECS)
    # The media URL as served (relative, or the CDN's): the page's own host
    # serves it, unlike og:image, which must be absolute.
    return Thumbnail(
        src=small.url,
        srcset=f"{small.url} {small.width}w, {large.url} {large.width}w",
        sizes=THUMBNAIL_SIZES,
        width=small.width,
        height=small.height,
        alt=alt,
    )
