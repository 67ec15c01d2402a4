"""Test runs: fast hashing, local-memory cache, isolated media."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsroom-tests",
    }
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Lockouts are tested on purpose (tests/security); elsewhere they would only
# get in the way of client.login().
AXES_ENABLED = False
# In-process imports must not lower the test runner's own CPU priority.
IMPORT_NICE = 0
# Tests import inside their own transaction, which worker processes cannot see.
IMPORT_WORKERS = 1
