"""Which of the two source flavours a file is: marked-up text or PDF column text."""

from __future__ import annotations

import re
from statistics import median

MARKED_UP = "marked-up"
PDF_COLUMNS = "pdf-columns"

_PARAGRAPH_LINE = 40
_WIDE_PARAGRAPH = 60
# How a paragraph ends: a full stop (closing quotes may follow), a closing
# credit in brackets, a photo credit.
_SENTENCE_END = re.compile(r"(?:[。！？!?…][”’」』）)\"]*|[）)]|摄影?)$")
_SENTENCES = re.compile(r"[。！？!?](?=.)")
_MARKUP = re.compile(r"^(#{1,6}\s+\S|\*\*\S.*\*\*\s*$)")


def detect_flavour(lines: list[str]) -> str:
    """Markdown-like markup, or paragraphs on long lines, mean marked-up text.

    PDF text is hard-wrapped at the column width (12-25 characters), so its
    typical line is short; marked-up text has one paragraph per line.
    """
    content = [ln.strip() for ln in lines if ln.strip()]
    if not content:
        return MARKED_UP
    if sum(1 for ln in content if _MARKUP.match(ln)) >= 1:
        return MARKED_UP
    # A sample is enough, and character counts do (Latin-heavy pages are rare).
    lengths = [len(ln) for ln in content[:400]]
    if median(lengths) > 34:
        return MARKED_UP
    # Paragraphs on one line each, among many short title and heading lines
    # (e-paper copies): a column never holds a line of 40 characters.
    long_lines = [ln for ln in content[:400] if len(ln.replace(" ", "")) > _PARAGRAPH_LINE]
    if len(long_lines) >= max(2, 0.2 * len(lengths)):
        return MARKED_UP
    # A single short story: a line far wider than any column, holding a sentence
    # end, is a paragraph (a long kicker has no full stop).
    if any(len(ln.replace(" ", "")) > _WIDE_PARAGRAPH and _SENTENCES.search(ln)
           for ln in long_lines):
        return MARKED_UP
    # A column's lines mostly break mid-sentence; whole paragraphs end with one.
    text_lines = [ln for ln in content[:400] if len(ln) >= 15]
    ends = sum(1 for ln in text_lines if _SENTENCE_END.search(ln))
    return MARKED_UP if text_lines and ends >= 0.6 * len(text_lines) else PDF_COLUMNS
