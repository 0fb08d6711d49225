"""The plan is adopted as an agenda item's decision; a stop right keeps it from becoming "Vedtaget"."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planning.adoption.services import advice_record, plan_adopt
from planning.meetings.services import agenda_item_update, stop_right_invoke, stop_right_resolve
from planning.models import Plan, PlanAdoption
from tests.planning.hearings.helpers import complete_plan, hearing_close_after_deadline, open_hearing


@pytest.fixture
def heard_plan(world):
    secretariat = world.users["secretariat"]
    plan = complete_plan(world)
    hearing_close_after_deadline(hearing=open_hearing(world, plan=plan), closed_by=secretariat)
    advice_record(plan=plan, received_on=date(2027, 2, 1), text="Rådgivning", recorded_by=secretariat)
    return plan


@pytest.fixture
def adoption_item(world, held_meeting, heard_plan):
    item = held_meeting.items.get(number=1)
    return agenda_item_update(item=item, plan=heard_plan, updated_by=world.users["secretariat"])


def test_stop_right_blocks_adoption_until_the_referral_is_resolved(world, heard_plan, adoption_item):
    secretariat = world.users["secretariat"]
    referral = stop_right_invoke(item=adoption_item, user=world.users["member"], reason="Til regionsrådet")

    with pytest.raises(ValidationError, match="standsningsretten"):
        plan_adopt(
            plan=heard_plan, adopted_on=date(2027, 3, 23), meeting="", decision_text="",
            adopted_by=secretariat, agenda_item=adoption_item,
        )  # fmt: skip
    heard_plan.refresh_from_db()
    assert heard_plan.status != Plan.Status.ADOPTED and PlanAdoption.objects.count() == 0

    stop_right_resolve(referral=referral, resolution="Regionsrådet tiltrådte.", resolved_by=secretariat)
    adoption = plan_adopt(
        plan=heard_plan, adopted_on=date(2027, 3, 23), meeting="", decision_text="",
        adopted_by=secretariat, agenda_item=adoption_item,
    )  # fmt: skip
    heard_plan.refresh_from_db()
    assert heard_plan.status == Plan.Status.ADOPTED
    assert adoption.agenda_item == adoption_item
    assert adoption.decision_text == "Godkendt."
    assert "punkt 1" in adoption.meeting


def test_agenda_item_of_another_plan_is_refused(world, heard_plan, held_meeting):
    other_item = held_meeting.items.get(number=1)  # not linked to the plan
    with pytest.raises(ValidationError, match="besluttet punkt om denne plan"):
        plan_adopt(
            plan=heard_plan, adopted_on=date(2027, 3, 23), meeting="x", decision_text="y",
            adopted_by=world.users["secretariat"], agenda_item=other_item,
        )  # fmt: skip
    assert PlanAdoption.objects.count() == 0


def test_adoption_page_offers_the_decided_item_and_links_to_the_meeting(
    client, world, heard_plan, adoption_item
):
    client.force_login(world.users["secretariat"])
    url = reverse("plan-adoption", kwargs={"plan_pk": heard_plan.pk})
    page = client.get(url).content.decode()
    assert "Dagsordenspunkt med beslutningen" in page and adoption_item.title in page
    response = client.post(
        url,
        {"agenda_item": adoption_item.pk, "adopted_on": "2027-03-23", "meeting": "", "decision_text": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(url).content.decode()
    assert adoption_item.meeting.get_absolute_url() in page
