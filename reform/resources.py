"""django-import-export resources for the reform's timeline and funding (rules as in councils/imports.py)."""

from django.utils.translation import gettext as _
from import_export.fields import Field

from councils.imports import (
    ChoiceWidget,
    CouncilWidget,
    DateWidget,
    DecimalNumberWidget,
    NumberWidget,
    ReferenceResource,
    RegionWidget,
    TextWidget,
    YesNoWidget,
    cell_text,
)
from councils.selectors import council_get_by_name
from reform.models import FundingAllocation, Milestone


class MilestoneResource(ReferenceResource):
    key = Field(attribute="key", column_name="nøgle", widget=TextWidget(required=True, max_length=120))
    date = Field(attribute="date", column_name="dato", widget=DateWidget())
    precision = Field(
        attribute="precision",
        column_name="præcision",
        widget=ChoiceWidget(
            choices=Milestone.Precision.choices, extra={"halvaar": "half_year", "maaned": "month"}
        ),
    )
    title = Field(attribute="title", column_name="titel", widget=TextWidget(required=True, max_length=300))
    description = Field(attribute="description", column_name="beskrivelse", widget=TextWidget())
    source_document = Field(
        attribute="source_document", column_name="kilde", widget=TextWidget(max_length=300)
    )
    scope = Field(
        attribute="scope",
        column_name="omfang",
        widget=ChoiceWidget(
            choices=Milestone.Scope.choices, extra={"national": "national", "råd": "council"}
        ),
    )
    region = Field(attribute="region", column_name="region", widget=RegionWidget(required=False))
    council = Field(attribute="council", column_name="sundhedsråd", widget=CouncilWidget(required=False))
    is_statutory_deadline = Field(
        attribute="is_statutory_deadline", column_name="lovbestemt_frist", widget=YesNoWidget()
    )

    required_columns = ("nøgle", "dato", "præcision", "titel", "omfang")
    creatable_by_admin = True

    class Meta(ReferenceResource.Meta):
        model = Milestone
        fields = (
            "key",
            "date",
            "precision",
            "title",
            "description",
            "source_document",
            "scope",
            "region",
            "council",
            "is_statutory_deadline",
        )
        import_id_fields = ("key",)
        name = "Milepæle"

    def get_instance(self, instance_loader, row):
        return Milestone.objects.filter(key=cell_text(row.get("nøgle"))).first()

    def row_checks(self, instance, row):
        errors = {}
        if instance.precision == Milestone.Precision.MONTH and instance.date.day != 1:
            errors["date"] = _("Med præcisionen måned skal datoen være den 1. i måneden.")
        if instance.precision == Milestone.Precision.HALF_YEAR and (
            instance.date.day,
            instance.date.month,
        ) not in {
            (1, 1),
            (1, 7),
        }:
            errors["date"] = _("Med præcisionen halvår skal datoen være 1. januar eller 1. juli.")
        if instance.scope == Milestone.Scope.NATIONAL and (instance.region_id or instance.council_id):
            errors["scope"] = _("En national milepæl har hverken region eller sundhedsråd.")
        if instance.scope == Milestone.Scope.REGION and (not instance.region_id or instance.council_id):
            errors["region"] = _("En regional milepæl skal have en region og intet sundhedsråd.")
        if instance.scope == Milestone.Scope.COUNCIL and not instance.council_id:
            errors["council"] = _("En milepæl for et sundhedsråd skal have et sundhedsråd.")
        return errors


class FundingAllocationResource(ReferenceResource):
    council = Field(attribute="council", column_name="sundhedsråd", widget=CouncilWidget())
    programme = Field(
        attribute="programme", column_name="pulje", widget=TextWidget(required=True, max_length=200)
    )
    amount_million_dkk = Field(
        attribute="amount_million_dkk", column_name="beløb_mio_kr", widget=DecimalNumberWidget(required=True)
    )
    per_citizen_dkk = Field(attribute="per_citizen_dkk", column_name="kr_pr_borger", widget=NumberWidget())
    period_start_year = Field(
        attribute="period_start_year", column_name="fra_år", widget=NumberWidget(required=True)
    )
    period_end_year = Field(
        attribute="period_end_year", column_name="til_år", widget=NumberWidget(required=True)
    )
    source_document = Field(
        attribute="source_document", column_name="kilde", widget=TextWidget(max_length=300)
    )

    required_columns = ("sundhedsråd", "pulje", "beløb_mio_kr", "fra_år", "til_år")
    creatable_by_admin = True

    class Meta(ReferenceResource.Meta):
        model = FundingAllocation
        fields = (
            "council",
            "programme",
            "amount_million_dkk",
            "per_citizen_dkk",
            "period_start_year",
            "period_end_year",
            "source_document",
        )
        import_id_fields = ("council", "programme")
        name = "Bevillinger"

    def get_instance(self, instance_loader, row):
        council = council_get_by_name(name=cell_text(row.get("sundhedsråd")))
        if council is None:
            return None
        return FundingAllocation.objects.filter(
            council=council, programme=cell_text(row.get("pulje"))
        ).first()

    def row_checks(self, instance, row):
        if not 2000 <= instance.period_start_year <= 2100:
            return {"period_start_year": _("Skal være et årstal, fx 2027.")}
        if instance.period_end_year < instance.period_start_year:
            return {"period_end_year": _("Slutåret må ikke ligge før startåret.")}
        return {}
