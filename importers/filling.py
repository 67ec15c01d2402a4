"""Parsed article → the fields of an ArticlePage instance (not saved here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from articles.models import ArticleAuthor, ArticleKind, ArticlePage, PrintPage

from .authors import AuthorDirectory
from .content import CHAR_LIMITS, KINDS, body_stream, headline_or_provisional
from .models import ImportRun

if TYPE_CHECKING:
    from importers.parsing import ParsedArticle


@dataclass(frozen=True)
class Provenance:
    """Where a file's articles come from; the same for all of them."""

    name: str
    sha256: str
    print_page: PrintPage | None
    run: ImportRun | None


def fill_page(
    page: ArticlePage,
    article: ParsedArticle,
    source: Provenance,
    authors: AuthorDirectory,
) -> list[ArticleAuthor]:
    """Copy every parsed part into its own field, plus provenance.

    Returns the unsaved author links, in byline order, for the writer to store.
    """
    warnings = list(article.warnings)
    values = {
        "title": headline_or_provisional(article),
        "kicker": article.kicker,
        "subheadline": article.subheadline,
        "byline": article.byline,
        "dateline": article.dateline,
        "column_label": article.column,
    }
    for field_name, value in values.items():
        value = (value or "").strip()
        limit = CHAR_LIMITS[field_name]
        if len(value) > limit:
            warnings.append(
                _("%(field)s 超过 %(limit)d 字，已截断；全文见原始文本")
                % {"field": field_name, "limit": limit}
            )
            value = value[: limit - 1] + "…"
        setattr(page, field_name, value)
    page.reader_prompt = article.reader_prompt or ""
    if article.kind in KINDS:
        page.kind = article.kind
    else:
        page.kind = ArticleKind.FRAGMENT
        warnings.append(_("未知稿件类型 %(kind)s") % {"kind": article.kind})
    page.body = body_stream(article.body)
    page.continued_from_page = article.continued_from_page
    page.continues_on_page = article.continues_on_page
    if source.print_page is not None:
        page.print_page = source.print_page
    links = authors.links(article.authors)
    page.source_name = source.name
    page.source_sha256 = source.sha256
    page.source_position = article.position
    page.source_text = article.raw_text or ""
    page.import_warnings = warnings
    page.import_run = source.run
    page.headline_is_provisional = bool(
        article.headline_is_provisional or not article.headline.strip()
    )
    return links
