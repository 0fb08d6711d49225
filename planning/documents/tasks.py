"""The PDF task: thin, idempotent, on the `pdf` queue (CELERY_TASK_ROUTES in config/settings.py)."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

logger = logging.getLogger(__name__)

SOFT_TIME_LIMIT = 240
TIME_LIMIT = 300


@shared_task(
    name="planning.plan_pdf_render", bind=True, soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT
)
def plan_pdf_render(self, document_id: int) -> None:
    """Render one PlanDocument; returns at once if it is done or another worker has claimed it."""
    from planning.documents.services import MESSAGE_TIMEOUT, plan_document_fail, plan_document_render

    task_id = self.request.id or ""
    try:
        plan_document_render(document_id=document_id, task_id=task_id)
    except SoftTimeLimitExceeded:  # raised outside the render itself (e.g. while claiming): still never hang
        logger.exception("PDF document %s hit the soft time limit (task %s)", document_id, task_id)
        plan_document_fail(document_id=document_id, message=str(MESSAGE_TIMEOUT))
