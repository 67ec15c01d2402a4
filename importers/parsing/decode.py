"""Bytes -> text. Strict, cheap checks first; charset-normalizer only as a last resort."""

from __future__ import annotations

import codecs
import re

# Control characters other than tab, LF, FF, CR: a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The file cannot be read as text; the message names the reason."""


# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-bom"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)


def _guess_bomless_utf16(data: bytes) -> str | None:
    # UTF-16 text (Chinese or ASCII) has NULs concentrated in one byte parity
    # for ASCII, and pairs of non-NUL bytes for CJK; decoding must round-trip.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - (len(sample) % 2)]
    if not sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    candidates = []
    if odd > half * 0.2 and even < odd * 0.1:
        candidates.append("utf-16-le")
    if even > half * 0.2 and odd < even * 0.1:
        candidates.append("utf-16-be")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return enc
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = len(_CONTROL.findall(text[:65536]))
    return bad > max(2, len(text[:65536]) // 200)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError naming the problem."""
    if not data or not data.strip(b" \t\r\n\x00"):
        raise DecodeError("empty file")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                msg = f"invalid {codec} text after byte-order mark: {exc.reason}"
                raise DecodeError(msg) from None
            return _checked(text, label)
    if b"\x00" in data:
        enc = _guess_bomless_utf16(data)
        if enc:
            return _checked(data.decode(enc), enc)
        raise DecodeError("binary file (contains NUL bytes)")
    for enc in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(enc), enc)
        except UnicodeDecodeError:
            continue
    return _fallback(data)


def _fallback(data: bytes) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        raise DecodeError("unknown text encoding") from None
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary file or unknown text encoding")
    return _checked(str(best), str(best.encoding))


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _looks_binary(text):
        raise DecodeError("binary file (control characters in the text)")
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    return text, encoding
