"""Units and drafts: the shared vocabulary of both segmenters.

A `Unit` is one piece of the page (a paragraph, a stand-alone line, a byline,
a credit, a marker…); a `Draft` is an article being assembled. `Builder`
keeps the bookkeeping both walks share (pending labels and titles, the
article that is open).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .bylines import (
    ROLE_RE,
    parse_answer,
    parse_byline_line,
    parse_closing_credit,
    parse_credit_line,
    parse_glued_name,
    parse_paren_byline,
    parse_reader_signature,
    parse_runin,
    parse_signature,
)
from .captions import split_credit
from .model import Author, Block, ParsedArticle
from .names import looks_like_person
from .normalise import clean_line, fullwidth_punct, is_letter_spaced
from .roles import (
    COLUMN_LABEL,
    CONTINUED,
    CONTINUED_INLINE,
    DATELINE,
    JUMP_TO,
    PROMPT,
    TITLE_MAX,
    assign_titles,
    despaced,
    jump_page,
)

_SPACES = re.compile(r"\s+")
HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
BANNER = re.compile(r"^\*\*(.+?)\*\*\s*$")
NOT_TITLE = re.compile(r"@|https?:|www\.|\d{3}-?\d{4}")
# A line ending in an e-mail address, web address or phone number ends its paragraph.
ADDRESS_END = re.compile(r"(?:@[\w.-]+\.[A-Za-z]{2,}|https?://\S+|www\.\S+|\d{3,4}-?\d{7,8})$")
DASH_END = re.compile(r"——$")
CLAUSE_PUNCT = re.compile(r"[，、；：]")
# How news leads open: 近日，… / 9月13日，…
LEAD_OPENER = re.compile(
    r"^(?:近日|日前|近期|昨天|昨日|今天|今年|去年|目前|当天|据悉|据了解|据介绍|"
    r"\d{1,2}\s?月\s?\d{1,2}\s?日(?:[至到]\s?\d{1,2}\s?日)?)[，,]"
)
# Two halves of a headline: a space between Chinese words (not beside a number).
TWO_HALVES = re.compile(
    r"^[^\s，。；：]{3,}[\u4e00-\u9fff”」]"
    r"(?: [“「\u4e00-\u9fff][^\s，。；：]{2,}[\u4e00-\u9fff”」]){1,2}$"
)

W_DUP_BYLINE = "署名“{}”在同一稿件中重复出现，可能有文字块错位，请核对"
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
    # Most units have no authors or names: one shared empty tuple rather than
    # two empty lists per line of a long file (units only ever rebind these).
    authors: Sequence[Author] = ()
    names: Sequence[str] = ()
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
        if len(self.art.body) > 40:
            return 10**6  # long enough; avoids re-summing a long body for every block
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
        self.sig = self.sig or bool(u.authors)  # an organisation's signature is no author's
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
        a.kicker = append_text(a.kicker, kicker)
        if headline and not a.headline:
            a.headline = headline
        elif headline:
            sub = f"{headline} {sub}".strip()
        if sub:
            a.subheadline = f"{a.subheadline} {sub}".strip()
        self.labels.extend(orgs)
        self.raw.append(raw)


def append_text(old: str, new: str) -> str:
    """Add text to a field without losing what is already there."""
    if not new:
        return old
    return f"{old} {new}" if old else new


def light_clean(raw: str) -> str:
    """Whitespace collapsed and punctuation widened, spaces kept (bylines need them)."""
    return fullwidth_punct(_SPACES.sub(" ", raw.strip()))


# How a reader's letter opens: the salutation to the editors.
# The paper's own signatures under editorials and column openers.
# `—张三`, `——张 三`: a writer's name after a dash on the line under the text.
_DASH_SIGNATURE = re.compile(r"^[—－-]{1,2}\s*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})$")
_HOUSE_SIGNATURE = re.compile(r"^(?:本报|本刊)?(?:编辑部|评论员|特约评论员|记者部|编委会)$")
# The dateline inside a run-in (`新华社某地5月1日电（记者…）`, `【本报某地电】`).
DATELINE_IN_RUNIN = re.compile(
    r"(?:新华社|中新社|本报)[\u4e00-\u9fff]{0,8}(?:\d{1,2}月\s?\d{1,2}日)?\s?电"
)
_COLUMN_FIELD = re.compile(r"^专栏\s*[:：]\s*([^\s:：]{1,16})$")
_BYLINE_START = re.compile(f"^(?:{ROLE_RE}|本报|新华社|中新社)")


def special_unit(light: str, raw: str) -> Unit | None:
    """Whole-line markers shared by both flavours (cheap tests first: most lines
    are plain text)."""
    first = light[:1]
    if first == "专":
        m = _COLUMN_FIELD.match(light)
        if m:  # an archive's `专栏：摄影报道`
            return Unit("label", text=m.group(1), raw=raw)
    if first in "■□◆◇●▲【[":
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
            return Unit("contmark", text=t, raw=raw, page=jump_page(m.group(1)))
        m = JUMP_TO.match(t)
        if m:  # `（下转第4版）` on a line of its own, below the text it ends
            return Unit("jump", text=t, raw=raw, page=jump_page(m.group(1)))
        if DATELINE.match(light):
            return Unit("dateline", text=clean_line(light), raw=raw)
        p = parse_paren_byline(light)
        if p and not p[0]:
            return Unit("sig", text=p[1], authors=p[2], raw=raw)
        c = parse_credit_line(light)
        if c:
            return Unit("sig", text=c[0], authors=c[1], raw=raw)
    if light.endswith(("摄", "摄影")):
        c = split_credit(light)
        if c and not c[0]:
            return Unit("credit", prefix=c[1], names=c[2], raw=raw)
    if "□" in light or "■" in light:
        authors = parse_byline_line(light.lstrip("□■ "))
        if authors:  # role words or credit marks: a boxed byline
            return Unit("byline", text=light.lstrip("□■ "), authors=authors, raw=raw)
        s = parse_signature(light)
        if s and not s[0]:
            return Unit("sig", text=s[1], authors=s[2], raw=raw)
    dash = _DASH_SIGNATURE.match(light)
    if dash and looks_like_person(despaced(dash.group(1))):
        name = despaced(dash.group(1))
        return Unit("sig", text=light, authors=[Author(name, "author")], raw=raw)
    if len(light) <= 12 and _HOUSE_SIGNATURE.match(light):
        return Unit("sig", text=light, raw=raw)  # signed by the paper, not a person
    if len(light) <= 60 and (" " in light or "/" in light or _BYLINE_START.match(light)):
        authors = parse_byline_line(light)
        if authors:
            return Unit("byline", text=light, authors=authors, raw=raw)
        # `某区 读者 张 三` is set as widely as a spaced title, but says who signs.
        if " " in light and light.count(" ") <= 3 and (
                not is_letter_spaced(light) or "读者" in light):
            authors = parse_reader_signature(light)
            if authors:
                return Unit("sig", text=light, authors=authors, raw=raw)
    return None


def boxed_byline(u: Unit, after_title: bool, before_text: bool) -> bool:
    """A boxed name (`□张三`, `■张三`) between a title and its text is the
    piece's byline; at the end of a text it signs it off."""
    return (u.kind == "sig" and after_title and before_text and bool(u.authors)
            and u.text.lstrip()[:1] in "□■")


