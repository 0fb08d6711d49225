"""The render task through a real Celery worker process against Redis (tests/celery_worker.py)."""

import time

import pytest

from planning.documents.services import MESSAGE_FAILED, plan_document_request
from planning.models import PlanDocument, SnapshotEntry
from planning.plans.services import plan_snapshot_create
from tests.planning.documents.conftest import pdf_pages_text, plan_with_content

pytestmark = pytest.mark.worker


def _wait_for_final_state(document: PlanDocument, worker, timeout: float = 120) -> PlanDocument:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.state in (PlanDocument.State.DONE, PlanDocument.State.FAILED):
            return document
        time.sleep(0.3)
    pytest.fail(f"document still {document.state} after {timeout}s; worker log:\n{worker.log()[-4000:]}")


def test_worker_renders_a_snapshot_pdf(world, celery_worker):  # noqa: F811
    user = world.users["secretariat"]
    plan = plan_with_content(council=world.council, user=user)
    snapshot = plan_snapshot_create(plan=plan, name="Udkast til høring", created_by=user)
    document = plan_document_request(plan=plan, snapshot=snapshot, requested_by=user)  # queued on commit
    document = _wait_for_final_state(document, celery_worker)
    assert document.state == PlanDocument.State.DONE, document.error_message
    assert document.task_id
    assert f"planning.plan_pdf_render[{document.task_id}]" in celery_worker.log()
    with document.file.open("rb") as handle:
        pages = pdf_pages_text(handle.read())
    assert len(pages) == document.page_count
    assert "Udkast til høring" in pages[0]


def test_worker_failure_ends_failed_with_the_message(world, celery_worker):  # noqa: F811
    user = world.users["secretariat"]
    plan = plan_with_content(council=world.council, user=user)
    snapshot = plan_snapshot_create(plan=plan, name="Ødelagt", created_by=user)
    entry = snapshot.entries.order_by("position").first()
    SnapshotEntry.objects.filter(pk=entry.pk).update(
        initiatives=[{"title": "X", "responsible": "shared", "start_date": "ikke-en-dato", "end_date": None}]
    )  # the render raises while building its context
    document = plan_document_request(plan=plan, snapshot=snapshot, requested_by=user)
    document = _wait_for_final_state(document, celery_worker)
    assert document.state == PlanDocument.State.FAILED
    assert document.error_message == str(MESSAGE_FAILED)
    assert document.task_id
    assert f"PDF document {document.pk} failed to render (task {document.task_id})" in celery_worker.log()
