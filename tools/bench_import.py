"""Import benchmark: a generated corpus into PostgreSQL, fresh and unchanged.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        python -m tools.bench_import --articles 2000 [--writers public,bulk]

For each page writer in turn, the database named by DATABASE_URL is dropped
and recreated (its name must contain "bench", so a real database is never
touched), migrated and given the standard page tree; every figure printed
names the writer it belongs to. The corpus is the sample pages re-combined:
every file gets different numbers and names so no two files are
byte-identical and the importer meets new authors, print pages and slugs as
on a real day.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫斌宇浩凯"


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def vary(text: str, rng: random.Random) -> str:
    """Same structure, different content: numbers and reporters' names change."""
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), text)

    def name(match: re.Match[str]) -> str:
        return match.group(1) + rng.choice(SURNAMES) + "".join(
            rng.choice(GIVEN) for _ in range(len(match.group(2)) - 1)
        )

    return re.sub(r"(记者|通讯员)\s?([\u4e00-\u9fff]{2,3})(?=[\s）)])", name, text)


def make_corpus(folder: Path, articles: int, seed: int = 1) -> tuple[int, int]:
    """Write files until the parser counts at least `articles`; (files, articles)."""
    from importers.parsing import parse_bytes

    rng = random.Random(seed)
    samples = sorted(SAMPLES.glob("*.txt"))
    counts = {p: len(parse_bytes(p.read_bytes()).articles) for p in samples}
    total = files = 0
    while total < articles:
        sample = samples[files % len(samples)]
        day, page = divmod(files, 8)
        name = f"2023-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}_{page + 1:02d}.txt"
        text = vary(sample.read_text(encoding="utf-8"), rng)
        (folder / name).write_text(text, encoding="utf-8")
        total += counts[sample]
        files += 1
    return files, total


def recreate_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = url.rsplit("/", 1)[1].split("?")[0]
    if "bench" not in name:
        raise SystemExit(f"refusing to drop database {name!r}: its name must contain 'bench'")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_import(folder: Path, writer: str) -> tuple[dict, float, float]:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        call_command(
            "import_articles", str(folder), "--format", "json", "--writer", writer, stdout=out
        )
    except CommandError as exc:
        _out(f"import reported errors: {exc}")
    elapsed = time.perf_counter() - started
    return json.loads(out.getvalue()), elapsed, time.process_time() - cpu


def bench_writer(writer: str, folder: Path, url: str, keep_db: bool) -> None:
    """A fresh database, the corpus imported as drafts, then imported again."""
    from django.core.management import call_command

    if not keep_db:
        recreate_database(url)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_site", verbosity=0)

    summary, elapsed, cpu = run_import(folder, writer)
    done = summary["created"] + summary["updated"]
    _out(
        f"[{writer:>6} writer] fresh import:        {done} articles in {elapsed:.1f} s = "
        f"{done / elapsed:.0f} articles/s  (created {summary['created']}, "
        f"errors {summary['errors']}; importer CPU {1000 * cpu / max(done, 1):.1f} ms/article)"
    )
    summary, elapsed, cpu = run_import(folder, writer)
    same = summary["unchanged"]
    _out(
        f"[{writer:>6} writer] unchanged re-import: {same} articles in {elapsed:.2f} s = "
        f"{same / elapsed:.0f} articles/s  (created {summary['created']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--writers",
        default="public,bulk",
        help="comma-separated page writers to measure, each on a fresh database",
    )
    parser.add_argument("--keep-db", action="store_true", help="do not drop and recreate")
    args = parser.parse_args(argv)
    writers = [w.strip() for w in args.writers.split(",") if w.strip()]
    if args.keep_db and len(writers) > 1:
        raise SystemExit("--keep-db measures one writer: the second would find the first's pages")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    # DEBUG would record every query in memory and slow the import down.
    os.environ.setdefault("DEBUG", "0")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench'")

    import django

    django.setup()
    from importers.writers import WRITERS

    unknown = set(writers) - set(WRITERS)
    if unknown:
        known = ", ".join(WRITERS)
        raise SystemExit(f"unknown writer(s) {', '.join(sorted(unknown))}; known: {known}")

    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp)
        files, expected = make_corpus(folder, args.articles)
        _out(f"corpus: {files} files, {expected} articles, imported as drafts")
        for writer in writers:
            bench_writer(writer, folder, url, args.keep_db)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        _out(f"(machine: {os.cpu_count()} CPUs, load average {load:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
