"""Typed plan events: one class per thing that happens to a plan.

Each class names its `PlanEvent.Kind`, carries a typed payload and says in Danish what happened
(`summary`). Services build one and hand it to `plan_event_record`; the history page rebuilds it from
the stored row with `event_from_row`, so the stored JSON and the displayed text come from one place.

Payload fields map one to one onto the JSON keys of `PlanEvent.data`; a trailing underscore is dropped
(`from_` is stored as "from").
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import ClassVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planning.plans.models import PlanEvent

Kind = PlanEvent.Kind


def _key(name: str) -> str:
    return name.rstrip("_")


def _date_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        parsed = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{parsed.day}.{parsed.month}.{parsed.year}"


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanEventData:
    """Base of every typed event; subclasses set `kind` and declare their payload."""

    kind: ClassVar[str]

    def data(self) -> dict:
        return {_key(f.name): getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_data(cls, data: dict) -> PlanEventData:
        """Rebuild from stored JSON; keys written by an older version are ignored, missing ones defaulted."""
        values = {}
        for field in dataclasses.fields(cls):
            if _key(field.name) in data:
                values[field.name] = data[_key(field.name)]
            elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                values[field.name] = None
        return cls(**values)

    def summary(self) -> str:
        return ""


EVENT_TYPES: dict[str, type[PlanEventData]] = {}


def _register(cls):
    EVENT_TYPES[cls.kind] = cls
    return cls


_ACTIONS = {
    "created": gettext_lazy("oprettet"),
    "updated": gettext_lazy("ændret"),
    "deleted": gettext_lazy("slettet"),
}


def _action_text(action: str | None) -> str:
    return str(_ACTIONS.get(action or "", _ACTIONS["updated"]))


# --- Drafting ------------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanCreated(PlanEventData):
    kind: ClassVar[str] = Kind.CREATED
    title: str

    def summary(self) -> str:
        return self.title or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionAdded(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_ADDED
    section: int
    title: str = ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionRenamed(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_RENAMED
    section: int
    from_: str
    to: str
    revision: int | None = None

    def summary(self) -> str:
        return f"“{self.from_}” → “{self.to}”"


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionMoved(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_MOVED
    section: int
    direction: str
    title: str = ""

    def summary(self) -> str:
        return _("op") if self.direction == "up" else _("ned")


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionRemoved(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_REMOVED
    section: int
    title: str = ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionRestored(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_RESTORED
    section: int
    title: str = ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionConflict(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_CONFLICT
    section: int
    title: str
    text: str
    base_revision: int | None
    base_number: int | None
    current_revision: int | None

    def summary(self) -> str:
        return _("den ikke-gemte tekst er bevaret i afsnittets historik")


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SectionSaved(PlanEventData):
    kind: ClassVar[str] = Kind.SECTION_SAVED
    section: int
    revision: int
    number: int
    title: str = ""

    def summary(self) -> str:
        return _("version %(number)s") % {"number": self.number}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class GoalChanged(PlanEventData):
    kind: ClassVar[str] = Kind.GOAL_CHANGED
    goal: int | None
    section: int | None
    title: str
    action: str

    def summary(self) -> str:
        return f"{self.title} ({_action_text(self.action)})"


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class InitiativeChanged(PlanEventData):
    kind: ClassVar[str] = Kind.INITIATIVE_CHANGED
    initiative: int | None
    section: int | None
    title: str
    action: str

    def summary(self) -> str:
        return f"{self.title} ({_action_text(self.action)})"


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class SnapshotCreated(PlanEventData):
    kind: ClassVar[str] = Kind.SNAPSHOT_CREATED
    snapshot: int
    name: str

    def summary(self) -> str:
        return self.name or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class StatusChanged(PlanEventData):
    kind: ClassVar[str] = Kind.STATUS_CHANGED
    from_: str
    to: str
    reason: str = ""

    def summary(self) -> str:
        from planning.plans.models import Plan

        labels = dict(Plan.Status.choices)
        return f"{labels.get(self.from_, self.from_)} → {labels.get(self.to, self.to)}"


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class DetailsChanged(PlanEventData):
    kind: ClassVar[str] = Kind.DETAILS_CHANGED
    changed: dict


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class AmendmentStarted(PlanEventData):
    kind: ClassVar[str] = Kind.AMENDMENT_STARTED
    adopted_plan: int
    adopted_snapshot: int | None
    amendment: int | None = None

    def summary(self) -> str:
        return _("nyt udkast (plan nr. %(new)s) fra den vedtagne plan (nr. %(old)s)") % {
            "new": self.amendment,
            "old": self.adopted_plan,
        }


# --- Review ----------------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ProposalAccepted(PlanEventData):
    kind: ClassVar[str] = Kind.PROPOSAL_ACCEPTED
    proposal: int
    section: int
    revision: int
    with_edits: bool = False

    def summary(self) -> str:
        text = _("ændringsforslag nr. %(pk)s") % {"pk": self.proposal}
        return f"{text} ({_('med redigering')})" if self.with_edits else text


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ProposalRejected(PlanEventData):
    kind: ClassVar[str] = Kind.PROPOSAL_REJECTED
    proposal: int
    section: int
    reason: str = ""

    def summary(self) -> str:
        return _("ændringsforslag nr. %(pk)s: %(reason)s") % {"pk": self.proposal, "reason": self.reason}


# --- Hearing ---------------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingOpened(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_OPENED
    hearing: int
    snapshot: int
    deadline: str = ""

    def summary(self) -> str:
        if not self.deadline:
            return ""
        return _("frist %(date)s") % {"date": _date_text(self.deadline)}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingExtended(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_EXTENDED
    hearing: int
    from_: str
    to: str
    reason: str = ""

    def summary(self) -> str:
        return _("fristen flyttet fra %(old)s til %(new)s") % {
            "old": _date_text(self.from_),
            "new": _date_text(self.to),
        }


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingClosed(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_CLOSED
    hearing: int
    reason: str = ""
    early: bool = False

    def summary(self) -> str:
        if self.early:
            return _("før fristen: %(reason)s") % {"reason": self.reason}
        return self.reason or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingPublicationChanged(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_PUBLICATION_CHANGED
    hearing: int
    is_published: bool

    def summary(self) -> str:
        return (
            _("svarene er offentliggjort") if self.is_published else _("svarene er ikke længere offentlige")
        )


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingLinkRevoked(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_LINK_REVOKED
    hearing: int
    party: int
    name: str = ""

    def summary(self) -> str:
        return self.name or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class HearingLinkReissued(PlanEventData):
    kind: ClassVar[str] = Kind.HEARING_LINK_REISSUED
    hearing: int
    party: int
    name: str = ""

    def summary(self) -> str:
        return self.name or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ResponseReceived(PlanEventData):
    kind: ClassVar[str] = Kind.RESPONSE_RECEIVED
    hearing: int
    party: int
    response: int
    name: str = ""
    version: int = 1
    is_late: bool = False
    channel: str = "portal"

    def summary(self) -> str:
        text = _("%(name)s, version %(version)s") % {"name": self.name, "version": self.version}
        if self.channel == "post":
            text += ", " + _("registreret fra brev")
        elif self.channel == "email":
            text += ", " + _("registreret fra e-mail")
        return f"{text} ({_('efter fristen')})" if self.is_late else text


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class DispositionSet(PlanEventData):
    kind: ClassVar[str] = Kind.DISPOSITION_SET
    hearing: int
    point: int
    title: str = ""
    action: str = "updated"

    def summary(self) -> str:
        return f"{self.title} ({_action_text(self.action)})"


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class WhitePaperFinalised(PlanEventData):
    kind: ClassVar[str] = Kind.WHITE_PAPER_FINALISED
    hearing: int


# --- Adoption --------------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class AdviceRecorded(PlanEventData):
    kind: ClassVar[str] = Kind.ADVICE_RECORDED
    advice: int
    received_on: str

    def summary(self) -> str:
        return _("modtaget %(date)s") % {"date": _date_text(self.received_on)}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class AdoptionOverridden(PlanEventData):
    kind: ClassVar[str] = Kind.ADOPTION_OVERRIDDEN
    reason: str
    missing: list

    def summary(self) -> str:
        return _("begrundelse: %(reason)s") % {"reason": self.reason}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanAdopted(PlanEventData):
    kind: ClassVar[str] = Kind.ADOPTED
    adoption: int
    snapshot: int
    adopted_on: str
    agenda_item: int | None = None
    override: bool = False

    def summary(self) -> str:
        return _("vedtaget %(date)s") % {"date": _date_text(self.adopted_on)}


# --- Meetings --------------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class MeetingDecision(PlanEventData):
    kind: ClassVar[str] = Kind.MEETING_DECISION
    meeting: int
    item: int
    decision: str

    def summary(self) -> str:
        return self.decision or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class StopRightUsed(PlanEventData):
    kind: ClassVar[str] = Kind.STOP_RIGHT_USED
    item: int
    referral: int
    member: str = ""

    def summary(self) -> str:
        return self.member or ""


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class StopRightResolved(PlanEventData):
    kind: ClassVar[str] = Kind.STOP_RIGHT_RESOLVED
    item: int
    referral: int
    resolution: str = ""

    def summary(self) -> str:
        return self.resolution or ""


# --- Process plan ----------------------------------------------------------------------------------


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ProcessPlanCreated(PlanEventData):
    kind: ClassVar[str] = Kind.PROCESS_PLAN_CREATED


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ProcessSettingsChanged(PlanEventData):
    kind: ClassVar[str] = Kind.PROCESS_SETTINGS_CHANGED
    min_hearing_weeks: int
    reminder_offsets: list
    wants_advice_on_final_draft: bool

    def summary(self) -> str:
        return _("mindste høringsperiode %(weeks)s uger") % {"weeks": self.min_hearing_weeks}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class ProcessPlanAdopted(PlanEventData):
    kind: ClassVar[str] = Kind.PROCESS_PLAN_ADOPTED
    decided_on: str
    note: str = ""

    def summary(self) -> str:
        return _("besluttet %(date)s") % {"date": _date_text(self.decided_on)}


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class MilestoneChanged(PlanEventData):
    kind: ClassVar[str] = Kind.MILESTONE_CHANGED
    action: str
    title: str
    milestone: int | None = None
    to: str = ""
    from_: str = ""

    def summary(self) -> str:
        text = f"{self.title} ({_action_text(self.action)})"
        if self.from_ and self.to:
            text += " " + _("flyttet fra %(old)s til %(new)s") % {
                "old": _date_text(self.from_),
                "new": _date_text(self.to),
            }
        return text


@_register
@dataclasses.dataclass(frozen=True, kw_only=True)
class PhaseChanged(PlanEventData):
    kind: ClassVar[str] = Kind.PHASE_CHANGED
    action: str
    name: str
    phase: int | None = None
    start: str = ""
    end: str = ""

    def summary(self) -> str:
        return f"{self.name} ({_action_text(self.action)})"


def event_from_row(event: PlanEvent) -> PlanEventData | None:
    """The typed event behind a stored row (None for a kind without a class, e.g. legacy `other`)."""
    cls = EVENT_TYPES.get(event.kind)
    if cls is None:
        return None
    return cls.from_data(event.data if isinstance(event.data, dict) else {})


def event_summary(event: PlanEvent) -> str:
    typed = event_from_row(event)
    return typed.summary() if typed is not None else ""
