import pytest

from councils.permissions import CouncilRole, council_role_grant
from planning.process.services import process_plan_create_from_template
from tests.browser.conftest import login
from tests.factories import CouncilFactory, RegionFactory, UserFactory
from tests.factories.planning import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_moves_a_milestone_and_the_timeline_picture_follows(live_server, page):
    council = CouncilFactory(name="Sønderjylland", slug="soenderjylland")
    secretariat = UserFactory(username="sekretariat")
    council_role_grant(council=council, user=secretariat, role=CouncilRole.SECRETARIAT)
    process_plan = process_plan_create_from_template(
        plan=PlanFactory(council=council, created_by=secretariat), created_by=secretariat
    )
    conference = process_plan.milestones.get(kind="conference")
    login(page, live_server, "sekretariat")
    page.goto(f"{live_server.url}/planer/{process_plan.plan_id}/proces/")
    diamond = f'svg g.milestone[data-milestone-id="{conference.pk}"]'
    assert page.get_attribute(diamond, "data-date") == "2026-11-06"
    points_before = page.get_attribute(f"{diamond} polygon", "points")
    assert "6. nov" in page.text_content(f"{diamond} .date-label")

    page.click(f'a[href="/planer/{process_plan.plan_id}/proces/milepaele/{conference.pk}/"]')
    page.fill("#id_start_date", "2026-11-20")
    page.fill("#id_end_date", "2026-11-20")
    page.click("text=Gem milepæl")
    page.wait_for_url(f"**/planer/{process_plan.plan_id}/proces/")

    assert "Flyttet fra 6. november 2026 til 20. november 2026" in page.text_content(".messages")
    assert page.get_attribute(diamond, "data-date") == "2026-11-20"
    assert page.get_attribute(f"{diamond} polygon", "points") != points_before
    x_before = float(points_before.split(",")[0])
    x_after = float(page.get_attribute(f"{diamond} polygon", "points").split(",")[0])
    assert x_after > x_before
    assert "20. nov" in page.text_content(f"{diamond} .date-label")


def test_administrator_sees_all_17_councils_in_the_overview(live_server, page):
    for region_index in range(4):
        region = RegionFactory(slug=f"region-{region_index}", name=f"Region {region_index}")
        for n in range(5 if region_index == 0 else 4):
            CouncilFactory(name=f"Råd {region_index}-{n}", slug=f"raad-{region_index}-{n}", region=region)
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    login(page, live_server, "admin")
    page.click("text=Procesoverblik")
    page.wait_for_selector("table.overview-table")
    assert page.locator("table.overview-table tbody tr").count() == 17
    assert page.locator("svg.overview-picture g.council").count() == 17
    page.click("table.overview-table thead >> text=Sundhedsråd")
    assert "sort=council" in page.url
    assert page.locator("table.overview-table tbody tr").count() == 17
