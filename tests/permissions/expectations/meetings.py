"""Meetings, the public agenda/minutes pages and the question scheme."""

import datetime

from django.core.files.base import ContentFile

from councils.models import CouncilMember
from planning.meetings.questions import question_ask
from planning.meetings.services import agenda_item_create, agenda_item_decision_record, meeting_create
from planning.models import Attachment, StopRightReferral
from tests.permissions.expectations import COUNCIL_READ, COUNCIL_WRITE, PUBLIC, Expect

WRITE_REDIRECT = {**COUNCIL_WRITE, "secretariat": 302, "admin": 302}
# Only a present participant (or a present regional member) may act: nobody in the matrix is one.
PARTICIPANT_ONLY = {**COUNCIL_WRITE, "secretariat": 403, "admin": 403}
ASKER_ONLY = {**PARTICIPANT_ONLY, "member": 200}  # the world's member asked the question


def _meeting(world, publish=True):
    member = CouncilMember.objects.get_or_create(
        council=world.council, name="Regionsmedlem uden konto", defaults={"kind": CouncilMember.Kind.REGIONAL}
    )[0]
    meeting = meeting_create(
        council=world.council, date=datetime.date(2026, 4, 28), start_time=datetime.time(8)
    )
    assert meeting.participants.filter(member=member).exists()
    item = agenda_item_create(
        meeting=meeting, title="Godkendelse af dagsordenen", created_by=world.users["secretariat"]
    )
    if publish:
        meeting.status = "agenda_published"
        meeting.save()
        agenda_item_decision_record(
            item=item, decision_text="Godkendt.", recorded_by=world.users["secretariat"]
        )
    return meeting


def _meeting_kwargs(world):
    return {"slug": world.council.slug, "pk": _meeting(world).pk}


def _item_kwargs(world):
    meeting = _meeting(world)
    return {"slug": world.council.slug, "pk": meeting.pk, "item_pk": meeting.items.get().pk}


def _attachment_kwargs(world):
    meeting = _meeting(world)
    attachment = Attachment(
        item=meeting.items.get(), title="Bilag", content_type="application/pdf", size=8,
        uploaded_by=world.users["secretariat"],
    )  # fmt: skip
    attachment.file.save("matrix.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return {"slug": world.council.slug, "pk": meeting.pk, "attachment_pk": attachment.pk}


def _referral_kwargs(world):
    meeting = _meeting(world)
    referral = StopRightReferral.objects.create(
        item=meeting.items.get(), invoked_by=meeting.participants.first()
    )
    return {"slug": world.council.slug, "pk": meeting.pk, "referral_pk": referral.pk}


def _question_kwargs(world):
    question = question_ask(
        council=world.council, asker=world.users["member"], title="Ventetider", text="Hvor lange?"
    )
    return {"slug": world.council.slug, "pk": question.pk}


def _council(world):
    return {"slug": world.council.slug}


EXPECTATIONS = {
    "meeting-list": Expect(kwargs=_council, get=COUNCIL_READ),
    "meeting-create": Expect(
        kwargs=_council, get=COUNCIL_WRITE, post=COUNCIL_WRITE
    ),  # empty post: form errors
    "meeting-detail": Expect(kwargs=_meeting_kwargs, get=COUNCIL_READ),
    "meeting-edit": Expect(kwargs=_meeting_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "meeting-attendance": Expect(kwargs=_meeting_kwargs, get=COUNCIL_WRITE),
    "meeting-status": Expect(
        kwargs=_meeting_kwargs, post=WRITE_REDIRECT, post_data=lambda w: {"to_status": "held"}
    ),
    "meeting-pdf": Expect(kwargs=lambda w: {**_meeting_kwargs(w), "kind": "minutes"}, get=COUNCIL_READ),
    "agenda-item-create": Expect(kwargs=_meeting_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "agenda-item-edit": Expect(kwargs=_item_kwargs, get=COUNCIL_WRITE),
    "agenda-item-decision": Expect(kwargs=_item_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "attachment-create": Expect(kwargs=_item_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "attachment-download": Expect(kwargs=_attachment_kwargs, get=COUNCIL_READ),
    "stop-right-invoke": Expect(kwargs=_item_kwargs, get=PARTICIPANT_ONLY, post=PARTICIPANT_ONLY),
    "stop-right-resolve": Expect(kwargs=_referral_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "minutes-issue": Expect(kwargs=_meeting_kwargs, post=WRITE_REDIRECT),
    "minutes-approve": Expect(kwargs=_meeting_kwargs, post=PARTICIPANT_ONLY),
    "minutes-approved-at-meeting": Expect(kwargs=_meeting_kwargs, post=WRITE_REDIRECT),
    "meeting-public-list": Expect(get=PUBLIC),
    "meeting-public-detail": Expect(kwargs=lambda w: {"pk": _meeting(w).pk}, get=PUBLIC),
    "meeting-public-pdf": Expect(kwargs=lambda w: {"pk": _meeting(w).pk, "kind": "agenda"}, get=PUBLIC),
    "question-list": Expect(kwargs=_council, get=COUNCIL_READ),
    "question-create": Expect(kwargs=_council, get=COUNCIL_READ, post=COUNCIL_READ),  # empty post: errors
    "question-detail": Expect(kwargs=_question_kwargs, get=COUNCIL_READ),
    "question-answer": Expect(kwargs=_question_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "question-decline": Expect(kwargs=_question_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "question-message": Expect(kwargs=_question_kwargs, get=COUNCIL_READ),
    "question-narrow": Expect(kwargs=_question_kwargs, get=ASKER_ONLY),
    "question-refuse": Expect(kwargs=_question_kwargs, post=WRITE_REDIRECT),
    "question-forward": Expect(kwargs=_question_kwargs, post=WRITE_REDIRECT),
}
