"""Flattened text: a whole article (or several) run together on one line.

Copies taken from web pages or databases often lose their line breaks:
paragraphs, titles and the byline end up on one line, separated by the
paragraph indent (`　　`, two spaces after normalising) or by a single space.
Chinese body text has no spaces between sentences, so on a long line a space
is a lost break where one of these conventions says so.
"""

from __future__ import annotations

import re

from .bylines import RUNIN
from .normalise import is_letter_spaced

_MIN_LEN = 60
_INDENT = re.compile(r" {2,}")
_SENTENCE_END = "。！？!?…”’"
_TITLE_LIKE = re.compile(r"^[^，。！？：；,.!?;]{4,32}$")
_LEAD = re.compile(r"^(?:\d{1,2}月\d{1,2}日|近日|日前|近期|今年|去年|昨天|昨日|每天|每年|入春以来)")
_BYLINE_START = re.compile(
    r"^(?:本报|新华社|中新社|【|特约记者|见习记者|全媒体记者|记者|通讯员|图为)"
)
_RUNIN_HEAD = re.compile(r"^[^，。]{0,24}$")


def _break_at_space(left: str, right: str) -> bool:
    """Is the single space between `left` and `right` a lost line break?"""
    if not left or not right:
        return False
    if RUNIN.match(left) and _RUNIN_HEAD.match(left):
        return False  # inside a run-in byline (`本报讯 张三报道`, `本报讯（记者 张三）`)
    if left[-1] in _SENTENCE_END or left.endswith("——"):
        return True  # a paragraph, a kicker or a title block ended there
    if RUNIN.match(right) or _BYLINE_START.match(right):
        return True  # a byline or dateline starts
    return bool(_TITLE_LIKE.match(left) and (_LEAD.match(right) or right.startswith("——")))


def split_flattened(line: str) -> list[str]:
    """One long line -> the paragraphs and title lines run together in it."""
    s = line.strip()
    if len(s) < _MIN_LEN or " " not in s or is_letter_spaced(s):
        return [line]
    out: list[str] = []
    for part in _INDENT.split(s):
        if not part:
            continue
        pieces = part.split(" ")
        cur = pieces[0]
        for nxt in pieces[1:]:
            if _break_at_space(cur, nxt):
                out.append(cur)
                cur = nxt
            else:
                cur = f"{cur} {nxt}"
        out.append(cur)
    return out if len(out) > 1 else [line]
