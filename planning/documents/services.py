"""PDFs of plans: request (idempotent, keyed by snapshot or draft content), render (`pdf` queue), store.

A snapshot is frozen, so its PDF is keyed by (snapshot, TEMPLATE_VERSION) and rendered once. The current
draft is keyed by the hash of the content that ends up in the PDF, so it is rendered again only when that
content changed. Bump TEMPLATE_VERSION whenever templates/pdf/ or the print CSS change what a PDF looks like.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from councils.text import danish_slugify
from planning.common.jobs import job_enqueue_on_commit
from planning.common.pdf import pdf_render_document
from planning.documents.models import PlanDocument
from planning.plans.models import Initiative, Plan, PlanSnapshot

logger = logging.getLogger(__name__)

TEMPLATE_VERSION = "2026.2"
PLAN_PDF_TEMPLATE = "pdf/plan.html"

MESSAGE_FAILED = gettext_lazy(
    "PDF'en kunne ikke dannes. Prøv igen – sker det igen, så kontakt sekretariatet og oplys opgave-id'et."
)
MESSAGE_TIMEOUT = gettext_lazy("PDF'en tog for lang tid at danne og blev afbrudt. Prøv igen.")
MESSAGE_STALE = gettext_lazy("Dannelsen af PDF'en blev afbrudt undervejs. Prøv igen.")


class PlanDocumentSnapshotMismatch(ValueError):
    """The snapshot belongs to another plan."""


# --- What goes into the PDF ----------------------------------------------------------------------


def _initiative_dict(*, title, description, responsible, start_date, end_date, indicator, national) -> dict:
    return {
        "title": title,
        "description": description,
        "responsible": responsible,
        "start_date": start_date,
        "end_date": end_date,
        "indicator": indicator,
        "national_goal_reference": national,
    }


def plan_pdf_data(*, plan: Plan, snapshot: PlanSnapshot | None = None) -> dict:
    """The plan content a PDF shows, as plain JSON-able data: plan facts and numbered sections.

    Only plan content: the snapshot's entries (their frozen revision, goals and initiatives) or the live
    sections' current revisions. Nothing else (comments, notes, history) is ever read here.
    """
    council = plan.council
    sections: list[dict] = []
    if snapshot is not None:
        entries = snapshot.entries.select_related("revision").order_by("position")
        for entry in entries:
            sections.append(
                {
                    "number": entry.number,
                    "title": entry.title,
                    "text": entry.revision.text if entry.revision else "",
                    "goals": [
                        {"title": g.get("title", ""), "description": g.get("description", "")}
                        for g in entry.goals
                    ],
                    "initiatives": [
                        _initiative_dict(
                            title=i.get("title", ""),
                            description=i.get("description", ""),
                            responsible=i.get("responsible", ""),
                            start_date=i.get("start_date"),
                            end_date=i.get("end_date"),
                            indicator=i.get("indicator", ""),
                            national=i.get("national_goal_reference", ""),
                        )
                        for i in entry.initiatives
                    ],
                }
            )
        status, version_name = snapshot.plan_status, snapshot.name
    else:
        live = (
            plan.sections.filter(is_removed=False)
            .select_related("current_revision")
            .prefetch_related("goals", "initiatives")
            .order_by("position")
        )
        for number, section in enumerate(live, start=1):
            sections.append(
                {
                    "number": number,
                    "title": section.title,
                    "text": section.current_revision.text if section.current_revision else "",
                    "goals": [{"title": g.title, "description": g.description} for g in section.goals.all()],
                    "initiatives": [
                        _initiative_dict(
                            title=i.title,
                            description=i.description,
                            responsible=i.responsible,
                            start_date=i.start_date.isoformat() if i.start_date else None,
                            end_date=i.end_date.isoformat() if i.end_date else None,
                            indicator=i.indicator,
                            national=i.national_goal_reference,
                        )
                        for i in section.initiatives.all()
                    ],
                }
            )
        status, version_name = plan.status, str(_("Aktuelt udkast"))
    return {
        "plan": {
            "title": plan.title,
            "council": str(council),
            "region": str(council.region),
            "period": plan.period_label,
            "status": status,
            "version_name": version_name,
        },
        "sections": sections,
    }


def plan_pdf_content_hash(*, data: dict) -> str:
    """SHA-256 of the PDF's content (stable JSON), so an unchanged draft maps to the same document."""
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def plan_pdf_is_draft(*, snapshot: PlanSnapshot | None) -> bool:
    """Everything not adopted carries the "UDKAST" watermark: the current draft and non-adopted snapshots."""
    return snapshot is None or snapshot.plan_status != Plan.Status.ADOPTED


