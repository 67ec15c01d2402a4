"""Parsed pages → Wagtail ArticlePages, one file per transaction.

The Importer runs the pipeline for each file: read the bytes, ask the ledger
whether they are new, parse them (with the parser it is given), plan what to
do per article (importers.plan, pure), fill the pages (importers.filling)
and hand them to a page writer (importers.writers). The run record
(importers.runs) follows along. The management command is a thin shell
around it; tests and the benchmark drive it directly.

Identity of an imported article is (file base name, position in the file),
kept in the ImportedArticle ledger whose unique constraint the database
enforces. A file whose SHA-256 matches every ledger row is "unchanged" and is
neither parsed nor loaded: one query decides it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from articles.models import ArticlePage, Author, PrintPage
from importers.parsing import ParsedFile, ParseHints, parse_bytes

from .authors import AuthorDirectory
from .content import headline_or_provisional, slug_base
from .failures import describe_failure
from .filenames import EditionHint, edition_from_filename
from .filling import Provenance, fill_page
from .models import ImportedArticle, ImportRun
from .placement import Placement
from .plan import (
    Action,
    FilePlan,
    LedgerEntry,
    PageState,
    SkipReason,
    Step,
    file_is_unchanged,
    plan_file,
)
from .results import (
    ArticleResult,
    FileResult,
    FileStatus,
    ImportOptions,
    Outcome,
    RunResult,
)
from .retry import with_lock_retry
from .runs import RunRecord
from .signals import importing, index_once_while_importing
from .sources import readable_name
from .writers import PageWriter, writer_class

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

#: parse_bytes(data, source=name, hints=ParseHints(...)) -> ParsedFile
Parser = Callable[..., ParsedFile]


class FileFailed(Exception):
    """A file that cannot be imported; the message is shown to the operator."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Importer:
    """Imports files for one ImportRun. Not thread-safe: one per thread.

    `parser` turns a file's bytes into a ParsedFile (the real parser unless a
    test passes another); `writer` is a page writer class or its name
    (settings.IMPORTER_WRITER unless given).
    """

    max_attempts = 4

    def __init__(
        self,
        options: ImportOptions | None = None,
        *,
        parser: Parser = parse_bytes,
        writer: str | type[PageWriter] | None = None,
    ) -> None:
        self.options = options or ImportOptions()
        # Raises UnknownSection before anything is written.
        self.placement = Placement(self.options.section)
        self.parser = parser
        index_once_while_importing(ArticlePage)
        index_once_while_importing(Author)
        make_writer = writer if isinstance(writer, type) else writer_class(writer)
        self.writer: PageWriter = make_writer(user=self._user, publish=self.options.publish)
        self.record = RunRecord(self.options, self._user)
        self.result = RunResult()
        self._names_seen: dict[str, str] = {}

    @property
    def run(self) -> ImportRun | None:
        return self.record.run

    def begin(self, sources: list[str]) -> ImportRun:
        run = self.record.begin(sources)
        self.result.run_id = run.pk
        return run

    def finish(self, *, interrupted: bool = False) -> RunResult:
        self.result.interrupted = interrupted
        self.record.finish(self.result)
        return self.result

    # -- one file ---------------------------------------------------------

    def import_file(self, path: Path | str, source: str | None = None) -> FileResult:
        """Import one file in its own transaction; never raises for bad input."""
        path = Path(path)
        started = time.perf_counter()
        result = FileResult(source=source or str(path), name=readable_name(path.name))
        try:
            self._import_file(path, result)
        except FileFailed as exc:
            result.reset_counts()
            result.status, result.error = FileStatus.FAILED, str(exc)
        except Exception as exc:  # noqa: BLE001 - any failure is reported per file
            result.reset_counts()
            result.status = FileStatus.FAILED
            result.error = describe_failure(exc)
        result.seconds = time.perf_counter() - started
        self.result.files.append(result)
        self.record.progress(self.result)
        return result

    def _import_file(self, path: Path, result: FileResult) -> None:
        other = self._names_seen.setdefault(result.name, result.source)
        if other != result.source:
            raise FileFailed(
                _("与 %(other)s 同名：文件名是导入记录的标识，请改名后再导入") % {"other": other}
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise FileFailed(_("无法读取文件：%(reason)s") % {"reason": reason}) from exc
        result.sha256 = sha256 = sha256_of(data)

        # The fast path: one query, no parsing, no page loads.
        known = with_lock_retry(lambda: self._ledger_shas(result.name))
        if file_is_unchanged(known, sha256):
            result.status = FileStatus.UNCHANGED
            result.unchanged = len(known)
            return

        hint = self._edition_hint(result.name)
        parsed = self._parse(data, result.name, hint)
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

    @staticmethod
    def _ledger_shas(name: str) -> list[str]:
        return list(
            ImportedArticle.objects.filter(source_name=name).values_list("sha256", flat=True)
        )

    def _parse(self, data: bytes, name: str, hint: EditionHint) -> ParsedFile:
        try:
            parsed = self.parser(
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

    def _load(self, parsed: ParsedFile, result: FileResult, sha256: str, hint: EditionHint) -> None:
        name = result.name
        if connection.vendor == "postgresql":
            # Serialise imports of the same file name: the second waits, then
            # finds the first one's ledger rows instead of creating duplicates.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])
        rows = {
            row.position: row
            for row in ImportedArticle.objects.select_for_update().filter(source_name=name)
        }
        if file_is_unchanged((row.sha256 for row in rows.values()), sha256):
            result.status = FileStatus.UNCHANGED
            result.unchanged = len(rows)
            return
        pages = ArticlePage.objects.in_bulk([row.page_id for row in rows.values() if row.page_id])
        plan = plan_file(
            [article.position for article in parsed.articles],
            sha256,
            {pos: LedgerEntry(row.sha256, row.page_id) for pos, row in rows.items()},
            {
                pk: PageState(page.title, page.latest_revision_id != page.import_revision_id)
                for pk, page in pages.items()
            },
        )
        token = importing.set(True)
        try:
            with self.writer.writing():
                self._write(parsed, plan, result, sha256, hint, rows, pages)
        finally:
            importing.reset(token)
        for position in plan.gone:
            result.notes.append(
                _("#%(pos)d：新版文件中已没有这篇稿件，原页面保留") % {"pos": position}
            )

    def _write(
        self,
        parsed: ParsedFile,
        plan: FilePlan,
        result: FileResult,
        sha256: str,
        hint: EditionHint,
        rows: dict[int, ImportedArticle],
        pages: dict[int, ArticlePage],
    ) -> None:
        authors = AuthorDirectory()
        authors.create_missing(a for article in parsed.articles for a in article.authors)
        source = Provenance(result.name, sha256, self._print_page(hint), self.run)
        articles = {article.position: article for article in parsed.articles}
        new_pages: dict[int, list[str]] = {}
        parents: dict[int, int] = {}
        for position in plan.positions(Action.CREATE):
            article = articles[position]
            parents[position] = self.placement.section_id_for(article.column)
            new_pages.setdefault(parents[position], []).append(
                slug_base(headline_or_provisional(article), hint.edition_date)
            )
        self.writer.begin_file(new_pages)
        ledger_rows: list[ImportedArticle] = []
        for step in plan.steps:
            article = articles[step.position]
            if step.action == Action.CREATE:
                page = ArticlePage()
                links = fill_page(page, article, source, authors)
                self.writer.create(
                    page, parents[step.position], slug_base(page.title, hint.edition_date), links
                )
                ledger_rows.append(
                    ImportedArticle(
                        source_name=source.name,
                        position=step.position,
                        sha256=source.sha256,
                        page=page,
                        run=self.run,
                    )
                )
                outcome = self._done(step, Outcome.CREATED, page)
            elif step.action == Action.UPDATE:
                page = pages[step.page_id]
                links = fill_page(page, article, source, authors)
                # New content asks for a fresh review.
                page.reviewed_at = None
                page.reviewed_by = None
                self.writer.update(page, links)
                row = rows[step.position]
                row.sha256 = source.sha256
                row.run = self.run
                row.save(update_fields=["sha256", "run", "updated_at"])
                outcome = self._done(step, Outcome.UPDATED, page)
            elif step.action == Action.UNCHANGED:
                outcome = ArticleResult(step.position, Outcome.UNCHANGED, step.page_id)
            else:
                result.notes.append(_skip_note(step))
                outcome = ArticleResult(step.position, Outcome.SKIPPED, step.page_id, step.title)
            result.count(outcome)
        self.writer.finish_file(authors.created)
        ImportedArticle.objects.bulk_create(ledger_rows)

    @staticmethod
    def _done(step: Step, outcome: Outcome, page: ArticlePage) -> ArticleResult:
        return ArticleResult(step.position, outcome, page.pk, page.title, len(page.import_warnings))

    @staticmethod
    def _print_page(hint: EditionHint) -> PrintPage | None:
        if not (hint.edition_date and hint.page):
            return None
        page, _created = PrintPage.objects.get_or_create(
            edition_date=hint.edition_date, page_number=hint.page
        )
        return page

    @property
    def _user(self) -> AbstractBaseUser | None:
        user = self.options.user
        return user if getattr(user, "pk", None) else None


def _skip_note(step: Step) -> str:
    if step.reason == SkipReason.DELETED:
        return _("#%(pos)d：页面已被编辑删除，未重新创建") % {"pos": step.position}
    return _("#%(pos)d《%(title)s》：已被编辑，跳过更新（skipped, edited）") % {
        "pos": step.position,
        "title": step.title,
    }


__all__ = [
    "ArticleResult",
    "FileFailed",
    "FileResult",
    "FileStatus",
    "ImportOptions",
    "Importer",
    "Outcome",
    "RunResult",
    "sha256_of",
]
