"""The hearing's frozen version as PDF: council users go to the plan's PDF page, the party gets the
snapshot's PDF through its token (and nothing else)."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from planning.hearings.services import hearing_party_revoke
from planning.models import PlanDocument
from planning.plans.services import section_revision_save
from tests.planning.hearings.helpers import open_hearing, party_of, token_of


@pytest.fixture
def hearing(world):
    return open_hearing(world)


def _pdf_url(hearing, token):
    return reverse("hearing-party-pdf", kwargs={"pk": hearing.pk, "token": token})


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages))


def test_party_gets_the_pdf_of_the_hearing_snapshot_and_it_is_stored_once(client, world, hearing):
    section = hearing.snapshot.entries.order_by("position").first().section
    section_revision_save(
        section=section, title=section.title, text="<p>Efter høringen: HEMMELIGT UDKAST.</p>",
        base_revision_id=section.current_revision_id, author=world.users["secretariat"],
    )  # fmt: skip
    token = token_of(party_of(hearing))
    page = client.get(reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token})).content.decode()
    assert f'href="{_pdf_url(hearing, token)}"' in page

    response = client.get(_pdf_url(hearing, token))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = _text(content)
    assert hearing.snapshot.name in text and "Tekst om området." in text
    assert "HEMMELIGT UDKAST" not in text  # the frozen version, not today's draft
    document = PlanDocument.objects.get()
    assert document.snapshot_id == hearing.snapshot_id and document.state == PlanDocument.State.DONE

    again = client.get(_pdf_url(hearing, token))  # the stored document is served, not rendered again
    assert again.status_code == 200 and b"".join(again.streaming_content) == content
    assert PlanDocument.objects.count() == 1


def test_forged_or_foreign_token_gets_no_pdf(client, world, hearing):
    other = open_hearing(world)
    token = token_of(party_of(hearing))
    for url in (
        _pdf_url(hearing, token[:-2] + ("aa" if not token.endswith("aa") else "bb")),  # forged signature
        _pdf_url(hearing, "not-a-token"),
        _pdf_url(other, token),  # a genuine token of another hearing
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.get("Content-Type") != "application/pdf"
    assert not PlanDocument.objects.exists()


def test_revoked_token_gets_no_pdf(client, world, hearing):
    party = party_of(hearing)
    token = token_of(party)
    hearing_party_revoke(party=party, revoked_by=world.users["secretariat"])
    response = client.get(_pdf_url(hearing, token))
    assert response.status_code == 403 and "tilbagekaldt" in response.content.decode()
    assert not PlanDocument.objects.exists()


def test_party_gets_a_clear_message_when_a_worker_is_still_rendering(client, world, hearing, monkeypatch):
    import planning.documents.services as pdf_services

    def claimed_elsewhere(**kwargs):
        PlanDocument.objects.filter(pk=kwargs["document_id"]).update(state=PlanDocument.State.RENDERING)
        return PlanDocument.objects.get(pk=kwargs["document_id"])

    monkeypatch.setattr(pdf_services, "plan_document_render", claimed_elsewhere)
    response = client.get(_pdf_url(hearing, token_of(party_of(hearing))))
    assert response.status_code == 503 and response["Retry-After"]
    assert "dannes netop nu" in response.content.decode()


def test_council_users_are_linked_to_the_plan_pdf_page_for_the_snapshot(client, world, hearing):
    client.force_login(world.users["member"])
    page = client.get(reverse("hearing-detail", kwargs={"pk": hearing.pk})).content.decode()
    assert (
        f'href="{reverse("plan-pdf", kwargs={"pk": hearing.plan_id})}#version-{hearing.snapshot_id}"' in page
    )
