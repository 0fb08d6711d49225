"""Permission-aware reads of plans."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from councils.errors import NotFound
from councils.selectors import council_list_for_user, council_user_can
from planning.plans.models import (
    Goal,
    Initiative,
    Plan,
    PlanEvent,
    PlanSnapshot,
    Section,
    SectionRevision,
    SnapshotEntry,
    StatutoryArea,
)
from planning.plans.permissions import PlanPerm


def plan_list_for_user(*, user, perm: str = PlanPerm.VIEW) -> QuerySet[Plan]:
    return Plan.objects.filter(council__in=council_list_for_user(user=user, perm=perm)).select_related(
        "council", "council__region"
    )


class AreaStatus:
    MISSING = "missing"  # no live section covers the area
    EMPTY = "empty"  # a section exists but has no text
    HAS_TEXT = "has_text"  # text, but not yet both goals and initiatives
    COMPLETE = "has_goals_and_initiatives"

    LABELS = {
        MISSING: _("Mangler"),
        EMPTY: _("Tom"),
        HAS_TEXT: _("Har tekst"),
        COMPLETE: _("Har tekst, mål og indsatser"),
    }


@dataclass(frozen=True)
class AreaCompleteness:
    area: str
    label: str
    status: str
    section_id: int | None

    @property
    def status_label(self) -> str:
        return str(AreaStatus.LABELS[self.status])


def plan_completeness(*, plan: Plan) -> list[AreaCompleteness]:
    """Status of each statutory content area a–e; one query whatever the plan's size."""
    return plans_completeness(plan_ids=[plan.pk])[plan.pk]


def plans_completeness(*, plan_ids) -> dict[int, list[AreaCompleteness]]:
    """Plan id → status of each statutory area a–e, for any number of plans in one query."""
    sections = (
        Section.objects.filter(plan_id__in=list(plan_ids), is_removed=False, kind=Section.Kind.STATUTORY)
        .select_related("current_revision")
        .annotate(
            goal_count=Count("goals", distinct=True), initiative_count=Count("initiatives", distinct=True)
        )
        .order_by("plan_id", "position")
    )
    by_plan_area: dict[int, dict[str, list[Section]]] = {plan_id: {} for plan_id in plan_ids}
    for section in sections:
        by_plan_area[section.plan_id].setdefault(section.statutory_area, []).append(section)
    return {plan_id: _areas_completeness(by_area) for plan_id, by_area in by_plan_area.items()}


def _areas_completeness(by_area: dict[str, list[Section]]) -> list[AreaCompleteness]:
    result = []
    for area in StatutoryArea:
        covering = by_area.get(area.value, [])
        if not covering:
            status, section_id = AreaStatus.MISSING, None
        else:
            section_id = covering[0].pk
            has_text = any(
                s.current_revision and strip_tags(s.current_revision.text).strip() for s in covering
            )
            has_both = any(s.goal_count for s in covering) and any(s.initiative_count for s in covering)
            if not has_text:
                status = AreaStatus.EMPTY
            elif has_both:
                status = AreaStatus.COMPLETE
            else:
                status = AreaStatus.HAS_TEXT
        result.append(
            AreaCompleteness(area=area.value, label=str(area.label), status=status, section_id=section_id)
        )
    return result


def plan_is_complete(*, plan: Plan) -> bool:
    """The gate for sending a plan to hearing: all five statutory areas have text, goals and initiatives."""
    return all(item.status == AreaStatus.COMPLETE for item in plan_completeness(plan=plan))


# --- Drafting: the reads behind the plan pages (one query per kind of row, never per section) --------


def plan_list_for_page(*, user) -> QuerySet[Plan]:
    """The user's plans ordered for grouping by council on the plan list."""
    return plan_list_for_user(user=user).order_by("council__name", "-period_start_year", "title")


