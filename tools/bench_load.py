"""Load benchmark: gunicorn (2 workers) on loopback, PostgreSQL, Redis, concurrent readers.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python -m tools.bench_load

Builds (once) a corpus of generated articles, starts gunicorn with the
production settings, drives it with concurrent readers for a bounded time over
home, section, article, search and feed URLs, and prints requests/s, p50, p99
and the error count. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tools.cpu_split import IMPORT_APP_NAME, CpuSplit, report_split

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = ["工会", "托育", "劳模", "职工 培训", "安全生产", "农民工 工资"]


@dataclass
class LoadResult:
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    # X-Page-Cache of each answer per kind: "hit", "miss" or "-" (not cacheable).
    cache: dict[str, Counter] = field(default_factory=dict)

    def hit_ratio(self, kind: str | None = None) -> float:
        counts = Counter()
        for k, counter in self.cache.items():
            if kind is None or k == kind:
                counts.update(counter)
        # "stale": the copy a new article retired, while another reader renders it again.
        answered = counts["hit"] + counts["stale"] + counts["miss"]
        return (counts["hit"] + counts["stale"]) / answered if answered else float("nan")

    def stale(self) -> int:
        return sum(counter["stale"] for counter in self.cache.values())

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.errors.values())

    def percentile(self, pct: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def drive(
    base_url: str,
    urls: dict[str, list[str]],
    *,
    seconds: float,
    concurrency: int,
    seed: int = 7,
    rate: float = 0,
) -> LoadResult:
    """Send GETs from `concurrency` threads for `seconds`; bounded in time, loopback only.

    With `rate`, the readers together ask at most `rate` requests a second
    (an open, fixed-rate load: each request has its time slot, and its
    latency counts from that slot, so a server falling behind shows as
    latency and fewer served requests rather than as a slower generator).
    """
    assert base_url.startswith(("http://127.", "http://localhost", "http://[::1]"))
    weights = {"home": 2, "section": 3, "article": 8, "search": 2, "feed": 1, "tag": 1}
    kinds = [k for k in weights if urls.get(k)]
    result = LoadResult(
        seconds=seconds, by_kind={k: [] for k in kinds}, cache={k: Counter() for k in kinds}
    )
    lock = threading.Lock()
    began_at = time.perf_counter()
    stop_at = time.monotonic() + seconds

    def reader(n: int) -> None:
        rng = random.Random(seed + n)
        session = requests.Session()
        sent = 0
        while time.monotonic() < stop_at:
            kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
            url = base_url + rng.choice(urls[kind])
            started = time.perf_counter()
            if rate:
                slot = began_at + (sent * concurrency + n) / rate
                sent += 1
                if slot > started:
                    time.sleep(slot - started)
                started = slot
                if time.monotonic() >= stop_at:
                    break
            try:
                response = session.get(url, timeout=30)
                status = response.status_code
                cached = response.headers.get("X-Page-Cache", "-")
            except requests.RequestException as exc:
                status, cached = type(exc).__name__, "-"
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if status == 200:
                    result.latencies_ms.append(elapsed)
                    result.by_kind[kind].append(elapsed)
                    result.cache[kind][cached] += 1
                else:
                    result.errors[f"{kind} {status}"] += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - began
    return result


def report(result: LoadResult, out=sys.stdout) -> None:
    out.write(
        f"requests: {result.requests}  in {result.seconds:.1f} s  "
        f"= {result.requests / result.seconds:.1f} req/s\n"
        f"latency p50 {result.percentile(50):.1f} ms  p99 {result.percentile(99):.1f} ms\n"
        f"errors: {sum(result.errors.values())}"
        + (f"  {dict(result.errors)}" if result.errors else "")
        + "\n"
    )
    out.write(
        f"page cache hits: {result.hit_ratio():.1%} of cacheable answers"
        f" ({result.stale()} of them the previous copy while it was rendered again)\n"
    )
    for kind, values in result.by_kind.items():
        if values:
            out.write(
                f"  {kind:<8} n={len(values):<6} median {statistics.median(values):.1f} ms"
                f"  hits {result.hit_ratio(kind):.0%}\n"
            )


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def collect_urls(article_sample: int = 500) -> dict[str, list[str]]:
    from articles.models import ArticlePage, SectionPage
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    sections = [s.url for s in SectionPage.objects.child_of(home).live().filter(is_inbox=False)]
    ids = list(ArticlePage.objects.live().filter(locale=home.locale).values_list("pk", flat=True))
    sample = random.Random(7).sample(ids, min(article_sample, len(ids)))
    articles = [a.url for a in ArticlePage.objects.filter(pk__in=sample)]
    return {
        "home": ["/zh-hans/", "/en/"],
        "section": sections + [f"{u}?page=2" for u in sections],
        "article": articles,
        "search": [f"/zh-hans/search/?q={q}" for q in SEARCHES],
        "feed": ["/zh-hans/feed/"] + [f"{u}feed/" for u in sections[:3]],
    }


def collect_realistic_urls(seed: int = 7, searches: int = 2000) -> dict[str, list[str]]:
    """Many distinct URLs, most of them not in the page cache yet.

    Every live article, every listing page of every section, every tag, and
    searches for one or two words drawn from the corpus's own headlines.
    """
    from taggit.models import Tag

    from articles.listing import PER_PAGE
    from articles.models import ArticlePage, SectionPage
    from articles.search_text import query_terms
    from home.models import HomePage

    rng = random.Random(seed)
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    sections = list(SectionPage.objects.child_of(home).live().filter(is_inbox=False))
    section_url = {s.path: s.url for s in sections}
    articles, titles = [], []
    rows = (
        ArticlePage.objects.live().filter(locale=home.locale)
        .values_list("path", "slug", "title").iterator()
    )
    for path, slug, title in rows:
        base = section_url.get(path[: -ArticlePage.steplen])
        if base:  # the inbox's articles are reachable too, but rarely read
            articles.append(f"{base}{slug}/")
            titles.append(title)
    listing = []
    for section in sections:
        count = ArticlePage.objects.live().child_of(section).count()
        listing += [f"{section_url[section.path]}?page={n}"
                    for n in range(1, max(1, -(-count // PER_PAGE)) + 1)]
    words = [w for t in rng.sample(titles, min(len(titles), 3000)) for w in query_terms(t)
             if len(w) >= 2]
    queries = {" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(searches)}
    tags = list(Tag.objects.filter(articles_articlepagetag_items__isnull=False)
                .values_list("name", flat=True).distinct())
    return {
        "home": ["/zh-hans/", "/en/"],
        "section": listing,
        "article": articles,
        "search": [f"/zh-hans/search/?q={q}" for q in sorted(queries)],
        "tag": [f"/zh-hans/tags/{t}/" for t in tags],
    }


def start_gunicorn(port: int, workers: int, static_root: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": static_root,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )


def wait_until_up(base_url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.get(base_url + "/zh-hans/", timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):  # a first render on a busy machine
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not answer on {base_url}") from None
            time.sleep(0.3)


def imported_articles(since) -> int:
    """Articles the import ledger wrote (created or updated) since a moment."""
    from django.db import connection

    from importers.models import ImportedArticle

    try:
        return ImportedArticle.objects.filter(updated_at__gte=since).count()
    finally:
        connection.close()


def move_to_fresh_year(folder: Path, rng: random.Random) -> None:
    """Give the generated files (dated 2023) an edition year no earlier run used,
    so the import publishes new articles instead of updating the last run's."""
    year = rng.randrange(1950, 2020)
    for path in folder.glob("2023-*"):
        path.rename(path.with_name(f"{year}-" + path.name.removeprefix("2023-")))


