from celery import shared_task


@shared_task(
    name="planning.notification_email_send",
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_kwargs={"max_retries": 5},
)
def notification_email_send(notification_id: int) -> None:
    from planning.notifications.services import notification_email_deliver

    notification_email_deliver(notification_id=notification_id)
