"""Which printed edition a file belongs to, from everything that says so.

Three places can state a file's edition: the command line (--edition-date,
--page, --page-name), the file's name (``2023-04-21_03.txt``) and the text
itself (an e-paper's edition line, ``ParsedFile.edition``). The operator's
command line wins over the file name, and the file name over the text; each
field is taken from the first place that states it. Where a lower place
states something else, the operator gets a warning: a file named after the
wrong day is a mistake worth seeing before readers do.

Pure: no database, so the rules are unit-tested on their own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


@dataclass(frozen=True)
class EditionSource:
    """What one place says about the edition; empty fields say nothing."""

    label: str  # where it comes from, as the operator reads it: 命令行, 文件名, 正文
    date: datetime.date | None = None
    page: int | None = None
    page_name: str = ""


@dataclass(frozen=True)
class Edition:
    """The edition a file is imported into, and what disagreed on the way."""

    date: datetime.date | None = None
    page: int | None = None
    page_name: str = ""
    warnings: tuple[str, ...] = field(default=())

    # The loader's older name for the date (EditionHint.edition_date).
    @property
    def edition_date(self) -> datetime.date | None:
        return self.date

    @property
    def is_complete(self) -> bool:
        """A date and a page: enough to file the articles on a printed page."""
        return self.date is not None and self.page is not None


def resolve_edition(*sources: EditionSource) -> Edition:
    """Merge the sources, earlier ones first; later disagreements become warnings."""
    date = _first(sources, "date")
    page = _first(sources, "page")
    warnings = [*_conflicts(sources, "date", date), *_conflicts(sources, "page", page)]
    # A page name belongs to its page: a source that names another page
    # cannot name this one.
    page_name = next(
        (
            s.page_name.strip()
            for s in sources
            if s.page_name.strip() and (s.page is None or s.page == page)
        ),
        "",
    )
    for source in sources:
        name = source.page_name.strip()
        if name and page_name and name != page_name and (source.page in (None, page)):
            warnings.append(
                _("%(source)s写的版名是“%(theirs)s”，与采用的“%(ours)s”不同")
                % {"source": source.label, "theirs": name, "ours": page_name}
            )
    return Edition(date, page, page_name, tuple(warnings))


def _first(sources: tuple[EditionSource, ...], attr: str):
    return next((getattr(s, attr) for s in sources if getattr(s, attr) is not None), None)


def _conflicts(sources: tuple[EditionSource, ...], attr: str, chosen) -> list[str]:
    if chosen is None:
        return []
    winner = next(s for s in sources if getattr(s, attr) == chosen)
    messages = []
    for source in sources:
        value = getattr(source, attr)
        if value is None or value == chosen:
            continue
        if attr == "date":
            message = _(
                "%(source)s写的出版日期是 %(theirs)s，与%(winner)s的 %(ours)s 不同，采用 %(ours)s"
            )
            theirs, ours = value.isoformat(), chosen.isoformat()
        else:
            message = _(
                "%(source)s写的是第%(theirs)s版，与%(winner)s的第%(ours)s版不同，采用第%(ours)s版"
            )
            theirs, ours = value, chosen
        messages.append(
            message
            % {"source": source.label, "theirs": theirs, "winner": winner.label, "ours": ours}
        )
    return messages


def command_line_source(
    date: datetime.date | None, page: int | None, page_name: str | None = ""
) -> EditionSource:
    return EditionSource(pgettext("edition hint", "命令行"), date, page, page_name or "")


def file_name_source(date: datetime.date | None, page: int | None) -> EditionSource:
    return EditionSource(pgettext("edition hint", "文件名"), date, page)


def text_source(hint) -> EditionSource:
    """The parser's EditionHint (importers.parsing.model), or None when the text says nothing."""
    label = pgettext("edition hint", "正文")
    if hint is None:
        return EditionSource(label)
    return EditionSource(label, hint.date, hint.page, hint.page_name or "")
