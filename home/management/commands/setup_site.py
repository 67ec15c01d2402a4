from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home.site_setup import ensure_site


class Command(BaseCommand):
    help = _("Create the home page, sections, inbox and English locale if they are missing.")

    def add_arguments(self, parser):
        parser.add_argument("--site-name", default="工人日报")

    def handle(self, *args, site_name: str, **options):
        report = ensure_site(site_name=site_name)
        if report:
            for item in report.created:
                self.stdout.write(_("created: %s") % item)
        else:
            self.stdout.write(_("Page tree already complete; nothing to do."))
