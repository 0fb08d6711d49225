from datetime import date
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from councils.permissions import CouncilRole, council_role_grant
from planning.models import Notification, NotificationSetting, ProcessMilestone, ReminderDelivery
from planning.process import services as process_service
from planning.process.services import (
    process_milestone_save,
    process_plan_create_from_template,
    reminder_sweep_run,
)
from tests.factories import CouncilFactory, UserFactory
from tests.factories.planning import PlanFactory
from tests.planning.process.conftest import at

R, OVERDUE = ReminderDelivery.Kind.REMINDER, ReminderDelivery.Kind.OVERDUE


def bare_process_plan(council, creator):
    """A process plan whose template milestones are removed, so each test places its own."""
    process_plan = process_plan_create_from_template(
        plan=PlanFactory(council=council, created_by=creator), created_by=creator
    )
    process_plan.milestones.all().delete()
    return process_plan


def milestone(process_plan, starts_at, responsible=(), title="Rådsmøde", **extra):
    created = ProcessMilestone.objects.create(
        process_plan=process_plan, kind="meeting", title=title, starts_at=starts_at, **extra
    )
    created.responsible.set(responsible)
    return created


def sent(milestone_obj=None):
    qs = ReminderDelivery.objects.all()
    if milestone_obj is not None:
        qs = qs.filter(milestone=milestone_obj)
    return sorted(
        (d.recipient.username, d.kind, d.offset_days, d.for_date) for d in qs.select_related("recipient")
    )


@pytest.fixture
def pp(world):
    return bare_process_plan(world.council, world.users["secretariat"])


def test_reminders_go_to_responsible_and_secretariat_14_7_and_1_days_before_and_no_other_day(pp, world):
    target = milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"]])
    days = {date(2027, 3, d): reminder_sweep_run(today=date(2027, 3, d)).sent for d in range(1, 24)}
    assert {d: n for d, n in days.items() if n} == {
        date(2027, 3, 9): 2,
        date(2027, 3, 16): 2,
        date(2027, 3, 22): 2,
    }
    assert sent(target) == sorted(
        (user, R, offset, day)
        for user in ("member", "secretariat")
        for offset, day in [(14, date(2027, 3, 9)), (7, date(2027, 3, 16)), (1, date(2027, 3, 22))]
    )
    titles = set(Notification.objects.filter(user=world.users["member"]).values_list("title", flat=True))
    assert titles == {
        "Påmindelse: Rådsmøde om 14 dage (23. marts 2027)",
        "Påmindelse: Rådsmøde om 7 dage (23. marts 2027)",
        "Påmindelse: Rådsmøde om 1 dag (23. marts 2027)",
    }
    assert not Notification.objects.filter(
        user__in=[world.users["other_secretariat"], world.users["other_member"]]
    ).exists()
    note = Notification.objects.filter(user=world.users["secretariat"]).first()
    assert note.url == f"/planer/{pp.plan_id}/proces/" and note.kind == "process_reminder"


def test_offsets_are_configurable_per_process_plan(pp, world):
    pp.reminder_offsets = [3]
    pp.save()
    milestone(pp, at(2027, 3, 23, 9))
    assert [reminder_sweep_run(today=date(2027, 3, d)).sent for d in (9, 16, 20, 22)] == [0, 0, 1, 0]


def test_overdue_notice_daily_marks_late_and_stops_when_done(pp, world):
    target = milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"]])
    assert reminder_sweep_run(today=date(2027, 3, 23)).sent == 0
    first = reminder_sweep_run(today=date(2027, 3, 24))
    assert (first.sent, first.marked_late) == (2, 1)
    target.refresh_from_db()
    assert target.status == ProcessMilestone.Status.LATE
    assert reminder_sweep_run(today=date(2027, 3, 25)).sent == 2
    assert reminder_sweep_run(today=date(2027, 3, 25)).sent == 0
    assert sorted(o for _u, k, o, _d in sent(target) if k == OVERDUE) == [-2, -2, -1, -1]
    assert Notification.objects.filter(kind="process_overdue", user=world.users["member"]).first().title == (
        "Overskredet: Rådsmøde (23. marts 2027) er ikke gennemført"
    )
    target.status = ProcessMilestone.Status.DONE
    target.save()
    assert reminder_sweep_run(today=date(2027, 3, 26)).sent == 0


def test_running_twice_sends_each_reminder_exactly_once(pp, world):
    milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"], world.users["secretariat"]])
    first = reminder_sweep_run(today=date(2027, 3, 16))
    second = reminder_sweep_run(today=date(2027, 3, 16))
    assert (first.sent, first.already_sent, second.sent, second.already_sent) == (2, 0, 0, 2)
    assert Notification.objects.count() == 2  # the secretariat user is responsible too: still one each


