from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from planning.hearings.services import PartyInput
from planning.models import Hearing, HearingParty, Plan, PlanEvent, PlanSnapshot
from tests.factories import MunicipalityFactory
from tests.factories.planning import PlanFactory
from tests.planning.hearings.helpers import complete_plan, default_parties, open_hearing


def test_open_freezes_snapshot_sets_status_and_invites_each_party_once(
    world, django_capture_on_commit_callbacks
):
    plan = complete_plan(world)
    with django_capture_on_commit_callbacks(execute=True):
        hearing = open_hearing(world, plan=plan)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_HEARING
    assert hearing.state == Hearing.State.OPEN
    assert hearing.snapshot.name == "Udkast til høring"
    assert hearing.snapshot.entries.count() == plan.sections.filter(is_removed=False).count()
    assert (
        PlanEvent.objects.filter(plan=plan, kind=PlanEvent.Kind.STATUS_CHANGED, data__to="in_hearing").count()
        == 1
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["ppu@example.dk", "sonderborg@example.dk"]
    link = reverse("hearing-party", kwargs={"pk": hearing.pk, "token": "x"}).rsplit("x/", 1)[0]
    assert all(link in m.body for m in mail.outbox)
    assert hearing.parties.filter(invited_at__isnull=True).count() == 0
    # a retried invitation task sends nothing again
    from planning.hearings.services import hearing_invitations_send

    assert hearing_invitations_send(hearing_id=hearing.pk) == 0
    assert len(mail.outbox) == 2


def test_no_hearing_without_the_statutory_party(world):
    plan = complete_plan(world)
    parties = [
        PartyInput(name="Sønderborg Kommune", email="s@example.dk", kind=HearingParty.Kind.MUNICIPALITY)
    ]
    with pytest.raises(ValidationError) as exc:
        open_hearing(world, plan=plan, parties=parties)
    assert "patient- og pårørendeudvalg skal høres" in " ".join(exc.value.messages)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT
    assert Hearing.objects.count() == 0
    assert PlanSnapshot.objects.count() == 0


def test_local_patient_organisations_need_a_note_and_then_suffice(world):
    plan = complete_plan(world)
    local = PartyInput(
        name="Lokale patientforeninger", email="lpo@example.dk", kind=HearingParty.Kind.LOCAL_PATIENT_ORGS
    )
    with pytest.raises(ValidationError) as exc:
        open_hearing(world, plan=plan, parties=[local])
    assert "Skriv en note" in " ".join(exc.value.messages)
    local.note = "Diabetesforeningen og Hjerteforeningen i Sønderjylland"
    hearing = open_hearing(world, plan=plan, parties=[local])
    assert hearing.parties.get().note.startswith("Diabetesforeningen")


def test_no_hearing_for_an_incomplete_plan(world):
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    with pytest.raises(ValidationError) as exc:
        open_hearing(world, plan=plan)
    assert "ikke komplet" in " ".join(exc.value.messages)
    assert Hearing.objects.count() == 0
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_deadline_must_be_in_the_future_and_plan_not_already_in_hearing(world):
    plan = complete_plan(world)
    with pytest.raises(ValidationError, match="fremtiden"):
        open_hearing(world, plan=plan, deadline=timezone.now() - timedelta(hours=1))
    open_hearing(world, plan=plan)
    with pytest.raises(ValidationError, match="allerede i høring"):
        open_hearing(world, plan=plan)


def test_open_form_proposes_municipalities_and_opens_from_post(client, world):
    MunicipalityFactory(council=world.council, name="Aabenraa", slug="aabenraa")
    MunicipalityFactory(council=world.council, name="Tønder", slug="toender")
    plan = complete_plan(world)
    client.force_login(world.users["secretariat"])
    url = reverse("hearing-open", kwargs={"plan_pk": plan.pk})
    page = client.get(url).content.decode()
    assert "Aabenraa Kommune" in page and "Tønder Kommune" in page and "Patient- og pårørendeudvalget" in page
    data = {
        "title": "Høring", "deadline": (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"),
        "intro": "", "snapshot_name": "Udkast til høring", "party-count": "3",
        "party-0-include": "on", "party-0-name": "PPU Syddanmark", "party-0-email": "ppu@example.dk",
        "party-0-kind": "patient_committee",
        "party-1-include": "on", "party-1-name": "Aabenraa Kommune", "party-1-email": "a@example.dk",
        "party-1-kind": "municipality",
        "party-2-name": "", "party-2-email": "", "party-2-kind": "other",
    }  # fmt: skip
    response = client.post(url, data)
    hearing = Hearing.objects.get()
    assert response.status_code == 302 and response.url == hearing.get_absolute_url()
    assert sorted(hearing.parties.values_list("name", flat=True)) == ["Aabenraa Kommune", "PPU Syddanmark"]


def test_open_form_without_statutory_party_rerenders_with_danish_error_and_input(client, world):
    plan = complete_plan(world)
    client.force_login(world.users["secretariat"])
    data = {
        "title": "Min høring",
        "deadline": (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"),
        "snapshot_name": "Udkast til høring", "party-count": "1",
        "party-0-include": "on", "party-0-name": "Aabenraa Kommune", "party-0-email": "a@example.dk",
        "party-0-kind": "municipality",
    }  # fmt: skip
    response = client.post(reverse("hearing-open", kwargs={"plan_pk": plan.pk}), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "patient- og pårørendeudvalg skal høres" in page
    assert 'value="Min høring"' in page and 'value="a@example.dk"' in page
    assert Hearing.objects.count() == 0


def test_default_parties_helper_has_the_statutory_party():
    assert any(p.kind in HearingParty.STATUTORY_KINDS for p in default_parties())
