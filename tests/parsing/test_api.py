"""Public API, JSON shape and the command line."""

from __future__ import annotations

import json

from importers.parsing import ParsedFile, ParseHints, parse_bytes, parse_text
from importers.parsing.__main__ import main

from .helpers import page_path

ARTICLE_KEYS = {"kind", "column", "kicker", "headline", "subheadline", "byline", "authors",
                "reader_prompt", "dateline", "continued_from_page", "continues_on_page", "body",
                "warnings"}


def test_to_dict_has_the_dry_run_shape() -> None:
    d = parse_bytes(page_path("001").read_bytes(), source="p.txt").to_dict()
    assert set(d) == {"source", "sha256", "encoding", "flavour", "error", "edition",
                   "articles"}
    assert all(set(a) == ARTICLE_KEYS for a in d["articles"])
    photo = d["articles"][1]["body"][0]
    assert set(photo) == {"type", "caption", "credit", "photographers"}
    assert d["articles"][0]["authors"][0] == {"name": "鹿慧敏", "role": "reporter"}


def test_sha256_is_of_the_raw_bytes() -> None:
    import hashlib

    data = page_path("002").read_bytes()
    assert parse_bytes(data).sha256 == hashlib.sha256(data).hexdigest()


def test_positions_are_in_file_order() -> None:
    arts = parse_bytes(page_path("004").read_bytes()).articles
    assert [a.position for a in arts] == list(range(len(arts)))


def test_raw_text_keeps_the_source_lines() -> None:
    a = parse_bytes(page_path("000").read_bytes()).articles[2]
    assert "本报讯（记者邢生祥）" in a.raw_text


def test_empty_file_error_names_the_file() -> None:
    result = parse_bytes(b"", source="blank.txt")
    assert result.error == "blank.txt: empty file" and result.articles == []


def test_binary_file_error() -> None:
    result = parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="x.png")
    assert "binary" in result.error and result.flavour == ""


def test_one_huge_line_is_parsed() -> None:
    result = parse_text("工会" * 50000 + "。")
    assert result.error is None and len(result.articles) == 1


def test_hints_are_accepted() -> None:
    import datetime

    hints = ParseHints(edition_date=datetime.date(2023, 4, 21), page=3)
    assert isinstance(parse_text("正文。", hints=hints), ParsedFile)


def test_cli_prints_json_for_each_file(capsys, tmp_path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code = main(["--format", "json", str(page_path("003")), str(bad)])
    out = json.loads(capsys.readouterr().out)
    assert [f["error"] is None for f in out["files"]] == [True, False]
    assert code == 1


def test_cli_text_report(capsys) -> None:
    assert main([str(page_path("000"))]) == 0
    assert "职工小家“下乡”" in capsys.readouterr().out
