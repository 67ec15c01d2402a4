"""import_articles --workers: several processes on PostgreSQL, one on SQLite.

The PostgreSQL test imports the same files once in one process and once in
two, each into its own database, and compares what the two made.
"""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import ArticlePage
from importers.models import ImportRun

from .conftest import PAGES

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
# On PostgreSQL these imports would start worker processes inside the test's
# transaction; the PostgreSQL tier below tests workers in their own databases.
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's single-process fallback"
)


@sqlite_only
@pytest.mark.django_db
def test_sqlite_imports_in_one_process_and_says_so_once(site_tree):
    err = io.StringIO()
    out = io.StringIO()
    call_command(
        "import_articles", str(PAGES), "--workers", "3", "--format", "json",
        stdout=out, stderr=err,
    )
    lines = [line for line in err.getvalue().splitlines() if line.strip()]
    assert len(lines) == 1 and "SQLite" in lines[0] and "--workers" in lines[0]
    summary = json.loads(out.getvalue())
    assert summary["created"] == ArticlePage.objects.count() > 0
    assert ImportRun.objects.get().pid == os.getpid()


@sqlite_only
@pytest.mark.django_db
def test_sqlite_default_workers_say_nothing(site_tree):
    err = io.StringIO()
    call_command("import_articles", str(PAGES / "001_cc0a3396e92c9541.txt"),
                 stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == ""


@pytest.mark.django_db
def test_workers_must_be_positive(site_tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--workers"):
        call_command("import_articles", str(PAGES), "--workers", "0",
                     stdout=io.StringIO(), stderr=io.StringIO())


# -- PostgreSQL ---------------------------------------------------------------


def _recreate(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(db: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=600,
    )
    if ok:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


STATE = """
import json
from collections import Counter
from articles.models import ArticlePage
from importers.models import ImportedArticle, ImportRun
from wagtail.models import Page, Revision
pages = [
    [p.title, p.get_parent().slug, p.live, p.first_published_at is not None]
    for p in ArticlePage.objects.all()
]
paths = list(Page.objects.values_list("path", flat=True))
per_parent = {
    p.pk: [p.numchild, Page.objects.filter(path__startswith=p.path, depth=p.depth + 1).count()]
    for p in Page.objects.filter(numchild__gt=0)
}
# Siblings share the path minus its last 4-character step.
slugs = Counter((path[:-4], slug) for path, slug in Page.objects.values_list("path", "slug"))
ledger = list(ImportedArticle.objects.values_list("edition_key", "fingerprint", "page_id"))
runs = list(ImportRun.objects.order_by("pk").values("status", "created", "unchanged", "errors"))
print(json.dumps({
    "pages": sorted(pages),
    "paths_unique": len(paths) == len(set(paths)),
    "numchild_ok": all(a == b for a, b in per_parent.values()),
    "slugs_unique": all(n == 1 for n in slugs.values()),
    "ledger": len(ledger),
    "ledger_unique": len({(e, f) for e, f, _ in ledger}) == len(ledger),
    "ledger_pages": len({p for _, _, p in ledger if p}),
    "revisions": Revision.objects.count(),
    "runs": runs,
}, default=str))
"""


def _import(db: str, folder: Path, *extra: str) -> dict:
    done = _manage(db, "import_articles", str(folder), "--format", "json", *extra)
    return json.loads(done.stdout)


def _state(db: str) -> dict:
    return json.loads(_manage(db, "shell", "-v0", "-c", STATE).stdout)


@pytest.mark.postgres
def test_two_workers_make_what_one_process_makes(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(PAGES.glob("*.txt")):
        shutil.copy(page, folder / page.name)
    # The same content under a second name: one page per article, not two.
    first = sorted(PAGES.glob("*.txt"))[0]
    shutil.copy(first, folder / "same-text-other-name.txt")

    one, two = "newsroom_workers_test_one", "newsroom_workers_test_two"
    try:
        for db in (one, two):
            _recreate(db)
            _manage(db, "migrate", "--noinput", "-v0")
            _manage(db, "setup_site")
        single = _import(one, folder, "--publish", "--workers", "1")
        parallel = _import(two, folder, "--publish", "--workers", "2")

        for key in ("files", "articles", "created", "updated", "unchanged", "errors", "held"):
            assert parallel[key] == single[key], key
        assert parallel["errors"] == 0
        assert [f["source"] for f in parallel["file_results"]] == [
            f["source"] for f in single["file_results"]
        ]
        twins = [f for f in parallel["file_results"] if f["name"] in (
            first.name, "same-text-other-name.txt")]
        assert sorted(f["created"] > 0 for f in twins) == [False, True]

        state_one, state_two = _state(one), _state(two)
        assert state_two["pages"] == state_one["pages"]
        for state in (state_one, state_two):
            assert state["paths_unique"] and state["numchild_ok"] and state["slugs_unique"]
            assert state["ledger_unique"]
            assert state["ledger"] == state["ledger_pages"] == len(state["pages"])
        assert state_two["revisions"] == state_one["revisions"]
        # One run record for the whole parallel import, with its totals.
        assert state_two["runs"] == [
            {
                "status": "finished",
                "created": parallel["created"],
                "unchanged": parallel["unchanged"],
                "errors": 0,
            }
        ]

        # Imported again by two workers: nothing new.
        again = _import(two, folder, "--publish", "--workers", "2")
        assert again["created"] == again["updated"] == again["errors"] == 0
        assert again["unchanged"] == parallel["created"] + parallel["unchanged"]
        assert _state(two)["pages"] == state_one["pages"]
    finally:
        _drop(one)
        _drop(two)


@pytest.mark.postgres
def test_a_failed_file_does_not_stop_the_other_workers(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(PAGES.glob("*.txt"))[:3]:
        shutil.copy(page, folder / page.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01 not a page")
    db = "newsroom_workers_test_fail"
    try:
        _recreate(db)
        _manage(db, "migrate", "--noinput", "-v0")
        _manage(db, "setup_site")
        done = _manage(db, "import_articles", str(folder), "--format", "json",
                       "--workers", "2", ok=False)
        assert done.returncode == 1
        summary = json.loads(done.stdout)
        assert summary["errors"] == 1 and summary["failed"][0]["source"].endswith("broken.txt")
        assert summary["created"] > 0
        state = _state(db)
        assert len(state["pages"]) == summary["created"]
        assert state["runs"][0]["status"] == "failed"
    finally:
        _drop(db)



def test_bumps_a_worker_left_unmade_go_to_the_parents_pacer():
    from concurrent.futures import Future

    from articles.page_cache import BumpPacer
    from importers.parallel import _outcome
    from importers.results import FileResult, FileStatus

    made = FileResult(source="a.txt", name="a.txt", status=FileStatus.IMPORTED)
    future: Future = Future()
    future.set_result((made, {"listings", "section:7"}))
    pacer = BumpPacer(3600)
    pacer.last = 10**12  # just bumped: the next ones wait for the run's end
    assert _outcome(future, "a.txt", "a.txt", pacer) is made
    assert pacer.pending == {"listings", "section:7"}
