from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, LOGGED_IN, Expect


def _plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


EXPECTATIONS = {
    "plan-list": Expect(get=LOGGED_IN),
    "plan-detail": Expect(kwargs=lambda w: {"pk": _plan(w).pk}, get=COUNCIL_READ),
}
