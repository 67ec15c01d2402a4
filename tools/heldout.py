# ruff: noqa: T201  (a command-line report, like bench.py)
"""Held-out check: new pages mixed from the sample pages' articles, scored per article.

`python -m tools.heldout [--pages N] [--seed S] [--out DIR] [-v]`

Each page takes articles from any of the sample pages (in `tests/fixtures/pages`),
in a new order, and renders them in one flavour: PDF column text (width 12-28,
titles before or after the body, blank lines after every line, between items
or nowhere, indented or flush first lines) or marked-up text; then re-encodes it
(UTF-8, BOM, GB18030, UTF-16; LF or CRLF). The expected structure comes from
the rendered articles themselves, so it is known exactly. The checks are those
of the project's gold scorer (`found`, `body_start`, `body_end`, `titles`,
`title_roles`, `names`, `reader_prompt`, `sections`, `no_merge`, `no_extra`,
`continuation`, `photo_credit`); `--out` also writes the pages and gold files
in the scorer's format.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections import defaultdict
from pathlib import Path

from importers.parsing import ParsedArticle, parse_bytes
from tools.page_synth import ENCODINGS, encode, render_marked, render_pdf
from tools.textnorm import canon

PAGES_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"


def _texts(a: ParsedArticle) -> list[str]:
    return [b.text or b.caption for b in a.body
            if b.type != "heading" and canon(b.text or b.caption)]


def article_pool(sources: list[bytes] | None = None) -> list[ParsedArticle]:
    """Articles of the sample pages that can be re-laid out (not fragments, with text)."""
    if sources is None:
        sources = [p.read_bytes() for p in sorted(PAGES_DIR.glob("*.txt"))]
    pool: list[ParsedArticle] = []
    seen: set[str] = set()
    for data in sources:
        for a in parse_bytes(data).articles:
            texts = _texts(a)
            if a.kind == "fragment" or not texts:
                continue
            key = canon(texts[0])[:12]
            if key in seen:
                continue
            seen.add(key)
            pool.append(a)
    return pool


def expected(a: ParsedArticle, ident: str, flavour: str) -> dict:
    """The gold record of one rendered article, in the scorer's format."""
    texts = _texts(a)
    titles = [t for t in (a.kicker, "" if a.headline_is_provisional else a.headline,
                          a.subheadline) if t]
    names = [x.name for x in a.authors]
    photo_names: list[str] = []
    for b in a.body:
        for n in b.photographers:
            photo_names.append(n)
            if n not in names:
                names.append(n)
    certain = bool(a.headline and not a.headline_is_provisional
                   and (a.kicker or not a.subheadline or flavour == "marked-up"))
    return {
        "id": ident,
        "kind": "continuation" if a.continued_from_page else a.kind,
        "kicker": a.kicker or None,
        "headline": None if a.headline_is_provisional else (a.headline or None),
        "subheadline": a.subheadline or None,
        "title_lines": titles,
        "roles_certain": certain,
        "names": names,
        "reader_prompt": a.reader_prompt or None,
        "sections": [b.text for b in a.body if b.type == "heading"],
        "photo_credit_names": photo_names if a.kind == "photo" else [],
        "body_start": canon(texts[0])[:20],
        "body_end": canon(texts[-1])[-20:],
    }


def make_page(pool: list[ParsedArticle], rnd: random.Random, name: str
              ) -> tuple[bytes, dict, dict]:
    """One new page: (encoded bytes, gold record, layout parameters)."""
    arts = rnd.sample(pool, rnd.randint(3, min(8, len(pool))))
    if rnd.random() < 0.3:
        flavour = "marked-up"
        params: dict = {"flavour": flavour}
        text = render_marked(arts, seed=rnd.randint(0, 10**6))
    else:
        flavour = "pdf-columns"
        params = {"flavour": flavour, "width": rnd.randint(12, 28),
                  "blank": rnd.choice(("none", "all", "para")),
                  "titles_first": rnd.random() < 0.4, "indent": rnd.choice((2, 2, 0)),
                  "seed": rnd.randint(0, 10**6)}
        text = render_pdf(arts, params["width"], blank=params["blank"], seed=params["seed"],
                          titles_first=params["titles_first"], indent=params["indent"])
    params["encoding"] = rnd.choice(ENCODINGS)
    params["crlf"] = rnd.random() < 0.2
    data = encode(text, params["encoding"], crlf=params["crlf"])
    gold = {"source": name, "flavour": flavour,
            "articles": [expected(a, f"{name}-{i + 1}", flavour) for i, a in enumerate(arts)]}
    return data, gold, params


# --- scoring (the same checks as the project's gold scorer) -------------------

def _titles_match(pred: list[str], gold: list[str]) -> bool:
    if sorted(pred) == sorted(gold):
        return True
    if not gold:
        return False
    joined = "".join(pred)
    return any(joined == "".join(p) for p in itertools.permutations(gold))


