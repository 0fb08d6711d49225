"""Queue background work from services without importing task modules.

Tasks import services (inside the function); services name the task they want, so no service module
imports a task module and the two never form an import cycle. The task is looked up in the app's
registry, so `CELERY_TASK_ALWAYS_EAGER` (the embedded default of `make run`) still runs it in-process.
"""

from celery import current_app
from django.db import transaction


def job_enqueue_on_commit(task_name: str, *args) -> None:
    """Queue `task_name` with `args` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: current_app.tasks[task_name].delay(*args))
