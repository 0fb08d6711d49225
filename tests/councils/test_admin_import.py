"""Reference-data import through the real admin views (import-export's preview and confirm steps)."""

from io import BytesIO

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from councils.models import CouncilMember, HealthCouncil, Municipality
from reform.models import Milestone
from tests.factories import UserFactory
from tests.reform.reference_data import reference_data  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

CSV, XLSX = "0", "1"  # positions in councils.imports.IMPORT_FORMATS
MUNICIPALITIES = (
    "navn,region,sundhedsråd,indbyggertal\nLæsø,Nordjylland,Vendsyssel,1790\n"  # a good first row
)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="importer", is_staff=True, is_superuser=True))
    return client


def _snapshot(model) -> list[dict]:
    return [model_to_dict(obj) for obj in model.objects.order_by("pk")]


def _preview(
    client, model: str, content: bytes, *, file_name: str = "data.csv", file_format: str = CSV, app="councils"
):
    return client.post(
        reverse(f"admin:{app}_{model}_import"),
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(file_name, content)},
    )


def _confirm(client, model: str, preview, *, app="councils"):
    assert "confirm_form" in preview.context, preview.content.decode()
    return client.post(
        reverse(f"admin:{app}_{model}_process_import"), preview.context["confirm_form"].initial
    )


def _import(client, model: str, content: bytes, **kwargs):
    preview = _preview(client, model, content, **kwargs)
    response = _confirm(client, model, preview, app=kwargs.get("app", "councils"))
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _assert_rejected(response, message: str) -> None:
    """The preview shows the Danish message and offers no confirm step."""
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    html = response.content.decode()
    assert "intet er gemt" in html
    assert message in html, html[html.find("import-errors") - 200 :][:2000]


# --- good files --------------------------------------------------------------------------------


def test_a_comma_csv_previews_first_and_writes_on_confirm(admin_client):
    content = (
        "navn,region,sundhedsråd,indbyggertal,to_stemmer\nLæsø,Nordjylland,Vendsyssel,1790,nej\n".encode()
    )

    preview = _preview(admin_client, "municipality", content)

    assert preview.status_code == 200
    assert "Prøvekørsel" in preview.content.decode()
    assert Municipality.objects.get(name="Læsø").population is None  # a dry run writes nothing

    response = _confirm(admin_client, "municipality", preview)

    assert response.status_code == 302
    assert Municipality.objects.get(name="Læsø").population == 1790
    assert Municipality.objects.count() == 98
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["Importen er gennemført: 0 nye, 1 opdaterede og 0 uændrede kommuner."]


def test_a_semicolon_csv_with_bom_as_danish_excel_writes_it(admin_client):
    content = (
        "Navn;Region;Sundhedsråd;Indbyggertal;To_stemmer\r\n"
        "Tønder Kommune;Region Syddanmark;Sundhedsråd Sønderjylland;36.500;Nej\r\n"
        "Aabenraa;Syddanmark;Sønderjylland;58 000;nej\r\n"
        ";;;;\r\n"
    ).encode("utf-8-sig")

    messages = _import(admin_client, "municipality", content)

    assert messages == ["Importen er gennemført: 0 nye, 2 opdaterede og 0 uændrede kommuner."]
    assert Municipality.objects.get(name="Tønder").population == 36500
    assert Municipality.objects.get(name="Aabenraa").population == 58000


def test_an_xlsx_file_imports(admin_client):
    content = _xlsx(
        [
            ["navn", "region", "sundhedsråd", "indbyggertal", "to_stemmer"],
            ["Samsø", "Midtjylland", "Aarhus", 3700, "nej"],
            ["Aarhus", "Midtjylland", "Aarhus", 367095, True],
        ]
    )

    messages = _import(admin_client, "municipality", content, file_name="kommuner.xlsx", file_format=XLSX)

    assert messages == ["Importen er gennemført: 0 nye, 2 opdaterede og 0 uændrede kommuner."]
    assert Municipality.objects.get(name="Samsø").population == 3700
    assert Municipality.objects.get(name="Aarhus").population == 367095


def test_a_council_named_by_its_alias_is_updated_not_duplicated(admin_client):
    content = (
        "navn,region,befolkning_tusinder,medlemmer_offentliggjort\nSjælland og øerne,Østdanmark,438,20\n"
    )

    messages = _import(admin_client, "healthcouncil", content.encode())

    assert messages == ["Importen er gennemført: 0 nye, 1 opdaterede og 0 uændrede sundhedsråd."]
    assert HealthCouncil.objects.count() == 17
    council = HealthCouncil.objects.get(slug="oestsjaelland-og-oeerne")
    assert (council.name, council.population_thousands) == ("Østsjælland og øerne", 438)


