"""Helpers for importer tests: run the importer, and a tiny stand-in parser.

The stand-in reads a trivially simple format so loader behaviour (updates,
edits, failures) is tested without depending on the real parser's heuristics:

    标题一
    by: 张三/reporter
    kind: brief
    column: 要闻
    provisional: yes   (the headline is the parser's stand-in)
    from: 1            (上接第1版: continued_from_page)
    to: 2              (下转第2版: continues_on_page)
    第一段。
    第二段。
    ---
    标题二
    ...
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from importers.loading import Importer, ImportOptions, Parser, RunResult
from importers.parsing import Author, Block, ParsedArticle, ParsedFile

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def fake_parse_bytes(data: bytes, *, source: str = "", hints=None) -> ParsedFile:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip() or b"\x00" in data:
        return ParsedFile(source=source, sha256=sha, error="empty or binary file")
    text = data.decode("utf-8")
    articles = []
    for position, chunk in enumerate(text.strip().split("\n---\n")):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        article = ParsedArticle(position=position, headline=lines[0], raw_text=chunk)
        for line in lines[1:]:
            key, _, value = line.partition(": ")
            if key == "by":
                name, _, role = value.partition("/")
                article.authors.append(Author(name, role or "reporter"))
                article.byline = (article.byline + " " + name).strip()
            elif key in {"kind", "column", "kicker", "subheadline", "dateline"}:
                setattr(article, key, value)
            elif key == "warn":
                article.warnings.append(value)
            elif key == "from":
                article.continued_from_page = int(value)
            elif key == "to":
                article.continues_on_page = int(value)
            elif key == "provisional":
                article.headline_is_provisional = True
            elif key == "photo":
                article.body.append(Block("photo", caption=value, credit="本报记者 某某 摄"))
            elif key == "h":
                article.body.append(Block("heading", text=value))
            else:
                article.body.append(Block("paragraph", text=line))
        articles.append(article)
    return ParsedFile(
        source=source, sha256=sha, encoding="utf-8", flavour="marked-up", articles=articles
    )


@pytest.fixture
def site_tree(db):
    """tests/conftest.py's site_tree without the English copies.

    Same ensure_site(), same Chinese home, sections and inbox; the English
    translations (two thirds of its time) are never touched by an import, and
    skipping them keeps this suite fast. Tests that need them call
    ensure_site() again.
    """
    from home.models import HomePage
    from home.site_setup import ensure_site

    ensure_site(translate=False)
    return HomePage.objects.get(locale__language_code="zh-hans", depth=2)


@pytest.fixture
def fake_parser(settings):
    """The stand-in parser: passed to run_import(..., parser=fake_parser), and
    named in settings.IMPORTER_PARSER for tests that go through the command."""
    settings.IMPORTER_PARSER = "tests.importers.conftest.fake_parse_bytes"
    return fake_parse_bytes


def run_import(
    *paths: Path | str,
    parser: Parser | None = None,
    writer: str | None = None,
    **options,
) -> RunResult:
    importer = Importer(ImportOptions(**options), parser=parser, writer=writer)
    importer.begin([str(p) for p in paths])
    for path in paths:
        importer.import_file(path)
    return importer.finish()


@pytest.fixture
def write(tmp_path):
    """write("name.txt", "text") -> Path; rewriting a name changes the file."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
