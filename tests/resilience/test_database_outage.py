"""The database going away mid-request gives a clean 503 page, and the site recovers."""

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    monkeypatch.setattr(BaseDatabaseWrapper, "_cursor", refuse)
    return monkeypatch


def test_outage_gives_friendly_503_then_recovers(site_tree, client, database_down):
    client.raise_request_exception = False
    response = client.get("/zh-hans/yaowen/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "网站暂时无法访问"
    assert "Traceback" not in response.content.decode()

    database_down.undo()
    assert client.get("/zh-hans/yaowen/").status_code == 200


def test_a_bug_still_gives_500_not_503(site_tree, client, monkeypatch):
    from articles.models import SectionPage

    def broken(self, request, *args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(SectionPage, "serve", broken)
    client.raise_request_exception = False
    response = client.get("/zh-hans/yaowen/")
    assert response.status_code == 500
    assert "服务器出了点问题" in response.content.decode()
