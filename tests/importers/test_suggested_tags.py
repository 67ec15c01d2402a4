"""Imports suggest a few tags from each article's text, so tag pages exist."""

import pytest
from bs4 import BeautifulSoup
from taggit.models import Tag

from articles.models import ArticlePage
from importers.suggested_tags import SUGGESTED_TAG_COUNT, suggested_tag_names
from tests.importers.conftest import PAGES, run_import

pytestmark = pytest.mark.django_db

STORY = """焊工刘强的青春
by: 王明/reporter
刘强是一名焊工，在车间里苦练焊接技术十年，带出了二十多名徒弟。
工会为焊工开设技能培训班，焊接比赛年年举办。
"""


def test_suggested_tags_are_key_words_without_stop_words():
    class Story:
        title = "焊工刘强的青春"
        kicker = subheadline = reader_prompt = ""

        def body_paragraphs(self):
            return ["据悉，本报记者近日采访了焊工刘强。刘强在车间苦练焊接技术，工作十年。"]

    names = suggested_tag_names(Story())
    assert 0 < len(names) <= SUGGESTED_TAG_COUNT
    assert "焊工" in names
    assert not {"本报", "记者", "近日", "据悉", "工作", "的"} & set(names)


@pytest.mark.parametrize("writer", ["bulk", "public"])
def test_a_published_import_gets_tags_and_its_tag_pages(
    client, site_tree, fake_parser, write, settings, writer
):
    settings.IMPORTER_WRITER = writer
    run_import(write("2024-05-01_02.txt", STORY), publish=True)
    article = ArticlePage.objects.get(title="焊工刘强的青春")
    assert article.live
    names = list(article.tags.names())
    assert "焊工" in names and len(names) <= SUGGESTED_TAG_COUNT
    # The published revision carries them too: a later publish keeps them.
    assert article.get_latest_revision_as_object().tags.count() == len(names)
    response = client.get("/zh-hans/tags/焊工/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert "焊工刘强的青春" in [a.get_text(strip=True) for a in soup.select(".card-title a")]


@pytest.mark.parametrize("writer", ["bulk", "public"])
def test_drafts_get_tags_and_tags_are_shared_not_duplicated(
    site_tree, fake_parser, write, settings, writer
):
    settings.IMPORTER_WRITER = writer
    run_import(write("2024-05-01_02.txt", STORY))
    run_import(write("2024-05-02_02.txt", STORY.replace("青春", "十年")))
    drafts = ArticlePage.objects.filter(title__startswith="焊工刘强")
    assert drafts.count() == 2 and not any(a.live for a in drafts)
    for draft in drafts:
        assert "焊工" in draft.tags.names()
    assert Tag.objects.filter(name="焊工").count() == 1


def test_sample_pages_get_tags(site_tree):
    run_import(*sorted(PAGES.glob("*.txt")), publish=True)
    untagged = ArticlePage.objects.filter(tagged_items__isnull=True)
    # Only the importer's stand-in 无标题稿件 (a photo without text) has no key word.
    assert set(untagged.values_list("title", flat=True)) <= {"无标题稿件"}
    assert Tag.objects.count() > 50
    assert not Tag.objects.filter(name__in=["无标题", "稿件", "据悉"]).exists()
