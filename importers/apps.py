from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    name = "importers"
    verbose_name = _("稿件导入")

    def ready(self) -> None:
        from wagtail.signals import page_published

        # cycle: models exist only once the app registry is ready, after this
        # module (imported by INSTALLED_APPS) has loaded.
        from articles.models import ArticlePage

        from .signals import on_page_published  # cycle: it imports the models

        page_published.connect(
            on_page_published, sender=ArticlePage, dispatch_uid="importers-mark-reviewed"
        )
