"""django-import-export resources for the councils app (regions, councils, aliases, municipalities, members).

Columns are Danish; see `fixtures/*.csv` for complete examples. Unknown councils, regions and
municipalities are errors, never new records (only `load_reform` bootstraps them from `fixtures/`).
"""

from django.utils.translation import gettext as _
from import_export.fields import Field

from councils.imports import (
    ChoiceWidget,
    CouncilWidget,
    DecimalNumberWidget,
    MunicipalityWidget,
    NumberWidget,
    ReferenceResource,
    RegionWidget,
    TextWidget,
    YesNoWidget,
    cell_text,
)
from councils.models import CouncilAlias, CouncilMember, HealthCouncil, Municipality, Region
from councils.selectors import council_get_by_name, municipality_get_by_name, region_get_by_name
from councils.text import danish_slugify


class KeyNameField(Field):
    """The name that identifies a record: set when the record is created, never renamed by an import.

    A row may name an existing council by an alias; the council keeps its canonical name.
    """

    def save(self, instance, row, is_m2m=False, **kwargs):
        if instance.pk is None:
            super().save(instance, row, is_m2m, **kwargs)


class SluggedResource(ReferenceResource):
    def complete_instance(self, instance):
        if not instance.slug and instance.name:
            instance.slug = danish_slugify(instance.name)


class RegionResource(SluggedResource):
    name = KeyNameField(
        attribute="name", column_name="navn", widget=TextWidget(required=True, max_length=100)
    )
    population_millions = Field(
        attribute="population_millions", column_name="befolkning_mio", widget=DecimalNumberWidget()
    )
    regional_council_size = Field(
        attribute="regional_council_size", column_name="regionsrådsmedlemmer", widget=NumberWidget()
    )
    seat = Field(attribute="seat", column_name="hovedsæde", widget=TextWidget(max_length=100))

    required_columns = ("navn",)

    class Meta(ReferenceResource.Meta):
        model = Region
        fields = ("name", "population_millions", "regional_council_size", "seat")
        import_id_fields = ("name",)
        name = "Regioner"

    def get_instance(self, instance_loader, row):
        return region_get_by_name(name=cell_text(row.get("navn")))


class HealthCouncilResource(SluggedResource):
    name = KeyNameField(
        attribute="name", column_name="navn", widget=TextWidget(required=True, max_length=100)
    )
    region = Field(attribute="region", column_name="region", widget=RegionWidget())
    population_thousands = Field(
        attribute="population_thousands", column_name="befolkning_tusinder", widget=NumberWidget()
    )
    published_member_count = Field(
        attribute="published_member_count", column_name="medlemmer_offentliggjort", widget=NumberWidget()
    )

    required_columns = ("navn", "region")

    class Meta(ReferenceResource.Meta):
        model = HealthCouncil
        fields = ("name", "region", "population_thousands", "published_member_count")
        import_id_fields = ("name",)
        name = "Sundhedsråd"

    def get_instance(self, instance_loader, row):
        return council_get_by_name(name=cell_text(row.get("navn")))

    def row_checks(self, instance, row):
        if instance.pk is None:
            return {}
        elsewhere = instance.municipalities.exclude(region=instance.region).first()
        if elsewhere is not None:
            return {
                "region": _("Rådets kommune %(municipality)s ligger i %(region)s.")
                % {"municipality": elsewhere.name, "region": elsewhere.region}
            }
        return {}


class CouncilAliasResource(ReferenceResource):
    alias = Field(attribute="alias", column_name="alias", widget=TextWidget(required=True, max_length=100))
    council = Field(attribute="council", column_name="sundhedsråd", widget=CouncilWidget())

    required_columns = ("alias", "sundhedsråd")
    creatable_by_admin = True

    class Meta(ReferenceResource.Meta):
        model = CouncilAlias
        fields = ("alias", "council")
        import_id_fields = ("alias",)
        name = "Alternative rådsnavne"

    def get_instance(self, instance_loader, row):
        return CouncilAlias.objects.filter(alias__iexact=cell_text(row.get("alias"))).first()

    def row_checks(self, instance, row):
        if HealthCouncil.objects.filter(name__iexact=instance.alias).exists():
            return {"alias": _("Er allerede navnet på et sundhedsråd.")}
        return {}


