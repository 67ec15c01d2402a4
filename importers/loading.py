"""Parsed pages → Wagtail ArticlePages, one file per transaction.

The Importer is the only place that writes imported content. The management
command is a thin shell around it; tests and the benchmark drive it directly.

Identity of an imported article is (file base name, position in the file),
kept in the ImportedArticle ledger whose unique constraint the database
enforces. A file whose SHA-256 matches every ledger row is "unchanged" and is
neither parsed nor loaded: one query decides it.
"""

from __future__ import annotations

import datetime
import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from articles.models import ArticleKind, ArticlePage, PrintPage

from .authors import AuthorDirectory
from .filenames import EditionHint, edition_from_filename
from .models import ImportedArticle, ImportRun
from .placement import Placement
from .signals import importing

if TYPE_CHECKING:
    from importers.parsing import Block, ParsedArticle, ParsedFile

T = TypeVar("T")
SLUG_BASE_MAX = 80
_KINDS = {choice.value for choice in ArticleKind}
# Field name → max length, so overlong parser output is cut (with a warning)
# instead of failing the whole file; the raw text keeps every character.
_CHAR_LIMITS = {
    name: ArticlePage._meta.get_field(name).max_length
    for name in ("title", "kicker", "subheadline", "byline", "dateline", "column_label")
}


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
    section: str | None = None
    publish: bool = False
    user: AbstractBaseUser | None = None
    operator: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "edition_date": self.edition_date.isoformat() if self.edition_date else None,
            "page": self.page,
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


@dataclass
class FileResult:
    source: str  # the path as the operator gave it
    name: str  # base name: the identity used in the ledger
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
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.failed]

    @property
    def articles(self) -> int:
        return self.created + self.updated + self.unchanged + self.skipped

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted


class FileFailed(Exception):
    """A file that cannot be imported; the message is shown to the operator."""


def with_lock_retry(fn: Callable[[], T], *, timeout: float = 30.0) -> T:
    """Run fn, retrying while SQLite reports the database as locked.

    PostgreSQL waits for row locks by itself (and breaks the rare deadlock by
    failing one side); SQLite gives up with "database is locked" (or, on a
    shared-cache test database, "table is locked") when another connection
    writes. Concurrent imports retry here instead of failing a file for
    contention; fn must be a whole transaction.
    """
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return fn()
        except OperationalError as exc:
            message = str(exc).lower()
            contention = "locked" in message or "deadlock" in message
            if not contention or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def body_stream(blocks: list[Block]) -> list[dict[str, Any]]:
    """StreamField raw data for parsed body blocks (stored as is, no conversion)."""
    stream: list[dict[str, Any]] = []
    for block in blocks:
        if block.type == "photo":
            value: Any = {
                "image": None,
                "caption": block.caption or "",
                "credit": (block.credit or "")[:255],
            }
        elif block.type == "quote":
            if not block.text:
                continue
            value = {"text": block.text, "attribution": (block.credit or "")[:255]}
        elif block.type == "heading":
            if not block.text:
                continue
            value = block.text
        else:
            # Unknown block types keep their text as a paragraph: nothing is dropped.
            if not block.text:
                continue
            value = block.text
        kind = block.type if block.type in {"photo", "quote", "heading"} else "paragraph"
        stream.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
    return stream


def provisional_title(article: ParsedArticle) -> str:
    for block in article.body:
        text = (block.text or block.caption or "").strip()
        if text:
            return text[:24] + ("…" if len(text) > 24 else "")
    return _("无标题稿件")


