"""The importer's signal bookkeeping: `importing` marks its own writes (its --publish
is no editor's review, see editorial.reviewing) and indexes each page once."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

# Set while the importer writes: its own --publish is not an editor's review.
importing: ContextVar[bool] = ContextVar("importing", default=False)


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
