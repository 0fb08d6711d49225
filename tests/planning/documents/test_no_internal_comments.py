"""Internal review comments (planning.models.Comment) never end up in a PDF: plan draft, plan snapshot,
white paper. The section text next to them does."""

import re

import pytest

from planning.hearings.services import hearing_response_submit, whitepaper_pdf_render, whitepaper_point_create
from planning.models import Comment, PlanDocument, WhitePaperPoint
from planning.plans.services import plan_snapshot_create, section_revision_save
from planning.review.services import comment_create, comment_reply
from tests.planning.documents.conftest import pdf_pages_text

SECRET = "INTERN-KOMMENTAR-7f3a91"
REPLY = "INTERNT-SVAR-c52e08"


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(pdf_pages_text(content)))


def _comment(*, section, user):
    thread = comment_create(section=section, author=user, text=f"{SECRET} må ikke offentliggøres").comment
    comment_reply(parent=thread, author=user, text=f"{REPLY} heller ikke")
    assert Comment.objects.filter(section=section).count() == 2


def _plan_pdf(plan, snapshot, user, capture) -> bytes:
    from planning.documents.services import plan_document_request

    with capture(execute=True):
        document = plan_document_request(plan=plan, snapshot=snapshot, requested_by=user)
    document.refresh_from_db()
    assert document.state == PlanDocument.State.DONE, document.error_message
    with document.file.open("rb") as handle:
        return handle.read()


@pytest.mark.parametrize("version", ["draft", "snapshot"])
def test_plan_pdf_has_the_section_text_but_no_review_comments(
    world, version, django_capture_on_commit_callbacks
):
    from tests.planning.documents.conftest import plan_with_content

    user = world.users["secretariat"]
    plan = plan_with_content(council=world.council, user=user)
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section, title=section.title, text="<p>Synlig afsnitstekst om akutpladser.</p>",
        base_revision_id=section.current_revision_id, author=user,
    )  # fmt: skip
    _comment(section=section, user=world.users["member"])
    snapshot = (
        plan_snapshot_create(plan=plan, name="Til høring", created_by=user) if version == "snapshot" else None
    )
    text = _text(_plan_pdf(plan, snapshot, user, django_capture_on_commit_callbacks))
    assert "Synlig afsnitstekst om akutpladser." in text
    assert SECRET not in text and REPLY not in text
    assert "INTERN" not in text


def test_white_paper_pdf_has_points_and_changes_but_no_review_comments(world):
    from tests.planning.hearings.helpers import open_hearing, party_of

    user = world.users["secretariat"]
    hearing = open_hearing(world)
    section = hearing.snapshot.entries.order_by("position").first().section
    revision = section_revision_save(
        section=section, title=section.title, text="<p>Ny synlig tekst efter høringen.</p>",
        base_revision_id=section.current_revision_id, author=user,
    )  # fmt: skip
    _comment(section=section, user=world.users["member"])
    response = hearing_response_submit(party=party_of(hearing), text="Et synligt høringssvar.", files=[])
    whitepaper_point_create(
        white_paper=hearing.white_paper, response=response, segment="Et synligt høringssvar.",
        sections=[section], disposition=WhitePaperPoint.Disposition.ACCEPTED, reasoning="Synlig begrundelse.",
        changed_revision=revision, created_by=user,
    )  # fmt: skip
    text = _text(whitepaper_pdf_render(white_paper=hearing.white_paper))
    assert "Et synligt høringssvar." in text and "Synlig begrundelse." in text
    assert "Ny synlig tekst efter høringen" in text  # the section's text, in the changes since the hearing
    assert SECRET not in text and REPLY not in text
    assert "INTERN" not in text
