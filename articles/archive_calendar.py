"""The print archive's month calendar: which days of a month have an edition.

Pure date arithmetic (no queries): views hand it the days that have editions.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date
    in_month: bool
    url: str = ""  # the edition's URL; empty when nothing was printed that day

    @property
    def has_edition(self) -> bool:
        return bool(self.url)


def month_weeks(
    month: datetime.date, edition_urls: dict[datetime.date, str]
) -> list[list[CalendarDay]]:
    """Monday-first weeks covering `month`, each day linked to its edition if it has one."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        month.year, month.month
    )
    return [
        [
            CalendarDay(
                day,
                day.month == month.month,
                edition_urls.get(day, "") if day.month == month.month else "",
            )
            for day in week
        ]
        for week in weeks
    ]


def parse_month(value: str) -> datetime.date | None:
    """'2023-04' → 2023-04-01; anything else → None."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return None


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
