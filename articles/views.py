"""Reader-facing views and page contexts.

Page models delegate here so that every query a public page makes is in one
place, counted and kept small (see tests/site/test_queries.py).
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from articles.english_fallback import (
    default_locale_id,
    mark_original,
    original_sections,
    uses_fallback,
)
from articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    Author,
    PrintPage,
    SectionPage,
)
from articles.models.edition_dates import (
    REVERSE_EDITION_ORDER,
    listed_after,
    listed_before,
    listing_key,
)
from articles.page_meta import description_of
from articles.public_urls import asset_url, page_public_url, public_url
from articles.structured_data import article_jsonld, breadcrumb_jsonld, website_jsonld
from articles.thumbnails import attach_thumbnails

PER_PAGE = 20
HOME_PER_SECTION = 5
RELATED_COUNT = 5


# ------------------------------------------------------------------ helpers


def language_of(page) -> str:
    return page.locale.language_code if page is not None else translation.get_language()


@lru_cache(maxsize=64)
def home_url(language: str) -> str:
    """/zh-hans/ or /en/: the language's home page URL (fixed by the URLconf)."""
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


@lru_cache(maxsize=4096)
def home_route_url(language: str, name: str, *args) -> str:
    from home.models import HomePage

    return home_url(language) + HomePage.get_resolver().reverse(name, *args).lstrip("/")


def articles_in(locale_id: int):
    """Live articles of one language, with their print page (the date and page a
    card shows), without the columns listings never read. Continuations joined
    to their story are part of it, not articles of their own."""
    return (
        ArticlePage.objects.live()
        .filter(locale_id=locale_id)
        .not_joined()
        .select_related("print_page")
        .defer(*ArticlePage.LISTING_DEFER)
    )


def public_articles(locale_id: int, sections: list[SectionPage]):
    """Articles the curated lists show: live, in this language, not in the inbox.

    Curated lists (home, sections, feeds, related, sitemap) leave out the
    inbox (待审稿件); look-ups (search, tags, authors, print archive,
    corrections) show every live article, since each is reachable by its URL.
    """
    qs = articles_in(locale_id)
    for inbox in (s for s in sections if s.is_inbox):
        qs = qs.exclude(path__startswith=inbox.path)
    return qs


def sections_for(request, locale_id: int) -> list[SectionPage]:
    """All sections of a language, shared by routing, navigation and lists.

    Kept in the cache under a version that changes whenever a page other
    than an article is published, unpublished, saved, moved or deleted
    (articles.signals), so a request usually makes no query for them.
    """
    from django.core.cache import cache as shared

    from articles.page_cache import SECTIONS_SECONDS, sections_key

    cache = request.__dict__.setdefault("_newsroom_sections", {})
    if locale_id not in cache:
        key = sections_key(locale_id)
        sections = shared.get(key)
        if sections is None:
            sections = list(
                SectionPage.objects.live()
                .filter(locale_id=locale_id, depth=3)
                .select_related("locale")
                .order_by("path")
                .defer_streamfields()
            )
            shared.set(key, sections, SECTIONS_SECONDS)
        cache[locale_id] = sections
    return cache[locale_id]


@dataclass(frozen=True)
class PopulatedSections:
    """Which sections have live articles: by path, and (for the fallback to
    the default language, see english_fallback) by translation key."""

    paths: frozenset[str]
    default_language_keys: frozenset

    def has_articles(self, section: SectionPage, *, with_fallback: bool = False) -> bool:
        if section.path in self.paths:
            return True
        return with_fallback and section.translation_key in self.default_language_keys


def populated_sections(request) -> PopulatedSections:
    """The sections with at least one live article, in every language.

    One query, kept in the shared cache under the structure and removals
    versions (articles.page_cache.populated_key): an unpublished last article
    retires it with the removals, a section's first article bumps the structure.
    """
    from django.core.cache import cache as shared
    from django.db.models.functions import Substr

    from articles.page_cache import CACHE_SECONDS, SECTION_DEPTH, populated_key

    found = request.__dict__.get("_newsroom_populated") if request is not None else None
    if found is not None:
        return found
    key = populated_key()
    found = shared.get(key)
    if found is None:
        parents = (
            ArticlePage.objects.live()
            .not_joined()
            .filter(depth=SECTION_DEPTH + 1)
            .annotate(parent=Substr("path", 1, SECTION_DEPTH * ArticlePage.steplen))
            .values("parent")
        )
        rows = (
            SectionPage.objects.live()
            .filter(depth=SECTION_DEPTH, path__in=parents)
            .values_list("path", "translation_key", "locale__language_code")
        )
        default = settings.LANGUAGE_CODE
        paths, keys = set(), set()
        for path, translation_key, language in rows:
            paths.add(path)
            if language == default:
                keys.add(translation_key)
        found = PopulatedSections(frozenset(paths), frozenset(keys))
        # As long as the pages rendered with it may be served.
        shared.set(key, found, CACHE_SECONDS)
    if request is not None:
        request.__dict__["_newsroom_populated"] = found
    return found


