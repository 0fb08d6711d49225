"""Production settings: `check --deploy` is clean and cookies are Secure, HttpOnly and SameSite."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from tests.factories import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _production_env(**extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),  # 67 random characters
        "ALLOWED_HOSTS": "example.dk",
        "DATABASE_URL": "postgres://sundhed:hemmeligt@db.example.dk:5432/sundhedsraad",
        "REDIS_URL": "redis://redis.example.dk:6379/0",
        "EMAIL_URL": "smtp://portal:hemmeligt@smtp.example.dk:587?tls=1",
        "PORTAL_BASE_URL": "https://example.dk",
    }
    env.update(extra)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_with_a_weak_secret_key():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env(SECRET_KEY="kort"))
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = _production_env()
    del env["SECRET_KEY"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in [
    "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "SESSION_COOKIE_AGE", "SESSION_IDLE_SECONDS", "SESSION_ABSOLUTE_SECONDS", "AXES_FAILURE_LIMIT",
    "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "CELERY_TASK_ALWAYS_EAGER", "ALLOWED_HOSTS",
]} | {"DB_ENGINE": settings.DATABASES["default"]["ENGINE"], "DB_HOST": settings.DATABASES["default"]["HOST"],
      "MIN_PASSWORD": [v.get("OPTIONS", {}).get("min_length") for v in settings.AUTH_PASSWORD_VALIDATORS]}))
"""


def test_production_settings_come_from_the_environment():
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_IDLE_SECONDS"] == 30 * 60
    assert values["SESSION_ABSOLUTE_SECONDS"] == values["SESSION_COOKIE_AGE"] == 12 * 60 * 60
    assert 12 in values["MIN_PASSWORD"]
    assert values["ALLOWED_HOSTS"] == ["example.dk"]
    assert values["DB_ENGINE"] == "django.db.backends.postgresql"
    assert values["DB_HOST"] == "db.example.dk"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == (
        "smtp.example.dk",
        587,
        True,
    )
    assert values["CELERY_TASK_ALWAYS_EAGER"] is False


def test_session_and_csrf_cookies_carry_secure_httponly_and_samesite(client, world, settings):
    """The production flags reach the Set-Cookie headers of a real login."""
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    page = client.get(reverse("login"), secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    response = client.post(reverse("login"), {"username": "member", "password": TEST_PASSWORD}, secure=True)
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] is True
    assert session_cookie["httponly"] is True
    assert session_cookie["samesite"] == "Lax"
    assert int(session_cookie["max-age"]) == 12 * 60 * 60
