"""The newsroom's dashboard panel: what is waiting for an editor today.

The review queue (count and its oldest item), the last imports with their
warnings, articles whose photos are still missing, and pages scheduled to go
live. Each figure links to the screen where the work is done.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from wagtail.admin.ui.components import Component
from wagtail.models import Revision

from articles.models import ArticlePage
from importers.models import ImportRun

from .permissions import user_can_review
from .photos import missing_photos
from .review_queue import review_queue

RECENT_RUNS = 5
SCHEDULED = 5


def queue_summary() -> tuple[int, ArticlePage | None]:
    """(items in the review queue, the one waiting longest)."""
    queue = review_queue()
    oldest = queue.order_by(F("latest_revision_created_at").asc(nulls_first=True), "pk").first()
    return queue.count(), oldest


def articles_missing_photos() -> list[ArticlePage]:
    """Chinese articles, live or draft, with a photo block still without its picture."""
    candidates = (
        ArticlePage.objects.filter(body__icontains='"photo"', source_name__gt="")
        .only("pk", "title", "live", "body")
        .order_by("-pk")
    )
    return [page for page in candidates.iterator(chunk_size=500) if missing_photos(page)]


def scheduled_revisions() -> list[Revision]:
    """Page revisions approved to go live later, soonest first."""
    return list(
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .select_related("user")
        .order_by("approved_go_live_at")[:SCHEDULED]
    )


class NewsroomPanel(Component):
    name = "newsroom"
    template_name = "editorial/dashboard_panel.html"
    order = 50  # above Wagtail's own panels

    class Media:
        css = {"all": ["editorial/dashboard.css"]}

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        queue_count, oldest = queue_summary()
        missing = articles_missing_photos()
        context.update(
            queue_count=queue_count,
            oldest=oldest,
            runs=list(ImportRun.objects.order_by("-started_at")[:RECENT_RUNS]),
            missing_count=len(missing),
            missing=missing[:5],
            scheduled=scheduled_revisions(),
        )
        return context


def add_newsroom_panel(request: Any, panels: list) -> None:
    """construct_homepage_panels hook: only for users who review pages."""
    if user_can_review(request.user):
        panels.append(NewsroomPanel())
