"""--publish publishes what the parser placed, never an unplaced fragment."""

import pytest

from articles.models import ArticlePage
from tests.importers.conftest import run_import

pytestmark = pytest.mark.django_db


def test_publish_holds_back_fragments(site_tree, fake_parser, write):
    path = write("page.txt", "好稿件\n正文。\n---\n零散文字\nkind: fragment\n不知归属的一句。")
    result = run_import(path, publish=True, parser=fake_parser)
    assert result.created == 2
    article = ArticlePage.objects.get(source_name="page.txt", source_position=0)
    fragment = ArticlePage.objects.get(source_name="page.txt", source_position=1)
    assert article.live
    assert fragment.kind == "fragment" and not fragment.live
