from datetime import date

import pytest

from planning.models import ProcessMilestone
from planning.process.rules import Rule, process_rules_check, process_slack_days
from planning.process.selectors import council_meeting_dates, process_check
from tests.planning.process.conftest import at

K = ProcessMilestone.Kind


def m(pk, kind, starts_at, ends_at=None):
    return ProcessMilestone(pk=pk, kind=kind, title=kind, starts_at=starts_at, ends_at=ends_at)


def chain(**moves):
    base = {
        "opens": m(1, K.HEARING_OPENS, at(2026, 11, 12)),
        "closes": m(2, K.HEARING_CLOSES, at(2026, 12, 17, 12)),
        "advice": m(3, K.ADVICE, at(2027, 1, 28, 10), at(2027, 3, 11, 12)),
        "adoption": m(4, K.ADOPTION, at(2027, 3, 23, 8)),
    }
    for name, value in moves.items():
        if value is None:
            base.pop(name)
        else:
            base[name] = value
    return list(base.values())


def check(
    milestones,
    *,
    weeks=4,
    final=True,
    meetings=frozenset({date(2027, 3, 23), date(2027, 3, 30), date(2027, 4, 6)}),
):
    return process_rules_check(
        milestones=milestones,
        min_hearing_weeks=weeks,
        wants_advice_on_final_draft=final,
        meeting_dates=set(meetings),
    )


def test_the_template_chain_breaks_no_rule():
    assert check(chain()) == []


@pytest.mark.parametrize(
    ("moves", "kwargs", "rule", "words"),
    [
        (
            {"adoption": m(4, K.ADOPTION, at(2027, 4, 6, 8))},
            {},
            Rule.ADOPTION_BY_DEADLINE,
            ["vedtagelse senest den lovbestemte frist 1. april 2027", "6. april 2027", "5 dage for sent"],
        ),
        ({"adoption": None}, {}, Rule.ADOPTION_MISSING, ["ingen milepæl for vedtagelsen"]),
        (
            {"advice": m(3, K.ADVICE, at(2027, 1, 28, 10), at(2027, 3, 23, 9))},
            {},
            Rule.ADVICE_BEFORE_ADOPTION,
            ["rådgivning fra Sundhedsstyrelsen skal være modtaget før vedtagelsen", "23. marts 2027"],
        ),
        ({"advice": None}, {}, Rule.ADVICE_MISSING, ["rådgivning fra Sundhedsstyrelsen skal være indhentet"]),
        (
            {"closes": m(2, K.HEARING_CLOSES, at(2027, 2, 4, 12))},
            {},
            Rule.HEARING_BEFORE_ADVICE,
            ["høringen skal være afsluttet, før rådgivningen", "4. februar 2027", "28. januar 2027"],
        ),
        (
            {"closes": m(2, K.HEARING_CLOSES, at(2026, 12, 3, 12))},
            {},
            Rule.MIN_HEARING_LENGTH,
            ["høringen skal vare mindst 4 uger (28 dage)", "Den varer 21 dage"],
        ),
        ({}, {"weeks": 6}, Rule.MIN_HEARING_LENGTH, ["mindst 6 uger (42 dage)", "35 dage"]),
        ({"closes": None}, {}, Rule.HEARING_MISSING, ["mangler start eller frist for høringen"]),
        (
            {},
            {"meetings": {date(2027, 3, 30)}},
            Rule.ADOPTION_ON_MEETING,
            ["vedtagelsen skal ske på et møde i sundhedsrådet", "intet rådsmøde den 23. marts 2027"],
        ),
    ],
)
def test_each_broken_rule_gives_its_own_danish_warning(moves, kwargs, rule, words):
    warnings = check(chain(**moves), **kwargs)
    assert [w.rule for w in warnings] == [rule]
    for word in words:
        assert word in warnings[0].message


def test_hearing_after_advice_is_allowed_when_the_council_wants_advice_on_an_earlier_draft():
    milestones = chain(closes=m(2, K.HEARING_CLOSES, at(2027, 2, 4, 12)))
    assert check(milestones, final=False) == []


def test_minimum_hearing_length_counts_copenhagen_dates_across_the_dst_change():
    # 1 Mar 2027 00:30 → 29 Mar 2027 00:30 local is 28 calendar days, though 671 hours of UTC time.
    milestones = chain(
        opens=m(1, K.HEARING_OPENS, at(2027, 1, 4, 0, 30)),
        closes=m(2, K.HEARING_CLOSES, at(2027, 2, 1, 0, 30)),
    )
    assert Rule.MIN_HEARING_LENGTH not in {w.rule for w in check(milestones, final=False)}
    across = chain(
        opens=m(1, K.HEARING_OPENS, at(2026, 10, 1, 0, 30)),
        closes=m(2, K.HEARING_CLOSES, at(2026, 10, 29, 0, 30)),
    )
    assert Rule.MIN_HEARING_LENGTH not in {w.rule for w in check(across)}


@pytest.mark.parametrize(
    ("adoption", "slack"),
    [
        (at(2027, 3, 23, 8), 9),
        (at(2027, 4, 1, 23, 30), 0),
        (at(2027, 4, 2, 0, 30), -1),
        (at(2027, 3, 1, 8), 31),
    ],
)
def test_slack_is_the_days_from_adoption_to_the_deadline_in_copenhagen_dates(adoption, slack):
    assert process_slack_days(milestones=chain(adoption=m(4, K.ADOPTION, adoption))) == slack


def test_slack_without_adoption_is_none():
    assert process_slack_days(milestones=chain(adoption=None)) is None


def test_council_meeting_dates_come_from_meeting_milestones_of_this_council_only(process_plan, world):
    from planning.process.services import process_plan_create_from_template
    from tests.factories.planning import PlanFactory

    other = PlanFactory(council=world.other_council, created_by=world.users["other_secretariat"])
    other_pp = process_plan_create_from_template(plan=other, created_by=world.users["other_secretariat"])
    ProcessMilestone.objects.create(
        process_plan=other_pp, kind=K.MEETING, title="Fyn", starts_at=at(2027, 3, 30, 8)
    )
    assert council_meeting_dates(council=world.council) == {
        date(2026, 4, 28),
        date(2026, 11, 10),
        date(2027, 3, 23),
    }


def test_moving_the_adoption_off_the_meeting_day_is_flagged_on_the_saved_plan(process_plan):
    adoption = process_plan.milestones.get(kind=K.ADOPTION)
    adoption.starts_at, adoption.ends_at = at(2027, 3, 24, 8), at(2027, 3, 24, 12)
    adoption.save()
    warnings, slack = process_check(process_plan=process_plan)
    assert [w.rule for w in warnings] == [Rule.ADOPTION_ON_MEETING]
    assert slack == 8
