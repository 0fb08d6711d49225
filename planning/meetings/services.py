"""Writes for council meetings: meetings and participants, agenda items and Bilag, decisions and weighted
votes, the stop right (standsningsret), issued minutes and their approval, and the Dagsorden/Referat PDFs."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.composition import municipality_votes
from councils.models import CouncilMember, HealthCouncil
from planning.common.dates import danish_date
from planning.common.sanitise import html_sanitise
from planning.common.uploads import upload_filename, upload_validate
from planning.meetings.models import (
    MEETING_STATUS,
    AgendaItem,
    Attachment,
    Meeting,
    MeetingParticipant,
    MinutesApproval,
    MinutesVersion,
    StopRightReferral,
    Vote,
)
from planning.notifications.services import notifications_create_for
from planning.plans import events
from planning.plans.models import Plan, PlanSnapshot
from planning.plans.services import plan_event_record


class MeetingError(ValueError):
    """A meeting action that the rules do not allow; the message is Danish and shown to the user."""


# --- Meetings ----------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    council: HealthCouncil,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time | None = None,
    place: str = "",
    kind: str = Meeting.Kind.ORDINARY,
    approval_rule: str = Meeting.ApprovalRule.ALL_PRESENT,
    note: str = "",
) -> Meeting:
    """A planned meeting with every current council member (observers too) as a participant, present."""
    meeting = Meeting(
        council=council,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        kind=kind,
        approval_rule=approval_rule,
        note=note,
    )
    meeting.full_clean()
    meeting.save()
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(meeting=meeting, member=member) for member in council.members.all()
    )
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    allowed = {"date", "start_time", "end_time", "place", "kind", "approval_rule", "note"}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save()
    return meeting


def participant_attendance_set(*, participant: MeetingParticipant, attendance: str) -> MeetingParticipant:
    if participant.attendance != attendance:
        participant.attendance = attendance
        participant.full_clean()
        participant.save(update_fields=["attendance"])
    return participant


def _meeting_has_items_guard(to_status: str):
    def guard(meeting: Meeting) -> list[str]:
        if to_status == Meeting.Status.AGENDA_PUBLISHED and not meeting.items.exists():
            return [_("Dagsordenen har ingen punkter endnu.")]
        return []

    return guard


@transaction.atomic
def meeting_status_change(*, meeting: Meeting, to_status: str, changed_by) -> Meeting:
    """Move a meeting along planned → agenda published → held → minutes approved; no-op if already there.

    "Minutes approved" is reached only through the approval services, which check the approval rule.
    """
    if meeting.status == to_status:
        return meeting
    MEETING_STATUS.apply(meeting, to_status, guards=[_meeting_has_items_guard(to_status)], error=MeetingError)
    update = ["status"]
    if to_status == Meeting.Status.AGENDA_PUBLISHED:
        meeting.agenda_published_at = timezone.now()
        update.append("agenda_published_at")
    meeting.save(update_fields=update)
    return meeting


# --- Agenda items ------------------------------------------------------------------------------

ITEM_FIELDS = {
    "case_number", "title", "is_closed", "resume", "case_presentation", "recommendation_kind", "proposals",
    "guests", "plan", "snapshot", "hearing",
}  # fmt: skip


def _item_links_check(
    *, meeting: Meeting, plan: Plan | None, snapshot: PlanSnapshot | None, hearing=None
) -> None:
    if plan is not None and plan.council_id != meeting.council_id:
        raise MeetingError(_("Planen hører til et andet sundhedsråd."))
    if snapshot is not None and snapshot.plan.council_id != meeting.council_id:
        raise MeetingError(_("Den navngivne version hører til et andet sundhedsråd."))
    if plan is not None and snapshot is not None and snapshot.plan_id != plan.pk:
        raise MeetingError(_("Den navngivne version hører ikke til den valgte plan."))
    if hearing is not None and hearing.plan.council_id != meeting.council_id:
        raise MeetingError(_("Høringen hører til et andet sundhedsråd."))
    if hearing is not None and plan is not None and hearing.plan_id != plan.pk:
        raise MeetingError(_("Høringen hører ikke til den valgte plan."))


@transaction.atomic
def agenda_item_create(
    *, meeting: Meeting, title: str, created_by, number: int | None = None, **fields
) -> AgendaItem:
    """A new item, numbered after the last one unless `number` is given; case presentation sanitised."""
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(sorted(unknown))
    if number is None:
        number = (meeting.items.aggregate(last=Max("number"))["last"] or 0) + 1
    elif meeting.items.filter(number=number).exists():
        raise MeetingError(_("Der findes allerede et punkt %(number)s på dagsordenen.") % {"number": number})
    _item_links_check(
        meeting=meeting,
        plan=fields.get("plan"),
        snapshot=fields.get("snapshot"),
        hearing=fields.get("hearing"),
    )
    fields["case_presentation"] = html_sanitise(fields.get("case_presentation", ""))
    item = AgendaItem(meeting=meeting, number=number, title=title, **fields)
    item.full_clean()
    item.save()
    minutes_reissue_after_edit(meeting=meeting, edited_by=created_by)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, updated_by, **fields) -> AgendaItem:
    unknown = set(fields) - ITEM_FIELDS - {"number"}
    if unknown:
        raise TypeError(sorted(unknown))
    if "case_presentation" in fields:
        fields["case_presentation"] = html_sanitise(fields["case_presentation"])
    number = fields.get("number", item.number)
    if item.meeting.items.filter(number=number).exclude(pk=item.pk).exists():
        raise MeetingError(_("Der findes allerede et punkt %(number)s på dagsordenen.") % {"number": number})
    _item_links_check(
        meeting=item.meeting,
        plan=fields.get("plan", item.plan),
        snapshot=fields.get("snapshot", item.snapshot),
        hearing=fields.get("hearing", item.hearing),
    )
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    minutes_reissue_after_edit(meeting=item.meeting, edited_by=updated_by)
    return item


# --- Decisions and votes -----------------------------------------------------------------------


def participant_vote_weight(*, participant: MeetingParticipant) -> int | None:
    """The composition rule: a municipal member carries the municipality's 1 or 2 votes, a regional
    member 1; observers and members whose kind is not known do not vote (None)."""
    member = participant.member
    if member.kind == CouncilMember.Kind.REGIONAL:
        return 1
    if member.kind == CouncilMember.Kind.MUNICIPAL and member.municipality is not None:
        return municipality_votes(municipality=member.municipality)
    return None


@transaction.atomic
def agenda_item_decision_record(
    *,
    item: AgendaItem,
    decision_text: str,
    recorded_by,
    decision_date: datetime.date | None = None,
    unanimous: bool = False,
    votes: dict[int, str] | None = None,
) -> AgendaItem:
    """Record the decision. With `votes` (participant id → for/against/abstain) it is a roll call: each
    vote must come from a present, voting participant and carries its weight; otherwise no votes are kept
    and `unanimous` says whether the council was unanimous (recorded without roll call)."""
    if not decision_text.strip():
        raise MeetingError(_("Skriv beslutningen."))
    if item.meeting.status == Meeting.Status.PLANNED:
        raise MeetingError(_("Dagsordenen skal være offentliggjort, før der kan træffes beslutning."))
    if votes and unanimous:
        raise MeetingError(_("En afstemning kan ikke samtidig være enstemmig uden afstemning."))
    item.votes.all().delete()
    if votes:
        participants = {
            p.pk: p
            for p in item.meeting.participants.select_related("member__municipality").filter(pk__in=votes)
        }
        rows = []
        for participant_id, choice in votes.items():
            participant = participants.get(int(participant_id))
            if participant is None:
                raise MeetingError(_("Stemmen er fra en, der ikke deltager i mødet."))
            if not participant.is_present:
                raise MeetingError(
                    _("%(name)s er ikke til stede og kan ikke stemme.") % {"name": participant}
                )
            weight = participant_vote_weight(participant=participant)
            if weight is None:
                raise MeetingError(_("%(name)s har ikke stemmeret (observatør).") % {"name": participant})
            if choice not in Vote.Choice.values:
                raise MeetingError(_("Ukendt stemme: %(choice)s.") % {"choice": choice})
            rows.append(Vote(item=item, participant=participant, choice=choice, weight=weight))
        Vote.objects.bulk_create(rows)
    item.decision_text = decision_text.strip()
    item.decision_date = decision_date or item.meeting.date
    item.decided_by_vote = bool(votes)
    item.unanimous = bool(unanimous) and not votes
    item.save(update_fields=["decision_text", "decision_date", "decided_by_vote", "unanimous", "updated_at"])
    plan = _item_plan(item)
    if plan is not None:
        plan_event_record(
            plan=plan,
            user=recorded_by,
            event=events.MeetingDecision(item=item.pk, meeting=item.meeting_id, decision=item.decision_text),
        )
    minutes_reissue_after_edit(meeting=item.meeting, edited_by=recorded_by)
    return item


# --- Bilag -------------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, item: AgendaItem, title: str, uploaded_file, uploaded_by) -> Attachment:
    """A Bilag, accepted only as a real PDF, DOCX or ODT of at most 20 MB (common.uploads decides)."""
    try:
        kind = upload_validate(file=uploaded_file)
    except ValidationError as exc:
        raise MeetingError(" ".join(exc.messages)) from exc
    original_name = (uploaded_file.name or "bilag").rsplit("/", 1)[-1]
    attachment = Attachment(
        item=item,
        title=title.strip() or original_name,
        content_type=kind.content_type,
        size=uploaded_file.size,
        uploaded_by=uploaded_by,
    )
    uploaded_file.seek(0)
    attachment.file.save(upload_filename(original_name=original_name, kind=kind), uploaded_file, save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


# --- Stop right --------------------------------------------------------------------------------


def _item_plan(item: AgendaItem) -> Plan | None:
    return item.plan or (item.snapshot.plan if item.snapshot_id else None)


@transaction.atomic
def stop_right_invoke(*, item: AgendaItem, user, reason: str = "") -> StopRightReferral:
    """A regional member present at the meeting refers a decided item to the regional council.

    The decision's effect is suspended until the referral is resolved (see `plan_adoption_suspended`),
    the secretariat is notified and, when the item concerns a plan, the plan's history records it.
    """
    from councils.selectors import council_secretariat_users

    participant = (
        item.meeting.participants.select_related("member")
        .filter(member__user=user, member__kind=CouncilMember.Kind.REGIONAL)
        .first()
    )
    if participant is None:
        raise MeetingError(_("Kun regionsrådsmedlemmer i sundhedsrådet kan bruge standsningsretten."))
    if not participant.is_present:
        raise MeetingError(_("Standsningsretten kan kun bruges af et medlem, der var til stede på mødet."))
    if not item.is_decided:
        raise MeetingError(_("Punktet er ikke besluttet endnu."))
    AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.stop_right_referrals.filter(resolved_at__isnull=True).exists():
        raise MeetingError(_("Punktet er allerede henvist til regionsrådet."))
    referral = StopRightReferral.objects.create(item=item, invoked_by=participant, reason=reason.strip())
    council = item.meeting.council
    title = _("Standsningsret: %(item)s er henvist til regionsrådet") % {"item": item}
    body = _(
        "%(member)s har brugt standsningsretten på mødet %(date)s. Beslutningens virkning er suspenderet."
    ) % {
        "member": participant.member,
        "date": danish_date(item.meeting.date),
    }
    notifications_create_for(
        users=council_secretariat_users(council=council),
        kind="meeting_stop_right",
        title=title,
        body=body,
        url=item.meeting.get_absolute_url(),
    )
    plan = _item_plan(item)
    if plan is not None:
        plan_event_record(
            plan=plan,
            user=user,
            event=events.StopRightUsed(item=item.pk, referral=referral.pk, member=str(participant.member)),
        )
    return referral


@transaction.atomic
def stop_right_resolve(*, referral: StopRightReferral, resolution: str, resolved_by) -> StopRightReferral:
    """Record the regional council's handling of a referral; the decision's effect resumes."""
    if referral.resolved_at is not None:
        return referral
    if not resolution.strip():
        raise MeetingError(_("Skriv regionsrådets afgørelse."))
    referral.resolved_at = timezone.now()
    referral.resolution = resolution.strip()
    referral.resolved_by = resolved_by
    referral.save(update_fields=["resolved_at", "resolution", "resolved_by"])
    plan = _item_plan(referral.item)
    if plan is not None:
        plan_event_record(
            plan=plan,
            user=resolved_by,
            event=events.StopRightResolved(
                item=referral.item_id, referral=referral.pk, resolution=referral.resolution
            ),
        )
    return referral


# --- Minutes -----------------------------------------------------------------------------------


def minutes_content(*, meeting: Meeting) -> list[dict]:
    """What a minutes version freezes: every item's texts, decision and votes."""
    content = []
    for item in meeting.items.prefetch_related("votes__participant__member").order_by("number"):
        content.append(
            {
                "number": item.number,
                "case_number": item.case_number,
                "title": item.title,
                "is_closed": item.is_closed,
                "resume": item.resume,
                "case_presentation": item.case_presentation,
                "recommendation_kind": item.recommendation_kind,
                "proposals": item.proposal_lines,
                "guests": item.guests,
                "decision_text": item.decision_text,
                "decision_date": item.decision_date.isoformat() if item.decision_date else None,
                "unanimous": item.unanimous,
                "votes": [[str(v.participant.member), v.choice, v.weight] for v in item.votes.all()],
            }
        )
    return content


