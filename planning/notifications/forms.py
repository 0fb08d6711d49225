from django import forms
from django.utils.translation import gettext_lazy as _

from planning.notifications.models import NotificationSetting


class NotificationSettingForm(forms.ModelForm):
    class Meta:
        model = NotificationSetting
        fields = ["email_mode"]
        widgets = {"email_mode": forms.RadioSelect}
        labels = {"email_mode": _("Hvornår vil du have e-mail om nye notifikationer?")}
