import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from councils.permissions import CouncilRole, council_role_grant
from planning.meetings.questions import (
    QuestionError,
    question_answer,
    question_ask,
    question_decline,
    question_forward,
    question_message_add,
    question_narrow,
    question_reminder_sweep,
)
from planning.meetings.tasks import question_reminder_sweep as sweep_task
from planning.models import Notification, Question, QuestionReminderDelivery
from tests.factories import UserFactory


@pytest.fixture
def question(world, soenderjylland_roster):
    return question_ask(
        council=world.council,
        asker=world.users["member"],
        title="Ventetider på genoptræning",
        text="Hvor lange er de?",
    )


def test_question_is_titled_dated_and_sent_to_the_secretariat(world, question):
    assert question.title == "Spørgsmål under spørgeordningen: Ventetider på genoptræning"
    assert question.deadline == timezone.localdate(question.asked_at) + datetime.timedelta(days=7)
    assert question.status == Question.Status.ASKED
    assert question.asker_member.name == "Signe Knappe"
    assert list(
        Notification.objects.filter(kind="question_asked").values_list("user__username", flat=True)
    ) == ["secretariat"]


def test_prefix_is_not_doubled(world, soenderjylland_roster):
    q = question_ask(
        council=world.council,
        asker=world.users["member"],
        title="Spørgsmål under spørgeordningen: X",
        text="Y",
    )
    assert q.title == "Spørgsmål under spørgeordningen: X"


def test_reminders_before_and_after_the_deadline_exactly_once(world, question):
    deadline = question.deadline
    assert question_reminder_sweep(today=deadline - datetime.timedelta(days=2)) == {
        "before_deadline": 0, "after_deadline": 0, "asker_late": 0,
    }  # fmt: skip
    day_before = deadline - datetime.timedelta(days=1)
    assert question_reminder_sweep(today=day_before)["before_deadline"] == 1
    assert question_reminder_sweep(today=day_before)["before_deadline"] == 0  # twice: nothing new
    assert question_reminder_sweep(today=deadline)["before_deadline"] == 0
    after = deadline + datetime.timedelta(days=1)
    first = question_reminder_sweep(today=after)
    second = question_reminder_sweep(today=after + datetime.timedelta(days=1))
    assert first == {"before_deadline": 0, "after_deadline": 1, "asker_late": 1}
    assert second == {"before_deadline": 0, "after_deadline": 0, "asker_late": 0}
    assert QuestionReminderDelivery.objects.filter(question=question).count() == 3
    assert Notification.objects.filter(kind="question_reminder", user=world.users["secretariat"]).count() == 1
    assert Notification.objects.filter(kind="question_overdue", user=world.users["secretariat"]).count() == 1
    assert list(
        Notification.objects.filter(kind="question_late").values_list("user__username", flat=True)
    ) == ["member"]


def test_sweep_task_runs_and_skips_answered_questions(world, question):
    question_answer(
        question=question, answer="Fire uger.", confidential=False, answered_by=world.users["secretariat"]
    )
    Question.objects.filter(pk=question.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=3))
    assert sweep_task.delay().get() == {"before_deadline": 0, "after_deadline": 0, "asker_late": 0}


def test_answer_notifies_every_member_of_the_council_and_nobody_else(world, question, soenderjylland_roster):
    roster_only = UserFactory(username="kun-paa-listen")  # on the roster, not in a group
    soenderjylland_roster["chair"].__class__.objects.create(
        council=world.council, name="Kun Listen", user=roster_only
    )
    outsider = UserFactory(username="udenforstaaende")
    council_role_grant(
        council=world.other_council, user=UserFactory(username="fyn-medlem"), role=CouncilRole.MEMBER
    )
    Notification.objects.all().delete()
    mail.outbox.clear()

    question_answer(
        question=question, answer="Fire uger.", confidential=True, answered_by=world.users["secretariat"]
    )

    recipients = set(
        Notification.objects.filter(kind="question_answered").values_list("user__username", flat=True)
    )
    assert recipients == {"member", "secretariat", "kommunal", "formand", "kun-paa-listen"}
    assert outsider.notifications.count() == 0 and world.users["other_member"].notifications.count() == 0
    assert world.users["admin"].notifications.count() == 0
    assert Notification.objects.filter(kind="question_answered").count() == 5
    assert all("fortrolig karakter" in n.body for n in Notification.objects.filter(kind="question_answered"))
    assert len(mail.outbox) == 0  # emails go out on commit (none in a rolled-back test transaction)


