"""A plain-text description of an article, for meta tags, feeds and JSON-LD."""

from __future__ import annotations

import re

from django.utils.text import Truncator

DESCRIPTION_CHARS = 90
# One sentence: up to the first full stop (Chinese or Latin).
SENTENCE = re.compile(r"^.+?[。！？!?]|^.+?\.(?=\s|$)", re.S)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = SENTENCE.match(text)
    return match.group(0) if match else text


def description_of(article) -> str:
    """A non-empty plain-text description of an article.

    Its summary (the reader prompt, else the first paragraph); else the first
    sentence of any text in the body (a photo's caption, a quote, a heading);
    else its subheadline, kicker or title.
    """
    summary = article.summary
    if summary:
        return summary
    for block in article.body.raw_data:
        value = block.get("value")
        if isinstance(value, dict):
            value = value.get("caption") or value.get("text") or ""
        if isinstance(value, str) and value.strip():
            return Truncator(first_sentence(value)).chars(DESCRIPTION_CHARS)
    return article.subheadline or article.kicker or article.title
