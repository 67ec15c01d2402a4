"""Retrying a transaction that lost a race for a database lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError

T = TypeVar("T")


def with_lock_retry(fn: Callable[[], T], *, timeout: float = 30.0) -> T:
    """Run fn, retrying while SQLite reports the database as locked.

    PostgreSQL waits for row locks by itself (and breaks the rare deadlock by
    failing one side); SQLite gives up with "database is locked" (or, on a
    shared-cache test database, "table is locked") when another connection
    writes. Concurrent imports retry here instead of failing a file for
    contention; fn must be a whole transaction.
    """
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return fn()
        except OperationalError as exc:
            message = str(exc).lower()
            contention = "locked" in message or "deadlock" in message
            if not contention or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
