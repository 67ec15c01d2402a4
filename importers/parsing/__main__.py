"""`python -m importers.parsing [--format json|text] PATH...` - dry-run the parser."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .api import parse_bytes
from .model import ParsedFile


def _text_report(files: list) -> str:
    out: list[str] = []
    for f in files:
        out.append(f"== {f.source}  [{f.encoding} {f.flavour}] {f.error or ''}".rstrip())
        for a in f.articles:
            title = " / ".join(x for x in (a.kicker, a.headline, a.subheadline) if x)
            out.append(f"  #{a.position} {a.kind}: {title}")
            if a.byline:
                out.append(f"     byline: {a.byline}")
            for w in a.warnings:
                out.append(f"     ! {w}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m importers.parsing")
    ap.add_argument("--format", choices=("json", "text"), default="text")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args(argv)
    files = []
    for p in args.paths:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            files.append(ParsedFile(source=p, sha256="", error=f"{p}: cannot read: {exc.strerror}"))
            continue
        files.append(parse_bytes(data, source=p))
    if args.format == "json":
        json.dump({"files": [f.to_dict() for f in files]}, sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_text_report(files) + "\n")
    return 1 if any(f.error for f in files) else 0


if __name__ == "__main__":
    sys.exit(main())