def score_page(parsed: list[dict], gold: dict) -> tuple[dict[str, list[bool]], list[str]]:
    checks: dict[str, list[bool]] = defaultdict(list)
    fails: list[str] = []
    starts = {g["id"]: canon(g["body_start"]) for g in gold["articles"]}

    def items(p: dict) -> list[str]:
        out = [(b.get("text") or "") + (b.get("caption") or "") for b in p["body"]
               if b["type"] != "heading"]
        return [t for t in out if canon(t)]

    def full(p: dict) -> str:
        return canon("".join((b.get("text") or "") + (b.get("caption") or "") for b in p["body"]))

    def record(name: str, ok: bool, gid: str, detail: str = "") -> None:
        checks[name].append(bool(ok))
        if not ok:
            fails.append(f"{gid} {name} {detail}")

    matched: set[int] = set()
    for g in gold["articles"]:
        key = starts[g["id"]]
        cand = next((i for i, p in enumerate(parsed)
                     if items(p) and canon(items(p)[0]).startswith(key[:12])), None)
        if cand is None:
            cand = next((i for i, p in enumerate(parsed) if key[:12] in full(p)), None)
        record("found", cand is not None, g["id"])
        if cand is None:
            for name in ("body_start", "body_end", "names", "reader_prompt", "sections",
                         "no_merge"):
                checks[name].append(False)
            if g["title_lines"]:
                checks["titles"].append(False)
            continue
        matched.add(cand)
        p = parsed[cand]
        its = items(p)
        record("body_start", bool(its) and canon(its[0]).startswith(key), g["id"],
               repr(canon(its[0])[:30]) if its else "no body")
        last = canon(its[-1]) if its else ""
        record("body_end", last.endswith(canon(g["body_end"])), g["id"], repr(last[-30:]))
        pt = [canon(p.get(k)) for k in ("kicker", "headline", "subheadline") if canon(p.get(k))]
        gt = [canon(t) for t in g["title_lines"]]
        if gt:
            record("titles", _titles_match(pt, gt), g["id"], f"{pt} vs {gt}")
        if g["roles_certain"] and g["headline"]:
            ok = (canon(p.get("headline")) == canon(g["headline"])
                  and canon(p.get("kicker")) == canon(g["kicker"]))
            record("title_roles", ok, g["id"], f"k={p.get('kicker')!r} h={p.get('headline')!r}")
        if g["kind"] == "continuation":
            record("continuation", bool(p.get("continued_from_page")), g["id"])
        pn = {canon(a["name"]) for a in p["authors"]}
        for b in p["body"]:
            pn.update(canon(n) for n in b.get("photographers") or [])
        gn = {canon(n) for n in g["names"]}
        record("names", gn == pn, g["id"], f"{sorted(pn)} vs {sorted(gn)}")
        record("reader_prompt", canon(g["reader_prompt"]) == canon(p.get("reader_prompt")),
               g["id"], repr(canon(p.get("reader_prompt"))[:30]))
        ps = [canon(b.get("text")) for b in p["body"] if b["type"] == "heading"]
        gs = [canon(s) for s in g["sections"]]
        record("sections", ps == gs, g["id"], f"{ps} vs {gs}")
        if g["photo_credit_names"]:
            record("photo_credit", {canon(n) for n in g["photo_credit_names"]} <= pn, g["id"])
        ft = full(p)
        others = [starts[o["id"]][:12] for o in gold["articles"] if o["id"] != g["id"]]
        record("no_merge", not any(o in ft for o in others), g["id"])
    bad = [i for i in range(len(parsed)) if i not in matched and parsed[i]["kind"] != "fragment"]
    for i in bad:
        fails.append(f"{gold['source']} extra #{i}: {full(parsed[i])[:30]}")
    checks["no_extra"].extend([True] * len(gold["articles"]) + [False] * len(bad))
    return checks, fails


def run(pages: int = 200, seed: int = 7, out: Path | None = None, verbose: bool = False,
        only: str = "") -> float:
    rnd = random.Random(seed)
    pool = article_pool()
    total: dict[str, list[bool]] = defaultdict(list)
    by_layout: dict[str, list[bool]] = defaultdict(list)
    if out is not None:
        (out / "gold").mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        name = f"h{n:04d}.txt"
        data, gold, params = make_page(pool, rnd, name)
        if only and only != params["flavour"]:
            continue
        if out is not None:
            (out / name).write_bytes(data)
            (out / "gold" / f"h{n:04d}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        parsed = parse_bytes(data, source=name).to_dict()["articles"]
        checks, fails = score_page(parsed, gold)
        for k, v in checks.items():
            total[k].extend(v)
        flat = [x for v in checks.values() for x in v]
        layout = params["flavour"]
        if layout == "pdf-columns":
            layout += " titles-first" if params["titles_first"] else " titles-after"
        by_layout[layout].extend(flat)
        if verbose:
            for f in fails:
                print("FAIL", name, json.dumps(params, sort_keys=True), f)
    for k in sorted(total):
        v = total[k]
        print(f"{k:16s} {sum(v):5d}/{len(v):<5d} {sum(v) / len(v):.3f}")
    for k in sorted(by_layout):
        v = by_layout[k]
        print(f"layout {k:28s} {sum(v) / len(v):.3f}")
    allv = [x for v in total.values() for x in v]
    score = sum(allv) / len(allv) if allv else 0.0
    print(f"held-out score: {score:.3f} ({sum(allv)}/{len(allv)} checks, {pages} pages)")
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.heldout")
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--only", choices=("marked-up", "pdf-columns"), default="")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    run(args.pages, args.seed, args.out, args.v, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
