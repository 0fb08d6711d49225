"""Meetings, agenda items, decisions, minutes, the stop right, the public listing and the question scheme.

Council pages use CouncilAccessMixin (login, 404 for other councils, 403 for members on secretariat
pages). Public pages show published meetings only and never receive a closed item's content.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from councils.mixins import CouncilAccessMixin
from councils.models import HealthCouncil
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can
from planning.meetings import questions as question_services
from planning.meetings import services as meeting_services
from planning.meetings.forms import (
    AgendaItemForm,
    AnswerForm,
    AttachmentForm,
    AttendanceForm,
    DecisionForm,
    DeclineForm,
    MeetingForm,
    MessageForm,
    MinutesApprovedAtMeetingForm,
    QuestionForm,
    StopRightForm,
    StopRightResolveForm,
)
from planning.meetings.models import AgendaItem, Attachment, Meeting, Question, StopRightReferral
from planning.meetings.questions import QuestionError
from planning.meetings.selectors import (
    meeting_get_for_council,
    meeting_items_for_document,
    meeting_list_for_council,
    meeting_participant_for_user,
    meeting_public_get,
    meeting_public_list,
    minutes_current_version,
    minutes_pending_participants,
    question_get_for_council,
    question_list_for_council,
    question_user_is_chair,
    vote_result,
)
from planning.meetings.services import MeetingError

FORM_TEMPLATE = "planning/meetings/form.html"


class CouncilPageMixin(CouncilAccessMixin):
    def get_council(self) -> HealthCouncil:
        return get_object_or_404(HealthCouncil, slug=self.kwargs["slug"])

    def can_manage(self) -> bool:
        return council_user_can(user=self.request.user, council=self.council, perm=CouncilPerm.MANAGE)


class MeetingPageMixin(CouncilPageMixin):
    def get_meeting(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            self._meeting = meeting_get_for_council(council=self.council, pk=self.kwargs["pk"])
        return self._meeting

    def get_item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, meeting=self.get_meeting(), pk=self.kwargs["item_pk"])


class FormPageMixin:
    """GET shows the form; POST validates and calls `form_valid`, re-rendering with a Danish message
    when the service refuses, so nothing the user typed is lost."""

    form_class = None
    heading = ""
    submit_label = ""

    def get_form_kwargs(self) -> dict:
        return {}

    def get_context(self, form) -> dict:
        return {
            "form": form,
            "council": self.council,
            "heading": self.heading,
            "submit_label": self.submit_label or _("Gem"),
            "back_url": self.back_url(),
            "multipart": any(getattr(f.field.widget, "needs_multipart_form", False) for f in form),
        }

    def back_url(self) -> str:
        return ""

    def check_access(self) -> None:
        """Raise PermissionDenied when this user may not use the form; both GET and POST ask."""

    def get(self, request, *args, **kwargs):
        self.check_access()
        return render(request, FORM_TEMPLATE, self.get_context(self.form_class(**self.get_form_kwargs())))

    def post(self, request, *args, **kwargs):
        self.check_access()
        form = self.form_class(request.POST, request.FILES, **self.get_form_kwargs())
        if form.is_valid():
            try:
                return self.form_valid(form)
            except (MeetingError, QuestionError) as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
        return render(request, FORM_TEMPLATE, self.get_context(form), status=200)


# --- Meetings ----------------------------------------------------------------------------------


class MeetingListView(CouncilPageMixin, TemplateView):
    template_name = "planning/meetings/meeting_list.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "council": self.council,
            "meetings": meeting_list_for_council(council=self.council),
            "can_manage": self.can_manage(),
        }


class MeetingCreateView(CouncilPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = MeetingForm
    heading = _("Nyt møde")

    def back_url(self):
        return reverse("meeting-list", kwargs={"slug": self.council.slug})

    def form_valid(self, form):
        meeting = meeting_services.meeting_create(council=self.council, **form.cleaned_data)
        messages.success(self.request, _("Mødet er oprettet."))
        return redirect(meeting)


class MeetingEditView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = MeetingForm
    heading = _("Rediger møde")

    def get_form_kwargs(self):
        return {"instance": Meeting.objects.get(pk=self.get_meeting().pk)}

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        meeting = meeting_services.meeting_update(meeting=self.get_meeting(), **form.cleaned_data)
        return redirect(meeting)


class MeetingDetailView(MeetingPageMixin, TemplateView):
    template_name = "planning/meetings/meeting_detail.html"

    def get_context_data(self, **kwargs):
        meeting = self.get_meeting()
        items = []
        participant = meeting_participant_for_user(meeting=meeting, user=self.request.user)
        for entry in meeting_items_for_document(meeting=meeting, include_closed=True):
            item = entry.item
            items.append(
                {
                    "item": item,
                    "result": vote_result(item=item) if item.decided_by_vote else None,
                    "votes": item.votes.select_related("participant__member"),
                    "referrals": item.stop_right_referrals.select_related("invoked_by__member"),
                    "open_referral": item.stop_right_referrals.filter(resolved_at__isnull=True).first(),
                }
            )
        version = minutes_current_version(meeting=meeting)
        can_invoke_stop_right = bool(
            participant and participant.is_present and participant.member.kind == "regional"
        )
        return {
            **super().get_context_data(**kwargs),
            "council": self.council,
            "meeting": meeting,
            "participants": meeting.participants.select_related("member", "member__municipality"),
            "items": items,
            "can_manage": self.can_manage(),
            "participant": participant,
            "can_invoke_stop_right": can_invoke_stop_right,
            "minutes_version": version,
            "minutes_versions": meeting.minutes_versions.prefetch_related("approvals__participant__member"),
            "pending": minutes_pending_participants(meeting=meeting) if version else [],
            "has_approved": bool(
                version and participant and version.approvals.filter(participant=participant).exists()
            ),
            "approved_at_form": MinutesApprovedAtMeetingForm(meeting=meeting),
            "statuses": Meeting.Status,
        }


class MeetingAttendanceView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = AttendanceForm
    heading = _("Fremmøde")

    def get_form_kwargs(self):
        return {"meeting": self.get_meeting()}

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        for participant in form.participants:
            meeting_services.participant_attendance_set(
                participant=participant, attendance=form.cleaned_data[f"attendance_{participant.pk}"]
            )
        messages.success(self.request, _("Fremmødet er gemt."))
        return redirect(self.get_meeting())


class MeetingStatusView(MeetingPageMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        to_status = request.POST.get("to_status", "")
        if to_status not in (Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.HELD):
            messages.error(request, _("Ukendt status."))
            return redirect(meeting)
        try:
            meeting_services.meeting_status_change(
                meeting=meeting, to_status=to_status, changed_by=request.user
            )
            messages.success(
                request, _("Mødets status er nu »%(status)s«.") % {"status": meeting.get_status_display()}
            )
        except MeetingError as exc:
            messages.error(request, str(exc))
        return redirect(meeting)


class MeetingDocumentView(MeetingPageMixin, View):
    """The council's own PDF: closed items in full (members of this council only)."""

    def get(self, request, *args, **kwargs):
        kind = self.kwargs["kind"]
        if kind not in meeting_services.DOCUMENT_KINDS:
            raise Http404
        meeting = self.get_meeting()
        pdf = meeting_services.meeting_document_pdf(meeting=meeting, kind=kind, include_closed=True)
        return _pdf_response(pdf, meeting=meeting, kind=kind)


