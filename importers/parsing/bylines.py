"""Bylines: who wrote an item, with roles (newspaper conventions, not names)."""

from __future__ import annotations

import re

from .model import Author

# Longest first, so 本报记者 wins over 记者.
_ROLE_WORDS = {
    "本报特约记者": "reporter",
    "本报见习记者": "reporter",
    "本报首席记者": "reporter",
    "本报实习生": "intern",
    "本报记者": "reporter",
    "本报通讯员": "correspondent",
    "新华社记者": "reporter",
    "新华社通讯员": "correspondent",
    "中新社记者": "reporter",
    "人民日报记者": "reporter",
    "工人日报记者": "reporter",
    "特约记者": "reporter",
    "见习记者": "reporter",
    "首席记者": "reporter",
    "实习记者": "reporter",
    "摄影记者": "photographer",
    "记者": "reporter",
    "通讯员": "correspondent",
    "实习生": "intern",
    "特约撰稿人": "author",
    "本报特约通讯员": "correspondent",
    "特约通讯员": "correspondent",
    "本报全媒体记者": "reporter",
    "全媒体记者": "reporter",
    "融媒体记者": "reporter",
    "驻站记者": "reporter",
}
ROLE_RE = "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
NAME = r"[\u3400-\u9fff·•]{2,5}"
_ROLE_THEN_NAME = re.compile(f"^({ROLE_RE})?({NAME})?$")
_JOB_TITLE = re.compile(
    r"(主席|书记|部长|主任|局长|厅长|院长|校长|会长|理事长|总经理|董事长|经理|委员|成员|专家|"
    r"教授|研究员|代表|工程师|队长|站长|所长|处长|科长|县长|市长|省长|馆长|秘书长)$"
)
_NAME_ONLY = re.compile(f"^{NAME}$")

# Run-in bylines at the head of a first paragraph: 本报讯（记者X 通讯员Y）…, 中工网讯 …
RUNIN = re.compile(
    r"^\s*((?:本报|中工网|工人日报|[\u4e00-\u9fff]{2,6}网)讯"
    r"|(?:新华社|中新社|本报)[\u4e00-\u9fff]{0,8}\d{1,2}月\s?\d{1,2}日\s?电)"
    r"\s*(?:[（(]([^（）()\n]{1,40})[）)])?\s*"
)
SIGNATURE = re.compile(
    f"(?:^|(?<=\\s)|(?<=[。！？”…]))\\s*□\\s*({NAME}(?:[ 、]{NAME}){{0,3}})\\s*$"
)


def role_of(word: str) -> str:
    return _ROLE_WORDS.get(word, "author")


def _tokens_to_authors(tokens: list[str], default: str) -> list[Author] | None:
    """Role words apply to the names that follow them; None if a token is not a name."""
    authors: list[Author] = []
    role = default
    for tok in tokens:
        m = _ROLE_THEN_NAME.match(tok)
        if not m or not (m.group(1) or m.group(2)):
            return None
        if m.group(1):
            role = role_of(m.group(1))
        if m.group(2):
            authors.append(Author(m.group(2), role))
    return authors


# `文/张三 图/李四`: text and picture credits of a feature.
_SLASH = f"(文图|文/图|文|图|摄影)\\s*[/／:：]\\s*({NAME}(?:[ 、]{NAME})*)"
_SLASH_CREDIT = re.compile(_SLASH)
_SLASH_LINE = re.compile(f"^(?:\\s*{_SLASH})+\\s*$")


def parse_byline_line(text: str) -> list[Author] | None:
    """A stand-alone byline line (`本报记者 田国垒 本报通讯员 李庆童`), else None."""
    text = text.strip()
    if not text or len(text) > 60 or "摄" in text[-2:]:
        return None
    if _SLASH_LINE.match(text):
        out: list[Author] = []
        for kind, names in _SLASH_CREDIT.findall(text):
            role = "photographer" if kind in ("图", "摄影") else "author"
            out.extend(Author(n, role) for n in re.split(r"[ 、]", names) if n)
        return out or None
    tokens = text.split()
    first = _ROLE_THEN_NAME.match(tokens[0])
    if first and first.group(1):
        authors = _tokens_to_authors(tokens, "author")
        if authors:
            return authors
    # A title before the name: 省总工会党组成员、副主席 赵霞
    if len(tokens) >= 2 and _NAME_ONLY.match(tokens[-1]) and len(tokens[-1]) <= 4:
        head = "".join(tokens[:-1])
        if _JOB_TITLE.search(head) and len(head) <= 30 and not re.search(r"[。，！？]", head):
            return [Author(tokens[-1], "author")]
    return None


def parse_runin(text: str) -> tuple[str, list[Author], str] | None:
    """Split `本报讯（记者马学礼 通讯员刘斌）正文…` into (prefix, authors, rest)."""
    m = RUNIN.match(text)
    if not m:
        return None
    rest = text[m.end():]
    if not rest.strip():
        return None
    authors: list[Author] = []
    if m.group(2):
        tokens = re.split(r"[\s、，,]+", m.group(2).strip())
        authors = _tokens_to_authors([t for t in tokens if t], "author") or []
        if not authors and len(m.group(2).strip()) <= 8:
            authors = [Author(m.group(2).strip(), "author")]
    prefix = text[: m.end()].strip()
    return prefix, authors, rest


def parse_signature(text: str) -> tuple[str, str, list[Author]] | None:
    """Trailing credit of a signed piece: `…的风采。 □秦东风` -> (rest, '□秦东风', authors)."""
    if "□" not in text:
        return None
    m = SIGNATURE.search(text)
    if not m:
        return None
    names = re.split(r"[ 、]", m.group(1))
    return text[: m.start()].rstrip(), m.group(0).strip(), [Author(n, "author") for n in names]


# A byline in brackets closing an item: `…提升。（本报记者 张三 通讯员 李四）`.
_PAREN_BYLINE = re.compile(
    f"[（(]\\s*((?:{ROLE_RE})\\s*{NAME}(?:[\\s、]+(?:(?:{ROLE_RE})\\s*)?{NAME})*)\\s*[）)]\\s*$"
)


def parse_paren_byline(text: str) -> tuple[str, str, list[Author]] | None:
    """`正文。（记者 张三）` -> ('正文。', '记者 张三', authors); the role word is required."""
    if not text.endswith(("）", ")")):
        return None
    m = _PAREN_BYLINE.search(text)
    if not m:
        return None
    tokens = [t for t in re.split(r"[\s、]+", m.group(1)) if t]
    authors = _tokens_to_authors(tokens, "author")
    if not authors:
        return None
    return text[: m.start()].rstrip(), m.group(1).strip(), authors
