"""Turns a write refused because the plan is adopted (PlanFrozen, from any service) into one Danish
409 page that explains why and offers "Start en ændring af planen"."""

from django.shortcuts import render

from planning.plans.models import Plan
from planning.plans.selectors import plan_frozen_context
from planning.plans.services import PlanFrozen


class PlanFrozenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PlanFrozen):
            return None
        plan = Plan.objects.select_related("council", "amends").get(pk=exception.plan_id)
        context = {**plan_frozen_context(plan=plan, user=request.user), "message": str(exception)}
        return render(request, "planning/plans/plan_frozen.html", context, status=409)
