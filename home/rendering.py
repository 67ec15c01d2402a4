"""Pages the home page serves under itself (authors, tags, archive…): its
template context plus the route's own, and paginated lists of article cards."""

from __future__ import annotations

from django.template.response import TemplateResponse

from articles.listing import attach_sections, paginate
from articles.models.section import sections_for
from articles.thumbnails import attach_thumbnails


def base_context(page, request) -> dict:
    return {"page": page, "self": page, "request": request}


def render(request, template: str, page, context: dict):
    full = base_context(page, request)
    full.update(context)
    return TemplateResponse(request, template, full)


def render_listing(request, home, template: str, articles, context: dict):
    """A paginated list of articles (author, tag and corrections pages)."""
    sections = sections_for(request, home.locale_id)
    page_obj, page_range = paginate(request, articles)
    page_obj.object_list = attach_thumbnails(
        attach_sections(list(page_obj.object_list), sections)
    )
    return render(
        request, template, home, {"page_obj": page_obj, "page_range": page_range, **context}
    )
