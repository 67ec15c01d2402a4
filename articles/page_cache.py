"""Whole-page cache for anonymous readers, retired by what each page shows.

Each cached page records the versions of what it depends on, and a hit is
served only while all of them are unchanged (one extra `get_many`):

- every page depends on the *structure* (sections, home: the navigation) and
  on *removals* (an article unpublished, moved or deleted; authors and print
  pages changed), which retire everything;
- an article page depends on its own version, bumped when it is published;
- a section page (its listing pages and feed, in every language: keyed by
  the section's translation key) depends on its section's version;
- an edition's archive pages (the day's print pages) depend on that day's
  version, and on the *editions* version an edited, republished article bumps
  (it may have left another day's page);
- every other page (home, feeds, search, tags, authors, the archive index)
  depends on the *listings*, bumped whenever any article is published.

So publishing an article retires itself, its section, its day in the archive
and the site-wide lists, not the thousands of article pages readers are
reading nor other sections. An import bumps each version once per file,
after the file's transaction commits (`bumps_after_commit`), and a list
retired by a new article is rendered again by one reader while the others
get the copy it replaces (never after a removal: that shows at once). Versions live in
the shared cache (Redis in production), so every process sees a bump at once.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

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
EDITIONS_KEY = "newsroom:v:editions"
# Versions whose change retires a copy at once: never served stale (see PageCacheMiddleware).
NEVER_STALE = frozenset({SECTIONS_VERSION_KEY, REMOVALS_KEY})
# A reader re-rendering a page holds it this long at most (a render that dies frees it then).
RENDER_LOCK_SECONDS = 15
# Kept for tools that retire everything at once (benchmarks, bulk repairs).
VERSION_KEY = REMOVALS_KEY

logger = logging.getLogger(__name__)

# Sections sit under the language's home page (root 1, home 2).
SECTION_DEPTH = 3

# The request attribute holding what the page being answered depends on (key -> version).
DEPENDS_ATTR = "_newsroom_cache_depends"


def page_key(page_id: int) -> str:
    return f"newsroom:v:page:{page_id}"


def section_key(translation_key) -> str:
    """A section's listings, shared by its translations (an English section may show the
    Chinese original's articles)."""
    return f"newsroom:v:section:{translation_key}"


def edition_key(day: datetime.date) -> str:
    return f"newsroom:v:edition:{day.isoformat()}"


@dataclass
class _Batch:
    """Bumps held back until the file's transaction commits, each key once."""

    keys: set[str] = field(default_factory=set)
    # Looked up once per batch: every article of a file shares a few sections and days.
    sections: dict[str, object] = field(default_factory=dict)
    days: dict[int, datetime.date | None] = field(default_factory=dict)


_batch: ContextVar[_Batch | None] = ContextVar("page_cache_batch", default=None)


@contextmanager
def bumps_after_commit(pacer: BumpPacer | None = None) -> Iterator[None]:
    """Collect the bumps made inside; bump each key once when the transaction commits.

    For writers that do not read their own pages (an import): one bump of the
    listings per file instead of two per article, none before the commit.
    With a `pacer`, the committed bumps go to it instead (see BumpPacer).
    """
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    if batch.keys:
        keys = sorted(batch.keys)
        transaction.on_commit(lambda: pacer.add(keys) if pacer else _bump_all(keys))


def _bump_all(keys) -> None:
    for key in sorted(keys):
        _bump_now(key)


