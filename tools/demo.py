"""Realistic demo articles for screenshots, browser tests and benchmarks.

Nothing here runs in production code paths; `create_demo_content()` builds a
handful of complete articles (kicker, subheadline, reader prompt, authors,
headings, photos with captions and credits, tags, a correction, print pages).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from articles.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    Author,
    AuthorRole,
    PrintPage,
    SectionLeadStory,
    SectionPage,
)

DEMO_EDITION = datetime.date(2023, 4, 21)

DEMO_ARTICLES = [
    {
        "section": "yaowen",
        "slug": "tuoyu-fuwu",
        "kicker": "全国总工会推动普惠托育服务进企业",
        "title": "让职工家门口就有“好托育”",
        "subheadline": "今年将新建职工托育服务点1000个",
        "reader_prompt": "托育难是不少双职工家庭的烦心事。各级工会把托育服务办到园区、厂区，"
        "让职工安心工作、放心育儿。",
        "byline": "本报记者 田国垒 本报通讯员 李庆童",
        "authors": [("田国垒", AuthorRole.REPORTER), ("李庆童", AuthorRole.CORRESPONDENT)],
        "dateline": "本报北京4月20日电",
        "page": 1,
        "tags": ["托育", "工会服务"],
        "body": [
            ("paragraph", "记者从全国总工会获悉，今年全总将推动各地工会在有条件的企业、园区"
             "新建职工托育服务点1000个，进一步扩大普惠托育服务供给，缓解职工“带娃难”。"),
            ("paragraph", "“孩子就在单位楼下，午休时还能去看一眼。”在北京经济技术开发区一家"
             "制造企业工作的王女士说，工会托育点开办以来，她再也不用为接送孩子发愁。"),
            ("heading", "把服务办到职工身边"),
            ("paragraph", "据介绍，各地工会因地制宜，采取单位自办、园区联办、社会机构合作等方式，"
             "为职工提供全日托、半日托、临时托等多样化服务。"),
            ("photo", {"image": None, "caption": "4月18日，职工子女在企业托育点参加游戏活动。",
                       "credit": "本报记者 陈华 摄"}),
            ("paragraph", "全总有关负责人表示，将把托育服务纳入工会服务职工工作体系，"
             "推动普惠托育与职工之家建设、女职工关爱行动相结合。"),
            ("quote", {"text": "让职工在工作和家庭之间不再两难，是工会的分内事。",
                       "attribution": "全总有关负责人"}),
        ],
        "correction": (
            datetime.date(2023, 4, 22),
            "本文第二段中企业所在地应为北京经济技术开发区，特此更正。",
        ),
        "lead": True,
    },
    {
        "section": "yaowen",
        "slug": "laomo-jingshen",
        "kicker": "",
        "title": "劳模精神代代传",
        "subheadline": "全国劳模工匠进企业宣讲活动启动",
        "reader_prompt": "",
        "byline": "本报记者 张晓",
        "authors": [("张晓", AuthorRole.REPORTER)],
        "dateline": "本报讯",
        "page": 1,
        "tags": ["劳模"],
        "body": [
            ("paragraph", "4月20日，全国劳模工匠进企业宣讲活动在京启动。来自各行各业的劳模代表"
             "走进车间、工地，讲述奋斗故事。"),
            ("paragraph", "宣讲团成员、全国劳动模范李师傅说："
             "“劳模不是天生的，是一锤一锤干出来的。”"),
        ],
    },
    {
        "section": "gonghui-dongtai",
        "slug": "zhigong-zhijia",
        "kicker": "工会动态",
        "title": "职工之家建设提质增效",
        "subheadline": "",
        "reader_prompt": "",
        "byline": "本报通讯员 王芳",
        "authors": [("王芳", AuthorRole.CORRESPONDENT)],
        "dateline": "",
        "page": 2,
        "tags": ["工会服务"],
        "body": [
            ("paragraph", "今年以来，各级工会持续推进职工之家建设，新建、改建一批功能齐全的"
             "职工活动阵地，工会组织的凝聚力进一步增强。"),
        ],
        "continued_from_page": 1,
    },
    {
        "section": "laodongzhe",
        "slug": "gongjiang-gushi",
        "kicker": "一线故事",
        "title": "焊花里绽放的青春",
        "subheadline": "记“全国五一劳动奖章”获得者、焊工刘强",
        "reader_prompt": "从学徒到技能大师，他用十五年时间练就一手绝活。",
        "byline": "本报记者 赵明 摄影 孙磊",
        "authors": [("赵明", AuthorRole.REPORTER), ("孙磊", AuthorRole.PHOTOGRAPHER)],
        "dateline": "",
        "page": 3,
        "tags": ["劳模", "工匠"],
        "body": [
            ("paragraph", "清晨七点，刘强已经站在焊接工位前。面罩落下，焊花飞溅。"),
            ("photo", {"image": None, "caption": "刘强在焊接作业中。", "credit": "孙磊 摄"}),
            ("paragraph", "十五年来，他先后攻克多项技术难题，带出徒弟三十余人。"),
        ],
    },
]


def _author(name: str, role: str) -> Author:
    author = Author.objects.filter(name=name).first()
    return author or Author.objects.create(name=name, role=role)


def create_demo_content(home, publish_date: datetime.datetime | None = None) -> list[ArticlePage]:
    """Build the demo articles under `home` (a zh-hans HomePage); returns them."""
    pages = {}
    for number, name in ((1, "要闻"), (2, "工会新闻"), (3, "劳动者")):
        pages[number], _ = PrintPage.objects.get_or_create(
            edition_date=DEMO_EDITION, page_number=number, defaults={"page_name": name}
        )
    PrintPage.objects.get_or_create(
        edition_date=DEMO_EDITION - datetime.timedelta(days=1),
        page_number=1,
        defaults={"page_name": "要闻"},
    )
    created = []
    base_time = publish_date or timezone.now() - datetime.timedelta(hours=len(DEMO_ARTICLES))
    for i, spec in enumerate(DEMO_ARTICLES):
        section = SectionPage.objects.get(slug=spec["section"], locale=home.locale)
        if ArticlePage.objects.filter(slug=spec["slug"], locale=home.locale).exists():
            continue
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            kicker=spec["kicker"],
            subheadline=spec["subheadline"],
            reader_prompt=spec["reader_prompt"],
            byline=spec["byline"],
            dateline=spec["dateline"],
            body=spec["body"],
            print_page=pages[spec["page"]],
            continued_from_page=spec.get("continued_from_page"),
            locale=home.locale,
        )
        section.add_child(instance=article)
        for tag in spec["tags"]:
            article.tags.add(tag)
        for order, (name, role) in enumerate(spec["authors"]):
            article.article_authors.add(
                ArticleAuthor(author=_author(name, role), role=role, sort_order=order)
            )
        if spec.get("correction"):
            day, text = spec["correction"]
            article.corrections.add(ArticleCorrection(date=day, text=text))
        article.save()
        revision = article.save_revision()
        revision.publish()
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=base_time + datetime.timedelta(hours=i)
        )
        article.refresh_from_db()
        if spec.get("lead"):
            SectionLeadStory.objects.create(section=section, page=article, sort_order=0)
            from home.models import HomeLeadStory

            HomeLeadStory.objects.create(home=home, page=article, sort_order=0)
        created.append(article)
    return created
