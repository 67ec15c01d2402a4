"""Author snippets for parsed bylines: one Author per person, found by name."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.text import slugify

from articles.models import ArticleAuthor, Author, AuthorRole

if TYPE_CHECKING:
    from importers.parsing import Author as ParsedAuthor

_ROLES = {choice.value for choice in AuthorRole}
_NAME_MAX = Author._meta.get_field("name").max_length


def normalise_name(name: str) -> str:
    # Justified columns leave spaces inside Chinese names ("田 国垒"); Latin
    # names keep theirs.
    name = " ".join(name.split())
    if name and all(not ch.isascii() or ch == " " for ch in name):
        name = name.replace(" ", "")
    return name[:_NAME_MAX]


def free_author_slugs(names: list[str]) -> dict[str, str]:
    """A free slug for each new name, as Author.save() picks it, in one query."""
    bases = {name: slugify(name, allow_unicode=True) or "author" for name in names}
    if not bases:
        return {}
    clash = reduce(operator.or_, (Q(slug__startswith=base) for base in set(bases.values())))
    taken = set(Author.objects.filter(clash).values_list("slug", flat=True))
    slugs = {}
    for name, base in bases.items():
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs


class AuthorDirectory:
    """Finds or creates Authors for one file's articles with one query.

    Lives for one file's transaction only: an Author created inside a file
    that is rolled back must not be reused by the next file.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_name: dict[str, Author] = {}
        self.created: list[Author] = []
        self.prefetch(names)

    def prefetch(self, names: Iterable[str]) -> None:
        wanted = {normalise_name(n) for n in names} - set(self._by_name) - {""}
        if not wanted:
            return
        # Editors may have created duplicates by hand: the oldest record wins.
        for author in Author.objects.filter(name__in=wanted).order_by("-pk"):
            self._by_name[author.name] = author

    def create_missing(self, authors: Iterable[ParsedAuthor]) -> None:
        """Create every new person up front, in name order.

        Concurrent imports then take author rows in the same order and before
        any page-tree lock, so they wait for each other instead of deadlocking.
        """
        first_role: dict[str, str] = {}
        for parsed in authors:
            first_role.setdefault(normalise_name(parsed.name), parsed.role)
        self.prefetch(first_role)
        new = sorted(set(first_role) - set(self._by_name) - {""})
        slugs = free_author_slugs(new)
        for name in new:
            self.get(name, first_role[name], slug=slugs[name])

    def get(self, name: str, role: str, *, slug: str = "") -> Author | None:
        name = normalise_name(name)
        if not name:
            return None
        author = self._by_name.get(name)
        if author is None:
            # Without a slug, Author.save() looks for a free one itself.
            author = Author(
                name=name, slug=slug, role=role if role in _ROLES else AuthorRole.AUTHOR
            )
            author.save()
            self._by_name[name] = author
            self.created.append(author)
        return author

    def links(self, authors: Iterable[ParsedAuthor]) -> list[ArticleAuthor]:
        """Unsaved ArticleAuthor rows, in byline order, without repeats."""
        links: list[ArticleAuthor] = []
        seen: set[tuple[int, str]] = set()
        for parsed in authors:
            role = parsed.role if parsed.role in _ROLES else AuthorRole.AUTHOR
            author = self.get(parsed.name, role)
            if author is None or (author.pk, role) in seen:
                continue
            seen.add((author.pk, role))
            links.append(ArticleAuthor(author=author, role=role, sort_order=len(links)))
        return links
