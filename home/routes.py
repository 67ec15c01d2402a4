"""The pages every home page serves under itself, so /en/... has them too:
authors, tags, corrections, search, the print archive (home.archive) and the feed.

HomeRoutes is the home page model's routing half (home.models.HomePage).
"""

from __future__ import annotations

from django.db.models import Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from articles.feeds import ArticleFeed
from articles.highlight import highlight
from articles.listing import attach_sections, paginate
from articles.models import ArticlePage, Author
from articles.models.section import sections_for
from articles.search_backend import query_terms

from . import archive as print_archive
from .rendering import render, render_listing


def author_view(home, request, slug: str):
    author = get_object_or_404(Author, slug=slug)
    articles = (
        ArticlePage.objects.live_in(home.locale_id)
        .filter(article_authors__author=author)
        .distinct()
        .in_edition_order()
    )
    return render_listing(
        request, home, "articles/author_page.html", articles,
        {"author": author, "route_title": author.name},
    )


def tag_view(home, request, tag: str):
    tag_obj = Tag.objects.filter(Q(slug=tag) | Q(name=tag)).first()
    if tag_obj is None:
        raise Http404
    articles = (
        ArticlePage.objects.live_in(home.locale_id)
        .filter(tagged_items__tag=tag_obj)
        .in_edition_order()
    )
    return render_listing(
        request, home, "articles/tag_page.html", articles,
        {"tag": tag_obj, "route_title": tag_obj.name},
    )


def corrections_view(home, request):
    articles = (
        ArticlePage.objects.live_in(home.locale_id)
        .filter(corrections__isnull=False)
        .annotate(latest_correction=Max("corrections__date"))
        .order_by("-latest_correction", "-pk")
        .prefetch_related("corrections")
    )
    return render_listing(
        request, home, "articles/corrections_page.html", articles, {"route_title": _("更正")}
    )


MAX_QUERY = 100
# Counting every match of a very common word costs more than it tells a reader.
MAX_RESULTS = 1000


def search_view(home, request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    sections = sections_for(request, home.locale_id)
    context = {"query": query, "route_title": _("搜索")}
    if query and query_terms(query):
        results = ArticlePage.objects.live_in(home.locale_id).search(query, operator="and")
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


class HomeRoutes(RoutablePageMixin):
    """Site-wide pages live under each language's home, so /en/... exists too."""

    @path("authors/<str:slug>/", name="author")
    def author(self, request, slug):
        return author_view(self, request, slug)

    @path("tags/<str:tag>/", name="tag")
    def tag(self, request, tag):
        return tag_view(self, request, tag)

    @path("archive/", name="archive")
    def archive(self, request):
        return print_archive.archive_index_view(self, request)

    @re_path(r"^archive/(\d{4})/(\d{2})/(\d{2})/$", name="archive_edition")
    def archive_edition(self, request, year, month, day):
        return print_archive.archive_edition_view(self, request, int(year), int(month), int(day))

    @re_path(r"^archive/(\d{4})/(\d{2})/(\d{2})/page/(\d+)/$", name="archive_page")
    def archive_page(self, request, year, month, day, number):
        return print_archive.archive_page_view(
            self, request, int(year), int(month), int(day), int(number)
        )

    @path("search/", name="search")
    def search(self, request):
        return search_view(self, request)

    @path("corrections/", name="corrections")
    def corrections(self, request):
        return corrections_view(self, request)

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, page=self)
