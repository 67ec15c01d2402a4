"""Reading the import ledger: what a file's articles already are, and what editors decided.

The queries around the pure matcher (importers/identity.py) and decisions
(importers/decisions.py): whether a file's bytes were already imported from
that path, which ledger rows its articles may be, which pages an editor has
taken over; ``recognise`` puts them together for one file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from articles.models import ArticlePage

from .decisions import Decision, LedgerEntry, decide
from .identity import Candidate, Identity, Match, MatchKind, identify_parsed, match_articles
from .models import ImportedArticle, edition_key

# Admin actions after which the page is the editor's, whatever a file says.
EDITOR_ACTIONS = {
    "wagtail.unpublish": "unpublished",
    "wagtail.move": "moved",
}


@dataclass(frozen=True)
class FileKey:
    """Where a file's articles belong and where the file was read from."""

    name: str  # base name (shown to operators)
    path: str  # absolute path
    sha256: str
    edition_date: datetime.date | None
    page_number: int | None

    @property
    def edition_key(self) -> str:
        return edition_key(self.edition_date, self.page_number)


def already_imported(key: FileKey) -> int:
    """How many ledger rows say these very bytes were imported from this path (0: not).

    One query. Rows written before identity by content have no path; for
    them the old rule holds, which is right for identical bytes.
    """
    rows = list(
        ImportedArticle.objects.filter(
            Q(source_path=key.path) | Q(source_path="", source_name=key.name)
        ).values_list("source_path", "sha256")
    )
    own = [sha for path, sha in rows if path == key.path] or [sha for _p, sha in rows]
    return len(own) if own and all(sha == key.sha256 for sha in own) else 0


def candidate_rows(key: FileKey, identities: Iterable[Identity]) -> list[ImportedArticle]:
    """Ledger rows (locked) the file's articles may be, same edition first.

    With a known edition: that edition's rows, plus undated rows with the same
    text or from a file of the same name. Without one: rows with the same
    text anywhere, undated rows from a file of the same name, rows last seen
    at this path. Content then decides; these bounds only keep the matching
    cheap and keep identical text in two editions two articles.
    """
    fingerprints = sorted({identity.fingerprint for identity in identities})
    this_edition = key.edition_key
    undated_relatives = Q(edition_key="") & (
        Q(fingerprint__in=fingerprints) | Q(source_name=key.name)
    )
    if this_edition:
        query = Q(edition_key=this_edition) | undated_relatives
    else:
        query = Q(fingerprint__in=fingerprints) | undated_relatives | Q(source_path=key.path)
    rows = list(ImportedArticle.objects.select_for_update().filter(query).order_by("pk"))
    rows.sort(key=lambda row: row.edition_key != this_edition)
    return rows


def candidates(rows: Sequence[ImportedArticle]) -> list[Candidate]:
    return [Candidate(row.pk, row.fingerprint, row.signature) for row in rows]


def editor_decisions(pages: Iterable[ArticlePage]) -> dict[int, str]:
    """Page id → why an import must leave the page alone (edited, unpublished, moved)."""
    pages = list(pages)
    reasons: dict[int, str] = {}
    logged = PageLogEntry.objects.filter(
        page_id__in=[page.pk for page in pages], action__in=EDITOR_ACTIONS
    ).values_list("page_id", "action")
    for page_id, action in logged:
        reasons.setdefault(page_id, EDITOR_ACTIONS[action])
    for page in pages:
        if page.latest_revision_id != page.import_revision_id:
            reasons[page.pk] = "edited"
        elif not page.live and page.first_published_at is not None:
            # Unpublished without a log entry (e.g. in the shell): still the
            # editor's decision, and --publish must not undo it.
            reasons.setdefault(page.pk, "unpublished")
    return reasons


def describe_decision(reason: str) -> str:
    return {
        "edited": _("已被编辑"),
        "unpublished": _("已被编辑撤下"),
        "moved": _("已被编辑移动"),
    }.get(reason, reason)


def legacy_matches(
    key: FileKey,
    positions: Sequence[int],
    matches: Sequence[Match],
    rows: Sequence[ImportedArticle],
) -> list[Match]:
    """Matches, with rows that have no fingerprint found by the old rule.

    Rows from before identity by content whose page was already deleted have
    nothing to compute a fingerprint from. The very same file bytes still find
    them by position (the old rule, which is right for identical bytes), so an
    editor's deletion is not undone by re-importing that file.
    """
    legacy = {
        row.position: row.pk
        for row in rows
        if not row.fingerprint and row.source_name == key.name and row.sha256 == key.sha256
    }
    taken = {match.candidate for match in matches}
    out = []
    for position, match in zip(positions, matches, strict=True):
        pk = legacy.get(position)
        if match.kind == MatchKind.NEW and pk is not None and pk not in taken:
            match = Match(MatchKind.EXACT, pk, 1.0)
            taken.add(pk)
        out.append(match)
    return out


def ledger_entries(
    rows: Sequence[ImportedArticle], pages: dict[int, ArticlePage], reasons: dict[int, str]
) -> list[LedgerEntry]:
    """Snapshots of rows and their pages for the pure decisions; a row whose
    page is gone has page_id None."""
    return [
        LedgerEntry(
            key=row.pk,
            fingerprint=row.fingerprint,
            signature=row.signature,
            content_sha256=row.content_sha256,
            source_path=row.source_path,
            page_id=row.page_id if row.page_id in pages else None,
            editor_decision=reasons.get(row.page_id) if row.page_id else None,
        )
        for row in rows
    ]


@dataclass
class Recognised:
    """A file's articles as the ledger knows them (rows locked until commit)."""

    rows: dict[int, ImportedArticle]  # candidate rows by id
    pages: dict[int, ArticlePage]  # the matched rows' pages by id
    plan: list[Decision]  # one per parsed article, in order
    gone: list[ImportedArticle]  # rows last seen in this file, now absent from it


def recognise(key: FileKey, articles: Sequence[Any]) -> Recognised:
    """Which ledger row each parsed article is, and what a re-import does with it."""
    identities = [identify_parsed(article) for article in articles]
    rows = candidate_rows(key, identities)
    by_id = {row.pk: row for row in rows}
    matches = match_articles(identities, candidates(rows))
    matches = legacy_matches(key, [a.position for a in articles], matches, rows)
    pages = ArticlePage.objects.in_bulk(
        [by_id[m.candidate].page_id for m in matches if m.candidate in by_id]
    )
    entries = ledger_entries(rows, pages, editor_decisions(pages.values()))
    plan = decide(articles, entries, path=key.path, matches=matches, identities=identities)
    matched = {m.candidate for m in matches}
    gone = [row for row in rows if row.source_path == key.path and row.pk not in matched]
    return Recognised(by_id, pages, plan, gone)
