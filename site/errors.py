"""Error views that never touch the database, since it may be the thing that failed."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """500 for bugs; 503 with Retry-After when the database is unreachable.

    Only connection-level failures count as an outage: an IntegrityError in a
    GET is a bug and stays a 500.

    Django calls this inside its exception handler, so the exception that
    caused it is still in sys.exc_info().
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        body = loader.get_template("503.html").render({"request_path": request.path})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
