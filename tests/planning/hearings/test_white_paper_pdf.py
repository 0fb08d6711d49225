"""The white paper (hvidbog) as PDF: cover, TOC page numbers, hearing list, points, changes, watermark."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from planning.hearings.services import (
    hearing_response_submit,
    whitepaper_finalise,
    whitepaper_pdf_render,
    whitepaper_point_create,
)
from planning.models import WhitePaperPoint
from planning.plans.services import section_revision_save
from tests.planning.hearings.helpers import hearing_close_after_deadline, open_hearing, party_of

MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"


def _text(content: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def hearing(world):
    return open_hearing(world)


@pytest.fixture
def white_paper(world, hearing):
    """One answer with two points (a section point and a general one) and a changed section text."""
    response = hearing_response_submit(
        party=party_of(hearing), text="Husk de pårørende. Generelt godt.", files=[]
    )
    entry = hearing.snapshot.entries.order_by("position").first()
    section = entry.section
    revision = section_revision_save(
        section=section, title=section.title, text="<p>Tekst om området og de pårørende.</p>",
        base_revision_id=section.current_revision_id, author=world.users["secretariat"],
    )  # fmt: skip
    for segment, sections, disposition, reasoning, changed in (
        ("Husk de pårørende.", [section], WhitePaperPoint.Disposition.ACCEPTED, "Vi tilføjer dem.", revision),
        ("Generelt godt.", [], WhitePaperPoint.Disposition.NOTED, "Tak.", None),
    ):
        whitepaper_point_create(
            white_paper=hearing.white_paper, response=response, segment=segment, sections=sections,
            disposition=disposition, reasoning=reasoning, changed_revision=changed,
            created_by=world.users["secretariat"],
        )  # fmt: skip
    hearing.white_paper.refresh_from_db()
    return hearing.white_paper


def test_white_paper_pdf_has_cover_toc_hearing_list_points_and_changes(world, hearing, white_paper):
    content = whitepaper_pdf_render(white_paper=white_paper)
    pages = _text(content)
    text = " ".join(pages)
    cover = pages[0]
    assert "Hvidbog" in cover and "Sundhedsråd Sønderjylland" in cover
    assert hearing.plan.title in cover and "Høring over udkast til nærsundhedsplan" in cover
    assert "Dato" in cover and re.search(r"\d{1,2}\. (" + MONTHS + r") \d{4}", cover)
    assert "Indholdsfortegnelse" in pages[1]
    # TOC page numbers (target-counter) point at the pages where the parts start
    for number, title in ((1, "Høringsliste"), (2, "Høringssvarene og rådets stillingtagen"),
                          (3, "Ændringer som følge af høringen")):  # fmt: skip
        match = re.search(rf"{number}\. {title} ?\.+ ?(\d+)", pages[1])
        assert match, pages[1]
        starts = [i + 1 for i, page in enumerate(pages) if i > 1 and f"{number}. {title}" in page]
        assert starts and int(match.group(1)) == starts[0]
    # the hearing list: both parties, one answered (tick, "Ja" and date), one not
    assert "Patient- og pårørendeudvalget, Region Syddanmark" in text and "Sønderborg Kommune" in text
    assert "✓ Ja" in text and "Nej" in text and "Svar modtaget" in text
    # points grouped by section: party, the point's text, disposition and reasoning
    entry = hearing.snapshot.entries.order_by("position").first()
    assert f"1. {entry.title}" in text and "Generelle bemærkninger" in text
    assert "Husk de pårørende." in text and "Imødekommet" in text and "Vi tilføjer dem." in text
    assert "Taget til efterretning" in text and "Tak." in text
    # the changes since the hearing snapshot
    changes = text[text.rindex("3. Ændringer som følge af høringen") :]
    assert entry.title in changes and "Ændret" in changes and "og de pårørende" in changes
    # draft: watermark; metadata and language from the shared renderer
    assert "UDKAST" in text
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == f"Hvidbog – {hearing.plan.title} – Sundhedsråd Sønderjylland"
    assert reader.metadata.author == "Sundhedsråd Sønderjylland"
    assert reader.trailer["/Root"]["/Lang"] == "da"


def test_final_white_paper_has_no_watermark(world, hearing, white_paper):
    hearing_close_after_deadline(hearing=hearing, closed_by=world.users["secretariat"])
    whitepaper_finalise(white_paper=white_paper, finalised_by=world.users["secretariat"])
    white_paper.refresh_from_db()
    text = " ".join(_text(whitepaper_pdf_render(white_paper=white_paper)))
    assert "UDKAST" not in text and "Hvidbog – endelig" in text


def test_white_paper_pdf_view_downloads_for_members_and_is_linked(client, world, hearing, white_paper):
    client.force_login(world.users["member"])
    page = client.get(reverse("whitepaper-detail", kwargs={"pk": hearing.pk})).content.decode()
    url = reverse("white-paper-pdf", kwargs={"pk": hearing.pk})
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_white_paper_pdf_of_another_council_is_404(client, world, hearing, white_paper):
    client.force_login(world.users["other_member"])
    assert client.get(reverse("white-paper-pdf", kwargs={"pk": hearing.pk})).status_code == 404
    client.logout()
    response = client.get(reverse("white-paper-pdf", kwargs={"pk": hearing.pk}))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
