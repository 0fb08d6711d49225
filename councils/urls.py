from django.urls import path

from councils import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("mine-raad/", views.CouncilMineView.as_view(), name="council-mine"),
    path("raad/<slug:slug>/", views.CouncilDetailView.as_view(), name="council-detail"),
]
