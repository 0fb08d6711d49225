"""Loading the reform's reference data from `fixtures/` through the same import code as admin uploads."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy
from import_export.results import RowResult

from councils.imports import DanishCSV, import_result_messages
from councils.models import HealthCouncil
from councils.permissions import CouncilRole, council_group_ensure
from councils.resources import (
    CouncilAliasResource,
    HealthCouncilResource,
    MunicipalityResource,
    RegionResource,
)
from reform.resources import FundingAllocationResource, MilestoneResource

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# In dependency order: a council needs its region, a municipality its council.
REFERENCE_FILES = [
    ("regions.csv", RegionResource, gettext_lazy("Regioner")),
    ("councils.csv", HealthCouncilResource, gettext_lazy("Sundhedsråd")),
    ("council_aliases.csv", CouncilAliasResource, gettext_lazy("Alternative rådsnavne")),
    ("municipalities.csv", MunicipalityResource, gettext_lazy("Kommuner")),
    ("milestones.csv", MilestoneResource, gettext_lazy("Milepæle")),
    ("funding.csv", FundingAllocationResource, gettext_lazy("Bevillinger")),
]


class ReferenceDataError(Exception):
    """The reference data did not validate; nothing was written. `messages` are Danish, one per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class FileLoadCount:
    file_name: str
    label: object  # a lazy Danish label
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass
class ReferenceLoadReport:
    files: list[FileLoadCount] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(count.new or count.updated for count in self.files)


@transaction.atomic
def reform_reference_load(*, fixtures_dir: Path = FIXTURES_DIR) -> ReferenceLoadReport:
    """Load regions, councils, aliases, municipalities, milestones and funding from `fixtures_dir`.

    All or nothing: any bad row raises ReferenceDataError and the transaction is rolled back.
    Idempotent: a second run finds every row unchanged and writes nothing.
    """
    report = ReferenceLoadReport()
    csv_format = DanishCSV(encoding="utf-8-sig")
    for file_name, resource_class, label in REFERENCE_FILES:
        text = (fixtures_dir / file_name).read_text(encoding="utf-8-sig")
        dataset = csv_format.create_dataset(text)
        result = resource_class(create_missing=True).import_data(
            dataset,
            dry_run=False,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
        if result.has_errors() or result.has_validation_errors():
            raise ReferenceDataError(import_result_messages(result=result, file_name=file_name))
        report.files.append(
            FileLoadCount(
                file_name=file_name,
                label=label,
                new=result.totals[RowResult.IMPORT_TYPE_NEW],
                updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
                unchanged=result.totals[RowResult.IMPORT_TYPE_SKIP],
            )
        )
    # One group per council and role, with its object permissions, so administrators grant a role by
    # adding a user to "sundhedsraad:<council>:<role>" on the user's admin page.
    for council in HealthCouncil.objects.all():
        for role, _label in CouncilRole.CHOICES:
            council_group_ensure(council=council, role=role)
    return report
