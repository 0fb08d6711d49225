"""The public council page in a real browser, keyboard only: home -> council -> composition table."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reach_a_council_page_by_keyboard_and_read_its_composition(live_server, page):
    call_command("load_reform", verbosity=0)

    page.goto(live_server.url + "/")
    link = page.get_by_role("link", name="Sønderjylland", exact=True)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/raad/soenderjylland/")

    assert page.get_by_role("heading", level=1).inner_text() == "Sundhedsråd Sønderjylland"
    assert page.locator("#composition-status").inner_text().strip().endswith("Sammensætningen følger reglen.")
    table = page.locator("table.composition")
    assert table.get_by_role("row", name="Medlemmer i alt ifølge reglen").inner_text().split()[-1] == "9"
    assert page.get_by_role("table", name="Kommuner og deres stemmer").get_by_role("row").count() == 5
