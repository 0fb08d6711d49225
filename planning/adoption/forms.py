"""Forms for recording Sundhedsstyrelsen's advice and the adoption."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planning.adoption.services import adoption_agenda_item_choices
from planning.common.uploads import upload_validate


class AdviceForm(forms.Form):
    received_on = forms.DateField(
        label=_("Dato for rådgivningen"), widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(
        label=_("Rådgivningen (tekst eller resumé)"), widget=forms.Textarea(attrs={"rows": 8})
    )
    document = forms.FileField(
        label=_("Dokument (PDF, DOCX eller ODT, valgfrit)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            upload_validate(file=document)
        return document


class AdoptionForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Dagsordenspunkt med beslutningen"),
        queryset=None,
        required=False,
        empty_label=_("(Mødet er ikke registreret i portalen)"),
        help_text=_(
            "Vælg punktet, hvor rådet vedtog planen; så linker planen til punktet, afstemningen og referatet."
        ),
    )
    adopted_on = forms.DateField(label=_("Vedtaget den"), widget=forms.DateInput(attrs={"type": "date"}))
    meeting = forms.CharField(
        label=_("Møde"),
        max_length=300,
        required=False,
        help_text=_("F.eks. “Sundhedsrådets møde 23. marts 2027, punkt 4”."),
    )
    decision_text = forms.CharField(
        label=_("Beslutning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tom: beslutningen hentes fra dagsordenspunktet."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = adoption_agenda_item_choices(plan=plan)

    override_reason = forms.CharField(
        label=_("Begrundelse for at vedtage uden de lovbestemte trin (kun administrator)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
