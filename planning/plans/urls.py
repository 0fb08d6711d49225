from django.urls import path

from planning.plans import views as views

section = "<int:pk>/afsnit/<int:section_pk>"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan-list"),
    path("raad/<slug:slug>/ny/", views.PlanCreateView.as_view(), name="plan-create"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("<int:pk>/rediger/", views.PlanUpdateView.as_view(), name="plan-update"),
    path("<int:pk>/historik/", views.PlanHistoryView.as_view(), name="plan-history"),
    path("<int:pk>/aendring/", views.PlanAmendmentStartView.as_view(), name="plan-amendment-start"),
    path("<int:pk>/afsnit/nyt/", views.SectionAddView.as_view(), name="section-add"),
    path(f"{section}/rediger/", views.SectionEditView.as_view(), name="section-edit"),
    path(f"{section}/omdoeb/", views.SectionRenameView.as_view(), name="section-rename"),
    path(f"{section}/flyt/", views.SectionMoveView.as_view(), name="section-move"),
    path(f"{section}/fjern/", views.SectionRemoveView.as_view(), name="section-remove"),
    path(f"{section}/genskab/", views.SectionRestoreView.as_view(), name="section-restore"),
    path(f"{section}/historik/", views.SectionHistoryView.as_view(), name="section-history"),
    path(
        f"{section}/version/<int:number>/", views.SectionRevisionDetailView.as_view(), name="section-revision"
    ),
    path(f"{section}/forskelle/", views.SectionDiffView.as_view(), name="section-diff"),
    path(f"{section}/maal/nyt/", views.GoalCreateView.as_view(), name="goal-create"),
    path("<int:pk>/maal/<int:item_pk>/rediger/", views.GoalUpdateView.as_view(), name="goal-update"),
    path("<int:pk>/maal/<int:item_pk>/slet/", views.GoalDeleteView.as_view(), name="goal-delete"),
    path(f"{section}/indsatser/ny/", views.InitiativeCreateView.as_view(), name="initiative-create"),
    path(
        "<int:pk>/indsatser/<int:item_pk>/rediger/",
        views.InitiativeUpdateView.as_view(),
        name="initiative-update",
    ),
    path(
        "<int:pk>/indsatser/<int:item_pk>/slet/",
        views.InitiativeDeleteView.as_view(),
        name="initiative-delete",
    ),
    path("<int:pk>/versioner/", views.SnapshotListView.as_view(), name="snapshot-list"),
    path("<int:pk>/versioner/ny/", views.SnapshotCreateView.as_view(), name="snapshot-create"),
    path("<int:pk>/versioner/forskelle/", views.SnapshotDiffView.as_view(), name="snapshot-diff"),
    path("<int:pk>/versioner/<int:snapshot_pk>/", views.SnapshotDetailView.as_view(), name="snapshot-detail"),
]
