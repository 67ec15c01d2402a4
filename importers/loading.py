"""Parsed pages → Wagtail ArticlePages, one file per transaction.

The Importer is the only place that writes imported content. The management
command is a thin shell around it; tests and the benchmark drive it directly.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.models import (
    ArticleAuthor,
    ArticleKind,
    ArticlePage,
    ArticlePageTag,
    Author,
    PrintPage,
)

from .authors import AuthorDirectory
from .content import (
    CHAR_LIMITS,
    KINDS,
    body_stream,
    headline_or_provisional,
    slug_base,
)
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
from .identity import content_sha256, identify_parsed
from .ledger import FileKey, already_imported, describe_decision, recognise
from .models import ImportedArticle, ImportRun
from .pagetree import ParentSlot, reference_rows, reserve_revision_ids
from .placement import Placement
from .print_pages import print_page_for
from .publish_gate import page_hold_reasons
from .results import (
    ArticleResult,
    FileResult,
    FileStatus,
    ImportOptions,
    Outcome,
    RunResult,
)
from .retry import with_lock_retry
from .signals import importing, index_once_while_importing
from .site_ready import ensure_ready_for_import
from .sources import readable_name
from .suggested_tags import TagDirectory, suggested_tag_names

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from importers.parsing import ParsedArticle, ParsedFile


class FileFailed(Exception):
    """A file that cannot be imported; the message is shown to the operator."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Importer:
    """Imports files for one ImportRun. Not thread-safe: one per thread."""

    max_attempts = 4
    run_save_interval = 1.0  # seconds between progress writes to the ImportRun row

    def __init__(self, options: ImportOptions | None = None) -> None:
        self.options = options or ImportOptions()
        # A freshly migrated database gets its page tree here (SiteNotReady if it cannot).
        self.site_created = ensure_ready_for_import()
        # Raises UnknownSection before anything is written.
        self.placement = Placement(self.options.section)
        index_once_while_importing(ArticlePage)
        index_once_while_importing(Author)
        # Built once: constructing the backends costs more than a small file.
        self._search_backends = list(get_search_backends(with_auto_update=True))
        self.run: ImportRun | None = None
        self.result = RunResult()
        self._parents: dict[int, ParentSlot] = {}
        self._run_saved_at = 0.0

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
        now = time.monotonic()
        if status is None and now - self._run_saved_at < self.run_save_interval:
            # Progress is written at most once a second: rewriting the
            # whole file list after every small file would cost more than
            # importing it.
            return
        self._run_saved_at = now
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
        self._save_run()
        return result

    def _import_file(self, path: Path, result: FileResult) -> None:
        try:
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
        with transaction.atomic():
            self._load(parsed, result, sha256, hint)

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
        self._parents = {}
        self._touched: list[ArticlePage] = []
        self._revision_ids: list[int] = []
        self._revision_rows: list[Revision] = []
        self._created_ids: set[int] = set()
        self._ledger_rows: list[ImportedArticle] = []
        self._log_rows: list[PageLogEntry] = []
        self._tag_rows: list[ArticlePageTag] = []
        self._tags = TagDirectory()
        token = importing.set(True)
        try:
            with disable_reference_index_auto_update():
                authors = AuthorDirectory()
                authors.create_missing(a for article in parsed.articles for a in article.authors)
                self._load_articles(
                    parsed, result, sha256, hint, known_by.rows, known_by.plan, known_by.pages,
                    authors,
                )
                self._flush(authors.created)
        finally:
            importing.reset(token)
        for row in known_by.gone:
            result.notes.append(
                _("#%(pos)d：新版文件中已没有这篇稿件，原页面保留") % {"pos": row.position}
            )
            # Looked for in these bytes: the fast path may skip them next time.
            row.sha256 = sha256
            row.save(update_fields=["sha256", "updated_at"])

    def _flush(self, new_authors: list[Author]) -> None:
        """Per-file writes done once: ledger, tree counters, history, indexes."""
        if self._revision_rows:
            # An expression in the rows keeps Django from PostgreSQL's UNNEST
            # form, which would escape every (large) revision JSON through a
            # text array on the client; plain multi-row VALUES is much cheaper.
            for revision in self._revision_rows:
                revision.object_str = Value(revision.object_str)
            Revision.objects.bulk_create(self._revision_rows)
            for revision in self._revision_rows:
                revision.object_str = revision.object_str.value
        ImportedArticle.objects.bulk_create(self._ledger_rows)
        for slot in self._parents.values():
            if slot.added:
                Page.objects.filter(pk=slot.page.pk).update(numchild=F("numchild") + slot.added)
        PageLogEntry.objects.bulk_create(self._log_rows)
        ArticlePageTag.objects.bulk_create(self._tag_rows)
        backends = self._search_backends
        if new_authors:
            for backend in backends:
                backend.add_bulk(Author, new_authors)
        if not self._touched:
            return
        if self.options.publish or any(page.live for page in self._touched):
            # The rows now hold the published content and live flags that the
            # indexes must describe; the instances may not.
            self._touched = list(
                ArticlePage.objects.filter(pk__in=[p.pk for p in self._touched])
            )
        new_rows: list[ReferenceIndex] = []
        for page in self._touched:
            if page.pk in self._created_ids:
                new_rows.extend(reference_rows(page))
            else:
                ReferenceIndex.create_or_update_for_object(page)
        ReferenceIndex.objects.bulk_create(
            new_rows, ignore_conflicts=connection.features.supports_ignore_conflicts
        )
        # The search index is written here, synchronously and in this
        # transaction: once per file rather than on each of a page's saves.
        for backend in backends:
            backend.add_bulk(ArticlePage, self._touched)

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
        print_page = self._print_page(hint)
        name = result.name
        creating = [
            article
            for article, decision in zip(parsed.articles, plan, strict=True)
            if decision.action == Action.CREATE
        ]
        # Parents are locked in id order (no deadlock between two imports),
        # then each one's possibly clashing slugs are read in one query.
        stems: dict[int, set[str]] = {}
        for article in creating:
            section_id = self.placement.section_id_for(article.column)
            stems.setdefault(section_id, set()).add(
                slug_base(headline_or_provisional(article), hint.edition_date)
            )
        for section_id in sorted(stems):
            self._parent(section_id).load_slugs(stems[section_id])
        new_count = len(creating)
        if new_count and connection.vendor == "postgresql" and not self.options.publish:
            # One query reserves every new page's first revision id; the
            # revisions are then inserted together (publishing needs each
            # revision stored first, so --publish takes the plain path).
            self._revision_ids = reserve_revision_ids(new_count)[::-1]
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
                outcome = self._create(article, name, sha256, hint, print_page, authors)
            else:
                outcome = self._load_known(
                    article, decision, ledger[match.candidate], pages, result, print_page, authors
                )
            result.count(outcome)

    def _load_known(
        self,
        article: ParsedArticle,
        decision: Decision,
        row: ImportedArticle,
        pages: dict[int, ArticlePage],
        result: FileResult,
        print_page: PrintPage | None,
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
            outcome = self._update(page, article, key.name, key.sha256, print_page, authors)
            row.content_sha256 = decision.content_sha256
        if decision.records_entry:
            row.fingerprint = decision.identity.fingerprint
            row.signature = decision.identity.signature
            row.source_name, row.source_path, row.position = key.name, key.path, pos
            row.sha256, row.run = key.sha256, self.run
            row.save()
        return outcome

    def _parent(self, section_id: int) -> ParentSlot:
        slot = self._parents.get(section_id)
        if slot is None:
            # The lock treebeard's add_child takes, held to the end of this
            # file's transaction: other writers under this section wait, so
            # child paths and sibling slugs chosen here cannot collide.
            slot = self._parents[section_id] = ParentSlot.lock(section_id)
        return slot

    def _print_page(self, hint: Edition) -> PrintPage | None:
        return print_page_for(hint)

    def _fill(
        self,
        page: ArticlePage,
        article: ParsedArticle,
        name: str,
        sha256: str,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> list[ArticleAuthor]:
        """Copy every parsed part into its own field, plus provenance.

        Returns the unsaved author links: new pages insert them in bulk,
        updates hand them to the page's child relation.
        """
        warnings = list(article.warnings)
        values = {
            "title": headline_or_provisional(article),
            "kicker": article.kicker,
            "subheadline": article.subheadline,
            "byline": article.byline,
            "dateline": article.dateline,
            "column_label": article.column,
        }
        for field_name, value in values.items():
            value = (value or "").strip()
            limit = CHAR_LIMITS[field_name]
            if len(value) > limit:
                warnings.append(
                    _("%(field)s 超过 %(limit)d 字，已截断；全文见原始文本")
                    % {"field": field_name, "limit": limit}
                )
                value = value[: limit - 1] + "…"
            setattr(page, field_name, value)
        page.reader_prompt = article.reader_prompt or ""
        if article.kind in KINDS:
            page.kind = article.kind
        else:
            page.kind = ArticleKind.FRAGMENT
            warnings.append(_("未知稿件类型 %(kind)s") % {"kind": article.kind})
        page.body = body_stream(article.body)
        page.continued_from_page = article.continued_from_page
        if print_page is not None:
            page.print_page = print_page
        links = authors.links(article.authors)
        page.source_name = name
        page.source_sha256 = sha256
        page.source_position = article.position
        page.source_text = article.raw_text or ""
        page.import_warnings = warnings
        page.import_run = self.run
        page.headline_is_provisional = bool(
            article.headline_is_provisional or not article.headline.strip()
        )
        return links

    def _create(
        self,
        article: ParsedArticle,
        name: str,
        sha256: str,
        hint: Edition,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        slot = self._parent(self.placement.section_id_for(article.column))
        parent = slot.page
        page = ArticlePage(live=False, has_unpublished_changes=True, owner=self._user)
        links = self._fill(page, article, name, sha256, print_page, authors)
        page.slug = slot.claim_slug(slug_base(page.title, hint.edition_date))
        # What treebeard's add_child does, minus its per-child parent re-read
        # and Page.full_clean (its checks are the slug, done just above, and
        # foreign keys this code set itself): the parent row is locked by
        # _parent() until commit, so the paths handed out here stay unique.
        page.depth = parent.depth + 1
        page.path = slot.take_path()
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page._cached_parent_obj = parent
        revision_id = self._revision_ids.pop() if self._revision_ids else None
        if revision_id is not None:
            # The first revision's id is known before the page is written, so
            # the page row points at it from the start (PostgreSQL checks the
            # foreign key at commit, when _flush() has inserted the revision).
            page.latest_revision_id = page.import_revision_id = revision_id
            page.latest_revision_created_at = timezone.now()
        # log_action=None: the "wagtail.create" entry is written in bulk by
        # _flush(), with the page's first revision attached.
        page.save(clean=False, log_action=None)
        for link in links:
            link.page = page
        ArticleAuthor.objects.bulk_create(links)
        # Child relations held in memory: serialising the revision and
        # indexing the page then read them without a query each.
        for relation in get_all_child_relations(page):
            setattr(page, relation.get_accessor_name(), [])
        page.article_authors = links
        # Suggested tags, in memory like the authors: the revision carries them.
        tag_rows = [
            ArticlePageTag(tag=tag, content_object=page)
            for tag in self._tags.tags(suggested_tag_names(page))
        ]
        page.tagged_items = tag_rows
        if revision_id is not None:
            revision = Revision(
                id=revision_id,
                content_object=page,
                base_content_type=page.get_base_content_type(),
                user=self._user,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=page.latest_revision_created_at,
            )
            self._revision_rows.append(revision)
        else:
            revision = self._first_revision(page)
        identity = identify_parsed(article)
        self._ledger_rows.append(
            ImportedArticle(
                source_name=name,
                source_path=self._key.path,
                position=article.position,
                sha256=sha256,
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
        self._log_rows.append(
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.get_admin_display_title(),
                action="wagtail.create",
                user=self._user,
                revision=revision,
                content_changed=True,
                timestamp=revision.created_at,
            )
        )
        held = self._publish_unless_held(page, revision)
        if held or not self.options.publish:
            # Publishing wrote the revision's tags; a draft's are written in bulk.
            self._tag_rows.extend(tag_rows)
        self._touched.append(page)
        self._created_ids.add(page.pk)
        return ArticleResult(
            article.position, Outcome.CREATED, page.pk, page.title, len(page.import_warnings),
            held=held,
        )

    def _first_revision(self, page: ArticlePage) -> Revision:
        """Page.save_revision() for a page just inserted, in four statements."""
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self._user,
            content=page.serializable_data(),
            object_str=str(page),
        )
        self._mark_import_revision(page, revision)
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, latest_revision_created_at=revision.created_at
        )
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        return revision

    def _mark_import_revision(self, page: ArticlePage, revision: Revision) -> None:
        # The revision must carry its own id as import_revision_id: publishing
        # copies revision content onto the page row, and an editor's later
        # revision then differs from it, which is how edits are detected.
        revision.content["import_revision_id"] = revision.pk
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
        ArticlePage.objects.filter(pk=page.pk).update(import_revision_id=revision.pk)
        page.import_revision_id = revision.pk

    def _publish_unless_held(self, page: ArticlePage, revision: Revision) -> list[str]:
        """With --publish, publish what the parser is sure of; return why not.

        Anything the publish gate doubts (a provisional headline, an open
        warning, a missing photo, a continuation or fragment) stays a draft
        for the review queue, whatever the operator asked for.
        """
        if not self.options.publish:
            return []
        held = page_hold_reasons(page)
        if not held:
            # The operator chose --publish on the server; page permissions are
            # for admin users, and the --user account is only recorded.
            revision.publish(user=self._user, log_action=True, skip_permission_checks=True)
        return held

    def _update(
        self,
        page: ArticlePage,
        article: ParsedArticle,
        name: str,
        sha256: str,
        print_page: PrintPage | None,
        authors: AuthorDirectory,
    ) -> ArticleResult:
        page.article_authors = self._fill(page, article, name, sha256, print_page, authors)
        # New content asks for a fresh review.
        page.reviewed_at = None
        page.reviewed_by = None
        if not page.live:
            # A draft's row is what listings and the search index read: keep
            # it in step with the revision. A live row keeps the live content.
            page.save(clean=False)
        else:
            # ...but not the live doubts: the review queue reads the row, and
            # must list what the parser says about the text now waiting.
            ArticlePage.objects.filter(pk=page.pk).update(
                import_warnings=page.import_warnings, reviewed_at=None, reviewed_by=None
            )
        revision = page.save_revision(user=self._user, clean=False, log_action=True)
        self._mark_import_revision(page, revision)
        held = self._publish_unless_held(page, revision)
        self._touched.append(page)
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
