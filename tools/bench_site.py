"""Benchmark the public pages: median and p95 latency, uncached and cached.

    python -m tools.bench_site [--articles 2000,20000] [--requests 200]

Generates the corpus first when it is missing (tools/bench_corpus.py),
then drives Django's test client in process: home, section, article and
search pages, each uncached (page cache retired before every request, so the
full view runs; Wagtail's own small caches stay warm as in production) and
cached (served by the page-cache middleware). Prints a table with the query
count of each page type and the app process's CPU time per uncached request
(wall-clock figures include waiting for PostgreSQL and for a busy machine).
Given several sizes (--articles 2000,20000) it grows the corpus from one to
the next in the same database and prints each page type's growth.
"""

import argparse
import os
import random
import statistics
import sys
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

SEARCHES = ["托育", "工会", "劳模", "工会 托育", "职工 服务", "安全生产", "快递员", "技能 培训",
            "女职工 权益", "乡村振兴"]


def archive_urls(rng) -> list[str]:
    """The print archive: month calendars, editions and printed pages of random days."""
    from articles.models import PrintPage

    days = list(PrintPage.objects.dates("edition_date", "day"))
    urls = ["/zh-hans/archive/"]
    for day in rng.sample(days, min(20, len(days))):
        urls.append(f"/zh-hans/archive/?month={day:%Y-%m}")
        urls.append(f"/zh-hans/archive/{day:%Y/%m/%d}/")
        number = PrintPage.objects.filter(edition_date=day).values_list("page_number", flat=True)
        urls.append(f"/zh-hans/archive/{day:%Y/%m/%d}/page/{rng.choice(list(number))}/")
    return urls


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def sizes_argument(value: str) -> list[int]:
    """"20000" or "2000,20000": the corpus sizes to measure, smallest first."""
    try:
        sizes = sorted({int(part) for part in value.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--articles takes article counts separated by commas, not {value!r}"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("--articles needs at least one count above zero")
    return sizes


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


class Command(BaseCommand):
    help = "Measure home/section/article/search latency, uncached and cached."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=sizes_argument, default=[20_000],
            help="corpus size, or sizes separated by commas (2000,20000): each is "
            "measured in turn and the last is compared with the first",
        )
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, articles, requests, seed, **options):
        measured = [(size, self.measure(size, requests, seed)) for size in articles]
        if len(measured) > 1:
            self.compare(measured[0], measured[-1])

    def measure(self, articles: int, requests: int, seed: int) -> list[tuple]:
        # Imported here: the models need django.setup(), which main() runs.
        from articles.models import ArticlePage, SectionPage
        from articles.page_cache import bump_version
        from home.models import HomePage
        from tools.bench_corpus import generate

        home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
        started, cpu_started = time.perf_counter(), time.process_time()
        made = generate(articles, home, seed=seed, log=lambda m: self.stderr.write(m))
        if made:
            self.stdout.write(
                f"generated {made} articles in {time.perf_counter() - started:.0f} s"
                f" (generator CPU {time.process_time() - cpu_started:.0f} s)"
            )
        if connection.vendor == "postgresql":
            # Measure a settled database, as autovacuum keeps one in production:
            # fresh bulk inserts leave GIN pending lists and dead rows behind.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        total = ArticlePage.objects.live().filter(locale=home.locale).count()
        self.stdout.write(f"live articles (zh-hans): {total}; database: {connection.vendor}")

        rng = random.Random(seed)
        sections = list(SectionPage.objects.child_of(home).live().filter(is_inbox=False))
        ids = list(
            ArticlePage.objects.live().filter(locale=home.locale).values_list("pk", flat=True)
        )
        sample = ArticlePage.objects.filter(pk__in=rng.sample(ids, min(requests, len(ids))))
        client = Client()
        section_urls = [s.url for s in sections]
        groups = {
            "home": ["/zh-hans/"],
            "section": [
                u + (f"?page={rng.randint(2, 20)}" if i % 2 else "")
                for i, u in enumerate(section_urls * 4)
            ],
            "article": [a.url for a in sample],
            "search": ["/zh-hans/search/?q=" + q for q in SEARCHES],
            "archive": archive_urls(rng),
        }
        rows = []
        for name, urls in groups.items():
            for url in urls[:3]:  # warm Wagtail's caches and the connection
                client.get(url)
            n = requests if name != "search" else max(50, requests // 4)
            uncached, cpu, queries = [], [], 0
            for i in range(n):
                url = urls[i % len(urls)]
                bump_version()
                c0, t0 = time.process_time(), time.perf_counter()
                response = client.get(url)
                uncached.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            for url in urls[: min(len(urls), 10)]:
                bump_version()
                with CaptureQueriesContext(connection) as ctx:
                    client.get(url)
                queries = max(queries, len(ctx))
            for url in urls:
                client.get(url)  # fill the cache
            cached = []
            for i in range(n):
                url = urls[i % len(urls)]
                t0 = time.perf_counter()
                response = client.get(url)
                cached.append((time.perf_counter() - t0) * 1000)
            rows.append((name, uncached, cached, queries, cpu))

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        self.stdout.write(f"load average {load:.1f} on {os.cpu_count()} CPUs")
        self.stdout.write(
            f"{'page':<8} {'uncached median':>16} {'p95':>8} {'app CPU':>8}"
            f" {'cached median':>14} {'p95':>8} {'speed-up':>9} {'queries':>8}"
        )
        for name, uncached, cached, queries, cpu in rows:
            um, cm = median(uncached), median(cached)
            self.stdout.write(
                f"{name:<8} {um:>13.1f} ms {percentile(uncached, 95):>5.1f} ms"
                f" {median(cpu):>5.1f} ms"
                f" {cm:>11.2f} ms {percentile(cached, 95):>5.2f} ms {um / cm:>8.0f}x {queries:>8}"
            )
        return rows

    def compare(self, small: tuple[int, list], large: tuple[int, list]) -> None:
        """Per page type: how much the uncached page grew from the small corpus to the large."""
        (few, before), (many, after) = small, large
        self.stdout.write(
            f"growth from {few} to {many} articles (same run; 1.00x = flat)\n"
            f"{'page':<8} {'uncached median':>22} {'ratio':>6} {'app CPU':>20} {'ratio':>6}"
            f" {'queries':>9}"
        )
        for (name, u0, _c0, q0, cpu0), (_name, u1, _c1, q1, cpu1) in zip(
            before, after, strict=True
        ):
            wall0, wall1, app0, app1 = median(u0), median(u1), median(cpu0), median(cpu1)
            self.stdout.write(
                f"{name:<8} {wall0:>8.1f} → {wall1:>6.1f} ms {wall1 / wall0:>5.2f}x"
                f" {app0:>6.1f} → {app1:>6.1f} ms {app1 / app0:>5.2f}x {q0:>4} → {q1:<4}"
            )


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    call_command(Command(), *(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    main()
