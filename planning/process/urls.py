from django.urls import path

from planning.process import views as views

urlpatterns = [
    path("proces/overblik/", views.ProcessOverviewView.as_view(), name="process-overview"),
    path("proces/overblik.csv", views.ProcessOverviewCsvView.as_view(), name="process-overview-csv"),
    path("kalender/mine/", views.UserCalendarTokensView.as_view(), name="calendar-user-tokens"),
    path("kalender/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar-feed"),
    path("<int:pk>/proces/", views.ProcessDetailView.as_view(), name="process-detail"),
    path("<int:pk>/proces/opret/", views.ProcessCreateView.as_view(), name="process-create"),
    path("<int:pk>/proces/indstillinger/", views.ProcessSettingsView.as_view(), name="process-settings"),
    path("<int:pk>/proces/vedtag/", views.ProcessAdoptView.as_view(), name="process-adopt"),
    path("<int:pk>/proces/milepaele/ny/", views.MilestoneEditView.as_view(), name="process-milestone-create"),
    path(
        "<int:pk>/proces/milepaele/<int:milestone_pk>/",
        views.MilestoneEditView.as_view(),
        name="process-milestone-edit",
    ),
    path(
        "<int:pk>/proces/milepaele/<int:milestone_pk>/slet/",
        views.MilestoneDeleteView.as_view(),
        name="process-milestone-delete",
    ),
    path("<int:pk>/proces/faser/ny/", views.PhaseEditView.as_view(), name="process-phase-create"),
    path("<int:pk>/proces/faser/<int:phase_pk>/", views.PhaseEditView.as_view(), name="process-phase-edit"),
    path(
        "<int:pk>/proces/faser/<int:phase_pk>/slet/",
        views.PhaseDeleteView.as_view(),
        name="process-phase-delete",
    ),
    path(
        "<int:pk>/proces/kalender/", views.CouncilCalendarTokensView.as_view(), name="process-calendar-tokens"
    ),
    path(
        "<int:pk>/proces/kalender/<int:token_pk>/tilbagekald/",
        views.CouncilCalendarTokenRevokeView.as_view(),
        name="process-calendar-token-revoke",
    ),
]
