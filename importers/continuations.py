"""Stories printed on two pages: joining a tail (上接第N版) to its head.

A head on page N of an edition ends `（下转第M版）` (ArticlePage.continues_on_page);
its tail on page M opens `（上接第N版）` (kind "continuation",
continued_from_page N). The tail is joined through ArticlePage.continues:
readers see its text after the head's body, never as a story of its own.

The importer joins a tail when exactly one story on page N of the same
edition fits: the one carrying the 下转第M版 mark, else the one whose
headline the tail repeats or whose key words it shares clearly. Otherwise
the tail gets a warning and an editor joins it by hand (join/split below,
each recorded in the page's history). Heads may arrive before or after
their tails: a new head looks for tails waiting for it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

from articles.keywords import article_key_words, key_words
from articles.models import ArticleKind, ArticlePage
from articles.page_cache import bump_published

JOIN_ACTION = "newsroom.continuation.join"
SPLIT_ACTION = "newsroom.continuation.split"

# Every warning about a join starts so (warning_kinds files them as
# "continuation"); a join removes them, they were about the missing link.
WARNING_PREFIX = "转版续文："
W_NO_HEAD = WARNING_PREFIX + "第{page}版上没有找到它所接的前文，请在“转版接续”中选定前文"
W_NO_EDITION = WARNING_PREFIX + "不知道出版日期或版次，无法找到所接的前文，请在“转版接续”中选定前文"
W_MANY = (WARNING_PREFIX + "第{page}版上有 {count} 篇稿件都可能是它所接的前文（{titles}），"
          "无法确定，请在“转版接续”中选定前文")

# Content matching: the tail's key words against each candidate's.
TAIL_KEY_WORDS = 8
HEAD_KEY_WORDS = 12
MIN_SHARED = 2  # fewer shared key words is chance, not evidence
NOT_HEADS = (ArticleKind.CONTINUATION, ArticleKind.FRAGMENT)


def candidates_for(tail: ArticlePage) -> list[ArticlePage]:
    """Stories on the page the tail says it continues, same edition and language."""
    if not tail.print_page_id or not tail.continued_from_page:
        return []
    qs = (
        ArticlePage.objects.filter(
            print_page__edition_date=tail.print_page.edition_date,
            print_page__page_number=tail.continued_from_page,
        )
        .exclude(kind__in=NOT_HEADS)
        .order_by("print_order", "pk")
    )
    if tail.locale_id:  # an imported page gets its locale when it is written
        qs = qs.filter(locale_id=tail.locale_id)
    if tail.pk:
        qs = qs.exclude(pk=tail.pk)
    return list(qs)


def _tail_words(tail: ArticlePage) -> set[str]:
    parts = [(p, 1.0) for p in tail.body_paragraphs()]
    if tail.title and not tail.headline_is_provisional:
        parts.append((tail.title, 3.0))
    return set(key_words(parts, TAIL_KEY_WORDS))


def _content_score(tail: ArticlePage, words: set[str], head: ArticlePage) -> int:
    """How strongly the tail's text points at this head (0: not at all)."""
    score = 0
    repeated = tail.title.strip() if not tail.headline_is_provisional else ""
    if repeated and (repeated in head.title or head.title in repeated):
        score += 100  # the headline repeated above the tail
    shared = len(words & set(article_key_words(head, HEAD_KEY_WORDS)))
    if shared >= MIN_SHARED:
        score += shared
    return score


def _clear_best(tail: ArticlePage, heads: list[ArticlePage]) -> ArticlePage | None:
    words = _tail_words(tail)
    scored = sorted(((_content_score(tail, words, h), h.pk, h) for h in heads), reverse=True)
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def match_head(tail: ArticlePage) -> tuple[ArticlePage | None, str | None]:
    """(the head, None) for one clear match, else (None, a warning for editors)."""
    if not tail.print_page_id or not tail.continued_from_page:
        return None, W_NO_EDITION
    heads = candidates_for(tail)
    here = tail.print_page.page_number
    marked = [h for h in heads if h.continues_on_page == here]
    if len(marked) == 1:
        return marked[0], None
    # Several marked heads: the text decides. None marked (the mark lost in
    # the page's text): only a clear content match counts.
    pool = marked or heads
    best = _clear_best(tail, pool)
    if best is not None:
        return best, None
    page = tail.continued_from_page
    if len(marked) > 1:
        titles = "、".join(f"《{h.title}》" for h in marked)
        return None, W_MANY.format(page=page, count=len(marked), titles=titles)
    return None, W_NO_HEAD.format(page=page)


def _without_join_warnings(warnings: Any) -> list[str]:
    return [w for w in (warnings or []) if not str(w).startswith(WARNING_PREFIX)]


