from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from councils.composition import council_composition
from councils.permissions import CouncilRole, council_group_name
from councils.selectors import (
    council_get_for_page,
    council_list_for_user,
    council_user_can,
    region_list_with_councils,
)


class HomeView(TemplateView):
    template_name = "councils/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(regions=region_list_with_councils(), **kwargs)


class CouncilDetailView(TemplateView):
    """Public reference page of one council: municipalities and votes, the composition check, members,
    funding and the reform milestones still ahead. A fixed number of queries whatever the council's size."""

    template_name = "councils/council_detail.html"

    def get_context_data(self, **kwargs):
        council = council_get_for_page(slug=self.kwargs["slug"])
        composition = council_composition(council=council)
        return super().get_context_data(
            council=council,
            composition=composition,
            can_access=council_user_can(user=self.request.user, council=council),
            members=council.members.all(),
            funding_allocations=council.funding_allocations.all(),
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
