"""Which earlier import a parsed article is, decided by its content alone.

Pure Python (no Django): the importer's plan asks ``match_articles`` which
ledger entry each parsed article of a file is, and the answer never depends on
the file's name or an article's position in it. So inserting, removing,
reordering or retitling articles, renaming files or reusing a name on another
day cannot move one article's text onto another article's page.

- ``identify`` reduces an article to a fingerprint (exact identity of its
  headline and body, immune to re-wrapping, full-width/half-width forms,
  punctuation and spacing) and a signature (the normalised text itself, kept
  in the ledger so corrected text can still be recognised).
- ``similarity`` compares two signatures by their sets of character bigrams
  (Dice coefficient): a set intersection in C, about a millisecond for two
  long articles, and suited to Chinese, where a bigram is roughly a word.
- ``match_articles`` pairs parsed articles with ledger candidates: exact
  fingerprints first, then fuzzy pairs that are each other's clear best
  choice. Anything less certain is AMBIGUOUS, and the caller creates a new
  draft rather than guessing.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

# Below this similarity two texts are different articles.
FUZZY_THRESHOLD = 0.6
# A fuzzy pair is accepted only when it beats every rival by this much, on
# both sides: the article's second-best candidate and the candidate's
# second-best article.
FUZZY_MARGIN = 0.15
# Separates headline from body in a signature; never survives normalisation.
_HEADLINE_END = "\n"


def normalise(text: str) -> str:
    """Letters and digits only, in NFKC and case-folded.

    Whitespace, punctuation, symbols and control characters are dropped, so
    re-wrapped lines, full-width digits, ASCII vs Chinese quotes or a changed
    encoding leave the result alone.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


@dataclass(frozen=True)
class Identity:
    """What the ledger remembers of an article's text."""

    fingerprint: str  # SHA-256 of the signature: the exact identity
    signature: str  # normalised headline, newline, normalised body

    @property
    def is_empty(self) -> bool:
        return self.signature == _HEADLINE_END


def identify(headline: str, body_texts: Iterable[str]) -> Identity:
    """Identity of an article from its headline and the texts of its body blocks."""
    body = "".join(normalise(text) for text in body_texts)
    signature = normalise(headline) + _HEADLINE_END + body
    return Identity(hashlib.sha256(signature.encode()).hexdigest(), signature)


def identify_parsed(article: Any) -> Identity:
    """Identity of a ``importers.parsing.ParsedArticle`` (duck-typed)."""
    return identify(article.headline, (block.text or block.caption or "" for block in article.body))


def content_sha256(article: Any) -> str:
    """Hash of everything the importer stores from a parsed article.

    The fingerprint says *which* article this is; this hash says whether
    anything of it (byline, kicker, kind, raw text…) changed since the last
    import, i.e. whether the page needs a new revision.
    """
    data = {**article.to_dict(), "raw_text": article.raw_text}
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


@lru_cache(maxsize=256)  # one page and its candidates; sets are large
def _bigrams(signature: str) -> frozenset[str]:
    # The headline boundary is part of no bigram: a retitled article keeps
    # every bigram of its body.
    grams: set[str] = set()
    for part in signature.split(_HEADLINE_END):
        if len(part) == 1:
            grams.add(part)
        grams.update(part[i : i + 2] for i in range(len(part) - 1))
    return frozenset(grams)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of two signatures' character-bigram sets, 0..1."""
    if a == b:
        return 1.0
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga and not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


class MatchKind(StrEnum):
    EXACT = "exact"  # same fingerprint as a ledger entry
    FUZZY = "fuzzy"  # corrected text of exactly one ledger entry
    DUPLICATE = "duplicate"  # same text as an earlier article of this file
    AMBIGUOUS = "ambiguous"  # close to several entries: never guessed
    NEW = "new"  # like nothing in the ledger


@dataclass(frozen=True)
class Candidate:
    """A ledger entry the parsed articles may be."""

    key: Hashable  # the caller's handle, e.g. the ledger row's id
    fingerprint: str
    signature: str


