"""Reader letters: how a paper shows that a piece was written in by a reader.

Three conventions, any one of which is enough:

- it stands under a letters column (`读者来信`, `来信选登`, `读者信箱`);
- its text opens with a salutation to the paper (`编辑同志：`, `编辑部：`);
- it is signed off as a reader: a place or job and a name, the job a reader's
  (`读者 张三`, `某市退休职工 李四`, `某公司快递员 王五`).

A commentator signs with a bare name (`□张三`, `…。张三`), so a signature
alone makes a letter only when it says who the reader is.
"""

from __future__ import annotations

import re

from .bylines import parse_reader_signature
from .model import Author

LETTERS_COLUMN = re.compile(
    r"^(?:读者|职工|群众|网友)?(?:来信|来函)(?:选登|照登|摘登|选编)?$"
    r"|^读者(?:信箱|之声|来信|来函|热线)$|^(?:群众|职工)来信$"
)
SALUTATION = re.compile(r"^(?:编辑同志|编辑部|记者同志|编辑老师|尊敬的[^，。：]{1,12})[：:，,]")
# The words by which a signature says its writer is a reader, not a columnist.
_READER_WORDS = re.compile(r"读者|职工|工人|市民|居民|群众|网友|退休|员工|农民工|家长|[员工]$")


def is_letters_column(label: str) -> bool:
    """`读者来信`, `来信选登`, `读者信箱`: a column of letters (one label of several)."""
    return any(LETTERS_COLUMN.match(part) for part in label.replace("　", " ").split())


def opens_with_salutation(text: str) -> bool:
    """`编辑同志：我在一家商场…`: a letter addressed to the paper."""
    return bool(SALUTATION.match(text.strip()))


def reader_signed(byline: str, authors: list[Author]) -> bool:
    """`蓼城市退休职工 张三`, `读者 张 三`: a signature naming the writer as a reader."""
    if len(authors) != 1 or authors[0].role != "author":
        return False
    if not parse_reader_signature(byline):
        return False
    head = byline.strip().lstrip("—-－ ")
    head = head[: head.rfind(authors[0].name[:1])] if authors[0].name else head
    return bool(_READER_WORDS.search(head.replace(" ", "").replace("　", "")))


def is_letter(column: str, first_text: str, byline: str, authors: list[Author]) -> bool:
    return (is_letters_column(column) or opens_with_salutation(first_text)
            or reader_signed(byline, authors))
