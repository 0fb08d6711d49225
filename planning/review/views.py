"""Review pages: a section's paragraphs with comment threads and change proposals, the plan's comment
overview and export, and the user's notifications. Views parse input, call one service or selector,
and render; council rights come from CouncilAccessMixin (404 for other councils, 403 for members on
secretariat actions, login for anonymous users)."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from councils.mixins import CouncilAccessMixin
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can
from planning.plans.models import Plan, Section
from planning.review.forms import (
    ChangeProposalDecisionForm,
    ChangeProposalForm,
    CommentEditForm,
    CommentForm,
    ReplyForm,
)
from planning.review.models import ChangeProposal, Comment
from planning.review.paragraphs import paragraphs_split
from planning.review.selectors import (
    EXPORT_HEADER,
    FILTERS,
    change_proposal_view,
    plan_review_export_rows,
    plan_review_get,
    section_review_get,
)
from planning.review.services import (
    CommentEditWindowClosed,
    CommentResult,
    ReviewError,
    change_proposal_accept,
    change_proposal_create,
    change_proposal_reject,
    comment_can_edit,
    comment_create,
    comment_delete,
    comment_reply,
    comment_status_change,
    comment_update,
    section_review_url,
)

FILTER_LABELS = {
    "open": gettext_lazy("Åbne"),
    "resolved": gettext_lazy("Løste"),
    "mine": gettext_lazy("Mine"),
    "all": gettext_lazy("Alle"),
}


class PlanReviewMixin(CouncilAccessMixin):
    """Loads `self.plan` from the URL; the plan's council decides who may enter."""

    def get_council(self):
        self.plan = get_object_or_404(Plan.objects.select_related("council"), pk=self.kwargs["plan_pk"])
        return self.plan.council

    def get_section(self) -> Section:
        return get_object_or_404(
            Section.objects.select_related("current_revision"),
            pk=self.kwargs["section_pk"],
            plan=self.plan,
            is_removed=False,
        )

    def get_comment(self) -> Comment:
        return get_object_or_404(
            Comment.objects.select_related("section", "section__current_revision", "author"),
            pk=self.kwargs["pk"],
            plan=self.plan,
        )

    @property
    def can_manage(self) -> bool:
        return council_user_can(user=self.request.user, council=self.plan.council, perm=CouncilPerm.MANAGE)

    def crumbs(self, *extra) -> list[tuple[str, str | None]]:
        return [
            (_("Planer"), reverse("plan-list")),
            (self.plan.title, self.plan.get_absolute_url()),
            (_("Kommentarer"), reverse("plan-review", kwargs={"plan_pk": self.plan.pk})),
            *extra,
        ]

    def back_to(self, default: str) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return default


def _filter_links(base_url: str, counts: dict[str, int], current: str) -> list[dict]:
    return [
        {
            "name": name,
            "label": FILTER_LABELS[name],
            "count": counts.get(name, 0),
            "url": f"{base_url}?filter={name}",
            "current": name == current,
        }
        for name in FILTERS
    ]


def _not_mentioned_warn(request, result: CommentResult) -> None:
    if result.not_mentioned:
        messages.warning(
            request,
            _(
                "Følgende kunne ikke nævnes, fordi de ikke er brugere i rådet, "
                "og har ikke fået besked: %(names)s"
            )
            % {"names": ", ".join(f"@{name}" for name in result.not_mentioned)},
        )


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- The section review page -----------------------------------------------------------------------


class SectionReviewView(PlanReviewMixin, View):
    """The section's current text in numbered paragraphs; each has a "Kommentér tekstafsnit N" link that
    pre-selects it in the comment form (?afsnit=N; with JavaScript the focus moves to the form)."""

    def get(self, request, *args, **kwargs):
        return self.render_page(section=self.get_section())

    def render_page(self, *, section, comment_form=None, proposal_form=None, status=200):
        review = section_review_get(
            section=section, user=self.request.user, filter_name=self.request.GET.get("filter", "open")
        )
        paragraphs = [view.paragraph for view in review.paragraphs]
        revision_id = section.current_revision_id
        selected = _int_or_none(self.request.GET.get("afsnit"))
        if comment_form is None:
            comment_form = CommentForm(
                paragraphs=paragraphs,
                initial={"paragraph": str(selected) if selected else "", "revision": revision_id},
            )
        proposed = _int_or_none(self.request.GET.get("foreslaa"))
        if proposal_form is None:
            initial_text = ""
            if proposed and 1 <= proposed <= len(paragraphs):
                initial_text = paragraphs[proposed - 1].text
            proposal_form = ChangeProposalForm(
                prefix="forslag",
                paragraphs=paragraphs,
                initial={
                    "paragraph": str(proposed or ""),
                    "revision": revision_id,
                    "proposed_text": initial_text,
                },
            )
        base_url = section_review_url(section=section)
        return render(
            self.request,
            "planning/review/section_review.html",
            {
                "plan": self.plan,
                "section": section,
                "review": review,
                "comment_form": comment_form,
                "proposal_form": proposal_form,
                "can_manage": self.can_manage,
                "filters": _filter_links(base_url, review.counts, review.filter_name),
                "selected_paragraph": selected,
                "proposed_paragraph": proposed,
                "crumbs": self.crumbs((section.title, None)),
                "next_url": self.request.get_full_path(),
            },
            status=status,
        )


