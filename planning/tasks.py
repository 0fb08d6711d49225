"""Celery discovers tasks here; each feature keeps its tasks in planning/tasks_<feature>.py."""

from planning.tasks_notifications import notification_email_send  # noqa: F401
from planning.tasks_process import reminder_sweep  # noqa: F401, E402
