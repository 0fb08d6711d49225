"""Reads of a user's notifications."""

from planning.notifications.models import Notification


def notification_list_for_user(*, user):
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
