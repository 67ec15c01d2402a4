"""The ImportRun row of one import: created first, progress written as files finish."""

from __future__ import annotations

import datetime
import os
import socket
import time
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from .models import ImportRun
from .results import FileResult, ImportOptions, RunResult
from .retry import with_lock_retry

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


class RunRecord:
    """Keeps one ImportRun row in step with a RunResult."""

    save_interval = 1.0  # seconds between progress writes

    def __init__(self, options: ImportOptions, user: AbstractBaseUser | None) -> None:
        self.options = options
        self.user = user
        self.run: ImportRun | None = None
        self._saved_at = 0.0
        # A worker process of a parallel import imports into the parent's
        # run; only the parent writes the run's progress and outcome.
        self.writes = True

    def begin(self, sources: list[str]) -> ImportRun:
        mark_stale_runs()
        self.run = with_lock_retry(
            lambda: ImportRun.objects.create(
                user=self.user,
                operator=self.options.operator[:150],
                options={**self.options.to_json(), "paths": sources},
                files_count=len(sources),
                host=socket.gethostname()[:255],
                pid=os.getpid(),
            )
        )
        return self.run

    def join(self, run_id: int) -> ImportRun:
        """Import into a run another process began and keeps up to date."""
        self.run = ImportRun.objects.get(pk=run_id)
        self.writes = False
        return self.run

    def progress(self, result: RunResult) -> None:
        """Write progress, at most once a second.

        Rewriting the whole file list after every small file would cost more
        than importing it.
        """
        now = time.monotonic()
        if now - self._saved_at >= self.save_interval:
            self._write(result, None)

    def finish(self, result: RunResult) -> None:
        if result.interrupted:
            status = ImportRun.Status.INTERRUPTED
        else:
            status = ImportRun.Status.FAILED if result.failed else ImportRun.Status.FINISHED
        self._write(result, status)

    def _write(self, result: RunResult, status: str | None) -> None:
        if self.run is None or not self.writes:
            return
        self._saved_at = time.monotonic()
        fields: dict[str, Any] = {
            "files": [file_summary(f) for f in result.files],
            **result.totals(),
        }
        if status:
            fields["status"] = status
            fields["finished_at"] = timezone.now()
        pk = self.run.pk
        # An UPDATE, not save(): the run row stays correct even if a later
        # file's transaction is rolled back or the process is killed.
        with_lock_retry(lambda: ImportRun.objects.filter(pk=pk).update(**fields))
        for key, value in fields.items():
            setattr(self.run, key, value)


def file_summary(f: FileResult) -> dict[str, Any]:
    return {
        "source": f.source,
        "name": f.name,
        "sha256": f.sha256,
        "status": f.status.value,
        "error": f.error,
        "created": f.created,
        "updated": f.updated,
        "unchanged": f.unchanged,
        "skipped": f.skipped,
        "warnings": f.warnings,
        "notes": f.notes,
    }


# Runs recorded before runs knew their process are taken as dead after this long.
LEGACY_RUN_TIMEOUT = datetime.timedelta(hours=24)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def mark_stale_runs() -> int:
    """Mark runs whose process died (killed, machine restarted) as interrupted.

    Only runs of this host can be checked; a run on another machine stays as
    it is until that machine's next import looks at it.
    """
    running = ImportRun.objects.filter(status=ImportRun.Status.RUNNING)
    host = socket.gethostname()[:255]
    dead = [
        run.pk
        for run in running.filter(host=host, pid__isnull=False).only("pk", "pid")
        if run.pid != os.getpid() and not _alive(run.pid)
    ]
    legacy = running.filter(
        pid__isnull=True, started_at__lt=timezone.now() - LEGACY_RUN_TIMEOUT
    ).values_list("pk", flat=True)
    stale = dead + list(legacy)
    if not stale:
        return 0
    return ImportRun.objects.filter(pk__in=stale, status=ImportRun.Status.RUNNING).update(
        status=ImportRun.Status.INTERRUPTED, finished_at=timezone.now()
    )
