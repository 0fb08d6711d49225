"""The sweep through a real Celery worker against Redis (not eager)."""

from datetime import date

import pytest

from config.celery import app
from councils.permissions import CouncilRole, council_role_grant
from planning.models import Notification, ProcessMilestone, ReminderDelivery
from planning.process.services import process_plan_create_from_template
from tests.factories import CouncilFactory, UserFactory
from tests.factories.planning import PlanFactory
from tests.planning.process.conftest import at


@pytest.mark.worker
def test_reminder_sweep_runs_in_a_real_worker_exactly_once(celery_worker):
    council = CouncilFactory(name="Sønderjylland", slug="soenderjylland")
    secretariat = UserFactory(username="sekretariat")
    council_role_grant(council=council, user=secretariat, role=CouncilRole.SECRETARIAT)
    responsible = UserFactory(username="ansvarlig")
    process_plan = process_plan_create_from_template(
        plan=PlanFactory(council=council, created_by=secretariat), created_by=secretariat
    )
    adoption = process_plan.milestones.get(kind=ProcessMilestone.Kind.ADOPTION)
    adoption.responsible.set([responsible])

    first = app.send_task("planning.reminder_sweep", args=["2027-03-22"]).get(timeout=60)
    rerun = app.send_task("planning.reminder_sweep", args=["2027-03-22"]).get(timeout=60)

    # 22 March: 1-day reminders for the adoption and the adopting meeting (23 March), and overdue
    # notices to the secretariat for the 7 earlier template milestones nobody marked done.
    assert first == {
        "date": "2027-03-22",
        "due": 10,
        "sent": 10,
        "already_sent": 0,
        "marked_late": 7,
        "councils": 1,
    }
    assert rerun["sent"] == 0 and rerun["already_sent"] == 10
    assert ReminderDelivery.objects.count() == Notification.objects.count() == 10
    deliveries = ReminderDelivery.objects.filter(for_date=date(2027, 3, 22), kind="reminder")
    assert sorted(deliveries.values_list("recipient__username", "offset_days")) == [
        ("ansvarlig", 1),
        ("sekretariat", 1),
        ("sekretariat", 1),
    ]
    assert Notification.objects.filter(user=responsible).get().title == (
        "Påmindelse: Vedtagelse af nærsundhedsplanen om 1 dag (23. marts 2027)"
    )
    assert at(2027, 3, 23, 8) == adoption.starts_at
