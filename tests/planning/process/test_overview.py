import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from councils.models import HealthCouncil
from councils.permissions import region_overview_grant
from planning.models import ProcessMilestone
from planning.process.selectors import RiskReason, process_overview_rows
from planning.process.services import process_plan_create_from_template
from tests.factories import CouncilFactory, RegionFactory, UserFactory
from tests.factories.planning import PlanFactory
from tests.planning.process.conftest import at


@pytest.fixture
def seventeen(world):
    """17 councils in 4 regions: the two world councils (Syddanmark) plus 15 more."""
    regions = {"syddanmark": world.council.region}
    for slug, name in [
        ("nordjylland", "Nordjylland"),
        ("midtjylland", "Midtjylland"),
        ("oestdanmark", "Østdanmark"),
    ]:
        regions[slug] = RegionFactory(slug=slug, name=name)
    layout = ["nordjylland"] * 2 + ["midtjylland"] * 5 + ["syddanmark"] * 2 + ["oestdanmark"] * 6
    for index, region in enumerate(layout):
        CouncilFactory(name=f"Råd {index:02d}", slug=f"raad-{index:02d}", region=regions[region])
    return regions


def reasons(row):
    return {code for code, _text in row.reasons}


def test_admin_sees_17_rows_with_and_without_plans(seventeen, world, process_plan):
    rows = process_overview_rows(user=world.users["admin"], today=date(2026, 11, 23))
    assert len(rows) == 17
    by_name = {r.council.name: r for r in rows}
    assert reasons(by_name["Råd 00"]) == {RiskReason.NO_PLAN}
    row = by_name["Sønderjylland"]
    assert row.current_phase == "Høring af udkast til nærsundhedsplanen"
    assert row.next_milestone.title == "Høringsfrist" and row.next_milestone_date == date(2026, 12, 17)
    assert (row.days_to_deadline, row.slack_days, row.completeness, row.hearing_opened) == (129, 9, 0, False)
    # the hearing-opens milestone (12 Nov) has passed without being marked done: overdue
    assert reasons(row) == {RiskReason.OVERDUE}


def test_at_risk_reasons(world, process_plan):
    milestones = {m.kind: m for m in process_plan.milestones.all()}
    ProcessMilestone.objects.filter(starts_at__lt=at(2026, 11, 23)).update(status="done")
    today = date(2026, 11, 23)
    (row,) = process_overview_rows(user=world.users["secretariat"], today=today)
    assert not row.at_risk and row.hearing_opened_on == date(2026, 11, 12)
    ProcessMilestone.objects.filter(pk=milestones["hearing_opens"].pk).update(
        status="planned", starts_at=at(2027, 2, 2)
    )
    ProcessMilestone.objects.filter(pk=milestones["adoption"].pk).update(
        starts_at=at(2027, 4, 6, 8), ends_at=at(2027, 4, 6, 12)
    )
    (row,) = process_overview_rows(user=world.users["secretariat"], today=today)
    assert reasons(row) == {RiskReason.HEARING_NOT_OPENED, RiskReason.ADOPTION_LATE, RiskReason.RULE_BROKEN}
    texts = [text for _c, text in row.reasons]
    assert "Høringen er ikke åbnet senest 1. februar 2027" in texts
    assert "Vedtagelsen er planlagt efter 1. april 2027" in texts
    assert any("Der er intet rådsmøde den 6. april 2027" in t for t in texts)
    assert any("høringen skal vare mindst 4 uger" in t for t in texts)
    (row,) = process_overview_rows(user=world.users["secretariat"], today=date(2027, 2, 3))
    assert RiskReason.OVERDUE in reasons(row)


def test_secretariat_sees_only_its_own_council_unless_it_has_region_rights(seventeen, world, client):
    secretariat = world.users["secretariat"]
    assert [r.council.name for r in process_overview_rows(user=secretariat)] == ["Sønderjylland"]
    region_overview_grant(region=seventeen["midtjylland"], user=secretariat)
    names = {r.council.name for r in process_overview_rows(user=secretariat)}
    assert len(names) == 6 and "Sønderjylland" in names
    region_user = UserFactory(username="region-midt")
    region_overview_grant(region=seventeen["midtjylland"], user=region_user)
    assert len(process_overview_rows(user=region_user)) == 5
    nobody = UserFactory(username="ingen-roller")
    client.force_login(nobody)
    assert client.get(reverse("process-overview")).status_code == 403
    assert client.get(reverse("process-overview-csv")).status_code == 403


def test_overview_page_sorts_without_js_and_exports_csv(seventeen, world, process_plan, client):
    client.force_login(world.users["admin"])
    html = client.get(reverse("process-overview") + "?sort=-slack").content.decode()
    assert html.count("<tr data-council=") == 17
    assert 'aria-sort="descending"' in html and 'href="?sort=slack"' in html
    assert html.index('data-council="soenderjylland"') < html.index('data-council="raad-00"')
    assert 'class="overview-picture"' in html and 'role="img"' in html and "1. april 2027" in html
    response = client.get(reverse("process-overview-csv") + "?sort=council")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Region", "Sundhedsråd", "Plan"] and len(rows) == 18
    soenderjylland = next(r for r in rows if r[1] == "Sønderjylland")
    assert soenderjylland[7:9] == ["2027-03-23", "9"]


def test_overview_query_count_is_flat(seventeen, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    councils = list(HealthCouncil.objects.order_by("pk"))

    def add_plans(some):
        for council in some:
            plan = PlanFactory(council=council, created_by=world.users["admin"])
            process_plan_create_from_template(plan=plan, created_by=world.users["admin"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            rows = process_overview_rows(user=world.users["admin"], today=date(2026, 11, 23))
        assert len(rows) == 17
        return len(context.captured_queries)

    add_plans(councils[:4])
    with_4_plans = queries()
    add_plans(councils[4:16])
    assert queries() == with_4_plans  # completeness, hearings and milestones are read in bulk
