"""Related articles: shared tags first, then shared key words, then the section."""

import pytest

from articles.keywords import article_key_words, key_words
from articles.models import SectionPage
from tests.factories import make_article, paragraphs

from .helpers import fresh_get, soup_of

pytestmark = pytest.mark.django_db


def tagged(article, *tags):
    article.tags.add(*tags)
    article.save()
    article.save_revision().publish()
    return article


def related_of(client, article) -> list[str]:
    soup = soup_of(fresh_get(client, article.url))
    return [a["href"] for a in soup.select(".related .card-title a")]


@pytest.fixture
def sections(site_tree, section):
    others = SectionPage.objects.filter(locale=site_tree.locale, depth=3, is_inbox=False)
    return {"yaowen": section, **{s.slug: s for s in others.exclude(pk=section.pk)}}


def test_key_words_prefer_rare_words_of_the_headline():
    words = key_words([("焊工技能比武在京举行", 3.0), ("他急忙纷纷从此只好", 1.0)])
    assert "焊工" in words
    assert not {"急忙", "纷纷", "从此", "只好"} & set(words)  # adverbs and conjunctions
    assert "工作" not in key_words([("工作进展顺利", 3.0)])  # too common to tell stories apart


def test_article_key_words_read_headline_lines_and_lead(section):
    article = make_article(
        section, title="焊工刘强", kicker="一线故事", slug="kw",
        body=paragraphs("十五年来，他攻克多项焊接难题。"),
    )
    words = article_key_words(article)
    assert "焊工" in words and "刘强" in words


def test_articles_sharing_key_words_are_related(client, sections):
    article = make_article(
        sections["yaowen"], title="青年焊工刘强摘得技能大赛金奖", slug="hangong",
        body=paragraphs("在全国职业技能大赛焊接项目中，刘强以满分夺冠。"),
    )
    # No tag in common, another section: only the key words (焊工, 刘强) link them.
    kin = make_article(
        sections["laodongzhe"], title="焊工刘强的十五年", slug="hangong-story",
        body=paragraphs("清晨七点，他已经站在焊接工位前。"),
    )
    unrelated = make_article(
        sections["gonghui-dongtai"], title="春耕时节农机忙", slug="chungeng",
        body=paragraphs("田间地头一片繁忙。"),
    )
    related = related_of(client, article)
    assert kin.url in related
    assert unrelated.url not in related
    assert article.url not in related
    # And the other way round.
    assert article.url in related_of(client, kin)


def test_tags_come_before_key_words_and_key_words_before_the_section(client, sections):
    earlier = make_article(sections["yaowen"], title="春耕时节农机忙", slug="earlier")
    older_sibling = make_article(sections["yaowen"], title="城市环卫工人的清晨", slug="older")
    article = tagged(
        make_article(sections["yaowen"], title="快递员权益保障新规出台", slug="kuaidi"),
        "新就业形态",
    )
    by_words = make_article(sections["laodongzhe"], title="快递员的一天", slug="by-words")
    by_tag = tagged(
        make_article(sections["gonghui-dongtai"], title="工会走访慰问", slug="by-tag"),
        "新就业形态",
    )
    related = related_of(client, article)
    # The previous article is shown as such, not repeated under related.
    assert older_sibling.url not in related
    assert related == [by_tag.url, by_words.url, earlier.url]


def test_related_articles_are_live_public_and_limited(
    client, sections, inbox, django_assert_max_num_queries
):
    article = make_article(sections["yaowen"], title="劳模工匠宣讲团走进车间", slug="xuanjiang")
    draft = make_article(
        sections["laodongzhe"], title="劳模工匠宣讲侧记", slug="draft", publish=False
    )
    hidden = make_article(inbox, title="劳模工匠宣讲团再出发", slug="in-inbox")
    for i in range(8):
        make_article(sections["laodongzhe"], title=f"劳模工匠宣讲第{i}场", slug=f"kin-{i}")
    related = related_of(client, article)
    assert len(related) == 5
    assert draft.url not in related and hidden.url not in related
    # Cards need no query of their own (the page makes 11 in all).
    with django_assert_max_num_queries(12):
        fresh_get(client, article.url)


def test_card_links_match_page_urls(client, sections):
    """Listings build card links from the section's URL and the slug: same as Page.url."""
    article = make_article(sections["yaowen"], title="统一的链接", slug="统一-链接")
    soup = soup_of(fresh_get(client, sections["yaowen"].url))
    hrefs = [a["href"] for a in soup.select(".card-title a")]
    assert article.url in hrefs
    assert article.url == "/zh-hans/yaowen/%E7%BB%9F%E4%B8%80-%E9%93%BE%E6%8E%A5/"
    assert client.get(article.url).status_code == 200
