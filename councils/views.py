from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from councils.models import HealthCouncil, Municipality, Region
from councils.permissions import CouncilRole, council_group_name
from councils.selectors import council_list_for_user


class HomeView(TemplateView):
    template_name = "councils/home.html"

    def get_context_data(self, **kwargs):
        councils = HealthCouncil.objects.annotate(municipality_count=Count("municipalities")).order_by("name")
        regions = Region.objects.prefetch_related(Prefetch("councils", queryset=councils)).order_by("name")
        return super().get_context_data(regions=regions, **kwargs)


class CouncilDetailView(TemplateView):
    """Public reference page of one council: its municipalities and roster."""

    template_name = "councils/council_detail.html"

    def get_context_data(self, **kwargs):
        council = get_object_or_404(HealthCouncil.objects.select_related("region"), slug=self.kwargs["slug"])
        return super().get_context_data(
            council=council,
            municipalities=Municipality.objects.filter(council=council).order_by("name"),
            members=council.members.select_related("municipality").order_by("name"),
            **kwargs,
        )


class CouncilMineView(LoginRequiredMixin, TemplateView):
    """The landing page after login: the user's councils, their role in each, and where to go next."""

    template_name = "councils/council_mine.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        councils = list(
            council_list_for_user(user=user)
            .select_related("region")
            .annotate(municipality_count=Count("municipalities"))
            .order_by("region__name", "name")
        )
        group_names = set(user.groups.values_list("name", flat=True))
        role_labels = dict(CouncilRole.CHOICES)
        entries = []
        for council in councils:
            roles = [
                role_labels[role]
                for role, _label in CouncilRole.CHOICES
                if council_group_name(council=council, role=role) in group_names
            ]
            if user.is_superuser and not roles:
                roles = [_("Administrator")]
            entries.append({"council": council, "roles": roles})
        return super().get_context_data(entries=entries, **kwargs)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
