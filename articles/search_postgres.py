"""The Chinese search backend on PostgreSQL tsvector (see articles.search_backend)."""

from django.contrib.postgres.search import SearchQuery
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme as PgLexeme
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from articles.search_backend import SegmentingIndexerMixin, build_lexemes, segmented_phrase


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
    pass


class ChinesePostgresAutocompleteQueryCompiler(
    ChinesePostgresQueryMixin, pg.PostgresAutocompleteQueryCompiler
):
    pass


class ChinesePostgresSearchBackend(pg.PostgresSearchBackend):
    index_class = ChinesePostgresIndex
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler


