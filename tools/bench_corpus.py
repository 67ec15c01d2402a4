"""A generated corpus of published articles for the site benchmark.

Pages are written in bulk (treebeard paths computed here, one INSERT per
batch for each table) because `add_child` costs several queries per page.
The articles are live, indexed for search and spread over sections, print
pages, authors and tags like real ones.
"""

from __future__ import annotations

import bisect
import datetime
import random
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.search.backends import get_search_backends

from articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    Author,
    AuthorRole,
    PrintPage,
    SectionPage,
)
from articles.models.edition_dates import print_order_of

SLUG_PREFIX = "bench-"
WORDS = (
    "职工 工会 劳动者 企业 服务 发展 推进 建设 安全生产 技能 培训 权益 保障 工资 就业 岗位 "
    "社区 基层 托育 劳模 工匠 创新 产业 工人 车间 农民工 维权 女职工 困难职工 帮扶 温暖 "
    "数字化 平台 新就业形态 快递员 外卖骑手 货车司机 休息 健康 医疗 保险 养老 住房 教育 "
    "文化 体育 活动 比赛 荣誉 奖章 模范 精神 传承 青年 师傅 徒弟 技术 攻关 质量 效率 "
    "改革 政策 落实 会议 部署 要求 调研 走访 慰问 关爱 心理 疏导 法律 援助 仲裁 调解 "
    "合同 协商 集体 民主 管理 厂务 公开 监督 环境 绿色 低碳 能源 电力 铁路 港口 建筑 "
    "制造 化工 煤矿 钢铁 纺织 物流 电商 乡村振兴 城市 交通 地铁 公交 环卫 保洁 餐饮"
).split()
CONNECTORS = "，的，在，和，为，了，是，对，将，把，与，。".split("，")
TAGS = (
    "托育 劳模 工匠精神 安全生产 新就业形态 农民工 技能培训 女职工 困难帮扶 集体协商 "
    "乡村振兴 职工之家 法律援助 职工健康 数字经济 劳动竞赛 职业病防治 高温津贴 春运 就业"
).split()
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红"


_VOCABULARY: tuple[list[str], list[int]] | None = None


def _vocabulary() -> tuple[list[str], list[int]]:
    """General Chinese words with their corpus frequencies (jieba's dictionary)."""
    global _VOCABULARY
    if _VOCABULARY is None:
        from pathlib import Path

        import jieba

        words, cumulative, total = [], [], 0
        text = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            word, freq, *_ = line.split()
            freq = int(freq)
            if freq >= 20 and 2 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in word):
                total += freq
                words.append(word)
                cumulative.append(total)
        _VOCABULARY = (words, cumulative)
    return _VOCABULARY


def _sentence(rng: random.Random) -> str:
    # General vocabulary at its natural frequencies, with the paper's own topics mixed in.
    words, cumulative = _vocabulary()
    total, last = cumulative[-1] + 0.0, len(cumulative) - 1
    n = rng.randint(6, 14)
    parts = []
    for _ in range(n):
        if rng.random() < 0.08:
            parts.append(rng.choice(WORDS))
        else:
            # rng.choices(words, cum_weights=cumulative)[0], without its per-call set-up.
            parts.append(words[bisect.bisect(cumulative, rng.random() * total, 0, last)])
        if rng.random() < 0.35:
            parts.append(rng.choice(CONNECTORS[:-1]))
    return "".join(parts).rstrip("，的在和为了是对将把与") + "。"


def _paragraph(rng: random.Random) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def _title(rng: random.Random) -> str:
    words, cumulative = _vocabulary()
    picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(2, 4))
    picked.insert(rng.randrange(len(picked) + 1), rng.choice(WORDS))
    return "".join(picked)[:30]


