"""The parse corpus stays consistent with its raw pages (so its scores keep meaning something)."""

import json
import shutil
from pathlib import Path

import pytest

from tools.parse_gold import load_corpus, validate, validate_file
from tools.textnorm import canon

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
corpus = load_corpus(CORPUS)


@pytest.mark.parametrize("source", sorted(corpus.files))
def test_every_gold_string_is_in_its_raw_page(source):
    assert validate_file(corpus.files[source], corpus.conventions) == []


def test_the_corpus_as_a_whole_is_consistent():
    """Every raw page has gold, every page lists conventions, every convention has a page."""
    assert validate(corpus) == []


def test_the_corpus_covers_every_convention_of_issue_10():
    numbered = {d.split(")")[0] for d in corpus.conventions.values() if d.startswith("(")}
    assert numbered == {f"({n}" for n in range(1, 10)}
    assert len(corpus.files) >= 30


def test_raw_pages_are_the_text_an_operator_would_feed_in():
    for path in (CORPUS / "raw").iterdir():
        assert path.suffix in {".txt", ".html"}, path.name
        path.read_text(encoding="utf-8")


def test_canon_ignores_width_and_whitespace():
    assert canon("本报讯（记者　张 三）\n") == canon("本报讯(记者张三)")


@pytest.fixture
def copy_of_corpus(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path / "corpus"


def _edit_gold(root: Path, name: str, change) -> None:
    path = root / "gold" / name
    gold = json.loads(path.read_text(encoding="utf-8"))
    change(gold)
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_the_validator_finds_a_headline_that_is_not_in_the_page(copy_of_corpus):
    def retitle(gold):
        gold["articles"][0]["headline"] = "一条页面上没有的标题"
        gold["articles"][0]["title_lines"][-1] = "一条页面上没有的标题"

    _edit_gold(copy_of_corpus, "pl03_plain_briefs_1998.json", retitle)
    problems = validate(load_corpus(copy_of_corpus))
    assert any("pl03-1: headline" in p for p in problems)
    assert any("pl03-1: title_lines" in p for p in problems)


def test_the_validator_finds_bodies_out_of_order(copy_of_corpus):
    def swap(gold):
        gold["articles"].reverse()

    _edit_gold(copy_of_corpus, "pl03_plain_briefs_1998.json", swap)
    problems = validate(load_corpus(copy_of_corpus))
    assert any("body_start not found after the previous article" in p for p in problems)


def test_the_validator_finds_a_page_without_gold(copy_of_corpus):
    (copy_of_corpus / "raw" / "zz_new_page.txt").write_text("新页面\n", encoding="utf-8")
    assert "raw/zz_new_page.txt: no gold file" in validate(load_corpus(copy_of_corpus))


def test_the_corpus_readme_lists_every_page():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert [name for name in sorted(corpus.files) if f"`{name}`" not in readme] == []
