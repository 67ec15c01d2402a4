"""An English edition that is never empty: a section without translated
stories shows the latest stories of its Chinese original, marked 「中文」.

Each fallback card links to the Chinese page (attach_sections with the
Chinese sections) and carries `original_language`, which the card shows as
a 「中文」 badge with the card's text marked lang="zh-hans".
"""

from __future__ import annotations

from django.conf import settings

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


def original_sections(request, sections: list[SectionPage]) -> dict[int, SectionPage]:
    """Each translated section's Chinese original (by translation key), by the section's pk."""
    from articles.views import sections_for

    locale_id = default_locale_id()
    if locale_id is None:
        return {}
    by_key = {s.translation_key: s for s in sections_for(request, locale_id)}
    return {s.pk: by_key[s.translation_key] for s in sections if s.translation_key in by_key}


def mark_original(articles) -> list:
    """Mark articles shown in place of a translation (the card's 「中文」 badge)."""
    articles = list(articles)
    for article in articles:
        article.original_language = settings.LANGUAGE_CODE
    return articles
