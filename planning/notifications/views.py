"""The signed-in user's notifications and e-mail preferences."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from planning.notifications.forms import NotificationSettingForm
from planning.notifications.models import Notification, NotificationSetting
from planning.notifications.selectors import notification_list_for_user

# --- Notifications ---------------------------------------------------------------------------------


class NotificationListView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        page = Paginator(notification_list_for_user(user=request.user), 50).get_page(request.GET.get("side"))
        return render(
            request,
            "planning/notifications/notification_list.html",
            {"page": page, "notifications": page.object_list},
        )


class NotificationReadView(LoginRequiredMixin, View):
    """Mark one notification read; with open=1 go on to what it is about."""

    def post(self, request, *args, **kwargs):
        notification = Notification.objects.filter(user=request.user, pk=self.kwargs["pk"]).first()
        if notification is None:
            raise Http404
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
        if request.POST.get("open") and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}
        ):
            return HttpResponseRedirect(notification.url)
        return redirect("notification-list")


class NotificationReadAllView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        count = Notification.objects.filter(user=request.user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        messages.success(request, _("%(n)s notifikationer er markeret som læst.") % {"n": count})
        return redirect("notification-list")


class NotificationSettingsView(LoginRequiredMixin, View):
    def get_form(self, data=None):
        setting = NotificationSetting.objects.filter(user=self.request.user).first() or NotificationSetting(
            user=self.request.user
        )
        return NotificationSettingForm(data, instance=setting)

    def render_page(self, form):
        return render(self.request, "planning/notifications/notification_settings.html", {"form": form})

    def get(self, request, *args, **kwargs):
        return self.render_page(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            form.save()
            messages.success(request, _("Dine indstillinger er gemt."))
            return redirect("notification-settings")
        return self.render_page(form)
