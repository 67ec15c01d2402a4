"""A generated corpus of published articles for the site benchmark.

Pages are written in bulk (treebeard paths computed here, one INSERT per
batch for each table) because `add_child` costs several queries per page.
The articles are live, indexed for search and spread over sections, print
pages, authors and tags like real ones.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend

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
    n = rng.randint(6, 14)
    parts = []
    for _ in range(n):
        if rng.random() < 0.08:
            parts.append(rng.choice(WORDS))
        else:
            parts.append(rng.choices(words, cum_weights=cumulative)[0])
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
    rng = random.Random(seed)
    sections = list(
        SectionPage.objects.child_of(home).filter(is_inbox=False).order_by("path")
    )
    existing = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX, locale=home.locale).count()
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
        (p.edition_date, p.page_number): p.pk
        for p in PrintPage.objects.filter(edition_date__gte=start)
    }

    content_type = ContentType.objects.get_for_model(ArticlePage)
    backend = get_search_backend()
    made = 0
    serial = existing
    while made < todo:
        n = min(batch, todo - made)
        with transaction.atomic():
            sections = list(SectionPage.objects.filter(pk__in=[s.pk for s in sections]))
            pages, numchild = [], {s.pk: s.numchild for s in sections}
            for _ in range(n):
                section = rng.choice(sections)
                numchild[section.pk] += 1
                serial += 1
                day = days[serial * len(days) // max(count, 1) % len(days)]
                published = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(6)) +
                    datetime.timedelta(minutes=serial % 600)
                )
                title = _title(rng)
                body = []
                for j in range(rng.randint(4, 9)):
                    if j == 3 and rng.random() < 0.5:
                        body.append({"type": "heading", "value": _title(rng),
                                     "id": str(uuid.uuid4())})
                    body.append({"type": "paragraph", "value": _paragraph(rng),
                                 "id": str(uuid.uuid4())})
                if rng.random() < 0.3:
                    body.append({"type": "photo", "id": str(uuid.uuid4()), "value": {
                        "image": None, "caption": _sentence(rng), "credit": "本报记者 摄"}})
                page_number = rng.randint(1, 8)
                pages.append(
                    ArticlePage(
                        title=title, draft_title=title, slug=f"{SLUG_PREFIX}{serial}",
                        path=ArticlePage._get_path(section.path, section.depth + 1,
                                                   numchild[section.pk]),
                        depth=section.depth + 1, numchild=0,
                        url_path=f"{section.url_path}{SLUG_PREFIX}{serial}/",
                        content_type=content_type, locale_id=home.locale_id,
                        translation_key=uuid.uuid4(), live=True,
                        has_unpublished_changes=False,
                        first_published_at=published, last_published_at=published,
                        latest_revision_created_at=published,
                        kicker=_title(rng) if rng.random() < 0.4 else "",
                        subheadline=_title(rng) if rng.random() < 0.5 else "",
                        reader_prompt=_sentence(rng) if rng.random() < 0.2 else "",
                        byline="本报记者", body=body,
                        print_page_id=print_pages.get((day, page_number)),
                        # What ArticlePage.save() would store (bulk inserts skip it).
                        display_date=day,
                        print_order=print_order_of(page_number, serial % 12),
                    )
                )
            _bulk_insert_pages(pages)
            for section in sections:
                SectionPage.objects.filter(pk=section.pk).update(numchild=numchild[section.pk])
            ArticleAuthor.objects.bulk_create(
                [
                    ArticleAuthor(page_id=p.pk, author=rng.choice(authors),
                                  role=AuthorRole.REPORTER, sort_order=0)
                    for p in pages
                ]
            )
            ArticlePageTag.objects.bulk_create(
                [
                    ArticlePageTag(content_object_id=p.pk, tag=tag)
                    for p in pages
                    for tag in rng.sample(tags, rng.randint(0, 3))
                ]
            )
            backend.add_bulk(ArticlePage, pages)
        made += n
        log(f"corpus: {existing + made}/{count}")
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute("ANALYZE")
    return made


def _bulk_insert_pages(pages: list[ArticlePage]) -> None:
    """INSERT the wagtailcore_page rows, then the articles_articlepage rows."""
    from wagtail.models import Page

    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    Page.objects._insert(pages, fields=base_fields, returning_fields=None, raw=False)
    # Fetch the new ids by path (the insert above cannot return them for MTI rows).
    ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "id"))
    for page in pages:
        page.id = page.page_ptr_id = ids[page.path]
        page.pk = page.id
    child_fields = ArticlePage._meta.local_concrete_fields
    ArticlePage.objects._insert(pages, fields=child_fields, returning_fields=None, raw=True)
