"""Every status field has one transition table; a move outside it is refused in Danish, changing nothing."""

import itertools
from types import SimpleNamespace

import pytest

import planning.models  # noqa: F401  (registers every model's state machine)
from planning.common.states import MACHINES, TransitionRefused
from planning.hearings.models import HEARING_STATE, WHITE_PAPER_STATE
from planning.meetings.models import MEETING_STATUS, QUESTION_STATUS
from planning.plans.models import PLAN_STATUS
from planning.review.models import COMMENT_STATUS, PROPOSAL_STATUS

EXPECTED = {
    PLAN_STATUS,
    HEARING_STATE,
    WHITE_PAPER_STATE,
    MEETING_STATUS,
    QUESTION_STATUS,
    COMMENT_STATUS,
    PROPOSAL_STATUS,
}


def _pairs(allowed: bool):
    for machine in MACHINES:
        for current, to in itertools.product(machine.choices.values, repeat=2):
            if current != to and (to in machine.allowed(current)) == allowed:
                yield pytest.param(machine, current, to, id=f"{machine.name}:{current}->{to}")


def test_each_status_field_has_its_table():
    assert {m.name for m in EXPECTED} <= {m.name for m in MACHINES}
    for machine in MACHINES:
        assert set(machine.transitions) == set(machine.choices.values)


@pytest.mark.parametrize(("machine", "current", "to"), list(_pairs(allowed=False)))
def test_a_move_not_in_the_table_is_refused_in_danish_and_changes_nothing(machine, current, to):
    instance = SimpleNamespace(**{machine.field: current})
    with pytest.raises(TransitionRefused) as refused:
        machine.apply(instance, to)
    message = " ".join(refused.value.messages)
    assert "kan ikke gå fra" in message and machine.label(current) in message and machine.label(to) in message
    assert getattr(instance, machine.field) == current


@pytest.mark.parametrize(("machine", "current", "to"), list(_pairs(allowed=True)))
def test_a_move_in_the_table_is_made(machine, current, to):
    instance = SimpleNamespace(**{machine.field: current})
    assert machine.apply(instance, to) == current
    assert getattr(instance, machine.field) == to


def test_a_failing_guard_refuses_with_its_reason_and_changes_nothing():
    instance = SimpleNamespace(status="draft")
    with pytest.raises(TransitionRefused) as refused:
        PLAN_STATUS.apply(instance, "in_hearing", guards=[lambda plan: ["Planen mangler afsnit a."]])
    assert refused.value.messages == ["Planen mangler afsnit a."]
    assert instance.status == "draft"


def test_a_service_error_class_carries_the_refusal():
    class MeetingError(ValueError):
        pass

    with pytest.raises(MeetingError, match="Mødet kan ikke gå fra"):
        MEETING_STATUS.apply(SimpleNamespace(status="planned"), "minutes_approved", error=MeetingError)


def test_a_table_naming_an_unknown_state_is_rejected_when_declared():
    from planning.common.states import StateMachine
    from planning.plans.models import Plan

    with pytest.raises(ValueError):
        StateMachine(
            name="broken",
            model_label="x",
            field="status",
            choices=Plan.Status,
            transitions={"draft": {"nowhere"}},
        )
    MACHINES[:] = [m for m in MACHINES if m.name != "broken"]
