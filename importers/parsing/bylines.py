"""Bylines: who wrote an item, with roles (newspaper conventions, not names)."""

from __future__ import annotations

import re

from .model import Author
from .names import is_organisation, looks_like_person

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
    "本报融媒体记者": "reporter",
    "本报摄影记者": "photographer",
    "见习通讯员": "correspondent",
    "市民记者": "correspondent",  # a portal's citizen reporter
    "学生记者": "correspondent",
}
ROLE_WORDS = tuple(_ROLE_WORDS)
ROLE_RE = "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
NAME = r"[\u3400-\u9fff·•]{2,5}"
_ROLE_THEN_NAME = re.compile(f"^({ROLE_RE})?({NAME})?$")
_ROLE_ONLY = re.compile(f"(?:{ROLE_RE})")
_ROLE_THEN_LONG = re.compile(f"^({ROLE_RE})?([\u3400-\u9fff]{{5,8}})$")
_JOB_TITLE = re.compile(
    r"(主席|书记|部长|主任|局长|厅长|院长|校长|会长|理事长|总经理|董事长|经理|委员|成员|专家|"
    r"教授|研究员|代表|工程师|队长|站长|所长|处长|科长|县长|市长|省长|馆长|秘书长)$"
)
_NAME_ONLY = re.compile(f"^{NAME}$")

# Run-in bylines at the head of a first paragraph: 本报讯（记者X 通讯员Y）…, 中工网讯 …
# The dateline form (新华社北京5月1日电, 本报某地5月1日电) may stand in 【】.
RUNIN = re.compile(
    r"^\s*((?:本报|中工网|工人日报|[\u4e00-\u9fff]{2,6}网)讯"
    r"|【?(?:新华社|中新社|本报)[\u4e00-\u9fff]{0,8}\d{1,2}月\s?\d{1,2}日\s?电】?)"
    r"\s*(?:[（(]([^（）()\n]{1,40})[）)])?\s*"
)
# `本报讯 张三报道`, `本报讯 记者张三 李四报道`: the run-in credit without brackets.
_REPORTED = re.compile(r"^([^，。：:（）()]{2,20}?)\s*报道\s*[:：]?\s*")
# `记者张三报道：…` opening a lead without 本报讯.
_LEAD_REPORTED = re.compile(
    r"^\s*((?:本报)?(?:记者|通讯员)[^，。：:（）()]{2,16}?)\s*报道\s*[:：]\s*"
)
SIGNATURE = re.compile(
    f"(?:^|(?<=\\s)|(?<=[。！？”…]))\\s*[□■]\\s*({NAME}(?:[ 、]{NAME}){{0,3}})\\s*$"
)


def role_of(word: str) -> str:
    return _ROLE_WORDS.get(word, "author")


def join_spaced_names(tokens: list[str]) -> list[str]:
    """Justified names (`岑 野`: a two-character name spread to the width of three)
    come apart into single characters: put them back together."""
    out: list[str] = []
    for tok in tokens:
        if (out and len(out[-1]) == 1 and len(tok) <= 2 and not _ROLE_ONLY.fullmatch(tok)
                and not _ROLE_ONLY.fullmatch(out[-1])):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _tokens_to_authors(tokens: list[str], default: str) -> list[Author] | None:
    """Role words apply to the names that follow them; None if a token is not a name."""
    tokens = join_spaced_names(tokens)
    authors: list[Author] = []
    role = default
    for tok in tokens:
        m = _ROLE_THEN_NAME.match(tok) or _ROLE_THEN_LONG.match(tok)
        if not m or not (m.group(1) or m.group(2)):
            return None
        if m.group(1):
            role = role_of(m.group(1))
        if m.group(2):
            names = split_run_together(m.group(2))
            if names is None:
                return None
            authors.extend(Author(n, role) for n in names)
    return authors


def split_run_together(word: str) -> list[str] | None:
    """Two names printed without a separator (`钟一凡郝雨桐`) come apart where both
    halves have a name's shape; a word of name length stays one name."""
    if len(word) <= 4 and not (len(word) == 4 and not looks_like_person(word)
                               and _two_names(word)):
        return [word]
    return _two_names(word)


def _two_names(word: str) -> list[str] | None:
    for cut in (3, 2, 4):
        a, b = word[:cut], word[cut:]
        if looks_like_person(a) and looks_like_person(b):
            return [a, b]
    return None