def test_a_crash_mid_sweep_then_a_rerun_sends_every_reminder_exactly_once(world):
    """Council A commits; the crash in council B's batch rolls B's claims back; the rerun sends only B's."""
    councils = [world.council, world.other_council, CouncilFactory(name="Fyn Syd", slug="fyn-syd")]
    users = []
    for index, council in enumerate(councils):
        pp = bare_process_plan(council, world.users["admin"])
        people = [UserFactory(username=f"r{index}-{n}") for n in range(3)]
        users += people
        milestone(pp, at(2027, 3, 23, 9), responsible=people)
    real_send = process_service.notifications_send
    calls = {"n": 0}

    def crash_on_second_batch(**kwargs):
        calls["n"] += 1
        created = real_send(**kwargs)  # the notifications are written, then the worker dies
        if calls["n"] == 2:
            raise RuntimeError("worker killed mid-sweep")
        return created

    crash = mock.patch.object(process_service, "notifications_send", side_effect=crash_on_second_batch)
    with crash, pytest.raises(RuntimeError):
        reminder_sweep_run(today=date(2027, 3, 22))
    committed = ReminderDelivery.objects.count()
    assert (
        committed == Notification.objects.count() > 0
    )  # only whole councils, claims and notifications together
    rerun = reminder_sweep_run(today=date(2027, 3, 22))
    again = reminder_sweep_run(today=date(2027, 3, 22))
    recipients_per_council = [4, 4, 3]  # 3 responsible + the secretariat (world councils have one each)
    assert rerun.sent + committed == sum(recipients_per_council)
    assert again.sent == 0
    per_user = Notification.objects.values_list("user__username", flat=True)
    assert sorted(per_user) == sorted(set(per_user))  # nobody twice
    assert ReminderDelivery.objects.filter(notification__isnull=True).count() == 0


def test_a_crash_after_claiming_leaves_no_claim_behind(pp, world):
    milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"]])
    with (
        mock.patch.object(
            Notification.objects, "bulk_create", side_effect=RuntimeError("database went away")
        ),
        pytest.raises(RuntimeError),
    ):
        reminder_sweep_run(today=date(2027, 3, 22))
    assert ReminderDelivery.objects.count() == 0
    assert reminder_sweep_run(today=date(2027, 3, 22)).sent == 2


@pytest.mark.parametrize(
    ("starts_at", "expected_days"),
    [
        # 00:30 on 29 Mar 2027 is 22:30 UTC on 28 Mar, the night clocks go forward.
        (at(2027, 3, 29, 0, 30), {date(2027, 3, 15): 14, date(2027, 3, 22): 7, date(2027, 3, 28): 1}),
        (at(2027, 3, 29, 9), {date(2027, 3, 15): 14, date(2027, 3, 22): 7, date(2027, 3, 28): 1}),
        # 31 Oct 2027 00:30 is still summer time (22:30 UTC on 30 Oct); clocks go back at 03:00.
        (at(2027, 10, 31, 0, 30), {date(2027, 10, 17): 14, date(2027, 10, 24): 7, date(2027, 10, 30): 1}),
        # the Monday after the switch on Sunday 25 Oct 2026, just after midnight
        (at(2026, 10, 26, 0, 15), {date(2026, 10, 12): 14, date(2026, 10, 19): 7, date(2026, 10, 25): 1}),
        (at(2026, 10, 26, 23, 45), {date(2026, 10, 12): 14, date(2026, 10, 19): 7, date(2026, 10, 25): 1}),
    ],
)
def test_reminder_days_are_copenhagen_calendar_days_across_dst(pp, world, starts_at, expected_days):
    milestone(pp, starts_at)
    start = min(expected_days)
    got = {}
    for n in range(0, 16):
        day = date.fromordinal(start.toordinal() - 1 + n)
        result = reminder_sweep_run(today=day)
        if result.sent:
            got[day] = ReminderDelivery.objects.filter(for_date=day).get().offset_days
    assert got == expected_days


def test_overdue_starts_the_copenhagen_day_after_even_late_in_the_evening_across_dst(pp, world):
    milestone(pp, at(2027, 3, 28, 23, 30))  # 21:30 UTC, first day of summer time
    assert reminder_sweep_run(today=date(2027, 3, 28)).sent == 0
    assert reminder_sweep_run(today=date(2027, 3, 29)).sent == 1


def test_a_council_without_secretariat_does_not_crash_the_sweep(world):
    lonely = CouncilFactory(name="Uden sekretariat", slug="uden-sekretariat")
    pp_empty = bare_process_plan(lonely, world.users["admin"])
    milestone(pp_empty, at(2027, 3, 23, 9))  # nobody at all to tell
    pp_resp = bare_process_plan(
        CouncilFactory(name="Kun ansvarlig", slug="kun-ansvarlig"), world.users["admin"]
    )
    owner = UserFactory(username="ansvarlig")
    milestone(pp_resp, at(2027, 3, 23, 9), responsible=[owner])
    result = reminder_sweep_run(today=date(2027, 3, 22))
    assert result.sent == 1
    assert sent() == [("ansvarlig", R, 1, date(2027, 3, 22))]


