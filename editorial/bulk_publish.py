"""The admin's bulk 发布 action, through the publish gate.

Selecting many pages in a listing and publishing them must not put live what
`--publish` would hold back: imported articles the gate doubts are left as
drafts, and so are translations with untranslated text (the edit view's
translation gate, applied to the listing too); the editor is told how many
and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction

from articles.models import ArticlePage
from importers.publish_gate import (
    UNTRANSLATED,
    count_by_reason,
    describe_counts,
    page_hold_reasons,
)

from .translation_gate import untranslated_fields


def latest_hold_reasons(page: Any) -> list[str]:
    """The gate's reasons for a page's latest revision (what publishing puts live)."""
    specific = page.specific_deferred
    if not isinstance(specific, ArticlePage):
        return []
    reasons = []
    if specific.source_name:  # only imported copy goes through the import gate
        reasons = page_hold_reasons(specific.get_latest_revision_as_object())
    if untranslated_fields(page):
        reasons.append(UNTRANSLATED)
    return reasons


class GatedPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk publish, skipping articles the publish gate holds."""

    @classmethod
    def execute_action(
        cls,
        objects: Iterable[Any],
        include_descendants: bool = False,
        user: Any = None,
        held: list[list[str]] | None = None,
        **kwargs: Any,
    ) -> tuple[int, int]:
        held = held if held is not None else []
        parents = children = 0
        for page in objects:
            if cls._publish_unless_held(page, user, held):
                parents += 1
            if not include_descendants:
                continue
            for draft in page.get_descendants().not_live().defer_streamfields().specific():
                if user is None or draft.permissions_for_user(user).can_publish():
                    children += cls._publish_unless_held(draft, user, held)
        return parents, children

    @staticmethod
    def _publish_unless_held(page: Any, user: Any, held: list[list[str]]) -> bool:
        reasons = latest_hold_reasons(page)
        if reasons:
            held.append(reasons)
            return False
        revision = page.get_latest_revision() or page.specific.save_revision(user=user)
        revision.publish(user=user)
        return True

    def get_execution_context(self) -> dict[str, Any]:
        self.held: list[list[str]] = []
        return {**super().get_execution_context(), "held": self.held}

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        if self.held:
            messages.warning(
                self.request,
                _("%(n)d 篇稿件未发布，仍为草稿：%(reasons)s")
                % {"n": len(self.held), "reasons": describe_counts(count_by_reason(self.held))},
            )
        return super().get_success_message(num_parent_objects, num_child_objects)
