"""Admin actions joining a continuation to its head story, or splitting them.

Both are POSTs from the continuation's edit view (the 转版接续 panel's
buttons); each is recorded in the page's history (importers.continuations).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from articles.models import ArticleKind, ArticlePage
from articles.models.continuation_panel import HEAD_FIELD
from importers.continuations import candidates_for, join, split

from .review_queue import _safe_next


def _editable_tail(request: HttpRequest, page_id: int) -> ArticlePage:
    tail = get_object_or_404(ArticlePage.objects.select_related("print_page"), pk=page_id)
    if not tail.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return tail


def _back(request: HttpRequest, tail: ArticlePage) -> HttpResponse:
    return redirect(_safe_next(request, reverse("wagtailadmin_pages:edit", args=[tail.pk])))


class JoinContinuationView(View):
    """POST continuation_head=<id>: join this continuation to that story."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        tail = _editable_tail(request, page_id)
        if tail.kind != ArticleKind.CONTINUATION:
            messages.error(request, _("只有转版续文才能接到前文"))
            return _back(request, tail)
        head_id = request.POST.get(HEAD_FIELD, "")
        # Offered heads only: same edition and language, on the page it names.
        head = next((h for h in candidates_for(tail) if str(h.pk) == head_id), None)
        if head is None:
            messages.error(request, _("请从同一天报纸第%(page)s版的稿件中选择前文") % {
                "page": tail.continued_from_page or "?",
            })
            return _back(request, tail)
        join(tail, head, request.user)
        messages.success(request, _("《%(tail)s》已接到《%(head)s》之后") % {
            "tail": tail.title, "head": head.title,
        })
        return _back(request, tail)


class SplitContinuationView(View):
    """POST: undo the join; the continuation is a held draft again."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        tail = _editable_tail(request, page_id)
        head = split(tail, request.user)
        if head is None:
            messages.info(request, _("《%(tail)s》没有接在任何稿件之后") % {"tail": tail.title})
        else:
            messages.success(request, _("《%(tail)s》已与《%(head)s》拆开") % {
                "tail": tail.title, "head": head.title,
            })
        return _back(request, tail)