def test_inactive_users_and_superseded_plans_get_nothing(pp, world):
    gone = UserFactory(username="fratraadt", is_active=False)
    milestone(pp, at(2027, 3, 23, 9), responsible=[gone])
    assert reminder_sweep_run(today=date(2027, 3, 22)).sent == 1
    assert [username for username, *_rest in sent()] == ["secretariat"]  # not the inactive user
    pp.plan.status = "superseded"
    pp.plan.save()
    assert reminder_sweep_run(today=date(2027, 3, 24)).sent == 0


def test_email_is_sent_once_after_commit_for_immediate_users_only(
    pp, world, django_capture_on_commit_callbacks
):
    NotificationSetting.objects.create(
        user=world.users["member"], email_mode=NotificationSetting.EmailMode.OFF
    )
    milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"]])
    with django_capture_on_commit_callbacks(execute=True):
        reminder_sweep_run(today=date(2027, 3, 22))
    with django_capture_on_commit_callbacks(execute=True):
        reminder_sweep_run(today=date(2027, 3, 22))
    assert [m.to for m in mail.outbox] == [["secretariat@example.dk"]]
    assert "Påmindelse: Rådsmøde om 1 dag (23. marts 2027)" in mail.outbox[0].subject
    assert Notification.objects.filter(user=world.users["member"]).count() == 1  # in-app still


def _sweep_queries(world, recipients: int) -> tuple[int, int]:
    creator = world.users["admin"]
    for index in range(3):
        council = CouncilFactory(name=f"Målt {recipients}-{index}", slug=f"maalt-{recipients}-{index}")
        pp = bare_process_plan(council, creator)
        people = [UserFactory(username=f"q{recipients}-{index}-{n}") for n in range(recipients)]
        for person in people[: recipients // 2]:
            council_role_grant(council=council, user=person, role=CouncilRole.SECRETARIAT)
        for hour in (9, 10):
            milestone(pp, at(2027, 3, 23, hour), responsible=people[recipients // 2 :])
    with CaptureQueriesContext(connection) as ctx:
        result = reminder_sweep_run(today=date(2027, 3, 16))
    return len(ctx.captured_queries), result.sent


def test_query_count_does_not_grow_with_the_number_of_recipients(world):
    few_queries, few_sent = _sweep_queries(world, 10)
    ReminderDelivery.objects.all().delete()
    ProcessMilestone.objects.all().delete()
    many_queries, many_sent = _sweep_queries(world, 30)
    assert (few_sent, many_sent) == (60, 180)
    assert many_queries == few_queries


def test_moving_a_milestone_later_rearms_the_reminders_for_the_new_date(pp, world):
    target = milestone(pp, at(2027, 3, 23, 9))
    assert reminder_sweep_run(today=date(2027, 3, 16)).sent == 1
    target.starts_at = at(2027, 3, 30, 9)
    process_milestone_save(
        milestone=target, responsible=[], changed_by=world.users["secretariat"], today=date(2027, 3, 17)
    )
    assert reminder_sweep_run(today=date(2027, 3, 23)).sent == 1  # the 7-day reminder for 30 March
    assert reminder_sweep_run(today=date(2027, 3, 29)).sent == 1


def test_send_reminders_command_dry_run_sends_nothing_then_sends(pp, world):
    milestone(pp, at(2027, 3, 23, 9), responsible=[world.users["member"]])
    out = StringIO()
    call_command("send_reminders", "--dry-run", "--date", "2027-03-22", stdout=out)
    assert "2 ville blive sendt" in out.getvalue() and "intet sendt" in out.getvalue()
    assert ReminderDelivery.objects.count() == 0 and Notification.objects.count() == 0
    out = StringIO()
    call_command("send_reminders", "--date", "2027-03-22", stdout=out)
    assert "2027-03-22: 2 sendt, 0 allerede sendt" in out.getvalue()
    out = StringIO()
    call_command("send_reminders", "--dry-run", "--date", "2027-03-22", stdout=out)
    assert "0 ville blive sendt, 2 er allerede sendt" in out.getvalue()


def test_send_reminders_command_rejects_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("send_reminders", "--date", "22-03-2027")


def test_task_is_thin_and_named_and_beat_runs_it_at_seven_copenhagen_time(pp, world, settings):
    from planning.process.tasks import reminder_sweep

    milestone(pp, at(2027, 3, 23, 9))
    assert reminder_sweep.name == "planning.reminder_sweep"
    assert reminder_sweep.max_retries == 3
    assert reminder_sweep.delay("2027-03-22").get()["sent"] == 1
    entry = settings.CELERY_BEAT_SCHEDULE["planning-reminder-sweep"]
    assert entry["task"] == "planning.reminder_sweep"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({7}, {0})
    assert settings.CELERY_TIMEZONE == "Europe/Copenhagen"
