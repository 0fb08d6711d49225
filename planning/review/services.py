"""Writes of the review: comments and their threads, the audit trail, mentions, change proposals, and
the notifications they cause."""

import re
from dataclasses import dataclass, field

import markdown
import nh3
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from councils.models import HealthCouncil
from councils.selectors import council_secretariat_users, council_users
from planning.notifications.services import notification_create, notifications_create_for
from planning.plans import events
from planning.plans.models import Plan, Section, SectionRevision
from planning.plans.services import plan_editable_check, plan_event_record, section_revision_save
from planning.review.models import COMMENT_STATUS, PROPOSAL_STATUS, ChangeProposal, Comment, CommentEdit
from planning.review.paragraphs import (
    Paragraph,
    paragraph_replace,
    paragraphs_split,
    plain_text_to_paragraph_html,
)
from planning.review.selectors import EDIT_WINDOW, change_proposal_target

COMMENT_MAX_LENGTH = 10_000
MENTION_RE = re.compile(r"(?<![\w.@])@([\w.+-]*[\w])")
MARKDOWN_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote", "hr"}


class ReviewError(Exception):
    """A review action that cannot be done; `message` is Danish and shown to the user as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CommentEditWindowClosed(ReviewError):
    pass


class ProposalAlreadyDecided(ReviewError):
    pass


@dataclass
class CommentResult:
    comment: Comment
    not_mentioned: list[str] = field(default_factory=list)  # @names that are not users of the council


def comment_text_render(*, text: str, text_format: str) -> str:
    """Safe HTML for a comment: escaped plain text with line breaks, or Markdown through the allow-list."""
    if text_format == Comment.Format.MARKDOWN:
        rendered = markdown.markdown(text, extensions=[], output_format="html")
        return nh3.clean(
            rendered,
            tags=MARKDOWN_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        ).strip()
    return linebreaks(text, autoescape=True)


def mentions_resolve(*, council: HealthCouncil, text: str) -> tuple[list, list[str]]:
    """The council's users named as @username in `text`, and the names that are not such users."""
    names = list(dict.fromkeys(MENTION_RE.findall(text or "")))
    if not names:
        return [], []
    found = {
        user.username.lower(): user for user in council_users(council=council).filter(username__in=names)
    }
    users, missing = [], []
    for name in names:
        if name.lower() in found:
            users.append(found[name.lower()])
        else:
            missing.append(name)
    return users, missing


def _text_clean(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ReviewError(_("Skriv en kommentar."))
    if len(text) > COMMENT_MAX_LENGTH:
        raise ReviewError(_("Kommentaren er for lang (højst %(max)s tegn).") % {"max": COMMENT_MAX_LENGTH})
    return text


def section_review_url(*, section: Section) -> str:
    return reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})


def comment_url(*, comment: Comment) -> str:
    return f"{section_review_url(section=comment.section)}?filter=all#kommentar-{comment.pk}"


def _notify(*, recipients: dict, kind: str, title: str, body: str, url: str) -> None:
    notifications_create_for(users=recipients.values(), kind=kind, title=title, body=body, url=url)


def _revision_paragraph(*, revision: SectionRevision, paragraph_index: int) -> Paragraph:
    paragraphs = paragraphs_split(revision.text)
    if not 1 <= paragraph_index <= len(paragraphs):
        raise ReviewError(_("Tekstafsnit %(n)s findes ikke i afsnittet.") % {"n": paragraph_index})
    return paragraphs[paragraph_index - 1]


@transaction.atomic
def comment_create(
    *,
    section: Section,
    author,
    text: str,
    text_format: str = Comment.Format.PLAIN,
    revision: SectionRevision | None = None,
    paragraph_index: int | None = None,
) -> CommentResult:
    """A new thread on the section (paragraph_index None) or on one paragraph of `revision`.

    Notifies the council's secretariat and every council user mentioned with @username; mentions of
    anyone else notify no one and come back in `not_mentioned`.
    """
    text = _text_clean(text)
    revision = revision or section.current_revision
    if revision is None or revision.section_id != section.pk:
        raise ReviewError(_("Versionen hører ikke til afsnittet."))
    fingerprint, quoted = "", ""
    if paragraph_index is not None:
        paragraph = _revision_paragraph(revision=revision, paragraph_index=paragraph_index)
        fingerprint, quoted = paragraph.fingerprint, paragraph.text
    comment = Comment.objects.create(
        plan_id=section.plan_id,
        section=section,
        revision=revision,
        paragraph_index=paragraph_index,
        paragraph_fingerprint=fingerprint,
        quoted_text=quoted,
        author=author,
        text=text,
        text_format=text_format,
        text_html=comment_text_render(text=text, text_format=text_format),
    )
    council = section.plan.council
    mentioned, missing = mentions_resolve(council=council, text=text)
    url = comment_url(comment=comment)
    who = author.get_full_name() or author.username
    where = section.title if paragraph_index is None else f"{section.title}, tekstafsnit {paragraph_index}"
    recipients = {u.pk: u for u in council_secretariat_users(council=council) if u.pk != author.pk}
    _notify(
        recipients={pk: u for pk, u in recipients.items() if pk not in {m.pk for m in mentioned}},
        kind="review.comment",
        title=_("Ny kommentar fra %(who)s til %(where)s") % {"who": who, "where": where},
        body=text[:500],
        url=url,
    )
    _notify(
        recipients={u.pk: u for u in mentioned if u.pk != author.pk},
        kind="review.mention",
        title=_("%(who)s nævnte dig i en kommentar til %(where)s") % {"who": who, "where": where},
        body=text[:500],
        url=url,
    )
    return CommentResult(comment=comment, not_mentioned=missing)


@transaction.atomic
def comment_reply(
    *, parent: Comment, author, text: str, text_format: str = Comment.Format.PLAIN
) -> CommentResult:
    """A reply in a thread; notifies the thread's other participants and those mentioned."""
    text = _text_clean(text)
    root = parent if parent.parent_id is None else parent.parent
    if root.is_deleted:
        raise ReviewError(_("Man kan ikke svare på en slettet kommentar."))
    reply = Comment.objects.create(
        plan_id=root.plan_id,
        section_id=root.section_id,
        parent=root,
        revision_id=root.revision_id,
        paragraph_index=root.paragraph_index,
        paragraph_fingerprint=root.paragraph_fingerprint,
        quoted_text=root.quoted_text,
        author=author,
        text=text,
        text_format=text_format,
        text_html=comment_text_render(text=text, text_format=text_format),
    )
    council = root.plan.council
    mentioned, missing = mentions_resolve(council=council, text=text)
    mentioned_ids = {u.pk for u in mentioned}
    url = comment_url(comment=reply)
    who = author.get_full_name() or author.username
    participants = {root.author_id: root.author}
    for other in root.replies.select_related("author").exclude(pk=reply.pk).filter(is_deleted=False):
        participants[other.author_id] = other.author
    _notify(
        recipients={pk: u for pk, u in participants.items() if pk != author.pk and pk not in mentioned_ids},
        kind="review.reply",
        title=_("%(who)s svarede på en kommentar til %(where)s") % {"who": who, "where": root.section.title},
        body=text[:500],
        url=url,
    )
    _notify(
        recipients={u.pk: u for u in mentioned if u.pk != author.pk},
        kind="review.mention",
        title=_("%(who)s nævnte dig i en kommentar til %(where)s")
        % {"who": who, "where": root.section.title},
        body=text[:500],
        url=url,
    )
    return CommentResult(comment=reply, not_mentioned=missing)


def comment_can_edit(*, comment: Comment, user, now=None) -> bool:
    now = now or timezone.now()
    return (
        not comment.is_deleted
        and comment.author_id == getattr(user, "pk", None)
        and now - comment.created_at <= EDIT_WINDOW
    )


