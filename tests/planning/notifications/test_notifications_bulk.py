from django.core import mail

from planning.models import Notification, NotificationSetting
from planning.notifications.services import notifications_create_for
from tests.factories import UserFactory


def test_one_notification_per_user_and_email_only_to_those_who_want_it_at_once(
    db, django_capture_on_commit_callbacks, django_assert_num_queries
):
    straks = UserFactory(username="straks")
    opsamling = UserFactory(username="opsamling")
    uden_adresse = UserFactory(username="uden-adresse", email="")
    NotificationSetting.objects.create(user=opsamling, email_mode=NotificationSetting.EmailMode.DAILY_DIGEST)
    many = [UserFactory(username=f"medlem-{i}") for i in range(10)]
    with django_assert_num_queries(2):  # preferences + one insert, however many recipients
        notifications_create_for(users=many, kind="test", title="Forhåndsvisning")
    with django_capture_on_commit_callbacks(execute=True):
        notifications_create_for(
            users=[straks, opsamling, uden_adresse], kind="test", title="Nyt svar", url="/x/"
        )
    assert Notification.objects.filter(title="Nyt svar").count() == 3
    assert [message.to for message in mail.outbox] == [["straks@example.dk"]]
