import pytest
from articles.models import ArticleCorrection, ArticlePage
pytestmark = pytest.mark.django_db
def test_x(client, demo):
    article = demo["laomo-jingshen"]
    article.corrections.add(ArticleCorrection(date="2023-04-25", text="新的更正。"))
    rev = article.save_revision()
    print("rev content corrections", rev.content.get("corrections"))
    rev.publish()
    print(list(ArticlePage.objects.get(pk=article.pk).corrections.values_list("text", flat=True)))
