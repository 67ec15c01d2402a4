"""Who may work at the editors' desk: the review queue, its actions and reports."""

from __future__ import annotations

from typing import Any

from wagtail.permission_policies.pages import PagePermissionPolicy


def user_can_review(user: Any) -> bool:
    """Anyone who may add, change or publish pages."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])
