"""The public HTML contract: each page's structure, read through its HTML."""

import datetime

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, PrintPage
from tests.factories import make_article, paragraphs

from .helpers import jsonld_of, soup_of

pytestmark = pytest.mark.django_db


def test_article_page_follows_the_html_contract(client, demo):
    soup = soup_of(client.get("/zh-hans/yaowen/tuoyu-fuwu/"))
    assert soup.html["lang"] == "zh-hans"
    article = soup.find("article")
    assert article.select_one(".kicker").get_text(strip=True) == "全国总工会推动普惠托育服务进企业"
    assert article.find("h1").get_text(strip=True) == "让职工家门口就有“好托育”"
    subheadline = article.select_one(".subheadline").get_text(strip=True)
    assert subheadline == "今年将新建职工托育服务点1000个"
    assert "托育难" in article.select_one(".reader-prompt").get_text()
    byline = article.select_one(".byline")
    links = {a.get_text(strip=True): a["href"] for a in byline.find_all("a")}
    assert links == {
        "田国垒": "/zh-hans/authors/%E7%94%B0%E5%9B%BD%E5%9E%92/",
        "李庆童": "/zh-hans/authors/%E6%9D%8E%E5%BA%86%E7%AB%A5/",
    }
    assert "把服务办到职工身边" in [h.get_text(strip=True) for h in article.find_all("h2")]
    figure = article.find("figure")
    assert "职工子女" in figure.find("figcaption").get_text()
    assert figure.select_one(".credit").get_text(strip=True) == "本报记者 陈华 摄"
    assert figure.select_one(".photo-placeholder") is not None  # no image attached yet
    assert article.select_one(".dateline").get_text(strip=True) == "本报北京4月20日电"
    assert "第1版" in article.select_one(".print-ref").get_text()
    assert article.select_one(".print-ref")["href"] == "/zh-hans/archive/2023/04/21/page/1/"
    assert "北京经济技术开发区" in article.select_one(".corrections").get_text()
    assert [a.get_text() for a in article.select(".tags a")] == ["托育", "工会服务"]
    # Landmarks and the skip link.
    assert soup.find("header") and soup.find("nav") and soup.find("main") and soup.find("footer")
    assert soup.select_one("a.skip-link")["href"] == "#main"
    # Next article in the same section, related articles.
    assert soup.select_one(".article-nav a.next")["href"] == "/zh-hans/yaowen/laomo-jingshen/"
    related = [a["href"] for a in soup.select(".related .card-title a")]
    assert "/zh-hans/gonghui-dongtai/zhigong-zhijia/" in related  # shares a tag


def test_article_jsonld_and_opengraph(client, demo):
    soup = soup_of(client.get("/zh-hans/yaowen/tuoyu-fuwu/"))
    data = jsonld_of(soup)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "让职工家门口就有“好托育”"
    assert [a["name"] for a in data["author"]] == ["田国垒", "李庆童"]
    assert data["articleSection"] == "要闻"
    assert data["inLanguage"] == "zh-hans"
    datetime.datetime.fromisoformat(data["datePublished"])
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:type"] == "article"
    assert og["og:title"] == "让职工家门口就有“好托育”"
    assert og["og:url"].endswith("/zh-hans/yaowen/tuoyu-fuwu/")


def test_jsonld_cannot_break_out_of_its_script(client, section):
    make_article(section, title="</script><script>alert(1)</script>", slug="xss")
    response = client.get("/zh-hans/yaowen/xss/")
    assert b"<script>alert(1)" not in response.content
    data = jsonld_of(soup_of(response))
    assert data["headline"] == "</script><script>alert(1)</script>"


def test_paragraph_text_is_escaped_and_continuation_shown(client, section):
    make_article(
        section,
        title="续文",
        slug="xuwen",
        continued_from_page=1,
        body=paragraphs("<b>不是HTML</b>\n第二行"),
    )
    soup = soup_of(client.get("/zh-hans/yaowen/xuwen/"))
    assert "上接第1版" in soup.select_one(".continued").get_text()
    body = soup.select_one(".article-body")
    assert body.find("b") is None
    assert "<b>不是HTML</b>" in body.get_text()
    assert body.find("br") is not None


def test_home_has_masthead_leads_sections_and_navigation(client, demo):
    soup = soup_of(client.get("/zh-hans/"))
    assert soup.html["lang"] == "zh-hans"
    assert soup.select_one(".masthead-date time")["datetime"]
    leads = soup.select(".leads .card-title a")
    assert [a.get_text() for a in leads] == ["让职工家门口就有“好托育”"]
    section_titles = [h.get_text(strip=True) for h in soup.select(".section-block h2")]
    assert section_titles == ["要闻", "工会动态", "劳动者"]
    nav = [a.get_text(strip=True) for a in soup.select("nav.site-nav a")]
    # Sections without live articles are left out (tests/site/test_reader_polish.py).
    assert nav == ["首页", "要闻", "工会动态", "劳动者", "版面"]
    assert "待审稿件" not in nav


def test_home_hides_inbox_articles(client, demo, inbox):
    make_article(inbox, title="待审的稿件", slug="daishen")
    soup = soup_of(client.get("/zh-hans/"))
    assert "待审的稿件" not in soup.get_text()