class CommentCreateView(SectionReviewView):
    def get(self, request, *args, **kwargs):
        return redirect(section_review_url(section=self.get_section()))

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        revision = section.current_revision
        posted_revision = _int_or_none(request.POST.get("revision"))
        if posted_revision and revision and posted_revision != revision.pk:
            # The paragraph numbers refer to the revision the user read; the anchor is made on that one.
            revision = get_object_or_404(section.revisions.all(), pk=posted_revision)
        form = CommentForm(request.POST, paragraphs=paragraphs_split(revision.text if revision else ""))
        if form.is_valid():
            try:
                result = comment_create(
                    section=section,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    text_format=form.cleaned_data["text_format"],
                    revision=revision,
                    paragraph_index=form.cleaned_data["paragraph"],
                )
            except ReviewError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Din kommentar er gemt."))
                _not_mentioned_warn(request, result)
                return HttpResponseRedirect(
                    f"{section_review_url(section=section)}#kommentar-{result.comment.pk}"
                )
        messages.error(request, _("Kommentaren blev ikke gemt. Ret fejlene nedenfor."))
        return self.render_page(section=section, comment_form=form)


class ChangeProposalCreateView(SectionReviewView):
    def get(self, request, *args, **kwargs):
        return redirect(section_review_url(section=self.get_section()))

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        revision = section.current_revision
        posted_revision = _int_or_none(request.POST.get("forslag-revision"))
        if posted_revision and revision and posted_revision != revision.pk:
            revision = get_object_or_404(section.revisions.all(), pk=posted_revision)
        form = ChangeProposalForm(
            request.POST, prefix="forslag", paragraphs=paragraphs_split(revision.text if revision else "")
        )
        if form.is_valid():
            try:
                proposal = change_proposal_create(
                    section=section,
                    author=request.user,
                    paragraph_index=form.cleaned_data["paragraph"],
                    proposed_text=form.cleaned_data["proposed_text"],
                    justification=form.cleaned_data["justification"],
                    revision=revision,
                )
            except ReviewError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Dit ændringsforslag er sendt til sekretariatet."))
                return redirect("change-proposal-detail", plan_pk=self.plan.pk, pk=proposal.pk)
        messages.error(request, _("Ændringsforslaget blev ikke gemt. Ret fejlene nedenfor."))
        return self.render_page(section=section, proposal_form=form)


class SectionRevisionReviewView(PlanReviewMixin, View):
    """An older revision in numbered paragraphs: where an outdated comment's link points."""

    def get(self, request, *args, **kwargs):
        section = self.get_section()
        revision = get_object_or_404(section.revisions.all(), pk=self.kwargs["revision_pk"])
        return render(
            request,
            "planning/review/revision_review.html",
            {
                "plan": self.plan,
                "section": section,
                "revision": revision,
                "paragraphs": paragraphs_split(revision.text),
                "highlight": _int_or_none(request.GET.get("afsnit")),
                "crumbs": self.crumbs(
                    (section.title, section_review_url(section=section)),
                    (_("Version %(n)s") % {"n": revision.number}, None),
                ),
            },
        )


# --- Threads ---------------------------------------------------------------------------------------


