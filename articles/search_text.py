"""Chinese text for the search index and for readers' queries, shared by the
search backend (articles.search_backend) and its vendor modules.

Index side: jieba's search-engine mode (long words plus the dictionary words
inside them), and for every Chinese token of three or more characters its
character bigrams as well, so a two-character word that jieba glued to a
neighbour (普惠托育) is still found.

Query side: jieba's precise mode; a Chinese word of three or more characters
matches either as a whole token or as all of its bigrams; a single character
matches as a prefix.
"""

from __future__ import annotations

import re
from functools import reduce

from django.utils.encoding import force_str
from modelsearch.query import Phrase, PlainText

try:  # rjieba is the fast Rust port; jieba is the pure-Python fallback.
    import rjieba as _jieba

    def _cut(text: str) -> list[str]:
        return _jieba.cut(text)

    def _cut_for_search(text: str) -> list[str]:
        return _jieba.cut_for_search(text)

    def _tag(text: str) -> list[tuple[str, str]]:
        return _jieba.tag(text)

    def _word_frequency(word: str) -> int:
        # jieba's dictionary frequency of a word (1 for unknown words): how common it is.
        return _jieba.suggest_freq(word)

except ImportError:  # pragma: no cover
    import jieba as _jieba

    def _cut(text: str) -> list[str]:
        return list(_jieba.cut(text))

    def _cut_for_search(text: str) -> list[str]:
        return list(_jieba.cut_for_search(text))

    def _tag(text: str) -> list[tuple[str, str]]:
        import jieba.posseg

        return [(p.word, p.flag) for p in jieba.posseg.cut(text)]

    def _word_frequency(word: str) -> int:
        return _jieba.suggest_freq(word)


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"\w")
# FTS5 and tsquery syntax characters never belong inside a search term.
QUERY_JUNK = re.compile(r"[\"'*():&|!^{}\[\]<>\\]")


def is_cjk_word(token: str) -> bool:
    return bool(CJK.search(token))


def bigrams(token: str) -> list[str]:
    return [token[i : i + 2] for i in range(len(token) - 1)]


def segment_for_index(text: str) -> str:
    """Text as space-separated tokens: jieba words plus bigrams of long Chinese words."""
    if not text:
        return ""
    tokens: list[str] = []
    for token in _cut_for_search(text):
        token = token.strip()
        if not token or not WORD.search(token):
            continue
        tokens.append(token)
        if len(token) >= 3 and is_cjk_word(token):
            tokens.extend(bigrams(token))
    return " ".join(tokens)


def query_terms(query_string: str) -> list[str]:
    """The words of a reader's query, as jieba cuts them (punctuation dropped)."""
    query_string = QUERY_JUNK.sub(" ", query_string or "")
    terms: list[str] = []
    for token in _cut(query_string):
        token = token.strip()
        if token and WORD.search(token) and token not in terms:
            terms.append(token)
    return terms


def _term_expression(lexeme_class, term: str, prefix: bool):
    if is_cjk_word(term):
        if len(term) == 1:
            return lexeme_class(term, prefix=True)
        if len(term) >= 3:
            whole = lexeme_class(term, prefix=prefix)
            parts = reduce(lambda a, b: a & b, (lexeme_class(bg) for bg in bigrams(term)))
            return whole | parts
    return lexeme_class(term, prefix=prefix)


def build_lexemes(lexeme_class, query: PlainText, last_is_prefix: bool):
    terms = query_terms(query.query_string)
    if not terms:
        return None
    expressions = [
        _term_expression(lexeme_class, term, last_is_prefix and i == len(terms) - 1)
        for i, term in enumerate(terms)
    ]
    if str(query.operator).lower() == "or":
        return reduce(lambda a, b: a | b, expressions)
    return reduce(lambda a, b: a & b, expressions)


def segmented_phrase(phrase: Phrase) -> Phrase:
    return Phrase(" ".join(query_terms(phrase.query_string)))


class SegmentingIndexerMixin:
    """Every string that goes into the index is segmented first."""

    def prepare_value(self, value):
        if isinstance(value, (list, dict)):
            return super().prepare_value(value)  # recurses into prepare_value per item
        return segment_for_index(force_str(value))
