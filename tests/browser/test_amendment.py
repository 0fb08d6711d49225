"""Real browser: an adopted plan's edit page explains that the plan is frozen; the secretariat starts an
amendment with the keyboard and lands on the new draft, which says which adopted plan it changes."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from planning.models import Plan
from planning.plans.services import section_revision_save
from tests.browser.conftest import login
from tests.factories.planning import PlanFactory


@pytest.mark.browser
def test_frozen_plan_offers_an_amendment_that_copies_the_adopted_text(
    page, live_server, transactional_db, world
):
    secretariat = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=secretariat)
    section = plan.sections.get(position=1)
    section_revision_save(
        section=section, title=section.title, text="<p>Den vedtagne tekst om akutsygepleje.</p>",
        base_revision_id=section.current_revision_id, author=secretariat,
    )  # fmt: skip
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ADOPTED)

    login(page, live_server, "secretariat")
    edit_url = reverse("section-edit", kwargs={"pk": plan.pk, "section_pk": section.pk})
    response = page.goto(live_server.url + edit_url)
    assert response.status == 409
    expect(page.get_by_role("heading", level=1)).to_have_text("Planen kan ikke ændres")
    expect(page.get_by_role("alert")).to_contain_text("den vedtagne tekst kan ikke ændres")

    button = page.get_by_role("button", name="Start en ændring af planen")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    amendment = Plan.objects.get(amends=plan)
    assert page.url.endswith(amendment.get_absolute_url())
    expect(page.get_by_text("Dette udkast ændrer")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Den vedtagne tekst om akutsygepleje.")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED
