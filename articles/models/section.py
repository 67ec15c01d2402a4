"""Sections (栏目): the listing pages articles live under."""

from django.core.cache import cache as shared
from django.db import models
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.english_fallback import (
    default_locale_id,
    mark_original,
    original_sections,
    uses_fallback,
)
from articles.feeds import ArticleFeed
from articles.listing import attach_sections, lead_stories, paginate
from articles.page_cache import SECTIONS_SECONDS, sections_key
from articles.public_urls import page_public_url, public_url
from articles.routing import DirectChildRouteMixin
from articles.site_urls import home_url, language_of
from articles.structured_data import breadcrumb_jsonld
from articles.thumbnails import attach_thumbnails


class SectionPage(RoutablePageMixin, DirectChildRouteMixin, Page):
    intro = RichTextField(_("栏目介绍"), blank=True, features=["bold", "italic", "link"])
    is_inbox = models.BooleanField(
        _("待审收件箱"),
        default=False,
        help_text=_("导入的稿件默认放在这里，等待编辑审阅；不在导航中显示。"),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "lead_stories",
            label=_("头条稿件"),
            heading=_("栏目头条"),
            help_text=_("选择并排序头条稿件（只能选文章）；其余位置自动由最新发布的稿件补足。"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("is_inbox")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    child_model_name = "articles.ArticlePage"
    child_select_related = ("locale", "print_page")

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.child_model().objects
        sections = sections_for(request, self.locale_id)
        leads = [lead.page for lead in lead_stories(self) if lead.page.live]
        rest = (
            articles.live_in(self.locale_id)
            .child_of(self)
            .exclude(pk__in=[a.pk for a in leads])
            .in_edition_order()
        )
        original = None
        if not leads and uses_fallback(language_of(self)) and not rest.exists():
            # No translated story yet: the Chinese original's, marked 「中文」.
            original = original_sections([self], chinese_sections(request)).get(self.pk)
            if original is not None:
                rest = articles.live_in(default_locale_id()).child_of(original).in_edition_order()
                sections = sections_for(request, original.locale_id)
        page_obj, page_range = paginate(request, rest)
        page_obj.object_list = attach_sections(list(page_obj.object_list), sections)
        if original is not None:
            page_obj.object_list = mark_original(page_obj.object_list)
        attach_sections(leads, sections)
        attach_thumbnails(leads + page_obj.object_list)
        context.update({
            "lead_stories": leads if page_obj.number == 1 else [],
            "page_obj": page_obj,
            "page_range": page_range,
            "articles": page_obj.object_list,
            "original_section": original,
            "sections": sections,
            "jsonld": breadcrumb_jsonld(
                [
                    (gettext_now("工人日报"), public_url(home_url(language_of(self)))),
                    (self.title, page_public_url(self, request)),
                ]
            ),
        })
        return context

    def feed_articles(self, request):
        """The section's feed: its latest articles, with what a feed item shows."""
        sections = sections_for(request, self.locale_id)
        articles = self.child_model().objects.curated(self.locale_id, sections).child_of(self)
        return articles.in_edition_order().with_feed_relations()

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, page=self)


def sections_for(request, locale_id: int) -> list[SectionPage]:
    """All sections of a language, shared by routing, navigation and lists.

    Kept in the cache under a version that changes whenever a page other
    than an article is published, unpublished, saved, moved or deleted
    (articles.signals), so a request usually makes no query for them.
    """
    cache = request.__dict__.setdefault("_newsroom_sections", {})
    if locale_id not in cache:
        key = sections_key(locale_id)
        sections = shared.get(key)
        if sections is None:
            sections = list(
                SectionPage.objects.live()
                .filter(locale_id=locale_id, depth=3)
                .select_related("locale")
                .order_by("path")
                .defer_streamfields()
            )
            shared.set(key, sections, SECTIONS_SECONDS)
        cache[locale_id] = sections
    return cache[locale_id]


def chinese_sections(request) -> list[SectionPage]:
    """The sections of the paper's own language, the originals of every translation."""
    locale_id = default_locale_id()
    return sections_for(request, locale_id) if locale_id is not None else []


class SectionLeadStory(Orderable):
    section = ParentalKey(SectionPage, on_delete=models.CASCADE, related_name="lead_stories")
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("稿件"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("栏目头条")
        verbose_name_plural = _("栏目头条")