def plan_sections_for_page(*, plan: Plan) -> list[Section]:
    """Live sections in order, numbered 1..n (`section.number`), with text, goals and initiatives loaded.

    Four queries whatever the number of sections: sections (+ current revision and its author),
    goals, initiatives.
    """
    sections = list(
        plan.sections.filter(is_removed=False)
        .select_related("current_revision", "current_revision__author")
        .prefetch_related("goals", "initiatives")
        .order_by("position", "pk")
    )
    for number, section in enumerate(sections, start=1):
        section.number = number
    return sections


def plan_removed_sections(*, plan: Plan) -> QuerySet[Section]:
    return plan.sections.filter(is_removed=True).order_by("position", "pk")


def section_get_for_plan(*, plan: Plan, pk: int) -> Section:
    """A section of this plan (removed ones too), with `number` set for live sections; 404 otherwise."""
    try:
        section = plan.sections.select_related("current_revision", "current_revision__author").get(pk=pk)
    except Section.DoesNotExist as exc:
        raise NotFound from exc
    section.plan = plan
    section.number = None
    if not section.is_removed:
        section.number = (
            plan.sections.filter(is_removed=False)
            .filter(Q(position__lt=section.position) | Q(position=section.position, pk__lt=section.pk))
            .count()
            + 1
        )
    return section


def section_revision_list(*, section: Section) -> QuerySet[SectionRevision]:
    return section.revisions.select_related("author").order_by("-number")


def section_revision_get(*, section: Section, number: int) -> SectionRevision:
    try:
        return section.revisions.select_related("author").get(number=number)
    except SectionRevision.DoesNotExist as exc:
        raise NotFound from exc


def section_conflict_list(*, section: Section) -> QuerySet[PlanEvent]:
    """Texts that lost an edit race on this section, kept in the plan's history (newest first)."""
    return PlanEvent.objects.filter(
        plan_id=section.plan_id, kind=PlanEvent.Kind.SECTION_CONFLICT, data__section=section.pk
    ).select_related("user")


def plan_event_list(*, plan: Plan) -> QuerySet[PlanEvent]:
    return plan.events.select_related("user").order_by("-created_at", "-pk")


def plan_snapshot_list(*, plan: Plan) -> QuerySet[PlanSnapshot]:
    return (
        plan.snapshots.select_related("created_by")
        .annotate(entry_count=Count("entries"))
        .order_by("-created_at", "-pk")
    )


def plan_snapshot_get(*, plan: Plan, pk: int) -> PlanSnapshot:
    try:
        return plan.snapshots.select_related("created_by").get(pk=pk)
    except PlanSnapshot.DoesNotExist as exc:
        raise NotFound from exc


def snapshot_entry_list(*, snapshot: PlanSnapshot) -> list[SnapshotEntry]:
    return list(snapshot.entries.select_related("revision", "revision__author").order_by("position", "pk"))


def goal_get_for_plan(*, plan: Plan, pk: int) -> Goal:
    try:
        return Goal.objects.select_related("section").get(pk=pk, section__plan=plan)
    except Goal.DoesNotExist as exc:
        raise NotFound from exc


def initiative_get_for_plan(*, plan: Plan, pk: int) -> Initiative:
    try:
        return Initiative.objects.select_related("section").get(pk=pk, section__plan=plan)
    except Initiative.DoesNotExist as exc:
        raise NotFound from exc


def plan_open_amendment(*, plan: Plan) -> Plan | None:
    """The amendment of an adopted plan still being drafted or heard, if one is under way."""
    return (
        plan.amendments.exclude(status__in=(Plan.Status.ADOPTED, Plan.Status.SUPERSEDED))
        .order_by("-pk")
        .first()
    )


def plan_frozen_context(*, plan: Plan, user) -> dict:
    """What the notice on an adopted plan shows: the amendment under way, or whether one may be started."""
    return {
        "plan": plan,
        "open_amendment": plan_open_amendment(plan=plan) if plan.status == Plan.Status.ADOPTED else None,
        "can_amend": plan.status == Plan.Status.ADOPTED
        and council_user_can(user=user, council=plan.council, perm=PlanPerm.CHANGE),
    }
