"""Reads for the process plan: meeting dates, hearing state, timelines, calendar feeds, national overview."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import get_objects_for_user

from councils.errors import NotFound
from councils.models import HealthCouncil, Region
from councils.permissions import CouncilPerm, CouncilRole, RegionPerm, council_group_name
from councils.selectors import council_list_for_user
from planning.common.dates import COPENHAGEN, local_date
from planning.hearings.models import Hearing
from planning.meetings.models import Meeting
from planning.meetings.selectors import councils_meeting_dates as calendar_meeting_dates
from planning.plans.models import Plan
from planning.plans.selectors import AreaStatus, plans_completeness
from planning.process.models import CalendarFeedToken, ProcessMilestone, ProcessPlan, calendar_token_hash
from planning.process.rules import (
    HEARING_OPEN_BY,
    STATUTORY_DEADLINE,
    RuleWarning,
    adoption_milestone,
    process_rules_check,
    process_slack_days,
)

User = get_user_model()


def council_meeting_dates(*, council: HealthCouncil) -> set[date]:
    """The dates on which the council meets (Copenhagen calendar dates): its decision meetings in the
    meetings calendar, and the process plans' milestones of kind "meeting" (meetings planned there
    before they are put in the calendar). Every rule that needs "a council meeting date" asks this."""
    return councils_meeting_dates(council_ids=[council.pk])[council.pk]


def councils_meeting_dates(*, council_ids) -> dict[int, set[date]]:
    """:func:`council_meeting_dates` for any number of councils, in two queries."""
    dates = calendar_meeting_dates(council_ids=council_ids)
    starts = ProcessMilestone.objects.filter(
        process_plan__plan__council_id__in=list(council_ids), kind=ProcessMilestone.Kind.MEETING
    ).values_list("process_plan__plan__council_id", "starts_at")
    for council_id, value in starts:
        dates[council_id].add(local_date(value))
    return dates


def hearing_opened_for_plans(*, plan_ids) -> dict[int, date | None]:
    """Plan id → the date its hearing opened, or None when it has not opened.

    A hearing opened in the portal counts, and so does a "hearing opens" milestone marked done (a
    hearing run outside the portal). Two queries whatever the number of plans.
    """
    opened: dict[int, date | None] = dict.fromkeys(plan_ids)
    rows = list(
        ProcessMilestone.objects.filter(
            process_plan__plan_id__in=list(plan_ids),
            kind=ProcessMilestone.Kind.HEARING_OPENS,
            status=ProcessMilestone.Status.DONE,
        ).values_list("process_plan__plan_id", "starts_at")
    )
    rows += list(
        Hearing.objects.filter(plan_id__in=list(plan_ids), opened_at__isnull=False).values_list(
            "plan_id", "opened_at"
        )
    )
    for plan_id, starts_at in rows:
        day = local_date(starts_at)
        if opened[plan_id] is None or day < opened[plan_id]:
            opened[plan_id] = day
    return opened


def copenhagen_midnight(day: date) -> datetime:
    """The aware instant a Copenhagen calendar day begins (23 or 25 hours long across DST)."""
    return datetime.combine(day, time.min, tzinfo=COPENHAGEN)


def council_secretariat_ids(*, council_ids) -> dict[int, set[int]]:
    """Council id → ids of its secretariat's active users; two queries for any number of councils."""
    slugs = dict(HealthCouncil.objects.filter(pk__in=list(council_ids)).values_list("slug", "pk"))
    by_name = {
        council_group_name(council=HealthCouncil(slug=slug), role=CouncilRole.SECRETARIAT): pk
        for slug, pk in slugs.items()
    }
    result: dict[int, set[int]] = {pk: set() for pk in slugs.values()}
    rows = Group.user_set.through.objects.filter(group__name__in=by_name, user__is_active=True).values_list(
        "group__name", "user_id"
    )
    for name, user_id in rows:
        result[by_name[name]].add(user_id)
    return result


def process_milestones(*, process_plan: ProcessPlan) -> list[ProcessMilestone]:
    return list(process_plan.milestones.prefetch_related("responsible").order_by("starts_at", "pk"))


def process_check(
    *, process_plan: ProcessPlan, milestones=None, meeting_dates: set[date] | None = None
) -> tuple[list[RuleWarning], int | None]:
    """The broken rules and the slack in days to the statutory deadline for a process plan."""
    milestones = milestones if milestones is not None else process_milestones(process_plan=process_plan)
    if meeting_dates is None:
        meeting_dates = council_meeting_dates(council=process_plan.plan.council)
    warnings = process_rules_check(
        milestones=milestones,
        min_hearing_weeks=process_plan.min_hearing_weeks,
        wants_advice_on_final_draft=process_plan.wants_advice_on_final_draft,
        meeting_dates=meeting_dates,
    )
    return warnings, process_slack_days(milestones=milestones)


# --- Calendar feeds -----------------------------------------------------------------------------


