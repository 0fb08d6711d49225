"""Review in a real browser: keyboard commenting, reply and resolve, change proposals, inert XSS."""

import pytest
from django.urls import reverse

from planning.models import Comment, SectionRevision
from planning.plans.services import section_revision_save
from planning.review.services import comment_create
from tests.browser.conftest import login
from tests.factories.planning import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "<p>Første tekstafsnit om akutpladser.</p><p>Andet tekstafsnit om almen praksis.</p>"
    "<p>Tredje tekstafsnit om forebyggelse.</p>"
)


@pytest.fixture
def section(world):
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section,
        title=section.title,
        text=TEXT,
        base_revision_id=section.current_revision_id,
        author=world.users["secretariat"],
    )
    section.refresh_from_db()
    return section


def _urls(live_server, section):
    return (
        live_server.url
        + reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk}),
        live_server.url + reverse("plan-review", kwargs={"plan_pk": section.plan_id}),
    )


def _outline_count(page, overview_url, section) -> str:
    page.goto(overview_url)
    return page.locator(f"#afsnit-{section.pk} td[data-open-comments]").inner_text().strip()


def test_member_comments_by_keyboard_secretariat_replies_and_resolves(live_server, page, new_page, section):
    section_url, overview_url = _urls(live_server, section)
    login(page, live_server, "member")
    page.goto(section_url)
    link = page.get_by_role("link", name="Kommentér tekstafsnit 2")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_text"  # focus moved to the comment box
    assert page.locator("#id_paragraph").input_value() == "2"
    page.keyboard.type("Hvad betyder det for lægedækningen på Als?")
    page.get_by_role("button", name="Gem kommentar").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#kommentar-*")
    assert (
        page.locator("#afsnit-2 .comment-text").inner_text().strip()
        == "Hvad betyder det for lægedækningen på Als?"
    )
    assert _outline_count(page, overview_url, section) == "1"

    secretariat = new_page()
    login(secretariat, live_server, "secretariat")
    secretariat.goto(section_url)
    thread = secretariat.locator("#afsnit-2 article.thread")
    assert "lægedækningen på Als" in thread.inner_text()
    thread.locator("summary", has_text="Svar").click()
    thread.get_by_label("Dit svar").fill("Det afklares med praksisudvalget.")
    thread.get_by_role("button", name="Send svar").click()
    secretariat.wait_for_load_state("domcontentloaded")
    thread = secretariat.locator("#afsnit-2 article.thread")
    assert "Det afklares med praksisudvalget." in thread.inner_text()
    thread.get_by_role("button", name="Marker som løst").click()
    secretariat.wait_for_load_state("domcontentloaded")
    assert "Kommentaren er markeret som løst." in secretariat.locator(".messages").inner_text()
    assert secretariat.locator("#open-count").get_attribute("data-open-count") == "0"
    assert _outline_count(secretariat, overview_url, section) == "0"
    assert Comment.objects.get(parent__isnull=True).status == Comment.Status.RESOLVED


def test_member_proposes_wording_and_the_secretariat_accepts_it(live_server, page, new_page, section):
    section_url, _overview = _urls(live_server, section)
    login(page, live_server, "member")
    page.goto(section_url)
    page.get_by_role("link", name="Foreslå ny formulering af tekstafsnit 1").focus()
    page.keyboard.press("Enter")
    box = page.locator("#id_forslag-proposed_text")
    assert page.evaluate("document.activeElement.id") == "id_forslag-proposed_text"
    assert box.input_value() == "Første tekstafsnit om akutpladser."
    box.fill("Første tekstafsnit om akutpladser og akutsygepleje.")
    page.get_by_role("button", name="Send ændringsforslag").click()
    page.wait_for_load_state("domcontentloaded")
    assert "og akutsygepleje" in page.locator("#proposal-diff ins").inner_text()

    secretariat = new_page()
    login(secretariat, live_server, "secretariat")
    secretariat.goto(page.url)
    secretariat.get_by_label("Acceptér forslaget").check()
    secretariat.get_by_role("button", name="Gem beslutning").click()
    secretariat.wait_for_load_state("domcontentloaded")
    assert secretariat.locator("#proposal-status").inner_text().strip() == "Accepteret"
    secretariat.goto(section_url)
    assert (
        secretariat.locator("#afsnit-1 .paragraph-text").inner_text().strip()
        == "Første tekstafsnit om akutpladser og akutsygepleje."
    )
    latest = SectionRevision.objects.filter(section=section).order_by("-number").first()
    assert latest.author.username == "member"


def test_xss_payloads_stay_inert_in_chromium(live_server, page, section, world):
    payloads = [
        "<script>window.__xss = 1; alert('xss')</script>",
        '<img src=x onerror="window.__xss = 1; alert(1)">',
        "[klik](javascript:alert(1))",
        '"><svg onload=alert(1)>',
    ]
    for i, payload in enumerate(payloads):
        comment_create(
            section=section,
            author=world.users["member"],
            text=payload,
            text_format="markdown" if i % 2 else "plain",
            paragraph_index=1,
        )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(page, live_server, "secretariat")
    section_url, overview_url = _urls(live_server, section)
    for url in [
        section_url + "?filter=all",
        overview_url + "?filter=all",
        live_server.url + "/planer/notifikationer/",
    ]:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None
        assert page.locator("main script").count() == 0
        assert page.locator("main img[src='x']").count() == 0
    for link in page.locator("a[href^='javascript:']").all():
        raise AssertionError(f"javascript: link rendered: {link}")
    page.goto(section_url + "?filter=all")
    assert "<script>window.__xss" in page.locator("#afsnit-1").inner_text()  # shown as text
    assert dialogs == []
