from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("编辑部工具")

    def ready(self):
        from wagtail.signals import page_published

        # cycle: the models, and the signal handlers that import them, exist
        # only once the app registry is ready, after this module has loaded.
        from articles.models import ArticlePage
        from editorial import reviewing, signals  # cycle: they import the models

        signals.connect()
        # Publishing an imported article (other than by the importer) reviews it.
        page_published.connect(
            reviewing.on_page_published, sender=ArticlePage, dispatch_uid="editorial-mark-reviewed"
        )
