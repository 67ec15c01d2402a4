"""A translation is published whole or not at all.

wagtail-localize publishes a synced translation with its untranslated
segments left in the source language: an English page with a Chinese body.
The gate runs before wagtail-localize's own edit-view hook and refuses the
translation editor's "publish" while any segment is untranslated, naming
how many and where.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from articles.models import ArticlePage


def untranslated_fields(page) -> list[str]:
    """The model fields of `page` whose synced translation still has an
    untranslated segment (a field name once per segment), or [] when none
    or when the page is no synced translation."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .only("source_id", "target_locale_id")
        .first()
    )
    if translation is None:
        return []
    missing = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(
            done=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=translation.target_locale_id,
                    has_error=False,
                )
            )
        )
        .filter(done=False)
        .order_by("order")
        .values_list("context__path", flat=True)
    )
    return [path.split(".", 1)[0] for path in missing]


def describe_untranslated(model, fields: list[str]) -> str:
    """「正文 2 处、标题 1 处」: each field's label and count, in form order."""
    counts: dict[str, int] = {}
    for name in fields:
        counts[name] = counts.get(name, 0) + 1
    parts = []
    for name, n in counts.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except Exception:  # a segment path that is no model field
            label = name
        parts.append(_("%(field)s %(n)d 处") % {"field": label, "n": n})
    return _("、").join(parts)


def refuse_incomplete_translation(request, page):
    """before_edit_page: keep the translation editor's publish from going out half-done."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    specific = page.specific_deferred
    if not isinstance(specific, ArticlePage):
        return None
    fields = untranslated_fields(page)
    if not fields:
        return None
    messages.error(
        request,
        _("译文尚未完成，不能发布：还有 %(count)d 处未翻译（%(where)s）。请先译完全部内容。")
        % {"count": len(fields), "where": describe_untranslated(ArticlePage, fields)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
