"""The ImportRun row of one import: created first, progress written as files finish."""

from __future__ import annotations

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

    def begin(self, sources: list[str]) -> ImportRun:
        self.run = with_lock_retry(
            lambda: ImportRun.objects.create(
                user=self.user,
                operator=self.options.operator[:150],
                options={**self.options.to_json(), "paths": sources},
                files_count=len(sources),
            )
        )
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
        failed = result.interrupted or bool(result.failed)
        self._write(result, ImportRun.Status.FAILED if failed else ImportRun.Status.FINISHED)

    def _write(self, result: RunResult, status: str | None) -> None:
        if self.run is None:
            return
        self._saved_at = time.monotonic()
        fields: dict[str, Any] = {
            "files": [file_summary(f) for f in result.files],
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "warnings": result.warnings,
            "errors": len(result.failed),
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