def section_of(article: ArticlePage, sections: list[SectionPage]) -> SectionPage | None:
    parent_path = article.path[: -ArticlePage.steplen]
    return next((s for s in sections if s.path == parent_path), None)


def section_url(section: SectionPage) -> str:
    """The section's URL, worked out once per section object (one request's list)."""
    url = section.__dict__.get("cached_url")
    if url is None:
        url = section.cached_url = section.url or ""
    return url


def attach_sections(articles, sections: list[SectionPage]):
    """Give each article its `section` and its `card_url`.

    An article's URL is its section's plus its slug (Wagtail's url_path is
    built that way): much cheaper than Page.url for every card of a listing.
    """
    by_path = {s.path: s for s in sections}
    for section in sections:
        section_url(section)  # as section.cached_url, for the templates
    for article in articles:
        section = by_path.get(article.path[: -ArticlePage.steplen])
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


def base_context(page, request) -> dict:
    return {"page": page, "self": page, "request": request}


def lead_stories(page):
    """A home or section page's curated leads, with their articles (listing columns only)."""
    return (
        page.lead_stories.select_related("page")
        .defer(*(f"page__{name}" for name in ArticlePage.LISTING_DEFER))
        .order_by("sort_order")
    )


# ---------------------------------------------------------------- home page


def home_context(home, request) -> dict:
    sections = sections_for(request, home.locale_id)
    leads = [lead.page for lead in lead_stories(home) if lead.page.live]
    lead_ids = [a.pk for a in leads]
    shown = [s for s in sections if s.show_in_menus and not s.is_inbox]
    # The latest few of every section in one query: one small indexed subquery each.
    subqueries = [
        articles_in(home.locale_id)
        .filter(path__startswith=section.path, depth=section.depth + 1)
        .exclude(pk__in=lead_ids)
        .in_edition_order()
        .values("pk")[:HOME_PER_SECTION]
        for section in shown
    ]
    latest = (
        list(
            articles_in(home.locale_id)
            .filter(pk_in_any(subqueries))
            .in_edition_order()
        )
        if subqueries
        else []
    )
    attach_sections(latest, sections)
    blocks = [(s, [a for a in latest if a.section is s]) for s in shown]
    if uses_fallback(language_of(home)):
        blocks = fill_from_originals(request, blocks)
    attach_thumbnails(leads + [a for _s, articles in blocks for a in articles])
    blocks = [(s, articles) for s, articles in blocks if articles]
    attach_sections(leads, sections)
    return {
        "lead_stories": leads,
        "section_blocks": blocks,
        "today": timezone.localdate(),
        "jsonld": website_jsonld(home, home_route_url(language_of(home), "search")),
    }


def chinese_sections(request) -> list[SectionPage]:
    """The sections of the paper's own language, the originals of every translation."""
    locale_id = default_locale_id()
    return sections_for(request, locale_id) if locale_id is not None else []


def fill_from_originals(request, blocks):
    """Home blocks of sections with no translated story get their Chinese original's latest."""
    empty = [s for s, articles in blocks if not articles]
    originals = original_sections(empty, chinese_sections(request))
    if not originals:
        return blocks
    locale_id = default_locale_id()
    subqueries = [
        articles_in(locale_id)
        .filter(path__startswith=original.path, depth=original.depth + 1)
        .in_edition_order()
        .values("pk")[:HOME_PER_SECTION]
        for original in originals.values()
    ]
    latest = mark_original(
        articles_in(locale_id).filter(pk_in_any(subqueries)).in_edition_order()
    )
    attach_sections(latest, sections_for(request, locale_id))
    filled = []
    for section, articles in blocks:
        original = originals.get(section.pk)
        if not articles and original is not None:
            articles = [a for a in latest if a.section is original]
        filled.append((section, articles))
    return filled


# ------------------------------------------------------------- section page


