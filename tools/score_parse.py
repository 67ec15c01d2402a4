"""Score the importer's dry-run JSON against the parse corpus, per check and per convention.

usage: python -m tools.score_parse PARSED.json [--corpus DIR] [-v [-c CONVENTION]]

PARSED.json is what ``manage.py import_articles --dry-run --format json FILES``
printed. Parsed files are matched to gold by file name. Each gold article is
found in the parse by the first characters of its body, then checked.

The core checks are those of the project's reference scorer, so ``parse
score`` is comparable with it (one difference: an article not found at all
also fails its continuation and photo checks here); the extra checks (kind,
dateline, column, no_repeat, and per file edition and chrome) count in
``corpus score`` and in the per-convention table, which also says how many
articles of each convention pass every check.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tools.parse_gold import START_KEY_LENGTH, Corpus, CorpusError, GoldFile, load_corpus
from tools.textnorm import canon

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
EXTRA_CHECKS = frozenset({"kind", "dateline", "column", "no_repeat", "edition", "chrome"})
# Parsed kinds that satisfy a gold kind (the parser calls short articles briefs).
ACCEPTED_KINDS = {"article": {"article", "brief"}}
# Records one check of one gold article: check(name, ok, detail shown when it fails).
Check = Callable[..., None]


@dataclass
class Scores:
    """Check outcomes, each recorded once with the conventions it bears on."""

    results: list[tuple[str, bool, tuple[str, ...]]] = field(default_factory=list)
    failures: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    files_scored: int = 0
    # gold article ("file id") -> (its conventions, whether every one of its checks passed)
    articles: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)

    def record(self, check: str, ok: bool, tags: list[str], failure: str = "",
               article: str | None = None) -> None:
        self.results.append((check, bool(ok), tuple(tags)))
        if not ok:
            self.failures.append((f"{check}: {failure}", tuple(tags)))
        if article is not None:
            _, right = self.articles.get(article, (tags, True))
            self.articles[article] = (tuple(tags), right and bool(ok))

    def articles_right(self) -> dict[str, list[bool]]:
        """Per convention, one entry per gold article: did it pass every check?"""
        table: dict[str, list[bool]] = defaultdict(list)
        for tags, right in self.articles.values():
            for tag in tags:
                table[tag].append(right)
        return dict(table)

    def by_check(self) -> dict[str, list[bool]]:
        table: dict[str, list[bool]] = defaultdict(list)
        for check, ok, _ in self.results:
            table[check].append(ok)
        return dict(table)

    def by_convention(self) -> dict[str, list[bool]]:
        table: dict[str, list[bool]] = defaultdict(list)
        for _, ok, tags in self.results:
            for tag in tags:
                table[tag].append(ok)
        return dict(table)

    def score(self, *, core_only: bool) -> float:
        oks = [ok for check, ok, _ in self.results if not (core_only and check in EXTRA_CHECKS)]
        return sum(oks) / len(oks) if oks else 0.0


# --- reading the parsed articles -------------------------------------------------------------

def _blocks(article: dict) -> list[dict]:
    return [b for b in article.get("body") or [] if isinstance(b, dict)]


def _block_text(block: dict) -> str:
    return (block.get("text") or "") + (block.get("caption") or "")


def _text_blocks(article: dict) -> list[str]:
    """Canonical text of paragraphs and captions in order (headings are not body text)."""
    texts = (canon(_block_text(b)) for b in _blocks(article) if b.get("type") != "heading")
    return [t for t in texts if t]


def _full_text(article: dict) -> str:
    return canon("".join(_block_text(b) for b in _blocks(article)))


def _names(article: dict) -> set[str]:
    names = set()
    for author in article.get("authors") or []:
        name = author.get("name") if isinstance(author, dict) else author
        if name:
            names.add(canon(name))
    for block in _blocks(article):
        names |= {canon(n) for n in block.get("photographers") or [] if n}
    return names


def _titles(article: dict) -> list[str]:
    return [canon(article.get(k)) for k in ("kicker", "headline", "subheadline") if article.get(k)]


def _titles_match(parsed: list[str], gold: list[str]) -> bool:
    """Same title lines, or the same text split differently between the roles."""
    if sorted(parsed) == sorted(gold):
        return True
    joined = "".join(parsed)
    return bool(gold) and any(joined == "".join(p) for p in itertools.permutations(gold))


def _strings(article: dict) -> str:
    fields = [article.get(k) or "" for k in ("column", "kicker", "headline", "subheadline",
                                               "byline", "reader_prompt", "dateline")]
    fields += [_block_text(b) + (b.get("credit") or "") for b in _blocks(article)]
    return canon("".join(fields))


# --- scoring one file ------------------------------------------------------------------------

def _find(parsed: list[dict], key: str) -> int | None:
    for i, article in enumerate(parsed):
        texts = _text_blocks(article)
        if texts and texts[0].startswith(key[:START_KEY_LENGTH]):
            return i
    for i, article in enumerate(parsed):
        if key[:START_KEY_LENGTH] in _full_text(article):
            return i
    return None


def _checks_missed(gold: dict) -> list[str]:
    """The checks an article that was not found at all fails."""
    missed = ["body_start", "names", "reader_prompt", "sections", "no_merge",
              "kind", "dateline", "column", "no_repeat"]
    if gold["body_end"]:
        missed.append("body_end")
    if gold["title_lines"]:
        missed.append("titles")
    if gold["roles_certain"] and gold["headline"]:
        missed.append("title_roles")
    if gold["kind"] == "continuation":
        missed.append("continuation")
    if gold["photo_credit_names"]:
        missed += ["photo_credit", "is_photo"]
    return missed + ["contains"] * len(gold["contains"])


def score_file(parsed_file: dict, gold_file: GoldFile, scores: Scores) -> None:
    parsed = parsed_file.get("articles") or []
    keys = {g["id"]: canon(g["body_start"]) for g in gold_file.articles}
    matched: set[int] = set()
    for gold in gold_file.articles:
        tags = gold_file.tags_of(gold["id"])
        label = f"{gold_file.source} {gold['id']}"

        def check(name: str, ok: bool, detail: str = "", tags=tags, label=label) -> None:
            scores.record(name, ok, tags, f"{label} {detail}".rstrip(), article=label)

        found = _find(parsed, keys[gold["id"]])
        check("found", found is not None, "its first words are in no parsed article")
        if found is None:
            for name in _checks_missed(gold):
                check(name, False, "(article not found)")
            continue
        matched.add(found)
        others = [k[:START_KEY_LENGTH] for gid, k in keys.items() if gid != gold["id"]]
        _check_article(parsed[found], gold, keys[gold["id"]], others, check)
    for i, article in enumerate(parsed):
        if i not in matched and article.get("kind") != "fragment":
            scores.record("no_extra", False, gold_file.conventions,
                          f"{gold_file.source} extra article #{i}: {_titles(article)[:2]} "
                          f"{_full_text(article)[:30]}")
    for _ in gold_file.articles:
        scores.record("no_extra", True, gold_file.conventions)
    _check_file(parsed_file, gold_file, scores)


def _check_article(article: dict, gold: dict, key: str, others: list[str], check: Check) -> None:
    texts = _text_blocks(article)
    full = _full_text(article)
    first = texts[0] if texts else ""
    check("body_start", bool(first) and first.startswith(key), repr(first[:30]))
    if gold["body_end"]:
        last = texts[-1] if texts else ""
        check("body_end", last.endswith(canon(gold["body_end"])), repr(last[-30:]))
    gold_titles = [canon(t) for t in gold["title_lines"]]
    if gold_titles:
        check("titles", _titles_match(_titles(article), gold_titles),
              f"{_titles(article)} vs {gold_titles}")
    if gold["roles_certain"] and gold["headline"]:
        ok = (canon(article.get("headline")) == canon(gold["headline"])
              and canon(article.get("kicker")) == canon(gold["kicker"]))
        got = f"kicker={article.get('kicker')!r} headline={article.get('headline')!r}"
        check("title_roles", ok, got)
    if gold["kind"] == "continuation":
        check("continuation",
              bool(article.get("continued_from_page")) or article.get("kind") == "continuation")
    names, gold_names = _names(article), {canon(n) for n in gold["names"]}
    check("names", names == gold_names, f"{sorted(names)} vs {sorted(gold_names)}")
    check("reader_prompt", canon(gold["reader_prompt"]) == canon(article.get("reader_prompt")),
          repr(canon(article.get("reader_prompt"))[:30]))
    sections = [canon(_block_text(b)) for b in _blocks(article) if b.get("type") == "heading"]
    gold_sections = [canon(s) for s in gold["sections"]]
    check("sections", sections == gold_sections, f"{sections} vs {gold_sections}")
    if gold["photo_credit_names"]:
        check("photo_credit", {canon(n) for n in gold["photo_credit_names"]} <= names,
              f"{sorted(names)}")
        check("is_photo", article.get("kind") == "photo"
              or any(b.get("type") == "photo" for b in _blocks(article)))
    for text in gold["contains"]:
        check("contains", canon(text) in full, text[:20])
    check("no_merge", not any(o in full for o in others), "holds another article's start")
    # extras
    accepted = ACCEPTED_KINDS.get(gold["kind"], {gold["kind"]})
    check("kind", article.get("kind") in accepted, f"{article.get('kind')} vs {gold['kind']}")
    check("dateline", canon(gold["dateline"]) == canon(article.get("dateline")),
          f"{article.get('dateline')!r} vs {gold['dateline']!r}")
    check("column", canon(gold["column"]) == canon(article.get("column")),
          f"{article.get('column')!r} vs {gold['column']!r}")
    check("no_repeat", full.count(key[:START_KEY_LENGTH]) == 1, "its first words occur twice")


def _edition_value(value: object) -> str:
    """Compare edition fields as text; a paper's name with or without its 《》."""
    return "" if value is None else canon(str(value)).strip("《》")


