from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView, ListView

from planning.selectors import plan_get_for_user, plan_list_for_user


class PlanListView(LoginRequiredMixin, ListView):
    template_name = "planning/plan_list.html"
    context_object_name = "plans"

    def get_queryset(self):
        return plan_list_for_user(user=self.request.user)


class PlanDetailView(LoginRequiredMixin, DetailView):
    template_name = "planning/plan_detail.html"
    context_object_name = "plan"

    def get_object(self, queryset=None):
        return plan_get_for_user(user=self.request.user, pk=self.kwargs["pk"])
