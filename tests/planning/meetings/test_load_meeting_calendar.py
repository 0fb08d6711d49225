import datetime

import pytest
from django.core.management import CommandError, call_command

from planning.meetings.selectors import council_meeting_dates
from planning.models import AgendaItem, Meeting


def test_calendar_loads_once_and_twice_changes_nothing(world):
    call_command("load_meeting_calendar")
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), world.council.members.count())
    call_command("load_meeting_calendar")
    assert (Meeting.objects.count(), AgendaItem.objects.count(), world.council.members.count()) == counts
    assert counts == (16, 10, 9)  # 8 ordinary + reserve + 4 visits + seminar + conference + 23 March

    dates = council_meeting_dates(council=world.council)
    assert datetime.date(2026, 4, 28) in dates and datetime.date(2026, 12, 15) in dates
    assert datetime.date(2026, 5, 29) not in dates  # a visit is not a decision meeting
    april = world.council.meetings.get(date=datetime.date(2026, 4, 28))
    assert (april.start_time, april.end_time) == (datetime.time(8), datetime.time(12))

    march = world.council.meetings.get(date=datetime.date(2026, 3, 23))
    assert march.status == Meeting.Status.MINUTES_APPROVED
    first = march.items.get(number=1)
    assert (first.case_number, first.title, first.decision_text) == (
        "25/53155",
        "Godkendelse af dagsordenen",
        "Godkendt.",
    )
    assert march.items.get(number=2).is_closed is True
    assert march.items.get(number=4).case_number == "26/10588"
    assert "Signe Knappe, V" in [str(p.member) for p in march.participants.select_related("member")]


def test_calendar_needs_the_council(db):
    with pytest.raises(CommandError, match="soenderjylland"):
        call_command("load_meeting_calendar")