# `文/张三 图/李四`: text and picture credits of a feature.
_SLASH = f"(文图|文/图|文|图|摄影)\\s*[/／:：]\\s*({NAME}(?:[ 、]{NAME})*)"
_SLASH_CREDIT = re.compile(_SLASH)
_SLASH_LINE = re.compile(f"^(?:\\s*{_SLASH})+\\s*$")
# `□张三 /文 /图`, `张三 文/图`: the name first, then what the person made.
_NAME_SLASH_LINE = re.compile(
    f"^[□■]?\\s*({NAME}(?:[ 、]{NAME})*)\\s*((?:[/／]\\s*(?:文|图|摄影|摄)\\s*)+|文/图|文图)$"
)


def parse_byline_line(text: str) -> list[Author] | None:
    """A stand-alone byline line (`本报记者 田国垒 本报通讯员 李庆童`), else None."""
    text = text.strip()
    if text.endswith(("摄影报道", "图文报道")):
        # A photo story's credit under its title: the names took the pictures.
        people = parse_byline_line(text[:-4].strip())
        return [Author(a.name, "photographer") for a in people] if people else None
    if not text or len(text) > 60 or "摄" in text[-2:]:
        return None
    if _SLASH_LINE.match(text):
        out: list[Author] = []
        for kind, names in _SLASH_CREDIT.findall(text):
            role = "photographer" if kind in ("图", "摄影") else "author"
            out.extend(Author(n, role) for n in re.split(r"[ 、]", names) if n)
        return out or None
    text = text.lstrip("□■ ")
    marked = _credit_marks(text)
    if marked is not None:
        return marked
    m = _NAME_SLASH_LINE.match(text)
    if m:
        names = [n for n in re.split(r"[ 、]", m.group(1)) if n]
        role = "author" if "文" in m.group(2) else "photographer"
        return [Author(n, role) for n in names]
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


_MARK_AFTER = re.compile(r"\s*[/／]\s*(文图|文|图|摄影|摄)(?=\s|$)")
_MARK_BEFORE = re.compile(r"^(文/图|图/文|文图|文|图|摄影)\s*[/／:：]?\s+(?=\S)")


def _credit_marks(text: str) -> list[Author] | None:
    """Who wrote and who took the pictures, marked after each name
    (`本报记者 张三 /文 通讯员 李四 /图`) or once before all (`文/图 张三`)."""
    before = _MARK_BEFORE.match(text)
    if before and "/" in before.group(0):
        rest = text[before.end():].strip()
        names = join_spaced_names(rest.split())
        people = parse_byline_line(rest) or (
            [Author(n, "author") for n in names]
            if names and all(looks_like_person(n) for n in names) else None)
        if people:
            role = "photographer" if before.group(1) in ("图", "摄影") else "author"
            return [Author(a.name, role if a.role == "author" else a.role) for a in people]
        return None
    if not _MARK_AFTER.search(text):
        return None
    out: list[Author] = []
    pos = 0
    for m in _MARK_AFTER.finditer(text):
        people = parse_byline_line(text[pos:m.start()].strip()) if text[pos:m.start()].strip() \
            else None
        if people is None:
            tokens = text[pos:m.start()].split()
            people = _tokens_to_authors(tokens, "author") if tokens else None
        if not people and not out:
            return None
        for a in people or []:
            role = "photographer" if m.group(1) in ("图", "摄", "摄影") else a.role
            out.append(Author(a.name, role))
        pos = m.end()
    if text[pos:].strip():
        return None
    return out or None


def _reported_by(words: str) -> list[Author] | None:
    """The people of `张三报道`, `记者张三 李四报道`, `记者张三李四报道`."""
    tokens = [t for t in re.split(r"[\s、]+", words) if t]
    return _tokens_to_authors(tokens, "reporter") or None


def parse_runin(text: str) -> tuple[str, list[Author], str] | None:
    """Split `本报讯（记者马学礼 通讯员刘斌）正文…` into (prefix, authors, rest)."""
    m = RUNIN.match(text)
    if not m:
        lead = _LEAD_REPORTED.match(text)
        if not lead:
            return None
        authors = _reported_by(lead.group(1))
        if not authors or not text[lead.end():].strip():
            return None
        return text[: lead.end()].strip(), authors, text[lead.end():]
    rest = text[m.end():]
    if not rest.strip():
        return None
    authors: list[Author] = []
    end = m.end()
    if m.group(2):
        tokens = re.split(r"[\s、，,]+", m.group(2).strip())
        inner = m.group(2).strip()
        if re.search(ROLE_RE, inner):
            authors = _tokens_to_authors([t for t in tokens if t], "author") or []
        elif all(looks_like_person(t) for t in join_spaced_names([t for t in tokens if t])):
            authors = [Author(t, "author") for t in join_spaced_names([t for t in tokens if t])]
        # Otherwise a pen name of an office (`本报讯（禾工宣）`): no person.
    else:
        r = _REPORTED.match(rest)
        reported = _reported_by(r.group(1)) if r else None
        if reported:
            authors = reported
            end += r.end()
            rest = text[end:]
            if not rest.strip():
                return None
    prefix = text[:end].strip()
    return prefix, authors, rest


def parse_signature(text: str) -> tuple[str, str, list[Author]] | None:
    """Trailing credit of a signed piece: `…的风采。 □秦东风` -> (rest, '□秦东风', authors)."""
    if "□" not in text and "■" not in text:
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


# A `?` after the bracket is a character the archive's conversion lost.
_CLOSING = re.compile(r"^(.*[。！？!?”…])\s*[（(]([^（）()]{2,16})[）)][?？]?$")


def parse_closing_credit(text: str) -> tuple[str, str, list[Author]] | None:
    """A credit in brackets closing an item without a role word: a person
    (`…开幕。（卓文翰）`) or an organisation (`…参与。（某市总工会宣教部）`)."""
    if not text.rstrip("?？").endswith(("）", ")")):
        return None
    m = _CLOSING.match(text)
    if not m:
        return None
    credit = _bracketed_credit(m.group(2))
    return (m.group(1), *credit) if credit else None


def _bracketed_credit(inner: str) -> tuple[str, list[Author]] | None:
    inner = inner.strip()
    names = join_spaced_names(inner.split())
    if all(looks_like_person(n) for n in names) and len(names) <= 3:
        return inner, [Author(n, "author") for n in names]
    if is_organisation(inner) and " " not in inner:
        return inner, []
    return None


_CREDIT_LINE = re.compile(r"^[（(]([^（）()]{2,16})[）)]$")


def parse_credit_line(text: str) -> tuple[str, list[Author]] | None:
    """A closing credit printed on a line of its own under the last paragraph:
    an organisation (`（某市总工会法律部）`) or a person (`（张三）`)."""
    m = _CREDIT_LINE.match(text.strip())
    return _bracketed_credit(m.group(1)) if m else None


_GLUED = re.compile(r"^(.{12,}[。！？!?”])([\u4e00-\u9fff]{2,4})$")


def parse_glued_name(text: str) -> tuple[str, str, list[Author]] | None:
    """The writer's name set right after the last sentence (`…的温暖。张三`)."""
    m = _GLUED.match(text)
    if not m or not looks_like_person(m.group(2)):
        return None
    return m.group(1), m.group(2), [Author(m.group(2), "author")]


_PLACE_OR_JOB_END = re.compile(
    r"(?:[员工师者生人民长手医农兵]|[省市县区镇乡村州街]|[厂间司校院队站所局店部处科组班园社])$"
)


def parse_reader_signature(text: str) -> list[Author] | None:
    """A reader's signature under a letter: place or job, then the name
    (`某市 退休职工 张三`, `读者 张 三`, `某区快递员 李四`)."""
    t = text.strip().lstrip("—-－ ").strip()
    if not t or len(t) > 24 or re.search(r"[，。！？、：；“”]", t):
        return None
    tokens = join_spaced_names(t.split())
    if len(tokens) < 2 or not looks_like_person(tokens[-1]):
        return None
    head = "".join(tokens[:-1])
    if len(head) > 16 or not _PLACE_OR_JOB_END.search(head) or _ROLE_ONLY.search(head):
        return None
    return [Author(tokens[-1], "author")]


_ANSWER = re.compile(r"^([\u4e00-\u9fff]{2,14}?)\s*(?:答复|回复|答)\s*[:：]\s*")
_ANSWERERS = frozenset({"编者", "记者", "本报", "本刊", "律师", "编辑"})


def parse_answer(text: str) -> tuple[str, list[Author], str] | None:
    """`本报读者服务部答：据了解，…`: an organisation answering a reader's letter
    opens the answer with its name (a signature, no person) — (prefix, [], rest)."""
    m = _ANSWER.match(text)
    if not m or not text[m.end():]:
        return None
    who = m.group(1)
    if who not in _ANSWERERS and not is_organisation(who):
        return None
    return m.group(0).strip(), [], text[m.end():]
