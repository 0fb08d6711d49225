"""In-app notifications and each user's email preference; shared by review, process and hearings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationSetting(models.Model):
    class EmailMode(models.TextChoices):
        IMMEDIATE = "immediate", _("Straks")
        DAILY_DIGEST = "daily_digest", _("Daglig opsamling")
        OFF = "off", _("Ingen e-mails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_setting"
    )
    email_mode = models.CharField(
        _("e-mail om notifikationer"), max_length=20, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )

    class Meta:
        verbose_name = _("notifikationsindstilling")
        verbose_name_plural = _("notifikationsindstillinger")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_mode_display()}"


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("bruger"),
    )
    kind = models.CharField(_("type"), max_length=50)
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("læst"), null=True, blank=True)
    # Claimed by the email task with a conditional update, so a retry never sends twice.
    emailed_at = models.DateTimeField(_("sendt som e-mail"), null=True, blank=True)
    digested_at = models.DateTimeField(_("sendt i opsamling"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return self.title


class NotificationDigest(models.Model):
    """One row per user per day: the claim that makes the daily digest email go out at most once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("dato"))
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    notification_count = models.PositiveIntegerField(_("antal notifikationer"), default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("daglig opsamling")
        verbose_name_plural = _("daglige opsamlinger")
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="notificationdigest_unique_day")]

    def __str__(self) -> str:
        return f"{self.user} {self.date}"
