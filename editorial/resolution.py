"""Resolving an import warning: an editor's explicit act, kept in the page's history.

A warning stays on its article (and the article stays in the review queue)
until an editor resolves it here. Nothing else removes it: editing, saving
or publishing the page copies the warnings along with the revision, and only
a re-import of changed source text replaces them with the parser's new ones.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

from articles.models import ArticlePage

RESOLVE_ACTION = "newsroom.import_warning.resolve"


class WarningGone(Exception):
    """The warning is no longer on the page (resolved meanwhile, or re-imported)."""


def _without_first(items: Any, text: str) -> list[str] | None:
    """The list minus the first occurrence of text; None if text is not in it."""
    if not isinstance(items, list) or text not in items:
        return None
    remaining = list(items)
    remaining.remove(text)
    return remaining


def resolve_warning(page: Any, text: str, user: Any = None) -> None:
    """Remove one warning from an imported article and log who resolved it.

    Both the page row (what the queue lists) and the latest revision (what
    the edit form loads and publishing copies) lose the warning, in one
    transaction with the log entry.
    """
    with transaction.atomic():
        locked = ArticlePage.objects.select_for_update().get(pk=page.pk)
        row = _without_first(locked.import_warnings, text)
        revision = locked.latest_revision
        content = revision.content if revision is not None else {}
        draft = _without_first(content.get("import_warnings"), text)
        if row is None and draft is None:
            raise WarningGone(text)
        if row is not None:
            ArticlePage.objects.filter(pk=page.pk).update(import_warnings=row)
            page.import_warnings = row
        if draft is not None:
            content["import_warnings"] = draft
            revision.save(update_fields=["content"])
        log_action(locked, RESOLVE_ACTION, user=user, data={"warning": text})


class ResolveWarningFormatter(LogFormatter):
    label = _("处理导入提示")

    def format_message(self, log_entry: Any) -> str:
        return _("已处理导入提示：%(warning)s") % {
            "warning": (log_entry.data or {}).get("warning", "")
        }


def register(actions: Any) -> None:
    """For the register_log_actions hook."""
    actions.register_action(RESOLVE_ACTION)(ResolveWarningFormatter)
