"""The canonical form in which parser output and gold annotations are compared."""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def canon(text: str | None) -> str:
    """NFKC with all whitespace removed.

    Full- and half-width punctuation, justification spaces and line wrapping
    then make no difference: only the characters a reader sees count.
    """
    if not text:
        return ""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
