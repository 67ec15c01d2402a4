"""The bulk writer stores exactly what Wagtail's public API would.

The same import (the sample pages, then a changed version of one of them) is
run once per writer, each inside a savepoint that is rolled back, and what
Wagtail keeps is compared: pages and the tree, revisions, history, reference
index, search index and every list of treebeard's Page.find_problems().
Database ids and timestamps differ between the runs, so pages are named by
their source (file, position) and authors by name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.timezone import localdate
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry
from wagtail.signals import page_published

from articles.models import ArticleAuthor, ArticlePage, ArticlePageTag, Author, PrintPage
from importers.models import ImportRun
from importers.writers import BulkWriter, PublicApiWriter

from .conftest import PAGES, run_import

pytestmark = pytest.mark.django_db

# Ids, timestamps and self-references that necessarily differ between runs.
VOLATILE = {
    "pk",
    "id",
    "path",  # compared on the page itself
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "import_revision_id",
    "first_published_at",
    "last_published_at",
    "import_run",
    "translation_key",
    "owner",
}


def strip_block_ids(stream: Any) -> Any:
    if isinstance(stream, list):
        return [strip_block_ids(item) for item in stream]
    if isinstance(stream, dict):
        return {k: strip_block_ids(v) for k, v in stream.items() if k != "id"}
    return stream


class Names:
    """Stable names for rows whose ids differ between the two runs."""

    def __init__(self) -> None:
        self.pages = {
            pk: f"{name}#{pos}" if name else f"page:{path}"
            for pk, name, pos, path in ArticlePage.objects.values_list(
                "pk", "source_name", "source_position", "path"
            )
        }
        self.pages.update(
            (pk, f"page:{path}")
            for pk, path in Page.objects.exclude(pk__in=self.pages).values_list("pk", "path")
        )
        self.authors = dict(Author.objects.values_list("pk", "name"))
        self.tags = dict(Tag.objects.values_list("pk", "name"))
        self.print_pages = {
            pk: f"{day}/{number}"
            for pk, day, number in PrintPage.objects.values_list(
                "pk", "edition_date", "page_number"
            )
        }
        self.tag_links = dict(ArticlePageTag.objects.values_list("pk", "tag__name"))
        run_ids = ImportRun.objects.order_by("pk").values_list("pk", flat=True)
        self.runs = {pk: f"run{n}" for n, pk in enumerate(run_ids)}
        self.links = {
            pk: f"{name}/{role}"
            for pk, name, role in ArticleAuthor.objects.values_list("pk", "author__name", "role")
        }
        # A page's revisions numbered in order: "file.txt#0@1" is its second.
        self.revisions: dict[int, str] = {}
        counts: dict[str, int] = {}
        for pk, object_id in article_revisions().values_list("pk", "object_id"):
            page = self.pages[int(object_id)]
            self.revisions[pk] = f"{page}@{counts.setdefault(page, 0)}"
            counts[page] += 1

    def in_log_data(self, data: Any) -> Any:
        """A log entry's data with page ids (a join's head story) by name."""
        if isinstance(data, dict) and data.get("head_id"):
            return {**data, "head_id": self.pages[int(data["head_id"])]}
        return data

    def of(self, content_type_id: int, object_id: Any) -> str:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is Author:
            return f"author:{self.authors[int(object_id)]}"
        if issubclass(model, Page):
            return self.pages[int(object_id)]
        if model is Tag:
            return f"tag:{self.tags[int(object_id)]}"
        if model is ImportRun:
            return self.runs[int(object_id)]
        if model is PrintPage:
            return f"print page {self.print_pages[int(object_id)]}"
        return f"{model.__name__}:{object_id}"


def article_revisions():
    ids = [str(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)]
    page_type = ContentType.objects.get_for_model(Page)
    return Revision.objects.filter(base_content_type=page_type, object_id__in=ids).order_by("pk")


def snapshot() -> dict[str, Any]:
    names = Names()
    pages = {}
    for page in ArticlePage.objects.order_by("path"):
        pages[names.pages[page.pk]] = {
            "path": page.path,
            "depth": page.depth,
            "numchild": page.numchild,
            "url_path": page.url_path,
            "slug": page.slug,
            "title": page.title,
            "draft_title": page.draft_title,
            "live": page.live,
            "has_unpublished_changes": page.has_unpublished_changes,
            "locale": page.locale_id,
            "parent": names.pages[page.get_parent().pk],
            "owner_is_importer_user": page.owner_id is None,
            "import_revision_is_latest": page.import_revision_id == page.latest_revision_id,
            "live_revision_is_latest": page.live_revision_id == page.latest_revision_id,
            "published": page.first_published_at is not None,
            "published_once": page.first_published_at == page.last_published_at,
            "expired": page.expired,
            # ArticlePage.save() takes it from the first publication.
            "display_date_is_first_published": (
                page.first_published_at is not None
                and page.display_date == localdate(page.first_published_at)
            ),
            "fields": {
                name: getattr(page, name)
                for name in (
                    "kicker", "subheadline", "byline", "dateline", "column_label", "kind",
                    "reader_prompt", "source_name", "source_sha256", "source_position",
                    "source_text", "import_warnings", "headline_is_provisional",
                    "continued_from_page", "continues_on_page", "reviewed_at", "print_order",
                )
            },
            "continues": names.pages.get(page.continues_id),
            "body": strip_block_ids(list(page.body.raw_data)),
            "authors": [
                (link.author.name, link.role, link.sort_order)
                for link in page.article_authors.order_by("sort_order")
            ],
        }
    tree = list(Page.objects.order_by("path").values_list("path", "depth", "numchild"))

    revisions = []
    for revision in article_revisions():
        content = {k: v for k, v in revision.content.items() if k not in VOLATILE}
        body = content.get("body")
        content["body"] = strip_block_ids(json.loads(body) if isinstance(body, str) else body)
        if content.get("continues"):
            content["continues"] = names.pages[int(content["continues"])]
        # Print pages by day and number: their ids differ between runs on PostgreSQL.
        if content.get("print_page"):
            content["print_page"] = names.print_pages[int(content["print_page"])]
        for link in content.get("article_authors", []):
            for key in ("pk", "page", "id"):
                link.pop(key, None)
            link["author"] = names.authors.get(link.get("author"))
        # Tag links by tag name: their ids and the page's differ between runs.
        for item in content.get("tagged_items", []):
            for key in ("pk", "content_object", "id"):
                item.pop(key, None)
            item["tag"] = names.tags.get(item.get("tag"))
        revisions.append(
            {
                "name": names.revisions[revision.pk],
                "object_str": revision.object_str,
                "user": revision.user_id,
                "knows_its_own_id": revision.content.get("import_revision_id") == revision.pk,
                "content": content,
            }
        )

    # By page, then in order: files number their revisions in different orders.
    revisions.sort(key=lambda revision: revision["name"])
    log = sorted(
        (
            names.pages[entry.page_id],
            entry.action,
            entry.label,
            entry.content_changed,
            entry.user_id,
            json.dumps(names.in_log_data(entry.data), sort_keys=True),
            names.revisions.get(entry.revision_id, ""),
        )
        for entry in PageLogEntry.objects.filter(page__in=ArticlePage.objects.all())
    )
    references = sorted(
        (
            names.of(ref.content_type_id, ref.object_id),
            ContentType.objects.get_for_id(ref.base_content_type_id).model,
            names.of(ref.to_content_type_id, ref.to_object_id),
            ref.model_path,
            # Child rows are named by their id in the path (and its hash).
            re.sub(
                r"^tagged_items\.(\d+)\.",
                lambda m: f"tagged_items.{names.tag_links[int(m[1])]}.",
                re.sub(
                    r"^article_authors\.(\d+)\.",
                    lambda m: f"article_authors.{names.links[int(m[1])]}.",
                    ref.content_path,
                ),
            ),
        )
        for ref in ReferenceIndex.objects.all()
    )
    # title_norm is a ranking weight from the running average title length
    # at the time a row was added: it depends on batch order, not content
    # (`update_index` recomputes it for all rows).
    index = sorted(
        (
            names.of(row.pop("content_type_id"), row.pop("object_id")),
            sorted((k, str(v)) for k, v in row.items() if k not in {"id", "title_norm"}),
        )
        for row in IndexEntry.objects.values()
    )
    return {
        "pages": pages,
        "tree": tree,
        "revisions": revisions,
        "log": log,
        "references": references,
        "search_index": index,
        "find_problems": [sorted(names.pages[pk] for pk in ids) for ids in Page.find_problems()],
    }


def import_and_snapshot(writer: str, files: list[Path], changed: Path, publish: bool) -> dict:
    announced: list[tuple[int, tuple]] = []

    def on_published(sender, instance, revision, **kwargs):
        # What a receiver can read when told: the page's stored state.
        stored = ArticlePage.objects.get(pk=instance.pk)
        announced.append(
            (
                instance.pk,
                (
                    sender.__name__,
                    stored.live,
                    stored.live_revision_id == revision.pk,
                    Revision.objects.filter(pk=revision.pk).exists(),
                ),
            )
        )

    page_published.connect(on_published, dispatch_uid="contract-test")
    try:
        with transaction.atomic():
            first = run_import(*files, writer=writer, publish=publish)
            second = run_import(changed, writer=writer, publish=publish)
            assert not first.failed and not second.failed
            assert first.created and second.updated
            shot = snapshot()
            names = Names()
            shot["page_published"] = sorted(
                (names.pages[pk], facts) for pk, facts in announced
            )
            transaction.set_rollback(True)
    finally:
        page_published.disconnect(dispatch_uid="contract-test")
    return shot


# Invented text.
HEADLINE = "职工书屋点亮一线生活"
HEAD_TEXT = ("本报讯（记者林木）今年以来，某市总工会推进职工书屋建设，新增图书角和电子阅览室"
             "一百余个，覆盖一线职工五万余人。")
TAIL_TEXT = "各区县的职工书屋还配备了电子阅览室，图书角每月更新图书，受到职工普遍欢迎。"


@pytest.mark.parametrize("publish", [False, True], ids=["drafts", "publish"])
def test_bulk_and_public_api_writers_store_the_same(site_tree, tmp_path, publish):
    files = sorted(PAGES.glob("*.txt"))
    # A corrected version of one page: a paragraph changed (an update) and
    # a brief added (a new page).
    changed = tmp_path / files[1].name
    lines = files[1].read_text(encoding="utf-8").split("\n")
    long_line = next(i for i, line in enumerate(lines) if len(line) > 60)
    lines[long_line] += "本段有更正。"
    changed.write_text("\n".join(lines) + "\n本报讯 更正后的版本多了一条简讯。\n", encoding="utf-8")
    # A story printed on two pages, its tail imported first: joined when
    # the head arrives (history, revision and row alike).
    tail = tmp_path / "2031-05-06_02.txt"
    tail.write_text(f"{HEADLINE}\n\n（上接第1版）\n\n{TAIL_TEXT}\n", encoding="utf-8")
    head = tmp_path / "2031-05-06_01.txt"
    head.write_text(f"# {HEADLINE}\n\n{HEAD_TEXT}（下转第2版）\n", encoding="utf-8")
    files += [tail, head]

    public = import_and_snapshot(PublicApiWriter.name, files, changed, publish)
    bulk = import_and_snapshot(BulkWriter.name, files, changed, publish)

    assert public["find_problems"] == [[], [], [], [], []]
    joined = [p for p in public["pages"].values() if p["continues"]]
    assert [p["continues"] for p in joined] == ["2031-05-06_01.txt#0"]
    assert public["pages"] and public["log"] and public["references"] and public["search_index"]
    # Each published page is announced once, already stored live with its revision.
    assert bool(public["page_published"]) == publish
    assert all(facts[1:] == (True, True, True) for _, facts in public["page_published"])
    for part in public:
        assert bulk[part] == public[part], (part, differences(bulk[part], public[part])[:8])


def differences(a: Any, b: Any, where: str = "") -> list[str]:
    """Where two snapshots differ, as readable paths (for the failure message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{where}/{k}: only in one" for k in a.keys() ^ b.keys()]
        for k in a.keys() & b.keys():
            out += differences(a[k], b[k], f"{where}/{k}")
        return out
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        if len(a) == len(b):
            pairs = enumerate(zip(a, b, strict=True))
            return [d for i, (x, y) in pairs for d in differences(x, y, f"{where}[{i}]")]
        return [f"{where}: only in one: {x!r}" for x in [*a, *b] if (x in a) != (x in b)]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]
