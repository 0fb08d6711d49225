"""Forms of the drafting pages: they parse and validate input (Danish messages); services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planning.common.sanitise import html_sanitise
from planning.plans.models import Goal, Initiative, Plan, Section, StatutoryArea


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "period_start_year",
            "period_end_year",
            "national_plan_reference",
            "regional_plan_reference",
        ]
        help_texts = {
            "national_plan_reference": _("F.eks. “National sundhedsplan 2027”."),
            "regional_plan_reference": _("F.eks. “Regional sundhedsplan for Region Syddanmark 2027”."),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start_year"), cleaned.get("period_end_year")
        if start and end and end < start:
            self.add_error("period_end_year", _("Perioden kan ikke slutte før den begynder."))
        for name in ("period_start_year", "period_end_year"):
            year = cleaned.get(name)
            if year and not 2020 <= year <= 2100:
                self.add_error(name, _("Angiv et årstal mellem 2020 og 2100."))
        return cleaned

    def _post_clean(self):
        # Validation is ours (above) and the service's; skip ModelForm's instance.full_clean, which
        # would need the council and author that the view passes to the service.
        pass


class SectionAddForm(forms.Form):
    title = forms.CharField(label=_("Overskrift"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[(Section.Kind.FREE, Section.Kind.FREE.label), (Section.Kind.THEME, Section.Kind.THEME.label),
                 (Section.Kind.STATUTORY, Section.Kind.STATUTORY.label)],
        initial=Section.Kind.FREE,
    )  # fmt: skip
    statutory_area = forms.ChoiceField(
        label=_("Lovbestemt indholdsområde"),
        choices=[("", _("Intet (kun for lovbestemte afsnit)")), *StatutoryArea.choices],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        kind, area = cleaned.get("kind"), cleaned.get("statutory_area")
        if kind == Section.Kind.STATUTORY and not area:
            self.add_error("statutory_area", _("Vælg hvilket lovbestemt indholdsområde afsnittet dækker."))
        if kind != Section.Kind.STATUTORY:
            cleaned["statutory_area"] = ""
        return cleaned


class SectionRenameForm(forms.Form):
    title = forms.CharField(label=_("Ny overskrift"), max_length=300)


class SectionEditForm(forms.Form):
    """The section editor: heading, sanitised rich text, and the revision the edit started from."""

    title = forms.CharField(label=_("Overskrift"), max_length=300)
    text = forms.CharField(
        label=_("Tekst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 20, "data-editor": "rich", "spellcheck": "true"}),
        help_text=_(
            "Overskrifter, fed, kursiv, punkt- og nummererede lister, links og tabeller er tilladt. "
            "Alt andet fjernes, når du gemmer."
        ),
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_text(self) -> str:
        return html_sanitise(self.cleaned_data.get("text") or "")


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class InitiativeForm(forms.ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "title",
            "description",
            "responsible",
            "start_date",
            "end_date",
            "indicator",
            "statutory_area",
            "national_goal_reference",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "national_goal_reference": _(
                "Valgfrit: det mål i den nationale sundhedsplan, indsatsen understøtter."
            )
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Slutdatoen kan ikke ligge før startdatoen."))
        return cleaned

    def _post_clean(self):
        pass  # the service validates the instance; the form has no section yet


class SnapshotForm(forms.Form):
    name = forms.CharField(
        label=_("Navn på versionen"),
        max_length=200,
        help_text=_("F.eks. “Udkast til høring” eller “Vedtaget”."),
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Giv versionen et navn."))
        return name
