"""Listing columns shared by the admin's article reports."""

from django.urls import reverse
from wagtail.admin.ui.tables import TitleColumn


def edit_title_column(label: str) -> TitleColumn:
    """The headline, linking to the page's edit view."""
    return TitleColumn(
        "title",
        label=label,
        get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )
