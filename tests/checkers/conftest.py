"""The checkers' shared site and a summary of what each checker counted."""

from __future__ import annotations

import pytest

COUNTS: dict[str, str] = {}


def record(checker: str, summary: str, findings: list[str] = ()) -> None:
    """Keep a checker's counts for the end-of-run summary; print them and each finding now."""
    COUNTS[checker] = summary
    print(f"{checker}: {summary}")  # noqa: T201 - the counts are the checker's report
    for finding in findings:
        print(f"  {finding}")  # noqa: T201


def pytest_terminal_summary(terminalreporter):
    if COUNTS:
        terminalreporter.section("checkers")
        for checker, summary in COUNTS.items():
            terminalreporter.write_line(f"{checker}: {summary}")


@pytest.fixture
def checker_site(db):
    from tests.checkers.site import build_checker_site

    return build_checker_site()
