"""Fixtures for the PDF tests: a plan with text, goals and initiatives, isolated media, PDF text helpers."""

import datetime
import io

import pypdf
import pytest

from planning.models import Goal, Initiative, Plan
from planning.plans.services import plan_snapshot_create, plan_snapshot_freeze, section_revision_save
from tests.factories.planning import PlanFactory

SECTION_TEXT = (
    "<p>Sundhedsrådet vil styrke det nære sundhedsvæsen med fokus på borgere med kroniske sygdomme og "
    "sammenhængende forløb på tværs af sygehus, kommune og almen praksis.</p>"
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def plan_with_content(*, council, user, title: str = "Nærsundhedsplan 2027–2030") -> Plan:
    """A plan from the statutory template whose first sections have text, one goal and one initiative."""
    plan = PlanFactory(council=council, created_by=user, title=title)
    for index, section in enumerate(plan.sections.order_by("position")[:3]):
        section_revision_save(
            section=section,
            title=section.title,
            text=SECTION_TEXT * (8 + 6 * index),
            base_revision_id=section.current_revision_id,
            author=user,
        )
        Goal.objects.create(
            section=section, title=f"Mål for {section.title}", description="Færre genindlæggelser"
        )
        Initiative.objects.create(
            section=section,
            title=f"Indsats for {section.title}",
            responsible=Initiative.Responsible.SHARED,
            start_date=datetime.date(2027, 1, 1),
            end_date=datetime.date(2028, 6, 30),
            indicator="Antal forløb",
        )
    return plan


@pytest.fixture
def plan(world):
    return plan_with_content(council=world.council, user=world.users["secretariat"])


@pytest.fixture
def snapshot(plan, world):
    return plan_snapshot_create(plan=plan, name="Udkast til høring", created_by=world.users["secretariat"])


@pytest.fixture
def adopted_snapshot(plan, world):
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ADOPTED)
    plan.refresh_from_db()
    return plan_snapshot_freeze(plan=plan, name="Vedtaget plan", created_by=world.users["secretariat"])


def pdf_reader(content: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(content))


def pdf_pages_text(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pdf_reader(content).pages]


class RenderCounter:
    """Wraps planning.documents.services.pdf_render_document and counts the renders."""

    def __init__(self, real):
        self.real = real
        self.calls = 0

    def __call__(self, **kwargs):
        self.calls += 1
        return self.real(**kwargs)


@pytest.fixture
def render_counter(monkeypatch):
    import planning.documents.services as service

    counter = RenderCounter(service.pdf_render_document)
    monkeypatch.setattr(service, "pdf_render_document", counter)
    return counter