def generate(count: int, home, *, seed: int = 7, batch: int = 1000, log=print) -> int:
    """Add `count` live articles under the home page's public sections. Returns how many."""
    sections = list(
        SectionPage.objects.child_of(home).filter(is_inbox=False).order_by("path")
    )
    existing = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX, locale=home.locale).count()
    # A corpus grown in steps (2,000 then 20,000) gets new text in each step.
    rng = random.Random(seed if not existing else f"{seed}:{existing}")
    todo = count - existing
    if todo <= 0:
        log(f"corpus: {existing} generated articles already present")
        return 0

    authors = list(Author.objects.filter(slug__startswith=SLUG_PREFIX))
    if len(authors) < 300:
        new = []
        for i in range(len(authors), 300):
            name = rng.choice(FAMILY) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))
            new.append(Author(name=name, slug=f"{SLUG_PREFIX}{i}", role=AuthorRole.REPORTER))
        Author.objects.bulk_create(new)
        authors = list(Author.objects.filter(slug__startswith=SLUG_PREFIX))

    from taggit.models import Tag

    tags = [Tag.objects.get_or_create(name=t, defaults={"slug": t})[0] for t in TAGS]

    # Two years of editions, eight printed pages each.
    start = datetime.date(2022, 1, 1)
    days = [start + datetime.timedelta(days=i) for i in range(730)]
    have = set(PrintPage.objects.values_list("edition_date", "page_number"))
    PrintPage.objects.bulk_create(
        [
            PrintPage(edition_date=d, page_number=n, page_name=f"第{n}版")
            for d in days
            for n in range(1, 9)
            if (d, n) not in have
        ],
        batch_size=2000,
    )
    print_pages = {
        (p.edition_date, p.page_number): p
        for p in PrintPage.objects.filter(edition_date__gte=start)
    }

    corpus = _Corpus(
        rng=rng, home=home, count=count, days=days, print_pages=print_pages,
        authors=authors, tags=tags,
        content_type=ContentType.objects.get_for_model(ArticlePage),
    )
    backends = list(get_search_backends(with_auto_update=True))
    with _search_indexes_deferred():
        made = _write_batches(corpus, sections, backends, existing, todo, batch, log)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute("ANALYZE")
    return made


def _write_batches(corpus, sections, backends, existing, todo, batch, log) -> int:
    count = corpus.count
    made = 0
    while made < todo:
        n = min(batch, todo - made)
        with transaction.atomic():
            sections = list(SectionPage.objects.filter(pk__in=[s.pk for s in sections]))
            numchild = {s.pk: s.numchild for s in sections}
            pages = [
                corpus.article(existing + made + i + 1, sections, numchild)
                for i in range(n)
            ]
            _bulk_insert_pages(pages)
            for section in sections:
                SectionPage.objects.filter(pk=section.pk).update(numchild=numchild[section.pk])
            corpus.attach_authors_and_tags(pages)
            _publish_records(pages)
            for backend in backends:
                backend.add_bulk(ArticlePage, pages)
        made += n
        log(f"corpus: {existing + made}/{count}")
    return made


@contextmanager
def _search_indexes_deferred():
    """On PostgreSQL, the search table's GIN indexes are dropped for the load
    and built once at the end: building a GIN index over all rows costs a
    fraction of keeping it up to date row by row. Rebuilt whatever happens.
    """
    from django.db import connection
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes"
            " WHERE tablename = %s AND indexdef LIKE '%%USING gin%%'",
            [IndexEntry._meta.db_table],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # An index cannot be built over rows with deferred checks pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for _name, definition in indexes:
                cursor.execute(definition)
            cursor.execute("RESET maintenance_work_mem")


@dataclass
class _Corpus:
    """What every generated article draws from."""

    rng: random.Random
    home: object
    count: int
    days: list[datetime.date]
    print_pages: dict
    authors: list[Author]
    tags: list
    content_type: ContentType

    def article(self, serial: int, sections: list[SectionPage], numchild: dict) -> ArticlePage:
        """The next article, in a random section (its path taken from `numchild`)."""
        rng, days = self.rng, self.days
        section = rng.choice(sections)
        numchild[section.pk] += 1
        day = days[serial * len(days) // max(self.count, 1) % len(days)]
        published = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(6))
            + datetime.timedelta(minutes=serial % 600)
        )
        title = _title(rng)
        body = []
        for j in range(rng.randint(4, 9)):
            if j == 3 and rng.random() < 0.5:
                body.append({"type": "heading", "value": _title(rng), "id": str(uuid.uuid4())})
            body.append({"type": "paragraph", "value": _paragraph(rng), "id": str(uuid.uuid4())})
        if rng.random() < 0.3:
            body.append({"type": "photo", "id": str(uuid.uuid4()), "value": {
                "image": None, "caption": _sentence(rng), "credit": "本报记者 摄"}})
        page_number = rng.randint(1, 8)
        return ArticlePage(
            title=title, draft_title=title, slug=f"{SLUG_PREFIX}{serial}",
            path=ArticlePage._get_path(section.path, section.depth + 1, numchild[section.pk]),
            depth=section.depth + 1, numchild=0,
            url_path=f"{section.url_path}{SLUG_PREFIX}{serial}/",
            content_type=self.content_type, locale_id=self.home.locale_id,
            translation_key=uuid.uuid4(), live=True, has_unpublished_changes=False,
            first_published_at=published, last_published_at=published,
            latest_revision_created_at=published,
            kicker=_title(rng) if rng.random() < 0.4 else "",
            subheadline=_title(rng) if rng.random() < 0.5 else "",
            reader_prompt=_sentence(rng) if rng.random() < 0.2 else "",
            byline="本报记者", body=body,
            print_page=self.print_pages.get((day, page_number)),
            source_position=serial % 12,
            # What ArticlePage.save() would store (bulk inserts skip it).
            display_date=day,
            print_order=print_order_of(page_number, serial % 12),
        )

    def attach_authors_and_tags(self, pages: list[ArticlePage]) -> None:
        """One reporter and up to three tags each, written and held on the pages.

        Child relations are held in memory: the revision, the reference index
        and the search index then read them without a query per page.
        """
        rng = self.rng
        for page in pages:
            for relation in get_all_child_relations(page):
                setattr(page, relation.get_accessor_name(), [])
            page.article_authors = [
                ArticleAuthor(page=page, author=rng.choice(self.authors),
                              role=AuthorRole.REPORTER, sort_order=0)
            ]
        for page in pages:
            page.tagged_items = [
                ArticlePageTag(content_object=page, tag=tag)
                for tag in rng.sample(self.tags, rng.randint(0, 3))
            ]
        ArticleAuthor.objects.bulk_create([a for p in pages for a in p.article_authors.all()])
        ArticlePageTag.objects.bulk_create([t for p in pages for t in p.tagged_items.all()])


