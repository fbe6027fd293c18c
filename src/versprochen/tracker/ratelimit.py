"""Login attempts limited per user name and per address, kept in the database.

The database works the same for every worker process and needs no Redis; the
rows of one window are all it holds (older ones are deleted on the next attempt).

`admit` checks the limits and, when the attempt may go on, counts it as a failure
before the password is checked, all under a lock on the name and the address (the
caller's transaction holds it until it ends): parallel attempts are counted one
after the other, so no more passwords are checked than the limit allows. A success
then clears the name's failures (`succeeded`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import connection
from django.utils import timezone

from versprochen.tracker.models import LoginAttempt

# An address may try this many times the per-name limit: a newsroom or an office behind
# one address (a NAT, a proxy not configured as trusted) is many people mistyping.
ADDRESS_FACTOR = 20


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.VERSPROCHEN_LOGIN_WINDOW_SECONDS)


def _key(username: str) -> str:
    return " ".join(username.casefold().split())[:150]


def _lock(*keys: str) -> None:
    """Hold a lock on each key until the transaction ends: PostgreSQL's transaction-level
    advisory locks, always taken in the same order (the name, then the address). SQLite
    needs none: its write transactions (BEGIN IMMEDIATE) run one at a time anyway."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("the login rate limit needs the caller's transaction")
    with connection.cursor() as cursor:
        for key in keys:
            number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


def blocked_for(username: str, ip: str | None) -> int:
    """Seconds until `username` (or `ip`) may try again; 0 when allowed now."""
    now = timezone.now()
    since = now - _window()
    limit = settings.VERSPROCHEN_LOGIN_ATTEMPTS
    failures = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    by_name = failures.filter(username=_key(username)).order_by("-at")
    waits = []
    if by_name[:limit].count() >= limit:
        oldest = by_name[limit - 1 : limit].values_list("at", flat=True).first()
        waits.append(oldest)
    if ip:
        by_ip = failures.filter(ip=ip).order_by("-at")
        n = limit * ADDRESS_FACTOR
        if by_ip[:n].count() >= n:
            waits.append(by_ip[n - 1 : n].values_list("at", flat=True).first())
    stamps = [w for w in waits if w is not None]
    if not stamps:
        return 0
    return max(1, int((max(stamps) + _window() - now).total_seconds()))


def admit(username: str, ip: str | None) -> int:
    """Lock the name and the address, then: seconds to wait (0: go on and check the
    password, this attempt already counted as a failure). Inside a transaction."""
    _lock(f"login-name:{_key(username)}", f"login-address:{ip or ''}")
    wait = blocked_for(username, ip)
    if not wait:
        now = timezone.now()
        LoginAttempt.objects.filter(at__lt=now - _window()).delete()
        LoginAttempt.objects.create(username=_key(username), ip=ip, at=now, succeeded=False)
    return wait


def succeeded(username: str) -> None:
    """The password was right: the name's failures (this attempt's too) are cleared."""
    LoginAttempt.objects.filter(username=_key(username)).delete()
