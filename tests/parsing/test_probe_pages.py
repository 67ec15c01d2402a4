"""The probe pages: pages of many forms the parser was not written around.

A floor, not a target: the scores below are what the parser reaches today,
so a change that loses ground on any convention fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.parsing import parse_bytes

from .probe_scoring import overall, score_pages

PROBE = Path(__file__).resolve().parents[1] / "fixtures" / "probe"


def _parse(path: Path):
    return parse_bytes(path.read_bytes(), source=path.name)


@pytest.fixture(scope="module")
def checks() -> dict[str, list[bool]]:
    return score_pages(PROBE / "raw", sorted((PROBE / "gold").glob("*.json")), _parse)


def test_every_probe_article_is_found(checks) -> None:
    assert all(checks["found"])


def test_probe_overall_score(checks) -> None:
    assert overall(checks) >= 0.99


@pytest.mark.parametrize(("check", "floor"), [
    ("titles", 1.0), ("names", 1.0), ("photo_credit", 1.0), ("body_start", 1.0),
    ("no_merge", 1.0), ("sections", 1.0), ("contains", 1.0),
])
def test_probe_score_per_check(checks, check: str, floor: float) -> None:
    results = checks[check]
    assert sum(results) / len(results) >= floor, f"{check}: {sum(results)}/{len(results)}"


@pytest.mark.parametrize("name", [
    "p01_plain_kicker_prompt.txt", "p02_plain_three_bylines.txt", "e01_epaper_chrome.txt",
    "e02_epaper_issue_nav.txt", "e03_epaper_meta_line.txt", "fl01_flattened_lines.txt",
    "fl02_flattened_photo.txt", "h01_html_epaper.txt", "h02_html_photos.txt",
    "t01_traditional_plain.txt", "t02_traditional_epaper.txt", "b01_briefs_bylines.txt",
    "ph01_photo_page.txt", "x01_datelines.txt",
])
def test_one_paragraph_per_line_pages_are_read_exactly(name: str) -> None:
    """Plain, e-paper, flattened, HTML and traditional pages: every check passes."""
    got = score_pages(PROBE / "raw", [PROBE / "gold" / f"{Path(name).stem}.json"], _parse)
    failed = {k: v.count(False) for k, v in got.items() if not all(v)}
    assert not failed
