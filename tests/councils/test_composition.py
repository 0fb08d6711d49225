"""The composition rule (DOMAIN.md §1) against all 17 real councils, and councils that break it."""

import pytest

from councils.composition import council_composition
from councils.models import CouncilMember, HealthCouncil, Municipality
from tests.reform.reference_data import PUBLISHED, reference_data  # noqa: F401

pytestmark = pytest.mark.usefixtures("reference_data")


def _council(name: str) -> HealthCouncil:
    return HealthCouncil.objects.prefetch_related("municipalities", "members__municipality").get(name=name)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_every_fixture_council_follows_the_rule(name):
    region, municipality_count, published = PUBLISHED[name]

    report = council_composition(council=_council(name))

    assert report.council.region.name == region
    assert report.municipality_count == municipality_count
    assert report.expected_member_count == published
    assert report.published_member_count == published
    assert report.required_regional_members == report.weighted_municipal_votes + 1
    assert report.expected_member_count == municipality_count + report.weighted_municipal_votes + 1
    assert report.headcount_majority and report.vote_majority
    assert report.published_count_matches is True
    assert report.is_ok, report.reasons
    assert report.roster_empty and not report.roster_incomplete


@pytest.mark.django_db
def test_hovedstaden_weighs_its_two_vote_municipalities():
    report = council_composition(council=_council("Hovedstaden"))

    assert {row.municipality.name: row.votes for row in report.municipalities} == {
        "Bornholm": 1,
        "Frederiksberg": 2,
        "København": 2,
    }
    assert report.weighted_municipal_votes == 5
    assert report.required_regional_members == 6


@pytest.mark.django_db
def test_changed_municipality_votes_break_the_published_member_count():
    Municipality.objects.filter(name="Tønder").update(published_two_votes=True)

    report = council_composition(council=_council("Sønderjylland"))

    assert not report.is_ok
    assert report.reasons == [
        "Det offentliggjorte medlemstal (9) passer ikke med reglen: 4 kommuner + 5 kommunale stemmer "
        "+ 1 = 10 medlemmer."
    ]


@pytest.mark.django_db
def test_a_known_population_decides_over_the_published_flag():
    Municipality.objects.filter(name="Sønderborg").update(population=80_001)  # two votes now
    assert not council_composition(council=_council("Sønderjylland")).is_ok

    Municipality.objects.filter(name="Sønderborg").update(population=73_000)
    assert council_composition(council=_council("Sønderjylland")).is_ok


def _seat_roster(council: HealthCouncil, *, regional: int, municipal_from: list[str]) -> None:
    for number in range(regional):
        CouncilMember.objects.create(
            council=council, name=f"Regional {number}", kind=CouncilMember.Kind.REGIONAL
        )
    for name in municipal_from:
        CouncilMember.objects.create(
            council=council,
            name=f"Udvalgsformand {name}",
            kind=CouncilMember.Kind.MUNICIPAL,
            municipality=council.municipalities.get(name=name),
        )


@pytest.mark.django_db
def test_a_complete_roster_that_follows_the_rule_is_ok():
    council = HealthCouncil.objects.get(name="Sønderjylland")
    _seat_roster(council, regional=5, municipal_from=["Aabenraa", "Haderslev", "Sønderborg", "Tønder"])

    report = council_composition(council=_council("Sønderjylland"))

    assert report.is_ok, report.reasons
    assert report.roster_checked
    assert (report.regional_members, report.municipal_members, report.roster_municipal_votes) == (5, 4, 4)
    assert report.roster_headcount_majority is True and report.roster_vote_majority is True


@pytest.mark.django_db
def test_a_roster_with_a_municipal_majority_is_flagged_in_danish():
    council = HealthCouncil.objects.get(name="Sønderjylland")
    _seat_roster(council, regional=3, municipal_from=["Aabenraa", "Haderslev", "Sønderborg", "Tønder"])

    report = council_composition(council=_council("Sønderjylland"))

    assert not report.is_ok
    assert report.roster_headcount_majority is False
    assert report.reasons == [
        "Rosteren har 3 regionsrådsmedlemmer; reglen kræver 4 kommunale stemmer + 1 = 5.",
        "Regionsrådsmedlemmerne har ikke flertal i antal (3 mod 4).",
        "Regionsrådsmedlemmerne har ikke flertal i stemmer (3 mod 4).",
    ]


@pytest.mark.django_db
def test_a_roster_with_a_municipality_missing_and_one_doubled_is_flagged():
    council = HealthCouncil.objects.get(name="Aarhus")
    _seat_roster(council, regional=5, municipal_from=["Aarhus"])
    CouncilMember.objects.create(
        council=council,
        name="Anden repræsentant",
        kind=CouncilMember.Kind.MUNICIPAL,
        municipality=council.municipalities.get(name="Aarhus"),
    )

    report = council_composition(council=_council("Aarhus"))

    assert "Ingen kommunal repræsentant for: Samsø." in report.reasons
    assert "Mere end én kommunal repræsentant for: Aarhus." in report.reasons


@pytest.mark.django_db
def test_unset_member_kinds_make_the_roster_incomplete_not_broken():
    council = HealthCouncil.objects.get(name="Sønderjylland")
    CouncilMember.objects.create(council=council, name="Signe Knappe", party_letter="V")
    CouncilMember.objects.create(council=council, name="Regional 1", kind=CouncilMember.Kind.REGIONAL)

    report = council_composition(council=_council("Sønderjylland"))

    assert report.roster_incomplete and not report.roster_checked
    assert report.unset_members == 1
    assert report.roster_headcount_majority is None
    assert report.is_ok  # the rule itself still holds; the page says the roster is incomplete


@pytest.mark.django_db
def test_the_check_costs_no_queries_when_prefetched(django_assert_num_queries):
    council = _council("Fyn")
    with django_assert_num_queries(0):
        council_composition(council=council)
