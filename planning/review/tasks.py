"""The daily notification digest: a sweep at 07:00 queues one idempotent task per user."""

from celery import shared_task


@shared_task(name="planning.notification_digest_send", soft_time_limit=600, time_limit=660)
def notification_digest_send() -> int:
    """Queue today's digest for every user who wants one and has something pending; safe to run twice."""
    from django.utils import timezone

    from planning.notifications.services import notification_digest_pending_user_ids

    day = timezone.localdate().isoformat()
    user_ids = notification_digest_pending_user_ids()
    for user_id in user_ids:
        notification_digest_user_send.delay(user_id, day)
    return len(user_ids)


@shared_task(
    name="planning.notification_digest_user_send",
    autoretry_for=(OSError,),
    retry_backoff=60,
    retry_kwargs={"max_retries": 5},
    soft_time_limit=60,
    time_limit=90,
)
def notification_digest_user_send(user_id: int, day: str) -> int:
    from datetime import date

    from planning.notifications.services import notification_digest_deliver

    return notification_digest_deliver(user_id=user_id, day=date.fromisoformat(day))
