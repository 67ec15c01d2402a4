"""Navigation, language switcher, pagination and formatting for the public pages."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe

from articles import page_meta, structured_data
from articles.listing import section_url
from articles.models.section import sections_for
from articles.navigation import populated_sections
from articles.site_urls import home_route_url, home_url, print_page_url

register = template.Library()


def _language(context) -> str:
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return translation.get_language() or "zh-hans"


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    return _language(context)


@register.inclusion_tag("includes/nav.html", takes_context=True)
def site_nav(context):
    request = context.get("request")
    page = context.get("page")
    language = _language(context)
    sections = []
    if request is not None:
        locale_id = getattr(page, "locale_id", None)
        if locale_id is None:
            from wagtail.models import Locale

            locale = Locale.objects.filter(language_code=language).first()
            locale_id = locale.pk if locale else None
        if locale_id is not None:
            # Only sections a reader finds articles in (an English section
            # shows the Chinese stories until it has translations).
            populated = populated_sections(request)
            fallback = language != settings.LANGUAGE_CODE
            sections = [
                s
                for s in sections_for(request, locale_id)
                if s.show_in_menus
                and not s.is_inbox
                and populated.has_articles(s, with_fallback=fallback)
            ]
            for s in sections:
                section_url(s)  # once per request: section.cached_url
    current_path = page.path if page is not None and hasattr(page, "path") else ""
    if context.get("route_title"):  # a route under the home page (search, archive…)
        current_path = ""
    home = home_url(language)
    return {
        "sections": sections,
        "current_path": current_path,
        "home_url": home,
        "archive_current": request is not None
        and request.path.startswith(home + "archive/"),
        "request": request,
    }


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def head_meta(context):
    """Canonical, hreflang alternates, description, cards, feeds and icons (page_meta)."""
    return {"meta": page_meta.head_meta(context)}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, where a live translation exists."""
    request = context.get("request")
    page = context.get("page")
    current = _language(context)
    links = []
    if page is not None and request is not None and hasattr(page, "get_translations"):
        links = [
            {"code": code, "name": dict(LANGUAGE_NAMES).get(code, ""), "url": url}
            for code, url in page_meta.page_translations(request, page)
            if code != current
        ]
    return {"links": links, "current": current}


LANGUAGE_NAMES = (("zh-hans", "中文"), ("en", "English"))


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj, page_range):
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    if "page" in params:
        del params["page"]
    base = params.urlencode() if params else ""
    prefix = f"?{base}&page=" if base else "?page="
    return {"page_obj": page_obj, "page_range": page_range, "prefix": prefix}


@register.simple_tag(takes_context=True)
def route_url(context, name, *args):
    return home_route_url(_language(context), name, *args)


@register.simple_tag(takes_context=True)
def print_page_link(context, print_page):
    return print_page_url(_language(context), print_page.edition_date, print_page.page_number)


@register.simple_tag(takes_context=True)
def home_link(context):
    return home_url(_language(context))


@register.filter
def long_date(value):
    if not value:
        return ""
    if hasattr(value, "astimezone"):
        from django.utils import timezone

        value = timezone.localtime(value)
    if (translation.get_language() or "").startswith("zh"):
        return date_format(value, "Y年n月j日")
    return date_format(value, "j F Y")


@register.simple_tag
def month_label(value, short=False):
    """2023年4月 (or 4月 with short) in Chinese, April 2023 (April) in English."""
    if (translation.get_language() or "").startswith("zh"):
        return date_format(value, "n月" if short else "Y年n月")
    return date_format(value, "F" if short else "F Y")


@register.simple_tag
def weekday_names():
    """Monday-first column headings of the edition calendar: (short, full) pairs."""
    from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

    if (translation.get_language() or "").startswith("zh"):
        return [(str(WEEKDAYS[i])[-1], str(WEEKDAYS[i])) for i in range(7)]
    return [(str(WEEKDAYS_ABBR[i]), str(WEEKDAYS[i])) for i in range(7)]


@register.filter
def iso_datetime(value):
    """A <time datetime> / meta value: ISO 8601 to the second, in the newsroom's time zone."""
    return structured_data.iso_datetime(value)


@register.filter
def weekday(value):
    return date_format(value, "l") if value else ""


@register.filter
def jsonld(data):
    """A JSON-LD script body, escaped so text can never close the <script>."""
    return mark_safe(structured_data.dump_jsonld(data))  # noqa: S308 - <, > and & are escaped
