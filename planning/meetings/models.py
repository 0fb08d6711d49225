"""Council meetings: agendas, agenda items, votes, the stop right, minutes with approvals, and the
question scheme (spørgeordning), modelled on the real minutes of Sundhedsråd Sønderjylland (seed 002)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import CouncilMember, HealthCouncil
from planning.common.states import StateMachine
from planning.plans.models import Plan, PlanSnapshot

CASE_NUMBER_VALIDATOR = RegexValidator(
    regex=r"^\d{2}/\d{1,6}$",
    message=_("Sagsnummeret skal have formen ÅÅ/NNNNN, fx 26/10588."),
)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinært møde")
        EXTRAORDINARY = "extraordinary", _("Ekstraordinært møde")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Konference")
        VISIT = "visit", _("Besøg")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        AGENDA_PUBLISHED = "agenda_published", _("Dagsorden offentliggjort")
        HELD = "held", _("Afholdt")
        MINUTES_APPROVED = "minutes_approved", _("Referat godkendt")

    class ApprovalRule(models.TextChoices):
        ALL_PRESENT = "all_present", _("Godkendes af alle tilstedeværende")
        NEXT_MEETING = "next_meeting", _("Godkendes på næste møde")

    council = models.ForeignKey(
        HealthCouncil, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("sundhedsråd")
    )
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starttidspunkt"))
    end_time = models.TimeField(_("sluttidspunkt"), null=True, blank=True)
    place = models.CharField(_("mødested"), max_length=300, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    approval_rule = models.CharField(
        _("godkendelse af referat"),
        max_length=20,
        choices=ApprovalRule.choices,
        default=ApprovalRule.ALL_PRESENT,
    )
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    agenda_published_at = models.DateTimeField(_("dagsorden offentliggjort"), null=True, blank=True)
    minutes_approved_at = models.DateTimeField(_("referat godkendt"), null=True, blank=True)
    minutes_approved_at_meeting = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referat godkendt på mødet"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["council", "date", "start_time"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True) | models.Q(end_time__gt=models.F("start_time")),
                name="meeting_times_ordered",
            ),
            models.UniqueConstraint(
                fields=["council", "date", "start_time", "kind"], name="meeting_unique_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council}: {self.get_kind_display()} {self.date:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("meeting-detail", kwargs={"slug": self.council.slug, "pk": self.pk})


class MeetingParticipant(models.Model):
    class Attendance(models.TextChoices):
        PRESENT = "present", _("Til stede")
        ABSENT = "absent", _("Afbud")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("møde")
    )
    member = models.ForeignKey(
        CouncilMember,
        on_delete=models.PROTECT,
        related_name="meeting_participations",
        verbose_name=_("medlem"),
    )
    attendance = models.CharField(
        _("fremmøde"), max_length=10, choices=Attendance.choices, default=Attendance.PRESENT
    )

    class Meta:
        ordering = ["meeting", "member__name"]
        verbose_name = _("mødedeltager")
        verbose_name_plural = _("mødedeltagere")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="meetingparticipant_unique_member"),
        ]

    def __str__(self) -> str:
        return str(self.member)

    @property
    def is_present(self) -> bool:
        return self.attendance == self.Attendance.PRESENT


class AgendaItem(models.Model):
    class Recommendation(models.TextChoices):
        DECISION = "decision", _("Til beslutning")
        DISCUSSION = "discussion", _("Til drøftelse")
        INFORMATION = "information", _("Til orientering")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("møde")
    )
    number = models.PositiveSmallIntegerField(_("punkt nr."))
    case_number = models.CharField(
        _("sagsnummer"), max_length=10, blank=True, validators=[CASE_NUMBER_VALIDATOR]
    )
    title = models.CharField(_("titel"), max_length=300)
    is_closed = models.BooleanField(_("lukket punkt"), default=False, help_text=_("Kun titlen er offentlig."))
    resume = models.TextField(_("resumé"), blank=True)
    case_presentation = models.TextField(_("sagsfremstilling"), blank=True, help_text=_("Renset HTML."))
    recommendation_kind = models.CharField(
        _("indstilling"), max_length=20, choices=Recommendation.choices, default=Recommendation.DECISION
    )
    proposals = models.TextField(
        _("indstillingens forslag"), blank=True, help_text=_("Ét forslag pr. linje: »At sundhedsrådet …«.")
    )
    guests = models.TextField(_("deltager under punktet"), blank=True)
    decision_text = models.TextField(_("beslutning"), blank=True)
    decision_date = models.DateField(_("beslutningsdato"), null=True, blank=True)
    decided_by_vote = models.BooleanField(_("afgjort ved afstemning"), default=False)
    unanimous = models.BooleanField(_("enstemmigt"), default=False)
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("nærsundhedsplan"),
    )
    snapshot = models.ForeignKey(
        PlanSnapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("navngiven version"),
    )
    # A hearing's item links to the hearing and so to its white paper (hvidbog).
    hearing = models.ForeignKey(
        "planning.Hearing",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("høring og hvidbog"),
    )
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agendaitem_unique_number"),
            models.CheckConstraint(
                condition=~models.Q(decided_by_vote=True, unanimous=True), name="agendaitem_vote_or_unanimous"
            ),
        ]

    def __str__(self) -> str:
        return f"Punkt {self.number}: {self.title}"

    @property
    def proposal_lines(self) -> list[str]:
        return [line.strip() for line in self.proposals.splitlines() if line.strip()]

    @property
    def is_decided(self) -> bool:
        return bool(self.decision_text.strip())


def attachment_upload_to(instance: "Attachment", filename: str) -> str:
    return f"meetings/{instance.item.meeting_id}/bilag/{filename}"


class Attachment(models.Model):
    """Bilag: an uploaded file (PDF, DOCX or ODT, validated by content)."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("punkt")
    )
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=attachment_upload_to)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveIntegerField(_("størrelse (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploadet af")
    )
    uploaded_at = models.DateTimeField(_("uploadet"), auto_now_add=True)

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Imod")
        ABSTAIN = "abstain", _("Undlod at stemme")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("punkt")
    )
    participant = models.ForeignKey(
        MeetingParticipant, on_delete=models.PROTECT, related_name="votes", verbose_name=_("deltager")
    )
    choice = models.CharField(_("stemme"), max_length=10, choices=Choice.choices)
    weight = models.PositiveSmallIntegerField(_("stemmevægt"))

    class Meta:
        ordering = ["item", "participant__member__name"]
        verbose_name = _("stemme")
        verbose_name_plural = _("stemmer")
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="vote_unique_participant"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=2), name="vote_weight_1_or_2"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_choice_display()} ({self.weight})"


