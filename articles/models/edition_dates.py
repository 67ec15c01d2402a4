"""The date readers see on an article: its printed edition's, else its first publication.

A newspaper article belongs to the day it was printed, not to the day it was
imported. Both the date and the sort key are stored on the article row (kept
up to date by ArticlePage.save and PrintPage changes) so that listings of tens
of thousands of articles order by an indexed column instead of a join.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Q
from django.utils import timezone

# Room for this many articles on one printed page in the sort key.
POSITIONS_PER_PAGE = 1000


def display_date_of(
    edition_date: datetime.date | None, first_published_at: datetime.datetime | None
) -> datetime.date | None:
    """The edition date when the article was printed, else the (local) day it first went live."""
    if edition_date is not None:
        return edition_date
    if first_published_at is not None:
        return timezone.localdate(first_published_at)
    return None


def print_order_of(page_number: int | None, position: int | None) -> int | None:
    """Where on the edition the article sits: page by page, top of the page first."""
    if page_number is None:
        return None
    return page_number * POSITIONS_PER_PAGE + min(position or 0, POSITIONS_PER_PAGE - 1)


def display_datetime_of(
    edition_date: datetime.date | None, first_published_at: datetime.datetime | None
) -> datetime.datetime | None:
    """An aware datetime for feeds and structured data: the edition day's start, local time."""
    if edition_date is not None:
        return timezone.make_aware(datetime.datetime.combine(edition_date, datetime.time()))
    return first_published_at


# Newest edition (or publication day) first; within one day, page by page and
# down each page; articles never printed that day after the printed ones.
# Live articles always have a display date, so the first key needs no NULLS
# clause and the (display_date DESC, print_order) index serves the sort.
EDITION_ORDER = (
    F("display_date").desc(),
    F("print_order").asc(nulls_last=True),
    F("first_published_at").desc(nulls_last=True),
    F("pk").desc(),
)


# -- neighbours in that order (the article page's previous / next) ------------

_NO_PLACE = 2**31  # articles without a printed place sort after those with one


def listing_key(article) -> tuple:
    """EDITION_ORDER in Python: a smaller key comes first in a listing."""
    day = article.display_date or timezone.localdate()
    when = article.first_published_at or timezone.now()
    place = article.print_order if article.print_order is not None else _NO_PLACE
    return (-day.toordinal(), place, -when.timestamp(), -article.pk)


def _bounds(article):
    day = article.display_date or timezone.localdate()
    when = article.first_published_at or timezone.now()
    return day, article.print_order, when


def listed_after(article) -> Q:
    """Articles further down a listing than `article` (older, or later in its edition)."""
    day, place, when = _bounds(article)
    if place is None:
        same_place, later_place = Q(print_order__isnull=True), Q(pk__in=[])
    else:
        same_place = Q(print_order=place)
        later_place = Q(print_order__gt=place) | Q(print_order__isnull=True)
    tie = Q(first_published_at__lt=when) | Q(first_published_at=when, pk__lt=article.pk)
    same_day = Q(display_date=day)
    # The plain bound lets the (display_date, print_order) index start at this article.
    return Q(display_date__lte=day) & (
        Q(display_date__lt=day) | (same_day & later_place) | (same_day & same_place & tie)
    )


def listed_before(article) -> Q:
    """Articles higher up a listing than `article` (newer, or earlier in its edition)."""
    day, place, when = _bounds(article)
    if place is None:
        same_place, earlier_place = Q(print_order__isnull=True), Q(print_order__isnull=False)
    else:
        same_place, earlier_place = Q(print_order=place), Q(print_order__lt=place)
    tie = Q(first_published_at__gt=when) | Q(first_published_at=when, pk__gt=article.pk)
    same_day = Q(display_date=day)
    return Q(display_date__gte=day) & (
        Q(display_date__gt=day) | (same_day & earlier_place) | (same_day & same_place & tie)
    )


# EDITION_ORDER backwards: the nearest article above comes first.
REVERSE_EDITION_ORDER = (
    F("display_date").asc(),
    F("print_order").desc(nulls_first=True),
    F("first_published_at").asc(nulls_first=True),
    F("pk").asc(),
)
