"""One printed page (版) of one edition: groups the articles printed on it."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .article import ArticlePage


class PrintPage(models.Model):
    edition_date = models.DateField(_("出版日期"), db_index=True)
    page_number = models.PositiveSmallIntegerField(_("版次"))
    page_name = models.CharField(_("版名"), max_length=100, blank=True)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("版面PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("版面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("edition_date"),
        FieldPanel("page_number"),
        FieldPanel("page_name"),
        FieldPanel("pdf"),
        FieldPanel("image"),
    ]

    class Meta:
        verbose_name = _("版面")
        verbose_name_plural = _("版面")
        ordering = ["-edition_date", "page_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition_date", "page_number"], name="unique_print_page_per_edition"
            )
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read without loading deferred fields: a listing's only() stays one query.
        self._placed_as = (self.__dict__.get("edition_date"), self.__dict__.get("page_number"))

    def __str__(self) -> str:
        label = f"{self.edition_date:%Y-%m-%d} 第{self.page_number}版"
        return f"{label} {self.page_name}".strip()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.pk and self._placed_as != (self.edition_date, self.page_number):
            # The articles printed here carry the date and place in their own rows.
            refresh_articles(ArticlePage.objects.filter(print_page=self))
        self._placed_as = (self.edition_date, self.page_number)

    @property
    def label(self) -> str:
        """第2版 · 工会新闻"""
        label = gettext("第%(n)s版") % {"n": self.page_number}
        return f"{label} · {self.page_name}" if self.page_name else label


def refresh_articles(articles, *, detach: bool = False) -> int:
    """Recompute the stored display date and print order of these articles.

    detach: as if they had no print page any more (their page is being deleted).
    """
    rows = list(
        articles.select_related("print_page").only(
            "pk", "first_published_at", "source_position", "print_page"
        )
    )
    for article in rows:
        if detach:
            article.print_page = None
        article.refresh_edition_fields()
    ArticlePage.objects.bulk_update(rows, ["display_date", "print_order"], batch_size=500)
    return len(rows)
