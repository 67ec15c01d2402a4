"""manage.py import_articles: options, output formats, exit codes, the run record."""

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage, PrintPage
from importers.models import ImportRun
from importers.parsing import parse_bytes
from importers.publish_gate import page_hold_reasons

from .conftest import PAGES

pytestmark = pytest.mark.django_db
SAMPLE = PAGES / "001_cc0a3396e92c9541.txt"


def call(*args: str) -> str:
    out = io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_dry_run_json_is_the_parser_contract_and_touches_no_database(site_tree, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    stdout = io.StringIO()
    with CaptureQueriesContext(connection) as queries, pytest.raises(CommandError) as failed:
        call_command("import_articles", str(SAMPLE), str(bad), "--dry-run", "--format", "json",
                     stdout=stdout, stderr=io.StringIO())
    out = stdout.getvalue()
    assert len(queries) == 0
    assert failed.value.returncode == 1  # one file could not be parsed
    data = json.loads(out)
    expected = parse_bytes(SAMPLE.read_bytes(), source=str(SAMPLE)).to_dict()
    assert data["files"][0] == expected
    assert data["files"][0]["source"] == str(SAMPLE)
    assert data["files"][1]["source"] == str(bad) and data["files"][1]["error"]
    assert "“" in out or "\\u" not in out  # ensure_ascii=False
    assert not ArticlePage.objects.exists() and not ImportRun.objects.exists()


def test_dry_run_folder_lists_every_txt_below_it(site_tree, tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sub" / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.TXT")
    (tmp_path / "notes.md").write_text("x")
    data = json.loads(call(str(tmp_path), "--dry-run", "--format", "json"))
    assert [f["source"] for f in data["files"]] == [
        str(tmp_path / "b.TXT"),
        str(tmp_path / "sub" / "a.txt"),
    ]


def test_dry_run_text(site_tree):
    out = call(str(SAMPLE), "--dry-run")
    assert str(SAMPLE) in out and "#0" in out
    assert not ArticlePage.objects.exists()


def test_import_then_reimport_text_summary(site_tree):
    out = call(str(PAGES))
    count = ArticlePage.objects.count()
    assert count > 20
    assert f"新建 {count}" in out and "错误 0" in out
    out = call(str(PAGES))
    assert "新建 0" in out and f"未变 {count}" in out
    assert ArticlePage.objects.count() == count
    runs = list(ImportRun.objects.order_by("pk"))
    assert [r.created for r in runs] == [count, 0]
    assert runs[1].unchanged == count
    assert all(r.status == ImportRun.Status.FINISHED and r.finished_at for r in runs)
    assert runs[0].files_count == 5 and len(runs[0].files) == 5
    assert runs[0].operator  # the OS user


def test_json_summary_and_failure_exit_code(site_tree, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command(
            "import_articles", str(SAMPLE), str(bad), str(tmp_path / "missing.txt"),
            "--format", "json", stdout=out,
        )
    assert excinfo.value.returncode == 1
    summary = json.loads(out.getvalue())
    assert summary["errors"] == 2 and summary["created"] > 0
    assert {f["source"] for f in summary["failed"]} == {str(bad), str(tmp_path / "missing.txt")}
    assert all(f["error"] for f in summary["failed"])
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.errors == 2


def test_failed_files_are_named_in_text_summary(site_tree, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(bad), stdout=out)
    assert "bad.txt" in out.getvalue()


def test_unknown_section_is_a_command_error(site_tree):
    with pytest.raises(CommandError, match="no-such-section"):
        call("--section", "no-such-section", str(SAMPLE))
    assert not ImportRun.objects.exists()


def test_section_edition_page_and_publish_options(site_tree, django_user_model):
    user = django_user_model.objects.create_user("operator1")
    call(
        str(SAMPLE), "--section", "yaowen", "--edition-date", "2023-04-21", "--page", "3",
        "--publish", "--user", "operator1",
    )
    pages = ArticlePage.objects.all()
    assert pages and all(p.get_parent().slug == "yaowen" for p in pages)
    # --publish puts live what the publish gate lets through, and only that.
    assert all(p.live == (not page_hold_reasons(p)) for p in pages)
    assert any(p.live for p in pages) and not all(p.live for p in pages)
    print_page = PrintPage.objects.get()
    assert (str(print_page.edition_date), print_page.page_number) == ("2023-04-21", 3)
    assert all(p.print_page_id == print_page.pk for p in pages)
    assert all(p.slug.startswith("2023-04-21-") for p in pages)
    run = ImportRun.objects.get()
    assert run.user == user and run.options["publish"] is True


def test_bad_date_is_rejected(site_tree):
    with pytest.raises(CommandError):
        call(str(SAMPLE), "--edition-date", "21/04/2023")


def test_keyboard_interrupt_marks_run_interrupted_and_exits_130(site_tree, monkeypatch):
    from importers import loading

    original = loading.Importer.import_file
    seen = []

    def interrupt_second(self, path, source=None):
        seen.append(path)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return original(self, path, source)

    monkeypatch.setattr(loading.Importer, "import_file", interrupt_second)
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_articles", str(PAGES), stdout=out)
    assert excinfo.value.returncode == 130
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INTERRUPTED and len(run.files) == 1
    assert "中断" in out.getvalue()


def test_a_killed_run_is_marked_interrupted_by_the_next_import(site_tree):
    import datetime
    import socket
    import subprocess

    from django.utils import timezone

    # A process that has ended: its pid belongs to no running process now.
    ended = subprocess.Popen(["true"])
    ended.wait()
    here = socket.gethostname()
    killed = ImportRun.objects.create(host=here, pid=ended.pid)
    alive = ImportRun.objects.create(host=here, pid=1)  # init is alive
    elsewhere = ImportRun.objects.create(host="another-machine", pid=ended.pid)
    legacy = ImportRun.objects.create()
    ImportRun.objects.filter(pk=legacy.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=2)
    )
    call(str(SAMPLE))
    status = dict(ImportRun.objects.values_list("pk", "status"))
    assert status[killed.pk] == ImportRun.Status.INTERRUPTED
    assert status[legacy.pk] == ImportRun.Status.INTERRUPTED
    assert status[alive.pk] == ImportRun.Status.RUNNING
    assert status[elsewhere.pk] == ImportRun.Status.RUNNING


def test_no_progress_bar_when_not_a_tty(site_tree):
    out = call(str(SAMPLE))
    assert "\r" not in out and "it/s" not in out


def test_setup_commands_are_idempotent(site_tree):
    """What `make run` does, twice: the second pass creates nothing."""
    call_command("setup_site", stdout=io.StringIO())
    call(str(PAGES), "--publish")
    pages = ArticlePage.objects.count()
    call_command("setup_site", stdout=io.StringIO())
    out = call(str(PAGES), "--publish")
    assert "新建 0" in out
    assert ArticlePage.objects.count() == pages


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_but_not_with_json(site_tree):
    out = FakeTTY()
    call_command("import_articles", str(SAMPLE), stdout=out)
    assert "100%" in out.getvalue()
    out = FakeTTY()
    call_command("import_articles", str(SAMPLE), "--format", "json", stdout=out)
    assert "100%" not in out.getvalue()
    json.loads(out.getvalue())


def test_dry_run_fails_on_missing_and_binary_files(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    stdout = io.StringIO()
    with pytest.raises(CommandError, match="2") as failed:
        call_command("import_articles", str(binary), str(tmp_path / "gone.txt"), "--dry-run",
                     stdout=stdout, stderr=io.StringIO())
    assert failed.value.returncode == 1
    out = stdout.getvalue()
    assert f"{binary}: " in out and "binary" in out
    assert "gone.txt: " in out and "文件不存在" in out


def test_a_symlink_loop_is_a_failed_file_not_a_crash(site_tree, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    stdout = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(loop), str(SAMPLE), stdout=stdout,
                     stderr=io.StringIO())
    out = stdout.getvalue()
    assert "loop.txt" in out and "无法读取" in out
    assert ArticlePage.objects.exists()  # the good file was imported all the same


def test_a_gbk_encoded_file_name_is_shown_and_stored_readably(site_tree, tmp_path):
    import os

    raw_name = "一版.txt".encode("gbk")
    target = os.path.join(os.fsencode(tmp_path), raw_name)
    shutil.copy(SAMPLE, os.fsdecode(target))
    out = call(os.fsdecode(target), "--format", "json")
    assert "一版.txt" in out
    assert [f["name"] for f in ImportRun.objects.get().files] == ["一版.txt"]
    assert ArticlePage.objects.exists()


def test_an_unreachable_database_is_one_sentence_not_a_traceback():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DATABASE_URL": "postgres://postgres:hunter2@127.0.0.1:1/newsroom"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(SAMPLE)],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "127.0.0.1:1/newsroom" in result.stderr and "DATABASE_URL" in result.stderr
    assert "hunter2" not in result.stderr
