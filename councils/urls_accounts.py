"""Login, logout and password reset: Django's own auth views with Danish templates.

Lockouts after repeated failed logins are answered by django-axes (registration/lockout.html).
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy


class PortalPasswordResetView(auth_views.PasswordResetView):
    """The reset link points at PORTAL_BASE_URL, never at whatever Host header the request carried."""

    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"portal_base_url": settings.PORTAL_BASE_URL.rstrip("/")}
        return super().form_valid(form)


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only (Django 5)
    path(
        "password-reset/",
        PortalPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("password-reset/sendt/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/faerdig/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
