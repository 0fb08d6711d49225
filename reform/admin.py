"""Admin for the reform's milestones and funding, with the same import rules as the councils admin."""

from django.contrib import admin

from councils.admin import ReferenceImportAdmin
from reform.models import FundingAllocation, Milestone
from reform.resources import FundingAllocationResource, MilestoneResource


@admin.register(Milestone)
class MilestoneAdmin(ReferenceImportAdmin):
    resource_classes = [MilestoneResource]
    list_display = ["date", "precision", "title", "scope", "is_statutory_deadline", "source_document"]
    list_filter = ["scope", "precision", "is_statutory_deadline"]
    search_fields = ["title", "key", "source_document"]
    prepopulated_fields = {"key": ["title"]}


@admin.register(FundingAllocation)
class FundingAllocationAdmin(ReferenceImportAdmin):
    resource_classes = [FundingAllocationResource]
    list_display = [
        "council",
        "programme",
        "amount_million_dkk",
        "per_citizen_dkk",
        "period_start_year",
        "period_end_year",
    ]
    list_filter = ["programme", "council__region"]
    list_select_related = ["council"]