def _check_file(parsed_file: dict, gold_file: GoldFile, scores: Scores) -> None:
    tags = gold_file.conventions
    expected = gold_file.edition
    if expected:
        stated = parsed_file.get("edition") or {}
        for field_name, value in sorted(expected.items()):
            got = stated.get(field_name)
            ok = _edition_value(got) == _edition_value(value)
            scores.record("edition", ok, tags,
                          f"{gold_file.source} edition {field_name}: {got!r} vs {value!r}")
    if gold_file.chrome:
        articles = [a for a in parsed_file.get("articles") or [] if a.get("kind") != "fragment"]
        text = "".join(_strings(a) for a in articles)
        for chrome in gold_file.chrome:
            scores.record("chrome", canon(chrome) not in text, tags,
                          f"{gold_file.source} chrome {chrome!r} inside an article")


# --- the whole corpus --------------------------------------------------------------------------

def score(parsed: dict, corpus: Corpus) -> Scores:
    scores = Scores()
    for parsed_file in parsed.get("files") or []:
        name = Path(parsed_file.get("source") or "").name
        if name in corpus.files:
            scores.files_scored += 1
            score_file(parsed_file, corpus.files[name], scores)
    return scores


def _table(rows: dict[str, list[bool]], notes: dict[str, str],
           articles: dict[str, list[bool]] | None = None) -> list[str]:
    lines = []
    for name in sorted(rows):
        oks = rows[name]
        line = f"  {name:28s} {sum(oks):4d}/{len(oks):<4d} {sum(oks) / len(oks):.3f}"
        if articles is not None:
            right = articles.get(name, [])
            line += f"  {sum(right):3d}/{len(right):<3d}"
        lines.append(f"{line}  {notes[name]}" if name in notes else line)
    return lines


