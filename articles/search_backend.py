"""Chinese-aware full-text search on top of Wagtail's database backend.

Chinese is written without spaces, so the stock backends index a whole
sentence as one token and a search for 托育 finds nothing. This backend
segments text with rjieba (jieba as a fallback) on the way into the index
and when it parses a query, on SQLite (FTS5) and PostgreSQL (tsvector) alike.
Because it is the configured default backend, Wagtail's admin search gets
Chinese search too.

How text is cut: articles.search_text.
"""

from __future__ import annotations

from django.db import connection

# Readers' queries and indexed text are cut the same way (articles.search_text).
from articles.search_text import (  # noqa: F401 - the backend's public helpers
    SegmentingIndexerMixin,
    build_lexemes,
    query_terms,
    segment_for_index,
    segmented_phrase,
)

_SQLITE_FTS: bool | None = None  # tested once per process, like the stock backend


def _sqlite_fts() -> bool:
    global _SQLITE_FTS
    if _SQLITE_FTS is None:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _SQLITE_FTS = fts5_available() and fts_table_exists()
    return _SQLITE_FTS


def title_match_ids(model, words: list[str], limit: int):
    """A subquery of the ids of `model` pages with any of `words` in their title.

    Best matches first, at most `limit`; read from the search index alone (its
    title index), so it can sit inside another query. None where the
    configured backend has no such index (the substring fallback).
    """
    if not words:
        return None
    # cycle: each vendor module loads that database's index models, which must
    # not load while the article model (which calls this) is loading.
    if connection.vendor == "postgresql":
        from articles.search_postgres import title_match_ids as match  # cycle: see above
    elif connection.vendor == "sqlite" and _sqlite_fts():
        from articles.search_sqlite import title_match_ids as match  # cycle: see above
    else:
        return None
    return match(model, words, limit)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Pick the implementation for the default database, like the stock backend does."""
    # The vendor modules import vendor-only models, so they load on demand.
    if connection.vendor == "postgresql":
        # cycle: vendor-only index models; loaded once the app registry is ready.
        from articles.search_postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        if _sqlite_fts():
            # cycle: vendor-only index models; loaded once the app registry is ready.
            from articles.search_sqlite import ChineseSQLiteSearchBackend

            return ChineseSQLiteSearchBackend(params)
    # The fallback backend matches substrings (icontains), which works for Chinese as is.
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