def test_section_lists_leads_then_paginates_the_rest(client, section):
    for i in range(45):
        make_article(section, title=f"稿件{i:02d}", slug=f"a{i}", kicker="引题", subheadline="副题")
    soup = soup_of(client.get("/zh-hans/yaowen/"))
    assert soup.find("h1").get_text() == "要闻"
    cards = soup.select("section[aria-labelledby=latest-heading] article.card")
    assert len(cards) == 20
    assert cards[0].select_one(".kicker").get_text() == "引题"
    assert cards[0].select_one(".subheadline").get_text() == "副题"
    assert cards[0].select_one(".summary").get_text() == "第一段正文。"
    pages = [a.get_text() for a in soup.select(".pagination a")]
    assert pages == ["2", "3", "下一页"]
    soup3 = soup_of(client.get("/zh-hans/yaowen/?page=3"))
    assert len(soup3.select("article.card")) == 5
    assert soup_of(client.get("/zh-hans/yaowen/?page=99")).select("article.card")
    soup_bad = soup_of(client.get("/zh-hans/yaowen/?page=abc"))
    assert soup_bad.select_one(".pagination [aria-current]").get_text() == "1"


def test_author_and_tag_pages(client, demo):
    soup = soup_of(client.get("/zh-hans/authors/田国垒/"))
    assert soup.find("h1").get_text() == "田国垒"
    assert [a.get_text() for a in soup.select(".card-title a")] == ["让职工家门口就有“好托育”"]
    soup = soup_of(client.get("/zh-hans/tags/劳模/"))
    assert soup.find("h1").get_text() == "劳模"
    titles = {a.get_text() for a in soup.select(".card-title a")}
    assert titles == {"劳模精神代代传", "焊花里绽放的青春"}
    assert client.get("/zh-hans/tags/没有这个标签/").status_code == 404
    assert client.get("/zh-hans/authors/nobody/").status_code == 404


def test_print_archive_dates_pages_and_navigation(client, demo):
    soup = soup_of(client.get("/zh-hans/archive/"))
    assert "/zh-hans/archive/2023/04/21/" in [a["href"] for a in soup.select(".day-list a")]
    chosen = client.get("/zh-hans/archive/?date=2023-04-21")
    assert chosen.status_code == 302 and chosen["Location"] == "/zh-hans/archive/2023/04/21/"

    soup = soup_of(client.get("/zh-hans/archive/2023/04/21/"))
    headings = [h.get_text(strip=True) for h in soup.select(".print-page h2")]
    assert headings == ["第1版 · 要闻", "第2版 · 工会新闻", "第3版 · 劳动者"]
    first = soup.select(".print-page")[0]
    titles = {a.get_text() for a in first.select("li a")}
    assert titles == {"让职工家门口就有“好托育”", "劳模精神代代传"}
    assert soup.select_one(".edition-nav a[rel=prev]")["href"] == "/zh-hans/archive/2023/04/20/"

    soup = soup_of(client.get("/zh-hans/archive/2023/04/21/page/2/"))
    assert soup.find("h1").get_text(strip=True) == "第2版 · 工会新闻"
    day = "/zh-hans/archive/2023/04/21/"
    assert soup.select_one(".edition-nav a[rel=prev]")["href"] == day + "page/1/"
    assert soup.select_one(".edition-nav a[rel=next]")["href"] == day + "page/3/"
    assert [a.get_text() for a in soup.select(".card-title a")] == ["职工之家建设提质增效"]
    assert client.get("/zh-hans/archive/2023/04/21/page/9/").status_code == 404
    assert client.get("/zh-hans/archive/2023/02/30/").status_code == 404


def test_print_page_links_its_pdf(client, demo):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    doc = Document.objects.create(title="第1版", file=ContentFile(b"%PDF-1.4", name="p1.pdf"))
    PrintPage.objects.filter(edition_date=datetime.date(2023, 4, 21), page_number=1).update(pdf=doc)
    soup = soup_of(client.get("/zh-hans/archive/2023/04/21/page/1/"))
    assert soup.select_one(".print-facsimile a.button")["href"] == doc.url


def test_corrections_page(client, demo):
    soup = soup_of(client.get("/zh-hans/corrections/"))
    assert [a.get_text() for a in soup.select(".card-title a")] == ["让职工家门口就有“好托育”"]
    assert "特此更正" in soup.select_one("ul.corrections").get_text()


def test_404_page_is_friendly(client, site_tree):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find("h1").get_text() == "找不到这个页面"
    assert soup.html["lang"] == "zh-hans"


def test_500_page_needs_no_context():
    from django.template import Context, loader

    # Django renders 500.html with an empty context: it must need nothing.
    html = loader.get_template("500.html").template.render(Context({}))
    assert "服务器出了点问题" in html
    assert "/static/css/site.css" in html


def test_language_switcher_and_html_lang(client, site_tree):
    soup = soup_of(client.get("/zh-hans/yaowen/"))
    switch = {a.get_text(): a["href"] for a in soup.select(".lang-switch a")}
    assert switch == {"English": "/en/yaowen/"}
    soup = soup_of(client.get("/en/yaowen/"))
    assert soup.html["lang"] == "en"
    assert {a.get_text(): a["href"] for a in soup.select(".lang-switch a")} == {
        "中文": "/zh-hans/yaowen/"
    }
    # Routes under the home page switch to the same route.
    soup = soup_of(client.get("/zh-hans/search/?q=工会"))
    assert soup.select_one(".lang-switch a")["href"] == "/en/search/?q=%E5%B7%A5%E4%BC%9A"


def test_no_switcher_without_translation(client, section):
    make_article(section, title="只有中文", slug="zh-only")
    soup = soup_of(client.get("/zh-hans/yaowen/zh-only/"))
    assert soup.select(".lang-switch a") == []


def test_drafts_are_not_served(client, section):
    make_article(section, title="草稿", slug="draft", publish=False, live=False)
    assert client.get("/zh-hans/yaowen/draft/").status_code == 404
    assert ArticlePage.objects.filter(slug="draft").exists()
