"""The plan's PDF page: request a PDF of the draft or a snapshot, follow its state, download it.

Council members and the secretariat may request and download (a PDF is a read of the plan). Files are
served through a permission-checked view, never from a public media URL.
"""

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from councils.mixins import CouncilAccessMixin
from planning.documents.models import PlanDocument
from planning.documents.services import plan_document_request, plan_document_rows
from planning.plans.models import Plan


def plan_document_status(*, document: PlanDocument | None) -> dict:
    """The JSON the page polls (static/js/pdf.js); also what the page renders without JavaScript."""
    if document is None:
        return {
            "id": None,
            "state": "none",
            "state_label": _("Ikke dannet"),
            "message": "",
            "download_url": None,
        }
    messages_by_state = {
        PlanDocument.State.QUEUED: _("PDF'en venter på at blive dannet."),
        PlanDocument.State.RENDERING: _("PDF'en dannes nu."),
        PlanDocument.State.DONE: _("PDF'en er klar."),
        PlanDocument.State.FAILED: document.error_message or _("PDF'en kunne ikke dannes."),
    }
    done = document.state == PlanDocument.State.DONE
    return {
        "id": document.pk,
        "state": document.state,
        "state_label": document.get_state_display(),
        "message": messages_by_state[document.state],
        "task_id": document.task_id if document.state == PlanDocument.State.FAILED else "",
        "page_count": document.page_count if done else None,
        "download_url": reverse(
            "plan-pdf-download", kwargs={"pk": document.plan_id, "document_pk": document.pk}
        )
        if done
        else None,
        "status_url": reverse("plan-pdf-status", kwargs={"pk": document.plan_id, "document_pk": document.pk}),
    }


class PlanPdfMixin(CouncilAccessMixin):
    def get_council(self):
        self.plan = get_object_or_404(Plan.objects.select_related("council__region"), pk=self.kwargs["pk"])
        return self.plan.council

    def get_document(self) -> PlanDocument:
        return get_object_or_404(PlanDocument, pk=self.kwargs["document_pk"], plan=self.plan)


class PlanPdfView(PlanPdfMixin, TemplateView):
    template_name = "planning/documents/plan_pdf.html"

    def get_context_data(self, **kwargs):
        rows = [
            {"row": row, "status": plan_document_status(document=row.document)}
            for row in plan_document_rows(plan=self.plan)
        ]
        return super().get_context_data(plan=self.plan, rows=rows, **kwargs)


class PlanPdfRequestView(PlanPdfMixin, View):
    """POST: queue a PDF of the draft (snapshot="") or a snapshot; JSON for pdf.js, a redirect otherwise."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        wants_json = "application/json" in request.headers.get("Accept", "")
        raw = request.POST.get("snapshot", "").strip()
        snapshot = None
        if raw:
            if not raw.isdigit():
                raise Http404
            snapshot = get_object_or_404(self.plan.snapshots, pk=int(raw))
        document = plan_document_request(plan=self.plan, snapshot=snapshot, requested_by=request.user)
        status = plan_document_status(document=document)
        if wants_json:
            return JsonResponse(status, status=202 if status["state"] != PlanDocument.State.DONE else 200)
        messages.info(request, status["message"])
        row_key = f"version-{snapshot.pk}" if snapshot else "udkast"
        return redirect(reverse("plan-pdf", kwargs={"pk": self.plan.pk}) + f"#{row_key}")


class PlanPdfStatusView(PlanPdfMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        response = JsonResponse(plan_document_status(document=self.get_document()))
        response["Cache-Control"] = "no-store"
        return response


class PlanPdfDownloadView(PlanPdfMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        document = self.get_document()
        if document.state != PlanDocument.State.DONE or not document.file:
            raise Http404
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.file.name.rsplit("/", 1)[-1],
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response