def _store(tail: ArticlePage, head: ArticlePage | None, warnings: list[str]) -> None:
    """Write the link on the row and on the latest revision (what the edit
    form loads and publishing copies), so a later publish keeps it."""
    head_id = head.pk if head else None
    ArticlePage.objects.filter(pk=tail.pk).update(continues_id=head_id, import_warnings=warnings)
    revision = tail.latest_revision
    if revision is not None:
        revision.content["continues"] = head_id
        revision.content["import_warnings"] = _without_join_warnings(
            revision.content.get("import_warnings")
        ) if head else revision.content.get("import_warnings", [])
        revision.save(update_fields=["content"])
    tail.continues = head
    tail.import_warnings = warnings


def mark_head(head: ArticlePage, page_number: int | None) -> None:
    """Give a joined head without a 下转 mark (lost in the text, or joined by
    content or by hand) the page its tail is on: the head's page looks for
    its tails only when it has one (no query for every other article)."""
    if head.continues_on_page or not page_number:
        return
    ArticlePage.objects.filter(pk=head.pk).update(continues_on_page=page_number)
    revision = head.latest_revision
    if revision is not None:
        revision.content["continues_on_page"] = page_number
        revision.save(update_fields=["content"])
    head.continues_on_page = page_number


def join(
    tail: ArticlePage, head: ArticlePage, user: Any = None, *, by: str = "editor"
) -> ArticlePage:
    """Join a tail to its head; logged in the tail's history. Returns the
    tail as stored now."""
    if head.pk == tail.pk:
        raise ValueError("a story cannot continue itself")
    with transaction.atomic():
        tail = ArticlePage.objects.select_for_update().get(pk=tail.pk)
        _store(tail, head, _without_join_warnings(tail.import_warnings))
        mark_head(head, tail.print_page.page_number if tail.print_page_id else None)
        log_action(tail, JOIN_ACTION, user=user,
                   data={"head_id": head.pk, "head_title": head.title, "by": by})
        bump_published(instance=head)  # the head's page and listings change
    return tail


def split(tail: ArticlePage, user: Any = None) -> ArticlePage | None:
    """Undo a join; the tail is a held continuation again. Returns the old head."""
    with transaction.atomic():
        tail = ArticlePage.objects.select_for_update().get(pk=tail.pk)
        head = tail.continues
        if head is None:
            return None
        _store(tail, None, list(tail.import_warnings or []))
        log_action(tail, SPLIT_ACTION, user=user,
                   data={"head_id": head.pk, "head_title": head.title})
        bump_published(instance=head)
        if tail.live:
            # Unjoined, it is a held continuation again, not a story of its own.
            tail.unpublish(user=user, log_action=True)
    return head


def waiting_tails(head: ArticlePage) -> list[ArticlePage]:
    """Unjoined continuations of the same edition that may continue this head."""
    if not head.print_page_id or head.kind in NOT_HEADS:
        return []
    qs = ArticlePage.objects.filter(
        kind=ArticleKind.CONTINUATION,
        continues__isnull=True,
        continued_from_page=head.print_page.page_number,
        print_page__edition_date=head.print_page.edition_date,
        locale_id=head.locale_id,
    ).select_related("print_page")
    if head.continues_on_page:
        qs = qs.filter(print_page__page_number=head.continues_on_page)
    return list(qs)


def join_waiting_tails(head: ArticlePage, user: Any = None) -> list[ArticlePage]:
    """A head imported after its tail: join each waiting tail it now clearly
    matches (the tail's own view decides, as if it were imported now)."""
    joined = []
    for tail in waiting_tails(head):
        found, _warning = match_head(tail)
        if found is not None and found.pk == head.pk:
            joined.append(join(tail, head, user, by="importer"))
    return joined


class JoinFormatter(LogFormatter):
    label = _("接续转版稿件")

    def format_message(self, log_entry: Any) -> str:
        data = log_entry.data or {}
        if data.get("by") == "importer":
            return _("导入时接到前文《%(title)s》") % {"title": data.get("head_title", "")}
        return _("接到前文《%(title)s》") % {"title": data.get("head_title", "")}


class SplitFormatter(LogFormatter):
    label = _("拆开转版稿件")

    def format_message(self, log_entry: Any) -> str:
        return _("已与前文《%(title)s》拆开") % {
            "title": (log_entry.data or {}).get("head_title", "")
        }


def register(actions: Any) -> None:
    """For the register_log_actions hook."""
    actions.register_action(JOIN_ACTION)(JoinFormatter)
    actions.register_action(SPLIT_ACTION)(SplitFormatter)
