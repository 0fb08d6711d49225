"""Benchmark: render a generated ~60-page nærsundhedsplan (realistic Danish text, 20 tables) to PDF.

Run from the repository root: ``python bench/pdf_render.py``. Uses DATABASE_URL if set (a throwaway
database is created next to it and dropped afterwards), otherwise SQLite in a temporary directory.
Prints the figures as one JSON object on its last line.
"""

import datetime
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
TMP = tempfile.TemporaryDirectory(prefix="bench-pdf-")
os.environ["MEDIA_ROOT"] = str(Path(TMP.name) / "media")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(TMP.name) / 'bench.sqlite3'}"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

TARGET_PAGES = 60
TABLES = 20  # 10 sections with a goal table and an initiative table each

SENTENCES = [
    "Sundhedsrådet vil styrke det nære sundhedsvæsen, så flere borgere kan behandles tæt på deres hjem.",
    "Indsatsen skal understøtte sammenhængende forløb på tværs af sygehus, kommune og almen praksis.",
    "Borgere med kroniske sygdomme og multisygdom skal opleve færre overgange og en klar ansvarsfordeling.",
    "Kommunerne udvikler akutsygeplejen og de sundheds- og omsorgspladser, som aflaster sygehusene.",
    "Regionen sikrer, at udadvendte sygehusfunktioner og hjemmebehandlingsteams findes i hele området.",
    "Den praktiserende læge er borgerens faste indgang til sundhedsvæsenet og tovholder i forløbet.",
    "Data deles sikkert mellem sektorerne, så opfølgningen på målene kan ske løbende og gennemsigtigt.",
    "Psykiatrien samarbejder tættere med de kommunale tilbud om mennesker med psykisk sygdom og misbrug.",
    "Patientrettet forebyggelse og specialiseret genoptræning planlægges i fællesskab og tæt på borgeren.",
    "Sundhedsrådet følger op på planen hvert år og justerer indsatserne efter de opnåede resultater.",
]


def paragraph(rng: random.Random, sentences: int) -> str:
    return "<p>" + " ".join(rng.choice(SENTENCES) for _ in range(sentences)) + "</p>"


def build_plan(*, paragraphs_per_section: int):
    from planning.models import Goal, Initiative
    from planning.plans.services import section_revision_save
    from tests.factories import CouncilFactory, UserFactory
    from tests.factories.planning import PlanFactory

    rng = random.Random(2027)
    user = UserFactory(username="bench")
    council = CouncilFactory(name="Sønderjylland", slug="soenderjylland")
    plan = PlanFactory(council=council, created_by=user)
    for index, section in enumerate(plan.sections.order_by("position")):
        text = "".join(
            (f"<h3>Delafsnit {index + 1}.{p // 4 + 1}</h3>" if p % 4 == 0 else "") + paragraph(rng, 6)
            for p in range(paragraphs_per_section)
        )
        section_revision_save(
            section=section, title=section.title, text=text, base_revision_id=section.current_revision_id,
            author=user,
        )  # fmt: skip
        if index < TABLES // 2:
            for g in range(5):
                Goal.objects.create(
                    section=section, position=g, title=f"Mål {g + 1}: {rng.choice(SENTENCES)[:80]}",
                    description=rng.choice(SENTENCES),
                )  # fmt: skip
            for i in range(6):
                Initiative.objects.create(
                    section=section, position=i, title=f"Indsats {i + 1}: {rng.choice(SENTENCES)[:70]}",
                    description=rng.choice(SENTENCES), responsible=rng.choice(Initiative.Responsible.values),
                    start_date=datetime.date(2027, 1 + i, 1), end_date=datetime.date(2029, 12, 31),
                    indicator="Andel borgere med sammenhængende forløb",
                )  # fmt: skip
    return plan


def main() -> dict:
    from django.conf import settings
    from django.utils import timezone

    from planning.common.pdf import pdf_render_document
    from planning.documents.services import PLAN_PDF_TEMPLATE, plan_pdf_context, plan_pdf_data

    # Its own throwaway database, never the test run's test_<name> one.
    if "sqlite" not in settings.DATABASES["default"]["ENGINE"]:  # SQLite: an in-memory test database
        settings.DATABASES["default"]["TEST"]["NAME"] = f"bench_pdf_render_{os.getpid()}"
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("migrate", verbosity=0)
        plan = build_plan(paragraphs_per_section=15)
        context = plan_pdf_context(
            data=plan_pdf_data(plan=plan), snapshot=None, document_date=timezone.localdate()
        )
        kwargs = {
            "template_name": PLAN_PDF_TEMPLATE,
            "context": context,
            "title": plan.title,
            "author": "Bench",
        }
        started, cpu_started = time.perf_counter(), time.process_time()
        rendered = pdf_render_document(**kwargs)  # timed without tracemalloc, which slows Python down a lot
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        pdf_render_document(**kwargs)  # second render only for the Python-heap peak
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        tables = sum(1 for s in context["sections"] for key in ("goals", "initiatives") if s[key])
        return {
            "benchmark": "pdf_render",
            "pages": rendered.page_count,
            "tables": tables,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "pages_per_second": round(rendered.page_count / seconds, 1),
            "peak_tracemalloc_mb": round(peak / 2**20, 1),
            "max_rss_mb": round(rss_mb, 1),
            "pdf_kb": round(len(rendered.content) / 1024, 1),
            "target_pages": TARGET_PAGES,
        }
    finally:
        teardown_databases(old_config, verbosity=0)
        TMP.cleanup()


if __name__ == "__main__":
    figures = main()
    print(json.dumps(figures))
