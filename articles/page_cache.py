"""Whole-page cache for anonymous readers, retired by what each page shows.

Each cached page records the versions of what it depends on, and a hit is
served only while all of them are unchanged (one extra `get_many`):

- every page depends on the *structure* (sections, home: the navigation) and
  on *removals* (an article unpublished, moved or deleted; authors and print
  pages changed), which retire everything;
- an article page depends on its own version, bumped when it is published;
- every other page (home, sections, archive, feeds, search, tags) depends on
  the *listings*, bumped whenever any article is published.

So a publishing import retires the listings and the articles it publishes,
not the thousands of article pages readers are reading. Versions live in the
shared cache (Redis in production), so every process sees a bump at once.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

CACHE_SECONDS = 60 * 60
# Paths that are never cached: the admin, documents served through Wagtail, previews.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/django-admin/", "/static/", "/media/")
KEPT_HEADERS = {"content-type", "content-language", "cache-control", "vary", "last-modified"}
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/plain")

# The sections of each language (navigation, routing) change far less often
# than articles: the structure version, bumped when any page but an article changes.
SECTIONS_VERSION_KEY = "newsroom:sections-version"
SECTIONS_SECONDS = 10 * 60  # a safety net: changes made without signals show within minutes
REMOVALS_KEY = "newsroom:v:removals"
LISTINGS_KEY = "newsroom:v:listings"
# Kept for tools that retire everything at once (benchmarks, bulk repairs).
VERSION_KEY = REMOVALS_KEY

# Sections sit under the language's home page (root 1, home 2).
SECTION_DEPTH = 3

# The request attribute the page-serving hook sets for the page being served.
SERVED_PAGE_ATTR = "_newsroom_served_page"


def page_key(page_id: int) -> str:
    return f"newsroom:v:page:{page_id}"


def _fresh_version() -> int:
    # A version key the cache evicted must not restart at a number an old
    # cached page was stored under: start again from the clock (milliseconds).
    return time.time_ns() // 1_000_000


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        fresh = _fresh_version()
        cache.add(key, fresh, timeout=None)
        version = cache.get(key, fresh)
    return version


def _bump_now(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # no version yet (or evicted)
        cache.set(key, _fresh_version(), timeout=None)


def _bump(key: str) -> None:
    # Now, so this process reads fresh pages inside the transaction, and again
    # after commit, so a reader who re-cached the old text meanwhile is retired.
    _bump_now(key)
    transaction.on_commit(lambda: _bump_now(key))


def current_version() -> int:
    return _version(REMOVALS_KEY)


def bump_version(**_kwargs) -> None:
    """Retire every cached page (removals, authors, print pages)."""
    _bump(REMOVALS_KEY)


def bump_listings(**_kwargs) -> None:
    """Something new appears in lists (archive, author pages), nothing existing changed."""
    _bump(LISTINGS_KEY)


def bump_published(instance=None, **_kwargs) -> None:
    """A page went live or changed: retire it and every listing."""
    if instance is not None and instance.pk:
        _bump(page_key(instance.pk))
        _bump_if_section_fills(instance)
        if getattr(instance, "continues_id", None):
            # A joined continuation's text is shown on its head's page.
            _bump(page_key(instance.continues_id))
    _bump(LISTINGS_KEY)


def _bump_if_section_fills(page) -> None:
    # The navigation lists only sections with articles: a section's first
    # article changes every page's navigation. Nothing to retire when no page
    # was rendered under the current versions (no populated set cached).
    populated = cache.get(populated_key())
    parent = page.path[: -page.steplen]
    if populated is not None and parent not in populated.paths and page.depth == SECTION_DEPTH + 1:
        _bump(SECTIONS_VERSION_KEY)


def sections_key(locale_id: int) -> str:
    return f"newsroom:sections:{_version(SECTIONS_VERSION_KEY)}:{locale_id}"


def populated_key() -> str:
    """Where the sections that have live articles are kept (see navigation.populated_sections).

    Under the structure and removals versions: a removal may empty a section,
    and a section's first article bumps the structure (bump_published).
    """
    return f"newsroom:populated:{_version(SECTIONS_VERSION_KEY)}:{_version(REMOVALS_KEY)}"


def bump_sections_version(**_kwargs) -> None:
    """Retire the cached section lists (a section or home page changed)."""
    _bump(SECTIONS_VERSION_KEY)


def dependencies(request) -> tuple[str, ...]:
    """The version keys the page being answered depends on."""
    shared = (SECTIONS_VERSION_KEY, REMOVALS_KEY)
    served = getattr(request, SERVED_PAGE_ATTR, None)
    if served is not None and served[1]:
        return (*shared, page_key(served[0]))
    return (*shared, LISTINGS_KEY)


_SNAPSHOT = (SECTIONS_VERSION_KEY, REMOVALS_KEY, LISTINGS_KEY)


def _versions(keys: tuple[str, ...]) -> tuple[int, ...]:
    found = cache.get_many(keys)
    missing = [k for k in keys if k not in found]
    for k in missing:  # a version must exist to be compared later
        found[k] = _version(k)
    return tuple(found[k] for k in keys)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    # Signed-in editors (and anyone with a session) always get fresh pages.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return "preview" not in request.GET


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
        "Cache-Control", ""
    ):
        return False
    return response.get("Content-Type", "").startswith(CACHEABLE_TYPES)


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store the rendered responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        where = hashlib.sha1(
            f"{request.get_host()}|{request.get_full_path()}".encode(), usedforsecurity=False
        ).hexdigest()
        key = f"newsroom:page:{where}"
        hit = cache.get(key)
        if hit is not None:
            deps, versions, content, status, headers = hit
            if _versions(deps) == versions:
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return response
        # Versions read before rendering: a bump during the render retires the copy.
        before = dict(zip(_SNAPSHOT, _versions(_SNAPSHOT), strict=True))
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            deps = dependencies(request)
            headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
            versions = tuple(before[d] if d in before else _version(d) for d in deps)
            entry = (deps, versions, response.content, response.status_code, headers)
            cache.set(key, entry, CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
