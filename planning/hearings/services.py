"""The hearing of a draft plan: opening (with its gates), personal party links, responses, reminders,
closing, and the white paper. Reads used by the hearing pages are at the end of the module.

Emails are sent after commit through Celery tasks in planning/tasks_hearings.py; each email is claimed
with a conditional update or a unique row first, so a retried task never sends twice.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from councils.errors import NotFound
from planning.common.dates import danish_date, local_date
from planning.common.diff import html_diff
from planning.common.jobs import job_enqueue_on_commit
from planning.common.uploads import upload_filename, upload_validate
from planning.hearings.models import (
    HEARING_STATE,
    WHITE_PAPER_STATE,
    Hearing,
    HearingParty,
    HearingReminder,
    HearingResponse,
    ResponseAttachment,
    WhitePaper,
    WhitePaperPoint,
)
from planning.plans import events
from planning.plans.models import Plan, Section, SectionRevision, SnapshotEntry
from planning.plans.selectors import AreaStatus, plan_completeness
from planning.plans.services import plan_event_record, plan_snapshot_freeze, plan_status_change

TOKEN_SALT = "planning.hearing-party"
REMINDER_DAYS = (7, 1)
DEFAULT_SNAPSHOT_NAME = "Udkast til høring"


# --- Plan status ---------------------------------------------------------------------------------


# --- Opening a hearing ---------------------------------------------------------------------------


@dataclass
class PartyInput:
    name: str
    email: str
    kind: str
    note: str = ""
    municipality_id: int | None = None


def hearing_open_gate_errors(
    *, plan: Plan, parties: list[PartyInput], deadline: datetime | None, now: datetime | None = None
) -> list[str]:
    """Every reason the plan cannot be sent to hearing with these parties; empty when it can."""
    now = now or timezone.now()
    errors: list[str] = []
    if plan.status != Plan.Status.DRAFT:
        errors.append(
            _(
                "Planen kan kun sendes i høring, mens den har status “Udkast” "
                "(den har nu status “%(status)s”)."
            )
            % {"status": plan.get_status_display()}
        )
    if Hearing.objects.filter(plan=plan, state=Hearing.State.OPEN).exists():
        errors.append(_("Planen er allerede i høring."))
    incomplete = [item for item in plan_completeness(plan=plan) if item.status != AreaStatus.COMPLETE]
    if incomplete:
        errors.append(
            _(
                "Planen er ikke komplet: de lovbestemte indholdsområder skal have tekst, mål og indsatser, "
                "før planen kan sendes i høring. Mangler: %(areas)s."
            )
            % {"areas": "; ".join(f"{item.label} ({item.status_label.lower()})" for item in incomplete)}
        )
    if not parties:
        errors.append(_("Tilføj mindst én høringspart."))
    if not any(party.kind in HearingParty.STATUTORY_KINDS for party in parties):
        errors.append(
            _(
                "Regionens patient- og pårørendeudvalg skal høres. Tilføj udvalget som høringspart, "
                "eller angiv “relevante lokale patientorganisationer” med en note."
            )
        )
    for party in parties:
        if party.kind == HearingParty.Kind.LOCAL_PATIENT_ORGS and not party.note.strip():
            errors.append(
                _("Skriv en note til “%(name)s”: hvilke lokale patientorganisationer høres, og hvorfor?")
                % {"name": party.name}
            )
    names = [party.name.strip().casefold() for party in parties]
    if len(names) != len(set(names)):
        errors.append(_("To høringsparter har samme navn."))
    if deadline is None or deadline <= now:
        errors.append(_("Høringsfristen skal ligge i fremtiden."))
    return errors


def _token_expiry(*, deadline: datetime) -> datetime:
    days = int(getattr(settings, "HEARING_LINK_DAYS_AFTER_DEADLINE", 90))
    return deadline + timedelta(days=days)


@transaction.atomic
def hearing_open(
    *,
    plan: Plan,
    title: str,
    deadline: datetime,
    intro: str,
    parties: list[PartyInput],
    opened_by,
    snapshot_name: str = "",
    now: datetime | None = None,
) -> Hearing:
    """Freeze a named snapshot, open the hearing, invite the parties (email after commit).

    Refuses (ValidationError with every reason) unless the plan is a complete draft and the regional
    patient & relatives committee, or relevant local patient organisations with a note, are invited.
    """
    now = now or timezone.now()
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    errors = hearing_open_gate_errors(plan=plan, parties=parties, deadline=deadline, now=now)
    if errors:
        raise ValidationError(errors)
    plan_status_change(
        plan=plan, to_status=Plan.Status.IN_HEARING, changed_by=opened_by, reason="hearing_opened"
    )
    snapshot = plan_snapshot_freeze(
        plan=plan, name=snapshot_name.strip() or _(DEFAULT_SNAPSHOT_NAME), created_by=opened_by
    )
    hearing = Hearing(
        plan=plan,
        snapshot=snapshot,
        title=title.strip(),
        deadline=deadline,
        intro=intro.strip(),
        created_by=opened_by,
        opened_at=now,
    )
    HEARING_STATE.apply(hearing, Hearing.State.OPEN)
    hearing.save()
    for party in parties:
        HearingParty.objects.create(
            hearing=hearing,
            name=party.name.strip(),
            email=party.email.strip(),
            kind=party.kind,
            note=party.note.strip(),
            municipality_id=party.municipality_id,
            token_nonce=secrets.token_urlsafe(32),
            token_expires_at=_token_expiry(deadline=deadline),
        )
    WhitePaper.objects.create(hearing=hearing)
    plan_event_record(
        plan=plan,
        user=opened_by,
        event=events.HearingOpened(hearing=hearing.pk, snapshot=snapshot.pk, deadline=deadline.isoformat()),
    )
    _queue_invitations(hearing_id=hearing.pk)
    return hearing


def _queue_invitations(*, hearing_id: int) -> None:
    job_enqueue_on_commit("planning.hearing_invitations_send", hearing_id)


# --- Personal links ------------------------------------------------------------------------------


class HearingLinkUnavailable(Exception):
    """A genuine link that may no longer be used (revoked or expired)."""

    def __init__(self, *, party: HearingParty, reason: str):
        super().__init__(reason)
        self.party = party
        self.reason = reason


def hearing_party_token(*, party: HearingParty) -> str:
    """The signed credential in a party's personal link: (party, nonce), signed with SECRET_KEY."""
    return signing.dumps({"p": party.pk, "n": party.token_nonce}, salt=TOKEN_SALT)


