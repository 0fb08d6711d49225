"""Requesting and rendering plan PDFs: idempotent per snapshot, per draft content; failures end in failed."""

import logging
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from planning.documents import services as service
from planning.documents.services import (
    MESSAGE_FAILED,
    MESSAGE_TIMEOUT,
    TEMPLATE_VERSION,
    PlanDocumentSnapshotMismatch,
    plan_document_render,
    plan_document_request,
)
from planning.models import PlanDocument
from planning.plans.services import plan_snapshot_create, section_revision_save
from tests.planning.documents.conftest import plan_with_content


def _request(capture, **kwargs) -> PlanDocument:
    with capture(execute=True):
        document = plan_document_request(**kwargs)
    document.refresh_from_db()
    return document


def test_two_requests_for_the_same_snapshot_render_once(
    plan, snapshot, world, render_counter, django_capture_on_commit_callbacks
):
    first = _request(
        django_capture_on_commit_callbacks, plan=plan, snapshot=snapshot, requested_by=world.users["member"]
    )
    second = _request(
        django_capture_on_commit_callbacks,
        plan=plan,
        snapshot=snapshot,
        requested_by=world.users["secretariat"],
    )
    assert render_counter.calls == 1
    assert first.pk == second.pk
    assert second.state == PlanDocument.State.DONE
    assert second.template_version == TEMPLATE_VERSION
    assert PlanDocument.objects.filter(snapshot=snapshot).count() == 1
    assert second.requested_by == world.users["member"]  # the stored file is handed out as it is


def test_snapshot_pdf_does_not_change_when_the_draft_changes(
    plan, snapshot, world, render_counter, django_capture_on_commit_callbacks
):
    first = _request(
        django_capture_on_commit_callbacks, plan=plan, snapshot=snapshot, requested_by=world.users["member"]
    )
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section,
        title=section.title,
        text="<p>Ny tekst</p>",
        base_revision_id=section.current_revision_id,
        author=world.users["secretariat"],
    )
    again = _request(
        django_capture_on_commit_callbacks, plan=plan, snapshot=snapshot, requested_by=world.users["member"]
    )
    assert again.pk == first.pk
    assert render_counter.calls == 1


def test_draft_renders_again_only_when_its_content_changed(
    plan, world, render_counter, django_capture_on_commit_callbacks
):
    user = world.users["secretariat"]
    first = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=user)
    same = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=user)
    assert same.pk == first.pk
    assert render_counter.calls == 1
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section, title=section.title, text="<p>Ændret tekst</p>",
        base_revision_id=section.current_revision_id, author=user,
    )  # fmt: skip
    changed = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=user)
    assert changed.pk != first.pk
    assert changed.content_hash != first.content_hash
    assert changed.state == PlanDocument.State.DONE
    assert render_counter.calls == 2
    assert PlanDocument.objects.filter(plan=plan, snapshot__isnull=True).count() == 2


def test_snapshot_of_another_plan_is_refused(plan, world):
    other = plan_with_content(council=world.council, user=world.users["secretariat"], title="Anden plan")
    other_snapshot = plan_snapshot_create(plan=other, name="X", created_by=world.users["secretariat"])
    with pytest.raises(PlanDocumentSnapshotMismatch):
        plan_document_request(plan=plan, snapshot=other_snapshot, requested_by=world.users["secretariat"])
    assert PlanDocument.objects.count() == 0


def test_a_render_that_raises_ends_failed_with_a_danish_message_logged_with_the_task_id(
    plan, world, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(service, "PLAN_PDF_TEMPLATE", "pdf/findes_ikke.html")
    with caplog.at_level(logging.ERROR, logger="planning.documents.services"):
        document = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert document.state == PlanDocument.State.FAILED
    assert document.error_message == str(MESSAGE_FAILED)
    assert "PDF'en kunne ikke dannes" in document.error_message
    assert document.task_id
    assert not document.file
    assert any(document.task_id in record.getMessage() for record in caplog.records)


def test_soft_time_limit_ends_failed_not_rendering(
    plan, world, monkeypatch, django_capture_on_commit_callbacks
):
    def too_slow(**kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(service, "pdf_render_document", too_slow)
    document = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert document.state == PlanDocument.State.FAILED
    assert document.error_message == str(MESSAGE_TIMEOUT)


def test_retry_after_failure_queues_the_same_document_again(
    plan, world, monkeypatch, render_counter, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(service, "PLAN_PDF_TEMPLATE", "pdf/findes_ikke.html")
    failed = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert failed.state == PlanDocument.State.FAILED
    monkeypatch.setattr(service, "PLAN_PDF_TEMPLATE", "pdf/plan.html")
    retried = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert retried.pk == failed.pk
    assert retried.state == PlanDocument.State.DONE
    assert retried.error_message == ""
    assert render_counter.calls == 2


def test_render_of_a_done_or_claimed_document_returns_without_rendering(
    plan, world, render_counter, django_capture_on_commit_callbacks
):
    document = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert plan_document_render(document_id=document.pk, task_id="again").state == PlanDocument.State.DONE
    PlanDocument.objects.filter(pk=document.pk).update(state=PlanDocument.State.RENDERING)
    assert (
        plan_document_render(document_id=document.pk, task_id="other").state == PlanDocument.State.RENDERING
    )
    assert render_counter.calls == 1
    assert plan_document_render(document_id=987654, task_id="gone") is None


def test_a_request_while_queued_does_not_queue_again(
    plan, world, render_counter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = plan_document_request(plan=plan, requested_by=world.users["member"])
        second = plan_document_request(plan=plan, requested_by=world.users["member"])
    assert first.pk == second.pk
    assert len(callbacks) == 1
    assert render_counter.calls == 0


def test_a_document_left_rendering_past_the_hard_limit_is_queued_again(
    plan, world, render_counter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        document = plan_document_request(plan=plan, requested_by=world.users["member"])
    PlanDocument.objects.filter(pk=document.pk).update(
        state=PlanDocument.State.RENDERING, updated_at=timezone.now() - timedelta(hours=1)
    )
    again = _request(django_capture_on_commit_callbacks, plan=plan, requested_by=world.users["member"])
    assert again.pk == document.pk
    assert again.state == PlanDocument.State.DONE
    assert render_counter.calls == 1


def test_render_task_is_routed_to_the_pdf_queue_with_time_limits():
    from config.celery import app
    from planning.documents.tasks import plan_pdf_render

    route = app.amqp.router.route({}, "planning.plan_pdf_render", args=(1,), kwargs={})
    assert route["queue"].name == "pdf"
    assert plan_pdf_render.soft_time_limit < plan_pdf_render.time_limit
