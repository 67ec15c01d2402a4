"""Wagtail hooks of the article app: snippets, names for unnamed admin controls, page cache."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from articles import page_cache
from articles.models import ArticlePage, Author, PrintPage, SectionPage
from editorial.views import AuthorMergeView


def user_can_merge_authors(user) -> bool:
    return user.has_perms(["articles.change_author", "articles.delete_author"])


class AuthorIndexView(IndexView):
    """The author listing, with a way to merge two records of one person."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if user_can_merge_authors(self.request.user):
            buttons.append(
                Button(
                    _("合并重复作者"),
                    url=reverse("wagtailsnippets_articles_author:merge"),
                    icon_name="resubmit",
                    priority=50,
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if user_can_merge_authors(self.request.user):
            url = reverse("wagtailsnippets_articles_author:merge")
            buttons.append(
                MenuItem(
                    _("合并到另一位作者…"),
                    url=f"{url}?duplicate={instance.pk}",
                    icon_name="resubmit",
                    priority=25,
                )
            )
        return buttons


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("作者")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = AuthorIndexView
    list_display = ["name", "role", "slug"]
    list_filter = ["role"]
    search_fields = ["name"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("merge/", AuthorMergeView.as_view(), name="merge"),
        ]


class PrintPageViewSet(SnippetViewSet):
    model = PrintPage
    icon = "doc-full"
    menu_label = _("版面")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "edition_date", "page_number", "page_name"]
    list_filter = ["edition_date"]
    ordering = ["-edition_date", "page_number"]


register_snippet(AuthorViewSet)
register_snippet(PrintPageViewSet)


@hooks.register("insert_global_admin_js")
def name_unnamed_admin_controls():
    return format_html(
        '<script src="{}" data-page-search-label="{}"></script>',
        static("js/admin-a11y.js"),
        _("搜索全部页面"),
    )


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page cache what the answer shows: an article itself, a section its own list."""
    if isinstance(page, ArticlePage):
        page_cache.depend_on_article(request, page.pk)
    elif isinstance(page, SectionPage):
        page_cache.depend_on_section(request, page.translation_key)
