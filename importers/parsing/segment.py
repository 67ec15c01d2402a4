"""Article boundaries and title blocks, for both source flavours.

Both builders turn the file into a list of `Unit`s (a paragraph, a stand-alone
line, a byline, a credit, a marker…) and then walk them once, opening a new
`Draft` article where newspaper conventions say an item starts. The result is
refined into `ParsedArticle`s by `finish.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bylines import ROLE_RE, parse_byline_line, parse_runin, parse_signature
from .captions import split_credit
from .lines import (
    ends_clause,
    join_wrapped,
    open_ended,
)
from .model import Author, Block, ParsedArticle
from .normalise import clean_light, clean_line, fullwidth_punct, is_letter_spaced, vis_len
from .roles import (
    COLUMN_LABEL,
    CONTINUED,
    CONTINUED_INLINE,
    DATELINE,
    PROMPT,
    TITLE_MAX,
    assign_titles,
    despaced,
    is_column_word,
    is_org_label,
)

_SPACES = re.compile(r"\s+")
_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_BANNER = re.compile(r"^\*\*(.+?)\*\*\s*$")
_NOT_TITLE = re.compile(r"@|https?:|www\.|\d{3}-?\d{4}")
# A line ending in an e-mail address, web address or phone number ends its paragraph.
_ADDRESS_END = re.compile(r"(?:@[\w.-]+\.[A-Za-z]{2,}|https?://\S+|www\.\S+|\d{3,4}-?\d{7,8})$")
_DASH_END = re.compile(r"——$")
_CLAUSE_PUNCT = re.compile(r"[，、；：]")
# How news leads open: 近日，… / 9月13日，…
_LEAD_OPENER = re.compile(
    r"^(?:近日|日前|近期|昨天|昨日|今天|今年|去年|目前|当天|据悉|据了解|据介绍|"
    r"\d{1,2}\s?月\s?\d{1,2}\s?日(?:[至到]\s?\d{1,2}\s?日)?)[，,]"
)
_TWO_HALVES = re.compile(r"^[^\s，。；：]{4,}[ ][^\s，。；：]{4,}(?:[ ][^\s，。；：]{4,})?$")

W_DUP_BYLINE = "署名“{}”重复出现，其后的文字块已按语意重新排序，请核对"
W_DUP_FRAGMENT = "同一稿件中重复出现的署名，单列于此，核对后可删除"
W_ORPHAN_TITLE = "标题“{}”与图片说明分开排版，已按位置归入此图片，请核对"
W_BYLINE_AFTER = "署名位于标题之后、下一篇正文之前，已归入本篇，请核对"
W_PENDING_TITLE = "标题位于正文之前，已按版式推断归属，请核对"


@dataclass(slots=True)
class Unit:
    kind: str
    text: str = ""
    raw: str = ""
    blanks: int = 0
    prefix: str = ""
    authors: list[Author] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    page: int | None = None
    lines: list[str] = field(default_factory=list)
    blank_after: bool = False


@dataclass
class Draft:
    art: ParsedArticle
    raw: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    closed: bool = False
    runin: bool = False
    sig: bool = False
    expect_prompt: bool = False
    headings: int = 0
    anchor: int = 0  # body index where the current caption run starts

    def has_body(self) -> bool:
        return bool(self.art.body)

    def text_len(self) -> int:
        return sum(len(b.text) + len(b.caption) for b in self.art.body)

    def add_para(self, text: str, raw: str) -> None:
        if text:
            self.art.body.append(Block("paragraph", text=text))
        self.raw.append(raw)

    def add_heading(self, text: str, raw: str) -> None:
        self.art.body.append(Block("heading", text=text))
        self.headings += 1
        self.anchor = len(self.art.body)
        self.raw.append(raw)

    def add_byline(self, text: str, authors: list[Author]) -> None:
        self.art.byline = f"{self.art.byline} {text}".strip() if self.art.byline else text
        known = {(a.name, a.role) for a in self.art.authors}
        self.art.authors.extend(a for a in authors if (a.name, a.role) not in known)

    def add_sig(self, u: Unit) -> None:
        self.add_byline(u.text.replace("□", "").strip(), u.authors)
        self.raw.append(u.raw)
        self.sig = True
        self.closed = True

    def add_photo(self, u: Unit) -> None:
        """A credit closes a caption: the paragraphs since the last anchor, or only
        the last one inside a text article."""
        body = self.art.body
        photo_only = not self.art.byline and not self.headings and all(
            b.type == "paragraph" for b in body
        )
        start = self.anchor if photo_only else len(body) - 1
        start = max(0, min(start, len(body)))
        while start < len(body) and body[start].type != "paragraph":
            start += 1
        caps = [b.text for b in body[start:] if b.type == "paragraph"]
        del body[start:]
        body.append(Block("photo", caption="\n".join(caps), credit=u.prefix,
                          photographers=list(u.names)))
        self.anchor = len(body)
        self.raw.append(u.raw)
        if photo_only:
            self.closed = True

    def set_titles(self, lines: list[str], raw: str) -> None:
        kicker, headline, sub, orgs = assign_titles(lines)
        a = self.art
        a.kicker = _append(a.kicker, kicker)
        if headline and not a.headline:
            a.headline = headline
        elif headline:
            sub = f"{headline} {sub}".strip()
        if sub:
            a.subheadline = f"{a.subheadline} {sub}".strip()
        self.labels.extend(orgs)
        self.raw.append(raw)


def _append(old: str, new: str) -> str:
    """Add text to a field without losing what is already there."""
    if not new:
        return old
    return f"{old} {new}" if old else new


def _light(raw: str) -> str:
    """Whitespace collapsed and punctuation widened, spaces kept (bylines need them)."""
    return fullwidth_punct(_SPACES.sub(" ", raw.strip()))


_BYLINE_START = re.compile(f"^(?:{ROLE_RE}|本报|新华社|中新社)")


def _special(light: str, raw: str) -> Unit | None:
    """Whole-line markers shared by both flavours (cheap tests first: most lines
    are plain text)."""
    first = light[:1]
    if first in "■□◆●▲【[":
        m = COLUMN_LABEL.match(despaced(light))
        if m:
            return Unit("label", text=m.group(1), raw=raw)
    elif first == "阅":
        t = despaced(light)
        if PROMPT.match(t):
            return Unit("prompt", text=t, raw=raw)
    elif first in "（(":
        t = despaced(light)
        m = CONTINUED.match(t)
        if m:
            return Unit("contmark", text=t, raw=raw, page=int(m.group(1)))
        if DATELINE.match(light):
            return Unit("dateline", text=clean_line(light), raw=raw)
    if light.endswith(("摄", "摄影")):
        c = split_credit(light)
        if c and not c[0]:
            return Unit("credit", prefix=c[1], names=c[2], raw=raw)
    if "□" in light:
        s = parse_signature(light)
        if s and not s[0]:
            return Unit("sig", text=s[1], authors=s[2], raw=raw)
    if len(light) <= 60 and (" " in light or _BYLINE_START.match(light)):
        authors = parse_byline_line(light)
        if authors:
            return Unit("byline", text=light, authors=authors, raw=raw)
    return None


def _split_tails(light: str, raw: str) -> tuple[str, list[Unit]]:
    """Peel a trailing credit, signature or dateline off a text line."""
    tails: list[Unit] = []
    for _ in range(2):
        c = split_credit(light)
        if c:
            light = c[0]
            tails.insert(0, Unit("credit", prefix=c[1], names=c[2], raw=""))
            continue
        s = parse_signature(light)
        if s:
            light = s[0]
            tails.insert(0, Unit("sig", text=s[1], authors=s[2], raw=""))
            continue
        m = DATELINE.search(light)
        if m and m.start() > 0:
            tails.insert(0, Unit("dateline", text=clean_line(m.group(0)), raw=""))
            light = light[: m.start()].rstrip()
            continue
        break
    return light, tails


def _text_unit(light: str, raw: str, blanks: int = 0) -> list[Unit]:
    special = _special(light, raw)
    if special:
        special.blanks = blanks
        return [special]
    out: list[Unit] = []
    m = CONTINUED_INLINE.match(light)
    if m:  # （上接第1版）immediately followed by text
        out.append(Unit("contmark", text=m.group(0), raw="", page=int(m.group(1)), blanks=blanks))
        light = light[m.end():]
    core, tails = _split_tails(light, raw)
    if core:
        u = Unit("para", raw=raw, blanks=blanks, lines=[core])
        r = parse_runin(core)
        if r:
            u.prefix, u.authors, rest = r
            u.text = clean_line(rest)
        else:
            u.text = clean_line(core)
        out.append(u)
    elif tails:
        tails[0].raw = raw
    out.extend(tails)
    return out


class _Builder:
    """Shared article bookkeeping for both walks."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.last_titled: Draft | None = None
        self.p_labels: list[str] = []
        self.p_kicker = ""
        self.p_titles: list[str] = []
        self.p_raw: list[str] = []
        self.titles_after = False
        self.gap_splits = False

    def new(self) -> Draft:
        d = Draft(ParsedArticle(position=len(self.drafts)))
        d.labels.extend(self.p_labels)
        d.art.kicker = self.p_kicker
        if self.p_titles:
            d.set_titles(self.p_titles, "")
            if self.titles_after:
                d.art.warnings.append(W_PENDING_TITLE)
        d.raw.extend(self.p_raw)
        self.p_labels, self.p_kicker, self.p_titles, self.p_raw = [], "", [], []
        self.drafts.append(d)
        self.cur = d
        return d

    def ensure(self) -> Draft:
        if self.cur is None or self.cur.closed:
            return self.new()
        return self.cur

    def finish(self) -> list[Draft]:
        if self.p_labels or self.p_kicker or self.p_titles:
            d = self.new()
            d.art.kind = "fragment"
        return self.drafts


