"""An adopted plan is frozen: every write path answers 409 with the Danish explanation and changes nothing;
"Start en ændring af planen" opens a new draft from the adopted text and leaves the adopted plan as it was."""

import pytest
from django.urls import reverse

from planning.adoption.services import plan_adopt
from planning.models import ChangeProposal, Goal, Initiative, Plan, PlanEvent, PlanSnapshot, SectionRevision
from planning.plans.services import (
    PlanFrozen,
    plan_amendment_start,
    plan_item_create,
    plan_snapshot_create,
    plan_snapshot_freeze,
    plan_update,
    section_add,
    section_revision_save,
)
from planning.review.services import change_proposal_accept, change_proposal_create
from tests.permissions.expectations.planning import EXPECTATIONS, drafting_objects

WRITE_URLS = [
    "plan-update",
    "section-add",
    "section-edit",
    "section-rename",
    "section-move",
    "section-remove",
    "section-restore",
    "goal-create",
    "goal-update",
    "goal-delete",
    "initiative-create",
    "initiative-update",
    "initiative-delete",
    "snapshot-create",
]


def _state(plan: Plan) -> dict:
    plan.refresh_from_db()
    return {
        "title": plan.title,
        "status": plan.status,
        "sections": list(plan.sections.order_by("pk").values_list("pk", "title", "position", "is_removed")),
        "revisions": SectionRevision.objects.filter(section__plan=plan).count(),
        "goals": list(Goal.objects.filter(section__plan=plan).values_list("pk", "title")),
        "initiatives": list(Initiative.objects.filter(section__plan=plan).values_list("pk", "title")),
        "snapshots": PlanSnapshot.objects.filter(plan=plan).count(),
        "events": PlanEvent.objects.filter(plan=plan).count(),
    }


@pytest.fixture
def adopted(world):
    objects = drafting_objects(world)
    Plan.objects.filter(pk=objects["plan"].pk).update(status=Plan.Status.ADOPTED)
    objects["plan"].refresh_from_db()
    return objects


@pytest.mark.parametrize("url_name", WRITE_URLS)
def test_every_write_view_refuses_an_adopted_plan_with_409_and_changes_nothing(
    client, world, adopted, url_name
):
    expect = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=expect.kwargs(world))
    before = _state(adopted["plan"])
    client.force_login(world.users["secretariat"])
    response = client.post(url, expect.post_data(world))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Planen er vedtaget, og den vedtagne tekst kan ikke ændres." in page
    assert "Start en ændring af planen" in page
    if expect.get is not None:
        assert client.get(url).status_code == 409
    assert _state(adopted["plan"]) == before


def test_a_member_still_gets_403_and_another_council_404_on_an_adopted_plan(client, world, adopted):
    url = reverse("section-add", kwargs={"pk": adopted["plan"].pk})
    client.force_login(world.users["member"])
    assert client.post(url, {"title": "X", "kind": "free"}).status_code == 403
    client.force_login(world.users["other_secretariat"])
    assert client.post(url, {"title": "X", "kind": "free"}).status_code == 404


def test_every_write_service_refuses_an_adopted_plan_and_writes_nothing(world, adopted):
    plan, section, user = adopted["plan"], adopted["section"], world.users["secretariat"]
    before = _state(plan)
    attempts = [
        lambda: section_revision_save(
            section=section, title=section.title, text="<p>Ny</p>",
            base_revision_id=section.current_revision_id, author=user,
        ),
        lambda: section_add(plan=plan, title="Nyt afsnit", added_by=user),
        lambda: plan_update(plan=plan, updated_by=user, title="Ny titel"),
        lambda: plan_item_create(model=Goal, section=section, title="Nyt mål", created_by=user),
        lambda: plan_item_create(
            model=Initiative, section=section, title="Ny indsats", responsible="region", created_by=user
        ),
        lambda: plan_snapshot_create(plan=plan, name="Efter vedtagelse", created_by=user),
    ]  # fmt: skip
    for attempt in attempts:
        with pytest.raises(PlanFrozen):
            attempt()
    assert _state(plan) == before


