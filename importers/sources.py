"""The files an import run reads: PATH arguments expanded to *.txt files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Source:
    path: Path
    display: str  # the path as the operator gave it (or found below a folder they gave)
    problem: str = ""  # why the file cannot be read at all; empty when it can

    @property
    def missing(self) -> bool:
        return bool(self.problem)


def readable_name(name: str) -> str:
    """A file name that can be printed and stored, whatever bytes it was made of.

    Names written on a Chinese Windows machine arrive as GBK bytes, which Python
    keeps as surrogate escapes that no terminal or database accepts.
    """
    raw = os.fsencode(name)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _problem(path: Path) -> str:
    try:
        path.stat()
    except FileNotFoundError:
        return _("文件不存在")
    except OSError as exc:  # a symlink loop, no permission, a broken disk
        return _("无法读取：%(reason)s") % {"reason": exc.strerror or exc}
    if path.is_dir():
        return ""
    if not path.is_file():
        return _("不是普通文件")
    return ""


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the path itself is its identity
        return path.absolute()


def collect_sources(paths: list[str]) -> list[Source]:
    """Files as given, folders expanded to every *.txt below them, in name order.

    A path that does not exist or cannot be read is kept (with its problem) so
    that it is reported as a failed file alongside the others instead of
    stopping the run.
    """
    sources: list[Source] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not _problem(path) and path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file()),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            candidates = [(p, os.path.join(given, p.relative_to(path).as_posix())) for p in found]
        else:
            candidates = [(path, given)]
        for candidate, display in candidates:
            key = _key(candidate)
            if key in seen:
                continue
            seen.add(key)
            sources.append(Source(candidate, readable_name(display), _problem(candidate)))
    return sources
