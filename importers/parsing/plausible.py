"""How much decoded text looks like real Chinese: the check behind encoding guesses.

Legacy Chinese encodings overlap: nearly any Big5 byte stream also decodes as
GB18030 (and the reverse often as Big5), without an error, into rare characters,
kana, bopomofo and box-drawing symbols. Real newspaper text is made almost only
of the few thousand common characters, so the share of common characters tells
a right decoding from a wrong one.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# A decoding whose non-ASCII letters are at least this share common characters
# is taken as right; wrong decodings of real text score far lower (about 0.3-0.7).
PLAUSIBLE = 0.9


def _decodable(codec: str, leads: range, trails: list[int]) -> set[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


@cache
def common_characters() -> frozenset[str]:
    """The common Han characters of both scripts, taken from the standards' tables.

    GB2312's Han rows (6,763 simplified characters) and Big5's level 1 (5,401
    traditional characters, the frequent ones) together cover everyday text
    in either script; Big5's level 2 and GBK's extensions are the rare ones.
    """
    simplified = _decodable("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    traditional = _decodable("big5", range(0xA4, 0xC7), big5_trails)
    return frozenset(simplified | traditional)


def _is_neutral(ch: str) -> bool:
    # ASCII, spaces, punctuation, numbers (①, full-width digits) and symbols
    # (■, ★) say little about which encoding is right; letters do.
    if ch < "\x80" or ch.isspace():
        return True
    return unicodedata.category(ch)[0] in "PZNS"


def plausibility(text: str, *, sample: int = 20_000) -> tuple[float, int]:
    """(share of common characters among the non-ASCII letters, how many were seen)."""
    common = common_characters()
    seen = hits = 0
    for ch in text[:sample]:
        if _is_neutral(ch):
            continue
        seen += 1
        hits += ch in common
    return (hits / seen if seen else 1.0), seen