def plan_pdf_context(*, data: dict, snapshot: PlanSnapshot | None, document_date: date) -> dict:
    """Template context for templates/pdf/plan.html from :func:`plan_pdf_data`."""
    responsible_labels = dict(Initiative.Responsible.choices)
    sections = []
    for section in data["sections"]:
        initiatives = [
            {
                **initiative,
                "responsible_label": responsible_labels.get(
                    initiative["responsible"], initiative["responsible"]
                ),
                "start_date": date.fromisoformat(initiative["start_date"])
                if initiative["start_date"]
                else None,
                "end_date": date.fromisoformat(initiative["end_date"]) if initiative["end_date"] else None,
            }
            for initiative in section["initiatives"]
        ]
        sections.append({**section, "anchor": f"afsnit-{section['number']}", "initiatives": initiatives})
    plan = {
        **data["plan"],
        "status_label": dict(Plan.Status.choices).get(data["plan"]["status"], data["plan"]["status"]),
        "date": document_date,
    }
    watermark = _("UDKAST") if plan_pdf_is_draft(snapshot=snapshot) else ""
    return {"plan": plan, "sections": sections, "watermark": watermark}


# --- Request -----------------------------------------------------------------------------------


def _stale_before():
    return timezone.now() - timedelta(seconds=int(getattr(settings, "CELERY_TASK_TIME_LIMIT", 360)) + 60)


def _enqueue(document_id: int) -> None:
    job_enqueue_on_commit("planning.plan_pdf_render", document_id)


@transaction.atomic
def plan_document_request(*, plan: Plan, requested_by, snapshot: PlanSnapshot | None = None) -> PlanDocument:
    """The PDF document for a snapshot (or the current draft), queued for rendering only if it is needed.

    Idempotent: an existing document for the same snapshot (or unchanged draft) and template version is
    returned as it is, whether done, queued or rendering. A failed one, or one whose worker died
    (queued/rendering for longer than the hard time limit), is queued again: that is the "Prøv igen".
    """
    if snapshot is not None and snapshot.plan_id != plan.pk:
        raise PlanDocumentSnapshotMismatch("snapshot belongs to another plan")
    content_hash = plan_pdf_content_hash(data=plan_pdf_data(plan=plan, snapshot=snapshot))
    if snapshot is not None:
        lookup = {"snapshot": snapshot, "template_version": TEMPLATE_VERSION}
    else:
        lookup = {
            "plan": plan,
            "snapshot": None,
            "content_hash": content_hash,
            "template_version": TEMPLATE_VERSION,
        }
    document, created = PlanDocument.objects.get_or_create(
        **lookup,
        defaults={"plan": plan, "content_hash": content_hash, "requested_by": requested_by},
    )
    if created:
        _enqueue(document.pk)
        return document
    retry = PlanDocument.objects.filter(pk=document.pk).filter(
        Q(state=PlanDocument.State.FAILED)
        | Q(
            state__in=[PlanDocument.State.QUEUED, PlanDocument.State.RENDERING],
            updated_at__lt=_stale_before(),
        )
    )
    if retry.update(
        state=PlanDocument.State.QUEUED,
        error_message="",
        task_id="",
        started_at=None,
        finished_at=None,
        requested_by=requested_by,
        updated_at=timezone.now(),
    ):
        _enqueue(document.pk)
        document.refresh_from_db()
    return document


# --- Render ------------------------------------------------------------------------------------


def _filename(*, document: PlanDocument) -> str:
    plan = document.plan
    version = danish_slugify(document.snapshot.name) if document.snapshot_id else "udkast"
    title = danish_slugify(plan.title)[:60]
    return f"{danish_slugify(plan.council.name)}-{title}-{version or 'version'}-{document.pk}.pdf"


