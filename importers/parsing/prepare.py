"""Before segmenting: the source's form, its chrome and its edition line.

Whatever the export (plain text, an e-paper page saved as text, an HTML
fragment, a database dump with flattened lines, traditional characters), this
stage hands the segmenters the lines of the printed text only:

- HTML is read with an HTML parser (`htmltext.py`);
- traditional characters are folded for the rules (`script.py`);
- flattened lines are split back (`flattened.py`);
- site chrome (`chrome.py`) and edition lines (`edition.py`) are set aside,
  the edition line becoming the file's `EditionHint`;
- a meta line's author (`作者：…`) becomes a byline line;
- the page title a site repeats above its own headline is set aside;
- a paragraph the site printed twice is kept once (and reported).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .chrome import chrome_rule, page_title_of
from .edition import is_edition_line, merge_hints, read_edition
from .flattened import split_flattened
from .htmltext import html_to_lines, looks_like_html
from .model import EditionHint
from .script import fold, is_traditional, unfolder


@dataclass
class Prepared:
    lines: list[str]
    chrome: list[str] = field(default_factory=list)
    edition: EditionHint | None = None
    unfold: Callable[[str], str] | None = None
    repeated: list[str] = field(default_factory=list)
    html: bool = False


_AUTHOR_FIELD = re.compile(
    r"(?:^|\s)(?:作者|撰稿|撰文|记者)\s*[:：]\s*(.+?)(?=\s+\S{1,4}\s*[:：]|$)"
)
_META_FIELDS = re.compile(r"(?:版面|作者|来源|字数|日期|发布时间|编辑|责任编辑)\s*[:：]")
_ROLE_START = re.compile(r"^(?:本报|新华社|特约|见习|实习|全媒体|融媒体|首席|记者|通讯员|摄影)")
_PLAIN_HEADING = re.compile(r"^#{1,6}\s*")
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)]*$")


def author_from_meta(line: str) -> str | None:
    """`作者：本报记者 张三 通讯员 李四` or a meta row `版面:07 作者: 张三 来源: …`:
    the author field as a byline line (a bare name is written `文/张三`)."""
    if not _META_FIELDS.search(line):
        return None
    m = _AUTHOR_FIELD.search(line)
    if not m:
        return None
    value = m.group(1).strip()
    if not value or len(value) > 40:
        return None
    return value if _ROLE_START.match(value) else f"文/{value}"


_MASTHEAD = re.compile(
    r"^([\u4e00-\u9fff]{2,10}?(?:报|日报|晚报|工人报|职工报|电讯|周刊))"
    r"\s*[·•|｜\-—_]?\s*(?:数字报刊平台|数字报刊|电子报刊|数字报|电子版|电子报|数字版|图文数据库|"
    r"数据库|网络版|在线)?$"
)
_MASTHEAD_GLUED = re.compile(
    r"^([\u4e00-\u9fff]{2,10}(?:报|日报|晚报))(?:数字报|电子版|电子报|数字版|图文数据库)\s*(\S.*)$"
)
# A page named and numbered on lines of their own under the date (`综合新闻` / `02`).
_PAGE_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_PAGE_NUMBER_LINE = re.compile(r"^[A-Za-z]?\d{1,3}$")
# Entries of the page's list of stories, numbered (`1．标题`) or bulleted.
_LIST_ENTRY = re.compile(r"^(?:\d{1,2}\s*[.．、]|[·•▪◇◆■□])\s*[^，。；]{2,30}$")
_LIST_HEAD = re.compile(r"导读|导航|本版标题|本版要目|目录|本版新闻|本版要闻")
# Below a copyright line or a follow-us heading the page has only its footer.
_FOOTER_ITEM = re.compile(r"^[^，。！？；]{1,12}$")


def is_masthead(line: str) -> bool:
    """The paper's name alone on a line (`某某职工报`, `某某日报 · 数字报`) at the
    top of a copy."""
    return bool(_MASTHEAD.match(line.strip()))


def _key(line: str) -> str:
    return "".join(_PLAIN_HEADING.sub("", line).split())


_SITE_PAPER = re.compile(
    r"(?:_|－|—|-|\||｜)\s*([\u4e00-\u9fff]{2,10}(?:报|日报|晚报))(?:数字报|电子版|电子报)?\s*$"
)


def _drop_page_title(lines: list[str], chrome: list[str],
                     hints: list[EditionHint]) -> list[str]:
    """A site prints the headline twice, as the page title (often with the site
    name, `标题_某某报`) and again above the article: the first copy is chrome.
    Only text-free lines (titles, bylines) may stand between the two copies."""
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    drop: set[int] = set()
    for n, i in enumerate(content[:12]):
        key = _key(page_title_of(_PLAIN_HEADING.sub("", lines[i])))
        if len(key) < 4 or len(key) > 60 or "。" in key or _SENTENCE_END.search(key):
            continue
        for j in content[n + 1:n + 8]:
            later = _key(lines[j])
            if later == key:
                drop.add(i)
                break
            if len(later) > 40 or _SENTENCE_END.search(later):
                break  # body text: the title is not repeated right above its article
        if any(_SENTENCE_END.search(_key(lines[k])) for k in content[:n + 1]):
            break  # past the head of the page
    if not drop:
        return lines
    for i in drop:
        site = _SITE_PAPER.search(lines[i])
        if site:
            hints.append(EditionHint(paper=site.group(1)))
    chrome.extend(lines[i] for i in sorted(drop))
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _drop_repeats(lines: list[str]) -> tuple[list[str], list[str]]:
    """A body printed twice (sites that repeat the text below a photo or in a
    print view): every paragraph seen before is dropped, and so is a repeated
    title right above such a paragraph; the dropped paragraphs are reported."""
    seen: set[str] = set()
    again = [False] * len(lines)
    paragraph = [False] * len(lines)
    for i, ln in enumerate(lines):
        if len(ln) < 8:
            continue
        key = _key(ln)
        if len(key) < 8 or key.startswith("#"):
            continue
        paragraph[i] = len(key) >= 30 or (len(key) >= 20 and bool(_SENTENCE_END.search(key)))
        again[i] = key in seen
        seen.add(key)
    drop = [again[i] and paragraph[i] for i in range(len(lines))]
    for i in range(len(lines) - 2, -1, -1):
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if again[i] and not paragraph[i] and nxt is not None and drop[nxt]:
            drop[i] = True  # the repeated title of the repeated body
    kept = [ln for i, ln in enumerate(lines) if not drop[i]]
    repeated = [ln.strip() for i, ln in enumerate(lines) if drop[i] and paragraph[i]]
    return kept, repeated


def prepare(text: str) -> Prepared:
    """Normalised text -> the lines to segment, with chrome and edition set aside."""
    html = looks_like_html(text)
    lines = html_to_lines(text) if html else text.split("\n")
    unfold = None
    if is_traditional(text):
        unfold = unfolder(text)
        lines = [fold(ln) for ln in lines]
    chrome: list[str] = []
    hints: list[EditionHint] = []
    kept: list[str] = []
    in_list = in_footer = False
    after_edition = 0
    for raw in lines:
        for line in split_flattened(raw):
            plain = _PLAIN_HEADING.sub("", line.strip()) if html else line.strip()
            if not plain:
                kept.append(line)
                continue
            glued = _MASTHEAD_GLUED.match(plain) if not any(k.strip() for k in kept) else None
            if glued:  # `某某日报电子版标题`: the site name glued before the title
                hints.append(EditionHint(paper=glued.group(1)))
                chrome.append(glued.group(0)[: glued.start(2)])
                plain = line = glued.group(2)
            if in_list and _LIST_ENTRY.match(plain):
                chrome.append(line)
                continue
            in_list = False
            if in_footer and _FOOTER_ITEM.match(plain):
                chrome.append(line)
                continue
            in_footer = False
            if after_edition and (_PAGE_NUMBER_LINE.match(plain) or (
                    after_edition == 2 and _PAGE_NAME_LINE.match(plain))):
                hint = EditionHint()
                if _PAGE_NUMBER_LINE.match(plain):
                    hint.page = int(re.sub(r"\D", "", plain))
                else:
                    hint.page_name = plain
                hints.append(hint)
                chrome.append(line)
                after_edition -= 1
                continue
            after_edition = 0
            author = author_from_meta(plain)
            if author is not None:
                if is_edition_line(plain):
                    hints.append(read_edition(plain))
                chrome.append(line)
                kept.append(author)
            elif plain and _LIST_HEAD.fullmatch(plain):
                chrome.append(line)  # the heading of the page's list of stories
                in_list = True
            elif plain and not any(k.strip() for k in kept) and is_masthead(plain):
                hints.append(EditionHint(paper=_MASTHEAD.match(plain).group(1)))
                chrome.append(line)
            elif plain and is_edition_line(plain):
                hints.append(read_edition(plain))
                chrome.append(line)
                if hints[-1].date and hints[-1].page is None:
                    after_edition = 2  # the page's name and number may follow alone
            elif plain and (rule := chrome_rule(plain)):
                chrome.append(line)
                in_list = bool(_LIST_HEAD.search(plain))
                in_footer = rule == "copyright_line" or (rule == "site_notice" and "关注" in plain)
            else:
                kept.append(line)
    kept = _drop_page_title(kept, chrome, hints)
    kept, repeated = _drop_repeats(kept)
    if not any(ln.strip() for ln in kept):
        # Everything looked like chrome: parse the text as it is rather than lose it.
        kept, chrome = lines, []
    return Prepared(lines=kept, chrome=chrome, edition=merge_hints(hints), unfold=unfold,
                    repeated=repeated, html=html)
