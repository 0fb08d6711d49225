from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils import timezone
from django.views.generic import TemplateView

from councils.composition import council_composition
from councils.selectors import council_get_for_page, council_list_for_user, region_list_with_councils


class HomeView(TemplateView):
    template_name = "councils/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(regions=region_list_with_councils(), **kwargs)


class CouncilDetailView(TemplateView):
    """Public reference page of one council: municipalities and votes, the composition check, members,
    funding and the reform milestones still ahead. A fixed number of queries whatever the council's size."""

    template_name = "councils/council_detail.html"

    def get_context_data(self, **kwargs):
        # The page shows the reform's timeline too; imported here so councils' models and services
        # keep not depending on the reform app.
        from reform.selectors import milestone_list_upcoming

        council = council_get_for_page(slug=self.kwargs["slug"])
        composition = council_composition(council=council)
        return super().get_context_data(
            council=council,
            composition=composition,
            members=council.members.all(),
            funding_allocations=council.funding_allocations.all(),
            milestones=milestone_list_upcoming(council=council, today=timezone.localdate()),
            **kwargs,
        )


class CouncilMineView(LoginRequiredMixin, TemplateView):
    template_name = "councils/council_mine.html"

    def get_context_data(self, **kwargs):
        councils = council_list_for_user(user=self.request.user).select_related("region")
        return super().get_context_data(councils=councils, **kwargs)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
