from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("编辑部工具")

    def ready(self):
        # cycle: the signal handlers import the models, which exist only once
        # the app registry is ready, after this module has loaded.
        from editorial import signals

        signals.connect()
