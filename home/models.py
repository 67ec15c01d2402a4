"""The home page and its curated lead stories; the routes under it are home.routes."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page

from articles.english_fallback import (
    default_locale_id,
    mark_original,
    original_sections,
    uses_fallback,
)
from articles.listing import attach_sections, lead_stories, pk_in_any
from articles.models import ArticlePage
from articles.models.section import chinese_sections, sections_for
from articles.routing import DirectChildRouteMixin
from articles.site_urls import home_route_url, language_of
from articles.structured_data import website_jsonld
from articles.thumbnails import attach_thumbnails

from .routes import HomeRoutes

HOME_PER_SECTION = 5


class HomePage(HomeRoutes, DirectChildRouteMixin, Page):
    tagline = models.CharField(_("报头标语"), max_length=255, blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        InlinePanel(
            "lead_stories",
            label=_("头条稿件"),
            heading=_("首页头条"),
            help_text=_("选择并排序头条稿件（只能选文章）；其余位置自动由最新发布的稿件补足。"),
        ),
    ]

    child_model_name = "articles.SectionPage"

    def find_child(self, request, slug):
        # The navigation needs every section anyway: route from that same list.
        return next(
            (s for s in sections_for(request, self.locale_id) if s.slug == slug), None
        )

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = sections_for(request, self.locale_id)
        leads = [lead.page for lead in lead_stories(self) if lead.page.live]
        lead_ids = [a.pk for a in leads]
        shown = [s for s in sections if s.show_in_menus and not s.is_inbox]
        # The latest few of every section in one query: one small indexed subquery each.
        subqueries = [
            ArticlePage.objects.live_in(self.locale_id)
            .filter(path__startswith=section.path, depth=section.depth + 1)
            .exclude(pk__in=lead_ids)
            .in_edition_order()
            .values("pk")[:HOME_PER_SECTION]
            for section in shown
        ]
        latest = (
            list(
                ArticlePage.objects.live_in(self.locale_id)
                .filter(pk_in_any(subqueries))
                .in_edition_order()
            )
            if subqueries
            else []
        )
        attach_sections(latest, sections)
        blocks = [(s, [a for a in latest if a.section is s]) for s in shown]
        if uses_fallback(language_of(self)):
            blocks = fill_from_originals(request, blocks)
        attach_thumbnails(leads + [a for _s, articles in blocks for a in articles])
        blocks = [(s, articles) for s, articles in blocks if articles]
        attach_sections(leads, sections)
        context.update({
            "lead_stories": leads,
            "section_blocks": blocks,
            "today": timezone.localdate(),
            "jsonld": website_jsonld(self, home_route_url(language_of(self), "search")),
        })
        return context

    def feed_articles(self, request):
        """The language's feed: its latest articles outside the inbox."""
        sections = sections_for(request, self.locale_id)
        articles = ArticlePage.objects.curated(self.locale_id, sections)
        return articles.in_edition_order().with_feed_relations()


def fill_from_originals(request, blocks):
    """Home blocks of sections with no translated story get their Chinese original's latest."""
    empty = [s for s, articles in blocks if not articles]
    originals = original_sections(empty, chinese_sections(request))
    if not originals:
        return blocks
    locale_id = default_locale_id()
    subqueries = [
        ArticlePage.objects.live_in(locale_id)
        .filter(path__startswith=original.path, depth=original.depth + 1)
        .in_edition_order()
        .values("pk")[:HOME_PER_SECTION]
        for original in originals.values()
    ]
    latest = mark_original(
        ArticlePage.objects.live_in(locale_id).filter(pk_in_any(subqueries)).in_edition_order()
    )
    attach_sections(latest, sections_for(request, locale_id))
    filled = []
    for section, articles in blocks:
        original = originals.get(section.pk)
        if not articles and original is not None:
            articles = [a for a in latest if a.section is original]
        filled.append((section, articles))
    return filled


class HomeLeadStory(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="lead_stories")
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("稿件"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("首页头条")
        verbose_name_plural = _("首页头条")
