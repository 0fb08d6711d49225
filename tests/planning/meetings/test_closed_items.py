"""A closed item's content never reaches anonymous users, the public page or PDF, or other councils."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from planning.meetings.services import meeting_document_pdf
from planning.models import Meeting

SECRETS = ["HEMMELIGT-RESUME", "HEMMELIG-SAGSFREMSTILLING", "Personalesag om direktør" + "X"]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def approved_meeting(held_meeting):
    Meeting.objects.filter(pk=held_meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    held_meeting.refresh_from_db()
    return held_meeting


def test_public_page_shows_closed_item_title_only(client, approved_meeting):
    response = client.get(reverse("meeting-public-detail", kwargs={"pk": approved_meeting.pk}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Personalesag om direktør" in body
    assert "HEMMELIGT-RESUME" not in body and "HEMMELIG-SAGSFREMSTILLING" not in body
    assert "Dagsordenen godkendes." in body  # the open item is in full
    listing = client.get(reverse("meeting-public-list")).content.decode()
    assert "HEMMELIG" not in listing


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
def test_public_pdf_leaves_out_closed_content(client, approved_meeting, kind):
    response = client.get(reverse("meeting-public-pdf", kwargs={"pk": approved_meeting.pk, "kind": kind}))
    assert response.status_code == 200
    text = _pdf_text(response.content)
    assert "Personalesag om direktør" in text
    assert "HEMMELIG" not in text


def test_default_document_is_redacted_and_internal_copy_is_full(approved_meeting):
    assert "HEMMELIG" not in _pdf_text(meeting_document_pdf(meeting=approved_meeting, kind="minutes"))
    full = _pdf_text(meeting_document_pdf(meeting=approved_meeting, kind="minutes", include_closed=True))
    assert "HEMMELIGT-RESUME" in full


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("other_member", 404), ("other_secretariat", 404)]
)
@pytest.mark.parametrize("name", ["meeting-detail", "meeting-pdf"])
def test_council_pages_with_closed_content_are_denied_outside_the_council(
    client, world, approved_meeting, role, status, name
):
    if world.users[role]:
        client.force_login(world.users[role])
    kwargs = {"slug": world.council.slug, "pk": approved_meeting.pk}
    if name == "meeting-pdf":
        kwargs["kind"] = "minutes"
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == status
    assert b"HEMMELIG" not in response.content


def test_council_member_sees_closed_content(client, world, approved_meeting):
    client.force_login(world.users["member"])
    body = client.get(approved_meeting.get_absolute_url()).content.decode()
    assert "HEMMELIGT-RESUME" in body


def test_unpublished_meeting_is_not_public(client, world, soenderjylland_roster):
    import datetime

    from planning.meetings.services import meeting_create

    meeting = meeting_create(
        council=world.council, date=datetime.date(2026, 5, 26), start_time=datetime.time(8)
    )
    assert client.get(reverse("meeting-public-detail", kwargs={"pk": meeting.pk})).status_code == 404
    assert (
        client.get(reverse("meeting-public-pdf", kwargs={"pk": meeting.pk, "kind": "agenda"})).status_code
        == 404
    )


def test_minutes_pdf_is_public_only_once_approved(client, held_meeting):
    url = reverse("meeting-public-pdf", kwargs={"pk": held_meeting.pk, "kind": "minutes"})
    assert client.get(url).status_code == 404