class BumpPacer:
    """Bumps of committed files, made at most once every `seconds` (and at `flush`).

    Every bump makes readers render the site-wide lists again (home, feeds,
    search): an import of many small files would otherwise re-render them
    after every file. The first committed file bumps at once; the lists then
    follow the import at most `seconds` behind, and `flush` (the end of the
    run) shows the rest.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.pending: set[str] = set()
        self.last: float | None = None

    def add(self, keys) -> None:
        self.pending.update(keys)
        now = time.monotonic()
        if self.last is None or now - self.last >= self.seconds:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            _bump_all(self.pending)
            self.pending.clear()
            self.last = time.monotonic()


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
    logger.debug("page cache: bump %s", key)
    try:
        cache.incr(key)
    except ValueError:  # no version yet (or evicted)
        cache.set(key, _fresh_version(), timeout=None)


def _bump(key: str) -> None:
    batch = _batch.get()
    if batch is not None:
        batch.keys.add(key)
        return
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
    """A page went live or changed: retire it, its section, its day and the site-wide lists."""
    if instance is not None and instance.pk:
        _bump(page_key(instance.pk))
        _bump_if_section_fills(instance)
        translation_key = _section_translation_key(instance)
        if translation_key is not None:
            _bump(section_key(translation_key))
        day = _edition_day(instance)
        if day is not None:
            _bump(edition_key(day))
        first = getattr(instance, "first_published_at", None)
        if first != getattr(instance, "last_published_at", None):
            # Republished: it may have left another day's print page.
            _bump(EDITIONS_KEY)
        if getattr(instance, "continues_id", None):
            # A joined continuation's text is shown on its head's page.
            _bump(page_key(instance.continues_id))
    _bump(LISTINGS_KEY)


def bump_print_page_added(instance=None, **_kwargs) -> None:
    """A new print page: its day in the archive and the lists (the archive index)."""
    if instance is not None and instance.edition_date:
        _bump(edition_key(instance.edition_date))
    _bump(LISTINGS_KEY)


def _section_translation_key(page):
    """The translation key of the section a page lists under (a section: its own)."""
    from wagtail.models import Page

    if page.depth == SECTION_DEPTH:
        return page.translation_key
    if page.depth != SECTION_DEPTH + 1:
        return None
    parent = page.path[: -page.steplen]
    batch = _batch.get()
    if batch is not None and parent in batch.sections:
        return batch.sections[parent]
    found = Page.objects.filter(path=parent).values_list("translation_key", flat=True).first()
    if batch is not None:
        batch.sections[parent] = found
    return found


def _edition_day(page) -> datetime.date | None:
    print_page_id = getattr(page, "print_page_id", None)
    if print_page_id is None:
        return None
    batch = _batch.get()
    if batch is not None and print_page_id in batch.days:
        return batch.days[print_page_id]
    day = page.print_page.edition_date  # one query, or none when already loaded
    if batch is not None:
        batch.days[print_page_id] = day
    return day


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


def depend_on(request, *keys: str) -> None:
    """Say what the page being answered shows, instead of the site-wide lists.

    Called before the page's content is read: the versions are read now, so a
    bump while the page renders retires the copy.
    """
    setattr(request, DEPENDS_ATTR, dict(zip(keys, _versions(keys), strict=True)))


def depend_on_article(request, page_id: int) -> None:
    depend_on(request, page_key(page_id))


def depend_on_section(request, translation_key) -> None:
    depend_on(request, section_key(translation_key))


def depend_on_edition(request, day: datetime.date) -> None:
    depend_on(request, EDITIONS_KEY, edition_key(day))


def dependencies(request) -> tuple[str, ...]:
    """The version keys the page being answered depends on."""
    shared = (SECTIONS_VERSION_KEY, REMOVALS_KEY)
    own = getattr(request, DEPENDS_ATTR, None)
    return (*shared, *own) if own else (*shared, LISTINGS_KEY)


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


def page_cache_key(host: str, full_path: str) -> str:
    where = hashlib.sha1(f"{host}|{full_path}".encode(), usedforsecurity=False).hexdigest()
    return f"newsroom:page:{where}"


def rendering_key(page_cache_key: str) -> str:
    """Held while one reader re-renders a page something new was added to."""
    return f"{page_cache_key}:rendering"


def _only_additions(deps: tuple[str, ...], stored: tuple, current: tuple) -> bool:
    """Whether the copy is out of date only because something was published.

    A removal or a navigation change must show at once; a new article on a
    list may show one render later.
    """
    return all(
        dep not in NEVER_STALE for dep, was, now in zip(deps, stored, current, strict=True)
        if was != now
    )


def _answer(entry: tuple, state: str) -> HttpResponse:
    _deps, _versions, content, status, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = state
    return response


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store the rendered responses.

    When a new article retires a cached list, one reader renders it again
    while the others keep getting the copy it replaces ("stale"), so a
    publishing import costs one render per page per change, not one per
    reader who asks meanwhile.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = page_cache_key(request.get_host(), request.get_full_path())
        hit = cache.get(key)
        lock = None
        if hit is not None:
            deps, versions = hit[0], hit[1]
            current = _versions(deps)
            if current == versions:
                return _answer(hit, "hit")
            if _only_additions(deps, versions, current):
                if not cache.add(rendering_key(key), 1, RENDER_LOCK_SECONDS):
                    return _answer(hit, "stale")  # another reader is rendering it
                lock = rendering_key(key)
        try:
            return self._render(request, key)
        finally:
            if lock is not None:
                cache.delete(lock)

    def _render(self, request, key: str):
        # Versions read before rendering: a bump during the render retires the copy.
        before = dict(zip(_SNAPSHOT, _versions(_SNAPSHOT), strict=True))
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            deps = dependencies(request)
            headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
            own = getattr(request, DEPENDS_ATTR, None) or {}
            versions = tuple(
                before[d] if d in before else own[d] if d in own else _version(d) for d in deps
            )
            entry = (deps, versions, response.content, response.status_code, headers)
            cache.set(key, entry, CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
