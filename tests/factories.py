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
