import pytest
from django.urls import reverse

from planning.meetings.selectors import plan_adoption_suspended
from planning.meetings.services import MeetingError, agenda_item_update, stop_right_invoke, stop_right_resolve
from planning.models import Notification, PlanEvent, StopRightReferral
from tests.factories.planning import PlanFactory


@pytest.fixture
def adoption_item(world, held_meeting):
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    item = held_meeting.items.get(number=1)
    agenda_item_update(item=item, plan=plan, updated_by=world.users["secretariat"])
    return item


def test_regional_member_present_refers_the_decision_and_suspends_the_plan(world, adoption_item):
    plan = adoption_item.plan
    assert plan_adoption_suspended(plan=plan) is False

    referral = stop_right_invoke(
        item=adoption_item, user=world.users["member"], reason="Bør behandles i regionsrådet"
    )

    assert referral.invoked_by.member.name == "Signe Knappe"
    assert plan_adoption_suspended(plan=plan) is True
    event = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.STOP_RIGHT_USED)
    assert event.data["referral"] == referral.pk
    assert list(
        Notification.objects.filter(kind="meeting_stop_right").values_list("user__username", flat=True)
    ) == ["secretariat"]

    stop_right_resolve(
        referral=referral,
        resolution="Regionsrådet tiltrådte beslutningen.",
        resolved_by=world.users["secretariat"],
    )
    assert plan_adoption_suspended(plan=plan) is False
    assert PlanEvent.objects.filter(plan=plan, kind=PlanEvent.Kind.STOP_RIGHT_RESOLVED).count() == 1


def test_municipal_member_cannot_invoke(world, adoption_item, soenderjylland_roster):
    with pytest.raises(MeetingError, match="Kun regionsrådsmedlemmer"):
        stop_right_invoke(item=adoption_item, user=soenderjylland_roster["municipal"].user)
    assert StopRightReferral.objects.count() == 0
    assert plan_adoption_suspended(plan=adoption_item.plan) is False


def test_absent_regional_member_cannot_invoke(world, adoption_item):
    adoption_item.meeting.participants.filter(member__user=world.users["member"]).update(attendance="absent")
    with pytest.raises(MeetingError, match="til stede"):
        stop_right_invoke(item=adoption_item, user=world.users["member"])
    assert StopRightReferral.objects.count() == 0


def test_only_one_open_referral_per_item(world, adoption_item):
    stop_right_invoke(item=adoption_item, user=world.users["member"])
    with pytest.raises(MeetingError, match="allerede"):
        stop_right_invoke(item=adoption_item, user=_chair(adoption_item))
    assert StopRightReferral.objects.count() == 1


def _chair(item):
    return item.meeting.participants.get(member__is_chair=True).member.user


@pytest.mark.parametrize(
    ("who", "status"), [("secretariat", 403), ("kommunal", 403), ("other_member", 404), ("member", 302)]
)
def test_stop_right_view_allows_only_the_regional_member(
    client, world, adoption_item, soenderjylland_roster, who, status
):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=who))
    url = reverse(
        "stop-right-invoke",
        kwargs={"slug": world.council.slug, "pk": adoption_item.meeting_id, "item_pk": adoption_item.pk},
    )
    response = client.post(url, {"reason": "x"})
    assert response.status_code == status
    assert StopRightReferral.objects.count() == (1 if status == 302 else 0)
    assert Notification.objects.filter(kind="meeting_stop_right").count() == (1 if status == 302 else 0)


def test_meeting_page_shows_the_referral_and_the_link_to_resolve_it(client, world, adoption_item):
    stop_right_invoke(item=adoption_item, user=world.users["member"], reason="Principiel sag")
    client.force_login(world.users["secretariat"])
    body = client.get(adoption_item.meeting.get_absolute_url()).content.decode()
    assert "Henvist til regionsrådet (standsningsret brugt af Signe Knappe, V)" in body
    assert "Registrer regionsrådets afgørelse" in body
    client.force_login(world.users["member"])
    body = client.get(adoption_item.meeting.get_absolute_url()).content.decode()
    assert 'Brug standsningsretten<span class="visually-hidden"> 1</span>' not in body  # already referred
    assert 'Brug standsningsretten<span class="visually-hidden"> 2</span>' in body
