"""The imported article's raw text beside its form, the doubted lines marked.

An editor checks the parser's work against the printed text: the source has
to stay in view while the headline, byline and body fields are edited, with
each warning pointing at the lines it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from importers.warning_kinds import KIND_LABELS, kind_of, lines_for_warning


@dataclass
class SourceLine:
    number: int
    text: str
    warnings: list[int] = field(default_factory=list)  # 1-based warning numbers


@dataclass
class SourceWarning:
    number: int
    text: str
    kind: str
    lines: list[int]  # 1-based line numbers


def annotate_source(
    source_text: str, warnings: list[str]
) -> tuple[list[SourceLine], list[SourceWarning]]:
    """Number the source lines and tie each warning to the lines it quotes."""
    texts = source_text.splitlines()
    lines = [SourceLine(i + 1, text) for i, text in enumerate(texts)]
    notes = []
    for number, warning in enumerate(warnings, start=1):
        hits = lines_for_warning(warning, texts)
        for index in hits:
            lines[index].warnings.append(number)
        kind = str(KIND_LABELS[kind_of(warning)])
        notes.append(SourceWarning(number, warning, kind, [i + 1 for i in hits]))
    return lines, notes


class SourceBesidePanel(Panel):
    """Placed first in the form; its stylesheet keeps it beside the fields on wide screens."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("原始文本"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return "source_beside"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/source_beside.html"

        class Media:
            css = {"all": ["editorial/source_beside.css"]}

        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "source_text", ""))

        def get_context_data(self, parent_context: dict | None = None) -> dict:
            context = super().get_context_data(parent_context)
            page = self.instance
            lines, warnings = annotate_source(page.source_text, list(page.import_warnings or ()))
            context.update(
                lines=lines,
                warnings=warnings,
                source_name=page.source_name,
                source_position=page.source_position,
            )
            return context
