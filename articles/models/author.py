"""Authors: one record per person, shared by every article they wrote."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class AuthorRole(models.TextChoices):
    REPORTER = "reporter", _("记者")
    CORRESPONDENT = "correspondent", _("通讯员")
    PHOTOGRAPHER = "photographer", _("摄影")
    INTERN = "intern", _("实习生")
    AUTHOR = "author", _("作者")


class Author(index.Indexed, models.Model):
    name = models.CharField(_("姓名"), max_length=100)
    slug = models.SlugField(_("网址名"), max_length=120, unique=True, allow_unicode=True)
    role = models.CharField(
        _("常用身份"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.REPORTER
    )
    bio = models.TextField(_("简介"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("作者")
        verbose_name_plural = _("作者")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_author_slug(self.name)
        super().save(*args, **kwargs)


def unique_author_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True) or "author"
    slug, n = base, 2
    while Author.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
