"""Rendered PDFs of a plan: one row per (snapshot, template version) or (draft content, template version)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from planning.plans.models import Plan, PlanSnapshot


def plan_document_upload_to(instance: "PlanDocument", filename: str) -> str:
    return f"plan-pdf/{instance.plan_id}/{filename}"


class PlanDocument(models.Model):
    """A PDF of a snapshot (or of the current draft, keyed by its content hash) in one template version.

    The unique constraints are what make rendering idempotent: asking twice for the same snapshot (or the
    same unchanged draft) finds the existing row instead of rendering again.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RENDERING = "rendering", _("Dannes")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents", verbose_name=_("plan"))
    snapshot = models.ForeignKey(
        PlanSnapshot,
        on_delete=models.CASCADE,
        related_name="documents",
        null=True,
        blank=True,
        verbose_name=_("navngiven version"),
        help_text=_("Tom for det aktuelle udkast."),
    )
    template_version = models.CharField(_("skabelonversion"), max_length=20)
    content_hash = models.CharField(_("indholdets fingeraftryk"), max_length=64)
    state = models.CharField(_("tilstand"), max_length=20, choices=State.choices, default=State.QUEUED)
    task_id = models.CharField(_("opgave-id"), max_length=100, blank=True)
    error_message = models.CharField(_("fejlbesked"), max_length=500, blank=True)
    file = models.FileField(_("fil"), upload_to=plan_document_upload_to, blank=True)
    page_count = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestilt af"),
    )
    created_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    started_at = models.DateTimeField(_("startet"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "-created_at", "-pk"]
        verbose_name = _("PDF af plan")
        verbose_name_plural = _("PDF'er af planer")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "template_version"],
                condition=models.Q(snapshot__isnull=False),
                name="plandocument_unique_snapshot_version",
            ),
            models.UniqueConstraint(
                fields=["plan", "content_hash", "template_version"],
                condition=models.Q(snapshot__isnull=True),
                name="plandocument_unique_draft_content_version",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="done") | ~models.Q(file=""),
                name="plandocument_done_has_file",
            ),
        ]

    def __str__(self) -> str:
        version = self.snapshot.name if self.snapshot_id else _("aktuelt udkast")
        return f"{self.plan}: {version} ({self.get_state_display()})"
