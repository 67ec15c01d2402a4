"""The publish gate: what a publishing import may put live unseen."""

import pytest

from importers.publish_gate import (
    CONTINUATION,
    FRAGMENT,
    OPEN_WARNINGS,
    PHOTO_MISSING,
    PROVISIONAL_HEADLINE,
    GateInput,
    describe,
    hold_reasons,
    photo_counts,
)


def item(**overrides) -> GateInput:
    values = dict(
        kind="article", headline_is_provisional=False, open_warnings=0,
        photo_blocks=0, photos_with_image=0,
    )
    values.update(overrides)
    return GateInput(**values)


def test_a_sure_article_passes():
    assert hold_reasons(item()) == []


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"kind": "fragment"}, FRAGMENT),
        ({"kind": "continuation"}, CONTINUATION),
        ({"headline_is_provisional": True}, PROVISIONAL_HEADLINE),
        ({"open_warnings": 2}, OPEN_WARNINGS),
        ({"photo_blocks": 2, "photos_with_image": 1}, PHOTO_MISSING),
        ({"kind": "photo"}, PHOTO_MISSING),
    ],
)
def test_each_doubt_holds_the_article(overrides, reason):
    assert hold_reasons(item(**overrides)) == [reason]


def test_a_photo_item_with_its_pictures_passes():
    assert hold_reasons(item(kind="photo", photo_blocks=1, photos_with_image=1)) == []


def test_reasons_accumulate_in_a_stable_order():
    reasons = hold_reasons(
        item(kind="photo", headline_is_provisional=True, open_warnings=1)
    )
    assert reasons == [PROVISIONAL_HEADLINE, OPEN_WARNINGS, PHOTO_MISSING]
    assert describe(reasons) == "临时标题、有未处理的导入提示、缺少图片"


def test_photo_counts_reads_raw_stream_data():
    stream = [
        {"type": "paragraph", "value": "正文"},
        {"type": "photo", "value": {"image": None, "caption": "图为"}},
        {"type": "photo", "value": {"image": 7, "caption": "图为"}},
    ]
    assert photo_counts(stream) == (2, 1)