def section_context(section, request) -> dict:
    sections = sections_for(request, section.locale_id)
    leads = [lead.page for lead in lead_stories(section) if lead.page.live]
    rest = (
        articles_in(section.locale_id)
        .child_of(section)
        .exclude(pk__in=[a.pk for a in leads])
        .in_edition_order()
    )
    original = None
    if not leads and uses_fallback(language_of(section)) and not rest.exists():
        # No translated story yet: the Chinese original's, marked 「中文」.
        original = original_sections([section], chinese_sections(request)).get(section.pk)
        if original is not None:
            rest = articles_in(default_locale_id()).child_of(original).in_edition_order()
            sections = sections_for(request, original.locale_id)
    page_obj, page_range = paginate(request, rest)
    page_obj.object_list = attach_sections(list(page_obj.object_list), sections)
    if original is not None:
        page_obj.object_list = mark_original(page_obj.object_list)
    attach_sections(leads, sections)
    attach_thumbnails(leads + page_obj.object_list)
    return {
        "lead_stories": leads if page_obj.number == 1 else [],
        "page_obj": page_obj,
        "page_range": page_range,
        "articles": page_obj.object_list,
        "original_section": original,
        "sections": sections,
        "jsonld": breadcrumb_jsonld(
            [
                (_("工人日报"), public_url(home_url(language_of(section)))),
                (section.title, page_public_url(section, request)),
            ]
        ),
    }


# ------------------------------------------------------------- article page


def article_context(article: ArticlePage, request) -> dict:
    sections = sections_for(request, article.locale_id)
    section = section_of(article, sections)
    authors = list(article.article_authors.select_related("author").order_by("sort_order"))
    tags = list(article.tags.all())
    corrections = list(article.corrections.order_by("date", "sort_order"))
    print_page = article.print_page if article.print_page_id else None

    previous_article, next_article, related = neighbours(article, tags, sections)
    image_url = article_image_url(article)
    description = description_of(article)
    return {
        "section": section,
        "authors": authors,
        "tags": tags,
        "corrections": corrections,
        "print_page": print_page,
        "previous_article": previous_article,
        "next_article": next_article,
        "related_articles": attach_sections(related, sections),
        "description": description,
        "image_url": image_url,
        "jsonld": article_jsonld(
            article, request, authors, section, tags, description=description,
            image_url=image_url,
        ),
    }


def article_image_url(article: ArticlePage) -> str:
    """The public URL of the article's first photo, sized for cards ("" without one)."""
    image = article.first_image()
    return asset_url(image.get_rendition("width-1200").url) if image else ""


CARD_FIELDS = (
    "id", "title", "slug", "kicker", "subheadline", "path", "depth", "url_path",
    "first_published_at", "locale_id", "display_date", "print_order", "print_page",
    "print_page__edition_date", "print_page__page_number", "print_page__page_name",
)


def neighbours(article: ArticlePage, tags, sections):
    """Previous / next in the section and related articles, in one query.

    Candidates: the previous and next article of the same section, the
    articles sharing most tags, those whose titles share most of the
    article's key words (from the search index), and the section's latest;
    sorted out in Python: shared tags first, then shared key words, then
    the rest of the section, newer first.
    """
    from articles.keywords import article_key_words
    from articles.search_backend import title_match_ids

    section_path = article.path[: -ArticlePage.steplen]
    public = public_articles(article.locale_id, sections)
    siblings = public.filter(path__startswith=section_path, depth=article.depth)
    # Previous is the next one down the section's listing (older, or later in
    # the same edition); next is the one above it.
    parts = [
        siblings.filter(listed_after(article)).in_edition_order().values("pk")[:1],
        siblings.filter(listed_before(article))
        .order_by(*REVERSE_EDITION_ORDER)
        .values("pk")[:1],
        siblings.exclude(pk=article.pk).in_edition_order().values("pk")[: RELATED_COUNT + 2],
    ]
    tag_ids = [t.pk for t in tags]
    if tag_ids:
        # Most shared tags first, newer first; grouped on the tag table alone (cheap).
        parts.append(
            ArticlePageTag.objects.filter(tag_id__in=tag_ids)
            .exclude(content_object_id=article.pk)
            .values("content_object_id")
            .annotate(shared=Count("id"))
            .order_by("-shared", "-content_object_id")
            .values("content_object_id")[: RELATED_COUNT * 2]
        )
    words = article_key_words(article)
    # Over-fetched: the index knows nothing of drafts, languages or the inbox.
    matches = title_match_ids(ArticlePage, words, RELATED_COUNT * 2 + 1)
    if matches is not None:
        parts.append(matches)
    wanted = pk_in_any(parts)
    candidates = list(
        public.filter(wanted)
        .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids or [0])))
        .only(*CARD_FIELDS)
    )

    mine = listing_key(article)
    same = [a for a in candidates if a.path.startswith(section_path) and a.pk != article.pk]
    below = [a for a in same if listing_key(a) > mine]
    above = [a for a in same if listing_key(a) < mine]
    previous_article = min(below, key=listing_key, default=None)
    next_article = max(above, key=listing_key, default=None)
    shown = {article.pk} | {a.pk for a in (previous_article, next_article) if a}
    related = [a for a in candidates if a.pk not in shown]
    for a in related:
        headline = f"{a.kicker} {a.title} {a.subheadline}".lower()
        a.shared_words = sum(1 for w in words if w in headline)
    related.sort(key=lambda a: (-a.shared, -a.shared_words, listing_key(a)))
    return previous_article, next_article, related[:RELATED_COUNT]


