"""Permission-aware reads of plans."""

from django.db.models import QuerySet
from django.http import Http404

from councils.selectors import council_list_for_user
from planning.models import Plan
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
