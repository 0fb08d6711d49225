"""Forms of the review: they parse input only; the services in planning/services/review.py decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planning.review.models import Comment
from planning.review.paragraphs import Paragraph
from planning.review.services import COMMENT_MAX_LENGTH

WHOLE_SECTION = ""


def _paragraph_label(paragraph: Paragraph) -> str:
    preview = paragraph.text if len(paragraph.text) <= 70 else paragraph.text[:67] + "…"
    return _("Tekstafsnit %(n)s: %(preview)s") % {"n": paragraph.index, "preview": preview}


class _TextFields(forms.Form):
    text = forms.CharField(
        label=_("Kommentar"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Skriv @brugernavn for at give en bruger i rådet besked."),
        error_messages={"required": _("Skriv en kommentar.")},
    )
    text_format = forms.ChoiceField(
        label=_("Format"),
        choices=Comment.Format.choices,
        initial=Comment.Format.PLAIN,
        widget=forms.RadioSelect,
        help_text=_("Markdown: **fed**, *kursiv*, lister med - og links."),
    )


class CommentForm(_TextFields):
    paragraph = forms.TypedChoiceField(
        label=_("Kommentaren gælder"),
        coerce=lambda value: int(value) if value else None,
        empty_value=None,
        required=False,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, paragraphs: list[Paragraph], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [(WHOLE_SECTION, _("Hele afsnittet"))] + [
            (str(p.index), _paragraph_label(p)) for p in paragraphs
        ]


class ReplyForm(_TextFields):
    text = forms.CharField(
        label=_("Svar"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skriv @brugernavn for at give en bruger i rådet besked."),
        error_messages={"required": _("Skriv et svar.")},
    )


class CommentEditForm(_TextFields):
    pass


class ChangeProposalForm(forms.Form):
    paragraph = forms.TypedChoiceField(
        label=_("Tekstafsnit, der skal omformuleres"),
        coerce=int,
        error_messages={"required": _("Vælg det tekstafsnit, du foreslår ændret.")},
    )
    proposed_text = forms.CharField(
        label=_("Ny formulering"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Almindelig tekst. En tom linje adskiller tekstafsnit."),
        error_messages={"required": _("Skriv den nye formulering.")},
    )
    justification = forms.CharField(
        label=_("Begrundelse (valgfri)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, paragraphs: list[Paragraph], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", _("Vælg tekstafsnit"))] + [
            (str(p.index), _paragraph_label(p)) for p in paragraphs
        ]


class ChangeProposalDecisionForm(forms.Form):
    ACCEPT = "accept"
    ACCEPT_WITH_EDITS = "accept_with_edits"
    REJECT = "reject"

    action = forms.ChoiceField(
        label=_("Beslutning"),
        choices=[
            (ACCEPT, _("Acceptér forslaget")),
            (ACCEPT_WITH_EDITS, _("Acceptér med ændringer")),
            (REJECT, _("Afvis forslaget")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg en beslutning.")},
    )
    edited_text = forms.CharField(
        label=_("Formulering, der indsættes (ved accept med ændringer)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reason = forms.CharField(
        label=_("Begrundelse (skal udfyldes ved afvisning)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == self.REJECT and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Skriv en begrundelse for afvisningen."))
        if action == self.ACCEPT_WITH_EDITS and not (data.get("edited_text") or "").strip():
            self.add_error("edited_text", _("Skriv den formulering, der skal indsættes."))
        return data
