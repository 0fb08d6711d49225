"""Plan drafting URLs: the council's secretariat writes, its members read, everyone else gets 404."""

from planning.models import Goal, Initiative
from planning.plans.services import plan_snapshot_create, section_remove
from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, COUNCIL_WRITE, LOGGED_IN, Expect

# A successful write answers with a redirect; the denied roles are those of COUNCIL_WRITE.
WRITE_REDIRECT = {**COUNCIL_WRITE, "secretariat": 302, "admin": 302}


def drafting_objects(world) -> dict:
    """One plan of world.council with a goal, an initiative, a removed section and a snapshot.

    Memoised on the world, so kwargs() and post_data() of one case see the same objects.
    """
    if "_drafting" not in world.__dict__:
        author = world.users["secretariat"]
        plan = PlanFactory(council=world.council, created_by=author)
        sections = list(plan.sections.order_by("position"))
        section, removed = sections[0], sections[-1]
        section_remove(section=removed, removed_by=author)
        goal = Goal.objects.create(section=section, title="Færre genindlæggelser")
        initiative = Initiative.objects.create(
            section=section, title="Udgående sygeplejeteam", responsible="shared"
        )
        snapshot = plan_snapshot_create(plan=plan, name="Udkast til høring", created_by=author)
        world.__dict__["_drafting"] = {
            "plan": plan, "section": section, "removed": removed, "goal": goal,
            "initiative": initiative, "snapshot": snapshot,
        }  # fmt: skip
    return world.__dict__["_drafting"]


def _plan(world) -> dict:
    return {"pk": drafting_objects(world)["plan"].pk}


def _section(world) -> dict:
    objects = drafting_objects(world)
    return {"pk": objects["plan"].pk, "section_pk": objects["section"].pk}


def _removed(world) -> dict:
    objects = drafting_objects(world)
    return {"pk": objects["plan"].pk, "section_pk": objects["removed"].pk}


def _item(name):
    def kwargs(world) -> dict:
        objects = drafting_objects(world)
        return {"pk": objects["plan"].pk, "item_pk": objects[name].pk}

    return kwargs


def _snapshot(world) -> dict:
    objects = drafting_objects(world)
    return {"pk": objects["plan"].pk, "snapshot_pk": objects["snapshot"].pk}


PLAN_DATA = {
    "title": "Nærsundhedsplan 2027–2030",
    "period_start_year": 2027,
    "period_end_year": 2030,
    "national_plan_reference": "National sundhedsplan 2027",
    "regional_plan_reference": "Regional sundhedsplan Syddanmark",
}
INITIATIVE_DATA = {
    "title": "Akutsygepleje i hele Sønderjylland",
    "responsible": "shared",
    "start_date": "2027-01-01",
    "end_date": "2028-12-31",
}


def _section_edit_data(world) -> dict:
    section = drafting_objects(world)["section"]
    return {"title": section.title, "text": "<p>Ny tekst</p>", "base_revision": section.current_revision_id}


EXPECTATIONS = {
    "plan-list": Expect(get=LOGGED_IN),
    "plan-create": Expect(
        kwargs=lambda w: {"slug": w.council.slug},
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: PLAN_DATA,
    ),
    "plan-detail": Expect(kwargs=_plan, get=COUNCIL_READ),
    "plan-update": Expect(
        kwargs=_plan, get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=lambda w: PLAN_DATA
    ),
    "plan-history": Expect(kwargs=_plan, get=COUNCIL_READ),
    # On a draft plan the refusal ("only an adopted plan") is a redirect back with a message.
    "plan-amendment-start": Expect(kwargs=_plan, post=WRITE_REDIRECT),
    "section-add": Expect(
        kwargs=_plan,
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {"title": "Nyt", "kind": "free"},
    ),
    "section-edit": Expect(
        kwargs=_section, get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=_section_edit_data
    ),
    "section-rename": Expect(
        kwargs=_section, get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=lambda w: {"title": "Nyt navn"}
    ),
    "section-move": Expect(kwargs=_section, post=WRITE_REDIRECT, post_data=lambda w: {"direction": "down"}),
    "section-remove": Expect(kwargs=_section, get=COUNCIL_WRITE, post=WRITE_REDIRECT),
    "section-restore": Expect(kwargs=_removed, post=WRITE_REDIRECT),
    "section-history": Expect(kwargs=_section, get=COUNCIL_READ),
    "section-revision": Expect(kwargs=lambda w: {**_section(w), "number": 1}, get=COUNCIL_READ),
    "section-diff": Expect(kwargs=_section, get=COUNCIL_READ),
    "goal-create": Expect(
        kwargs=_section,
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {"title": "Flere hjemmebesøg"},
    ),
    "goal-update": Expect(
        kwargs=_item("goal"), get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=lambda w: {"title": "Nyt mål"}
    ),
    "goal-delete": Expect(kwargs=_item("goal"), get=COUNCIL_WRITE, post=WRITE_REDIRECT),
    "initiative-create": Expect(
        kwargs=_section, get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=lambda w: INITIATIVE_DATA
    ),
    "initiative-update": Expect(
        kwargs=_item("initiative"),
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: INITIATIVE_DATA,
    ),
    "initiative-delete": Expect(kwargs=_item("initiative"), get=COUNCIL_WRITE, post=WRITE_REDIRECT),
    "snapshot-list": Expect(kwargs=_plan, get=COUNCIL_READ),
    "snapshot-create": Expect(kwargs=_plan, post=WRITE_REDIRECT, post_data=lambda w: {"name": "Vedtaget"}),
    "snapshot-detail": Expect(kwargs=_snapshot, get=COUNCIL_READ),
    "snapshot-diff": Expect(kwargs=_plan, get=COUNCIL_READ),
}
