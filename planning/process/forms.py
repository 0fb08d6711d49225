"""Forms for the process plan. They parse input only; services do the writing."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from planning.common.dates import COPENHAGEN
from planning.process.models import Phase, ProcessMilestone
from planning.process.services import MAX_REMINDER_OFFSET


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ProcessMilestone.Kind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    start_date = forms.DateField(
        label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Klokkeslæt"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_date = forms.DateField(
        label=_("Slutdato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Valgfri. For rådgivning fra Sundhedsstyrelsen: datoen svaret forventes."),
    )
    end_time = forms.TimeField(
        label=_("Sluttidspunkt"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ProcessMilestone.Status.choices)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsible = UserChoiceField(
        label=_("Ansvarlige"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    confirm_warnings = forms.BooleanField(
        label=_("Jeg har læst advarslerne og vil gemme alligevel"), required=False
    )

    def __init__(self, *args, users, milestone: ProcessMilestone | None = None, **kwargs):
        if milestone is not None and not kwargs.get("initial"):
            starts = milestone.starts_at.astimezone(COPENHAGEN)
            ends = milestone.ends_at.astimezone(COPENHAGEN) if milestone.ends_at else None
            kwargs["initial"] = {
                "kind": milestone.kind,
                "title": milestone.title,
                "start_date": starts.date(),
                "start_time": starts.time().replace(second=0, microsecond=0),
                "end_date": ends.date() if ends else None,
                "end_time": ends.time().replace(second=0, microsecond=0) if ends else None,
                "place": milestone.place,
                "status": milestone.status,
                "description": milestone.description,
                "responsible": list(milestone.responsible.all()),
            }
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = users

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        data["starts_at"] = datetime.combine(data["start_date"], data["start_time"], tzinfo=COPENHAGEN)
        if data.get("end_date") or data.get("end_time"):
            end_date = data.get("end_date") or data["start_date"]
            end_time = data.get("end_time") or data["start_time"]
            data["ends_at"] = datetime.combine(end_date, end_time, tzinfo=COPENHAGEN)
            if data["ends_at"] < data["starts_at"]:
                self.add_error("end_date", _("Slutningen kan ikke ligge før starten."))
        else:
            data["ends_at"] = None
        return data

    def apply_to(self, milestone: ProcessMilestone) -> ProcessMilestone:
        for name in ("kind", "title", "starts_at", "ends_at", "place", "status", "description"):
            setattr(milestone, name, self.cleaned_data[name])
        return milestone


class PhaseForm(forms.ModelForm):
    responsible = UserChoiceField(
        label=_("Ansvarlige"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Phase
        fields = ["name", "start_date", "end_date", "description", "responsible"]
        labels = {
            "name": _("Navn"),
            "start_date": _("Start"),
            "end_date": _("Slut"),
            "description": _("Beskrivelse"),
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = users

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("Slutdatoen kan ikke ligge før startdatoen."))
        return data


class ProcessSettingsForm(forms.Form):
    min_hearing_weeks = forms.IntegerField(
        label=_("Mindste høringsperiode (uger)"), min_value=1, max_value=26
    )
    reminder_offsets = forms.CharField(
        label=_("Påmindelser, dage før milepælen"),
        max_length=100,
        help_text=_("Heltal mellem 1 og %(max)d adskilt af komma, fx 14, 7, 1.")
        % {"max": MAX_REMINDER_OFFSET},
    )
    wants_advice_on_final_draft = forms.BooleanField(
        label=_("Rådet ønsker rådgivning fra Sundhedsstyrelsen på det endelige udkast (efter høringen)"),
        required=False,
    )

    def clean_reminder_offsets(self) -> list[int]:
        raw = self.cleaned_data["reminder_offsets"]
        parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
        try:
            offsets = [int(p) for p in parts]
        except ValueError as exc:
            raise forms.ValidationError(_("Skriv hele tal adskilt af komma, fx 14, 7, 1.")) from exc
        if not offsets:
            raise forms.ValidationError(_("Angiv mindst én påmindelse, fx 7."))
        if any(not 1 <= o <= MAX_REMINDER_OFFSET for o in offsets):
            raise forms.ValidationError(
                _("Hvert tal skal ligge mellem 1 og %(max)d dage.") % {"max": MAX_REMINDER_OFFSET}
            )
        return sorted(set(offsets), reverse=True)


class ProcessAdoptForm(forms.Form):
    decided_on = forms.DateField(
        label=_("Vedtaget på rådsmødet den"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("Beslutning"),
        max_length=500,
        required=False,
        help_text=_('Fx "Godkendt" eller beslutningsteksten fra referatet.'),
    )


class CalendarTokenForm(forms.Form):
    label = forms.CharField(
        label=_("Betegnelse"),
        max_length=100,
        required=False,
        help_text=_("Fx hvilken kalender adressen bruges i."),
    )
