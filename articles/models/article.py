"""The article page: every part of a printed story in its own field."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import ArticleBodyBlock

from .author import AuthorRole


class ArticleKind(models.TextChoices):
    ARTICLE = "article", _("消息/通讯")
    PHOTO = "photo", _("图片新闻")
    BRIEF = "brief", _("简讯")
    COMMENTARY = "commentary", _("评论")
    CONTINUATION = "continuation", _("转版续文")
    FRAGMENT = "fragment", _("未归属片段")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(Page):
    # Title lines, in print order: 引题 above, 主题 (the page title), 副题 below.
    kicker = models.CharField(_("引题"), max_length=255, blank=True)
    subheadline = models.CharField(_("副题"), max_length=255, blank=True)
    reader_prompt = models.TextField(_("阅读提示"), blank=True)
    byline = models.CharField(_("署名"), max_length=255, blank=True)
    dateline = models.CharField(_("电头"), max_length=100, blank=True)
    column_label = models.CharField(_("栏目标签"), max_length=100, blank=True)
    kind = models.CharField(
        _("稿件类型"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.ARTICLE
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("正文"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("标签"))

    print_page = models.ForeignKey(
        "articles.PrintPage",
        verbose_name=_("所在版面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    continued_from_page = models.PositiveSmallIntegerField(_("上接第几版"), null=True, blank=True)

    # Provenance: where the importer found this article, kept for review and re-imports.
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True, db_index=True)
    source_sha256 = models.CharField(_("来源文件 SHA-256"), max_length=64, blank=True)
    source_position = models.PositiveIntegerField(_("文件内序号"), null=True, blank=True)
    source_text = models.TextField(_("原始文本"), blank=True)
    import_warnings = models.JSONField(_("导入提示"), default=list, blank=True)
    import_run = models.ForeignKey(
        "importers.ImportRun",
        verbose_name=_("导入批次"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    # The revision the importer wrote; a later revision means an editor has
    # touched the page, and re-imports must leave it alone.
    import_revision_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    headline_is_provisional = models.BooleanField(_("临时标题"), default=False)
    reviewed_at = models.DateTimeField(_("审阅时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审阅人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Chinese has no spaces between words; the search index reads this
    # word-segmented copy of the text instead of the raw fields.
    search_text = models.TextField(blank=True, editable=False)

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        MultiFieldPanel(
            [FieldPanel("kicker"), FieldPanel("title"), FieldPanel("subheadline")],
            heading=_("标题"),
        ),
        FieldPanel("reader_prompt"),
        MultiFieldPanel(
            [
                FieldPanel("byline"),
                InlinePanel("article_authors", label=_("作者")),
                FieldRowPanel([FieldPanel("dateline"), FieldPanel("column_label")]),
            ],
            heading=_("署名"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("print_page"), FieldPanel("continued_from_page")]),
                FieldPanel("kind"),
                FieldPanel("tags"),
            ],
            heading=_("版面与标签"),
        ),
        InlinePanel("corrections", label=_("更正"), heading=_("更正说明")),
        MultiFieldPanel(
            [
                FieldPanel("import_warnings", read_only=True),
                FieldPanel("source_name", read_only=True),
                FieldPanel("source_text", read_only=True),
            ],
            heading=_("导入信息（只读）"),
            classname="collapsed",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("kicker"),
        index.SearchField("subheadline"),
        index.FilterField("locale_id"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    @property
    def headline(self) -> str:
        return self.title


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "articles.Author",
        verbose_name=_("作者"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )
    role = models.CharField(
        _("身份"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.REPORTER
    )

    panels = [FieldPanel("author"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("作者")
        verbose_name_plural = _("作者")


class ArticleCorrection(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("更正日期"))
    text = models.TextField(_("更正内容"))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("更正")
        verbose_name_plural = _("更正")
