from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail

from planning.hearings.services import hearing_reminders_send, hearing_response_submit
from planning.models import HearingReminder
from tests.planning.hearings.helpers import hearing_close_after_deadline, open_hearing, party_of

CPH = ZoneInfo("Europe/Copenhagen")


def _sweep_every_day(first: date, last: date, times: int = 2) -> dict[date, int]:
    sent = {}
    day = first
    while day <= last:
        sent[day] = sum(hearing_reminders_send(today=day) for _ in range(times))
        day += timedelta(days=1)
    return sent


def test_reminders_7_and_1_days_before_exactly_once_across_dst_change(world):
    # Summer time ends on Sunday 25 October 2026: the deadline is 7 days later, at 12:00 CET.
    deadline = datetime(2026, 11, 1, 12, 0, tzinfo=CPH)
    opened = datetime(2026, 10, 1, 9, 0, tzinfo=CPH)
    hearing = open_hearing(world, deadline=deadline, now=opened)
    hearing_response_submit(party=party_of(hearing), text="Svar", files=[], now=opened + timedelta(days=1))
    mail.outbox.clear()
    sent = _sweep_every_day(date(2026, 10, 20), date(2026, 11, 3))
    assert {day: n for day, n in sent.items() if n} == {date(2026, 10, 25): 1, date(2026, 10, 31): 1}
    assert [m.to for m in mail.outbox] == [["sonderborg@example.dk"], ["sonderborg@example.dk"]]
    assert "7 dage" in mail.outbox[0].subject and "i morgen" in mail.outbox[1].subject
    assert sorted(HearingReminder.objects.values_list("days_before", flat=True)) == [1, 7]


def test_reminders_across_spring_dst_change(world):
    # Summer time starts Sunday 28 March 2027 at 02:00; deadline 1 April 2027 00:30 CEST.
    deadline = datetime(2027, 4, 1, 0, 30, tzinfo=CPH)
    hearing = open_hearing(world, deadline=deadline, now=datetime(2027, 3, 1, 9, 0, tzinfo=CPH))
    assert hearing.parties.count() == 2
    sent = _sweep_every_day(date(2027, 3, 20), date(2027, 4, 2))
    assert {day: n for day, n in sent.items() if n} == {date(2027, 3, 25): 2, date(2027, 3, 31): 2}


def test_missed_day_is_caught_up_once_but_not_for_a_hearing_opened_late(world):
    deadline = datetime(2026, 11, 20, 12, 0, tzinfo=CPH)
    hearing_open_early = open_hearing(world, deadline=deadline, now=datetime(2026, 11, 1, 9, 0, tzinfo=CPH))
    # the beat was down on 13 November (7 days before): the 14th catches up
    assert hearing_reminders_send(today=date(2026, 11, 14)) == 2
    assert hearing_reminders_send(today=date(2026, 11, 15)) == 0
    assert HearingReminder.objects.filter(party__hearing=hearing_open_early).count() == 2


def test_hearing_opened_within_seven_days_gets_only_the_one_day_reminder(world):
    deadline = datetime(2026, 11, 20, 12, 0, tzinfo=CPH)
    open_hearing(world, deadline=deadline, now=datetime(2026, 11, 16, 9, 0, tzinfo=CPH))
    sent = _sweep_every_day(date(2026, 11, 16), date(2026, 11, 21))
    assert {day: n for day, n in sent.items() if n} == {date(2026, 11, 19): 2}


def test_closed_hearing_and_revoked_links_get_no_reminders(world):
    from planning.hearings.services import hearing_party_revoke

    deadline = datetime(2026, 11, 20, 12, 0, tzinfo=CPH)
    hearing = open_hearing(world, deadline=deadline, now=datetime(2026, 11, 1, 9, 0, tzinfo=CPH))
    hearing_party_revoke(party=party_of(hearing), revoked_by=world.users["secretariat"])
    assert hearing_reminders_send(today=date(2026, 11, 13)) == 1
    hearing_close_after_deadline(hearing=hearing, closed_by=world.users["secretariat"])
    assert hearing_reminders_send(today=date(2026, 11, 19)) == 0


def test_sweep_task_and_beat_entry(settings):
    from celery.schedules import crontab

    from planning.hearings.tasks import hearing_reminder_sweep

    entry = settings.CELERY_BEAT_SCHEDULE["hearing-reminders"]
    assert entry["task"] == hearing_reminder_sweep.name == "planning.hearing_reminder_sweep"
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert settings.CELERY_TIMEZONE == "Europe/Copenhagen"
