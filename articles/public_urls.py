"""Absolute URLs on the configured public host (settings.PUBLIC_BASE_URL).

Canonical links, cards, JSON-LD and feeds name one host whatever host a
request arrived on (a proxy, 127.0.0.1, a Site record's "localhost").
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static


def public_url(path_or_url: str) -> str:
    """The public absolute URL of a site path ("/zh-hans/…") or of a URL on any host."""
    parts = urlsplit(path_or_url)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return settings.PUBLIC_BASE_URL + path


def page_public_url(page, request=None) -> str:
    """A Wagtail page's public absolute URL ("" for a page outside every site)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    return public_url(parts[2])


def asset_url(url: str) -> str:
    """A static or media file's absolute URL; one already on a CDN or object storage stays."""
    return url if urlsplit(url).scheme else public_url(url)


def static_public_url(name: str) -> str:
    """A static file's absolute URL."""
    return asset_url(static(name))
