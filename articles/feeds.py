"""RSS for the whole site and for each section (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from articles.views import prefetch_feed, public_articles, sections_for

FEED_ITEMS = 30


class ArticleFeed(Feed):
    """Feed(request, page=home_or_section): the latest live articles under that page."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, page=None):
        self.request = request
        return page

    def title(self, page):
        return f"{page.title} · {_('工人日报')}"

    def link(self, page):
        return page.get_url(self.request)

    def description(self, page):
        return _("%(title)s 最新稿件") % {"title": page.title}

    def items(self, page):
        sections = sections_for(self.request, page.locale_id)
        qs = public_articles(page.locale_id, sections)
        if page.depth > 2:  # a section
            qs = qs.child_of(page)
        return list(prefetch_feed(qs.in_edition_order())[:FEED_ITEMS])

    def item_title(self, item):
        return strip_tags(item.title)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        # Readers render a description as HTML: tag-like text from imported copy is
        # dropped and everything else escaped, so nothing in it can run.
        parts = [p for p in (item.kicker, item.subheadline, item.summary) if p]
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
