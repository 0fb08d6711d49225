"""Hearing pages: the secretariat's management, the council's reading, the parties' token pages,
the white paper, Sundhedsstyrelsen's advice and the adoption."""

import csv
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from councils.mixins import CouncilAccessMixin
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can
from planning.documents import services as pdf_services
from planning.documents.models import PlanDocument
from planning.hearings import services as services
from planning.hearings.forms import (
    HearingCloseForm,
    HearingExtendForm,
    HearingOpenForm,
    HearingResponseForm,
    ResponseRegisterForm,
    WhitePaperPointForm,
    party_rows_build,
)
from planning.hearings.models import (
    Hearing,
    HearingParty,
    HearingResponse,
    ResponseAttachment,
    WhitePaper,
    WhitePaperPoint,
)
from planning.plans.mixins import PlanScopedMixin, form_errors_from
from planning.plans.models import Plan
from planning.plans.selectors import plan_completeness, plan_is_complete


class HearingScopedMixin:
    @cached_property
    def hearing(self) -> Hearing:
        return get_object_or_404(
            Hearing.objects.select_related("plan", "plan__council", "snapshot"), pk=self.kwargs["pk"]
        )

    def get_council(self):
        return self.hearing.plan.council

    def can_manage(self) -> bool:
        return council_user_can(user=self.request.user, council=self.council, perm=CouncilPerm.MANAGE)


# --- The plan's hearing overview and the open form -------------------------------------------------


class PlanHearingsView(PlanScopedMixin, CouncilAccessMixin, TemplateView):
    template_name = "planning/hearings/plan_hearings.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        return super().get_context_data(
            plan=plan,
            hearings=plan.hearings.select_related("snapshot", "white_paper").order_by("-created_at"),
            advice_list=plan.sst_advice.all(),
            adoption=getattr(plan, "adoption", None),  # the reverse one-to-one; None before adoption
            can_manage=council_user_can(
                user=self.request.user, council=self.council, perm=CouncilPerm.MANAGE
            ),
            **kwargs,
        )


def _party_proposals(*, plan: Plan) -> list[dict]:
    region = plan.council.region
    proposals = [
        {
            "include": True,
            "name": _("Patient- og pårørendeudvalget, Region %(region)s") % {"region": region.name},
            "kind": HearingParty.Kind.PATIENT_COMMITTEE,
        }
    ]
    for municipality in plan.council.municipalities.order_by("name"):
        proposals.append(
            {
                "include": True,
                "name": str(municipality),
                "kind": HearingParty.Kind.MUNICIPALITY,
                "municipality": municipality.pk,
            }
        )
    proposals.append(
        {
            "include": True,
            "name": _("PLO – Praktiserende Lægers Organisation, Region %(region)s") % {"region": region.name},
            "kind": HearingParty.Kind.GP_ORGANISATION,
        }
    )
    return proposals