# ---------------------------------------------------------------- marked-up


def marked_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    blanks = 0
    for raw in lines:
        s = raw.strip()
        if not s:
            blanks += 1
            continue
        m = _HEADING.match(s)
        b = _BANNER.match(s)
        if m and (m.group(2) or len(m.group(1)) > 0) and s.startswith("#") and m.group(2):
            level = len(m.group(1))
            kind = "h1" if level == 1 else "h2" if level == 2 else "h3"
            units.append(Unit(kind, text=clean_line(_light(m.group(2)), title=True), raw=raw,
                              blanks=blanks))
        elif b:
            units.append(Unit("banner", text=clean_line(_light(b.group(1)), title=True), raw=raw,
                              blanks=blanks))
        else:
            units.extend(_text_unit(_light(s), raw, blanks))
        blanks = 0
    # Paragraphs broken by a stray blank line (`…乡风文明建` / `设的作用。`) are one.
    merged: list[Unit] = []
    for u in units:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.kind == "para" and u.kind == "para" and not u.prefix
                and u.blanks < 2 and prev.text and not ends_clause(prev.text)
                and not prev.text.endswith("——")):
            prev.text = join_wrapped(prev.text, u.text)
            prev.raw = f"{prev.raw}\n\n{u.raw}"
            prev.lines = [join_wrapped(prev.lines[0] if prev.lines else "",
                                       u.lines[0] if u.lines else u.text)]
            continue
        merged.append(u)
    return merged


