"""What search engines, social cards and feed readers read from each page's <head>."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.checkers.conftest import record

pytestmark = pytest.mark.checkers

OPEN_GRAPH = ("og:title", "og:type", "og:url", "og:description", "og:site_name", "og:image")
TWITTER = ("twitter:card", "twitter:title", "twitter:description")


def head_findings(name: str, html: bytes, public_base: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []

    def meta(attr, key):
        tag = soup.find("meta", attrs={attr: key})
        return (tag.get("content") or "").strip() if tag else ""

    if not meta("name", "description"):
        found.append(f"{name}: empty meta description")
    canonical = soup.find("link", rel="canonical")
    if canonical is None or not canonical["href"].startswith(public_base):
        found.append(f"{name}: no canonical link on {public_base}")
    for key in OPEN_GRAPH:
        if not meta("property", key):
            found.append(f"{name}: no {key}")
    for key in TWITTER:
        if not meta("name", key):
            found.append(f"{name}: no {key}")
    alternates = {
        link.get("hreflang"): link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    lang = soup.html.get("lang")
    if lang not in alternates:
        found.append(f"{name}: no hreflang alternate for its own language {lang}")
    if "x-default" not in alternates:
        found.append(f"{name}: no x-default alternate")
    if not soup.find("link", rel="alternate", type="application/rss+xml"):
        found.append(f"{name}: no feed advertised")
    return found


def test_every_page_has_canonical_alternates_cards_and_a_description(client, checker_site):
    findings = []
    pages = checker_site.every_page
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        findings += head_findings(name, response.content, settings.PUBLIC_BASE_URL)

    record("head tags", f"{len(findings)} missing over {len(pages)} pages", findings)
    assert findings == []


def test_translated_pages_name_each_other(client, checker_site):
    """The Chinese article lists its English translation and the other way round."""
    zh = BeautifulSoup(client.get(checker_site.pages["article"]).content, "html.parser")
    en = BeautifulSoup(client.get(checker_site.pages["article-en"]).content, "html.parser")

    def alternates(soup):
        return {
            link["hreflang"]: link["href"]
            for link in soup.find_all("link", rel="alternate", hreflang=True)
        }

    assert alternates(zh)["en"].endswith(checker_site.pages["article-en"])
    assert alternates(en)["zh-hans"].endswith(checker_site.pages["article"])
    assert alternates(zh) == alternates(en)
