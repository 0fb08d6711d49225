from datetime import date

from planning.common.dates import local_date
from planning.models import PlanEvent, ProcessMilestone, ProcessPlan
from planning.process.selectors import process_check
from planning.process.services import (
    ProcessPlanAlreadyAdopted,
    process_milestone_save,
    process_phase_save,
    process_plan_adopt,
    process_plan_create_from_template,
    process_template,
)
from tests.planning.process.conftest import at

K = ProcessMilestone.Kind


def _by_kind(process_plan):
    return {m.kind: m for m in process_plan.milestones.order_by("starts_at")}


def test_template_keeps_the_seed_dates_and_lays_the_legal_chain_out_backwards_from_1_april_2027(process_plan):
    milestones = list(process_plan.milestones.order_by("starts_at"))
    got = [(m.kind, m.starts_at, m.ends_at) for m in milestones]
    assert got == [
        (K.MEETING, at(2026, 4, 28, 8), at(2026, 4, 28, 12)),
        (K.SEMINAR, at(2026, 8, 31, 13), at(2026, 9, 1, 13)),  # decided 23 Mar 2026 (002, point 9)
        (K.CONFERENCE, at(2026, 11, 6, 9), at(2026, 11, 6, 14)),
        (K.MEETING, at(2026, 11, 10, 8), at(2026, 11, 10, 12)),  # Tuesday before the hearing opens
        (K.HEARING_OPENS, at(2026, 11, 12, 9), None),  # 20 weeks before the deadline
        (K.HEARING_CLOSES, at(2026, 12, 17, 12), None),  # 15 weeks before
        (K.ADVICE, at(2027, 1, 28, 10), at(2027, 3, 11, 12)),  # requested 9, received 3 weeks before
        (K.MEETING, at(2027, 3, 23, 8), at(2027, 3, 23, 12)),
        (K.ADOPTION, at(2027, 3, 23, 8), at(2027, 3, 23, 12)),  # last Tuesday a week or more before
    ]
    phases = [(p.name, p.start_date, p.end_date) for p in process_plan.phases.order_by("position")]
    assert phases[0][1:] == (date(2026, 5, 1), date(2026, 5, 31))
    assert phases[3][1:] == (date(2026, 11, 12), date(2026, 12, 17))
    assert phases[4][1:] == (date(2026, 12, 18), date(2027, 3, 23))
    warnings, slack = process_check(process_plan=process_plan)
    assert warnings == []
    assert slack == 9


def test_template_moves_with_the_deadline():
    _phases, milestones = process_template(deadline=date(2028, 4, 1))
    adoption = next(m for m in milestones if m["kind"] == K.ADOPTION)
    assert local_date(adoption["starts_at"]) == date(2028, 3, 21)  # a Tuesday, 11 days before
    assert local_date(adoption["starts_at"]).weekday() == 1


def test_creating_twice_returns_the_same_process_plan_and_records_one_event(plan, world):
    first = process_plan_create_from_template(plan=plan, created_by=world.users["secretariat"])
    second = process_plan_create_from_template(plan=plan, created_by=world.users["secretariat"])
    assert first.pk == second.pk
    assert ProcessPlan.objects.count() == 1
    assert first.milestones.count() == 9
    assert plan.events.filter(kind=PlanEvent.Kind.PROCESS_PLAN_CREATED).count() == 1


def test_moving_one_milestone_moves_nothing_else(process_plan, world):
    before = {m.pk: (m.starts_at, m.ends_at) for m in process_plan.milestones.all()}
    phases_before = {p.pk: (p.start_date, p.end_date) for p in process_plan.phases.all()}
    hearing = _by_kind(process_plan)[K.HEARING_OPENS]
    hearing.starts_at = at(2026, 11, 19, 9)
    process_milestone_save(
        milestone=hearing, responsible=[], changed_by=world.users["secretariat"], today=date(2026, 6, 1)
    )
    after = {m.pk: (m.starts_at, m.ends_at) for m in process_plan.milestones.all()}
    changed = {pk for pk in before if before[pk] != after[pk]}
    assert changed == {hearing.pk}
    assert {p.pk: (p.start_date, p.end_date) for p in process_plan.phases.all()} == phases_before
    changes = process_plan.plan.events.filter(kind=PlanEvent.Kind.MILESTONE_CHANGED, data__action="updated")
    event = changes.get()
    assert event.data["from"].startswith("2026-11-12") and event.data["to"].startswith("2026-11-19")


def test_editing_one_phase_moves_no_other_phase_or_milestone(process_plan, world):
    milestones_before = {m.pk: m.starts_at for m in process_plan.milestones.all()}
    phases = list(process_plan.phases.order_by("position"))
    others_before = {p.pk: (p.start_date, p.end_date) for p in phases[1:]}
    phases[0].end_date = date(2026, 6, 15)
    process_phase_save(
        phase=phases[0], responsible=[world.users["secretariat"]], changed_by=world.users["secretariat"]
    )
    assert {
        p.pk: (p.start_date, p.end_date) for p in process_plan.phases.exclude(pk=phases[0].pk)
    } == others_before
    assert {m.pk: m.starts_at for m in process_plan.milestones.all()} == milestones_before
    assert list(process_plan.phases.get(pk=phases[0].pk).responsible.all()) == [world.users["secretariat"]]


def test_adopting_the_process_plan_is_a_recorded_decision_and_cannot_be_overwritten(process_plan, world):
    process_plan_adopt(
        process_plan=process_plan,
        decided_on=date(2026, 4, 28),
        decided_by=world.users["secretariat"],
        note="Godkendt",
    )
    process_plan.refresh_from_db()
    assert (process_plan.adopted_on, process_plan.adopted_by, process_plan.adoption_note) == (
        date(2026, 4, 28),
        world.users["secretariat"],
        "Godkendt",
    )
    event = process_plan.plan.events.get(kind=PlanEvent.Kind.PROCESS_PLAN_ADOPTED)
    assert event.data == {"decided_on": "2026-04-28", "note": "Godkendt"}
    try:
        process_plan_adopt(
            process_plan=process_plan, decided_on=date(2026, 5, 26), decided_by=world.users["admin"]
        )
    except ProcessPlanAlreadyAdopted as exc:
        assert "28. april 2026" in exc.messages[0]
    else:
        raise AssertionError("a second adoption must be refused")
    process_plan.refresh_from_db()
    assert process_plan.adopted_on == date(2026, 4, 28)
    assert process_plan.plan.events.filter(kind=PlanEvent.Kind.PROCESS_PLAN_ADOPTED).count() == 1
