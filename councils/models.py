"""Who exists in the reform: regions, municipalities, health councils and their members."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    population_millions = models.DecimalField(
        _("befolkning (mio.)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    regional_council_size = models.PositiveSmallIntegerField(
        _("medlemmer af regionsrådet"), null=True, blank=True
    )
    seat = models.CharField(_("hovedsæde"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")
        permissions = [("view_region_overview", _("Kan se overblikket over regionens sundhedsråd"))]

    def __str__(self) -> str:
        return f"Region {self.name}"


class HealthCouncil(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="councils", verbose_name=_("region")
    )
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    population_thousands = models.PositiveIntegerField(_("befolkning (tusinder)"), null=True, blank=True)
    published_member_count = models.PositiveSmallIntegerField(
        _("offentliggjort antal medlemmer"), null=True, blank=True
    )

    class Meta:
        ordering = ["region__name", "name"]
        verbose_name = _("sundhedsråd")
        verbose_name_plural = _("sundhedsråd")
        permissions = [
            ("access_council", _("Kan se rådets interne sider og planer")),
            ("manage_council", _("Kan redigere rådets planer og processer (sekretariat)")),
        ]

    def __str__(self) -> str:
        return f"Sundhedsråd {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("council-detail", kwargs={"slug": self.slug})


class CouncilAlias(models.Model):
    """Another name the sources use for a council, e.g. "Sjælland og øerne" (004, figure 20)."""

    council = models.ForeignKey(HealthCouncil, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=100, unique=True)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("alternativt rådsnavn")
        verbose_name_plural = _("alternative rådsnavne")

    def __str__(self) -> str:
        return f"{self.alias} → {self.council.name}"


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    # A municipality belongs to exactly one council: the foreign key makes two impossible.
    council = models.ForeignKey(
        HealthCouncil,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("sundhedsråd"),
        null=True,
        blank=True,
    )
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    population = models.PositiveIntegerField(
        _("indbyggertal"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    published_two_votes = models.BooleanField(
        _("har 2 stemmer (offentliggjort)"),
        default=False,
        help_text=_("Bruges når indbyggertallet ikke er kendt."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return f"{self.name} Kommune"


class CouncilMember(models.Model):
    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regionsrådsmedlem")
        MUNICIPAL = "municipal", _("Kommunalt medlem")
        OBSERVER = "observer", _("Observatør")

    council = models.ForeignKey(
        HealthCouncil, on_delete=models.CASCADE, related_name="members", verbose_name=_("sundhedsråd")
    )
    name = models.CharField(_("navn"), max_length=200)
    party_letter = models.CharField(_("partibogstav"), max_length=3, blank=True)
    # Blank means "not yet known": the composition check then reports the roster as incomplete.
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="council_members",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
    )
    is_chair = models.BooleanField(_("formand"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="council_memberships",
        verbose_name=_("brugerkonto"),
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["council", "name"]
        verbose_name = _("rådsmedlem")
        verbose_name_plural = _("rådsmedlemmer")
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="councilmember_unique_name_per_council"),
            models.CheckConstraint(
                condition=~models.Q(kind="municipal") | models.Q(municipality__isnull=False),
                name="councilmember_municipal_has_municipality",
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(is_chair=True),
                name="councilmember_one_chair_per_council",
                violation_error_message=_("Sundhedsrådet har allerede en formand."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.party_letter}" if self.party_letter else self.name