def hearing_party_url(*, party: HearingParty) -> str:
    path = reverse(
        "hearing-party", kwargs={"pk": party.hearing_id, "token": hearing_party_token(party=party)}
    )
    return f"{settings.PORTAL_BASE_URL}{path}"


def hearing_party_for_token(*, hearing_id: int, token: str, now: datetime | None = None) -> HearingParty:
    """The party a link belongs to. NotFound for forged, stale or other hearings' tokens;
    HearingLinkUnavailable for a revoked or expired link."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as exc:
        raise NotFound from exc
    if not isinstance(data, dict) or not isinstance(data.get("p"), int) or not isinstance(data.get("n"), str):
        raise NotFound
    party = (
        HearingParty.objects.select_related("hearing", "hearing__plan", "hearing__plan__council")
        .filter(pk=data["p"], hearing_id=hearing_id)
        .first()
    )
    if party is None or not constant_time_compare(data["n"], party.token_nonce):
        raise NotFound
    if party.token_revoked_at is not None:
        raise HearingLinkUnavailable(party=party, reason="revoked")
    if (now or timezone.now()) >= party.token_expires_at:
        raise HearingLinkUnavailable(party=party, reason="expired")
    return party


@transaction.atomic
def hearing_party_revoke(*, party: HearingParty, revoked_by, now: datetime | None = None) -> HearingParty:
    if party.token_revoked_at is None:
        party.token_revoked_at = now or timezone.now()
        party.save(update_fields=["token_revoked_at"])
        plan_event_record(
            plan=party.hearing.plan,
            user=revoked_by,
            event=events.HearingLinkRevoked(hearing=party.hearing_id, party=party.pk, name=party.name),
        )
    return party


@transaction.atomic
def hearing_party_reissue(*, party: HearingParty, reissued_by) -> HearingParty:
    """A new personal link (the old one stops working) and a new invitation email after commit."""
    party.token_nonce = secrets.token_urlsafe(32)
    party.token_revoked_at = None
    party.token_expires_at = max(
        _token_expiry(deadline=party.hearing.deadline), timezone.now() + timedelta(days=30)
    )
    party.invited_at = None
    party.save(update_fields=["token_nonce", "token_revoked_at", "token_expires_at", "invited_at"])
    plan_event_record(
        plan=party.hearing.plan,
        user=reissued_by,
        event=events.HearingLinkReissued(hearing=party.hearing_id, party=party.pk, name=party.name),
    )
    _queue_invitations(hearing_id=party.hearing_id)
    return party


# --- Emails --------------------------------------------------------------------------------------


def _email_send(*, template: str, context: dict, to: str) -> None:
    subject = render_to_string(f"planning/hearings/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"planning/hearings/emails/{template}_body.txt", context)
    send_mail(subject=" ".join(subject.split()), message=body, from_email=None, recipient_list=[to])


def _party_context(*, party: HearingParty) -> dict:
    hearing = party.hearing
    return {
        "party": party,
        "hearing": hearing,
        "plan": hearing.plan,
        "council": hearing.plan.council,
        "link": hearing_party_url(party=party),
        "deadline": timezone.localtime(hearing.deadline),
    }


def hearing_invitations_send(*, hearing_id: int) -> int:
    """Email every party of an open hearing that has not yet been invited; each party exactly once."""
    sent = 0
    parties = HearingParty.objects.filter(
        hearing_id=hearing_id, hearing__state=Hearing.State.OPEN, invited_at__isnull=True
    ).values_list("pk", flat=True)
    for party_id in list(parties):
        claimed = HearingParty.objects.filter(pk=party_id, invited_at__isnull=True).update(
            invited_at=timezone.now()
        )
        if not claimed:
            continue
        party = HearingParty.objects.select_related("hearing__plan__council").get(pk=party_id)
        try:
            _email_send(template="hearing_invitation", context=_party_context(party=party), to=party.email)
        except Exception:
            HearingParty.objects.filter(pk=party_id).update(invited_at=None)  # a retry may send it
            raise
        sent += 1
    return sent


def hearing_receipt_send(*, response_id: int) -> bool:
    """The receipt for one response, exactly once."""
    claimed = HearingResponse.objects.filter(pk=response_id, receipt_sent_at__isnull=True).update(
        receipt_sent_at=timezone.now()
    )
    if not claimed:
        return False
    response = (
        HearingResponse.objects.select_related("party__hearing__plan__council")
        .prefetch_related("attachments")
        .get(pk=response_id)
    )
    context = _party_context(party=response.party) | {
        "response": response,
        "submitted_at": timezone.localtime(response.submitted_at),
    }
    try:
        _email_send(template="hearing_receipt", context=context, to=response.party.email)
    except Exception:
        HearingResponse.objects.filter(pk=response_id).update(receipt_sent_at=None)
        raise
    return True


def hearing_reminders_send(*, today: date) -> int:
    """Remind parties without a response 7 and 1 days before the deadline (in Danish local dates).

    Exactly once per (party, days) through HearingReminder's unique constraint: a second sweep the
    same day, or a retried task, finds the row and sends nothing. A missed day is caught up later
    (the 7-day reminder until 2 days before, the 1-day reminder on the deadline day), but never for a
    hearing opened after that reminder's day.
    """
    sent = 0
    hearings = Hearing.objects.filter(state=Hearing.State.OPEN).select_related("plan__council")
    for hearing in hearings:
        deadline_day = timezone.localdate(hearing.deadline)
        days_left = (deadline_day - today).days
        if days_left < 0:
            continue
        due = [d for d in sorted(REMINDER_DAYS) if days_left <= d]
        if not due:
            continue
        days_before = due[0]  # the nearest reminder whose day has come
        opened_day = timezone.localdate(hearing.opened_at or hearing.created_at)
        if opened_day > deadline_day - timedelta(days=days_before):
            continue
        parties = (
            hearing.parties.filter(token_revoked_at__isnull=True, responses__isnull=True)
            .exclude(reminders__days_before=days_before)
            .distinct()
        )
        for party in parties:
            party.hearing = hearing
            try:
                with transaction.atomic():
                    HearingReminder.objects.create(party=party, days_before=days_before)
                    _email_send(
                        template="hearing_reminder",
                        context=_party_context(party=party) | {"days_before": days_before},
                        to=party.email,
                    )
            except IntegrityError:
                continue  # another sweep sent it
            sent += 1
    return sent


# --- Responses -----------------------------------------------------------------------------------


def hearing_section_choices(*, hearing: Hearing):
    """The sections of the hearing snapshot, in its order (for tying a response or point to sections)."""
    return Section.objects.filter(
        pk__in=SnapshotEntry.objects.filter(snapshot_id=hearing.snapshot_id).values("section_id")
    ).order_by("position")


class HearingAnswerRefused(ValidationError):
    """The party may not answer now (closed hearing, final white paper, deadline passed for a replacement)."""


def hearing_answer_refusal(*, hearing: Hearing, has_answer: bool, now: datetime) -> str:
    """Why a party may not answer through its link now ("" when it may).

    Only an open hearing takes answers. After the deadline, while the hearing is still open, a party
    without an answer may still answer (the answer is marked late); one that already answered can no
    longer replace it. A closed hearing takes none: answers received otherwise are registered by the
    secretariat (hearing_response_register).
    """
    if hearing.state == Hearing.State.DRAFT:
        return _("Høringen er ikke åbnet endnu.")
    if hearing.state == Hearing.State.CLOSED:
        return _(
            "Høringen er afsluttet, så der kan ikke længere afgives eller erstattes svar. "
            "Kontakt sekretariatet, hvis I har et svar, der ikke er kommet med."
        )
    if has_answer and now > hearing.deadline:
        return _(
            "Høringsfristen er overskredet, så jeres svar kan ikke længere erstattes. "
            "Kontakt sekretariatet, hvis I vil supplere det."
        )
    return ""


def hearing_response_submit(
    *,
    party: HearingParty,
    text: str,
    sections: list[Section] | None = None,
    files: list | None = None,
    consent_to_publication: bool = False,
    now: datetime | None = None,
) -> HearingResponse:
    """Store a response (or a new version replacing the party's current one) with its attachments.

    Every attachment is validated by content before anything is written. After the deadline a party
    without a response may still answer (marked late); one that already answered can no longer replace.
    The receipt is emailed after commit.
    """
    now = now or timezone.now()
    files = list(files or [])
    sections = list(sections or [])
    kinds = [upload_validate(file=file) for file in files]  # raises before any write
    text = (text or "").strip()
    if not text and not files:
        raise ValidationError(_("Skriv et høringssvar, eller vedhæft et dokument."))
    with transaction.atomic():
        party = HearingParty.objects.select_for_update().select_related("hearing").get(pk=party.pk)
        hearing = party.hearing
        current = party.responses.filter(replaced_by__isnull=True).order_by("-version").first()
        refusal = hearing_answer_refusal(hearing=hearing, has_answer=current is not None, now=now)
        if refusal:
            raise HearingAnswerRefused(refusal)
        is_late = now > hearing.deadline
        allowed = set(hearing_section_choices(hearing=hearing).values_list("pk", flat=True))
        if any(section.pk not in allowed for section in sections):
            raise ValidationError(_("Vælg kun afsnit fra den plan, der er i høring."))
        response = HearingResponse.objects.create(
            party=party,
            version=(current.version + 1) if current else 1,
            text=text,
            submitted_at=now,
            is_late=is_late,
        )
        response.sections.set(sections)
        for file, kind in zip(files, kinds, strict=True):
            original_name = (getattr(file, "name", "") or "bilag").rsplit("/", 1)[-1][:255]
            attachment = ResponseAttachment(
                response=response, original_name=original_name, content_type=kind.content_type, size=file.size
            )
            file.seek(0)
            attachment.file.save(upload_filename(original_name=original_name, kind=kind), file, save=False)
            attachment.save()
        if current is not None:
            current.replaced_by = response
            current.save(update_fields=["replaced_by"])
        if party.consent_to_publication != consent_to_publication:
            party.consent_to_publication = consent_to_publication
            party.save(update_fields=["consent_to_publication"])
        plan_event_record(
            plan=hearing.plan,
            user=None,
            event=events.ResponseReceived(
                hearing=hearing.pk,
                party=party.pk,
                response=response.pk,
                name=party.name,
                version=response.version,
                is_late=is_late,
            ),
        )
        job_enqueue_on_commit("planning.hearing_receipt_send", response.pk)
    return response


# --- Closing -------------------------------------------------------------------------------------


def hearing_early_close_check(*, hearing: Hearing, reason: str, now: datetime) -> list[str]:
    """Closing before the deadline cuts parties off: it needs a written reason, recorded in the history."""
    if now < hearing.deadline and not (reason or "").strip():
        return [
            _(
                "Høringsfristen (%(deadline)s) er ikke udløbet. Skriv en begrundelse for at afslutte "
                "høringen før fristen."
            )
            % {"deadline": danish_date(timezone.localtime(hearing.deadline).date())}
        ]
    return []


@transaction.atomic
def hearing_close(*, hearing: Hearing, closed_by, reason: str = "", now: datetime | None = None) -> Hearing:
    """Close an open hearing; the plan goes back to "Udkast" for the completion after the hearing."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().select_related("plan").get(pk=hearing.pk)
    if hearing.state == Hearing.State.CLOSED:
        return hearing
    HEARING_STATE.apply(
        hearing,
        Hearing.State.CLOSED,
        guards=[lambda h: hearing_early_close_check(hearing=h, reason=reason, now=now)],
    )
    hearing.closed_at = now
    hearing.save(update_fields=["state", "closed_at"])
    if hearing.plan.status == Plan.Status.IN_HEARING:
        plan_status_change(
            plan=hearing.plan, to_status=Plan.Status.DRAFT, changed_by=closed_by, reason="hearing_closed"
        )
    plan_event_record(
        plan=hearing.plan,
        user=closed_by,
        event=events.HearingClosed(
            hearing=hearing.pk, reason=(reason or "").strip(), early=now < hearing.deadline
        ),
    )
    return hearing


@transaction.atomic
def hearing_publication_set(*, hearing: Hearing, is_published: bool, changed_by) -> Hearing:
    if hearing.is_published != is_published:
        hearing.is_published = is_published
        hearing.save(update_fields=["is_published"])
        plan_event_record(
            plan=hearing.plan,
            user=changed_by,
            event=events.HearingPublicationChanged(hearing=hearing.pk, is_published=is_published),
        )
    return hearing


# --- White paper ---------------------------------------------------------------------------------


def _white_paper_lock(*, white_paper_id: int) -> WhitePaper:
    """The white paper row, locked and fresh: a stale instance must not let an edit past "final"."""
    return WhitePaper.objects.select_for_update().select_related("hearing").get(pk=white_paper_id)


def _point_validate(
    *, white_paper: WhitePaper, response: HearingResponse, segment: str, sections, changed_revision
) -> None:
    if white_paper.state == WhitePaper.State.FINAL:
        raise ValidationError(_("Hvidbogen er endelig og kan ikke længere ændres."))
    if response.party.hearing_id != white_paper.hearing_id:
        raise ValidationError(_("Svaret hører ikke til denne høring."))
    if not segment.strip():
        raise ValidationError({"segment": _("Indsæt det uddrag af svaret, punktet handler om.")})
    plan_id = white_paper.hearing.plan_id
    if any(section.plan_id != plan_id for section in sections):
        raise ValidationError({"sections": _("Vælg kun afsnit fra denne plan.")})
    if changed_revision is not None and changed_revision.section.plan_id != plan_id:
        raise ValidationError({"changed_revision": _("Versionen hører ikke til denne plan.")})


@transaction.atomic
def whitepaper_point_create(
    *,
    white_paper: WhitePaper,
    response: HearingResponse,
    segment: str,
    sections: list[Section],
    disposition: str,
    reasoning: str,
    changed_revision: SectionRevision | None,
    created_by,
) -> WhitePaperPoint:
    white_paper = _white_paper_lock(white_paper_id=white_paper.pk)
    _point_validate(
        white_paper=white_paper, response=response, segment=segment, sections=sections,
        changed_revision=changed_revision,
    )  # fmt: skip
    point = WhitePaperPoint.objects.create(
        white_paper=white_paper,
        response=response,
        segment=segment.strip(),
        disposition=disposition,
        reasoning=reasoning.strip(),
        changed_revision=changed_revision,
        created_by=created_by,
    )
    point.sections.set(sections)
    _disposition_event(point=point, user=created_by, action="created")
    return point


def _disposition_event(*, point: WhitePaperPoint, user, action: str) -> None:
    plan = Plan.objects.only("pk").get(hearings__white_paper=point.white_paper_id)
    plan_event_record(
        plan=plan,
        user=user,
        event=events.DispositionSet(
            hearing=point.white_paper.hearing_id,
            point=point.pk,
            title=f"{point.get_disposition_display()}: {point.segment[:80]}",
            action=action,
        ),
    )


@transaction.atomic
def whitepaper_point_update(
    *,
    point: WhitePaperPoint,
    segment: str,
    sections: list[Section],
    disposition: str,
    reasoning: str,
    changed_revision: SectionRevision | None,
    changed_by=None,
) -> WhitePaperPoint:
    point.white_paper = _white_paper_lock(white_paper_id=point.white_paper_id)
    _point_validate(
        white_paper=point.white_paper, response=point.response, segment=segment, sections=sections,
        changed_revision=changed_revision,
    )  # fmt: skip
    point.segment = segment.strip()
    point.disposition = disposition
    point.reasoning = reasoning.strip()
    point.changed_revision = changed_revision
    point.save()
    point.sections.set(sections)
    _disposition_event(point=point, user=changed_by, action="updated")
    return point


@transaction.atomic
def whitepaper_point_delete(*, point: WhitePaperPoint, deleted_by=None) -> None:
    if _white_paper_lock(white_paper_id=point.white_paper_id).state == WhitePaper.State.FINAL:
        raise ValidationError(_("Hvidbogen er endelig og kan ikke længere ændres."))
    _disposition_event(point=point, user=deleted_by, action="deleted")
    point.delete()


@transaction.atomic
def whitepaper_finalise(*, white_paper: WhitePaper, finalised_by, now: datetime | None = None) -> WhitePaper:
    """Mark the white paper final: only after the hearing closed and when every point has a disposition."""
    white_paper = (
        WhitePaper.objects.select_for_update().select_related("hearing__plan").get(pk=white_paper.pk)
    )
    if white_paper.state == WhitePaper.State.FINAL:
        return white_paper
    errors = []
    if white_paper.hearing.state != Hearing.State.CLOSED:
        errors.append(_("Høringen skal være afsluttet, før hvidbogen kan gøres endelig."))
    undecided = white_paper.points.filter(disposition="").count()
    if undecided:
        errors.append(
            _(
                "%(count)s punkt(er) mangler stillingtagen (imødekommet, delvist imødekommet, "
                "ikke imødekommet eller taget til efterretning)."
            )
            % {"count": undecided}
        )
    if errors:
        raise ValidationError(errors)
    WHITE_PAPER_STATE.apply(white_paper, WhitePaper.State.FINAL)
    white_paper.finalised_at = now or timezone.now()
    white_paper.finalised_by = finalised_by
    white_paper.save(update_fields=["state", "finalised_at", "finalised_by"])
    plan_event_record(
        plan=white_paper.hearing.plan,
        user=finalised_by,
        event=events.WhitePaperFinalised(hearing=white_paper.hearing_id),
    )
    return white_paper


# --- Diffs (the shared word diff in planning/diff.py: escaped text marked with <ins>/<del>) ---------


def revision_diffs_html(*, revisions) -> dict[int, SafeString]:
    """Revision id → what that revision changed compared with its section's previous revision; one
    query for any number of revisions (a section's revisions are numbered 1, 2, 3, ...)."""
    revisions = {revision.pk: revision for revision in revisions}
    if not revisions:
        return {}
    wanted = Q()
    for revision in revisions.values():
        wanted |= Q(section_id=revision.section_id, number=revision.number - 1)
    previous = {
        (row.section_id, row.number): row.text
        for row in SectionRevision.objects.filter(wanted).only("section_id", "number", "text")
    }
    return {
        pk: html_diff(old_html=previous.get((r.section_id, r.number - 1), ""), new_html=r.text).html
        for pk, r in revisions.items()
    }


# --- Reads ---------------------------------------------------------------------------------------


@dataclass
class PartyRow:
    party: HearingParty
    response: HearingResponse | None
    first_received_at: datetime | None

    @property
    def has_response(self) -> bool:
        return self.response is not None


def hearing_party_rows(*, hearing: Hearing) -> list[PartyRow]:
    """The hearing list (høringsliste): every party with its current response, if any."""
    parties = hearing.parties.prefetch_related(
        Prefetch("responses", queryset=HearingResponse.objects.order_by("version"))
    ).order_by("kind", "name")
    kind_order = {kind: index for index, kind in enumerate(HearingParty.Kind.values)}
    rows = []
    for party in sorted(parties, key=lambda p: (kind_order[p.kind], p.name.casefold())):
        responses = list(party.responses.all())
        current = next((r for r in responses if r.replaced_by_id is None), None)
        rows.append(
            PartyRow(
                party=party,
                response=current,
                first_received_at=responses[0].submitted_at if responses else None,
            )
        )
    return rows


def hearing_current_responses(*, hearing: Hearing):
    return (
        HearingResponse.objects.filter(party__hearing=hearing, replaced_by__isnull=True)
        .select_related("party")
        .prefetch_related("attachments", "sections", "points")
        .order_by("party__name")
    )


def hearing_snapshot_entries(*, hearing: Hearing):
    return (
        SnapshotEntry.objects.filter(snapshot_id=hearing.snapshot_id)
        .select_related("revision")
        .order_by("position")
    )


CHANGE_LABELS = {
    "changed": gettext_lazy("Ændret"),
    "unchanged": gettext_lazy("Uændret"),
    "added": gettext_lazy("Nyt afsnit"),
    "removed": gettext_lazy("Fjernet"),
}


@dataclass
class SectionChange:
    title: str
    status: str  # a key of CHANGE_LABELS
    diff: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def status_label(self) -> str:
        return str(CHANGE_LABELS[self.status])


def hearing_changes(*, hearing: Hearing) -> list[SectionChange]:
    """“Ændringer som følge af høringen”: each section's text in the hearing snapshot against now."""
    entries = {entry.section_id: entry for entry in hearing_snapshot_entries(hearing=hearing)}
    live = (
        Section.objects.filter(plan_id=hearing.plan_id)
        .select_related("current_revision")
        .order_by("position")
    )
    changes = []
    seen = set()
    for section in live:
        entry = entries.get(section.pk)
        current_text = section.current_revision.text if section.current_revision else ""
        if entry is None:
            if section.is_removed:
                continue
            changes.append(
                SectionChange(
                    title=section.title,
                    status="added",
                    diff=html_diff(old_html="", new_html=current_text).html,
                )
            )
            continue
        seen.add(section.pk)
        old_text = entry.revision.text if entry.revision else ""
        if section.is_removed:
            changes.append(
                SectionChange(
                    title=entry.title, status="removed", diff=html_diff(old_html=old_text, new_html="").html
                )
            )
        elif entry.revision_id == section.current_revision_id or old_text == current_text:
            changes.append(SectionChange(title=section.title, status="unchanged"))
        else:
            changes.append(
                SectionChange(
                    title=section.title,
                    status="changed",
                    diff=html_diff(old_html=old_text, new_html=current_text).html,
                )
            )
    return changes


@dataclass
class PointGroup:
    title: str
    points: list


def whitepaper_points(*, white_paper: WhitePaper):
    return (
        white_paper.points.select_related("response__party", "changed_revision__section")
        .prefetch_related("sections")
        .order_by("response__party__name", "pk")
    )


def whitepaper_groups(*, white_paper: WhitePaper) -> list[PointGroup]:
    """Points grouped by the section(s) they concern, in the plan's order; the rest as general remarks.
    A point tied to two sections appears under both."""
    points = list(whitepaper_points(white_paper=white_paper))
    entries = list(hearing_snapshot_entries(hearing=white_paper.hearing))
    order = {entry.section_id: (entry.number, entry.title) for entry in entries}
    by_section: dict[int, list] = {}
    general = []
    extra_titles: dict[int, str] = {}
    diffs = revision_diffs_html(revisions=[p.changed_revision for p in points if p.changed_revision])
    for point in points:
        point.diff = diffs.get(point.changed_revision_id)
        section_list = list(point.sections.all())
        if not section_list:
            general.append(point)
        for section in section_list:
            by_section.setdefault(section.pk, []).append(point)
            extra_titles.setdefault(section.pk, section.title)
    groups = []
    for section_id in sorted(by_section, key=lambda pk: order.get(pk, (10_000, extra_titles[pk]))):
        number, title = order.get(section_id, (None, extra_titles[section_id]))
        groups.append(
            PointGroup(title=f"{number}. {title}" if number else title, points=by_section[section_id])
        )
    if general:
        groups.append(PointGroup(title=_("Generelle bemærkninger"), points=general))
    return groups


def whitepaper_revision_choices(*, hearing: Hearing):
    """Revisions written after the hearing snapshot: the candidates for "changed in revision"."""
    return (
        SectionRevision.objects.filter(
            section__plan_id=hearing.plan_id, created_at__gte=hearing.snapshot.created_at
        )
        .select_related("section")
        .order_by("section__position", "number")
    )


# --- The white paper as PDF (rendered synchronously: a white paper is small) ------------------------

WHITE_PAPER_PDF_TEMPLATE = "pdf/white_paper.html"
WHITE_PAPER_PDF_STYLESHEETS = ("planning/pdf/print.css", "planning/pdf/white_paper.css")


def whitepaper_pdf_title(*, white_paper: WhitePaper) -> str:
    plan = white_paper.hearing.plan
    return _("Hvidbog – %(plan)s – %(council)s") % {"plan": plan.title, "council": plan.council}


def whitepaper_pdf_context(*, white_paper: WhitePaper, document_date: date | None = None) -> dict:
    """What templates/pdf/white_paper.html shows: hearing facts, the hearing list, the points grouped by
    section and the changes since the hearing snapshot. Only hearing and plan content: review comments
    and other internal notes are never read here."""
    hearing = white_paper.hearing
    plan = hearing.plan
    is_final = white_paper.state == WhitePaper.State.FINAL
    if document_date is None:
        document_date = (
            timezone.localdate(white_paper.finalised_at)
            if is_final and white_paper.finalised_at
            else timezone.localdate()
        )
    groups = [
        {"title": group.title, "anchor": f"gruppe-{index}", "points": group.points}
        for index, group in enumerate(whitepaper_groups(white_paper=white_paper), start=1)
    ]
    return {
        "hearing": hearing,
        "plan": plan,
        "council": plan.council,
        "region": plan.council.region,
        "white_paper": white_paper,
        "is_final": is_final,
        "document_date": document_date,
        "rows": hearing_party_rows(hearing=hearing),
        "groups": groups,
        "changes": hearing_changes(hearing=hearing),
        "watermark": "" if is_final else _("UDKAST"),
    }


def whitepaper_pdf_render(*, white_paper: WhitePaper, document_date: date | None = None) -> bytes:
    """The white paper (hvidbog) as a tagged PDF through the shared renderer (planning.common.pdf)."""
    from planning.common.pdf import pdf_render

    white_paper = WhitePaper.objects.select_related(
        "hearing__plan__council__region", "hearing__snapshot"
    ).get(pk=white_paper.pk)
    return pdf_render(
        template_name=WHITE_PAPER_PDF_TEMPLATE,
        context=whitepaper_pdf_context(white_paper=white_paper, document_date=document_date),
        title=whitepaper_pdf_title(white_paper=white_paper),
        author=str(white_paper.hearing.plan.council),
        lang="da",
        stylesheets=WHITE_PAPER_PDF_STYLESHEETS,
    )


# --- Deadline extension and answers received outside the portal ------------------------------------


@transaction.atomic
def hearing_deadline_extend(
    *, hearing: Hearing, deadline: datetime, extended_by, reason: str = "", now: datetime | None = None
) -> Hearing:
    """Move an open hearing's deadline later; every party is told by e-mail (after commit, once each).

    Personal links live at least as long as the new deadline allows."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().select_related("plan").get(pk=hearing.pk)
    if hearing.state != Hearing.State.OPEN:
        raise ValidationError(_("Kun en åben høring kan få en ny frist."))
    if deadline <= hearing.deadline or deadline <= now:
        raise ValidationError(
            {"deadline": _("Den nye frist skal ligge efter den nuværende frist og ude i fremtiden.")}
        )
    before = hearing.deadline
    hearing.deadline = deadline
    hearing.save(update_fields=["deadline"])
    expiry = _token_expiry(deadline=deadline)
    hearing.parties.filter(token_expires_at__lt=expiry).update(token_expires_at=expiry)
    plan_event_record(
        plan=hearing.plan,
        user=extended_by,
        event=events.HearingExtended(
            hearing=hearing.pk,
            from_=before.isoformat(),
            to=deadline.isoformat(),
            reason=(reason or "").strip(),
        ),
    )
    job_enqueue_on_commit("planning.hearing_extension_send", hearing.pk)
    return hearing


def hearing_extension_send(*, hearing_id: int) -> int:
    """Tell every invited party of an open hearing its new deadline; each party once per deadline."""
    hearing = Hearing.objects.get(pk=hearing_id)
    sent = 0
    for party_id in list(hearing.parties.exclude(email="").values_list("pk", flat=True)):
        claimed = (
            HearingParty.objects.filter(pk=party_id, hearing__state=Hearing.State.OPEN)
            .exclude(extension_notified_for=hearing.deadline)
            .update(extension_notified_for=hearing.deadline)
        )
        if not claimed:
            continue
        party = HearingParty.objects.select_related("hearing__plan__council").get(pk=party_id)
        try:
            _email_send(template="hearing_extension", context=_party_context(party=party), to=party.email)
        except Exception:
            HearingParty.objects.filter(pk=party_id).update(extension_notified_for=None)
            raise
        sent += 1
    return sent


def hearing_response_register(
    *,
    party: HearingParty,
    received_at: datetime,
    channel: str,
    text: str,
    files: list | None = None,
    registered_by,
    now: datetime | None = None,
) -> HearingResponse:
    """Register an answer the secretariat received by post or e-mail, so the hearing list is complete.

    It counts like an answer through the portal (it replaces the party's current one); it is late when
    it was received after the deadline. It may be registered after the hearing closed (post takes time),
    but not once the white paper is final, and never with a receipt date in the future."""
    now = now or timezone.now()
    files = list(files or [])
    kinds = [upload_validate(file=file) for file in files]  # raises before any write
    text = (text or "").strip()
    if channel not in (HearingResponse.Channel.EMAIL, HearingResponse.Channel.POST):
        raise ValidationError({"channel": _("Vælg, hvordan svaret er modtaget.")})
    if not text and not files:
        raise ValidationError(_("Skriv svarets tekst, eller vedhæft det modtagne dokument."))
    if received_at > now:
        raise ValidationError({"received_at": _("Modtagelsesdatoen kan ikke ligge i fremtiden.")})
    with transaction.atomic():
        party = HearingParty.objects.select_for_update().select_related("hearing__plan").get(pk=party.pk)
        hearing = party.hearing
        opened_on = local_date(hearing.opened_at) if hearing.opened_at else None
        if hearing.state == Hearing.State.DRAFT or (opened_on and local_date(received_at) < opened_on):
            raise ValidationError(
                {"received_at": _("Svaret kan ikke være modtaget, før høringen blev åbnet.")}
            )
        if WhitePaper.objects.filter(hearing=hearing, state=WhitePaper.State.FINAL).exists():
            raise ValidationError(_("Hvidbogen er endelig. Der kan ikke registreres flere svar."))
        current = party.responses.filter(replaced_by__isnull=True).order_by("-version").first()
        response = HearingResponse.objects.create(
            party=party,
            version=(current.version + 1) if current else 1,
            text=text,
            submitted_at=received_at,
            is_late=received_at > hearing.deadline,
            channel=channel,
            registered_by=registered_by,
            receipt_sent_at=now,  # the party sent it outside the portal: no portal receipt
        )
        for file, kind in zip(files, kinds, strict=True):
            original_name = (getattr(file, "name", "") or "bilag").rsplit("/", 1)[-1][:255]
            attachment = ResponseAttachment(
                response=response, original_name=original_name, content_type=kind.content_type, size=file.size
            )
            file.seek(0)
            attachment.file.save(upload_filename(original_name=original_name, kind=kind), file, save=False)
            attachment.save()
        if current is not None:
            current.replaced_by = response
            current.save(update_fields=["replaced_by"])
        plan_event_record(
            plan=hearing.plan,
            user=registered_by,
            event=events.ResponseReceived(
                hearing=hearing.pk,
                party=party.pk,
                response=response.pk,
                name=party.name,
                version=response.version,
                is_late=response.is_late,
                channel=channel,
            ),
        )
    return response
