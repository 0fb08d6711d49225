"""Celery discovers tasks here; each feature keeps its tasks in planning/tasks_<feature>.py."""

from planning.tasks_hearings import hearing_invitations_send, hearing_receipt_send, hearing_reminder_sweep  # noqa: F401
from planning.tasks_meetings import question_reminder_sweep  # noqa: F401
from planning.tasks_notifications import notification_email_send  # noqa: F401
from planning.tasks_pdf import plan_pdf_render  # noqa: F401
from planning.tasks_process import reminder_sweep  # noqa: F401
from planning.tasks_review import notification_digest_send, notification_digest_user_send  # noqa: F401
