"""The import plan: pure decisions, no database."""

from importers.plan import (
    Action,
    LedgerEntry,
    PageState,
    SkipReason,
    Step,
    file_is_unchanged,
    plan_file,
)

OLD, NEW = "a" * 64, "b" * 64


def test_a_new_file_creates_every_article():
    plan = plan_file([0, 1, 2], NEW, ledger={}, pages={})
    assert plan.steps == [Step(0, Action.CREATE), Step(1, Action.CREATE), Step(2, Action.CREATE)]
    assert plan.gone == []


def test_same_bytes_leave_articles_unchanged():
    ledger = {0: LedgerEntry(NEW, 10), 1: LedgerEntry(NEW, 11)}
    pages = {10: PageState("甲", edited=False), 11: PageState("乙", edited=True)}
    plan = plan_file([0, 1], NEW, ledger, pages)
    assert [(s.action, s.page_id) for s in plan.steps] == [
        (Action.UNCHANGED, 10),
        (Action.UNCHANGED, 11),
    ]


def test_changed_file_updates_untouched_pages_and_skips_edited_or_deleted_ones():
    ledger = {0: LedgerEntry(OLD, 10), 1: LedgerEntry(OLD, 11), 2: LedgerEntry(OLD, 12)}
    pages = {10: PageState("甲", edited=False), 11: PageState("乙", edited=True)}
    plan = plan_file([0, 1, 2, 3], NEW, ledger, pages)
    assert plan.steps == [
        Step(0, Action.UPDATE, 10, "甲"),
        Step(1, Action.SKIP, 11, "乙", SkipReason.EDITED),
        Step(2, Action.SKIP, reason=SkipReason.DELETED),
        Step(3, Action.CREATE),
    ]
    assert plan.positions(Action.CREATE) == [3]


def test_ledger_row_without_page_is_a_deleted_page():
    plan = plan_file([0], NEW, {0: LedgerEntry(OLD, None)}, {})
    assert plan.steps == [Step(0, Action.SKIP, reason=SkipReason.DELETED)]


def test_articles_missing_from_the_new_version_are_reported_gone():
    ledger = {0: LedgerEntry(OLD, 10), 3: LedgerEntry(OLD, 13), 5: LedgerEntry(OLD, 15)}
    pages = {pk: PageState("", edited=False) for pk in (10, 13, 15)}
    plan = plan_file([0], NEW, ledger, pages)
    assert plan.gone == [3, 5]
    assert plan.positions(Action.UPDATE) == [0]


def test_file_is_unchanged_only_when_every_row_has_these_bytes():
    assert file_is_unchanged([NEW, NEW], NEW)
    assert not file_is_unchanged([NEW, OLD], NEW)
    assert not file_is_unchanged([], NEW)  # never imported
