"""Writes to plans: creation from the statutory template, section revisions with optimistic locking,
snapshots, and the plan's append-only history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from councils.models import HealthCouncil
from planning.common.sanitise import html_sanitise
from planning.plans import events
from planning.plans.models import (
    Goal,
    Initiative,
    Plan,
    PlanEvent,
    PlanSnapshot,
    Section,
    SectionRevision,
    SnapshotEntry,
    StatutoryArea,
)

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
        self.event: PlanEvent | None = None  # the SECTION_CONFLICT event that keeps the attempted text


def plan_event_record(*, plan: Plan, user, event: events.PlanEventData) -> PlanEvent:
    """Append one typed event to the plan's history (the only way a PlanEvent row is written)."""
    return PlanEvent.objects.create(plan=plan, user=user, kind=event.kind, data=event.data())


class InvalidStatusTransition(ValueError):
    """A plan status change the process does not allow (e.g. an adopted plan back to draft)."""


# Draft → in hearing → (closed) draft → adopted → superseded; a draft may also be adopted directly
# (only through plan_adopt's gates or an administrator's logged override).
STATUS_PIPELINE = {
    Plan.Status.DRAFT: {Plan.Status.IN_HEARING, Plan.Status.ADOPTED, Plan.Status.SUPERSEDED},
    Plan.Status.IN_HEARING: {Plan.Status.DRAFT},
    Plan.Status.ADOPTED: {Plan.Status.SUPERSEDED},
    Plan.Status.SUPERSEDED: set(),
}


@transaction.atomic
def plan_status_change(*, plan: Plan, to_status: str, changed_by, reason: str) -> Plan:
    """Move a plan along its status pipeline and record it; a no-op when it is already there."""
    if plan.status == to_status:
        return plan
    if to_status not in STATUS_PIPELINE[plan.status]:
        raise InvalidStatusTransition(f"{plan.status} -> {to_status}")
    from_status = plan.status
    plan.status = to_status
    plan.save(update_fields=["status", "updated_at"])
    plan_event_record(
        plan=plan,
        user=changed_by,
        event=events.StatusChanged(from_=from_status, to=to_status, reason=reason),
    )
    return plan


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
    plan_event_record(plan=plan, user=created_by, event=events.PlanCreated(title=title))
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
    if not title.strip():
        raise ValueError(_("Et afsnit skal have en overskrift."))
    section = _section_create(
        plan=plan,
        position=_next_position(plan.sections),
        kind=kind,
        statutory_area=statutory_area,
        title=title.strip(),
        author=added_by,
    )
    plan_event_record(
        plan=plan,
        user=added_by,
        event=events.SectionAdded(section=section.pk, title=title),
    )
    return section


def section_revision_save(
    *, section: Section, title: str, text: str, base_revision_id: int | None, author, note: str = ""
) -> SectionRevision:
    """Save a new revision of a section, unless someone saved after `base_revision_id`.

    The section row is locked while comparing, so two concurrent saves from the same base revision
    cannot both win: the second raises RevisionConflict and writes no revision. Its attempted text is
    kept anyway, as a SECTION_CONFLICT event in the plan's history, so no one's words are lost.
    """
    try:
        return _section_revision_save_locked(
            section=section,
            title=title,
            text=text,
            base_revision_id=base_revision_id,
            author=author,
            note=note,
        )
    except RevisionConflict as conflict:
        conflict.event = section_conflict_record(
            section=conflict.section,
            title=title,
            text=conflict.attempted_text,
            base_revision_id=base_revision_id,
            author=author,
        )
        raise


@transaction.atomic
def _section_revision_save_locked(
    *, section: Section, title: str, text: str, base_revision_id: int | None, author, note: str
) -> SectionRevision:
    locked = Section.objects.select_for_update().get(pk=section.pk)
    clean_text = html_sanitise(text)
    title = title.strip()
    if not title:
        raise ValueError(_("Et afsnit skal have en overskrift."))
    if locked.current_revision_id != base_revision_id:
        raise RevisionConflict(section=locked, base_revision_id=base_revision_id, attempted_text=clean_text)
    current = locked.current_revision
    if current is not None and current.text == clean_text and current.title == title:
        return current  # nothing changed: no empty revision
    revision = _revision_append(section=locked, title=title, text=clean_text, author=author, note=note)
    section.current_revision = revision
    section.title = title
    plan_event_record(
        plan=locked.plan,
        user=author,
        event=events.SectionSaved(
            section=locked.pk, revision=revision.pk, number=revision.number, title=title
        ),
    )
    return revision


