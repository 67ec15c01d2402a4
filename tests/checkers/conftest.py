"""The checkers' shared site and a summary of what each checker counted."""

from __future__ import annotations

import pytest

# Counts recorded during the current test; they travel on its report, so the
# summary has them when pytest-xdist ran the test in another process.
PENDING: list[tuple[str, str]] = []
# The summary is printed by tests/conftest.py, which every process loads.
PROPERTY = "checker counts"


def record(checker: str, summary: str, findings: list[str] = ()) -> None:
    """Keep a checker's counts for the end-of-run summary; print them and each finding now."""
    PENDING.append((checker, summary))
    print(f"{checker}: {summary}")  # noqa: T201 - the counts are the checker's report
    for finding in findings:
        print(f"  {finding}")  # noqa: T201


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and PENDING:
        report.user_properties.extend((PROPERTY, list(entry)) for entry in PENDING)
        PENDING.clear()


@pytest.fixture
def checker_site(db):
    from tests.checkers.site import build_checker_site

    return build_checker_site()
