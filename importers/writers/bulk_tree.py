"""Adding many children under one section fast, as treebeard and Wagtail would.

Used inside one file's transaction: the parent row is locked (the lock
treebeard's add_child takes) until commit, so the paths and slugs handed out
here cannot collide with another writer's.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex, Revision

from articles.models import ArticlePage
from importers.content import free_slug


@dataclass
class ParentSlot:
    """A locked parent section and the next free child path under it."""

    page: Page
    last_path: str | None
    added: int = 0
    taken_slugs: set[str] = field(default_factory=set)

    def load_slugs(self, bases: set[str]) -> None:
        """Fetch, in one query, the sibling slugs that could clash with these stems."""
        if not bases:
            return
        clash = reduce(operator.or_, (Q(slug__startswith=base) for base in bases))
        siblings = Page.objects.filter(
            path__startswith=self.page.path, depth=self.page.depth + 1
        ).filter(clash)
        self.taken_slugs.update(siblings.values_list("slug", flat=True))

    def claim_slug(self, base: str) -> str:
        return free_slug(base, self.taken_slugs)

    def take_path(self) -> str:
        if self.last_path is None:
            path = Page._get_path(self.page.path, self.page.depth + 1, 1)
        else:
            path = Page(path=self.last_path)._inc_path()
        self.last_path = path
        self.added += 1
        return path

    @classmethod
    def lock(cls, section_id: int) -> ParentSlot:
        parent = Page.objects.select_for_update().get(pk=section_id)
        last = parent.get_last_child() if parent.numchild else None
        return cls(parent, last.path if last else None)


def reserve_revision_ids(count: int) -> list[int]:
    """Ids for `count` new Revision rows in one query (PostgreSQL only)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Revision._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def reference_rows(page: ArticlePage) -> list[ReferenceIndex]:
    """ReferenceIndex rows for a page that has none yet.

    What ReferenceIndex.create_or_update_for_object() writes for a new
    object, without its per-object look-up of existing rows, so a file's new
    pages are recorded in one INSERT.
    """
    content_types = [
        ContentType.objects.get_for_model(model, for_concrete_model=False)
        for model in [page, *page._meta.get_parent_list()]
    ]
    return [
        ReferenceIndex(
            content_type=content_types[0],
            base_content_type=content_types[-1],
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
