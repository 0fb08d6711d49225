import datetime
import io
import re

import pytest
from pypdf import PdfReader

from planning.meetings.selectors import council_meeting_dates, minutes_pending_participants
from planning.meetings.services import (
    MeetingError,
    agenda_item_decision_record,
    meeting_create,
    meeting_document_pdf,
    minutes_approve,
    minutes_approve_at_meeting,
    minutes_issue,
)
from planning.models import Meeting, MinutesApproval


def _users(roster):
    return [roster[key].user for key in ("regional", "municipal", "chair")]


def test_minutes_become_final_when_all_present_participants_approve(
    world, held_meeting, soenderjylland_roster
):
    version = minutes_issue(meeting=held_meeting, issued_by=world.users["secretariat"])
    assert version.number == 1
    regional, municipal, chair = _users(soenderjylland_roster)
    minutes_approve(meeting=held_meeting, user=regional)
    minutes_approve(meeting=held_meeting, user=regional)  # one click, twice: one approval
    assert MinutesApproval.objects.filter(minutes_version=version).count() == 1
    minutes_approve(meeting=held_meeting, user=municipal)
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.HELD
    assert [p.member.name for p in minutes_pending_participants(meeting=held_meeting)] == ["Susanne Eilersen"]
    minutes_approve(meeting=held_meeting, user=chair)
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED and held_meeting.minutes_approved_at


def test_absent_participants_are_not_needed_and_cannot_approve(world, held_meeting, soenderjylland_roster):
    held_meeting.participants.filter(member=soenderjylland_roster["chair"]).update(attendance="absent")
    minutes_issue(meeting=held_meeting, issued_by=world.users["secretariat"])
    regional, municipal, chair = _users(soenderjylland_roster)
    with pytest.raises(MeetingError):
        minutes_approve(meeting=held_meeting, user=chair)
    with pytest.raises(MeetingError):
        minutes_approve(meeting=held_meeting, user=world.users["secretariat"])
    minutes_approve(meeting=held_meeting, user=regional)
    minutes_approve(meeting=held_meeting, user=municipal)
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED


def test_later_edit_creates_a_new_version_that_needs_new_approval(world, held_meeting, soenderjylland_roster):
    minutes_issue(meeting=held_meeting, issued_by=world.users["secretariat"])
    for user in _users(soenderjylland_roster):
        minutes_approve(meeting=held_meeting, user=user)
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED

    item = held_meeting.items.get(number=1)
    agenda_item_decision_record(
        item=item, decision_text="Godkendt med en tilføjelse.", recorded_by=world.users["secretariat"]
    )

    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.HELD
    versions = list(held_meeting.minutes_versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].content[0]["decision_text"] == "Godkendt."  # history kept
    assert versions[1].content[0]["decision_text"] == "Godkendt med en tilføjelse."
    assert versions[0].approvals.count() == 3 and versions[1].approvals.count() == 0
    assert len(minutes_pending_participants(meeting=held_meeting)) == 3
    assert (
        minutes_issue(meeting=held_meeting, issued_by=world.users["secretariat"]).number == 2
    )  # unchanged: no v3


def test_next_meeting_rule_is_approved_by_the_secretariat_at_a_later_meeting(
    world, held_meeting, soenderjylland_roster
):
    Meeting.objects.filter(pk=held_meeting.pk).update(approval_rule=Meeting.ApprovalRule.NEXT_MEETING)
    held_meeting.refresh_from_db()
    minutes_issue(meeting=held_meeting, issued_by=world.users["secretariat"])
    for user in _users(soenderjylland_roster):
        minutes_approve(meeting=held_meeting, user=user)
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.HELD  # approvals alone do not finalise under this rule
    earlier = meeting_create(
        council=world.council, date=datetime.date(2026, 3, 23), start_time=datetime.time(17, 30)
    )
    with pytest.raises(MeetingError):
        minutes_approve_at_meeting(
            meeting=held_meeting, at_meeting=earlier, recorded_by=world.users["secretariat"]
        )
    later = meeting_create(
        council=world.council, date=datetime.date(2026, 5, 26), start_time=datetime.time(8)
    )
    minutes_approve_at_meeting(meeting=held_meeting, at_meeting=later, recorded_by=world.users["secretariat"])
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED
    assert held_meeting.minutes_approved_at_meeting == later


def test_council_meeting_dates_are_the_decision_meetings(world, held_meeting):
    meeting_create(
        council=world.council, date=datetime.date(2026, 5, 29), start_time=datetime.time(9), kind="visit"
    )
    meeting_create(
        council=world.council,
        date=datetime.date(2026, 8, 4),
        start_time=datetime.time(8),
        kind="extraordinary",
    )
    assert council_meeting_dates(council=world.council) == {
        datetime.date(2026, 4, 28),
        datetime.date(2026, 8, 4),
    }
    assert council_meeting_dates(council=world.other_council) == set()


def test_minutes_pdf_has_a_paged_table_of_contents_headings_and_dated_decisions(world, held_meeting):
    pdf = meeting_document_pdf(meeting=held_meeting, kind="minutes", include_closed=True)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert len(pages) == 3  # header and contents, then one page per item
    assert re.search(r"REFERAT Sundhedsråd Sønderjylland d\.\s+28-04-2026", pages[0])
    assert "Indholdsfortegnelse" in pages[0]
    assert "Signe Knappe, V" in pages[0] and "Tage Petersen, V" in pages[0]
    assert re.search(r"Godkendelse af dagsordenen[ .]*2\b", pages[0]), pages[0]
    assert re.search(r"Personalesag om direktør[ .]*3\b", pages[0]), pages[0]
    assert "Punkt 1: Godkendelse af dagsordenen" in pages[1]
    for heading in ("Resumé", "Indstilling", "At sundhedsrådet godkender dagsordenen."):
        assert heading in pages[1]
    assert "Beslutning i Sundhedsråd Sønderjylland den 28-04-2026" in pages[1]
    assert "Beslutning i Sundhedsråd Sønderjylland den 28-04-2026" in pages[2]
    assert "Side 2 af 3" in text
    # Rendered through the shared renderer (planning.common.pdf.pdf_render): metadata, language, tagging.
    assert reader.metadata.title == "Referat – Sundhedsråd Sønderjylland – 28-04-2026"
    assert reader.metadata.author == "Sundhedsråd Sønderjylland"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "da"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]


def test_agenda_pdf_has_no_decisions(world, held_meeting):
    pdf = meeting_document_pdf(meeting=held_meeting, kind="agenda")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "DAGSORDEN Sundhedsråd Sønderjylland" in text and "Indholdsfortegnelse" in text
    assert "Beslutning i" not in text
