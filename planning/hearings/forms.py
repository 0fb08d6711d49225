"""Forms of the hearing feature: they parse and validate input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from planning.common.uploads import upload_validate
from planning.hearings.models import HearingParty, HearingResponse, WhitePaperPoint

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M", "%d.%m.%Y %H:%M"]
MAX_PARTY_ROWS = 80


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each validated by content (planning/uploads.py)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        errors = []
        for file in files:
            try:
                upload_validate(file=file)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        return list(files)


class HearingOpenForm(forms.Form):
    title = forms.CharField(label=_("Titel på høringen"), max_length=300)
    deadline = forms.DateTimeField(
        label=_("Høringsfrist (dato og klokkeslæt)"),
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Dansk tid."),
    )
    intro = forms.CharField(
        label=_("Indledning til høringsparterne"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    snapshot_name = forms.CharField(
        label=_("Navn på den låste version"), max_length=200, initial=_("Udkast til høring")
    )


class PartyRowForm(forms.Form):
    include = forms.BooleanField(label=_("Inviter"), required=False)
    name = forms.CharField(label=_("Navn"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=HearingParty.Kind.choices)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)
    municipality = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("include"):
            if not (data.get("name") or "").strip():
                self.add_error("name", _("Skriv partens navn."))
            if not data.get("email") and "email" not in self.errors:
                self.add_error("email", _("Skriv partens e-mailadresse: invitationen sendes dertil."))
            if (
                data.get("kind") == HearingParty.Kind.LOCAL_PATIENT_ORGS
                and not (data.get("note") or "").strip()
            ):
                self.add_error("note", _("Skriv hvilke lokale patientorganisationer, der høres, og hvorfor."))
        return data


def party_rows_build(*, data=None, proposals: list[dict], blank_rows: int = 4) -> list[PartyRowForm]:
    """The party rows of the open form: proposals first (the committee, the municipalities, PLO), then
    blank rows. On POST the row count comes back from the form so user-added rows are kept."""
    if data is not None:
        try:
            count = min(int(data.get("party-count", 0)), MAX_PARTY_ROWS)
        except (TypeError, ValueError):
            count = 0
        return [PartyRowForm(data, prefix=f"party-{index}") for index in range(count)]
    rows = [PartyRowForm(prefix=f"party-{index}", initial=initial) for index, initial in enumerate(proposals)]
    start = len(rows)
    rows += [
        PartyRowForm(prefix=f"party-{start + index}", initial={"kind": HearingParty.Kind.OTHER})
        for index in range(blank_rows)
    ]
    return rows


class HearingResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Jeres høringssvar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Skriv svaret her, eller vedhæft det som dokument nedenfor."),
    )
    sections = forms.ModelMultipleChoiceField(
        label=_("Afsnit, svaret handler om (valgfrit)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachments = MultipleFileField(
        label=_("Bilag (PDF, DOCX eller ODT, højst 20 MB pr. fil)"),
        required=False,
    )
    consent_to_publication = forms.BooleanField(
        label=_("Vi giver samtykke til, at vores høringssvar offentliggøres"), required=False
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].queryset = sections

    def clean(self):
        data = super().clean()
        if (
            not (data.get("text") or "").strip()
            and not data.get("attachments")
            and "attachments" not in self.errors
        ):
            raise ValidationError(_("Skriv et høringssvar, eller vedhæft et dokument."))
        return data


class WhitePaperPointForm(forms.ModelForm):
    response = forms.ModelChoiceField(label=_("Høringssvar"), queryset=HearingResponse.objects.none())

    class Meta:
        model = WhitePaperPoint
        fields = ["response", "segment", "sections", "disposition", "reasoning", "changed_revision"]
        widgets = {
            "segment": forms.Textarea(attrs={"rows": 4}),
            "reasoning": forms.Textarea(attrs={"rows": 4}),
            "sections": forms.CheckboxSelectMultiple,
        }
        labels = {"disposition": _("Stillingtagen"), "changed_revision": _("Teksten er ændret i version")}
        help_texts = {
            "segment": _("Indsæt eller markér den del af svaret, punktet handler om."),
            "disposition": _("Skal udfyldes for alle punkter, før hvidbogen kan gøres endelig."),
        }

    def __init__(self, *args, responses, sections, revisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].queryset = responses
        self.fields["response"].label_from_instance = lambda r: f"{r.party.name} (v{r.version})"
        self.fields["sections"].queryset = sections
        self.fields["changed_revision"].queryset = revisions
        self.fields["changed_revision"].label_from_instance = lambda rev: (
            f"{rev.section.title} – v{rev.number}"
        )
        self.fields["disposition"].choices = [
            ("", _("— ikke afgjort endnu —")),
            *WhitePaperPoint.Disposition.choices,
        ]


class HearingCloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse for at afslutte før fristen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kræves, når fristen ikke er udløbet. Begrundelsen står i planens historik."),
    )


def _deadline_field(label):
    return forms.DateTimeField(
        label=label,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Dansk tid."),
    )


class HearingExtendForm(forms.Form):
    deadline = _deadline_field(_("Ny høringsfrist (dato og klokkeslæt)"))
    reason = forms.CharField(
        label=_("Begrundelse (valgfri)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ResponseRegisterForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Modtaget"),
        choices=[("email", _("Pr. e-mail")), ("post", _("Pr. brev"))],
        widget=forms.RadioSelect,
    )
    received_at = _deadline_field(_("Modtaget (dato og klokkeslæt)"))
    text = forms.CharField(
        label=_("Svarets tekst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Skriv eller indsæt svaret, eller vedhæft det modtagne dokument nedenfor."),
    )
    attachments = MultipleFileField(label=_("Det modtagne dokument (PDF, DOCX eller ODT)"), required=False)

    def clean(self):
        data = super().clean()
        if (
            not (data.get("text") or "").strip()
            and not data.get("attachments")
            and "attachments" not in self.errors
        ):
            raise ValidationError(_("Skriv svarets tekst, eller vedhæft det modtagne dokument."))
        return data
