"""Bytes -> text. Strict, cheap checks first; charset-normalizer only as a last resort.

Every guess among encodings that decode without error is checked for plausibility
(`plausible.py`): text that decodes into mostly rare characters is a wrong guess,
and a file no encoding reads plausibly is refused rather than imported as garbage.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .plausible import PLAUSIBLE, plausibility

# Anything but blanks and NULs: the file holds something (searched, not stripped,
# so a large file is not copied to find out).
_NOT_BLANK = re.compile(rb"[^ \t\r\n\x00]")
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


# Legacy Chinese encodings a newsroom's archive may hold, most common first:
# the mainland's GB18030 (a superset of GBK and GB2312) and Hong Kong's and
# Taiwan's Big5 (HKSCS is its superset).
_LEGACY_CJK = ("gb18030", "big5hkscs")


# Decoding a large file in pieces: CPython's one-shot decoder sizes its buffer by
# the byte count at the widest character width met (a 50 MB file of Chinese
# text briefly takes ~150 MB); pieces keep that overhead to one piece.
_PIECE = 1 << 20


def _decode(data: bytes, codec: str, skip: int = 0) -> str:
    """data[skip:].decode(codec), strict (raises UnicodeDecodeError)."""
    if len(data) - skip <= _PIECE:
        return data[skip:].decode(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    parts = [decoder.decode(view[at:at + _PIECE]) for at in range(skip, len(data), _PIECE)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return _decode(data, codec)
    except UnicodeDecodeError:
        return None


def _most_plausible(data: bytes, codecs_: tuple[str, ...]) -> tuple[str, str, float, int] | None:
    """The candidate decoding whose letters look most like Chinese text."""
    best: tuple[str, str, float, int] | None = None
    for codec in codecs_:
        text = _strict(data, codec)
        if text is None or _CONTROL.search(text[:65536]):
            continue
        share, seen = plausibility(text)
        if best is None or share > best[2]:
            best = (text, codec, share, seen)
    return best


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = len(_CONTROL.findall(text[:65536]))
    return bad > max(2, len(text[:65536]) // 200)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError naming the problem."""
    if not _NOT_BLANK.search(data):
        raise DecodeError("empty file")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = _decode(data, codec, len(bom))
            except UnicodeDecodeError as exc:
                msg = f"invalid {codec} text after byte-order mark: {exc.reason}"
                raise DecodeError(msg) from None
            return _checked(text, label)
    if b"\x00" in data:
        # Without a byte-order mark, UTF-16 is the only text with NUL bytes.
        best = _most_plausible(data, ("utf-16-le", "utf-16-be"))
        if best and best[2] >= PLAUSIBLE:
            return _checked(best[0], best[1])
        raise DecodeError("binary file (contains NUL bytes)")
    # UTF-8 validates itself: text that decodes strictly is UTF-8.
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(text, "utf-8")
    best = _most_plausible(data, _LEGACY_CJK)
    if best and best[2] >= PLAUSIBLE:
        return _checked(best[0], best[1])
    return _fallback(data, best)


def _fallback(data: bytes, cjk: tuple[str, str, float, int] | None) -> tuple[str, str]:
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        share, seen = plausibility(text)
        if seen == 0 or share >= PLAUSIBLE or not _has_han(text):
            return _checked(text, str(best.encoding))
    if cjk is not None:
        raise DecodeError(
            "unknown text encoding: read as GB18030 or Big5 the text is mostly rare "
            f"characters (at best {cjk[2]:.0%} common ones); save it as UTF-8 and "
            "import it again"
        )
    raise DecodeError("binary file or unknown text encoding")


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text[:20_000])


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _looks_binary(text):
        raise DecodeError("binary file (control characters in the text)")
    if not text or text.isspace():  # as `not text.strip()`, without copying the text
        raise DecodeError("empty file (only whitespace)")
    return text, encoding
