"""Process-plan fixtures (the real-worker fixture is the shared one in tests/celery_worker.py)."""

from datetime import datetime

import pytest

from planning.common.dates import COPENHAGEN
from planning.process.services import process_plan_create_from_template
from tests.factories.planning import PlanFactory


def at(year, month, day, hour=9, minute=0) -> datetime:
    """An aware Copenhagen datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


@pytest.fixture
def process_plan(plan, world):
    return process_plan_create_from_template(plan=plan, created_by=world.users["secretariat"])
