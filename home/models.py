"""The home page and its curated lead stories."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page

from articles import views
from articles.routing import DirectChildRouteMixin


class HomePage(RoutablePageMixin, DirectChildRouteMixin, Page):
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
            (s for s in views.sections_for(request, self.locale_id) if s.slug == slug), None
        )

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.home_context(self, request))
        return context

    # Site-wide pages live under each language's home, so /en/... exists too.

    @path("authors/<str:slug>/", name="author")
    def author(self, request, slug):
        return views.author_view(self, request, slug)

    @path("tags/<str:tag>/", name="tag")
    def tag(self, request, tag):
        return views.tag_view(self, request, tag)

    @path("archive/", name="archive")
    def archive(self, request):
        return views.archive_index_view(self, request)

    @re_path(r"^archive/(\d{4})/(\d{2})/(\d{2})/$", name="archive_edition")
    def archive_edition(self, request, year, month, day):
        return views.archive_edition_view(self, request, int(year), int(month), int(day))

    @re_path(r"^archive/(\d{4})/(\d{2})/(\d{2})/page/(\d+)/$", name="archive_page")
    def archive_page(self, request, year, month, day, number):
        return views.archive_page_view(self, request, int(year), int(month), int(day), int(number))

    @path("search/", name="search")
    def search(self, request):
        return views.search_view(self, request)

    @path("corrections/", name="corrections")
    def corrections(self, request):
        return views.corrections_view(self, request)

    @path("feed/", name="feed")
    def feed(self, request):
        from articles.feeds import ArticleFeed

        return ArticleFeed()(request, page=self)


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
