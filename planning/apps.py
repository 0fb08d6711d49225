from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Nærsundhedsplaner")

    def ready(self) -> None:
        # Register every feature's Celery tasks in every process (web too), so services can queue them
        # by name (planning.common.jobs) without importing task modules.
        from planning import tasks  # noqa: F401
