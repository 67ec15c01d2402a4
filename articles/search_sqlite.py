"""The Chinese search backend on SQLite FTS5 (see articles.search_backend)."""

from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import Lexeme as LiteLexeme
from modelsearch.backends.database.sqlite.query import SearchQueryExpression
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from articles.search_text import SegmentingIndexerMixin, build_lexemes, segmented_phrase


class ChineseSQLiteObjectIndexer(SegmentingIndexerMixin, lite.ObjectIndexer):
    pass


class ChineseSQLiteIndex(lite.SQLiteIndex):
    def add_items(self, model, objs):
        # Same as SQLiteIndex.add_items, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ChineseSQLiteObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {ix.id: (ix.title, ix.autocomplete, ix.body) for ix in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                lite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class ChineseSQLiteQueryMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            lexemes = build_lexemes(LiteLexeme, query, self.LAST_TERM_IS_PREFIX)
            return None if lexemes is None else SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            query = segmented_phrase(query)
        return super().build_search_query_content(query, config=config)


class ChineseSQLiteSearchQueryCompiler(ChineseSQLiteQueryMixin, lite.SQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteAutocompleteQueryCompiler(
    ChineseSQLiteQueryMixin, lite.SQLiteAutocompleteQueryCompiler
):
    pass


class ChineseSQLiteSearchBackend(lite.SQLiteSearchBackend):
    index_class = ChineseSQLiteIndex
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler


def title_match_ids(model, words: list[str], limit: int):
    """Ids of `model` rows whose indexed title has any of `words`, best matches first.

    A subquery on the FTS5 table's title column alone, for use inside another query.
    """
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        MatchExpression,
        SQLiteFTSIndexEntry,
    )

    lexemes = build_lexemes(LiteLexeme, PlainText(" ".join(words), operator="or"), False)
    if lexemes is None:
        return None
    return (
        SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(["title"], SearchQueryExpression(lexemes))
        )
        .filter(index_entry__content_type_id=get_content_type_pk(model))
        .order_by(BM25(), "-index_entry_id")
        .values_list("index_entry__object_id")[:limit]
    )
