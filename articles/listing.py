"""Lists of article cards: each card's section and URL, pages of a list, and
one query out of several small ones.

Imports no model: the page models use these for their own contexts.
"""

from __future__ import annotations

from urllib.parse import quote

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from wagtail.models import Page

PER_PAGE = 20
# Columns a listing never needs: raw source text and importer bookkeeping.
LISTING_DEFER = ("source_text", "import_warnings")


def section_of(article, sections: list) -> object | None:
    parent_path = article.path[: -Page.steplen]
    return next((s for s in sections if s.path == parent_path), None)


def section_url(section) -> str:
    """The section's URL, worked out once per section object (one request's list)."""
    url = section.__dict__.get("cached_url")
    if url is None:
        url = section.cached_url = section.url or ""
    return url


def attach_sections(articles, sections: list):
    """Give each article its `section` and its `card_url`.

    An article's URL is its section's plus its slug (Wagtail's url_path is
    built that way): much cheaper than Page.url for every card of a listing.
    """
    by_path = {s.path: s for s in sections}
    for section in sections:
        section_url(section)  # as section.cached_url, for the templates
    for article in articles:
        section = by_path.get(article.path[: -Page.steplen])
        article.section = section
        base = section_url(section) if section is not None else ""
        article.card_url = f"{base}{quote(article.slug, safe='')}/" if base else article.url
    return articles


def pk_in_any(subqueries) -> Q:
    """pk IN (any of these sliced subqueries), in the form each database plans well."""
    if connection.features.supports_slicing_ordering_in_compound:
        # PostgreSQL: one UNION ALL subquery, so the outer query can use the primary key.
        return Q(pk__in=subqueries[0].union(*subqueries[1:], all=True))
    # SQLite cannot slice inside a compound statement: OR the subqueries.
    wanted = Q(pk__in=[])
    for sub in subqueries:
        wanted |= Q(pk__in=sub)
    return wanted


def paginate(request, queryset, per_page: int = PER_PAGE):
    paginator = Paginator(queryset, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_range = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return page_obj, list(page_range)


def lead_stories(page):
    """A home or section page's curated leads, with their articles (listing columns only)."""
    return (
        page.lead_stories.select_related("page")
        .defer(*(f"page__{name}" for name in LISTING_DEFER))
        .order_by("sort_order")
    )
