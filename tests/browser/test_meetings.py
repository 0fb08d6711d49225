"""The secretariat builds an agenda with the plan-adoption item, publishes it, records the vote and the
decision; a member approves the minutes; a member asks a question and sees the answer."""

import pytest

from councils.models import CouncilMember
from planning.models import Meeting, Question
from tests.browser.conftest import login
from tests.factories import CouncilMemberFactory, MunicipalityFactory
from tests.factories.planning import PlanFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db, world):
    council = world.council
    CouncilMemberFactory(
        council=council,
        name="Signe Knappe",
        party_letter="V",
        kind=CouncilMember.Kind.REGIONAL,
        user=world.users["member"],
    )
    municipality = MunicipalityFactory(council=council, name="Aabenraa", slug="aabenraa", population=58_000)
    CouncilMemberFactory(
        council=council,
        name="Tage Petersen",
        party_letter="V",
        kind=CouncilMember.Kind.MUNICIPAL,
        municipality=municipality,
    )
    plan = PlanFactory(council=council, created_by=world.users["secretariat"])
    return plan


def test_agenda_vote_minutes_and_question(page, browser, live_server, world, setup):
    plan = setup
    base = live_server.url
    # The secretariat builds and publishes the agenda.
    login(page, live_server, "secretariat")
    page.goto(f"{base}/planer/raad/soenderjylland/moeder/")
    page.get_by_role("link", name="Nyt møde").click()
    page.fill("#id_date", "2027-03-23")
    page.fill("#id_start_time", "08:00")
    page.fill("#id_end_time", "12:00")
    page.fill("#id_place", "Mødelokale F, Sygehus Sønderjylland")
    page.get_by_role("button", name="Gem").click()
    page.get_by_role("link", name="Tilføj punkt").click()
    page.fill("#id_case_number", "26/10588")
    page.fill("#id_title", "Vedtagelse af nærsundhedsplanen")
    page.fill("#id_resume", "Sundhedsrådet skal vedtage nærsundhedsplanen senest den 1. april 2027.")
    page.fill("#id_proposals", "At sundhedsrådet vedtager nærsundhedsplanen.")
    page.select_option("#id_plan", str(plan.pk))
    page.get_by_role("button", name="Gem").click()
    assert page.get_by_role("heading", name="Punkt 1: Vedtagelse af nærsundhedsplanen").is_visible()
    page.get_by_role("button", name="Offentliggør dagsorden").click()
    assert page.locator("#meeting-status").inner_text() == "Dagsorden offentliggjort"

    # The vote and the decision.
    page.get_by_role("link", name="Registrer beslutning 1").click()
    page.fill("#id_decision_text", "Vedtaget.")
    page.get_by_label("Ved afstemning").check()
    page.get_by_label("Signe Knappe, V").select_option("for")
    page.get_by_label("Tage Petersen, V").select_option("against")
    page.get_by_role("button", name="Gem beslutning").click()
    result = page.locator("table.vote-result")
    assert "Ikke vedtaget" in result.inner_text()  # 1 regional for, Aabenraa (1) against: a tie
    page.get_by_role("link", name="Registrer beslutning 1").click()
    page.get_by_label("Tage Petersen, V").select_option("abstain")
    page.get_by_role("button", name="Gem beslutning").click()
    assert "Vedtaget" in page.locator("table.vote-result caption").inner_text()
    assert page.get_by_text("Beslutning i Sundhedsråd Sønderjylland den 23-03-2027").is_visible()
    page.get_by_role("button", name="Marker mødet som afholdt").click()
    page.get_by_role("button", name="Send referat til godkendelse").click()
    meeting = Meeting.objects.get(council=world.council, date="2027-03-23")
    assert meeting.minutes_versions.count() == 1

    # A member approves the minutes with one click; the only present member with an account: final.
    member_page = browser.new_context(locale="da-DK").new_page()
    login(member_page, live_server, "member")
    member_page.goto(f"{base}{meeting.get_absolute_url()}")
    member_page.get_by_role("button", name="Godkend referat").click()
    assert member_page.locator("#minutes-final").is_visible()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_APPROVED

    # The member asks a question under the scheme.
    member_page.goto(f"{base}/planer/raad/soenderjylland/spoergsmaal/nyt/")
    member_page.fill("#id_title", "Ventetider på genoptræning")
    member_page.fill("#id_text", "Hvor lange er ventetiderne i Sønderjylland?")
    member_page.get_by_role("button", name="Send spørgsmål").click()
    assert member_page.get_by_role(
        "heading", name="Spørgsmål under spørgeordningen: Ventetider på genoptræning"
    ).is_visible()
    question = Question.objects.get()

    # The secretariat answers; the member sees the answer.
    page.goto(f"{base}{question.get_absolute_url()}")
    page.get_by_role("link", name="Besvar").click()
    page.fill("#id_answer", "Ventetiden er fire uger.")
    page.get_by_role("button", name="Send svar").click()
    member_page.reload()
    assert member_page.locator("#question-status").inner_text() == "Besvaret"
    assert "Ventetiden er fire uger." in member_page.locator(".answer").inner_text()
    assert member_page.get_by_text("Svaret indeholder ikke fortrolige oplysninger.").is_visible()
    member_page.context.close()