def _revision_append(*, section: Section, title: str, text: str, author, note: str = "") -> SectionRevision:
    """Append the next revision to a locked section and point the section at it."""
    current = section.current_revision
    number = (current.number if current else 0) + 1
    revision = SectionRevision.objects.create(
        section=section, number=number, title=title, text=text, author=author, note=note
    )
    section.current_revision = revision
    section.title = title
    section.save(update_fields=["current_revision", "title"])
    return revision


def section_conflict_record(
    *, section: Section, title: str, text: str, base_revision_id: int | None, author
) -> PlanEvent:
    """Keep the text of a save that lost the race, so both texts stay in the plan's history."""
    base_number = (
        SectionRevision.objects.filter(pk=base_revision_id).values_list("number", flat=True).first()
        if base_revision_id
        else None
    )
    return plan_event_record(
        plan=section.plan,
        user=author,
        event=events.SectionConflict(
            section=section.pk,
            title=title,
            text=html_sanitise(text),
            base_revision=base_revision_id,
            base_number=base_number,
            current_revision=section.current_revision_id,
        ),
    )


@transaction.atomic
def section_rename(*, section: Section, title: str, renamed_by) -> Section:
    """Give a section a new heading; the rename is a new revision (same text), so history shows it."""
    title = title.strip()
    if not title:
        raise ValueError(_("Et afsnit skal have en overskrift."))
    locked = Section.objects.select_for_update().get(pk=section.pk)
    old_title = locked.title
    if old_title == title:
        return locked
    text = locked.current_revision.text if locked.current_revision else ""
    revision = _revision_append(
        section=locked, title=title, text=text, author=renamed_by, note=gettext_noop("Omdøbt")
    )
    plan_event_record(
        plan=locked.plan,
        user=renamed_by,
        event=events.SectionRenamed(section=locked.pk, from_=old_title, to=title, revision=revision.pk),
    )
    return locked


class SectionMove:
    UP = "up"
    DOWN = "down"


@transaction.atomic
def section_move(*, section: Section, direction: str, moved_by) -> bool:
    """Swap a live section with its live neighbour above or below; False (and no event) at the edge.

    Positions of all the plan's sections (removed ones too) are renumbered 1..n in the new order,
    so numbering never depends on gaps or ties left by earlier changes.
    """
    if direction not in (SectionMove.UP, SectionMove.DOWN):
        raise ValueError(f"unknown direction {direction!r}")
    ordered = list(
        Section.objects.select_for_update().filter(plan_id=section.plan_id).order_by("position", "pk")
    )
    live = [s for s in ordered if not s.is_removed]
    index = next((i for i, s in enumerate(live) if s.pk == section.pk), None)
    if index is None:
        return False
    neighbour_index = index - 1 if direction == SectionMove.UP else index + 1
    if not 0 <= neighbour_index < len(live):
        return False
    moving, neighbour = live[index], live[neighbour_index]
    ordered.remove(moving)
    at = ordered.index(neighbour)
    ordered.insert(at if direction == SectionMove.UP else at + 1, moving)
    changed = []
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    Section.objects.bulk_update(changed, ["position"])
    section.position = moving.position
    plan_event_record(
        plan=section.plan,
        user=moved_by,
        event=events.SectionMoved(section=moving.pk, title=moving.title, direction=direction),
    )
    return True


@transaction.atomic
def section_remove(*, section: Section, removed_by) -> Section:
    """Take a section out of the plan; it keeps its revisions and can be restored. Idempotent."""
    updated = Section.objects.filter(pk=section.pk, is_removed=False).update(
        is_removed=True, removed_at=timezone.now()
    )
    section.refresh_from_db(fields=["is_removed", "removed_at"])
    if updated:
        plan_event_record(
            plan=section.plan,
            user=removed_by,
            event=events.SectionRemoved(section=section.pk, title=section.title),
        )
    return section


