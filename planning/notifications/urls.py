from django.urls import path

from planning.notifications import views

urlpatterns = [
    path("notifikationer/", views.NotificationListView.as_view(), name="notification-list"),
    path("notifikationer/<int:pk>/laest/", views.NotificationReadView.as_view(), name="notification-read"),
    path("notifikationer/alle-laest/", views.NotificationReadAllView.as_view(), name="notification-read-all"),
    path(
        "notifikationer/indstillinger/",
        views.NotificationSettingsView.as_view(),
        name="notification-settings",
    ),
]
