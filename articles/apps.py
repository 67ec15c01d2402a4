from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("文章")

    def ready(self):
        # cycle: the signal handlers import the models, which exist only once
        # the app registry is ready, after this module has loaded.
        from articles import signals

        signals.connect()
