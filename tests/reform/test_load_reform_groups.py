from django.contrib.auth.models import Group
from django.core.management import call_command

from councils.models import HealthCouncil
from councils.permissions import CouncilPerm, CouncilRole, council_group_name
from tests.factories import UserFactory


def test_load_reform_makes_one_role_group_per_council_that_grants_access(db):
    call_command("load_reform", verbosity=0)
    call_command("load_reform", verbosity=0)
    assert Group.objects.filter(name__startswith="sundhedsraad:").count() == 17 * 2
    council = HealthCouncil.objects.get(slug="fyn")
    user = UserFactory(username="ny-sekretaer")
    user.groups.add(Group.objects.get(name=council_group_name(council=council, role=CouncilRole.SECRETARIAT)))
    assert user.has_perm(CouncilPerm.MANAGE, council)
    assert not user.has_perm(CouncilPerm.ACCESS, HealthCouncil.objects.get(slug="soenderjylland"))


def test_names_with_danish_letters_resolve_in_any_case(db):
    from councils.selectors import council_get_by_name, municipality_get_by_name, region_get_by_name

    call_command("load_reform", verbosity=0)
    assert region_get_by_name(name="REGION ØSTDANMARK").slug == "oestdanmark"
    assert council_get_by_name(name="sundhedsråd østsjælland og øerne").name == "Østsjælland og øerne"
    assert council_get_by_name(name="SJÆLLAND OG ØERNE").name == "Østsjælland og øerne"  # the alias
    assert municipality_get_by_name(name="ærø kommune").name == "Ærø"
