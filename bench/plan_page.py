"""Requests per second of the plan page (50 sections of realistic Danish text, goals and initiatives)
next to a trivial view of the same app (the plan list with one plan), measured side by side.

Run from the repository root:  python bench/plan_page.py [--requests 50] [--rounds 3]
Uses DATABASE_URL if set (a throwaway test_<name> database is created and dropped), otherwise SQLite in
memory. Both pages are requested through Django's test Client as a logged-in secretariat user, in
alternating rounds so that both see the same machine load. Prints one JSON object on its last line.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/bench_plan_page.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# Sentences in the voice of the Sønderjylland minutes (seed 002) and the reform paper (seed 004).
SENTENCES = [
    "Sundhedsrådet skal sikre, at sundhedsreformens intention om et mere nært og sammenhængende "
    "sundhedsvæsen bliver til virkelighed for borgerne i Sønderborg, Tønder, Haderslev og Aabenraa.",
    "Sygehus Sønderjylland vender sig udad og tager ansvar for patienten både før og efter indlæggelsen.",
    "Kommunerne og regionen etablerer fælles hjemmebehandlingsteams og akutsygepleje i hele området.",
    "Der skal være særlig opmærksomhed på lighed i sundhed, så borgere med de største behov får mest hjælp.",
    "Almen praksis er hjørnestenen i det nære sundhedsvæsen, og lægedækningen skal sikres i yderområderne.",
    "Sundheds- og omsorgspladser skal forebygge indlæggelser og gøre det trygt at komme hjem.",
    "Indsatsen følges op med indikatorer, som sundhedsrådet drøfter mindst én gang om året.",
    "Civilsamfundet og patient- og pårørendeudvalget inddrages tidligt i arbejdet med planen.",
    "Data, it og digital først er tværgående forudsætninger for at lykkes med omstillingen.",
    "Psykiatrien styrkes i samspil med kommunernes tilbud til mennesker med psykisk sygdom.",
]


def _section_html(index: int) -> str:
    sentences = [SENTENCES[(index + k) % len(SENTENCES)] for k in range(8)]
    return (
        f"<h2>Status</h2><p>{' '.join(sentences[:3])}</p>"
        f"<h3>Vi vil</h3><ul><li>{sentences[3]}</li><li>{sentences[4]}</li><li>{sentences[5]}</li></ul>"
        f"<p>{' '.join(sentences[5:])}</p>"
        '<p>Se også <a href="https://www.sst.dk/">Sundhedsstyrelsen</a>.</p>'
    )


def build_data():
    from councils.models import HealthCouncil, Region
    from councils.permissions import CouncilRole, council_role_grant
    from planning.models import Goal, Initiative
    from planning.plans.services import (
        plan_create,
        plan_item_create,
        section_add,
        section_revision_save,
    )
    from tests.factories import UserFactory

    region = Region.objects.create(name="Syddanmark", slug="syddanmark")
    council = HealthCouncil.objects.create(region=region, name="Sønderjylland", slug="soenderjylland")
    user = UserFactory(username="sekretariat")
    council_role_grant(council=council, user=user, role=CouncilRole.SECRETARIAT)
    plan = plan_create(
        council=council,
        title="Nærsundhedsplan for Sundhedsråd Sønderjylland 2027–2030",
        period_start_year=2027,
        period_end_year=2030,
        created_by=user,
        national_plan_reference="National sundhedsplan 2027",
        regional_plan_reference="Regional sundhedsplan for Region Syddanmark",
    )
    for number in range(plan.sections.count() + 1, 51):
        section_add(plan=plan, title=f"Indsatsområde {number}: det nære sundhedsvæsen", added_by=user)
    responsible = [choice for choice, _label in Initiative.Responsible.choices]
    for index, section in enumerate(plan.sections.order_by("position")):
        section_revision_save(
            section=section,
            title=section.title,
            text=_section_html(index),
            base_revision_id=section.current_revision_id,
            author=user,
        )
        if index % 2 == 0:
            plan_item_create(
                model=Goal, section=section, title="Færre forebyggelige indlæggelser", created_by=user
            )
            plan_item_create(
                model=Goal, section=section, title="Flere borgere behandlet i eget hjem", created_by=user
            )
            plan_item_create(
                model=Initiative,
                section=section,
                created_by=user,
                title="Fælles akutteam for kommuner og region",
                responsible=responsible[index % len(responsible)],
                indicator="Antal genindlæggelser inden for 30 dage",
                statutory_area=section.statutory_area,
            )
    return user, plan


def measure(client: Client, url: str, count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        response = client.get(url)
        assert response.status_code == 200, response.status_code
    return time.perf_counter() - start


def query_count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    # Not setup_test_environment(): its instrumented template rendering would slow the page it measures.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        user, plan = build_data()
        client = Client()
        client.force_login(user)
        plan_url, list_url = plan.get_absolute_url(), "/planer/"
        plan_bytes = len(client.get(plan_url).content)  # warm-up, and the page size
        client.get(list_url)
        plan_seconds = list_seconds = 0.0
        for _ in range(args.rounds):  # alternate, so both pages see the same load
            plan_seconds += measure(client, plan_url, args.requests)
            list_seconds += measure(client, list_url, args.requests)
        total = args.requests * args.rounds
        result = {
            "benchmark": "plan_page",
            "database": connection.vendor,
            "sections": plan.sections.filter(is_removed=False).count(),
            "requests_per_page": total,
            "plan_page_rps": round(total / plan_seconds, 1),
            "plan_list_rps": round(total / list_seconds, 1),
            "ratio_list_to_plan": round((total / list_seconds) / (total / plan_seconds), 2),
            "plan_page_ms": round(plan_seconds / total * 1000, 2),
            "plan_list_ms": round(list_seconds / total * 1000, 2),
            "plan_page_queries": query_count(client, plan_url),
            "plan_list_queries": query_count(client, list_url),
            "plan_page_kb": round(plan_bytes / 1024, 1),
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"Plan page ({result['sections']} sections): {result['plan_page_rps']} req/s, "
        f"{result['plan_page_queries']} queries; plan list: {result['plan_list_rps']} req/s, "
        f"{result['plan_list_queries']} queries; ratio {result['ratio_list_to_plan']}×"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
