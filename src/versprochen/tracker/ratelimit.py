"""Login attempts limited per user name and per address, kept in the database.

The database works the same for every worker process and needs no Redis; the
rows of one window are all it holds (older ones are deleted on the next attempt).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from versprochen.tracker.models import LoginAttempt

# An address may try this many times the per-name limit (an office behind one address).
ADDRESS_FACTOR = 4


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.VERSPROCHEN_LOGIN_WINDOW_SECONDS)


def _key(username: str) -> str:
    return " ".join(username.casefold().split())[:150]


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


def record(username: str, ip: str | None, succeeded: bool) -> None:
    """Note an attempt; a success clears the name's failures. Drops rows past the window."""
    now = timezone.now()
    LoginAttempt.objects.filter(at__lt=now - _window()).delete()
    if succeeded:
        LoginAttempt.objects.filter(username=_key(username)).delete()
        return
    LoginAttempt.objects.create(username=_key(username), ip=ip, at=now, succeeded=False)
