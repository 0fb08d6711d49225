"""Benchmark: the daily reminder sweep over 17 councils × 20 milestones × N users.

Run from the repo root: `python bench/reminder_sweep.py`. Uses DATABASE_URL if set (a throwaway
database named after it with a `_bench` suffix on PostgreSQL), else SQLite in a temp directory.
Prints its figures as one JSON object on the last line. Emails are off for the bench users (in-app
notifications only), so the figures are the sweep's own database work.
"""

import json
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.pop("REDIS_URL", None)
_tmp = tempfile.mkdtemp(prefix="bench-reminders-")
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    base, _sep, name = os.environ["DATABASE_URL"].rpartition("/")
    os.environ["DATABASE_URL"] = f"{base}/{name or 'sundhedsraad'}_bench"
else:
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

CPH = ZoneInfo("Europe/Copenhagen")
COUNCILS, MILESTONES = 17, 20
SWEEP_DAY = date(2027, 3, 16)


def _prepare_database() -> None:
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        with psycopg.connect(
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            user=settings["USER"] or "postgres",
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')
            admin.execute(f'CREATE DATABASE "{settings["NAME"]}"')
    call_command("migrate", verbosity=0)


def _build(users_per_council: int) -> None:
    """17 councils; each has 20 milestones due today (7-day reminder), half of its users in the
    secretariat and the other half responsible for every milestone."""
    from django.contrib.auth import get_user_model

    from councils.models import HealthCouncil, Region
    from councils.permissions import CouncilRole, council_group_ensure
    from planning.models import NotificationSetting, Plan, ProcessMilestone, ProcessPlan

    User = get_user_model()
    region = Region.objects.create(name=f"Bench {users_per_council}", slug=f"bench-{users_per_council}")
    admin = User.objects.create(username=f"bench-admin-{users_per_council}")
    for c in range(COUNCILS):
        council = HealthCouncil.objects.create(
            region=region, name=f"Råd {users_per_council}-{c}", slug=f"raad-{users_per_council}-{c}"
        )
        users = User.objects.bulk_create(
            [
                User(username=f"u{users_per_council}-{c}-{n}", email=f"u{c}-{n}@example.dk")
                for n in range(users_per_council)
            ]
        )
        NotificationSetting.objects.bulk_create(
            [NotificationSetting(user=u, email_mode=NotificationSetting.EmailMode.OFF) for u in users]
        )
        council_group_ensure(council=council, role=CouncilRole.SECRETARIAT).user_set.add(
            *users[: users_per_council // 2]
        )
        plan = Plan.objects.create(
            council=council,
            title="Nærsundhedsplan",
            period_start_year=2027,
            period_end_year=2030,
            created_by=admin,
        )
        process_plan = ProcessPlan.objects.create(plan=plan)
        milestones = ProcessMilestone.objects.bulk_create(
            [
                ProcessMilestone(
                    process_plan=process_plan,
                    kind="other",
                    title=f"Milepæl {m}",
                    starts_at=datetime(2027, 3, 23, 8 + m % 8, tzinfo=CPH),
                )
                for m in range(MILESTONES)
            ]
        )
        through = ProcessMilestone.responsible.through
        through.objects.bulk_create(
            [
                through(processmilestone_id=m.pk, user_id=u.pk)
                for m in milestones
                for u in users[users_per_council // 2 :]
            ]
        )


def _sweep(users_per_council: int) -> dict:
    from planning.models import ProcessMilestone, ReminderDelivery
    from planning.process.services import reminder_sweep_run

    ProcessMilestone.objects.all().delete()
    _build(users_per_council)
    with CaptureQueriesContext(connection) as first_ctx:
        started = time.perf_counter()
        first = reminder_sweep_run(today=SWEEP_DAY)
        first_seconds = time.perf_counter() - started
    with CaptureQueriesContext(connection) as rerun_ctx:
        started = time.perf_counter()
        rerun = reminder_sweep_run(today=SWEEP_DAY)
        rerun_seconds = time.perf_counter() - started
    assert first.sent == COUNCILS * MILESTONES * users_per_council, first
    assert rerun.sent == 0 and ReminderDelivery.objects.count() == first.sent
    return {
        "users_per_council": users_per_council,
        "deliveries": first.sent,
        "seconds": round(first_seconds, 3),
        "queries": len(first_ctx.captured_queries),
        "rerun_seconds": round(rerun_seconds, 3),
        "rerun_queries": len(rerun_ctx.captured_queries),
        "rerun_sent": rerun.sent,
    }


def main() -> None:
    setup_test_environment()
    _prepare_database()
    runs = [_sweep(10), _sweep(30)]
    for run in runs:
        print(
            f"{run['users_per_council']:>3} users/council: {run['deliveries']:>6} reminders "
            f"in {run['seconds']:.3f} s, "
            f"{run['queries']} queries; rerun {run['rerun_seconds']:.3f} s, {run['rerun_queries']} queries, "
            f"{run['rerun_sent']} sent"
        )
    result = {
        "benchmark": "reminder_sweep",
        "database": connection.vendor,
        "councils": COUNCILS,
        "milestones_per_council": MILESTONES,
        "runs": runs,
        "queries_grow_per_recipient": runs[1]["queries"] != runs[0]["queries"],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
