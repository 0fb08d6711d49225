from django.core import mail
from django.utils import timezone

from planning.models import Notification, NotificationDigest, NotificationSetting
from planning.review.services import comment_create
from planning.review.tasks import notification_digest_send


def _mode(user, mode):
    NotificationSetting.objects.update_or_create(user=user, defaults={"email_mode": mode})


def test_two_comments_make_one_digest_email_and_a_second_run_sends_nothing(section, member, secretariat):
    _mode(secretariat, NotificationSetting.EmailMode.DAILY_DIGEST)
    comment_create(section=section, author=member, text="Første bemærkning")
    comment_create(section=section, author=member, text="Anden bemærkning", paragraph_index=1)
    assert mail.outbox == []  # no immediate email for a digest user
    notification_digest_send()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["secretariat@example.dk"]
    assert "2 nye notifikationer" in message.subject
    assert message.body.count("Ny kommentar fra") == 2
    assert Notification.objects.filter(user=secretariat, digested_at__isnull=True).count() == 0
    notification_digest_send()
    assert len(mail.outbox) == 1
    digest = NotificationDigest.objects.get()
    assert (digest.user, digest.date, digest.notification_count) == (secretariat, timezone.localdate(), 2)


def test_a_second_run_the_same_day_sends_nothing_even_with_new_notifications(section, member, secretariat):
    _mode(secretariat, NotificationSetting.EmailMode.DAILY_DIGEST)
    comment_create(section=section, author=member, text="Første")
    notification_digest_send()
    comment_create(section=section, author=member, text="Senere samme dag")
    notification_digest_send()
    assert len(mail.outbox) == 1  # one email per user per day; the rest waits for tomorrow
    assert Notification.objects.filter(user=secretariat, digested_at__isnull=True).count() == 1


def test_preference_off_sends_no_email_at_all(section, member, secretariat):
    _mode(secretariat, NotificationSetting.EmailMode.OFF)
    comment_create(section=section, author=member, text="Første")
    comment_create(section=section, author=member, text="Anden")
    notification_digest_send()
    assert mail.outbox == []
    assert Notification.objects.filter(user=secretariat).count() == 2  # still in the app


def test_read_notifications_are_left_out_of_the_digest(section, member, secretariat):
    _mode(secretariat, NotificationSetting.EmailMode.DAILY_DIGEST)
    comment_create(section=section, author=member, text="Første")
    Notification.objects.update(read_at=timezone.now())
    notification_digest_send()
    assert mail.outbox == []


def test_beat_schedule_runs_the_digest_at_seven(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["notification-digest-daily"]
    assert entry["task"] == "planning.notification_digest_send"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Europe/Copenhagen"
