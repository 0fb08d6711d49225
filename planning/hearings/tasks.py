"""Hearing emails and the daily reminder sweep: thin tasks over planning/services/hearings.py."""

from celery import shared_task
from django.utils import timezone


@shared_task(
    name="planning.hearing_invitations_send",
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_kwargs={"max_retries": 5},
    soft_time_limit=120,
    time_limit=180,
)
def hearing_invitations_send(hearing_id: int) -> int:
    from planning.hearings.services import hearing_invitations_send as send

    return send(hearing_id=hearing_id)  # parties already invited are skipped


@shared_task(
    name="planning.hearing_receipt_send",
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_kwargs={"max_retries": 5},
    soft_time_limit=60,
    time_limit=90,
)
def hearing_receipt_send(response_id: int) -> bool:
    from planning.hearings.services import hearing_receipt_send as send

    return send(response_id=response_id)  # False when the receipt was already sent


@shared_task(name="planning.hearing_reminder_sweep", soft_time_limit=300, time_limit=360)
def hearing_reminder_sweep() -> int:
    from planning.hearings.services import hearing_reminders_send

    return hearing_reminders_send(today=timezone.localdate())  # exactly once per (party, days)


@shared_task(
    name="planning.hearing_extension_send",
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_kwargs={"max_retries": 5},
    soft_time_limit=120,
    time_limit=180,
)
def hearing_extension_send(hearing_id: int) -> int:
    from planning.hearings.services import hearing_extension_send as send

    return send(hearing_id=hearing_id)  # parties already told about this deadline are skipped
