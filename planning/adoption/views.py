"""Sundhedsstyrelsen's advice and the council's adoption of the plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from councils.mixins import CouncilAccessMixin
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can
from planning.adoption import services as adoption_services
from planning.adoption.forms import AdoptionForm, AdviceForm
from planning.adoption.models import PlanAdoption, SundhedsstyrelsenAdvice
from planning.plans.mixins import PlanScopedMixin, ReadWriteMixin, form_errors_from
from planning.plans.models import PlanEvent


class AdviceView(PlanScopedMixin, ReadWriteMixin, TemplateView):
    template_name = "planning/adoption/advice.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AdviceForm())
        return super().get_context_data(
            plan=self.plan,
            advice_list=self.plan.sst_advice.all(),
            can_manage=council_user_can(
                user=self.request.user, council=self.council, perm=CouncilPerm.MANAGE
            ),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = AdviceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                adoption_services.advice_record(
                    plan=self.plan,
                    received_on=form.cleaned_data["received_on"],
                    text=form.cleaned_data["text"],
                    document=form.cleaned_data["document"] or None,
                    recorded_by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Rådgivningen fra Sundhedsstyrelsen er registreret."))
                return redirect("plan-advice", plan_pk=self.plan.pk)
        return self.render_to_response(self.get_context_data(form=form))


class AdviceDocumentView(PlanScopedMixin, CouncilAccessMixin, View):
    def get(self, request, *args, **kwargs):
        advice = get_object_or_404(SundhedsstyrelsenAdvice, pk=self.kwargs["advice_pk"], plan=self.plan)
        if not advice.document:
            raise Http404
        return FileResponse(advice.document.open("rb"), as_attachment=True, filename=advice.document_name)


class PlanAdoptionView(PlanScopedMixin, ReadWriteMixin, TemplateView):
    template_name = "planning/adoption/plan_adoption.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        kwargs.setdefault("form", AdoptionForm(plan=plan))
        adoption = PlanAdoption.objects.filter(plan=plan).select_related("snapshot", "override_by").first()
        return super().get_context_data(
            plan=plan,
            adoption=adoption,
            blockers=adoption_services.plan_adoption_blockers(plan=plan) if adoption is None else [],
            missing=adoption_services.plan_adoption_missing_steps(plan=plan),
            override_events=plan.events.filter(kind=PlanEvent.Kind.ADOPTION_OVERRIDDEN),
            can_manage=council_user_can(
                user=self.request.user, council=self.council, perm=CouncilPerm.MANAGE
            ),
            is_admin=self.request.user.is_superuser,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = AdoptionForm(request.POST, plan=self.plan)
        if form.is_valid():
            try:
                adoption_services.plan_adopt(
                    plan=self.plan,
                    adopted_on=form.cleaned_data["adopted_on"],
                    meeting=form.cleaned_data["meeting"],
                    decision_text=form.cleaned_data["decision_text"],
                    override_reason=form.cleaned_data["override_reason"] if request.user.is_superuser else "",
                    adopted_by=request.user,
                    agenda_item=form.cleaned_data["agenda_item"],
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Planen er vedtaget."))
                return redirect("plan-adoption", plan_pk=self.plan.pk)
        return self.render_to_response(self.get_context_data(form=form))
