"""Admin registration of the article app's snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Author, PrintPage


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role"]
    search_fields = ["name"]


class PrintPageViewSet(SnippetViewSet):
    model = PrintPage
    icon = "doc-full"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "edition_date", "page_number", "page_name"]
    list_filter = ["edition_date"]


register_snippet(AuthorViewSet)
register_snippet(PrintPageViewSet)
