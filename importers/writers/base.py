"""The one interface through which the importer writes pages.

The importer decides (see importers.decisions) and fills page fields
(importers.filling); a PageWriter puts pages into Wagtail's tree with their
revision, history entry, author links, reference index rows and search index
entries. Every call happens inside one file's transaction, between
`begin_file` and `finish_file`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.models import ArticleAuthor, ArticlePage
from importers.publish_gate import page_hold_reasons

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from wagtail.models import Revision

    from articles.models import Author


class PageWriter(abc.ABC):
    """Writes one file's new and updated ArticlePages."""

    #: Shown by the benchmark and accepted by `import_articles --writer`.
    name: str

    def __init__(self, *, user: AbstractBaseUser | None, publish: bool) -> None:
        self.user = user
        self.publish = publish
        self.touched: list[ArticlePage] = []  # this file's created and updated pages

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Wraps one file's writes.

        Wagtail would queue a reference-index update on every save (three per
        new page); both writers record references themselves in
        finish_file(), inside the file's transaction.
        """
        with disable_reference_index_auto_update():
            yield

    @abc.abstractmethod
    def begin_file(self, new_pages: Mapping[int, list[str]]) -> None:
        """Prepare for a file whose new pages go under these sections.

        `new_pages` maps each parent section id to the slug stems of the new
        pages it gets (one per page), so a writer can lock parents and read
        clashing sibling slugs up front.
        """

    @abc.abstractmethod
    def create(
        self, page: ArticlePage, parent_id: int, slug_base: str, links: list[ArticleAuthor]
    ) -> list[str]:
        """Add a filled, unsaved page as a draft child of the section, with
        its author links, first revision and the history Wagtail's create
        view writes; publish it when asked and the publish gate allows.
        Returns the reasons publishing was held back."""

    def update(self, page: ArticlePage, links: list[ArticleAuthor]) -> list[str]:
        """Store a refilled existing page as a new revision (the row too when
        it is a draft), logged as an edit; publish it when asked and allowed.
        Returns the reasons publishing was held back.

        Both writers do this through Wagtail's own save_revision: updates are
        rare next to creations, and a page's history must read as usual.
        """
        page.article_authors = links
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
        revision = page.save_revision(user=self.user, clean=False, log_action=True)
        self.mark_import_revision(page, revision)
        held = self.publish_unless_held(page, revision)
        self.touched.append(page)
        return held

    @abc.abstractmethod
    def finish_file(self, new_authors: list[Author]) -> None:
        """Write what was left for the end of the file (indexes, counters)."""

    # -- shared by both writers ------------------------------------------

    def publish_unless_held(self, page: ArticlePage, revision: Revision) -> list[str]:
        """With --publish, publish what the parser is sure of; return why not.

        Anything the publish gate doubts (a provisional headline, an open
        warning, a missing photo, a continuation or fragment) stays a draft
        for the review queue, whatever the operator asked for.
        """
        if not self.publish:
            return []
        held = page_hold_reasons(page)
        if not held:
            # The operator chose --publish on the server; page permissions are
            # for admin users, and the --user account is only recorded.
            revision.publish(user=self.user, log_action=True, skip_permission_checks=True)
        return held

    @staticmethod
    def mark_import_revision(page: ArticlePage, revision: Revision) -> None:
        """Record the revision as the importer's own.

        The revision must carry its own id as import_revision_id: publishing
        copies revision content onto the page row, and an editor's later
        revision then differs from it, which is how edits are detected.
        """
        revision.content["import_revision_id"] = revision.pk
        type(revision).objects.filter(pk=revision.pk).update(content=revision.content)
        ArticlePage.objects.filter(pk=page.pk).update(import_revision_id=revision.pk)
        page.import_revision_id = revision.pk