def report(scores: Scores, corpus: Corpus, *, verbose: bool = False,
           convention: str | None = None) -> str:
    """Failed checks (when verbose, only those bearing on convention if one is given),
    the per-check and per-convention tables, and the scores."""
    lines = []
    if verbose:
        lines += [f"FAIL {message}" for message, tags in scores.failures
                  if convention is None or convention in tags]
    by_check = scores.by_check()
    lines.append("per check (* = extra, not in the reference scorer):")
    lines += _table(by_check, {name: "*" for name in EXTRA_CHECKS})
    lines.append("per convention (checks passed, score, articles with every check passed):")
    lines += _table(scores.by_convention(), corpus.conventions, scores.articles_right())
    missing = len(corpus.files) - scores.files_scored
    lines.append(f"files scored: {scores.files_scored} of {len(corpus.files)}"
                 + (f" ({missing} missing from the parse)" if missing else ""))
    core = [ok for c, ok, _ in scores.results if c not in EXTRA_CHECKS]
    every = [ok for _, ok, _ in scores.results]
    lines.append(f"parse score: {scores.score(core_only=True):.3f} "
                 f"({sum(core)}/{len(core)} checks)")
    lines.append(f"corpus score: {scores.score(core_only=False):.3f} "
                 f"({sum(every)}/{len(every)} checks, with extras)")
    right = [r for _, r in scores.articles.values()]
    lines.append(f"articles with every check passed: {sum(right)}/{len(right)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parsed", help="dry-run JSON of import_articles ('-' reads stdin)")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failed check")
    parser.add_argument("-c", "--convention", help="with -v, list only this convention's failures")
    args = parser.parse_args(argv)
    try:
        if args.parsed == "-":
            parsed = json.load(sys.stdin)
        else:
            parsed = json.loads(Path(args.parsed).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        parser.error(f"{args.parsed}: cannot read the dry-run JSON: {exc}")
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        parser.error(str(exc))
    if args.convention and args.convention not in corpus.conventions:
        parser.error(f"unknown convention {args.convention!r}: see {args.corpus}/conventions.json")
    scores = score(parsed, corpus)
    text = report(scores, corpus, verbose=args.verbose, convention=args.convention)
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
