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
    assert "Zürich" in decoded or enc  # detected, never a traceback
