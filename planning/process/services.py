"""Writes to the process plan: the template laid out backwards from the deadline, edits that never move
other items, the council's decision adopting the process plan, calendar feed tokens, and the daily
reminder sweep that sends every reminder exactly once."""

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from planning.common.dates import COPENHAGEN, danish_date, local_date
from planning.notifications.models import Notification
from planning.notifications.services import notification_email_wanted, notifications_send
from planning.plans import events
from planning.plans.models import Plan
from planning.plans.services import plan_event_record
from planning.process.models import (
    CalendarFeedToken,
    Phase,
    ProcessMilestone,
    ProcessPlan,
    ReminderDelivery,
    calendar_token_hash,
)
from planning.process.rules import STATUTORY_DEADLINE
from planning.process.selectors import copenhagen_midnight, council_secretariat_ids

User = get_user_model()
Kind = ProcessMilestone.Kind
MAX_REMINDER_OFFSET = 90  # days; the form refuses larger offsets, the sweep looks no further ahead
TUESDAY = 1  # Sønderjylland's council meets on Tuesdays, 8:00–12:00 (002, point 9)


class ProcessPlanAlreadyAdopted(ValidationError):
    pass


# --- The template ------------------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=COPENHAGEN)


def _weeks_before(weeks: int, *, deadline: date, weekday: int | None = None) -> date:
    """`weeks` before the deadline, moved back to the nearest earlier `weekday` (0 = Monday) if given."""
    day = deadline - timedelta(weeks=weeks)
    if weekday is not None:
        day -= timedelta(days=(day.weekday() - weekday) % 7)
    return day


def process_template(*, deadline: date = STATUTORY_DEADLINE) -> tuple[list[dict], list[dict]]:
    """Sønderjylland's proposed process (002, point 4 and 9) as (phases, milestones).

    Dates the seed fixes are kept (process plan on the April 2026 meeting, 12-12 seminar 31 Aug 13:00 –
    1 Sep 2026 13:00, conference 6 Nov 2026 9:00–14:00, early phases by month). The legal chain is laid
    out backwards from the deadline: adoption on the last Tuesday meeting at least a week before it,
    Sundhedsstyrelsen's advice received 3 weeks and requested 9 weeks before, the hearing closing 15 and
    opening 20 weeks before (5 weeks, above the 4-week minimum), the hearing draft approved at the
    Tuesday meeting before the hearing opens.
    """
    adoption = _weeks_before(1, deadline=deadline, weekday=TUESDAY)
    advice_received = _weeks_before(3, deadline=deadline)
    advice_requested = _weeks_before(9, deadline=deadline)
    hearing_closes = _weeks_before(15, deadline=deadline)
    hearing_opens = _weeks_before(20, deadline=deadline)
    draft_meeting = hearing_opens - timedelta(days=(hearing_opens.weekday() - TUESDAY) % 7 or 7)
    milestones = [
        {
            "kind": Kind.MEETING,
            "title": _("Rådsmøde: procesplanen godkendes"),
            "starts_at": _at(date(2026, 4, 28), 8),
            "ends_at": _at(date(2026, 4, 28), 12),
        },
        {
            "kind": Kind.SEMINAR,
            "title": _("12-12-seminar"),
            "starts_at": _at(date(2026, 8, 31), 13),
            "ends_at": _at(date(2026, 9, 1), 13),
        },
        {
            "kind": Kind.CONFERENCE,
            "title": _("Politisk konference om nærsundhedsplanen"),
            "starts_at": _at(date(2026, 11, 6), 9),
            "ends_at": _at(date(2026, 11, 6), 14),
        },
        {
            "kind": Kind.MEETING,
            "title": _("Rådsmøde: udkast godkendes til høring"),
            "starts_at": _at(draft_meeting, 8),
            "ends_at": _at(draft_meeting, 12),
        },
        {
            "kind": Kind.HEARING_OPENS,
            "title": _("Høring af udkastet starter"),
            "starts_at": _at(hearing_opens, 9),
            "ends_at": None,
        },
        {
            "kind": Kind.HEARING_CLOSES,
            "title": _("Høringsfrist"),
            "starts_at": _at(hearing_closes, 12),
            "ends_at": None,
        },
        {
            "kind": Kind.ADVICE,
            "title": _("Rådgivning fra Sundhedsstyrelsen (anmodning og svar)"),
            "starts_at": _at(advice_requested, 10),
            "ends_at": _at(advice_received, 12),
        },
        {
            "kind": Kind.MEETING,
            "title": _("Rådsmøde: endelig behandling"),
            "starts_at": _at(adoption, 8),
            "ends_at": _at(adoption, 12),
        },
        {
            "kind": Kind.ADOPTION,
            "title": _("Vedtagelse af nærsundhedsplanen"),
            "starts_at": _at(adoption, 8),
            "ends_at": _at(adoption, 12),
        },
    ]
    phases = [
        {
            "name": _("Igangsætning og drøftelse af visioner"),
            "start_date": date(2026, 5, 1),
            "end_date": date(2026, 5, 31),
        },
        {
            "name": _("Drøftelser af indhold i nærsundhedsplanen"),
            "start_date": date(2026, 6, 1),
            "end_date": date(2026, 10, 31),
        },
        {
            "name": _("Udarbejdelse af udkast til nærsundhedsplanen"),
            "start_date": date(2026, 5, 1),
            "end_date": hearing_opens - timedelta(days=1),
        },
        {
            "name": _("Høring af udkast til nærsundhedsplanen"),
            "start_date": hearing_opens,
            "end_date": hearing_closes,
        },
        {
            "name": _("Færdiggørelse og politisk behandling"),
            "start_date": hearing_closes + timedelta(days=1),
            "end_date": adoption,
        },
    ]
    return phases, milestones


