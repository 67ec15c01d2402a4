"""The print archive under each home page: a month calendar of editions, an
edition's pages, one printed page's articles."""

from __future__ import annotations

import datetime
from collections import OrderedDict
from itertools import groupby

from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from articles.archive_calendar import month_end, month_weeks, parse_month
from articles.listing import attach_sections
from articles.models import ArticlePage, PrintPage
from articles.models.section import sections_for
from articles.page_cache import depend_on_edition
from articles.site_urls import edition_url, home_route_url, language_of, print_page_url
from articles.thumbnails import attach_thumbnails

from .rendering import render


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
    depend_on_edition(request, date)  # the page cache: this day only
    pages = list(PrintPage.objects.filter(edition_date=date).order_by("page_number"))
    if not pages:
        raise Http404
    articles = attach_sections(
        list(
            ArticlePage.objects.live_in(home.locale_id)
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
    depend_on_edition(request, date)  # the page cache: this day only
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
    articles = list(
        ArticlePage.objects.live_in(home.locale_id).filter(print_page=print_page).in_edition_order()
    )
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
