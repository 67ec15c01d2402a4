"""Shared helpers for the parser tests (no Django)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from importers.parsing import ParsedArticle, ParsedFile, parse_bytes

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

# Structural labels whose meaning is kept in a field instead of as text.
_FURNITURE = re.compile(r"[（(]\s*上接第\s*\d+\s*版\s*[）)]|阅\s*读\s*提\s*示")


def page_path(prefix: str) -> Path:
    return next(PAGES.glob(f"{prefix}_*.txt"))


def page(prefix: str) -> ParsedFile:
    path = page_path(prefix)
    return parse_bytes(path.read_bytes(), source=path.name)


def article_strings(a: ParsedArticle) -> list[str]:
    out = [a.column, a.kicker, a.headline, a.subheadline, a.byline, a.reader_prompt, a.dateline]
    for b in a.body:
        out += [b.text, b.caption, b.credit]
    return out


def letters(text: str) -> Counter:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def once_each(source: str) -> str:
    """The source with repeated lines kept once, as the parser keeps a headline
    the site printed twice, or a body an e-paper copy holds twice."""
    seen: set[str] = set()
    kept = []
    for line in source.splitlines():
        key = squash(line)
        if key not in seen:
            seen.add(key)
            kept.append(line)
    return "\n".join(kept)


def missing_letters(source: str, parsed: ParsedFile, *, repeats_kept_once: bool = False) -> Counter:
    """Letters and digits of the source that no field of any article holds."""
    if repeats_kept_once:
        source = once_each(source)
    src = letters(_FURNITURE.sub("", source))
    got = letters("".join(s for a in parsed.articles for s in article_strings(a)))
    return src - got


def texts(a: ParsedArticle) -> list[str]:
    return [b.text or b.caption for b in a.body if b.type != "heading" and (b.text or b.caption)]


def headings(a: ParsedArticle) -> list[str]:
    return [b.text for b in a.body if b.type == "heading"]


def authors(a: ParsedArticle) -> list[tuple[str, str]]:
    return [(x.name, x.role) for x in a.authors]


def squash(text: str) -> str:
    """Compare texts without whitespace, in NFKC form."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
