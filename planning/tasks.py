"""Celery discovers tasks here; each feature keeps its tasks in planning/tasks_<feature>.py."""

from planning.tasks_notifications import notification_email_send  # noqa: F401
from planning.tasks_pdf import plan_pdf_render  # noqa: F401, E402
