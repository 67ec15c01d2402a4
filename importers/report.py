"""The end-of-run summary, as text for a terminal or as JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from .loading import RunResult
from .publish_gate import count_by_reason, describe, describe_counts


def summary_dict(result: RunResult) -> dict[str, Any]:
    return {
        "run": result.run_id,
        "files": len(result.files),
        "articles": result.articles,
        **result.totals(),
        "held": len(result.held),
        "held_reasons": count_by_reason(a.held for a in result.held),
        "interrupted": result.interrupted,
        "seconds": round(result.seconds, 3),
        "failed": [{"source": f.source, "error": f.error} for f in result.failed],
        "file_results": [f.to_dict() for f in result.files],
    }


def summary_json(result: RunResult) -> str:
    return json.dumps(summary_dict(result), ensure_ascii=False, indent=2)


def summary_text(result: RunResult, *, verbosity: int = 1) -> str:
    lines: list[str] = []
    if verbosity >= 2:
        for f in result.files:
            lines.append(
                f"{f.source}: {f.status.value} "
                f"+{f.created} ~{f.updated} ={f.unchanged} !{f.skipped} ({f.seconds:.2f}s)"
            )
    for f in result.files:
        for note in f.notes:
            lines.append(_("提示 %(source)s %(note)s") % {"source": f.source, "note": note})
    lines.append(
        _(
            "文件 %(files)d 个；稿件：新建 %(created)d，更新 %(updated)d，未变 %(unchanged)d，"
            "已编辑跳过 %(skipped)d；提示 %(warnings)d 条；错误 %(errors)d 个"
        )
        % summary_dict(result)
    )
    held = result.held
    if held:
        if verbosity >= 2:
            for article in held:
                lines.append(
                    _("未发布 #%(pos)d《%(title)s》：%(reasons)s")
                    % {"pos": article.position, "title": article.title,
                       "reasons": describe(article.held)}
                )
        lines.append(
            _("未发布、留在审稿队列 %(n)d 篇（%(reasons)s）")
            % {"n": len(held), "reasons": describe_counts(count_by_reason(a.held for a in held))}
        )
    if result.run_id:
        lines.append(_("导入记录 #%(run)d，用时 %(seconds).1f 秒") % {
            "run": result.run_id, "seconds": result.seconds,
        })
    for f in result.failed:
        lines.append(_("失败 %(source)s：%(error)s") % {"source": f.source, "error": f.error})
    if result.interrupted:
        lines.append(_("导入被中断：当前文件已回滚，之前的文件已保存"))
    return "\n".join(lines)
