"""Permission-aware reads of plans."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from councils.selectors import council_list_for_user
from planning.models import Plan, Section, StatutoryArea
from planning.permissions import PlanPerm


def plan_list_for_user(*, user, perm: str = PlanPerm.VIEW) -> QuerySet[Plan]:
    return Plan.objects.filter(council__in=council_list_for_user(user=user, perm=perm)).select_related(
        "council", "council__region"
    )


def plan_get_for_user(*, user, pk: int, perm: str = PlanPerm.VIEW) -> Plan:
    """The plan if the user may `perm` it; 404 otherwise, so other councils' plans do not leak."""
    try:
        return plan_list_for_user(user=user, perm=perm).get(pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404 from exc


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
    """Status of each statutory content area a–e; three queries whatever the plan's size."""
    sections = list(
        plan.sections.filter(is_removed=False, kind=Section.Kind.STATUTORY)
        .select_related("current_revision")
        .annotate(
            goal_count=Count("goals", distinct=True), initiative_count=Count("initiatives", distinct=True)
        )
        .order_by("position")
    )
    by_area: dict[str, list[Section]] = {}
    for section in sections:
        by_area.setdefault(section.statutory_area, []).append(section)
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
