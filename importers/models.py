"""Records of import runs and of which page each imported article became."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("进行中")
        FINISHED = "finished", _("已完成")
        FAILED = "failed", _("有错误")

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
    """The ledger that makes imports idempotent, enforced by the database.

    An article is identified by its source file name and position in it, so
    that two concurrent imports of one file cannot both create a page.
    """

    source_name = models.CharField(max_length=255)
    position = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
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
                fields=["source_name", "position"], name="unique_imported_article_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_name}#{self.position}"
