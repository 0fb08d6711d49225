"""Real browser: a party answers through its personal link; the secretariat answers it in the white paper."""

import pytest
from django.core import mail
from django.urls import reverse

from planning.models import HearingResponse, WhitePaperPoint
from tests.factories import TEST_PASSWORD
from tests.planning.hearings.helpers import PDF_BYTES, open_hearing, party_of, token_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_party_answers_with_pdf_and_secretariat_records_point(page, live_server, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    hearing = open_hearing(world)
    party = party_of(hearing)
    assert any(party.email in m.to for m in mail.outbox)  # the invitation
    mail.outbox.clear()

    # The party opens its personal link (no login) and answers with a PDF attachment.
    page.goto(
        f"{live_server.url}{reverse('hearing-party', kwargs={'pk': hearing.pk, 'token': token_of(party)})}"
    )
    assert page.locator("h1").inner_text() == hearing.title
    page.fill("#id_text", "Vi savner hjemmebehandling i afsnit a. Resten støtter vi.")
    page.locator("input[name=sections]").first.check()
    page.set_input_files(
        "#id_attachments",
        files=[{"name": "hoeringssvar.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}],
    )
    with page.expect_navigation():
        page.click("button:has-text('Send høringssvar')")
    assert page.locator("h1").inner_text() == "Kvittering for høringssvar"
    assert "hoeringssvar.pdf" in page.content()
    response = HearingResponse.objects.get()
    assert response.attachments.get().original_name == "hoeringssvar.pdf"
    assert [m.to for m in mail.outbox] == [[party.email]]
    assert "Kvittering" in mail.outbox[0].subject

    # The secretariat splits the response into a point with a disposition.
    _login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}{reverse('whitepaper-edit', kwargs={'pk': hearing.pk})}")
    page.click(f"#svar-{response.pk} summary")
    page.fill(f"#id_svar{response.pk}_segment", "Vi savner hjemmebehandling i afsnit a.")
    page.select_option(f"#id_svar{response.pk}_disposition", "partly")
    page.fill(f"#id_svar{response.pk}_reasoning", "Hjemmebehandling er nævnt i afsnit a efter høringen.")
    with page.expect_navigation():
        page.click(f"#svar-{response.pk} button:has-text('Tilføj punkt')")
    point = WhitePaperPoint.objects.get()
    assert point.disposition == "partly" and point.response == response
    page.goto(f"{live_server.url}{reverse('whitepaper-detail', kwargs={'pk': hearing.pk})}")
    body = page.locator("main").inner_text()
    assert "Delvist imødekommet" in body
    assert "Hjemmebehandling er nævnt i afsnit a efter høringen." in body
