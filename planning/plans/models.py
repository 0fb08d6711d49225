"""The nærsundhedsplan: plan, ordered sections, immutable revisions, named snapshots and its history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import HealthCouncil
from planning.common.states import StateMachine


class StatutoryArea(models.TextChoices):
    """The five statutory content areas of a nærsundhedsplan (Håndbog om sundhedsråd, quoted in 002)."""

    A = "a", _("a. Lokal planlægning og udvikling af regionale sundhedstilbud i somatik og psykiatri")
    B = "b", _("b. Udadvendte sygehuse")
    C = "c", _("c. Samspil med kommunale tilbud til mennesker med psykisk sygdom")
    D = "d", _("d. Understøttelse af kommunale sundhedstilbud")
    E = "e", _("e. Lokal planlægning og udvikling af det almenmedicinske tilbud")


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        IN_HEARING = "in_hearing", _("I høring")
        ADOPTED = "adopted", _("Vedtaget")
        SUPERSEDED = "superseded", _("Erstattet")

    council = models.ForeignKey(
        HealthCouncil, on_delete=models.PROTECT, related_name="plans", verbose_name=_("sundhedsråd")
    )
    title = models.CharField(_("titel"), max_length=300)
    period_start_year = models.PositiveSmallIntegerField(_("periode fra"))
    period_end_year = models.PositiveSmallIntegerField(_("periode til"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    national_plan_reference = models.CharField(
        _("bygger på national sundhedsplan"), max_length=300, blank=True
    )
    regional_plan_reference = models.CharField(
        _("bygger på regional sundhedsplan"), max_length=300, blank=True
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("ændrer den vedtagne plan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oprettet af")
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    class Meta:
        ordering = ["council", "-period_start_year", "title"]
        verbose_name = _("nærsundhedsplan")
        verbose_name_plural = _("nærsundhedsplaner")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end_year__gte=models.F("period_start_year")),
                name="plan_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan-detail", kwargs={"pk": self.pk})

    @property
    def period_label(self) -> str:
        return f"{self.period_start_year}–{self.period_end_year}"


class Section(models.Model):
    class Kind(models.TextChoices):
        STATUTORY = "statutory", _("Lovbestemt indholdsområde")
        THEME = "theme", _("Tema")
        FREE = "free", _("Frit afsnit")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections", verbose_name=_("plan"))
    position = models.PositiveIntegerField(_("placering"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.FREE)
    statutory_area = models.CharField(
        _("lovbestemt område"), max_length=1, choices=StatutoryArea.choices, blank=True
    )
    title = models.CharField(_("overskrift"), max_length=300)
    # Points at the newest revision: the optimistic lock compares the editor's base revision with it.
    current_revision = models.ForeignKey(
        "SectionRevision", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    is_removed = models.BooleanField(_("fjernet"), default=False)
    removed_at = models.DateTimeField(_("fjernet den"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="statutory") | ~models.Q(statutory_area=""),
                name="section_statutory_has_area",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SectionRevision(models.Model):
    """One saved version of a section's text. Never changed after it is written."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("afsnit")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("overskrift"), max_length=300)
    text = models.TextField(_("tekst"), blank=True, help_text=_("Renset HTML."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("forfatter")
    )
    created_at = models.DateTimeField(_("gemt"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["section", "number"]
        verbose_name = _("version af afsnit")
        verbose_name_plural = _("versioner af afsnit")
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="sectionrevision_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A section revision is immutable once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A section revision is immutable and cannot be deleted.")


class Goal(models.Model):
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="goals", verbose_name=_("afsnit")
    )
    position = models.PositiveIntegerField(_("placering"), default=0)
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["section", "position", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.title


class Initiative(models.Model):
    class Responsible(models.TextChoices):
        REGION = "region", _("Region")
        MUNICIPALITY = "municipality", _("Kommune")
        GENERAL_PRACTICE = "general_practice", _("Almen praksis")
        SHARED = "shared", _("Fælles")

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="initiatives", verbose_name=_("afsnit")
    )
    position = models.PositiveIntegerField(_("placering"), default=0)
    title = models.CharField(_("indsats"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    responsible = models.CharField(_("ansvarlig"), max_length=20, choices=Responsible.choices)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("slut"), null=True, blank=True)
    indicator = models.CharField(_("indikator"), max_length=300, blank=True)
    statutory_area = models.CharField(
        _("lovbestemt område"), max_length=1, choices=StatutoryArea.choices, blank=True
    )
    national_goal_reference = models.CharField(
        _("mål i den nationale sundhedsplan"), max_length=300, blank=True
    )

    class Meta:
        ordering = ["section", "position", "pk"]
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="initiative_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class PlanSnapshot(models.Model):
    """A named, frozen version of the whole plan ("Udkast til høring", "Vedtaget", ...)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("plan"))
    name = models.CharField(_("navn"), max_length=200)
    plan_status = models.CharField(_("planens status"), max_length=20, choices=Plan.Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oprettet af")
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "-created_at"]
        verbose_name = _("navngiven version")
        verbose_name_plural = _("navngivne versioner")

    def __str__(self) -> str:
        return f"{self.plan}: {self.name}"


class SnapshotEntry(models.Model):
    """One section as it stood in a snapshot: the revision, its number and its goals and initiatives."""

    snapshot = models.ForeignKey(PlanSnapshot, on_delete=models.CASCADE, related_name="entries")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="+")
    revision = models.ForeignKey(SectionRevision, on_delete=models.PROTECT, related_name="+", null=True)
    position = models.PositiveIntegerField()
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    statutory_area = models.CharField(max_length=1, choices=StatutoryArea.choices, blank=True)
    goals = models.JSONField(default=list)
    initiatives = models.JSONField(default=list)

    class Meta:
        ordering = ["snapshot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "section"], name="snapshotentry_unique_section"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PlanEvent(models.Model):
    """Append-only history of everything that happens to a plan."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Plan oprettet")
        SECTION_ADDED = "section_added", _("Afsnit tilføjet")
        SECTION_RENAMED = "section_renamed", _("Afsnit omdøbt")
        SECTION_MOVED = "section_moved", _("Afsnit flyttet")
        SECTION_REMOVED = "section_removed", _("Afsnit fjernet")
        SECTION_RESTORED = "section_restored", _("Afsnit genskabt")
        SECTION_CONFLICT = "section_conflict", _("Redigeringskonflikt: ikke-gemt tekst bevaret")
        SECTION_SAVED = "section_saved", _("Afsnit gemt")
        GOAL_CHANGED = "goal_changed", _("Mål ændret")
        INITIATIVE_CHANGED = "initiative_changed", _("Indsats ændret")
        SNAPSHOT_CREATED = "snapshot_created", _("Navngiven version oprettet")
        STATUS_CHANGED = "status_changed", _("Status ændret")
        DETAILS_CHANGED = "details_changed", _("Planoplysninger ændret")
        AMENDMENT_STARTED = "amendment_started", _("Ændring af planen startet")
        PROPOSAL_ACCEPTED = "proposal_accepted", _("Ændringsforslag indarbejdet")
        PROPOSAL_REJECTED = "proposal_rejected", _("Ændringsforslag afvist")
        HEARING_OPENED = "hearing_opened", _("Høring åbnet")
        HEARING_EXTENDED = "hearing_extended", _("Høringsfrist forlænget")
        HEARING_CLOSED = "hearing_closed", _("Høring afsluttet")
        HEARING_PUBLICATION_CHANGED = (
            "hearing_publication_changed",
            _("Offentliggørelse af høringssvar ændret"),
        )
        HEARING_LINK_REVOKED = "hearing_link_revoked", _("Høringslink spærret")
        HEARING_LINK_REISSUED = "hearing_link_reissued", _("Nyt høringslink sendt")
        RESPONSE_RECEIVED = "response_received", _("Høringssvar modtaget")
        DISPOSITION_SET = "disposition_set", _("Hvidbogens stillingtagen ændret")
        WHITE_PAPER_FINALISED = "white_paper_finalised", _("Hvidbog gjort endelig")
        ADVICE_RECORDED = "advice_recorded", _("Sundhedsstyrelsens rådgivning registreret")
        ADOPTION_OVERRIDDEN = "adoption_overridden", _("Vedtagelse trods manglende trin (administrator)")
        ADOPTED = "adopted", _("Plan vedtaget")
        MEETING_DECISION = "meeting_decision", _("Beslutning på møde")
        STOP_RIGHT_USED = "stop_right_used", _("Standsningsret brugt")
        STOP_RIGHT_RESOLVED = "stop_right_resolved", _("Standsningsret afgjort")
        PROCESS_PLAN_CREATED = "process_plan_created", _("Procesplan oprettet")
        PROCESS_SETTINGS_CHANGED = "process_settings_changed", _("Procesplanens indstillinger ændret")
        PROCESS_PLAN_ADOPTED = "process_plan_adopted", _("Procesplan vedtaget")
        MILESTONE_CHANGED = "milestone_changed", _("Milepæl ændret")
        PHASE_CHANGED = "phase_changed", _("Fase ændret")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events", verbose_name=_("plan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("bruger"),
    )
    kind = models.CharField(_("hændelse"), max_length=40, choices=Kind.choices)
    data = models.JSONField(_("detaljer"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hændelse")
        verbose_name_plural = _("hændelser")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"


# Draft → in hearing → (closed) draft → adopted → superseded (by an adopted amendment). A draft may be
# adopted only through plan_adopt's gates or an administrator's logged override; nothing leaves "adopted"
# except being superseded, so an adopted plan is never edited: changes go to an amendment (a new draft).
PLAN_STATUS = StateMachine(
    name="plan",
    model_label=_("planen"),
    field="status",
    choices=Plan.Status,
    transitions={
        Plan.Status.DRAFT: {Plan.Status.IN_HEARING, Plan.Status.ADOPTED, Plan.Status.SUPERSEDED},
        Plan.Status.IN_HEARING: {Plan.Status.DRAFT},
        Plan.Status.ADOPTED: {Plan.Status.SUPERSEDED},
        Plan.Status.SUPERSEDED: set(),
    },
)
