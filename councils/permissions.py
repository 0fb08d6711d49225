"""Council roles and the object permissions they carry.

This is the only module that grants or revokes guardian permissions. Rights are given to one group
per (council, role), never to single users, so a role change is a group membership change.
Administrators are superusers and pass every check.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm

from councils.models import HealthCouncil, Region


class CouncilPerm:
    ACCESS = "councils.access_council"  # read the council's internal pages and plans
    MANAGE = "councils.manage_council"  # the secretariat: write plans, run the process


class RegionPerm:
    OVERVIEW = "councils.view_region_overview"  # region staff: the overview of the region's councils


class CouncilRole:
    SECRETARIAT = "secretariat"
    MEMBER = "member"

    CHOICES = [(SECRETARIAT, _("Sekretariat")), (MEMBER, _("Rådsmedlem"))]
    PERMISSIONS = {
        SECRETARIAT: [CouncilPerm.ACCESS, CouncilPerm.MANAGE],
        MEMBER: [CouncilPerm.ACCESS],
    }


def council_group_name(*, council: HealthCouncil, role: str) -> str:
    return f"sundhedsraad:{council.slug}:{role}"


@transaction.atomic
def council_group_ensure(*, council: HealthCouncil, role: str) -> Group:
    """The group for one role in one council, with its object permissions; safe to call repeatedly."""
    group, created = Group.objects.get_or_create(name=council_group_name(council=council, role=role))
    if created:
        for perm in CouncilRole.PERMISSIONS[role]:
            assign_perm(perm, group, council)
    return group


def council_role_grant(*, council: HealthCouncil, user, role: str) -> None:
    council_group_ensure(council=council, role=role).user_set.add(user)


def council_role_revoke(*, council: HealthCouncil, user, role: str) -> None:
    council_group_ensure(council=council, role=role).user_set.remove(user)


def region_overview_grant(*, region: Region, user) -> None:
    """Region staff see the overview of their region's councils (not the councils' internal pages)."""
    group, created = Group.objects.get_or_create(name=f"region:{region.slug}:overview")
    if created:
        assign_perm(RegionPerm.OVERVIEW, group, region)
    group.user_set.add(user)
