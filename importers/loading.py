"""Parsed pages → Wagtail ArticlePages, one file per transaction.

The Importer runs the pipeline for each file: read the bytes, ask the ledger
whether they are new, parse them (with the parser it is given), recognise
the articles and decide what to do with each (importers.ledger and
importers.decisions, pure), fill the pages (importers.filling) and hand them
to a page writer (importers.writers). The run record (importers.runs)
follows along. The management command is a thin shell around it; tests and
the benchmark drive it directly.

Identity of an imported article is its content within its edition and page
(importers/identity.py matches parsed articles to ImportedArticle ledger rows;
the database refuses two rows with the same text in one edition). The file's
name and an article's position are only recorded. A file whose bytes were
already imported from the same path is "unchanged" and is neither parsed nor
loaded: one query decides it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from articles.models import ArticleKind, ArticlePage, ArticlePageTag, Author, PrintPage
from articles.page_cache import BumpPacer, bumps_after_commit
from importers.parsing import ParsedFile, ParseHints

from . import memory
from .authors import AuthorDirectory
from .content import headline_or_provisional, slug_base
from .continuations import join_waiting_tails, mark_head, match_head
from .decisions import Action, Decision
from .edition_hints import (
    Edition,
    command_line_source,
    file_name_source,
    resolve_edition,
    text_source,
)
from .failures import describe_failure
from .filenames import EditionHint, edition_from_filename
from .filling import Provenance, fill_page
from .identity import content_sha256, identify_parsed
from .ledger import FileKey, already_imported, describe_decision, recognise
from .models import ImportedArticle, ImportRun
from .placement import Placement
from .print_pages import print_page_for
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
from .site_ready import ensure_ready_for_import
from .sources import readable_name
from .suggested_tags import TagDirectory, suggested_tag_names
from .writers import PageWriter, writer_class

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from importers.parsing import ParsedArticle

#: parse_bytes(data, source=name, hints=ParseHints(...)) -> ParsedFile
Parser = Callable[..., ParsedFile]


class FileFailed(Exception):
    """A file that cannot be imported; the message is shown to the operator."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Importer:
    """Imports files for one ImportRun. Not thread-safe: one per thread.

    `parser` turns a file's bytes into a ParsedFile (settings.IMPORTER_PARSER,
    the real parser, unless given); `writer` is a page writer class or its name
    (settings.IMPORTER_WRITER unless given).
    """

    max_attempts = 4

    def __init__(
        self,
        options: ImportOptions | None = None,
        *,
        parser: Parser | None = None,
        writer: str | type[PageWriter] | None = None,
    ) -> None:
        self.options = options or ImportOptions()
        # A freshly migrated database gets its page tree here (SiteNotReady if it cannot).
        self.site_created = ensure_ready_for_import()
        # Raises UnknownSection before anything is written.
        self.placement = Placement(self.options.section)
        self.parser = parser or import_string(settings.IMPORTER_PARSER)
        index_once_while_importing(ArticlePage)
        index_once_while_importing(Author)
        make_writer = writer if isinstance(writer, type) else writer_class(writer)
        self.writer: PageWriter = make_writer(user=self._user, publish=self.options.publish)
        self.record = RunRecord(self.options, self._user)
        self.result = RunResult()
        # The site's lists follow the import at most this far behind (see BumpPacer).
        self.bumps = BumpPacer(settings.IMPORT_CACHE_BUMP_SECONDS)

    @property
    def run(self) -> ImportRun | None:
        return self.record.run

    def begin(self, sources: list[str]) -> ImportRun:
        run = self.record.begin(sources)
        self.result.run_id = run.pk
        memory.start_run()
        return run

    def join(self, run_id: int) -> ImportRun:
        """Import into a run begun by another process (see importers.parallel)."""
        run = self.record.join(run_id)
        self.result.run_id = run.pk
        memory.start_run()
        return run

    def add_result(self, result: FileResult) -> None:
        """Count a file another process imported into this run."""
        self.result.files.append(result)
        self.record.progress(self.result)

    def finish(self, *, interrupted: bool = False) -> RunResult:
        self.bumps.flush()
        memory.end_run()
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
        memory.release_file()
        return result

    def _refuse_if_too_large(self, path: Path, name: str) -> None:
        """A file is held in memory several times over while parsed and
        written: one above the limit is refused before it is read."""
        limit = self.options.max_file_bytes
        if limit is None:
            limit = settings.IMPORT_MAX_FILE_BYTES
        size = path.stat().st_size
        if limit and size > limit:
            raise FileFailed(
                _(
                    "文件 %(name)s 有 %(size)s 字节，超过上限 %(limit)s 字节"
                    "（设置 IMPORT_MAX_FILE_BYTES，或用 --max-file-bytes 调整）"
                )
                % {"name": name, "size": f"{size:,}", "limit": f"{limit:,}"}
            )

    def _import_file(self, path: Path, result: FileResult) -> None:
        try:
            self._refuse_if_too_large(path, result.name)
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise FileFailed(_("无法读取文件：%(reason)s") % {"reason": reason}) from exc
        result.sha256 = sha256 = sha256_of(data)
        hint = self._edition_hint(result.name)
        # The path is recorded (and compared) as stored: readable, and cut to the column.
        where = readable_name(os.path.abspath(path))[:1024]
        self._key = FileKey(result.name, where, sha256, hint.edition_date, hint.page)

        # The fast path: one query, no parsing, no page loads.
        known = with_lock_retry(lambda: already_imported(self._key))
        if known:
            result.status = FileStatus.UNCHANGED
            result.unchanged = known
            return

        parsed = self._parse(data, result.name)
        del data  # a large file's bytes need not stay alive while its articles are written
        # The text may state the edition too: the articles' place is the
        # resolved edition (command line > file name > text).
        hint = self._edition(result.name, parsed)
        self._key = FileKey(result.name, where, sha256, hint.date, hint.page)
        conflicts = 0
        while True:
            try:
                with_lock_retry(lambda: self._load_atomic(parsed, result, sha256, hint))
                # Disagreeing edition hints: on the import report (notes are
                # reset by each attempt, so added once it succeeded).
                result.notes.extend(hint.warnings)
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
        self, parsed: ParsedFile, result: FileResult, sha256: str, hint: Edition
    ) -> None:
        result.reset_counts()
        # One bump of each cache version per file, once the file is committed (paced).
        with transaction.atomic(), bumps_after_commit(self.bumps):
            self._load(parsed, result, sha256, hint)

    def _parse(self, data: bytes, name: str) -> ParsedFile:
        hint = self._edition_hint(name)
        try:
            parsed = self.parser(
                data,
                source=name,
                hints=ParseHints(edition_date=hint.edition_date, page=hint.page),
            )
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
            reason = f"{type(exc).__name__}: {exc}"
            raise FileFailed(
                _("解析器无法处理这个文件（%(reason)s），文件没有写入。请把文件交给技术人员。")
                % {"reason": reason}
            ) from exc
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

    def _edition(self, name: str, parsed: ParsedFile) -> Edition:
        """Command line, then file name, then the text (see edition_hints)."""
        from_name = edition_from_filename(name)
        edition = resolve_edition(
            command_line_source(
                self.options.edition_date, self.options.page, self.options.page_name
            ),
            file_name_source(from_name.edition_date, from_name.page),
            text_source(parsed.edition),
        )
        for article in parsed.articles:
            # Each article's editor sees the disagreement too.
            article.warnings.extend(edition.warnings)
        return edition

    # -- inside the file's transaction -----------------------------------

    def _load(
        self, parsed: ParsedFile, result: FileResult, sha256: str, hint: Edition
    ) -> None:
        key = self._key
        if connection.vendor == "postgresql":
            # Serialise imports of one edition page (or of one undated file):
            # the second waits, then finds the first one's ledger rows instead
            # of creating duplicates. The unique constraint catches the rest.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(hashtext(%s))", [key.edition_key or key.path]
                )
        known = already_imported(key)
        if known:
            result.status = FileStatus.UNCHANGED
            result.unchanged = known
            return
        # What each parsed article is in the ledger, and what to do with it.
        known_by = recognise(key, parsed.articles)
        token = importing.set(True)
        try:
            with self.writer.writing():
                authors = AuthorDirectory()
                # Like authors: Tags made inside a file rolled back are not reused.
                self._tags = TagDirectory()
                authors.create_missing(a for article in parsed.articles for a in article.authors)
                self._load_articles(
                    parsed, result, sha256, hint, known_by.rows, known_by.plan, known_by.pages,
                    authors,
                )
        finally:
            importing.reset(token)
        for row in known_by.gone:
            result.notes.append(
                _("#%(pos)d：新版文件中已没有这篇稿件，原页面保留") % {"pos": row.position}
            )
            # Looked for in these bytes: the fast path may skip them next time.
            row.sha256 = sha256
            row.save(update_fields=["sha256", "updated_at"])

    def _load_articles(
        self,
        parsed: ParsedFile,
        result: FileResult,
        sha256: str,
        hint: Edition,
        ledger: dict[int, ImportedArticle],
        plan: list[Decision],
        pages: dict[int, ArticlePage],
        authors: AuthorDirectory,
    ) -> None:
        source = Provenance(result.name, sha256, self._print_page(hint), self.run)
        new_pages: dict[int, list[str]] = {}
        for article, decision in zip(parsed.articles, plan, strict=True):
            if decision.action == Action.CREATE:
                new_pages.setdefault(self.placement.section_id_for(article.column), []).append(
                    slug_base(headline_or_provisional(article), hint.edition_date)
                )
        self.writer.begin_file(new_pages)
        self._heads: list[ArticlePage] = []
        ledger_rows: list[ImportedArticle] = []
        for article, decision in zip(parsed.articles, plan, strict=True):
            match = decision.match
            pos, title = article.position, headline_or_provisional(article)
            if decision.action == Action.DUPLICATE:
                result.notes.append(
                    _(
                        "#%(pos)d《%(title)s》：与本文件 #%(other)d 内容相同，"
                        "只保留一个页面（duplicate）"
                    )
                    % {
                        "pos": pos,
                        "title": title,
                        "other": parsed.articles[match.same_as].position,
                    }
                )
                outcome = ArticleResult(pos, Outcome.UNCHANGED)
            elif decision.action == Action.CREATE:
                if decision.reason == "ambiguous":
                    result.notes.append(
                        _(
                            "#%(pos)d《%(title)s》：与已导入的 %(count)d 篇稿件都相近，"
                            "无法确定是哪一篇，已新建草稿（ambiguous）"
                        )
                        % {"pos": pos, "title": title, "count": len(match.rivals)}
                    )
                outcome = self._create(article, source, hint, authors, ledger_rows)
            else:
                outcome = self._load_known(
                    article, decision, ledger[match.candidate], pages, result, source, authors
                )
            result.count(outcome)
        self.writer.finish_file(authors.created)
        ImportedArticle.objects.bulk_create(ledger_rows)
        self._join_waiting_tails()

    def _load_known(
        self,
        article: ParsedArticle,
        decision: Decision,
        row: ImportedArticle,
        pages: dict[int, ArticlePage],
        result: FileResult,
        source: Provenance,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        """An article the ledger knows: unchanged, skipped (editor's page) or updated."""
        key, pos = self._key, article.position
        if decision.elsewhere:
            result.notes.append(
                _(
                    "#%(pos)d：与 %(other)s #%(other_pos)d 内容相同，"
                    "是同一篇稿件、同一页面（duplicate）"
                )
                % {"pos": pos, "other": row.source_name, "other_pos": row.position}
            )
        page = pages.get(row.page_id) if row.page_id else None
        if decision.action == Action.SKIP and page is None:
            result.notes.append(_("#%(pos)d：页面已被编辑删除，未重新创建") % {"pos": pos})
            outcome = ArticleResult(pos, Outcome.SKIPPED)
        elif decision.action == Action.SKIP:
            result.notes.append(
                _("#%(pos)d《%(title)s》：%(why)s，跳过更新（skipped, %(reason)s）")
                % {
                    "pos": pos,
                    "title": page.title,
                    "why": describe_decision(decision.reason),
                    "reason": decision.reason,
                }
            )
            outcome = ArticleResult(pos, Outcome.SKIPPED, page.pk, page.title)
        elif decision.action == Action.UNCHANGED:
            outcome = ArticleResult(pos, Outcome.UNCHANGED, page.pk, page.title)
        else:
            outcome = self._update(page, article, source, authors)
            row.content_sha256 = decision.content_sha256
        if decision.records_entry:
            row.fingerprint = decision.identity.fingerprint
            row.signature = decision.identity.signature
            row.source_name, row.source_path, row.position = key.name, key.path, pos
            row.sha256, row.run = key.sha256, self.run
            row.save()
        return outcome

    def _place_continuation(self, page: ArticlePage) -> None:
        """A tail (上接第N版) is joined to its head when exactly one fits;
        otherwise it carries a warning and waits for an editor (or its head)."""
        if page.kind != ArticleKind.CONTINUATION or page.continues_id:
            return
        head, warning = match_head(page)
        if head is not None:
            page.continues = head
            mark_head(head, page.print_page.page_number)
        elif warning:
            page.import_warnings = [*page.import_warnings, warning]

    def _join_waiting_tails(self) -> None:
        """Heads written in this file join tails imported before them (their
        revisions exist only now, after finish_file); with --publish a tail the
        gate now lets through goes live as part of its head."""
        for head in self._heads:
            for tail in join_waiting_tails(head, self._user):
                if self.writer.publish and tail.latest_revision is not None:
                    if not self.writer.publish_unless_held(tail, tail.latest_revision):
                        self._no_longer_held(tail.pk)

    def _no_longer_held(self, page_id: int) -> None:
        """A tail this run held went live with its head: the summary says so."""
        for file_result in self.result.files:
            for article in file_result.articles:
                if article.page_id == page_id:
                    article.held = []

    def _note_head(self, page: ArticlePage) -> None:
        if page.kind not in (ArticleKind.CONTINUATION, ArticleKind.FRAGMENT):
            self._heads.append(page)

    def _print_page(self, hint: Edition) -> PrintPage | None:
        return print_page_for(hint)

    def _create(
        self,
        article: ParsedArticle,
        source: Provenance,
        hint: Edition,
        authors: AuthorDirectory,
        ledger_rows: list[ImportedArticle],
    ) -> ArticleResult:
        page = ArticlePage()
        links = fill_page(page, article, source, authors)
        # Held in memory: the writer saves them with the page and its revision.
        page.tagged_items = [
            ArticlePageTag(tag=tag) for tag in self._tags.tags(suggested_tag_names(page))
        ]
        self._place_continuation(page)
        held = self.writer.create(
            page,
            self.placement.section_id_for(article.column),
            slug_base(page.title, hint.edition_date),
            links,
        )
        self._note_head(page)
        identity = identify_parsed(article)
        ledger_rows.append(
            ImportedArticle(
                source_name=source.name,
                source_path=self._key.path,
                position=article.position,
                sha256=source.sha256,
                fingerprint=identity.fingerprint,
                signature=identity.signature,
                content_sha256=content_sha256(article),
                edition_date=self._key.edition_date,
                page_number=self._key.page_number,
                edition_key=self._key.edition_key,
                page=page,
                run=self.run,
            )
        )
        return ArticleResult(
            article.position, Outcome.CREATED, page.pk, page.title, len(page.import_warnings),
            held=held,
        )

    def _update(
        self,
        page: ArticlePage,
        article: ParsedArticle,
        source: Provenance,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        links = fill_page(page, article, source, authors)
        # New content asks for a fresh review.
        page.reviewed_at = None
        page.reviewed_by = None
        self._place_continuation(page)
        held = self.writer.update(page, links)
        self._note_head(page)
        return ArticleResult(
            article.position, Outcome.UPDATED, page.pk, page.title, len(page.import_warnings),
            held=held,
        )

    @property
    def _user(self) -> AbstractBaseUser | None:
        user = self.options.user
        return user if getattr(user, "pk", None) else None


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
