"""Whole-page cache for anonymous readers, invalidated whenever content changes.

Every cached response is stored under a key that contains a site-wide
version number kept in the cache itself (Redis in production), so bumping it
on publish, unpublish, move or delete retires every cached page in every
process at once; stale entries simply expire.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

VERSION_KEY = "newsroom:page-cache-version"
CACHE_SECONDS = 60 * 60
# Paths that are never cached: the admin, documents served through Wagtail, previews.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/django-admin/", "/static/", "/media/")
KEPT_HEADERS = {"content-type", "content-language", "cache-control", "vary", "last-modified"}
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/plain")


# The sections of each language (navigation, routing) change far less often
# than articles: their own version, bumped when any page but an article changes.
SECTIONS_VERSION_KEY = "newsroom:sections-version"
SECTIONS_SECONDS = 10 * 60  # a safety net: changes made without signals show within minutes


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, 1, timeout=None)
        version = cache.get(key, 1)
    return version


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # no version yet
        cache.set(key, 2, timeout=None)


def current_version() -> int:
    return _version(VERSION_KEY)


def bump_version(**_kwargs) -> None:
    """Retire every cached page (connected to Wagtail's content signals)."""
    _bump(VERSION_KEY)


def sections_key(locale_id: int) -> str:
    return f"newsroom:sections:{_version(SECTIONS_VERSION_KEY)}:{locale_id}"


def bump_sections_version(**_kwargs) -> None:
    """Retire the cached section lists (a section or home page changed)."""
    _bump(SECTIONS_VERSION_KEY)


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
        key = f"newsroom:page:{current_version()}:{where}"
        hit = cache.get(key)
        if hit is not None:
            content, status, headers = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
            cache.set(key, (response.content, response.status_code, headers), CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
