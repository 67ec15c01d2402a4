"""Article, section, author and print-edition models."""

from .article import ArticleAuthor, ArticleCorrection, ArticleKind, ArticlePage, ArticlePageTag
from .author import Author, AuthorRole
from .print_edition import PrintPage
from .section import SectionLeadStory, SectionPage

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticleKind",
    "ArticlePage",
    "ArticlePageTag",
    "Author",
    "AuthorRole",
    "PrintPage",
    "SectionLeadStory",
    "SectionPage",
]
