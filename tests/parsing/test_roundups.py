"""Roundups: short entries under one headline, each closed by its own credit."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.finish import W_ROUNDUP

ROUNDUP = (
    "各地工会“送清凉”\n"
    "苇川市总工会近日为户外劳动者送去防暑药品和清凉饮品。（记者 郁晓岚）\n"
    "岭东区总工会组织医护人员走进建筑工地，为农民工免费体检。（记者 尹若川）\n"
    "梧岗县总工会为环卫工人发放了遮阳帽和降温毛巾。（通讯员 庞立秋）\n"
)


def test_signed_entries_under_one_headline_are_one_article() -> None:
    [a] = parse_text(ROUNDUP).articles
    assert a.headline == "各地工会“送清凉”"
    assert len(a.body) == 3
    assert [x.name for x in a.authors] == ["郁晓岚", "尹若川", "庞立秋"]
    assert W_ROUNDUP in a.warnings


def test_titled_briefs_stay_apart() -> None:
    page = (
        "苇川送清凉\n苇川市总工会近日为户外劳动者送去防暑药品。（记者 郁晓岚）\n"
        "岭东办体检\n岭东区总工会组织医护人员为农民工免费体检。（记者 尹若川）\n"
    )
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["苇川送清凉", "岭东办体检"]
    assert all(W_ROUNDUP not in a.warnings for a in arts)


def test_a_long_signed_text_is_no_roundup_entry() -> None:
    long_text = "岭东区总工会组织医护人员走进建筑工地，为农民工免费体检。" * 20
    head = "\n".join(ROUNDUP.split("\n")[:2])
    page = f"{head}\n{long_text}（记者 尹若川）\n"
    assert len(parse_text(page).articles) == 2
