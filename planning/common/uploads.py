"""Validation of uploaded documents (hearing attachments, Sundhedsstyrelsen's advice) by their content.

The name a user gives a file decides nothing: a PDF must start with the %PDF magic, a DOCX must be a ZIP
with `word/document.xml` and `[Content_Types].xml`, an ODT a ZIP whose `mimetype` entry says ODF text.
Validation reads the file only; nothing is stored until every file of a submission has passed.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class UploadKind:
    code: str
    extension: str
    content_type: str
    label: str


PDF = UploadKind("pdf", "pdf", "application/pdf", "PDF")
DOCX = UploadKind(
    "docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"
)
ODT = UploadKind("odt", "odt", "application/vnd.oasis.opendocument.text", "OpenDocument-tekst (ODT)")


def upload_max_bytes() -> int:
    """The size limit, read at call time so tests and deployments can lower it."""
    return int(getattr(settings, "HEARING_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _zip_kind(file, name: str) -> UploadKind | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, NotImplementedError):
        return None
    return None


def upload_validate(*, file) -> UploadKind:
    """The kind of an uploaded PDF/DOCX/ODT file, judged by content; ValidationError in Danish otherwise."""
    name = PurePath(getattr(file, "name", "") or "").name or _("filen")
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    if not size:
        raise ValidationError(_("Filen “%(name)s” er tom."), code="empty", params={"name": name})
    limit = upload_max_bytes()
    if size > limit:
        raise ValidationError(
            _("Filen “%(name)s” fylder %(size)s; den må højst fylde %(limit)s."),
            code="too_large",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    claimed = PurePath(name).suffix.lower().lstrip(".")
    guessed = filetype.guess(head)
    guessed_extension = guessed.extension if guessed is not None else ""
    if head.startswith(b"%PDF-") and guessed_extension == "pdf":
        return PDF
    if head.startswith(b"PK\x03\x04") or guessed_extension in {"zip", "docx", "odt"}:
        kind = _zip_kind(file, name)
        file.seek(0)
        if kind is not None:
            return kind
        raise ValidationError(
            _(
                "Filen “%(name)s” er en ZIP-fil, men hverken et Word-dokument (DOCX) eller et "
                "OpenDocument-tekstdokument (ODT)."
            ),
            code="bad_zip",
            params={"name": name},
        )
    if claimed in {"docx", "odt"}:
        raise ValidationError(
            _(
                "Filen “%(name)s” er ikke et gyldigt %(kind)s-dokument: indholdet er ikke en ZIP-fil. "
                "Gem dokumentet igen fra dit tekstbehandlingsprogram, eller gem det som PDF."
            ),
            code="not_zip",
            params={"name": name, "kind": claimed.upper()},
        )
    if claimed == "pdf":
        raise ValidationError(
            _(
                "Filen “%(name)s” hedder .pdf, men indholdet er ikke en PDF-fil. "
                "Filtypen afgøres af indholdet, ikke af navnet."
            ),
            code="not_pdf",
            params={"name": name},
        )
    raise ValidationError(
        _("Filen “%(name)s” er ikke en tilladt filtype. Vedhæft PDF, Word (DOCX) eller OpenDocument (ODT)."),
        code="wrong_type",
        params={"name": name},
    )


def upload_filename(*, original_name: str, kind: UploadKind) -> str:
    """A safe stored name: the original stem (sanitised by storage) with the extension of the real type."""
    stem = PurePath(original_name).stem[:100] or "bilag"
    return f"{stem}.{kind.extension}"
