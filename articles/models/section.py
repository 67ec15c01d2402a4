"""Sections (栏目): the listing pages articles live under."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.routing import DirectChildRouteMixin


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
        from articles.views import section_context

        context = super().get_context(request, *args, **kwargs)
        context.update(section_context(self, request))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from articles.feeds import ArticleFeed

        return ArticleFeed()(request, page=self)


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
