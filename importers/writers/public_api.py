"""The plain writer: Wagtail's public page API, one call at a time.

Pages go into the tree with `add_child`, get their first revision from
`save_revision` (with the history the admin's create view leaves), are
published with `Revision.publish`, and are indexed through
`ReferenceIndex.create_or_update_for_object` and `index.insert_or_update_object`.
Slower than BulkWriter, and the yardstick it is tested against.
"""

from __future__ import annotations

from collections.abc import Mapping

from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from articles.models import ArticleAuthor, ArticlePage, Author
from importers.content import free_slug

from .base import PageWriter


class PublicApiWriter(PageWriter):
    name = "public"

    def begin_file(self, new_pages: Mapping[int, list[str]]) -> None:
        self.touched = []
        # Locked in id order, as add_child locks each one, and held to the end
        # of the file's transaction: two imports cannot pick the same slug.
        self._parents: dict[int, Page] = {
            section_id: Page.objects.select_for_update().get(pk=section_id)
            for section_id in sorted(new_pages)
        }

    def create(
        self, page: ArticlePage, parent_id: int, slug_base: str, links: list[ArticleAuthor]
    ) -> list[str]:
        parent = self._parents[parent_id]
        taken = set(
            parent.get_children().filter(slug__startswith=slug_base).values_list("slug", flat=True)
        )
        page.live = False
        page.has_unpublished_changes = True
        page.owner = self.user
        page.slug = free_slug(slug_base, taken)
        page.article_authors = links
        # add_child saves the page and its author links (a ClusterableModel).
        parent.add_child(instance=page)
        revision = page.save_revision(user=self.user, clean=False, log_action=True)
        self.mark_import_revision(page, revision)
        held = self.publish_unless_held(page, revision)
        self.touched.append(page)
        return held

    def finish_file(self, new_authors: list[Author]) -> None:
        for author in new_authors:
            index.insert_or_update_object(author)
        # Publishing wrote the live content to the rows, not to these
        # instances: index what is stored.
        for page in ArticlePage.objects.filter(pk__in=[p.pk for p in self.touched]):
            ReferenceIndex.create_or_update_for_object(page)
            index.insert_or_update_object(page)
