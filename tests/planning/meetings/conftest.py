"""Meetings with real compositions: Fyn (9 municipalities, Odense with 2 votes, 11 regional members)."""

import datetime

import pytest

from councils.models import CouncilMember
from councils.permissions import CouncilRole, council_role_grant
from planning.meetings.services import agenda_item_create, meeting_create, meeting_status_change
from tests.factories import CouncilMemberFactory, MunicipalityFactory, UserFactory

FYN_MUNICIPALITIES = [
    ("Odense", 207_000), ("Assens", 41_000), ("Faaborg-Midtfyn", 51_000), ("Nordfyn", 29_000),
    ("Kerteminde", 24_000), ("Ærø", 6_000), ("Langeland", 12_000), ("Nyborg", 32_000), ("Svendborg", 59_000),
]  # fmt: skip


@pytest.fixture
def fyn_meeting(world):
    """A published Fyn meeting with its 20 members present: 11 regional and one per municipality."""
    council = world.other_council
    for name, population in FYN_MUNICIPALITIES:
        municipality = MunicipalityFactory(
            council=council, name=name, slug=name.lower(), population=population
        )
        CouncilMemberFactory(
            council=council,
            name=f"Borgmester {name}",
            kind=CouncilMember.Kind.MUNICIPAL,
            municipality=municipality,
        )
    for n in range(1, 12):
        CouncilMemberFactory(council=council, name=f"Regionsmedlem {n}", kind=CouncilMember.Kind.REGIONAL)
    meeting = meeting_create(council=council, date=datetime.date(2026, 4, 28), start_time=datetime.time(8))
    agenda_item_create(
        meeting=meeting, title="Godkendelse af procesplan", created_by=world.users["other_secretariat"]
    )
    meeting_status_change(meeting=meeting, to_status="agenda_published", changed_by=None)
    return meeting


@pytest.fixture
def soenderjylland_roster(world):
    """Sønderjylland: the world's member user is a regional member, another user a municipal member."""
    council = world.council
    municipality = MunicipalityFactory(
        council=council, name="Sønderborg", slug="soenderborg", population=73_000
    )
    regional = CouncilMemberFactory(
        council=council, name="Signe Knappe", party_letter="V", kind=CouncilMember.Kind.REGIONAL,
        user=world.users["member"], is_chair=False,
    )  # fmt: skip
    municipal_user = UserFactory(username="kommunal")
    council_role_grant(council=council, user=municipal_user, role=CouncilRole.MEMBER)
    municipal = CouncilMemberFactory(
        council=council, name="Tage Petersen", party_letter="V", kind=CouncilMember.Kind.MUNICIPAL,
        municipality=municipality, user=municipal_user,
    )  # fmt: skip
    chair_user = UserFactory(username="formand")
    council_role_grant(council=council, user=chair_user, role=CouncilRole.MEMBER)
    chair = CouncilMemberFactory(
        council=council, name="Susanne Eilersen", party_letter="O", kind=CouncilMember.Kind.REGIONAL,
        user=chair_user, is_chair=True,
    )  # fmt: skip
    return {"regional": regional, "municipal": municipal, "chair": chair}


@pytest.fixture
def held_meeting(world, soenderjylland_roster):
    """A held Sønderjylland meeting with an open and a closed item, both decided."""
    secretariat = world.users["secretariat"]
    meeting = meeting_create(
        council=world.council, date=datetime.date(2026, 4, 28), start_time=datetime.time(8),
        end_time=datetime.time(12), place="Mødelokale F, Sygehus Sønderjylland",
    )  # fmt: skip
    agenda_item_create(
        meeting=meeting, title="Godkendelse af dagsordenen", created_by=secretariat, case_number="25/53155",
        resume="Dagsordenen godkendes.", proposals="At sundhedsrådet godkender dagsordenen.",
    )  # fmt: skip
    agenda_item_create(
        meeting=meeting, title="Personalesag om direktør", created_by=secretariat, is_closed=True,
        resume="HEMMELIGT-RESUME om en navngiven medarbejder",
        case_presentation="<p>HEMMELIG-SAGSFREMSTILLING</p>",
    )  # fmt: skip
    meeting_status_change(meeting=meeting, to_status="agenda_published", changed_by=secretariat)
    from planning.meetings.services import agenda_item_decision_record

    for item in meeting.items.all():
        agenda_item_decision_record(item=item, decision_text="Godkendt.", recorded_by=secretariat)
    meeting_status_change(meeting=meeting, to_status="held", changed_by=secretariat)
    return meeting
