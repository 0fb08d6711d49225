"""View mixins shared by the features that hang off a plan (hearings, adoption)."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from councils.mixins import CouncilAccessMixin
from councils.permissions import CouncilPerm
from planning.plans.models import Plan


def form_errors_from(exc: ValidationError, form) -> None:
    """Put a service's ValidationError on the form, field by field where it names fields."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class ReadWriteMixin(CouncilAccessMixin):
    """GET reads (council members); POST writes (the secretariat)."""

    def dispatch(self, request, *args, **kwargs):
        self.council_permission = (
            CouncilPerm.ACCESS if request.method in ("GET", "HEAD") else CouncilPerm.MANAGE
        )
        return super().dispatch(request, *args, **kwargs)


class PlanScopedMixin:
    @cached_property
    def plan(self) -> Plan:
        return get_object_or_404(Plan.objects.select_related("council"), pk=self.kwargs["plan_pk"])

    def get_council(self):
        return self.plan.council
