"""Admin wiring: 导入记录 (import runs, read-only) and 审稿队列 (the review queue)."""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from articles.models import ArticlePage

from .bulk_publish import GatedPublishBulkAction
from .continuation_views import JoinContinuationView, SplitContinuationView
from .continuations import register as register_continuation_log_actions
from .models import ImportRun
from .resolution import register as register_resolution_log_action
from .views import (
    ImportRunInspectView,
    MarkReviewedView,
    ResolveWarningView,
    ReviewQueueView,
    user_can_review,
)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Runs are written by the importer only; in the admin they can be looked at."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(
        self, user: Any, actions: Any, instance: Any
    ) -> bool:
        return self.user_has_any_permission(user, actions)


# Registered before the viewset is, so Wagtail does not create its fallback policy.
register_permission_policy(ImportRun, ReadOnlyPolicy(ImportRun))


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    icon = "history"
    menu_label = _("导入记录")
    menu_name = "import-runs"
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ImportRunInspectView
    inspect_template_name = "importers/importrun/inspect.html"
    inspect_view_fields = [
        "started_at",
        "finished_at",
        "status",
        "user",
        "operator",
        "options",
        "files_count",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "warnings",
        "errors",
    ]
    list_display = [
        "__str__",
        "status",
        "operator",
        "files_count",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "warnings",
        "errors",
    ]
    list_filter = ["status"]
    ordering = ["-started_at"]

    def get_urlpatterns(self) -> list:
        # No add/edit/delete/copy views at all (the policy also denies them):
        # only the importer writes runs.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path(
                "history-results/<int:pk>/",
                self.history_results_view,
                name="history_results",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_import_runs() -> ImportRunViewSet:
    return ImportRunViewSet("import_runs")


# order=1: registered after Wagtail's own "publish" bulk action, which it replaces.
hooks.register("register_bulk_action", GatedPublishBulkAction, order=1)


@hooks.register("register_admin_urls")
def register_review_urls() -> list:
    urls = [
        path("", ReviewQueueView.as_view(), name="review_queue"),
        path("results/", ReviewQueueView.as_view(results_only=True), name="review_queue_results"),
        path("<int:page_id>/reviewed/", MarkReviewedView.as_view(), name="mark_reviewed"),
        path("<int:page_id>/resolve/", ResolveWarningView.as_view(), name="resolve_warning"),
        path("<int:page_id>/join/", JoinContinuationView.as_view(), name="join_continuation"),
        path("<int:page_id>/split/", SplitContinuationView.as_view(), name="split_continuation"),
    ]
    return [path("review/", include((urls, "importers"), namespace="importers"))]


hooks.register("register_log_actions", register_resolution_log_action)
hooks.register("register_log_actions", register_continuation_log_actions)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return user_can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return ReviewMenuItem(
        _("审稿队列"),
        reverse("importers:review_queue"),
        name="review-queue",
        icon_name="tasks",
        order=250,
    )


@hooks.register("register_page_header_buttons")
def mark_reviewed_button(page: Any, user: Any, view_name: str, next_url: str | None = None):
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if not isinstance(specific, ArticlePage):
        return
    if not specific.source_name or specific.reviewed_at is not None:
        return
    url = reverse("importers:mark_reviewed", args=[page.pk])
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    yield ActionMenuItem(
        _("标记为已审阅"),
        url=f"{url}?{urlencode({'next': back})}",
        icon_name="check",
        priority=40,
    )
