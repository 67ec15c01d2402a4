"""Admin wiring: 导入记录 (import runs, read-only).

The review queue and the gated bulk publish are the editors' desk's
(editorial.wagtail_hooks)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .continuations import register as register_continuation_log_actions
from .models import ImportRun
from .views import ImportRunInspectView


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


hooks.register("register_log_actions", register_continuation_log_actions)
