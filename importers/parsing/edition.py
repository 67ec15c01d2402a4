"""Edition lines: where an e-paper copy or a printed page states its own edition.

E-papers print a line naming the paper, date and page above or below the
article (`《工人日报》（2012年05月03日 002版）`, `第8686期：第01版 首版`,
`版面:07: 人物`, `望潮职工报 2024年04月12日 第A03版：区县新闻`); printed pages
carry a running head (`望潮工人报　2023年9月21日　星期四　综合新闻　3`). Such a
line is furniture, not article text; what it says becomes an `EditionHint`.
"""

from __future__ import annotations

import datetime
import re

from .model import EditionHint

_DATE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2}))"
)
# 第03版 / 第A03版 / 002版 / 版面:07 / 版次：3 / A3版
_PAGE = re.compile(
    r"(?:第\s*[A-Za-z]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*版|(?<![\d年月日])[A-Za-z]?0*(\d{1,3})\s*版(?!权)"
    r"|版\s*[面次]\s*[:：]?\s*[A-Za-z]?(\d{1,3}))"
)
_ISSUE = re.compile(r"第\s*\d{1,6}\s*期")
_PAPER_QUOTED = re.compile(r"《([^《》]{2,20}?)》")
_PAPER_BARE = re.compile(
    r"^\s*([\u4e00-\u9fff]{2,12}(?:报|報|日报|晚报|电讯|周刊|画报))(?=[\s　（(，,]|\d)"
)
# A date alone (an archive's publication date) or a page label alone
# (`第5版(摄影)`, `第02版：要闻`).
_DATE_ONLY = re.compile(
    r"^(?:出版日期|日期|发布日期|发布时间)?\s*[:：]?\s*(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$"
)
_PAGE_ONLY = re.compile(
    r"^第\s*[A-Za-z]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*(?:[（(][^（）()]{1,8}[）)]|[:：]?\s*[\u4e00-\u9fff]{0,8})$"
    r"|^[A-Za-z]?0*\d{1,3}\s*版\s*[:：]\s*[\u4e00-\u9fff]{1,8}$"  # `04版:工会`, `00002版:工会`
)
_PAPER_AFTER_DATE = re.compile(r"日\s*([\u4e00-\u9fff]{2,10}(?:报|電訊|电讯))(?=\s|$|第)")
_SITE_SUFFIX = re.compile(r"(?:数字报刊平台|数字报|电子版|电子报|数字版)$")
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
# The page name follows the page number (`第02版 要闻`, `第A03版：区县新闻`, `版面:07: 人物`).
_PAGE_NAME_AFTER = re.compile(
    r"版\s*[面次]?\s*[:：]?\s*[A-Za-z]?\d{0,3}\s*[:：]?\s*([\u4e00-\u9fff]{2,8})"
)
_PAGE_NAME_BRACKETED = re.compile(r"版\s*[（(]([\u4e00-\u9fff]{1,8})[）)]")
# …or stands before a final page number in a running head (`综合新闻　3`).
_RUNNING_HEAD_TAIL = re.compile(r"([\u4e00-\u9fff]{2,8})\s+(\d{1,2})\s*$")
_RUNNING_HEAD_LEAD = re.compile(r"^\s*(\d{1,2})\s+")
_MAX_LEN = 90


_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True))


def _number(text: str) -> int:
    """`12` or a Chinese numeral up to 99 (`十二`, `二十`)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text, 0)


# A portal's time stamp, day first (`19.07.2015 10:32`).
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$"
)


def _date(text: str) -> datetime.date | None:
    m = _DATE.search(text)
    d = _DAY_FIRST.match(text.strip()) if not m else None
    if d:
        year, month, day = int(d.group(3)), int(d.group(2)), int(d.group(1))
    elif not m:
        return None
    else:
        year, month = int(m.group(1)), int(m.group(2) or m.group(4))
        day = int(m.group(3) or m.group(5))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def is_edition_line(line: str) -> bool:
    """A short line naming a page (`第3版`, `版面:07`) or an issue, or a running
    head (a date with its weekday), with little else: an edition line."""
    t = line.strip()
    if not t or len(t) > _MAX_LEN or t.endswith(("。", "！", "？")):
        return False
    if _DATE_ONLY.match(t) or _PAGE_ONLY.match(t) or _DAY_FIRST.match(t):
        return True
    if "版" not in t and "期" not in t and "星期" not in t and "周" not in t:
        return False  # every edition line names a page, an issue or a weekday
    if "，" in t or "。" in t:
        return False
    dated = _DATE.search(t) is not None
    if "上接" in t or "下转" in t or "转第" in t:
        return False  # a jump to or from another page, not the edition
    if _PAGE.search(t) and (dated or _ISSUE.search(t) or "版面" in t or _PAPER_QUOTED.search(t)):
        return True
    if _ISSUE.search(t) and ("版" in t or dated):
        return True
    return dated and bool(_WEEKDAY.search(t)) and len(t) <= 60


def read_edition(line: str) -> EditionHint:
    """What one edition line says (fields it does not state stay empty)."""
    t = line.strip()
    hint = EditionHint(date=_date(t))
    m = _PAGE.search(t)
    if m:
        hint.page = _number(next(g for g in m.groups() if g))
        n = _PAGE_NAME_AFTER.search(t, m.start())
        bracketed = _PAGE_NAME_BRACKETED.search(t, m.start())
        if bracketed:
            hint.page_name = bracketed.group(1)
        elif n and n.group(1) not in ("星期", "首页"):
            hint.page_name = n.group(1)
    else:
        tail = _RUNNING_HEAD_TAIL.search(t)
        lead = _RUNNING_HEAD_LEAD.match(t)
        if tail and _DATE.search(t) and not _WEEKDAY.fullmatch(tail.group(1)):
            hint.page, hint.page_name = int(tail.group(2)), tail.group(1)
        elif lead and _DATE.search(t):
            hint.page = int(lead.group(1))
    q = _PAPER_QUOTED.search(t)
    if q:
        hint.paper = q.group(1)
    else:
        b = _PAPER_BARE.match(t) or _PAPER_AFTER_DATE.search(t)
        if b:
            hint.paper = b.group(1)
    hint.paper = _SITE_SUFFIX.sub("", hint.paper)
    return hint


def merge_hints(hints: list[EditionHint]) -> EditionHint | None:
    """One hint from several edition lines: the first line stating a field wins."""
    if not hints:
        return None
    out = EditionHint()
    for h in hints:
        out.date = out.date or h.date
        out.page = out.page if out.page is not None else h.page
        out.page_name = out.page_name or h.page_name
        out.paper = out.paper or h.paper
    if not (out.date or out.page is not None or out.paper):
        return None
    return out