def cache_versions() -> dict[str, int]:
    """Every page-cache version key and its value (Redis), to count bumps."""
    from django.core.cache import cache

    from articles.page_cache import SECTIONS_VERSION_KEY

    keys = [*cache.iter_keys("newsroom:v:*"), SECTIONS_VERSION_KEY]
    return {k: v for k, v in cache.get_many(keys).items() if isinstance(v, int)}


def report_bumps(before: dict[str, int], after: dict[str, int], out=sys.stdout) -> None:
    """How often each kind of version was bumped (pages: how many pages, how many bumps)."""
    groups: Counter = Counter()
    retired: Counter = Counter()
    for key, value in after.items():
        bumps = value - before.get(key, value)  # a key made meanwhile: no copy depended on it
        if bumps > 0:
            kind = key.rsplit(":", 1)[0] if key.split(":")[2] in ("page", "section", "edition") \
                else key
            groups[kind] += bumps
            retired[kind] += 1
    parts = [f"{kind} +{n}" + (f" ({retired[kind]} keys)" if retired[kind] > 1 else "")
             for kind, n in sorted(groups.items())]
    out.write("cache version bumps: " + (", ".join(parts) or "none") + "\n")


def import_backends(database: str) -> Callable[[], set[int]]:
    """The PostgreSQL backends serving the importer (it connects with PGAPPNAME set)."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    link = psycopg.connect(
        dbname=database, host=db["HOST"] or None, port=db["PORT"] or None,
        user=db["USER"] or None, password=db["PASSWORD"] or None, autocommit=True,
    )

    def pids() -> set[int]:
        rows = link.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s", [IMPORT_APP_NAME]
        ).fetchall()
        return {row[0] for row in rows}

    return pids


def measured(base_url, urls, args, server, database, importer=None) -> tuple[LoadResult, dict]:
    """Readers for the window, with the CPU each party used meanwhile."""
    roots = {
        "load generator": os.getpid,
        "gunicorn": lambda: server.pid,
        "import": lambda: importer.pid if importer is not None else None,
    }
    with CpuSplit(roots=roots, database=database, import_backends=import_backends(database)) as cpu:
        result = drive(
            base_url, urls, seconds=args.seconds, concurrency=args.concurrency, rate=args.rate
        )
    report(result)
    split = cpu.split()
    report_split(split, result.seconds, sys.stdout)
    sys.stdout.write(
        f"CPU per served request: readers' server {reader_cpu_ms(result, split):.1f} ms"
        f", the import's {import_cpu_ms(result, split):.1f} ms\n"
    )
    return result, split


READER_GROUPS = ("gunicorn", "postgres (readers)", "redis")
IMPORT_GROUPS = ("import", "postgres (import)")


def reader_cpu_ms(result: LoadResult, split: dict[str, float]) -> float:
    """CPU the site spent per served request (server, its database queries, the cache)."""
    return 1000 * sum(split.get(g, 0.0) for g in READER_GROUPS) / max(1, result.requests)


def import_cpu_ms(result: LoadResult, split: dict[str, float]) -> float:
    return 1000 * sum(split.get(g, 0.0) for g in IMPORT_GROUPS) / max(1, result.requests)


def warm_up(base_url: str, urls: dict[str, list[str]]) -> None:
    """Ask every URL once, so both windows start from a filled page cache."""
    session = requests.Session()
    for kind_urls in urls.values():
        for url in kind_urls:
            session.get(base_url + url, timeout=60)


def wait_for_first_article(importer: subprocess.Popen, since, seconds: float = 300) -> None:
    """The reading starts once the import writes (not while it starts up and parses)."""
    deadline = time.monotonic() + seconds
    while not imported_articles(since) and importer.poll() is None:
        if time.monotonic() > deadline:
            raise SystemExit("the import wrote nothing in 5 minutes")
        time.sleep(0.2)


def drive_during_import(
    base_url: str, urls: dict[str, list[str]], args, server, database
) -> LoadResult:
    """Readers again, while `import_articles --publish` adds new articles beside them."""
    from tools.bench_import import make_corpus

    with tempfile.TemporaryDirectory(prefix="load-import-") as folder:
        files, count = make_corpus(Path(folder), args.during_import, seed=int(time.time()))
        move_to_fresh_year(Path(folder), random.Random(time.time_ns()))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
            "PGAPPNAME": IMPORT_APP_NAME,
        }
        command = [
            sys.executable, "manage.py", "import_articles", folder, "--publish",
            "--section", "yaowen", "--format", "json", *args.import_args.split(),
        ]
        from django.utils import timezone

        launched = timezone.now()
        importer = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for_first_article(importer, launched)
            window_start = timezone.now()
            versions = cache_versions()
            started = time.monotonic()
            sys.stdout.write(
                f"-- the same readers while {count} articles in {files} files are imported "
                f"with: import_articles … {' '.join(command[4:])}\n"
            )
            result, split = measured(base_url, urls, args, server, database, importer)
            written = imported_articles(window_start)
            report_bumps(versions, cache_versions())
            window = time.monotonic() - started
            finished = importer.poll() is not None
            sys.stdout.write(
                f"import: {written} articles written in the {window:.1f} s window "
                f"({written / window:.1f} articles/s)"
                + (", finished during the reading" if finished else ", still running")
                + "\n"
            )
        finally:
            importer.wait(timeout=3600)
        if not finished:
            total = time.monotonic() - started
            sys.stdout.write(
                f"import: all {imported_articles(launched)} articles, the last"
                f" {imported_articles(window_start)} in {total:.1f} s from the reading's start\n"
            )
    return result, split


def drive_realistic(base_url: str, urls: dict[str, list[str]], args) -> LoadResult:
    sizes = ", ".join(f"{len(v)} {k}" for k, v in urls.items())
    sys.stdout.write(f"-- realistic mix: random picks among {sizes} URLs\n")
    result = drive(base_url, urls, seconds=args.seconds, concurrency=args.concurrency)
    report(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--mix", choices=("cached", "realistic", "both"), default="both",
        help="cached: a fixed small URL set (measures the page cache); realistic: every "
        "article, listing page, tag and searches drawn from the corpus, mostly cache misses",
    )
    parser.add_argument(
        "--during-import", type=int, default=0, metavar="ARTICLES",
        help="then read again while a publishing import of this many new articles runs",
    )
    parser.add_argument(
        "--rate", type=float, default=0, metavar="REQ_PER_S",
        help="readers ask at this fixed rate (open load) instead of as fast as answered",
    )
    parser.add_argument(
        "--import-args", default="", metavar="ARGS",
        help="more options for the import of --during-import (e.g. \"--nice 0\")",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from home.models import HomePage
    from tools.bench_corpus import generate

    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        raise SystemExit("bench_load needs DATABASE_URL=postgres://… and REDIS_URL=redis://…")
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    generate(args.articles, home, log=lambda m: sys.stderr.write(m + "\n"))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # a settled database, as autovacuum keeps one
    urls = collect_urls()
    realistic = collect_realistic_urls() if args.mix != "cached" else None
    connection.close()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as static_root:
        server = start_gunicorn(port, args.workers, static_root)
        try:
            wait_until_up(base_url)
            sys.stdout.write(
                f"gunicorn {args.workers} workers, {settings.DATABASES['default']['NAME']} "
                f"on PostgreSQL, Redis cache; {args.concurrency} readers for {args.seconds:.0f} s\n"
            )
            if args.rate:
                sys.stdout.write(f"fixed rate: {args.rate:.0f} requests/s asked\n")
            database = settings.DATABASES["default"]["NAME"]
            if args.mix == "realistic" and not args.during_import:
                result = drive_realistic(base_url, realistic, args)
            else:
                sys.stdout.write("-- cached mix: a fixed set of URLs\n")
                warm_up(base_url, urls)
                result, _split = measured(base_url, urls, args, server, database)
                if args.mix == "both":
                    missed = drive_realistic(base_url, realistic, args)
                    result.errors.update(missed.errors)
            if args.during_import:
                during, during_split = drive_during_import(
                    base_url, urls, args, server, database
                )
                ratio = (during.requests / during.seconds) / (result.requests / result.seconds)
                sys.stdout.write(
                    f"readers keep {ratio:.0%} of their throughput during the publishing import"
                    f" (p50 {result.percentile(50):.1f} → {during.percentile(50):.1f} ms,"
                    f" p99 {result.percentile(99):.1f} → {during.percentile(99):.1f} ms,"
                    f" cache hits {result.hit_ratio():.0%} → {during.hit_ratio():.0%})\n"
                )
                # Independent of what else the machine runs: the CPU a request
                # costs with and without the import (its own CPU included).
                idle_cost = reader_cpu_ms(result, _split)
                busy_cost = reader_cpu_ms(during, during_split) + import_cpu_ms(
                    during, during_split
                )
                sys.stdout.write(
                    f"CPU per request {idle_cost:.1f} → {busy_cost:.1f} ms counting all of the"
                    f" import's CPU against readers: at worst they keep {idle_cost / busy_cost:.0%}"
                    " of a CPU-bound server's rate\n"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
