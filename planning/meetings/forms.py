"""Forms for meetings, agenda items, decisions and the question scheme. They parse input only; the
services in planning/services/meetings.py and planning/services/questions.py apply the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planning.hearings.models import Hearing
from planning.meetings.models import AgendaItem, Meeting, MeetingParticipant, Vote
from planning.meetings.services import participant_vote_weight
from planning.plans.models import Plan, PlanSnapshot


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start_time", "end_time", "place", "kind", "approval_rule", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "number", "case_number", "title", "is_closed", "resume", "case_presentation",
            "recommendation_kind", "proposals", "guests", "plan", "snapshot", "hearing",
        ]  # fmt: skip
        widgets = {
            "resume": forms.Textarea(attrs={"rows": 4}),
            "proposals": forms.Textarea(attrs={"rows": 3}),
            "guests": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_presentation": _("Tekst med enkel HTML (afsnit, lister, fed, links); andet fjernes."),
        }

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["plan"].queryset = Plan.objects.filter(council=council)
        self.fields["snapshot"].queryset = PlanSnapshot.objects.filter(plan__council=council).select_related(
            "plan"
        )
        self.fields["hearing"].queryset = Hearing.objects.filter(plan__council=council).select_related("plan")


class AttendanceForm(forms.Form):
    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = list(meeting.participants.select_related("member"))
        for participant in self.participants:
            self.fields[f"attendance_{participant.pk}"] = forms.ChoiceField(
                label=str(participant.member),
                choices=MeetingParticipant.Attendance.choices,
                initial=participant.attendance,
            )


class DecisionForm(forms.Form):
    MODE_PLAIN = "plain"
    MODE_UNANIMOUS = "unanimous"
    MODE_VOTE = "vote"

    decision_text = forms.CharField(label=_("Beslutning"), widget=forms.Textarea(attrs={"rows": 4}))
    decision_date = forms.DateField(
        label=_("Beslutningsdato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    mode = forms.ChoiceField(
        label=_("Hvordan blev der besluttet?"),
        choices=[
            (MODE_PLAIN, _("Uden afstemning")),
            (MODE_UNANIMOUS, _("Enstemmigt (uden navneopråb)")),
            (MODE_VOTE, _("Ved afstemning (hver tilstedeværendes stemme)")),
        ],
        widget=forms.RadioSelect,
        initial=MODE_PLAIN,
    )

    def __init__(self, *args, item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        existing = dict(item.votes.values_list("participant_id", "choice"))
        self.voters = []
        participants = item.meeting.participants.select_related("member__municipality").filter(
            attendance=MeetingParticipant.Attendance.PRESENT
        )
        for participant in participants:
            weight = participant_vote_weight(participant=participant)
            if weight is None:
                continue
            name = f"vote_{participant.pk}"
            self.fields[name] = forms.ChoiceField(
                label=str(participant.member),
                choices=[("", _("Ingen stemme")), *Vote.Choice.choices],
                required=False,
                initial=existing.get(participant.pk, ""),
            )
            self.voters.append((participant, weight, name))

    def clean(self):
        data = super().clean()
        data["votes"] = {}
        if data.get("mode") == self.MODE_VOTE:
            data["votes"] = {p.pk: data[name] for p, _weight, name in self.voters if data.get(name)}
            if not data["votes"]:
                raise forms.ValidationError(_("Angiv mindst én stemme, eller vælg en anden beslutningsform."))
        return data

    def bound_voters(self):
        return [(participant, weight, self[name]) for participant, weight, name in self.voters]


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300, required=False)
    file = forms.FileField(label=_("Fil (PDF, DOCX eller ODT, højst 20 MB)"))


class StopRightForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class StopRightResolveForm(forms.Form):
    resolution = forms.CharField(label=_("Regionsrådets afgørelse"), widget=forms.Textarea(attrs={"rows": 3}))


class MinutesApprovedAtMeetingForm(forms.Form):
    at_meeting = forms.ModelChoiceField(label=_("Godkendt på mødet"), queryset=Meeting.objects.none())

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meeting.council.meetings.filter(date__gt=meeting.date).order_by(
            "date"
        )


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("Overskrift"),
        max_length=250,
        help_text=_("»Spørgsmål under spørgeordningen:« sættes foran automatisk."),
    )
    text = forms.CharField(label=_("Spørgsmål"), widget=forms.Textarea(attrs={"rows": 6}))
    about_individual = forms.BooleanField(
        label=_("Spørgsmålet vedrører en enkeltperson"),
        required=False,
        help_text=_("Spørgsmål vedr. enkeltpersoner besvares uden for ordningen."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Svar"), widget=forms.Textarea(attrs={"rows": 8}))
    confidential = forms.BooleanField(
        label=_("Svaret indeholder oplysninger af fortrolig karakter"), required=False
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (spørgsmålet er for omfattende)"), widget=forms.Textarea(attrs={"rows": 4})
    )


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Besked"), widget=forms.Textarea(attrs={"rows": 3}))
