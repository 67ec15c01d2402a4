"""HTML copies of e-paper pages -> the line text the segmenters read.

Parsed with a real HTML parser (beautifulsoup4, the standard library's
`html.parser` backend). Scripts and styles are dropped; every block element
becomes a line; headings keep their rank as `#` markup (`<h1>` the headline,
other headings the kicker or subheadline around it, or a section heading) and
a paragraph that is all bold (`<p><strong>…</strong></p>`) is a section heading.
Navigation, share and copyright blocks stay as lines: the chrome rules know
them by their words, and they are kept in the raw text for review.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

_TAG = re.compile(r"<(?:p|div|br|h[1-6]|span|table|td|li|a|img|strong|b|script|html|body)\b[^>]*>",
                  re.IGNORECASE)
_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "select", "head")
_BLOCK = frozenset(
    "p div section article header footer nav aside main ul ol li dl dt dd table tr td th "
    "blockquote figure figcaption form center pre address tbody thead".split()
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _heading_marks(soup: BeautifulSoup) -> dict[str, str]:
    """The page's highest heading rank marks headlines (`#`), the next two ranks
    kickers, subheadlines or sections (`##`), deeper ones sections (`###`):
    many e-papers set headlines in <h2> or <h3> and have no <h1>."""
    present = [name for name in _HEADINGS if soup.find(name)]
    top = int(present[0][1]) if present else 1
    marks = {}
    for name in _HEADINGS:
        level = int(name[1]) - top
        marks[name] = "# " if level <= 0 else "## " if level <= 2 else "### "
    return marks
_BOLD = ("strong", "b")


def looks_like_html(text: str) -> bool:
    """Several HTML tags in the first part of the file."""
    return len(_TAG.findall(text[:20000])) >= 3


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def _all_bold(node: Tag) -> bool:
    """A paragraph whose whole text sits in <strong>/<b>: a section heading."""
    whole = _text(node)
    if not whole or len(whole) > 40:
        return False
    bold = "".join(_text(b) for b in node.find_all(_BOLD))
    return bold.replace(" ", "") == whole.replace(" ", "")


def _link_row(node: Tag) -> str:
    """A block that is only a row of links (a menu): its link texts joined by `|`,
    so the navigation rule knows it even where the page set no separators."""
    links = node.find_all("a")
    if len(links) < 3:
        return ""
    texts = [_text(a) for a in links]
    rest = _text(node)
    for t in texts:
        rest = rest.replace(t, "", 1)
    if rest.replace("|", "").replace("｜", "").strip():
        return ""
    return " | ".join(t for t in texts if t)


# Two or more spaces on one source line (`&nbsp;&nbsp;`, `　　`) inside a block: a
# paragraph indent of flattened text, kept for the flattened-line rules; whitespace
# spanning source lines is the page's source layout, one space as a browser shows it.
_INDENT = re.compile(r"[\u3000\xa0 ]{2,}")


def _collapse(text: str) -> str:
    layout = re.sub(r"[ \t\u3000\xa0]*[\r\n][\s]*", " ", text)
    parts = _INDENT.split(layout)
    return "  ".join(" ".join(p.split()) for p in parts).strip()


def html_to_lines(text: str) -> list[str]:
    """One line per block of text; headings marked with `#` by rank."""
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    marks = _heading_marks(soup)
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _collapse("".join(buf))
        if line:
            lines.append(line)
        buf.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "Declaration",
                                                "ProcessingInstruction", "CData"):
                    continue
                buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _HEADINGS:
                flush()
                heading = _text(child)
                if heading:
                    lines.append(marks[name] + heading)
            elif name == "br":
                flush()
            elif name == "p" and _all_bold(child):
                flush()
                lines.append("### " + _text(child))
            elif name in _BLOCK and _link_row(child):
                flush()
                lines.append(_link_row(child))
            elif name in _BLOCK:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(soup)
    flush()
    return lines
