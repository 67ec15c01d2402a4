"""Edition date and page number read from a source file's name.

Operators name the day's files after the printed page (``2023-04-21_03.txt``,
``20230421-03.txt``, ``2023-04-21-p3.txt``, ``2023-04-21_第3版.txt``); when the
command line does not say which edition a file is, its name usually does.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath

# A date (with or without separators), then optionally a page number after a
# separator and an optional "p"/"page"/"第" marker. Digits glued to letters or
# other digits (hashes, serial numbers) do not count.
_EDITION_RE = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})"
    r"(?:[-_ .]+(?:[pP](?:age)?|第)?\s*0*(?P<page>\d{1,3})\s*版?)?"
    r"(?![0-9A-Za-z])"
)


@dataclass(frozen=True)
class EditionHint:
    edition_date: datetime.date | None = None
    page: int | None = None


def edition_from_filename(name: str) -> EditionHint:
    """Return the edition date and page a file name states, or empty values."""
    stem = PurePath(name).stem
    for match in _EDITION_RE.finditer(stem):
        try:
            date = datetime.date(
                int(match["year"]), int(match["month"]), int(match["day"])
            )
        except ValueError:
            continue
        page = int(match["page"]) if match["page"] else None
        return EditionHint(date, page if page else None)
    return EditionHint()
