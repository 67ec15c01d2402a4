"""Admin wiring of the editors' desk: the review queue (审稿队列) and its actions, the
missing-photo report, the newsroom dashboard panel and moving an article from its
edit view."""

from typing import Any

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.actions.move_page import MovePageAction, MovePagePermissionError
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from articles.models.panels import FIELD_NAME

from .bulk_publish import GatedPublishBulkAction
from .continuation_views import JoinContinuationView, SplitContinuationView
from .dashboard import add_newsroom_panel
from .permissions import user_can_review
from .resolution import register as register_resolution_log_action
from .review_queue import MarkReviewedView, ResolveWarningView, ReviewQueueView
from .translation_gate import refuse_incomplete_translation
from .views import MissingPhotoReportView


@hooks.register("register_admin_urls")
def register_editorial_urls():
    urls = [
        path("missing-photos/", MissingPhotoReportView.as_view(), name="missing_photos"),
        path(
            "missing-photos/results/",
            MissingPhotoReportView.as_view(results_only=True),
            name="missing_photos_results",
        ),
    ]
    review = [
        path("", ReviewQueueView.as_view(), name="review_queue"),
        path("results/", ReviewQueueView.as_view(results_only=True), name="review_queue_results"),
        path("<int:page_id>/reviewed/", MarkReviewedView.as_view(), name="mark_reviewed"),
        path("<int:page_id>/resolve/", ResolveWarningView.as_view(), name="resolve_warning"),
        path("<int:page_id>/join/", JoinContinuationView.as_view(), name="join_continuation"),
        path("<int:page_id>/split/", SplitContinuationView.as_view(), name="split_continuation"),
    ]
    urls = [path("editorial/", include(urls)), path("review/", include(review))]
    return [path("", include((urls, "editorial"), namespace="editorial"))]


hooks.register("register_log_actions", register_resolution_log_action)


hooks.register("construct_homepage_panels", add_newsroom_panel)


class EditorMenuItem(MenuItem):
    """Shown to those who may work at the editors' desk."""

    def is_shown(self, request):
        return user_can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return EditorMenuItem(
        gettext_lazy("审稿队列"),
        reverse("editorial:review_queue"),
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
    url = reverse("editorial:mark_reviewed", args=[page.pk])
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    yield ActionMenuItem(
        gettext_lazy("标记为已审阅"),
        url=f"{url}?{urlencode({'next': back})}",
        icon_name="check",
        priority=40,
    )


@hooks.register("register_reports_menu_item")
def register_missing_photos_menu_item():
    return EditorMenuItem(
        gettext_lazy("缺图报告"),
        reverse("editorial:missing_photos"),
        name="missing-photos",
        icon_name="image",
        order=50,
    )


@hooks.register("after_edit_page")
def move_to_chosen_section(request, page):
    """Move the article to the section picked in its SectionPanel, if it changed."""
    if not isinstance(page, ArticlePage) or FIELD_NAME not in request.POST:
        return None
    if not request.accepts("text/html"):
        # Autosave (a JSON request while the editor is still typing): the move
        # waits for an explicit save, submit or publish.
        return None
    target_id = request.POST.get(FIELD_NAME, "")
    if not target_id.isdigit():
        return None
    page = Page.objects.get(pk=page.pk)
    parent = page.get_parent()
    if parent is None or parent.pk == int(target_id):
        return None
    target = SectionPage.objects.filter(pk=target_id, locale_id=page.locale_id).first()
    if target is None:
        messages.error(request, _("所选栏目不存在。"))
        return None
    if not Page._slug_is_available(page.slug, target, page=page):
        messages.error(
            request,
            _("“%(section)s”里已有网址名为“%(slug)s”的稿件，未移动。")
            % {"section": target.title, "slug": page.slug},
        )
        return None
    try:
        MovePageAction(page, target, pos="last-child", user=request.user).execute()
    except MovePagePermissionError:
        messages.error(
            request,
            _("您没有权限把这篇稿件移到“%(section)s”（已发布的稿件需总编辑移动）。")
            % {"section": target.title},
        )
        return None
    messages.success(request, _("稿件已移到“%(section)s”。") % {"section": target.title})
    return None


# Before wagtail-localize's own before_edit_page hook, which publishes.
hooks.register("before_edit_page", refuse_incomplete_translation, order=-10)

# order=1: registered after Wagtail's own "publish" bulk action, which it replaces.
hooks.register("register_bulk_action", GatedPublishBulkAction, order=1)
