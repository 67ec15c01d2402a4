"""The review queue (审稿队列) and its actions: marking an imported article
reviewed, resolving one of its import warnings."""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale, Page

from articles.admin_columns import edit_title_column
from articles.models import ArticlePage, SectionPage
from importers.models import ImportRun
from importers.publish_gate import OPEN_WARNINGS, describe, page_hold_reasons
from importers.warning_kinds import KIND_LABELS, kind_of

from .permissions import user_can_review
from .resolution import WarningGone, resolve_warning
from .reviewing import mark_reviewed

STEPLEN = Page.steplen


def review_queue() -> QuerySet[ArticlePage]:
    """The editors' to-do list of imported articles, with their section's title.

    Every article with an open warning, live or not (a warning leaves only
    when an editor resolves it), and every imported draft nobody has
    reviewed yet (what a publishing import held back is among them).
    """
    parent_title = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * STEPLEN)
    ).values("title")[:1]
    return (
        ArticlePage.objects.filter(
            ~Q(import_warnings=[]) | Q(live=False, reviewed_at__isnull=True)
        )
        .exclude(source_name="")
        .select_related("import_run", "print_page")
        .annotate(section_title=Subquery(parent_title))
        .defer("source_text")
    )


def _sections() -> QuerySet[SectionPage]:
    return SectionPage.objects.filter(locale=Locale.get_default()).order_by("path")


