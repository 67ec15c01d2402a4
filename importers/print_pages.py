"""The PrintPage an imported file's articles are filed on."""

from __future__ import annotations

from articles.models import PrintPage

from .edition_hints import Edition


def print_page_for(edition: Edition) -> PrintPage | None:
    """The edition's printed page, created when new; None without a date and a page.

    A page name (版名) fills an unnamed page; a name already on the record
    stays, since an editor may have corrected it.
    """
    if not edition.is_complete:
        return None
    page, created = PrintPage.objects.get_or_create(
        edition_date=edition.date,
        page_number=edition.page,
        defaults={"page_name": edition.page_name},
    )
    if not created and edition.page_name and not page.page_name:
        page.page_name = edition.page_name
        page.save(update_fields=["page_name"])
    return page
