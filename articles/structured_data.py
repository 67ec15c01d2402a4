"""schema.org JSON-LD for the public pages, as search engines' guidelines ask.

NewsArticle on articles, WebSite with a SearchAction on home pages,
BreadcrumbList on sections; the paper itself is the publisher (with its
logo) and the author of unsigned articles.
"""

from __future__ import annotations

import datetime
import json

from django.utils import timezone
from django.utils.translation import gettext as _

from articles.public_urls import page_public_url, public_url, static_public_url
from articles.site_urls import home_route_url

LOGO = "img/logo.png"  # 512×512 PNG, the paper's mark


def display_date(page) -> datetime.date | datetime.datetime | None:
    """The date an article is shown under: its print edition's, else its first publication.

    An ArticlePage says it as a moment (display_datetime: the edition day's
    start in local time, or the first publication itself).
    """
    moment = getattr(page, "display_datetime", None)
    if moment is not None:
        return moment
    return getattr(page, "display_date", None) or page.first_published_at


def iso_datetime(value: datetime.date | datetime.datetime | None) -> str:
    """ISO 8601 in the newsroom's time zone, to the second (validators reject microseconds)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def paper() -> dict:
    """The newspaper as a schema.org Organization, with its logo."""
    return {
        "@type": "NewsMediaOrganization",
        "name": _("工人日报"),
        "url": public_url("/"),
        "logo": {"@type": "ImageObject", "url": static_public_url(LOGO)},
    }


def article_jsonld(
    article, request, authors, section, tags, *, description: str = "", image_url: str = ""
) -> dict:
    """NewsArticle: `authors` are the article's ArticleAuthor links, `image_url` its photo."""
    url = page_public_url(article, request)
    language = article.locale.language_code
    organisation = paper()
    if authors:
        credited = [
            {
                "@type": "Person",
                "name": link.author.name,
                "url": public_url(home_route_url(language, "author", link.author.slug)),
            }
            for link in authors
        ]
    else:
        credited = [{"@type": "Organization", "name": organisation["name"],
                     "url": organisation["url"]}]
    published = display_date(article)
    modified = article.last_published_at or article.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "isAccessibleForFree": True,
        "image": [image_url or organisation["logo"]["url"]],
        "author": credited,
        "publisher": organisation,
    }
    if published:
        data["datePublished"] = iso_datetime(published)
        # A print date can follow the web publication; the last edit is never before it.
        data["dateModified"] = iso_datetime(max_moment(published, modified))
    if article.subheadline:
        data["alternativeHeadline"] = article.subheadline
    if description:
        data["description"] = description
    if section is not None:
        data["articleSection"] = section.title
    if tags:
        data["keywords"] = [t.name for t in tags]
    return data


def max_moment(day_or_time, moment):
    """The later of a date (taken as its start) and a datetime."""
    if moment is None:
        return day_or_time
    if not isinstance(day_or_time, datetime.datetime):
        start = datetime.datetime.combine(day_or_time, datetime.time())
        day_or_time = timezone.make_aware(start)
    return max(day_or_time, moment)


def website_jsonld(home, search_url: str) -> dict:
    """The home page: the site, with the search it offers."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": _("工人日报"),
        "url": page_public_url(home),
        "inLanguage": home.locale.language_code,
        "publisher": paper(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": public_url(search_url) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_jsonld(trail: list[tuple[str, str]]) -> dict:
    """BreadcrumbList from (name, public URL) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def dump_jsonld(data: dict) -> str:
    """JSON for a <script> element: <, > and & escaped so text can never close it."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
