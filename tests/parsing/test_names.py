"""Person or organisation, where no role word says so."""

from __future__ import annotations

import pytest

from importers.parsing.names import is_organisation, looks_like_person


@pytest.mark.parametrize("word", ["卓文翰", "宁晓禾", "欧阳青禾", "滕瑶", "滕 瑶", "仉天佑"])
def test_names_with_a_common_surname_are_people(word: str) -> None:
    assert looks_like_person(word)


@pytest.mark.parametrize("word", ["禾工宣", "合工宣", "他说", "张三说", "本报编辑部",
                                  "某市总工会宣教部", "受访者供图", "成长有通道"])
def test_other_words_are_not_people(word: str) -> None:
    assert not looks_like_person(word)


def test_organisation_signatures() -> None:
    assert is_organisation("本报编辑部")
    assert is_organisation("某市总工会宣教部")
    assert not is_organisation("卓文翰")


def test_the_paper_signing_as_itself() -> None:
    assert is_organisation("编者")
    assert not looks_like_person("编者")


def test_traditional_surnames() -> None:
    assert looks_like_person("聶遠航")
    assert looks_like_person("陳雨桐")


def test_rare_and_compound_surnames() -> None:
    assert all(looks_like_person(n) for n in ("禚文", "逄宁", "訾晓光", "闾丘明", "濮阳丽"))
