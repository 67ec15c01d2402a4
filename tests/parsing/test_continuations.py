"""Stories printed on two pages: the jump mark at the head's end (下转第M版),
the mark opening the tail (上接第N版), and the headline repeated above it.
All text is invented."""

from __future__ import annotations

import pytest

from importers.parsing import parse_text
from importers.parsing.roles import jump_page

from .helpers import texts

HEAD = ("本报讯（记者林木）今年以来，某市总工会围绕职工技能提升开展了一系列活动，"
        "参与职工超过三万人次。")
TAIL = "活动期间，各基层工会结合实际，组织了形式多样的技能比武和经验交流，受到职工普遍欢迎。"
OTHER = "据介绍，下一步该市总工会将继续加大投入，推动职工技能培训覆盖更多行业和岗位。"


def _stories(text: str):
    return [a for a in parse_text(text).articles if a.kind != "fragment"]


@pytest.mark.parametrize(
    ("mark", "page"),
    [
        ("（下转第2版）", 2),  # full-width brackets
        ("(下转第2版)", 2),  # half-width brackets
        ("（转第4版）", 4),  # 转 without 下
        ("（转A3版）", 3),  # a section letter before the number
        ("（下转第 12 版）", 12),  # spaces left by the typesetting
        ("（下转第二版）", 2),  # Chinese numerals
    ],
)
def test_jump_mark_at_the_end_of_a_paragraph(mark: str, page: int) -> None:
    head = _stories(f"# 技能提升惠及三万职工\n\n{HEAD}{mark}\n\n# 另一篇\n\n{OTHER}\n")[0]
    assert head.continues_on_page == page
    assert texts(head) == [HEAD.replace("本报讯（记者林木）", "")]
    assert not any("版）" in t or "版)" in t for t in texts(head))


def test_jump_mark_on_a_line_of_its_own_is_no_text() -> None:
    head, other = _stories(
        f"# 技能提升惠及三万职工\n\n{HEAD}\n\n（下转第3版）\n\n# 另一篇\n\n{OTHER}\n")
    assert head.continues_on_page == 3 and other.continues_on_page is None
    assert all("下转" not in t for t in texts(head) + texts(other))


@pytest.mark.parametrize("mark", ["（上接第1版）", "(上接第1版)", "（接第1版）", "(接A1版)",
                                  "（上接第一版）"])
def test_tail_mark_opens_a_continuation(mark: str) -> None:
    arts = _stories(f"# 另一篇\n\n{OTHER}\n\n{mark}\n\n{TAIL}\n")
    other, tail = arts
    assert tail.kind == "continuation" and tail.continued_from_page == 1
    assert texts(tail) == [TAIL] and texts(other) == [OTHER]


def test_headline_repeated_above_the_tail_names_it() -> None:
    other, tail = _stories(
        f"# 另一篇\n\n{OTHER}\n\n技能提升惠及三万职工\n\n（上接第1版）\n\n{TAIL}\n")
    assert (tail.kind, tail.headline, tail.continued_from_page) == (
        "continuation", "技能提升惠及三万职工", 1)
    # ...and is no line of the story above it.
    assert texts(other) == [OTHER]


def test_tail_at_the_top_of_a_page_with_its_repeated_headline() -> None:
    (tail,) = _stories(f"技能提升惠及三万职工\n（上接第1版）\n{TAIL}\n")
    assert (tail.kind, tail.headline, tail.headline_is_provisional) == (
        "continuation", "技能提升惠及三万职工", False)


def test_a_sentence_above_the_tail_stays_with_the_story_above() -> None:
    other, tail = _stories(f"# 另一篇\n\n{OTHER}\n\n（上接第1版）\n\n{TAIL}\n")
    assert tail.headline == "" and texts(other) == [OTHER]


def test_jump_mark_broken_by_the_column_wrap() -> None:
    text = ("职工技能提升惠及三万人\n本报讯（记者林木）今年以来，某市总工会围\n"
            "绕职工技能提升开展了一系列活动，参与职\n工超过三万人次，各区县工会也纷纷跟进（下转\n"
            "第4版）\n")
    head = _stories(text)[0]
    assert head.continues_on_page == 4
    assert all("转" not in t and "第4版" not in t for t in texts(head))


def test_dry_run_json_carries_both_marks() -> None:
    arts = parse_text(f"# 技能提升\n\n{HEAD}（下转第2版）\n\n（上接第1版）\n\n{TAIL}\n").to_dict()
    head, tail = arts["articles"]
    assert (head["continues_on_page"], head["continued_from_page"]) == (2, None)
    assert (tail["continues_on_page"], tail["continued_from_page"]) == (None, 1)


@pytest.mark.parametrize(("number", "page"), [("4", 4), ("04", 4), ("四", 4), ("十", 10),
                                              ("十二", 12), ("二十", 20)])
def test_jump_page_numbers(number: str, page: int) -> None:
    assert jump_page(number) == page
