"""Admin for the reference data, with django-import-export (CSV with `,` or `;`, with or without BOM; XLSX).

Every upload is a dry run first (import-export's preview and confirm step); the confirmed import runs in one
transaction that is rolled back on any invalid row, so a bad file writes nothing.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportModelAdmin

from councils.imports import IMPORT_FORMATS, import_result_messages
from councils.models import CouncilAlias, CouncilMember, HealthCouncil, Municipality, Region
from councils.resources import (
    CouncilAliasResource,
    CouncilMemberResource,
    HealthCouncilResource,
    MunicipalityResource,
    RegionResource,
)


class ReferenceImportAdmin(ImportExportModelAdmin):
    """Import/export with the Danish reference formats, a Danish result page and all-or-nothing imports."""

    formats = IMPORT_FORMATS
    import_template_name = "councils/admin/import.html"

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error(
            "import_file",
            _(
                "Filen kunne ikke læses som det valgte format. Gem den som »CSV UTF-8« (komma eller "
                "semikolon) eller som XLSX, og vælg det tilsvarende format."
            ),
        )

    def process_dataset(self, dataset, form, request, **kwargs):
        kwargs.setdefault("rollback_on_validation_errors", True)  # one bad row: nothing is written
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            for text in import_result_messages(result=result):
                messages.error(request, text)
            messages.error(request, _("Importen blev afbrudt; intet er gemt."))
            url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            return HttpResponseRedirect(url)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            _("Importen er gennemført: %(new)s nye, %(updated)s opdaterede og %(skipped)s uændrede %(what)s.")
            % {
                "new": totals["new"],
                "updated": totals["update"],
                "skipped": totals["skip"],
                "what": self.opts.verbose_name_plural,
            },
        )


class CouncilAliasInline(admin.TabularInline):
    model = CouncilAlias
    extra = 0


@admin.register(Region)
class RegionAdmin(ReferenceImportAdmin):
    resource_classes = [RegionResource]
    list_display = ["name", "population_millions", "regional_council_size", "seat"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(HealthCouncil)
class HealthCouncilAdmin(ReferenceImportAdmin):
    resource_classes = [HealthCouncilResource]
    list_display = ["name", "region", "population_thousands", "published_member_count"]
    list_filter = ["region"]
    search_fields = ["name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CouncilAliasInline]


@admin.register(CouncilAlias)
class CouncilAliasAdmin(ReferenceImportAdmin):
    resource_classes = [CouncilAliasResource]
    list_display = ["alias", "council"]
    search_fields = ["alias", "council__name"]


@admin.register(Municipality)
class MunicipalityAdmin(ReferenceImportAdmin):
    resource_classes = [MunicipalityResource]
    list_display = ["name", "council", "region", "population", "published_two_votes"]
    list_filter = ["region", "council", "published_two_votes"]
    list_select_related = ["council", "region"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CouncilMember)
class CouncilMemberAdmin(ReferenceImportAdmin):
    resource_classes = [CouncilMemberResource]
    list_display = ["name", "party_letter", "council", "kind_display", "municipality", "is_chair"]
    list_filter = ["council", "kind", "is_chair"]
    list_select_related = ["council", "municipality"]
    search_fields = ["name", "council__name"]
    raw_id_fields = ["user"]

    @admin.display(description=gettext_lazy("type"))
    def kind_display(self, obj):
        return obj.get_kind_display() or _("Ikke angivet")
