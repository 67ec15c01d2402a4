"""Which sections the reader navigation shows: those with live articles."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache as shared
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Concat

from articles.models import ArticlePage, SectionPage
from articles.page_cache import CACHE_SECONDS, SECTION_DEPTH, populated_key


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
    found = request.__dict__.get("_newsroom_populated") if request is not None else None
    if found is not None:
        return found
    key = populated_key()
    found = shared.get(key)
    if found is None:
        # Each section looks for one live child on the path index (its children's
        # paths lie between its own and its own + ZZZZ): the cost follows the
        # number of sections, not of articles.
        live_child = ArticlePage.objects.live().not_joined().filter(
            depth=SECTION_DEPTH + 1,
            path__gt=OuterRef("path"),
            path__lte=Concat(OuterRef("path"), Value("Z" * ArticlePage.steplen)),
        )
        rows = (
            SectionPage.objects.live()
            .filter(depth=SECTION_DEPTH)
            .filter(Exists(live_child))
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
