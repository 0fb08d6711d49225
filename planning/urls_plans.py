from django.urls import path

from planning.views import plans as views

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan-list"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
]