def _publish_records(pages: list[ArticlePage]) -> None:
    """What a publishing import leaves beside each page row (importers/writers/bulk.py):

    the first revision, live and latest; the history of its creation and
    publication; its reference index rows.
    """
    from django.db.models import CharField, OuterRef, Subquery, Value
    from django.db.models.functions import Cast
    from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

    from importers.writers.bulk import draft_content
    from importers.writers.bulk_tree import reference_rows

    base_type = pages[0].get_base_content_type()
    revisions = [
        Revision(
            content_type_id=page.content_type_id, base_content_type=base_type,
            object_id=str(page.pk), content=draft_content(page),
            # An expression keeps Django from PostgreSQL's UNNEST form (see bulk.py).
            object_str=Value(page.title), created_at=page.latest_revision_created_at,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)  # returns their ids (PostgreSQL, SQLite)
    for revision in revisions:
        revision.object_str = revision.object_str.value
    first_revision = Subquery(
        Revision.objects.filter(
            base_content_type=base_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        ).order_by("pk").values("pk")[:1]
    )
    Page.objects.filter(pk__in=[p.pk for p in pages]).update(
        latest_revision_id=first_revision, live_revision_id=first_revision
    )
    logs = []
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
        for action, with_revision in (
            ("wagtail.create", False), ("wagtail.edit", True), ("wagtail.publish", True)
        ):
            logs.append(
                PageLogEntry(
                    content_type_id=page.content_type_id, page_id=page.pk, label=page.title,
                    action=action, content_changed=True, timestamp=page.first_published_at,
                    revision_id=page.live_revision_id if with_revision else None,
                )
            )
    _copy_or_create(PageLogEntry, logs)
    _copy_or_create(ReferenceIndex, [row for page in pages for row in reference_rows(page)])


def _copy_or_create(model, objs: list) -> None:
    """Rows whose ids nobody reads: PostgreSQL's COPY on PostgreSQL (no
    statement to build and parse per batch), bulk_create elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql" or not objs:
        model.objects.bulk_create(objs)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj in objs:
        for field in fields:
            field.pre_save(obj, add=True)  # auto_now_add and the like, as save() would
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objs:
                copy.write_row([
                    f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields
                ])


def _bulk_insert_pages(pages: list[ArticlePage]) -> None:
    """INSERT the wagtailcore_page rows, then the articles_articlepage rows."""
    from django.db.models import Value
    from wagtail.models import Page

    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    # An expression in the rows keeps Django from PostgreSQL's UNNEST form,
    # which escapes every value through text arrays on the client (see
    # importers/writers/bulk.py); plain multi-row VALUES is much cheaper.
    for page in pages:
        page.draft_title = Value(page.draft_title)
    Page.objects._insert(pages, fields=base_fields, returning_fields=None, raw=False)
    for page in pages:
        page.draft_title = page.draft_title.value
    # Fetch the new ids by path (the insert above cannot return them for MTI rows).
    ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "id"))
    for page in pages:
        page.id = page.page_ptr_id = ids[page.path]
        page.pk = page.id
    child_fields = ArticlePage._meta.local_concrete_fields
    for page in pages:
        page.byline = Value(page.byline)
    ArticlePage.objects._insert(pages, fields=child_fields, returning_fields=None, raw=True)
    for page in pages:
        page.byline = page.byline.value
