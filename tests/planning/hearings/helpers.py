"""Test data for hearings: a complete plan, an open hearing, real-looking PDF/DOCX/ODT bytes."""

import io
import zipfile
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from planning.hearings.services import PartyInput, hearing_open, hearing_party_token
from planning.models import Goal, HearingParty, Initiative
from planning.plans.services import section_revision_save
from tests.factories.planning import PlanFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def complete_plan(world, *, text: str = "<p>Tekst om området.</p>"):
    """A plan whose five statutory areas have text, a goal and an initiative (passes plan_is_complete)."""
    author = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=author)
    for section in plan.sections.filter(kind="statutory"):
        section_revision_save(
            section=section, title=section.title, text=text,
            base_revision_id=section.current_revision_id, author=author,
        )  # fmt: skip
        Goal.objects.create(section=section, title="Mål")
        Initiative.objects.create(section=section, title="Indsats", responsible="region")
    return plan


def default_parties() -> list[PartyInput]:
    return [
        PartyInput(
            name="Patient- og pårørendeudvalget, Region Syddanmark",
            email="ppu@example.dk",
            kind=HearingParty.Kind.PATIENT_COMMITTEE,
        ),
        PartyInput(
            name="Sønderborg Kommune", email="sonderborg@example.dk", kind=HearingParty.Kind.MUNICIPALITY
        ),
    ]


def open_hearing(world, *, plan=None, parties=None, deadline=None, now=None):
    plan = plan or complete_plan(world)
    return hearing_open(
        plan=plan,
        title="Høring over udkast til nærsundhedsplan",
        deadline=deadline or timezone.now() + timedelta(days=30),
        intro="Vi hører jer gerne.",
        parties=parties if parties is not None else default_parties(),
        opened_by=world.users["secretariat"],
        now=now,
    )


def party_of(hearing, kind=HearingParty.Kind.PATIENT_COMMITTEE):
    return hearing.parties.get(kind=kind)


def token_of(party) -> str:
    return hearing_party_token(party=party)


def pdf_file(name: str = "svar.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_file(name: str = "svar.docx") -> SimpleUploadedFile:
    data = _zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def odt_file(name: str = "svar.odt") -> SimpleUploadedFile:
    data = _zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def hearing_close_after_deadline(*, hearing, closed_by):
    """Close a hearing as the law expects it: its deadline has passed (moved into the past here)."""
    from django.utils import timezone

    from planning.hearings.models import Hearing
    from planning.hearings.services import hearing_close

    Hearing.objects.filter(pk=hearing.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    hearing.refresh_from_db()
    return hearing_close(hearing=hearing, closed_by=closed_by)
