"""Sundhedsstyrelsen's advice and the council's adoption of the plan: the end of the first cycle."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from planning.plans.models import Plan, PlanSnapshot


def _advice_path(instance: "SundhedsstyrelsenAdvice", filename: str) -> str:
    return f"advice/{instance.plan_id}/{filename}"


class SundhedsstyrelsenAdvice(models.Model):
    """Sundhedsstyrelsen's advice, which must be obtained before final adoption (DOMAIN §3)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="sst_advice", verbose_name=_("plan")
    )
    received_on = models.DateField(_("dato"))
    text = models.TextField(_("rådgivningen"))
    document = models.FileField(_("dokument"), upload_to=_advice_path, blank=True, max_length=500)
    document_name = models.CharField(_("filnavn"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-received_on", "-pk"]
        verbose_name = _("rådgivning fra Sundhedsstyrelsen")
        verbose_name_plural = _("rådgivning fra Sundhedsstyrelsen")

    def __str__(self) -> str:
        return f"{self.plan}: {self.received_on}"


class PlanAdoption(models.Model):
    """The council's decision adopting the plan; the lead links it to the meeting's agenda item."""

    plan = models.OneToOneField(
        Plan, on_delete=models.PROTECT, related_name="adoption", verbose_name=_("plan")
    )
    adopted_on = models.DateField(_("vedtaget den"))
    meeting = models.CharField(_("møde"), max_length=300)
    decision_text = models.TextField(_("beslutning"))
    # The agenda item whose decision (with its vote and minutes) adopted the plan, when the meeting is
    # kept in the portal.
    agenda_item = models.ForeignKey(
        "planning.AgendaItem",
        on_delete=models.PROTECT,
        related_name="plan_adoptions",
        verbose_name=_("dagsordenspunkt"),
        null=True,
        blank=True,
    )
    snapshot = models.ForeignKey(
        PlanSnapshot, on_delete=models.PROTECT, related_name="+", verbose_name=_("vedtaget version")
    )
    override_reason = models.TextField(_("begrundelse for tilsidesættelse"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vedtagelse")
        verbose_name_plural = _("vedtagelser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(override_by__isnull=True) | ~models.Q(override_reason=""),
                name="planadoption_override_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.adopted_on}"
