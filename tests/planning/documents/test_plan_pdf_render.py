"""The rendered plan PDF: cover, TOC page numbers, running footer, watermark, metadata, language, tagging."""

import re

import pytest

from planning.documents.services import plan_document_request
from planning.models import PlanDocument
from tests.planning.documents.conftest import pdf_pages_text, pdf_reader


def _render(plan, user, snapshot, capture) -> bytes:
    with capture(execute=True):
        document = plan_document_request(plan=plan, snapshot=snapshot, requested_by=user)
    document.refresh_from_db()
    assert document.state == PlanDocument.State.DONE, document.error_message
    with document.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def draft_pdf(plan, world, django_capture_on_commit_callbacks):
    return _render(plan, world.users["member"], None, django_capture_on_commit_callbacks)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_cover_shows_council_region_title_period_version_and_danish_date(draft_pdf):
    cover = _normalise(pdf_pages_text(draft_pdf)[0])
    assert "Sundhedsråd Sønderjylland" in cover
    assert "Region Syddanmark" in cover
    assert "Nærsundhedsplan 2027–2030" in cover
    assert "Planperiode 2027–2030" in cover
    assert "Version" in cover and "Aktuelt udkast" in cover and "Dato" in cover
    assert re.search(r"\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
                     r"november|december) \d{4}", cover)  # fmt: skip


def test_toc_page_numbers_match_the_pages_where_sections_start(draft_pdf, plan):
    pages = pdf_pages_text(draft_pdf)
    toc = _normalise(pages[1])
    assert toc.startswith("UDKAST Indhold") or "Indhold" in toc
    titles = list(plan.sections.filter(is_removed=False).order_by("position").values_list("title", flat=True))
    assert len(titles) == 12
    for number, title in enumerate(titles, start=1):
        match = re.search(rf"{number}\. {re.escape(title)} ?\.+ ?(\d+)", toc)
        assert match, f"TOC entry for {number}. {title} not found in: {toc}"
        toc_page = int(match.group(1))
        start_pages = [
            i + 1 for i, text in enumerate(pages[2:], start=2) if f"{number}. {title}" in _normalise(text)
        ]
        assert start_pages, f"section {number} not found"
        assert toc_page == start_pages[0], (
            f"section {number}: TOC says {toc_page}, starts on {start_pages[0]}"
        )


def test_running_footer_says_side_x_af_y_and_header_has_title_and_version(draft_pdf):
    pages = pdf_pages_text(draft_pdf)
    total = len(pages)
    assert total >= 14  # cover, TOC and each of the 12 sections on its own page
    assert "side 1 af " + str(total) in pages[0]
    assert "side 2 af " + str(total) in pages[1]
    assert f"side {total} af {total}" in pages[-1]
    assert "Nærsundhedsplan 2027–2030" in pages[3] and "Aktuelt udkast" in pages[3]


def test_draft_carries_watermark_on_every_page(draft_pdf):
    assert all("UDKAST" in text for text in pdf_pages_text(draft_pdf))


def test_non_adopted_snapshot_carries_watermark(plan, snapshot, world, django_capture_on_commit_callbacks):
    content = _render(plan, world.users["secretariat"], snapshot, django_capture_on_commit_callbacks)
    pages = pdf_pages_text(content)
    assert all("UDKAST" in text for text in pages)
    assert "Udkast til høring" in pages[0]


def test_adopted_snapshot_has_no_watermark(plan, adopted_snapshot, world, django_capture_on_commit_callbacks):
    content = _render(plan, world.users["secretariat"], adopted_snapshot, django_capture_on_commit_callbacks)
    pages = pdf_pages_text(content)
    assert not any("UDKAST" in text for text in pages)
    assert "Vedtaget plan" in pages[0] and "Vedtaget" in pages[0].replace("Vedtaget plan", "")


def test_goals_and_initiatives_are_tables_with_their_content(draft_pdf, plan):
    first = plan.sections.order_by("position").first()
    text = _normalise(" ".join(pdf_pages_text(draft_pdf)))
    assert f"Mål for afsnit 1 Nr. Mål 1.1 Mål for {first.title}" in text
    assert "Indsatser for afsnit 1 Indsats Ansvarlig Periode Indikator" in text
    assert "Fælles" in text and "Antal forløb" in text


def test_metadata_language_and_tagging(draft_pdf):
    reader = pdf_reader(draft_pdf)
    assert reader.metadata.title == "Nærsundhedsplan 2027–2030"
    assert reader.metadata.author == "Sundhedsråd Sønderjylland"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "da"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert "/EmbeddedFiles" not in catalog.get("/Names", {})


def test_fonts_are_embedded(draft_pdf):
    reader = pdf_reader(draft_pdf)
    fonts = reader.pages[2]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
            "/FontDescriptor"
        ]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert "Liberation" in str(font["/BaseFont"])