# `…占比达到41%。（下转第4版）`: the text goes on on another page; the mark is
# no text, but its page number is where the importer finds the rest.
_JUMP_TAIL = JUMP_TO


def split_tails(light: str, raw: str) -> tuple[str, list[Unit]]:
    """Peel a trailing jump mark, credit, signature or dateline off a text line."""
    tails: list[Unit] = []
    jump = _JUMP_TAIL.search(light) if "转" in light else None
    if jump and jump.start() > 0:
        page = jump_page(jump.group(1))
        tails.append(Unit("jump", text=jump.group(0).strip(), raw="", page=page))
        light = light[: jump.start()].rstrip()
    for _ in range(2):
        c = split_credit(light)
        if c:
            light = c[0]
            tails.insert(0, Unit("credit", prefix=c[1], names=c[2], raw=""))
            continue
        s = parse_signature(light) or parse_paren_byline(light) or parse_closing_credit(light)
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


def text_units(light: str, raw: str, blanks: int = 0) -> list[Unit]:
    special = special_unit(light, raw)
    if special:
        special.blanks = blanks
        return [special]
    out: list[Unit] = []
    m = CONTINUED_INLINE.match(light)
    if m:  # （上接第1版）immediately followed by text
        out.append(Unit("contmark", text=m.group(0), raw="", page=jump_page(m.group(1)),
                        blanks=blanks))
        light = light[m.end():]
    core, tails = split_tails(light, raw)
    glued = parse_glued_name(core) if not tails else None
    if glued:  # one paragraph per line: a name after the last full stop signs it
        core = glued[0]
        tails.append(Unit("sig", text=glued[1], authors=glued[2], raw=""))
    if core:
        u = Unit("para", raw=raw, blanks=blanks, lines=[core])
        r = parse_runin(core) or ("答" in core[:20] and parse_answer(core)) or None
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


# A title line ends without a full stop and is short: `大国工匠的坚守`.
_SENTENCE_END = "。！？；：”」’…）)"


def _repeated_headline(block: Block) -> bool:
    """A short, unpunctuated line just above `（上接第N版）`: the story's
    headline repeated over its tail, not a paragraph of the item above."""
    text = block.text.strip()
    return (block.type in ("paragraph", "heading") and 2 <= len(text) <= TITLE_MAX
            and text[-1] not in _SENTENCE_END and "，" not in text)


class Builder:
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
        self.banner = ""  # the column label that heads every item below it

    def new(self) -> Draft:
        d = Draft(ParsedArticle(position=len(self.drafts)))
        d.labels.extend(self.p_labels or ([self.banner] if self.banner else []))
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

    def continuation(self, page: int | None) -> Draft:
        """Start the tail of a story printed on an earlier page (`（上接第1版）`).

        Papers often repeat the story's headline, short, just above the mark:
        it names the tail (the importer matches it to its head) and is no
        title of a piece of its own nor a heading of the item above.
        """
        cur = self.cur
        last = cur.art.body[-1] if cur is not None and cur.art.body else None
        if cur is not None and cur.art.headline and last is None and not cur.closed:
            d = cur  # `大国工匠的坚守` / `（上接第1版）`: the repeated headline
        elif last is not None and _repeated_headline(last):
            cur.art.body.pop()  # read as the last line of the item above
            if last.type == "heading":
                cur.headings -= 1
            if cur.art.body or cur.art.headline:
                d = self.new()
            else:
                d = cur  # the line alone started an item of its own
            d.art.headline = last.text
        else:
            d = self.new()
        d.art.continued_from_page = page
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



def byline_unit(b: Builder, u: Unit) -> None:
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


def para_unit(b: Builder, u: Unit) -> None:
    cur = b.cur
    if u.prefix:
        if cur is None or cur.closed or cur.has_body() or cur.runin:
            cur = b.new()
        cur.runin = True
        cur.add_byline(u.prefix, u.authors)
        m = DATELINE_IN_RUNIN.search(u.prefix)
        if m and not cur.art.dateline:
            cur.art.dateline = m.group(0)
    elif cur is None or cur.closed:
        cur = b.new()
    cur.add_para(u.text, u.raw)


def credit_line(u: Unit) -> bool:
    """A photo credit: `… 摄`, or a byline naming photographers only (`… 摄影报道`)."""
    return u.kind == "credit" or (u.kind == "byline" and bool(u.authors)
                                  and all(a.role == "photographer" for a in u.authors))


def join_split_credit(first: Unit, credit: Unit) -> Unit:
    """A photo credit broken over two lines under a caption (`本报记者 张三` /
    `本报通讯员 李四 摄`): the 摄 covers both lines' names."""
    second = credit.names or [a.name for a in credit.authors]
    names = [a.name for a in first.authors] + [n for n in second
                                               if n not in {a.name for a in first.authors}]
    return Unit("credit", prefix=f"{first.text} {credit.prefix or credit.text}", names=names,
                raw=f"{first.raw}\n{credit.raw}", blanks=first.blanks)


_TRAILING_BYLINE = re.compile(f"(?<=[。！？”])\\s*((?:{ROLE_RE})[^。！？，]{{2,30}})$")


def peel_credit_head(para: Unit) -> Unit | None:
    """`…送去欢乐。记者张三、李四` over `通讯员王五 摄影报道`: the first half of a
    credit broken over two lines, glued to the caption's last sentence. It comes
    off the paragraph as a byline unit (for `join_split_credit`)."""
    m = _TRAILING_BYLINE.search(para.text)
    authors = parse_byline_line(m.group(1).replace("、", " ")) if m else None
    if not authors:
        return None
    para.text = para.text[: m.start()].rstrip()
    return Unit("byline", text=m.group(1), authors=authors, raw="")
