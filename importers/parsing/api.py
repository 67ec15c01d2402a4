"""Public entry points: bytes or text in, a ParsedFile out. Never raises on bad input."""

from __future__ import annotations

import hashlib

from .columns import build_pdf
from .decode import DecodeError, decode
from .finish import finish
from .flavour import PDF_COLUMNS, detect_flavour
from .hints import check_hints
from .marked import build_marked
from .model import ParsedFile, ParseHints
from .normalise import normalise_text


def parse_text(text: str, *, source: str = "", hints: ParseHints | None = None) -> ParsedFile:
    """Parse already-decoded text (tests, tools); sha256 is of its UTF-8 form."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse(text, source, sha, "unicode", hints)


def parse_bytes(data: bytes, *, source: str = "", hints: ParseHints | None = None) -> ParsedFile:
    """Decode and parse one raw page file; unreadable files get `error` set."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return ParsedFile(source=source, sha256=sha, error=f"{source or 'file'}: {exc}")
    return _parse(text, source, sha, encoding, hints)


def _parse(text: str, source: str, sha: str, encoding: str,
           hints: ParseHints | None) -> ParsedFile:
    result = ParsedFile(source=source, sha256=sha, encoding=encoding)
    text = normalise_text(text)
    if not text.strip():
        result.error = f"{source or 'file'}: empty file"
        return result
    lines = text.split("\n")
    result.flavour = detect_flavour(lines)
    try:
        drafts = build_pdf(lines) if result.flavour == PDF_COLUMNS else build_marked(lines)
        result.articles = finish(drafts)
        check_hints(result.articles, hints)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop an import run
        result.error = f"{source or 'file'}: parser error: {type(exc).__name__}: {exc}"
        result.articles = []
    return result
