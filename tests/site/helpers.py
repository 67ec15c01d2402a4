"""Small helpers shared by the site tests."""

import json

from bs4 import BeautifulSoup


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def jsonld_of(soup) -> dict:
    script = soup.find("script", type="application/ld+json")
    assert script is not None, "no JSON-LD"
    return json.loads(script.string)


def fresh_get(client, url, **extra):
    """GET bypassing the page cache (the first render of a page)."""
    from articles.page_cache import bump_version

    bump_version()
    return client.get(url, **extra)
