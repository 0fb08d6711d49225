"""Process plan pages: timeline, milestone and phase edits, settings, adoption, calendar feeds, overview."""

import csv
from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from councils.mixins import CouncilAccessMixin
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can, council_users
from planning.common.dates import danish_date, local_date
from planning.plans.models import Plan
from planning.process.forms import (
    CalendarTokenForm,
    MilestoneForm,
    PhaseForm,
    ProcessAdoptForm,
    ProcessSettingsForm,
)
from planning.process.ical import calendar_feed_build
from planning.process.models import CalendarFeedToken, Phase, ProcessMilestone
from planning.process.rules import STATUTORY_DEADLINE
from planning.process.selectors import (
    calendar_meetings_for_token,
    calendar_milestones_for_token,
    calendar_token_resolve,
    hearing_opened_for_plans,
    process_check,
    process_check_preview,
    process_milestones,
    process_overview_rows,
)
from planning.process.services import (
    ProcessPlanAlreadyAdopted,
    calendar_token_create,
    calendar_token_revoke,
    process_milestone_delete,
    process_milestone_save,
    process_phase_delete,
    process_phase_save,
    process_plan_adopt,
    process_plan_create_from_template,
    process_plan_settings_update,
)
from planning.process.timeline import overview_svg, timeline_svg
from reform.models import Milestone as ReformMilestone


class PlanProcessMixin(CouncilAccessMixin):
    """Loads the plan from the URL; council rights decide (404 other councils, 403 members on writes)."""

    needs_process_plan = True

    def get_council(self):
        self.plan = get_object_or_404(
            Plan.objects.select_related("council", "council__region"), pk=self.kwargs["pk"]
        )
        return self.plan.council

    @property
    def process_plan(self):
        process_plan = getattr(self.plan, "process_plan", None) if hasattr(self, "plan") else None
        if process_plan is None and self.needs_process_plan:
            raise Http404
        return process_plan

    def detail_url(self) -> str:
        return reverse("process-detail", kwargs={"pk": self.plan.pk})

    def crumbs(self, *extra):
        return [
            (_("Planer"), reverse("plan-list")),
            (self.plan.title, self.plan.get_absolute_url()),
            (_("Procesplan"), self.detail_url() if extra else None),
            *extra,
        ]


class ProcessDetailView(PlanProcessMixin, View):
    needs_process_plan = False

    def get(self, request, pk):
        today = timezone.localdate()
        process_plan = self.process_plan
        context = {
            "plan": self.plan,
            "process_plan": process_plan,
            "today": today,
            "deadline": STATUTORY_DEADLINE,
            "can_manage": council_user_can(
                user=request.user, council=self.plan.council, perm=CouncilPerm.MANAGE
            ),
            "crumbs": self.crumbs(),
        }
        reform = list(ReformMilestone.objects.filter(scope=ReformMilestone.Scope.NATIONAL).order_by("date"))
        context["reform_milestones"] = reform
        if process_plan is not None:
            process_plan.plan = self.plan
            milestones = process_milestones(process_plan=process_plan)
            phases = list(process_plan.phases.prefetch_related("responsible"))
            warnings, slack = process_check(process_plan=process_plan, milestones=milestones)
            context.update(
                milestones=milestones,
                phases=phases,
                warnings=warnings,
                slack=slack,
                late_days=-slack if slack is not None else None,
                hearing_opened_on=hearing_opened_for_plans(plan_ids=[self.plan.pk])[self.plan.pk],
                broken_ids={pk for w in warnings for pk in w.milestone_ids},
                svg=timeline_svg(
                    phases=phases,
                    milestones=milestones,
                    reform_milestones=reform,
                    today=today,
                    title=_("Tidslinje for procesplanen: %(plan)s") % {"plan": self.plan.title},
                ),
            )
        return render(request, "planning/process/process_detail.html", context)


class ProcessCreateView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE
    needs_process_plan = False

    def get(self, request, pk):
        return HttpResponseRedirect(self.detail_url())

    def post(self, request, pk):
        existed = self.process_plan is not None
        process_plan_create_from_template(plan=self.plan, created_by=request.user)
        if not existed:
            messages.success(
                request, _("Procesplanen er oprettet ud fra skabelonen. Alle datoer kan redigeres.")
            )
        return HttpResponseRedirect(self.detail_url())


