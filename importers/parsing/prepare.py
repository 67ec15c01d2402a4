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

from .chrome import chrome_rule, page_directory, page_title_of
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
    r"\s*[·•|｜\-—_]?\s*(?:数字报刊平台|数字报刊|电子报刊|数字报纸|电子报纸|数字报|电子版|电子报|数字版|图文数据库|"
    r"数据库|网络版|在线)?(?:\s*第\s*\d{1,6}\s*期)?$"  # an e-paper's issue number may follow
)
_MASTHEAD_GLUED = re.compile(
    r"^([\u4e00-\u9fff]{2,10}(?:报|日报|晚报))(?:数字报|电子版|电子报|数字版|图文数据库)\s*(\S.*)$"
)
# A page named and numbered on lines of their own under the date (`综合新闻` / `02`).
_PAGE_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_PAGE_NUMBER_LINE = re.compile(r"^[A-Za-z]?\d{1,3}$")
# Entries of the page's list of stories, numbered (`1．标题`) or bulleted.
_LIST_ENTRY = re.compile(r"^(?:\d{1,2}\s*[.．、，,]|[·•▪◇◆■□])\s*[^。；]{2,30}$")
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


class _LineSorter:
    """Sorts the lines of a page, in order, into text and furniture.

    Each `_…` method below is one convention; it returns True when it took the
    line (as chrome, an edition hint or a byline). Some conventions span
    lines (a story list under its heading, the footer below a copyright line,
    a page name and number under the date), so the sorter keeps that state.
    """

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.chrome: list[str] = []
        self.hints: list[EditionHint] = []
        self.in_list = False
        self.in_footer = False
        self.after_edition = 0

    def add(self, line: str, plain: str) -> None:
        if not plain:
            self.kept.append(line)
            return
        line, plain = self._glued_masthead(line, plain)
        rules = (self._list_entry, self._footer_item, self._split_edition, self._author_field,
                 self._list_heading, self._masthead, self._edition_line, self._chrome_line)
        if not any(rule(line, plain) for rule in rules):
            self.kept.append(line)

    def _at_top(self) -> bool:
        return not any(k.strip() for k in self.kept)

    def _glued_masthead(self, line: str, plain: str) -> tuple[str, str]:
        """`某某日报电子版标题`: the site's name glued before the page title."""
        glued = _MASTHEAD_GLUED.match(plain) if self._at_top() else None
        if not glued:
            return line, plain
        self.hints.append(EditionHint(paper=glued.group(1)))
        self.chrome.append(glued.group(0)[: glued.start(2)])
        return glued.group(2), glued.group(2)

    def _list_entry(self, line: str, plain: str) -> bool:
        """An entry of the list of stories under its heading (`1．标题`, `■ 标题`)."""
        taken = self.in_list and bool(_LIST_ENTRY.match(plain))
        self.in_list = taken
        return self._chrome(line) if taken else False

    def _footer_item(self, line: str, plain: str) -> bool:
        """A short line below a copyright line or a follow-us heading."""
        taken = self.in_footer and bool(_FOOTER_ITEM.match(plain))
        self.in_footer = taken
        return self._chrome(line) if taken else False

    def _split_edition(self, line: str, plain: str) -> bool:
        """The page's name and number on lines of their own under the date."""
        number = _PAGE_NUMBER_LINE.match(plain)
        if not self.after_edition or _LIST_HEAD.fullmatch(plain) or not (number or (
                self.after_edition == 2 and _PAGE_NAME_LINE.match(plain))):
            self.after_edition = 0
            return False
        if number:
            self.hints.append(EditionHint(page=int(re.sub(r"\D", "", plain))))
        else:
            self.hints.append(EditionHint(page_name=plain))
        self.after_edition -= 1
        return self._chrome(line)

    def _author_field(self, line: str, plain: str) -> bool:
        """A meta row's author (`作者：本报记者 张三`) becomes a byline line."""
        author = author_from_meta(plain)
        if author is None:
            return False
        if is_edition_line(plain):
            self.hints.append(read_edition(plain))
        self.kept.append(author)
        return self._chrome(line)

    def _list_heading(self, line: str, plain: str) -> bool:
        """The heading of the page's list of stories (`本版导读`, `本版新闻`)."""
        if not _LIST_HEAD.fullmatch(plain):
            return False
        self.in_list = True
        return self._chrome(line)

    def _masthead(self, line: str, plain: str) -> bool:
        """The paper's name alone at the top of the copy."""
        if not (self._at_top() and is_masthead(plain)):
            return False
        self.hints.append(EditionHint(paper=_MASTHEAD.match(plain).group(1)))
        return self._chrome(line)

    def _edition_line(self, line: str, plain: str) -> bool:
        if not is_edition_line(plain):
            return False
        self.hints.append(read_edition(plain))
        if self.hints[-1].date and self.hints[-1].page is None:
            self.after_edition = 2  # the page's name and number may follow alone
        return self._chrome(line)

    def _chrome_line(self, line: str, plain: str) -> bool:
        rule = chrome_rule(plain)
        if not rule:
            return False
        self.in_list = bool(_LIST_HEAD.search(plain))
        self.in_footer = rule == "copyright_line" or (rule == "site_notice" and "关注" in plain)
        return self._chrome(line)

    def _chrome(self, line: str) -> bool:
        self.chrome.append(line)
        return True


def prepare(text: str) -> Prepared:
    """Normalised text -> the lines to segment, with chrome and edition set aside."""
    html = looks_like_html(text)
    lines = html_to_lines(text) if html else text.split("\n")
    unfold = None
    if is_traditional(text):
        unfold = unfolder(text)
        lines = [fold(ln) for ln in lines]
    sorter = _LineSorter()
    directory = page_directory(lines)
    for k, raw in enumerate(lines):
        if k in directory:
            sorter.chrome.append(raw)
            continue
        for line in split_flattened(raw):
            sorter.add(line, _PLAIN_HEADING.sub("", line.strip()) if html else line.strip())
    chrome, hints = sorter.chrome, sorter.hints
    kept = _drop_page_title(sorter.kept, chrome, hints)
    kept, repeated = _drop_repeats(kept)
    if not any(ln.strip() for ln in kept):
        # Everything looked like chrome: parse the text as it is rather than lose it.
        kept, chrome = lines, []
    return Prepared(lines=kept, chrome=chrome, edition=merge_hints(hints), unfold=unfold,
                    repeated=repeated, html=html)
