"""What a public page says about itself in its <head>.

The canonical URL, its translations (hreflang, x-default), a description,
OpenGraph and Twitter cards, and the feeds a reader can subscribe to; every
URL on the configured public host.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from articles.descriptions import description_of
from articles.models import ArticlePage, SectionPage
from articles.public_urls import public_url, static_public_url
from articles.site_urls import home_url

# Query parameters that make a different page of the same listing.
CANONICAL_PARAMS = ("page",)
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


def page_translations(request, page) -> list[tuple[str, str]]:
    """(language code, path) of this page in every language it is live in, itself included.

    A route under a page (search, tags, archive…) keeps its path in each
    language. Worked out once per request: the <head> and the language
    switcher both need it.
    """
    cache = request.__dict__.setdefault("_newsroom_translations", {})
    if page.pk in cache:
        return cache[page.pk]
    own_url = page.get_url(request) or ""
    suffix = ""
    if own_url and request.path.startswith(own_url) and request.path != own_url:
        suffix = iri_to_uri(request.path[len(own_url):])
        if request.GET:
            suffix += "?" + request.GET.urlencode()
    links = [(page.locale.language_code, own_url + suffix)]
    for other in page.get_translations().live().select_related("locale"):
        url = other.get_url(request)
        if url:
            links.append((other.locale.language_code, url + suffix))
    cache[page.pk] = links
    return links


def canonical_url(request) -> str:
    kept = [(k, v) for k in CANONICAL_PARAMS for v in request.GET.getlist(k) if v != "1"]
    query = "&".join(f"{k}={v}" for k, v in kept)
    return public_url(iri_to_uri(request.path) + (f"?{query}" if query else ""))


def page_description(context, page) -> str:
    if isinstance(page, ArticlePage):
        return context.get("description") or description_of(page)
    default = _("工人日报数字版：新闻、工会动态、劳动者故事与报纸版面。")
    route_title = context.get("route_title")
    if route_title:
        return f"{route_title} · {default}"
    if page.search_description:
        return page.search_description
    if isinstance(page, SectionPage):
        intro = " ".join(strip_tags(page.intro).split())
        return intro or _("%(title)s：工人日报的最新稿件。") % {"title": page.title}
    return getattr(page, "tagline", "") or default


def feed_links(context, page, language: str) -> list[tuple[str, str]]:
    """(title, absolute URL) of the feeds for this page: its language's, its section's."""
    paper = _("工人日报")
    feeds = [(paper, public_url(home_url(language) + "feed/"))]
    section = page if isinstance(page, SectionPage) else context.get("section")
    if section is not None and not context.get("route_title"):
        section_path = section.get_url_parts(context["request"])
        if section_path:
            feeds.append((f"{section.title} · {paper}", public_url(section_path[2] + "feed/")))
    return feeds


def head_meta(context) -> dict:
    """Everything includes/head_meta.html writes, from a public page's template context."""
    request = context["request"]
    page = context.get("page")
    if page is None or not getattr(page, "locale_id", None):  # an error page
        from django.utils import translation

        language = translation.get_language() or settings.LANGUAGE_CODE
        return {
            "description": _("工人日报数字版：新闻、工会动态、劳动者故事与报纸版面。"),
            "feeds": feed_links(context, None, language),
        }
    language = page.locale.language_code
    translations = page_translations(request, page)
    alternates = [(code, public_url(url)) for code, url in translations]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default is not None:
        alternates.append(("x-default", default))
    is_article = isinstance(page, ArticlePage)
    title = context.get("route_title") or page.seo_title or page.title
    image = context.get("image_url") or ""
    return {
        "canonical": canonical_url(request),
        "alternates": alternates,
        "title": title,
        "description": page_description(context, page),
        "og_type": "article" if is_article else "website",
        "og_locale": OG_LOCALES.get(language, language.replace("-", "_")),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _url in translations if code != language
        ],
        "image": image or static_public_url("img/logo.png"),
        "twitter_card": "summary_large_image" if image else "summary",
        "feeds": feed_links(context, page, language),
    }
