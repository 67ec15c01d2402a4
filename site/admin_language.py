"""The admin speaks the newsroom's language first, whatever the browser asks for.

Django's LocaleMiddleware picks a language from the browser's Accept-Language;
Wagtail then uses it for every admin user who has not chosen one in their
account settings. The newsroom works in Chinese, so in the admin the site's
LANGUAGE_CODE replaces the browser's choice. A user's own choice (account
settings → language, UserProfile.preferred_language) still wins: Wagtail
applies it inside each admin view, over what is activated here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation


class AdminLanguageMiddleware:
    """Activate settings.LANGUAGE_CODE for admin requests (after LocaleMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        if request.path_info.startswith(self._admin_prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
