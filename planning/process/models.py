"""The process plan of a nærsundhedsplan: phases, milestones, reminder deliveries and calendar feed tokens."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import HealthCouncil
from planning.plans.models import Plan


def default_reminder_offsets() -> list[int]:
    return [14, 7, 1]


class ProcessPlan(models.Model):
    """One per plan: the council's settings for the process and the council's decision adopting it."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="process_plan", verbose_name=_("plan")
    )
    min_hearing_weeks = models.PositiveSmallIntegerField(_("mindste høringsperiode (uger)"), default=4)
    reminder_offsets = models.JSONField(
        _("påmindelser (dage før)"), default=default_reminder_offsets, blank=True
    )
    wants_advice_on_final_draft = models.BooleanField(
        _("rådgivning fra Sundhedsstyrelsen på det endelige udkast"),
        default=True,
        help_text=_("Så skal høringen være afsluttet, før rådgivningen indhentes."),
    )
    adopted_on = models.DateField(_("procesplan vedtaget den"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    adoption_note = models.CharField(_("beslutning"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    class Meta:
        verbose_name = _("procesplan")
        verbose_name_plural = _("procesplaner")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_hearing_weeks__gte=1), name="processplan_min_hearing_positive"
            )
        ]

    def __str__(self) -> str:
        return f"Procesplan for {self.plan}"

    def get_absolute_url(self) -> str:
        return reverse("process-detail", kwargs={"pk": self.plan_id})


class Phase(models.Model):
    process_plan = models.ForeignKey(
        ProcessPlan, on_delete=models.CASCADE, related_name="phases", verbose_name=_("procesplan")
    )
    position = models.PositiveIntegerField(_("placering"), default=0)
    name = models.CharField(_("navn"), max_length=200)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("slut"))
    description = models.TextField(_("beskrivelse"), blank=True)
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("ansvarlige")
    )

    class Meta:
        ordering = ["process_plan", "start_date", "position", "pk"]
        verbose_name = _("fase")
        verbose_name_plural = _("faser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="phase_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProcessMilestone(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Rådsmøde")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Konference")
        HEARING_OPENS = "hearing_opens", _("Høring starter")
        HEARING_CLOSES = "hearing_closes", _("Høringsfrist")
        ADVICE = "advice", _("Rådgivning fra Sundhedsstyrelsen")
        ADOPTION = "adoption", _("Vedtagelse")
        OTHER = "other", _("Andet")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        DONE = "done", _("Gennemført")
        LATE = "late", _("Forsinket")

    process_plan = models.ForeignKey(
        ProcessPlan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("procesplan")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("titel"), max_length=200)
    # Aware datetimes; shown and computed in Europe/Copenhagen. For advice: start = requested, end = received.
    starts_at = models.DateTimeField(_("start"), db_index=True)
    ends_at = models.DateTimeField(_("slut"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("ansvarlige")
    )
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    class Meta:
        ordering = ["process_plan", "starts_at", "pk"]
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæle")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="processmilestone_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ReminderDelivery(models.Model):
    """The exactly-once claim: one row per (milestone, recipient, kind, offset), inserted before sending.

    For reminders `offset_days` is the number of days before the milestone (14, 7, 1); for overdue
    notices it is minus the number of days the milestone is overdue (-1, -2, ...), one a day.
    """

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Påmindelse")
        OVERDUE = "overdue", _("Overskredet")

    milestone = models.ForeignKey(
        ProcessMilestone, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("milepæl")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("modtager")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    offset_days = models.IntegerField(_("dage før"))
    for_date = models.DateField(_("dato for udsendelse"))
    claim = models.UUIDField(_("kørsel"), db_index=True)
    notification = models.ForeignKey(
        "planning.Notification", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("udsendt påmindelse")
        verbose_name_plural = _("udsendte påmindelser")
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "recipient", "kind", "offset_days"], name="reminderdelivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.milestone} → {self.recipient} ({self.kind} {self.offset_days})"


def calendar_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedToken(models.Model):
    """An unguessable, revocable iCal feed address, for one council or for one user.

    Only the SHA-256 of the token is stored: the address is shown once when it is made.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("begynder med"), max_length=8)
    council = models.ForeignKey(
        HealthCouncil,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_tokens",
        verbose_name=_("sundhedsråd"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_tokens",
        verbose_name=_("bruger"),
    )
    label = models.CharField(_("betegnelse"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("kalenderadresse")
        verbose_name_plural = _("kalenderadresser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(council__isnull=False, user__isnull=True)
                | models.Q(council__isnull=True, user__isnull=False),
                name="calendarfeedtoken_one_scope",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.council or self.user})"