def _kicker_like(text: str) -> bool:
    return text.endswith("——") or (not ends_clause(text) and vis_len(text) <= 80)


def _credit_ahead(units: list[Unit], i: int, stop: tuple[str, ...]) -> bool:
    """Do the paragraphs after unit i end in a photo credit (a photo story)?"""
    for u in units[i + 1: i + 8]:
        if u.kind == "credit":
            return True
        if u.kind != "para" or u.prefix or u.kind in stop:
            return False
    return False


def build_marked(lines: list[str]) -> list[Draft]:
    units = marked_units(lines)
    b = _Builder()
    n = len(units)
    # Several blank lines in a row separate items, where they are the exception.
    gaps = sum(1 for u in units if u.blanks >= 2)
    b.gap_splits = 0 < gaps <= max(2, n // 8)
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < n else None
        cur = b.cur
        k = u.kind
        if k == "h1":
            if cur is None or cur.has_body() or cur.art.headline or cur.closed:
                cur = b.new()
            cur.art.headline = _append(cur.art.headline, u.text)
            cur.raw.append(u.raw)
            cur.anchor = len(cur.art.body)
        elif k == "h2" and PROMPT.match(despaced(u.text)):
            cur = b.ensure()
            cur.expect_prompt = True
            cur.raw.append(u.raw)
        elif k == "h2" and nxt is not None and nxt.kind == "h1":
            if is_column_word(u.text):
                b.p_labels.append(u.text)
            else:
                b.p_kicker = _append(b.p_kicker, u.text.rstrip("—"))
            b.p_raw.append(u.raw)
        elif k in ("h2", "h3"):
            byline_next = nxt is not None and (
                nxt.kind == "byline" or (nxt.kind == "para" and bool(nxt.prefix)))
            starts = (
                cur is None or cur.closed or u.blanks >= 2 or byline_next
                or (k == "h2" and _credit_ahead(units, i, ("h1", "h2", "h3")))
            )
            if starts:
                cur = b.new()
                cur.art.headline = u.text
                cur.raw.append(u.raw)
            else:
                cur.add_heading(u.text, u.raw)
        elif k == "banner":
            if cur is not None and cur.art.headline and not cur.has_body():
                cur.labels.append(u.text)
                cur.raw.append(u.raw)
            else:
                b.p_labels.append(u.text)
                b.p_raw.append(u.raw)
        elif k == "label":
            b.p_labels.append(u.text)
            b.p_raw.append(u.raw)
        elif k == "prompt":
            cur = b.ensure()
            cur.expect_prompt = True
            cur.raw.append(u.raw)
        elif k == "contmark":
            cur = b.new()
            cur.art.continued_from_page = u.page
            cur.raw.append(u.raw)
        elif k == "dateline":
            cur = b.ensure()
            cur.art.dateline = _append(cur.art.dateline, u.text)
            cur.raw.append(u.raw)
        elif k == "byline":
            _byline(b, u)
        elif k == "credit":
            b.ensure().add_photo(u)
        elif k == "sig":
            (cur if cur is not None else b.new()).add_sig(u)
        elif k == "para":
            if cur is not None and cur.expect_prompt and not u.prefix:
                cur.art.reader_prompt = _append(cur.art.reader_prompt, u.text)
                cur.expect_prompt = False
                cur.raw.append(u.raw)
            elif nxt is not None and nxt.kind == "h1" and not u.prefix and _kicker_like(u.text):
                kicker = clean_line(u.lines[0], title=True) if u.lines else u.text
                b.p_kicker = _append(b.p_kicker, _DASH_END.sub("", kicker).strip())
                b.p_raw.append(u.raw)
            else:
                if (b.gap_splits and u.blanks >= 2 and not u.prefix and cur is not None
                        and cur.has_body()):
                    cur.closed = True  # a new, headless item
                _para(b, u)
    return b.finish()


def _byline(b: _Builder, u: Unit) -> None:
    cur = b.cur
    if cur is None or cur.closed:
        cur = b.new()
    if not cur.art.byline:
        if cur.has_body():
            cur.breaks.append(len(cur.art.body))
        cur.add_byline(u.text, u.authors)
    elif despaced(cur.art.byline) == despaced(u.text):
        # The same byline again marks a displaced block; its text is kept in a
        # flagged fragment so that nothing is dropped.
        cur.breaks.append(len(cur.art.body))
        cur.art.warnings.append(W_DUP_BYLINE.format(u.text))
        dup = Draft(ParsedArticle(position=0, kind="fragment", byline=u.text),
                    raw=[u.raw])
        dup.art.warnings.append(W_DUP_FRAGMENT)
        b.drafts.append(dup)
        return
    elif cur.has_body():
        cur = b.new()
        cur.add_byline(u.text, u.authors)
    else:
        cur.add_byline(u.text, u.authors)
    cur.raw.append(u.raw)


def _para(b: _Builder, u: Unit) -> None:
    cur = b.cur
    if u.prefix:
        if cur is None or cur.closed or cur.has_body() or cur.runin:
            cur = b.new()
        cur.runin = True
        cur.add_byline(u.prefix, u.authors)
        if "电" in u.prefix[-2:] and not cur.art.dateline:
            cur.art.dateline = u.prefix
    elif cur is None or cur.closed:
        cur = b.new()
    cur.add_para(u.text, u.raw)


# ---------------------------------------------------------------- PDF columns

_BOUNDARY_KINDS = ("byline", "label", "prompt", "contmark")


# A run-in byline cut by the wrap: bracket still open, or nothing after it yet.
_RUNIN_OPEN = re.compile(
    r"^\s*[^\s（(]{0,8}讯\s*(?:[（(][^）)]{0,40}|(?:[（(][^）)]{0,40}[）)])?\s*)$"
)


_NAME_AT_END = re.compile(f"(?:{ROLE_RE}|[\\s（(])[\u4e00-\u9fff]{{2,4}}$")
_NAME_AT_START = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[\s）)]|$)")
_ROLE_START = re.compile(f"^(?:{ROLE_RE})")
_ROLE_NAME = re.compile(f"(?:{ROLE_RE})[\u4e00-\u9fff]{{2,4}}")


def _join_in_bracket(head: str, tail: str) -> str:
    """Join a wrapped run-in byline; names broken between lines stay apart."""
    head_s, tail_s = head.rstrip(), tail.strip()
    last = re.split(r"[\s（(]", head_s)[-1]
    if _ROLE_START.match(last + tail_s) and not _ROLE_NAME.fullmatch(last):
        return head_s + tail_s  # a role word broken by the wrap (通讯 / 员)
    if head != head_s or (_NAME_AT_END.search(head_s) and _NAME_AT_START.match(tail_s)):
        return f"{head_s} {tail_s}"
    return head_s + tail_s


def _join_open_runin(lines: list[str]) -> list[str]:
    """A run-in byline whose bracket wraps onto the next line(s) is put back on one."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while "讯" in line[:12] and _RUNIN_OPEN.match(line) and j < len(lines) and j - i <= 4:
            if lines[j].strip():
                line = _join_in_bracket(line, lines[j])
            j += 1
            if not _RUNIN_OPEN.match(line):
                break
        if j > i + 1 and not ("讯" in line[:12] and _RUNIN_OPEN.match(line)):
            out.append(line)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _join_lone_credit_word(lines: list[str]) -> list[str]:
    """`…马希平` / `摄`: a credit's 摄 wrapped onto a line of its own."""
    out: list[str] = []
    for line in lines:
        if line.strip() in ("摄", "摄影") and out:
            k = len(out) - 1
            while k > 0 and not out[k].strip():
                k -= 1
            out[k] = out[k].rstrip() + " " + line.strip()
            continue
        out.append(line)
    return out


def _pdf_items(lines: list[str]) -> list[Unit]:
    items: list[Unit] = []
    for raw in _join_open_runin(_join_lone_credit_word(lines)):
        if not raw.strip():
            if items:
                items[-1].blank_after = True
            continue
        light = _light(raw)
        special = _special(light, raw)
        if special:
            items.append(special)
            continue
        m = CONTINUED_INLINE.match(light)
        if m:
            items.append(Unit("contmark", text=m.group(0), raw="", page=int(m.group(1))))
            light = light[m.end():]
        core, tails = _split_tails(light, raw)
        if core:
            u = Unit("text", text=core, raw=raw)
            r = parse_runin(core)
            if r:
                u.prefix, u.authors, u.text = r
            items.append(u)
        elif tails:
            tails[0].raw = raw
        items.extend(tails)
    # Characters set vertically, one per line (`太` / `原`), form a label.
    out: list[Unit] = []
    i = 0
    while i < len(items):
        j = i
        while (j < len(items) and items[j].kind == "text" and not items[j].prefix
               and len(items[j].text.replace(" ", "")) == 1):
            j += 1
        if j - i >= 2:
            out.append(Unit("label", text="".join(x.text.strip() for x in items[i:j]),
                            raw="\n".join(x.raw for x in items[i:j])))
            i = j
        else:
            out.append(items[i])
            i += 1
    return out


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("“”", "《》", "（）", "‘’"))


