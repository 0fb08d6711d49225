"""Real browser: the secretariat edits a section with the editor, saves, sees the marked diff in the
history; a second tab that opened the same section before the save gets the conflict page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from planning.models import PlanEvent, SectionRevision
from planning.plans.services import section_revision_save
from tests.browser.conftest import login
from tests.factories.planning import PlanFactory


@pytest.mark.browser
def test_edit_save_history_diff_and_conflict_in_second_tab(browser, live_server, transactional_db, world):
    secretariat = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=secretariat)
    section = plan.sections.get(position=2)
    section_revision_save(
        section=section,
        title=section.title,
        text="<p>Sygehusene skal række ud mod kommunerne.</p>",
        base_revision_id=section.current_revision_id,
        author=secretariat,
    )
    edit_url = live_server.url + reverse("section-edit", kwargs={"pk": plan.pk, "section_pk": section.pk})

    first = browser.new_context(locale="da-DK")
    second = browser.new_context(locale="da-DK")
    try:
        tab1, tab2 = first.new_page(), second.new_page()
        for tab in (tab1, tab2):
            tab.set_default_timeout(15_000)
            login(tab, live_server, "secretariat")
            tab.goto(edit_url)  # both open the section before anyone saves
            expect(tab.locator(".editor-area")).to_be_visible()
            expect(tab.locator("textarea[name=text]")).to_be_hidden()

        # Tab 1: write with the editor (toolbar + keyboard) and save.
        editor = tab1.locator(".editor-area")
        expect(tab1.get_by_role("toolbar")).to_be_visible()
        editor.click()
        tab1.keyboard.press("Control+End")
        tab1.keyboard.press("Enter")
        tab1.keyboard.type("Akutsygeplejen udvides til hele området.")
        tab1.keyboard.press("Shift+Home")  # select the new line, then make it bold from the toolbar
        tab1.get_by_role("button", name="Fed").click()
        expect(tab1.get_by_role("button", name="Fed")).to_have_attribute("aria-pressed", "true")
        with tab1.expect_navigation():
            tab1.get_by_role("button", name="Gem afsnit").click()
        expect(tab1.locator(f"#afsnit-{section.pk} .section-text :is(strong, b)")).to_have_text(
            "Akutsygeplejen udvides til hele området."
        )

        # History → diff, with the change marked.
        tab1.goto(
            live_server.url + reverse("section-history", kwargs={"pk": plan.pk, "section_pk": section.pk})
        )
        expect(tab1.get_by_role("link", name="Version 3")).to_be_visible()
        with tab1.expect_navigation():
            tab1.get_by_role("button", name="Vis forskelle").click()
        inserted = tab1.locator("#text-diff ins")
        expect(inserted).to_contain_text("Akutsygeplejen udvides til hele området.")
        expect(inserted.locator(".visually-hidden")).to_have_text("indsat:")

        # Tab 2 started from the old revision: saving shows the conflict page, nothing overwritten.
        editor2 = tab2.locator(".editor-area")
        editor2.click()
        tab2.keyboard.press("Control+End")
        tab2.keyboard.type(" Almen praksis inddrages tidligt.")
        with tab2.expect_response(lambda r: r.request.method == "POST") as response_info:
            tab2.get_by_role("button", name="Gem afsnit").click()
        assert response_info.value.status == 409
        expect(tab2.get_by_role("heading", level=1)).to_have_text("Afsnittet er ændret, mens du skrev")
        expect(tab2.locator("#newer-text")).to_contain_text("Akutsygeplejen udvides")
        expect(tab2.locator(".editor-area")).to_contain_text("Almen praksis inddrages tidligt.")
        expect(tab2.locator("#conflict-diff ins")).to_contain_text("Almen praksis inddrages tidligt")
    finally:
        first.close()
        second.close()

    texts = list(
        SectionRevision.objects.filter(section=section).order_by("number").values_list("text", flat=True)
    )
    assert len(texts) == 3 and "Akutsygeplejen" in texts[-1] and "Almen praksis" not in texts[-1]
    kept = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.SECTION_CONFLICT)
    assert "Almen praksis inddrages tidligt." in kept.data["text"]
