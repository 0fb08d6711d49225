from django.urls import reverse

from planning.models import Notification, NotificationSetting
from planning.notifications.services import notification_create


def test_header_shows_the_unread_count(client, member):
    notification_create(user=member, kind="x", title="En")
    notification_create(user=member, kind="x", title="To")
    client.force_login(member)
    body = client.get(reverse("plan-list")).content.decode()
    assert "Notifikationer (2" in body


def test_mark_one_read_and_open_its_target(client, member):
    n = notification_create(user=member, kind="x", title="Se her", url="/planer/")
    client.force_login(member)
    response = client.post(reverse("notification-read", kwargs={"pk": n.pk}), {"open": "1"})
    assert response.status_code == 302 and response.url == "/planer/"
    n.refresh_from_db()
    assert n.read_at is not None


def test_external_target_is_not_followed(client, member):
    n = notification_create(user=member, kind="x", title="Ond", url="https://evil.example/")
    client.force_login(member)
    response = client.post(reverse("notification-read", kwargs={"pk": n.pk}), {"open": "1"})
    assert response.url == reverse("notification-list")


def test_mark_all_read_only_touches_own_notifications(client, member, secretariat):
    notification_create(user=member, kind="x", title="A")
    notification_create(user=member, kind="x", title="B")
    theirs = notification_create(user=secretariat, kind="x", title="C")
    client.force_login(member)
    client.post(reverse("notification-read-all"))
    assert Notification.objects.filter(user=member, read_at__isnull=True).count() == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_someone_elses_notification_is_404(client, member, secretariat):
    theirs = notification_create(user=secretariat, kind="x", title="C")
    client.force_login(member)
    assert client.post(reverse("notification-read", kwargs={"pk": theirs.pk})).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_list_shows_only_own_notifications(client, member, secretariat):
    notification_create(user=member, kind="x", title="Til medlemmet")
    notification_create(user=secretariat, kind="x", title="Til sekretariatet")
    client.force_login(member)
    body = client.get(reverse("notification-list")).content.decode()
    assert "Til medlemmet" in body and "Til sekretariatet" not in body


def test_preference_page_saves_the_email_mode(client, member):
    client.force_login(member)
    body = client.get(reverse("notification-settings")).content.decode()
    assert "Straks" in body and "Daglig opsamling" in body and "Ingen e-mails" in body
    client.post(reverse("notification-settings"), {"email_mode": "daily_digest"})
    assert NotificationSetting.objects.get(user=member).email_mode == "daily_digest"
    response = client.post(reverse("notification-settings"), {"email_mode": "bogus"})
    assert response.status_code == 200
    assert NotificationSetting.objects.get(user=member).email_mode == "daily_digest"
