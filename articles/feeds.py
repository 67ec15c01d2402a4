"""RSS for each language's site and for each section (Django's syndication framework).

Links name the configured public host (settings.PUBLIC_BASE_URL); guids are
tag: URIs made of the page's id, so they survive a new slug or a move.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from articles.descriptions import description_of
from articles.public_urls import page_public_url, public_url

FEED_ITEMS = 30
# The tag: URI scheme (RFC 4151) wants a date on which the name was ours; it never changes.
GUID_DATE = "2024"


def article_guid(article) -> str:
    """A permanent id for an article in any feed reader: tag:<public host>,2024:article-<id>."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    return f"tag:{host},{GUID_DATE}:article-{article.pk}"


class ArticleFeed(Feed):
    """Feed(request, page=home_or_section): the latest live articles under that page.

    The page says which articles are its feed's (feed_articles), newest first.
    """

    feed_type = Rss201rev2Feed

    def get_object(self, request, page=None):
        self.request = request
        return page

    def title(self, page):
        paper = _("工人日报")
        return paper if page.depth <= 2 else f"{page.title} · {paper}"

    def link(self, page):
        return page_public_url(page, self.request)

    def feed_url(self, page):
        return public_url(self.request.path)

    def description(self, page):
        if page.depth <= 2:
            return _("工人日报最新稿件")
        return _("%(title)s 最新稿件") % {"title": page.title}

    def items(self, page):
        return list(page.feed_articles(self.request)[:FEED_ITEMS])

    def item_title(self, item):
        return strip_tags(item.title)

    def item_link(self, item):
        return page_public_url(item, self.request)

    def item_guid(self, item):
        return article_guid(item)

    def item_guid_is_permalink(self, item):
        return False

    def item_description(self, item):
        # Readers render a description as HTML: tag-like text from imported copy is
        # dropped and everything else escaped, so nothing in it can run.
        summary = description_of(item)
        parts = [p for p in (item.kicker, item.subheadline) if p and p not in summary]
        parts.append(summary)
        for correction in item.corrections.all():
            parts.append(
                _("更正（%(date)s）：%(text)s") % {"date": correction.date, "text": correction.text}
            )
        return "<br>".join(escape(strip_tags(p)) for p in parts)

    def item_author_name(self, item):
        names = [link.author.name for link in item.article_authors.all()]
        return "、".join(names) or item.byline or None

    def item_pubdate(self, item):
        # The printed edition's day: the same date the site shows on the article.
        return item.display_datetime

    def item_categories(self, item):
        # Where it was printed (第2版 · 工会新闻), for readers that show categories.
        return [item.print_label] if item.print_label else []

    def item_updateddate(self, item):
        return item.last_published_at
