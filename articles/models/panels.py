"""The article model's own admin panels: its section (栏目) chosen in the edit
view, the importer's notes and warnings, read-only fields."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from .section import SectionPage

FIELD_NAME = "editorial_section"


class SectionPanel(Panel):
    """Shows the article's section as a select; saving the page moves it there.

    The move itself is Wagtail's MovePageAction, run by the ``after_edit_page``
    hook in editorial/wagtail_hooks.py, so Wagtail's own permission rules apply
    (an editor may move drafts; moving a live article needs publish permission).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("栏目"))
        kwargs.setdefault(
            "help_text",
            _(
                "保存时把稿件移到所选栏目；待审稿件审阅后在这里分到栏目。已发布的稿件只有总编辑能移动。"
            ),
        )
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "section"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/section_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def id_for_label(self):
            return f"id_{FIELD_NAME}"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            parent = self.instance.get_parent()
            sections = SectionPage.objects.filter(locale_id=self.instance.locale_id).order_by(
                "path"
            )
            context.update(
                {
                    "field_name": FIELD_NAME,
                    "field_id": self.id_for_label(),
                    "current_id": parent.pk if parent else None,
                    "sections": sections,
                    "move_url_name": "wagtailadmin_pages:move",
                    "page": self.instance,
                }
            )
            return context


class ReadOnlyPanel(FieldPanel):
    """A read-only field shown for people: lists as lists, raw text with its line breaks."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, list | tuple):
            return format_html(
                '<ul style="margin:0;padding-inline-start:1.2em;list-style:disc">{}</ul>',
                format_html_join("", "<li>{}</li>", ((item,) for item in value)),
            )
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, str) and "\n" in value:
            # A scrolling region: keyboard users reach it (tabindex) to scroll it,
            # and screen readers announce what it is.
            return format_html(
                '<div role="region" tabindex="0" aria-label="{}"'
                ' style="white-space:pre-wrap;max-height:30em;overflow:auto">{}</div>',
                self.heading or self.field_name,
                value,
            )
        return super().format_value_for_display(value)


class ImportInfoPanel(MultiFieldPanel):
    """The importer's notes; shown only on articles that came from the importer."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            instance = self.instance
            imported = bool(getattr(instance, "source_name", "")) or bool(
                getattr(instance, "import_warnings", None)
            )
            return imported and super().is_shown()


class ImportWarningsBanner(Panel):
    """The importer's warnings at the top of the form, where an editor starts reading.

    The warnings themselves, tied to the lines they are about, are listed in
    the source panel beside the form (editorial/source_panel.py).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/import_warnings_banner.html"

        def is_shown(self):
            return bool(getattr(self.instance, "import_warnings", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = self.instance.import_warnings
            # With the source beside the form the warnings are listed there, by their lines.
            context["has_source"] = bool(getattr(self.instance, "source_text", ""))
            return context
