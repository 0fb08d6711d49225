"""The question scheme (spørgeordning) of a health council, following the guidelines in seed 002, point 8:
questions to the secretariat, answered within one week if possible, all members informed of the answer,
questions about individuals handled outside the scheme, over-broad questions declined by the chair with a
dialogue, and questions of broad interest also sent to the regional council's scheme."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import HealthCouncil
from planning.common.dates import danish_date
from planning.meetings.models import (
    INDIVIDUAL_RULE_WORDING,
    QUESTION_STATUS,
    QUESTION_TITLE_PREFIX,
    Question,
    QuestionMessage,
    QuestionReminderDelivery,
)
from planning.notifications.services import notification_create, notifications_create_for

ANSWER_DAYS = 7  # "Spørgsmålet besvares så vidt muligt inden for en uge"
REMIND_DAYS_BEFORE = 1


class QuestionError(ValueError):
    """An action on a question the scheme does not allow; the message is Danish."""


def question_title_normalise(*, title: str) -> str:
    """The title marks the question as one under the scheme ("angives det i overskriften")."""
    title = title.strip()
    if title.lower().startswith(QUESTION_TITLE_PREFIX.lower()):
        title = title[len(QUESTION_TITLE_PREFIX) :].strip()
    return f"{QUESTION_TITLE_PREFIX} {title}"


def question_deadline(*, asked_at: datetime.datetime) -> datetime.date:
    return timezone.localdate(asked_at) + datetime.timedelta(days=ANSWER_DAYS)


def _notify_secretariat(*, question: Question, kind: str, title: str, body: str = "") -> int:
    from councils.selectors import council_secretariat_users

    return len(
        notifications_create_for(
            users=council_secretariat_users(council=question.council),
            kind=kind,
            title=title,
            body=body,
            url=question.get_absolute_url(),
        )
    )


@transaction.atomic
def question_ask(
    *,
    council: HealthCouncil,
    asker,
    title: str,
    text: str,
    about_individual: bool = False,
    narrowed_from: Question | None = None,
) -> Question:
    """Ask a question; the deadline is one week after asking. A question marked as being about an
    individual is refused at once with the rule's wording and never reaches the secretariat's queue."""
    if not title.strip() or not text.strip():
        raise QuestionError(_("Skriv både overskrift og spørgsmål."))
    now = timezone.now()
    question = Question(
        council=council,
        asker=asker,
        asker_member=council.members.filter(user=asker).first() if asker.is_authenticated else None,
        title=question_title_normalise(title=title),
        text=text.strip(),
        about_individual=about_individual,
        asked_at=now,
        deadline=question_deadline(asked_at=now),
        narrowed_from=narrowed_from,
    )
    question.full_clean()
    question.save()
    if about_individual:
        return question_refuse_individual(question=question)
    _notify_secretariat(
        question=question,
        kind="question_asked",
        title=_("Nyt spørgsmål: %(title)s") % {"title": question.title},
        body=_("Svarfrist: %(deadline)s.") % {"deadline": danish_date(question.deadline)},
    )
    return question


@transaction.atomic
def question_refuse_individual(*, question: Question) -> Question:
    """Seed 002, point 8: "Spørgsmål vedr. enkeltpersoner besvares uden for ordningen"."""
    if question.status == Question.Status.REFUSED:
        return question
    if not question.is_open:
        raise QuestionError(_("Spørgsmålet er allerede afsluttet."))
    QUESTION_STATUS.apply(question, Question.Status.REFUSED, error=QuestionError)
    question.about_individual = True
    question.refusal_text = f"{INDIVIDUAL_RULE_WORDING}."
    question.save(update_fields=["status", "about_individual", "refusal_text"])
    notification_create(
        user=question.asker,
        kind="question_refused",
        title=_("Dit spørgsmål behandles uden for spørgeordningen"),
        body=question.refusal_text,
        url=question.get_absolute_url(),
    )
    return question


@transaction.atomic
def question_answer(*, question: Question, answer: str, confidential: bool, answered_by) -> Question:
    """Answer an open question; every user of the council (members and secretariat) is informed,
    and the notification says whether the answer holds confidential information."""
    from planning.meetings.selectors import council_all_users

    question = Question.objects.select_for_update().get(pk=question.pk)
    if not question.is_open:
        raise QuestionError(_("Spørgsmålet kan ikke besvares i sin nuværende status."))
    if not answer.strip():
        raise QuestionError(_("Skriv svaret."))
    question.answer = answer.strip()
    question.answer_confidential = confidential
    question.answered_at = timezone.now()
    question.answered_by = answered_by
    QUESTION_STATUS.apply(question, Question.Status.ANSWERED, error=QuestionError)
    question.save(update_fields=["answer", "answer_confidential", "answered_at", "answered_by", "status"])
    body = (
        _("Svaret indeholder oplysninger af fortrolig karakter.")
        if confidential
        else _("Svaret indeholder ikke fortrolige oplysninger.")
    )
    notifications_create_for(
        users=council_all_users(council=question.council),
        kind="question_answered",
        title=_("Svar på %(title)s") % {"title": question.title},
        body=body,
        url=question.get_absolute_url(),
    )
    return question


@transaction.atomic
def question_decline(*, question: Question, reason: str, declined_by) -> Question:
    """The chair declines an over-broad question with a reason; this opens the dialogue to narrow it."""
    if not reason.strip():
        raise QuestionError(_("Skriv en begrundelse, så spørger kan omformulere spørgsmålet."))
    if not question.is_open:
        raise QuestionError(_("Spørgsmålet kan ikke afvises i sin nuværende status."))
    QUESTION_STATUS.apply(question, Question.Status.DECLINED, error=QuestionError)
    question.decline_reason = reason.strip()
    question.declined_at = timezone.now()
    question.save(update_fields=["status", "decline_reason", "declined_at"])
    QuestionMessage.objects.create(question=question, author=declined_by, text=question.decline_reason)
    notification_create(
        user=question.asker,
        kind="question_declined",
        title=_("Dit spørgsmål er afvist i sin nuværende form"),
        body=question.decline_reason,
        url=question.get_absolute_url(),
    )
    return question


@transaction.atomic
def question_message_add(*, question: Question, author, text: str) -> QuestionMessage:
    """A message in the dialogue about a declined question; the other side is notified."""
    if question.status != Question.Status.DECLINED:
        raise QuestionError(_("Der er kun dialog om et afvist spørgsmål."))
    if not text.strip():
        raise QuestionError(_("Skriv en besked."))
    message = QuestionMessage.objects.create(question=question, author=author, text=text.strip())
    title = _("Ny besked om %(title)s") % {"title": question.title}
    if author.pk == question.asker_id:
        _notify_secretariat(question=question, kind="question_message", title=title, body=message.text)
    else:
        notification_create(
            user=question.asker,
            kind="question_message",
            title=title,
            body=message.text,
            url=question.get_absolute_url(),
        )
    return message


def question_narrow(*, question: Question, title: str, text: str, asker) -> Question:
    """The asker re-asks a declined question in a narrower form: a new question with a new deadline."""
    if question.status != Question.Status.DECLINED:
        raise QuestionError(_("Kun et afvist spørgsmål kan omformuleres."))
    if asker.pk != question.asker_id:
        raise QuestionError(_("Kun spørger kan omformulere spørgsmålet."))
    return question_ask(council=question.council, asker=asker, title=title, text=text, narrowed_from=question)


@transaction.atomic
def question_forward(*, question: Question, forwarded_by) -> Question:
    """Record that a question of broad interest is also sent to the regional council's scheme.
    It stays open here until answered (the scheme says it is sent "også")."""
    if question.forwarded_to_regional_scheme_at is not None:
        return question
    if question.status in (Question.Status.REFUSED, Question.Status.DECLINED):
        raise QuestionError(_("Spørgsmålet kan ikke sendes videre i sin nuværende status."))
    question.forwarded_to_regional_scheme_at = timezone.now()
    fields = ["forwarded_to_regional_scheme_at"]
    if question.status == Question.Status.ASKED:
        QUESTION_STATUS.apply(question, Question.Status.FORWARDED, error=QuestionError)
        fields.append("status")
    question.save(update_fields=fields)
    return question


def _claim(*, question: Question, kind: str) -> bool:
    """Claim one reminder kind for one question; False if it was already sent (unique constraint)."""
    try:
        with transaction.atomic():
            QuestionReminderDelivery.objects.create(question=question, kind=kind)
    except IntegrityError:
        return False
    return True


def question_reminder_sweep(*, today: datetime.date | None = None) -> dict[str, int]:
    """The daily sweep: for each open question, remind the secretariat the day before the deadline,
    remind it again once the deadline has passed and tell the asker it could not be answered in time.
    Each kind happens exactly once per question (claimed through a unique row in the same transaction
    as the notifications), so running the sweep twice sends nothing new."""
    today = today or timezone.localdate()
    sent = dict.fromkeys(QuestionReminderDelivery.Kind.values, 0)
    open_questions = Question.objects.filter(
        status__in=[Question.Status.ASKED, Question.Status.FORWARDED],
        deadline__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    ).select_related("council", "asker")
    for question in open_questions:
        deadline = danish_date(question.deadline)
        with transaction.atomic():
            if today <= question.deadline and _claim(
                question=question, kind=QuestionReminderDelivery.Kind.BEFORE_DEADLINE
            ):
                _notify_secretariat(
                    question=question,
                    kind="question_reminder",
                    title=_("Påmindelse: svarfrist %(deadline)s for %(title)s")
                    % {"deadline": deadline, "title": question.title},
                )
                sent[QuestionReminderDelivery.Kind.BEFORE_DEADLINE] += 1
        if today <= question.deadline:
            continue
        with transaction.atomic():
            if _claim(question=question, kind=QuestionReminderDelivery.Kind.AFTER_DEADLINE):
                _notify_secretariat(
                    question=question,
                    kind="question_overdue",
                    title=_("Svarfristen %(deadline)s er overskredet: %(title)s")
                    % {"deadline": deadline, "title": question.title},
                )
                sent[QuestionReminderDelivery.Kind.AFTER_DEADLINE] += 1
        with transaction.atomic():
            if _claim(question=question, kind=QuestionReminderDelivery.Kind.ASKER_LATE):
                notification_create(
                    user=question.asker,
                    kind="question_late",
                    title=_("Dit spørgsmål kunne ikke besvares inden for en uge"),
                    body=_("Administrationen kontakter dig om, hvornår du kan forvente svar på »%(title)s«.")
                    % {"title": question.title},
                    url=question.get_absolute_url(),
                )
                sent[QuestionReminderDelivery.Kind.ASKER_LATE] += 1
    return sent
