"""Create the page tree a fresh installation needs; safe to run any number of times."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from articles.models import SectionPage
from editorial.setup import ensure_editorial_setup
from home.models import HomePage

DEFAULT_LANGUAGE = "zh-hans"
SECOND_LANGUAGE = "en"


@dataclass(frozen=True)
class SectionSpec:
    title: str
    slug: str
    english: str
    is_inbox: bool = False


SECTIONS = (
    SectionSpec("要闻", "yaowen", "Top News"),
    SectionSpec("工会动态", "gonghui-dongtai", "Union News"),
    SectionSpec("劳动者", "laodongzhe", "Workers"),
    SectionSpec("新闻特写", "xinwen-texie", "Features"),
    SectionSpec("图片新闻", "tupian-xinwen", "Photo News"),
    SectionSpec("职工之声", "zhigong-zhisheng", "Workers' Voices"),
    SectionSpec("待审稿件", "daishen-gaojian", "Awaiting Review", is_inbox=True),
)
INBOX_SLUG = "daishen-gaojian"


@dataclass
class SetupReport:
    created: list[str]

    def __bool__(self) -> bool:
        return bool(self.created)


@transaction.atomic
def ensure_site(site_name: str = "工人日报", translate: bool = True) -> SetupReport:
    report = SetupReport(created=[])
    zh, created = Locale.objects.get_or_create(language_code=DEFAULT_LANGUAGE)
    if created:
        report.created.append(f"locale {DEFAULT_LANGUAGE}")
    en, created = Locale.objects.get_or_create(language_code=SECOND_LANGUAGE)
    if created:
        report.created.append(f"locale {SECOND_LANGUAGE}")

    _ensure_roots(zh, report)
    home = _ensure_home(site_name, zh, report)
    sections = [_ensure_section(home, spec, report) for spec in SECTIONS]
    if translate:
        _ensure_english(home, sections, en, report)
    _ensure_editorial(report)
    return report


def _ensure_editorial(report: SetupReport) -> None:
    homes = list(HomePage.objects.filter(depth=2).select_related("locale").order_by("path"))
    ensure_editorial_setup(homes, report.created)


def _ensure_roots(locale: Locale, report: SetupReport) -> None:
    """Wagtail's root page and root collection, normally made by its migrations.

    A flushed database (``manage.py flush``, transactional tests) has neither.
    """
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
        report.created.append("root page")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
        report.created.append("root collection")


def _ensure_home(site_name: str, locale: Locale, report: SetupReport) -> HomePage:
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's stock welcome page would otherwise take the slug and the site.
        for welcome in root.get_children().filter(slug="home").exclude(
            content_type__model="homepage"
        ):
            welcome.delete()
        home = root.add_child(
            instance=HomePage(title=site_name, slug="home", locale=locale, live=True)
        )
        home.save_revision().publish()
        report.created.append("home page")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name=site_name,
        )
        report.created.append("site")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site_name
        site.save()
        report.created.append("site root")
    return home


def _ensure_section(home: HomePage, spec: SectionSpec, report: SetupReport) -> SectionPage:
    section = SectionPage.objects.child_of(home).filter(slug=spec.slug).first()
    if section is None:
        section = home.add_child(
            instance=SectionPage(
                title=spec.title,
                slug=spec.slug,
                is_inbox=spec.is_inbox,
                show_in_menus=not spec.is_inbox,
                locale=home.locale,
            )
        )
        section.save_revision().publish()
        report.created.append(f"section {spec.title}")
    return section


def _ensure_english(
    home: HomePage, sections: list[SectionPage], en: Locale, report: SetupReport
) -> None:
    from wagtail_localize.operations import TranslationCreator

    english_titles = {spec.slug: spec.english for spec in SECTIONS}
    for page in [home, *sections]:
        if page.has_translation(en):
            continue
        # A fresh creator and fresh rows each time: wagtail-localize saves the
        # parent's translation, and a stale instance would overwrite its tree counters.
        TranslationCreator(user=None, target_locales=[en]).create_translations(
            Page.objects.get(pk=page.pk).specific
        )
        translated = page.get_translation(en).specific
        # Readable English navigation until a translator refines it.
        translated.title = english_titles.get(page.slug, "Workers' Daily")
        translated.save_revision().publish()
        report.created.append(f"english {page.slug}")


def inbox_section(locale: Locale | None = None) -> SectionPage:
    locale = locale or Locale.get_default()
    return SectionPage.objects.get(slug=INBOX_SLUG, locale=locale)
