"""`load_reform` loads the real fixtures through the import code: counts, idempotency, atomicity."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from councils.models import CouncilAlias, CouncilMember, HealthCouncil, Municipality, Region
from reform.models import FundingAllocation, Milestone
from reform.services import FIXTURES_DIR, ReferenceDataError, reform_reference_load
from tests.reform.reference_data import TWO_VOTE_MUNICIPALITIES

MODELS = [Region, HealthCouncil, CouncilAlias, Municipality, Milestone, FundingAllocation]


def _snapshot() -> dict[str, list[dict]]:
    return {model.__name__: [model_to_dict(obj) for obj in model.objects.order_by("pk")] for model in MODELS}


def _load() -> str:
    out = StringIO()
    call_command("load_reform", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_reform_loads_the_reform():
    output = _load()

    assert Region.objects.count() == 4
    assert HealthCouncil.objects.count() == 17
    assert Municipality.objects.count() == 98
    assert Municipality.objects.filter(council__isnull=True).count() == 0
    assert set(Municipality.objects.filter(published_two_votes=True).values_list("name", flat=True)) == (
        TWO_VOTE_MUNICIPALITIES
    )
    assert Milestone.objects.count() == 13
    assert FundingAllocation.objects.count() == 17
    assert CouncilMember.objects.count() == 0  # the fixtures hold no invented rosters
    assert "Kommuner: 98 i alt (98 nye, 0 opdaterede, 0 uændrede)" in output
    assert "Reformens grunddata er indlæst." in output


@pytest.mark.django_db
def test_reference_values_follow_the_sources():
    _load()
    east = Region.objects.get(name="Østdanmark")
    assert (east.slug, east.seat, east.regional_council_size, str(east.population_millions)) == (
        "oestdanmark",
        "Sorø",
        41,
        "2.8",
    )
    south = HealthCouncil.objects.get(slug="soenderjylland")
    assert (south.name, south.population_thousands, south.published_member_count) == ("Sønderjylland", 225, 9)
    assert sorted(south.municipalities.values_list("name", flat=True)) == [
        "Aabenraa",
        "Haderslev",
        "Sønderborg",
        "Tønder",
    ]
    assert Municipality.objects.get(name="Ærø").slug == "aeroe"
    assert CouncilAlias.objects.get(alias="Sjælland og øerne").council.name == "Østsjælland og øerne"
    deadline = Milestone.objects.get(is_statutory_deadline=True)
    assert (deadline.date.isoformat(), deadline.precision, deadline.scope) == (
        "2027-04-01",
        "day",
        "national",
    )
    june = Milestone.objects.get(key="2026-06-bekendtgoerelse-naersundhedsplaner")
    assert (june.date.isoformat(), june.precision) == ("2026-06-01", "month")
    assert Milestone.objects.filter(source_document="Sundhed tæt på dig (004), tabel 2").count() == 8
    funding = FundingAllocation.objects.get(council__name="Vendsyssel")
    assert (funding.amount_million_dkk, funding.per_citizen_dkk) == (180, 1150)
    assert (funding.period_start_year, funding.period_end_year) == (2027, 2031)
    assert funding.programme == "Fysiske rammer (3,5 mia. kr. 2027–2031)"
    assert sum(f.amount_million_dkk for f in FundingAllocation.objects.all()) == 3480  # rounded in 004


@pytest.mark.django_db
def test_loading_the_real_fixtures_twice_changes_nothing():
    _load()
    before = _snapshot()

    output = _load()

    assert _snapshot() == before
    for label, total in [("Regioner", 4), ("Sundhedsråd", 17), ("Kommuner", 98), ("Bevillinger", 17)]:
        assert f"{label}: {total} i alt (0 nye, 0 opdaterede, {total} uændrede)" in output
    assert "intet ændret" in output


@pytest.mark.django_db
def test_the_service_reports_no_change_on_the_second_run():
    first = reform_reference_load()
    second = reform_reference_load()

    assert first.changed and not second.changed
    assert [count.total for count in first.files] == [count.total for count in second.files]
    assert all(count.new == 0 and count.updated == 0 for count in second.files)


@pytest.mark.django_db
def test_a_corrected_fixture_updates_only_its_row(tmp_path):
    _load()
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, fixtures)
    path = fixtures / "councils.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Aarhus,Midtjylland,372,6", "Aarhus,Midtjylland,373,6")
    )

    report = reform_reference_load(fixtures_dir=fixtures)

    councils = next(count for count in report.files if count.file_name == "councils.csv")
    assert (councils.new, councils.updated, councils.unchanged) == (0, 1, 16)
    assert HealthCouncil.objects.get(name="Aarhus").population_thousands == 373


@pytest.mark.django_db
def test_one_bad_row_in_the_fixtures_writes_nothing(tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, fixtures)
    path = fixtures / "municipalities.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Læsø,Nordjylland,Vendsyssel,,nej", "Læsø,Nordjylland,Vendsyssel,-1,nej"
        )
    )

    with pytest.raises(ReferenceDataError) as error:
        reform_reference_load(fixtures_dir=fixtures)

    assert error.value.messages == [
        "municipalities.csv: Række 3, kolonne »indbyggertal«, værdi »-1«: Må ikke være negativt."
    ]
    assert Region.objects.count() == 0  # the regions and councils loaded before the bad file are rolled back
    assert HealthCouncil.objects.count() == 0


@pytest.mark.django_db
def test_the_command_fails_with_a_danish_summary(tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, fixtures)
    path = fixtures / "councils.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Midt,Midtjylland,244,9", "Midt,Midtjylland,mange,9")
    )

    with pytest.raises(CommandError) as error:
        call_command("load_reform", fixtures_dir=str(fixtures), stdout=StringIO())

    assert "Grunddata blev ikke indlæst; intet er ændret." in str(error.value)
    assert "Række 7, kolonne »befolkning_tusinder«, værdi »mange«: Skal være et helt tal, fx 58000." in str(
        error.value
    )
    assert HealthCouncil.objects.count() == 0
