from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planning.models import HearingResponse, ResponseAttachment
from tests.planning.hearings.conftest import stored_files
from tests.planning.hearings.helpers import docx_file, odt_file, open_hearing, party_of, pdf_file, token_of


def _post(client, hearing, files, text="Vores svar"):
    party = party_of(hearing)
    url = reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    return client.post(url, {"text": text, "attachments": files})


def _assert_nothing_stored(media_root):
    assert HearingResponse.objects.count() == 0
    assert ResponseAttachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_real_pdf_docx_and_odt_are_accepted_by_content(client, world, media_root):
    hearing = open_hearing(world)
    response = _post(client, hearing, [pdf_file(), docx_file("notat.pdf"), odt_file("x.bin")])
    assert response.status_code == 302
    attachments = ResponseAttachment.objects.order_by("pk")
    assert [a.content_type for a in attachments] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    ]
    assert [a.file.name.rsplit(".", 1)[1] for a in attachments] == ["pdf", "docx", "odt"]
    assert len(stored_files(media_root)) == 3


def test_wrong_type_with_a_pdf_name_is_refused_in_danish(client, world, media_root):
    hearing = open_hearing(world)
    fake = SimpleUploadedFile("svar.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="application/pdf")
    response = _post(client, hearing, [fake])
    page = response.content.decode()
    assert response.status_code == 200
    assert "hedder .pdf, men indholdet er ikke en PDF-fil" in page
    assert "Vores svar" in page  # the text is kept
    _assert_nothing_stored(media_root)


def test_a_docx_that_is_not_a_zip_is_refused(client, world, media_root):
    hearing = open_hearing(world)
    fake = SimpleUploadedFile("svar.docx", b"Dette er bare tekst", content_type="application/msword")
    page = _post(client, hearing, [fake]).content.decode()
    assert "ikke et gyldigt DOCX-dokument: indholdet er ikke en ZIP-fil" in page
    _assert_nothing_stored(media_root)


def test_a_zip_that_is_not_a_document_is_refused(client, world, media_root):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("noget.txt", b"hej")
    page = _post(
        client, open_hearing(world), [SimpleUploadedFile("svar.docx", buffer.getvalue())]
    ).content.decode()
    assert "hverken et Word-dokument (DOCX) eller et OpenDocument" in page
    _assert_nothing_stored(media_root)


def test_empty_file_is_refused(client, world, media_root):
    page = _post(client, open_hearing(world), [SimpleUploadedFile("svar.pdf", b"")]).content.decode()
    assert "er tom" in page
    _assert_nothing_stored(media_root)


def test_oversize_file_is_refused_and_a_good_file_beside_it_is_not_stored(
    client, world, media_root, settings
):
    settings.HEARING_UPLOAD_MAX_BYTES = 1024
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    page = _post(client, open_hearing(world), [pdf_file(), big]).content.decode()
    assert "højst fylde 1,0\xa0KB" in page or "højst fylde 1,0 KB" in page
    _assert_nothing_stored(media_root)


def test_real_limit_is_20_mb(client, world, media_root):
    from planning.common.uploads import upload_max_bytes

    assert upload_max_bytes() == 20 * 1024 * 1024
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))
    page = _post(client, open_hearing(world), [big]).content.decode()
    assert "højst fylde 20,0" in page
    _assert_nothing_stored(media_root)
