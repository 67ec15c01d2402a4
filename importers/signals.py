"""Review bookkeeping: publishing an imported article counts as reviewing it."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.utils import timezone

from articles.models import ArticlePage

# Set while the importer writes: its own --publish is not an editor's review.
importing: ContextVar[bool] = ContextVar("importing", default=False)


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


def _index_unless_importing(sender: Any, instance: Any, **kwargs: Any) -> None:
    from modelsearch.signal_handlers import post_save_signal_handler

    if importing.get():
        return
    post_save_signal_handler(instance, **kwargs)


def index_once_while_importing(model: type) -> None:
    """Let the importer index each page once instead of on every save.

    A new page is saved three times (tree insert, revision bookkeeping,
    publish) and each save would rebuild its search entry. While `importing`
    is set in this thread, the automatic update is skipped and the importer
    calls index.insert_or_update_object itself, in the same transaction: the
    index stays synchronous and current. Everywhere else nothing changes.
    """
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    if post_save.disconnect(post_save_signal_handler, sender=model):
        post_save.connect(
            _index_unless_importing, sender=model, dispatch_uid="importers-index-once"
        )
