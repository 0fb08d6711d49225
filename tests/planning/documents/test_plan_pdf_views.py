"""The PDF page, the request POST (HTML and JSON), the status endpoint and the permission-checked download."""

import pytest
from django.urls import reverse

from planning.models import PlanDocument
from tests.planning.documents.conftest import pdf_reader


def test_page_lists_draft_and_snapshots_with_generate_buttons(client, plan, snapshot, world):
    client.force_login(world.users["member"])
    response = client.get(reverse("plan-pdf", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aktuelt udkast" in html and "Udkast til høring" in html
    assert html.count("Generér PDF") == 2
    assert 'aria-live="polite"' in html
    assert "js/pdf.js" in html


@pytest.mark.parametrize("role", ["member", "secretariat"])
def test_member_and_secretariat_request_a_pdf_and_download_it(
    client, plan, snapshot, world, role, django_capture_on_commit_callbacks
):
    client.force_login(world.users[role])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plan-pdf-request", kwargs={"pk": plan.pk}), {"snapshot": snapshot.pk})
    assert response.status_code == 302
    assert response.url == reverse("plan-pdf", kwargs={"pk": plan.pk}) + f"#version-{snapshot.pk}"
    document = PlanDocument.objects.get(snapshot=snapshot)
    assert document.state == PlanDocument.State.DONE
    page = client.get(reverse("plan-pdf", kwargs={"pk": plan.pk})).content.decode()
    download_url = reverse("plan-pdf-download", kwargs={"pk": plan.pk, "document_pk": document.pk})
    assert download_url in page and "Hent PDF" in page
    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment;" in download["Content-Disposition"]
    content = b"".join(download.streaming_content)
    assert content.startswith(b"%PDF")
    assert len(pdf_reader(content).pages) == document.page_count


def test_json_request_and_status_for_progressive_enhancement(
    client, plan, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["member"])
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("plan-pdf-request", kwargs={"pk": plan.pk}),
            {"snapshot": ""},
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 202
    data = response.json()
    assert data["state"] == "queued"
    assert data["state_label"] == "I kø"
    assert data["download_url"] is None
    status = client.get(data["status_url"])
    assert status.json()["state"] == "queued"
    assert status["Cache-Control"] == "no-store"


def test_failed_document_shows_danish_message_and_retry_button(client, plan, world):
    document = PlanDocument.objects.create(
        plan=plan, template_version="gammel", content_hash="x" * 64, state=PlanDocument.State.FAILED,
        error_message="PDF'en kunne ikke dannes.", task_id="abc-123",
    )  # fmt: skip
    client.force_login(world.users["member"])
    status = client.get(reverse("plan-pdf-status", kwargs={"pk": plan.pk, "document_pk": document.pk})).json()
    assert status["state"] == "failed"
    assert status["message"] == "PDF'en kunne ikke dannes."
    assert status["task_id"] == "abc-123"


def test_failed_row_on_the_page_offers_prøv_igen(
    client, plan, world, monkeypatch, django_capture_on_commit_callbacks
):
    from planning.documents import services as service

    monkeypatch.setattr(service, "PLAN_PDF_TEMPLATE", "pdf/findes_ikke.html")
    client.force_login(world.users["member"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plan-pdf-request", kwargs={"pk": plan.pk}), {"snapshot": ""})
    html = client.get(reverse("plan-pdf", kwargs={"pk": plan.pk})).content.decode()
    assert "Fejlet" in html
    assert "PDF&#x27;en kunne ikke dannes" in html
    assert "Prøv igen" in html


def test_download_of_unfinished_document_is_404(client, plan, world):
    document = PlanDocument.objects.create(plan=plan, template_version="1", content_hash="y" * 64)
    client.force_login(world.users["member"])
    response = client.get(reverse("plan-pdf-download", kwargs={"pk": plan.pk, "document_pk": document.pk}))
    assert response.status_code == 404


def test_document_of_another_plan_is_404(client, plan, world):
    from tests.planning.documents.conftest import plan_with_content

    other_plan = plan_with_content(council=world.council, user=world.users["secretariat"], title="Anden")
    document = PlanDocument.objects.create(plan=other_plan, template_version="1", content_hash="z" * 64)
    client.force_login(world.users["member"])
    response = client.get(reverse("plan-pdf-status", kwargs={"pk": plan.pk, "document_pk": document.pk}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("other_member", 404), ("other_secretariat", 404)]
)
def test_denied_request_creates_nothing(
    client, plan, snapshot, world, role, status, django_capture_on_commit_callbacks
):
    if world.users[role]:
        client.force_login(world.users[role])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("plan-pdf-request", kwargs={"pk": plan.pk}), {"snapshot": snapshot.pk})
    assert response.status_code == status
    assert PlanDocument.objects.count() == 0
    assert callbacks == []


def test_snapshot_of_another_plan_in_the_form_is_404(client, plan, world):
    from planning.plans.services import plan_snapshot_create
    from tests.planning.documents.conftest import plan_with_content

    other = plan_with_content(council=world.other_council, user=world.users["other_secretariat"], title="Fyn")
    foreign = plan_snapshot_create(plan=other, name="Fremmed", created_by=world.users["other_secretariat"])
    client.force_login(world.users["member"])
    for value in (foreign.pk, "abc"):
        response = client.post(reverse("plan-pdf-request", kwargs={"pk": plan.pk}), {"snapshot": value})
        assert response.status_code == 404
    assert PlanDocument.objects.count() == 0
