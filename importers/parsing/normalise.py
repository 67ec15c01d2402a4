"""Text clean-up that does not depend on the page layout.

Line ends, Unicode form, invisible characters, the width of punctuation in
Chinese text, and spaces left by justified or letter-spaced PDF columns.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MULTI_SPACE = re.compile(r" {2,}")

# "Wide" = ideographs and full-width punctuation: text set on the CJK grid.
_WIDE_RANGES = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7\u25a0\u25a1"
)
WIDE = f"[{_WIDE_RANGES}]"
_IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Punctuation that never has a space next to it in Chinese text.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·"

_SPACE_BETWEEN_WIDE = re.compile(f"(?<={WIDE}) (?={WIDE})")
_SPACE_AT_PUNCT = re.compile(f"(?<=[{_CJK_PUNCT}]) | (?=[{_CJK_PUNCT}])")
# In titles a space after a closing quote can separate the two halves.
_TITLE_PUNCT = _CJK_PUNCT.replace("“", "").replace("”", "")
_SPACE_AT_TITLE_PUNCT = re.compile(f"(?<=[{_TITLE_PUNCT}]) | (?=[{_TITLE_PUNCT}])|(?<=“) | (?=”)")
_LETTER_SPACED_PAIR = re.compile(f"{WIDE} (?={WIDE})")
_WIDE_CHAR = re.compile(WIDE)

_HALF_ANY = re.compile(r"[,()?!:;]")
_HALF_TO_FULL = {",": "，", "(": "（", ")": "）", "?": "？", "!": "！", ":": "：", ";": "；"}
_HALF_PUNCT = re.compile(
    f"(?<=[{_IDEO}{_CJK_PUNCT}]) ?([,?!:;)])|([(])(?= ?[{_IDEO}])|([,;:?!])(?= ?[{_IDEO}“])"
    f"|(?<=[{_IDEO}])([(])|([)])(?= ?[{_IDEO}，。、；：])"
)


# Large files are normalised a piece at a time, each piece ending after a line
# feed: NFC never composes across a line feed and a CR LF pair stays whole, so
# the result is that of the whole text, without several full-size copies alive.
_PIECE = 1 << 20


def normalise_text(text: str) -> str:
    """Unify line ends, Unicode form and space characters of a whole file."""
    if len(text) <= _PIECE:
        return _normalise_piece(text)
    parts: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + _PIECE)
        end = len(text) if end < 0 else end + 1
        parts.append(_normalise_piece(text[start:end]))
        start = end
    return "".join(parts)


def _normalise_piece(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _ODD_SPACE.sub(" ", text)


def fullwidth_punct(text: str) -> str:
    """Half-width , ( ) ? ! : ; inside Chinese text -> full-width, for display."""
    if not _HALF_ANY.search(text):
        return text

    def repl(m: re.Match[str]) -> str:
        return _HALF_TO_FULL[next(g for g in m.groups() if g)]

    return _HALF_PUNCT.sub(repl, text)


def is_letter_spaced(line: str) -> bool:
    """True for display lines set with a space between every character (`职 工 书 屋`)."""
    pairs = len(_LETTER_SPACED_PAIR.findall(line))
    if pairs < 3:
        return False
    wide = len(_WIDE_CHAR.findall(line))
    return pairs >= 0.4 * (wide - 1)


def clean_line(line: str, *, title: bool = False) -> str:
    """One source line -> display text.

    Body text: a space between two Chinese characters is a justification
    artefact and goes. Title text keeps a single space between two halves
    (`你去安心上班 工会帮着带娃`) unless the whole line is letter-spaced.
    Spaces next to Latin words and numbers stay (`浙里办 APP`).
    """
    line = _MULTI_SPACE.sub(" ", line.strip())
    if not line:
        return line
    line = fullwidth_punct(line)
    if " " not in line:
        return line
    if not title or is_letter_spaced(line):
        line = _SPACE_BETWEEN_WIDE.sub("", line)
        return _SPACE_AT_PUNCT.sub("", line)
    return _SPACE_AT_TITLE_PUNCT.sub("", line)


def clean_light(line: str) -> str:
    """clean_line for body text already whitespace-collapsed and widened (hot path)."""
    if " " not in line:
        return line
    return _SPACE_AT_PUNCT.sub("", _SPACE_BETWEEN_WIDE.sub("", line.strip()))


def vis_len(text: str) -> float:
    """Printed width in em: Chinese characters 1; Latin, digits and curly quotes 1/2."""
    # Everything outside ASCII counts as wide (all in C: this runs for every line).
    narrow = len(text.encode("ascii", "ignore"))
    wide = len(text) - narrow
    quotes = text.count("“") + text.count("”") + text.count("‘") + text.count("’")
    spaces = text.count(" ")
    return wide - 0.5 * quotes + 0.5 * (narrow - spaces) + 0.25 * spaces


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
