"""Permission-aware reads of councils."""

from django.db.models import QuerySet
from guardian.shortcuts import get_objects_for_user

from councils.models import HealthCouncil
from councils.permissions import CouncilPerm


def council_list_for_user(*, user, perm: str = CouncilPerm.ACCESS) -> QuerySet[HealthCouncil]:
    """Councils on which the user holds `perm`; all councils for administrators, none for anonymous."""
    if not user.is_authenticated:
        return HealthCouncil.objects.none()
    if user.is_superuser:
        return HealthCouncil.objects.all()
    return get_objects_for_user(user, perm, klass=HealthCouncil, accept_global_perms=False)


def council_user_can(*, user, council: HealthCouncil, perm: str = CouncilPerm.ACCESS) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm(perm, council)
