"""Checks against what the caller knows about the file (`ParseHints`).

The edition date and page number are facts, not guesses: text that contradicts
them is flagged for an editor (nothing is changed).
"""

from __future__ import annotations

import datetime
import re

from .model import ParsedArticle, ParseHints

W_CONT_PAGE = "转版标记“上接第{}版”与本版版次（第{}版）不符，请核对"
W_LEAD_DATE = "导语日期“{}月{}日”晚于出版日期{}，请核对日期或版次"

_LEAD_DATE = re.compile(r"^(?:本报讯.{0,30}?[）)])?\s*(\d{1,2})\s?月\s?(\d{1,2})\s?日")
# A lead dated this much after the edition is taken as last year's, not flagged.
_FUTURE_DAYS = 180


def check_hints(articles: list[ParsedArticle], hints: ParseHints | None) -> None:
    if hints is None:
        return
    for a in articles:
        if a.kind == "fragment":
            continue
        if hints.page and a.continued_from_page and a.continued_from_page >= hints.page:
            # A story continues from an earlier page, never from this one or a later one.
            a.warnings.append(W_CONT_PAGE.format(a.continued_from_page, hints.page))
        if hints.edition_date:
            _check_lead_date(a, hints.edition_date)


def _check_lead_date(a: ParsedArticle, edition: datetime.date) -> None:
    first = next((b.text or b.caption for b in a.body if b.type != "heading"
                  and (b.text or b.caption)), "")
    m = _LEAD_DATE.match(first)
    if not m:
        return
    month, day = int(m.group(1)), int(m.group(2))
    try:
        when = datetime.date(edition.year, month, day)
    except ValueError:
        return
    if 0 < (when - edition).days <= _FUTURE_DAYS:
        a.warnings.append(W_LEAD_DATE.format(month, day, edition.isoformat()))
