"""What an import was asked to do and what it did: typed, JSON-ready results."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


class FileStatus(StrEnum):
    IMPORTED = "imported"  # parsed and loaded (created, updated or skipped articles)
    UNCHANGED = "unchanged"  # same bytes as last time: nothing parsed or written
    FAILED = "failed"  # rolled back; error says why


@dataclass
class ImportOptions:
    """What the operator asked for; the same for every file of a run."""

    edition_date: datetime.date | None = None
    page: int | None = None
    page_name: str = ""
    section: str | None = None
    publish: bool = False
    user: AbstractBaseUser | None = None
    operator: str = ""
    #: Files larger than this are refused; None: settings.IMPORT_MAX_FILE_BYTES.
    max_file_bytes: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "edition_date": self.edition_date.isoformat() if self.edition_date else None,
            "page": self.page,
            "page_name": self.page_name or None,
            "section": self.section,
            "publish": self.publish,
        }


@dataclass
class ArticleResult:
    position: int
    outcome: Outcome
    page_id: int | None = None
    title: str = ""
    warnings: int = 0
    # Why a publishing import left this article a draft (publish_gate codes).
    held: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    source: str  # the path as the operator gave it
    name: str  # base name, shown and recorded (identity is the content)
    sha256: str = ""
    status: FileStatus = FileStatus.IMPORTED
    error: str | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    parser_warnings: int = 0
    notes: list[str] = field(default_factory=list)  # the loader's own warnings
    articles: list[ArticleResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status == FileStatus.FAILED

    @property
    def warnings(self) -> int:
        return self.parser_warnings + len(self.notes)

    def count(self, result: ArticleResult) -> None:
        self.articles.append(result)
        setattr(self, result.outcome.value, getattr(self, result.outcome.value) + 1)
        self.parser_warnings += result.warnings

    def reset_counts(self) -> None:
        self.created = self.updated = self.unchanged = self.skipped = 0
        self.parser_warnings = 0
        self.notes = []
        self.articles = []

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["warnings"] = self.warnings
        data["seconds"] = round(self.seconds, 3)
        data["articles"] = [
            {**asdict(a), "outcome": a.outcome.value} for a in self.articles
        ]
        return data


@dataclass
class RunResult:
    run_id: int | None = None
    files: list[FileResult] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    def totals(self) -> dict[str, int]:
        """The article counts a summary and the run record both show, in their order."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "errors": len(self.failed),
        }

    def _sum(self, attr: str) -> int:
        return sum(getattr(f, attr) for f in self.files)

    @property
    def created(self) -> int:
        return self._sum("created")

    @property
    def updated(self) -> int:
        return self._sum("updated")

    @property
    def unchanged(self) -> int:
        return self._sum("unchanged")

    @property
    def skipped(self) -> int:
        return self._sum("skipped")

    @property
    def warnings(self) -> int:
        return self._sum("warnings")

    @property
    def held(self) -> list[ArticleResult]:
        """Articles a publishing import left as drafts, in file order."""
        return [a for f in self.files for a in f.articles if a.held]

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.failed]

    @property
    def articles(self) -> int:
        return self.created + self.updated + self.unchanged + self.skipped

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted
