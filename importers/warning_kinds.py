"""What an import warning is about, and which source lines it points at.

Warnings are sentences for editors (the parser's and the loader's own); the
review queue filters them by kind and the edit view highlights the source
lines they quote. Both read the text only, so a new wording still lands in
"other" rather than failing.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

HEADLINE = "headline"
PHOTO = "photo"
ORDER = "order"
STRAY = "stray"
BYLINE = "byline"
EDITION = "edition"
CONTINUATION = "continuation"
LENGTH = "length"
OTHER = "other"

KIND_LABELS = {
    HEADLINE: _("标题"),
    PHOTO: _("图片"),
    ORDER: _("段落错位或中断"),
    STRAY: _("串入或归属不明"),
    BYLINE: _("署名"),
    EDITION: _("日期与版次"),
    CONTINUATION: _("转版接续"),
    LENGTH: _("超长截断"),
    OTHER: _("其他"),
}

# First match wins: a photo's headline set apart from its caption is a
# headline doubt, a caption without a credit is a photo doubt.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (HEADLINE, re.compile(r"临时标题|未找到.{0,4}标题|主标题|^标题")),
    (PHOTO, re.compile(r"图片|摄影")),
    (ORDER, re.compile(r"顺序错乱|中断|错位或缺失")),
    (STRAY, re.compile(r"串入|归属")),
    (BYLINE, re.compile(r"署名")),
    # importers.continuations: a tail whose head was not found for sure.
    (CONTINUATION, re.compile(r"^转版续文：")),
    (EDITION, re.compile(r"版次|日期|转版")),
    (LENGTH, re.compile(r"截断")),
]

# The parser quotes the text it doubts between Chinese quotation marks.
_QUOTED = re.compile(r"“([^”]{2,})”")


def kind_of(warning: str) -> str:
    """The kind code of one warning text."""
    for kind, pattern in _RULES:
        if pattern.search(warning):
            return kind
    return OTHER


def quoted_snippets(warning: str) -> list[str]:
    """The passages a warning quotes, without a trailing ellipsis."""
    return [s.rstrip("…").strip() for s in _QUOTED.findall(warning) if s.strip("…").strip()]


def lines_for_warning(warning: str, source_lines: list[str]) -> list[int]:
    """Indexes of the source lines holding a passage the warning quotes.

    Source lines are re-wrapped print columns, so a passage may span two
    lines; whitespace is ignored and a passage that starts on one line and
    ends on the next marks both.
    """
    hits: set[int] = set()
    flat = [re.sub(r"\s+", "", line) for line in source_lines]
    for snippet in quoted_snippets(warning):
        needle = re.sub(r"\s+", "", snippet)
        for i, line in enumerate(flat):
            if needle in line:
                hits.add(i)
            elif (
                i + 1 < len(flat)
                and needle in line + flat[i + 1]
                and needle not in flat[i + 1]
            ):
                hits.update((i, i + 1))
    return sorted(hits)
