"""Test override: fast hashing, in-memory email, uploads in a throwaway folder; else as settings.py."""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True  # tests that need a real worker start one (tests/celery_worker.py)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sundhedsraad-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sundhedsraad-test-static-"))  # WhiteNoise wants it to exist
