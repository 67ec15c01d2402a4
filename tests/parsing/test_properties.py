"""Property tests: the parser never raises and never loses a letter or digit."""

from __future__ import annotations

import hashlib
import os
import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from importers.parsing import parse_bytes, parse_text
from tools.page_synth import ENCODINGS, encode, render_marked, render_pdf

from .helpers import PAGES, missing_letters

PAGE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]
PARSED = [parse_text(t).articles for t in PAGE_TEXTS]

# Characters that exercise every rule: CJK, Latin, digits, all punctuation the
# parser looks at, markup, furniture and line structure.
ALPHABET = st.sampled_from(
    list("工会职工本报讯记者通讯员实习生摄□■#*—，。、；：？！“”（）()《》 \n\n\t")
    + list("abcXYZ0129") + ["本报记者 ", "本报讯（记者张三）", "## ", "# ", "**", "——",
                            "（上接第2版）", "新华社记者 李四 摄", "□王五", "\r\n"]
)
SETTINGS = settings(max_examples=60 if not os.environ.get("HYPOTHESIS_PROFILE") else 1500,
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@example("本报记者 \n本报记者 ")  # a repeated line is one headline, not a lost one
@SETTINGS
@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_arbitrary_text_never_raises_and_keeps_letters(text: str) -> None:
    result = parse_text(text)
    assert result.error is None or result.error == "file: empty file"
    assert not missing_letters(text, result, repeats_kept_once=True)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    result = parse_bytes(data, source="x.txt")
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    if result.error is not None:
        # A refusal names the file and carries nothing half-parsed.
        assert result.error.startswith("x.txt: ") and result.articles == []
    else:
        assert result.encoding and result.flavour
        assert [a.position for a in result.articles] == list(range(len(result.articles)))
        assert not missing_letters(data.decode(result.encoding, errors="replace"), result)


@SETTINGS
@given(st.integers(0, len(PAGE_TEXTS) - 1), st.integers(0, 10**6), st.integers(0, 10**6))
def test_cut_pages_keep_letters(index: int, a: int, b: int) -> None:
    text = PAGE_TEXTS[index]
    lines = text.split("\n")
    lo, hi = sorted((a % (len(lines) + 1), b % (len(lines) + 1)))
    piece = "\n".join(lines[lo:hi])
    result = parse_text(piece)
    assert not missing_letters(piece, result)


@SETTINGS
@given(st.integers(0, len(PARSED) - 1), st.integers(12, 25),
       st.sampled_from(("none", "all", "para")), st.randoms(use_true_random=False))
def test_rewrapped_shuffled_pages_keep_letters(index: int, width: int, blank: str,
                                               rnd: random.Random) -> None:
    articles = list(PARSED[index])
    rnd.shuffle(articles)
    text = render_pdf(articles, width, blank=blank, seed=rnd.randint(0, 99))
    result = parse_text(text)
    assert not result.error
    assert not missing_letters(text, result)


@SETTINGS
@given(st.integers(0, len(PARSED) - 1), st.sampled_from(ENCODINGS), st.booleans(),
       st.booleans())
def test_reencoded_pages_keep_letters(index: int, encoding: str, crlf: bool,
                                      marked: bool) -> None:
    text = render_marked(PARSED[index]) if marked else PAGE_TEXTS[index]
    result = parse_bytes(encode(text, encoding, crlf=crlf), source="p.txt")
    assert result.error is None
    assert not missing_letters(text, result)
