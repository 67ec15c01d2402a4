"""Traditional characters: folded for the rules, printed back as they were."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.script import fold, is_traditional, unfolder


def test_fold_keeps_length_and_simplifies_role_words() -> None:
    text = "本報訊(記者 張三 通訊員 李四)"
    assert fold(text) == "本报讯(记者 張三 通讯员 李四)"
    assert len(fold(text)) == len(text)


def test_script_is_detected_by_majority() -> None:
    assert is_traditional("本報訊 記者 通訊員 攝影 新華社電 讀者來信")
    assert not is_traditional("本报讯 记者 通讯员 摄影 新华社电 读者来信 報")


def test_unfold_gives_back_only_what_the_page_printed() -> None:
    original = "工會還惦記著我們，职工"
    back = unfolder(original)
    assert back(fold(original)) == original
    assert back("职工") == "职工"  # the page prints 职 in simplified form: kept


def test_traditional_page_parses_like_simplified() -> None:
    page = ("某市開通職工“通勤專線”\n"
            "【本報某地4月2日電】(記者 費晴川)4月1日起,某港務集團開通3條職工通勤專線,"
            "連接市區與港區,解決了2000餘名職工的上下班難題。\n"
            "集團工會表示,將根據職工反饋,適時增開夜班專線。\n")
    art = parse_text(page).articles[0]
    assert art.headline == "某市開通職工“通勤專線”"
    assert [a.name for a in art.authors] == ["費晴川"]
    assert art.body[0].text.startswith("4月1日起，某港務集團開通3條職工通勤專線")
