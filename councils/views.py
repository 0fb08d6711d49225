from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from councils.models import HealthCouncil, Municipality, Region
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
    template_name = "councils/council_mine.html"

    def get_context_data(self, **kwargs):
        councils = council_list_for_user(user=self.request.user).select_related("region")
        return super().get_context_data(councils=councils, **kwargs)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
