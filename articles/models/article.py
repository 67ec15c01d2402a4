"""The article page: every part of a printed story in its own field."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.blocks import ArticleBodyBlock
from articles.descriptions import description_of
from articles.keywords import article_key_words
from articles.listing import LISTING_DEFER, attach_sections, pk_in_any, section_of
from articles.public_urls import asset_url
from articles.search_backend import title_match_ids
from articles.structured_data import article_jsonld
from editorial.source_panel import SourceBesidePanel

from .author import AuthorRole
from .continuation_panel import ContinuationPanel
from .edition_dates import (
    EDITION_ORDER,
    REVERSE_EDITION_ORDER,
    display_date_of,
    display_datetime_of,
    listed_after,
    listed_before,
    listing_key,
    print_order_of,
)
from .panels import ImportInfoPanel, ImportWarningsBanner, ReadOnlyPanel, SectionPanel
from .section import sections_for

RELATED_COUNT = 5


class ArticleKind(models.TextChoices):
    ARTICLE = "article", _("消息/通讯")
    PHOTO = "photo", _("图片新闻")
    BRIEF = "brief", _("简讯")
    COMMENTARY = "commentary", _("评论")
    LETTER = "letter", _("读者来信")
    CONTINUATION = "continuation", _("转版续文")
    FRAGMENT = "fragment", _("未归属片段")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePageQuerySet(PageQuerySet):
    """The reader pages' queries: ArticlePage.objects.live_in(locale_id).in_edition_order()…"""

    def in_edition_order(self):
        """Newest edition first, then page by page and down each page (see edition_dates)."""
        return self.order_by(*EDITION_ORDER)

    def not_joined(self):
        """Leave out continuations joined to the story they continue: readers
        find their text on that story's page, never as a story of their own."""
        return self.filter(continues__isnull=True)

    def live_in(self, locale_id: int):
        """Live articles of one language, with their print page (the date and page a
        card shows), without the columns listings never read. Continuations joined
        to their story are part of it, not articles of their own."""
        return (
            self.live()
            .filter(locale_id=locale_id)
            .not_joined()
            .select_related("print_page")
            .defer(*LISTING_DEFER)
        )

    def curated(self, locale_id: int, sections: list):
        """Articles the curated lists show: live, in this language, not in the inbox.

        Curated lists (home, sections, feeds, related, sitemap) leave out the
        inbox (待审稿件); look-ups (search, tags, authors, print archive,
        corrections) show every live article, since each is reachable by its URL.
        """
        qs = self.live_in(locale_id)
        for inbox in (s for s in sections if s.is_inbox):
            qs = qs.exclude(path__startswith=inbox.path)
        return qs

    def with_feed_relations(self):
        """What a feed item shows besides the article: its corrections and authors."""
        return self.prefetch_related(
            Prefetch("corrections"),
            Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
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
    # A story printed on two pages: the head ends `（下转第M版）`, its tail on
    # page M opens `（上接第N版）` and is joined to the head through `continues`.
    continues_on_page = models.PositiveSmallIntegerField(_("下转第几版"), null=True, blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("接续的稿件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continuations",
        help_text=_(
            "转版续文所接的前文（同一天报纸上带“下转”标记的稿件）。"
            "选定后，本文内容接在前文正文之后显示，不再单独列出；清空即拆开。"
        ),
    )
    # Derived, never edited: the date readers see and the article's place in
    # its edition (see edition_dates and refresh_edition_fields).
    display_date = models.DateField(_("见报日期"), null=True, blank=True, editable=False)
    print_order = models.PositiveIntegerField(null=True, blank=True, editable=False)

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

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    # Edit in the order of the printed page: title lines, reader prompt, byline
    # and authors, body; then where it was printed, tags and the importer's notes.
    content_panels = [
        SourceBesidePanel(),
        ImportWarningsBanner(heading=_("导入提示")),
        MultiFieldPanel(
            [
                FieldPanel(
                    "kicker",
                    help_text=_("主标题上方的一行，交代背景或引出主题；没有就留空。"),
                ),
                TitleFieldPanel(
                    "title",
                    heading=_("主题（主标题）"),
                    help_text=_("稿件的主标题，也是网页标题。"),
                ),
                FieldPanel("subheadline", help_text=_("主标题下方的补充标题；没有就留空。")),
                FieldPanel(
                    "headline_is_provisional",
                    help_text=_("导入时未能确定标题。核对、改好标题后取消勾选。"),
                ),
            ],
            heading=_("标题"),
        ),
        FieldPanel("reader_prompt", help_text=_("正文前的导读文字（阅读提示），没有就留空。")),
        MultiFieldPanel(
            [
                FieldPanel(
                    "byline",
                    help_text=_("按报纸原样填写，如“本报记者 田国垒 本报通讯员 李庆童”。"),
                ),
                InlinePanel(
                    "article_authors",
                    label=_("作者"),
                    help_text=_("每人一条，按署名顺序；同一人只建一个作者，不要重复新建。"),
                ),
                FieldRowPanel(
                    [
                        FieldPanel("dateline", help_text=_("如“本报北京4月20日电”。")),
                        FieldPanel("column_label", help_text=_("报纸上的小栏目名，如“新闻特写”。")),
                    ]
                ),
            ],
            heading=_("署名与作者"),
        ),
        FieldPanel(
            "body",
            help_text=_("段落、小标题、图片和引文。导入的图片只有说明和署名，请补上图片。"),
        ),
        MultiFieldPanel(
            [
                SectionPanel(),
                FieldRowPanel(
                    [
                        FieldPanel("print_page", help_text=_("稿件刊登的版面（出版日期、版次）。")),
                        FieldPanel("continued_from_page", help_text=_("转版续文：上接第几版。")),
                    ]
                ),
                FieldPanel("kind"),
                FieldPanel("tags", help_text=_("用于专题和标签页，多个标签用逗号分隔。")),
            ],
            heading=_("栏目、版面与标签"),
        ),
        MultiFieldPanel(
            [
                ContinuationPanel(),
                FieldPanel("continues"),
                FieldPanel("continues_on_page", help_text=_("前文末尾“下转第几版”的版次。")),
            ],
            heading=_("转版接续"),
        ),
        InlinePanel(
            "corrections",
            label=_("更正"),
            heading=_("更正说明"),
            help_text=_("已发布稿件有误时，在这里追加一条带日期的更正；不要删改原有更正。"),
        ),
        ImportInfoPanel(
            [
                ReadOnlyPanel("import_warnings"),
                FieldRowPanel([ReadOnlyPanel("source_name"), ReadOnlyPanel("source_position")]),
                FieldRowPanel([ReadOnlyPanel("reviewed_at"), ReadOnlyPanel("reviewed_by")]),
            ],
            heading=_("导入信息（只读）"),
        ),
    ]

    # What wagtail-localize sends to translators (text) and copies as is
    # (structure); provenance and review fields stay with the Chinese source.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("kicker"),
        TranslatableField("subheadline"),
        TranslatableField("reader_prompt"),
        TranslatableField("byline"),
        TranslatableField("dateline"),
        TranslatableField("column_label"),
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("print_page"),
        SynchronizedField("continued_from_page"),
        SynchronizedField("continues_on_page"),
        SynchronizedField("article_authors"),
        SynchronizedField("tagged_items"),
        SynchronizedField("corrections"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("kicker"),
        index.SearchField("subheadline", boost=1.5),
        index.SearchField("reader_prompt"),
        index.SearchField("byline"),
        index.SearchField("body"),
        index.SearchField("tags"),
        index.AutocompleteField("kicker"),
        # The admin's page search autocompletes: editors look for words in the body too.
        index.AutocompleteField("body"),
        index.FilterField("locale_id"),
        # Listings and search leave out joined continuations (not_joined()).
        index.FilterField("continues_id"),
    ]
    # A copy or a translation is not the imported article: it must not claim the
    # source file, warnings or review state of the page it was copied from.
    exclude_fields_in_copy = [
        "source_name",
        "source_sha256",
        "source_position",
        "source_text",
        "import_warnings",
        "import_run",
        "import_revision_id",
        "reviewed_at",
        "reviewed_by",
        # A copy is a story of its own, not the tail of another one.
        "continues",
    ]

    # Columns a listing never needs: raw source text and importer bookkeeping.
    LISTING_DEFER = LISTING_DEFER

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")
        indexes = [
            models.Index(fields=["-display_date", "print_order"], name="article_edition_order"),
        ]

    @property
    def headline(self) -> str:
        return self.title

    # -- the printed edition ------------------------------------------------

    def refresh_edition_fields(self) -> None:
        """Recompute display_date and print_order from the print page and first publication."""
        print_page = self.print_page if self.print_page_id else None
        self.display_date = display_date_of(
            print_page.edition_date if print_page else None, self.first_published_at
        )
        self.print_order = print_order_of(
            print_page.page_number if print_page else None, self.source_position
        )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.refresh_edition_fields()
        elif {"print_page", "first_published_at", "source_position"} & set(update_fields):
            self.refresh_edition_fields()
            kwargs["update_fields"] = {*update_fields, "display_date", "print_order"}
        # Otherwise (e.g. save_revision() storing a draft's bookkeeping) the
        # live row keeps the date of the content it still shows.
        return super().save(*args, **kwargs)

    @property
    def display_datetime(self):
        """display_date as an aware datetime (feeds, structured data, Open Graph)."""
        print_page = self.print_page if self.print_page_id else None
        return display_datetime_of(
            print_page.edition_date if print_page else None, self.first_published_at
        )

    @property
    def print_label(self) -> str:
        """第2版 · 工会新闻: the printed page the article appeared on, or ""."""
        if not self.print_page_id:
            return ""
        return self.print_page.label

    def body_paragraphs(self) -> list[str]:
        # The raw JSON: no block objects are built just to read some text.
        return [
            block["value"]
            for block in self.body.raw_data
            if block.get("type") == "paragraph" and isinstance(block.get("value"), str)
        ]

    @property
    def summary(self) -> str:
        """A short plain-text summary for listings, feeds and meta descriptions."""
        if self.reader_prompt:
            text = self.reader_prompt
        else:
            text = next((p for p in self.body_paragraphs() if p.strip()), "")
        return Truncator(" ".join(text.split())).chars(90)

    def first_image(self):
        for block in self.body.raw_data:
            value = block.get("value")
            if block.get("type") == "photo" and isinstance(value, dict) and value.get("image"):
                from wagtail.images import get_image_model

                return get_image_model().objects.filter(pk=value["image"]).first()
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = sections_for(request, self.locale_id)
        section = section_of(self, sections)
        authors = list(self.article_authors.select_related("author").order_by("sort_order"))
        tags = list(self.tags.all())
        corrections = list(self.corrections.order_by("date", "sort_order"))
        print_page = self.print_page if self.print_page_id else None

        previous_article, next_article, related = neighbours(self, tags, sections)
        image_url = article_image_url(self)
        description = description_of(self)
        context.update({
            "section": section,
            "authors": authors,
            "tags": tags,
            "corrections": corrections,
            "print_page": print_page,
            "previous_article": previous_article,
            "next_article": next_article,
            "related_articles": attach_sections(related, sections),
            "description": description,
            "image_url": image_url,
            "jsonld": article_jsonld(
                self, request, authors, section, tags, description=description,
                image_url=image_url,
            ),
            "continuations": self.joined_continuations(),
        })
        return context

    # -- a story printed on two pages ----------------------------------------

    def joined_continuations(self) -> list["ArticlePage"]:
        """The live tails joined to this story (上接第N版), in print order:
        readers get their text after this story's body, as one article."""
        # A joined head always has the page its tail is on (importers.continuations).
        if self.kind == ArticleKind.CONTINUATION or not self.continues_on_page:
            return []
        return list(
            ArticlePage.objects.live()
            .filter(continues=self, kind=ArticleKind.CONTINUATION)
            .select_related("print_page")
            .order_by("print_order", "pk")
        )

    def clean(self):
        super().clean()
        if self.continues_id and self.continues_id == self.pk:
            raise ValidationError({"continues": _("稿件不能接在自己之后。")})

    def serve(self, request, *args, **kwargs):
        # A joined tail is no story of its own: its address leads to the head.
        if self.continues_id and self.kind == ArticleKind.CONTINUATION:
            head = self.continues
            if head is not None and head.live:
                return HttpResponsePermanentRedirect(head.get_url(request))
        return super().serve(request, *args, **kwargs)


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


# -- the article page's neighbours ------------------------------------------


def article_image_url(article: ArticlePage) -> str:
    """The public URL of the article's first photo, sized for cards ("" without one)."""
    image = article.first_image()
    return asset_url(image.get_rendition("width-1200").url) if image else ""


CARD_FIELDS = (
    "id", "title", "slug", "kicker", "subheadline", "path", "depth", "url_path",
    "first_published_at", "locale_id", "display_date", "print_order", "print_page",
    "print_page__edition_date", "print_page__page_number", "print_page__page_name",
)


def neighbours(article: ArticlePage, tags, sections):
    """Previous / next in the section and related articles, in one query.

    Candidates: the previous and next article of the same section, the
    articles sharing most tags, those whose titles share most of the
    article's key words (from the search index), and the section's latest;
    sorted out in Python: shared tags first, then shared key words, then
    the rest of the section, newer first.
    """
    section_path = article.path[: -ArticlePage.steplen]
    public = ArticlePage.objects.curated(article.locale_id, sections)
    siblings = public.filter(path__startswith=section_path, depth=article.depth)
    # Previous is the next one down the section's listing (older, or later in
    # the same edition); next is the one above it.
    parts = [
        siblings.filter(listed_after(article)).in_edition_order().values("pk")[:1],
        siblings.filter(listed_before(article))
        .order_by(*REVERSE_EDITION_ORDER)
        .values("pk")[:1],
        siblings.exclude(pk=article.pk).in_edition_order().values("pk")[: RELATED_COUNT + 2],
    ]
    tag_ids = [t.pk for t in tags]
    if tag_ids:
        # Most shared tags first, newer first; grouped on the tag table alone (cheap).
        parts.append(
            ArticlePageTag.objects.filter(tag_id__in=tag_ids)
            .exclude(content_object_id=article.pk)
            .values("content_object_id")
            .annotate(shared=Count("id"))
            .order_by("-shared", "-content_object_id")
            .values("content_object_id")[: RELATED_COUNT * 2]
        )
    words = article_key_words(article)
    # Over-fetched: the index knows nothing of drafts, languages or the inbox.
    matches = title_match_ids(ArticlePage, words, RELATED_COUNT * 2 + 1)
    if matches is not None:
        parts.append(matches)
    wanted = pk_in_any(parts)
    candidates = list(
        public.filter(wanted)
        .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids or [0])))
        .only(*CARD_FIELDS)
    )

    mine = listing_key(article)
    same = [a for a in candidates if a.path.startswith(section_path) and a.pk != article.pk]
    below = [a for a in same if listing_key(a) > mine]
    above = [a for a in same if listing_key(a) < mine]
    previous_article = min(below, key=listing_key, default=None)
    next_article = max(above, key=listing_key, default=None)
    shown = {article.pk} | {a.pk for a in (previous_article, next_article) if a}
    related = [a for a in candidates if a.pk not in shown]
    for a in related:
        headline = f"{a.kicker} {a.title} {a.subheadline}".lower()
        a.shared_words = sum(1 for w in words if w in headline)
    related.sort(key=lambda a: (-a.shared, -a.shared_words, listing_key(a)))
    return previous_article, next_article, related[:RELATED_COUNT]
