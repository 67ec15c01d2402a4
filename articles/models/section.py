"""Sections (栏目): the listing pages articles live under."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class SectionPage(RoutablePageMixin, Page):
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
        InlinePanel("lead_stories", label=_("头条稿件"), heading=_("栏目头条")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("is_inbox")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")


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