class ReviewQueueFilterSet(WagtailFilterSet):
    warning_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("提示类别"),
        choices=list(KIND_LABELS.items()),
        empty_label=gettext_lazy("全部"),
        method="filter_warning_kind",
    )
    section = django_filters.ModelChoiceFilter(
        label=gettext_lazy("栏目"),
        queryset=lambda request: _sections(),
        empty_label=gettext_lazy("全部"),
        method="filter_section",
    )
    edition_date = django_filters.DateFilter(
        label=gettext_lazy("出版日期"),
        field_name="print_page__edition_date",
        widget=AdminDateInput,
    )
    live = django_filters.BooleanFilter(label=gettext_lazy("已发布"))
    has_warnings = django_filters.BooleanFilter(
        label=gettext_lazy("有导入提示"), method="filter_has_warnings"
    )
    import_run = django_filters.ModelChoiceFilter(
        label=gettext_lazy("导入批次"),
        queryset=ImportRun.objects.all(),
        empty_label=gettext_lazy("全部"),
    )

    class Meta:
        model = ArticlePage
        fields = ["import_run"]

    def filter_section(self, queryset: QuerySet, name: str, value: SectionPage | None) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(path__startswith=value.path, depth=value.depth + 1)

    def filter_has_warnings(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        empty = {"import_warnings": []}
        return queryset.exclude(**empty) if value else queryset.filter(**empty)

    def filter_warning_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        # Warnings are sentences in a JSON list (stored \u-escaped on
        # SQLite): their kind is read in Python over the queue's open items,
        # two small columns each.
        ids = [
            pk
            for pk, warnings in queryset.values_list("pk", "import_warnings")
            if any(kind_of(w) == value for w in warnings or ())
        ]
        return queryset.filter(pk__in=ids)


class WarningsColumn(Column):
    """Each open warning: its kind, its text and a button to resolve it."""

    cell_template_name = "editorial/review_warnings_cell.html"

    def get_cell_context_data(self, instance: ArticlePage, parent_context: dict) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["warnings"] = [
            {"text": w, "kind": KIND_LABELS[kind_of(w)]} for w in instance.import_warnings or ()
        ]
        context["action_url"] = reverse("editorial:resolve_warning", args=[instance.pk])
        context["next_url"] = request.get_full_path() if request else ""
        context["csrf_token"] = get_token(request) if request else ""
        return context


class PrintPageColumn(Column):
    def get_value(self, instance: ArticlePage) -> str:
        return str(instance.print_page) if instance.print_page_id else "—"


class StatusColumn(Column):
    """Live or draft; for a draft, what the publish gate still holds it for."""

    def get_value(self, instance: ArticlePage) -> str:
        if instance.live:
            return _("已发布")
        reasons = [r for r in page_hold_reasons(instance) if r != OPEN_WARNINGS]
        if not reasons:
            return _("草稿")
        return _("草稿：%(reasons)s") % {"reasons": describe(reasons)}


class SourceColumn(Column):
    def get_value(self, instance: ArticlePage) -> str:
        return f"{instance.source_name} #{instance.source_position}"


class ReviewActionColumn(Column):
    cell_template_name = "editorial/review_action_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: dict) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["reviewed"] = instance.reviewed_at is not None
        context["action_url"] = reverse("editorial:mark_reviewed", args=[instance.pk])
        context["next_url"] = request.get_full_path() if request else ""
        # Cells render with their own context, without the request's CSRF token.
        context["csrf_token"] = get_token(request) if request else ""
        return context


class ReviewQueueView(ReportView):
    """审稿队列: imported articles waiting for an editor, newest first."""

    page_title = gettext_lazy("审稿队列")
    header_icon = "tasks"
    index_url_name = "editorial:review_queue"
    index_results_url_name = "editorial:review_queue_results"
    results_template_name = "editorial/review_queue_results.html"
    filterset_class = ReviewQueueFilterSet
    paginate_by = 50
    default_ordering = "-latest_revision_created_at"
    list_export = ["title", "section_title", "source_name", "source_position"]
    export_headings = {
        "title": gettext_lazy("标题"),
        "section_title": gettext_lazy("栏目"),
        "source_name": gettext_lazy("来源文件"),
        "source_position": gettext_lazy("文件内序号"),
    }
    columns = [
        edit_title_column(gettext_lazy("标题")),
        WarningsColumn("warnings", label=gettext_lazy("导入提示")),
        Column("section_title", label=gettext_lazy("栏目")),
        PrintPageColumn("print_page", label=gettext_lazy("版面")),
        StatusColumn("status", label=gettext_lazy("状态")),
        SourceColumn("source", label=gettext_lazy("来源文件")),
        DateColumn(
            "latest_revision_created_at",
            label=gettext_lazy("导入时间"),
            sort_key="latest_revision_created_at",
        ),
        ReviewActionColumn("review", label=gettext_lazy("审阅")),
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not user_can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ArticlePage]:
        self.queryset = review_queue()
        return super().get_queryset()

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().order_queryset(queryset)
        # Ties (one import writes many pages per second) keep file order.
        if self.ordering == self.default_ordering:
            queryset = queryset.order_by(
                F("latest_revision_created_at").desc(nulls_last=True), "-pk"
            )
        return queryset

    def get_filename(self) -> str:
        return "review-queue"


def _safe_next(request: HttpRequest, fallback: str) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


class MarkReviewedView(WagtailAdminTemplateMixin, TemplateView):
    """GET: confirm; POST: set reviewed_at/by and go back where the editor came from."""

    template_name = "editorial/mark_reviewed_confirm.html"
    page_title = gettext_lazy("标记为已审阅")
    header_icon = "check"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.page = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.next_url = _safe_next(request, reverse("editorial:review_queue"))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.title

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, next_url=self.next_url, action_url=self.request.path)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        title = self.page.title
        if mark_reviewed(self.page, request.user):
            messages.success(request, _("《%(title)s》已标记为已审阅") % {"title": title})
        else:
            messages.info(request, _("《%(title)s》早已审阅") % {"title": title})
        return redirect(self.next_url)


class ResolveWarningView(View):
    """POST: resolve one warning of an article (it is logged in the page's history)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = get_object_or_404(ArticlePage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        text = request.POST.get("warning", "")
        try:
            resolve_warning(page, text, request.user)
        except WarningGone:
            messages.info(request, _("这条提示已不在《%(title)s》上（可能已被处理）") % {
                "title": page.title,
            })
        else:
            messages.success(
                request, _("《%(title)s》的一条导入提示已处理") % {"title": page.title}
            )
        return redirect(_safe_next(request, reverse("editorial:review_queue")))