class ProcessSettingsView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE
    template = "planning/process/process_settings.html"

    def get(self, request, pk):
        pp = self.process_plan
        form = ProcessSettingsForm(
            initial={
                "min_hearing_weeks": pp.min_hearing_weeks,
                "reminder_offsets": ", ".join(str(o) for o in pp.reminder_offsets),
                "wants_advice_on_final_draft": pp.wants_advice_on_final_draft,
            }
        )
        return self._render(form)

    def post(self, request, pk):
        form = ProcessSettingsForm(request.POST)
        if not form.is_valid():
            return self._render(form)
        self.process_plan.plan = self.plan
        process_plan_settings_update(
            process_plan=self.process_plan, changed_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Indstillingerne er gemt."))
        return HttpResponseRedirect(self.detail_url())

    def _render(self, form):
        return render(
            self.request,
            self.template,
            {"form": form, "plan": self.plan, "crumbs": self.crumbs((_("Indstillinger"), None))},
        )


class ProcessAdoptView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE
    template = "planning/process/process_adopt.html"

    def get(self, request, pk):
        return self._render(ProcessAdoptForm(initial={"decided_on": timezone.localdate()}))

    def post(self, request, pk):
        form = ProcessAdoptForm(request.POST)
        if form.is_valid():
            self.process_plan.plan = self.plan
            try:
                process_plan_adopt(
                    process_plan=self.process_plan, decided_by=request.user, **form.cleaned_data
                )
            except ProcessPlanAlreadyAdopted as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Rådets vedtagelse af procesplanen %(date)s er registreret.")
                    % {"date": danish_date(form.cleaned_data["decided_on"])},
                )
                return HttpResponseRedirect(self.detail_url())
        return self._render(form)

    def _render(self, form):
        return render(
            self.request,
            self.template,
            {
                "form": form,
                "plan": self.plan,
                "process_plan": self.process_plan,
                "crumbs": self.crumbs((_("Vedtag procesplan"), None)),
            },
        )


class MilestoneEditView(PlanProcessMixin, View):
    """Create (no milestone_pk) or edit one milestone. A change that breaks a rule the plan did not already
    break is shown with its warnings and saved only when the user confirms; nothing moves silently."""

    council_permission = CouncilPerm.MANAGE
    template = "planning/process/milestone_form.html"

    def get_milestone(self) -> ProcessMilestone:
        if "milestone_pk" not in self.kwargs:
            return ProcessMilestone(process_plan=self.process_plan)
        return get_object_or_404(
            ProcessMilestone, pk=self.kwargs["milestone_pk"], process_plan=self.process_plan
        )

    def get(self, request, pk, milestone_pk=None):
        milestone = self.get_milestone()
        users = council_users(council=self.plan.council)
        form = MilestoneForm(
            users=users,
            milestone=milestone if milestone.pk else None,
            initial=None if milestone.pk else {"status": "planned", "start_time": "09:00"},
        )
        return self._render(form, milestone)

    def post(self, request, pk, milestone_pk=None):
        milestone = self.get_milestone()
        self.process_plan.plan = self.plan
        form = MilestoneForm(request.POST, users=council_users(council=self.plan.council))
        if not form.is_valid():
            return self._render(form, milestone)
        old_start = milestone.starts_at
        candidate = form.apply_to(milestone)
        before, after, slack = process_check_preview(process_plan=self.process_plan, candidate=candidate)
        new_rules = [w for w in after if w.rule not in {b.rule for b in before}]
        if new_rules and not form.cleaned_data["confirm_warnings"]:
            return self._render(form, milestone, new_warnings=new_rules, slack=slack, status=200)
        process_milestone_save(
            milestone=candidate, responsible=form.cleaned_data["responsible"], changed_by=request.user
        )
        moved = ""
        if old_start is not None and old_start != candidate.starts_at:
            moved = _(" Flyttet fra %(old)s til %(new)s.") % {
                "old": danish_date(local_date(old_start)),
                "new": danish_date(local_date(candidate.starts_at)),
            }
        slack_text = (
            _("Slæk til fristen %(deadline)s: %(days)s dage.")
            % {"deadline": danish_date(STATUTORY_DEADLINE), "days": slack}
            if slack is not None
            else _("Der er ingen vedtagelse i procesplanen, så slækket kan ikke beregnes.")
        )
        messages.success(
            request,
            _("Milepælen »%(title)s« er gemt.%(moved)s Ingen andre datoer er ændret. %(slack)s")
            % {"title": candidate.title, "moved": moved, "slack": slack_text},
        )
        for warning in after:
            messages.warning(request, warning.message)
        return HttpResponseRedirect(self.detail_url())

    def _render(self, form, milestone, new_warnings=None, slack=None, status=200):
        title = _("Rediger milepæl") if milestone.pk else _("Ny milepæl")
        return render(
            self.request,
            self.template,
            {
                "form": form,
                "plan": self.plan,
                "milestone": milestone,
                "title": title,
                "new_warnings": new_warnings or [],
                "slack": slack,
                "deadline": STATUTORY_DEADLINE,
                "crumbs": self.crumbs((title, None)),
            },
            status=status,
        )


