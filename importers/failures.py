"""Operator-facing explanations of why a file could not be stored."""

from __future__ import annotations

import errno

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError
from django.utils.translation import gettext as _

# What SQLite and PostgreSQL say when the disk under the database is full,
# or when the database (or its folder) cannot be written.
_DISK_FULL = ("disk is full", "no space left", "could not extend file", "disk full")
_READ_ONLY = ("readonly database", "read-only", "permission denied", "unable to open database")


def describe_unreachable(exc: BaseException, where: str) -> str:
    """The database cannot be reached at all: say where we looked and what to check."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return _(
        "无法连接数据库 %(where)s：%(detail)s。请确认数据库服务已启动，"
        "并检查环境变量 DATABASE_URL。"
    ) % {"where": where, "detail": detail}


def describe_failure(exc: BaseException) -> str:
    """One line naming the cause in words an operator can act on."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return _("磁盘空间已满，无法写入：%(detail)s") % {"detail": detail}
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("没有写权限：%(detail)s") % {"detail": detail}
    if isinstance(exc, DatabaseError):
        if any(marker in lowered for marker in _DISK_FULL):
            return _("数据库无法写入：磁盘空间已满（%(detail)s）") % {"detail": detail}
        if any(marker in lowered for marker in _READ_ONLY):
            return _("数据库无法写入：没有写权限（%(detail)s）") % {"detail": detail}
        return _("数据库错误：%(detail)s") % {"detail": detail}
    if isinstance(exc, ObjectDoesNotExist):
        return _(
            "缺少导入所需的记录（%(detail)s）。运行 python manage.py setup_site "
            "补齐首页、栏目和待审稿件，然后重新导入。"
        ) % {"detail": detail}
    return _(
        "导入时出现意外错误（%(kind)s：%(detail)s），这个文件没有写入。"
        "请把这一行交给技术人员。"
    ) % {"kind": type(exc).__name__, "detail": detail}
