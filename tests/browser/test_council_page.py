"""Real browser: the Sønderjylland secretariat logs in and sees its council page; keyboard-only login."""

import pytest
from django.urls import reverse

from councils.permissions import CouncilRole, council_role_grant
from planning.demo import ROSTER
from tests.browser.conftest import login
from tests.factories import (
    TEST_PASSWORD,
    CouncilFactory,
    CouncilMemberFactory,
    MunicipalityFactory,
    RegionFactory,
    UserFactory,
)

MUNICIPALITIES = [("Sønderborg", "soenderborg"), ("Tønder", "toender"), ("Haderslev", "haderslev"),
                  ("Aabenraa", "aabenraa")]  # fmt: skip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def soenderjylland(transactional_db):
    region = RegionFactory(name="Syddanmark", slug="syddanmark")
    council = CouncilFactory(region=region, name="Sønderjylland", slug="soenderjylland")
    for name, slug in MUNICIPALITIES:
        MunicipalityFactory(region=region, council=council, name=name, slug=slug)
    for name, party in ROSTER:
        CouncilMemberFactory(council=council, name=name, party_letter=party, kind="")
    user = UserFactory(username="sekretariat-sj")
    council_role_grant(council=council, user=user, role=CouncilRole.SECRETARIAT)
    return council


def test_secretariat_logs_in_and_sees_the_council_page(page, live_server, soenderjylland):
    login(page, live_server, "sekretariat-sj")
    assert page.url == f"{live_server.url}{reverse('council-mine')}"
    row = page.locator("table.council-mine tbody tr")
    assert row.count() == 1
    assert "Sekretariat" in row.inner_text()
    with page.expect_navigation():
        row.get_by_role("link", name="Sundhedsråd Sønderjylland").click()
    assert page.url == f"{live_server.url}{soenderjylland.get_absolute_url()}"
    assert page.locator("h1").inner_text() == "Sundhedsråd Sønderjylland"
    main = page.locator("main").inner_text()
    for name, _slug in MUNICIPALITIES:
        assert name in main, name
    for name, party in ROSTER:
        assert name in main, name
        member_row = page.get_by_role("row").filter(has_text=name)
        if member_row.count():  # shown as a table: the party letter sits in the same row
            assert party in member_row.first.inner_text().split(), name


def test_login_form_works_with_the_keyboard_only(page, live_server, soenderjylland):
    page.goto(f"{live_server.url}{reverse('login')}")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _press in range(25):
        if page.evaluate("document.activeElement.id") == "id_username":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("sekretariat-sj")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(TEST_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{live_server.url}{reverse('council-mine')}"
    assert page.get_by_role("heading", level=1).inner_text() == "Mine råd"


def test_wrong_password_in_the_browser_shows_the_danish_error(page, live_server, soenderjylland):
    login(page, live_server, "sekretariat-sj", "forkert-adgangskode")
    alert = page.get_by_role("alert")
    assert "Indtast venligst korrekt brugernavn og adgangskode" in alert.inner_text()
    assert page.input_value("#id_username") == "sekretariat-sj"
