"""Re-laid-out pages parse like the originals; the benchmark corpus builds."""

from __future__ import annotations

import pytest

from importers.parsing import parse_text
from tools.bench_parse import build_corpus
from tools.page_synth import render_marked, render_pdf, wrap

from .helpers import page, squash


def _titles(articles):
    return [a.headline for a in articles if a.kind != "fragment" and not a.headline_is_provisional]


def test_wrap_indents_the_first_line_and_never_starts_with_a_comma() -> None:
    lines = wrap("近日，浙江省衢州市总工会在浙里办上线应用，让职工书屋漂流起来。", 10)
    assert len(lines[0]) <= 8
    assert not any(line.startswith("，") for line in lines)


def _signature(articles):
    out = []
    for a in articles:
        if a.kind == "fragment":
            continue
        body = [b.text or b.caption for b in a.body if b.type != "heading"]
        out.append((squash(a.headline) if not a.headline_is_provisional else "",
                    squash(body[0])[:12] if body else "", squash(body[-1])[-8:] if body else "",
                    tuple((x.name, x.role) for x in a.authors)))
    return out


def _headings(articles):
    return {squash(b.text) for a in articles for b in a.body if b.type == "heading"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("width", [12, 15, 18, 21, 25])
def test_rewrapped_page_parses_like_the_original(prefix: str, width: int) -> None:
    """Titles, body starts and ends, authors and headings survive other column
    widths, with and without blank lines, with and without paragraph indents."""
    original = page(prefix).articles
    for blank, indent in (("none", 2), ("all", 0)):
        text = render_pdf(original, width, blank=blank, seed=width, indent=indent)
        again = parse_text(text).articles
        assert _signature(again) == _signature(original)
        # A heading as wide as the column reads as a paragraph; never the reverse.
        assert _headings(again) <= _headings(original)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_marked_up_rendering_keeps_headlines_and_authors(prefix: str) -> None:
    original = page(prefix).articles
    again = parse_text(render_marked(original)).articles
    assert [t.replace(" ", "") for t in _titles(again)] == [
        t.replace(" ", "") for t in _titles(original)]


def test_bench_corpus_has_the_requested_size() -> None:
    corpus = build_corpus(20)
    assert len(corpus) == 20 and all(isinstance(c, bytes) for c in corpus)
