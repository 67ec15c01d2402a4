"""A feed reader's parser (feedparser) over every feed the site offers."""

import pytest
from django.conf import settings

from tests.checkers.conftest import record
from tests.checkers.tools import feed_findings

pytestmark = pytest.mark.checkers


def test_every_feed_parses_with_stable_guids_and_descriptions(client, checker_site):
    items, findings = 0, []
    for name, url in checker_site.feeds.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        count, found = feed_findings(name, response.content, settings.PUBLIC_BASE_URL)
        items += count
        findings += found

    record(
        "feedparser",
        f"{len(findings)} problems in {items} items of {len(checker_site.feeds)} feeds",
        findings,
    )
    assert items > 0
    assert findings == []
