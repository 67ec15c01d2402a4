"""Editors' previews render the public templates and are never cached."""

import pytest

pytestmark = pytest.mark.django_db


def test_article_preview_renders(demo):
    article = demo["tuoyu-fuwu"]
    response = article.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "让职工家门口就有“好托育”" in html
    assert "X-Page-Cache" not in response


def test_section_and_home_previews_render(demo, section, site_tree):
    for page in (section, site_tree):
        assert page.make_preview_request().status_code == 200
