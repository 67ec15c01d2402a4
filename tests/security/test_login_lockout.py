"""Repeated wrong passwords lock the admin login; production settings are strict."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_after_repeated_failures(client):
    get_user_model().objects.create_user("editor", password="right-horse-battery", is_staff=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "right-horse-battery"}
    )
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_correct_password_before_the_limit_still_works(client):
    get_user_model().objects.create_user("editor", password="right-horse-battery", is_staff=True)
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "right-horse-battery"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_public_pages_send_security_headers(site_tree, client):
    response = client.get("/zh-hans/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}


def test_debug_off_shows_no_stack_trace(site_tree, client, monkeypatch):
    from home.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(HomePage, "serve", broken)
    client.raise_request_exception = False
    response = client.get("/zh-hans/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "secret internals" not in body and "Traceback" not in body
