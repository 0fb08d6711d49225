"""Reads for meetings and the question scheme: weighted vote results, who belongs to a council, the
public listing (closed items reduced to their title), and the hooks the adoption and process features use."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from councils.errors import NotFound
from councils.models import HealthCouncil
from councils.permissions import CouncilRole, council_group_name
from councils.selectors import council_secretariat_users  # noqa: F401  (used by services)
from planning.meetings.models import (
    AgendaItem,
    Meeting,
    MeetingParticipant,
    Question,
    StopRightReferral,
    Vote,
)
from planning.plans.models import Plan

PUBLIC_MEETING_STATUSES = (
    Meeting.Status.AGENDA_PUBLISHED,
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_APPROVED,
)
DECISION_MEETING_KINDS = (Meeting.Kind.ORDINARY, Meeting.Kind.EXTRAORDINARY)


# --- Votes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteResult:
    """Headcount and weighted totals of a roll call.

    The rule: the proposal is carried when the weighted votes for are more than the weighted votes
    against (a simple weighted majority of the votes cast; abstentions count in neither). A tie is not
    carried. Headcount is reported alongside, so a result where the weights and the heads point in
    different directions is visible.
    """

    heads: dict[str, int] = field(default_factory=dict)
    weighted: dict[str, int] = field(default_factory=dict)

    @property
    def carried(self) -> bool:
        return self.weighted.get(Vote.Choice.FOR, 0) > self.weighted.get(Vote.Choice.AGAINST, 0)

    @property
    def is_tie(self) -> bool:
        return self.weighted.get(Vote.Choice.FOR, 0) == self.weighted.get(Vote.Choice.AGAINST, 0)

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        return [(str(choice.label), self.heads[choice], self.weighted[choice]) for choice in Vote.Choice]


def vote_result(*, item: AgendaItem) -> VoteResult:
    heads = dict.fromkeys(Vote.Choice.values, 0)
    weighted = dict.fromkeys(Vote.Choice.values, 0)
    for choice, weight in item.votes.values_list("choice", "weight"):
        heads[choice] += 1
        weighted[choice] += weight
    return VoteResult(heads=heads, weighted=weighted)


# --- Who belongs to a council ------------------------------------------------------------------


def council_all_users(*, council: HealthCouncil) -> QuerySet:
    """Everyone who belongs to the council: its member and secretariat groups and the user accounts of
    its roster (CouncilMember.user); nobody else."""
    names = [council_group_name(council=council, role=role) for role, _label in CouncilRole.CHOICES]
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=names) | Q(council_memberships__council=council), is_active=True)
        .distinct()
        .order_by("pk")
    )


# --- Meetings ----------------------------------------------------------------------------------


def meeting_list_for_council(*, council: HealthCouncil) -> QuerySet[Meeting]:
    return council.meetings.all().order_by("date", "start_time")


def meeting_get_for_council(*, council: HealthCouncil, pk: int) -> Meeting:
    try:
        return Meeting.objects.select_related("council").get(council=council, pk=pk)
    except Meeting.DoesNotExist as exc:
        raise NotFound from exc


def meeting_public_list(*, council: HealthCouncil | None = None) -> QuerySet[Meeting]:
    """Meetings whose agenda is published (and therefore also those held or with approved minutes)."""
    meetings = Meeting.objects.filter(status__in=PUBLIC_MEETING_STATUSES).select_related("council")
    if council is not None:
        meetings = meetings.filter(council=council)
    return meetings.order_by("-date", "council__name")


def meeting_public_get(*, pk: int) -> Meeting:
    try:
        return meeting_public_list().get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise NotFound from exc


@dataclass
class DocumentItem:
    """An agenda item as a document shows it; for a closed item in a public document, only the title."""

    number: int
    title: str
    anchor: str
    is_closed: bool
    redacted: bool
    item: AgendaItem | None = None
    result: VoteResult | None = None


def meeting_items_for_document(*, meeting: Meeting, include_closed: bool) -> list[DocumentItem]:
    """Items in order. Public/redacted documents never receive a closed item's object, only its title."""
    result = []
    items = meeting.items.prefetch_related(
        "attachments", "votes", "stop_right_referrals__invoked_by__member"
    ).select_related("plan", "snapshot", "hearing")
    for item in items:
        redacted = item.is_closed and not include_closed
        result.append(
            DocumentItem(
                number=item.number,
                title=item.title,
                anchor=f"punkt-{item.number}",
                is_closed=item.is_closed,
                redacted=redacted,
                item=None if redacted else item,
                result=vote_result(item=item) if item.decided_by_vote and not redacted else None,
            )
        )
    return result


def minutes_current_version(*, meeting: Meeting):
    return meeting.minutes_versions.order_by("-number").first()


def minutes_pending_participants(*, meeting: Meeting) -> list[MeetingParticipant]:
    """Present participants with a user account who have not approved the current minutes version."""
    version = minutes_current_version(meeting=meeting)
    present = meeting.participants.select_related("member").filter(
        attendance=MeetingParticipant.Attendance.PRESENT, member__user__isnull=False
    )
    if version is None:
        return list(present)
    approved = set(version.approvals.values_list("participant_id", flat=True))
    return [p for p in present if p.pk not in approved]


def meeting_participant_for_user(*, meeting: Meeting, user) -> MeetingParticipant | None:
    if not user.is_authenticated:
        return None
    return meeting.participants.select_related("member").filter(member__user=user).first()


# --- Hooks for adoption and the process plan ---------------------------------------------------


def plan_adoption_suspended(*, plan: Plan) -> bool:
    """True while an agenda item linked to the plan (directly or through a snapshot) has a stop-right
    referral that the regional council has not resolved: the plan must not become "Vedtaget" then."""
    return StopRightReferral.objects.filter(
        Q(item__plan=plan) | Q(item__snapshot__plan=plan), resolved_at__isnull=True
    ).exists()


def council_meeting_dates(*, council: HealthCouncil) -> set[datetime.date]:
    """Dates of the council's decision meetings (ordinary and extraordinary): an adoption milestone must
    sit on one of them. Seminars, conferences and visits are not decision meetings."""
    return councils_meeting_dates(council_ids=[council.pk])[council.pk]


def councils_meeting_dates(*, council_ids) -> dict[int, set[datetime.date]]:
    """Council id → its decision meeting dates, for any number of councils in one query."""
    dates: dict[int, set[datetime.date]] = {council_id: set() for council_id in council_ids}
    rows = Meeting.objects.filter(council_id__in=list(council_ids), kind__in=DECISION_MEETING_KINDS)
    for council_id, day in rows.values_list("council_id", "date"):
        dates[council_id].add(day)
    return dates


# --- Questions ---------------------------------------------------------------------------------


def question_list_for_council(*, council: HealthCouncil) -> QuerySet[Question]:
    return council.questions.select_related("asker", "asker_member").order_by("-asked_at")


def question_get_for_council(*, council: HealthCouncil, pk: int) -> Question:
    try:
        return Question.objects.select_related("council", "asker").get(council=council, pk=pk)
    except Question.DoesNotExist as exc:
        raise NotFound from exc


def question_user_is_chair(*, council: HealthCouncil, user) -> bool:
    return user.is_authenticated and council.members.filter(user=user, is_chair=True).exists()