@transaction.atomic
def comment_update(*, comment: Comment, user, text: str, text_format: str | None = None) -> Comment:
    """The author changes their comment within 15 minutes of writing it; the old text goes to the audit."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.author_id != user.pk or locked.is_deleted:
        raise PermissionDenied
    if not comment_can_edit(comment=locked, user=user):
        raise CommentEditWindowClosed(
            _("En kommentar kan kun redigeres i 15 minutter efter, den er skrevet. Skriv et svar i stedet.")
        )
    text = _text_clean(text)
    text_format = text_format or locked.text_format
    if text == locked.text and text_format == locked.text_format:
        return locked
    CommentEdit.objects.create(
        comment=locked,
        kind=CommentEdit.Kind.EDITED,
        previous_text=locked.text,
        previous_format=locked.text_format,
        user=user,
    )
    locked.text = text
    locked.text_format = text_format
    locked.text_html = comment_text_render(text=text, text_format=text_format)
    locked.edited_at = timezone.now()
    locked.save(update_fields=["text", "text_format", "text_html", "edited_at"])
    return locked


@transaction.atomic
def comment_delete(*, comment: Comment, user, may_moderate: bool = False) -> Comment:
    """Leave a tombstone ("Kommentar slettet"); the text is kept in the audit trail. The author may
    delete their own comment; the secretariat (`may_moderate`) any comment of its council."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.author_id != user.pk and not may_moderate:
        raise PermissionDenied
    if locked.is_deleted:
        return locked
    CommentEdit.objects.create(
        comment=locked,
        kind=CommentEdit.Kind.DELETED,
        previous_text=locked.text,
        previous_format=locked.text_format,
        user=user,
    )
    locked.is_deleted = True
    locked.deleted_at = timezone.now()
    locked.text = ""
    locked.text_html = ""
    locked.save(update_fields=["is_deleted", "deleted_at", "text", "text_html"])
    return locked


