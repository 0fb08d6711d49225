"""Writes to plans: creation from the statutory template, section revisions with optimistic locking,
snapshots, and the plan's append-only history."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from councils.models import HealthCouncil
from planning.models import (
    Plan,
    PlanEvent,
    PlanSnapshot,
    Section,
    SectionRevision,
    SnapshotEntry,
    StatutoryArea,
)
from planning.sanitise import html_sanitise

# Suggested themes (002, point 4) that a new plan starts with after the five statutory areas.
TEMPLATE_THEMES = [
    "Psykiatriplan",
    "Almen praksis og speciallægepraksis",
    "Hjemmebehandlingsteams, akutsygepleje og præhospital",
    "Sundheds- og omsorgspladser",
    "Patientrettet forebyggelse",
    "Specialiseret genoptræning",
    "Tværgående forudsætninger: data, IT, forskning og digital først",
]


class RevisionConflict(Exception):
    """The section changed after the editor opened it; nothing was written."""

    def __init__(self, *, section: Section, base_revision_id: int | None, attempted_text: str):
        super().__init__("section changed since the edit started")
        self.section = section
        self.base_revision_id = base_revision_id
        self.attempted_text = attempted_text


def plan_event_record(*, plan: Plan, user, kind: str, data: dict | None = None) -> PlanEvent:
    return PlanEvent.objects.create(plan=plan, user=user, kind=kind, data=data or {})


@transaction.atomic
def plan_create(
    *,
    council: HealthCouncil,
    title: str,
    period_start_year: int,
    period_end_year: int,
    created_by,
    national_plan_reference: str = "",
    regional_plan_reference: str = "",
) -> Plan:
    """A new draft plan with one section per statutory area a–e, then the suggested themes."""
    plan = Plan(
        council=council,
        title=title,
        period_start_year=period_start_year,
        period_end_year=period_end_year,
        national_plan_reference=national_plan_reference,
        regional_plan_reference=regional_plan_reference,
        created_by=created_by,
    )
    plan.full_clean()
    plan.save()
    position = 0
    for area in StatutoryArea:
        position += 1
        _section_create(
            plan=plan, position=position, kind=Section.Kind.STATUTORY, statutory_area=area.value,
            title=str(area.label).split(". ", 1)[1], author=created_by,
        )  # fmt: skip
    for theme in TEMPLATE_THEMES:
        position += 1
        _section_create(plan=plan, position=position, kind=Section.Kind.THEME, title=theme, author=created_by)
    plan_event_record(plan=plan, user=created_by, kind=PlanEvent.Kind.CREATED, data={"title": title})
    return plan


def _section_create(
    *, plan: Plan, position: int, kind: str, title: str, author, statutory_area: str = ""
) -> Section:
    section = Section.objects.create(
        plan=plan, position=position, kind=kind, statutory_area=statutory_area, title=title
    )
    revision = SectionRevision.objects.create(section=section, number=1, title=title, text="", author=author)
    section.current_revision = revision
    section.save(update_fields=["current_revision"])
    return section


@transaction.atomic
def section_add(
    *, plan: Plan, title: str, added_by, kind: str = Section.Kind.FREE, statutory_area: str = ""
) -> Section:
    last = plan.sections.aggregate(last=Max("position"))["last"] or 0
    section = _section_create(
        plan=plan, position=last + 1, kind=kind, statutory_area=statutory_area, title=title, author=added_by
    )
    plan_event_record(
        plan=plan,
        user=added_by,
        kind=PlanEvent.Kind.SECTION_ADDED,
        data={"section": section.pk, "title": title},
    )
    return section


@transaction.atomic
def section_revision_save(
    *, section: Section, title: str, text: str, base_revision_id: int | None, author, note: str = ""
) -> SectionRevision:
    """Save a new revision of a section, unless someone saved after `base_revision_id`.

    The section row is locked while comparing, so two concurrent saves from the same base revision
    cannot both win: the second raises RevisionConflict and writes nothing.
    """
    locked = Section.objects.select_for_update().get(pk=section.pk)
    clean_text = html_sanitise(text)
    if locked.current_revision_id != base_revision_id:
        raise RevisionConflict(section=locked, base_revision_id=base_revision_id, attempted_text=clean_text)
    current = locked.current_revision
    if current is not None and current.text == clean_text and current.title == title:
        return current  # nothing changed: no empty revision
    number = (current.number if current else 0) + 1
    revision = SectionRevision.objects.create(
        section=locked, number=number, title=title, text=clean_text, author=author, note=note
    )
    locked.current_revision = revision
    locked.title = title
    locked.save(update_fields=["current_revision", "title"])
    section.current_revision = revision
    section.title = title
    plan_event_record(
        plan=locked.plan,
        user=author,
        kind=PlanEvent.Kind.SECTION_SAVED,
        data={"section": locked.pk, "revision": revision.pk, "number": number},
    )
    return revision


@transaction.atomic
def plan_snapshot_create(*, plan: Plan, name: str, created_by) -> PlanSnapshot:
    """Freeze the plan as it stands: each live section's current revision, number, goals and initiatives."""
    if not name.strip():
        raise ValueError(_("En navngiven version skal have et navn."))
    snapshot = PlanSnapshot.objects.create(
        plan=plan, name=name.strip(), plan_status=plan.status, created_by=created_by
    )
    sections = (
        plan.sections.filter(is_removed=False).order_by("position").prefetch_related("goals", "initiatives")
    )
    entries = []
    for number, section in enumerate(sections, start=1):
        entries.append(
            SnapshotEntry(
                snapshot=snapshot,
                section=section,
                revision_id=section.current_revision_id,
                position=section.position,
                number=number,
                title=section.title,
                statutory_area=section.statutory_area,
                goals=[{"title": g.title, "description": g.description} for g in section.goals.all()],
                initiatives=[
                    {
                        "title": i.title,
                        "description": i.description,
                        "responsible": i.responsible,
                        "start_date": i.start_date.isoformat() if i.start_date else None,
                        "end_date": i.end_date.isoformat() if i.end_date else None,
                        "indicator": i.indicator,
                        "statutory_area": i.statutory_area,
                        "national_goal_reference": i.national_goal_reference,
                    }
                    for i in section.initiatives.all()
                ],
            )
        )
    SnapshotEntry.objects.bulk_create(entries)
    plan_event_record(
        plan=plan,
        user=created_by,
        kind=PlanEvent.Kind.SNAPSHOT_CREATED,
        data={"snapshot": snapshot.pk, "name": name},
    )
    return snapshot
