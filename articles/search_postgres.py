"""The Chinese search backend on PostgreSQL tsvector (see articles.search_backend)."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import transaction
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme as PgLexeme
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from articles.search_text import SegmentingIndexerMixin, build_lexemes, segmented_phrase


class ChinesePostgresObjectIndexer(SegmentingIndexerMixin, pg.ObjectIndexer):
    def vector_texts(self, column: str) -> list[tuple[str, str]]:
        """(text, weight) pairs that make up the `column` vector, as as_vector() gets them."""
        texts = []
        for field in self.search_fields:
            for current, boost, value in self.prepare_field(self.obj, field):
                if column == "autocomplete":
                    keep = isinstance(current, AutocompleteField)
                else:
                    keep = isinstance(current, SearchField) and (
                        (current.field_name == "title") == (column == "title")
                    )
                if keep and value.strip():
                    texts.append((value.strip(), boost))
        return texts


# Every index row of a batch is copied (COPY) into two temporary tables, then
# written by one INSERT ... SELECT that builds the vectors on the server: the
# same setweight(to_tsvector(...)) || ... the stock backend spells out per row
# in the statement text, without a statement that grows with the batch (whose
# building and parsing on the client cost as much as the server's work).
_STAGE = """
CREATE TEMP TABLE IF NOT EXISTS search_stage_rows (
    n int, content_type_id int, object_id varchar(50), title_text text, body_text text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS search_stage_texts (
    n int, col text, ord int, config text, weight "char", value text
) ON COMMIT DELETE ROWS;
CREATE OR REPLACE AGGREGATE pg_temp.search_stage_concat(tsvector) (
    SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = ''
);
TRUNCATE search_stage_rows, search_stage_texts;
"""


# Each staged text's vector, concatenated per row and column in their order.
_VECTORS = """
    SELECT n, col,
           pg_temp.search_stage_concat(setweight(
               CASE WHEN config IS NULL THEN to_tsvector(value)
                    ELSE to_tsvector(config::regconfig, value) END,
               weight) ORDER BY ord) AS vector
    FROM search_stage_texts GROUP BY n, col
"""


class ChinesePostgresIndex(pg.PostgresIndex):
    def add_items(self, model, objs):
        # Same rows as PostgresIndex.add_items, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ChinesePostgresObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        table = pg.IndexEntry._meta.db_table
        configs = {
            "title": self.backend.config,
            "body": self.backend.config,
            "autocomplete": self.backend.autocomplete_config,
        }
        # Everything is read first: preparing fields may query (related
        # objects), which the connection cannot do while a COPY is open.
        rows = [(n, content_type_pk, ix.id, ix.title_text, ix.body_text)
                for n, ix in enumerate(indexers)]
        texts = [
            (n, column, ord_, config, weight, text)
            for n, ix in enumerate(indexers)
            for column, config in configs.items()
            for ord_, (text, weight) in enumerate(ix.vector_texts(column))
        ]
        with transaction.atomic(using=self.write_connection.alias), \
                self.write_connection.cursor() as cursor:
            cursor.execute(_STAGE)
            raw = cursor.cursor if hasattr(cursor, "cursor") else cursor
            with raw.copy(
                "COPY search_stage_rows (n, content_type_id, object_id, title_text, body_text)"
                " FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            with raw.copy(
                "COPY search_stage_texts (n, col, ord, config, weight, value) FROM STDIN"
            ) as copy:
                for row in texts:
                    copy.write_row(row)
            # Each row gets its title norm as it is written: the average title
            # length (in lexemes) over the table with these rows, divided by its
            # own. That is what the stock backend's _refresh_title_norms() sets
            # afterwards with an UPDATE, which rewrites every new row (and its
            # three GIN index entries) a second time.
            cursor.execute(
                f"""
                WITH vectors AS ({_VECTORS}),
                new AS (
                    SELECT r.content_type_id, r.object_id, r.title_text, r.body_text,
                           coalesce(t.vector, ''::tsvector) AS title,
                           coalesce(a.vector, ''::tsvector) AS autocomplete,
                           coalesce(b.vector, ''::tsvector) AS body
                    FROM search_stage_rows r
                    LEFT JOIN vectors t ON t.n = r.n AND t.col = 'title'
                    LEFT JOIN vectors a ON a.n = r.n AND a.col = 'autocomplete'
                    LEFT JOIN vectors b ON b.n = r.n AND b.col = 'body'
                ),
                old AS (
                    SELECT coalesce(sum(length(title)), 0) AS lexemes, count(*) AS titles
                    FROM {table}
                    WHERE length(title) > 0
                      AND (content_type_id, object_id) NOT IN
                          (SELECT content_type_id, object_id FROM search_stage_rows)
                ),
                sized AS (
                    SELECT new.*,
                           (old.lexemes + sum(length(new.title)) OVER ())::float
                           / nullif(old.titles
                                    + count(*) FILTER (WHERE length(new.title) > 0) OVER (),
                                    0) AS average
                    FROM new, old
                )
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                SELECT content_type_id, object_id, title, autocomplete, body,
                       CASE WHEN length(title) > 0 THEN average / length(title) ELSE 1.0 END,
                       title_text, body_text
                FROM sized
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """
            )


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


    def ranked_ids(self, config, start, stop):
        """The ids of the matches from `start` to `stop`, best first; None where
        search() must answer (scores asked for, or another order than relevance).

        Matched and ranked on the index table alone (its GIN indexes, then the
        title rank of each match, top-N sorted), then kept if the page
        queryset has them (live, language...), looked up by primary key: the
        stock form joins every page row to the index through a text cast and
        sorts whole page rows, a cost that grows with the archive.
        """
        found = self.matching(config)
        if found is None or not self.order_by_relevance:
            return None
        _queryset, search_query = found
        if search_query is None:
            return []
        ranked = (
            self._matching_entries(search_query)
            .annotate(
                rank=SearchRank(F("title"), search_query, weights=self.sql_weights)
                * F("title_norm")
            )
            # Ties (same title relevance) go to the newest page, as in search().
            .order_by("-rank", "-page_id")
            .values_list("page_id", flat=True)
        )
        pages = self.queryset.order_by()
        # The index also holds drafts and other languages: over-fetch a quarter.
        chunk = max(100, (stop or 1000) * 5 // 4)
        kept: list[int] = []
        offset = 0
        while stop is None or len(kept) < stop:
            ids = list(ranked[offset : offset + chunk])
            shown = set(pages.filter(pk__in=ids).values_list("pk", flat=True)) if ids else ()
            kept += [pk for pk in ids if pk in shown]
            if len(ids) < chunk:
                break
            offset += chunk
        return kept[start:stop]

    def _matching_entries(self, search_query):
        return (
            pg.IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .filter(Q(title=search_query) | Q(body=search_query))
            .annotate(page_id=Cast("object_id", IntegerField()))
        )


class ChinesePostgresAutocompleteQueryCompiler(
    ChinesePostgresQueryMixin, pg.PostgresAutocompleteQueryCompiler
):
    pass


class ChinesePostgresSearchResults(pg.PostgresSearchResults):
    """Counting and paging share one ranked list of ids.

    A capped result set (the search page asks for at most 1,000) is counted
    by ranking its ids once; the page then asked for is a slice of that same
    list, so only its own rows are fetched and nothing is counted twice.
    """

    def _ranked(self, start: int, stop: int | None):
        compiler = self.query_compiler
        if not isinstance(compiler, ChinesePostgresSearchQueryCompiler) or self._score_field:
            return None
        cache = compiler.__dict__.setdefault("_ranked_slices", {})
        for (first, last), ids in cache.items():
            # A slice inside one already ranked (a count's) is read from it.
            if last is not None and first <= start and stop is not None and stop <= last:
                return ids[start - first : stop - first]
        ranked = compiler.ranked_ids(compiler.get_config(self.backend), start, stop)
        if ranked is None:
            return None
        cache[(start, stop)] = ids = list(ranked)
        return ids

    def _do_search(self):
        ids = self._ranked(self.start, self.stop)
        if ids is None:
            return super()._do_search()
        # Then the page rows of this slice only, in their ranked order.
        pages = self.query_compiler.queryset.in_bulk(ids) if ids else {}
        return [pages[pk] for pk in ids if pk in pages]

    def _do_count(self):
        if self.stop is not None:  # a capped count: the length of the ranked list
            ids = self._ranked(self.start, self.stop)
            if ids is not None:
                return len(ids)
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
    lexemes = build_lexemes(PgLexeme, PlainText(" ".join(words), operator="or"), False)
    if lexemes is None:
        return None
    query = SearchQuery(lexemes, search_type="raw")
    return (
        pg.IndexEntry.objects.filter(content_type_id=get_content_type_pk(model), title=query)
        .order_by(SearchRank(F("title"), query).desc(), "-id")
        .values_list(Cast("object_id", IntegerField()))[:limit]
    )
