"""Result dataclasses of the parser (no Django: the loader maps them to pages)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ROLES = ("reporter", "correspondent", "photographer", "intern", "author")
KINDS = ("article", "photo", "brief", "commentary", "letter", "continuation", "fragment")


@dataclass
class ParseHints:
    """Optional facts the caller knows about a file (not guessed from the text)."""

    edition_date: datetime.date | None = None
    page: int | None = None


@dataclass
class EditionHint:
    """What a file says about its own print edition (an e-paper's edition line).

    A hint, not a fact: the command line and the file name win over it, and the
    loader warns where they disagree.
    """

    date: datetime.date | None = None
    page: int | None = None
    page_name: str = ""
    paper: str = ""

    def to_dict(self) -> dict:
        return {
            "date": self.date.isoformat() if self.date else None,
            "page": self.page,
            "page_name": self.page_name or None,
            "paper": self.paper or None,
        }


@dataclass
class Author:
    name: str
    role: str  # one of ROLES


@dataclass
class Block:
    type: str  # "paragraph" | "heading" | "photo" | "quote"
    text: str = ""
    caption: str = ""
    credit: str = ""
    photographers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        if self.type == "photo":
            return {
                "type": "photo",
                "caption": self.caption,
                "credit": self.credit or None,
                "photographers": list(self.photographers),
            }
        return {"type": self.type, "text": self.text}


@dataclass
class ParsedArticle:
    position: int
    kind: str = "article"
    column: str = ""
    kicker: str = ""
    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    authors: list[Author] = field(default_factory=list)
    reader_prompt: str = ""
    dateline: str = ""
    continued_from_page: int | None = None
    # `（下转第4版）`: the page the rest of this story is printed on.
    continues_on_page: int | None = None
    body: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    raw_text: str = ""
    headline_is_provisional: bool = False

    def to_dict(self) -> dict:
        def s(value: str) -> str | None:
            return value or None

        return {
            "kind": self.kind,
            "column": s(self.column),
            "kicker": s(self.kicker),
            "headline": s(self.headline),
            "subheadline": s(self.subheadline),
            "byline": s(self.byline),
            "authors": [{"name": a.name, "role": a.role} for a in self.authors],
            "reader_prompt": s(self.reader_prompt),
            "dateline": s(self.dateline),
            "continued_from_page": self.continued_from_page,
            "continues_on_page": self.continues_on_page,
            "body": [b.to_dict() for b in self.body],
            "warnings": list(self.warnings),
        }


@dataclass
class ParsedFile:
    source: str
    sha256: str
    encoding: str = ""
    flavour: str = ""  # "marked-up" | "pdf-columns" | "" (unreadable)
    error: str | None = None
    articles: list[ParsedArticle] = field(default_factory=list)
    edition: EditionHint | None = None

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "flavour": self.flavour,
            "error": self.error,
            "edition": self.edition.to_dict() if self.edition else None,
            "articles": [a.to_dict() for a in self.articles],
        }
