"""Score parsed pages against hand-made expected structure (the probe gold).

Each expected article is looked up by the start of its body; then each check
is one pass or fail: body start and end, titles (any order of the title
lines) and their roles, names, reader prompt, section headings, photo
credits, text it must contain, and that no other article's opening is merged
into it. A parsed article no expected one matches must be a flagged fragment.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

from importers.parsing import ParsedArticle, ParsedFile
from tools.textnorm import canon


def _texts(a: ParsedArticle) -> list[str]:
    return [b.text or b.caption for b in a.body
            if b.type != "heading" and canon(b.text or b.caption)]


def _full(a: ParsedArticle) -> str:
    return canon("".join(b.text or b.caption for b in a.body))


def _names(a: ParsedArticle) -> set[str]:
    got = {canon(x.name) for x in a.authors}
    for b in a.body:
        got.update(canon(n) for n in b.photographers)
    return got


def _titles(a: ParsedArticle) -> list[str]:
    return [canon(t) for t in (a.kicker, a.headline, a.subheadline) if canon(t)]


def _titles_match(pred: list[str], gold: list[str]) -> bool:
    if sorted(pred) == sorted(gold):
        return True
    joined = "".join(pred)
    return bool(gold) and any(joined == "".join(p) for p in itertools.permutations(gold))


def score_file(parsed: ParsedFile, gold: dict) -> dict[str, list[bool]]:
    checks: dict[str, list[bool]] = defaultdict(list)
    arts = parsed.articles
    starts = {g["id"]: canon(g["body_start"]) for g in gold["articles"]}
    matched: set[int] = set()
    for g in gold["articles"]:
        key = starts[g["id"]]
        cand = next((i for i, a in enumerate(arts)
                     if _texts(a) and canon(_texts(a)[0]).startswith(key[:12])), None)
        if cand is None:
            cand = next((i for i, a in enumerate(arts) if key[:12] in _full(a)), None)
        checks["found"].append(cand is not None)
        if cand is None:
            continue
        matched.add(cand)
        a = arts[cand]
        items = _texts(a)
        checks["body_start"].append(bool(items) and canon(items[0]).startswith(key))
        if g.get("body_end"):
            checks["body_end"].append(bool(items) and canon(items[-1]).endswith(
                canon(g["body_end"])))
        gold_titles = [canon(t) for t in g.get("title_lines") or []]
        if gold_titles:
            checks["titles"].append(_titles_match(_titles(a), gold_titles))
        if g.get("roles_certain") and g.get("headline"):
            checks["title_roles"].append(canon(a.headline) == canon(g["headline"])
                                         and canon(a.kicker) == canon(g.get("kicker")))
        checks["names"].append({canon(n) for n in g.get("names") or []} == _names(a))
        checks["reader_prompt"].append(canon(g.get("reader_prompt")) == canon(a.reader_prompt))
        checks["sections"].append([canon(s) for s in g.get("sections") or []]
                                  == [canon(b.text) for b in a.body if b.type == "heading"])
        if g.get("photo_credit_names"):
            checks["photo_credit"].append(
                {canon(n) for n in g["photo_credit_names"]} <= _names(a))
        full = _full(a)
        checks["contains"].extend(canon(c) in full for c in g.get("contains") or [])
        others = [starts[o["id"]][:12] for o in gold["articles"] if o["id"] != g["id"]]
        checks["no_merge"].append(not any(o in full for o in others))
    extra = [a for i, a in enumerate(arts) if i not in matched and a.kind != "fragment"]
    checks["no_extra"].extend([True] * len(gold["articles"]) + [False] * len(extra))
    return checks


def score_pages(raw_dir: Path, gold_paths: list[Path], parse) -> dict[str, list[bool]]:
    """Parse each gold file's raw page with `parse(path)` and score it."""
    total: dict[str, list[bool]] = defaultdict(list)
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for name, results in score_file(parse(raw_dir / gold["source"]), gold).items():
            total[name].extend(results)
    return total


def overall(checks: dict[str, list[bool]]) -> float:
    values = [v for results in checks.values() for v in results]
    return sum(values) / len(values) if values else 0.0
