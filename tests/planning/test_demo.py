"""`load_demo`: demo logins, the roster and a complete draft plan; idempotent; never in production."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from guardian.models import GroupObjectPermission

from councils.models import CouncilMember, HealthCouncil
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can
from planning.demo import DEMO_PASSWORD, PLAN_TITLE, ROSTER, SNAPSHOT_NAME
from planning.models import (
    AgendaItem,
    Goal,
    Hearing,
    HearingParty,
    Initiative,
    Meeting,
    Plan,
    PlanSnapshot,
    ProcessMilestone,
    ProcessPlan,
    Section,
    SectionRevision,
    SnapshotEntry,
)
from planning.plans.selectors import plan_completeness, plan_is_complete
from tests.factories import CouncilFactory, MunicipalityFactory, RegionFactory

User = get_user_model()


@pytest.fixture
def reform(db):
    """What load_reform provides for the demo (built with factories: load_reform lives in another branch)."""
    region = RegionFactory(name="Syddanmark", slug="syddanmark")
    council = CouncilFactory(region=region, name="Sønderjylland", slug="soenderjylland")
    for name, slug in [("Sønderborg", "soenderborg"), ("Tønder", "toender"), ("Haderslev", "haderslev"),
                       ("Aabenraa", "aabenraa")]:  # fmt: skip
        MunicipalityFactory(region=region, council=council, name=name, slug=slug)
    other = CouncilFactory(region=region, name="Fyn", slug="fyn", population_thousands=466)
    return council, other


@pytest.fixture
def demo(reform, settings):
    settings.DEBUG = True
    call_command("load_demo")
    return reform


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            User, Group, GroupObjectPermission, CouncilMember, Plan, Section, SectionRevision,
            Goal, Initiative, PlanSnapshot, SnapshotEntry, Hearing, HearingParty, Meeting, AgendaItem,
            ProcessPlan,
            ProcessMilestone,
        ]
    } | {"memberships": User.groups.through.objects.count()}  # fmt: skip


def test_load_demo_refuses_when_debug_is_off(reform, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="kører derfor ikke, når DEBUG er slået fra"):
        call_command("load_demo")
    assert not User.objects.exists()
    assert not Plan.objects.exists()


def test_load_demo_runs_with_force_when_debug_is_off(reform, settings):
    settings.DEBUG = False
    call_command("load_demo", "--force")
    assert User.objects.filter(username="sekretariat").exists()


def test_load_demo_needs_the_reform_data_first(db, settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="python manage.py load_reform") as excinfo:
        call_command("load_demo")
    assert "soenderjylland" in str(excinfo.value)
    assert not User.objects.exists()


def test_load_demo_twice_changes_nothing(demo, settings):
    before = _counts()
    call_command("load_demo")
    assert _counts() == before
    assert before["User"] == 4
    assert before["CouncilMember"] == 9
    assert before["Plan"] == 1
    assert before["PlanSnapshot"] == 2  # the named draft and the frozen hearing version
    assert before["Hearing"] == 1 and before["HearingParty"] == 6  # committee, 4 municipalities, PLO
    assert before["Meeting"] == 16
    assert before["ProcessPlan"] == 1 and before["ProcessMilestone"] > 5


def test_demo_hearing_is_open_with_the_statutory_party_and_invitations_sent(demo, mailoutbox):
    hearing = Hearing.objects.get()
    assert hearing.state == Hearing.State.OPEN
    assert hearing.plan.status == Plan.Status.IN_HEARING
    assert hearing.parties.filter(kind=HearingParty.Kind.PATIENT_COMMITTEE).count() == 1
    assert hearing.deadline > timezone.now()


def test_demo_users_have_the_documented_password_and_example_emails(demo):
    assert len(DEMO_PASSWORD) >= 12
    for username in ["admin", "sekretariat", "medlem", "fyn-sekretariat"]:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD), username
        assert user.email == f"{username}@example.dk"
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.filter(is_superuser=True).exclude(username="admin").exists()


def test_demo_roles_give_the_right_councils(demo):
    soenderjylland, fyn = demo
    users = {user.username: user for user in User.objects.all()}
    can = {
        (name, council.slug, perm): council_user_can(user=users[name], council=council, perm=perm)
        for name in users
        for council in (soenderjylland, fyn)
        for perm in (CouncilPerm.ACCESS, CouncilPerm.MANAGE)
    }
    assert can[("sekretariat", "soenderjylland", CouncilPerm.MANAGE)] is True
    assert can[("sekretariat", "fyn", CouncilPerm.ACCESS)] is False
    assert can[("sekretariat", "fyn", CouncilPerm.MANAGE)] is False
    assert can[("medlem", "soenderjylland", CouncilPerm.ACCESS)] is True
    assert can[("medlem", "soenderjylland", CouncilPerm.MANAGE)] is False
    assert can[("medlem", "fyn", CouncilPerm.ACCESS)] is False
    assert can[("fyn-sekretariat", "fyn", CouncilPerm.MANAGE)] is True
    assert can[("fyn-sekretariat", "soenderjylland", CouncilPerm.ACCESS)] is False
    assert all(can[("admin", slug, perm)] for slug in ("soenderjylland", "fyn") for perm in (
        CouncilPerm.ACCESS, CouncilPerm.MANAGE))  # fmt: skip


def test_roster_is_the_nine_names_from_the_minutes_with_kind_unset(demo):
    council = HealthCouncil.objects.get(slug="soenderjylland")
    members = list(CouncilMember.objects.filter(council=council).order_by("pk"))
    assert [(m.name, m.party_letter) for m in members] == ROSTER
    assert len(members) == 9
    assert {m.kind for m in members} == {""}  # the minutes do not say who is regional or municipal
    assert [m.name for m in members if m.user] == ["Tage Petersen"]
    assert members[-1].user.username == "medlem"


def test_rerun_keeps_a_kind_set_by_the_secretariat(demo):
    CouncilMember.objects.filter(name="Susanne Eilersen").update(kind=CouncilMember.Kind.REGIONAL)
    call_command("load_demo")
    assert CouncilMember.objects.get(name="Susanne Eilersen").kind == CouncilMember.Kind.REGIONAL


def test_demo_plan_is_complete_with_text_goals_and_initiatives(demo):
    plan = Plan.objects.get(title=PLAN_TITLE)
    assert plan.council.slug == "soenderjylland"
    assert plan.status == Plan.Status.IN_HEARING  # the demo hearing is open
    assert plan.period_label == "2027–2030"
    assert plan_is_complete(plan=plan)
    assert [item.area for item in plan_completeness(plan=plan)] == ["a", "b", "c", "d", "e"]
    statutory = plan.sections.filter(kind=Section.Kind.STATUTORY).select_related("current_revision")
    for section in statutory:
        text = section.current_revision.text
        assert text.count("<p>") >= 2, section.title
        assert section.current_revision.number == 2  # template revision + the demo text
        assert section.goals.count() >= 1
        assert section.initiatives.count() >= 1
    themes = plan.sections.filter(kind=Section.Kind.THEME).select_related("current_revision")
    assert themes.exists()
    assert all(section.current_revision.text for section in themes)
    assert "lighed i sundhed" in plan.sections.get(statutory_area="a").current_revision.text.lower()


def test_demo_plan_has_the_named_snapshot(demo):
    plan = Plan.objects.get(title=PLAN_TITLE)
    snapshot = PlanSnapshot.objects.get(plan=plan, name=SNAPSHOT_NAME)
    assert snapshot.name == SNAPSHOT_NAME
    assert snapshot.created_by.username == "sekretariat"
    assert snapshot.entries.count() == plan.sections.filter(is_removed=False).count()
    assert all(entry.goals for entry in snapshot.entries.filter(statutory_area__in="abcde"))


def test_demo_secretariat_logs_in_and_sees_its_council(demo, client):
    response = client.post(reverse("login"), {"username": "sekretariat", "password": DEMO_PASSWORD})
    assert response.url == reverse("council-mine")
    html = client.get(response.url).content.decode()
    assert "Sundhedsråd Sønderjylland" in html
    assert "Sekretariat" in html
    assert "Sundhedsråd Fyn" not in html
