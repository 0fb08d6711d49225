"""Writes to plans: creation from the statutory template, section revisions with optimistic locking,
snapshots, and the plan's append-only history."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from councils.models import HealthCouncil
from planning.common.sanitise import html_sanitise
from planning.common.states import TransitionRefused
from planning.plans import events
from planning.plans.models import (
    PLAN_STATUS,
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


class PlanFrozen(Exception):
    """A write to an adopted (or superseded) plan. Its text is the adopted text and never changes;
    changes go into an amendment (plan_amendment_start). Shown as a 409 page by PlanFrozenMiddleware."""

    def __init__(self, *, plan_id: int):
        self.plan_id = plan_id
        super().__init__(
            _(
                "Planen er vedtaget, og den vedtagne tekst kan ikke ændres. "
                "Start en ændring af planen for at arbejde videre på et nyt udkast."
            )
        )


FROZEN_STATUSES = (Plan.Status.ADOPTED, Plan.Status.SUPERSEDED)


def plan_editable_check(*, plan_id: int) -> None:
    """An adopted plan is frozen: its sections, title, goals, initiatives and named versions refuse
    every change (DOMAIN: the council adopts *the* plan; later changes are a new decision). A plan in
    hearing stays editable: edits go to the working draft while the hearing keeps its frozen snapshot.

    Reads the status under a row lock, so an edit cannot slip in while the plan is being adopted.
    """
    plans = Plan.objects.filter(pk=plan_id)
    if transaction.get_connection().in_atomic_block:
        plans = plans.select_for_update()
    status = plans.values_list("status", flat=True).first()
    if status in FROZEN_STATUSES:
        raise PlanFrozen(plan_id=plan_id)


class InvalidStatusTransition(TransitionRefused):
    """A plan status change the process does not allow (e.g. an adopted plan back to draft)."""


@transaction.atomic
def plan_status_change(*, plan: Plan, to_status: str, changed_by, reason: str) -> Plan:
    """Move a plan along its status pipeline and record it; a no-op when it is already there."""
    if plan.status == to_status:
        return plan
    from_status = PLAN_STATUS.apply(plan, to_status, error=InvalidStatusTransition)
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
    plan_editable_check(plan_id=plan.pk)
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
    plan_editable_check(plan_id=section.plan_id)
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
    plan_editable_check(plan_id=section.plan_id)
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
    plan_editable_check(plan_id=section.plan_id)
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
    plan_editable_check(plan_id=section.plan_id)
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
    plan_editable_check(plan_id=section.plan_id)
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
    plan_editable_check(plan_id=plan.pk)
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


@dataclass(frozen=True)
class _PlanItemKind:
    """What differs between the two kinds of item a section lists (goals and initiatives)."""

    fields: tuple[str, ...]
    related_name: str
    event: Callable[[Goal | Initiative, str], events.PlanEventData]


PLAN_ITEM_KINDS: dict[type, _PlanItemKind] = {
    Goal: _PlanItemKind(
        fields=GOAL_FIELDS,
        related_name="goals",
        event=lambda goal, action: events.GoalChanged(
            action=action, section=goal.section_id, goal=goal.pk, title=goal.title
        ),
    ),
    Initiative: _PlanItemKind(
        fields=INITIATIVE_FIELDS,
        related_name="initiatives",
        event=lambda initiative, action: events.InitiativeChanged(
            action=action, section=initiative.section_id, initiative=initiative.pk, title=initiative.title
        ),
    ),
}


@transaction.atomic
def plan_item_create(*, model: type[Goal | Initiative], section: Section, created_by, **fields):
    """Add a goal or an initiative at the end of a section's list."""
    spec = PLAN_ITEM_KINDS[model]
    plan_editable_check(plan_id=section.plan_id)
    item = model(section=section, position=_next_position(getattr(section, spec.related_name)))
    return _plan_item_save(item=item, spec=spec, fields=fields, user=created_by, action="created")


@transaction.atomic
def plan_item_update(*, item: Goal | Initiative, updated_by, **fields):
    spec = PLAN_ITEM_KINDS[type(item)]
    plan_editable_check(plan_id=item.section.plan_id)
    return _plan_item_save(item=item, spec=spec, fields=fields, user=updated_by, action="updated")


