"""Chinese search: segmentation at index and query time, on SQLite and PostgreSQL."""

import pytest
from wagtail.models import Page

from articles.highlight import highlight
from articles.models import ArticlePage
from articles.search_backend import query_terms, segment_for_index
from tests.factories import make_article, paragraphs

from .helpers import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(section, site_tree):
    from articles.models import SectionPage

    union_news = SectionPage.objects.get(slug="gonghui-dongtai", locale=site_tree.locale)
    return {
        "tuoyu": make_article(
            section, title="普惠托育服务进园区", slug="tuoyu",
            body=paragraphs("各地托育机构为双职工家庭提供普惠托育。"),
        ),
        "both": make_article(
            union_news, title="基层工会办起托育班", slug="both",
            body=paragraphs("企业工会联合社区开办暑期托育班，解决职工后顾之忧。"),
        ),
        "union": make_article(
            union_news, title="工会送温暖", slug="union",
            body=paragraphs("市总工会走访慰问困难职工。"),
        ),
        "laomo": make_article(
            section, title="劳模工匠进校园", slug="laomo", kicker="弘扬劳模精神",
            body=paragraphs("全国劳模走上讲台，讲述奋斗故事。"),
        ),
        "other": make_article(
            section, title="春耕时节农机忙", slug="other", body=paragraphs("田间地头一片繁忙。")
        ),
    }


def slugs(results):
    return {page.slug for page in results}


def search(q):
    return ArticlePage.objects.live().search(q, operator="and")


def test_segmentation_helpers():
    tokens = segment_for_index("各地托育机构为职工提供普惠托育").split()
    assert "托育" in tokens and "职工" in tokens
    assert "普惠托育" in tokens or "普惠" in tokens
    assert query_terms("工会 托育！") == ["工会", "托育"]
    assert query_terms("  ") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("托育", {"tuoyu", "both"}),
        ("工会", {"both", "union"}),
        ("劳模", {"laomo"}),
        ("工会 托育", {"both"}),
        ("托育服务", {"tuoyu"}),
        ("总工会", {"union"}),
        ("劳模精神", {"laomo"}),
    ],
)
def test_chinese_words_are_found(corpus, query, expected):
    assert slugs(search(query)) == expected


def test_nothing_found_for_absent_words(corpus):
    assert slugs(search("航天")) == set()


def test_title_matches_rank_first(corpus):
    results = list(ArticlePage.objects.live().search("托育"))
    assert results[0].slug in {"tuoyu", "both"}


def test_admin_style_page_search_finds_chinese(corpus):
    # The admin searches Page, not ArticlePage: the same backend answers.
    assert "both" in slugs(Page.objects.search("托育"))
    assert "laomo" in slugs(Page.objects.autocomplete("劳模"))


def test_unpublished_changes_are_reindexed(corpus):
    article = corpus["other"]
    article.title = "托育新政"
    article.save_revision().publish()
    assert "other" in slugs(search("托育"))


def test_search_page_ranks_highlights_and_paginates(client, corpus, section):
    for i in range(25):
        make_article(section, title=f"托育{i}", slug=f"t{i}", body=paragraphs("托育"))
    soup = soup_of(client.get("/zh-hans/search/", {"q": "托育"}))
    cards = soup.select(".results article.card")
    assert len(cards) == 20
    assert cards[0].select_one("mark").get_text() == "托育"
    assert "27" in soup.select_one("#results-heading").get_text()
    soup2 = soup_of(client.get("/zh-hans/search/", {"q": "托育", "page": 2}))
    assert len(soup2.select(".results article.card")) == 7


def test_search_page_two_words_and_no_results(client, corpus):
    soup = soup_of(client.get("/zh-hans/search/", {"q": "工会 托育"}))
    titles = [a.get_text() for a in soup.select(".results .card-title a")]
    assert titles == ["基层工会办起托育班"]
    soup = soup_of(client.get("/zh-hans/search/", {"q": "航天"}))
    assert soup.select(".results article.card") == []
    assert soup.select_one(".results .empty")


def test_search_only_live_pages_of_the_readers_language(client, corpus, section, inbox):
    make_article(section, title="托育草稿", slug="draft", publish=False, live=False)
    make_article(inbox, title="托育待审", slug="inbox-draft", publish=False, live=False)
    # A published inbox article is public at its URL, so search finds it too.
    make_article(inbox, title="托育已发布", slug="inbox-live")
    soup = soup_of(client.get("/zh-hans/search/", {"q": "托育"}))
    titles = {a.get_text() for a in soup.select(".results .card-title a")}
    assert titles == {"普惠托育服务进园区", "基层工会办起托育班", "托育已发布"}
    soup = soup_of(client.get("/en/search/", {"q": "托育"}))
    assert soup.html["lang"] == "en"
    assert soup.select(".results article.card") == []


def test_search_escapes_everything_but_marks(client, section):
    make_article(section, title="<i>托育</i> & 更多", slug="esc")
    soup = soup_of(client.get("/zh-hans/search/", {"q": "托育"}))
    title = soup.select_one(".results .card-title a")
    assert title.find("i") is None
    assert title.find("mark").get_text() == "托育"
    assert "<i>" in title.get_text()


def test_search_survives_query_syntax(client, corpus):
    for q in ['"', "'", "托育 AND", "(工会", "*", "工会 OR -托育", "NEAR(", "a" * 500]:
        assert client.get("/zh-hans/search/", {"q": q}).status_code == 200


def test_highlight_escapes():
    html = highlight("<b>工会</b>与托育", ["工会", "托育"])
    assert html == "&lt;b&gt;<mark>工会</mark>&lt;/b&gt;与<mark>托育</mark>"
