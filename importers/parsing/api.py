"""Public entry points: bytes or text in, a ParsedFile out. Never raises on bad input."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable

from .columns import build_pdf
from .decode import DecodeError, decode
from .finish import finish
from .flavour import PDF_COLUMNS, detect_flavour
from .hints import check_hints
from .marked import build_marked_units, marked_units
from .model import ParsedArticle, ParsedFile, ParseHints
from .normalise import normalise_text
from .prepare import Prepared, prepare

W_REPEATED = "网页重复刊印了正文（{}…），重复部分只保留一次，请核对"


def parse_text(text: str, *, source: str = "", hints: ParseHints | None = None) -> ParsedFile:
    """Parse already-decoded text (tests, tools); sha256 is of its UTF-8 form."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse([normalise_text(text)], source, sha, "unicode", hints)


def parse_bytes(data: bytes, *, source: str = "", hints: ParseHints | None = None) -> ParsedFile:
    """Decode and parse one raw page file; unreadable files get `error` set."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return ParsedFile(source=source, sha256=sha, error=f"{source or 'file'}: {exc}")
    handed = [normalise_text(text)]
    del text  # only the normalised copy lives on
    return _parse(handed, source, sha, encoding, hints)


def _parse(handed: list[str], source: str, sha: str, encoding: str,
           hints: ParseHints | None) -> ParsedFile:
    """Parse the normalised text `handed` over in a one-item list.

    Each stage's input is let go once the next form exists (text -> lines ->
    units -> drafts), so a large file never has all of them alive at once; the
    list lets this function hold the only reference to the text."""
    result = ParsedFile(source=source, sha256=sha, encoding=encoding)
    text = handed.pop()
    if not text or text.isspace():  # as `not text.strip()`, without a copy
        result.error = f"{source or 'file'}: empty file"
        return result
    try:
        prepared = prepare(text)
        del text
        lines, prepared.lines = prepared.lines, []
        result.flavour = detect_flavour(lines)
        result.edition = prepared.edition
        if result.flavour == PDF_COLUMNS:
            drafts = build_pdf(lines)
        else:
            units = marked_units(lines)
            del lines
            drafts = build_marked_units(units)  # consumes the units
        result.articles = finish(drafts, prepared.edition.page_name if prepared.edition else "")
        _settle(result.articles, prepared)
        check_hints(result.articles, hints)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop an import run
        result.error = f"{source or 'file'}: parser error: {type(exc).__name__}: {exc}"
        result.articles = []
    return result


def _settle(articles: list[ParsedArticle], prepared: Prepared) -> None:
    """Give back what the preparation set aside: chrome lines go to the raw text
    (first article), a repeated body becomes a warning, folded characters are
    printed as the page printed them."""
    if not articles:
        return
    if prepared.chrome:
        first = articles[0]
        first.raw_text = "\n".join([*prepared.chrome, first.raw_text]).strip("\n")
    if prepared.repeated:
        owner_of = _first_holder(articles)
        for text in prepared.repeated:
            key = text[:12]
            owner_of(key).warnings.append(W_REPEATED.format(key))
    if prepared.unfold is not None:
        if prepared.edition is not None:
            prepared.edition.paper = prepared.unfold(prepared.edition.paper)
            prepared.edition.page_name = prepared.unfold(prepared.edition.page_name)
        for a in articles:
            unfold_article(a, prepared.unfold)


def _first_holder(articles: list[ParsedArticle]) -> Callable[[str], ParsedArticle]:
    """key -> the first article whose body holds it (else the first article).

    One search over all body text joined once, remembered per key: asking every
    article in turn for every repeated paragraph grew with articles x repeats.
    The key is one stripped line's start, so it holds no newline and cannot match
    across the newlines that separate the blocks."""
    starts: list[int] = []
    parts: list[str] = []
    size = 0
    for a in articles:
        starts.append(size)
        for b in a.body:
            part = b.text or b.caption
            parts.append(part)
            size += len(part) + 1
    joined = "\n".join(parts)
    known: dict[str, ParsedArticle] = {}

    def owner(key: str) -> ParsedArticle:
        if key not in known:
            at = joined.find(key)
            known[key] = articles[bisect_right(starts, at) - 1] if at >= 0 else articles[0]
        return known[key]

    return owner


def unfold_article(a: ParsedArticle, unfold) -> None:
    """Every string of an article with the page's own (traditional) characters."""
    for name in ("column", "kicker", "headline", "subheadline", "byline", "reader_prompt",
                 "dateline", "raw_text"):
        setattr(a, name, unfold(getattr(a, name)))
    for author in a.authors:
        author.name = unfold(author.name)
    for b in a.body:
        b.text, b.caption, b.credit = unfold(b.text), unfold(b.caption), unfold(b.credit)
        b.photographers = [unfold(n) for n in b.photographers]
