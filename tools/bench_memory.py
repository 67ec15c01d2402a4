"""Large-file benchmark: `python -m tools.bench_memory [--sizes 1,5,10,50] [--mode parse]`.

Builds one file of N MB per size in a temporary directory by concatenating the
repository's own sample pages (tests/fixtures/pages, tests/fixtures/corpus/raw)
until the size is reached, then, for each size, runs in a child process:

- `parse`: importers.parsing.parse_bytes alone (no Django);
- `dry-run`: `manage.py import_articles --dry-run --format json` (output discarded);
- `import`: `manage.py import_articles --format json` into DATABASE_URL (use a
  scratch database: the run writes articles).

It prints wall seconds, the child's CPU seconds and its peak RSS
(getrusage(RUSAGE_CHILDREN).ru_maxrss, each size in a fresh child), and the
ratio peak / file size. Time should grow linearly with size and the peak stay
a small multiple of it. Wall time is inflated by whatever else runs; CPU
seconds are the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MB = 1_000_000

_PARSE_CHILD = (
    "import sys\n"
    "from importers.parsing import parse_bytes\n"
    "r = parse_bytes(open(sys.argv[1], 'rb').read(), source=sys.argv[1])\n"
    "print(len(r.articles), r.error or '')\n"
)


def sample_pages() -> list[bytes]:
    paths = sorted(FIXTURES.glob("pages/*.txt")) + sorted(FIXTURES.glob("corpus/raw/*.txt"))
    if not paths:
        raise SystemExit(f"no sample pages under {FIXTURES}")
    return [p.read_bytes().rstrip(b"\n") + b"\n\n" for p in paths]


def build_file(path: Path, size: int, pages: list[bytes] | None = None) -> int:
    """Write sample pages one after another until `size` bytes; returns the size."""
    pages = pages or sample_pages()
    written = i = 0
    with path.open("wb") as out:
        while written < size:
            page = pages[i % len(pages)]
            out.write(page)
            written += len(page)
            i += 1
    return written


def command(mode: str, path: Path) -> list[str]:
    if mode == "parse":
        return [sys.executable, "-c", _PARSE_CHILD, str(path)]
    args = [sys.executable, str(ROOT / "manage.py"), "import_articles", "--format", "json",
            "--max-file-bytes", "0", str(path)]
    return args + ["--dry-run"] if mode == "dry-run" else args


def measure(mode: str, path: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS bytes) of one child run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command(mode, path), cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{mode} of {path} failed ({done.returncode}): {done.stderr[-500:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of children is the largest child so far (KiB on Linux): sizes
    # run smallest first, so each row's figure is its own child's peak.
    return wall, cpu, after.ru_maxrss * 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5,10,50", help="file sizes in MB, comma-separated")
    ap.add_argument("--mode", choices=("parse", "dry-run", "import"), default="parse")
    args = ap.parse_args(argv)
    sizes = sorted(float(s) for s in args.sizes.split(","))
    if args.mode == "import" and not os.environ.get("DATABASE_URL"):
        raise SystemExit("--mode import writes articles: set DATABASE_URL to a scratch database")
    pages = sample_pages()
    print(f"mode {args.mode}: size MB, wall s, CPU s, CPU s per MB, peak RSS MB, peak/size")
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"{mb:g}mb.txt"
            size = build_file(path, int(mb * MB), pages)
            wall, cpu, peak = measure(args.mode, path)
            print(f"{size / MB:7.1f} {wall:8.1f} {cpu:8.1f} {cpu / (size / MB):8.2f} "
                  f"{peak / MB:9.0f} {peak / size:8.1f}", flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