def test_council_members_import_by_alias_municipality_kind_and_chair(admin_client):
    content = (
        "sundhedsråd;navn;parti;type;kommune;formand\n"
        "Sjælland og øerne;Anne Regional;A;Regionsrådsmedlem;;ja\n"
        "Østsjælland og øerne;Bo Kommunal;V;Kommunalt medlem;Køge Kommune;nej\n"
        "Østsjælland og øerne;Carl Ukendt;C;;;nej\n"
    ).encode("utf-8-sig")

    messages = _import(admin_client, "councilmember", content)

    assert messages == ["Importen er gennemført: 3 nye, 0 opdaterede og 0 uændrede rådsmedlemmer."]
    members = {m.name: m for m in CouncilMember.objects.select_related("council", "municipality")}
    assert members["Anne Regional"].kind == "regional" and members["Anne Regional"].is_chair
    assert members["Bo Kommunal"].kind == "municipal" and members["Bo Kommunal"].municipality.name == "Køge"
    assert members["Carl Ukendt"].kind == ""
    assert {m.council.name for m in members.values()} == {"Østsjælland og øerne"}

    again = _import(admin_client, "councilmember", content)
    assert again == ["Importen er gennemført: 0 nye, 0 opdaterede og 3 uændrede rådsmedlemmer."]


def test_milestones_import_with_danish_dates(admin_client):
    content = (
        "nøgle;dato;præcision;titel;omfang;lovbestemt_frist\n"
        "2026-06-bekendtgoerelse-naersundhedsplaner;01-07-2026;måned;Bekendtgørelse udsendt;national;nej\n"
    ).encode("utf-8-sig")

    messages = _import(admin_client, "milestone", content, app="reform")

    assert messages == ["Importen er gennemført: 0 nye, 1 opdaterede og 0 uændrede milepæle i reformen."]
    milestone = Milestone.objects.get(key="2026-06-bekendtgoerelse-naersundhedsplaner")
    assert (milestone.date.isoformat(), milestone.title) == ("2026-07-01", "Bekendtgørelse udsendt")


# --- bad files: a Danish message naming row, column and value; nothing written ----------------


@pytest.mark.parametrize(
    ("model", "content", "message"),
    [
        pytest.param(
            "municipality",
            MUNICIPALITIES + "Hjørring,Nordjylland,Nordvest,\n",
            "Række 2, kolonne »sundhedsråd«, værdi »Nordvest«: Ukendt sundhedsråd. Brug rådets navn eller et "
            "kendt alternativt navn; sundhedsråd oprettes ikke ved import.",
            id="unknown-council",
        ),
        pytest.param(
            "healthcouncil",
            "navn,region,befolkning_tusinder\nAarhus,Midtjylland,373\nSydhavsøerne,Østdanmark,100\n",
            "Række 2, kolonne »navn«, værdi »Sydhavsøerne«: "
            "Findes ikke, og sundhedsråd oprettes ikke ved import.",
            id="unknown-council-row",
        ),
        pytest.param(
            "municipality",
            MUNICIPALITIES + "Atlantis,Nordjylland,Vendsyssel,5\n",
            "Række 2, kolonne »navn«, værdi »Atlantis«: Findes ikke, og kommuner oprettes ikke ved import.",
            id="unknown-municipality",
        ),
        pytest.param(
            "councilmember",
            "sundhedsråd,navn,type,kommune\nSønderjylland,Ole Olsen,kommunalt medlem,Sønderborg\n"
            "Sønderjylland,Pia Hansen,kommunalt medlem,Nordborg\n",
            "Række 2, kolonne »kommune«, værdi »Nordborg«: "
            "Ukendt kommune. Kommuner oprettes ikke ved import.",
            id="member-unknown-municipality",
        ),
        pytest.param(
            "municipality",
            MUNICIPALITIES + "Rebild,Nordjylland,Vendsyssel,\n",
            "Række 2, kolonne »sundhedsråd«, værdi »Vendsyssel«: Kommunen hører allerede til sundhedsråd "
            "Limfjorden; en kommune kan ikke høre til to sundhedsråd. Flyt den i administrationen, hvis "
            "reformen ændres.",
            id="municipality-in-two-councils",
        ),
        pytest.param(
            "municipality",
            MUNICIPALITIES + "Hjørring,Nordjylland,Vendsyssel,-64000\n",
            "Række 2, kolonne »indbyggertal«, værdi »-64000«: Må ikke være negativt.",
            id="negative-population",
        ),
        pytest.param(
            "municipality",
            MUNICIPALITIES + "Hjørring,Nordjylland,Vendsyssel,ca. 64 tusind\n",
            "Række 2, kolonne »indbyggertal«, værdi »ca. 64 tusind«: Skal være et helt tal, fx 58000.",
            id="non-numeric-population",
        ),
        pytest.param(
            "healthcouncil",
            "navn,region,befolkning_tusinder\nAarhus,Midtjylland,-3\n",
            "Række 1, kolonne »befolkning_tusinder«, værdi »-3«: Må ikke være negativt.",
            id="negative-council-population",
        ),
        pytest.param(
            "municipality",
            "kommune,indbyggertal\nLæsø,1790\n",
            "Filen mangler kolonnen/kolonnerne »navn«, »region«, »sundhedsråd«. Fundne kolonner: »kommune«, "
            "»indbyggertal«.",
            id="missing-columns",
        ),
        pytest.param(
            "councilmember",
            "sundhedsråd,navn,type,kommune\nSønderjylland,Ole Olsen,kommunalt medlem,Odense\n",
            "Række 1, kolonne »kommune«, værdi »Odense«: Kommunen hører ikke til sundhedsråd Sønderjylland.",
            id="member-municipality-of-other-council",
        ),
    ],
)
def test_a_bad_file_is_rejected_in_danish_and_nothing_is_written(admin_client, model, content, message):
    before = {m: _snapshot(m) for m in (Municipality, HealthCouncil, CouncilMember)}

    response = _preview(admin_client, model, content.encode("utf-8-sig"))

    _assert_rejected(response, message)
    assert {m: _snapshot(m) for m in (Municipality, HealthCouncil, CouncilMember)} == before


