"""The 转版接续 panel: where a continuation is joined to its head story, or split."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# The form field the join button posts the chosen head story in.
HEAD_FIELD = "continuation_head"


class ContinuationPanel(Panel):
    """Shows what a continuation is joined to, with 接到前文 / 拆开 buttons.

    The buttons post to editorial.continuation_views (each action is logged
    in the page history); a head story lists the continuations joined to it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("接续情况"))
        kwargs.setdefault(
            "help_text",
            _("转版续文接到前文后，读者在前文页面看到全文，续文不再单独列出。"
              "导入时无法确定前文的，请在这里从同一天报纸的相应版面选定，或拆开接错的稿件。"),
        )
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "continuation"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/continuation_panel.html"

        def is_shown(self):
            page = self.instance
            return bool(page and page.pk and (page.kind == "continuation"
                                               or page.continuations.exists()))

        def get_context_data(self, parent_context=None):
            # cycle: the importer's matching imports articles.models, which
            # imports this panel while it loads.
            from importers.continuations import candidates_for

            context = super().get_context_data(parent_context)
            page = self.instance
            is_tail = page.kind == "continuation"
            context.update(
                {
                    "page": page,
                    "is_tail": is_tail,
                    "head": page.continues if is_tail else None,
                    "candidates": candidates_for(page) if is_tail and not page.continues_id
                    else [],
                    "tails": list(page.continuations.select_related("print_page")),
                    "head_field": HEAD_FIELD,
                    "join_url": reverse("editorial:join_continuation", args=[page.pk]),
                    "split_url": reverse("editorial:split_continuation", args=[page.pk]),
                }
            )
            return context
