"""Review bookkeeping: an editor marks an imported article reviewed, and
publishing one (other than by the importer itself) counts as reviewing it."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from articles.models import ArticlePage
from importers.signals import importing


def mark_reviewed(page: Any, user: Any = None, *, when: Any = None) -> bool:
    """Set reviewed_at/by on an imported article if not set; True if it changed.

    Written to the page row and to its latest revision's content, because
    publishing copies revision content onto the row and would otherwise
    erase the mark.
    """
    when = when or timezone.now()
    user_id = getattr(user, "pk", None)
    changed = ArticlePage.objects.filter(pk=page.pk, reviewed_at__isnull=True).update(
        reviewed_at=when, reviewed_by_id=user_id
    )
    if not changed:
        return False
    page.reviewed_at, page.reviewed_by_id = when, user_id
    revision = page.latest_revision
    if revision is not None and not revision.content.get("reviewed_at"):
        revision.content["reviewed_at"] = when.isoformat()
        revision.content["reviewed_by"] = user_id
        revision.save(update_fields=["content"])
    return True


def on_page_published(sender: Any, instance: Any, revision: Any = None, **kwargs: Any) -> None:
    if importing.get() or not getattr(instance, "source_name", ""):
        return
    if getattr(instance, "reviewed_at", None) is None:
        mark_reviewed(instance, getattr(revision, "user", None))
