"""Article boundaries and title blocks, for both source flavours.

Each builder turns the file into `Unit`s and walks them once, opening a new
`Draft` where newspaper conventions say an item starts (`marked.py` for
marked-up text, `columns.py` for PDF column text). `finish.py` refines the
drafts into `ParsedArticle`s.
"""

from .columns import build_pdf, pdf_units
from .marked import build_marked, marked_units
from .units import ADDRESS_END, Draft, Unit

__all__ = ["ADDRESS_END", "Draft", "Unit", "build_marked", "build_pdf", "marked_units",
           "pdf_units"]
