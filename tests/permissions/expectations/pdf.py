"""Plan PDF pages: council members and the secretariat may request and download; other councils 404."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from planning.documents.services import TEMPLATE_VERSION
from planning.models import PlanDocument
from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, LOGIN, Expect

MATRIX_FILE = "plan-pdf/matrix/plan.pdf"

# A POST that queues a PDF redirects back to the PDF page (302); the render itself runs in the worker.
COUNCIL_REQUEST = {
    "anonymous": LOGIN,
    "other_member": 404,
    "other_secretariat": 404,
    "member": 302,
    "secretariat": 302,
    "admin": 302,
}


def _plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


def _document(world, *, done: bool = False) -> PlanDocument:
    plan = _plan(world)
    document = PlanDocument.objects.create(
        plan=plan, template_version=TEMPLATE_VERSION, content_hash="0" * 64, state=PlanDocument.State.QUEUED
    )
    if done:
        default_storage.delete(MATRIX_FILE)
        name = default_storage.save(MATRIX_FILE, ContentFile(b"%PDF-1.7\n% matrix test\n"))
        PlanDocument.objects.filter(pk=document.pk).update(state=PlanDocument.State.DONE, file=name)
    return document


def _document_kwargs(world, *, done: bool = False) -> dict:
    document = _document(world, done=done)
    return {"pk": document.plan_id, "document_pk": document.pk}


EXPECTATIONS = {
    "plan-pdf": Expect(kwargs=lambda w: {"pk": _plan(w).pk}, get=COUNCIL_READ),
    "plan-pdf-request": Expect(
        kwargs=lambda w: {"pk": _plan(w).pk}, post=COUNCIL_REQUEST, post_data=lambda w: {"snapshot": ""}
    ),
    "plan-pdf-status": Expect(kwargs=lambda w: _document_kwargs(w), get=COUNCIL_READ),
    "plan-pdf-download": Expect(kwargs=lambda w: _document_kwargs(w, done=True), get=COUNCIL_READ),
}
