"""Parser benchmark: `python -m tools.bench_parse [--pages N]`.

Builds a corpus in memory from the sample pages (re-wrapped at other column
widths, articles shuffled, blank lines added or removed, re-encoded, Windows
line ends), then parses it on one core and prints MB/s and pages/s.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from importers.parsing import parse_bytes, parse_text
from tools.page_synth import ENCODINGS, encode, render_marked, render_pdf

PAGES_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"


def build_corpus(n: int, seed: int = 1) -> list[bytes]:
    rnd = random.Random(seed)
    sources = [p.read_bytes() for p in sorted(PAGES_DIR.glob("*.txt"))]
    if not sources:
        raise SystemExit(f"no sample pages in {PAGES_DIR}")
    parsed = [parse_bytes(s).articles for s in sources]
    corpus: list[bytes] = list(sources)
    while len(corpus) < n:
        arts = list(rnd.choice(parsed))
        rnd.shuffle(arts)
        if rnd.random() < 0.25:
            text = render_marked(arts)
        else:
            text = render_pdf(arts, rnd.randint(12, 25), seed=rnd.randint(0, 10**6),
                              blank=rnd.choice(("none", "all", "para")))
        corpus.append(encode(text, rnd.choice(ENCODINGS), crlf=rnd.random() < 0.2))
    return corpus[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench_parse")
    ap.add_argument("--pages", type=int, default=1000)
    args = ap.parse_args(argv)
    corpus = build_corpus(max(1, args.pages))
    total = sum(len(c) for c in corpus)
    parse_text("warm-up")
    start = time.perf_counter()
    articles = 0
    for data in corpus:
        articles += len(parse_bytes(data).articles)
    secs = time.perf_counter() - start
    mb = total / 1e6
    print(f"pages: {len(corpus)}  articles: {articles}")
    print(f"total: {mb:.2f} MB in {secs:.2f} s")
    print(f"speed: {mb / secs:.2f} MB/s, {len(corpus) / secs:.0f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
