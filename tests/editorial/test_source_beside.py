"""The imported article's raw text beside its edit form, the doubted lines marked."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from editorial.source_panel import annotate_source
from tests.factories import make_article

SOURCE = "矿工兄弟的知心“平姐”\n本报记者 张三\n她走遍了车间\n、班组、家庭、井口、现\n场，倾听心声。"
BROKEN = "段落“、班组、家庭、井口、现场”在句中中断，可能有文字块错位或缺失，请核对"
REORDERED = "正文文字块顺序错乱，已把以半句开头的文字块接到半句结尾的段落之后，请核对"


def test_annotate_source_numbers_lines_and_ties_warnings_to_them():
    lines, warnings = annotate_source(SOURCE, [REORDERED, BROKEN])
    assert [line.number for line in lines] == [1, 2, 3, 4, 5]
    assert [line.warnings for line in lines] == [[], [], [], [2], [2]]
    assert [(w.number, w.kind, w.lines) for w in warnings] == [
        (1, "段落错位或中断", []),
        (2, "段落错位或中断", [4, 5]),
    ]


@pytest.mark.django_db
def test_edit_view_shows_the_source_beside_the_fields(admin_client, inbox):
    article = make_article(
        inbox, publish=False, title="矿工兄弟的知心“平姐”", source_name="2023-04-21_01.txt",
        source_position=7, source_text=SOURCE, import_warnings=[REORDERED, BROKEN],
    )
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content
    soup = BeautifulSoup(html, "html.parser")
    aside = soup.select_one("aside.source-beside")
    assert aside is not None and "2023-04-21_01.txt #7" in aside.get_text(" ")
    flagged = aside.select("li.is-flagged")
    assert [li.select_one(".source-beside__no").get_text() for li in flagged] == ["4", "5"]
    assert flagged[0].select_one("a.source-beside__mark")["href"] == "#source-warning-2"
    notes = aside.select(".source-beside__warnings li")
    assert [n["id"] for n in notes] == ["source-warning-1", "source-warning-2"]
    assert BROKEN in notes[1].get_text() and "第 4、5 行" in notes[1].get_text()
    # The panel comes before the title fields, and brings its stylesheet.
    assert html.decode().index("source-beside") < html.decode().index('id="id_title"')
    assert soup.select_one('link[href$="editorial/source_beside.css"]') is not None


@pytest.mark.django_db
def test_no_source_panel_for_an_article_written_in_the_admin(admin_client, inbox):
    article = make_article(inbox, publish=False, title="编辑部自己写的稿件")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content
    assert BeautifulSoup(html, "html.parser").select_one("aside.source-beside") is None
