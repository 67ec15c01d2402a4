"""A story printed on two pages reads as one article; its tail is never
listed on its own and its address leads to the story. Invented text."""

from __future__ import annotations

import datetime

import pytest

from articles.models import ArticleKind, PrintPage
from tests.factories import make_article, paragraphs

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2031, 5, 6)
HEAD_TEXT = "今年以来，某市总工会推进职工书屋建设，新增图书角一百余个。"
TAIL_TEXT = "各区县的职工书屋还配备了电子阅览室，图书角每月更新图书。"
TAIL_TITLE = "书屋续文独有的标题"


@pytest.fixture
def story(section):
    page1 = PrintPage.objects.create(edition_date=DAY, page_number=1, page_name="要闻")
    page2 = PrintPage.objects.create(edition_date=DAY, page_number=2, page_name="新闻")
    head = make_article(section, title="职工书屋点亮一线生活", slug="shuwu", print_page=page1,
                        continues_on_page=2, body=paragraphs(HEAD_TEXT))
    tail = make_article(section, title=TAIL_TITLE, slug="shuwu-xu", print_page=page2,
                        kind=ArticleKind.CONTINUATION, continued_from_page=1, continues=head,
                        body=paragraphs(TAIL_TEXT), dateline="（据新华社电）")
    return head, tail


def test_head_page_shows_the_tail_after_its_body_as_one_article(client, story):
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/shuwu/"))
    (article,) = soup.find_all("article")
    bodies = article.select(".article-body")
    texts = [b.get_text(" ", strip=True) for b in bodies]
    assert texts == [HEAD_TEXT, f"{TAIL_TEXT} （据新华社电）"]
    assert "article-continuation" in bodies[1]["class"]
    # The jump marks are for print readers: none on the web.
    assert "上接" not in article.get_text() and "下转" not in article.get_text()
    assert article.select_one(".continued") is None
    assert TAIL_TITLE not in article.get_text()


def test_joined_tail_address_redirects_to_its_story(client, story):
    response = fresh_get(client, "/zh-hans/yaowen/shuwu-xu/")
    assert response.status_code == 301
    assert response["Location"].endswith("/zh-hans/yaowen/shuwu/")


def test_split_tail_is_not_redirected_and_not_shown_on_the_head(client, story):
    head, tail = story
    tail.continues = None
    tail.save_revision().publish()
    assert fresh_get(client, "/zh-hans/yaowen/shuwu-xu/").status_code == 200
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/shuwu/"))
    assert TAIL_TEXT not in soup.find("article").get_text()


def test_draft_tail_text_is_not_shown(client, story):
    head, tail = story
    tail.unpublish()
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/shuwu/"))
    assert TAIL_TEXT not in soup.find("article").get_text()


@pytest.mark.parametrize(
    "url",
    [
        "/zh-hans/",
        "/zh-hans/yaowen/",
        "/zh-hans/feed/",
        "/zh-hans/search/?q=职工书屋",
        "/sitemap.xml",
        "/zh-hans/archive/2031/05/06/",
        "/zh-hans/archive/2031/05/06/page/2/",
    ],
)
def test_joined_tail_is_never_listed(client, story, url):
    response = fresh_get(client, url)
    assert response.status_code == 200
    text = response.content.decode()
    assert TAIL_TITLE not in text and "shuwu-xu" not in text


def test_the_head_is_listed(client, story):
    text = fresh_get(client, "/zh-hans/yaowen/").content.decode()
    assert "职工书屋点亮一线生活" in text


def test_a_head_without_mark_joined_by_hand_shows_its_tail(client, section):
    from importers.continuations import join

    page1 = PrintPage.objects.create(edition_date=DAY, page_number=1)
    page2 = PrintPage.objects.create(edition_date=DAY, page_number=2)
    head = make_article(section, title="没有转版标记的前文", slug="qianwen", print_page=page1,
                        body=paragraphs(HEAD_TEXT))
    tail = make_article(section, title=TAIL_TITLE, slug="xuwen-2", print_page=page2,
                        kind=ArticleKind.CONTINUATION, continued_from_page=1, publish=False,
                        body=paragraphs(TAIL_TEXT))
    join(tail, head)
    tail.refresh_from_db()
    tail.get_latest_revision().publish()
    soup = soup_of(fresh_get(client, "/zh-hans/yaowen/qianwen/"))
    assert TAIL_TEXT in soup.find("article").get_text()
