"""The fast writer: one file's pages written in a handful of statements.

It does what treebeard's add_child and Wagtail's save_revision, log and
index updates do, but batched per file: child paths come from the locked
parent (treebeard's path helpers), and revisions, history, child counts,
reference and search index rows are written in bulk at the end of the file. The contract test
(tests/importers/test_writer_contract.py) holds it to the same result as
PublicApiWriter, which uses only Wagtail's public API.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection
from django.db.models import F, Value
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, published

from articles.models import ArticleAuthor, ArticlePage, ArticlePageTag, Author
from articles.models.edition_dates import display_date_of
from importers.publish_gate import page_hold_reasons

from .base import PageWriter
from .bulk_tree import ParentSlot, reference_rows, reserve_revision_ids


class BulkWriter(PageWriter):
    name = "bulk"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Built once: constructing the backends costs more than a small file.
        self._search_backends = list(get_search_backends(with_auto_update=True))
        self._reset()

    def _reset(self) -> None:
        self._parents: dict[int, ParentSlot] = {}
        self.touched = []
        self._revision_ids: list[int] = []
        self._revision_rows: list[Revision] = []
        self._created_ids: set[int] = set()
        self._log_rows: list[PageLogEntry] = []
        self._published: list[tuple[ArticlePage, Revision]] = []

    def begin_file(self, new_pages: Mapping[int, list[str]]) -> None:
        self._reset()
        # Parents are locked in id order (no deadlock between two imports),
        # then each one's possibly clashing slugs are read in one query.
        for section_id in sorted(new_pages):
            self._parent(section_id).load_slugs(set(new_pages[section_id]))
        new_count = sum(len(stems) for stems in new_pages.values())
        if new_count and connection.vendor == "postgresql":
            # One query reserves every new page's first revision id; the
            # revisions are then inserted together.
            self._revision_ids = reserve_revision_ids(new_count)[::-1]

    def _parent(self, section_id: int) -> ParentSlot:
        slot = self._parents.get(section_id)
        if slot is None:
            # The lock treebeard's add_child takes, held to the end of this
            # file's transaction: other writers under this section wait, so
            # child paths and sibling slugs chosen here cannot collide.
            slot = self._parents[section_id] = ParentSlot.lock(section_id)
        return slot

    def create(
        self, page: ArticlePage, parent_id: int, slug_base: str, links: list[ArticleAuthor]
    ) -> list[str]:
        slot = self._parent(parent_id)
        parent = slot.page
        page.live = False
        page.has_unpublished_changes = True
        page.owner = self.user
        page.slug = slot.claim_slug(slug_base)
        # The gate reads the filled fields: a page it lets through is written
        # live from the start instead of saved, then published.
        held = page_hold_reasons(page) if self.publish else []
        go_live = self.publish and not held
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
            # foreign key at commit, when finish_file() has inserted it).
            page.latest_revision_id = page.import_revision_id = revision_id
            page.latest_revision_created_at = timezone.now()
            if go_live:
                self._go_live(page, revision_id)
        # Suggested tags: inserted below in one statement, not one each (and a
        # read first) by ClusterableModel.save's commit of the relation.
        tag_rows = list(page.tagged_items.all())
        getattr(page, "_cluster_related_objects", {}).pop("tagged_items", None)
        # log_action=None: the history is written in bulk by finish_file().
        page.save(clean=False, log_action=None)
        for link in links:
            link.page = page
        ArticleAuthor.objects.bulk_create(links)
        for row in tag_rows:
            row.content_object = page
        ArticlePageTag.objects.bulk_create(tag_rows)
        # Child relations held in memory: serialising the revision and
        # indexing the page then read them without a query each.
        for relation in get_all_child_relations(page):
            setattr(page, relation.get_accessor_name(), [])
        page.article_authors = links
        page.tagged_items = tag_rows
        if revision_id is not None:
            revision = Revision(
                id=revision_id,
                content_object=page,
                base_content_type=page.get_base_content_type(),
                user=self.user,
                content=draft_content(page),
                object_str=str(page),
                created_at=page.latest_revision_created_at,
            )
            self._revision_rows.append(revision)
        else:
            revision = self._first_revision(page, go_live)
        # The history Wagtail's own create view leaves: add_child's
        # "wagtail.create", then save_revision's "wagtail.edit" with the revision.
        for action, with_revision in (("wagtail.create", None), ("wagtail.edit", revision)):
            self._log_rows.append(
                PageLogEntry(
                    content_type_id=page.content_type_id,
                    page_id=page.pk,
                    label=page.get_admin_display_title(),
                    action=action,
                    user=self.user,
                    revision=with_revision,
                    content_changed=True,
                    timestamp=revision.created_at,
                )
            )
        if go_live:
            # What Revision.publish() logs for a page's first revision.
            self._log_rows.append(
                PageLogEntry(
                    content_type_id=page.content_type_id,
                    page_id=page.pk,
                    label=page.get_admin_display_title(),
                    action="wagtail.publish",
                    user=self.user,
                    revision=revision,
                    content_changed=True,
                    timestamp=page.last_published_at,
                    data={},
                )
            )
            self._published.append((page, revision))
        self.touched.append(page)
        self._created_ids.add(page.pk)
        return held

    @staticmethod
    def _go_live(page: ArticlePage, revision_id: int) -> None:
        """The fields Revision.publish() sets when a page's first revision goes live."""
        page.live = True
        page.has_unpublished_changes = False
        page.expired = False
        page.live_revision_id = revision_id
        page.first_published_at = page.last_published_at = timezone.now()

    def _first_revision(self, page: ArticlePage, go_live: bool) -> Revision:
        """Page.save_revision() (and publish) for a page just inserted, in four statements."""
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self.user,
            content=draft_content(page),
            object_str=str(page),
        )
        self.mark_import_revision(page, revision)
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        fields = ["latest_revision", "latest_revision_created_at"]
        if go_live:
            self._go_live(page, revision.pk)
            page.live_revision = revision
            fields += [
                "live",
                "has_unpublished_changes",
                "expired",
                "live_revision",
                "first_published_at",
                "last_published_at",
            ]
        Page.objects.filter(pk=page.pk).update(**{name: getattr(page, name) for name in fields})
        if go_live:
            # ArticlePage.save() dates a page by its first publication.
            page.refresh_edition_fields()
            ArticlePage.objects.filter(pk=page.pk).update(display_date=page.display_date)
        return revision

    def finish_file(self, new_authors: list[Author]) -> None:
        """Per-file writes done once: tree counters, history, indexes."""
        self._write_file(new_authors)
        # Nothing of this file is kept for the next one: an import's memory
        # stays that of its largest file, however many files it reads.
        self._reset()

    def _write_file(self, new_authors: list[Author]) -> None:
        if self._revision_rows:
            # An expression in the rows keeps Django from PostgreSQL's UNNEST
            # form, which would escape every (large) revision JSON through a
            # text array on the client; plain multi-row VALUES is much cheaper.
            for revision in self._revision_rows:
                revision.object_str = Value(revision.object_str)
            Revision.objects.bulk_create(self._revision_rows)
            for revision in self._revision_rows:
                revision.object_str = revision.object_str.value
        for slot in self._parents.values():
            if slot.added:
                Page.objects.filter(pk=slot.page.pk).update(numchild=F("numchild") + slot.added)
        PageLogEntry.objects.bulk_create(self._log_rows)
        backends = self._search_backends
        if new_authors:
            for backend in backends:
                backend.add_bulk(Author, new_authors)
        touched = self.touched
        if not touched:
            return
        # An updated page published by Revision.publish() (or kept live)
        # has its row rewritten from the revision: the indexes must describe
        # the row, which that instance may not. New pages were written live
        # from the start, so their instances are what is stored.
        reread = [
            p.pk for p in touched if p.pk not in self._created_ids and (self.publish or p.live)
        ]
        if reread:
            stored = ArticlePage.objects.in_bulk(reread)
            touched = [stored.get(p.pk, p) for p in touched]
        new_rows: list[ReferenceIndex] = []
        for page in touched:
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
            backend.add_bulk(ArticlePage, touched)
        self._announce_published()

    def _announce_published(self) -> None:
        """Send the signals Revision.publish() sends, once every row exists.

        Receivers (the page cache in articles.page_cache, frontend cache
        purges) see a page that is stored, indexed and live. A new page has
        no comments, aliases or workflow state for publish() to update.
        """
        for page, revision in self._published:
            page_published.send(sender=ArticlePage, instance=page, revision=revision)
            published.send(sender=ArticlePage, instance=page, revision=revision)


def draft_content(page: ArticlePage) -> dict[str, Any]:
    """The page's first revision as save_revision() records it: still a draft.

    Publishing comes after the revision in Wagtail, so its content never
    holds the live state, even when this writer stores the page live at once.
    """
    content = page.serializable_data()
    content.update(
        live=False,
        has_unpublished_changes=True,
        live_revision=None,
        first_published_at=None,
        last_published_at=None,
    )
    # ...nor the date it took from its first publication.
    print_page = page.print_page if page.print_page_id else None
    draft_date = display_date_of(print_page.edition_date if print_page else None, None)
    content["display_date"] = draft_date.isoformat() if draft_date else None
    return content
