"""The files an import run reads: PATH arguments expanded to *.txt files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    path: Path
    display: str  # the path as the operator gave it (or found below a folder they gave)
    missing: bool = False


def collect_sources(paths: list[str]) -> list[Source]:
    """Files as given, folders expanded to every *.txt below them, in name order.

    A path that does not exist is kept (marked missing) so that it is reported
    as a failed file alongside the others instead of stopping the run.
    """
    sources: list[Source] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file()),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            candidates = [(p, os.path.join(given, p.relative_to(path).as_posix())) for p in found]
        else:
            candidates = [(path, given)]
        for candidate, display in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            sources.append(Source(candidate, display, missing=not candidate.exists()))
    return sources
