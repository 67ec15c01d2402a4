"""A migrated database is ready to import into: the page tree is made on demand.

`setup_site` builds the home pages, sections and the inbox (待审稿件). An
operator who runs `migrate` and goes straight to `import_articles` should not
meet a missing-page error, so the importer builds whatever is missing first,
with the same idempotent code, and says so.
"""

from __future__ import annotations

from django.db import connection, transaction

from articles.models import SectionPage
from home.site_setup import DEFAULT_LANGUAGE, INBOX_SLUG, ensure_site

# Any constant shared by every importer process: the key of the advisory lock.
_TREE_LOCK = 0x6E657773  # "news"


class SiteNotReady(RuntimeError):
    """The page tree is missing and could not be made; the message says what to run."""


def inbox_exists() -> bool:
    return SectionPage.objects.filter(
        slug=INBOX_SLUG, locale__language_code=DEFAULT_LANGUAGE
    ).exists()


def ensure_ready_for_import() -> list[str]:
    """Build the page tree when the inbox is missing; returns what was created (usually nothing)."""
    if inbox_exists():
        return []
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Two imports started together on a fresh database: the second
                # waits here, then finds the first one's tree (no duplicates).
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_TREE_LOCK])
            if inbox_exists():
                return []
            return list(ensure_site().created)
    except Exception as exc:  # noqa: BLE001 - turned into an instruction for the operator
        raise SiteNotReady(
            _not_ready_message(f"{type(exc).__name__}: {exc}")
        ) from exc


def _not_ready_message(detail: str) -> str:
    from django.utils.translation import gettext as _

    return _(
        "网站页面树（首页、栏目和待审稿件）缺失，自动创建失败（%(detail)s）。"
        "请先运行 python manage.py migrate，再运行 python manage.py setup_site，然后重新导入。"
    ) % {"detail": detail}
