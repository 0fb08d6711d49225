"""The hearing (høring) of a draft plan, its responses and the white paper (hvidbog)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planning.common.states import StateMachine
from planning.plans.models import Plan, PlanSnapshot, Section, SectionRevision


class Hearing(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        OPEN = "open", _("I høring")
        CLOSED = "closed", _("Afsluttet")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="hearings", verbose_name=_("plan"))
    snapshot = models.ForeignKey(
        PlanSnapshot,
        on_delete=models.PROTECT,
        related_name="hearings",
        verbose_name=_("høringsversion"),
        null=True,
        blank=True,
    )
    title = models.CharField(_("titel"), max_length=300)
    deadline = models.DateTimeField(_("høringsfrist"))
    intro = models.TextField(_("indledning"), blank=True)
    state = models.CharField(_("tilstand"), max_length=20, choices=State.choices, default=State.DRAFT)
    is_published = models.BooleanField(
        _("offentlig høringsside"),
        default=False,
        help_text=_("Viser høringen og svar fra parter, der har givet samtykke, uden login."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oprettet af")
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    opened_at = models.DateTimeField(_("sendt i høring"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "-created_at"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(snapshot__isnull=False),
                name="hearing_open_has_snapshot",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hearing-detail", kwargs={"pk": self.pk})


class HearingParty(models.Model):
    """An invited party (høringspart). Its personal link carries a signed token; see services/hearings."""

    class Kind(models.TextChoices):
        PATIENT_COMMITTEE = "patient_committee", _("Regionens patient- og pårørendeudvalg")
        LOCAL_PATIENT_ORGS = "local_patient_orgs", _("Relevante lokale patientorganisationer")
        MUNICIPALITY = "municipality", _("Kommune")
        GP_ORGANISATION = "gp_organisation", _("Praktiserende Lægers Organisation (PLO)")
        CIVIL_SOCIETY = "civil_society", _("Civilsamfundsorganisation")
        NEIGHBOUR_COUNCIL = "neighbour_council", _("Nabosundhedsråd")
        OTHER = "other", _("Anden part")

    STATUTORY_KINDS = (Kind.PATIENT_COMMITTEE, Kind.LOCAL_PATIENT_ORGS)

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="parties", verbose_name=_("høring")
    )
    name = models.CharField(_("navn"), max_length=300)
    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    note = models.TextField(_("note"), blank=True)
    municipality = models.ForeignKey(
        "councils.Municipality", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    consent_to_publication = models.BooleanField(_("samtykke til offentliggørelse"), default=False)
    # The personal link is a django.core.signing value of (party, nonce); a new nonce revokes old links.
    token_nonce = models.CharField(max_length=64, unique=True)
    token_expires_at = models.DateTimeField(_("link udløber"))
    token_revoked_at = models.DateTimeField(_("link tilbagekaldt"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invitation sendt"), null=True, blank=True)
    # The deadline this party was last told about after an extension (claims the e-mail exactly once).
    extension_notified_for = models.DateTimeField(_("orienteret om ny frist"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["hearing", "name"]
        verbose_name = _("høringspart")
        verbose_name_plural = _("høringsparter")
        constraints = [
            models.UniqueConstraint(fields=["hearing", "name"], name="hearingparty_unique_name"),
            models.CheckConstraint(
                condition=~models.Q(kind="local_patient_orgs") | ~models.Q(note=""),
                name="hearingparty_local_orgs_have_note",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_statutory(self) -> bool:
        return self.kind in self.STATUTORY_KINDS


class HearingResponse(models.Model):
    """One version of a party's response; a replacement points the old version at the new one."""

    party = models.ForeignKey(
        HearingParty, on_delete=models.CASCADE, related_name="responses", verbose_name=_("høringspart")
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("tekst"), blank=True)
    sections = models.ManyToManyField(Section, related_name="+", blank=True, verbose_name=_("afsnit"))

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Via høringssiden")
        EMAIL = "email", _("Pr. e-mail")
        POST = "post", _("Pr. brev")

    submitted_at = models.DateTimeField(_("modtaget"))
    is_late = models.BooleanField(_("for sent"), default=False)
    channel = models.CharField(_("modtaget"), max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("erstattet af"),
    )
    receipt_sent_at = models.DateTimeField(_("kvittering sendt"), null=True, blank=True)

    class Meta:
        ordering = ["party", "-version"]
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")
        constraints = [
            models.UniqueConstraint(fields=["party", "version"], name="hearingresponse_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.party} (v{self.version})"

    @property
    def is_current(self) -> bool:
        return self.replaced_by_id is None


def _attachment_path(instance: "ResponseAttachment", filename: str) -> str:
    return f"hearings/{instance.response.party.hearing_id}/{instance.response.party_id}/{filename}"


class ResponseAttachment(models.Model):
    response = models.ForeignKey(
        HearingResponse, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("svar")
    )
    file = models.FileField(_("fil"), upload_to=_attachment_path, max_length=500)
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse"))

    class Meta:
        ordering = ["response", "pk"]
        verbose_name = _("bilag til høringssvar")
        verbose_name_plural = _("bilag til høringssvar")

    def __str__(self) -> str:
        return self.original_name


class HearingReminder(models.Model):
    """The exactly-once record of a reminder: one row per (party, days before the deadline)."""

    party = models.ForeignKey(HearingParty, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField(_("dage før fristen"))
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        ordering = ["party", "-days_before"]
        verbose_name = _("høringspåmindelse")
        verbose_name_plural = _("høringspåmindelser")
        constraints = [
            models.UniqueConstraint(fields=["party", "days_before"], name="hearingreminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.days_before}"


class WhitePaper(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        FINAL = "final", _("Endelig")

    hearing = models.OneToOneField(
        Hearing, on_delete=models.CASCADE, related_name="white_paper", verbose_name=_("høring")
    )
    state = models.CharField(_("tilstand"), max_length=20, choices=State.choices, default=State.DRAFT)
    finalised_at = models.DateTimeField(_("gjort endelig"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = _("hvidbog")
        verbose_name_plural = _("hvidbøger")

    def __str__(self) -> str:
        return f"{_('Hvidbog')}: {self.hearing}"


class WhitePaperPoint(models.Model):
    class Disposition(models.TextChoices):
        ACCEPTED = "accepted", _("Imødekommet")
        PARTLY = "partly", _("Delvist imødekommet")
        REJECTED = "rejected", _("Ikke imødekommet")
        NOTED = "noted", _("Taget til efterretning")

    white_paper = models.ForeignKey(
        WhitePaper, on_delete=models.CASCADE, related_name="points", verbose_name=_("hvidbog")
    )
    response = models.ForeignKey(
        HearingResponse, on_delete=models.PROTECT, related_name="points", verbose_name=_("høringssvar")
    )
    segment = models.TextField(_("uddrag af svaret"))
    sections = models.ManyToManyField(Section, related_name="+", blank=True, verbose_name=_("afsnit"))
    disposition = models.CharField(_("stillingtagen"), max_length=20, choices=Disposition.choices, blank=True)
    reasoning = models.TextField(_("rådets bemærkning"), blank=True)
    changed_revision = models.ForeignKey(
        SectionRevision,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("ændret i version"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["white_paper", "pk"]
        verbose_name = _("punkt i hvidbogen")
        verbose_name_plural = _("punkter i hvidbogen")

    def __str__(self) -> str:
        return self.segment[:60]


HEARING_STATE = StateMachine(
    name="hearing",
    model_label=_("høringen"),
    field="state",
    choices=Hearing.State,
    transitions={
        Hearing.State.DRAFT: {Hearing.State.OPEN},
        Hearing.State.OPEN: {Hearing.State.CLOSED},
        Hearing.State.CLOSED: set(),
    },
)

WHITE_PAPER_STATE = StateMachine(
    name="white_paper",
    model_label=_("hvidbogen"),
    field="state",
    choices=WhitePaper.State,
    transitions={WhitePaper.State.DRAFT: {WhitePaper.State.FINAL}, WhitePaper.State.FINAL: set()},
)
