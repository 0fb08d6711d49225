"""Real browser: the secretariat tries to close a hearing early (a reason is required), closes it; the
party's link then refuses an answer and keeps the typed text; the secretariat registers a postal answer."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from planning.models import Hearing, HearingResponse
from tests.browser.conftest import login
from tests.planning.hearings.helpers import open_hearing, party_of, token_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_close_early_with_reason_then_party_refused_then_postal_answer(page, new_page, live_server, world):
    hearing = open_hearing(world)
    party = party_of(hearing)
    municipality = hearing.parties.get(name="Sønderborg Kommune")
    login(page, live_server, "secretariat")
    page.goto(live_server.url + hearing.get_absolute_url())

    page.get_by_role("link", name="Afslut høringen").click()
    expect(page.get_by_role("heading", name="Parter uden svar")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Sønderborg Kommune")
    with page.expect_navigation():
        page.get_by_role("button", name="Afslut høringen nu").click()  # no reason: refused
    expect(page.get_by_role("alert")).to_contain_text("Skriv en begrundelse")
    assert Hearing.objects.get(pk=hearing.pk).state == Hearing.State.OPEN
    page.get_by_label("Begrundelse for at afslutte før fristen").fill("Alle vigtige parter har svaret.")
    with page.expect_navigation():
        page.get_by_role("button", name="Afslut høringen nu").click()
    expect(page.locator("main")).to_contain_text("Høringen er afsluttet.")

    # The party's link: no form any more, and a POST from a page opened earlier keeps the text.
    party_page = new_page()
    party_page.goto(
        live_server.url + reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    )
    expect(party_page.get_by_role("alert")).to_contain_text("Høringen er afsluttet")
    expect(party_page.get_by_role("button", name="Send høringssvar")).to_have_count(0)
    assert not HearingResponse.objects.exists()

    # The secretariat registers the municipality's letter.
    page.goto(
        live_server.url
        + reverse("hearing-response-register", kwargs={"pk": hearing.pk, "party_pk": municipality.pk})
    )
    page.get_by_label("Pr. brev").check()
    page.get_by_label("Modtaget (dato og klokkeslæt)").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Svarets tekst").fill("Kommunen støtter planen.")
    with page.expect_navigation():
        page.get_by_role("button", name="Registrér svaret").click()
    expect(page.locator("main")).to_contain_text("Svaret fra Sønderborg Kommune er registreret.")
    stored = HearingResponse.objects.get()
    assert stored.party == municipality and stored.channel == "post"
