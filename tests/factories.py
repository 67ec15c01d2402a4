"""Small builders for pages used across tests."""

from typing import Any

from articles.models import ArticlePage, SectionPage


def paragraphs(*texts: str) -> list[tuple[str, Any]]:
    return [("paragraph", text) for text in texts]


def make_article(section: SectionPage, *, publish: bool = True, **fields: Any) -> ArticlePage:
    fields.setdefault("title", "测试稿件")
    fields.setdefault("body", paragraphs("第一段正文。"))
    fields.setdefault("live", publish)
    article = section.add_child(instance=ArticlePage(**fields))
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def attach_test_photo(article: ArticlePage, title: str = "焊花"):
    """Give an article's photo blocks a real (test) image and republish it."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title=title, file=get_test_image_file())
    body = article.body.raw_data
    for block in body:
        if block["type"] == "photo":
            block["value"]["image"] = image.pk
    article.body = body
    article.save_revision().publish()
    return image
