"""The English edition is never empty: untranslated sections show their
Chinese original's latest stories, marked 「中文」 and linked to the Chinese page."""

import pytest

from articles.models import SectionPage
from tests.factories import make_article
from tests.site.helpers import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_top_news(site_tree):
    return SectionPage.objects.get(slug="yaowen", locale__language_code="en")


def test_english_home_shows_chinese_stories_marked_until_translated(client, demo):
    soup = soup_of(client.get("/en/"))
    blocks = soup.select(".section-block")
    assert [b.h2.get_text(strip=True) for b in blocks] == ["Top News", "Union News", "Workers"]
    for block in blocks:
        cards = block.select(".card")
        assert cards, block.h2.get_text()
        for card in cards:
            assert card["lang"] == "zh-hans"
            assert card.select_one(".lang-badge").get_text() == "中文"
            assert card.select_one(".card-title a")["href"].startswith("/zh-hans/")
    assert soup.select(".empty") == []
    nav = [a.get_text(strip=True) for a in soup.select("nav.site-nav a")]
    assert nav == ["Home page", "Top News", "Union News", "Workers", "Print edition"]


def test_english_section_falls_back_then_shows_only_its_translations(
    client, demo, english_top_news
):
    soup = soup_of(client.get("/en/yaowen/"))
    note = soup.select_one(".fallback-note")
    assert note is not None and note.a["href"] == "/zh-hans/yaowen/"
    cards = soup.select(".card")
    assert cards and all(c.select_one(".lang-badge") for c in cards)
    assert soup.select(".empty") == []

    make_article(english_top_news, title="Childcare next door", slug="childcare")
    soup = soup_of(client.get("/en/yaowen/"))
    assert soup.select_one(".fallback-note") is None
    assert [a.get_text(strip=True) for a in soup.select(".card-title a")] == [
        "Childcare next door"
    ]
    assert soup.select(".lang-badge") == []
    home = soup_of(client.get("/en/"))
    top = home.select(".section-block")[0]
    assert [a.get_text(strip=True) for a in top.select(".card-title a")] == [
        "Childcare next door"
    ]
    assert top.select(".lang-badge") == []


def test_english_labels_are_consistent(client, demo):
    soup = soup_of(client.get("/en/"))
    footer = [a.get_text(strip=True) for a in soup.select("footer a")]
    assert "Print edition" in footer and "Corrections" in footer
    assert "Print page" not in soup.get_text()
    assert soup_of(client.get("/en/corrections/")).h1.get_text(strip=True) == "Corrections"