class Importer:
    """Imports files for one ImportRun. Not thread-safe: one per thread."""

    max_attempts = 4

    def __init__(self, options: ImportOptions | None = None) -> None:
        self.options = options or ImportOptions()
        # Raises UnknownSection before anything is written.
        self.placement = Placement(self.options.section)
        self.run: ImportRun | None = None
        self.result = RunResult()
        self._names_seen: dict[str, str] = {}
        self._parents: dict[int, Page] = {}

    # -- the run record ---------------------------------------------------

    def begin(self, sources: list[str]) -> ImportRun:
        self.run = with_lock_retry(
            lambda: ImportRun.objects.create(
                user=self._user,
                operator=self.options.operator[:150],
                options={**self.options.to_json(), "paths": sources},
                files_count=len(sources),
            )
        )
        self.result.run_id = self.run.pk
        return self.run

    def _save_run(self, status: str | None = None) -> None:
        if self.run is None:
            return
        r = self.result
        fields: dict[str, Any] = {
            "files": [self._file_summary(f) for f in r.files],
            "created": r.created,
            "updated": r.updated,
            "unchanged": r.unchanged,
            "skipped": r.skipped,
            "warnings": r.warnings,
            "errors": len(r.failed),
        }
        if status:
            fields["status"] = status
            fields["finished_at"] = timezone.now()
        # An UPDATE, not save(): the run row stays correct even if a later
        # file's transaction is rolled back or the process is killed.
        with_lock_retry(lambda: ImportRun.objects.filter(pk=self.run.pk).update(**fields))
        for key, value in fields.items():
            setattr(self.run, key, value)

    @staticmethod
    def _file_summary(f: FileResult) -> dict[str, Any]:
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

    def finish(self, *, interrupted: bool = False) -> RunResult:
        self.result.interrupted = interrupted
        failed = interrupted or bool(self.result.failed)
        self._save_run(ImportRun.Status.FAILED if failed else ImportRun.Status.FINISHED)
        return self.result

    # -- one file ---------------------------------------------------------

    def import_file(self, path: Path | str, source: str | None = None) -> FileResult:
        """Import one file in its own transaction; never raises for bad input."""
        path = Path(path)
        started = time.perf_counter()
        result = FileResult(source=source or str(path), name=path.name)
        try:
            self._import_file(path, result)
        except FileFailed as exc:
            result.reset_counts()
            result.status, result.error = FileStatus.FAILED, str(exc)
        except Exception as exc:  # noqa: BLE001 - any failure is reported per file
            result.reset_counts()
            result.status = FileStatus.FAILED
            result.error = f"{type(exc).__name__}: {exc}"
        result.seconds = time.perf_counter() - started
        self.result.files.append(result)
        self._save_run()
        return result

    def _import_file(self, path: Path, result: FileResult) -> None:
        other = self._names_seen.setdefault(result.name, result.source)
        if other != result.source:
            raise FileFailed(
                _("与 %(other)s 同名：文件名是导入记录的标识，请改名后再导入")
                % {"other": other}
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise FileFailed(_("无法读取文件：%(reason)s") % {"reason": reason}) from exc
        result.sha256 = sha256 = sha256_of(data)

        # The fast path: one query, no parsing, no page loads.
        known = with_lock_retry(lambda: self._ledger_shas(result.name))
        if known and all(s == sha256 for s in known):
            result.status = FileStatus.UNCHANGED
            result.unchanged = len(known)
            return

        parsed = self._parse(data, result.name)
        hint = self._edition_hint(result.name)
        conflicts = 0
        while True:
            try:
                with_lock_retry(lambda: self._load_atomic(parsed, result, sha256, hint))
                return
            except IntegrityError:
                # Another import of the same file (or of the same author or
                # print page) committed first; on a retry the ledger says
                # what exists now.
                conflicts += 1
                if conflicts >= self.max_attempts:
                    raise
                time.sleep(0.05 * conflicts)

    def _load_atomic(
        self, parsed: ParsedFile, result: FileResult, sha256: str, hint: EditionHint
    ) -> None:
        result.reset_counts()
        with transaction.atomic():
            self._load(parsed, result, sha256, hint)

    def _ledger_shas(self, name: str) -> list[str]:
        return list(
            ImportedArticle.objects.filter(source_name=name).values_list("sha256", flat=True)
        )

    def _parse(self, data: bytes, name: str) -> ParsedFile:
        from importers.parsing import ParseHints, parse_bytes

        hint = self._edition_hint(name)
        try:
            parsed = parse_bytes(
                data,
                source=name,
                hints=ParseHints(edition_date=hint.edition_date, page=hint.page),
            )
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
            reason = f"{type(exc).__name__}: {exc}"
            raise FileFailed(_("解析失败：%(reason)s") % {"reason": reason}) from exc
        if parsed.error:
            raise FileFailed(parsed.error)
        if not parsed.articles:
            raise FileFailed(_("文件中没有找到稿件"))
        return parsed

    def _edition_hint(self, name: str) -> EditionHint:
        from_name = edition_from_filename(name)
        return EditionHint(
            self.options.edition_date or from_name.edition_date,
            self.options.page or from_name.page,
        )

    # -- inside the file's transaction -----------------------------------

    def _load(
        self, parsed: ParsedFile, result: FileResult, sha256: str, hint: EditionHint
    ) -> None:
        name = result.name
        if connection.vendor == "postgresql":
            # Serialise imports of the same file name: the second waits, then
            # finds the first one's ledger rows instead of creating duplicates.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])
        ledger = {
            row.position: row
            for row in ImportedArticle.objects.select_for_update().filter(source_name=name)
        }
        if ledger and all(row.sha256 == sha256 for row in ledger.values()):
            result.status = FileStatus.UNCHANGED
            result.unchanged = len(ledger)
            return
        pages = ArticlePage.objects.in_bulk(
            [row.page_id for row in ledger.values() if row.page_id]
        )
        authors = AuthorDirectory()
        authors.create_missing(a for article in parsed.articles for a in article.authors)
        print_page = self._print_page(hint)
        self._parents = {}
        token = importing.set(True)
        try:
            for article in parsed.articles:
                row = ledger.get(article.position)
                if row is None:
                    outcome = self._create(article, name, sha256, hint, print_page, authors)
                elif row.sha256 == sha256:
                    outcome = ArticleResult(article.position, Outcome.UNCHANGED, row.page_id)
                elif row.page_id is None or row.page_id not in pages:
                    result.notes.append(
                        _("#%(pos)d：页面已被编辑删除，未重新创建") % {"pos": article.position}
                    )
                    outcome = ArticleResult(article.position, Outcome.SKIPPED)
                else:
                    page = pages[row.page_id]
                    if page.latest_revision_id != page.import_revision_id:
                        result.notes.append(
                            _("#%(pos)d《%(title)s》：已被编辑，跳过更新（skipped, edited）")
                            % {"pos": article.position, "title": page.title}
                        )
                        outcome = ArticleResult(
                            article.position, Outcome.SKIPPED, page.pk, page.title
                        )
                    else:
                        outcome = self._update(page, article, name, sha256, print_page, authors)
                        row.sha256 = sha256
                        row.run = self.run
                        row.save(update_fields=["sha256", "run", "updated_at"])
                result.count(outcome)
        finally:
            importing.reset(token)
        gone = sorted(set(ledger) - {a.position for a in parsed.articles})
        for position in gone:
            result.notes.append(
                _("#%(pos)d：新版文件中已没有这篇稿件，原页面保留") % {"pos": position}
            )

    def _parent(self, section_id: int) -> Page:
        # Cached for one file only; treebeard re-reads and locks the parent
        # row itself when adding a child, so tree counters never go stale.
        parent = self._parents.get(section_id)
        if parent is None:
            parent = self._parents[section_id] = Page.objects.get(pk=section_id)
        return parent

    def _print_page(self, hint: EditionHint) -> PrintPage | None:
        if not (hint.edition_date and hint.page):
            return None
        page, _created = PrintPage.objects.get_or_create(
            edition_date=hint.edition_date, page_number=hint.page
        )
        return page

    def _fill(
        self,
        page: ArticlePage,
        article: ParsedArticle,
        name: str,
        sha256: str,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> None:
        """Copy every parsed part into its own field, plus provenance."""
        warnings = list(article.warnings)
        values = {
            "title": article.headline.strip() or provisional_title(article),
            "kicker": article.kicker,
            "subheadline": article.subheadline,
            "byline": article.byline,
            "dateline": article.dateline,
            "column_label": article.column,
        }
        for field_name, value in values.items():
            value = (value or "").strip()
            limit = _CHAR_LIMITS[field_name]
            if len(value) > limit:
                warnings.append(
                    _("%(field)s 超过 %(limit)d 字，已截断；全文见原始文本")
                    % {"field": field_name, "limit": limit}
                )
                value = value[: limit - 1] + "…"
            setattr(page, field_name, value)
        page.reader_prompt = article.reader_prompt or ""
        if article.kind in _KINDS:
            page.kind = article.kind
        else:
            page.kind = ArticleKind.FRAGMENT
            warnings.append(_("未知稿件类型 %(kind)s") % {"kind": article.kind})
        page.body = body_stream(article.body)
        page.continued_from_page = article.continued_from_page
        if print_page is not None:
            page.print_page = print_page
        page.article_authors = authors.links(article.authors)
        page.source_name = name
        page.source_sha256 = sha256
        page.source_position = article.position
        page.source_text = article.raw_text or ""
        page.import_warnings = warnings
        page.import_run = self.run
        page.headline_is_provisional = bool(
            article.headline_is_provisional or not article.headline.strip()
        )

    def _create(
        self,
        article: ParsedArticle,
        name: str,
        sha256: str,
        hint: EditionHint,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        parent = self._parent(self.placement.section_id_for(article.column))
        page = ArticlePage(live=False, has_unpublished_changes=True, owner=self._user)
        self._fill(page, article, name, sha256, print_page, authors)
        page.slug = unique_slug(parent, page.title, hint.edition_date)
        parent.add_child(instance=page)
        self._save_revision(page)
        ImportedArticle.objects.create(
            source_name=name, position=article.position, sha256=sha256, page=page, run=self.run
        )
        return ArticleResult(
            article.position, Outcome.CREATED, page.pk, page.title, len(page.import_warnings)
        )

    def _update(
        self,
        page: ArticlePage,
        article: ParsedArticle,
        name: str,
        sha256: str,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        self._fill(page, article, name, sha256, print_page, authors)
        # New content asks for a fresh review.
        page.reviewed_at = None
        page.reviewed_by = None
        if not page.live:
            # A draft's row is what listings and the search index read: keep
            # it in step with the revision. A live row keeps the live content.
            page.save(clean=False)
        self._save_revision(page)
        return ArticleResult(
            article.position, Outcome.UPDATED, page.pk, page.title, len(page.import_warnings)
        )

    @property
    def _user(self) -> AbstractBaseUser | None:
        user = self.options.user
        return user if getattr(user, "pk", None) else None

    def _save_revision(self, page: ArticlePage) -> None:
        revision = page.save_revision(user=self._user, clean=False, log_action=True)
        # The revision must carry its own id as import_revision_id: publishing
        # copies revision content onto the page row, and an editor's later
        # revision then differs from it, which is how edits are detected.
        revision.content["import_revision_id"] = revision.pk
        revision.save(update_fields=["content"])
        ArticlePage.objects.filter(pk=page.pk).update(import_revision_id=revision.pk)
        page.import_revision_id = revision.pk
        if self.options.publish:
            # The operator chose --publish on the server; page permissions are
            # for admin users, and the --user account is only recorded.
            revision.publish(user=self._user, log_action=True, skip_permission_checks=True)


def unique_slug(parent: Page, title: str, edition_date: datetime.date | None) -> str:
    """A readable slug, unique among the parent's children."""
    base = slugify(title, allow_unicode=True)[:SLUG_BASE_MAX].strip("-") or "article"
    if edition_date:
        base = f"{edition_date:%Y-%m-%d}-{base}"
    taken = set(
        Page.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1, slug__startswith=base
        ).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


__all__ = [
    "ArticleResult",
    "FileResult",
    "FileStatus",
    "ImportOptions",
    "Importer",
    "Outcome",
    "RunResult",
]
