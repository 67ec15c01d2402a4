"""Make new raw pages from parsed ones: re-wrapped, re-ordered, re-encoded.

Used by the benchmark and the property tests to check the parser on layouts
it was not written against (other column widths, blank-line habits,
encodings, article orders).
"""

from __future__ import annotations

import random
import re

from importers.parsing.bylines import RUNIN
from importers.parsing.model import ParsedArticle
from importers.parsing.normalise import vis_len

# Latin words stay whole; digits break anywhere, as in justified columns.
_ASCII_RUN = re.compile(r"[A-Za-z][A-Za-z.@:/+\-]*|.", re.S)
_NO_LINE_START = set("，。、；：？！”’）》…")


def wrap(text: str, width: int, indent: int = 2) -> list[str]:
    """Hard-wrap text the way a PDF column does (first line indented)."""
    lines: list[str] = []
    cur = ""
    limit = max(2, width - indent)
    for tok in _ASCII_RUN.findall(text.replace("\n", "")):
        # Typesetting rule: no closing punctuation at the start of a line.
        if cur and vis_len(cur + tok) > limit and tok not in _NO_LINE_START:
            lines.append(cur)
            cur = ""
            limit = width
        cur += tok
    if cur:
        lines.append(cur)
    return lines


def _letter_space(text: str) -> str:
    return " ".join(text)


def render_pdf(articles: list[ParsedArticle], width: int = 18, *, blank: str = "none",
               seed: int = 0, titles_first: bool = False, indent: int = 2) -> str:
    """Render articles as PDF column text, title block after the body (or before).

    blank: "none" (no blank lines), "all" (a blank line after every line) or
    "para" (blank lines between items only).
    """
    rnd = random.Random(seed)
    out: list[str] = []

    def emit(line: str) -> None:
        out.append(line)
        if blank == "all":
            out.append("")

    def titles(a: ParsedArticle) -> None:
        if a.kicker:
            emit(a.kicker + "——")
        if a.headline and not a.headline_is_provisional:
            big = len(a.headline) <= 6 and rnd.random() < 0.5
            emit(_letter_space(a.headline) if big else a.headline)
        if a.subheadline:
            emit(a.subheadline)
        if a.reader_prompt:
            emit("阅 读 提 示")
            for line in wrap(a.reader_prompt, max(8, w - 4), indent):
                emit(line)

    for a in articles:
        if a.kind == "fragment":
            continue
        w = max(8, width + rnd.choice((-1, 0, 0, 1)))
        if a.column and " " not in a.column and len(a.column) <= 10:
            emit(f"■{a.column}■")
        if titles_first:
            titles(a)
        prefix = ""
        if a.byline and RUNIN.match(a.byline):
            prefix = a.byline
        elif a.byline and not a.kind == "commentary":
            emit(a.byline)
        if a.continued_from_page:
            emit(f"（上接第{a.continued_from_page}版）")
        first = True
        for b in a.body:
            if b.type == "heading":
                # A heading wider than the column wraps onto a second, short line.
                for line in wrap(b.text, w, 0) if vis_len(b.text) > w - 2 else [b.text]:
                    emit(line)
                continue
            text = b.text if b.type != "photo" else b.caption
            if first:
                text = prefix + text
                first = False
            lines = wrap(text, w, indent)
            if b.type == "photo" and b.credit:
                if rnd.random() < 0.5:
                    lines.append(b.credit)  # credit on a line of its own
                else:
                    lines[-1] = f"{lines[-1]} {b.credit}"
            for line in lines:
                emit(line)
        if a.kind == "commentary" and a.byline:
            emit("□" + a.byline)
        if a.dateline and "讯" not in a.dateline:
            emit(a.dateline)
        if not titles_first:
            titles(a)
        if blank == "para":
            out.append("")
    return "\n".join(out) + "\n"


def render_marked(articles: list[ParsedArticle], *, seed: int = 0) -> str:
    """Render articles as marked-up text (headline first, `#` markup)."""
    del seed
    out: list[str] = []
    for a in articles:
        if a.kind == "fragment":
            continue
        if a.column:
            out += [f"■{a.column}■", ""]
        if a.kicker:
            out += [a.kicker + "——", ""]
        if a.headline and not a.headline_is_provisional:
            out += [f"# {a.headline}", ""]
        if a.subheadline:
            out += [f"——{a.subheadline}", ""]
        if a.continued_from_page:
            out += [f"（上接第{a.continued_from_page}版）", ""]
        runin = bool(a.byline and RUNIN.match(a.byline))
        if a.byline and not runin and a.kind != "commentary":
            out += [a.byline, ""]
        if a.reader_prompt:
            out += ["## 阅读提示", "", a.reader_prompt, ""]
        first = True
        for b in a.body:
            if b.type == "heading":
                out += [f"## {b.text}", ""]
            elif b.type == "photo":
                out += [b.caption, ""]
                if b.credit:
                    out += [b.credit, ""]
            else:
                text = (a.byline + b.text) if (first and runin) else b.text
                out += [text, ""]
            first = False
        if a.kind == "commentary" and a.byline:
            out += ["□" + a.byline, ""]
        out += ["", ""]
    return "\n".join(out)


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")


def encode(text: str, encoding: str, *, crlf: bool = False) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(encoding)