def _pdf_response(pdf: bytes, *, meeting: Meeting, kind: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    name = (
        f"{meeting_services.DOCUMENT_KINDS[kind].lower()}-{meeting.council.slug}-{meeting.date:%Y-%m-%d}.pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


# --- Agenda items ------------------------------------------------------------------------------


class AgendaItemCreateView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = AgendaItemForm
    heading = _("Nyt dagsordenspunkt")

    def get_form_kwargs(self):
        return {"council": self.council}

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        number = data.pop("number") or None
        meeting_services.agenda_item_create(
            meeting=self.get_meeting(), created_by=self.request.user, number=number, **data
        )
        messages.success(self.request, _("Punktet er tilføjet."))
        return redirect(self.get_meeting())


class AgendaItemEditView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = AgendaItemForm
    heading = _("Rediger dagsordenspunkt")

    def get_form_kwargs(self):
        return {"council": self.council, "instance": AgendaItem.objects.get(pk=self.get_item().pk)}

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        if not data.get("number"):
            data.pop("number")
        meeting_services.agenda_item_update(item=self.get_item(), updated_by=self.request.user, **data)
        messages.success(self.request, _("Punktet er gemt."))
        return redirect(self.get_meeting())


class AgendaItemDecisionView(MeetingPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    template_name = "planning/meetings/decision_form.html"

    def _render(self, form, item):
        return render(
            self.request,
            self.template_name,
            {"council": self.council, "meeting": self.get_meeting(), "item": item, "form": form},
        )

    def get(self, request, *args, **kwargs):
        item = self.get_item()
        mode = (
            DecisionForm.MODE_VOTE
            if item.decided_by_vote
            else (DecisionForm.MODE_UNANIMOUS if item.unanimous else DecisionForm.MODE_PLAIN)
        )
        form = DecisionForm(
            item=item,
            initial={"decision_text": item.decision_text, "decision_date": item.decision_date, "mode": mode},
        )
        return self._render(form, item)

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = DecisionForm(request.POST, item=item)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting_services.agenda_item_decision_record(
                    item=item,
                    decision_text=data["decision_text"],
                    decision_date=data["decision_date"],
                    unanimous=data["mode"] == DecisionForm.MODE_UNANIMOUS,
                    votes=data["votes"] or None,
                    recorded_by=request.user,
                )
                messages.success(request, _("Beslutningen er gemt."))
                return redirect(self.get_meeting())
            except MeetingError as exc:
                form.add_error(None, str(exc))
        return self._render(form, item)


class AttachmentCreateView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = AttachmentForm
    heading = _("Tilføj bilag")
    submit_label = _("Upload")

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        meeting_services.attachment_add(
            item=self.get_item(),
            title=form.cleaned_data["title"],
            uploaded_file=form.cleaned_data["file"],
            uploaded_by=self.request.user,
        )
        messages.success(self.request, _("Bilaget er tilføjet."))
        return redirect(self.get_meeting())


class AttachmentDownloadView(MeetingPageMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            Attachment, item__meeting=self.get_meeting(), pk=self.kwargs["attachment_pk"]
        )
        return FileResponse(
            attachment.file.open("rb"),
            content_type=attachment.content_type,
            as_attachment=True,
            filename=attachment.file.name.rsplit("/", 1)[-1],
        )


# --- Stop right --------------------------------------------------------------------------------


class StopRightInvokeView(MeetingPageMixin, FormPageMixin, View):
    """Only a regional member who was present can use it; everyone else gets 403."""

    form_class = StopRightForm
    heading = _("Brug standsningsretten")
    submit_label = _("Henvis til regionsrådet")

    def check_access(self):
        participant = meeting_participant_for_user(meeting=self.get_meeting(), user=self.request.user)
        if not (participant and participant.is_present and participant.member.kind == "regional"):
            raise PermissionDenied

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        meeting_services.stop_right_invoke(
            item=self.get_item(), user=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            self.request, _("Punktet er henvist til regionsrådet; beslutningens virkning er suspenderet.")
        )
        return redirect(self.get_meeting())


class StopRightResolveView(MeetingPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = StopRightResolveForm
    heading = _("Registrer regionsrådets afgørelse")

    def get_referral(self):
        return get_object_or_404(
            StopRightReferral, item__meeting=self.get_meeting(), pk=self.kwargs["referral_pk"]
        )

    def back_url(self):
        return self.get_meeting().get_absolute_url()

    def form_valid(self, form):
        meeting_services.stop_right_resolve(
            referral=self.get_referral(),
            resolution=form.cleaned_data["resolution"],
            resolved_by=self.request.user,
        )
        return redirect(self.get_meeting())


# --- Minutes -----------------------------------------------------------------------------------


class MinutesIssueView(MeetingPageMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, *args, **kwargs):
        try:
            version = meeting_services.minutes_issue(meeting=self.get_meeting(), issued_by=request.user)
            messages.success(
                request, _("Referatet (version %(n)s) er sendt til godkendelse.") % {"n": version.number}
            )
        except MeetingError as exc:
            messages.error(request, str(exc))
        return redirect(self.get_meeting())


class MinutesApproveView(MeetingPageMixin, View):
    """ "Godkend referat": one click by a present participant; others get 403."""

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        participant = meeting_participant_for_user(meeting=meeting, user=request.user)
        if participant is None or not participant.is_present:
            raise PermissionDenied
        try:
            meeting_services.minutes_approve(meeting=meeting, user=request.user)
            messages.success(request, _("Du har godkendt referatet."))
        except MeetingError as exc:
            messages.error(request, str(exc))
        return redirect(meeting)


class MinutesApprovedAtMeetingView(MeetingPageMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = MinutesApprovedAtMeetingForm(request.POST, meeting=meeting)
        if not form.is_valid():
            messages.error(request, _("Vælg det møde, hvor referatet blev godkendt."))
            return redirect(meeting)
        try:
            meeting_services.minutes_approve_at_meeting(
                meeting=meeting, at_meeting=form.cleaned_data["at_meeting"], recorded_by=request.user
            )
            messages.success(request, _("Referatet er registreret som godkendt."))
        except MeetingError as exc:
            messages.error(request, str(exc))
        return redirect(meeting)


# --- Public pages ------------------------------------------------------------------------------


class MeetingPublicListView(TemplateView):
    template_name = "planning/meetings/public_list.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "meetings": meeting_public_list()}


class MeetingPublicDetailView(TemplateView):
    """Published agenda (and approved minutes); closed items arrive here as their title only."""

    template_name = "planning/meetings/public_detail.html"

    def get_context_data(self, **kwargs):
        meeting = meeting_public_get(pk=self.kwargs["pk"])
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "participants": meeting.participants.select_related("member").filter(attendance="present"),
            "items": meeting_items_for_document(meeting=meeting, include_closed=False),
            "minutes_public": meeting.status == Meeting.Status.MINUTES_APPROVED,
        }


class MeetingPublicDocumentView(View):
    def get(self, request, *args, **kwargs):
        meeting = meeting_public_get(pk=self.kwargs["pk"])
        kind = self.kwargs["kind"]
        if kind not in meeting_services.DOCUMENT_KINDS:
            raise Http404
        if kind == "minutes" and meeting.status != Meeting.Status.MINUTES_APPROVED:
            raise Http404
        pdf = meeting_services.meeting_document_pdf(meeting=meeting, kind=kind, include_closed=False)
        return _pdf_response(pdf, meeting=meeting, kind=kind)


# --- Question scheme ---------------------------------------------------------------------------


class QuestionListView(CouncilPageMixin, TemplateView):
    template_name = "planning/meetings/question_list.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "council": self.council,
            "questions": question_list_for_council(council=self.council),
        }


class QuestionCreateView(CouncilPageMixin, FormPageMixin, View):
    form_class = QuestionForm
    heading = _("Stil et spørgsmål under spørgeordningen")
    submit_label = _("Send spørgsmål")

    def back_url(self):
        return reverse("question-list", kwargs={"slug": self.council.slug})

    def form_valid(self, form):
        question = question_services.question_ask(
            council=self.council, asker=self.request.user, **form.cleaned_data
        )
        if question.status == Question.Status.REFUSED:
            messages.warning(self.request, question.refusal_text)
        else:
            messages.success(
                self.request,
                _("Spørgsmålet er sendt. Svarfrist: %(d)s.") % {"d": question.deadline.strftime("%d-%m-%Y")},
            )
        return redirect(question)


class QuestionPageMixin(CouncilPageMixin):
    def get_question(self) -> Question:
        if not hasattr(self, "_question"):
            self._question = question_get_for_council(council=self.council, pk=self.kwargs["pk"])
        return self._question

    def back_url(self):
        return self.get_question().get_absolute_url()


class QuestionDetailView(QuestionPageMixin, TemplateView):
    template_name = "planning/meetings/question_detail.html"

    def get_context_data(self, **kwargs):
        question = self.get_question()
        user = self.request.user
        is_chair = question_user_is_chair(council=self.council, user=user)
        can_manage = self.can_manage()
        return {
            **super().get_context_data(**kwargs),
            "council": self.council,
            "question": question,
            "messages_list": question.messages.select_related("author"),
            "can_manage": can_manage,
            "can_decline": (can_manage or is_chair) and question.is_open,
            "can_talk": question.status == Question.Status.DECLINED
            and (can_manage or is_chair or user.pk == question.asker_id),
            "is_asker": user.pk == question.asker_id,
            "answer_form": AnswerForm(),
            "message_form": MessageForm(),
        }


class QuestionAnswerView(QuestionPageMixin, FormPageMixin, View):
    council_permission = CouncilPerm.MANAGE
    form_class = AnswerForm
    heading = _("Besvar spørgsmål")
    submit_label = _("Send svar")

    def form_valid(self, form):
        question_services.question_answer(
            question=self.get_question(),
            answer=form.cleaned_data["answer"],
            confidential=form.cleaned_data["confidential"],
            answered_by=self.request.user,
        )
        messages.success(self.request, _("Svaret er sendt til alle rådets medlemmer."))
        return redirect(self.get_question())


class QuestionDeclineView(QuestionPageMixin, FormPageMixin, View):
    """The chair (or the secretariat on the chair's behalf) declines an over-broad question."""

    form_class = DeclineForm
    heading = _("Afvis spørgsmålet som for omfattende")
    submit_label = _("Afvis og åbn dialog")

    def check_access(self):
        if not (self.can_manage() or question_user_is_chair(council=self.council, user=self.request.user)):
            raise PermissionDenied

    def form_valid(self, form):
        question_services.question_decline(
            question=self.get_question(), reason=form.cleaned_data["reason"], declined_by=self.request.user
        )
        return redirect(self.get_question())


class QuestionMessageView(QuestionPageMixin, FormPageMixin, View):
    """The dialogue on a declined question: the asker, the chair and the secretariat."""

    form_class = MessageForm
    heading = _("Skriv i dialogen")
    submit_label = _("Send besked")

    def check_access(self):
        question = self.get_question()
        user = self.request.user
        if not (
            user.pk == question.asker_id
            or self.can_manage()
            or question_user_is_chair(council=self.council, user=user)
        ):
            raise PermissionDenied

    def form_valid(self, form):
        question_services.question_message_add(
            question=self.get_question(), author=self.request.user, text=form.cleaned_data["text"]
        )
        return redirect(self.get_question())


class QuestionNarrowView(QuestionPageMixin, FormPageMixin, View):
    form_class = QuestionForm
    heading = _("Omformuler spørgsmålet")
    submit_label = _("Send omformuleret spørgsmål")

    def check_access(self):
        if self.request.user.pk != self.get_question().asker_id:
            raise PermissionDenied

    def form_valid(self, form):
        data = form.cleaned_data
        if data["about_individual"]:
            question = question_services.question_ask(
                council=self.council, asker=self.request.user, title=data["title"], text=data["text"],
                about_individual=True, narrowed_from=self.get_question(),
            )  # fmt: skip
        else:
            question = question_services.question_narrow(
                question=self.get_question(), title=data["title"], text=data["text"], asker=self.request.user
            )
        return redirect(question)


class QuestionRefuseView(QuestionPageMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, *args, **kwargs):
        try:
            question_services.question_refuse_individual(question=self.get_question())
        except QuestionError as exc:
            messages.error(request, str(exc))
        return redirect(self.get_question())


class QuestionForwardView(QuestionPageMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, *args, **kwargs):
        try:
            question_services.question_forward(question=self.get_question(), forwarded_by=request.user)
            messages.success(request, _("Spørgsmålet er sendt til regionsrådets spørgeordning."))
        except QuestionError as exc:
            messages.error(request, str(exc))
        return redirect(self.get_question())