@transaction.atomic
def process_plan_create_from_template(*, plan: Plan, created_by) -> ProcessPlan:
    """The plan's process plan, made from the template; returns the existing one if there is one."""
    existing = ProcessPlan.objects.filter(plan=plan).first()
    if existing is not None:
        return existing
    process_plan = ProcessPlan.objects.create(plan=plan)
    phases, milestones = process_template()
    Phase.objects.bulk_create(
        [Phase(process_plan=process_plan, position=i, **data) for i, data in enumerate(phases, start=1)]
    )
    ProcessMilestone.objects.bulk_create(
        [ProcessMilestone(process_plan=process_plan, **m) for m in milestones]
    )
    plan_event_record(plan=plan, user=created_by, event=events.ProcessPlanCreated())
    return process_plan


@transaction.atomic
def process_plan_settings_update(
    *,
    process_plan: ProcessPlan,
    min_hearing_weeks: int,
    reminder_offsets: list[int],
    wants_advice_on_final_draft: bool,
    changed_by,
) -> ProcessPlan:
    process_plan.min_hearing_weeks = min_hearing_weeks
    process_plan.reminder_offsets = sorted(set(reminder_offsets), reverse=True)
    process_plan.wants_advice_on_final_draft = wants_advice_on_final_draft
    process_plan.full_clean()
    process_plan.save()
    plan_event_record(
        plan=process_plan.plan,
        user=changed_by,
        event=events.ProcessSettingsChanged(
            min_hearing_weeks=min_hearing_weeks,
            reminder_offsets=process_plan.reminder_offsets,
            wants_advice_on_final_draft=wants_advice_on_final_draft,
        ),
    )
    return process_plan


@transaction.atomic
def process_plan_adopt(
    *, process_plan: ProcessPlan, decided_on: date, decided_by, note: str = ""
) -> ProcessPlan:
    """Record the council's decision adopting the process plan; a recorded decision is not overwritten."""
    locked = ProcessPlan.objects.select_for_update().get(pk=process_plan.pk)
    if locked.adopted_on is not None:
        raise ProcessPlanAlreadyAdopted(
            _("Procesplanen blev allerede vedtaget %(date)s.") % {"date": danish_date(locked.adopted_on)}
        )
    locked.adopted_on = decided_on
    locked.adopted_by = decided_by
    locked.adoption_note = note
    locked.save(update_fields=["adopted_on", "adopted_by", "adoption_note", "updated_at"])
    plan_event_record(
        plan=process_plan.plan,
        user=decided_by,
        event=events.ProcessPlanAdopted(decided_on=decided_on.isoformat(), note=note),
    )
    process_plan.adopted_on, process_plan.adopted_by, process_plan.adoption_note = (
        decided_on,
        decided_by,
        note,
    )
    return process_plan


