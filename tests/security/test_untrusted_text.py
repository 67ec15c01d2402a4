"""Imported text carrying HTML or script is shown as text everywhere."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleAuthor, Author
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">点我</a>'
HOSTILE = f"托育{SCRIPT}{IMG}{LINK}"


@pytest.fixture
def hostile_article(section):
    article = make_article(
        section,
        title=f"工会托育 {SCRIPT}",
        kicker=IMG,
        subheadline=LINK,
        reader_prompt=HOSTILE,
        byline=f"本报记者 {SCRIPT}",
        dateline=IMG,
        body=[
            ("heading", HOSTILE),
            ("paragraph", HOSTILE),
            ("photo", {"image": None, "caption": HOSTILE, "credit": IMG}),
            ("quote", {"text": HOSTILE, "attribution": LINK}),
        ],
        source_text=HOSTILE,
        import_warnings=[HOSTILE],
    )
    author = Author.objects.create(name=f"坏人{IMG}")
    ArticleAuthor.objects.create(page=article, author=author, role="reporter")
    article.tags.add("托育")
    article.save_revision().publish()
    return article


def assert_inert(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("type") in {"application/ld+json", "application/json"} or script.get(
            "src"
        ), f"executable inline script: {script}"
        assert "alert(" not in (script.string or "").replace("\\u003C", "<") or script.get(
            "type"
        ) in {"application/ld+json", "application/json"}
    for tag in soup.find_all(True):
        for attr in tag.attrs:
            assert not attr.lower().startswith("on"), f"event handler attribute on {tag.name}"
        href = str(tag.get("href", ""))
        assert not href.strip().lower().startswith("javascript:"), f"javascript link {tag}"
    # The hostile markup is still there, as text a reader can see.
    assert "alert(" in soup.get_text()


def test_article_page_shows_markup_as_text(client, hostile_article):
    response = client.get(hostile_article.url)
    assert response.status_code == 200
    assert_inert(response.content.decode())


def test_listing_pages_show_markup_as_text(client, hostile_article, site_tree):
    for url in (site_tree.url, hostile_article.get_parent().url, "/zh-hans/tags/托育/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_search_results_show_markup_as_text(client, hostile_article):
    response = client.get("/zh-hans/search/", {"q": "托育"})
    assert response.status_code == 200
    html = response.content.decode()
    results = BeautifulSoup(html, "html.parser").select("main li, main article")
    assert any("工会托育" in result.get_text() for result in results), "article not found"
    assert_inert(html)


def test_feed_escapes_markup(client, hostile_article):
    response = client.get("/zh-hans/feed/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    descriptions = [item.findtext("description") or "" for item in root.iter("item")]
    assert descriptions
    for html in descriptions:
        # Feed readers render a description as HTML: it must hold no live markup.
        assert_inert(f"<div>{html}</div>") if "alert(" in html else None
        assert "<script" not in html and "onerror=" not in html


def test_admin_edit_view_shows_markup_as_text(admin_client, hostile_article):
    response = admin_client.get(f"/admin/pages/{hostile_article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert IMG not in html
