"""Public pages are gzipped in production; nothing that can carry a secret is (BREACH)."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from newsroom.compression import PublicGZipMiddleware

PAGE = "<!DOCTYPE html><title>工人日报</title>" + "<p>职工之家建设提质增效。</p>" * 100


def respond(request):
    return HttpResponse(PAGE)


def get(**extra):
    return RequestFactory().get("/zh-hans/", HTTP_ACCEPT_ENCODING="gzip, br", **extra)


def test_an_anonymous_public_page_is_gzipped():
    response = PublicGZipMiddleware(respond)(get())
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode() == PAGE


@pytest.mark.parametrize(
    "request_with_secret",
    [
        pytest.param(lambda: get(HTTP_COOKIE="sessionid=abc"), id="session"),
        pytest.param(
            lambda: _with_meta(get(), CSRF_COOKIE_NEEDS_UPDATE=True), id="csrf-token-used"
        ),
        pytest.param(lambda: _signed_in(get()), id="signed-in"),
    ],
)
def test_a_response_that_may_hold_a_secret_is_not_compressed(request_with_secret):
    response = PublicGZipMiddleware(respond)(request_with_secret())
    assert not response.has_header("Content-Encoding")
    assert response.content.decode() == PAGE


def _with_meta(request, **meta):
    request.META.update(meta)
    return request


def _signed_in(request):
    class User:
        is_authenticated = True

    request.user = User()
    return request


def test_production_compresses_outside_the_page_cache():
    from tests.project.test_settings import run_manage

    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(*settings.MIDDLEWARE)",
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
        SECRET_KEY="x" * 60,
    )
    assert result.returncode == 0, result.stderr
    middleware = result.stdout.split()
    gzip_at = middleware.index("newsroom.compression.PublicGZipMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < gzip_at
    assert gzip_at < middleware.index("articles.page_cache.PageCacheMiddleware")
