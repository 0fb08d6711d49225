from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planning.adoption.services import advice_record, plan_adopt
from planning.hearings.services import PartyInput
from planning.models import HearingParty, Plan, PlanAdoption, PlanEvent, SundhedsstyrelsenAdvice
from tests.planning.hearings.conftest import stored_files
from tests.planning.hearings.helpers import (
    complete_plan,
    hearing_close_after_deadline,
    open_hearing,
    pdf_file,
)


def _adopt(plan, user, **kwargs):
    return plan_adopt(
        plan=plan, adopted_on=date(2027, 3, 23), meeting="Sundhedsrådets møde 23. marts 2027",
        decision_text="Godkendt", adopted_by=user, **kwargs,
    )  # fmt: skip


def _advice(plan, user):
    return advice_record(
        plan=plan, received_on=date(2027, 2, 1), text="Sundhedsstyrelsen anbefaler ...", recorded_by=user
    )


def test_adoption_refused_without_closed_hearing_and_advice(world):
    secretariat = world.users["secretariat"]
    plan = complete_plan(world)
    with pytest.raises(ValidationError) as exc:
        _adopt(plan, secretariat)
    messages = " ".join(exc.value.messages)
    assert "ingen afsluttet høring" in messages and "Sundhedsstyrelsen" in messages
    hearing = open_hearing(world, plan=plan)
    with pytest.raises(ValidationError, match="i høring"):
        _adopt(plan, secretariat)
    hearing_close_after_deadline(hearing=hearing, closed_by=secretariat)
    with pytest.raises(ValidationError, match="Sundhedsstyrelsen"):
        _adopt(plan, secretariat)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT and PlanAdoption.objects.count() == 0


def test_hearing_without_the_statutory_party_does_not_count(world):
    # Parties can only be opened with the statutory party; a closed hearing whose committee party was
    # deleted afterwards (e.g. by an admin) no longer satisfies the gate.
    secretariat = world.users["secretariat"]
    plan = complete_plan(world)
    hearing = open_hearing(world, plan=plan)
    hearing_close_after_deadline(hearing=hearing, closed_by=secretariat)
    hearing.parties.filter(kind=HearingParty.Kind.PATIENT_COMMITTEE).delete()
    _advice(plan, secretariat)
    with pytest.raises(ValidationError, match="ingen afsluttet høring"):
        _adopt(plan, secretariat)


def test_adoption_after_the_statutory_steps_freezes_vedtaget(world):
    secretariat = world.users["secretariat"]
    plan = complete_plan(world)
    hearing = open_hearing(world, plan=plan)
    hearing_close_after_deadline(hearing=hearing, closed_by=secretariat)
    _advice(plan, secretariat)
    adoption = _adopt(plan, secretariat, override_reason="ignoreres")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED
    assert adoption.snapshot.name == "Vedtaget" and adoption.snapshot.plan_status == Plan.Status.ADOPTED
    assert adoption.override_reason == "" and adoption.override_by is None
    with pytest.raises(ValidationError, match="allerede vedtaget"):
        _adopt(plan, secretariat)


def test_override_needs_an_administrator_and_a_reason_and_is_logged_and_shown(client, world):
    plan = complete_plan(world)
    with pytest.raises(ValidationError):
        _adopt(plan, world.users["secretariat"], override_reason="Haster")
    with pytest.raises(ValidationError, match="begrundelse"):
        _adopt(plan, world.users["admin"], override_reason="  ")
    assert PlanAdoption.objects.count() == 0
    adoption = _adopt(plan, world.users["admin"], override_reason="Fristen 1. april 2027 skal nås.")
    assert adoption.override_by == world.users["admin"]
    event = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.ADOPTION_OVERRIDDEN)
    assert event.data["reason"] == "Fristen 1. april 2027 skal nås." and len(event.data["missing"]) == 2
    client.force_login(world.users["member"])
    page = client.get(reverse("plan-adoption", kwargs={"plan_pk": plan.pk})).content.decode()
    assert "Fristen 1. april 2027 skal nås." in page and "23. marts 2027" in page


def test_adoption_page_post_by_secretariat_and_member_denied(client, world):
    secretariat = world.users["secretariat"]
    plan = complete_plan(world)
    local = PartyInput(name="Lokale foreninger", email="l@example.dk", kind="local_patient_orgs", note="N")
    hearing = open_hearing(world, plan=plan, parties=[local])
    hearing_close_after_deadline(hearing=hearing, closed_by=secretariat)
    _advice(plan, secretariat)
    url = reverse("plan-adoption", kwargs={"plan_pk": plan.pk})
    data = {"adopted_on": "2027-03-23", "meeting": "Møde 23. marts 2027", "decision_text": "Godkendt"}
    client.force_login(world.users["member"])
    assert client.post(url, data).status_code == 403
    assert PlanAdoption.objects.count() == 0
    client.force_login(secretariat)
    assert client.post(url, data).status_code == 302
    assert PlanAdoption.objects.get().meeting == "Møde 23. marts 2027"


def test_advice_document_is_validated_like_uploads(client, world, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan = complete_plan(world)
    client.force_login(world.users["secretariat"])
    url = reverse("plan-advice", kwargs={"plan_pk": plan.pk})
    bad = SimpleUploadedFile("raad.pdf", b"ikke en pdf")
    page = client.post(url, {"received_on": "2027-02-01", "text": "Råd", "document": bad}).content.decode()
    assert "indholdet er ikke en PDF-fil" in page
    assert SundhedsstyrelsenAdvice.objects.count() == 0 and stored_files(media_root) == []
    good = client.post(url, {"received_on": "2027-02-01", "text": "Råd", "document": pdf_file("raad.pdf")})
    assert good.status_code == 302
    advice = SundhedsstyrelsenAdvice.objects.get()
    assert advice.document_name == "raad.pdf" and len(stored_files(media_root)) == 1
    download = client.get(
        reverse("plan-advice-document", kwargs={"plan_pk": plan.pk, "advice_pk": advice.pk})
    )
    assert download.status_code == 200
