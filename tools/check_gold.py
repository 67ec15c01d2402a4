"""Check that the parse corpus is consistent with its raw pages.

usage: python -m tools.check_gold [--corpus DIR]

Prints one line per problem and exits 1 if there is any; prints a count when
the corpus is consistent.
"""

from __future__ import annotations

import argparse
import sys

from tools.parse_gold import CorpusError, load_corpus, validate
from tools.score_parse import DEFAULT_CORPUS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    problems = validate(corpus)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    articles = sum(len(f.articles) for f in corpus.files.values())
    sys.stdout.write(f"gold: {len(corpus.files)} pages, {articles} articles, "
                     f"{len(corpus.conventions)} conventions, {len(problems)} problems\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
