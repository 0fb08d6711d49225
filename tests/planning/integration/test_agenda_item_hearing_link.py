"""An agenda item can point at a hearing (and so its white paper); only the council's own hearings."""

import datetime

import pytest
from django.urls import reverse

from planning.meetings.services import MeetingError, agenda_item_create, meeting_create
from tests.factories.planning import PlanFactory
from tests.planning.hearings.helpers import complete_plan, open_hearing


def test_item_links_to_the_hearing_and_its_white_paper(client, world):
    hearing = open_hearing(world, plan=complete_plan(world))
    meeting = meeting_create(
        council=world.council, date=datetime.date(2027, 1, 26), start_time=datetime.time(8),
        end_time=datetime.time(12),
    )  # fmt: skip
    item = agenda_item_create(
        meeting=meeting,
        title="Høringssvar og hvidbog",
        created_by=world.users["secretariat"],
        hearing=hearing,
    )
    assert item.hearing == hearing
    client.force_login(world.users["member"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("whitepaper-detail", kwargs={"pk": hearing.pk}) in page


def test_another_councils_hearing_is_refused(world):
    hearing = open_hearing(world, plan=complete_plan(world))
    other_meeting = meeting_create(
        council=world.other_council, date=datetime.date(2027, 1, 26), start_time=datetime.time(8)
    )
    with pytest.raises(MeetingError, match="andet sundhedsråd"):
        agenda_item_create(
            meeting=other_meeting, title="x", created_by=world.users["other_secretariat"], hearing=hearing
        )
    other_plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    own_meeting = meeting_create(
        council=world.council, date=datetime.date(2027, 1, 27), start_time=datetime.time(8)
    )
    with pytest.raises(MeetingError, match="ikke til den valgte plan"):
        agenda_item_create(
            meeting=own_meeting,
            title="x",
            created_by=world.users["secretariat"],
            hearing=hearing,
            plan=other_plan,
        )
