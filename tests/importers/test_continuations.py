"""Continuations (上接第N版) joined to the story they continue, by the importer
and by editors. Pages are named `DATE_PAGE.txt`: that is their edition."""

from __future__ import annotations

import pytest
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from editorial.review_queue import review_queue
from importers.continuations import JOIN_ACTION, WARNING_PREFIX, match_head
from importers.warning_kinds import CONTINUATION, kind_of
from tests.importers.conftest import run_import

pytestmark = pytest.mark.django_db

HEAD = """技能提升惠及三万职工
to: 2
今年以来，某市总工会围绕职工技能提升开展系列活动。
---
另一篇稿件
职工书屋建设稳步推进，藏书数量继续增加。
"""
TAIL = """（上接第1版）
kind: continuation
from: 1
活动期间，各基层工会组织技能比武和经验交流。
"""
TWO_MARKED_HEADS = """第一篇转版稿件
to: 2
某区工会开展职工疗休养活动。
---
第二篇转版稿件
to: 2
某县工会举办农民工专场招聘会。
"""


def page_titled(title: str) -> ArticlePage:
    return ArticlePage.objects.exclude(kind="continuation").get(title=title)


def the_tail() -> ArticlePage:
    return ArticlePage.objects.get(kind="continuation")


@pytest.mark.parametrize("writer", ["bulk", "public"])
def test_head_then_tail_in_two_files_of_one_edition(site_tree, fake_parser, write, writer):
    run_import(write("2024-03-05_01.txt", HEAD), parser=fake_parser, writer=writer)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser, writer=writer)
    head, tail = page_titled("技能提升惠及三万职工"), the_tail()
    assert head.continues_on_page == 2
    assert tail.continues_id == head.pk, tail.import_warnings
    assert not [w for w in tail.import_warnings if w.startswith(WARNING_PREFIX)]
    # The link is in the revision too: the edit form and a later publish keep it.
    assert tail.latest_revision.content["continues"] == head.pk


@pytest.mark.parametrize("writer", ["bulk", "public"])
def test_tail_then_head_is_joined_when_the_head_arrives(site_tree, fake_parser, write, writer):
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser, writer=writer)
    tail = the_tail()
    assert tail.continues_id is None
    assert [kind_of(w) for w in tail.import_warnings] == [CONTINUATION]
    run_import(write("2024-03-05_01.txt", HEAD), parser=fake_parser, writer=writer)
    tail.refresh_from_db()
    head = page_titled("技能提升惠及三万职工")
    assert tail.continues_id == head.pk and tail.import_warnings == []
    assert tail.latest_revision.content["continues"] == head.pk
    assert tail.latest_revision.content["import_warnings"] == []
    entry = PageLogEntry.objects.get(page=tail, action=JOIN_ACTION)
    assert entry.data["by"] == "importer"


def test_published_run_puts_a_late_joined_tail_live_with_its_head(site_tree, fake_parser, write):
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser, publish=True)
    assert not the_tail().live
    run_import(write("2024-03-05_01.txt", HEAD), parser=fake_parser, publish=True)
    assert the_tail().live and page_titled("技能提升惠及三万职工").live


def test_one_run_with_tail_then_head_does_not_report_the_tail_held(
    site_tree, fake_parser, write
):
    result = run_import(
        write("2024-03-05_02.txt", TAIL), write("2024-03-05_01.txt", HEAD),
        parser=fake_parser, publish=True,
    )
    assert the_tail().live
    assert result.held == []


def test_joined_tail_passes_the_publish_gate(site_tree, fake_parser, write):
    run_import(write("2024-03-05_01.txt", HEAD), parser=fake_parser, publish=True)
    result = run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser, publish=True)
    assert result.held == [] and the_tail().live


def test_two_marked_heads_give_a_warning_and_no_link(site_tree, fake_parser, write):
    run_import(write("2024-03-05_01.txt", TWO_MARKED_HEADS), parser=fake_parser)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser, publish=True)
    tail = the_tail()
    assert tail.continues_id is None and not tail.live
    (warning,) = tail.import_warnings
    assert kind_of(warning) == CONTINUATION
    assert "第一篇转版稿件" in warning and "第二篇转版稿件" in warning
    # The editor's to-do list has it, filed under its kind.
    assert tail.pk in set(review_queue().values_list("pk", flat=True))


def test_two_marked_heads_the_repeated_headline_decides(site_tree, fake_parser, write):
    run_import(write("2024-03-05_01.txt", TWO_MARKED_HEADS), parser=fake_parser)
    tail = TAIL.replace("（上接第1版）", "第二篇转版稿件")
    run_import(write("2024-03-05_02.txt", tail), parser=fake_parser)
    assert the_tail().continues_id == page_titled("第二篇转版稿件").pk


def test_unmarked_head_is_matched_by_shared_key_words(site_tree, fake_parser, write):
    heads = ("职工书屋建设\n某市总工会推进职工书屋建设，新增图书角和电子阅览室。\n---\n"
             "农民工招聘会\n某县工会举办农民工专场招聘会，提供就业岗位。\n")
    run_import(write("2024-03-05_01.txt", heads), parser=fake_parser)
    tail = ("（上接第1版）\nkind: continuation\nfrom: 1\n"
            "各区县的职工书屋还配备了电子阅览室，图书角每月更新图书。\n")
    run_import(write("2024-03-05_02.txt", tail), parser=fake_parser)
    head = page_titled("职工书屋建设")
    assert the_tail().continues_id == head.pk
    # Joined without a mark, the head learns where its tail is (readers' page).
    assert head.continues_on_page == 2
    assert head.latest_revision.content["continues_on_page"] == 2


def test_head_in_another_edition_is_not_linked(site_tree, fake_parser, write):
    run_import(write("2024-03-04_01.txt", HEAD), parser=fake_parser)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser)
    tail = the_tail()
    assert tail.continues_id is None
    assert [kind_of(w) for w in tail.import_warnings] == [CONTINUATION]
    assert match_head(tail)[0] is None


def test_head_on_another_page_is_not_linked(site_tree, fake_parser, write):
    run_import(write("2024-03-05_03.txt", HEAD), parser=fake_parser)
    run_import(write("2024-03-05_02.txt", TAIL), parser=fake_parser)
    assert the_tail().continues_id is None
