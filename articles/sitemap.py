"""sitemap.xml: every public page once per language, translations as hreflang alternates."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage


class PageSitemap(Sitemap):
    limit = 10_000

    def __init__(self, request):
        self.request = request

    def items(self):
        inboxes = list(SectionPage.objects.filter(is_inbox=True).values_list("path", flat=True))
        qs = (
            Page.objects.live()
            .public()
            .filter(depth__gte=2)
            .select_related("locale")
            .only(
                "id", "path", "depth", "url_path", "translation_key", "locale__language_code",
                "last_published_at", "latest_revision_created_at",
            )
            .order_by("path")
        )
        for path in inboxes:
            qs = qs.exclude(path__startswith=path)
        # Joined continuations redirect to their story: no address of their own.
        qs = qs.exclude(pk__in=ArticlePage.objects.filter(continues__isnull=False).values("pk"))
        pages = list(qs)
        groups = defaultdict(list)
        for page in pages:
            groups[page.translation_key].append(page)
        for page in pages:
            page.translations_group = groups[page.translation_key]
        return pages

    def location(self, page):
        return page.get_url(self.request)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            item = url["item"]
            group = item.translations_group
            if len(group) > 1:
                url["alternates"] = [
                    {
                        "lang_code": other.locale.language_code,
                        "location": f"{protocol}://{domain}{other.get_url(self.request)}",
                    }
                    for other in group
                ]
        return urls
