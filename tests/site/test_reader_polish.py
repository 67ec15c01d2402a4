"""Reader polish: navigation without empty sections, thumbnails on listings."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from articles.models import SectionPage
from tests.factories import make_article, paragraphs
from tests.site.helpers import soup_of

pytestmark = pytest.mark.django_db


def nav_titles(client, url="/zh-hans/"):
    soup = soup_of(client.get(url))
    return [a.get_text(strip=True) for a in soup.select("nav.site-nav a")]


def test_navigation_leaves_out_sections_without_live_articles(client, demo):
    nav = nav_titles(client)
    assert nav[:4] == ["首页", "要闻", "工会动态", "劳动者"]
    assert "新闻特写" not in nav and "图片新闻" not in nav
    assert nav[-1] == "版面"


def test_navigation_follows_a_sections_first_and_last_article(client, section, site_tree):
    features = SectionPage.objects.get(slug="xinwen-texie", locale=site_tree.locale)
    assert "新闻特写" not in nav_titles(client)
    # An article page cached before the section's first article…
    first = make_article(section, title="要闻稿件", slug="yaowen-1")
    assert client.get(first.url).status_code == 200
    article = make_article(features, title="特写稿件", slug="tezhe-1")
    # …and the home page both list the section now.
    assert "新闻特写" in nav_titles(client)
    assert "新闻特写" in nav_titles(client, first.url)
    article.unpublish()
    assert "新闻特写" not in nav_titles(client)
    assert "新闻特写" not in nav_titles(client, first.url)


@pytest.fixture
def photographed(section):
    image = get_image_model().objects.create(title="焊花", file=get_test_image_file())
    return make_article(
        section,
        title="焊花里的青春",
        slug="hanhua",
        body=[
            ("photo", {"image": image, "caption": "刘强在焊接作业中。", "credit": "孙磊 摄"}),
            *paragraphs("正文第一段。"),
        ],
    )


def test_listings_show_a_lazy_responsive_thumbnail(client, photographed, section):
    make_article(section, title="没有照片的稿件", slug="no-photo")
    for url in ("/zh-hans/", section.url):
        soup = soup_of(client.get(url))
        cards = {c.select_one(".card-title").get_text(strip=True): c for c in soup.select(".card")}
        assert cards["没有照片的稿件"].select_one("img") is None
        img = cards["焊花里的青春"].select_one("img.card-thumb")
        assert img is not None, url
        assert img["loading"] == "lazy"
        assert img["alt"] == "刘强在焊接作业中。"
        assert (img["width"], img["height"]) == ("240", "160")
        sources = [part.split() for part in img["srcset"].split(",")]
        assert [width for _url, width in sources] == ["240w", "480w"]
        assert img["src"] == sources[0][0]


def test_tag_and_print_listings_show_thumbnails(client, photographed):
    photographed.tags.add("焊工")
    photographed.save_revision().publish()
    soup = soup_of(client.get("/zh-hans/tags/焊工/"))
    assert soup.select_one(".card img.card-thumb")["alt"] == "刘强在焊接作业中。"