@transaction.atomic
def section_restore(*, section: Section, restored_by) -> Section:
    """Bring a removed section back at its old place in the order. Idempotent."""
    updated = Section.objects.filter(pk=section.pk, is_removed=True).update(is_removed=False, removed_at=None)
    section.refresh_from_db(fields=["is_removed", "removed_at"])
    if updated:
        plan_event_record(
            plan=section.plan,
            user=restored_by,
            event=events.SectionRestored(section=section.pk, title=section.title),
        )
    return section


PLAN_DETAIL_FIELDS = (
    "title",
    "period_start_year",
    "period_end_year",
    "national_plan_reference",
    "regional_plan_reference",
)


@transaction.atomic
def plan_update(*, plan: Plan, updated_by, **fields) -> Plan:
    """Change a plan's details (not its status); records which fields changed, a no-op if none did."""
    unknown = set(fields) - set(PLAN_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"not plan details: {sorted(unknown)}")
    changed = {}
    for name, value in fields.items():
        old = getattr(plan, name)
        if old != value:
            changed[name] = [old, value]
            setattr(plan, name, value)
    if not changed:
        return plan
    plan.full_clean()
    plan.save(update_fields=[*changed, "updated_at"])
    plan_event_record(plan=plan, user=updated_by, event=events.DetailsChanged(changed=changed))
    return plan


GOAL_FIELDS = ("title", "description")
INITIATIVE_FIELDS = (
    "title",
    "description",
    "responsible",
    "start_date",
    "end_date",
    "indicator",
    "statutory_area",
    "national_goal_reference",
)


def _dates_check(*, start_date, end_date) -> None:
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge før startdatoen.")})


def _next_position(queryset) -> int:
    return (queryset.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def goal_create(*, section: Section, title: str, created_by, description: str = "") -> Goal:
    goal = Goal(section=section, title=title, description=description, position=_next_position(section.goals))
    goal.full_clean()
    goal.save()
    _goal_event(goal=goal, user=created_by, action="created")
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, updated_by, **fields) -> Goal:
    _fields_apply(instance=goal, fields=fields, allowed=GOAL_FIELDS)
    goal.full_clean()
    goal.save()
    _goal_event(goal=goal, user=updated_by, action="updated")
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal, deleted_by) -> None:
    _goal_event(goal=goal, user=deleted_by, action="deleted")
    goal.delete()


@transaction.atomic
def initiative_create(*, section: Section, created_by, title: str, responsible: str, **fields) -> Initiative:
    initiative = Initiative(
        section=section, title=title, responsible=responsible, position=_next_position(section.initiatives)
    )
    _fields_apply(instance=initiative, fields=fields, allowed=INITIATIVE_FIELDS)
    _dates_check(start_date=initiative.start_date, end_date=initiative.end_date)
    initiative.full_clean()
    initiative.save()
    _initiative_event(initiative=initiative, user=created_by, action="created")
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, updated_by, **fields) -> Initiative:
    _fields_apply(instance=initiative, fields=fields, allowed=INITIATIVE_FIELDS)
    _dates_check(start_date=initiative.start_date, end_date=initiative.end_date)
    initiative.full_clean()
    initiative.save()
    _initiative_event(initiative=initiative, user=updated_by, action="updated")
    return initiative


@transaction.atomic
def initiative_delete(*, initiative: Initiative, deleted_by) -> None:
    _initiative_event(initiative=initiative, user=deleted_by, action="deleted")
    initiative.delete()


def _fields_apply(*, instance, fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(instance, name, value)


def _goal_event(*, goal: Goal, user, action: str) -> None:
    plan = Plan.objects.only("pk").get(sections=goal.section_id)
    plan_event_record(
        plan=plan,
        user=user,
        event=events.GoalChanged(action=action, section=goal.section_id, goal=goal.pk, title=goal.title),
    )


def _initiative_event(*, initiative: Initiative, user, action: str) -> None:
    plan = Plan.objects.only("pk").get(sections=initiative.section_id)
    plan_event_record(
        plan=plan,
        user=user,
        event=events.InitiativeChanged(
            action=action, section=initiative.section_id, initiative=initiative.pk, title=initiative.title
        ),
    )


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
        event=events.SnapshotCreated(snapshot=snapshot.pk, name=name),
    )
    return snapshot
