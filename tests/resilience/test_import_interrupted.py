"""An import killed mid-file leaves no half-imported file; the next run completes it.

The import runs in a real subprocess against its own SQLite file and kills
itself with SIGKILL (no chance to clean up) inside a chosen file, after a
counted number of files were committed: the test knows exactly what must be
stored, with no race between a timer and the import.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from importers.parsing import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
COPIES = 3  # each sample page three times, renamed and changed: 15 files

pytestmark = pytest.mark.resilience


def environment(db_file: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "DEBUG": "0",
    }


def manage(db_file: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment(db_file),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run(db_file: Path, *args: str) -> str:
    proc = manage(db_file, *args)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]
    return out


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    base = tmp_path_factory.mktemp("interrupted")
    template = base / "template.sqlite3"
    run(template, "migrate", "--noinput", "-v0")
    run(template, "setup_site")
    pages = base / "pages"
    pages.mkdir()
    expected: dict[str, int] = {}
    for copy in range(COPIES):
        for number, page in enumerate(sorted(PAGES.glob("*.txt")), start=1):
            data = page.read_bytes() + f"\n\n本报讯 第{copy}份副本的附加简讯。\n".encode()
            # Each copy is another day's edition: the same text in two
            # editions is two articles (in one, it would be one).
            name = f"2023-{copy + 1:02d}-01_{number:02d}_{page.name}"
            (pages / name).write_bytes(data)
            expected[name] = len(parse_bytes(data, source=name).articles)
    return base, template, pages, expected


def imported_per_file(db_file: Path) -> Counter:
    with closing(sqlite3.connect(db_file, timeout=30)) as db:
        rows = db.execute(
            "SELECT source_name, COUNT(*) FROM articles_articlepage "
            "WHERE source_name != '' GROUP BY source_name"
        ).fetchall()
    return Counter(dict(rows))


@pytest.mark.parametrize("committed", [0, 1, 7])
def test_killed_import_leaves_whole_files_and_resumes(workspace, committed):
    base, template, pages, expected = workspace
    db_file = base / f"killed-{committed}.sqlite3"
    shutil.copy(template, db_file)

    killed = subprocess.run(
        [sys.executable, "-m", "tests.resilience.import_until_killed", str(pages), str(committed)],
        cwd=ROOT, env=environment(db_file), capture_output=True, text=True, timeout=600,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]

    partial = imported_per_file(db_file)
    first_files = sorted(expected)[:committed]
    assert partial == Counter({name: expected[name] for name in first_files})

    run(db_file, "import_articles", str(pages))
    assert imported_per_file(db_file) == Counter(expected)
    run(db_file, "import_articles", str(pages))
    assert imported_per_file(db_file) == Counter(expected), "a re-run created duplicates"
