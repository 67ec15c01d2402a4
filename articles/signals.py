"""Content changes retire what they touch in the page cache (see articles.page_cache)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticlePage, Author, PrintPage
from articles.models.print_edition import refresh_articles
from articles.page_cache import (
    bump_listings,
    bump_print_page_added,
    bump_published,
    bump_sections_version,
    bump_version,
)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_version()


def _structure_changed(sender, instance=None, **kwargs):
    """Any page but an article (a section, a home page) retires the section lists."""
    if not isinstance(instance, Page):
        return
    specific_class = instance.specific_class or type(instance)
    if not issubclass(specific_class, ArticlePage):
        bump_sections_version()


def _record_saved(sender, instance=None, created=False, **kwargs):
    """A changed author or print page may show on any page; a new one on listings only.

    An import creates authors and print pages for every file: retiring every
    cached article for each would empty the cache while readers read.
    """
    if created and isinstance(instance, PrintPage):
        bump_print_page_added(instance=instance)
    elif created:
        bump_listings()
    else:
        bump_version()


def _print_page_deleting(sender, instance, **kwargs):
    """Articles of a deleted print page fall back to their first publication date."""
    refresh_articles(ArticlePage.objects.filter(print_page=instance), detach=True)


def connect() -> None:
    page_published.connect(bump_published, dispatch_uid="newsroom-cache-published")
    page_unpublished.connect(bump_version, dispatch_uid="newsroom-cache-unpublished")
    post_page_move.connect(bump_version, dispatch_uid="newsroom-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="newsroom-cache-deleted")
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
        (post_delete, "deleted"),
        (post_save, "saved"),
    ):
        signal.connect(_structure_changed, dispatch_uid=f"newsroom-sections-{name}")
    # Authors and printed pages appear on public pages but are not pages themselves.
    for model in (Author, PrintPage):
        post_save.connect(
            _record_saved, sender=model, dispatch_uid=f"newsroom-cache-{model.__name__}"
        )
        post_delete.connect(
            bump_version, sender=model, dispatch_uid=f"newsroom-cache-del-{model.__name__}"
        )
    pre_delete.connect(
        _print_page_deleting, sender=PrintPage, dispatch_uid="newsroom-print-page-deleting"
    )