# ------------------------------------------------------------ home routes


def render(request, template: str, page, context: dict):
    full = base_context(page, request)
    full.update(context)
    return TemplateResponse(request, template, full)


def render_listing(request, home, template: str, articles, context: dict):
    """A paginated list of articles (author, tag and corrections pages)."""
    sections = sections_for(request, home.locale_id)
    page_obj, page_range = paginate(request, articles)
    page_obj.object_list = attach_thumbnails(
        attach_sections(list(page_obj.object_list), sections)
    )
    return render(
        request, template, home, {"page_obj": page_obj, "page_range": page_range, **context}
    )


def author_view(home, request, slug: str):
    author = get_object_or_404(Author, slug=slug)
    articles = (
        articles_in(home.locale_id)
        .filter(article_authors__author=author)
        .distinct()
        .in_edition_order()
    )
    return render_listing(
        request, home, "articles/author_page.html", articles,
        {"author": author, "route_title": author.name},
    )


def tag_view(home, request, tag: str):
    from taggit.models import Tag

    tag_obj = Tag.objects.filter(Q(slug=tag) | Q(name=tag)).first()
    if tag_obj is None:
        raise Http404
    articles = (
        articles_in(home.locale_id)
        .filter(tagged_items__tag=tag_obj)
        .in_edition_order()
    )
    return render_listing(
        request, home, "articles/tag_page.html", articles,
        {"tag": tag_obj, "route_title": tag_obj.name},
    )


def corrections_view(home, request):
    articles = (
        articles_in(home.locale_id)
        .filter(corrections__isnull=False)
        .annotate(latest_correction=Max("corrections__date"))
        .order_by("-latest_correction", "-pk")
        .prefetch_related("corrections")
    )
    return render_listing(
        request, home, "articles/corrections_page.html", articles, {"route_title": _("更正")}
    )


# ---------------------------------------------------------- print archive


def edition_url(language: str, day: datetime.date) -> str:
    return home_route_url(language, "archive_edition", f"{day:%Y}", f"{day:%m}", f"{day:%d}")


def print_page_url(language: str, day: datetime.date, number: int) -> str:
    return home_route_url(
        language, "archive_page", f"{day:%Y}", f"{day:%m}", f"{day:%d}", str(number)
    )


def _parse_day(year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as e:
        raise Http404 from e


def _neighbour_editions(day: datetime.date):
    earlier = (
        PrintPage.objects.filter(edition_date__lt=day)
        .order_by("-edition_date")
        .values_list("edition_date", flat=True)
        .first()
    )
    later = (
        PrintPage.objects.filter(edition_date__gt=day)
        .order_by("edition_date")
        .values_list("edition_date", flat=True)
        .first()
    )
    return earlier, later


def archive_index_view(home, request):
    """A month calendar of editions (the latest month unless ?month=YYYY-MM), and every month."""
    from articles.archive_calendar import month_end, month_weeks, parse_month

    language = language_of(home)
    wanted = request.GET.get("date", "").strip()
    if wanted:
        try:
            day = datetime.date.fromisoformat(wanted)
        except ValueError:
            day = None
        if day is not None:
            # The chosen day, or the latest edition before it when there was none that day.
            found = (
                PrintPage.objects.filter(edition_date__lte=day)
                .order_by("-edition_date")
                .values_list("edition_date", flat=True)
                .first()
            )
            if found is not None:
                return HttpResponseRedirect(edition_url(language, found))
    # One query over the edition_date index: every month that has an edition.
    months = list(PrintPage.objects.dates("edition_date", "month", order="DESC"))
    month = parse_month(request.GET.get("month", "")) or (months[0] if months else None)
    if month is not None and months and month not in months:
        raise Http404
    days: dict[datetime.date, int] = {}
    if month is not None:
        days = dict(
            PrintPage.objects.filter(edition_date__range=(month, month_end(month)))
            .values_list("edition_date")
            .annotate(pages=Count("id"))
            .order_by("edition_date")
        )
    index = months.index(month) if month in months else -1
    month_url = home_route_url(language, "archive")
    return render(
        request,
        "articles/archive_index.html",
        home,
        {
            "month": month,
            "weeks": month_weeks(month, {d: edition_url(language, d) for d in days})
            if month
            else [],
            "editions": [(d, n, edition_url(language, d)) for d, n in sorted(days.items())],
            "older_month": index + 1 < len(months) and months[index + 1],
            "newer_month": index > 0 and months[index - 1],
            "month_url": month_url,
            "years": [
                (year, list(group))
                for year, group in groupby(months, key=lambda m: m.year)
            ],
            "latest": max(days) if days else None,
            "route_title": _("报纸版面"),
        },
    )


def archive_edition_view(home, request, year: int, month: int, day: int):
    language = language_of(home)
    date = _parse_day(year, month, day)
    pages = list(PrintPage.objects.filter(edition_date=date).order_by("page_number"))
    if not pages:
        raise Http404
    articles = attach_sections(
        list(
            articles_in(home.locale_id)
            .filter(print_page__edition_date=date)
            .in_edition_order()
        ),
        sections_for(request, home.locale_id),
    )
    attach_thumbnails(articles)
    by_page = OrderedDict((p.pk, []) for p in pages)
    for article in articles:
        by_page.setdefault(article.print_page_id, []).append(article)
    earlier, later = _neighbour_editions(date)
    return render(
        request,
        "articles/archive_edition.html",
        home,
        {
            "edition_date": date,
            "print_pages": [
                (p, print_page_url(language, date, p.page_number), by_page.get(p.pk, []))
                for p in pages
            ],
            "previous_edition": earlier and (earlier, edition_url(language, earlier)),
            "next_edition": later and (later, edition_url(language, later)),
            "route_title": _("%(date)s 报纸") % {"date": f"{date:%Y-%m-%d}"},
        },
    )


def archive_page_view(home, request, year: int, month: int, day: int, number: int):
    language = language_of(home)
    date = _parse_day(year, month, day)
    numbers = list(
        PrintPage.objects.filter(edition_date=date)
        .order_by("page_number")
        .values_list("page_number", flat=True)
    )
    if number not in numbers:
        raise Http404
    print_page = PrintPage.objects.select_related("pdf", "image").get(
        edition_date=date, page_number=number
    )
    sections = sections_for(request, home.locale_id)
    articles = list(articles_in(home.locale_id).filter(print_page=print_page).in_edition_order())
    attach_thumbnails(attach_sections(articles, sections))
    i = numbers.index(number)
    earlier, later = _neighbour_editions(date)
    return render(
        request,
        "articles/archive_page.html",
        home,
        {
            "edition_date": date,
            "edition_url": edition_url(language, date),
            "print_page": print_page,
            "articles": articles,
            "all_pages": [(n, print_page_url(language, date, n)) for n in numbers],
            "previous_page": i > 0
            and (numbers[i - 1], print_page_url(language, date, numbers[i - 1])),
            "next_page": i + 1 < len(numbers)
            and (numbers[i + 1], print_page_url(language, date, numbers[i + 1])),
            "previous_edition": earlier and (earlier, edition_url(language, earlier)),
            "next_edition": later and (later, edition_url(language, later)),
            "route_title": f"{date:%Y-%m-%d} " + _("第%(n)s版") % {"n": number},
        },
    )


# ------------------------------------------------------------------ search

MAX_QUERY = 100
# Counting every match of a very common word costs more than it tells a reader.
MAX_RESULTS = 1000


def search_view(home, request):
    from articles.highlight import highlight
    from articles.search_backend import query_terms

    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    sections = sections_for(request, home.locale_id)
    context = {"query": query, "route_title": _("搜索")}
    if query and query_terms(query):
        results = articles_in(home.locale_id).search(query, operator="and")
        page_obj, page_range = paginate(request, results[:MAX_RESULTS])
        terms = query_terms(query)
        hits = attach_sections(list(page_obj.object_list), sections)
        for hit in hits:
            hit.title_html = highlight(hit.title, terms)
            hit.summary_html = highlight(hit.summary, terms)
        context.update(
            {
                "page_obj": page_obj,
                "page_range": page_range,
                "results": hits,
                "terms": terms,
                "capped": page_obj.paginator.count >= MAX_RESULTS,
            }
        )
    response = render(request, "articles/search_page.html", home, context)
    return response


# ------------------------------------------------------------------- feeds


def prefetch_feed(qs):
    return qs.prefetch_related(
        Prefetch("corrections"),
        Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
    )
