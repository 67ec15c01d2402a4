"""URLs of each language's home page and of the routes under it (authors,
tags, the print archive, search…), worked out without a query.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.apps import apps
from django.urls import reverse
from django.utils import translation


def language_of(page) -> str:
    return page.locale.language_code if page is not None else translation.get_language()


@lru_cache(maxsize=64)
def home_url(language: str) -> str:
    """/zh-hans/ or /en/: the language's home page URL (fixed by the URLconf)."""
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


@lru_cache(maxsize=4096)
def home_route_url(language: str, name: str, *args) -> str:
    # The routes are the home page model's (home.routes); looked up in the app
    # registry, as models refer to each other, since that model sits above this module.
    resolver = apps.get_model("home", "HomePage").get_resolver()
    return home_url(language) + resolver.reverse(name, *args).lstrip("/")


def edition_url(language: str, day: datetime.date) -> str:
    return home_route_url(language, "archive_edition", f"{day:%Y}", f"{day:%m}", f"{day:%d}")


def print_page_url(language: str, day: datetime.date, number: int) -> str:
    return home_route_url(
        language, "archive_page", f"{day:%Y}", f"{day:%m}", f"{day:%d}", str(number)
    )
