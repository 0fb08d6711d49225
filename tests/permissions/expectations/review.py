"""Review: comments, change proposals, export, notifications (planning/urls_review.py)."""

from planning.models import Section
from planning.notifications.services import notification_create
from planning.plans.services import section_revision_save
from planning.review.services import change_proposal_create, comment_create
from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, LOGGED_IN, LOGIN, Expect

COUNCIL_POST = {  # members and the secretariat write comments and proposals
    "anonymous": LOGIN,
    "other_member": 404,
    "other_secretariat": 404,
    "member": 302,
    "secretariat": 302,
    "admin": 302,
}
SECRETARIAT_POST = {**COUNCIL_POST, "member": 403}
AUTHOR_ONLY_GET = {**COUNCIL_READ, "secretariat": 403, "admin": 403}  # the comment's author is "member"
AUTHOR_ONLY_POST = {**COUNCIL_POST, "secretariat": 403, "admin": 403}
AUTHOR_OR_SECRETARIAT_GET = COUNCIL_READ
LOGGED_IN_POST = {**LOGGED_IN, **{role: 302 for role, code in LOGGED_IN.items() if code == 200}}
OWN_NOTIFICATION_POST = {
    **LOGGED_IN_POST,
    "other_member": 404,
    "other_secretariat": 404,
    "secretariat": 404,
    "admin": 404,
}


def _section(world) -> Section:
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section,
        title=section.title,
        text="<p>Første tekstafsnit.</p><p>Andet tekstafsnit.</p>",
        base_revision_id=section.current_revision_id,
        author=world.users["secretariat"],
    )
    section.refresh_from_db()
    return section


def _section_kwargs(world):
    section = _section(world)
    return {"plan_pk": section.plan_id, "section_pk": section.pk}


def _revision_kwargs(world):
    section = _section(world)
    return {"plan_pk": section.plan_id, "section_pk": section.pk, "revision_pk": section.current_revision_id}


def _comment_kwargs(world):
    section = _section(world)
    comment = comment_create(
        section=section, author=world.users["member"], text="Hej", paragraph_index=1
    ).comment
    return {"plan_pk": section.plan_id, "pk": comment.pk}


def _proposal_kwargs(world):
    section = _section(world)
    proposal = change_proposal_create(
        section=section,
        author=world.users["member"],
        paragraph_index=1,
        proposed_text="Nyt første tekstafsnit.",
    )
    return {"plan_pk": section.plan_id, "pk": proposal.pk}


def _plan_kwargs(world):
    return {"plan_pk": _section(world).plan_id}


def _notification_kwargs(world):
    return {"pk": notification_create(user=world.users["member"], kind="test", title="Hej").pk}


TEXT = {"text": "Kommentar", "text_format": "plain"}

EXPECTATIONS = {
    "plan-review": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ),
    "plan-review-export-xlsx": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ),
    "plan-review-export-csv": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ),
    "section-review": Expect(kwargs=_section_kwargs, get=COUNCIL_READ),
    "section-revision-review": Expect(kwargs=_revision_kwargs, get=COUNCIL_READ),
    "comment-create": Expect(
        kwargs=_section_kwargs, post=COUNCIL_POST, post_data=lambda w: {**TEXT, "paragraph": "2"}
    ),
    "comment-reply": Expect(
        kwargs=_comment_kwargs, get=COUNCIL_READ, post=COUNCIL_POST, post_data=lambda w: TEXT
    ),
    "comment-edit": Expect(
        kwargs=_comment_kwargs, get=AUTHOR_ONLY_GET, post=AUTHOR_ONLY_POST, post_data=lambda w: TEXT
    ),
    "comment-delete": Expect(kwargs=_comment_kwargs, get=AUTHOR_OR_SECRETARIAT_GET, post=COUNCIL_POST),
    "comment-resolve": Expect(kwargs=_comment_kwargs, post=SECRETARIAT_POST),
    "comment-reopen": Expect(kwargs=_comment_kwargs, post=SECRETARIAT_POST),
    "change-proposal-create": Expect(
        kwargs=_section_kwargs,
        post=COUNCIL_POST,
        post_data=lambda w: {"forslag-paragraph": "1", "forslag-proposed_text": "Ny formulering."},
    ),
    "change-proposal-detail": Expect(kwargs=_proposal_kwargs, get=COUNCIL_READ),
    "change-proposal-decide": Expect(
        kwargs=_proposal_kwargs,
        post=SECRETARIAT_POST,
        post_data=lambda w: {"action": "reject", "reason": "Nej"},
    ),
    "notification-list": Expect(get=LOGGED_IN),
    "notification-read": Expect(kwargs=_notification_kwargs, post=OWN_NOTIFICATION_POST),
    "notification-read-all": Expect(post=LOGGED_IN_POST),
    "notification-settings": Expect(
        get=LOGGED_IN, post=LOGGED_IN_POST, post_data=lambda w: {"email_mode": "daily_digest"}
    ),
}