class StopRightReferral(models.Model):
    """Standsningsret: a regional member refers a decided item to the regional council."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="stop_right_referrals", verbose_name=_("punkt")
    )
    invoked_by = models.ForeignKey(
        MeetingParticipant, on_delete=models.PROTECT, related_name="+", verbose_name=_("påberåbt af")
    )
    reason = models.TextField(_("begrundelse"), blank=True)
    invoked_at = models.DateTimeField(_("påberåbt"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    resolution = models.TextField(_("regionsrådets afgørelse"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )

    class Meta:
        ordering = ["item", "-invoked_at"]
        verbose_name = _("standsningsret")
        verbose_name_plural = _("standsningsret")
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(resolved_at__isnull=True),
                name="stoprightreferral_one_open_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.invoked_by}"


class MinutesVersion(models.Model):
    """One issued version of a meeting's minutes; never changed, so approvals point at what was read."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="minutes_versions", verbose_name=_("møde")
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("indhold"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("udsendt af")
    )
    created_at = models.DateTimeField(_("udsendt"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("referatversion")
        verbose_name_plural = _("referatversioner")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="minutesversion_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: referat v{self.number}"


class MinutesApproval(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="minutes_approvals", verbose_name=_("møde")
    )
    minutes_version = models.ForeignKey(
        MinutesVersion, on_delete=models.CASCADE, related_name="approvals", verbose_name=_("referatversion")
    )
    participant = models.ForeignKey(
        MeetingParticipant, on_delete=models.PROTECT, related_name="+", verbose_name=_("deltager")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("bruger")
    )
    approved_at = models.DateTimeField(_("godkendt"), auto_now_add=True)

    class Meta:
        ordering = ["minutes_version", "approved_at"]
        verbose_name = _("godkendelse af referat")
        verbose_name_plural = _("godkendelser af referat")
        constraints = [
            models.UniqueConstraint(
                fields=["minutes_version", "participant"], name="minutesapproval_unique_participant"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} godkendte v{self.minutes_version.number}"


QUESTION_TITLE_PREFIX = "Spørgsmål under spørgeordningen:"
# Seed 002, point 8 (Retningslinjer for spørgeordningen), quoted verbatim.
INDIVIDUAL_RULE_WORDING = "Spørgsmål vedr. enkeltpersoner besvares uden for ordningen"


class Question(models.Model):
    class Status(models.TextChoices):
        ASKED = "asked", _("Stillet")
        ANSWERED = "answered", _("Besvaret")
        DECLINED = "declined", _("Afvist af formanden (dialog)")
        REFUSED = "refused", _("Uden for ordningen (enkeltperson)")
        FORWARDED = "forwarded", _("Sendt videre til regionsrådets spørgeordning")

    council = models.ForeignKey(
        HealthCouncil, on_delete=models.PROTECT, related_name="questions", verbose_name=_("sundhedsråd")
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("spørger")
    )
    asker_member = models.ForeignKey(
        CouncilMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rådsmedlem"),
    )
    title = models.CharField(_("overskrift"), max_length=300)
    text = models.TextField(_("spørgsmål"))
    about_individual = models.BooleanField(_("vedrører en enkeltperson"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ASKED)
    asked_at = models.DateTimeField(_("stillet"))
    deadline = models.DateField(_("svarfrist"))
    answer = models.TextField(_("svar"), blank=True)
    answer_confidential = models.BooleanField(_("svaret indeholder fortrolige oplysninger"), default=False)
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvaret af"),
    )
    decline_reason = models.TextField(_("begrundelse for afvisning"), blank=True)
    declined_at = models.DateTimeField(_("afvist"), null=True, blank=True)
    refusal_text = models.TextField(_("begrundelse"), blank=True)
    forwarded_to_regional_scheme_at = models.DateTimeField(
        _("sendt til regionsrådets spørgeordning"), null=True, blank=True
    )
    narrowed_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="narrowed_versions",
        verbose_name=_("afgrænsning af"),
    )

    class Meta:
        ordering = ["council", "-asked_at"]
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        indexes = [models.Index(fields=["status", "deadline"], name="question_status_deadline")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("question-detail", kwargs={"slug": self.council.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.ASKED, self.Status.FORWARDED)


class QuestionMessage(models.Model):
    """The dialogue about a declined question (how to narrow it)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="messages", verbose_name=_("spørgsmål")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("afsender")
    )
    text = models.TextField(_("besked"))
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        ordering = ["question", "created_at", "pk"]
        verbose_name = _("besked om spørgsmål")
        verbose_name_plural = _("beskeder om spørgsmål")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class QuestionReminderDelivery(models.Model):
    """One reminder about one question; the unique constraint makes each kind happen exactly once."""

    class Kind(models.TextChoices):
        BEFORE_DEADLINE = "before_deadline", _("Påmindelse før svarfrist")
        AFTER_DEADLINE = "after_deadline", _("Svarfrist overskredet")
        ASKER_LATE = "asker_late", _("Spørger orienteret om forsinkelse")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="reminder_deliveries", verbose_name=_("spørgsmål")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        ordering = ["question", "sent_at"]
        verbose_name = _("påmindelse om spørgsmål")
        verbose_name_plural = _("påmindelser om spørgsmål")
        constraints = [
            models.UniqueConstraint(fields=["question", "kind"], name="questionreminder_unique_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.get_kind_display()}"


# Planned → agenda published → held → minutes approved; approved minutes that change go back to "held".
MEETING_STATUS = StateMachine(
    name="meeting",
    model_label=_("mødet"),
    field="status",
    choices=Meeting.Status,
    transitions={
        Meeting.Status.PLANNED: {Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.HELD},
        Meeting.Status.AGENDA_PUBLISHED: {Meeting.Status.HELD},
        Meeting.Status.HELD: {Meeting.Status.MINUTES_APPROVED},
        Meeting.Status.MINUTES_APPROVED: {Meeting.Status.HELD},
    },
)

# The question scheme (002): an open question (asked, or also sent on to the regional council's scheme)
# is answered, declined by the chair (which opens a dialogue; a narrower question is a new one) or
# refused as being about an individual. Closed questions stay closed.
QUESTION_STATUS = StateMachine(
    name="question",
    model_label=_("spørgsmålet"),
    field="status",
    choices=Question.Status,
    transitions={
        Question.Status.ASKED: {
            Question.Status.ANSWERED,
            Question.Status.DECLINED,
            Question.Status.REFUSED,
            Question.Status.FORWARDED,
        },
        Question.Status.FORWARDED: {
            Question.Status.ANSWERED,
            Question.Status.DECLINED,
            Question.Status.REFUSED,
        },
        Question.Status.ANSWERED: set(),
        Question.Status.DECLINED: set(),
        Question.Status.REFUSED: set(),
    },
)
