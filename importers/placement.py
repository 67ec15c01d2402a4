"""Which section an imported article goes under."""

from __future__ import annotations

from wagtail.models import Locale

from articles.models import SectionPage
from home.site_setup import inbox_section


class UnknownSection(LookupError):
    """--section named a slug that no section in the default locale has."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


class Placement:
    """Resolves a parent section id per article: --section, column label, inbox.

    Only ids are cached: the page tree code re-reads (and locks) the parent
    row when a child is added, so a stale instance can never corrupt paths.
    """

    def __init__(self, section_slug: str | None = None) -> None:
        self.locale = Locale.get_default()
        self.forced_id: int | None = None
        if section_slug:
            pk = (
                SectionPage.objects.filter(slug=section_slug, locale=self.locale)
                .values_list("pk", flat=True)
                .first()
            )
            if pk is None:
                raise UnknownSection(section_slug)
            self.forced_id = pk
        self._by_title: dict[str, int] = {}
        for pk, title in SectionPage.objects.filter(locale=self.locale).values_list(
            "pk", "title"
        ):
            # The first section with a title wins, as in the menu order.
            self._by_title.setdefault(title.strip(), pk)
        self._inbox_id: int | None = None

    @property
    def inbox_id(self) -> int:
        if self._inbox_id is None:
            self._inbox_id = inbox_section(self.locale).pk
        return self._inbox_id

    def section_id_for(self, column_label: str) -> int:
        if self.forced_id is not None:
            return self.forced_id
        return self._section_for_label(column_label) or self.inbox_id

    def _section_for_label(self, column_label: str) -> int | None:
        # A page may stack labels (`工会动态 职工之声 合阳县总工会`): the first
        # one that names a section decides.
        label = column_label.strip().strip("■□").strip()
        if label in self._by_title:
            return self._by_title[label]
        for part in label.replace("■", " ").replace("□", " ").split():
            if part in self._by_title:
                return self._by_title[part]
        return None


def section_slugs() -> list[str]:
    """Every section's slug in the default language, for an operator who mistyped one."""
    return list(
        SectionPage.objects.filter(locale=Locale.get_default())
        .order_by("path")
        .values_list("slug", flat=True)
    )