# --- Milestones and phases: each edit touches exactly one row ------------------------------------

MILESTONE_FIELDS = ["kind", "title", "starts_at", "ends_at", "place", "description", "status"]


@transaction.atomic
def process_milestone_save(
    *, milestone: ProcessMilestone, responsible, changed_by, today: date | None = None
) -> ProcessMilestone:
    """Create or update one milestone from an unsaved, edited instance; no other milestone moves.

    When its date moves, reminders that are due again before the new date are released so they are
    sent for the new date, and an overdue mark is lifted when the new date is not yet passed.
    """
    today = today or timezone.localdate()
    is_new = milestone.pk is None
    before = None if is_new else ProcessMilestone.objects.select_for_update().get(pk=milestone.pk)
    milestone.full_clean()
    new_due, new_end = local_date(milestone.starts_at), local_date(milestone.ends_at or milestone.starts_at)
    if before is not None and before.starts_at != milestone.starts_at:
        days_left = (new_due - today).days
        milestone.deliveries.filter(kind=ReminderDelivery.Kind.REMINDER, offset_days__lt=days_left).delete()
    if before is not None and new_end >= today:
        milestone.deliveries.filter(kind=ReminderDelivery.Kind.OVERDUE).delete()
        if milestone.status == ProcessMilestone.Status.LATE and before.status == ProcessMilestone.Status.LATE:
            milestone.status = ProcessMilestone.Status.PLANNED
    milestone.save()
    milestone.responsible.set(responsible)
    moved = before is not None and before.starts_at != milestone.starts_at
    event = events.MilestoneChanged(
        action="created" if is_new else "updated",
        milestone=milestone.pk,
        title=milestone.title,
        to=milestone.starts_at.isoformat(),
        from_=before.starts_at.isoformat() if moved else "",
    )
    plan_event_record(plan=milestone.process_plan.plan, user=changed_by, event=event)
    return milestone


@transaction.atomic
def process_milestone_delete(*, milestone: ProcessMilestone, deleted_by) -> None:
    plan = milestone.process_plan.plan
    event = events.MilestoneChanged(
        action="deleted", milestone=None, title=milestone.title, to=milestone.starts_at.isoformat()
    )
    milestone.delete()
    plan_event_record(plan=plan, user=deleted_by, event=event)


@transaction.atomic
def process_phase_save(*, phase: Phase, responsible, changed_by) -> Phase:
    """Create or update one phase; other phases and milestones are never moved."""
    is_new = phase.pk is None
    phase.full_clean()
    phase.save()
    phase.responsible.set(responsible)
    plan_event_record(
        plan=phase.process_plan.plan,
        user=changed_by,
        event=events.PhaseChanged(
            action="created" if is_new else "updated",
            phase=phase.pk,
            name=phase.name,
            start=phase.start_date.isoformat(),
            end=phase.end_date.isoformat(),
        ),
    )
    return phase


@transaction.atomic
def process_phase_delete(*, phase: Phase, deleted_by) -> None:
    plan = phase.process_plan.plan
    event = events.PhaseChanged(action="deleted", phase=None, name=phase.name)
    phase.delete()
    plan_event_record(plan=plan, user=deleted_by, event=event)


# --- Calendar feed tokens --------------------------------------------------------------------------