def calendar_token_resolve(*, token: str) -> CalendarFeedToken:
    """The live token for a feed address; 404 when unknown or revoked (no difference is shown)."""
    found = (
        CalendarFeedToken.objects.select_related("council", "user")
        .filter(token_hash=calendar_token_hash(token), revoked_at__isnull=True)
        .first()
    )
    if found is None or (found.user is not None and not found.user.is_active):
        raise NotFound
    return found


def _calendar_councils(*, feed_token: CalendarFeedToken) -> QuerySet[HealthCouncil]:
    """A council token: that council. A user token: the councils the user may read now."""
    if feed_token.council_id is not None:
        return HealthCouncil.objects.filter(pk=feed_token.council_id)
    return council_list_for_user(user=feed_token.user)


def calendar_meetings_for_token(*, feed_token: CalendarFeedToken) -> QuerySet[Meeting]:
    """The councils' meetings (the meetings calendar), for the same feed as the milestones."""
    return (
        Meeting.objects.filter(council__in=_calendar_councils(feed_token=feed_token))
        .select_related("council")
        .order_by("date", "start_time", "pk")
    )


def calendar_milestones_for_token(*, feed_token: CalendarFeedToken) -> QuerySet[ProcessMilestone]:
    """A council token: that council's milestones. A user token: the councils the user may read now."""
    councils = _calendar_councils(feed_token=feed_token)
    return (
        ProcessMilestone.objects.filter(process_plan__plan__council__in=councils)
        .exclude(process_plan__plan__status=Plan.Status.SUPERSEDED)
        .select_related("process_plan__plan__council")
        .order_by("starts_at", "pk")
    )


# --- National overview ----------------------------------------------------------------------------


def overview_councils_for_user(*, user) -> QuerySet[HealthCouncil]:
    """Administrators: all councils. Region staff: their regions' councils. Others: their own councils.

    Raises PermissionDenied for a logged-in user who has none of these.
    """
    if user.is_superuser:
        return HealthCouncil.objects.select_related("region").all()
    regions = get_objects_for_user(user, RegionPerm.OVERVIEW, klass=Region, accept_global_perms=False)
    own = council_list_for_user(user=user, perm=CouncilPerm.ACCESS)
    councils = HealthCouncil.objects.filter(
        pk__in=[*own.values_list("pk", flat=True)]
    ) | HealthCouncil.objects.filter(region__in=regions)
    councils = councils.select_related("region").distinct()
    if not councils.exists():
        raise PermissionDenied
    return councils


class RiskReason:
    NO_PLAN = "no_plan"
    HEARING_NOT_OPENED = "hearing_not_opened"
    OVERDUE = "overdue"
    ADOPTION_LATE = "adoption_late"
    RULE_BROKEN = "rule_broken"


@dataclass
class OverviewRow:
    council: HealthCouncil
    plan: Plan | None = None
    process_plan: ProcessPlan | None = None
    current_phase: str = ""
    next_milestone: ProcessMilestone | None = None
    next_milestone_date: date | None = None
    days_to_deadline: int = 0
    hearing_opened_on: date | None = None
    hearing_planned_on: date | None = None
    completeness: int | None = None
    adoption_date: date | None = None
    slack_days: int | None = None
    reasons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return bool(self.reasons)

    @property
    def hearing_opened(self) -> bool:
        return self.hearing_opened_on is not None


SORT_KEYS = {
    "council": lambda r: (r.council.name,),
    "region": lambda r: (r.council.region.name, r.council.name),
    "phase": lambda r: (r.current_phase or "~", r.council.name),
    "next": lambda r: (r.next_milestone_date or date.max, r.council.name),
    "slack": lambda r: (r.slack_days if r.slack_days is not None else -(10**6), r.council.name),
    "hearing": lambda r: (r.hearing_opened, r.council.name),
    "completeness": lambda r: (r.completeness if r.completeness is not None else -1, r.council.name),
    "risk": lambda r: (-len(r.reasons), r.council.name),
}


def _current_plan_by_council(council_ids) -> dict[int, Plan]:
    """Each council's current plan: the newest that is not superseded."""
    plans = (
        Plan.objects.filter(council_id__in=council_ids)
        .exclude(status=Plan.Status.SUPERSEDED)
        .order_by("council_id", "-created_at", "-pk")
    )
    current: dict[int, Plan] = {}
    for plan in plans:
        current.setdefault(plan.council_id, plan)
    return current