class CommentReplyView(PlanReviewMixin, View):
    def get(self, request, *args, **kwargs):
        return self.render_page(comment=self.get_comment(), form=ReplyForm())

    def render_page(self, *, comment, form):
        root = comment if comment.parent_id is None else comment.parent
        return render(
            self.request,
            "planning/review/comment_reply.html",
            {
                "plan": self.plan,
                "root": root,
                "replies": root.replies.select_related("author").order_by("created_at", "pk"),
                "form": form,
                "crumbs": self.crumbs(
                    (root.section.title, section_review_url(section=root.section)), (_("Svar"), None)
                ),
            },
        )

    def post(self, request, *args, **kwargs):
        comment = self.get_comment()
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                result = comment_reply(
                    parent=comment,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    text_format=form.cleaned_data["text_format"],
                )
            except ReviewError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Dit svar er gemt."))
                _not_mentioned_warn(request, result)
                default = f"{section_review_url(section=comment.section)}?filter=all"
                return HttpResponseRedirect(
                    f"{self.back_to(default).split('#')[0]}#kommentar-{result.comment.pk}"
                )
        messages.error(request, _("Svaret blev ikke gemt. Ret fejlene nedenfor."))
        return self.render_page(comment=comment, form=form)


class CommentEditView(PlanReviewMixin, View):
    def dispatch_comment(self):
        comment = self.get_comment()
        if comment.author_id != self.request.user.pk or comment.is_deleted:
            raise PermissionDenied
        return comment

    def _closed(self, comment):
        messages.error(
            self.request,
            _("En kommentar kan kun redigeres i 15 minutter efter, den er skrevet. Skriv et svar i stedet."),
        )
        return HttpResponseRedirect(
            f"{section_review_url(section=comment.section)}?filter=all#kommentar-{comment.pk}"
        )

    def render_page(self, *, comment, form):
        return render(
            self.request,
            "planning/review/comment_edit.html",
            {
                "plan": self.plan,
                "comment": comment,
                "form": form,
                "crumbs": self.crumbs(
                    (comment.section.title, section_review_url(section=comment.section)),
                    (_("Redigér kommentar"), None),
                ),
            },
        )

    def get(self, request, *args, **kwargs):
        comment = self.dispatch_comment()
        if not comment_can_edit(comment=comment, user=request.user):
            return self._closed(comment)
        form = CommentEditForm(initial={"text": comment.text, "text_format": comment.text_format})
        return self.render_page(comment=comment, form=form)

    def post(self, request, *args, **kwargs):
        comment = self.dispatch_comment()
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                comment_update(
                    comment=comment,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    text_format=form.cleaned_data["text_format"],
                )
            except CommentEditWindowClosed:
                return self._closed(comment)
            except ReviewError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Kommentaren er opdateret."))
                return HttpResponseRedirect(
                    f"{section_review_url(section=comment.section)}?filter=all#kommentar-{comment.pk}"
                )
        return self.render_page(comment=comment, form=form)


class CommentDeleteView(PlanReviewMixin, View):
    """The author deletes their own comment, the secretariat any; a tombstone stays in the thread."""

    def get_allowed_comment(self):
        comment = self.get_comment()
        if comment.author_id != self.request.user.pk and not self.can_manage:
            raise PermissionDenied
        return comment

    def get(self, request, *args, **kwargs):
        comment = self.get_allowed_comment()
        return render(
            request,
            "planning/review/comment_delete.html",
            {
                "plan": self.plan,
                "comment": comment,
                "crumbs": self.crumbs(
                    (comment.section.title, section_review_url(section=comment.section)),
                    (_("Slet kommentar"), None),
                ),
            },
        )

    def post(self, request, *args, **kwargs):
        comment = self.get_allowed_comment()
        comment_delete(comment=comment, user=request.user, may_moderate=self.can_manage)
        messages.success(request, _("Kommentaren er slettet."))
        return HttpResponseRedirect(
            f"{section_review_url(section=comment.section)}?filter=all#kommentar-{comment.pk}"
        )


class CommentStatusView(PlanReviewMixin, View):
    council_permission = CouncilPerm.MANAGE
    to_status = Comment.Status.RESOLVED

    def post(self, request, *args, **kwargs):
        comment = self.get_comment()
        try:
            comment_status_change(comment=comment, user=request.user, to_status=self.to_status)
        except ReviewError as exc:
            messages.error(request, exc.message)
        else:
            if self.to_status == Comment.Status.RESOLVED:
                messages.success(request, _("Kommentaren er markeret som løst."))
            else:
                messages.success(request, _("Kommentaren er genåbnet."))
        return HttpResponseRedirect(self.back_to(section_review_url(section=comment.section)))


class CommentResolveView(CommentStatusView):
    to_status = Comment.Status.RESOLVED


class CommentReopenView(CommentStatusView):
    to_status = Comment.Status.OPEN


