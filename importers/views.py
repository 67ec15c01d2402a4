"""Admin views of the importer: an import run, inspected."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic import InspectView

OPTION_LABELS = {
    "edition_date": gettext_lazy("出版日期"),
    "page": gettext_lazy("版次"),
    "section": gettext_lazy("栏目"),
    "publish": gettext_lazy("导入后发布"),
    "paths": gettext_lazy("文件"),
}


def describe_options(options: dict[str, Any]) -> str:
    """An import's command-line options as an editor reads them (not as JSON)."""

    def value(v: Any) -> str:
        if v is None or v == "" or v == []:
            return "—"
        if isinstance(v, bool):
            return _("是") if v else _("否")
        if isinstance(v, list):
            return "、".join(str(x) for x in v)
        return str(v)

    return "；".join(
        f"{label}：{value(options.get(key))}" for key, label in OPTION_LABELS.items()
    )


class ImportRunInspectView(InspectView):
    def get_options_display_value(self) -> str:
        return describe_options(self.object.options or {})

    def get_user_display_value(self) -> str:
        return str(self.object.user) if self.object.user_id else "—"

    def get_finished_at_display_value(self) -> str:
        finished = self.object.finished_at
        return date_format(timezone.localtime(finished), "DATETIME_FORMAT") if finished else "—"