def process_overview_rows(*, user, today: date | None = None, sort: str = "region") -> list[OverviewRow]:
    """One row per council the user may see, with or without a plan, and why it is at risk."""
    today = today or timezone.localdate()
    now = max(timezone.now(), copenhagen_midnight(today))
    councils = list(overview_councils_for_user(user=user).order_by("region__name", "name"))
    council_ids = [c.pk for c in councils]
    plans = _current_plan_by_council(council_ids)
    process_plans = {
        pp.plan_id: pp
        for pp in ProcessPlan.objects.filter(plan__in=list(plans.values())).prefetch_related(
            Prefetch("milestones", queryset=ProcessMilestone.objects.order_by("starts_at", "pk")),
            Prefetch("phases"),
        )
    }
    opened = hearing_opened_for_plans(plan_ids=[p.pk for p in plans.values()])
    completeness = plans_completeness(plan_ids=[p.pk for p in plans.values()])
    meeting_dates = councils_meeting_dates(council_ids=council_ids)
    rows = []
    for council in councils:
        row = OverviewRow(council=council, days_to_deadline=(STATUTORY_DEADLINE - today).days)
        plan = plans.get(council.pk)
        rows.append(row)
        if plan is None:
            row.reasons.append((RiskReason.NO_PLAN, _("Ingen nærsundhedsplan oprettet")))
            continue
        row.plan = plan
        row.hearing_opened_on = opened.get(plan.pk)
        row.completeness = sum(1 for item in completeness[plan.pk] if item.status == AreaStatus.COMPLETE)
        process_plan = process_plans.get(plan.pk)
        if process_plan is None:
            row.reasons.append((RiskReason.NO_PLAN, _("Ingen procesplan oprettet")))
            continue
        plan.process_plan = process_plan
        process_plan.plan = plan
        row.process_plan = process_plan
        milestones = list(process_plan.milestones.all())
        phase = next((p for p in process_plan.phases.all() if p.start_date <= today <= p.end_date), None)
        row.current_phase = phase.name if phase else ""
        upcoming = [m for m in milestones if m.starts_at >= now and m.status != ProcessMilestone.Status.DONE]
        if upcoming:
            row.next_milestone = upcoming[0]
            row.next_milestone_date = local_date(upcoming[0].starts_at)
        adoption = adoption_milestone(milestones)
        row.adoption_date = local_date(adoption.starts_at) if adoption else None
        row.slack_days = process_slack_days(milestones=milestones)
        planned_open = [m for m in milestones if m.kind == ProcessMilestone.Kind.HEARING_OPENS]
        row.hearing_planned_on = local_date(planned_open[0].starts_at) if planned_open else None
        if not row.hearing_opened and (
            today >= HEARING_OPEN_BY
            or row.hearing_planned_on is None
            or row.hearing_planned_on > HEARING_OPEN_BY
        ):
            row.reasons.append(
                (RiskReason.HEARING_NOT_OPENED, _("Høringen er ikke åbnet senest 1. februar 2027"))
            )
        overdue = [
            m
            for m in milestones
            if m.status == ProcessMilestone.Status.LATE
            or (m.status != ProcessMilestone.Status.DONE and local_date(m.ends_at or m.starts_at) < today)
        ]
        if overdue:
            row.reasons.append(
                (
                    RiskReason.OVERDUE,
                    _("Overskredet milepæl: %(titles)s") % {"titles": ", ".join(m.title for m in overdue)},
                )
            )
        if row.adoption_date is not None and row.adoption_date > STATUTORY_DEADLINE:
            row.reasons.append((RiskReason.ADOPTION_LATE, _("Vedtagelsen er planlagt efter 1. april 2027")))
        warnings, _slack = process_check(
            process_plan=process_plan, milestones=milestones, meeting_dates=meeting_dates[council.pk]
        )
        for warning in warnings:
            if warning.rule != "adoption_by_deadline":
                row.reasons.append((RiskReason.RULE_BROKEN, warning.message))
    descending = sort.startswith("-")
    key = SORT_KEYS.get(sort.lstrip("-"), SORT_KEYS["region"])
    rows.sort(key=key, reverse=descending)
    return rows


def process_check_preview(
    *, process_plan: ProcessPlan, candidate: ProcessMilestone
) -> tuple[list[RuleWarning], list[RuleWarning], int | None]:
    """(warnings now, warnings if `candidate` were saved, slack then) — nothing is written."""
    milestones = process_milestones(process_plan=process_plan)
    before, _slack = process_check(process_plan=process_plan, milestones=milestones)
    after_list = [m for m in milestones if m.pk != candidate.pk or candidate.pk is None] + [candidate]
    meeting_dates = council_meeting_dates(council=process_plan.plan.council)
    if candidate.pk is not None:
        old = next((m for m in milestones if m.pk == candidate.pk), None)
        others = {local_date(m.starts_at) for m in milestones if m.kind == "meeting" and m.pk != candidate.pk}
        if old is not None and old.kind == "meeting" and local_date(old.starts_at) not in others:
            meeting_dates.discard(local_date(old.starts_at))
    if candidate.kind == "meeting":
        meeting_dates.add(local_date(candidate.starts_at))
    after = process_rules_check(
        milestones=after_list,
        min_hearing_weeks=process_plan.min_hearing_weeks,
        wants_advice_on_final_draft=process_plan.wants_advice_on_final_draft,
        meeting_dates=meeting_dates,
    )
    return before, after, process_slack_days(milestones=after_list)
