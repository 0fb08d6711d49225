import pytest

from councils.models import CouncilMember
from planning.meetings.selectors import vote_result
from planning.meetings.services import MeetingError, agenda_item_decision_record
from planning.models import Vote
from tests.factories import CouncilMemberFactory


def _participants(meeting):
    by_name = {p.member.name: p for p in meeting.participants.select_related("member")}
    regional = [p for name, p in by_name.items() if name.startswith("Regionsmedlem")]
    municipal = {
        name.removeprefix("Borgmester "): p for name, p in by_name.items() if name.startswith("Borgmester")
    }
    return regional, municipal


def test_fyn_eleven_regional_votes_carry_against_odense_and_eight_municipalities(fyn_meeting, world):
    item = fyn_meeting.items.get()
    regional, municipal = _participants(fyn_meeting)
    assert len(regional) == 11 and len(municipal) == 9
    votes = {p.pk: Vote.Choice.FOR for p in regional} | {
        p.pk: Vote.Choice.AGAINST for p in municipal.values()
    }

    agenda_item_decision_record(
        item=item, decision_text="Godkendt.", votes=votes, recorded_by=world.users["other_secretariat"]
    )

    result = vote_result(item=item)
    assert result.heads == {"for": 11, "against": 9, "abstain": 0}
    assert result.weighted == {"for": 11, "against": 10, "abstain": 0}  # Odense 2 + eight municipalities 1
    assert result.carried is True
    assert item.votes.get(participant=municipal["Odense"]).weight == 2
    assert item.votes.get(participant=municipal["Ærø"]).weight == 1
    item.refresh_from_db()
    assert item.decided_by_vote is True and item.unanimous is False


def test_weighted_tie_is_not_carried(fyn_meeting, world):
    """Ten regional members for (10), Odense and eight municipalities against (10): a tie."""
    item = fyn_meeting.items.get()
    regional, municipal = _participants(fyn_meeting)
    votes = {p.pk: Vote.Choice.FOR for p in regional[:10]}
    votes[regional[10].pk] = Vote.Choice.ABSTAIN
    votes |= {p.pk: Vote.Choice.AGAINST for p in municipal.values()}

    agenda_item_decision_record(item=item, decision_text="Faldt.", votes=votes, recorded_by=None)

    result = vote_result(item=item)
    assert result.weighted == {"for": 10, "against": 10, "abstain": 1}
    assert result.heads == {"for": 10, "against": 9, "abstain": 1}
    assert result.is_tie is True
    assert result.carried is False


def test_abstentions_count_in_neither_direction(fyn_meeting):
    """Odense (2) for, Assens (1) against, everyone else abstains: carried 2–1 by weight."""
    item = fyn_meeting.items.get()
    regional, municipal = _participants(fyn_meeting)
    votes = {p.pk: Vote.Choice.ABSTAIN for p in regional}
    votes |= {p.pk: Vote.Choice.ABSTAIN for p in municipal.values()}
    votes[municipal["Odense"].pk] = Vote.Choice.FOR
    votes[municipal["Assens"].pk] = Vote.Choice.AGAINST

    agenda_item_decision_record(item=item, decision_text="Godkendt.", votes=votes, recorded_by=None)

    result = vote_result(item=item)
    assert result.heads == {"for": 1, "against": 1, "abstain": 18}
    assert result.weighted == {"for": 2, "against": 1, "abstain": 18}
    assert result.carried is True


def test_headcount_majority_can_lose_on_weight(fyn_meeting):
    item = fyn_meeting.items.get()
    _regional, municipal = _participants(fyn_meeting)
    votes = {municipal["Odense"].pk: Vote.Choice.AGAINST, municipal["Ærø"].pk: Vote.Choice.FOR}
    votes[municipal["Nyborg"].pk] = Vote.Choice.FOR
    agenda_item_decision_record(item=item, decision_text="Faldt.", votes=votes, recorded_by=None)
    result = vote_result(item=item)
    assert result.heads["for"] == 2 and result.heads["against"] == 1
    assert result.carried is False  # 2 against 2 by weight


def test_unanimous_decision_is_recorded_without_roll_call(fyn_meeting):
    item = fyn_meeting.items.get()
    agenda_item_decision_record(item=item, decision_text="Godkendt.", unanimous=True, recorded_by=None)
    item.refresh_from_db()
    assert item.unanimous is True and item.decided_by_vote is False
    assert item.votes.count() == 0
    assert item.decision_date == fyn_meeting.date


def test_absent_members_and_observers_cannot_vote(fyn_meeting):
    item = fyn_meeting.items.get()
    regional, _municipal = _participants(fyn_meeting)
    absent = regional[0]
    absent.attendance = "absent"
    absent.save()
    with pytest.raises(MeetingError, match="ikke til stede"):
        agenda_item_decision_record(item=item, decision_text="X", votes={absent.pk: "for"}, recorded_by=None)
    observer = CouncilMemberFactory(
        council=fyn_meeting.council, name="Observatør", kind=CouncilMember.Kind.OBSERVER
    )
    participant = fyn_meeting.participants.create(member=observer)
    with pytest.raises(MeetingError, match="stemmeret"):
        agenda_item_decision_record(
            item=item, decision_text="X", votes={participant.pk: "for"}, recorded_by=None
        )
    assert item.votes.count() == 0
    item.refresh_from_db()
    assert item.decision_text == ""
