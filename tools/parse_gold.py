"""The parse corpus: raw pages, their gold structure and the conventions each covers.

Layout of a corpus folder::

    raw/NAME.txt|.html     an invented page, exactly as an operator would feed it
    gold/NAME.json         {"source": "NAME.txt", "flavour": ..., "articles": [...]}
    conventions.json       {"conventions": {tag: description},
                            "files": {"NAME.txt": {"conventions": [tag...],
                                                   "articles": {id: [tag...]},
                                                   "edition": {...} | null,
                                                   "chrome": [text...]}}}

Every gold string must be an exact substring of ``canon(raw)``; ``validate``
says where one is not, so the corpus cannot drift from its pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tools.textnorm import canon

ARTICLE_KEYS = frozenset(
    {
        "id", "kind", "column", "kicker", "headline", "subheadline", "title_lines",
        "roles_certain", "names", "reader_prompt", "dateline", "sections",
        "photo_credit_names", "body_start", "body_end", "contains", "continued_from_page",
        "note",
    }
)
FILE_KEYS = frozenset({"source", "flavour", "articles"})
KINDS = frozenset({"article", "photo", "commentary", "letter", "continuation"})
FLAVOURS = frozenset({"plain", "e-paper", "pdf-columns", "flattened", "html"})
EDITION_KEYS = frozenset({"date", "page", "page_name", "paper"})
# The first characters of a body identify an article (as the scorer matches them).
START_KEY_LENGTH = 12

_SINGLE_STRINGS = ("kicker", "headline", "subheadline", "reader_prompt", "body_start", "body_end",
                   "dateline", "column")
_STRING_LISTS = ("title_lines", "names", "sections", "photo_credit_names", "contains")


@dataclass
class GoldFile:
    source: str
    flavour: str
    articles: list[dict]
    raw: str  # canon() of the raw page
    conventions: list[str] = field(default_factory=list)
    article_conventions: dict[str, list[str]] = field(default_factory=dict)
    edition: dict | None = None
    chrome: list[str] = field(default_factory=list)

    def tags_of(self, article_id: str) -> list[str]:
        """The conventions an article exercises: its file's and its own."""
        return sorted(set(self.conventions) | set(self.article_conventions.get(article_id, [])))


@dataclass
class Corpus:
    root: Path
    conventions: dict[str, str]
    files: dict[str, GoldFile]  # by source file name


class CorpusError(ValueError):
    """The corpus folder cannot be read: the message names the file and the problem."""


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: {exc}") from exc


def load_corpus(root: Path | str) -> Corpus:
    root = Path(root)
    manifest = _read_json(root / "conventions.json")
    described = manifest.get("conventions") or {}
    listed = manifest.get("files") or {}
    files: dict[str, GoldFile] = {}
    for path in sorted((root / "gold").glob("*.json")):
        gold = _read_json(path)
        source = gold.get("source")
        raw_path = root / "raw" / str(source)
        if not source or not raw_path.is_file():
            raise CorpusError(f"{path}: source {source!r} is not a file in {root / 'raw'}")
        entry = listed.get(source) or {}
        files[source] = GoldFile(
            source=source,
            flavour=gold.get("flavour", ""),
            articles=gold.get("articles") or [],
            raw=canon(raw_path.read_text(encoding="utf-8-sig")),
            conventions=list(entry.get("conventions") or []),
            article_conventions=dict(entry.get("articles") or {}),
            edition=entry.get("edition"),
            chrome=list(entry.get("chrome") or []),
        )
        if set(gold) != FILE_KEYS:
            raise CorpusError(f"{path}: file keys {sorted(gold)}, expected {sorted(FILE_KEYS)}")
    return Corpus(root=root, conventions=dict(described), files=files)


