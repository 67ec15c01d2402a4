"""Public entry points: bytes or text in, a ParsedFile out. Never raises on bad input."""

from __future__ import annotations

import hashlib

from .decode import DecodeError, decode
from .finish import finish
from .flavour import PDF_COLUMNS, detect_flavour
from .model import ParsedFile, ParseHints
from .normalise import normalise_text
from .segment import build_marked, build_pdf


def parse_text(text: str, *, source: str = "", hints: ParseHints | None = None,
               _sha256: str = "", _encoding: str = "") -> ParsedFile:
    """Parse already-decoded text (tests, tools)."""
    del hints  # reserved: edition date and page are the loader's business for now
    sha = _sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    result = ParsedFile(source=source, sha256=sha, encoding=_encoding or "unicode")
    text = normalise_text(text)
    lines = text.split("\n")
    if not text.strip():
        result.error = "empty file"
        return result
    result.flavour = detect_flavour(lines)
    try:
        drafts = build_pdf(lines) if result.flavour == PDF_COLUMNS else build_marked(lines)
        result.articles = finish(drafts)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop an import run
        result.error = f"parser error: {type(exc).__name__}: {exc}"
        result.articles = []
    return result


def parse_bytes(data: bytes, *, source: str = "", hints: ParseHints | None = None) -> ParsedFile:
    """Decode and parse one raw page file; unreadable files get `error` set."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return ParsedFile(source=source, sha256=sha, error=f"{source or 'file'}: {exc}")
    return parse_text(text, source=source, hints=hints, _sha256=sha, _encoding=encoding)