def plan_document_render(*, document_id: int, task_id: str = "") -> PlanDocument | None:
    """Render a queued document and store the file; "already done" (or claimed elsewhere) returns at once.

    Claims the work with a conditional update queued→rendering, so two workers never render the same
    document. Any failure, including the soft time limit, ends in state failed with a Danish message and
    is logged with the task id: a document is never left "rendering".
    """
    claimed = PlanDocument.objects.filter(pk=document_id, state=PlanDocument.State.QUEUED).update(
        state=PlanDocument.State.RENDERING,
        task_id=task_id[:100],
        started_at=timezone.now(),
        error_message="",
        updated_at=timezone.now(),
    )
    document = (
        PlanDocument.objects.select_related("plan__council__region", "snapshot")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        logger.warning("PDF document %s no longer exists (task %s)", document_id, task_id)
        return None
    if not claimed:
        return document
    try:
        rendered = _render(document=document)
        document.file.save(_filename(document=document), ContentFile(rendered.content), save=False)
        PlanDocument.objects.filter(pk=document.pk, state=PlanDocument.State.RENDERING).update(
            state=PlanDocument.State.DONE,
            file=document.file.name,
            page_count=rendered.page_count,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        logger.info("PDF document %s rendered: %s pages (task %s)", document.pk, rendered.page_count, task_id)
    except Exception as exc:  # noqa: BLE001 - every failure must end in "failed", never a hung "rendering"
        message = MESSAGE_TIMEOUT if isinstance(exc, SoftTimeLimitExceeded) else MESSAGE_FAILED
        logger.exception("PDF document %s failed to render (task %s)", document.pk, task_id)
        plan_document_fail(document_id=document.pk, message=str(message))
    document.refresh_from_db()
    return document


def plan_document_fail(*, document_id: int, message: str) -> None:
    """Mark a document that is not done as failed with a user-facing (Danish) message."""
    PlanDocument.objects.filter(pk=document_id).exclude(state=PlanDocument.State.DONE).update(
        state=PlanDocument.State.FAILED,
        error_message=message[:500],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _render(*, document: PlanDocument):
    plan, snapshot = document.plan, document.snapshot
    data = plan_pdf_data(plan=plan, snapshot=snapshot)
    if snapshot is None:
        content_hash = plan_pdf_content_hash(data=data)
        if content_hash != document.content_hash:
            # The draft changed between request and render: render what is there now, and key the
            # document by it unless another document already holds that content.
            try:
                with transaction.atomic():
                    PlanDocument.objects.filter(pk=document.pk).update(content_hash=content_hash)
                document.content_hash = content_hash
            except IntegrityError:
                pass
    document_date = timezone.localdate(snapshot.created_at) if snapshot else timezone.localdate()
    return pdf_render_document(
        template_name=PLAN_PDF_TEMPLATE,
        context=plan_pdf_context(data=data, snapshot=snapshot, document_date=document_date),
        title=plan.title,
        author=str(plan.council),
    )


def plan_document_ensure(*, plan: Plan, snapshot: PlanSnapshot | None, requested_by=None) -> PlanDocument:
    """The document for a snapshot (or the draft), rendered here and now if no worker has done it yet.

    For callers that must answer with the PDF in the same request (a hearing party's token link):
    :func:`plan_document_request` finds or queues the document, and if it is still queued this process
    renders it through :func:`plan_document_render` (which claims it, so a worker that picks up the queued
    task afterwards finds it done). A document a worker is rendering right now comes back "rendering".
    """
    document = plan_document_request(plan=plan, snapshot=snapshot, requested_by=requested_by)
    if document.state == PlanDocument.State.QUEUED:
        document = plan_document_render(document_id=document.pk, task_id="sync") or document
    return document


# --- Reads for the PDF page --------------------------------------------------------------------


@dataclass(frozen=True)
class PlanDocumentRow:
    """One line on the plan's PDF page: the current draft or a snapshot, with its document if any."""

    key: str
    label: str
    snapshot: PlanSnapshot | None
    document: PlanDocument | None
    is_adopted: bool


def plan_document_rows(*, plan: Plan) -> list[PlanDocumentRow]:
    """The current draft first, then every snapshot (newest first), each with its current-version PDF."""
    draft_hash = plan_pdf_content_hash(data=plan_pdf_data(plan=plan))
    documents = PlanDocument.objects.filter(plan=plan, template_version=TEMPLATE_VERSION)
    draft_document = documents.filter(snapshot__isnull=True, content_hash=draft_hash).first()
    by_snapshot = {d.snapshot_id: d for d in documents.filter(snapshot__isnull=False)}
    rows = [
        PlanDocumentRow(
            key="udkast", label=_("Aktuelt udkast"), snapshot=None, document=draft_document, is_adopted=False
        )
    ]
    for snapshot in plan.snapshots.order_by("-created_at", "-pk"):
        rows.append(
            PlanDocumentRow(
                key=f"version-{snapshot.pk}",
                label=snapshot.name,
                snapshot=snapshot,
                document=by_snapshot.get(snapshot.pk),
                is_adopted=not plan_pdf_is_draft(snapshot=snapshot),
            )
        )
    return rows
