"""Raw newspaper page text -> structured articles. Pure Python, no Django."""

from .api import parse_bytes, parse_text
from .model import Author, Block, EditionHint, ParsedArticle, ParsedFile, ParseHints

__all__ = [
    "Author",
    "Block",
    "EditionHint",
    "ParseHints",
    "ParsedArticle",
    "ParsedFile",
    "parse_bytes",
    "parse_text",
]
