"""Sundhedsstyrelsen's advice and the adoption of a plan, gated on the statutory steps (DOMAIN §3):
the council must have heard the regional patient & relatives committee (or relevant local patient
organisations) and obtained Sundhedsstyrelsen's advice before final adoption."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from planning.adoption.models import PlanAdoption, SundhedsstyrelsenAdvice
from planning.common.dates import local_date
from planning.common.uploads import upload_filename, upload_validate
from planning.hearings.models import Hearing, HearingParty
from planning.meetings.models import AgendaItem
from planning.meetings.selectors import plan_adoption_suspended
from planning.plans import events
from planning.plans.models import Plan
from planning.plans.services import plan_event_record, plan_snapshot_freeze, plan_status_change

ADOPTED_SNAPSHOT_NAME = "Vedtaget"


@transaction.atomic
def advice_record(
    *, plan: Plan, received_on: date, text: str, recorded_by, document=None
) -> SundhedsstyrelsenAdvice:
    """Record Sundhedsstyrelsen's advice; an optional document must be a real PDF, DOCX or ODT."""
    kind = upload_validate(file=document) if document is not None else None
    if not (text or "").strip():
        raise ValidationError({"text": _("Skriv rådgivningens indhold eller et resumé af den.")})
    advice = SundhedsstyrelsenAdvice(
        plan=plan, received_on=received_on, text=text.strip(), recorded_by=recorded_by
    )
    if document is not None and kind is not None:
        original_name = (getattr(document, "name", "") or "dokument").rsplit("/", 1)[-1][:255]
        advice.document_name = original_name
        document.seek(0)
        advice.document.save(upload_filename(original_name=original_name, kind=kind), document, save=False)
    advice.save()
    plan_event_record(
        plan=plan,
        user=recorded_by,
        event=events.AdviceRecorded(advice=advice.pk, received_on=received_on.isoformat()),
    )
    return advice


def plan_adoption_blockers(*, plan: Plan) -> list[str]:
    """Reasons no one can adopt the plan now (not even with an override)."""
    blockers = []
    if plan.status == Plan.Status.ADOPTED or PlanAdoption.objects.filter(plan=plan).exists():
        blockers.append(_("Planen er allerede vedtaget."))
    if plan.status == Plan.Status.SUPERSEDED:
        blockers.append(_("Planen er erstattet af en nyere plan."))
    if Hearing.objects.filter(plan=plan, state=Hearing.State.OPEN).exists():
        blockers.append(_("Planen er i høring. Afslut høringen, før planen vedtages."))
    if plan_adoption_suspended(plan=plan):
        blockers.append(
            _(
                "Et regionsrådsmedlem har brugt standsningsretten på et punkt om planen. Planen kan først "
                "vedtages, når regionsrådet har behandlet sagen."
            )
        )
    return blockers


def adoption_agenda_item_choices(*, plan: Plan) -> QuerySet[AgendaItem]:
    """Decided agenda items about this plan in the council's own meetings: the adopting decision."""
    return (
        AgendaItem.objects.filter(meeting__council=plan.council)
        .filter(Q(plan=plan) | Q(snapshot__plan=plan))
        .exclude(decision_text="")
        .select_related("meeting")
        .order_by("-meeting__date", "number")
    )


def plan_statutory_hearing(*, plan: Plan, now=None) -> Hearing | None:
    """The hearing that satisfies the law for this plan: a closed hearing of this plan's own frozen draft,
    with the regional patient & relatives committee (or relevant local patient organisations) invited,
    whose deadline has passed (closing early does not shorten the parties' time)."""
    now = now or timezone.now()
    return (
        Hearing.objects.filter(
            plan=plan,
            snapshot__plan=plan,
            state=Hearing.State.CLOSED,
            deadline__lte=now,
            parties__kind__in=HearingParty.STATUTORY_KINDS,
        )
        .order_by("-opened_at")
        .first()
    )


