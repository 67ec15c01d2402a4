"""Which imported articles a publishing import may put live without an editor.

`--publish` (and any bulk publish of imported copy) goes through this gate:
only articles the parser is sure of are published; the rest stay drafts in
the review queue with the reasons listed here. The gate reads plain values so
that it can be checked on a parsed article before a page exists and on a page
afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# Reason codes, in the order an editor should deal with them.
FRAGMENT = "fragment"
CONTINUATION = "continuation"
PROVISIONAL_HEADLINE = "provisional_headline"
OPEN_WARNINGS = "open_warnings"
PHOTO_MISSING = "photo_missing"
# Not the importer's: a translation with untranslated text (editorial.translation_gate).
UNTRANSLATED = "untranslated"

REASON_LABELS = {
    FRAGMENT: _("未归属片段"),
    CONTINUATION: _("转版续文"),
    PROVISIONAL_HEADLINE: _("临时标题"),
    OPEN_WARNINGS: _("有未处理的导入提示"),
    PHOTO_MISSING: _("缺少图片"),
    UNTRANSLATED: _("译文未完成"),
}


@dataclass(frozen=True)
class GateInput:
    """What the gate needs to know about one imported article."""

    kind: str
    headline_is_provisional: bool
    open_warnings: int
    photo_blocks: int
    photos_with_image: int
    joined: bool = False  # a continuation joined to the story it continues


def hold_reasons(item: GateInput) -> list[str]:
    """The reason codes that keep an article a draft; empty means publishable."""
    reasons: list[str] = []
    if item.kind == "fragment":
        reasons.append(FRAGMENT)
    # The rest of a story from another page is not a story of its own: it
    # goes live only as part of its head, once joined to it.
    if item.kind == "continuation" and not item.joined:
        reasons.append(CONTINUATION)
    if item.headline_is_provisional:
        reasons.append(PROVISIONAL_HEADLINE)
    if item.open_warnings:
        reasons.append(OPEN_WARNINGS)
    # A photo item is its picture; a text story's photo slot without a picture
    # would show readers a placeholder box.
    if item.photo_blocks > item.photos_with_image or (
        item.kind == "photo" and item.photos_with_image == 0
    ):
        reasons.append(PHOTO_MISSING)
    return reasons


def photo_counts(stream: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """(photo blocks, photo blocks with an image) in raw StreamField data."""
    photos = with_image = 0
    for block in stream:
        if block.get("type") != "photo":
            continue
        photos += 1
        value = block.get("value") or {}
        if value.get("image"):
            with_image += 1
    return photos, with_image


def gate_input_for_page(page: Any) -> GateInput:
    """GateInput for an ArticlePage (read from its fields, no queries)."""
    photos, with_image = photo_counts(page.body.raw_data)
    # Resolving a warning moves it out of import_warnings (see
    # editorial.warnings): what is left there is open, reviewed or not.
    return GateInput(
        kind=page.kind,
        headline_is_provisional=bool(page.headline_is_provisional),
        open_warnings=len(page.import_warnings or ()),
        photo_blocks=photos,
        photos_with_image=with_image,
        joined=bool(getattr(page, "continues_id", None)),
    )


def page_hold_reasons(page: Any) -> list[str]:
    """hold_reasons() for an ArticlePage as it would be published."""
    return hold_reasons(gate_input_for_page(page))


def count_by_reason(reason_lists: Iterable[Iterable[str]]) -> dict[str, int]:
    """{reason: number of articles held for it}, in the gate's reason order."""
    counts = dict.fromkeys(REASON_LABELS, 0)
    for reasons in reason_lists:
        for reason in reasons:
            counts[reason] += 1
    return {reason: n for reason, n in counts.items() if n}


def describe_counts(counts: Mapping[str, int]) -> str:
    """{reason: n} as 「临时标题 3、缺少图片 2」."""
    return "、".join(f"{REASON_LABELS[r]} {n}" for r, n in counts.items())


def describe(reasons: Iterable[str]) -> str:
    """The reasons as one Chinese phrase for summaries and the admin."""
    return "、".join(str(REASON_LABELS[r]) for r in reasons)
