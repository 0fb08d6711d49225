from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, COUNCIL_WRITE, LOGGED_IN, Expect


def _plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


def _process_plan(world):
    from planning.process.services import process_plan_create_from_template

    return process_plan_create_from_template(plan=_plan(world), created_by=world.users["secretariat"])


def _milestone_kwargs(world):
    pp = _process_plan(world)
    return {"pk": pp.plan_id, "milestone_pk": pp.milestones.get(kind="conference").pk}


def _phase_kwargs(world):
    pp = _process_plan(world)
    return {"pk": pp.plan_id, "phase_pk": pp.phases.order_by("position").first().pk}


def _token_kwargs(world):
    from planning.process.services import calendar_token_create

    feed_token, _secret = calendar_token_create(council=world.council, created_by=world.users["secretariat"])
    return {"pk": _plan(world).pk, "token_pk": feed_token.pk}


def _feed_kwargs(world):
    from planning.process.services import calendar_token_create

    _process_plan(world)
    _feed_token, secret = calendar_token_create(council=world.council, created_by=world.users["secretariat"])
    return {"token": secret}


MILESTONE_POST = {
    "kind": "conference",
    "title": "Politisk konference",
    "start_date": "2026-11-13",
    "start_time": "09:00",
    "end_date": "2026-11-13",
    "end_time": "14:00",
    "place": "Aabenraa",
    "status": "planned",
}
WRITE_REDIRECT = {**COUNCIL_WRITE, "secretariat": 302, "admin": 302}
WRITE_DELETE = {**COUNCIL_WRITE, "secretariat": 302, "admin": 302}

EXPECTATIONS = {
    "process-overview": Expect(get=LOGGED_IN),
    "process-overview-csv": Expect(get=LOGGED_IN),
    "calendar-user-tokens": Expect(get=LOGGED_IN, post=LOGGED_IN, post_data=lambda w: {"label": "Outlook"}),
    "calendar-feed": Expect(
        kwargs=_feed_kwargs,
        get={
            "anonymous": 200,
            "other_member": 200,
            "other_secretariat": 200,
            "member": 200,
            "secretariat": 200,
            "admin": 200,
        },
    ),
    "process-detail": Expect(kwargs=lambda w: {"pk": _process_plan(w).plan_id}, get=COUNCIL_READ),
    "process-create": Expect(kwargs=lambda w: {"pk": _plan(w).pk}, post=WRITE_REDIRECT),
    "process-settings": Expect(
        kwargs=lambda w: {"pk": _process_plan(w).plan_id},
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {
            "min_hearing_weeks": "6",
            "reminder_offsets": "14, 3",
            "wants_advice_on_final_draft": "on",
        },
    ),
    "process-adopt": Expect(
        kwargs=lambda w: {"pk": _process_plan(w).plan_id},
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {"decided_on": "2026-04-28", "note": "Godkendt"},
    ),
    "process-milestone-create": Expect(
        kwargs=lambda w: {"pk": _process_plan(w).plan_id},
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {**MILESTONE_POST, "kind": "other", "title": "Borgermøde"},
    ),
    "process-milestone-edit": Expect(
        kwargs=_milestone_kwargs, get=COUNCIL_WRITE, post=WRITE_REDIRECT, post_data=lambda w: MILESTONE_POST
    ),
    "process-milestone-delete": Expect(kwargs=_milestone_kwargs, post=WRITE_DELETE),
    "process-phase-create": Expect(
        kwargs=lambda w: {"pk": _process_plan(w).plan_id},
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {
            "name": "Borgerinddragelse",
            "start_date": "2026-09-01",
            "end_date": "2026-09-30",
        },
    ),
    "process-phase-edit": Expect(
        kwargs=_phase_kwargs,
        get=COUNCIL_WRITE,
        post=WRITE_REDIRECT,
        post_data=lambda w: {"name": "Igangsætning", "start_date": "2026-05-01", "end_date": "2026-06-15"},
    ),
    "process-phase-delete": Expect(kwargs=_phase_kwargs, post=WRITE_DELETE),
    "process-calendar-tokens": Expect(
        kwargs=lambda w: {"pk": _plan(w).pk},
        get=COUNCIL_WRITE,
        post=COUNCIL_WRITE,
        post_data=lambda w: {"label": "Outlook"},
    ),
    "process-calendar-token-revoke": Expect(kwargs=_token_kwargs, post=WRITE_DELETE),
}
