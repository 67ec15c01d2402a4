"""The Chinese search backend on PostgreSQL tsvector (see articles.search_backend)."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme as PgLexeme
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from articles.search_text import SegmentingIndexerMixin, build_lexemes, segmented_phrase


class ChinesePostgresObjectIndexer(SegmentingIndexerMixin, pg.ObjectIndexer):
    pass


class ChinesePostgresIndex(pg.PostgresIndex):
    def add_items(self, model, objs):
        # Same as PostgresIndex.add_items, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ChinesePostgresObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for ix in indexers:
            params.extend((content_type_pk, ix.id))
            parts = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    pg.IndexEntry._meta.get_field(name), getattr(ix, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                parts.append(sql)
                params.extend(value_params)
            params.extend((ix.title_text, ix.body_text))
            rows.append(f"(%s, %s, {parts[0]}, {parts[1]}, {parts[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class ChinesePostgresQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            lexemes = build_lexemes(PgLexeme, query, self.LAST_TERM_IS_PREFIX)
            if lexemes is None:
                return None
            return SearchQuery(lexemes, search_type="raw", config=config)
        if isinstance(query, Phrase):
            query = segmented_phrase(query)
        return super().build_tsquery_content(query, config=config, invert=invert)


class ChinesePostgresSearchQueryCompiler(
    ChinesePostgresQueryMixin, pg.PostgresSearchQueryCompiler
):
    # Ranking by the body too costs a ts_rank over every matching body vector;
    # with common words that is most of the corpus. Titles are short and cheap.
    RANK_BODY = False

    def matching(self, config):
        """(queryset of matches, tsquery), or None where the stock backend must answer."""
        if self.fields is not None or isinstance(self.query, (MatchAll, Fuzzy, Not)):
            return None
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none(), None
        # Title and body each have a GIN index: match them separately (title OR
        # body) so PostgreSQL can use the indexes, instead of testing the
        # concatenation title || body row by row as the stock backend does.
        return (
            self.queryset.filter(
                Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
            ),
            search_query,
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        found = self.matching(config)
        if found is None:
            return super().search(config, start, stop, score_field, backend)
        queryset, search_query = found
        if search_query is None:
            return queryset
        rank = SearchRank(
            F("index_entries__title"), search_query, weights=self.sql_weights
        ) * F("index_entries__title_norm")
        if self.RANK_BODY:
            rank = rank + SearchRank(
                F("index_entries__body"), search_query, weights=self.sql_weights
            )
        # Ties (same title relevance) go to the newest page.
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class ChinesePostgresAutocompleteQueryCompiler(
    ChinesePostgresQueryMixin, pg.PostgresAutocompleteQueryCompiler
):
    pass


class ChinesePostgresSearchResults(pg.PostgresSearchResults):
    def _do_count(self):
        # Counting needs no ranking or ordering: count the (sliced) matches only.
        compiler = self.query_compiler
        found = (
            compiler.matching(compiler.get_config(self.backend))
            if isinstance(compiler, ChinesePostgresSearchQueryCompiler)
            else None
        )
        if found is None:
            return super()._do_count()
        return found[0].order_by()[self.start : self.stop].count()


class ChinesePostgresSearchBackend(pg.PostgresSearchBackend):
    results_class = ChinesePostgresSearchResults
    index_class = ChinesePostgresIndex
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler


def title_match_ids(model, words: list[str], limit: int):
    """Ids of `model` rows whose indexed title has any of `words`, best matches first.

    A subquery on the index table alone (its title GIN index), for use inside
    another query: no join, no ranking of bodies.
    """
    from django.db.models import IntegerField
    from django.db.models.functions import Cast

    lexemes = build_lexemes(PgLexeme, PlainText(" ".join(words), operator="or"), False)
    if lexemes is None:
        return None
    query = SearchQuery(lexemes, search_type="raw")
    return (
        pg.IndexEntry.objects.filter(content_type_id=get_content_type_pk(model), title=query)
        .order_by(SearchRank(F("title"), query).desc(), "-id")
        .values_list(Cast("object_id", IntegerField()))[:limit]
    )
