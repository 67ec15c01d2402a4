"""Keep translations in the matching section when an article moves."""

import logging

from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page
from wagtail.signals import post_page_move

from articles.models import ArticlePage

logger = logging.getLogger(__name__)


def move_translations_along(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """An article moved to another section: move its translations to that section's translations.

    Runs for every move (the edit view's section select, the move view, bulk
    move). The English copy of a Chinese article under 要闻 lives under Top
    News; after a move to 劳动者 it belongs under Workers.
    """
    if not (isinstance(sender, type) and issubclass(sender, ArticlePage)):
        return
    if parent_page_before.pk == parent_page_after.pk:
        return
    translations = Page.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    for translation in translations:
        target = Page.objects.filter(
            translation_key=parent_page_after.translation_key, locale_id=translation.locale_id
        ).first()
        if target is None or translation.get_parent().pk == target.pk:
            continue
        if not Page._slug_is_available(translation.slug, target, page=translation):
            logger.warning(
                "Translation %s not moved: slug %r is taken in %s",
                translation.pk,
                translation.slug,
                target,
            )
            continue
        MovePageAction(translation, target, pos="last-child").execute(
            skip_permission_checks=True
        )


def connect() -> None:
    post_page_move.connect(move_translations_along, dispatch_uid="editorial-move-translations")
