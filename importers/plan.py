"""What one file's import will do to each article: a pure decision.

Given the parsed articles, the file's SHA-256 and what the ledger and the
pages say about earlier imports, `plan_file` decides per article whether to
create a page, update one, leave it alone or skip it, and which earlier
articles have gone from the file. No database, no Wagtail: the importer reads
the state, the plan decides, a writer carries it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"


class SkipReason(StrEnum):
    DELETED = "deleted"  # an editor deleted the page: it is not recreated
    EDITED = "edited"  # an editor saved a revision since the import: theirs wins


@dataclass(frozen=True)
class LedgerEntry:
    """One ImportedArticle row: what was imported last time at a position."""

    sha256: str
    page_id: int | None


@dataclass(frozen=True)
class PageState:
    """What the plan needs to know about an existing imported page."""

    title: str
    edited: bool  # its latest revision is not the one the importer wrote


@dataclass(frozen=True)
class Step:
    position: int
    action: Action
    page_id: int | None = None
    title: str = ""
    reason: SkipReason | None = None


@dataclass
class FilePlan:
    steps: list[Step] = field(default_factory=list)
    # Positions the ledger knows but the new version of the file lacks.
    gone: list[int] = field(default_factory=list)

    def positions(self, action: Action) -> list[int]:
        return [step.position for step in self.steps if step.action == action]


def file_is_unchanged(ledger_shas: Iterable[str], sha256: str) -> bool:
    """True when every article of the file was imported from these very bytes."""
    shas = list(ledger_shas)
    return bool(shas) and all(sha == sha256 for sha in shas)


def plan_file(
    positions: Iterable[int],
    sha256: str,
    ledger: Mapping[int, LedgerEntry],
    pages: Mapping[int, PageState],
) -> FilePlan:
    """Decide, per parsed article position, what the import does.

    `ledger` maps a position to its earlier import; `pages` maps the page ids
    the ledger names to their current state (a missing id: the page is gone).
    """
    plan = FilePlan()
    seen: set[int] = set()
    for position in positions:
        seen.add(position)
        entry = ledger.get(position)
        if entry is None:
            plan.steps.append(Step(position, Action.CREATE))
        elif entry.sha256 == sha256:
            plan.steps.append(Step(position, Action.UNCHANGED, entry.page_id))
        elif entry.page_id is None or entry.page_id not in pages:
            plan.steps.append(Step(position, Action.SKIP, reason=SkipReason.DELETED))
        else:
            page = pages[entry.page_id]
            if page.edited:
                plan.steps.append(
                    Step(position, Action.SKIP, entry.page_id, page.title, SkipReason.EDITED)
                )
            else:
                plan.steps.append(Step(position, Action.UPDATE, entry.page_id, page.title))
    plan.gone = sorted(set(ledger) - seen)
    return plan