class MunicipalityResource(SluggedResource):
    name = KeyNameField(
        attribute="name", column_name="navn", widget=TextWidget(required=True, max_length=100)
    )
    region = Field(attribute="region", column_name="region", widget=RegionWidget())
    council = Field(attribute="council", column_name="sundhedsråd", widget=CouncilWidget())
    population = Field(attribute="population", column_name="indbyggertal", widget=NumberWidget())
    published_two_votes = Field(
        attribute="published_two_votes", column_name="to_stemmer", widget=YesNoWidget()
    )

    required_columns = ("navn", "region", "sundhedsråd")

    class Meta(ReferenceResource.Meta):
        model = Municipality
        fields = ("name", "region", "council", "population", "published_two_votes")
        import_id_fields = ("name",)
        name = "Kommuner"

    def get_instance(self, instance_loader, row):
        return municipality_get_by_name(name=cell_text(row.get("navn")))

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self._council_before_import = None if new else instance.council

    def row_checks(self, instance, row):
        before = self._council_before_import
        if before is not None and instance.council_id != before.pk:
            return {
                "council": _(
                    "Kommunen hører allerede til sundhedsråd %(current)s; en kommune kan ikke høre til "
                    "to sundhedsråd. Flyt den i administrationen, hvis reformen ændres."
                )
                % {"current": before.name}
            }
        if instance.council.region_id != instance.region_id:
            return {
                "region": _("Sundhedsråd %(council)s ligger i %(region)s.")
                % {"council": instance.council.name, "region": instance.council.region}
            }
        return {}


class CouncilMemberResource(ReferenceResource):
    council = Field(attribute="council", column_name="sundhedsråd", widget=CouncilWidget())
    name = Field(attribute="name", column_name="navn", widget=TextWidget(required=True, max_length=200))
    party_letter = Field(attribute="party_letter", column_name="parti", widget=TextWidget(max_length=3))
    kind = Field(
        attribute="kind",
        column_name="type",
        widget=ChoiceWidget(
            choices=CouncilMember.Kind.choices,
            required=False,
            extra={
                "regionsrådet": CouncilMember.Kind.REGIONAL,
                "region": CouncilMember.Kind.REGIONAL,
                "kommunal": CouncilMember.Kind.MUNICIPAL,
                "kommune": CouncilMember.Kind.MUNICIPAL,
            },
        ),
    )
    municipality = Field(attribute="municipality", column_name="kommune", widget=MunicipalityWidget())
    is_chair = Field(attribute="is_chair", column_name="formand", widget=YesNoWidget())

    required_columns = ("sundhedsråd", "navn")
    creatable_by_admin = True

    class Meta(ReferenceResource.Meta):
        model = CouncilMember
        fields = ("council", "name", "party_letter", "kind", "municipality", "is_chair")
        import_id_fields = ("council", "name")
        name = "Rådsmedlemmer"

    def get_instance(self, instance_loader, row):
        council = council_get_by_name(name=cell_text(row.get("sundhedsråd")))
        if council is None:
            return None
        return CouncilMember.objects.filter(council=council, name=cell_text(row.get("navn"))).first()

    def row_checks(self, instance, row):
        errors = {}
        council = instance.council
        if instance.kind == CouncilMember.Kind.MUNICIPAL:
            municipality = instance.municipality
            if municipality is None:
                errors["municipality"] = _("Et kommunalt medlem skal have en kommune.")
            elif municipality.council_id != council.pk:
                errors["municipality"] = _("Kommunen hører ikke til sundhedsråd %(council)s.") % {
                    "council": council.name
                }
            else:
                twin = (
                    council.members.filter(kind=CouncilMember.Kind.MUNICIPAL, municipality=municipality)
                    .exclude(pk=instance.pk)
                    .first()
                )
                if twin is not None:
                    errors["municipality"] = _("Kommunen er allerede repræsenteret af %(name)s.") % {
                        "name": twin.name
                    }
        if instance.is_chair:
            chair = council.members.filter(is_chair=True).exclude(pk=instance.pk).first()
            if chair is not None:
                errors["is_chair"] = _("Sundhedsråd %(council)s har allerede en formand: %(name)s.") % {
                    "council": council.name,
                    "name": chair.name,
                }
        return errors
