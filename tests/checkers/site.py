"""The site the checkers look at: one page of every type, in both languages.

Demo articles (authors, tags, a correction, print pages), one with a photo,
one without a byline; every article of the sample pages, from the importer
(the raw text kept for the edit view's import panel); an English translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

FIXTURE_PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
# Which section each sample page is published in (as the Makefile's `setup` does).
SAMPLE_SECTIONS = (
    ("000", "yaowen"),
    ("001", "gonghui-dongtai"),
    ("002", "gonghui-dongtai"),
    ("003", "laodongzhe"),
    ("004", "zhigong-zhisheng"),
)


@dataclass
class CheckerSite:
    """URLs (paths) of the pages the checkers visit, by page type."""

    pages: dict[str, str] = field(default_factory=dict)
    # Every live article not already in `pages`, named "article <id>".
    more_articles: dict[str, str] = field(default_factory=dict)
    feeds: dict[str, str] = field(default_factory=dict)
    article_ids: list[int] = field(default_factory=list)

    @property
    def every_page(self) -> dict[str, str]:
        return {**self.pages, **self.more_articles}
    imported_article_id: int | None = None


def build_checker_site() -> CheckerSite:
    from django.core.management import call_command
    from wagtail.models import Locale

    from articles.models import ArticlePage, Author, SectionPage
    from home.models import HomePage
    from home.site_setup import ensure_site
    from tests.factories import attach_test_photo
    from tools.demo import DEMO_EDITION, create_demo_content

    ensure_site()
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    articles = {a.slug: a for a in create_demo_content(home)}

    # A photo in one article: og:image and the JSON-LD image come from it.
    photographed = articles["gongjiang-gushi"]
    attach_test_photo(photographed)

    # An article printed without a byline: the paper is its author.
    unsigned = articles["zhigong-zhijia"]
    unsigned.article_authors.all().delete()
    unsigned.byline = ""
    unsigned.save_revision().publish()

    # The sample pages, published as `make run` does: every article the importer makes.
    for prefix, section_slug in SAMPLE_SECTIONS:
        call_command(
            "import_articles", *(str(p) for p in sorted(FIXTURE_PAGES.glob(f"{prefix}_*.txt"))),
            "--section", section_slug, "--publish", stdout=StringIO(), stderr=StringIO(),
        )
    imported = ArticlePage.objects.filter(source_name__startswith="003_").order_by("pk").first()

    # The lead story in English too: hreflang alternates and the /en/ feed.
    english = Locale.objects.get(language_code="en")
    lead = articles["tuoyu-fuwu"]
    translated = lead.copy_for_translation(english)
    translated.title = "Childcare next door for working families"
    translated.save_revision().publish()

    section = lead.get_parent().specific
    tag = lead.tags.first()
    author = Author.objects.get(name="田国垒")
    day = DEMO_EDITION
    pages = {
        "home": "/zh-hans/",
        "home-en": "/en/",
        "section": section.url,
        "section-en": section.get_translation(english).url,
        "article": lead.url,
        "article-photo": photographed.url,
        "article-no-byline": unsigned.url,
        "article-en": translated.url,
        "search": "/zh-hans/search/?q=%E5%B7%A5%E4%BC%9A",
        "search-empty": "/zh-hans/search/",
        "tag": f"/zh-hans/tags/{tag.slug}/",
        "author": f"/zh-hans/authors/{author.slug}/",
        "archive": "/zh-hans/archive/",
        "archive-edition": f"/zh-hans/archive/{day:%Y/%m/%d}/",
        "archive-page": f"/zh-hans/archive/{day:%Y/%m/%d}/page/1/",
        "corrections": "/zh-hans/corrections/",
    }
    if imported is not None:
        pages["article-imported"] = imported.url
    feeds = {
        "site": "/zh-hans/feed/",
        "site-en": "/en/feed/",
        "section": f"{section.url}feed/",
    }
    shown = set(pages.values())
    more = {
        f"article {a.pk}": a.url
        for a in ArticlePage.objects.live().order_by("pk")
        if a.url not in shown
    }
    for section_page in SectionPage.objects.live().filter(locale=home.locale, is_inbox=False):
        if f"{section_page.url}feed/" not in feeds.values():
            feeds[f"section {section_page.slug}"] = f"{section_page.url}feed/"
    return CheckerSite(
        pages=pages,
        more_articles=more,
        feeds=feeds,
        article_ids=[a.pk for a in ArticlePage.objects.live()],
        imported_article_id=imported.pk if imported else None,
    )
