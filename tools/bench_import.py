"""Import benchmark: a generated corpus into PostgreSQL, drafts, publish and stock.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        python -m tools.bench_import --articles 2000 [--writers public,bulk]

For each page writer in turn the corpus is imported as drafts (then again,
unchanged) and, on a fresh database, with --publish; then the same files go
through the stock loop a Django developer would write (tools.stock_import:
add_child + save_revision().publish() per article), and the publishing
import's speed is given as a multiple of it. Before each import the database
named by DATABASE_URL is dropped and recreated (its name must contain
"bench", so a real database is never touched), migrated and given the
standard page tree; every figure printed names what it measured, with the
queries sent per article. The corpus is the sample pages re-combined:
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
        return (
            match.group(1)
            + rng.choice(SURNAMES)
            + "".join(rng.choice(GIVEN) for _ in range(len(match.group(2)) - 1))
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


class QueryCounter:
    """Counts the queries sent to the database (without DEBUG's query log)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (workers)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measured(action) -> tuple[object, float, float, int]:
    """(result, seconds, CPU seconds, queries) of action().

    CPU counts this process and the worker processes it started; queries
    count only this process's (a parallel import's workers send their own).
    """
    from django.db import connection

    counter = QueryCounter()
    started, cpu = time.perf_counter(), cpu_seconds()
    with connection.execute_wrapper(counter):
        result = action()
    return result, time.perf_counter() - started, cpu_seconds() - cpu, counter.count


def run_import(
    folder: Path, writer: str, *extra: str, workers: int = 1
) -> tuple[dict, float, float, int]:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()

    def command() -> None:
        try:
            call_command(
                "import_articles",
                str(folder),
                "--format",
                "json",
                "--writer",
                writer,
                "--workers",
                str(workers),
                *extra,
                stdout=out,
            )
        except CommandError as exc:
            _out(f"import reported errors: {exc}")

    _, elapsed, cpu, queries = measured(command)
    return json.loads(out.getvalue()), elapsed, cpu, queries


def fresh_site(url: str) -> None:
    from django.core.management import call_command

    recreate_database(url)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_site", verbosity=0)


def report(label: str, done: int, elapsed: float, queries: int, detail: str) -> float:
    rate = done / elapsed
    _out(
        f"{label:<34} {done} articles in {elapsed:.1f} s = {rate:.1f} articles/s, "
        f"{queries / max(done, 1):.1f} queries/article  ({detail})"
    )
    return rate


def bench_writer(writer: str, folder: Path, url: str) -> float:
    """Drafts (fresh, then unchanged), then --publish on a fresh database, in
    one process.

    Returns the publishing import's articles/s."""
    fresh_site(url)
    summary, elapsed, cpu, queries = run_import(folder, writer)
    done = summary["created"] + summary["updated"]
    report(
        f"[{writer:>6} writer] drafts, fresh:",
        done,
        elapsed,
        queries,
        f"errors {summary['errors']}; importer CPU {1000 * cpu / max(done, 1):.1f} ms/article",
    )
    summary, elapsed, cpu, queries = run_import(folder, writer)
    report(
        f"[{writer:>6} writer] drafts, unchanged:",
        summary["unchanged"],
        elapsed,
        queries,
        f"created {summary['created']}",
    )
    fresh_site(url)
    summary, elapsed, cpu, queries = run_import(folder, writer, "--publish")
    done = summary["created"] + summary["updated"]
    published = count_live()
    _out(
        f"[{writer:>6} writer] --publish: {queries / max(published, 1):.1f} queries "
        f"per published article"
    )
    return report(
        f"[{writer:>6} writer] --publish, fresh:",
        done,
        elapsed,
        queries,
        f"{published} published, the rest held by the publish gate; "
        f"importer CPU {1000 * cpu / max(done, 1):.1f} ms/article",
    )


def bench_workers(writer: str, folder: Path, url: str, workers: int, one: float) -> float:
    """--publish with `workers` processes on a fresh database; articles/s.

    `one` is the same import's articles/s in one process, for the ratio."""
    fresh_site(url)
    summary, elapsed, cpu, _ = run_import(folder, writer, "--publish", workers=workers)
    done = summary["created"] + summary["updated"]
    rate = report(
        f"[{writer:>6} writer] --publish, {workers} workers:",
        done,
        elapsed,
        0,
        f"errors {summary['errors']}; {count_live()} published; CPU of the import's "
        f"processes {1000 * cpu / max(done, 1):.1f} ms/article",
    )
    _out(
        f"[{writer:>6} writer] --publish {workers} workers / 1 worker: {rate / one:.2f}x "
        f"({rate:.1f} vs {one:.1f} articles/s)"
    )
    return rate


def count_live() -> int:
    from articles.models import ArticlePage

    return ArticlePage.objects.filter(live=True).count()


def bench_stock(folder: Path, url: str) -> float:
    """The same files through add_child + save_revision().publish(); articles/s."""
    from tools.stock_import import stock_import

    fresh_site(url)
    done, elapsed, _, queries = measured(lambda: stock_import(sorted(folder.glob("*.txt"))))
    return report(
        "[ stock loop] add_child+publish:",
        done,
        elapsed,
        queries,
        f"{count_live()} published",
    )


def bench_scale(folder: Path, url: str, writer: str) -> None:
    """One publishing import of the whole corpus: does an article cost more
    at the end of the archive than at its start?

    Compares the time per created article of the last 10% of files with
    the first 10% (the import's own per-file timing, files in name order).
    """
    fresh_site(url)
    summary, elapsed, cpu, queries = run_import(folder, writer, "--publish")
    files = [f for f in summary["file_results"] if f["created"]]
    tenth = max(1, len(files) // 10)

    def per_article(part: list[dict]) -> float:
        return sum(f["seconds"] for f in part) / max(1, sum(f["created"] for f in part))

    first, last = per_article(files[:tenth]), per_article(files[-tenth:])
    done = summary["created"] + summary["updated"]
    report(
        f"[{writer:>6} writer] --publish, whole archive:",
        done,
        elapsed,
        queries,
        f"errors {summary['errors']}; CPU {1000 * cpu / max(done, 1):.1f} ms/article",
    )
    _out(
        f"[{writer:>6} writer] per article, first 10% of files {1000 * first:.1f} ms, "
        f"last 10% {1000 * last:.1f} ms: last/first = {last / first:.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--writers",
        default="public,bulk",
        help="comma-separated page writers to measure, each on a fresh database",
    )
    parser.add_argument("--no-stock", action="store_true", help="skip the stock-loop yardstick")
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="also run the publishing import (last writer) with this many processes (1: don't)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        metavar="ARTICLES",
        help="instead: one publishing import of this many articles, first vs last 10%%",
    )
    args = parser.parse_args(argv)
    writers = [w.strip() for w in args.writers.split(",") if w.strip()]

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
        files, expected = make_corpus(folder, args.scale or args.articles)
        _out(f"corpus: {files} files, {expected} articles")
        if args.scale:
            bench_scale(folder, url, writers[-1] if writers else "bulk")
            return 0
        publish_rates = {w: bench_writer(w, folder, url) for w in writers}
        if args.workers > 1 and writers:
            last = writers[-1]
            bench_workers(last, folder, url, args.workers, publish_rates[last])
        if not args.no_stock:
            stock = bench_stock(folder, url)
            for writer, rate in publish_rates.items():
                _out(
                    f"[{writer:>6} writer] --publish import / stock loop: {rate / stock:.1f}x "
                    f"({rate:.1f} vs {stock:.1f} articles/s, same files, same database)"
                )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        _out(f"(machine: {os.cpu_count()} CPUs, load average {load:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
