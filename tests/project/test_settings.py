"""Configuration comes from the environment; production refuses unsafe setups."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="newsroom.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "str() failed" not in result.stderr


def test_production_passes_deploy_checks_when_configured():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
        SECRET_KEY="x" * 20 + "production-grade-secret-key-for-the-check-only-0123456789",
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://postgres@127.0.0.1:5432/x", "django.db.backends.postgresql"),
    ],
)
def test_database_url_selects_the_engine(url, engine):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {"DJANGO_SETTINGS_MODULE": "newsroom.settings.dev", "DATABASE_URL": url}
    if not url:
        env["DATABASE_URL"] = ""
    result = run_manage("shell", "-v0", "-c", code, **env)
    assert result.stdout.strip().endswith(engine), result.stderr


def test_redis_url_selects_the_redis_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage(
        "shell", "-v0", "-c", code,
        DJANGO_SETTINGS_MODULE="newsroom.settings.dev", REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.strip().endswith("django_redis.cache.RedisCache"), result.stderr
