"""The reform's timeline and money: national milestones and the construction-fund allocation."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from councils.models import HealthCouncil, Region


class Milestone(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("Dag")
        MONTH = "month", _("Måned")
        HALF_YEAR = "half_year", _("Halvår")

    class Scope(models.TextChoices):
        NATIONAL = "national", _("Nationalt")
        REGION = "region", _("Region")
        COUNCIL = "council", _("Sundhedsråd")

    key = models.SlugField(_("nøgle"), max_length=120, unique=True, help_text=_("Stabil nøgle til import."))
    date = models.DateField(
        _("dato"), help_text=_("Første dag i perioden når præcisionen er måned eller halvår.")
    )
    precision = models.CharField(
        _("præcision"), max_length=20, choices=Precision.choices, default=Precision.DAY
    )
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    source_document = models.CharField(_("kilde"), max_length=300, blank=True)
    scope = models.CharField(_("omfang"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL)
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("region")
    )
    council = models.ForeignKey(
        HealthCouncil, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("sundhedsråd")
    )
    is_statutory_deadline = models.BooleanField(_("lovbestemt frist"), default=False)

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("milepæl i reformen")
        verbose_name_plural = _("milepæle i reformen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="national", region__isnull=True, council__isnull=True)
                    | models.Q(scope="region", region__isnull=False, council__isnull=True)
                    | models.Q(scope="council", council__isnull=False)
                ),
                name="milestone_scope_matches_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class FundingAllocation(models.Model):
    council = models.ForeignKey(
        HealthCouncil,
        on_delete=models.CASCADE,
        related_name="funding_allocations",
        verbose_name=_("sundhedsråd"),
    )
    programme = models.CharField(_("pulje"), max_length=200)
    amount_million_dkk = models.DecimalField(_("beløb (mio. kr.)"), max_digits=10, decimal_places=2)
    per_citizen_dkk = models.PositiveIntegerField(_("kr. pr. borger"), null=True, blank=True)
    period_start_year = models.PositiveSmallIntegerField(_("fra år"))
    period_end_year = models.PositiveSmallIntegerField(_("til år"))
    source_document = models.CharField(_("kilde"), max_length=300, blank=True)

    class Meta:
        ordering = ["council", "programme"]
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "programme"], name="funding_unique_per_council_programme"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end_year__gte=models.F("period_start_year")),
                name="funding_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council.name}: {self.programme}"