def test_a_milestone_with_a_mid_month_date_for_month_precision_is_rejected(admin_client):
    content = "nøgle;dato;præcision;titel;omfang\nny-milepael;2026-06-15;month;Noget i juni;national\n"

    response = _preview(admin_client, "milestone", content.encode(), app="reform")

    _assert_rejected(
        response,
        "Række 1, kolonne »dato«, værdi »2026-06-15«: "
        "Med præcisionen måned skal datoen være den 1. i måneden.",
    )
    assert not Milestone.objects.filter(key="ny-milepael").exists()


def test_the_confirm_step_is_atomic_too(admin_client):
    """If a row fails at confirm time (the data changed since the preview), nothing at all is written."""
    content = MUNICIPALITIES + "Rebild,Nordjylland,Vendsyssel,\n"
    storage = TempFolderStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(content.encode("utf-8-sig"))

    response = admin_client.post(
        reverse("admin:councils_municipality_process_import"),
        {"import_file_name": storage.name, "original_file_name": "data.csv", "format": CSV, "resource": "0"},
    )

    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert "Importen blev afbrudt; intet er gemt." in messages
    assert any(m.startswith("Række 2, kolonne »sundhedsråd«, værdi »Vendsyssel«") for m in messages)
    assert Municipality.objects.get(name="Læsø").population is None  # row 1 was rolled back
    assert Municipality.objects.get(name="Rebild").council.name == "Limfjorden"


def test_import_requires_staff(client):
    client.force_login(UserFactory(username="not-staff"))
    response = client.get(reverse("admin:councils_municipality_import"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_import_page_explains_the_formats_in_danish(admin_client):
    response = admin_client.get(reverse("admin:councils_municipality_import"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "komma eller semikolon" in html
    assert "navn, region, sundhedsråd, indbyggertal, to_stemmer" in html


@pytest.mark.parametrize("resource_path", [
    "councils.resources.RegionResource",
    "councils.resources.HealthCouncilResource",
    "councils.resources.CouncilAliasResource",
    "councils.resources.MunicipalityResource",
    "reform.resources.MilestoneResource",
    "reform.resources.FundingAllocationResource",
])  # fmt: skip
def test_an_export_imports_back_unchanged(resource_path):
    from django.utils.module_loading import import_string

    from councils.imports import DanishCSV

    resource_class = import_string(resource_path)
    exported = resource_class().export().export("csv")

    result = resource_class().import_data(DanishCSV().create_dataset(exported), dry_run=True)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == result.totals["update"] == 0
    assert result.totals["skip"] == resource_class._meta.model.objects.count() > 0


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:councils_region_changelist",
        "admin:councils_healthcouncil_changelist",
        "admin:councils_councilalias_changelist",
        "admin:councils_municipality_changelist",
        "admin:councils_councilmember_changelist",
        "admin:reform_milestone_changelist",
        "admin:reform_fundingallocation_changelist",
        "admin:reform_milestone_import",
        "admin:reform_fundingallocation_import",
        "admin:councils_councilmember_import",
    ],
)
def test_admin_pages_render(admin_client, url_name):
    CouncilMember.objects.create(council=HealthCouncil.objects.get(name="Fyn"), name="Uden type")
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_a_file_that_is_not_utf8_is_refused_in_danish(admin_client):
    content = "navn;region;sundhedsråd;indbyggertal\nTønder;Syddanmark;Sønderjylland;36500\n".encode("cp1252")

    response = _preview(admin_client, "municipality", content)

    assert response.status_code == 200
    assert "Filen kunne ikke læses som det valgte format" in response.content.decode()
    assert Municipality.objects.get(name="Tønder").population is None
