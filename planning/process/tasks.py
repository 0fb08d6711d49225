"""The daily reminder sweep. Beat queues it at 07:00 Copenhagen time; it finds what is due itself, so no
reminder is ever scheduled days ahead as an eta/countdown (Redis would redeliver it after the visibility
timeout). Reruns and retries are safe: every delivery is claimed by a unique row before it is sent."""

from datetime import date

from celery import shared_task
from django.db import DatabaseError


@shared_task(
    name="planning.reminder_sweep",
    autoretry_for=(DatabaseError, OSError),
    retry_backoff=60,
    retry_backoff_max=15 * 60,
    retry_jitter=True,
    retry_kwargs={"max_retries": 3},
    soft_time_limit=10 * 60,
    time_limit=12 * 60,
    expires=6 * 60 * 60,
)
def reminder_sweep(day: str | None = None) -> dict:
    from planning.process.services import reminder_sweep_run

    return reminder_sweep_run(today=date.fromisoformat(day) if day else None).as_dict()