@transaction.atomic
def comment_status_change(*, comment: Comment, user, to_status: str) -> Comment:
    """Resolve or reopen a thread (the secretariat); a no-op when it already has that status."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.parent_id is not None:
        raise ReviewError(_("Kun en tråds første kommentar kan løses eller genåbnes."))
    if locked.status == to_status:
        return locked
    COMMENT_STATUS.apply(locked, to_status, error=ReviewError)
    if to_status == Comment.Status.RESOLVED:
        locked.resolved_by, locked.resolved_at = user, timezone.now()
    else:
        locked.resolved_by, locked.resolved_at = None, None
    locked.save(update_fields=["status", "resolved_by", "resolved_at"])
    if locked.author_id != user.pk and to_status == Comment.Status.RESOLVED:
        who = user.get_full_name() or user.username
        notification_create(
            user=locked.author,
            kind="review.resolved",
            title=_("%(who)s markerede din kommentar til %(where)s som løst")
            % {"who": who, "where": locked.section.title},
            url=comment_url(comment=locked),
        )
    return locked


# --- Change proposals --------------------------------------------------------------------------


def proposal_url(*, proposal: ChangeProposal) -> str:
    return reverse("change-proposal-detail", kwargs={"plan_pk": proposal.plan_id, "pk": proposal.pk})


@transaction.atomic
def change_proposal_create(
    *,
    section: Section,
    author,
    paragraph_index: int,
    proposed_text: str,
    revision: SectionRevision | None = None,
    justification: str = "",
) -> ChangeProposal:
    """New wording for one paragraph of `revision` (default: the current one); notifies the secretariat."""
    plan_editable_check(plan_id=section.plan_id)
    revision = revision or section.current_revision
    if revision is None or revision.section_id != section.pk:
        raise ReviewError(_("Versionen hører ikke til afsnittet."))
    proposed_text = (proposed_text or "").replace("\r\n", "\n").strip()
    if not proposed_text:
        raise ReviewError(_("Skriv den nye formulering."))
    if len(proposed_text) > COMMENT_MAX_LENGTH:
        raise ReviewError(_("Forslaget er for langt (højst %(max)s tegn).") % {"max": COMMENT_MAX_LENGTH})
    paragraph = _revision_paragraph(revision=revision, paragraph_index=paragraph_index)
    proposal = ChangeProposal.objects.create(
        plan_id=section.plan_id,
        section=section,
        revision=revision,
        paragraph_index=paragraph_index,
        paragraph_fingerprint=paragraph.fingerprint,
        original_text=paragraph.text,
        proposed_text=proposed_text,
        justification=(justification or "").strip(),
        author=author,
    )
    who = author.get_full_name() or author.username
    _notify(
        recipients={
            u.pk: u for u in council_secretariat_users(council=section.plan.council) if u.pk != author.pk
        },
        kind="review.proposal",
        title=_("%(who)s har stillet et ændringsforslag til %(where)s, tekstafsnit %(n)s")
        % {"who": who, "where": section.title, "n": paragraph_index},
        body=proposed_text[:500],
        url=proposal_url(proposal=proposal),
    )
    return proposal


def _proposal_lock_open(proposal: ChangeProposal) -> ChangeProposal:
    locked = (
        ChangeProposal.objects.select_for_update(of=("self",))
        .select_related("section", "author")
        .get(pk=proposal.pk)
    )
    if not locked.is_open:
        raise ProposalAlreadyDecided(
            _("Ændringsforslaget er allerede behandlet (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


@transaction.atomic
def change_proposal_accept(
    *, proposal: ChangeProposal, decided_by, edited_text: str | None = None
) -> ChangeProposal:
    """Put the proposed (or the secretariat's edited) wording into the section: exactly one new revision,
    made through section_revision_save, credited to the proposer, with a note naming the proposal."""
    plan_editable_check(plan_id=proposal.plan_id)
    locked = _proposal_lock_open(proposal)
    section = (
        Section.objects.select_for_update(of=("self",))
        .select_related("current_revision", "plan")
        .get(pk=locked.section_id)
    )
    current = section.current_revision
    paragraphs = paragraphs_split(current.text if current else "")
    target, _changed = change_proposal_target(proposal=locked, paragraphs=paragraphs)
    if target is None:
        raise ReviewError(
            _(
                "Tekstafsnittet findes ikke længere i afsnittet. "
                "Afvis forslaget, eller redigér afsnittet direkte."
            )
        )
    with_edits = edited_text is not None and edited_text.replace("\r\n", "\n").strip() != locked.proposed_text
    final_text = (edited_text if with_edits else locked.proposed_text).replace("\r\n", "\n").strip()
    if not final_text:
        raise ReviewError(_("Den endelige formulering må ikke være tom."))
    new_html = paragraph_replace(
        html_text=current.text,
        paragraph=target,
        new_html=plain_text_to_paragraph_html(text=final_text, like_tag=target.tag),
    )
    note = _("Fra ændringsforslag nr. %(pk)s: %(url)s") % {
        "pk": locked.pk,
        "url": proposal_url(proposal=locked),
    }
    revision = section_revision_save(
        section=section,
        title=section.title,
        text=new_html,
        base_revision_id=current.pk,
        author=locked.author,
        note=note[:300],
    )
    PROPOSAL_STATUS.apply(
        locked,
        ChangeProposal.Status.ACCEPTED_WITH_EDITS if with_edits else ChangeProposal.Status.ACCEPTED,
        error=ReviewError,
    )
    locked.final_text = final_text
    locked.resulting_revision = revision
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "final_text", "resulting_revision", "decided_by", "decided_at"])
    plan_event_record(
        plan=section.plan,
        user=decided_by,
        event=events.ProposalAccepted(
            proposal=locked.pk, section=section.pk, revision=revision.pk, with_edits=with_edits
        ),
    )
    _proposal_decision_notify(proposal=locked, decided_by=decided_by)
    return locked


@transaction.atomic
def change_proposal_reject(*, proposal: ChangeProposal, decided_by, reason: str) -> ChangeProposal:
    """Reject with a required reason; the section's text is not touched."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError(_("Skriv en begrundelse for afvisningen."))
    locked = _proposal_lock_open(proposal)
    PROPOSAL_STATUS.apply(locked, ChangeProposal.Status.REJECTED, error=ReviewError)
    locked.decision_reason = reason
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    plan_event_record(
        plan=Plan.objects.only("pk").get(sections=locked.section_id),
        user=decided_by,
        event=events.ProposalRejected(proposal=locked.pk, section=locked.section_id, reason=reason),
    )
    _proposal_decision_notify(proposal=locked, decided_by=decided_by)
    return locked


def _proposal_decision_notify(*, proposal: ChangeProposal, decided_by) -> None:
    if proposal.author_id == decided_by.pk:
        return
    notification_create(
        user=proposal.author,
        kind="review.proposal_decided",
        title=_("Dit ændringsforslag til %(where)s er behandlet: %(status)s")
        % {"where": proposal.section.title, "status": proposal.get_status_display()},
        body=proposal.decision_reason,
        url=proposal_url(proposal=proposal),
    )
