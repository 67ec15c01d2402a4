"""Line-level helpers: sentence ends, joining hard-wrapped lines, column width."""

from __future__ import annotations

import re

from .normalise import vis_len

# A sentence is over: 。！？… possibly followed by closing quotes or brackets.
_SENT_END = re.compile(r"[。！？!?…][”’」』）)\"]*$")
_STRONG_END = re.compile(r"[。！？!?…][”’」』）)\"]*$")
# Characters that cannot end a headline or stand-alone line: the text goes on.
_OPEN_END = re.compile(r"[，、；：,;:（(“‘《〈【「『—\-]$")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9%.]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9]")


def ends_sentence(text: str) -> bool:
    return bool(_STRONG_END.search(text.rstrip()))


def ends_clause(text: str) -> bool:
    """Ends a sentence (closing quotes and brackets may follow the stop)."""
    return bool(_SENT_END.search(text.rstrip()))


def open_ended(text: str) -> bool:
    return bool(_OPEN_END.search(text.rstrip())) and not text.rstrip().endswith("——")


def join_wrapped(a: str, b: str) -> str:
    """Undo a hard wrap: CJK joins with no space, Latin words with one."""
    if not a:
        return b
    if not b:
        return a
    if a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def forward_width(lengths: list[float], i: int, span: int = 8) -> float | None:
    """Printed width of the next few lines (75th percentile): the column a line sits in."""
    nxt = [x for x in lengths[i + 1: i + 1 + span] if x > 0]
    if len(nxt) < 2:
        return None
    nxt.sort()
    return nxt[min(len(nxt) - 1, int(len(nxt) * 0.75))]


def window_width(lengths: list[float], i: int, span: int = 5) -> float:
    """80th percentile of the line widths around line i (columns differ per item)."""
    lo = max(0, i - span)
    win = sorted(x for x in lengths[lo: i + span + 1] if x > 0)
    if not win:
        return 0.0
    return win[min(len(win) - 1, int(len(win) * 0.8))]


def line_width(text: str) -> float:
    return vis_len(text)
