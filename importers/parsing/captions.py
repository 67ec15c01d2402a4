"""Photo captions and their credits (`新华社记者 马希平 摄`, `□邢浩 左东宁 摄`)."""

from __future__ import annotations

import re

from .bylines import NAME, ROLE_RE

# A credit: optional □, then (role? name) groups, then 摄. It starts the text or
# follows a space or sentence punctuation, so caption words are not taken as names.
_CREDIT = re.compile(
    f"(?:^|(?<=\\s)|(?<=[。！？…”）]))\\s*(□?\\s*(?:(?:{ROLE_RE})\\s*)?{NAME}"
    f"(?:[ 、/]+(?:(?:{ROLE_RE})\\s*)?{NAME})*(?:\\s+|\\s*[/／]\\s*)摄(?:影)?)\\s*$"
)
_PART = re.compile(f"({ROLE_RE})?\\s*({NAME})")
_ROLE_ONLY = re.compile(ROLE_RE)


def split_credit(text: str) -> tuple[str, str, list[str]] | None:
    """`caption 本报记者 陈华 摄` -> (caption, credit, [photographers]); None if no credit."""
    text = text.rstrip()
    if text.endswith(("摄）", "摄)", "摄影）", "摄影)")):
        # A credit in brackets: `…比拼。（本报通讯员 江文辉 摄）`
        cut = max(text.rfind("（"), text.rfind("("))
        inner = split_credit(text[cut + 1:-1]) if cut >= 0 else None
        if inner is None or inner[0]:
            return None
        return text[:cut].rstrip(), inner[1], inner[2]
    if not text.endswith(("摄", "摄影")):
        return None
    m = _CREDIT.search(text)
    if not m:
        return None
    credit = m.group(1).strip()
    body = credit.lstrip("□ ").rstrip()
    body = re.sub(r"[/／]?\s*摄(?:影)?$", "", body).strip()
    names: list[str] = []
    for part in re.split(r"[ 、/]+", body):
        if not part or _ROLE_ONLY.fullmatch(part):
            continue
        pm = _PART.fullmatch(part)
        if not pm:
            return None
        names.append(pm.group(2))
    if not names:
        return None
    display = credit.replace("□", "").strip()
    return text[: m.start(1)].rstrip(), display, names