class MilestoneDeleteView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, pk, milestone_pk):
        milestone = get_object_or_404(ProcessMilestone, pk=milestone_pk, process_plan=self.process_plan)
        milestone.process_plan.plan = self.plan
        title = milestone.title
        process_milestone_delete(milestone=milestone, deleted_by=request.user)
        messages.success(request, _("Milepælen »%(title)s« er slettet.") % {"title": title})
        return HttpResponseRedirect(self.detail_url())


class PhaseEditView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE
    template = "planning/process/phase_form.html"

    def get_phase(self) -> Phase:
        if "phase_pk" not in self.kwargs:
            return Phase(process_plan=self.process_plan)
        return get_object_or_404(Phase, pk=self.kwargs["phase_pk"], process_plan=self.process_plan)

    def get(self, request, pk, phase_pk=None):
        phase = self.get_phase()
        return self._render(PhaseForm(instance=phase, users=council_users(council=self.plan.council)), phase)

    def post(self, request, pk, phase_pk=None):
        phase = self.get_phase()
        form = PhaseForm(request.POST, instance=phase, users=council_users(council=self.plan.council))
        if not form.is_valid():
            return self._render(form, phase)
        phase = form.save(commit=False)
        phase.process_plan.plan = self.plan
        process_phase_save(phase=phase, responsible=form.cleaned_data["responsible"], changed_by=request.user)
        messages.success(
            request,
            _("Fasen »%(name)s« er gemt. Ingen andre faser eller milepæle er flyttet.")
            % {"name": phase.name},
        )
        return HttpResponseRedirect(self.detail_url())

    def _render(self, form, phase):
        title = _("Rediger fase") if phase.pk else _("Ny fase")
        return render(
            self.request,
            self.template,
            {
                "form": form,
                "plan": self.plan,
                "phase": phase,
                "title": title,
                "crumbs": self.crumbs((title, None)),
            },
        )


class PhaseDeleteView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE

    def post(self, request, pk, phase_pk):
        phase = get_object_or_404(Phase, pk=phase_pk, process_plan=self.process_plan)
        phase.process_plan.plan = self.plan
        name = phase.name
        process_phase_delete(phase=phase, deleted_by=request.user)
        messages.success(request, _("Fasen »%(name)s« er slettet.") % {"name": name})
        return HttpResponseRedirect(self.detail_url())


# --- Calendar feeds ------------------------------------------------------------------------------


def _feed_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("calendar-feed", kwargs={"token": token}))


class CouncilCalendarTokensView(PlanProcessMixin, View):
    """The council's feed addresses (secretariat): list, make a new one (shown once), revoke."""

    council_permission = CouncilPerm.MANAGE
    needs_process_plan = False
    template = "planning/process/calendar_tokens.html"

    def get(self, request, pk):
        return self._render(CalendarTokenForm())

    def post(self, request, pk):
        form = CalendarTokenForm(request.POST)
        if not form.is_valid():
            return self._render(form)
        _token, secret = calendar_token_create(
            council=self.plan.council, created_by=request.user, label=form.cleaned_data["label"]
        )
        return self._render(CalendarTokenForm(), new_url=_feed_url(request, secret))

    def _render(self, form, new_url=""):
        tokens = CalendarFeedToken.objects.filter(council=self.plan.council)
        return render(
            self.request,
            self.template,
            {
                "form": form,
                "tokens": tokens,
                "new_url": new_url,
                "plan": self.plan,
                "scope": "council",
                "heading": _("Kalenderadresser for %(council)s") % {"council": self.plan.council},
                "crumbs": self.crumbs((_("Kalender"), None)),
            },
        )


class CouncilCalendarTokenRevokeView(PlanProcessMixin, View):
    council_permission = CouncilPerm.MANAGE
    needs_process_plan = False

    def post(self, request, pk, token_pk):
        feed_token = get_object_or_404(CalendarFeedToken, pk=token_pk, council=self.plan.council)
        calendar_token_revoke(feed_token=feed_token)
        messages.success(request, _("Kalenderadressen er tilbagekaldt og virker ikke længere."))
        return HttpResponseRedirect(reverse("process-calendar-tokens", kwargs={"pk": self.plan.pk}))


