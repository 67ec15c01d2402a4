"""An English edition that is never empty: a section without translated
stories shows the latest stories of its Chinese original, marked 「中文」.

Each fallback card links to the Chinese page (attach_sections with the
Chinese sections) and carries `original_language`, which the card shows as
a 「中文」 badge with the card's text marked lang="zh-hans".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # for annotations only: the reader views import this module
    from articles.models import SectionPage


def uses_fallback(language: str) -> bool:
    """Languages other than the paper's own fall back to it."""
    return language != settings.LANGUAGE_CODE


def default_locale_id() -> int | None:
    from wagtail.models import Locale

    return (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )


def original_sections(
    sections: list[SectionPage], originals: list[SectionPage]
) -> dict[int, SectionPage]:
    """Each translated section's original among `originals` (by translation key), by pk."""
    by_key = {s.translation_key: s for s in originals}
    return {s.pk: by_key[s.translation_key] for s in sections if s.translation_key in by_key}


def mark_original(articles) -> list:
    """Mark articles shown in place of a translation (the card's 「中文」 badge)."""
    articles = list(articles)
    for article in articles:
        article.original_language = settings.LANGUAGE_CODE
    return articles
