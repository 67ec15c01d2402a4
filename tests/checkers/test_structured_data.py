"""JSON-LD as search engines' article guidelines require it, on every page type."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.checkers.conftest import record

pytestmark = pytest.mark.checkers

NEWS_ARTICLE = (
    "headline", "image", "datePublished", "dateModified", "author", "publisher",
    "mainEntityOfPage", "isAccessibleForFree", "inLanguage",
)


def jsonld_items(html: bytes) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    items = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        items += data if isinstance(data, list) else [data]
    return items


def news_article_findings(name: str, data: dict) -> list[str]:
    found = [f"{name}: NewsArticle without {key}" for key in NEWS_ARTICLE if not data.get(key)]
    for author in data.get("author") or []:
        if author.get("@type") not in {"Person", "Organization"} or not author.get("name"):
            found.append(f"{name}: author {author!r} is neither a named Person nor Organization")
        elif not author.get("url"):
            found.append(f"{name}: author {author.get('name')} without url")
    publisher = data.get("publisher") or {}
    if not (publisher.get("logo") or {}).get("url"):
        found.append(f"{name}: publisher without a logo")
    images = data.get("image") or []
    if any(not str(url).startswith("http") for url in images):
        found.append(f"{name}: image URLs must be absolute: {images!r}")
    return found


def page_findings(name: str, items: list[dict]) -> list[str]:
    by_type = {item.get("@type"): item for item in items}
    if name.startswith("article"):
        if "NewsArticle" not in by_type:
            return [f"{name}: no NewsArticle"]
        return news_article_findings(name, by_type["NewsArticle"])
    if name.startswith("home"):
        action = (by_type.get("WebSite") or {}).get("potentialAction") or {}
        if action.get("@type") != "SearchAction" or "{search_term_string}" not in str(
            action.get("target")
        ):
            return [f"{name}: no WebSite with a SearchAction"]
    if name.startswith("section"):
        crumbs = (by_type.get("BreadcrumbList") or {}).get("itemListElement") or []
        if len(crumbs) < 2 or any(not c.get("item") or not c.get("name") for c in crumbs):
            return [f"{name}: no BreadcrumbList from home to the section"]
    return []


def test_structured_data_has_the_required_fields(client, checker_site):
    findings, checked = [], 0
    pages = checker_site.every_page
    for name, url in pages.items():
        items = jsonld_items(client.get(url).content)
        checked += len(items)
        findings += page_findings(name, items)

    record(
        "JSON-LD",
        f"{len(findings)} missing fields over {checked} items on {len(pages)} pages",
        findings,
    )
    assert findings == []


def test_article_dates_are_the_display_date_and_the_last_edit(client, checker_site):
    from articles.models import ArticlePage
    from articles.structured_data import display_date, iso_datetime

    article = ArticlePage.objects.get(slug="tuoyu-fuwu", locale__language_code="zh-hans")
    data = next(
        i for i in jsonld_items(client.get(checker_site.pages["article"]).content)
        if i["@type"] == "NewsArticle"
    )
    assert data["datePublished"] == iso_datetime(display_date(article))
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"][0] == {
        "@type": "Person", "name": "田国垒", "url": data["author"][0]["url"]
    }
    assert data["author"][0]["url"].endswith("/zh-hans/authors/%E7%94%B0%E5%9B%BD%E5%9E%92/")


def test_an_unsigned_article_is_credited_to_the_paper(client, checker_site):
    data = next(
        i for i in jsonld_items(client.get(checker_site.pages["article-no-byline"]).content)
        if i["@type"] == "NewsArticle"
    )
    assert [a["@type"] for a in data["author"]] == ["Organization"]
    assert data["author"][0]["name"] == data["publisher"]["name"]
