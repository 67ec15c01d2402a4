"""What a re-import does with each parsed article of a file (pure, no Django).

``decide`` turns the matcher's answer (importers/identity.py) and a snapshot
of the ledger entries it matched into one Decision per article: create a
page, update one, leave one unchanged, skip one an editor took over, or
report a duplicate. The loader (or a planning step) gathers the snapshots,
calls ``decide`` and carries the decisions out; nothing here reads or writes
the database, so the rules are tested without one.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .identity import (
    Candidate,
    Identity,
    Match,
    MatchKind,
    content_sha256,
    identify_parsed,
    match_articles,
)


class Action(StrEnum):
    CREATE = "create"  # a new draft page (NEW, or AMBIGUOUS with a warning)
    UPDATE = "update"  # new revision of the matched page
    UNCHANGED = "unchanged"  # the matched page already has this content
    SKIP = "skip"  # the matched page is the editor's (reason says why)
    DUPLICATE = "duplicate"  # same text as an earlier article of this file


@dataclass(frozen=True)
class LedgerEntry:
    """A ledger row and the state of its page, as the database has them now."""

    key: Hashable
    fingerprint: str
    signature: str
    content_sha256: str  # "" for rows from before identity by content
    source_path: str  # "" for rows from before identity by content
    page_id: int | None  # None: the page was deleted
    # "edited", "unpublished" or "moved" when an editor took the page over.
    editor_decision: str | None = None


@dataclass(frozen=True)
class Decision:
    action: Action
    match: Match
    identity: Identity
    content_sha256: str
    entry: LedgerEntry | None = None
    reason: str = ""  # SKIP: deleted/edited/unpublished/moved; CREATE: "ambiguous" or ""
    # The same text was last imported from another file (reported): that
    # file keeps the entry unless this import rewrites the page.
    elsewhere: bool = False

    @property
    def records_entry(self) -> bool:
        """Whether the ledger entry should now point at this file and position."""
        if self.entry is None:
            return False
        return not (self.elsewhere and self.action != Action.UPDATE)


def decide(
    articles: Sequence[Any],
    entries: Sequence[LedgerEntry],
    *,
    path: str,
    matches: Sequence[Match] | None = None,
    identities: Sequence[Identity] | None = None,
) -> list[Decision]:
    """One Decision per parsed article (``importers.parsing.ParsedArticle``), in order.

    ``entries`` are the candidates, most preferred first (same edition page
    first). ``path`` is the file's path as the ledger stores it. ``matches``
    overrides the matcher (e.g. with the legacy same-bytes fallback applied);
    ``identities`` saves recomputing them when the caller already has them.
    """
    if identities is None:
        identities = [identify_parsed(article) for article in articles]
    if matches is None:
        matches = match_articles(
            identities, [Candidate(e.key, e.fingerprint, e.signature) for e in entries]
        )
    by_key = {entry.key: entry for entry in entries}
    return [
        _decide_one(article, identity, match, by_key.get(match.candidate), path)
        for article, identity, match in zip(articles, identities, matches, strict=True)
    ]


def _decide_one(
    article: Any, identity: Identity, match: Match, entry: LedgerEntry | None, path: str
) -> Decision:
    content = content_sha256(article)

    def decision(action: Action, reason: str = "", elsewhere: bool = False) -> Decision:
        return Decision(action, match, identity, content, entry, reason, elsewhere)

    if match.kind == MatchKind.DUPLICATE:
        return decision(Action.DUPLICATE, "duplicate")
    if entry is None:
        return decision(Action.CREATE, "ambiguous" if match.kind == MatchKind.AMBIGUOUS else "")
    elsewhere = match.kind == MatchKind.EXACT and entry.source_path not in ("", path)
    if entry.page_id is None:
        return decision(Action.SKIP, "deleted", elsewhere)
    if match.kind == MatchKind.EXACT and entry.content_sha256 == content:
        return decision(Action.UNCHANGED, "", elsewhere)
    if entry.editor_decision:
        return decision(Action.SKIP, entry.editor_decision, elsewhere)
    return decision(Action.UPDATE, "", elsewhere)