def _titleish(text: str) -> bool:
    """Could this cleaned line stand alone as a title or heading line?

    Not if it ends a sentence, ends open (comma, opening quote), holds an
    address or number, or leaves a quotation open (`…职工“网` wraps a word).
    """
    return (
        bool(text)
        and not ends_clause(text)
        and not open_ended(text)
        and not _NOT_TITLE.search(text)
        and vis_len(text) <= TITLE_MAX
        and _balanced(text)
    )


def pdf_units(lines: list[str]) -> list[Unit]:
    """Rebuild paragraphs from hard-wrapped column lines; keep stand-alone lines apart."""
    items = _pdf_items(lines)
    n = len(items)
    blank_after = [it.blank_after for it in items]
    # Blank lines mean something only where they are occasional: then a title
    # line stands between blank lines; after every line they say nothing.
    sparse_blanks = 3 <= sum(blank_after) < 0.6 * max(1, n)
    cleaned = [clean_light(it.text) if it.kind == "text" else "" for it in items]
    lengths = [vis_len(c) if c else 0.0 for c in cleaned]
    ends = [ends_clause(c) if c else False for c in cleaned]
    is_text = [it.kind == "text" for it in items]
    # Title blocks right before an item start: lines after a sentence end that
    # do not themselves end a sentence.
    forced = [False] * n
    for j in range(n + 1):
        if j < n and not (items[j].kind in _BOUNDARY_KINDS or (is_text[j] and items[j].prefix)):
            continue
        k = j - 1
        got: list[int] = []
        while (k >= 0 and is_text[k] and not items[k].prefix and len(got) < 4
               and _titleish(cleaned[k])):
            got.append(k)
            k -= 1
        if got and (k < 0 or not is_text[k] or ends_clause(cleaned[k])
                    or _NOT_TITLE.search(cleaned[k])):
            for x in got:
                forced[x] = True

    def local_width(i: int) -> float:
        """Column width at line i, from the lines of the same item only."""
        got: list[float] = []
        for j in range(i + 1, min(n, i + 9)):
            if not is_text[j] or items[j].prefix:
                break
            if not ends[j]:  # last lines of paragraphs are short
                got.append(lengths[j])
        if len(got) < 3:
            for j in range(i - 1, max(-1, i - 9), -1):
                if not is_text[j]:
                    break
                if not ends[j]:
                    got.append(lengths[j])
                if items[j].prefix:
                    break
        if not got:
            return lengths[i]
        got.sort()
        mid = got[len(got) // 2]
        # Headings, wide title lines and narrow wraps are not the column.
        full = [x for x in got if 0.7 * mid <= x <= 1.3 * mid] or got
        return full[(len(full) - 1) // 2]  # lower median: hanging punctuation overflows

    memo: dict[int, bool] = {}

    def standalone(i: int) -> bool:
        if i not in memo:
            memo[i] = _standalone(i)
        return memo[i]

    def _standalone(i: int) -> bool:
        text = cleaned[i]
        if forced[i]:
            return True
        if not _titleish(text) or items[i].prefix:
            return False
        if i > 0 and items[i - 1].kind == "prompt":
            return False  # 阅读提示 is followed by its paragraph
        fw = local_width(i)
        if text.endswith("——"):
            return True
        if i > 0 and is_text[i - 1] and cleaned[i - 1].endswith("——"):
            return True  # the headline under a kicker
        if i > 0 and items[i - 1].kind in ("sig", "credit", "dateline", "label"):
            # A title right after a signed or credited item: shorter than an
            # indented first line, or followed by one (not by a full-width line).
            if lengths[i] <= fw - 2.5:
                return True
            j = i + 1
            if (lengths[i] <= fw and j < n and is_text[j] and not ends[j]
                    and lengths[j] <= fw - 1.5):
                return True
        if sparse_blanks and not (blank_after[i] or (
                i + 1 < n and is_text[i + 1] and blank_after[i + 1]
                and _titleish(cleaned[i + 1]) and lengths[i + 1] <= fw - 2)):
            return False
        if (sparse_blanks and i > 0 and blank_after[i - 1] and blank_after[i]
                and not _CLAUSE_PUNCT.search(text)):
            return lengths[i] <= fw - 1
        if (i + 1 < n and is_text[i + 1] and _LEAD_OPENER.match(cleaned[i + 1])
                and lengths[i] <= fw):
            return True  # the next line opens a news lead, so this one is not its start
        if _TWO_HALVES.search(items[i].text) and not is_letter_spaced(items[i].text):
            return lengths[i] <= fw * 1.3  # `你去安心上班 工会帮着带娃`: a headline's halves
        if is_letter_spaced(items[i].text):
            # Justified body lines are letter-spaced too, but fill the column.
            return vis_len(items[i].text) + items[i].text.count(" ") * 0.25 <= fw - 2
        # Paragraphs open with a two-character indent, so a first line is up to
        # two characters short; a heading is clearly shorter than that.
        return lengths[i] <= min(fw - 3.5, fw * 0.8)

    units: list[Unit] = []
    para: Unit | None = None

    def flush() -> None:
        nonlocal para
        if para is not None:
            units.append(para)
            para = None

    for i, it in enumerate(items):
        if not is_text[i]:
            flush()
            units.append(it)
            continue
        if para is not None and (forced[i] or it.prefix):
            flush()
        if para is None:
            if not it.prefix and standalone(i):
                units.append(Unit("line", text=clean_line(it.text, title=True), raw=it.raw,
                                  lines=[it.text]))
                continue
            para = Unit("para", text=cleaned[i], raw=it.raw, prefix=it.prefix,
                        authors=it.authors, lines=[it.text])
        else:
            para.text = join_wrapped(para.text, cleaned[i])
            para.raw += "\n" + it.raw
            para.lines.append(it.text)
        nxt_text = i + 1 < n and is_text[i + 1]
        if (ends_clause(cleaned[i]) or _ADDRESS_END.search(cleaned[i])) and (
            not nxt_text or lengths[i] <= local_width(i) - 1.5
            or items[i + 1].prefix or forced[i + 1]
            or cleaned[i + 1].startswith("“") or standalone(i + 1)
        ):
            flush()
    flush()
    # Consecutive stand-alone lines form one block.
    out: list[Unit] = []
    for u in units:
        if u.kind == "line" and out and out[-1].kind == "block":
            out[-1].lines.append(u.lines[0])
            out[-1].raw += "\n" + u.raw
        elif u.kind == "line":
            out.append(Unit("block", raw=u.raw, lines=[u.lines[0]]))
        else:
            out.append(u)
    return out


def _photo_ahead(units: list[Unit], i: int) -> bool:
    for u in units[i + 1: i + 8]:
        if u.kind == "credit":
            return True
        if u.kind != "para" or u.prefix:
            return False
    return False


def _sig_ahead(units: list[Unit], i: int) -> bool:
    for u in units[i + 1:]:
        if u.kind == "sig":
            return True
        if u.kind in ("byline", "contmark", "block", "label") or (u.kind == "para" and u.prefix):
            return False
    return False


def _titles_after(units: list[Unit]) -> bool:
    """Do title blocks follow their bodies on this page (the usual PDF layout)?

    Decided from both ends of the page: a page that opens with a title block
    and closes with body text has its titles above the bodies.
    """
    content = [u for u in units if u.kind not in ("label",)]
    if not content:
        return True
    first_block = content[0].kind == "block"
    last_block = content[-1].kind == "block"
    return not (first_block and not last_block)


def build_pdf(lines: list[str]) -> list[Draft]:
    units = pdf_units(lines)
    b = _Builder()
    b.titles_after = _titles_after(units)
    n = len(units)
    for i, u in enumerate(units):
        cur = b.cur
        nxt = units[i + 1] if i + 1 < n else None
        k = u.kind
        if k == "block":
            _pdf_block(b, units, i, u, nxt)
        elif k == "byline":
            prev = b.last_titled
            if (cur is None and prev is not None and not prev.art.byline and not prev.runin
                    and _sig_ahead(units, i)):
                prev.add_byline(u.text, u.authors)
                prev.raw.append(u.raw)
                prev.art.warnings.append(W_BYLINE_AFTER)
            elif (cur is not None and cur.has_body() and not cur.closed
                  and not (nxt is not None and nxt.kind == "block")):
                # Titles follow bodies here, so a byline after body text opens
                # the next item (unless a title block follows: a trailing byline).
                b.new()
                _byline(b, u)
            else:
                _byline(b, u)
        elif k == "para":
            target = cur if cur is not None else b.last_titled
            if target is not None and target.expect_prompt and not u.prefix:
                target.art.reader_prompt = _append(target.art.reader_prompt, u.text)
                target.expect_prompt = False
                target.raw.append(u.raw)
            else:
                _para(b, u)
        elif k == "prompt":
            target = cur if cur is not None else b.last_titled
            if target is None:
                target = b.new()
            target.expect_prompt = True
            target.raw.append(u.raw)
        elif k == "credit":
            b.ensure().add_photo(u)
        elif k == "sig":
            (cur if cur is not None else b.new()).add_sig(u)
        elif k == "dateline":
            cur = cur if cur is not None else b.new()
            cur.art.dateline = _append(cur.art.dateline, u.text)
            cur.raw.append(u.raw)
            cur.closed = True
        elif k == "label":
            b.p_labels.append(u.text)
            b.p_raw.append(u.raw)
        elif k == "contmark":
            cur = b.new()
            cur.art.continued_from_page = u.page
            cur.raw.append(u.raw)
    return b.finish()


def _pdf_block(b: _Builder, units: list[Unit], i: int, u: Unit, nxt: Unit | None) -> None:
    """Stand-alone lines: the title block of the item before them, or a section heading."""
    cur = b.cur
    lines = u.lines
    cleaned = [clean_line(x, title=True) for x in lines]
    orgs_only = all(is_org_label(c) for c in cleaned)
    prev = units[i - 1] if i > 0 else None
    starts_next = nxt is None or nxt.kind in _BOUNDARY_KINDS or (
        nxt.kind == "para" and bool(nxt.prefix))
    evidence = (
        starts_next
        or any(c.endswith("——") or is_org_label(c) for c in cleaned)
        or any(is_letter_spaced(x) for x in lines)
        or any(_TWO_HALVES.search(x) for x in lines)
        or (prev is not None and prev.kind in ("sig", "credit", "dateline"))
        or len(lines) >= 3
        or _photo_ahead(units, i)
    )
    if cur is None:
        # Nothing open: a title before its body (or a label of the next brief).
        # Above the first item of a titles-after page it is page furniture.
        if orgs_only or (b.titles_after and not b.drafts and not b.p_titles):
            b.p_labels.extend(cleaned)
        else:
            b.p_titles.extend(lines)
        b.p_raw.append(u.raw)
        return
    short_news = cur.runin and not cur.headings and cur.text_len() < 700
    if not b.titles_after:
        if (evidence or cur.closed or short_news) and cur.has_body():
            b.p_titles.extend(lines)
            b.p_raw.append(u.raw)
            b.cur = None
        elif not cur.has_body() and not cur.art.headline:
            cur.set_titles(lines, u.raw)
        else:
            cur.add_heading(_join_heading(cleaned), u.raw)
        return
    if orgs_only and cur.labels and starts_next:
        b.p_labels.extend(cleaned)
        b.p_raw.append(u.raw)
        return
    if not cur.has_body() and not cur.art.headline:
        cur.set_titles(lines, u.raw)  # title above the body after all
        return
    if evidence or cur.closed or short_news:
        if cur.art.continued_from_page and cur.art.dateline:
            photo = next((d for d in reversed(b.drafts)
                          if not d.art.headline and any(x.type == "photo" for x in d.art.body)),
                          None)
            if photo is not None:
                photo.set_titles(lines, u.raw)
                photo.art.warnings.append(W_ORPHAN_TITLE.format(" ".join(cleaned)))
                b.cur = None
                b.last_titled = photo
                return
        if cur.art.headline:
            if starts_next:
                b.p_titles.extend(lines)
                b.p_raw.append(u.raw)
                b.cur = None
            else:
                cur.add_heading("".join(cleaned), u.raw)
            return
        cur.set_titles(lines, u.raw)
        b.last_titled = cur
        b.cur = None
        return
    cur.add_heading(_join_heading(cleaned), u.raw)


def _join_heading(cleaned: list[str]) -> str:
    text = cleaned[0]
    for c in cleaned[1:]:
        text = join_wrapped(text, c)
    return text
