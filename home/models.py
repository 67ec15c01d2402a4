"""The home page and its curated lead stories."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Orderable, Page


class HomePage(RoutablePageMixin, Page):
    tagline = models.CharField(_("报头标语"), max_length=255, blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        InlinePanel("lead_stories", label=_("头条稿件"), heading=_("首页头条")),
    ]

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")


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
