"""Gzip for public pages, never for a response that can carry a secret (BREACH).

BREACH recovers a secret from the compressed size of responses that also
reflect text an attacker chose. The pages anonymous readers get hold no
secret: no CSRF token (search is a GET form) and no session. Responses that
used a CSRF token, and every request that has a session or a signed-in user
(the admin, previews), are sent uncompressed.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def may_hold_secret(request) -> bool:
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page used a CSRF token
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if may_hold_secret(request):
            return response
        return super().process_response(request, response)