@transaction.atomic
def plan_item_delete(*, item: Goal | Initiative, deleted_by) -> None:
    plan_editable_check(plan_id=item.section.plan_id)
    _plan_item_event(item=item, user=deleted_by, action="deleted")
    item.delete()


def _plan_item_save(*, item, spec: _PlanItemKind, fields: dict, user, action: str):
    unknown = set(fields) - set(spec.fields)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(item, name, value)
    if "start_date" in spec.fields:
        _dates_check(start_date=item.start_date, end_date=item.end_date)
    item.full_clean()
    item.save()
    _plan_item_event(item=item, user=user, action=action)
    return item


def _plan_item_event(*, item, user, action: str) -> None:
    plan = Plan.objects.only("pk").get(sections=item.section_id)
    plan_event_record(plan=plan, user=user, event=PLAN_ITEM_KINDS[type(item)].event(item, action))


@transaction.atomic
def plan_snapshot_create(*, plan: Plan, name: str, created_by) -> PlanSnapshot:
    """A named version the secretariat asks for; refused once the plan is adopted (its adopted version
    is the last one)."""
    if not name.strip():
        raise ValueError(_("En navngiven version skal have et navn."))
    plan_editable_check(plan_id=plan.pk)
    return plan_snapshot_freeze(plan=plan, name=name, created_by=created_by)


@transaction.atomic
def plan_snapshot_freeze(*, plan: Plan, name: str, created_by) -> PlanSnapshot:
    """Freeze the plan as it stands: each live section's current revision, number, goals and initiatives.

    Used by the lifecycle itself (opening a hearing, adopting), whatever the plan's status."""
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


class AmendmentRefused(Exception):
    """Only an adopted plan can be amended."""


@transaction.atomic
def plan_amendment_start(*, plan: Plan, started_by) -> Plan:
    """ "Start en ændring af planen": a new draft cycle from the adopted text.

    The adopted plan stays frozen (its adopted snapshot is untouched); the amendment is a new plan that
    `amends` it, with the adopted sections, goals and initiatives as its first version. An amendment
    already under way is returned instead of a second one. When the amendment is adopted, the plan it
    amends becomes "Erstattet" (see planning.adoption).
    """
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.status != Plan.Status.ADOPTED:
        raise AmendmentRefused(_("Kun en vedtaget plan kan ændres med et nyt udkast."))
    open_amendment = locked.amendments.exclude(status__in=FROZEN_STATUSES).order_by("-pk").first()
    if open_amendment is not None:
        return open_amendment
    amendment = Plan(
        council=locked.council,
        title=locked.title,
        period_start_year=locked.period_start_year,
        period_end_year=locked.period_end_year,
        national_plan_reference=locked.national_plan_reference,
        regional_plan_reference=locked.regional_plan_reference,
        amends=locked,
        created_by=started_by,
    )
    amendment.full_clean()
    amendment.save()
    note = gettext_noop("Fra den vedtagne plan")
    sections = (
        locked.sections.filter(is_removed=False)
        .select_related("current_revision")
        .prefetch_related("goals", "initiatives")
        .order_by("position")
    )
    for position, section in enumerate(sections, start=1):
        copy = Section.objects.create(
            plan=amendment,
            position=position,
            kind=section.kind,
            statutory_area=section.statutory_area,
            title=section.title,
        )
        text = section.current_revision.text if section.current_revision else ""
        _revision_append(section=copy, title=section.title, text=text, author=started_by, note=note)
        Goal.objects.bulk_create(
            [
                Goal(section=copy, position=g.position, title=g.title, description=g.description)
                for g in section.goals.all()
            ]
        )
        Initiative.objects.bulk_create(
            [
                Initiative(
                    section=copy,
                    **{name: getattr(i, name) for name in ("position", *INITIATIVE_FIELDS)},
                )
                for i in section.initiatives.all()
            ]
        )
    adopted_snapshot = locked.snapshots.filter(plan_status=Plan.Status.ADOPTED).order_by("-pk").first()
    started = events.AmendmentStarted(
        adopted_plan=locked.pk,
        adopted_snapshot=adopted_snapshot.pk if adopted_snapshot else None,
        amendment=amendment.pk,
    )
    plan_event_record(plan=amendment, user=started_by, event=started)
    plan_event_record(plan=locked, user=started_by, event=started)
    return amendment
