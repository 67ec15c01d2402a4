"""Small pure pieces: file-name editions, source collection, body blocks, slugs."""

import datetime

import pytest

from importers.content import body_stream, slug_base
from importers.filenames import EditionHint, edition_from_filename
from importers.parsing import Block
from importers.sources import collect_sources


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2023-04-21_03.txt", EditionHint(datetime.date(2023, 4, 21), 3)),
        ("20230421-03.txt", EditionHint(datetime.date(2023, 4, 21), 3)),
        ("2023-04-21-p3.txt", EditionHint(datetime.date(2023, 4, 21), 3)),
        ("2023-04-21_第3版.txt", EditionHint(datetime.date(2023, 4, 21), 3)),
        ("pages/20230421_p12.txt", EditionHint(datetime.date(2023, 4, 21), 12)),
        ("2023-04-21.txt", EditionHint(datetime.date(2023, 4, 21), None)),
        ("000_295e818e06cf966f.txt", EditionHint()),
        ("20231341-02.txt", EditionHint()),  # not a date
        ("a20230421b.txt", EditionHint()),  # digits inside a word
    ],
)
def test_edition_from_filename(name, expected):
    assert edition_from_filename(name) == expected


def test_collect_sources_files_folders_and_missing(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("x")
    (tmp_path / "d" / "sub" / "a.txt").write_text("x")
    (tmp_path / "d" / "skip.md").write_text("x")
    single = tmp_path / "single.txt"
    single.write_text("x")
    sources = collect_sources(
        [str(tmp_path / "d"), str(single), str(tmp_path / "d" / "b.txt"), str(tmp_path / "no.txt")]
    )
    assert [s.display for s in sources] == [
        str(tmp_path / "d" / "b.txt"),
        str(tmp_path / "d" / "sub" / "a.txt"),
        str(single),
        str(tmp_path / "no.txt"),  # b.txt given twice is read once
    ]
    assert [s.missing for s in sources] == [False, False, False, True]
    assert sources[-1].problem == "文件不存在"


def test_body_stream_maps_every_block_type():
    stream = body_stream(
        [
            Block("heading", text="小标题"),
            Block("paragraph", text="段落。"),
            Block("photo", caption="说明", credit="本报记者 陈华 摄", photographers=["陈华"]),
            Block("quote", text="引文", credit="某人"),
            Block("paragraph", text=""),
        ]
    )
    assert [(b["type"], b["value"]) for b in stream] == [
        ("heading", "小标题"),
        ("paragraph", "段落。"),
        ("photo", {"image": None, "caption": "说明", "credit": "本报记者 陈华 摄"}),
        ("quote", {"text": "引文", "attribution": "某人"}),
    ]
    assert len({b["id"] for b in stream}) == 4


def test_slug_base_keeps_chinese_and_prefixes_the_edition():
    assert slug_base("你去安心上班 工会帮着带娃", None) == "你去安心上班-工会帮着带娃"
    assert slug_base("“工匠讲堂”开讲啦", datetime.date(2023, 4, 21)) == "2023-04-21-工匠讲堂开讲啦"
    assert slug_base("！？", None) == "article"
    assert len(slug_base("长" * 300, None)) == 80
