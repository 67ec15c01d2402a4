"""Stage 2: normalisation of text independent of layout."""

from __future__ import annotations

from importers.parsing.normalise import (
    clean_line,
    fullwidth_punct,
    is_letter_spaced,
    normalise_text,
    vis_len,
)


def test_windows_and_mac_line_ends_become_newlines() -> None:
    assert normalise_text("a\r\nb\rc") == "a\nb\nc"


def test_ideographic_and_no_break_spaces_become_spaces() -> None:
    assert normalise_text("工\u3000会\u00a0x") == "工 会 x"


def test_invisible_characters_are_removed() -> None:
    assert normalise_text("\ufeff工\u200b会") == "工会"


def test_nfc() -> None:
    assert normalise_text("e\u0301") == "\u00e9"


def test_justification_spaces_are_removed_from_body_text() -> None:
    assert clean_line("近 年 来 ，贵 州 工 会") == "近年来，贵州工会"


def test_space_before_punctuation_is_removed() -> None:
    assert clean_line("绘本漂流”活动 ，多种类型") == "绘本漂流”活动，多种类型"


def test_real_space_between_headline_halves_is_kept() -> None:
    assert clean_line("你去安心上班 工会帮着带娃", title=True) == "你去安心上班 工会帮着带娃"


def test_space_after_closing_quote_in_headline_is_kept() -> None:
    assert clean_line("薯农变“薯匠” 薯田变“薯都”", title=True) == "薯农变“薯匠” 薯田变“薯都”"


def test_letter_spaced_headline_is_joined() -> None:
    assert clean_line("“ 今 天 我 值 班 ”", title=True) == "“今天我值班”"


def test_spaces_around_latin_words_are_kept() -> None:
    assert clean_line("在浙里办 APP 上线") == "在浙里办 APP 上线"


def test_half_width_comma_in_chinese_is_widened() -> None:
    assert fullwidth_punct("每天下班后,我们乡") == "每天下班后，我们乡"


def test_half_width_brackets_in_chinese_are_widened() -> None:
    assert fullwidth_punct("本报讯(记者邢生祥)记者") == "本报讯（记者邢生祥）记者"


def test_half_width_question_mark_in_chinese_is_widened() -> None:
    assert fullwidth_punct("需要几道工序?") == "需要几道工序？"


def test_latin_punctuation_is_left_alone() -> None:
    assert fullwidth_punct("1,000 items (approx.)") == "1,000 items (approx.)"


def test_letter_spaced_detection() -> None:
    assert is_letter_spaced("阅 读 提 示")
    assert not is_letter_spaced("你去安心上班 工会帮着带娃")


def test_printed_width_counts_latin_as_half() -> None:
    assert vis_len("工会") == 2
    assert vis_len("AB") == 1