def plan_adoption_missing_steps(*, plan: Plan, now=None) -> list[str]:
    """The statutory steps not yet taken; an administrator may override these with a written reason.

    The plan must have been heard (plan_statutory_hearing) and Sundhedsstyrelsen's advice obtained on
    the draft that was heard, i.e. received on or after the day that hearing opened."""
    missing = []
    hearing = plan_statutory_hearing(plan=plan, now=now)
    if hearing is None:
        missing.append(
            _(
                "Der er ingen afsluttet høring af planens udkast med udløbet frist, hvor regionens "
                "patient- og pårørendeudvalg (eller relevante lokale patientorganisationer) er hørt."
            )
        )
    advice = SundhedsstyrelsenAdvice.objects.filter(plan=plan)
    if hearing is not None and hearing.opened_at:
        advice = advice.filter(received_on__gte=local_date(hearing.opened_at))
    if not advice.exists():
        missing.append(
            _("Rådgivning fra Sundhedsstyrelsen om det udkast, der har været i høring, er ikke registreret.")
        )
    return missing


@transaction.atomic
def plan_adopt(
    *,
    plan: Plan,
    adopted_on: date,
    meeting: str,
    decision_text: str,
    adopted_by,
    override_reason: str = "",
    agenda_item: AgendaItem | None = None,
) -> PlanAdoption:
    """Record the council's decision: the plan becomes "Vedtaget" and a "Vedtaget" snapshot is frozen.

    Refused while a statutory step is missing, unless an administrator gives a written reason; the
    override is logged as a PlanEvent and kept on the adoption.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    blockers = plan_adoption_blockers(plan=plan)
    if blockers:
        raise ValidationError(blockers)
    errors = {}
    if agenda_item is not None:
        if not adoption_agenda_item_choices(plan=plan).filter(pk=agenda_item.pk).exists():
            errors["agenda_item"] = _(
                "Punktet skal være et besluttet punkt om denne plan på rådets eget møde."
            )
        else:
            meeting = meeting or _("%(meeting)s, punkt %(number)s") % {
                "meeting": agenda_item.meeting,
                "number": agenda_item.number,
            }
            decision_text = decision_text or agenda_item.decision_text
    if not (meeting or "").strip():
        errors["meeting"] = _("Angiv mødet, hvor planen blev vedtaget.")
    if not (decision_text or "").strip():
        errors["decision_text"] = _("Skriv beslutningen.")
    if errors:
        raise ValidationError(errors)
    missing = plan_adoption_missing_steps(plan=plan)
    override_reason = (override_reason or "").strip()
    if missing:
        if not adopted_by.is_superuser:
            raise ValidationError(missing)
        if not override_reason:
            raise ValidationError(
                [*missing, _("En administrator kan vedtage alligevel ved at skrive en begrundelse.")]
            )
        plan_event_record(
            plan=plan,
            user=adopted_by,
            event=events.AdoptionOverridden(reason=override_reason, missing=[str(m) for m in missing]),
        )
    else:
        override_reason = ""
    plan_status_change(plan=plan, to_status=Plan.Status.ADOPTED, changed_by=adopted_by, reason="plan_adopted")
    if plan.amends_id is not None:
        amended = Plan.objects.select_for_update().get(pk=plan.amends_id)
        if amended.status == Plan.Status.ADOPTED:
            plan_status_change(
                plan=amended,
                to_status=Plan.Status.SUPERSEDED,
                changed_by=adopted_by,
                reason="amendment_adopted",
            )
    snapshot = plan_snapshot_freeze(plan=plan, name=_(ADOPTED_SNAPSHOT_NAME), created_by=adopted_by)
    adoption = PlanAdoption.objects.create(
        plan=plan,
        adopted_on=adopted_on,
        meeting=meeting.strip(),
        decision_text=decision_text.strip(),
        snapshot=snapshot,
        agenda_item=agenda_item,
        override_reason=override_reason,
        override_by=adopted_by if override_reason else None,
        recorded_by=adopted_by,
    )
    plan_event_record(
        plan=plan,
        user=adopted_by,
        event=events.PlanAdopted(
            adoption=adoption.pk,
            snapshot=snapshot.pk,
            adopted_on=adopted_on.isoformat(),
            agenda_item=agenda_item.pk if agenda_item else None,
            override=bool(override_reason),
        ),
    )
    return adoption
