"""The hearing rules: early closing needs a reason, a closed hearing takes no answers through the link,
a deadline extension tells every party once, and answers received by post or e-mail can be registered."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from planning.adoption.services import advice_record, plan_adoption_missing_steps
from planning.hearings.services import (
    HearingAnswerRefused,
    hearing_close,
    hearing_deadline_extend,
    hearing_party_rows,
    hearing_response_register,
    hearing_response_submit,
)
from planning.models import Hearing, HearingResponse, PlanEvent
from tests.planning.hearings.helpers import hearing_close_after_deadline, open_hearing, party_of, token_of


@pytest.fixture
def hearing(world):
    return open_hearing(world)


def _events(hearing, kind):
    return PlanEvent.objects.filter(plan=hearing.plan, kind=kind)


def test_closing_before_the_deadline_without_a_reason_is_refused_and_changes_nothing(world, hearing):
    with pytest.raises(ValidationError, match="Skriv en begrundelse"):
        hearing_close(hearing=hearing, closed_by=world.users["secretariat"])
    hearing.refresh_from_db()
    assert hearing.state == Hearing.State.OPEN and hearing.closed_at is None
    assert not _events(hearing, PlanEvent.Kind.HEARING_CLOSED).exists()


def test_closing_early_with_a_reason_is_recorded_in_the_history(world, hearing):
    hearing_close(hearing=hearing, closed_by=world.users["secretariat"], reason="Alle parter har svaret.")
    hearing.refresh_from_db()
    assert hearing.state == Hearing.State.CLOSED
    event = _events(hearing, PlanEvent.Kind.HEARING_CLOSED).get()
    assert event.data["reason"] == "Alle parter har svaret." and event.data["early"] is True


def test_the_close_page_names_the_parties_without_an_answer_and_requires_a_reason(client, world, hearing):
    hearing_response_submit(party=party_of(hearing), text="Vi støtter planen.")
    client.force_login(world.users["secretariat"])
    url = reverse("hearing-close", kwargs={"pk": hearing.pk})
    page = client.get(url).content.decode()
    assert "Parter uden svar" in page and "Sønderborg Kommune" in page
    assert "Regionens patient- og pårørendeudvalg" not in page.split("Parter uden svar")[1].split("</ul>")[0]
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Skriv en begrundelse" in refused.content.decode()
    hearing.refresh_from_db()
    assert hearing.state == Hearing.State.OPEN
    assert client.post(url, {"reason": "Rådet mødes tidligere."}).status_code == 302
    hearing.refresh_from_db()
    assert hearing.state == Hearing.State.CLOSED


def test_a_closed_hearing_refuses_answers_on_get_and_post_and_keeps_the_text(client, world, hearing):
    party = party_of(hearing)
    hearing_close(hearing=hearing, closed_by=world.users["secretariat"], reason="Rådet mødes tidligere.")
    url = reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    page = client.get(url).content.decode()
    assert "Høringen er afsluttet" in page and "Send høringssvar" not in page
    response = client.post(url, {"text": "Vores sene svar om akutsygepleje."})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Høringen er afsluttet" in body and "Vores sene svar om akutsygepleje." in body
    assert not HearingResponse.objects.exists()
    with pytest.raises(HearingAnswerRefused):
        hearing_response_submit(party=party, text="Direkte")
    assert not HearingResponse.objects.exists()


def test_an_answer_after_the_deadline_while_open_is_stored_and_marked_late(world, hearing):
    late = hearing.deadline + timedelta(hours=1)
    response = hearing_response_submit(party=party_of(hearing), text="Sent svar.", now=late)
    assert response.is_late
    assert _events(hearing, PlanEvent.Kind.RESPONSE_RECEIVED).get().data["is_late"] is True


def test_extending_the_deadline_is_an_event_and_tells_every_party_once(
    world, hearing, django_capture_on_commit_callbacks
):
    new_deadline = hearing.deadline + timedelta(days=14)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        hearing_deadline_extend(
            hearing=hearing, deadline=new_deadline, extended_by=world.users["secretariat"]
        )
    hearing.refresh_from_db()
    assert hearing.deadline == new_deadline
    assert sorted(m.to[0] for m in mail.outbox) == sorted(hearing.parties.values_list("email", flat=True))
    assert all("Ny høringsfrist" in m.subject for m in mail.outbox)
    assert all(p.token_expires_at >= new_deadline for p in hearing.parties.all())
    assert _events(hearing, PlanEvent.Kind.HEARING_EXTENDED).count() == 1
    from planning.hearings.services import hearing_extension_send

    assert hearing_extension_send(hearing_id=hearing.pk) == 0  # a retried task sends nothing twice


def test_an_earlier_deadline_is_refused_and_nothing_changes(world, hearing):
    before = hearing.deadline
    with pytest.raises(ValidationError):
        hearing_deadline_extend(
            hearing=hearing, deadline=before - timedelta(days=1), extended_by=world.users["secretariat"]
        )
    hearing.refresh_from_db()
    assert hearing.deadline == before and not _events(hearing, PlanEvent.Kind.HEARING_EXTENDED).exists()


def test_a_postal_answer_is_registered_and_ticks_the_hearing_list(client, world, hearing):
    party = hearing.parties.get(name="Sønderborg Kommune")
    client.force_login(world.users["secretariat"])
    url = reverse("hearing-response-register", kwargs={"pk": hearing.pk, "party_pk": party.pk})
    received = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, {"channel": "post", "received_at": received, "text": "Brev fra kommunen."})
    assert response.status_code == 302
    stored = HearingResponse.objects.get(party=party)
    assert (
        stored.channel == "post" and stored.registered_by == world.users["secretariat"] and not stored.is_late
    )
    row = next(r for r in hearing_party_rows(hearing=hearing) if r.party == party)
    assert row.has_response
    event = _events(hearing, PlanEvent.Kind.RESPONSE_RECEIVED).get()
    assert event.data["channel"] == "post"


def test_registering_needs_text_or_a_document_and_no_future_date(world, hearing):
    party = party_of(hearing)
    user = world.users["secretariat"]
    with pytest.raises(ValidationError):
        hearing_response_register(
            party=party, received_at=timezone.now(), channel="post", text="", registered_by=user
        )
    with pytest.raises(ValidationError):
        hearing_response_register(
            party=party, received_at=timezone.now() + timedelta(days=2), channel="email", text="x",
            registered_by=user,
        )  # fmt: skip
    assert not HearingResponse.objects.exists()


def test_a_member_cannot_register_or_close(client, world, hearing):
    client.force_login(world.users["member"])
    party = party_of(hearing)
    url = reverse("hearing-response-register", kwargs={"pk": hearing.pk, "party_pk": party.pk})
    assert client.post(url, {"channel": "post", "text": "x"}).status_code == 403
    assert (
        client.post(reverse("hearing-close", kwargs={"pk": hearing.pk}), {"reason": "x"}).status_code == 403
    )
    assert not HearingResponse.objects.exists()


def test_adoption_gate_waits_for_the_deadline_and_advice_on_the_heard_draft(world, hearing):
    plan, user = hearing.plan, world.users["secretariat"]
    hearing_close(hearing=hearing, closed_by=user, reason="Tidligt møde")
    advice_record(plan=plan, received_on=timezone.localdate(), text="Råd", recorded_by=user)
    missing = plan_adoption_missing_steps(plan=plan)
    assert any("udløbet frist" in m for m in missing)  # closed early: the deadline has not passed
    assert not any("Sundhedsstyrelsen" in m for m in missing)
    Hearing.objects.filter(pk=hearing.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert plan_adoption_missing_steps(plan=plan) == []


def test_advice_from_before_the_hearing_does_not_count(world):
    hearing = open_hearing(world)
    plan, user = hearing.plan, world.users["secretariat"]
    advice_record(plan=plan, received_on=date(2026, 1, 5), text="Tidligt råd", recorded_by=user)
    hearing_close_after_deadline(hearing=hearing, closed_by=user)
    assert any("Sundhedsstyrelsen" in m for m in plan_adoption_missing_steps(plan=plan))