def calendar_token_create(
    *, created_by, council=None, user=None, label: str = ""
) -> tuple[CalendarFeedToken, str]:
    """A new feed address for a council or a user. Returns the token itself once; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    feed_token = CalendarFeedToken(
        token_hash=calendar_token_hash(token),
        prefix=token[:6],
        council=council,
        user=user,
        label=label,
        created_by=created_by,
    )
    feed_token.full_clean()
    feed_token.save()
    return feed_token, token


def calendar_token_revoke(*, feed_token: CalendarFeedToken) -> bool:
    """Revoke a feed address; False if it was already revoked."""
    return bool(
        CalendarFeedToken.objects.filter(pk=feed_token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


# --- The reminder sweep ----------------------------------------------------------------------------


@dataclass
class SweepResult:
    date: date
    due: int = 0  # (milestone, recipient, kind, offset) deliveries due on this date
    sent: int = 0
    already_sent: int = 0
    marked_late: int = 0
    councils: int = 0
    planned: list[tuple[int, int, str, int]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "due": self.due,
            "sent": self.sent,
            "already_sent": self.already_sent,
            "marked_late": self.marked_late,
            "councils": self.councils,
        }


def _due_today(milestone: ProcessMilestone, today: date) -> list[tuple[str, int]]:
    """(kind, offset) due for one milestone on a Copenhagen calendar date; DST never shifts a day."""
    due = []
    days_before = (local_date(milestone.starts_at) - today).days
    if days_before > 0 and days_before in (milestone.process_plan.reminder_offsets or []):
        due.append((ReminderDelivery.Kind.REMINDER, days_before))
    days_over = (today - local_date(milestone.ends_at or milestone.starts_at)).days
    if days_over > 0:
        due.append((ReminderDelivery.Kind.OVERDUE, -days_over))
    return due


def _reminder_text(milestone: ProcessMilestone, kind: str, offset: int) -> tuple[str, str]:
    council = milestone.process_plan.plan.council
    when = danish_date(local_date(milestone.starts_at))
    clock = timezone.localtime(milestone.starts_at, COPENHAGEN).strftime("%H.%M")
    place = _(" Sted: %(place)s.") % {"place": milestone.place} if milestone.place else ""
    if kind == ReminderDelivery.Kind.REMINDER:
        title = ngettext(
            "Påmindelse: %(title)s om %(days)d dag (%(date)s)",
            "Påmindelse: %(title)s om %(days)d dage (%(date)s)",
            offset,
        ) % {"title": milestone.title, "days": offset, "date": when}
        body = _("%(council)s: %(title)s %(date)s kl. %(clock)s.%(place)s") % {
            "council": council,
            "title": milestone.title,
            "date": when,
            "clock": clock,
            "place": place,
        }
    else:
        title = _("Overskredet: %(title)s (%(date)s) er ikke gennemført") % {
            "title": milestone.title,
            "date": when,
        }
        body = ngettext(
            "%(council)s: milepælen er %(days)d dag over tid. Marker den som gennemført eller flyt den.",
            "%(council)s: milepælen er %(days)d dage over tid. Marker den som gennemført eller flyt den.",
            -offset,
        ) % {"council": council, "days": -offset}
    return title, body


def _council_deliver(
    *,
    council_id: int,
    items: list[tuple[ProcessMilestone, int, str, int]],
    today: date,
    emails: dict[int, bool],
) -> int:
    """Claim and send one council's due deliveries in one transaction; returns how many were sent.

    The unique (milestone, recipient, kind, offset) row is inserted first with ON CONFLICT DO NOTHING;
    only the rows this run inserted (read back by its claim id) get a notification. Claims and
    notifications commit together, so a crash sends nothing twice and loses nothing.
    """
    claim = uuid.uuid4()
    by_key = {(m.pk, user_id, kind, offset): m for m, user_id, kind, offset in items}
    with transaction.atomic():
        ReminderDelivery.objects.bulk_create(
            [
                ReminderDelivery(
                    milestone_id=m.pk,
                    recipient_id=user_id,
                    kind=kind,
                    offset_days=offset,
                    for_date=today,
                    claim=claim,
                )
                for m, user_id, kind, offset in items
            ],
            ignore_conflicts=True,
        )
        claimed = list(ReminderDelivery.objects.filter(claim=claim).order_by("pk"))
        if not claimed:
            return 0
        notifications = []
        texts: dict[tuple[int, str, int], tuple[str, str, str]] = {}
        for delivery in claimed:
            key = (delivery.milestone_id, delivery.recipient_id, delivery.kind, delivery.offset_days)
            milestone = by_key[key]
            text_key = (milestone.pk, delivery.kind, delivery.offset_days)
            if text_key not in texts:  # the same words for every recipient: build them once
                url = reverse("process-detail", kwargs={"pk": milestone.process_plan.plan_id})
                texts[text_key] = (*_reminder_text(milestone, delivery.kind, delivery.offset_days), url)
            title, body, url = texts[text_key]
            notifications.append(
                Notification(
                    user_id=delivery.recipient_id,
                    kind=f"process_{delivery.kind}",
                    title=title[:300],
                    body=body,
                    url=url,
                )
            )
        notifications_send(notifications=notifications, emails=emails)
        _deliveries_link(deliveries=claimed, notifications=notifications)
    return len(claimed)


def _deliveries_link(*, deliveries: list[ReminderDelivery], notifications: list[Notification]) -> None:
    """Point each delivery at its notification in one query (UPDATE … FROM unnest on PostgreSQL)."""
    for delivery, notification in zip(deliveries, notifications, strict=True):
        delivery.notification_id = notification.pk
    if connection.vendor == "postgresql":
        table = ReminderDelivery._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS d SET notification_id = v.nid "
                "FROM (SELECT unnest(%s::bigint[]) AS did, unnest(%s::bigint[]) AS nid) AS v "
                "WHERE d.id = v.did",
                [[d.pk for d in deliveries], [d.notification_id for d in deliveries]],
            )
    else:
        ReminderDelivery.objects.bulk_update(deliveries, ["notification"])


def reminder_sweep_run(*, today: date | None = None, dry_run: bool = False) -> SweepResult:
    """The daily sweep: reminders `offset` days before each milestone and a daily overdue notice.

    Recipients are the milestone's responsible users and the council's secretariat. Every delivery is
    claimed by its unique row first, so reruns, retries and a crashed run never send anything twice.
    The number of queries depends on the number of councils, not on the number of recipients.
    """
    today = today or timezone.localdate()
    result = SweepResult(date=today)
    horizon = copenhagen_midnight(today + timedelta(days=MAX_REMINDER_OFFSET + 1))
    milestones = list(
        ProcessMilestone.objects.filter(starts_at__lt=horizon)
        .exclude(status=ProcessMilestone.Status.DONE)
        .exclude(process_plan__plan__status=Plan.Status.SUPERSEDED)
        .select_related("process_plan__plan__council")
    )
    due = [(m, kind, offset) for m in milestones for kind, offset in _due_today(m, today)]
    if not due:
        return result
    late_ids = [m.pk for m, kind, _o in due if kind == ReminderDelivery.Kind.OVERDUE]
    due_ids = {m.pk for m, _k, _o in due}
    responsible: dict[int, set[int]] = {}
    for milestone_id, user_id in ProcessMilestone.responsible.through.objects.filter(
        processmilestone_id__in=due_ids
    ).values_list("processmilestone_id", "user_id"):
        responsible.setdefault(milestone_id, set()).add(user_id)
    council_ids = {m.process_plan.plan.council_id for m, _k, _o in due}
    secretariat = council_secretariat_ids(council_ids=council_ids)
    user_ids = set().union(*responsible.values(), *secretariat.values())
    users = dict(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", "email"))
    emails = notification_email_wanted(user_emails=users)

    by_council: dict[int, list[tuple[ProcessMilestone, int, str, int]]] = {}
    for milestone, kind, offset in due:
        council_id = milestone.process_plan.plan.council_id
        recipients = (
            responsible.get(milestone.pk, set()) | secretariat.get(council_id, set())
        ) & users.keys()
        for user_id in sorted(recipients):
            by_council.setdefault(council_id, []).append((milestone, user_id, kind, offset))
    result.due = sum(len(items) for items in by_council.values())
    result.councils = len(by_council)

    if dry_run:
        sent_before = set(
            ReminderDelivery.objects.filter(milestone_id__in=due_ids).values_list(
                "milestone_id", "recipient_id", "kind", "offset_days"
            )
        )
        for items in by_council.values():
            for milestone, user_id, kind, offset in items:
                if (milestone.pk, user_id, kind, offset) in sent_before:
                    result.already_sent += 1
                else:
                    result.planned.append((milestone.pk, user_id, kind, offset))
        result.marked_late = len(set(late_ids))
        return result

    result.marked_late = ProcessMilestone.objects.filter(
        pk__in=late_ids, status=ProcessMilestone.Status.PLANNED
    ).update(status=ProcessMilestone.Status.LATE)
    for council_id in sorted(by_council):
        result.sent += _council_deliver(
            council_id=council_id, items=by_council[council_id], today=today, emails=emails
        )
    result.already_sent = result.due - result.sent
    return result