def test_a_proposal_cannot_be_accepted_or_made_once_the_plan_is_adopted(client, world):
    objects = drafting_objects(world)
    plan, section, user = objects["plan"], objects["section"], world.users["secretariat"]
    section_revision_save(
        section=section, title=section.title, text="<p>Første afsnit.</p>",
        base_revision_id=section.current_revision_id, author=user,
    )  # fmt: skip
    section.refresh_from_db()
    proposal = change_proposal_create(
        section=section, author=world.users["member"], paragraph_index=1, proposed_text="Bedre afsnit."
    )
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ADOPTED)
    before = _state(plan)
    client.force_login(user)
    url = reverse("change-proposal-decide", kwargs={"plan_pk": plan.pk, "pk": proposal.pk})
    assert client.post(url, {"action": "accept"}).status_code == 409
    with pytest.raises(PlanFrozen):
        change_proposal_accept(proposal=proposal, decided_by=user)
    with pytest.raises(PlanFrozen):
        change_proposal_create(
            section=section, author=world.users["member"], paragraph_index=1, proposed_text="Endnu bedre."
        )
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.OPEN
    assert _state(plan) == before


def test_start_an_amendment_copies_the_adopted_text_and_keeps_the_adopted_plan_frozen(client, world, adopted):
    plan, section, user = adopted["plan"], adopted["section"], world.users["secretariat"]
    plan_snapshot_freeze(plan=plan, name="Vedtaget", created_by=user)
    before = _state(plan)
    client.force_login(user)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Start en ændring af planen" in page and "Rediger tekst" not in page

    response = client.post(reverse("plan-amendment-start", kwargs={"pk": plan.pk}))
    amendment = Plan.objects.get(amends=plan)
    assert response.status_code == 302 and response["Location"] == amendment.get_absolute_url()
    assert amendment.status == Plan.Status.DRAFT and amendment.title == plan.title
    copied = amendment.sections.get(title=section.title)
    assert copied.current_revision.text == section.current_revision.text
    assert list(Goal.objects.filter(section__plan=amendment).values_list("title", flat=True)) == [
        "Færre genindlæggelser"
    ]
    assert amendment.events.filter(kind=PlanEvent.Kind.AMENDMENT_STARTED).count() == 1

    # The adopted plan: same text, one more history line, and the amendment is offered instead of a new one.
    after = _state(plan)
    assert after["events"] == before["events"] + 1
    assert {k: v for k, v in after.items() if k != "events"} == {
        k: v for k, v in before.items() if k != "events"
    }
    assert plan_amendment_start(plan=plan, started_by=user) == amendment
    assert "Gå til ændringsudkastet" in client.get(plan.get_absolute_url()).content.decode()

    # The amendment is an ordinary draft.
    section_revision_save(
        section=copied, title=copied.title, text="<p>Ændret tekst</p>",
        base_revision_id=copied.current_revision_id, author=user,
    )  # fmt: skip


def test_adopting_the_amendment_supersedes_the_plan_it_amends(world, adopted):
    plan, user = adopted["plan"], world.users["admin"]
    amendment = plan_amendment_start(plan=plan, started_by=world.users["secretariat"])
    plan_adopt(
        plan=amendment, adopted_on=amendment.created_at.date(), meeting="Møde", decision_text="Vedtaget.",
        adopted_by=user, override_reason="Test af ændring",
    )  # fmt: skip
    plan.refresh_from_db()
    amendment.refresh_from_db()
    assert amendment.status == Plan.Status.ADOPTED and plan.status == Plan.Status.SUPERSEDED


def test_only_an_adopted_plan_can_be_amended(world):
    plan = drafting_objects(world)["plan"]
    from planning.plans.services import AmendmentRefused

    with pytest.raises(AmendmentRefused):
        plan_amendment_start(plan=plan, started_by=world.users["secretariat"])
    assert not Plan.objects.filter(amends=plan).exists()
