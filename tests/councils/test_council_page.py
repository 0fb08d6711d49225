"""The public council page and the home page, on the real reference data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import CouncilMember, HealthCouncil, Municipality
from reform.models import Milestone
from reform.templatetags.reform_dates import milestone_when
from tests.reform.reference_data import reference_data  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def spring_2026(monkeypatch):
    monkeypatch.setattr(
        "reform.templatetags.reform_dates.timezone.localdate", lambda: datetime.date(2026, 3, 1)
    )


def _page(client, slug: str) -> str:
    response = client.get(reverse("council-detail", kwargs={"slug": slug}))
    assert response.status_code == 200
    return response.content.decode()


def test_council_page_shows_the_composition_table(client, spring_2026):
    html = _page(client, "soenderjylland")

    assert "Sammensætningen følger reglen." in html
    assert '<th scope="row">Kommunale stemmer (vægtet)</th><td class="num">4</td>' in html
    assert '<th scope="row">Regionsrådsmedlemmer, krævet (stemmer + 1)</th><td class="num">5</td>' in html
    assert '<th scope="row">Medlemmer i alt ifølge reglen</th><td class="num">9</td>' in html
    assert "5 mod 4: ja" in html
    assert "passer med reglen" in html
    for name in ["Aabenraa", "Haderslev", "Sønderborg", "Tønder"]:
        assert f'<th scope="row">{name}</th><td class="num">1</td>' in html
    assert "Ingen medlemmer er registreret endnu." in html


def test_council_page_shows_funding_and_upcoming_milestones_in_danish(client, spring_2026):
    html = _page(client, "soenderjylland")

    assert "Fysiske rammer (3,5 mia. kr. 2027–2031)" in html
    assert '<td class="num">200</td><td class="num">910</td><td>2027–2031</td>' in html
    assert "1. april 2027" in html and "lovbestemt frist" in html
    assert "juni 2026" in html  # month precision
    assert "1. halvår 2026" in html  # half-year precision
    assert "Valg til de nye regionsråd" not in html  # 18 November 2025 is past


def test_council_page_flags_a_broken_council_with_its_reason(client, spring_2026):
    Municipality.objects.filter(name="Tønder").update(published_two_votes=True)

    html = _page(client, "soenderjylland")

    assert "Sammensætningen bryder reglen:" in html
    assert (
        "Det offentliggjorte medlemstal (9) passer ikke med reglen: 4 kommuner + 5 kommunale stemmer" in html
    )
    assert "passer ikke med reglen" in html


def test_council_page_says_the_roster_is_incomplete_when_kinds_are_unset(client, spring_2026):
    council = HealthCouncil.objects.get(slug="soenderjylland")
    CouncilMember.objects.create(council=council, name="Signe Knappe", party_letter="V")
    CouncilMember.objects.create(
        council=council, name="Jens Regional", party_letter="A", kind="regional", is_chair=True
    )

    html = _page(client, "soenderjylland")

    assert "Rosteren er ufuldstændig" in html
    assert "1 af 2 medlemmer mangler type" in html
    assert (
        '<th scope="row">Jens Regional</th><td>A</td><td>Regionsrådsmedlem</td><td></td><td>Formand</td>'
        in html
    )
    assert '<th scope="row">Signe Knappe</th><td>V</td><td>Ikke angivet</td>' in html


def test_council_page_checks_a_complete_roster(client, spring_2026):
    council = HealthCouncil.objects.get(slug="aarhus")
    for number in range(2):  # 2 regional members against Aarhus (2 votes) and Samsø (1): no majority
        CouncilMember.objects.create(council=council, name=f"Regional {number}", kind="regional")
    for name in ["Aarhus", "Samsø"]:
        CouncilMember.objects.create(
            council=council,
            name=f"Formand {name}",
            kind="municipal",
            municipality=council.municipalities.get(name=name),
        )

    html = _page(client, "aarhus")

    assert "Sammensætningen bryder reglen:" in html
    assert "Regionsrådsmedlemmerne har ikke flertal i stemmer (2 mod 3)." in html
    assert (
        '<th scope="row">Aarhus</th><td class="num">2</td><td class="num">ukendt</td><td>Formand Aarhus</td>'
        in html
    )


def test_council_page_query_count_does_not_grow_with_the_council(client, spring_2026):
    fyn = HealthCouncil.objects.get(slug="fyn")
    for municipality in fyn.municipalities.all():
        CouncilMember.objects.create(
            council=fyn, name=f"Formand {municipality.name}", kind="municipal", municipality=municipality
        )
    for number in range(11):
        CouncilMember.objects.create(council=fyn, name=f"Regional {number}", kind="regional")

    with CaptureQueriesContext(connection) as small:
        _page(client, "aarhus")
    with CaptureQueriesContext(connection) as large:
        html = _page(client, "fyn")

    assert len(large) == len(small) <= 6
    assert "Sammensætningen følger reglen." in html


def test_unknown_council_is_404(client):
    assert client.get(reverse("council-detail", kwargs={"slug": "atlantis"})).status_code == 404


def test_home_lists_regions_with_their_councils(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        html = client.get(reverse("home")).content.decode()

    assert "Region Østdanmark" in html and "hovedsæde i Sorø" in html and "6 sundhedsråd" in html
    assert html.count('href="/raad/') == 17
    assert (
        '<a href="/raad/fyn/">Fyn</a></td>'
        '<td class="num">466</td><td class="num">20</td><td class="num">9</td>' in html
    )


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        (datetime.date(2027, 4, 1), "day", "1. april 2027"),
        (datetime.date(2026, 6, 1), "month", "juni 2026"),
        (datetime.date(2026, 1, 1), "half_year", "1. halvår 2026"),
        (datetime.date(2026, 7, 1), "half_year", "2. halvår 2026"),
    ],
)
def test_milestone_dates_are_shown_as_precisely_as_the_source(date, precision, expected):
    assert milestone_when(Milestone(date=date, precision=precision)) == expected


def test_council_page_links_to_meetings_and_questions_only_for_the_councils_users(client, world):
    from django.urls import reverse

    url = reverse("council-detail", kwargs={"slug": world.council.slug})
    meetings = reverse("meeting-list", kwargs={"slug": world.council.slug})
    assert meetings not in client.get(url).content.decode()
    client.force_login(world.users["other_secretariat"])
    assert meetings not in client.get(url).content.decode()
    client.force_login(world.users["member"])
    assert meetings in client.get(url).content.decode()
