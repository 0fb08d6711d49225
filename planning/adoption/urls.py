from django.urls import path

from planning.adoption import views

urlpatterns = [
    path("<int:plan_pk>/sundhedsstyrelsen/", views.AdviceView.as_view(), name="plan-advice"),
    path(
        "<int:plan_pk>/sundhedsstyrelsen/<int:advice_pk>/dokument/",
        views.AdviceDocumentView.as_view(),
        name="plan-advice-document",
    ),
    path("<int:plan_pk>/vedtagelse/", views.PlanAdoptionView.as_view(), name="plan-adoption"),
]