class UserCalendarTokensView(LoginRequiredMixin, View):
    """A user's own feed: milestones of every council the user may read at the time of fetching."""

    template = "planning/process/calendar_tokens.html"

    def get(self, request):
        return self._render(CalendarTokenForm())

    def post(self, request):
        if "revoke" in request.POST:
            feed_token = get_object_or_404(
                CalendarFeedToken, pk=request.POST.get("revoke") or 0, user=request.user
            )
            calendar_token_revoke(feed_token=feed_token)
            messages.success(request, _("Kalenderadressen er tilbagekaldt og virker ikke længere."))
            return HttpResponseRedirect(reverse("calendar-user-tokens"))
        form = CalendarTokenForm(request.POST)
        if not form.is_valid():
            return self._render(form)
        _token, secret = calendar_token_create(
            user=request.user, created_by=request.user, label=form.cleaned_data["label"]
        )
        return self._render(CalendarTokenForm(), new_url=_feed_url(request, secret))

    def _render(self, form, new_url=""):
        return render(
            self.request,
            self.template,
            {
                "form": form,
                "tokens": CalendarFeedToken.objects.filter(user=self.request.user),
                "new_url": new_url,
                "scope": "user",
                "heading": _("Min kalender"),
                "crumbs": [(_("Min kalender"), None)],
            },
        )


class CalendarFeedView(View):
    """The .ics feed; the token is the only credential. Unknown or revoked → 404."""

    def get(self, request, token):
        feed_token = calendar_token_resolve(token=token)
        milestones = calendar_milestones_for_token(feed_token=feed_token)
        name = (
            _("Procesplan – %(council)s") % {"council": feed_token.council}
            if feed_token.council_id
            else _("Sundhedsråd Planner – %(user)s") % {"user": feed_token.user.get_full_name()}
        )
        response = HttpResponse(
            calendar_feed_build(
                milestones=milestones,
                meetings=calendar_meetings_for_token(feed_token=feed_token),
                name=name,
            ),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="procesplan.ics"'
        response["Cache-Control"] = "private, max-age=300"
        response["Referrer-Policy"] = "no-referrer"
        return response


# --- National overview ---------------------------------------------------------------------------

SORTABLE = [
    ("region", _("Region")),
    ("council", _("Sundhedsråd")),
    ("phase", _("Aktuel fase")),
    ("next", _("Næste milepæl")),
    ("slack", _("Slæk til fristen (dage)")),
    ("hearing", _("Høring åbnet")),
    ("completeness", _("Lovbestemte områder færdige")),
    ("risk", _("I risiko")),
]


class ProcessOverviewView(LoginRequiredMixin, View):
    template = "planning/process/overview.html"

    def get(self, request):
        today = timezone.localdate()
        sort = request.GET.get("sort", "region")
        rows = process_overview_rows(user=request.user, today=today, sort=sort)
        current = sort.lstrip("-")
        columns = [
            {
                "key": key,
                "label": label,
                "active": key == current,
                "descending": key == current and sort.startswith("-"),
                "href": f"?sort={'-' if key == current and not sort.startswith('-') else ''}{key}",
            }
            for key, label in SORTABLE
        ]
        return render(
            request,
            self.template,
            {
                "rows": rows,
                "columns": columns,
                "today": today,
                "deadline": STATUTORY_DEADLINE,
                "days_to_deadline": (STATUTORY_DEADLINE - today).days,
                "sort": sort,
                "at_risk_count": sum(1 for r in rows if r.at_risk),
                "svg": overview_svg(rows=rows, today=today, title=_("Sundhedsrådenes vej mod 1. april 2027")),
                "crumbs": [(_("Nationalt overblik"), None)],
            },
        )


class ProcessOverviewCsvView(LoginRequiredMixin, View):
    def get(self, request):
        today = timezone.localdate()
        rows = process_overview_rows(user=request.user, today=today, sort=request.GET.get("sort", "region"))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="procesoverblik-{today.isoformat()}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 with a byte-order mark correctly
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [
                _("Region"),
                _("Sundhedsråd"),
                _("Plan"),
                _("Aktuel fase"),
                _("Næste milepæl"),
                _("Dato"),
                _("Dage til 1. april 2027"),
                _("Planlagt vedtagelse"),
                _("Slæk (dage)"),
                _("Høring åbnet"),
                _("Lovbestemte områder færdige (af 5)"),
                _("I risiko"),
                _("Årsager"),
            ]
        )
        for r in rows:
            writer.writerow(
                [
                    r.council.region.name,
                    r.council.name,
                    r.plan.title if r.plan else "",
                    r.current_phase,
                    r.next_milestone.title if r.next_milestone else "",
                    _iso(r.next_milestone_date),
                    r.days_to_deadline,
                    _iso(r.adoption_date),
                    "" if r.slack_days is None else r.slack_days,
                    _("ja") if r.hearing_opened else _("nej"),
                    "" if r.completeness is None else r.completeness,
                    _("ja") if r.at_risk else _("nej"),
                    " | ".join(text for _code, text in r.reasons),
                ]
            )
        return response


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
