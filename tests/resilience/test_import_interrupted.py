"""An import killed at random points leaves no half-imported file; the next run completes it.

The import runs in a real subprocess against its own SQLite file, and is
killed with SIGKILL (no chance to clean up), as a crash or an OOM kill would.
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from importers.parsing import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
COPIES = 3  # each sample page three times, renamed and changed, to make the import last


def manage(db_file: Path, *args: str, **popen) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "DEBUG": "0",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen,
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
        for page in sorted(PAGES.glob("*.txt")):
            data = page.read_bytes() + f"\n\n本报讯 第{copy}份副本的附加简讯。\n".encode()
            name = f"copy{copy}_{page.name}"
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


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_import_leaves_whole_files_and_resumes(workspace, seed):
    base, template, pages, expected = workspace
    db_file = base / f"killed-{seed}.sqlite3"
    shutil.copy(template, db_file)

    proc = manage(db_file, "import_articles", str(pages), start_new_session=True)
    # Kill soon after the first file is committed, at a random point in a later one.
    deadline = time.monotonic() + 120
    while not imported_per_file(db_file) and proc.poll() is None:
        assert time.monotonic() < deadline, "the import never committed a file"
        time.sleep(0.02)
    time.sleep(random.Random(seed).uniform(0.0, 0.4))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()

    partial = imported_per_file(db_file)
    assert sum(partial.values()) < sum(expected.values()), "the kill came after the import ended"
    for name, count in partial.items():
        assert count == expected[name], f"{name} half-imported: {count} of {expected[name]}"

    run(db_file, "import_articles", str(pages))
    assert imported_per_file(db_file) == Counter(expected)
    run(db_file, "import_articles", str(pages))
    assert imported_per_file(db_file) == Counter(expected), "a re-run created duplicates"
