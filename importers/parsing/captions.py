"""Photo captions and their credits (`新华社记者 马希平 摄`, `□邢浩 左东宁 摄`)."""

from __future__ import annotations

import re

from .bylines import NAME, ROLE_RE
from .names import looks_like_person

# A credit: optional □, then (role? name) groups, then 摄. It starts the text or
# follows a space or sentence punctuation, so caption words are not taken as names.
_CREDIT = re.compile(
    f"(?:^|(?<=\\s)|(?<=[。！？…”）]))\\s*(□?\\s*(?:(?:{ROLE_RE})\\s*)?{NAME}"
    f"(?:[ 、/]+(?:(?:{ROLE_RE})\\s*)?{NAME})*(?:\\s+|\\s*[/／]\\s*)摄(?:影)?)\\s*$"
)
_PART = re.compile(f"({ROLE_RE})?\\s*({NAME})")
_ROLE_ONLY = re.compile(ROLE_RE)


# Archives set the name right against 摄 (`图为车间一角。 李铁成摄`, `（觉果摄）`,
# `（某某网记者 张三摄影）`): then the name must look like a person's, so that
# `进行拍摄` is no credit.
_GLUED_CREDIT = re.compile(
    r"(?:^|(?<=\s)|(?<=[。！？…”）]))\s*((?:[\u4e00-\u9fff]{0,6}(?:记者|通讯员|摄影师))?\s*"
    r"([\u4e00-\u9fff]{2,4})摄(?:影)?)\s*$"
)


def _glued_credit(text: str, bracketed: bool = False) -> tuple[str, str, list[str]] | None:
    """In brackets (`（禚文摄）`) a short name before 摄 is a credit even when its
    surname is not on the list: nothing else is bracketed so."""
    m = _GLUED_CREDIT.search(text)
    if not m:
        return None
    name = m.group(2)
    if not (looks_like_person(name) or (bracketed and len(name) <= 3 and m.start(1) == 0
                                         and not _SHOOTING.search(name))):
        return None
    return text[: m.start(1)].rstrip(), m.group(1).strip(), [name]


# Words before 摄 that say how a picture was taken, not who took it (`航拍摄`, `翻摄`).
_SHOOTING = re.compile(r"[拍翻航抓]|图片|资料")


# A justified name right before 摄 (`本报记者 聂 平 摄`): its characters spread apart.
_SPACED_NAME = re.compile(
    r"(?<=[\s□])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?:[ \u3000]([\u4e00-\u9fff]))?"
    r"(?=[ \u3000]*[/／]?[ \u3000]*摄(?:影)?[）)]?$)"
)


def split_credit(text: str) -> tuple[str, str, list[str]] | None:
    """`caption 本报记者 陈华 摄` -> (caption, credit, [photographers]); None if no credit."""
    text = _SPACED_NAME.sub(lambda m: "".join(g for g in m.groups() if g), text.rstrip())
    if text.endswith(("摄）", "摄)", "摄影）", "摄影)")):
        # A credit in brackets: `…比拼。（本报通讯员 江文辉 摄）`
        cut = max(text.rfind("（"), text.rfind("("))
        inner = split_credit(text[cut + 1:-1]) if cut >= 0 else None
        if inner is None and cut >= 0:
            inner = _glued_credit(text[cut + 1:-1].strip(), bracketed=True)
        if inner is None or inner[0]:
            return None
        return text[:cut].rstrip(), inner[1], inner[2]
    if not text.endswith(("摄", "摄影")):
        return None
    m = _CREDIT.search(text)
    if not m:
        return _glued_credit(text)
    credit = m.group(1).strip()
    body = credit.lstrip("□ ").rstrip()
    body = re.sub(r"[/／]?\s*摄(?:影)?$", "", body).strip()
    names: list[str] = []
    for part in re.split(r"[ 、/]+", body):
        if not part or _ROLE_ONLY.fullmatch(part):
            continue
        pm = _PART.fullmatch(part)
        if not pm:
            return _glued_credit(text)
        names.append(pm.group(2))
    if not names:
        return None
    display = credit.replace("□", "").strip()
    return text[: m.start(1)].rstrip(), display, names
