"""The checkers' shared site and a summary of what each checker counted."""

from __future__ import annotations

import pytest

# Counts recorded during the current test; they travel on its report, so the
# summary has them when pytest-xdist ran the test in another process.
PENDING: list[tuple[str, str]] = []
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


def pytest_terminal_summary(terminalreporter):
    counts = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == PROPERTY:
                    checker, summary = value
                    counts[checker] = summary
    if counts:
        terminalreporter.section("checkers")
        for checker, summary in counts.items():
            terminalreporter.write_line(f"{checker}: {summary}")


@pytest.fixture
def checker_site(db):
    from tests.checkers.site import build_checker_site

    return build_checker_site()