# --- Change proposals ------------------------------------------------------------------------------


class ChangeProposalDetailView(PlanReviewMixin, View):
    def get_proposal(self) -> ChangeProposal:
        return get_object_or_404(
            ChangeProposal.objects.select_related(
                "section",
                "section__current_revision",
                "author",
                "decided_by",
                "revision",
                "resulting_revision",
            ),
            pk=self.kwargs["pk"],
            plan=self.plan,
        )

    def render_page(self, *, proposal, form=None, status=200):
        view = change_proposal_view(proposal=proposal)
        if form is None:
            form = ChangeProposalDecisionForm(initial={"edited_text": proposal.proposed_text})
        return render(
            self.request,
            "planning/review/proposal_detail.html",
            {
                "plan": self.plan,
                "proposal": proposal,
                "view": view,
                "form": form,
                "can_manage": self.can_manage,
                "crumbs": self.crumbs(
                    (proposal.section.title, section_review_url(section=proposal.section)),
                    (_("Ændringsforslag nr. %(pk)s") % {"pk": proposal.pk}, None),
                ),
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.render_page(proposal=self.get_proposal())


class ChangeProposalDecideView(ChangeProposalDetailView):
    council_permission = CouncilPerm.MANAGE

    def get(self, request, *args, **kwargs):
        return redirect("change-proposal-detail", plan_pk=self.plan.pk, pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        form = ChangeProposalDecisionForm(request.POST)
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                if action == form.REJECT:
                    change_proposal_reject(
                        proposal=proposal, decided_by=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("Ændringsforslaget er afvist. Afsnittets tekst er uændret."))
                else:
                    proposal = change_proposal_accept(
                        proposal=proposal,
                        decided_by=request.user,
                        edited_text=form.cleaned_data["edited_text"]
                        if action == form.ACCEPT_WITH_EDITS
                        else None,
                    )
                    messages.success(
                        request,
                        _("Ændringsforslaget er indarbejdet som version %(n)s af afsnittet.")
                        % {"n": proposal.resulting_revision.number},
                    )
            except ReviewError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("change-proposal-detail", plan_pk=self.plan.pk, pk=proposal.pk)
        messages.error(request, _("Beslutningen blev ikke gemt. Ret fejlene nedenfor."))
        return self.render_page(proposal=self.get_proposal(), form=form)


# --- The plan's overview and export ----------------------------------------------------------------


class PlanReviewView(PlanReviewMixin, View):
    def get(self, request, *args, **kwargs):
        review = plan_review_get(
            plan=self.plan, user=request.user, filter_name=request.GET.get("filter", "open")
        )
        base_url = reverse("plan-review", kwargs={"plan_pk": self.plan.pk})
        return render(
            request,
            "planning/review/plan_review.html",
            {
                "plan": self.plan,
                "review": review,
                "can_manage": self.can_manage,
                "filters": _filter_links(base_url, review.counts, review.filter_name),
                "crumbs": self.crumbs()[:-1] + [(_("Kommentarer"), None)],
                "next_url": request.get_full_path(),
            },
        )


def _export_cell(value: str) -> str:
    """Cells that a spreadsheet would run as a formula are prefixed with an apostrophe."""
    return "'" + value if value and value[0] in "=+-@\t\r" else value


class PlanReviewExportView(PlanReviewMixin, View):
    export_format = "csv"

    def get(self, request, *args, **kwargs):
        rows = plan_review_export_rows(plan=self.plan)
        stamp = timezone.localdate().isoformat()
        filename = f"kommentarer-plan-{self.plan.pk}-{stamp}.{self.export_format}"
        if self.export_format == "xlsx":
            from openpyxl import Workbook
            from openpyxl.styles import Alignment, Font

            workbook = Workbook()
            sheet = workbook.active
            sheet.title = "Kommentarer"
            sheet.append(EXPORT_HEADER)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in rows:
                sheet.append([_export_cell(value) for value in row])
            for column, width in zip("ABCDEFGHI", [30, 12, 16, 8, 24, 17, 70, 12, 50], strict=True):
                sheet.column_dimensions[column].width = width
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.freeze_panes = "A2"
            buffer = io.BytesIO()
            workbook.save(buffer)
            response = HttpResponse(
                buffer.getvalue(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=";")  # Danish Excel reads semicolon-separated files
            writer.writerow(EXPORT_HEADER)
            writer.writerows([_export_cell(value) for value in row] for row in rows)
            response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
