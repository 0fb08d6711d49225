import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planning.meetings.services import MeetingError, attachment_add
from planning.models import AgendaItem, Attachment


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("data", "name", "mime"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "bilag.pdf", "application/pdf"),
        (DOCX, "bilag.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (ODT, "bilag.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_accepted_types_by_content_are_stored_with_their_real_type(
    world, held_meeting, settings, tmp_path, data, name, mime
):
    settings.MEDIA_ROOT = tmp_path
    item = held_meeting.items.get(number=1)
    attachment = attachment_add(
        item=item,
        title="Bilag",
        uploaded_file=SimpleUploadedFile(name, data),
        uploaded_by=world.users["secretariat"],
    )
    assert attachment.content_type == mime


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "tom.pdf", "er tom"),
        (b"MZ\x90\x00" + b"\x00" * 100, "program.exe", "ikke en tilladt filtype"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "billede.pdf", "indholdet er ikke en PDF-fil"),
        (_zip({"evil.txt": b"x"}), "arkiv.docx", "hverken et Word-dokument"),
        (b"PK\x03\x04 not really a zip", "falsk.docx", "hverken et Word-dokument"),
    ],
)
def test_rejected_files_have_danish_messages_and_nothing_is_stored(
    world, held_meeting, settings, tmp_path, data, name, message
):
    settings.MEDIA_ROOT = tmp_path
    item = held_meeting.items.get(number=1)
    with pytest.raises(MeetingError, match=message):
        attachment_add(
            item=item,
            title="Bilag",
            uploaded_file=SimpleUploadedFile(name, data),
            uploaded_by=world.users["secretariat"],
        )
    assert Attachment.objects.count() == 0 and not any(tmp_path.rglob("*.*"))


def test_oversize_attachment_is_refused(world, held_meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEARING_UPLOAD_MAX_BYTES = 1024
    item = held_meeting.items.get(number=1)
    with pytest.raises(MeetingError, match="må højst fylde"):
        attachment_add(
            item=item,
            title="Bilag",
            uploaded_file=SimpleUploadedFile("stor.pdf", b"%PDF-1.4\n" + b"0" * 2000),
            uploaded_by=world.users["secretariat"],
        )
    assert Attachment.objects.count() == 0


def test_upload_through_the_view_and_bad_file_is_refused(client, world, held_meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.users["secretariat"])
    item = held_meeting.items.get(number=1)
    url = reverse(
        "attachment-create", kwargs={"slug": world.council.slug, "pk": held_meeting.pk, "item_pk": item.pk}
    )
    bad = SimpleUploadedFile("bilag.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(url, {"title": "Håndbog om sundhedsråd", "file": bad})
    assert response.status_code == 200
    assert "indholdet er ikke en PDF-fil" in response.content.decode()
    assert 'value="Håndbog om sundhedsråd"' in response.content.decode()  # the user's input is kept
    assert Attachment.objects.count() == 0
    good = SimpleUploadedFile("bilag.pdf", b"%PDF-1.4\n%EOF", content_type="application/pdf")
    assert client.post(url, {"title": "Håndbog om sundhedsråd", "file": good}).status_code == 302
    attachment = Attachment.objects.get()
    download = client.get(
        reverse(
            "attachment-download",
            kwargs={"slug": world.council.slug, "pk": held_meeting.pk, "attachment_pk": attachment.pk},
        )
    )
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_bad_case_number_is_answered_in_danish_and_input_kept(client, world, held_meeting):
    client.force_login(world.users["secretariat"])
    url = reverse("agenda-item-create", kwargs={"slug": world.council.slug, "pk": held_meeting.pk})
    response = client.post(
        url, {"title": "Mødekalender", "case_number": "2026-10588", "recommendation_kind": "decision"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sagsnummeret skal have formen ÅÅ/NNNNN, fx 26/10588." in body
    assert 'value="Mødekalender"' in body
    assert AgendaItem.objects.filter(meeting=held_meeting).count() == 2


def test_case_presentation_is_sanitised(client, world, held_meeting):
    client.force_login(world.users["secretariat"])
    url = reverse("agenda-item-create", kwargs={"slug": world.council.slug, "pk": held_meeting.pk})
    response = client.post(
        url,
        {
            "title": "Mødekalender", "case_number": "25/58516", "recommendation_kind": "decision",
            "case_presentation": '<p onclick="x()">Tekst</p><script>alert(1)</script>',
        },
    )  # fmt: skip
    assert response.status_code == 302
    item = held_meeting.items.get(title="Mødekalender")
    assert item.number == 3 and item.case_presentation == "<p>Tekst</p>"


def test_decision_vote_without_votes_is_refused_and_nothing_saved(client, world, held_meeting):
    client.force_login(world.users["secretariat"])
    item = held_meeting.items.get(number=1)
    url = reverse(
        "agenda-item-decision", kwargs={"slug": world.council.slug, "pk": held_meeting.pk, "item_pk": item.pk}
    )
    response = client.post(url, {"decision_text": "Ny beslutning", "mode": "vote"})
    assert response.status_code == 200
    assert "Angiv mindst én stemme" in response.content.decode()
    item.refresh_from_db()
    assert item.decision_text == "Godkendt."


def test_member_cannot_record_a_decision(client, world, held_meeting):
    client.force_login(world.users["member"])
    item = held_meeting.items.get(number=1)
    url = reverse(
        "agenda-item-decision", kwargs={"slug": world.council.slug, "pk": held_meeting.pk, "item_pk": item.pk}
    )
    assert client.post(url, {"decision_text": "Forkastet.", "mode": "plain"}).status_code == 403
    item.refresh_from_db()
    assert item.decision_text == "Godkendt."
