"""Permission-aware reads of councils."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet
from guardian.shortcuts import get_objects_for_user

from councils.errors import NotFound
from councils.models import CouncilAlias, CouncilMember, HealthCouncil, Municipality, Region
from councils.permissions import CouncilPerm, CouncilRole, council_group_name
from councils.text import danish_slugify


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


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _by_name(queryset, key: str):
    """Match on the Danish slug first: SQLite's case-insensitive comparison folds only ASCII, so
    "østdanmark" would not find "Østdanmark" there; the slug ("oestdanmark") is the same either way."""
    return queryset.filter(slug=danish_slugify(key)).first() or queryset.filter(name__iexact=key).first()


def region_get_by_name(*, name: str) -> Region | None:
    """A region by its name, with or without the word "Region" ("Region Syddanmark" or "Syddanmark")."""
    key = _name_key(name)
    if key.startswith("region "):
        key = key.removeprefix("region ")
    return _by_name(Region.objects.all(), key)


def council_get_by_name(*, name: str) -> HealthCouncil | None:
    """A council by its name or a known alias, case-insensitive; "Sundhedsråd Fyn" is "Fyn".

    The sources call one council by two names (004 fig. 20: "Sjælland og øerne"); the alias table
    resolves them so an import never creates a duplicate council.
    """
    key = _name_key(name)
    if key.startswith("sundhedsråd "):
        key = key.removeprefix("sundhedsråd ")
    council = _by_name(HealthCouncil.objects.all(), key)
    if council is None:
        # The alias table is small; comparing in Python folds Æ/Ø/Å on every database.
        aliases = CouncilAlias.objects.select_related("council")
        council = next((a.council for a in aliases if _name_key(a.alias) == key), None)
    return council


def municipality_get_by_name(*, name: str) -> Municipality | None:
    """A municipality by its name, with or without "Kommune" ("Aabenraa Kommune" or "Aabenraa")."""
    key = _name_key(name)
    if key.endswith(" kommune"):
        key = key.removesuffix(" kommune")
    return _by_name(Municipality.objects.all(), key)


def council_get_for_page(*, slug: str) -> HealthCouncil:
    """One council with everything its public page shows, in a fixed number of queries (404 if unknown).

    Municipalities, members (with their municipality) and funding allocations are prefetched, so
    `council_composition(council=...)` costs no further queries.
    """
    queryset = HealthCouncil.objects.select_related("region").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
        Prefetch(
            "members",
            queryset=CouncilMember.objects.select_related("municipality").order_by("-is_chair", "name"),
        ),
        "funding_allocations",
    )
    try:
        return queryset.get(slug=slug)
    except HealthCouncil.DoesNotExist as exc:
        raise NotFound from exc


def region_list_with_councils() -> QuerySet[Region]:
    """Regions with their councils, each council annotated with `municipality_count` (two queries)."""
    councils = HealthCouncil.objects.annotate(municipality_count=Count("municipalities")).order_by("name")
    return Region.objects.prefetch_related(Prefetch("councils", queryset=councils)).order_by("name")


def council_users(*, council: HealthCouncil) -> QuerySet:
    """Active users holding a role in the council (secretariat or member), by name: the people who may be
    mentioned in comments and made responsible for milestones."""
    names = [council_group_name(council=council, role=role) for role, _label in CouncilRole.CHOICES]
    users = get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct()
    return users.order_by("first_name", "last_name", "pk")


def council_secretariat_users(*, council: HealthCouncil) -> QuerySet:
    """Active users of the council's secretariat."""
    name = council_group_name(council=council, role=CouncilRole.SECRETARIAT)
    return get_user_model().objects.filter(groups__name=name, is_active=True).distinct().order_by("pk")