@transaction.atomic
def minutes_issue(*, meeting: Meeting, issued_by) -> MinutesVersion:
    """Issue the minutes for approval: a new version when the content changed since the last one (so a
    later edit needs a new approval), otherwise the current version. Approved minutes that change go
    back to "held"; earlier versions and their approvals are kept as history."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        raise MeetingError(_("Referatet kan først udsendes, når mødet er afholdt."))
    content = minutes_content(meeting=meeting)
    latest = meeting.minutes_versions.order_by("-number").first()
    if latest is not None and latest.content == content:
        return latest
    version = MinutesVersion.objects.create(
        meeting=meeting, number=(latest.number if latest else 0) + 1, content=content, created_by=issued_by
    )
    if meeting.status == Meeting.Status.MINUTES_APPROVED:
        MEETING_STATUS.apply(meeting, Meeting.Status.HELD, error=MeetingError)
        meeting.minutes_approved_at = None
        meeting.minutes_approved_at_meeting = None
        meeting.save(update_fields=["status", "minutes_approved_at", "minutes_approved_at_meeting"])
    return version


def minutes_reissue_after_edit(*, meeting: Meeting, edited_by) -> MinutesVersion | None:
    """After an edit: once minutes have been issued, the edit becomes a new version needing approval."""
    if not meeting.minutes_versions.exists():
        return None
    return minutes_issue(meeting=meeting, issued_by=edited_by)


def _minutes_finalise(*, meeting: Meeting, at_meeting: Meeting | None = None) -> None:
    MEETING_STATUS.apply(meeting, Meeting.Status.MINUTES_APPROVED, error=MeetingError)
    meeting.minutes_approved_at = timezone.now()
    meeting.minutes_approved_at_meeting = at_meeting
    meeting.save(update_fields=["status", "minutes_approved_at", "minutes_approved_at_meeting"])


@transaction.atomic
def minutes_approve(*, meeting: Meeting, user) -> MinutesApproval:
    """ "Godkend referat": a present participant approves the current minutes version (idempotent).

    Under the rule "all present", the minutes become final when every present participant who has a user
    account has approved the current version.
    """
    from planning.meetings.selectors import minutes_pending_participants

    Meeting.objects.select_for_update().get(pk=meeting.pk)
    version = meeting.minutes_versions.order_by("-number").first()
    if version is None or meeting.status not in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        raise MeetingError(_("Der er intet referat til godkendelse."))
    participant = meeting.participants.filter(member__user=user).first()
    if participant is None or not participant.is_present:
        raise MeetingError(_("Kun mødets tilstedeværende deltagere kan godkende referatet."))
    approval, _created = MinutesApproval.objects.get_or_create(
        minutes_version=version, participant=participant, defaults={"meeting": meeting, "user": user}
    )
    if (
        meeting.status == Meeting.Status.HELD
        and meeting.approval_rule == Meeting.ApprovalRule.ALL_PRESENT
        and not minutes_pending_participants(meeting=meeting)
    ):
        _minutes_finalise(meeting=meeting)
    return approval


@transaction.atomic
def minutes_approve_at_meeting(*, meeting: Meeting, at_meeting: Meeting, recorded_by) -> Meeting:
    """The secretariat records that the minutes were approved at a later meeting of the same council."""
    if meeting.status != Meeting.Status.HELD or not meeting.minutes_versions.exists():
        raise MeetingError(_("Referatet skal være udsendt, før det kan godkendes."))
    if at_meeting.council_id != meeting.council_id or (at_meeting.date, at_meeting.start_time) <= (
        meeting.date,
        meeting.start_time,
    ):
        raise MeetingError(_("Vælg et senere møde i samme sundhedsråd."))
    _minutes_finalise(meeting=meeting, at_meeting=at_meeting)
    return meeting


# --- Documents ---------------------------------------------------------------------------------

DOCUMENT_KINDS = {"agenda": "Dagsorden", "minutes": "Referat"}


def meeting_document_context(*, meeting: Meeting, kind: str, include_closed: bool = False) -> dict:
    """Template context of the Dagsorden or Referat. Closed items keep only their title unless
    `include_closed` (the council's own internal copy)."""
    from planning.meetings.selectors import meeting_items_for_document

    if kind not in DOCUMENT_KINDS:
        raise ValueError(kind)
    return {
        "meeting": meeting,
        "council": meeting.council,
        "participants": meeting.participants.select_related("member").filter(
            attendance=MeetingParticipant.Attendance.PRESENT
        ),
        "absent": meeting.participants.select_related("member").filter(
            attendance=MeetingParticipant.Attendance.ABSENT
        ),
        "items": meeting_items_for_document(meeting=meeting, include_closed=include_closed),
        "document_title": DOCUMENT_KINDS[kind],
    }


def meeting_document_title(*, meeting: Meeting, kind: str) -> str:
    """The PDF's title metadata, e.g. "Referat – Sundhedsråd Sønderjylland – 28-04-2026"."""
    return f"{DOCUMENT_KINDS[kind]} – {meeting.council} – {meeting.date:%d-%m-%Y}"


def meeting_document_pdf(*, meeting: Meeting, kind: str, include_closed: bool = False) -> bytes:
    """Render the Dagsorden ("agenda") or Referat ("minutes") to PDF through the shared renderer
    (common.pdf.pdf_render): locked-down URL fetcher, title/author metadata, /Lang da, PDF/UA tagging.
    Safe by default: closed items show their title only."""
    from planning.common.pdf import pdf_render

    if kind not in DOCUMENT_KINDS:
        raise ValueError(kind)
    return pdf_render(
        template_name=f"pdf/meetings/{kind}.html",
        context=meeting_document_context(meeting=meeting, kind=kind, include_closed=include_closed),
        title=meeting_document_title(meeting=meeting, kind=kind),
        author=str(meeting.council),
        lang="da",
        stylesheets=(),  # own print styles in templates/pdf/meetings/base.html
    )
