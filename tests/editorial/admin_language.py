"""What counts as an untranslated string on an admin screen (shared by the admin language tests)."""

from __future__ import annotations

import re

# Names, not words: the product, export formats.
ALLOWED = {"Wagtail", "XLSX", "CSV"}
# Things that are English because they are data: file names, paths, URLs, hashes.
_DATA = re.compile(
    r"https?://\S+|\S+\.(?:txt|csv|xlsx|png|jpg|pdf)\b|[\w./-]*/[\w./-]+|\b[0-9a-f]{6,}\b"
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]+")


def english_words(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """English words left in a screen's text once data and allowed names are set aside."""
    text = _DATA.sub(" ", text)
    return [w for w in _WORDS.findall(text) if w not in ALLOWED and w not in allowed]
