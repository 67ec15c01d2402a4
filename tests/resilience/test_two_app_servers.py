"""Two app servers sharing one database and one Redis: a change made through
one is visible through the other at once, so the page cache is shared and
invalidated across processes.
"""

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DB_NAME = "newsroom_two_servers"

pytestmark = [pytest.mark.resilience, pytest.mark.postgres, pytest.mark.redis]


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def manage(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=server_env(),
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def shared_services():
    # The postgres and redis markers skip this module where either is missing.
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    manage("migrate", "--noinput", "-v0")
    manage("setup_site")
    manage("import_articles", "tests/fixtures/pages", "--publish")
    manage("shell", "-v0", "-c", (
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_superuser('chief', '', 'two-servers-pass')"
    ))
    yield
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


@pytest.fixture(scope="module")
def servers(shared_services):
    procs, urls = [], []
    for _ in range(2):
        port = free_port()
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"],
            cwd=ROOT, env=server_env(),
        ))
        urls.append(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    for url in urls:
        while True:
            try:
                requests.get(url + "/zh-hans/", timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, f"{url} did not start"
                time.sleep(0.3)
    yield urls
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=20)


def admin_session(base: str) -> requests.Session:
    session = requests.Session()
    login = session.get(base + "/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        base + "/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "chief", "password": "two-servers-pass"},
        headers={"Referer": base + "/admin/login/"},
        timeout=10,
    )
    assert response.status_code == 200 and "/admin/login/" not in response.url
    return session


def post_admin_form(session: requests.Session, base: str, path: str, data=None):
    form = session.get(base + path, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return session.post(
        base + path, data={"csrfmiddlewaretoken": token, **(data or {})},
        headers={"Referer": base + path}, timeout=30,
    )


def first_article(base: str) -> tuple[int, str]:
    out = manage("shell", "-v0", "-c", (
        "from articles.models import ArticlePage;"
        "a = ArticlePage.objects.live().filter(locale__language_code='zh-hans').first();"
        "print(a.pk, a.url)"
    ))
    pk, url = out.split()
    return int(pk), url


def test_unpublish_and_publish_through_one_server_show_on_the_other(servers):
    a, b = servers
    page_id, url = first_article(a)
    # Warm B's cache: the second request is served from the shared cache.
    assert requests.get(b + url, timeout=10).status_code == 200
    assert requests.get(b + url, timeout=10).status_code == 200

    chief = admin_session(a)
    response = post_admin_form(chief, a, f"/admin/pages/{page_id}/unpublish/")
    assert response.status_code == 200
    assert requests.get(b + url, timeout=10).status_code == 404

    response = post_admin_form(
        chief, a, f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/",
        {"include_descendants": ""},
    )
    assert response.status_code == 200
    assert requests.get(b + url, timeout=10).status_code == 200


def test_load_smoke_has_no_errors(servers):
    """A short run of the load benchmark's driver (the full run is `make bench-load`)."""
    from tools.bench_load import drive

    a, _ = servers
    _, article = first_article(a)
    urls = {
        "home": ["/zh-hans/", "/en/"],
        "section": ["/zh-hans/yaowen/", "/zh-hans/gonghui-dongtai/?page=1"],
        "article": [article],
        "search": ["/zh-hans/search/?q=工会"],
        "feed": ["/zh-hans/feed/"],
    }
    result = drive(a, urls, seconds=3, concurrency=4)
    assert result.requests > 20
    assert not result.errors, dict(result.errors)


def test_real_database_outage_gives_503_and_the_server_recovers(shared_services):
    """PostgreSQL behind a proxy we cut: a clean 503 page, then service again."""
    from tests.resilience.tcp_proxy import TcpProxy

    proxy = TcpProxy(("127.0.0.1", 5432)).start()
    port = free_port()
    env = {
        **server_env(),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{proxy.port}/{DB_NAME}",
        "REDIS_URL": "",  # a private cache: every search below misses it anyway
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "critical"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert requests.get(base + "/zh-hans/search/?q=工会", timeout=10).status_code == 200
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)

        proxy.cut()
        down = requests.get(base + "/zh-hans/search/?q=职工", timeout=30)
        assert down.status_code == 503
        assert down.headers["Retry-After"] == "30"
        assert "网站暂时无法访问" in down.text and "Traceback" not in down.text

        proxy.restore()
        back = requests.get(base + "/zh-hans/search/?q=托育", timeout=30)
        assert back.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
        proxy.cut()
