"""The invented corpus (`tests/fixtures/corpus`): the parser's score is a floor.

The corpus is scored by the project's own scorer (`tools.score_parse`); the
floors below are what the parser reaches today, so a change that loses
ground on the headline, byline or photo-credit checks fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.parsing import parse_bytes
from tools import score_parse
from tools.parse_gold import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def scores() -> score_parse.Scores:
    files = [parse_bytes(p.read_bytes(), source=p.name).to_dict()
             for p in sorted((CORPUS / "raw").iterdir())]
    return score_parse.score({"files": files}, load_corpus(CORPUS))


def test_corpus_parse_score(scores) -> None:
    assert scores.score(core_only=True) >= 0.99


@pytest.mark.parametrize(("check", "floor"), [
    ("titles", 0.98), ("names", 0.98), ("photo_credit", 1.0), ("body_start", 0.98),
    ("no_merge", 0.98), ("found", 1.0),
])
def test_corpus_score_per_check(scores, check: str, floor: float) -> None:
    results = scores.by_check()[check]
    assert sum(results) / len(results) >= floor, f"{check}: {sum(results)}/{len(results)}"
