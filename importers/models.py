"""Records of import runs and of which page each imported article became."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("进行中")
        FINISHED = "finished", _("已完成")
        FAILED = "failed", _("有错误")
        INTERRUPTED = "interrupted", _("已中断")

    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operator = models.CharField(_("系统用户"), max_length=150, blank=True)
    # Which process runs the import, so a later run can tell a killed one.
    host = models.CharField(_("主机"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("进程号"), null=True, blank=True)
    options = models.JSONField(_("选项"), default=dict, blank=True)
    files = models.JSONField(_("文件"), default=list, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    files_count = models.PositiveIntegerField(_("文件数"), default=0)
    created = models.PositiveIntegerField(_("新建"), default=0)
    updated = models.PositiveIntegerField(_("更新"), default=0)
    unchanged = models.PositiveIntegerField(_("未变"), default=0)
    skipped = models.PositiveIntegerField(_("跳过（已编辑）"), default=0)
    warnings = models.PositiveIntegerField(_("提示"), default=0)
    errors = models.PositiveIntegerField(_("错误"), default=0)

    class Meta:
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.started_at:%Y-%m-%d %H:%M}"


class ImportedArticle(models.Model):
    """The ledger: which page each imported article became, by content.

    An article is identified by its text (``fingerprint``, with ``signature``
    for recognising corrected text; see importers/identity.py) within its
    edition and page, never by the file it came from or its position there:
    those are kept only as information. The database refuses a second entry
    with the same text in one edition, so two concurrent imports of the same
    content cannot both create a page.
    """

    source_name = models.CharField(max_length=255)  # base name, as last seen
    source_path = models.CharField(max_length=1024, blank=True, default="")
    position = models.PositiveIntegerField()  # in that file, as last seen
    sha256 = models.CharField(max_length=64)  # of that file
    # "" only for rows written before identity by content whose page was
    # already deleted: nothing is left to compute a fingerprint from.
    fingerprint = models.CharField(max_length=64, blank=True, default="")
    signature = models.TextField(blank=True, default="")
    content_sha256 = models.CharField(max_length=64, blank=True, default="")
    edition_date = models.DateField(null=True, blank=True)
    page_number = models.PositiveSmallIntegerField(null=True, blank=True)
    # "YYYY-MM-DD/N" (or "YYYY-MM-DD/" without a page), "" when the edition is
    # unknown: a non-null column, so the unique constraint covers every row.
    edition_key = models.CharField(max_length=16, blank=True, default="")
    # SET_NULL, not CASCADE: when an editor deletes an imported page, the
    # ledger remembers it, so a re-import does not bring the page back.
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_record",
    )
    run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition_key", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="unique_imported_article_text_per_edition",
            )
        ]
        indexes = [
            models.Index(fields=["source_name"], name="imported_article_name"),
            models.Index(fields=["source_path", "sha256"], name="imported_article_path_sha"),
        ]

    def __str__(self) -> str:
        return f"{self.source_name}#{self.position}"


def edition_key(edition_date: datetime.date | None, page_number: int | None) -> str:
    if edition_date is None:
        return ""
    return f"{edition_date:%Y-%m-%d}/{page_number or ''}"
