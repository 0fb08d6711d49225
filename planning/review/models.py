"""Review of a plan by its council: comments (threads) on sections and paragraphs, change proposals,
the comments' audit trail, and the daily notification digest's per-user-per-day claim."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from planning.common.states import StateMachine
from planning.plans.models import Plan, Section, SectionRevision


class Comment(models.Model):
    """A remark on a section as a whole (paragraph_index null) or on one paragraph of a revision.

    A top-level comment starts a thread and carries its status; replies point at it through `parent`.
    The anchor (revision, paragraph index, fingerprint, quoted text) is fixed at writing time; where the
    paragraph is now is worked out when the comment is read (planning.review.paragraphs.paragraph_locate).
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        RESOLVED = "resolved", _("Løst")

    class Format(models.TextChoices):
        PLAIN = "plain", _("Almindelig tekst")
        MARKDOWN = "markdown", _("Markdown")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments", verbose_name=_("plan"))
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="comments", verbose_name=_("afsnit")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        related_name="replies",
        null=True,
        blank=True,
        verbose_name=_("svar på"),
    )
    revision = models.ForeignKey(
        SectionRevision, on_delete=models.PROTECT, related_name="+", verbose_name=_("skrevet til version")
    )
    paragraph_index = models.PositiveIntegerField(_("tekstafsnit"), null=True, blank=True)
    paragraph_fingerprint = models.CharField(_("tekstafsnittets fingeraftryk"), max_length=64, blank=True)
    quoted_text = models.TextField(_("citeret tekst"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("forfatter")
    )
    text = models.TextField(_("kommentar"), blank=True)
    text_format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.PLAIN)
    text_html = models.TextField(_("vist tekst"), blank=True, help_text=_("Escapet eller renset HTML."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("løst af"),
    )
    resolved_at = models.DateTimeField(_("løst den"), null=True, blank=True)
    is_deleted = models.BooleanField(_("slettet"), default=False)
    deleted_at = models.DateTimeField(_("slettet den"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("redigeret"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        indexes = [models.Index(fields=["plan", "section", "status"], name="comment_plan_section_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(paragraph_index__isnull=True) | ~models.Q(paragraph_fingerprint=""),
                name="comment_paragraph_has_fingerprint",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None


class CommentEdit(models.Model):
    """Audit trail: the text a comment had before each edit or its deletion. Administrators read it."""

    class Kind(models.TextChoices):
        EDITED = "edited", _("Redigeret")
        DELETED = "deleted", _("Slettet")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="edits", verbose_name=_("kommentar")
    )
    kind = models.CharField(_("handling"), max_length=10, choices=Kind.choices)
    previous_text = models.TextField(_("tidligere tekst"))
    previous_format = models.CharField(_("tidligere format"), max_length=10, choices=Comment.Format.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("udført af")
    )
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["comment", "created_at", "pk"]
        verbose_name = _("kommentarhistorik")
        verbose_name_plural = _("kommentarhistorik")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ChangeProposal(models.Model):
    """Ændringsforslag: new wording for one paragraph, proposed by a member, decided by the secretariat."""

    class Status(models.TextChoices):
        OPEN = "open", _("Afventer")
        ACCEPTED = "accepted", _("Accepteret")
        ACCEPTED_WITH_EDITS = "accepted_with_edits", _("Accepteret med ændringer")
        REJECTED = "rejected", _("Afvist")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="change_proposals", verbose_name=_("plan")
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="change_proposals", verbose_name=_("afsnit")
    )
    revision = models.ForeignKey(
        SectionRevision, on_delete=models.PROTECT, related_name="+", verbose_name=_("foreslået til version")
    )
    paragraph_index = models.PositiveIntegerField(_("tekstafsnit"))
    paragraph_fingerprint = models.CharField(_("tekstafsnittets fingeraftryk"), max_length=64)
    original_text = models.TextField(_("oprindelig tekst"))
    proposed_text = models.TextField(_("foreslået tekst"))
    justification = models.TextField(_("begrundelse"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("forslagsstiller"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet den"), null=True, blank=True)
    decision_reason = models.TextField(_("begrundelse for beslutning"), blank=True)
    final_text = models.TextField(_("endelig tekst"), blank=True)
    resulting_revision = models.ForeignKey(
        SectionRevision,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("resulterende version"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ændringsforslag")
        verbose_name_plural = _("ændringsforslag")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(decision_reason=""),
                name="changeproposal_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["accepted", "accepted_with_edits"])
                | models.Q(resulting_revision__isnull=False),
                name="changeproposal_acceptance_has_revision",
            ),
        ]

    def __str__(self) -> str:
        return f"Ændringsforslag {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


COMMENT_STATUS = StateMachine(
    name="comment",
    model_label=_("tråden"),
    field="status",
    choices=Comment.Status,
    transitions={
        Comment.Status.OPEN: {Comment.Status.RESOLVED},
        Comment.Status.RESOLVED: {Comment.Status.OPEN},
    },
)

# A proposal is decided once: accepted (as proposed or with the secretariat's edits) or rejected.
PROPOSAL_STATUS = StateMachine(
    name="change_proposal",
    model_label=_("ændringsforslaget"),
    field="status",
    choices=ChangeProposal.Status,
    transitions={
        ChangeProposal.Status.OPEN: {
            ChangeProposal.Status.ACCEPTED,
            ChangeProposal.Status.ACCEPTED_WITH_EDITS,
            ChangeProposal.Status.REJECTED,
        },
        ChangeProposal.Status.ACCEPTED: set(),
        ChangeProposal.Status.ACCEPTED_WITH_EDITS: set(),
        ChangeProposal.Status.REJECTED: set(),
    },
)
