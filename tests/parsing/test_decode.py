"""Stage 1: bytes -> text."""

from __future__ import annotations

import codecs

import pytest

from importers.parsing.decode import DecodeError, decode

TEXT = "本报讯（记者张三）近 年 来 ，贵州工会\n第二行 APP 2023年\n"


def test_utf8() -> None:
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_with_bom_strips_the_mark() -> None:
    text, enc = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (text, enc) == (TEXT, "utf-8-bom")


def test_gb18030() -> None:
    assert decode(TEXT.encode("gb18030")) == (TEXT, "gb18030")


def test_gbk_is_read_as_gb18030() -> None:
    assert decode(TEXT.encode("gbk"))[0] == TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    if codec != "utf-16":
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode(data)[0] == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    text, enc = decode(TEXT.encode(codec))
    assert (text, enc) == (TEXT, codec)


def test_utf32_with_bom() -> None:
    assert decode(TEXT.encode("utf-32"))[0] == TEXT


def test_windows_line_ends_survive_decoding() -> None:
    assert decode(TEXT.replace("\n", "\r\n").encode())[0].count("\r\n") == 2


def test_empty_file_is_an_error() -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode(b"")


def test_whitespace_only_file_is_an_error() -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode(b" \r\n\t\n")


def test_binary_file_is_an_error() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 8)


def test_control_characters_mean_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 20)


def test_other_legacy_encoding_falls_back_to_detection() -> None:
    text = "Zürich Straße – naïve café " * 20
    decoded, enc = decode(text.encode("cp1252"))
    # Single-byte Western encodings differ only in rare letters (ï): no CJK guess.
    assert decoded.startswith("Zürich Straße – na")
    assert enc.startswith("cp125")


# Invented traditional-script text, as a Hong Kong or Taiwan archive holds it.
TRADITIONAL = (
    "本報訊（記者 張明遠 通訊員 李曉華）近年來，瀾川市總工會堅持為職工辦實事，"
    "推動職工書屋建設。\n會議強調，要切實維護職工合法權益，讓勞動者體面勞動、全面發展。\n"
)
SIMPLIFIED = (
    "本报讯（记者张明远 通讯员李晓华）近年来，澜川市总工会坚持为职工办实事，推动职工书屋"
    "建设。\n会议强调，要切实维护职工合法权益，让劳动者体面劳动、全面发展。\n"
)


@pytest.mark.parametrize("codec", ["big5", "big5hkscs"])
def test_big5_is_not_mistaken_for_gb18030(codec: str) -> None:
    text, enc = decode(TRADITIONAL.encode(codec))
    assert text == TRADITIONAL
    assert enc == "big5hkscs"


def test_simplified_gb_text_is_not_mistaken_for_big5() -> None:
    assert decode(SIMPLIFIED.encode("gb2312")) == (SIMPLIFIED, "gb18030")


def test_traditional_text_in_gbk_stays_gbk() -> None:
    assert decode(TRADITIONAL.encode("gbk")) == (TRADITIONAL, "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_only_utf16_without_bom_is_detected(codec: str) -> None:
    # One line break in a long paragraph: few NUL bytes, none of them ASCII.
    text = SIMPLIFIED.replace("\n", "") * 3 + "\n"
    assert decode(text.encode(codec)) == (text, codec)


def test_undecidable_bytes_are_refused_not_imported_as_garbage() -> None:
    # Bytes that GB18030 accepts but that read as rare characters in every encoding.
    data = bytes([0x81, 0x40, 0x82, 0x41, 0x83, 0x42, 0xFE, 0x4F]) * 60
    with pytest.raises(DecodeError, match="UTF-8"):
        decode(data)


def test_plausibility_separates_right_and_wrong_decodings() -> None:
    from importers.parsing.plausible import PLAUSIBLE, plausibility

    right, _ = plausibility(TRADITIONAL)
    wrong, _ = plausibility(TRADITIONAL.encode("big5").decode("gb18030", "replace"))
    assert right >= PLAUSIBLE > wrong
