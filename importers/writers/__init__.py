"""Page writers: how the importer's decisions become Wagtail pages.

`bulk` (the default, settings.IMPORTER_WRITER) batches a file's writes;
`public` uses only Wagtail's public page API. Both honour one contract,
tested in tests/importers/test_writer_contract.py.
"""

from __future__ import annotations

from django.conf import settings

from .base import PageWriter
from .bulk import BulkWriter
from .public_api import PublicApiWriter

WRITERS: dict[str, type[PageWriter]] = {
    BulkWriter.name: BulkWriter,
    PublicApiWriter.name: PublicApiWriter,
}


def writer_class(name: str | None = None) -> type[PageWriter]:
    """The writer called `name`, else the one settings.IMPORTER_WRITER names."""
    name = name or getattr(settings, "IMPORTER_WRITER", BulkWriter.name)
    try:
        return WRITERS[name]
    except KeyError:
        raise ValueError(
            f"unknown importer writer {name!r}; choose one of {', '.join(WRITERS)}"
        ) from None


__all__ = ["WRITERS", "BulkWriter", "PageWriter", "PublicApiWriter", "writer_class"]
