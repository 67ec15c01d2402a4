"""The installed page tree and the rules that keep pages in their places."""

import pytest
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticlePage, SectionPage
from home.models import HomePage
from home.site_setup import SECTIONS, ensure_site

pytestmark = pytest.mark.django_db


def test_setup_builds_home_sections_inbox_and_english(site_tree):
    assert site_tree.locale.language_code == "zh-hans"
    assert Site.objects.get(is_default_site=True).root_page_id == site_tree.pk
    titles = list(SectionPage.objects.child_of(site_tree).values_list("title", flat=True))
    assert titles == [spec.title for spec in SECTIONS]
    inbox = SectionPage.objects.get(locale=site_tree.locale, is_inbox=True)
    assert inbox.title == "待审稿件"
    assert not inbox.show_in_menus
    en = Locale.objects.get(language_code="en")
    english_home = site_tree.get_translation(en)
    assert english_home.live
    assert SectionPage.objects.filter(locale=en, live=True).count() == len(SECTIONS)


def test_setup_twice_creates_nothing_new(site_tree):
    pages_before = Page.objects.count()
    report = ensure_site()
    assert not report
    assert Page.objects.count() == pages_before


def test_english_site_is_served_under_en(site_tree, client):
    assert client.get("/en/").status_code == 200
    assert client.get("/en/yaowen/").status_code == 200
    assert client.get("/zh-hans/yaowen/").status_code == 200


class TestParentChildRules(WagtailPageTestCase):
    def test_home_accepts_only_sections(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage})

    def test_section_accepts_only_articles(self):
        self.assertAllowedSubpageTypes(SectionPage, {ArticlePage})
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})

    def test_article_lives_only_in_sections_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {SectionPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
