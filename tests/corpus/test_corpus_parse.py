"""The importer's dry run reads every corpus page, and the scorer scores every one of them."""

import io
import json
from pathlib import Path

from django.core.management import call_command

from tools import score_parse
from tools.parse_gold import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_every_corpus_page_parses_and_is_scored():
    pages = sorted(str(p) for p in (CORPUS / "raw").iterdir())
    out = io.StringIO()
    call_command("import_articles", *pages, dry_run=True, format="json", stdout=out)
    parsed = json.loads(out.getvalue())
    assert [f["error"] for f in parsed["files"]] == [None] * len(pages)

    corpus = load_corpus(CORPUS)
    scores = score_parse.score(parsed, corpus)
    assert scores.files_scored == len(corpus.files) == len(pages)
    assert set(scores.by_convention()) == set(corpus.conventions)