def test_question_about_an_individual_is_refused_with_the_rules_wording(world, soenderjylland_roster):
    q = question_ask(
        council=world.council,
        asker=world.users["member"],
        title="Om en patient",
        text="...",
        about_individual=True,
    )
    assert q.status == Question.Status.REFUSED
    assert q.refusal_text == "Spørgsmål vedr. enkeltpersoner besvares uden for ordningen."
    assert Notification.objects.filter(kind="question_asked").count() == 0
    assert Notification.objects.get(kind="question_refused").user == world.users["member"]
    with pytest.raises(QuestionError):
        question_answer(question=q, answer="x", confidential=False, answered_by=world.users["secretariat"])
    assert question_reminder_sweep(today=q.deadline + datetime.timedelta(days=5))["after_deadline"] == 0


def test_declined_question_opens_a_dialogue_and_can_be_narrowed(world, question, soenderjylland_roster):
    chair = soenderjylland_roster["chair"].user
    question_decline(question=question, reason="For omfattende: afgræns til 2025.", declined_by=chair)
    question.refresh_from_db()
    assert question.status == Question.Status.DECLINED
    assert Notification.objects.get(kind="question_declined").user == world.users["member"]
    question_message_add(question=question, author=world.users["member"], text="Kun Sønderborg?")
    assert [m.text for m in question.messages.all()] == [
        "For omfattende: afgræns til 2025.",
        "Kun Sønderborg?",
    ]
    narrowed = question_narrow(
        question=question, title="Ventetider 2025", text="Kun 2025.", asker=world.users["member"]
    )
    assert narrowed.narrowed_from == question and narrowed.status == Question.Status.ASKED
    with pytest.raises(QuestionError):
        question_narrow(question=question, title="x", text="y", asker=world.users["secretariat"])


def test_forward_to_the_regional_scheme_is_recorded_and_stays_answerable(world, question):
    question_forward(question=question, forwarded_by=world.users["secretariat"])
    question.refresh_from_db()
    assert question.status == Question.Status.FORWARDED and question.forwarded_to_regional_scheme_at
    question_answer(
        question=question, answer="Svar.", confidential=False, answered_by=world.users["secretariat"]
    )
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


@pytest.mark.parametrize(
    ("who", "status"), [("kommunal", 403), ("formand", 302), ("secretariat", 302), ("other_member", 404)]
)
def test_only_chair_or_secretariat_can_decline(client, world, question, who, status):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=who))
    url = reverse("question-decline", kwargs={"slug": world.council.slug, "pk": question.pk})
    response = client.post(url, {"reason": "For bredt."})
    assert response.status_code == status
    question.refresh_from_db()
    assert question.status == (Question.Status.DECLINED if status == 302 else Question.Status.ASKED)


def test_member_cannot_answer(client, world, question):
    client.force_login(world.users["member"])
    url = reverse("question-answer", kwargs={"slug": world.council.slug, "pk": question.pk})
    assert client.post(url, {"answer": "Mit eget svar"}).status_code == 403
    question.refresh_from_db()
    assert question.answer == "" and Notification.objects.filter(kind="question_answered").count() == 0


def test_declined_question_page_offers_the_asker_the_dialogue(client, world, question, soenderjylland_roster):
    question_decline(
        question=question, reason="For omfattende.", declined_by=soenderjylland_roster["chair"].user
    )
    client.force_login(world.users["member"])
    body = client.get(question.get_absolute_url()).content.decode()
    assert "For omfattende." in body and "Omformuler spørgsmålet" in body and "Skriv i dialogen" in body
    url = reverse("question-narrow", kwargs={"slug": world.council.slug, "pk": question.pk})
    response = client.post(url, {"title": "Ventetider 2025", "text": "Kun 2025."})
    narrowed = Question.objects.get(narrowed_from=question)
    assert response.status_code == 302 and response.url == narrowed.get_absolute_url()
