"""Admin views: the review queue of imported drafts and marking one reviewed."""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.admin_columns import edit_title_column
from articles.models import ArticlePage, SectionPage

from .models import ImportRun
from .signals import mark_reviewed

STEPLEN = Page.steplen


def user_can_review(user: Any) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def review_queue() -> QuerySet[ArticlePage]:
    """Imported drafts nobody has reviewed yet, with their section's title."""
    parent_title = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * STEPLEN)
    ).values("title")[:1]
    return (
        ArticlePage.objects.filter(live=False, reviewed_at__isnull=True)
        .exclude(source_name="")
        .select_related("import_run")
        .annotate(section_title=Subquery(parent_title))
        .defer("body", "source_text")
    )


def _sections() -> QuerySet[SectionPage]:
    return SectionPage.objects.filter(locale=Locale.get_default()).order_by("path")


class ReviewQueueFilterSet(WagtailFilterSet):
    import_run = django_filters.ModelChoiceFilter(
        label=gettext_lazy("导入批次"),
        queryset=ImportRun.objects.all(),
        empty_label=gettext_lazy("全部"),
    )
    section = django_filters.ModelChoiceFilter(
        label=gettext_lazy("栏目"),
        queryset=lambda request: _sections(),
        empty_label=gettext_lazy("全部"),
        method="filter_section",
    )
    has_warnings = django_filters.BooleanFilter(
        label=gettext_lazy("有导入提示"), method="filter_has_warnings"
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


class WarningsColumn(Column):
    def get_value(self, instance: ArticlePage) -> int:
        return len(instance.import_warnings or [])


class SourceColumn(Column):
    def get_value(self, instance: ArticlePage) -> str:
        return f"{instance.source_name} #{instance.source_position}"


class ReviewActionColumn(Column):
    cell_template_name = "importers/review_action_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: dict) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["action_url"] = reverse("importers:mark_reviewed", args=[instance.pk])
        context["next_url"] = request.get_full_path() if request else ""
        # Cells render with their own context, without the request's CSRF token.
        context["csrf_token"] = get_token(request) if request else ""
        return context


class ReviewQueueView(ReportView):
    """审稿队列: imported drafts waiting for an editor, newest first."""

    page_title = gettext_lazy("审稿队列")
    header_icon = "tasks"
    index_url_name = "importers:review_queue"
    index_results_url_name = "importers:review_queue_results"
    results_template_name = "importers/review_queue_results.html"
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
        Column("section_title", label=gettext_lazy("栏目")),
        WarningsColumn("warnings", label=gettext_lazy("提示")),
        SourceColumn("source", label=gettext_lazy("来源文件")),
        Column("import_run", label=gettext_lazy("导入批次")),
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

    template_name = "importers/mark_reviewed_confirm.html"
    page_title = gettext_lazy("标记为已审阅")
    header_icon = "check"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.page = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.next_url = _safe_next(request, reverse("importers:review_queue"))
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
