"""Reads of the review: a section's paragraphs with their comment threads and proposals, the plan's
comment overview, open-comment counts for the outline and plan list, word diffs, and the export.

Every read here costs a fixed number of queries, whatever the number of comments."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from planning.common.diff import text_diff
from planning.plans.models import Plan, Section
from planning.review.models import ChangeProposal, Comment
from planning.review.paragraphs import Paragraph, paragraph_locate, paragraphs_split

EDIT_WINDOW = timedelta(minutes=15)  # how long an author may edit their comment

FILTERS = ("open", "resolved", "mine", "all")


# --- Counts for the plan outline and the plan list ----------------------------------------------


def open_comment_counts(*, plan: Plan | None = None, plan_ids=None) -> dict[str, dict[int, int]]:
    """Open comment threads per section and per plan: {"sections": {id: n}, "plans": {id: n}}.

    One query for any number of plans (pass `plan` or `plan_ids`); sections and plans without open
    threads are absent (read them with `.get(pk, 0)`, or the review_tags filters)."""
    if plan is not None:
        plan_ids = [plan.pk]
    plan_ids = list(plan_ids or [])
    result: dict[str, dict[int, int]] = {"sections": {}, "plans": {}}
    if not plan_ids:
        return result
    rows = (
        Comment.objects.filter(
            plan_id__in=plan_ids, parent__isnull=True, is_deleted=False, status=Comment.Status.OPEN
        )
        .values("plan_id", "section_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        result["sections"][row["section_id"]] = row["n"]
        result["plans"][row["plan_id"]] = result["plans"].get(row["plan_id"], 0) + row["n"]
    return result


# --- Threads --------------------------------------------------------------------------------------


@dataclass
class Thread:
    root: Comment
    replies: list[Comment] = field(default_factory=list)
    current_index: int | None = None  # paragraph number in the current text, None for the whole section
    is_outdated: bool = False

    @property
    def is_open(self) -> bool:
        return self.root.status == Comment.Status.OPEN

    @property
    def comments(self) -> list[Comment]:
        return [self.root, *self.replies]

    def involves(self, user) -> bool:
        return any(c.author_id == user.pk for c in self.comments)


def _comments_query():
    return Comment.objects.select_related("author", "resolved_by", "revision", "section").defer(
        "revision__text"
    )


def _threads_build(*, comments: list[Comment], user, now) -> list[Thread]:
    threads: dict[int, Thread] = {}
    replies: list[Comment] = []
    for comment in comments:
        comment.can_edit = (
            not comment.is_deleted
            and comment.author_id == user.pk
            and now - comment.created_at <= EDIT_WINDOW
        )
        if comment.parent_id is None:
            threads[comment.pk] = Thread(root=comment)
        else:
            replies.append(comment)
    for reply in replies:
        if reply.parent_id in threads:
            threads[reply.parent_id].replies.append(reply)
    return list(threads.values())


def _thread_anchor(*, thread: Thread, paragraphs: list[Paragraph], current_revision_id: int | None) -> None:
    root = thread.root
    if root.paragraph_index is None:
        return
    if root.revision_id == current_revision_id:
        thread.current_index = root.paragraph_index
        return
    found = paragraph_locate(
        paragraphs=paragraphs, fingerprint=root.paragraph_fingerprint, original_index=root.paragraph_index
    )
    if found is None:
        thread.is_outdated = True
    else:
        thread.current_index = found.index


def _thread_filter(threads: list[Thread], *, filter_name: str, user) -> list[Thread]:
    if filter_name == "open":
        return [t for t in threads if t.is_open and not t.root.is_deleted]
    if filter_name == "resolved":
        return [t for t in threads if not t.is_open]
    if filter_name == "mine":
        return [t for t in threads if t.involves(user)]
    return threads


@dataclass
class ParagraphView:
    paragraph: Paragraph
    threads: list[Thread]
    open_count: int


@dataclass
class ProposalView:
    proposal: ChangeProposal
    current: Paragraph | None
    changed_since: bool
    diff_html: SafeString


@dataclass
class SectionReview:
    section: Section
    paragraphs: list[ParagraphView]
    section_threads: list[Thread]  # on the section as a whole
    outdated_threads: list[Thread]
    proposals: list[ProposalView]
    filter_name: str
    counts: dict[str, int]


def section_review_get(*, section: Section, user, filter_name: str = "open", now=None) -> SectionReview:
    """The current text in paragraphs, each with its (filtered) threads; two queries for any number of
    comments and proposals. `section` must come with `current_revision` loaded."""
    now = now or timezone.now()
    filter_name = filter_name if filter_name in FILTERS else "open"
    current = section.current_revision
    paragraphs = paragraphs_split(current.text if current else "")
    comments = list(_comments_query().filter(section=section).order_by("created_at", "pk"))
    threads = _threads_build(comments=comments, user=user, now=now)
    for thread in threads:
        _thread_anchor(
            thread=thread, paragraphs=paragraphs, current_revision_id=current.pk if current else None
        )
    counts = {
        "open": sum(1 for t in threads if t.is_open and not t.root.is_deleted),
        "resolved": sum(1 for t in threads if not t.is_open),
        "mine": sum(1 for t in threads if t.involves(user)),
        "all": len(threads),
    }
    open_by_index: dict[int, int] = defaultdict(int)
    for thread in threads:
        if thread.current_index and thread.is_open and not thread.root.is_deleted:
            open_by_index[thread.current_index] += 1
    shown = _thread_filter(threads, filter_name=filter_name, user=user)
    by_index: dict[int, list[Thread]] = defaultdict(list)
    section_threads, outdated = [], []
    for thread in shown:
        if thread.is_outdated:
            outdated.append(thread)
        elif thread.current_index is None:
            section_threads.append(thread)
        else:
            by_index[thread.current_index].append(thread)
    proposals = [
        _proposal_view(proposal=proposal, paragraphs=paragraphs)
        for proposal in ChangeProposal.objects.filter(section=section)
        .select_related("author", "decided_by", "resulting_revision")
        .defer("resulting_revision__text")
        .order_by("-created_at", "-pk")
    ]
    return SectionReview(
        section=section,
        paragraphs=[
            ParagraphView(
                paragraph=p, threads=by_index.get(p.index, []), open_count=open_by_index.get(p.index, 0)
            )
            for p in paragraphs
        ],
        section_threads=section_threads,
        outdated_threads=outdated,
        proposals=proposals,
        filter_name=filter_name,
        counts=counts,
    )


def _proposal_view(*, proposal: ChangeProposal, paragraphs: list[Paragraph]) -> ProposalView:
    if proposal.is_open:
        current, changed = change_proposal_target(proposal=proposal, paragraphs=paragraphs)
        old = current.text if current else proposal.original_text
        new = proposal.proposed_text
    else:
        current, changed = None, False
        old = proposal.original_text
        new = proposal.final_text or proposal.proposed_text
    return ProposalView(
        proposal=proposal, current=current, changed_since=changed, diff_html=text_diff(old=old, new=new).html
    )


def change_proposal_view(*, proposal: ChangeProposal) -> ProposalView:
    current = proposal.section.current_revision
    return _proposal_view(proposal=proposal, paragraphs=paragraphs_split(current.text if current else ""))


# --- The plan's comment overview ------------------------------------------------------------------


@dataclass
class SectionCounts:
    section: Section
    open_comments: int
    open_proposals: int


@dataclass
class PlanReview:
    sections: list[SectionCounts]
    threads: list[Thread]
    filter_name: str
    counts: dict[str, int]


def plan_review_get(*, plan: Plan, user, filter_name: str = "open", now=None) -> PlanReview:
    """Every live section with its open threads and proposals, and the plan's threads (filtered) with
    their replies; four queries for any number of comments. Threads are anchored lazily: their
    paragraph number is the one they were written on (the section page shows where they are now)."""
    now = now or timezone.now()
    filter_name = filter_name if filter_name in FILTERS else "open"
    sections = list(
        plan.sections.filter(is_removed=False).order_by("position").only("pk", "title", "position", "plan_id")
    )
    counts = open_comment_counts(plan=plan)["sections"]
    proposal_counts = dict(
        ChangeProposal.objects.filter(plan=plan, status=ChangeProposal.Status.OPEN)
        .values_list("section_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    comments = list(_comments_query().filter(plan=plan).order_by("section__position", "created_at", "pk"))
    threads = _threads_build(comments=comments, user=user, now=now)
    return PlanReview(
        sections=[
            SectionCounts(
                section=s, open_comments=counts.get(s.pk, 0), open_proposals=proposal_counts.get(s.pk, 0)
            )
            for s in sections
        ],
        threads=_thread_filter(threads, filter_name=filter_name, user=user),
        filter_name=filter_name,
        counts={
            "open": sum(1 for t in threads if t.is_open and not t.root.is_deleted),
            "resolved": sum(1 for t in threads if not t.is_open),
            "mine": sum(1 for t in threads if t.involves(user)),
            "all": len(threads),
        },
    )


# --- Export -----------------------------------------------------------------------------------------

EXPORT_HEADER = [
    "Afsnit", "Tekstafsnit", "Type", "Tråd", "Forfatter", "Dato", "Tekst", "Status", "Afgørelse",
]  # fmt: skip


def _user_label(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def _local(dt) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M") if dt else ""


def plan_review_export_rows(*, plan: Plan) -> list[list[str]]:
    """All comments (with replies) and change proposals of the plan, in outline order, as rows under
    EXPORT_HEADER. Deleted comments appear as "Kommentar slettet"; three queries."""
    comments = list(
        Comment.objects.filter(plan=plan)
        .select_related("author", "resolved_by", "section")
        .order_by("section__position", "created_at", "pk")
    )
    proposals = list(
        ChangeProposal.objects.filter(plan=plan)
        .select_related("author", "decided_by", "section", "resulting_revision")
        .defer("resulting_revision__text")
        .order_by("section__position", "created_at", "pk")
    )
    keyed: list[tuple[tuple, list[str]]] = []
    roots = {c.pk: c for c in comments if c.parent_id is None}
    for comment in comments:
        root = roots.get(comment.parent_id or comment.pk, comment)
        if root.status == Comment.Status.RESOLVED:
            status = str(Comment.Status.RESOLVED.label)
            resolution = _("Løst af %(who)s %(when)s") % {
                "who": _user_label(root.resolved_by),
                "when": _local(root.resolved_at),
            }
        else:
            status, resolution = str(Comment.Status.OPEN.label), ""
        keyed.append(
            (
                (comment.section.position, 0, root.created_at, root.pk, comment.created_at, comment.pk),
                [
                    comment.section.title,
                    str(comment.paragraph_index) if comment.paragraph_index else _("Hele afsnittet"),
                    _("Svar") if comment.parent_id else _("Kommentar"),
                    f"K{root.pk}",
                    _user_label(comment.author),
                    _local(comment.created_at),
                    _("Kommentar slettet") if comment.is_deleted else comment.text,
                    status,
                    resolution,
                ],
            )
        )
    for proposal in proposals:
        if proposal.status == ChangeProposal.Status.REJECTED:
            resolution = _("Afvist: %(reason)s") % {"reason": proposal.decision_reason}
        elif proposal.resulting_revision_id:
            resolution = _("Indarbejdet i version %(n)s: %(text)s") % {
                "n": proposal.resulting_revision.number,
                "text": proposal.final_text,
            }
        else:
            resolution = ""
        keyed.append(
            (
                (proposal.section.position, 1, proposal.created_at, proposal.pk),
                [
                    proposal.section.title,
                    str(proposal.paragraph_index),
                    _("Ændringsforslag"),
                    f"F{proposal.pk}",
                    _user_label(proposal.author),
                    _local(proposal.created_at),
                    proposal.proposed_text
                    + (f"\n\n{_('Begrundelse')}: {proposal.justification}" if proposal.justification else ""),
                    proposal.get_status_display(),
                    resolution,
                ],
            )
        )
    keyed.sort(key=lambda item: item[0])
    return [row for _key, row in keyed]


def change_proposal_target(
    *, proposal: ChangeProposal, paragraphs: list[Paragraph]
) -> tuple[Paragraph | None, bool]:
    """The paragraph of the current text a proposal applies to, and whether it changed since.

    Found by its fingerprint (it may have moved); if its text changed, the paragraph now at the same
    position, flagged as changed; None when there is no such paragraph any more.
    """
    found = paragraph_locate(
        paragraphs=paragraphs,
        fingerprint=proposal.paragraph_fingerprint,
        original_index=proposal.paragraph_index,
    )
    if found is not None:
        return found, False
    if 1 <= proposal.paragraph_index <= len(paragraphs):
        return paragraphs[proposal.paragraph_index - 1], True
    return None, True
