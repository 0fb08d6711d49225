"""Notify users in the app and, by their preference, by email (through Celery, after commit)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from planning.models import Notification, NotificationSetting


def notification_email_mode(*, user) -> str:
    setting = NotificationSetting.objects.filter(user=user).first()
    return setting.email_mode if setting else NotificationSetting.EmailMode.IMMEDIATE


def notification_create(*, user, kind: str, title: str, body: str = "", url: str = "") -> Notification:
    """An in-app notification; emailed at once after commit when the user wants immediate email."""
    notification = Notification.objects.create(user=user, kind=kind, title=title, body=body, url=url)
    if user.email and notification_email_mode(user=user) == NotificationSetting.EmailMode.IMMEDIATE:
        from planning.tasks_notifications import notification_email_send

        transaction.on_commit(lambda: notification_email_send.delay(notification.pk))
    return notification


def notification_email_deliver(*, notification_id: int) -> bool:
    """Send one notification's email exactly once; False when it was already sent (or is gone)."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    link = f"\n\n{settings.PORTAL_BASE_URL}{notification.url}" if notification.url else ""
    try:
        send_mail(
            subject=f"[Sundhedsråd Planner] {notification.title}",
            message=f"{notification.body}{link}",
            from_email=None,
            recipient_list=[notification.user.email],
        )
    except Exception:
        # Release the claim so a retry can send it; the task retries with backoff.
        Notification.objects.filter(pk=notification_id).update(emailed_at=None)
        raise
    return True
