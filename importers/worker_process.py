"""The code a worker process of a parallel import runs (see importers.parallel).

Imported by a freshly spawned interpreter before Django is set up, so
nothing here imports Django (or the project's models) at module level, and
what the parent sends is plain data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# One Importer per worker process, made by start().
_importer: Any = None


def start(settings_module: str, setup: dict[str, Any]) -> None:
    """Set Django up and make this process's Importer, joined to the parent's run."""
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    # cycle: a spawned process may load models only after django.setup()
    # (Django's app loading), so the importer comes in here.
    from .loading import Importer
    from .results import ImportOptions  # cycle: as above (it imports Django's auth models)

    user = None
    if setup["user_id"] is not None:
        user = get_user_model().objects.get(pk=setup["user_id"])
    global _importer
    _importer = Importer(ImportOptions(**setup["options"], user=user), writer=setup["writer"])
    _importer.join(setup["run_id"])


def import_one(path: str, display: str) -> tuple[Any, set[str]]:
    """Import one file in its own transaction; its FileResult goes to the
    parent, with the page-cache bumps this worker has not made yet."""
    if _importer is None:
        raise RuntimeError("worker process not started")
    result = _importer.import_file(Path(path), display)
    # The parent keeps the run's results; a worker keeps nothing between files.
    _importer.result.files.clear()
    # The parent paces bumps for the whole run and makes the last ones at its
    # end: a worker is stopped without a chance to flush its own.
    unbumped = set(_importer.bumps.pending)
    _importer.bumps.pending.clear()
    return result, unbumped
