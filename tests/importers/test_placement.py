"""Where an imported article lands: --section, its column label, else the inbox."""

import pytest

from articles.models import SectionPage
from importers.placement import Placement, UnknownSection

pytestmark = pytest.mark.django_db


def section_id(site_tree, slug: str) -> int:
    return SectionPage.objects.get(slug=slug, locale=site_tree.locale).pk


def test_column_label_naming_a_section_places_the_article_there(site_tree):
    assert Placement().section_id_for("■职工之声■") == section_id(site_tree, "zhigong-zhisheng")


def test_stacked_labels_use_the_first_that_names_a_section(site_tree):
    placement = Placement()
    assert placement.section_id_for("合阳县总工会 工会动态 职工之声") == section_id(
        site_tree, "gonghui-dongtai"
    )


def test_unknown_label_goes_to_the_inbox(site_tree):
    assert Placement().section_id_for("他山之石") == section_id(site_tree, "daishen-gaojian")
    assert Placement().section_id_for("") == section_id(site_tree, "daishen-gaojian")


def test_forced_section_wins_and_unknown_slug_is_refused(site_tree):
    assert Placement("yaowen").section_id_for("职工之声") == section_id(site_tree, "yaowen")
    with pytest.raises(UnknownSection):
        Placement("no-such-section")
