"""Process-plan fixtures, and a real Celery worker against Redis for the worker tests."""

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from planning.process_rules import COPENHAGEN
from planning.services.process import process_plan_create_from_template
from tests.factories.planning import PlanFactory

REDIS_URL = os.environ.get("PROCESS_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
ROOT = Path(__file__).resolve().parents[3]


def at(year, month, day, hour=9, minute=0) -> datetime:
    """An aware Copenhagen datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


@pytest.fixture
def process_plan(plan, world):
    return process_plan_create_from_template(plan=plan, created_by=world.users["secretariat"])


def _redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture
def celery_worker_process(transactional_db):
    """A real `celery -A config worker` on the pytest-django test database and Redis DB 6.

    Skips with a reason when Redis is unreachable, unless CI=true (then it fails).
    Yields a Celery client app bound to the same broker, for send_task().
    """
    if not _redis_reachable():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; the worker test needs it in CI.")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: the real-worker test is skipped.")
    from celery import Celery
    from django.db import connection

    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER'] or 'postgres'}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )
    if connection.vendor != "postgresql":
        pytest.skip("The real-worker test needs PostgreSQL (set DATABASE_URL).")
    client = Celery("process-tests", broker=REDIS_URL, backend=REDIS_URL)
    client.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DB_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "WARNING",
    }
    celery_bin = Path(sys.executable).with_name("celery")
    command = [
        str(celery_bin),
        "-A",
        "config",
        "worker",
        "-Q",
        "celery,pdf",
        "-P",
        "solo",
        "--concurrency",
        "1",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-n",
        f"process-test-{os.getpid()}@%h",
    ]
    worker = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                pytest.fail(f"Celery worker exited early:\n{worker.stdout.read()}")
            if client.control.ping(timeout=1):
                break
        else:
            pytest.fail("Celery worker did not answer a ping within 60 s.")
        yield client
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        client.close()
