"""Service rules of plan drafting: template, numbering, reorder, removal, revisions, snapshots, events."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from planning.models import Goal, Initiative, PlanEvent, Section, SectionRevision, SnapshotEntry
from planning.plans.selectors import plan_sections_for_page, section_get_for_plan
from planning.plans.services import (
    TEMPLATE_THEMES,
    plan_item_create,
    plan_item_delete,
    plan_item_update,
    plan_snapshot_create,
    plan_update,
    section_add,
    section_move,
    section_remove,
    section_rename,
    section_restore,
    section_revision_save,
)
from tests.factories.planning import PlanFactory


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


def _titles(plan):
    return [s.title for s in plan_sections_for_page(plan=plan)]


def _save(section, text, author, title=None):
    section.refresh_from_db()
    return section_revision_save(
        section=section, title=title or section.title, text=text,
        base_revision_id=section.current_revision_id, author=author,
    )  # fmt: skip


def test_plan_starts_from_template_a_to_e_then_themes(plan, secretariat):
    sections = list(plan.sections.order_by("position"))
    assert [s.position for s in sections] == list(range(1, 13))
    assert [(s.kind, s.statutory_area) for s in sections[:5]] == [("statutory", a) for a in "abcde"]
    assert sections[1].title == "Udadvendte sygehuse"
    assert [s.title for s in sections[5:]] == TEMPLATE_THEMES
    assert all(s.kind == Section.Kind.THEME for s in sections[5:])
    assert SectionRevision.objects.filter(section__plan=plan).count() == 12
    assert all(s.current_revision.number == 1 and s.current_revision.text == "" for s in sections)
    assert list(plan.events.values_list("kind", flat=True)) == [PlanEvent.Kind.CREATED]


def test_numbers_follow_order_and_skip_removed_sections(plan, secretariat):
    sections = list(plan.sections.order_by("position"))
    section_remove(section=sections[1], removed_by=secretariat)
    numbered = plan_sections_for_page(plan=plan)
    assert [(s.number, s.pk) for s in numbered[:3]] == [
        (1, sections[0].pk),
        (2, sections[2].pk),
        (3, sections[3].pk),
    ]
    assert len(numbered) == 11
    assert section_get_for_plan(plan=plan, pk=sections[3].pk).number == 3
    assert section_get_for_plan(plan=plan, pk=sections[1].pk).number is None


def test_added_section_goes_last_and_records_event(plan, secretariat):
    section = section_add(plan=plan, title="  Lighed i sundhed  ", added_by=secretariat)
    assert section.title == "Lighed i sundhed"
    assert section.kind == Section.Kind.FREE
    assert _titles(plan)[-1] == "Lighed i sundhed"
    assert section.current_revision.number == 1
    assert plan.events.filter(kind=PlanEvent.Kind.SECTION_ADDED, data__section=section.pk).count() == 1


def test_move_swaps_with_live_neighbour_and_stops_at_edges(plan, secretariat):
    sections = list(plan.sections.order_by("position"))
    a, b, c = sections[0], sections[1], sections[2]
    assert section_move(section=a, direction="up", moved_by=secretariat) is False
    assert section_move(section=a, direction="down", moved_by=secretariat) is True
    assert _titles(plan)[:3] == [b.title, a.title, c.title]
    section_remove(section=c, removed_by=secretariat)
    assert section_move(section=a, direction="down", moved_by=secretariat) is True  # jumps over removed c
    assert _titles(plan)[:3] == [b.title, sections[3].title, a.title]
    last = plan_sections_for_page(plan=plan)[-1]
    assert section_move(section=last, direction="down", moved_by=secretariat) is False
    assert plan.events.filter(kind=PlanEvent.Kind.SECTION_MOVED).count() == 2
    positions = list(plan.sections.values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 13))  # renumbered without ties or gaps


def test_remove_is_soft_idempotent_and_restorable(plan, secretariat):
    section = plan.sections.get(position=6)
    _save(section, "<p>Psykiatri</p>", secretariat)
    section_remove(section=section, removed_by=section.plan.created_by)
    section_remove(section=section, removed_by=secretariat)
    section.refresh_from_db()
    assert section.is_removed and section.removed_at is not None
    assert section.revisions.count() == 2  # history kept
    assert section.title not in _titles(plan)
    assert plan.events.filter(kind=PlanEvent.Kind.SECTION_REMOVED).count() == 1
    section_restore(section=section, restored_by=secretariat)
    assert _titles(plan)[5] == section.title
    assert plan.events.filter(kind=PlanEvent.Kind.SECTION_RESTORED).count() == 1


def test_rename_is_a_new_revision_with_the_same_text(plan, secretariat):
    section = plan.sections.get(position=7)
    _save(section, "<p>Tekst</p>", secretariat)
    section_rename(section=section, title="Almen praksis", renamed_by=secretariat)
    section.refresh_from_db()
    assert section.title == "Almen praksis"
    assert [(r.number, r.title, r.text) for r in section.revisions.order_by("number")] == [
        (1, "Almen praksis og speciallægepraksis", ""),
        (2, "Almen praksis og speciallægepraksis", "<p>Tekst</p>"),
        (3, "Almen praksis", "<p>Tekst</p>"),
    ]
    event = plan.events.get(kind=PlanEvent.Kind.SECTION_RENAMED)
    assert event.data["from"] == "Almen praksis og speciallægepraksis" and event.data["to"] == "Almen praksis"
    with pytest.raises(ValueError):
        section_rename(section=section, title="   ", renamed_by=secretariat)


def test_each_save_is_a_new_immutable_revision(plan, secretariat):
    section = plan.sections.get(position=1)
    first = _save(section, "<p>Første</p>", secretariat)
    second = _save(section, "<p>Anden</p>", secretariat)
    assert (first.number, second.number) == (2, 3)
    assert _save(section, "<p>Anden</p>", secretariat).pk == second.pk  # unchanged text: no new revision
    first.text = "<p>Ændret bagefter</p>"
    with pytest.raises(ValueError):
        first.save()
    with pytest.raises(ValueError):
        first.delete()
    assert SectionRevision.objects.get(pk=first.pk).text == "<p>Første</p>"
    assert plan.events.filter(kind=PlanEvent.Kind.SECTION_SAVED).count() == 2


def test_save_sanitises_html(plan, secretariat):
    section = plan.sections.get(position=1)
    revision = _save(section, '<p onclick="x()">Hej<script>alert(1)</script></p>', secretariat)
    assert revision.text == "<p>Hej</p>"


def test_snapshot_freezes_live_sections_with_goals_and_initiatives(plan, secretariat):
    sections = list(plan.sections.order_by("position"))
    _save(sections[0], "<p>Somatik og psykiatri</p>", secretariat)
    plan_item_create(
        model=Goal, section=sections[0], title="Færre akutte indlæggelser", created_by=secretariat
    )
    plan_item_create(
        model=Initiative,
        section=sections[0], created_by=secretariat, title="Udgående team", responsible="shared",
        start_date=datetime.date(2027, 1, 1), end_date=datetime.date(2028, 6, 30), statutory_area="a",
    )  # fmt: skip
    section_remove(section=sections[2], removed_by=secretariat)
    snapshot = plan_snapshot_create(plan=plan, name="Udkast til høring", created_by=secretariat)
    entries = list(snapshot.entries.order_by("position"))
    assert len(entries) == 11
    assert [e.number for e in entries] == list(range(1, 12))
    assert sections[2].pk not in {e.section_id for e in entries}
    first = entries[0]
    sections[0].refresh_from_db()
    assert first.revision_id == sections[0].current_revision_id
    assert first.goals == [{"title": "Færre akutte indlæggelser", "description": ""}]
    assert (
        first.initiatives[0]["start_date"] == "2027-01-01" and first.initiatives[0]["responsible"] == "shared"
    )
    # Later edits do not change the snapshot.
    _save(sections[0], "<p>Senere tekst</p>", secretariat)
    Goal.objects.filter(section=sections[0]).update(title="Ændret")
    first = SnapshotEntry.objects.get(pk=first.pk)
    assert first.revision.text == "<p>Somatik og psykiatri</p>"
    assert first.goals[0]["title"] == "Færre akutte indlæggelser"
    assert plan.events.filter(kind=PlanEvent.Kind.SNAPSHOT_CREATED).count() == 1


def test_plan_update_records_changed_fields_only(plan, secretariat):
    plan_update(plan=plan, updated_by=secretariat, title=plan.title, period_end_year=2031)
    event = plan.events.get(kind=PlanEvent.Kind.DETAILS_CHANGED)
    assert event.data == {"changed": {"period_end_year": [2030, 2031]}}
    plan_update(plan=plan, updated_by=secretariat, period_end_year=2031)
    assert plan.events.filter(kind=PlanEvent.Kind.DETAILS_CHANGED).count() == 1
    with pytest.raises(ValidationError):
        plan_update(plan=plan, updated_by=secretariat, period_end_year=2020)


def test_goal_and_initiative_changes_are_events_and_dates_must_be_ordered(plan, secretariat):
    section = plan.sections.get(position=2)
    goal = plan_item_create(model=Goal, section=section, title="Mål 1", created_by=secretariat)
    plan_item_update(item=goal, updated_by=secretariat, title="Mål 1b")
    plan_item_delete(item=goal, deleted_by=secretariat)
    events = plan.events.filter(kind=PlanEvent.Kind.GOAL_CHANGED).order_by("pk")
    assert [e.data["action"] for e in events] == ["created", "updated", "deleted"]
    with pytest.raises(ValidationError) as excinfo:
        plan_item_create(
        model=Initiative,
            section=section, created_by=secretariat, title="Bagvendt", responsible="region",
            start_date=datetime.date(2028, 1, 1), end_date=datetime.date(2027, 1, 1),
        )  # fmt: skip
    assert "Slutdatoen kan ikke ligge før startdatoen." in str(excinfo.value)
    assert not Initiative.objects.filter(section=section).exists()
    initiative = plan_item_create(
        model=Initiative, section=section, created_by=secretariat, title="Ok", responsible="region"
    )
    plan_item_update(item=initiative, updated_by=secretariat, indicator="Antal besøg")
    assert plan.events.filter(kind=PlanEvent.Kind.INITIATIVE_CHANGED).count() == 2


def test_plan_status_change_follows_the_pipeline_and_records_it(world):
    from planning.models import Plan, PlanEvent
    from planning.plans.services import InvalidStatusTransition, plan_status_change
    from tests.factories.planning import PlanFactory

    user = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=user)
    plan_status_change(plan=plan, to_status=Plan.Status.IN_HEARING, changed_by=user, reason="test")
    plan_status_change(plan=plan, to_status=Plan.Status.IN_HEARING, changed_by=user, reason="again")  # no-op
    assert PlanEvent.objects.filter(plan=plan, kind=PlanEvent.Kind.STATUS_CHANGED).count() == 1
    with pytest.raises(InvalidStatusTransition):
        plan_status_change(plan=plan, to_status=Plan.Status.ADOPTED, changed_by=user, reason="skip the gates")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_HEARING
