"""The import loop a Django developer would write with Wagtail's public API.

The benchmark's yardstick for `import_articles --publish`: the same files,
parsed and filled the same way, each article added with `add_child` and
published with `save_revision().publish()` when the publish gate allows, one
transaction per file. No batching, no locking, no identity bookkeeping.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction

from articles.models import ArticlePage, SectionPage
from importers.authors import AuthorDirectory
from importers.filling import Provenance, fill_page
from importers.parsing import parse_bytes
from importers.publish_gate import page_hold_reasons


def stock_import(files: Iterable[Path]) -> int:
    """Import and publish the files' articles page by page; the number created."""
    section = SectionPage.objects.filter(locale__language_code="zh-hans").first()
    created = 0
    for path in files:
        data = path.read_bytes()
        parsed = parse_bytes(data, source=path.name)
        source = Provenance(path.name, hashlib.sha256(data).hexdigest(), None, None)
        with transaction.atomic():
            authors = AuthorDirectory()
            for article in parsed.articles:
                page = ArticlePage()
                page.article_authors = fill_page(page, article, source, authors)
                page.slug = f"stock-{path.stem}-{article.position}"
                # The gate reads the filled page, as the importer's does.
                publish = not page_hold_reasons(page)
                page.live = False  # a draft until published (Page.live defaults to True)
                section.add_child(instance=page)
                revision = page.save_revision()
                if publish:
                    revision.publish()
                created += 1
    return created
