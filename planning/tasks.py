"""Celery discovers tasks here: one import line per feature's `tasks.py`."""

from planning.documents.tasks import plan_pdf_render  # noqa: F401
from planning.hearings.tasks import hearing_invitations_send, hearing_receipt_send, hearing_reminder_sweep  # noqa: F401
from planning.meetings.tasks import question_reminder_sweep  # noqa: F401
from planning.notifications.tasks import notification_email_send  # noqa: F401
from planning.process.tasks import reminder_sweep  # noqa: F401
from planning.review.tasks import notification_digest_send, notification_digest_user_send  # noqa: F401
