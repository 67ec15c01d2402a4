"""Importing files in several processes at once (PostgreSQL only).

The parent process begins the run, hands files to a pool of worker
processes and collects their FileResults (one progress bar, one summary, one
run record). Each worker sets Django up afresh and imports whole files with
its own Importer, in the parent's run: every file is still its own
transaction, so a failed file costs only itself. What keeps two workers from
creating the same article twice is what keeps two separate imports apart
today: the advisory lock on the edition page, the locked ledger rows, the
locked parent section (treebeard paths and sibling slugs) and the ledger's
unique constraint, after which the loser of a race retries its file.

SQLite allows one writer at a time: there the import stays in one process.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils.translation import gettext as _

from articles.page_cache import BumpPacer

from . import worker_process
from .results import FileResult, FileStatus, ImportOptions
from .sources import readable_name


def default_workers() -> int:
    """IMPORT_WORKERS, or one process per CPU when it is 0."""
    return settings.IMPORT_WORKERS or os.cpu_count() or 1


def supports_workers() -> bool:
    """Whether the default database lets several processes write at once."""
    return connection.vendor == "postgresql"


def worker_setup(options: ImportOptions, writer: str | None, run_id: int) -> dict[str, Any]:
    """What a worker needs to import into the parent's run, as plain data
    (a spawned process unpickles it before Django is set up)."""
    fields = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    user = fields.pop("user")
    return {
        "options": fields,
        "user_id": getattr(user, "pk", None),
        "writer": writer,
        "run_id": run_id,
    }


def import_in_workers(
    jobs: Sequence[tuple[str, str]],
    setup: dict[str, Any],
    workers: int,
    bumps: BumpPacer,
) -> Iterator[FileResult]:
    """Import (path, display name) jobs in `workers` processes; yield each
    FileResult as it finishes (in finishing order).

    A KeyboardInterrupt in the parent cancels the files not yet started;
    files being imported finish or roll back in their worker. The page-cache
    bumps workers leave go to `bumps`, the parent's pacer.
    """
    # Connections are never shared with a child process ('spawn' starts
    # from scratch anyway, but a forking context must not inherit sockets).
    connections.close_all()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=worker_process.start,
        initargs=(os.environ.get("DJANGO_SETTINGS_MODULE", ""), setup),
    )
    pending: dict[Future, tuple[str, str]] = {
        pool.submit(worker_process.import_one, path, display): (path, display)
        for path, display in jobs
    }
    try:
        while pending:
            done, _not_done = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                path, display = pending.pop(future)
                yield _outcome(future, path, display, bumps)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(future: Future, path: str, display: str, bumps: BumpPacer) -> FileResult:
    try:
        result, unbumped = future.result()
        bumps.add(unbumped)
        return result
    except BrokenProcessPool:
        error = _("导入进程意外退出，这个文件没有写入；请重新运行导入。")
    except Exception as exc:  # noqa: BLE001 - a worker that cannot start fails its files
        error = _("导入进程无法处理这个文件（%(reason)s），文件没有写入。") % {
            "reason": f"{type(exc).__name__}: {exc}"
        }
    return FileResult(
        source=display, name=readable_name(Path(path).name), status=FileStatus.FAILED, error=error
    )
