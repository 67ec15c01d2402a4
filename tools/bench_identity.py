"""Matcher benchmark and threshold check on the sample pages (no database).

    python -m tools.bench_identity [--rounds 5]

Prints how close two *different* real articles get (the fuzzy threshold must
stay well above it), how close a lightly corrected article stays to its
original, and how long matching a page takes against one page's and against
all sample pages' articles.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from itertools import combinations

from importers.identity import (
    FUZZY_THRESHOLD,
    Candidate,
    Identity,
    _bigrams,
    identify,
    match_articles,
    similarity,
)
from importers.parsing import parse_bytes
from tools.bench_import import SAMPLES


def _texts(article) -> list[str]:
    return [block.text or block.caption or "" for block in article.body]


def _corrected(article, rng: random.Random, changes: int) -> Identity:
    texts = _texts(article)
    text = list("".join(texts))
    for _ in range(changes):
        if text:
            text[rng.randrange(len(text))] = "改"
    return identify(article.headline, ["".join(text)])


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    pages = [parse_bytes(p.read_bytes(), source=p.name) for p in sorted(SAMPLES.glob("*.txt"))]
    articles = [a for page in pages for a in page.articles if _texts(a)]
    identities = [identify(a.headline, _texts(a)) for a in articles]
    closest = max(
        similarity(a.signature, b.signature)
        for a, b in combinations(identities, 2)
        if a.fingerprint != b.fingerprint
    )
    rng = random.Random(0)
    kept = min(
        similarity(i.signature, _corrected(a, rng, 5).signature)
        for a, i in zip(articles, identities, strict=True)
        if len(i.signature) > 200
    )
    say(f"articles: {len(articles)} from {len(pages)} pages")
    say(f"closest two different articles: {closest:.3f} (threshold {FUZZY_THRESHOLD})")
    say(f"article of >200 chars with 5 characters corrected keeps at least: {kept:.3f}")
    everything = [Candidate(n, i.fingerprint, i.signature) for n, i in enumerate(identities)]
    page = max(pages, key=lambda p: len(p.articles))
    own = [c for c, a in zip(everything, articles, strict=True) if a in page.articles]
    corrected = [_corrected(a, rng, 5) for a in page.articles]
    for label, candidates in (("its own page", own), ("every sample article", everything)):
        best = float("inf")
        for _ in range(args.rounds):
            _bigrams.cache_clear()
            started = time.perf_counter()
            match_articles(corrected, candidates)
            best = min(best, time.perf_counter() - started)
        say(
            f"match {len(corrected)} corrected articles against {label} "
            f"({len(candidates)} candidates): {best * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