class HearingOpenView(PlanScopedMixin, CouncilAccessMixin, TemplateView):
    template_name = "planning/hearings/hearing_open.html"
    council_permission = CouncilPerm.MANAGE

    def get_context_data(self, **kwargs):
        plan = self.plan
        kwargs.setdefault(
            "form",
            HearingOpenForm(initial={"title": _("Høring over udkast til %(plan)s") % {"plan": plan.title}}),
        )
        kwargs.setdefault("rows", party_rows_build(proposals=_party_proposals(plan=plan)))
        return super().get_context_data(
            plan=plan,
            completeness=plan_completeness(plan=plan),
            is_complete=plan_is_complete(plan=plan),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = HearingOpenForm(request.POST)
        rows = party_rows_build(data=request.POST, proposals=[])
        rows_valid = all([row.is_valid() for row in rows])  # noqa: C419 - validate every row
        if form.is_valid() and rows_valid:
            parties = [
                services.PartyInput(
                    name=row.cleaned_data["name"],
                    email=row.cleaned_data["email"],
                    kind=row.cleaned_data["kind"],
                    note=row.cleaned_data["note"],
                    municipality_id=row.cleaned_data.get("municipality"),
                )
                for row in rows
                if row.cleaned_data.get("include")
            ]
            try:
                hearing = services.hearing_open(
                    plan=self.plan,
                    title=form.cleaned_data["title"],
                    deadline=form.cleaned_data["deadline"],
                    intro=form.cleaned_data["intro"],
                    parties=parties,
                    snapshot_name=form.cleaned_data["snapshot_name"],
                    opened_by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Planen er sendt i høring, og invitationerne er sendt."))
                return redirect(hearing)
        elif not rows_valid:
            form.add_error(None, _("Ret fejlene i listen over høringsparter."))
        return self.render_to_response(self.get_context_data(form=form, rows=rows))


# --- The hearing page (secretariat and members) ----------------------------------------------------


class HearingDetailView(HearingScopedMixin, CouncilAccessMixin, TemplateView):
    template_name = "planning/hearings/hearing_detail.html"

    def get_context_data(self, **kwargs):
        hearing = self.hearing
        return super().get_context_data(
            hearing=hearing,
            plan=hearing.plan,
            rows=services.hearing_party_rows(hearing=hearing),
            entries=services.hearing_snapshot_entries(hearing=hearing),
            responses=services.hearing_current_responses(hearing=hearing),
            history=HearingResponse.objects.filter(party__hearing=hearing, replaced_by__isnull=False)
            .select_related("party")
            .prefetch_related("attachments")
            .order_by("party__name", "-version"),
            can_manage=self.can_manage(),
            party_links={party.pk: services.hearing_party_url(party=party) for party in hearing.parties.all()}
            if self.can_manage()
            else {},
            now=timezone.now(),
            **kwargs,
        )


class HearingActionView(HearingScopedMixin, CouncilAccessMixin, View):
    council_permission = CouncilPerm.MANAGE
    http_method_names = ["post"]

    def act(self, request) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            message = self.act(request)
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(request, message)
        return HttpResponseRedirect(self.success_url())

    def success_url(self) -> str:
        return self.hearing.get_absolute_url()


class _HearingFormView(HearingScopedMixin, CouncilAccessMixin, TemplateView):
    """A secretariat page with one form about a hearing: GET shows it, POST runs `act` (a service) and
    goes back to the hearing; a refusal shows the form again with the Danish reasons and the input kept."""

    council_permission = CouncilPerm.MANAGE
    form_class = None

    def make_form(self, data=None, files=None):
        return self.form_class(data, files)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.make_form())
        return super().get_context_data(
            hearing=self.hearing, plan=self.hearing.plan, now=timezone.now(), **kwargs
        )

    def act(self, form) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                message = self.act(form)
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, message)
                return HttpResponseRedirect(self.hearing.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class HearingCloseView(_HearingFormView):
    """Confirmation first: who has not answered, and a reason when the deadline has not passed."""

    template_name = "planning/hearings/hearing_close.html"
    form_class = HearingCloseForm

    def get_context_data(self, **kwargs):
        rows = services.hearing_party_rows(hearing=self.hearing)
        return super().get_context_data(
            unanswered=[row for row in rows if not row.response],
            is_before_deadline=timezone.now() < self.hearing.deadline,
            **kwargs,
        )

    def act(self, form) -> str:
        services.hearing_close(
            hearing=self.hearing, closed_by=self.request.user, reason=form.cleaned_data["reason"]
        )
        return _("Høringen er afsluttet.")


class HearingExtendView(_HearingFormView):
    template_name = "planning/hearings/hearing_extend.html"
    form_class = HearingExtendForm

    def act(self, form) -> str:
        services.hearing_deadline_extend(
            hearing=self.hearing,
            deadline=form.cleaned_data["deadline"],
            extended_by=self.request.user,
            reason=form.cleaned_data["reason"],
        )
        return _("Høringsfristen er forlænget. Parterne får besked pr. e-mail.")


class HearingResponseRegisterView(_HearingFormView):
    """Register an answer that came by post or e-mail, so the hearing list is complete."""

    template_name = "planning/hearings/response_register.html"
    form_class = ResponseRegisterForm

    @cached_property
    def party(self) -> HearingParty:
        return get_object_or_404(HearingParty, pk=self.kwargs["party_pk"], hearing=self.hearing)

    def get_context_data(self, **kwargs):
        return super().get_context_data(party=self.party, **kwargs)

    def act(self, form) -> str:
        services.hearing_response_register(
            party=self.party,
            received_at=form.cleaned_data["received_at"],
            channel=form.cleaned_data["channel"],
            text=form.cleaned_data["text"],
            files=form.cleaned_data["attachments"],
            registered_by=self.request.user,
        )
        return _("Svaret fra %(name)s er registreret.") % {"name": self.party.name}


class HearingPublishView(HearingActionView):
    def act(self, request) -> str:
        publish = request.POST.get("publish") == "1"
        services.hearing_publication_set(hearing=self.hearing, is_published=publish, changed_by=request.user)
        return (
            _("Den offentlige høringsside er slået til.")
            if publish
            else _("Den offentlige høringsside er slået fra.")
        )


class HearingPartyLinkView(HearingActionView):
    """Revoke or reissue one party's personal link."""

    def act(self, request) -> str:
        party = get_object_or_404(HearingParty, pk=self.kwargs["party_pk"], hearing=self.hearing)
        if request.POST.get("action") == "reissue":
            services.hearing_party_reissue(party=party, reissued_by=request.user)
            return _("Et nyt link er sendt til %(name)s; det gamle virker ikke længere.") % {
                "name": party.name
            }
        services.hearing_party_revoke(party=party, revoked_by=request.user)
        return _("Linket til %(name)s er tilbagekaldt.") % {"name": party.name}


def _attachment_response(attachment) -> FileResponse:
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


class HearingAttachmentView(HearingScopedMixin, CouncilAccessMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            ResponseAttachment, pk=self.kwargs["attachment_pk"], response__party__hearing=self.hearing
        )
        return _attachment_response(attachment)


# --- White paper ----------------------------------------------------------------------------------


class WhitePaperMixin(HearingScopedMixin):
    @cached_property
    def white_paper(self) -> WhitePaper:
        white_paper, _created = WhitePaper.objects.get_or_create(hearing=self.hearing)
        return white_paper


class WhitePaperDetailView(WhitePaperMixin, CouncilAccessMixin, TemplateView):
    template_name = "planning/hearings/whitepaper_detail.html"

    def get_context_data(self, **kwargs):
        hearing = self.hearing
        return super().get_context_data(
            hearing=hearing,
            plan=hearing.plan,
            white_paper=self.white_paper,
            groups=services.whitepaper_groups(white_paper=self.white_paper),
            rows=services.hearing_party_rows(hearing=hearing),
            changes=services.hearing_changes(hearing=hearing),
            can_manage=self.can_manage(),
            undecided=self.white_paper.points.filter(disposition="").count(),
            **kwargs,
        )


class WhitePaperEditView(WhitePaperMixin, CouncilAccessMixin, TemplateView):
    """Split each response into points; POST adds one point."""

    template_name = "planning/hearings/whitepaper_edit.html"
    council_permission = CouncilPerm.MANAGE

    def form_for(self, *, data=None, instance=None, initial=None, auto_id="id_%s"):
        hearing = self.hearing
        return WhitePaperPointForm(
            data,
            instance=instance,
            initial=initial,
            auto_id=auto_id,
            responses=HearingResponse.objects.filter(party__hearing=hearing).select_related("party"),
            sections=services.hearing_section_choices(hearing=hearing),
            revisions=services.whitepaper_revision_choices(hearing=hearing),
        )

    def get_context_data(self, **kwargs):
        hearing = self.hearing
        responses = list(services.hearing_current_responses(hearing=hearing))
        selected = self.request.GET.get("svar") or self.request.POST.get("response")
        forms_by_response = {}
        points = list(services.whitepaper_points(white_paper=self.white_paper))
        for response in responses:
            if kwargs.get("bound_form") is not None and str(response.pk) == str(selected):
                form = kwargs["bound_form"]
                form.auto_id = f"id_svar{response.pk}_%s"
                forms_by_response[response.pk] = form
            else:
                forms_by_response[response.pk] = self.form_for(
                    initial={"response": response.pk}, auto_id=f"id_svar{response.pk}_%s"
                )
        for response in responses:
            response.point_form = forms_by_response[response.pk]
            response.point_list = [point for point in points if point.response_id == response.pk]
        return super().get_context_data(
            hearing=hearing,
            plan=hearing.plan,
            white_paper=self.white_paper,
            responses=responses,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.form_for(data=request.POST)
        if form.is_valid():
            try:
                services.whitepaper_point_create(
                    white_paper=self.white_paper,
                    response=form.cleaned_data["response"],
                    segment=form.cleaned_data["segment"],
                    sections=list(form.cleaned_data["sections"]),
                    disposition=form.cleaned_data["disposition"],
                    reasoning=form.cleaned_data["reasoning"],
                    changed_revision=form.cleaned_data["changed_revision"],
                    created_by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Punktet er tilføjet hvidbogen."))
                url = reverse("whitepaper-edit", kwargs={"pk": self.hearing.pk})
                return HttpResponseRedirect(f"{url}#svar-{form.cleaned_data['response'].pk}")
        return self.render_to_response(self.get_context_data(bound_form=form))


class WhitePaperPointEditView(WhitePaperEditView):
    template_name = "planning/hearings/whitepaper_point_edit.html"

    @cached_property
    def point(self) -> WhitePaperPoint:
        return get_object_or_404(
            WhitePaperPoint.objects.select_related("response__party"),
            pk=self.kwargs["point_pk"],
            white_paper__hearing=self.hearing,
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form_for(instance=self.point))
        return TemplateView.get_context_data(
            self, hearing=self.hearing, plan=self.hearing.plan, point=self.point, **kwargs
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "delete":
            try:
                services.whitepaper_point_delete(point=self.point, deleted_by=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Punktet er slettet."))
            return redirect("whitepaper-edit", pk=self.hearing.pk)
        data = request.POST.copy()
        data["response"] = str(self.point.response_id)
        form = self.form_for(data=data, instance=self.point)
        if form.is_valid():
            try:
                services.whitepaper_point_update(
                    point=self.point,
                    segment=form.cleaned_data["segment"],
                    sections=list(form.cleaned_data["sections"]),
                    disposition=form.cleaned_data["disposition"],
                    reasoning=form.cleaned_data["reasoning"],
                    changed_revision=form.cleaned_data["changed_revision"],
                    changed_by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Punktet er gemt."))
                return redirect("whitepaper-detail", pk=self.hearing.pk)
        return self.render_to_response(self.get_context_data(form=form))


class WhitePaperFinaliseView(WhitePaperMixin, HearingActionView):
    def act(self, request) -> str:
        services.whitepaper_finalise(white_paper=self.white_paper, finalised_by=request.user)
        return _("Hvidbogen er gjort endelig.")

    def success_url(self) -> str:
        return reverse("whitepaper-detail", kwargs={"pk": self.hearing.pk})


class WhitePaperCsvView(WhitePaperMixin, CouncilAccessMixin, View):
    """The white paper as CSV (semicolon-separated, UTF-8 with BOM so Excel opens it in Danish)."""

    def get(self, request, *args, **kwargs):
        hearing = self.hearing
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="hvidbog-hoering-{hearing.pk}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [_("Høringspart"), _("Svar modtaget"), _("For sent"), _("Afsnit"), _("Uddrag"),
             _("Stillingtagen"), _("Bemærkning"), _("Ændret i version")]
        )  # fmt: skip
        for point in services.whitepaper_points(white_paper=self.white_paper):
            revision = point.changed_revision
            writer.writerow(
                [
                    point.response.party.name,
                    timezone.localtime(point.response.submitted_at).strftime("%d-%m-%Y %H:%M"),
                    _("Ja") if point.response.is_late else _("Nej"),
                    ", ".join(section.title for section in point.sections.all()),
                    point.segment,
                    point.get_disposition_display() or _("Ikke afgjort"),
                    point.reasoning,
                    f"{revision.section.title} v{revision.number}" if revision else "",
                ]
            )
        writer.writerow([])
        writer.writerow([_("Høringsliste"), _("Svar modtaget"), _("Dato")])
        for row in services.hearing_party_rows(hearing=hearing):
            writer.writerow(
                [
                    row.party.name,
                    _("Ja") if row.has_response else _("Nej"),
                    timezone.localtime(row.response.submitted_at).strftime("%d-%m-%Y")
                    if row.response
                    else "",
                ]
            )
        return response


class WhitePaperPdfView(WhitePaperMixin, CouncilAccessMixin, View):
    """The white paper as PDF, rendered synchronously through the shared renderer (a white paper is
    small). Same permissions as the white paper page: council members read."""

    def get(self, request, *args, **kwargs):
        hearing = self.hearing
        content = services.whitepaper_pdf_render(white_paper=self.white_paper)
        response = HttpResponse(content, content_type="application/pdf")
        filename = f"hvidbog-{slugify(hearing.plan.council.name)}-hoering-{hearing.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


# --- The party's pages (the signed token is the credential; no login) ------------------------------


class HearingPartyMixin:
    """Resolves the party from the URL's token; 404 for forged or foreign tokens, 403 page for revoked
    or expired links. The page never shows internal comments or other parties' responses."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.party = services.hearing_party_for_token(
                hearing_id=self.kwargs["pk"], token=self.kwargs["token"]
            )
        except services.HearingLinkUnavailable as exc:
            return TemplateResponse(
                request, "planning/hearings/party_link_unavailable.html", {"reason": exc.reason}, status=403
            )
        self.hearing = self.party.hearing
        return super().dispatch(request, *args, **kwargs)

    def party_url(self) -> str:
        return reverse("hearing-party", kwargs={"pk": self.hearing.pk, "token": self.kwargs["token"]})


class HearingPartyView(HearingPartyMixin, TemplateView):
    template_name = "planning/hearings/party_page.html"

    def make_form(self, data=None, files=None):
        current = self.party.responses.filter(replaced_by__isnull=True).first()
        initial = {"consent_to_publication": self.party.consent_to_publication}
        if current is not None:
            initial |= {"text": current.text, "sections": list(current.sections.values_list("pk", flat=True))}
        return HearingResponseForm(
            data, files, initial=initial, sections=services.hearing_section_choices(hearing=self.hearing)
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.make_form())
        kwargs["token"] = self.kwargs["token"]
        now = timezone.now()
        responses = self.party.responses.prefetch_related("attachments", "sections").order_by("-version")
        has_response = any(r.replaced_by_id is None for r in responses)
        refusal = services.hearing_answer_refusal(hearing=self.hearing, has_answer=has_response, now=now)
        return super().get_context_data(
            party=self.party,
            hearing=self.hearing,
            plan=self.hearing.plan,
            entries=services.hearing_snapshot_entries(hearing=self.hearing),
            responses=responses,
            is_past_deadline=now > self.hearing.deadline,
            can_answer=not refusal,
            refusal=refusal,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                response = services.hearing_response_submit(
                    party=self.party,
                    text=form.cleaned_data["text"],
                    sections=list(form.cleaned_data["sections"]),
                    files=form.cleaned_data["attachments"],
                    consent_to_publication=form.cleaned_data["consent_to_publication"],
                )
            except services.HearingAnswerRefused as refused:
                # Nothing is stored, but nothing typed is lost: the page shows the text to copy.
                context = self.get_context_data(form=form, kept_text=form.cleaned_data["text"])
                context["refusal"] = refused.messages[0]
                return self.render_to_response(context, status=409)
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                return redirect(
                    "hearing-party-receipt",
                    pk=self.hearing.pk,
                    token=self.kwargs["token"],
                    response_pk=response.pk,
                )
        return self.render_to_response(self.get_context_data(form=form))


class HearingPartyReceiptView(HearingPartyMixin, TemplateView):
    template_name = "planning/hearings/party_receipt.html"

    def get_context_data(self, **kwargs):
        response = get_object_or_404(
            HearingResponse.objects.prefetch_related("attachments", "sections"),
            pk=self.kwargs["response_pk"],
            party=self.party,
        )
        return super().get_context_data(
            party=self.party, hearing=self.hearing, response=response, party_url=self.party_url(), **kwargs
        )


class HearingPartyAttachmentView(HearingPartyMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            ResponseAttachment, pk=self.kwargs["attachment_pk"], response__party=self.party
        )
        return _attachment_response(attachment)


class HearingPartyPdfView(HearingPartyMixin, View):
    """The hearing's frozen version (its snapshot) as PDF for the party: the stored plan PDF if it is
    done, else rendered now through documents.services. Only this hearing's snapshot, never another."""

    def get(self, request, *args, **kwargs):
        hearing = self.hearing
        if hearing.snapshot_id is None:
            raise Http404
        document = pdf_services.plan_document_ensure(
            plan=hearing.plan, snapshot=hearing.snapshot, requested_by=None
        )
        if document.state != PlanDocument.State.DONE or not document.file:
            status = 500 if document.state == PlanDocument.State.FAILED else 503
            response = TemplateResponse(
                request,
                "planning/hearings/party_pdf_unavailable.html",
                {
                    "hearing": hearing,
                    "party": self.party,
                    "token": self.kwargs["token"],
                    "party_url": self.party_url(),
                    "document": document,
                },
                status=status,
            )
            response["Retry-After"] = "10"
            return response
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        filename = (
            f"{slugify(hearing.plan.title)[:60] or 'plan'}-{slugify(hearing.snapshot.name) or 'hoering'}.pdf"
        )
        response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
        response["Cache-Control"] = "private, no-store"
        return response


# --- The optional public page -------------------------------------------------------------------------


class HearingPublicView(TemplateView):
    """Read-only public page of a published hearing: the frozen text and consenting parties' responses."""

    template_name = "planning/hearings/hearing_public.html"

    def get_context_data(self, **kwargs):
        hearing = get_object_or_404(
            Hearing.objects.select_related("plan__council", "snapshot"),
            pk=self.kwargs["pk"],
            is_published=True,
            state__in=[Hearing.State.OPEN, Hearing.State.CLOSED],
        )
        responses = services.hearing_current_responses(hearing=hearing).filter(
            party__consent_to_publication=True
        )
        return super().get_context_data(
            hearing=hearing,
            plan=hearing.plan,
            entries=services.hearing_snapshot_entries(hearing=hearing),
            responses=responses,
            rows=services.hearing_party_rows(hearing=hearing),
            **kwargs,
        )


class HearingPublicAttachmentView(View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            ResponseAttachment,
            pk=self.kwargs["attachment_pk"],
            response__party__hearing_id=self.kwargs["pk"],
            response__party__hearing__is_published=True,
            response__party__consent_to_publication=True,
            response__replaced_by__isnull=True,
        )
        return _attachment_response(attachment)
