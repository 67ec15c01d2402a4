"""One printed page (版) of one edition: groups the articles printed on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


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

    def __str__(self) -> str:
        label = f"{self.edition_date:%Y-%m-%d} 第{self.page_number}版"
        return f"{label} {self.page_name}".strip()
