from django.contrib import admin

from planning.plans.models import Plan, PlanEvent


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "status", "period_start_year", "period_end_year"]
    list_filter = ["status", "council__region"]


@admin.register(PlanEvent)
class PlanEventAdmin(admin.ModelAdmin):
    list_display = ["plan", "kind", "user", "created_at"]
    list_filter = ["kind"]

    def has_change_permission(self, request, obj=None):
        return False  # history is append-only

    def has_delete_permission(self, request, obj=None):
        return False