def validate(corpus: Corpus) -> list[str]:
    """Every problem found in the corpus, one line each (empty when it is consistent)."""
    problems: list[str] = []
    raws = {p.name for p in (corpus.root / "raw").iterdir() if p.is_file()}
    for name in sorted(raws - set(corpus.files)):
        problems.append(f"raw/{name}: no gold file")
    manifest_files = _read_json(corpus.root / "conventions.json").get("files") or {}
    for name in sorted(set(manifest_files) - set(corpus.files)):
        problems.append(f"conventions.json: {name} has no gold file")
    used: set[str] = set()
    for gold in corpus.files.values():
        problems += validate_file(gold, corpus.conventions)
        used |= set(gold.conventions)
        for tags in gold.article_conventions.values():
            used |= set(tags)
    for tag in sorted(set(corpus.conventions) - used):
        problems.append(f"conventions.json: convention {tag!r} is covered by no page")
    return problems


def validate_file(gold: GoldFile, described: dict[str, str]) -> list[str]:
    """Problems of one page's gold: strings not in the page, bodies out of order or overlapping."""
    out: list[str] = []
    where = f"gold for {gold.source}"
    if gold.flavour not in FLAVOURS:
        out.append(f"{where}: flavour {gold.flavour!r}")
    if not gold.conventions:
        out.append(f"{where}: no conventions listed in conventions.json")
    ids = [a.get("id") for a in gold.articles]
    for tag in gold.conventions + [t for ts in gold.article_conventions.values() for t in ts]:
        if tag not in described:
            out.append(f"{where}: convention {tag!r} is not described")
    for article_id in gold.article_conventions:
        if article_id not in ids:
            out.append(f"{where}: conventions.json names unknown article {article_id!r}")
    if gold.edition is not None and not set(gold.edition) <= EDITION_KEYS:
        out.append(f"{where}: edition keys {sorted(gold.edition)}")
    for text in gold.chrome:
        if canon(text) not in gold.raw:
            out.append(f"{where}: chrome {text!r} not in the raw page")
    keys = [canon(a.get("body_start"))[:START_KEY_LENGTH] for a in gold.articles]
    if len(set(keys)) != len(keys):
        out.append(f"{where}: two articles share a body_start key")
    position = 0
    for index, article in enumerate(gold.articles):
        label = f"{where} {article.get('id')}"
        out += _validate_article_fields(article, gold.raw, label)
        start = gold.raw.find(canon(article.get("body_start")), position)
        if not article.get("body_start") or start < 0:
            out.append(f"{label}: body_start not found after the previous article")
            continue
        end = len(gold.raw)
        if article.get("body_end"):
            found = gold.raw.find(canon(article["body_end"]), start)
            if found < 0:
                out.append(f"{label}: body_end not found after body_start")
                continue
            end = found + len(canon(article["body_end"]))
        span = gold.raw[start:end]
        for text in article.get("contains") or []:
            if canon(text) not in span:
                out.append(f"{label}: contains {text!r} lies outside the body")
        if any(key in span for i, key in enumerate(keys) if i != index):
            out.append(f"{label}: another article's start lies inside the body")
        position = end
    return out


def _validate_article_fields(article: dict, raw: str, label: str) -> list[str]:
    out: list[str] = []
    if set(article) != ARTICLE_KEYS:
        out.append(f"{label}: keys differ by {sorted(set(article) ^ ARTICLE_KEYS)}")
        return out
    if article["kind"] not in KINDS:
        out.append(f"{label}: kind {article['kind']!r}")
    if article["kind"] == "continuation" and not article["continued_from_page"]:
        out.append(f"{label}: continuation without continued_from_page")
    if not set(article["photo_credit_names"]) <= set(article["names"]):
        out.append(f"{label}: photo_credit_names not among names")
    if article["roles_certain"]:
        roles = [t for t in (article["kicker"], article["headline"], article["subheadline"]) if t]
        if article["title_lines"] != roles:
            out.append(f"{label}: title_lines disagree with kicker/headline/subheadline")
    for key in _SINGLE_STRINGS:
        if article[key] and canon(article[key]) not in raw:
            out.append(f"{label}: {key} {article[key]!r} not in the raw page")
    for key in _STRING_LISTS:
        for text in article[key]:
            if canon(text) not in raw:
                out.append(f"{label}: {key} {text!r} not in the raw page")
    return out
