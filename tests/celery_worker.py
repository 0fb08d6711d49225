"""A real Celery worker for tests: `celery -A config worker -Q celery,pdf -P solo` against Redis.

Use the ``celery_worker`` fixture (tests/conftest.py makes it available to every test). It needs
``transactional_db`` (it requests it), so rows the test writes are committed and the worker, a separate
process, sees them in the same test database. While the fixture is active the test process sends tasks
to Redis instead of running them eagerly.

Without Redis (or with SQLite, whose test database the worker cannot share) the test is skipped with the
reason, except under ``CI=true``, where it fails: CI must run the task through a real worker at least once.
"""

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

READY_TIMEOUT_SECONDS = 90
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def _unavailable(reason: str):
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true requires a real Celery worker, but: {reason}")
    pytest.skip(reason)


def redis_url() -> str:
    return os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def test_database_url() -> str:
    """DATABASE_URL of the database pytest-django made for this run (e.g. test_sr_pdf)."""
    db = connection.settings_dict
    if "postgresql" not in db["ENGINE"]:
        _unavailable(
            f"the worker cannot share a {db['ENGINE']} test database; set DATABASE_URL to PostgreSQL"
        )
    auth = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or "5432"
    return f"postgres://{auth + '@' if auth else ''}{host}:{port}/{db['NAME']}"


@dataclass
class CeleryWorker:
    process: subprocess.Popen
    log_path: Path
    broker_url: str

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _wait_until_ready(worker: CeleryWorker) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            pytest.fail(f"Celery worker exited with {worker.process.returncode}:\n{worker.log()[-4000:]}")
        if " ready." in worker.log():
            return
        time.sleep(0.25)
    pytest.fail(f"Celery worker not ready after {READY_TIMEOUT_SECONDS}s:\n{worker.log()[-4000:]}")


def _forget_connections(app) -> None:
    """Drop the cached connections, producers and result backend, which still point at the broker
    and backend the app was first used with (memory:// and none without REDIS_URL)."""
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    url = redis_url()
    if not redis_reachable(url):
        _unavailable(f"Redis is not reachable at {url}")
    from config.celery import app

    log_path = tmp_path / "celery-worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": test_database_url(),
        "DB_CONN_MAX_AGE": "0",  # no idle connection left to block the test database's teardown
        "REDIS_URL": url,  # config/settings.py: with REDIS_URL set, tasks are not eager
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "celery,pdf", "-P", "solo",
        "--concurrency", "1", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "-n", f"pytest-{uuid.uuid4().hex[:8]}@%h", "--loglevel", "INFO",
    ]  # fmt: skip
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    worker = CeleryWorker(process=process, log_path=log_path, broker_url=url)
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "result_backend")}
    try:
        _wait_until_ready(worker)
        app.conf.update(task_always_eager=False, broker_url=url, result_backend=url)
        _forget_connections(app)  # a fresh producer pool on the new broker
        yield worker
    finally:
        app.conf.update(**saved)
        _forget_connections(app)
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