@dataclass(frozen=True)
class Match:
    kind: MatchKind
    candidate: Hashable | None = None  # the matched Candidate.key (EXACT, FUZZY)
    score: float = 0.0
    same_as: int | None = None  # DUPLICATE: index of the earlier parsed article
    rivals: tuple[Hashable, ...] = field(default=())  # AMBIGUOUS: the close candidates


def match_articles(
    articles: Sequence[Identity],
    candidates: Sequence[Candidate],
    *,
    threshold: float = FUZZY_THRESHOLD,
    margin: float = FUZZY_MARGIN,
) -> list[Match]:
    """One Match per parsed article, in order; each candidate is used once.

    1. Exact: an article whose fingerprint a candidate has is that candidate
       (the first such article; a later one with the same text is its
       DUPLICATE, and so is one repeating an earlier article of the file).
    2. Fuzzy: among what is left, a pair scoring at least ``threshold`` is
       accepted when each is the other's best by at least ``margin``;
       accepted pairs leave the pool and the rest is looked at again, so
       one clear pair can settle its neighbours.
    3. An article still within reach (≥ threshold) of a candidate that no
       one took is AMBIGUOUS; anything else is NEW.
    """
    matches: list[Match | None] = [None] * len(articles)
    by_fingerprint: dict[str, Candidate] = {}
    for candidate in candidates:
        by_fingerprint.setdefault(candidate.fingerprint, candidate)
    first_with: dict[str, int] = {}
    used: set[Hashable] = set()
    for i, article in enumerate(articles):
        if article.fingerprint in first_with:
            matches[i] = Match(MatchKind.DUPLICATE, same_as=first_with[article.fingerprint])
            continue
        first_with[article.fingerprint] = i
        exact = by_fingerprint.get(article.fingerprint)
        if exact is not None:
            matches[i] = Match(MatchKind.EXACT, exact.key, 1.0)
            used.add(exact.key)

    open_articles = [i for i, m in enumerate(matches) if m is None and not articles[i].is_empty]
    pool = [c for c in candidates if c.key not in used and c.signature]
    scores = {
        (i, c.key): s
        for i in open_articles
        for c in pool
        if (s := similarity(articles[i].signature, c.signature)) >= threshold
    }
    while True:
        accepted = _clear_pairs(scores, margin)
        if not accepted:
            break
        for i, key in accepted:
            matches[i] = Match(MatchKind.FUZZY, key, scores[i, key])
        taken_articles = {i for i, _ in accepted}
        taken_keys = {key for _, key in accepted}
        scores = {
            (i, key): s
            for (i, key), s in scores.items()
            if i not in taken_articles and key not in taken_keys
        }

    for i, match in enumerate(matches):
        if match is None:
            rivals = tuple(key for (j, key) in scores if j == i)
            matches[i] = (
                Match(MatchKind.AMBIGUOUS, rivals=rivals) if rivals else Match(MatchKind.NEW)
            )
    return [m for m in matches if m is not None]


def _clear_pairs(
    scores: dict[tuple[int, Hashable], float], margin: float
) -> list[tuple[int, Hashable]]:
    """Pairs that are each other's best choice by at least ``margin``."""
    best_for_article: dict[int, list[tuple[float, Hashable]]] = {}
    best_for_candidate: dict[Hashable, list[tuple[float, int]]] = {}
    for (i, key), score in scores.items():
        best_for_article.setdefault(i, []).append((score, key))
        best_for_candidate.setdefault(key, []).append((score, i))
    pairs = []
    for i, options in best_for_article.items():
        key, clear = _clear_best(options, margin)
        if not clear:
            continue
        article, also_clear = _clear_best(best_for_candidate[key], margin)
        if also_clear and article == i:
            pairs.append((i, key))
    return pairs


def _clear_best(options: list[tuple[float, Any]], margin: float) -> tuple[Any, bool]:
    ranked = sorted(options, key=lambda option: option[0], reverse=True)
    best_score, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    return best, best_score - runner_up >= margin
