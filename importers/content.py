"""Parsed parts → ArticlePage field values (no database access)."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles.models import ArticleKind, ArticlePage

if TYPE_CHECKING:
    from importers.parsing import Block, ParsedArticle

SLUG_BASE_MAX = 80
KINDS = {choice.value for choice in ArticleKind}
# Field name → max length, so overlong parser output is cut (with a warning)
# instead of failing the whole file; the raw text keeps every character.
CHAR_LIMITS = {
    name: ArticlePage._meta.get_field(name).max_length
    for name in ("title", "kicker", "subheadline", "byline", "dateline", "column_label")
}


def body_stream(blocks: list[Block]) -> list[dict[str, Any]]:
    """StreamField raw data for parsed body blocks (stored as is, no conversion)."""
    stream: list[dict[str, Any]] = []
    for block in blocks:
        if block.type == "photo":
            value: Any = {
                "image": None,
                "caption": block.caption or "",
                "credit": (block.credit or "")[:255],
            }
        elif block.type == "quote":
            if not block.text:
                continue
            value = {"text": block.text, "attribution": (block.credit or "")[:255]}
        elif block.type == "heading":
            if not block.text:
                continue
            value = block.text
        else:
            # Unknown block types keep their text as a paragraph: nothing is dropped.
            if not block.text:
                continue
            value = block.text
        kind = block.type if block.type in {"photo", "quote", "heading"} else "paragraph"
        stream.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
    return stream


def provisional_title(article: ParsedArticle) -> str:
    for block in article.body:
        text = (block.text or block.caption or "").strip()
        if text:
            return text[:24] + ("…" if len(text) > 24 else "")
    return _("无标题稿件")


def headline_or_provisional(article: ParsedArticle) -> str:
    return article.headline.strip() or provisional_title(article)


def slug_base(title: str, edition_date: datetime.date | None) -> str:
    """A readable slug stem: the headline (Chinese kept), prefixed by the edition date."""
    base = slugify(title, allow_unicode=True)[:SLUG_BASE_MAX].strip("-") or "article"
    return f"{edition_date:%Y-%m-%d}-{base}" if edition_date else base


def free_slug(base: str, taken: set[str]) -> str:
    """The first of base, base-2, base-3… not in `taken` (which it joins)."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug
