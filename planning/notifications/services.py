"""Notify users in the app and, by their preference, by email (through Celery, after commit)."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from planning.common.jobs import job_enqueue_on_commit
from planning.notifications.models import Notification, NotificationDigest, NotificationSetting


def notification_email_mode(*, user) -> str:
    setting = NotificationSetting.objects.filter(user=user).first()
    return setting.email_mode if setting else NotificationSetting.EmailMode.IMMEDIATE


def notification_create(*, user, kind: str, title: str, body: str = "", url: str = "") -> Notification:
    """An in-app notification; emailed at once after commit when the user wants immediate email."""
    notification = Notification.objects.create(user=user, kind=kind, title=title, body=body, url=url)
    if user.email and notification_email_mode(user=user) == NotificationSetting.EmailMode.IMMEDIATE:
        job_enqueue_on_commit("planning.notification_email_send", notification.pk)
    return notification


def notification_email_wanted(*, user_emails: dict[int, str]) -> dict[int, bool]:
    """User id → wants each notification emailed at once (has an address and the "immediate"
    preference); one query however many users."""
    modes = dict(
        NotificationSetting.objects.filter(user_id__in=list(user_emails)).values_list("user_id", "email_mode")
    )
    immediate = NotificationSetting.EmailMode.IMMEDIATE
    return {pk: bool(email) and modes.get(pk, immediate) == immediate for pk, email in user_emails.items()}


def notifications_send(*, notifications: list[Notification], emails: dict[int, bool]) -> list[Notification]:
    """Bulk form of notification_create: the in-app rows in one query; email after commit for the users
    that `emails` (from notification_email_wanted) marks as wanting it."""
    created = Notification.objects.bulk_create(notifications)
    to_email = [n.pk for n in created if emails.get(n.user_id)]
    if to_email:
        for pk in to_email:
            job_enqueue_on_commit("planning.notification_email_send", pk)
    return created


def notifications_create_for(
    *, users, kind: str, title: str, body: str = "", url: str = ""
) -> list[Notification]:
    """The same notification to many users (in the app, and by email per preference): two queries
    however many recipients."""
    users = list(users)
    emails = notification_email_wanted(user_emails={user.pk: user.email for user in users})
    rows = [Notification(user=user, kind=kind, title=title, body=body, url=url) for user in users]
    return notifications_send(notifications=rows, emails=emails)


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


# --- Daily digest ------------------------------------------------------------------------------


def notification_digest_pending_user_ids() -> list[int]:
    """Users who want a daily digest and have unread notifications not yet emailed or digested."""

    return list(
        Notification.objects.filter(
            user__notification_setting__email_mode=NotificationSetting.EmailMode.DAILY_DIGEST,
            user__is_active=True,
            read_at__isnull=True,
            emailed_at__isnull=True,
            digested_at__isnull=True,
        )
        .exclude(user__email="")
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )


def notification_digest_deliver(*, user_id: int, day) -> int:
    """Send `user_id` one email for `day` with every notification not yet emailed, read or digested.

    Exactly once per user per day: the (user, date) row is claimed with a conditional update, and the
    notifications are claimed through `digested_at`. Returns how many notifications went out (0 when the
    day's digest was already sent, the user no longer wants one, or there is nothing to send).
    """
    from django.contrib.auth import get_user_model
    from django.template.loader import render_to_string
    from django.utils import translation

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    if notification_email_mode(user=user) != NotificationSetting.EmailMode.DAILY_DIGEST:
        return 0
    pending = Notification.objects.filter(
        user=user, read_at__isnull=True, emailed_at__isnull=True, digested_at__isnull=True
    )
    if not pending.exists():
        return 0
    digest, _created = NotificationDigest.objects.get_or_create(user=user, date=day)
    now = timezone.now()
    if not NotificationDigest.objects.filter(pk=digest.pk, sent_at__isnull=True).update(sent_at=now):
        return 0  # this day's digest already went out
    ids = list(pending.values_list("pk", flat=True))
    Notification.objects.filter(pk__in=ids, digested_at__isnull=True).update(digested_at=now)
    notifications = list(
        Notification.objects.filter(pk__in=ids, digested_at=now).order_by("created_at", "pk")
    )
    if not notifications:
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "notifications": notifications,
                "base_url": settings.PORTAL_BASE_URL,
                "day": day,
            }
            send_mail(
                subject=render_to_string("planning/notifications/emails/digest_subject.txt", context).strip(),
                message=render_to_string("planning/notifications/emails/digest_body.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
    except Exception:
        # Release both claims so the retry can send this digest.
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(digested_at=None)
        NotificationDigest.objects.filter(pk=digest.pk).update(sent_at=None)
        raise
    NotificationDigest.objects.filter(pk=digest.pk).update(notification_count=len(notifications))
    return len(notifications)
